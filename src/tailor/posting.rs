//! Reading a job posting: plain text, or a JSON Resume job description
//! (<https://jsonresume.org/job-description-schema>) when the file ends in `.json`.

use std::path::Path;

use serde::Deserialize;

use crate::model::load::read::{ReadError, read_capped, too_large};

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

/// Reads the posting at `path`; the error says what is wrong and where.
pub fn read(path: &Path) -> Result<Posting, String> {
    let name = path.display();
    let bytes = read_capped(path).map_err(|e| match e {
        ReadError::TooLarge => too_large(&format!("the job posting {name}")),
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
            format!("job posting {name} not found")
        }
        ReadError::Io(e) => format!("cannot read the job posting {name}: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "the job posting {name} is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("the job posting {name} is empty"));
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
        format!(
            "{name}:{}:{}: not a JSON Resume job description: {}",
            e.line(),
            e.column(),
            message.strip_suffix(&location).unwrap_or(&message)
        )
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
