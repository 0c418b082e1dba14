//! `resumec validate`: report every problem, write nothing.

use std::process::ExitCode;

use super::args::ValidateArgs;
use super::{print_diagnostics, report_failure};
use crate::build::check;

pub fn validate(args: &ValidateArgs) -> ExitCode {
    match check(&args.input.file) {
        Ok((loaded, warnings)) => {
            print_diagnostics(&loaded.source, &warnings);
            let count = warnings.len();
            let note = match count {
                0 => String::new(),
                1 => " (1 warning)".to_owned(),
                n => format!(" ({n} warnings)"),
            };
            eprintln!("{} is valid{note}", loaded.source.name());
            ExitCode::SUCCESS
        }
        Err(error) => report_failure(error),
    }
}
