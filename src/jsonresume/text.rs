//! Text crossing between JSON Resume (plain strings) and resume.yaml (whose
//! prose fields read a small Markdown subset).

use crate::model::inline::{parse, plain_text};

/// Characters that can start inline markup in resume.yaml prose.
const MARKUP: &[char] = &['\\', '*', '_', '`', '[', ']', '<', '>', '&', '!'];

/// Plain text written so that resume.yaml shows it literally: unchanged when
/// it has no markup, else with markup characters backslash-escaped. `None`
/// when no escaping reproduces it (a string Markdown reads as a block keeps
/// its backslashes, so it is left as it was).
pub fn to_prose(text: &str) -> Option<String> {
    if plain_text(&parse(text)) == text {
        return Some(text.to_owned());
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if MARKUP.contains(&c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    (plain_text(&parse(&escaped)) == text).then_some(escaped)
}

/// resume.yaml prose as plain text: markup removed, link labels kept.
pub fn to_plain(prose: &str) -> String {
    plain_text(&parse(prose))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_crosses_unchanged() {
        assert_eq!(
            to_prose("Cut costs by 40%").as_deref(),
            Some("Cut costs by 40%")
        );
    }

    #[test]
    fn markup_characters_are_escaped_and_read_back_literally() {
        for text in [
            "Used *ptr and **kwargs",
            "snake_case_names",
            "[draft](x)",
            "`tick`",
        ] {
            let prose = to_prose(text).unwrap();
            assert_eq!(to_plain(&prose), text, "{prose}");
        }
    }

    #[test]
    fn markup_becomes_plain_text() {
        assert_eq!(
            to_plain("Cut **p99** with [tokio](https://tokio.rs)"),
            "Cut p99 with tokio"
        );
    }
}
