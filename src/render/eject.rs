//! Ejecting a theme: its files written out for customising, in the layout
//! of a layouts directory, so `--layouts DIR` reads them back.
//!
//! A theme is its tokens file plus the typst template and the HTML
//! templates and stylesheet that every theme shares (the tokens carry what
//! differs). The built-in text of each is written unchanged, so a build
//! from the ejected files is byte for byte the build of the built-in theme.

use std::path::{Path, PathBuf};

use super::design::theme_file;
use super::layouts::Layouts;
use crate::model::types::Theme;
use crate::output::write_atomic;

/// Why a theme could not be ejected; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum EjectError {
    #[error("{} already exists (add --force to replace the ejected files)", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {error}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
}

/// The layout files of `theme`, by path under a layouts directory.
pub fn theme_files(theme: Theme) -> Vec<(String, String)> {
    let layouts = Layouts::default();
    let tokens = theme_file(theme);
    let shared = layouts
        .folder("html/")
        .map(|(name, text)| (format!("html/{name}"), text.to_owned()));
    [
        (tokens.clone(), layouts.file(&tokens).to_owned()),
        (
            super::typst::TEMPLATE.to_owned(),
            layouts.file(super::typst::TEMPLATE).to_owned(),
        ),
    ]
    .into_iter()
    .chain(shared)
    .collect()
}

/// Writes the files of `theme` under `dir`; an existing file is replaced
/// only with `force`, and otherwise nothing is written. Returns the paths.
pub fn eject(theme: Theme, dir: &Path, force: bool) -> Result<Vec<PathBuf>, EjectError> {
    let files: Vec<(PathBuf, String)> = theme_files(theme)
        .into_iter()
        .map(|(name, text)| (dir.join(name), text))
        .collect();
    if !force && let Some((path, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(EjectError::Exists(path.clone()));
    }
    for (path, text) in &files {
        let write_error = |error| EjectError::Write {
            path: path.clone(),
            error,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_error)?;
        }
        write_atomic(path, text.as_bytes()).map_err(write_error)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}
