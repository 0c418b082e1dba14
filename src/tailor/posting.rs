//! Reading a job posting: plain text, or a JSON Resume job description
//! (<https://jsonresume.org/job-description-schema>) when the file ends in `.json`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::load::read::{MAX_FILE_BYTES, ReadError, read_capped};

/// What a posting asks for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Posting {
    /// Keywords named outright: a job description's skill names and keywords.
    pub named: Vec<String>,
    /// Prose to find keywords in: the text, or a job description's
    /// description, responsibilities and qualifications.
    pub prose: Vec<String>,
}

/// The parts of a JSON Resume job description that name skills; other fields are ignored.
#[derive(Debug, Deserialize)]
struct JobDescription {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    responsibilities: Vec<String>,
    #[serde(default)]
    qualifications: Vec<String>,
    #[serde(default)]
    skills: Vec<Skill>,
}

#[derive(Debug, Deserialize)]
struct Skill {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
}

/// Why a job posting cannot be read; each says which file and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum PostingError {
    #[error("job posting {} not found", .0.display())]
    NotFound(PathBuf),
    #[error("cannot read the job posting {}: {error}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
    #[error("the job posting {} is larger than {MAX_FILE_BYTES} bytes; larger files are refused", .0.display())]
    TooLarge(PathBuf),
    #[error("the job posting {} is not UTF-8 text (byte {valid_up_to})", path.display())]
    NotText { path: PathBuf, valid_up_to: usize },
    #[error("the job posting {} is empty", .0.display())]
    Empty(PathBuf),
    #[error("{}:{line}:{column}: not a JSON Resume job description: {message}", path.display())]
    NotJobDescription {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Reads the posting at `path`, in bounded memory.
pub fn read(path: &Path) -> Result<Posting, PostingError> {
    let bytes = read_capped(path).map_err(|error| match error {
        ReadError::TooLarge => PostingError::TooLarge(path.to_owned()),
        ReadError::Io(error) if error.kind() == std::io::ErrorKind::NotFound => {
            PostingError::NotFound(path.to_owned())
        }
        ReadError::Io(error) => PostingError::Unreadable {
            path: path.to_owned(),
            error,
        },
    })?;
    let text = String::from_utf8(bytes).map_err(|e| PostingError::NotText {
        path: path.to_owned(),
        valid_up_to: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(PostingError::Empty(path.to_owned()));
    }
    let is_json = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
    if !is_json {
        return Ok(Posting {
            named: Vec::new(),
            prose: vec![text],
        });
    }
    let job: JobDescription = serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let location = format!(" at line {} column {}", e.line(), e.column());
        PostingError::NotJobDescription {
            path: path.to_owned(),
            line: e.line(),
            column: e.column(),
            message: message
                .strip_suffix(&location)
                .unwrap_or(&message)
                .to_owned(),
        }
    })?;
    Ok(Posting {
        named: job
            .skills
            .into_iter()
            .flat_map(|skill| skill.name.into_iter().chain(skill.keywords))
            .collect(),
        prose: job
            .description
            .into_iter()
            .chain(job.responsibilities)
            .chain(job.qualifications)
            .collect(),
    })
}
