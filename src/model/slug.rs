//! Names that become part of file names (variants, letters): a slug of
//! letters, digits, `-`, `_` and `.`, so an output name can never leave
//! `--out` or hide a file.

/// Letters, digits, `-`, `_` and `.`, starting with a letter or digit.
pub(crate) fn is_slug(name: &str) -> bool {
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    name.starts_with(char::is_alphanumeric) && name.chars().all(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_are_slugs() {
        for good in ["payments", "one-page", "de_DE", "v2.1", "français"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in [
            "",
            "x/../../README",
            "/abs/path",
            "..\\x",
            "..",
            ".hidden",
            "-x",
            "a b",
            "a+b",
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
