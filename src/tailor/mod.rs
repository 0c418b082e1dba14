//! `resumec tailor`: how well a résumé covers a job posting's keywords.
//!
//! The posting's keywords are the skills a job description names, the
//! vocabulary terms its prose mentions ([`vocabulary`]: the résumé's own
//! skills, technologies and concepts plus common technology terms) and the
//! words in it that look technical ([`keywords`]). A keyword is covered when
//! the résumé shows it anywhere — in any section, as the render view holds
//! it — compared by key ([`words`]), so `Node.js` matches `NodeJS` and
//! `Postgres` matches `PostgreSQL`.

pub mod keywords;
pub mod posting;
pub mod vocabulary;
pub mod words;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use self::keywords::{Keyword, keywords};
use self::posting::Posting;
use self::vocabulary::Vocabulary;
use self::words::{capitalized, key_of, words};
use crate::model::types::Resume;
use crate::render::design::Tokens;
use crate::render::view::Document;

/// The most words of a résumé phrase a keyword is compared with.
const LONGEST_KEYWORD: usize = 6;

/// Which of a posting's keywords the résumé covers.
#[derive(Debug, Serialize, PartialEq)]
pub struct Coverage {
    /// Keywords the résumé shows, sorted.
    pub matched: Vec<String>,
    /// Keywords it does not, sorted.
    pub missing: Vec<String>,
    /// `matched / (matched + missing)`; 0 when the posting has no keywords.
    pub coverage: f64,
}

/// Compares a résumé with a posting.
pub fn tailor(resume: &Resume, posting: &Posting) -> Coverage {
    let vocabulary = Vocabulary::new(resume);
    let shown = ResumeText::new(resume);
    let mut seen = HashSet::new();
    let (mut matched, mut missing) = (Vec::new(), Vec::new());
    let found = posting
        .named
        .iter()
        .filter_map(|text| Keyword::named(text))
        .chain(
            posting
                .prose
                .iter()
                .flat_map(|text| keywords(text, &vocabulary)),
        );
    for keyword in found {
        if !seen.insert(keyword.key.clone()) {
            continue;
        }
        match shown.shows(&keyword.key, vocabulary.is_proper(&keyword.key)) {
            true => matched.push(keyword.text),
            false => missing.push(keyword.text),
        }
    }
    let total = matched.len() + missing.len();
    let coverage = if total == 0 {
        0.0
    } else {
        matched.len() as f64 / total as f64
    };
    Coverage {
        matched: sorted(matched),
        missing: sorted(missing),
        coverage,
    }
}

fn sorted(mut keywords: Vec<String>) -> Vec<String> {
    keywords.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)));
    keywords
}

/// Every phrase of up to [`LONGEST_KEYWORD`] words the résumé shows, by key,
/// with whether it is ever written with a capital.
struct ResumeText {
    phrases: HashMap<String, bool>,
}

impl ResumeText {
    fn new(resume: &Resume) -> Self {
        let mut phrases: HashMap<String, bool> = HashMap::new();
        Document::new(resume, Tokens::default()).visit_strings(&mut |text| {
            let text_words = words(text);
            for start in 0..text_words.len() {
                let end = text_words.len().min(start + LONGEST_KEYWORD);
                for run in (start + 1..=end).map(|stop| &text_words[start..stop]) {
                    *phrases.entry(key_of(run)).or_default() |= capitalized(run);
                }
            }
        });
        ResumeText { phrases }
    }

    /// Whether the résumé shows a key; a proper name must be capitalized somewhere.
    fn shows(&self, key: &str, proper: bool) -> bool {
        self.phrases
            .get(key)
            .is_some_and(|&capitalized| capitalized || !proper)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::real_resume;

    fn posting(text: &str) -> Posting {
        Posting {
            named: Vec::new(),
            prose: vec![text.to_owned()],
        }
    }

    #[test]
    fn spellings_match_and_each_keyword_counts_once() {
        let coverage = tailor(
            &real_resume(),
            &posting("NodeJS, Postgres and postgresql, Kafka, Kubernetes, kafka again."),
        );
        assert_eq!(coverage.matched, ["Kafka", "NodeJS", "Postgres"]);
        assert_eq!(coverage.missing, ["Kubernetes"]);
        assert_eq!(coverage.coverage, 0.75);
    }

    #[test]
    fn the_verb_go_is_not_the_language() {
        // The résumé says "when things go wrong", never Go the language.
        let coverage = tailor(&real_resume(), &posting("We use Go."));
        assert_eq!(coverage.missing, ["Go"]);
    }

    #[test]
    fn no_keywords_is_no_coverage() {
        let coverage = tailor(&real_resume(), &posting("We are a friendly team."));
        assert_eq!(coverage.coverage, 0.0);
        assert!(coverage.matched.is_empty() && coverage.missing.is_empty());
    }
}
