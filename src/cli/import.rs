//! `resumec import`: a JSON Resume document in, resume.yaml out; every field
//! that has no place in resume.yaml is listed, and the result is validated.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::ImportArgs;
use super::{exit, print_diagnostics, report_failure, report_losses};
use crate::build::{BuildError, check_loaded};
use crate::diagnostic::{Diagnostic, line_column_offset};
use crate::jsonresume::import::import as convert;
use crate::jsonresume::types::JsonResume;
use crate::model::load::read::{ReadError, read_capped, too_large};
use crate::model::load::{Source, load_bytes, to_yaml};
use crate::output::write_atomic;

pub fn import(args: &ImportArgs) -> ExitCode {
    if let Some(output) = &args.output
        && output.exists()
        && !args.force
    {
        eprintln!(
            "error: {} already exists; pass --force to replace it",
            output.display()
        );
        return ExitCode::from(exit::FAILURE);
    }
    let document = match read_json(&args.file) {
        Ok(document) => document,
        Err(code) => return code,
    };
    let imported = convert(&document);
    report_losses(&args.file, &imported.losses, "resume.yaml");
    let yaml = format!(
        "# Converted from {} by `resumec import`.\n{}",
        args.file.display(),
        to_yaml(&imported.resume)
    );
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdout>"));
    let checked = load_bytes(&target, yaml.clone().into_bytes())
        .map_err(BuildError::from)
        .and_then(check_loaded);
    let written = match &args.output {
        Some(path) => write_atomic(path, yaml.as_bytes()),
        None => {
            print!("{yaml}");
            Ok(())
        }
    };
    if let Err(error) = written {
        eprintln!("error: cannot write {}: {error}", target.display());
        return ExitCode::from(exit::FAILURE);
    }
    match checked {
        Ok((loaded, warnings)) => {
            print_diagnostics(&loaded.source, &warnings);
            if args.output.is_some() {
                eprintln!("wrote {}", target.display());
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Invalid {
            source,
            diagnostics,
        }) => {
            print_diagnostics(&source, &diagnostics);
            eprintln!(
                "error: {} was written, but needs the fixes above before it builds",
                target.display()
            );
            ExitCode::from(exit::INVALID)
        }
        Err(error) => report_failure(error),
    }
}

/// Reads and parses the JSON Resume file; a syntax error points at its line.
fn read_json(path: &Path) -> Result<JsonResume, ExitCode> {
    let text = read_capped(path)
        .map_err(|error| match error {
            ReadError::TooLarge => too_large(&path.display().to_string()),
            ReadError::Io(error) => format!("cannot read {}: {error}", path.display()),
        })
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))
        })
        // A byte-order mark is accepted, as it is in resume.yaml.
        .map(|text| match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        })
        .map_err(|message| {
            eprintln!("error: {message}");
            ExitCode::from(exit::FAILURE)
        })?;
    serde_json::from_str(&text).map_err(|error| {
        let offset = line_column_offset(&text, error.line(), error.column());
        let source = Source {
            path: path.to_owned(),
            text,
        };
        let diagnostic = Diagnostic::error(format!("not a JSON Resume document: {error}"))
            .at(Some(offset..offset))
            .help("JSON Resume documents follow https://jsonresume.org/schema");
        print_diagnostics(&source, &[diagnostic]);
        ExitCode::from(exit::INVALID)
    })
}
