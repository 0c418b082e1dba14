//! The resumec binary: parse arguments and dispatch; the pipeline is the
//! `resumec` library, and the command line (flags, wording, exit codes) is
//! [`cli`], which only this binary has.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::args::{Cli, Command};
use cli::{build, completions, export, import, lint, new, schema, tailor, validate, variants};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Validate(args) => validate::validate(args),
        Command::Build(args) => build::build(args),
        Command::Variants(args) => variants::variants(args),
        Command::New { path } => new::new(path),
        Command::Completions { shell } => completions::completions(*shell),
        Command::Man { command } => completions::man(command.as_deref()),
        Command::Import(args) => import::import(args),
        Command::Export(args) => export::export(args),
        Command::Schema => schema::schema_command(),
        Command::Lint(args) => lint::lint_command(args),
        Command::Tailor(args) => tailor::tailor_command(args),
    }
}
