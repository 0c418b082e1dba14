//! `resumec export`: the résumé (with any variants applied) as a JSON Resume
//! document; every field JSON Resume has no place for is listed.

use std::process::ExitCode;

use super::args::{ExportArgs, ExportFormat};
use super::{check_output_file, exit, print_diagnostics, report_failure, report_losses};
use resumec::build::{check, with_variants};
use resumec::jsonresume::export::export as convert;
use resumec::output::write_atomic;

pub fn export(args: &ExportArgs) -> ExitCode {
    let ExportFormat::JsonResume = args.to;
    if let Some(output) = &args.output
        && let Err(code) = check_output_file(&args.input.file, output, args.force)
    {
        return code;
    }
    let (loaded, warnings) = match check(&args.input.file) {
        Ok(checked) => checked,
        Err(error) => return report_failure(error),
    };
    print_diagnostics(&loaded.source, &warnings);
    let resume = match with_variants(&loaded, &args.variant) {
        Ok(resume) => resume,
        Err(error) => return report_failure(error),
    };
    let exported = convert(&resume);
    report_losses(&args.input.file, &exported.losses, "JSON Resume");
    let mut json =
        serde_json::to_string_pretty(&exported.document).expect("JSON Resume always serializes");
    json.push('\n');
    match &args.output {
        Some(path) => match write_atomic(path, json.as_bytes()) {
            Ok(()) => {
                eprintln!("wrote {}", path.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: cannot write {}: {error}", path.display());
                ExitCode::from(exit::FAILURE)
            }
        },
        None => {
            print!("{json}");
            ExitCode::SUCCESS
        }
    }
}
