//! The command line: argument definitions, one file per subcommand, exit codes.

pub mod args;
pub mod build;
pub mod completions;
pub mod export;
pub mod import;
pub mod lint;
pub mod new;
pub mod schema;
pub mod tailor;
pub mod validate;
pub mod variants;
pub mod watch;

use std::path::Path;
use std::process::ExitCode;

use resumec::build::BuildError;
use resumec::diagnostic::{self, Diagnostic, SourceFile};
use resumec::jsonresume::Loss;
use resumec::model::load::Source;
use resumec::output::is_same_file;

/// Exit statuses, as documented in the README.
pub mod exit {
    pub const INVALID: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const FAILURE: u8 = 3;
}

/// `1 warning`, `3 warnings`.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Prints diagnostics about `source` to stderr.
pub fn print_diagnostics(source: &Source, diagnostics: &[Diagnostic]) {
    let name = source.name();
    let file = SourceFile {
        name: &name,
        text: &source.text,
    };
    eprint!("{}", diagnostic::render(&file, diagnostics));
}

/// Reports a failed build and returns its exit code.
pub fn report_failure(error: BuildError) -> ExitCode {
    match error {
        BuildError::Invalid {
            source,
            diagnostics,
        } => {
            print_diagnostics(&source, &diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: {} is invalid ({errors} error{}); nothing was written",
                source.name(),
                if errors == 1 { "" } else { "s" }
            );
            ExitCode::from(exit::INVALID)
        }
        BuildError::Io(message) => {
            eprintln!("error: {message}");
            ExitCode::from(exit::FAILURE)
        }
        BuildError::Render(error) => {
            eprintln!("error: {error}; nothing was written");
            ExitCode::from(exit::FAILURE)
        }
        BuildError::Refused(message) => {
            eprintln!("error: {message}; nothing was written");
            eprintln!("help: choose another output directory with --out");
            ExitCode::from(exit::USAGE)
        }
        BuildError::Write { path, message } => {
            eprintln!("error: cannot write {}: {message}", path.display());
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// Refuses an output file that would replace `input`, or (without `force`)
/// any existing file; the error is the exit status.
pub fn check_output_file(input: &Path, output: &Path, force: bool) -> Result<(), ExitCode> {
    let why = if is_same_file(input, output) {
        "is the input itself; choose another output file"
    } else if !force && output.exists() {
        "already exists; pass --force to replace it"
    } else {
        return Ok(());
    };
    eprintln!("error: {} {why}", output.display());
    Err(ExitCode::from(exit::FAILURE))
}

/// Lists the fields that did not cross from `file` into `target`.
pub fn report_losses(file: &Path, losses: &[Loss], target: &str) {
    let heading = format!(
        "warning: {} of {} did not carry over to {target}:",
        count(losses.len(), "field"),
        file.display()
    );
    print_fields(&heading, losses);
}

/// Prints `heading` and then one field a line, unless there are none.
pub fn print_fields(heading: &str, fields: &[Loss]) {
    if fields.is_empty() {
        return;
    }
    eprintln!("{heading}");
    for field in fields {
        eprintln!("  {field}");
    }
}
