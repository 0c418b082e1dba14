//! `resumec validate`: report every problem, write nothing.

use std::process::ExitCode;

use super::args::ValidateArgs;
use super::{count, print_diagnostics, report_failure};
use resumec::build::check;

pub fn validate(args: &ValidateArgs) -> ExitCode {
    match check(&args.input.file) {
        Ok((loaded, warnings)) => {
            print_diagnostics(&loaded.source, &warnings);
            let note = match warnings.len() {
                0 => String::new(),
                n => format!(" ({})", count(n, "warning")),
            };
            eprintln!("{} is valid{note}", loaded.source.name());
            ExitCode::SUCCESS
        }
        Err(error) => report_failure(error),
    }
}
