//! `resumec export`: the résumé (with any variants applied) as a JSON Resume
//! document; every field JSON Resume has no place for is listed.

use resumec::build::{check_in, with_variants};
use resumec::jsonresume::export::export as convert;

use super::args::{ExportArgs, ExportFormat};
use super::{
    CliError, check_codes, check_output_file, print_diagnostics, report_losses, write_file,
};

pub fn export(args: &ExportArgs) -> Result<(), CliError> {
    let ExportFormat::JsonResume = args.to;
    if let Some(output) = &args.output {
        check_output_file(&args.input.file, output, args.force)?;
    }
    check_codes("language", args.lang.lang.as_slice())?;
    let (loaded, warnings) =
        check_in(&args.input.file, &args.input.set, args.lang.lang.as_deref())?;
    print_diagnostics(&loaded.source, &warnings);
    let resume = with_variants(&loaded, &args.variant)?;
    let exported = convert(&resume);
    report_losses(&args.input.file, &exported.losses, "JSON Resume");
    let mut json =
        serde_json::to_string_pretty(&exported.document).expect("JSON Resume always serializes");
    json.push('\n');
    match &args.output {
        Some(path) => {
            write_file(path, json.as_bytes())?;
            eprintln!("wrote {}", path.display());
        }
        None => print!("{json}"),
    }
    Ok(())
}
