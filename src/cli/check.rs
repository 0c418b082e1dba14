//! `resumec check`: read a PDF back as an ATS would and compare it with the
//! résumé; exit 1 when something is missing.

use resumec::build::{check_in, with_variants};
use resumec::check::{Expected, Report, check as check_pdf};
use resumec::diagnostic::{self, Diagnostic, SourceFile, count, line_starts};
use resumec::model::load::Source;

use super::args::CheckArgs;
use super::{CliError, check_codes};

pub fn check_command(args: &CheckArgs) -> Result<(), CliError> {
    check_codes("language", args.lang.lang.as_slice())?;
    let (loaded, _) = check_in(&args.input.file, &args.input.set, args.lang.lang.as_deref())?;
    // An empty name (`--variant ""`, as a script passes none) is no variant.
    let names: Vec<String> = args
        .variant
        .iter()
        .filter(|n| !n.is_empty())
        .cloned()
        .collect();
    let resume = with_variants(&loaded, &names)?;
    let max_pages = names
        .iter()
        .rev()
        .find_map(|name| loaded.resume.variants[name].max_pages);
    let expected = Expected {
        resume: &resume,
        max_pages,
        spans: &loaded.spans,
    };
    let pdf = args.pdf.display();
    let report = check_pdf(&args.pdf, &expected)
        .map_err(|why| CliError::Invalid(format!("cannot check {pdf}: {why}")))?;
    let against = match names.is_empty() {
        true => loaded.source.name(),
        false => format!("{} (variant {})", loaded.source.name(), names.join("+")),
    };
    match args.json {
        true => println!(
            "{}",
            json(&report, &loaded.source, &pdf.to_string(), &against)
        ),
        false => print!(
            "{}",
            text(&report, &loaded.source, &pdf.to_string(), &against)
        ),
    }
    match report.is_ok() {
        true => Ok(()),
        false => Err(CliError::Invalid(format!(
            "{pdf} does not hold all of {against} ({})",
            count(report.problems.len(), "problem")
        ))),
    }
}

/// The report for a reader: what passed, then the problems and warnings
/// with their lines in the résumé.
fn text(report: &Report, source: &Source, pdf: &str, against: &str) -> String {
    let mut out = format!(
        "{pdf} against {against} (text read with {})\n",
        report.reader
    );
    for passed in &report.passed {
        out.push_str(&format!("  ok  {passed}\n"));
    }
    let name = source.name();
    let file = SourceFile {
        name: &name,
        text: &source.text,
    };
    let mut found: Vec<Diagnostic> = report.problems.clone();
    found.extend(report.warnings.iter().cloned());
    if !found.is_empty() {
        out.push('\n');
        out.push_str(&diagnostic::render(&file, &found));
    }
    out.push_str(&format!(
        "{}: {}, {}\n",
        if report.is_ok() { "passed" } else { "failed" },
        count(report.problems.len(), "problem"),
        count(report.warnings.len(), "warning")
    ));
    out
}

/// The report as JSON: `{"pdf", "resume", "reader", "ok", "passed", "missing", "warnings"}`.
fn json(report: &Report, source: &Source, pdf: &str, against: &str) -> String {
    let starts = line_starts(&source.text);
    let name = source.name();
    let finding = |d: &Diagnostic| {
        let (line, column) = match &d.span {
            Some(span) => {
                let line = starts.partition_point(|&start| start <= span.start);
                let column = source.text[starts[line - 1]..span.start].chars().count() + 1;
                (serde_json::json!(line), serde_json::json!(column))
            }
            None => (serde_json::Value::Null, serde_json::Value::Null),
        };
        serde_json::json!({
            "message": d.message,
            "file": d.span.as_ref().map(|_| &name),
            "line": line,
            "column": column,
            "help": d.help,
        })
    };
    let value = serde_json::json!({
        "pdf": pdf,
        "resume": against,
        "reader": report.reader,
        "ok": report.is_ok(),
        "passed": report.passed,
        "missing": report.problems.iter().map(&finding).collect::<Vec<_>>(),
        "warnings": report.warnings.iter().map(&finding).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).expect("the report serializes")
}
