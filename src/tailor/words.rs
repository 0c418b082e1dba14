//! Words and the keys they are compared by.
//!
//! A word is a run of letters, digits, `#`, `+` and inner dots (`Node.js`,
//! `C#`, `C++`); everything else separates words, so `CI/CD` and
//! `event-driven` are two words each. A phrase's key is its words
//! lower-cased, without dots, run together, with a final plural `s` dropped
//! and a known alias replaced by its usual name: `Node.js`, `NodeJS` and
//! `nodejs` share the key `nodej`, `CI/CD` and `CICD` share `cicd`, and
//! `Postgres` has the key of `PostgreSQL`.

use std::ops::Range;

/// A word of a text, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Its byte range in the text.
    pub range: Range<usize>,
}

/// Names written in more than one way, as (alias key, the key of its usual name).
const ALIASES: &[(&str, &str)] = &[
    ("postgre", "postgresql"),
    ("psql", "postgresql"),
    ("golang", "go"),
    ("k8s", "kubernete"),
    ("js", "javascript"),
    ("ecmascript", "javascript"),
    ("ts", "typescript"),
    ("reactj", "react"),
    ("vuej", "vue"),
    ("expressj", "express"),
    ("mongo", "mongodb"),
    ("dynamo", "dynamodb"),
    ("elastic", "elasticsearch"),
    ("amazonwebservice", "aws"),
    ("googlecloud", "gcp"),
    ("googlecloudplatform", "gcp"),
    ("csharp", "c#"),
    ("cpp", "c++"),
    ("restful", "rest"),
    ("restfulapi", "restapi"),
    ("ml", "machinelearning"),
];

/// Every word of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '#' | '+' | '.' | '\'' | '’');
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(i),
            (Some(from), false) => {
                start = None;
                push_trimmed(text, from..i, &mut found);
            }
            _ => {}
        }
    }
    found
}

/// Adds the word in `range` without its leading and trailing dots and
/// quotes and a possessive `'s`, if anything is left.
fn push_trimmed<'a>(text: &'a str, range: Range<usize>, found: &mut Vec<Word<'a>>) {
    let edges = ['.', '\'', '’'];
    let raw = &text[range.clone()];
    let trimmed = raw.trim_matches(edges);
    let trimmed = ["'s", "’s"]
        .iter()
        .find_map(|possessive| trimmed.strip_suffix(possessive))
        .unwrap_or(trimmed)
        .trim_end_matches(edges);
    if trimmed.is_empty() || trimmed.chars().all(|c| matches!(c, '#' | '+')) {
        return;
    }
    let start = range.start + (raw.len() - raw.trim_start_matches(edges).len());
    found.push(Word {
        text: trimmed,
        range: start..start + trimmed.len(),
    });
}

/// The key of a run of words.
pub fn key_of(words: &[Word<'_>]) -> String {
    let joined: String = words
        .iter()
        .flat_map(|word| word.text.chars())
        .filter(|&c| !matches!(c, '.' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect();
    let singular = match joined.strip_suffix('s') {
        Some(stem) if joined.len() > 3 && !stem.ends_with('s') => stem.to_owned(),
        _ => joined,
    };
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == singular)
        .map_or(singular, |(_, usual)| (*usual).to_owned())
}

/// The key of a phrase.
pub fn key(phrase: &str) -> String {
    key_of(&words(phrase))
}

/// Whether any word of a run has a capital letter (`Go` the language, not `go` the verb).
pub fn capitalized(words: &[Word<'_>]) -> bool {
    words
        .iter()
        .any(|word| word.text.chars().any(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        for group in [
            &["Node.js", "nodejs", "NodeJS", "node.JS"][..],
            &["CI/CD", "cicd", "CI-CD", "ci / cd"],
            &["PostgreSQL", "Postgres", "postgresql", "psql"],
            &["Event-driven architecture", "event driven architectures"],
            &["REST APIs", "REST API", "RESTful APIs"],
            &["Kubernetes", "k8s", "K8S"],
            &["AWS", "Amazon Web Services"],
            &["JavaScript", "JS", "Javascript"],
            &["Microservices", "microservice"],
        ] {
            let keys: Vec<String> = group.iter().map(|phrase| key(phrase)).collect();
            assert!(keys.iter().all(|k| *k == keys[0]), "{group:?}: {keys:?}");
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (a, b) in [
            ("Java", "JavaScript"),
            ("C", "C#"),
            ("C#", "C++"),
            ("Redis", "Red"),
            ("CSS", "CS"),
        ] {
            assert_ne!(key(a), key(b), "{a} and {b}");
        }
    }

    #[test]
    fn words_keep_inner_dots_and_symbols_and_drop_sentence_punctuation() {
        let text = "Kafka, Node.js and C++ (or C#). Also .NET; e.g. CI/CD, the ledger’s 'tools'.";
        let found: Vec<&str> = words(text).iter().map(|word| word.text).collect();
        assert_eq!(
            found,
            [
                "Kafka", "Node.js", "and", "C++", "or", "C#", "Also", "NET", "e.g", "CI", "CD",
                "the", "ledger", "tools"
            ]
        );
        for word in words(text) {
            assert_eq!(&text[word.range.clone()], word.text);
        }
    }
}
