//! `resumec completions SHELL` and `resumec man [COMMAND]`: shell completions
//! and man pages, generated from the same clap definition as the parser.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::CliError;
use super::args::Cli;

pub fn completions(shell: Shell) -> Result<(), CliError> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "resumec", &mut script);
    print(&script)
}

/// Prints resumec(1), or resumec-COMMAND(1): the main page lists every
/// command by the name of its own page, and each of those pages exists.
pub fn man(command: Option<&str>) -> Result<(), CliError> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    // Gives each subcommand its page name, `resumec-build`.
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(subcommand) => subcommand.clone(),
            None => {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                return Err(CliError::Usage(format!(
                    "there is no command `{name}`; commands: {}",
                    names.join(", ")
                )));
            }
        },
    };
    let mut text = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut text)
        .map_err(|error| CliError::Failure(format!("cannot render the man page: {error}")))?;
    print(&text)
}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
fn print(bytes: &[u8]) -> Result<(), CliError> {
    match std::io::stdout().write_all(bytes) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(CliError::Failure(format!(
            "cannot write to stdout: {error}"
        ))),
    }
}
