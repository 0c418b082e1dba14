//! The top of a résumé: name, headline and contact details.

use super::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Name, headline and contact details.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Basics {
    /// Your full name.
    #[schemars(with = "Text")]
    pub name: String,
    /// The role you are, e.g. `Senior Software Engineer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub headline: Option<String>,
    /// One line under the headline: what you work on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub tagline: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, written as you want it shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where you are based, e.g. `Northern Virginia`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub location: Option<String>,
    /// Personal website (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The roles you are open to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
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
    #[schemars(with = "Text")]
    pub network: String,
    /// Your user name there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The profile's address (http or https).
    pub url: String,
}
