//! `resumec lint`: what validation lets through but a reader would notice.

use resumec::build::check;
use resumec::lint::lint;

use super::args::LintArgs;
use super::{CliError, count, print_diagnostics};

pub fn lint_command(args: &LintArgs) -> Result<(), CliError> {
    let (loaded, mut warnings) = check(&args.input.file, &args.input.set)?;
    let found = lint(&loaded).map_err(|error| CliError::Failure(error.to_string()))?;
    warnings.extend(found);
    // Validation's warnings and the lint's, in the order of the file.
    warnings.sort_by_key(|d| d.span.as_ref().map_or(0, |span| span.start));
    print_diagnostics(&loaded.source, &warnings);
    let summary = match warnings.len() {
        0 => "no warnings".to_owned(),
        n => count(n, "warning"),
    };
    let name = loaded.source.name();
    if args.deny_warnings && !warnings.is_empty() {
        let denied = format!("{name}: {summary}, denied by --deny-warnings");
        return Err(CliError::Invalid(denied));
    }
    eprintln!("{name}: {summary}");
    Ok(())
}
