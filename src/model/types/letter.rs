//! Cover letters as written under `letters:`, each tied to the variants it
//! is sent with; rendering them is [`crate::render::letter`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;
use crate::model::day::Day;

/// A cover letter, sent with the variants it names: building one of them
/// (`--variant payments`, or `--all-variants`) writes the letter beside
/// the résumé, in the same theme, as `resume-payments-letter.pdf`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Letter {
    /// The variants this letter goes with; each variant has at most one letter.
    pub variants: Vec<String>,
    /// Who the letter is addressed to, e.g. `Hiring Manager`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub recipient: Option<String>,
    /// The company applied to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub company: Option<String>,
    /// The company's address; a newline starts a new line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub address: Option<String>,
    /// The letter's date, `YYYY-MM-DD` [default: `SOURCE_DATE_EPOCH`'s day, else today].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    /// The salutation, e.g. `Dear Hiring Team,`.
    #[schemars(with = "Text")]
    pub greeting: String,
    /// The paragraphs of the letter; inline markup as in every text field.
    #[schemars(with = "Vec<Text>")]
    pub body: Vec<String>,
    /// The complimentary close, e.g. `Sincerely,`; your name follows it.
    #[schemars(with = "Text")]
    pub closing: String,
}
