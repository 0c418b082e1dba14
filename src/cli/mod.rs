//! The command line: argument definitions, one file per subcommand, exit codes.

pub mod args;
pub mod build;
pub mod check;
pub mod completions;
pub mod export;
pub mod import;
pub mod lint;
pub mod locales;
pub mod new;
pub mod schema;
pub mod tailor;
pub mod themes;
pub mod validate;
pub mod variants;
pub mod watch;

use std::path::Path;

use resumec::build::BuildError;
pub use resumec::diagnostic::count;
use resumec::diagnostic::{self, Diagnostic, SourceFile};
use resumec::jsonresume::Loss;
use resumec::model::load::Source;
use resumec::model::locale;
use resumec::output::{Refusal, is_same_file};

/// Exit statuses, as documented in the README.
pub mod exit {
    pub const INVALID: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const FAILURE: u8 = 3;
}

/// Why a command failed: what [`print_error`] prints, and the exit status
/// ([`CliError::status`]).
#[derive(Debug)]
pub enum CliError {
    /// A stage of the library failed.
    Build(BuildError),
    /// Located problems in an input other than the résumé (exit 1).
    Located {
        source: Source,
        diagnostics: Vec<Diagnostic>,
    },
    /// An input is not acceptable (exit 1); the message may list lines after its first.
    Invalid(String),
    /// The command line asks for something that cannot be done (exit 2).
    Usage(String),
    /// A file, an engine or the system failed (exit 3).
    Failure(String),
    /// `context` said first, then the error.
    Context {
        context: String,
        error: Box<CliError>,
    },
}

impl CliError {
    /// The error with `context` said before it.
    pub fn context(self, context: impl Into<String>) -> Self {
        CliError::Context {
            context: context.into(),
            error: Box::new(self),
        }
    }

    /// The exit status the error ends resumec with.
    pub fn status(&self) -> u8 {
        match self {
            CliError::Build(BuildError::Invalid { .. }) => exit::INVALID,
            CliError::Build(BuildError::Refused(_) | BuildError::Unsupported(_)) => exit::USAGE,
            CliError::Build(_) => exit::FAILURE,
            CliError::Located { .. } | CliError::Invalid(_) => exit::INVALID,
            CliError::Usage(_) => exit::USAGE,
            CliError::Failure(_) => exit::FAILURE,
            CliError::Context { error, .. } => error.status(),
        }
    }
}

impl From<BuildError> for CliError {
    fn from(error: BuildError) -> Self {
        CliError::Build(error)
    }
}

/// Prints why a command failed to stderr.
pub fn print_error(error: &CliError) {
    match error {
        CliError::Build(error) => print_build_error(error),
        CliError::Located {
            source,
            diagnostics,
        } => print_diagnostics(source, diagnostics),
        CliError::Invalid(message) | CliError::Usage(message) | CliError::Failure(message) => {
            eprintln!("error: {message}")
        }
        CliError::Context { context, error } => {
            eprintln!("error: {context}");
            print_error(error);
        }
    }
}

fn print_build_error(error: &BuildError) {
    match error {
        BuildError::Invalid {
            source,
            diagnostics,
        } => {
            print_diagnostics(source, diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: {} is invalid ({}); nothing was written",
                source.name(),
                count(errors, "error")
            );
        }
        BuildError::Read { message, .. } => eprintln!("error: {message}"),
        BuildError::Render(error) => eprintln!("error: {error}; nothing was written"),
        BuildError::Theme(error) => eprintln!("error: {error}; nothing was written"),
        BuildError::Unsupported(message) => eprintln!("error: {message}; nothing was written"),
        BuildError::Refused(Refusal::NotADirectory { dir }) => {
            eprintln!(
                "error: --out {} is not a directory; nothing was written",
                dir.display()
            );
            eprintln!("help: choose another output directory with --out");
        }
        BuildError::Refused(refusal) => {
            eprintln!("error: {refusal}; nothing was written");
            eprintln!("help: choose another output directory with --out");
        }
        BuildError::Write { path, error } => {
            eprintln!("error: cannot write {}: {error}", path.display())
        }
    }
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

/// Refuses an output file that would replace `input`, or (without `force`)
/// any existing file.
pub fn check_output_file(input: &Path, output: &Path, force: bool) -> Result<(), CliError> {
    let why = if is_same_file(input, output) {
        "is the input itself; choose another output file"
    } else if !force && output.exists() {
        "already exists; pass --force to replace it"
    } else {
        return Ok(());
    };
    Err(CliError::Failure(format!("{} {why}", output.display())))
}

/// Writes `bytes` to `path` atomically, or says why not.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    resumec::output::write_atomic(path, bytes)
        .map_err(|error| CliError::Failure(format!("cannot write {}: {error}", path.display())))
}

/// Lists the fields that did not cross from `file` into `target`.
pub fn report_losses(file: &Path, losses: &[Loss], target: &str) {
    let heading = format!(
        "warning: {} of {} did not carry over to {target}:",
        count(losses.len(), "field"),
        file.display()
    );
    if !losses.is_empty() {
        eprintln!("{}", with_fields(&heading, losses));
    }
}

/// `heading` and then one field a line, indented.
pub fn with_fields(heading: &str, fields: &[Loss]) -> String {
    let mut text = heading.to_owned();
    for field in fields {
        text.push_str(&format!("\n  {field}"));
    }
    text
}

/// Every code of a `--lang` or `--locale` flag (`what`) a built-in locale,
/// else a usage error with "did you mean", before the résumé is read.
pub fn check_codes(what: &str, codes: &[String]) -> Result<(), CliError> {
    let unknown = codes.iter().find(|code| locale::builtin(code).is_none());
    match unknown {
        None => Ok(()),
        Some(code) => {
            let refusal = locale::unknown_code(what, code);
            let help = refusal.help.unwrap_or_default();
            Err(CliError::Usage(format!("{}; {help}", refusal.message)))
        }
    }
}
