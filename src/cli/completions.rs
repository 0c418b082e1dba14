//! `resumec completions SHELL` and `resumec man [COMMAND]`: shell completions
//! and man pages, generated from the same clap definition as the parser.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::Cli;
use super::exit;

pub fn completions(shell: Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "resumec", &mut script);
    print(&script)
}

/// Prints resumec(1), or resumec-COMMAND(1): the main page lists every
/// command by the name of its own page, and each of those pages exists.
pub fn man(command: Option<&str>) -> ExitCode {
    let mut cli = Cli::command().disable_help_subcommand(true);
    // Gives each subcommand its page name, `resumec-build`.
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(subcommand) => subcommand.clone(),
            None => {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                eprintln!(
                    "error: there is no command `{name}`; commands: {}",
                    names.join(", ")
                );
                return ExitCode::from(exit::USAGE);
            }
        },
    };
    let mut text = Vec::new();
    match clap_mangen::Man::new(page).render(&mut text) {
        Ok(()) => print(&text),
        Err(error) => {
            eprintln!("error: cannot render the man page: {error}");
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
fn print(bytes: &[u8]) -> ExitCode {
    match std::io::stdout().write_all(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write to stdout: {error}");
            ExitCode::from(exit::FAILURE)
        }
    }
}
