//! Shaping with rustybuzz, for text that is more than one glyph per
//! character: Arabic and Hebrew (contextual forms, the lam-alef ligature,
//! marks) and anything set right to left (mirrored brackets, glyphs in
//! visual order). Each glyph keeps the characters it draws, so the PDF can
//! map it back to text.

use rustybuzz::{BufferClusterLevel, Direction, Feature, UnicodeBuffer};
use ttf_parser::Tag;

/// A shaped glyph, in font units.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    pub id: u16,
    /// How far the pen moves after it.
    pub advance: i32,
    /// Where it is drawn, from the start of the text.
    pub x: i32,
    /// Its advance in the font's widths (what a PDF reader moves by).
    pub width: i32,
    /// The characters it draws (a letter and its marks, a ligature's
    /// letters): empty for all but the first glyph of a cluster. Right to
    /// left, they are in visual order too, as text extraction reverses each
    /// right-to-left glyph's characters with the glyphs.
    pub text: String,
}

/// `text` shaped in the face `font` (a file and the face's index in it), left to right or right to left (then
/// in visual order), small capitals when asked; `None` if the face cannot
/// be read.
pub fn shape(font: (&[u8], u32), text: &str, rtl: bool, small_caps: bool) -> Option<Vec<Shaped>> {
    let face = rustybuzz::Face::from_slice(font.0, font.1)?;
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    buffer.set_cluster_level(BufferClusterLevel::Characters);
    let features = match small_caps {
        true => vec![Feature::new(Tag::from_bytes(b"smcp"), 1, ..)],
        false => Vec::new(),
    };
    let glyphs = rustybuzz::shape(&face, &features, buffer);
    let clusters: Vec<usize> = glyphs
        .glyph_infos()
        .iter()
        .map(|info| info.cluster as usize)
        .collect();
    let mut starts = clusters.clone();
    starts.sort_unstable();
    starts.dedup();
    let mut seen = Vec::new();
    let mut pen = 0;
    let shaped = glyphs
        .glyph_infos()
        .iter()
        .zip(glyphs.glyph_positions())
        .zip(&clusters)
        .map(|((info, position), &start)| {
            let id = info.glyph_id as u16;
            let end = starts
                .iter()
                .find(|&&s| s > start)
                .map_or(text.len(), |&s| s);
            let first = !seen.contains(&start);
            seen.push(start);
            let x = pen + position.x_offset;
            pen += position.x_advance;
            Shaped {
                id,
                advance: position.x_advance,
                x,
                width: i32::from(face.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0)),
                text: match (first, rtl) {
                    (true, false) => text.get(start..end).unwrap_or_default().to_owned(),
                    (true, true) => text
                        .get(start..end)
                        .unwrap_or_default()
                        .chars()
                        .rev()
                        .collect(),
                    (false, _) => String::new(),
                },
            }
        })
        .collect();
    Some(shaped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::layouts::SCRIPT_FONTS;

    fn arabic() -> (&'static [u8], u32) {
        (SCRIPT_FONTS[0].1, 0)
    }

    #[test]
    fn a_mark_is_drawn_over_the_letter_it_sits_on() {
        // "عمّان": the shadda sits on the mim; right to left, it comes
        // just before it, as text extraction (which reverses the glyphs)
        // expects a mark after its letter.
        let glyphs = shape(arabic(), "\u{639}\u{645}\u{651}\u{627}\u{646}", true, false).unwrap();
        let texts: Vec<&str> = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(
            texts,
            ["\u{646}", "\u{627}", "\u{651}", "\u{645}", "\u{639}"]
        );
        let (shadda, mim) = (&glyphs[2], &glyphs[3]);
        assert!(shadda.x >= mim.x && shadda.x <= mim.x + mim.advance);
    }

    #[test]
    fn lam_alef_is_one_glyph_that_keeps_both_letters() {
        // "لا": lam then alef, one ligature in Noto Sans Arabic.
        let glyphs = shape(arabic(), "\u{644}\u{627}", true, false).unwrap();
        assert_eq!(glyphs.len(), 1, "{glyphs:?}");
        assert_eq!(glyphs[0].text, "\u{627}\u{644}");
    }

    #[test]
    fn arabic_letters_take_their_joining_forms_in_visual_order() {
        // "بيت": the same letter ب alone and at a word's start differ.
        let alone = shape(arabic(), "\u{628}", true, false).unwrap();
        let word = shape(arabic(), "\u{628}\u{64a}\u{62a}", true, false).unwrap();
        assert_eq!(word.len(), 3);
        // Right to left: the first letter is drawn last, in its initial form.
        assert_eq!(word[2].text, "\u{628}");
        assert_ne!(word[2].id, alone[0].id);
        let logical: String = word.iter().rev().map(|g| g.text.as_str()).collect();
        assert_eq!(logical, "\u{628}\u{64a}\u{62a}");
    }
}
