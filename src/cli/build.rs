//! `resumec build`: render the résumé once and say what was written
//! (`--watch` repeats it: see [`super::watch`]).

use std::time::Duration;

use resumec::build::{BuildOptions, BuildReport, FitReport, build as run_build};
use resumec::interrupt;
use resumec::model::date::date_of_timestamp;
use resumec::render::Format;
use resumec::render::layouts::Layouts;
use resumec::render::typst::install_hint;
use resumec::render::{Fallback, PdfEngine};

use super::args::BuildArgs;
use super::{CliError, check_codes, count, print_diagnostics};

/// Reads the layouts and the résumé afresh, builds, and reports what was
/// written, or returns why nothing was.
pub fn build(args: &BuildArgs) -> Result<(), CliError> {
    check_codes("language", &args.lang)?;
    let layouts = match &args.layouts {
        Some(dir) => {
            Layouts::with_overrides(dir).map_err(|error| CliError::Usage(error.to_string()))?
        }
        None => Layouts::default(),
    };
    let mut formats = if args.format.is_empty() {
        Format::DEFAULT.to_vec()
    } else {
        args.format.clone()
    };
    formats.sort();
    formats.dedup();
    let options = BuildOptions {
        out_dir: args.out.clone(),
        formats,
        layouts,
        engine: args.engine.into(),
        typst: args.typst.clone(),
        typst_timeout: Duration::from_secs(args.typst_timeout),
        allow_typst_packages: args.allow_typst_packages,
        paper: args.paper.map(Into::into),
        variants: args.variant.clone(),
        all_variants: args.all_variants,
        languages: args.lang.clone(),
        all_languages: args.all_langs,
        letters: !args.no_letters,
        explain: args.explain,
        force: args.force,
        creation_date: args.creation_timestamp.map(date_of_timestamp),
        pdf_standards: args.pdf_standard.iter().map(|&name| name.into()).collect(),
        overrides: args.input.set.clone(),
    };
    let result = run_build(&args.input.file, &options);
    interrupt::checkpoint();
    print_report(&result?, args.explain);
    Ok(())
}

/// Says what the build did: its warnings, the PDF engine, what fitting
/// tightened and dropped, and each file written.
fn print_report(report: &BuildReport, explain: bool) {
    print_diagnostics(&report.source, &report.warnings);
    if let Some(fallback) = &report.fallback {
        eprintln!("{}", fallback_notice(fallback));
    }
    if let Some(engine) = &report.engine {
        eprintln!("{}", engine_line(engine));
    }
    for fit in &report.fits {
        eprintln!("{}", fit_line(fit, explain));
        if explain {
            for change in &fit.tightened {
                eprintln!("  tightened {change}");
            }
            for item in &fit.dropped {
                eprintln!("  dropped {item}");
            }
        }
    }
    if report.up_to_date {
        println!("up to date: nothing changed since the last build (--force rebuilds)");
    }
    for written in &report.written {
        let pages = written
            .pages
            .map(|n| format!(", {}", count(n, "page")))
            .unwrap_or_default();
        println!(
            "wrote {} ({}{pages}, {} ms)",
            written.path.display(),
            human_size(written.bytes),
            written.elapsed.as_millis()
        );
    }
}

/// Why the built-in engine renders the PDF, and a warning when it leaves a
/// custom typst layout unused.
fn fallback_notice(fallback: &Fallback) -> String {
    let mut notice = format!("{}; using the built-in PDF engine", fallback.why);
    if let Some(layout) = &fallback.unused_layout {
        notice.push_str(&format!(
            "\nwarning: the built-in PDF engine does not read the typst layout {}; \
             install typst to use it ({}), or pass --engine native",
            layout.display(),
            install_hint()
        ));
    }
    notice
}

/// `PDF engine: typst 0.15.1 (typst)`, or `PDF engine: built-in`.
fn engine_line(engine: &PdfEngine) -> String {
    match engine {
        PdfEngine::Typst(typst) => format!(
            "PDF engine: typst {} ({})",
            typst.version,
            typst.program.display()
        ),
        PdfEngine::Native => "PDF engine: built-in".to_owned(),
    }
}

/// What fitting did to one document.
fn fit_line(fit: &FitReport, explain: bool) -> String {
    let stem = &fit.stem;
    let mut how = Vec::new();
    if !fit.tightened.is_empty() {
        how.push("tightening the spacing and type".to_owned());
    }
    if !fit.dropped.is_empty() {
        how.push(format!("dropping {}", count(fit.dropped.len(), "item")));
    }
    if how.is_empty() {
        return format!("{stem}: fits in {} as it is", count(fit.max_pages, "page"));
    }
    format!(
        "{stem}: fitted from {} to {} by {}, in {}{}",
        fit.pages_before,
        count(fit.pages, "page"),
        how.join(" and "),
        count(fit.engine_runs, "engine run"),
        if explain {
            ""
        } else {
            " (--explain lists what changed)"
        }
    )
}

fn human_size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}
