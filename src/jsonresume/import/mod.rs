//! JSON Resume → résumé. Each JSON Resume section lands in its resume.yaml
//! counterpart; volunteer work joins `experience` tagged `volunteer`, so a
//! variant can drop it. What has no counterpart is reported as a [`Loss`].
//!
//! No entry (a job, a degree, a project, …) is dropped for a missing field:
//! a required text the document lacks becomes the placeholder
//! `UNFILLED`, and a job keeps whichever of its dates can be read;
//! validation flags both.

mod fields;
mod jobs;
mod language;
mod sections;

use super::normalize::normalize;
use super::types::{self, JsonResume};
use super::{Loss, Losses, each};
use crate::model::types::{Basics, Profile, Resume};
use fields::{prose, text};

/// The tag volunteer roles carry in `experience`.
pub const VOLUNTEER_TAG: &str = "volunteer";
/// How a degree's score is written among its details.
pub const SCORE_PREFIX: &str = "Score: ";
/// How a degree's courses are written among its details.
pub const COURSES_PREFIX: &str = "Courses: ";
/// The name an imported résumé gets when the document has none, which
/// validation flags as a placeholder.
const PLACEHOLDER_NAME: &str = "Your Name";

/// A résumé converted from JSON Resume, with what changed on the way.
#[derive(Debug)]
pub struct Imported {
    pub resume: Resume,
    /// Fields read another way than written (older names, other date
    /// notations); their content arrived whole.
    pub notes: Vec<Loss>,
    /// Fields, or parts of them, that did not cross.
    pub losses: Vec<Loss>,
}

/// Why a JSON Resume document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not JSON: the error carries its line and column.
    #[error("{0}")]
    Syntax(serde_json::Error),
    /// JSON, but a value has a type the schema does not allow there and
    /// that cannot be read as one it does (an object where text belongs).
    #[error("at {path}: {error}")]
    Shape {
        /// Where the value is: `work[0].highlights[1]`, or `the top of the
        /// document`.
        path: String,
        error: serde_json::Error,
    },
}

/// Reads a JSON Resume document (a UTF-8 byte order mark is allowed) and
/// converts it, in `locale` when one is given, else in the language its
/// prose is written in (see the `language` module). A syntax error carries
/// its line and column; a value of the wrong type, its path.
pub fn read(text: &str, locale: Option<&str>) -> Result<Imported, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(ReadError::Syntax)?;
    let mended = normalize(&mut value);
    let document: JsonResume =
        serde_path_to_error::deserialize(value).map_err(|error| ReadError::Shape {
            path: match error.path().to_string().as_str() {
                "." => "the top of the document".to_owned(),
                path => path.to_owned(),
            },
            error: error.into_inner(),
        })?;
    let mut imported = import(&document);
    imported.notes.splice(0..0, mended.notes);
    imported.losses.splice(0..0, mended.losses);
    let detected = match locale {
        Some(_) => None,
        None => language::detect(&imported.resume),
    };
    if let Some(code) = detected.filter(|&code| code != crate::model::locale::DEFAULT) {
        imported.notes.push(Loss {
            field: "locale".to_owned(),
            reason: format!(
                "set to `{code}`: the text reads as {}; change `locale:` if it is not",
                crate::model::locale::builtin(code).map_or(code, |l| l.english_name.as_str())
            ),
        });
    }
    imported.resume.locale = locale
        .or(detected)
        .filter(|&code| code != crate::model::locale::DEFAULT)
        .map(str::to_owned);
    Ok(imported)
}

/// Converts a JSON Resume document.
pub fn import(doc: &JsonResume) -> Imported {
    let mut importer = Importer::default();
    let resume = importer.resume(doc);
    Imported {
        resume,
        notes: importer.notes,
        losses: importer.losses.0,
    }
}

#[derive(Default)]
struct Importer {
    notes: Vec<Loss>,
    losses: Losses,
}

impl Importer {
    fn resume(&mut self, doc: &JsonResume) -> Resume {
        self.extra("", &doc.extra);
        let basics = doc.basics.as_ref();
        let imported_basics = self.basics(basics);
        let summary = basics.and_then(|b| prose(b.summary.as_deref()));
        if doc.meta.as_ref().is_some_and(|m| !m.is_null()) {
            self.losses
                .lose("meta", "document metadata is not part of a résumé");
        }
        let interests = doc.interests.iter().map(|i| &i.name);
        let references = doc.references.iter().map(|r| &r.name);
        for (section, names) in [
            ("interests", interests.collect::<Vec<_>>()),
            ("references", references.collect()),
        ] {
            for (i, name) in names.into_iter().enumerate() {
                self.losses.lose(
                    format!("{section}[{i}] ({})", name.as_deref().unwrap_or("")),
                    format!("resume.yaml has no {section} section"),
                );
            }
        }
        let mut experience = each(&doc.work, |i, work| self.work(i, work));
        experience.extend(each(&doc.volunteer, |i, role| self.volunteer(i, role)));
        Resume {
            basics: imported_basics,
            summary,
            experience,
            projects: each(&doc.projects, |i, p| self.project(i, p)),
            skills: self.skills(&doc.skills),
            education: each(&doc.education, |i, e| self.education(i, e)),
            certifications: each(&doc.certificates, |i, c| self.certificate(i, c)),
            publications: each(&doc.publications, |i, p| self.publication(i, p)),
            awards: each(&doc.awards, |i, a| self.award(i, a)),
            languages: each(&doc.languages, |i, l| self.language(i, l)),
            ..Resume::default()
        }
    }

    fn basics(&mut self, basics: Option<&types::Basics>) -> Basics {
        let Some(basics) = basics else {
            self.losses.lose(
                "basics",
                format!("missing; the name is set to the placeholder `{PLACEHOLDER_NAME}`"),
            );
            return Basics {
                name: PLACEHOLDER_NAME.to_owned(),
                ..Basics::default()
            };
        };
        self.extra("basics", &basics.extra);
        self.losses.lose_if(
            "basics.image",
            &basics.image,
            "resumec résumés carry no photo",
        );
        Basics {
            name: self.required("basics.name", &basics.name, PLACEHOLDER_NAME),
            headline: text(&basics.label),
            tagline: None,
            email: text(&basics.email),
            phone: text(&basics.phone),
            location: basics.location.as_ref().and_then(|l| self.location(l)),
            website: self.url("basics.url", &basics.url),
            availability: None,
            profiles: each(&basics.profiles, |i, p| self.profile(i, p)),
        }
    }

    /// A JSON Resume location as one line: `address, city, region postalCode, countryCode`.
    fn location(&mut self, location: &types::Location) -> Option<String> {
        self.extra("basics.location", &location.extra);
        let region = [&location.region, &location.postal_code]
            .into_iter()
            .filter_map(text)
            .collect::<Vec<_>>()
            .join(" ");
        let parts: Vec<String> = [
            text(&location.address),
            text(&location.city),
            Some(region).filter(|r| !r.is_empty()),
            text(&location.country_code),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    fn profile(&mut self, i: usize, profile: &types::Profile) -> Option<Profile> {
        let field = format!("basics.profiles[{i}]");
        self.extra(&field, &profile.extra);
        let network = text(&profile.network).unwrap_or_else(|| "Profile".to_owned());
        let Some(url) = self.url(&format!("{field}.url"), &profile.url) else {
            let username = text(&profile.username).unwrap_or_default();
            self.losses.lose(
                format!("{field} ({network} {username})"),
                "has no web address, which resume.yaml profiles need to be links",
            );
            return None;
        };
        Some(Profile {
            network,
            username: text(&profile.username),
            url,
        })
    }
}
