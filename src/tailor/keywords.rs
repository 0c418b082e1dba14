//! A posting's keywords: the vocabulary terms it mentions, and the words that
//! look technical on their own.
//!
//! A word looks technical when it starts with a letter and contains a `.`,
//! `#`, `+` or digit (`Node.js`, `C#`, `EC2`), changes case inside
//! (`PostgreSQL`, `gRPC`), or is an acronym of two to five capitals (`AWS`,
//! `SLO`) that is not one of the business acronyms every posting has (`PTO`,
//! `EEO`), a company's legal form (`GmbH`, `AG`) or a benefit (`BVG`,
//! `VSOP`). Abbreviations (`e.g.`), e-mail and web addresses are not keywords.
//! A standard is its family and its number together (`ISO 20022`, `SOC 2`,
//! `ISO/IEC 27001`), never the family alone.

use super::vocabulary::Vocabulary;
use super::words::{Word, key, key_of, words};

/// Acronyms and capitalized words of postings that are not technologies.
const NOT_TECHNICAL: &[&str] = &[
    "A", "ABOUT", "AM", "AND", "ASAP", "B2B", "B2C", "BA", "BONUS", "BS", "CEO", "CET", "CFO",
    "COO", "CTO", "DEI", "EEO", "EOE", "EST", "ET", "EU", "EUR", "FAQ", "FTE", "GBP", "H1", "H2",
    "HQ", "HR", "HOW", "ID", "INC", "IT", "JOB", "KPI", "LLC", "MBA", "MS", "NOTE", "NYC", "OKR",
    "OR", "OTE", "OUR", "PERKS", "PHD", "PM", "PST", "PT", "PTO", "Q1", "Q2", "Q3", "Q4", "ROI",
    "ROLE", "SF", "TBD", "TEAM", "THE", "UK", "US", "USA", "USD", "UTC", "VP", "WE", "WFH", "WHAT",
    "WHO", "WHY", "YOE", "YOU",
];

/// Legal forms that follow a company's name (`Acme GmbH`), in any case.
#[rustfmt::skip]
const LEGAL_FORMS: &[&str] = &[
    "AB", "AG", "ApS", "AS", "ASA", "BV", "BVBA", "Co", "Corp", "eG", "eK", "eV", "GbR", "GmbH",
    "Inc", "KG", "KGaA", "KK", "LLC", "LLP", "Ltd", "NV", "OHG", "Oy", "Oyj", "PBC", "PLC", "Pty",
    "SA", "SAS", "SARL", "SE", "SpA", "Srl", "UG",
];

/// Benefits and perks postings list (`BVG` pension, `VSOP` options), in any case.
#[rustfmt::skip]
const BENEFITS: &[&str] = &[
    "BAV", "BVG", "EAP", "ESOP", "ESPP", "FSA", "HMO", "HSA", "LTIP", "PPO", "RSU", "RSUs",
    "VSOP", "ÖPNV", "JobRad", "EGYM", "BYOD",
];

/// Families of standards, which name a standard only with its number
/// (`ISO 20022`, `SOC 2`, `NIST SP 800-53`); alone they are not keywords.
#[rustfmt::skip]
const STANDARD_FAMILIES: &[&str] = &[
    "ANSI", "ASC", "BS", "CIS", "DIN", "EN", "ETSI", "FIPS", "IAS", "IEC", "IEEE", "IFRS", "ISAE",
    "ISO", "NIST", "PCI", "RFC", "SOC", "SP", "SSAE",
];

/// Top-level domains, to tell `acme.io` from `Node.js`.
const DOMAINS: &[&str] = &["com", "org", "net", "io", "dev", "co", "ai", "app", "jobs"];

/// A keyword: how the posting writes it, and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub text: String,
    pub key: String,
}

impl Keyword {
    /// A keyword named outright, e.g. in a job description's `skills`.
    pub fn named(text: &str) -> Option<Keyword> {
        let key = key(text);
        (!key.is_empty()).then(|| Keyword {
            text: text.trim().to_owned(),
            key,
        })
    }

    fn of(text: &str, run: &[Word<'_>]) -> Keyword {
        let range = run[0].range.start..run[run.len() - 1].range.end;
        Keyword {
            text: text[range].split_whitespace().collect::<Vec<_>>().join(" "),
            key: key_of(run),
        }
    }
}

/// The keywords of a piece of prose, in order of first mention (repeats included).
pub fn keywords(text: &str, vocabulary: &Vocabulary) -> Vec<Keyword> {
    let found_words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < found_words.len() {
        if let Some(n) = standard_at(text, &found_words[i..]) {
            found.push(Keyword::of(text, &found_words[i..i + n]));
            i += n;
            continue;
        }
        match vocabulary.term_at(&found_words[i..]) {
            Some(n) => {
                found.push(Keyword::of(text, &found_words[i..i + n]));
                i += n;
            }
            None => {
                let word = &found_words[i];
                if looks_technical(word.text) && !in_address(text, word) {
                    found.push(Keyword::of(text, std::slice::from_ref(word)));
                }
                i += 1;
            }
        }
    }
    found
}

/// How many words, from the first, name a standard: one or more families
/// then a number, its parts joined by `-` (`ISO/IEC 27001`, `NIST SP 800-53`).
fn standard_at(text: &str, words: &[Word<'_>]) -> Option<usize> {
    let is_family = |word: &Word<'_>| STANDARD_FAMILIES.contains(&word.text);
    let is_number = |word: &Word<'_>| word.text.starts_with(|c: char| c.is_ascii_digit());
    let families = words.iter().take_while(|word| is_family(word)).count();
    if families == 0 || !words.get(families).is_some_and(is_number) {
        return None;
    }
    let parts = words[families..]
        .windows(2)
        .take_while(|pair| {
            is_number(&pair[1]) && &text[pair[0].range.end..pair[1].range.start] == "-"
        })
        .count();
    Some(families + 1 + parts)
}

/// Whether a word looks like the name of a technology.
pub fn looks_technical(word: &str) -> bool {
    let listed = |list: &[&str]| list.iter().any(|known| known.eq_ignore_ascii_case(word));
    if !word.starts_with(char::is_alphabetic)
        || NOT_TECHNICAL.contains(&word)
        || listed(LEGAL_FORMS)
        || listed(BENEFITS)
        || STANDARD_FAMILIES.contains(&word)
    {
        return false;
    }
    let abbreviation = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 1);
    let domain = word.contains('.')
        && !word.chars().any(char::is_uppercase)
        && word
            .rsplit('.')
            .next()
            .is_some_and(|last| DOMAINS.contains(&last));
    if abbreviation || domain {
        return false;
    }
    let symbols = word.contains(['.', '#', '+']) || word.chars().any(|c| c.is_ascii_digit());
    let chars: Vec<char> = word.chars().collect();
    let camel = chars
        .windows(2)
        .any(|pair| pair[0].is_lowercase() && pair[1].is_uppercase());
    let acronym = (2..=5).contains(&chars.len()) && chars.iter().all(|c| c.is_ascii_uppercase());
    symbols || camel || acronym
}

/// Whether a word is part of an e-mail or web address.
fn in_address(text: &str, word: &Word<'_>) -> bool {
    let start = text[..word.range.start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = text[word.range.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| word.range.end + i);
    let chunk = &text[start..end];
    chunk.contains('@') || chunk.contains("://") || chunk.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::Resume;

    fn texts(text: &str) -> Vec<String> {
        keywords(text, &Vocabulary::new(&Resume::default()))
            .into_iter()
            .map(|keyword| keyword.text)
            .collect()
    }

    #[test]
    fn technical_words() {
        for word in [
            "Node.js",
            "C#",
            "C++",
            "EC2",
            "S3",
            "PostgreSQL",
            "gRPC",
            "AWS",
            "SLO",
        ] {
            assert!(looks_technical(word), "{word}");
        }
        for word in [
            "e.g",
            "U.S",
            "PTO",
            "Kafka",
            "Senior",
            "401k",
            "I",
            "acme.io",
            "REQUIREMENTS",
        ] {
            assert!(!looks_technical(word), "{word}");
        }
    }

    #[test]
    fn legal_forms_benefits_and_standard_families_alone_are_not_keywords() {
        assert_eq!(
            texts(
                "Acme GmbH (or Acme AG, Beta Ltd) offers BVG, VSOP, RSUs and bAV. \
                 We hold ISO 20022, SOC 2 and ISO/IEC 27001:2013 and follow NIST SP 800-53; \
                 ISO matters, and so does gRPC."
            ),
            [
                "ISO 20022",
                "SOC 2",
                "ISO/IEC 27001",
                "NIST SP 800-53",
                "gRPC"
            ]
        );
    }

    #[test]
    fn finds_terms_and_technical_words_but_not_addresses() {
        assert_eq!(
            texts(
                "You know Go and Spring Boot, run Kubernetes on GCP, and use TerraformCloud. \
                 We go fast, e.g. 5+ years. Write to jobs@acme.io or see https://acme.io/Jobs2."
            ),
            ["Go", "Spring Boot", "Kubernetes", "GCP", "TerraformCloud"]
        );
    }
}
