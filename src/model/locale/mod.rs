//! Locales: the words and conventions a résumé is printed with in one
//! language — section titles, the word for an ongoing role's end, month
//! names, date and range patterns, the list separator and the direction of
//! the script.
//!
//! Each built-in locale is a catalog, `layouts/locales/<code>.yaml`,
//! embedded in the binary. Month names and date patterns are CLDR's own
//! (tests/locale_catalogs.rs compares every catalog with the CLDR data it
//! was taken from); the labels are resumec's wording. A résumé chooses its
//! locale with `locale:` and may override any label under `labels:`
//! ([`Labels::overridden`]); every renderer formats dates through
//! [`Locale`] (see `dates`), so they agree.

mod catalog;
mod dates;
mod labels;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::model::schema_keys::did_you_mean;

pub use catalog::{all, builtin, codes};
pub use labels::{LabelOverrides, Labels};

/// The locale of a résumé that names none.
pub const DEFAULT: &str = "en";

/// Which way a script runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// One built-in catalog.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// The code résumés name it by: `de`, `pt-BR`.
    pub code: String,
    /// The language's name in itself: `Deutsch`.
    pub name: String,
    /// The language's name in English: `German`.
    pub english_name: String,
    pub direction: Direction,
    pub months: Months,
    pub patterns: Patterns,
    /// What separates the items of a list: `, `, `、`.
    pub list_separator: String,
    pub labels: Labels,
}

/// Month names, as CLDR's Gregorian calendar has them: in a date
/// (`format`) and on their own (`stand-alone`), each wide and abbreviated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Months {
    pub wide: [String; 12],
    pub abbreviated: [String; 12],
    pub standalone_wide: [String; 12],
    pub standalone_abbreviated: [String; 12],
}

/// CLDR date patterns (`MMM y`, `d. MMMM y`) and the range pattern.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patterns {
    /// A year on its own.
    pub year: String,
    /// A month of a year, abbreviated: a job's start.
    pub month_year: String,
    /// A whole day, the month written out: a cover letter's date.
    pub date: String,
    /// Two dates as a period: `{0} – {1}`.
    pub range: String,
}

impl Locale {
    /// This locale with the labels `overrides` sets replaced.
    pub fn with_labels(&self, overrides: &LabelOverrides) -> Locale {
        Locale {
            labels: self.labels.overridden(overrides),
            ..self.clone()
        }
    }
}

/// `text` in capitals as the language writes them: Turkish and Azerbaijani
/// capitalise the dotted `i` as `İ` (Unicode's default mapping, which every
/// other language uses, gives `I`).
pub fn uppercase(lang: &str, text: &str) -> String {
    let primary = lang.split('-').next().unwrap_or(lang);
    match primary {
        "tr" | "az" => text.replace('i', "İ").to_uppercase(),
        _ => text.to_uppercase(),
    }
}

/// The refusal of a code that names no built-in locale; `what` says what
/// the code was meant to be (`locale`, `language`).
pub fn unknown_code(what: &str, code: &str) -> Diagnostic {
    let help = match suggest(code) {
        Some(known) => format!("did you mean `{known}`? `resumec locales` lists them"),
        None => format!(
            "the built-in locales are {}; `resumec locales` lists them",
            codes().collect::<Vec<_>>().join(", ")
        ),
    };
    Diagnostic::error(format!("unknown {what} `{code}`")).help(help)
}

/// The built-in code closest to `code`, for "did you mean".
pub fn suggest(code: &str) -> Option<&'static str> {
    let lower = code.to_ascii_lowercase();
    let same_language = |known: &&str| {
        let known = known.to_ascii_lowercase();
        known == lower || known.split('-').next() == lower.split(['-', '_']).next()
    };
    codes().find(same_language).or_else(|| {
        let lowered: Vec<String> = codes().map(str::to_ascii_lowercase).collect();
        let near = did_you_mean(&lower, &lowered)?;
        codes().find(|known| known.eq_ignore_ascii_case(&near))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_capitals_keep_the_dot() {
        assert_eq!(uppercase("tr", "İş Deneyimi"), "İŞ DENEYİMİ");
        assert_eq!(uppercase("tr", "Beceriler"), "BECERİLER");
        assert_eq!(uppercase("en", "skills"), "SKILLS");
        assert_eq!(uppercase("de", "Straße"), "STRASSE");
    }

    #[test]
    fn near_codes_are_suggested() {
        assert_eq!(suggest("pt-br"), Some("pt-BR"));
        assert_eq!(suggest("pt"), Some("pt-BR"));
        assert_eq!(suggest("deu"), Some("de"));
        assert_eq!(suggest("xx"), None);
    }
}
