//! `resumec build`: render the résumé once and say what was written
//! (`--watch` repeats it: see [`super::watch`]).

use std::time::Duration;

use resumec::build::{BuildOptions, build as run_build};
use resumec::interrupt;
use resumec::model::date::date_of_timestamp;
use resumec::render::Format;
use resumec::render::layouts::Layouts;

use super::args::BuildArgs;
use super::{CliError, print_diagnostics};

/// Reads the layouts and the résumé afresh, builds, and reports what was
/// written, or returns why nothing was.
pub fn build(args: &BuildArgs) -> Result<(), CliError> {
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
        Err(error) => Err(error.into()),
    }
}

fn human_size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}
