//! The same bullet written twice anywhere in the résumé.
//!
//! Bullets are compared as a reader sees them, after [`normalize`]: case,
//! punctuation and runs of whitespace do not make two bullets different.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;

use super::{JobBullet, line_of};

/// The words of a text, lower-cased, without punctuation, one space apart.
pub fn normalize(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A warning at every bullet that repeats an earlier one, naming the earlier one's line.
pub fn check(bullets: &[JobBullet], source: &str) -> Vec<Diagnostic> {
    let mut first_seen: HashMap<String, &JobBullet> = HashMap::new();
    let mut found = Vec::new();
    for bullet in bullets {
        let key = normalize(&bullet.plain);
        if key.is_empty() {
            continue;
        }
        match first_seen.get(&key) {
            Some(first) => {
                let earlier = first.span.as_ref().map_or_else(
                    || "an earlier bullet".to_owned(),
                    |span| format!("the bullet at line {}", line_of(source, span.start)),
                );
                found.push(
                    Diagnostic::warning(format!("this bullet repeats {earlier}"))
                        .at(bullet.span.clone())
                        .help("keep one of them, or say what was different the second time"),
                );
            }
            None => {
                first_seen.insert(key, bullet);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_punctuation_and_spacing_do_not_count() {
        assert_eq!(
            normalize("Built the  double-entry Ledger."),
            normalize("built the double entry ledger")
        );
        assert_eq!(normalize("  Cut p99 by 40%!  "), "cut p99 by 40");
        assert_ne!(normalize("Built the ledger"), normalize("Built a ledger"));
        assert_eq!(normalize("—…"), "");
    }
}
