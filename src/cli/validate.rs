//! `resumec validate`: report every problem, write nothing, in every
//! language the résumé is written in.

use resumec::build::{check, in_language};
use resumec::diagnostic::merge;

use super::args::ValidateArgs;
use super::{CliError, count, print_diagnostics};

pub fn validate(args: &ValidateArgs) -> Result<(), CliError> {
    let (loaded, mut warnings) = check(&args.input.file, &args.input.set)?;
    let languages = loaded.languages();
    for language in &languages {
        if let Some((_, found)) = in_language(&loaded, language)? {
            merge(&mut warnings, found);
        }
    }
    print_diagnostics(&loaded.source, &warnings);
    let mut notes = Vec::new();
    if languages.len() > 1 {
        notes.push(format!("in {}", languages.join(", ")));
    }
    if !warnings.is_empty() {
        notes.push(count(warnings.len(), "warning"));
    }
    let note = match notes.is_empty() {
        true => String::new(),
        false => format!(" ({})", notes.join("; ")),
    };
    eprintln!("{} is valid{note}", loaded.source.name());
    Ok(())
}
