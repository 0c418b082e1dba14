//! Variants as written under `variants:`; applying them is
//! [`crate::variant::apply`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Design, Paper, Section, Text};
use crate::model::date::Date;

/// A tailored version of the résumé: what to change, drop and reorder.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Variant {
    /// What this variant is for; `resumec variants` lists it.
    pub description: String,
    /// A headline replacing `basics.headline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub headline: Option<String>,
    /// A tagline replacing `basics.tagline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub tagline: Option<String>,
    /// A summary replacing `summary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
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
    /// Design fields replacing the résumé's, e.g. `{theme: compact}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design: Option<Design>,
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
