//! The words a résumé prints around its content: section titles, the end
//! of an ongoing role, the names of tag lists and of the document itself.
//!
//! [`Labels`] is a catalog's full set; [`LabelOverrides`] is the
//! `labels:` section of resume.yaml, where any of them may be replaced.
//! Both are generated from one list, so they cannot drift apart.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::types::{Section, Text};

macro_rules! labels {
    ($($(#[doc = $doc:literal])* $key:ident,)*) => {
        /// Every label of a locale.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Labels {
            $($(#[doc = $doc])* pub $key: String,)*
        }

        /// Labels of the résumé's own, replacing the locale's. Each may be
        /// one text for every language or a text per language.
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[schemars(deny_unknown_fields)]
        pub struct LabelOverrides {
            $($(#[doc = $doc])*
            #[serde(default, skip_serializing_if = "Option::is_none")]
            #[schemars(with = "Option<Text>")]
            pub $key: Option<String>,)*
        }

        impl Labels {
            /// These labels with each one `overrides` sets replaced.
            pub fn overridden(&self, overrides: &LabelOverrides) -> Labels {
                Labels {
                    $($key: overrides.$key.clone().unwrap_or_else(|| self.$key.clone()),)*
                }
            }
        }

        impl LabelOverrides {
            /// Whether no label is overridden.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$key.is_none())*
            }

            /// Each label overridden, by its key, in the order of the list.
            pub fn set(&self) -> Vec<(&'static str, &str)> {
                let mut set = Vec::new();
                $(if let Some(text) = &self.$key {
                    set.push((stringify!($key), text.as_str()));
                })*
                set
            }
        }
    };
}

labels! {
    /// The title of `summary`.
    summary,
    /// The title of `experience`.
    experience,
    /// The title of `projects`.
    projects,
    /// The title of `skills`.
    skills,
    /// The title of `education`.
    education,
    /// The title of `certifications`.
    certifications,
    /// The title of `publications`.
    publications,
    /// The title of `awards`.
    awards,
    /// The title of `languages`.
    languages,
    /// The title of `focus_areas`.
    focus_areas,
    /// The title of `about`.
    about,
    /// The end of an ongoing role: `Present`.
    present,
    /// Before a job's or project's technologies.
    technologies,
    /// Before a project's concepts.
    concepts,
    /// The name of the contact details, read by screen readers.
    contact,
    /// The document's name in its title: `Résumé`.
    resume,
    /// A cover letter's name in its title.
    cover_letter,
}

impl Labels {
    /// The title printed above `section`.
    pub fn section(&self, section: Section) -> &str {
        match section {
            Section::Summary => &self.summary,
            Section::Experience => &self.experience,
            Section::Projects => &self.projects,
            Section::Skills => &self.skills,
            Section::Education => &self.education,
            Section::Certifications => &self.certifications,
            Section::Publications => &self.publications,
            Section::Awards => &self.awards,
            Section::Languages => &self.languages,
            Section::FocusAreas => &self.focus_areas,
            Section::About => &self.about,
        }
    }
}
