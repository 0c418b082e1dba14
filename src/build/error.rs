//! Why a build failed, typed so that a caller can tell a bad résumé from a
//! failing engine or disk.

use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::model::load::{LoadError, Source};
use crate::output::Refusal;
use crate::render::RenderError;
use crate::render::design::ThemeError;

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The résumé could not be read; `message` says why and what to do.
    Read { path: PathBuf, message: String },
    /// The résumé is invalid (the diagnostics say where); nothing was written.
    Invalid {
        source: Source,
        diagnostics: Vec<Diagnostic>,
    },
    /// An engine failed; nothing was written.
    Render(RenderError),
    /// A theme's tokens cannot be read (a custom layouts directory's).
    Theme(ThemeError),
    /// Writing an output failed.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// An output would land outside the output directory or on the input;
    /// nothing was written.
    Refused(Refusal),
}

impl BuildError {
    /// Writing `path` failed.
    pub fn write(path: &std::path::Path, error: std::io::Error) -> Self {
        BuildError::Write {
            path: path.to_path_buf(),
            error,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Read { message, .. } => f.write_str(message),
            BuildError::Invalid { source, .. } => write!(f, "{} is invalid", source.name()),
            BuildError::Render(error) => error.fmt(f),
            BuildError::Theme(error) => error.fmt(f),
            BuildError::Write { path, error } => {
                write!(f, "cannot write {}: {error}", path.display())
            }
            BuildError::Refused(refusal) => refusal.fmt(f),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Render(error) => Some(error),
            BuildError::Theme(error) => Some(error),
            BuildError::Write { error, .. } => Some(error),
            BuildError::Refused(refusal) => Some(refusal),
            BuildError::Read { .. } | BuildError::Invalid { .. } => None,
        }
    }
}

impl From<RenderError> for BuildError {
    fn from(error: RenderError) -> Self {
        BuildError::Render(error)
    }
}

impl From<ThemeError> for BuildError {
    fn from(error: ThemeError) -> Self {
        BuildError::Theme(error)
    }
}

impl From<Refusal> for BuildError {
    fn from(refusal: Refusal) -> Self {
        BuildError::Refused(refusal)
    }
}

impl From<LoadError> for BuildError {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::Io { path, message } => BuildError::Read { path, message },
            LoadError::Invalid {
                source,
                diagnostics,
            } => BuildError::Invalid {
                source,
                diagnostics,
            },
        }
    }
}
