//! The résumé model: the serde types that `resume.yaml` deserializes into.
//!
//! Every struct documents its fields with `///` comments; they become the
//! descriptions of `resumec schema`, so editors show them on hover. Unknown
//! keys are not rejected by serde itself: the loader collects all of them at
//! once (with "did you mean") instead of stopping at the first.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, de};

use super::date::{Date, EndDate};

/// A whole résumé, as written in `resume.yaml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Resume {
    /// Who you are and how to reach you.
    pub basics: Basics,
    /// A short professional summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Jobs, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experience: Vec<Job>,
    /// Selected projects, described in prose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Skills grouped by category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillGroup>,
    /// Degrees and schools.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    /// Certifications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Entry>,
    /// Publications and talks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Entry>,
    /// Awards and honours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Entry>,
    /// Spoken languages; `subtitle` holds the fluency.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Entry>,
    /// Areas you focus on, as a bullet list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus_areas: Vec<String>,
    /// How you work, in a few paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    /// Paper size of the PDF.
    #[serde(default)]
    pub paper: Paper,
    /// Tailored versions of this résumé, selected with `--variant NAME` and
    /// applied in the order given.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub variants: IndexMap<String, Variant>,
    /// The sections shown, in order: as written in the file, then as the
    /// variants select them; empty shows none (not a YAML key).
    #[serde(skip)]
    #[schemars(skip)]
    pub section_order: Vec<Section>,
}

/// Name, headline and contact details.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Basics {
    /// Your full name.
    pub name: String,
    /// The role you are, e.g. `Senior Software Engineer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// One line under the headline: what you work on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagline: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, written as you want it shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where you are based, e.g. `Northern Virginia`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Personal website (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The roles you are open to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<String>,
    /// Profiles on other sites (GitHub, LinkedIn, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
}

/// A profile on another site.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Profile {
    /// The site, e.g. `GitHub`.
    pub network: String,
    /// Your user name there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The profile's address (http or https).
    pub url: String,
}

/// One job.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Job {
    /// The employer.
    pub company: String,
    /// Your title there.
    pub title: String,
    /// Where the job was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it began: `YYYY-MM`, or `YYYY` for the year alone. A job
    /// without one is kept, with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// When it ended: `YYYY-MM`, `YYYY`, or `present`. A job without one
    /// is kept, with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EndDate>,
    /// One line about the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The work, grouped by project or area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
}

/// A group of bullets within a job: one project or area of work.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Group {
    /// The project or area, e.g. `Subscription billing platform`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What you did: a string, or `{text, tags, priority}`.
    #[serde(default)]
    pub bullets: Vec<Bullet>,
    /// Technologies used, shown as a quiet line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technologies: Vec<String>,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
}

/// One bullet: plain text, or text with tags and a priority.
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet {
    /// The bullet's text; `**bold**`, `*italic*`, `` `code` `` and `[links](https://…)` allowed.
    pub text: String,
    /// Tags that variants keep or drop.
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    pub priority: Option<u8>,
}

/// A project described in prose.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Project {
    /// The project's name.
    pub name: String,
    /// Where it was built, e.g. the employer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// One line on what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// A link to it (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Paragraphs describing the work.
    #[serde(default)]
    pub description: Vec<String>,
    /// Technologies used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technologies: Vec<String>,
    /// Concepts the project exercised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
    pub category: String,
    /// The skills in it.
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
    pub degree: String,
    /// The school.
    pub institution: String,
    /// Where the school is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it began: `YYYY-MM`, or `YYYY` for the year alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// When it ended: `YYYY-MM`, `YYYY`, or `present`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EndDate>,
    /// Honours, courses, thesis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

/// A certification, publication, award or language.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Entry {
    /// Its name or title.
    pub title: String,
    /// Issuer, publisher, awarder, or fluency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// When: `YYYY-MM`, or `YYYY` for the year alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// A link to it (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A sentence or two about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

/// Paper size of the PDF.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    UsLetter,
    A4,
}

impl Paper {
    /// The width and height of the paper, in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::UsLetter => (215.9, 279.4),
            Paper::A4 => (210.0, 297.0),
        }
    }
}

/// The sections a résumé can show, in the names the YAML uses.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Summary,
    Experience,
    Projects,
    Skills,
    Education,
    Certifications,
    Publications,
    Awards,
    Languages,
    FocusAreas,
    About,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Summary,
        Section::Experience,
        Section::Projects,
        Section::Skills,
        Section::Education,
        Section::Certifications,
        Section::Publications,
        Section::Awards,
        Section::Languages,
        Section::FocusAreas,
        Section::About,
    ];

    /// The YAML key of the section.
    pub fn key(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Experience => "experience",
            Section::Projects => "projects",
            Section::Skills => "skills",
            Section::Education => "education",
            Section::Certifications => "certifications",
            Section::Publications => "publications",
            Section::Awards => "awards",
            Section::Languages => "languages",
            Section::FocusAreas => "focus_areas",
            Section::About => "about",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|section| section.key() == key)
    }

    /// The heading printed above the section.
    pub fn title(self) -> &'static str {
        match self {
            Section::Summary => "Summary",
            Section::Experience => "Experience",
            Section::Projects => "Selected Projects",
            Section::Skills => "Skills",
            Section::Education => "Education",
            Section::Certifications => "Certifications",
            Section::Publications => "Publications",
            Section::Awards => "Awards",
            Section::Languages => "Languages",
            Section::FocusAreas => "Focus Areas",
            Section::About => "About",
        }
    }
}

/// The full form of a bullet, used when it is written as a mapping.
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct BulletFields {
    /// The bullet's text; `**bold**`, `*italic*`, `` `code` `` and `[links](https://…)` allowed.
    text: String,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    priority: Option<u8>,
}

/// A bullet is written back the way it is usually written: a plain string
/// unless it carries tags or a priority.
impl Serialize for Bullet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.tags.is_empty() && self.priority.is_none() {
            serializer.serialize_str(&self.text)
        } else {
            BulletFields {
                text: self.text.clone(),
                tags: self.tags.clone(),
                priority: self.priority,
            }
            .serialize(serializer)
        }
    }
}

impl JsonSchema for Bullet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Bullet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let full = generator.subschema_for::<BulletFields>();
        schemars::json_schema!({
            "description": "One bullet: its text, or a mapping with `text`, `tags` and `priority`.",
            "anyOf": [{"type": "string"}, full],
        })
    }
}

impl<'de> Deserialize<'de> for Bullet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BulletVisitor;

        impl<'de> de::Visitor<'de> for BulletVisitor {
            type Value = Bullet;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a bullet: a string, or a mapping with `text`, `tags` and `priority`")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Bullet, E> {
                Ok(Bullet {
                    text: text.to_owned(),
                    tags: Vec::new(),
                    priority: None,
                })
            }

            fn visit_map<M: de::MapAccess<'de>>(self, map: M) -> Result<Bullet, M::Error> {
                let fields = BulletFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Bullet {
                    text: fields.text,
                    tags: fields.tags,
                    priority: fields.priority,
                })
            }
        }

        deserializer.deserialize_any(BulletVisitor)
    }
}

/// A tailored version of the résumé: what to change, drop and reorder.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Variant {
    /// What this variant is for; `resumec variants` lists it.
    pub description: String,
    /// A headline replacing `basics.headline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// A tagline replacing `basics.tagline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagline: Option<String>,
    /// A summary replacing `summary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Tags whose groups, projects, skills and bullets move to the front of their lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<String>,
    /// When set, tagged items that carry none of these tags are left out (untagged items stay).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keep_tags: Vec<String>,
    /// Tags whose items are left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop_tags: Vec<String>,
    /// The sections to show, in this order (default: all, in file order);
    /// `[]` shows none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<Vec<Section>>,
    /// Sections to leave out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_sections: Vec<Section>,
    /// At most this many bullets per group, highest priority first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bullets: Option<usize>,
    /// Jobs that ended before this date (`YYYY-MM` or `YYYY`) are left out (the latest job always stays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    /// Contact details to leave out, e.g. for a public web version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_contact: Vec<ContactField>,
    /// A page budget: the lowest-priority optional items are dropped until the PDF fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pages: Option<usize>,
    /// Paper size for this variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<Paper>,
}

/// A contact detail a variant can hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactField {
    Email,
    Phone,
    Location,
    Website,
    Profiles,
}
