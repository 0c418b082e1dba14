//! Which characters of the résumé the PDF fonts cannot draw.
//!
//! Both PDF engines use only the bundled fonts and those of
//! `design.font_paths`, no system fonts: the built-in engine sets a
//! character in the design's face, else in the bundled Arabic and Hebrew
//! fallbacks, else in a font path's face (typst falls back to every font it
//! is given, which includes those). A character none of them draws would
//! print as a blank box; the build warns, naming the character and where
//! it is, instead of failing silently.

use std::collections::BTreeSet;

use unicode_general_category::{GeneralCategory, get_general_category};

use super::design::Tokens;
use super::fonts::{self, SCRIPT_FALLBACKS};
use super::letter::LetterView;
use super::view::Document;

/// Characters that need no glyph: those every PDF reader shows anyway
/// (line breaks, spaces) and format characters (general category Cf:
/// direction controls, zero-width spaces and joiners, the byte-order mark),
/// which are instructions, not characters to draw.
fn needs_no_glyph(c: char) -> bool {
    c.is_control() || c.is_whitespace() || get_general_category(c) == GeneralCategory::Format
}

/// Every character a résumé and its cover letter display that none of the
/// faces its design may use draws, in order.
pub fn missing_glyphs(document: &Document, letter: Option<&LetterView>) -> BTreeSet<char> {
    let mut shown = BTreeSet::new();
    let mut note = |text: &str| shown.extend(text.chars().filter(|&c| !needs_no_glyph(c)));
    document.visit_strings(&mut note);
    if let Some(letter) = letter {
        letter.visit_strings(&mut note);
    }
    undrawn(&document.design, shown)
}

/// Those of `chars` that neither the body family of `design`, nor a
/// bundled fallback, nor a face of its font paths draws. (The monospace
/// family draws code only: a symbol only it has would print as a box in
/// the built-in engine's text.)
fn undrawn(design: &Tokens, mut chars: BTreeSet<char>) -> BTreeSet<char> {
    let mut faces = fonts::bundled();
    faces.retain(|face| {
        let family = face.family.as_str();
        family == design.font || SCRIPT_FALLBACKS.contains(&family)
    });
    // A font path that cannot be read is an error of its own.
    faces.extend(fonts::from_paths(&design.font_paths).unwrap_or_default());
    for face in &faces {
        if chars.is_empty() {
            break;
        }
        if let Ok(parsed) = ttf_parser::Face::parse(&face.data, face.index) {
            chars.retain(|&c| parsed.glyph_index(c).is_none());
        }
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::Theme;
    use crate::render::layouts::Layouts;

    fn design(theme: Theme) -> Tokens {
        Tokens::of_theme(theme, &Layouts::default()).unwrap()
    }

    #[test]
    fn the_bundled_fonts_cover_the_resume_alphabet_arabic_and_hebrew() {
        let chars = "’—–éü€·•ABCxyz0123&%#$@ مرحبا שלום".chars().collect();
        assert_eq!(undrawn(&design(Theme::Classic), chars), BTreeSet::new());
    }

    #[test]
    fn format_characters_need_no_glyph() {
        for c in [
            '\u{200b}', '\u{200f}', '\u{202e}', '\u{2060}', '\u{2068}', '\u{feff}',
        ] {
            assert!(needs_no_glyph(c), "{c:?}");
        }
        assert!(!needs_no_glyph('a') && !needs_no_glyph('\u{645}'));
    }

    #[test]
    fn han_needs_a_font_path() {
        let chars: BTreeSet<char> = "漢☃a".chars().collect();
        let missing = undrawn(&design(Theme::Serif), chars);
        assert_eq!(missing, BTreeSet::from(['漢', '☃']));
    }
}
