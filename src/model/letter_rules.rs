//! Checks of `letters:` that the schema cannot express: names that become
//! file names, variants that exist (with "did you mean"), at most one letter
//! per variant, and a letter with something to say.

use super::load::SpanIndex;
use super::schema_keys::did_you_mean;
use super::slug::is_slug;
use super::types::Resume;
use crate::diagnostic::Diagnostic;

/// Every problem in the letters.
pub fn check(resume: &Resume, spans: &SpanIndex) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let declared: Vec<String> = resume.variants.keys().cloned().collect();
    // Which letter claimed each variant first.
    let mut claimed: Vec<(&str, &str)> = Vec::new();
    for (name, letter) in &resume.letters {
        let at = |field: &[&str]| {
            let mut path = vec!["letters", name.as_str()];
            path.extend(field);
            path.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()
        };
        if !is_slug(name) {
            found.push(
                Diagnostic::error(format!("`{name}` cannot name a letter: it becomes part of file names"))
                    .at(spans.key(&at(&[])))
                    .help("use letters, digits, `-`, `_` and `.`, starting with a letter or digit, e.g. `payments`"),
            );
        }
        if letter.variants.is_empty() {
            found.push(
                Diagnostic::error(format!(
                    "the letter `{name}` names no variant, so no build writes it"
                ))
                .at(spans.value(&at(&["variants"])))
                .help("name the variants it is sent with, e.g. `variants: [payments]`"),
            );
        }
        if letter
            .body
            .iter()
            .all(|paragraph| paragraph.trim().is_empty())
        {
            found.push(
                Diagnostic::error(format!("the letter `{name}` has no text"))
                    .at(spans.value(&at(&["body"])))
                    .help("write its paragraphs under `body:`, one list item each"),
            );
        }
        for (i, variant) in letter.variants.iter().enumerate() {
            let index = i.to_string();
            let span = spans.value(&at(&["variants", &index]));
            if !declared.contains(variant) {
                let diagnostic = Diagnostic::error(format!(
                    "the letter `{name}` names the variant `{variant}`, which is not declared"
                ))
                .at(span);
                found.push(match did_you_mean(variant, &declared) {
                    Some(suggestion) => diagnostic.help(format!("did you mean `{suggestion}`?")),
                    None if declared.is_empty() => {
                        diagnostic.help("declare the variant under `variants:`")
                    }
                    None => diagnostic.help(format!("declared variants: {}", declared.join(", "))),
                });
            } else if let Some((first, _)) = claimed.iter().find(|(_, v)| v == variant) {
                found.push(
                    Diagnostic::error(format!(
                        "the variant `{variant}` already has the letter `{first}`"
                    ))
                    .at(span)
                    .help("a variant is sent with one letter: remove it from one of them"),
                );
            } else {
                claimed.push((name, variant));
            }
        }
    }
    found
}
