//! The résumé model: the serde types that `resume.yaml` deserializes into.
//!
//! Every struct documents its fields with `///` comments; they become the
//! descriptions of `resumec schema`, so editors show them on hover. Unknown
//! keys are not rejected by serde itself: the loader collects all of them at
//! once (with "did you mean") instead of stopping at the first.
//!
//! One file per part of the document: `basics`, `experience` (jobs,
//! their groups and bullets), `entries` (projects, skills, education and
//! the short entries), `design`, `variant` and `letter`.

mod basics;
mod design;
mod entries;
mod experience;
mod letter;
mod text;
mod variant;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::locale::{self, LabelOverrides};

pub use basics::{Basics, Profile};
pub use design::{Color, Design, Length, Margins, Theme, Unit};
pub use entries::{Education, Entry, Project, SkillGroup};
pub use experience::{Bullet, Group, Job};
pub use letter::Letter;
pub use text::{LOCALE_CODE, LocaleCode, TRANSLATIONS, Text, Translations};
pub use variant::{ContactField, Variant};

/// A whole résumé, as written in `resume.yaml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Resume {
    /// Who you are and how to reach you.
    pub basics: Basics,
    /// A short professional summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
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
    #[schemars(with = "Vec<Text>")]
    pub focus_areas: Vec<String>,
    /// How you work, in a few paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Text>")]
    pub about: Vec<String>,
    /// Paper size of the PDF (`design.paper` wins when both are set).
    #[serde(default)]
    pub paper: Paper,
    /// How the résumé looks: theme, accent colour, font, sizes and margins.
    #[serde(default, skip_serializing_if = "is_default_design")]
    pub design: Design,
    /// The language the résumé is written in, which sets its section
    /// titles, month names and date formats: one of `resumec locales`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<LocaleCode>", extend("default" = locale::DEFAULT))]
    pub locale: Option<String>,
    /// Labels of your own in place of the locale's (section titles,
    /// `present`, …).
    #[serde(default, skip_serializing_if = "LabelOverrides::is_empty")]
    pub labels: LabelOverrides,
    /// Tailored versions of this résumé, selected with `--variant NAME` and
    /// applied in the order given.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub variants: IndexMap<String, Variant>,
    /// Cover letters by name, each sent with the variants it names.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub letters: IndexMap<String, Letter>,
    /// The sections shown, in order: as written in the file, then as the
    /// variants select them; empty shows none (not a YAML key).
    #[serde(skip)]
    #[schemars(skip)]
    pub section_order: Vec<Section>,
}

impl Resume {
    /// The letter sent with a build of these variants: the one naming the
    /// last variant that has a letter (later variants win, as they do for
    /// everything else), with its name.
    pub fn letter_for(&self, variants: &[String]) -> Option<(&str, &Letter)> {
        variants.iter().rev().find_map(|variant| {
            self.letters
                .iter()
                .find(|(_, letter)| letter.variants.contains(variant))
                .map(|(name, letter)| (name.as_str(), letter))
        })
    }

    /// The code of the résumé's locale: `locale:`, else English.
    pub fn locale_code(&self) -> &str {
        self.locale.as_deref().unwrap_or(locale::DEFAULT)
    }

    /// The résumé's locale with its own labels applied; English when the
    /// code is not a built-in one (validation refuses such a file).
    pub fn locale(&self) -> locale::Locale {
        let catalog = locale::builtin(self.locale_code())
            .or_else(|| locale::builtin(locale::DEFAULT))
            .expect("the English catalog is built in");
        catalog.with_labels(&self.labels)
    }

    /// The sections of short entries, each with its key in resume.yaml.
    pub fn entry_sections(&self) -> [(&'static str, &[Entry]); 4] {
        [
            ("certifications", &self.certifications),
            ("publications", &self.publications),
            ("awards", &self.awards),
            ("languages", &self.languages),
        ]
    }
}

fn is_default_design(design: &Design) -> bool {
    *design == Design::default()
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
}
