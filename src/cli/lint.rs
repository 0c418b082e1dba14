//! `resumec lint`: what validation lets through but a reader would notice.

use std::process::ExitCode;

use super::args::LintArgs;
use super::{count, exit, print_diagnostics, report_failure};
use resumec::build::check;
use resumec::lint::lint;

pub fn lint_command(args: &LintArgs) -> ExitCode {
    let (loaded, mut warnings) = match check(&args.input.file) {
        Ok(checked) => checked,
        Err(error) => return report_failure(error),
    };
    match lint(&loaded) {
        Ok(found) => warnings.extend(found),
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(exit::FAILURE);
        }
    }
    // Validation's warnings and the lint's, in the order of the file.
    warnings.sort_by_key(|d| d.span.as_ref().map_or(0, |span| span.start));
    print_diagnostics(&loaded.source, &warnings);
    let summary = match warnings.len() {
        0 => "no warnings".to_owned(),
        n => count(n, "warning"),
    };
    let name = loaded.source.name();
    if args.deny_warnings && !warnings.is_empty() {
        eprintln!("error: {name}: {summary}, denied by --deny-warnings");
        return ExitCode::from(exit::INVALID);
    }
    eprintln!("{name}: {summary}");
    ExitCode::SUCCESS
}
