//! `resumec validate`: report every problem, write nothing.

use resumec::build::check;

use super::args::ValidateArgs;
use super::{CliError, count, print_diagnostics};

pub fn validate(args: &ValidateArgs) -> Result<(), CliError> {
    let (loaded, warnings) = check(&args.input.file, &args.input.set)?;
    print_diagnostics(&loaded.source, &warnings);
    let note = match warnings.len() {
        0 => String::new(),
        n => format!(" ({})", count(n, "warning")),
    };
    eprintln!("{} is valid{note}", loaded.source.name());
    Ok(())
}
