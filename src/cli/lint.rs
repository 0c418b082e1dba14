//! `resumec lint`: what validation lets through but a reader would notice.

use resumec::build::{check, in_language};
use resumec::diagnostic::merge;
use resumec::lint::{lint, lint_text};

use super::args::LintArgs;
use super::{CliError, check_codes, count, print_diagnostics};

pub fn lint_command(args: &LintArgs) -> Result<(), CliError> {
    check_codes("language", args.lang.as_slice())?;
    let (loaded, in_locale) = check(&args.input.file, &args.input.set)?;
    let languages = match &args.lang {
        Some(language) => vec![language.clone()],
        None => loaded.languages(),
    };
    // Each language read on its own: the first is linted whole, the others
    // for what a translation changes (its text); a finding about text they
    // share is said once.
    let mut warnings = Vec::new();
    for (i, language) in languages.iter().enumerate() {
        let translated = in_language(&loaded, language)?;
        let (read, found) = match &translated {
            Some((translated, found)) => (translated, found.clone()),
            None => (&loaded, in_locale.clone()),
        };
        let linted = match i {
            0 => lint(read),
            _ => lint_text(read),
        };
        let linted = linted.map_err(|error| CliError::Failure(error.to_string()))?;
        merge(&mut warnings, found.into_iter().chain(linted));
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
