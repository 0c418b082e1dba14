//! `resumec import`: a JSON Resume document in, resume.yaml out. Every field
//! read another way than written, and every one that has no place in
//! resume.yaml, is listed. The result is validated in memory first: a file
//! that would not validate is never written.

use std::path::{Path, PathBuf};

use resumec::build::{BuildError, check_loaded};
use resumec::diagnostic::{Diagnostic, line_column_offset};
use resumec::jsonresume::import::{self, Imported, read};
use resumec::model::load::read::{ReadError, read_capped, too_large};
use resumec::model::load::{Source, load_bytes, to_yaml};

use super::args::ImportArgs;
use super::{
    CliError, check_codes, check_output_file, count, print_diagnostics, report_losses, with_fields,
    write_file,
};

pub fn import(args: &ImportArgs) -> Result<(), CliError> {
    if let Some(output) = &args.output {
        check_output_file(&args.file, output, args.force)?;
    }
    check_codes("locale", args.locale.as_slice())?;
    let imported = read_json(&args.file, args.locale.as_deref())?;
    report(&args.file, &imported);
    let yaml = format!(
        "# Converted from {} by `resumec import`.\n{}",
        args.file.display(),
        to_yaml(&imported.resume)
    );
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdout>"));
    let (loaded, warnings) = load_bytes(&target, yaml.clone().into_bytes())
        .map_err(BuildError::from)
        .and_then(check_loaded)
        .map_err(|error| {
            CliError::from(error)
                .context("the converted résumé does not validate, so it was not written")
        })?;
    match &args.output {
        Some(path) => write_file(path, yaml.as_bytes())?,
        None => print!("{yaml}"),
    }
    print_diagnostics(&loaded.source, &warnings);
    if args.output.is_some() {
        eprintln!("wrote {}", target.display());
    }
    Ok(())
}

/// Lists what was read another way and what did not carry over.
fn report(file: &Path, imported: &Imported) {
    let heading = format!(
        "note: {} of {} read in another form than written (nothing lost):",
        count(imported.notes.len(), "field"),
        file.display()
    );
    if !imported.notes.is_empty() {
        eprintln!("{}", with_fields(&heading, &imported.notes));
    }
    report_losses(file, &imported.losses, "resume.yaml");
}

/// Reads and converts the JSON Resume file, in bounded memory; a syntax
/// error points at its line, a value of the wrong type names its path.
fn read_json(path: &Path, locale: Option<&str>) -> Result<Imported, CliError> {
    let bytes = read_capped(path).map_err(|error| {
        CliError::Failure(match error {
            ReadError::TooLarge => too_large(&path.display().to_string()),
            ReadError::Io(error) => format!("cannot read {}: {error}", path.display()),
        })
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::Failure(format!("{} is not UTF-8 text", path.display())))?;
    read(&text, locale).map_err(|error| {
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
        let at = match &error {
            import::ReadError::Syntax(syntax) => {
                let offset = line_column_offset(&text, syntax.line(), syntax.column());
                Some(offset..offset)
            }
            import::ReadError::Shape { .. } => None,
        };
        let source = Source {
            path: path.to_owned(),
            text,
        };
        let diagnostic = Diagnostic::error(format!("not a JSON Resume document: {error}"))
            .at(at)
            .help("JSON Resume documents follow https://jsonresume.org/schema");
        CliError::Located {
            source,
            diagnostics: vec![diagnostic],
        }
    })
}
