//! The other sections' entries: projects, skill groups, degrees, and the
//! short entries of certifications, publications, awards and languages.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;
use crate::model::date::{Date, EndDate};

/// A project described in prose.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Project {
    /// The project's name.
    #[schemars(with = "Text")]
    pub name: String,
    /// Where it was built, e.g. the employer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub organization: Option<String>,
    /// One line on what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub subtitle: Option<String>,
    /// A link to it (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Paragraphs describing the work.
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    pub description: Vec<String>,
    /// Technologies used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Text>")]
    pub technologies: Vec<String>,
    /// Concepts the project exercised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Text>")]
    pub concepts: Vec<String>,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
}

/// A category of skills.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SkillGroup {
    /// The category, e.g. `Languages`.
    #[schemars(with = "Text")]
    pub category: String,
    /// The skills in it.
    #[schemars(with = "Vec<Text>")]
    pub items: Vec<String>,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
}

/// A degree.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Education {
    /// The degree, e.g. `B.S. in Computer Science`.
    #[schemars(with = "Text")]
    pub degree: String,
    /// The school.
    #[schemars(with = "Text")]
    pub institution: String,
    /// Where the school is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub location: Option<String>,
    /// When it began: `YYYY-MM`, or `YYYY` for the year alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// When it ended: `YYYY-MM`, `YYYY`, or `present`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EndDate>,
    /// Honours, courses, thesis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Text>")]
    pub details: Vec<String>,
}

/// A certification, publication, award or language.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Entry {
    /// Its name or title.
    #[schemars(with = "Text")]
    pub title: String,
    /// Issuer, publisher, awarder, or fluency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub subtitle: Option<String>,
    /// When: `YYYY-MM`, or `YYYY` for the year alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// A link to it (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A sentence or two about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Text>")]
    pub details: Vec<String>,
}
