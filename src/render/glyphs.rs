//! Which characters of the résumé the embedded fonts cannot draw.
//!
//! Both PDF engines use the same embedded fonts and no system fonts, so a
//! character missing from them would print as a blank box; the build warns,
//! naming the character and where it is, instead of failing silently.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::layouts::FONTS;
use super::letter::LetterView;
use super::view::Document;

/// Characters every font-less PDF reader shows anyway (line breaks, spaces).
fn needs_no_glyph(c: char) -> bool {
    c.is_control() || c.is_whitespace()
}

/// Every character a résumé and its cover letter display that the regular
/// font lacks, in order.
pub fn missing_glyphs(document: &Document, letter: Option<&LetterView>) -> BTreeSet<char> {
    let mut missing = BTreeSet::new();
    let mut note = |text: &str| {
        missing.extend(
            text.chars()
                .filter(|&c| !needs_no_glyph(c) && !has_glyph(c)),
        );
    };
    document.visit_strings(&mut note);
    if let Some(letter) = letter {
        letter.visit_strings(&mut note);
    }
    missing
}

fn has_glyph(c: char) -> bool {
    static CMAP: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    CMAP.get_or_init(|| ttf_parser::Face::parse(FONTS[0].1, 0).ok())
        .as_ref()
        .is_some_and(|face| face.glyph_index(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lato_covers_the_resume_alphabet() {
        for c in "’—–éü€·•ABCxyz0123&%#$@".chars() {
            assert!(has_glyph(c), "{c}");
        }
        assert!(!has_glyph('☃'));
        assert!(!has_glyph('漢'));
    }
}
