//! Text crossing between JSON Resume (plain strings) and resume.yaml (whose
//! text fields read a small inline markup, see [`crate::model::inline`]).

use crate::model::inline::{escape, parse, plain_text};

/// Plain text written so that resume.yaml shows it literally: markup
/// characters are backslash-escaped, so `snake_case`, `*ptr` or `[draft]`
/// read back as exactly the text they were.
pub fn to_prose(text: &str) -> String {
    escape(text)
}

/// resume.yaml text as plain text: markup removed, link labels kept.
pub fn to_plain(prose: &str) -> String {
    plain_text(&parse(prose))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_crosses_unchanged() {
        assert_eq!(to_prose("Cut costs by 40%"), "Cut costs by 40%");
        assert_eq!(to_prose("snake_case, \\d+"), "snake_case, \\d+");
    }

    #[test]
    fn markup_characters_are_escaped_and_read_back_literally() {
        for text in [
            "Used *ptr and **kwargs",
            "snake_case_names",
            "[draft](https://x)",
            "`tick`",
            "Shipped:\n- the ledger\n1. design",
            "\\*",
        ] {
            let prose = to_prose(text);
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
