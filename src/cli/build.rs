//! `resumec build`: render the résumé and say what was written, once or,
//! with `--watch`, on every change.

use std::process::ExitCode;
use std::time::Duration;

use super::args::BuildArgs;
use super::{exit, print_diagnostics, report_failure, watch};
use resumec::build::{BuildOptions, build as run_build};
use resumec::interrupt;
use resumec::model::date::date_of_timestamp;
use resumec::render::Format;
use resumec::render::layouts::Layouts;

pub fn build(args: &BuildArgs) -> ExitCode {
    if let Err(error) = interrupt::install() {
        eprintln!("warning: cannot clean up after Ctrl-C: {error}");
    }
    if args.watch {
        return watch::watch(args);
    }
    match build_once(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// Reads the layouts and the résumé afresh, builds, and reports what was
/// written or why nothing was; the error is the failure's exit status.
pub fn build_once(args: &BuildArgs) -> Result<(), ExitCode> {
    let layouts = match &args.layouts {
        Some(dir) => match Layouts::with_overrides(dir) {
            Ok(layouts) => layouts,
            Err(message) => {
                eprintln!("error: {message}");
                return Err(ExitCode::from(exit::USAGE));
            }
        },
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
        explain: args.explain,
        force: args.force,
        creation_date: args.creation_timestamp.map(date_of_timestamp),
    };
    let result = run_build(&args.input.file, &options);
    interrupt::checkpoint();
    match result {
        Ok(report) => {
            print_diagnostics(&report.source, &report.warnings);
            if let Some(note) = &report.engine_note {
                eprintln!("{note}");
            }
            for note in &report.fit_notes {
                eprintln!("{note}");
            }
            if report.up_to_date {
                println!("up to date: nothing changed since the last build (--force rebuilds)");
            }
            for written in &report.written {
                let pages = written
                    .pages
                    .map(|n| format!(", {n} page{}", if n == 1 { "" } else { "s" }))
                    .unwrap_or_default();
                println!(
                    "wrote {} ({}{pages}, {} ms)",
                    written.path.display(),
                    human_size(written.bytes),
                    written.elapsed.as_millis()
                );
            }
            Ok(())
        }
        Err(error) => Err(report_failure(error)),
    }
}

fn human_size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}
