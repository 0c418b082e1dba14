//! `resumec lint`: what validation lets through but a reader would notice.

use resumec::build::check_in;
use resumec::lint::lint;

use super::args::LintArgs;
use super::{CliError, count, print_diagnostics};

pub fn lint_command(args: &LintArgs) -> Result<(), CliError> {
    let (loaded, mut warnings) = check_in(&args.input.file, &args.input.set, None)?;
    let languages = match &args.lang {
        Some(language) => vec![language.clone()],
        None => loaded.languages(),
    };
    // Each language read on its own; a finding about text they share once.
    for language in languages {
        let (translated, found) = check_in(&args.input.file, &args.input.set, Some(&language))?;
        let linted = lint(&translated).map_err(|error| CliError::Failure(error.to_string()))?;
        for finding in found.into_iter().chain(linted) {
            if !warnings.contains(&finding) {
                warnings.push(finding);
            }
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
        let denied = format!("{name}: {summary}, denied by --deny-warnings");
        return Err(CliError::Invalid(denied));
    }
    eprintln!("{name}: {summary}");
    Ok(())
}
