//! The resumec binary: parse arguments and dispatch; the pipeline is the
//! `resumec` library, and the command line (flags, wording, exit codes) is
//! [`cli`], which only this binary has.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::args::{Cli, Command};
use cli::{
    CliError, build, check, completions, export, import, lint, locales, new, print_error, schema,
    tailor, themes, validate, variants, watch,
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(&cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            print_error(&error);
            ExitCode::from(error.status())
        }
    }
}

/// Runs one command.
fn dispatch(command: &Command) -> Result<(), CliError> {
    match command {
        Command::Validate(args) => validate::validate(args),
        Command::Build(args) => {
            if let Err(error) = resumec::interrupt::install() {
                eprintln!("warning: cannot clean up after Ctrl-C: {error}");
            }
            match args.watch {
                true => watch::watch(args),
                false => build::build(args),
            }
        }
        Command::Variants(args) => variants::variants(args),
        Command::New { path } => new::new(path),
        Command::Completions { shell } => completions::completions(*shell),
        Command::Man { command } => completions::man(command.as_deref()),
        Command::Import(args) => import::import(args),
        Command::Export(args) => export::export(args),
        Command::Schema => schema::schema_command(),
        Command::Themes(args) => themes::themes(args),
        Command::Locales => locales::locales(),
        Command::Check(args) => check::check_command(args),
        Command::Lint(args) => lint::lint_command(args),
        Command::Tailor(args) => tailor::tailor_command(args),
    }
}
