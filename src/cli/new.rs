//! `resumec new [PATH]`: write a commented starter résumé, never over an existing file.

use std::io::Write;
use std::path::Path;

use super::CliError;

const STARTER: &str = include_str!("../../layouts/starter/resume.yaml");

pub fn new(path: &Path) -> Result<(), CliError> {
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let result = created.and_then(|mut file| file.write_all(STARTER.as_bytes()));
    match result {
        Ok(()) => {
            eprintln!(
                "wrote {}; edit it, then run `resumec build {}`",
                path.display(),
                path.display()
            );
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(CliError::Failure(format!(
                "{} already exists; resumec new never overwrites a file",
                path.display()
            )))
        }
        Err(error) => Err(CliError::Failure(format!(
            "cannot write {}: {error}",
            path.display()
        ))),
    }
}
