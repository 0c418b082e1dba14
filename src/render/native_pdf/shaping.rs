//! Shaping with rustybuzz, for text that is more than one glyph per
//! character: Arabic and Hebrew (contextual forms, the lam-alef ligature,
//! marks) and anything set right to left (mirrored brackets, glyphs in
//! visual order). Each glyph keeps the characters it draws, so the PDF can
//! map it back to text.

use std::ops::Range;

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
    /// The characters it draws: its own character when its cluster has a
    /// glyph per character (a letter and its marks), else (a ligature) the
    /// cluster's characters on its first glyph in logical order and none on
    /// the others. Right to left, they are in visual order too, as text
    /// extraction reverses each right-to-left glyph's characters with the
    /// glyphs.
    pub text: String,
    /// Where its cluster's characters are in the text shaped (bytes).
    pub cluster: Range<usize>,
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
    let infos = glyphs.glyph_infos();
    let mut pen = 0;
    let mut shaped: Vec<Shaped> = infos
        .iter()
        .zip(glyphs.glyph_positions())
        .map(|(info, position)| {
            let id = info.glyph_id as u16;
            let x = pen + position.x_offset;
            pen += position.x_advance;
            Shaped {
                id,
                advance: position.x_advance,
                x,
                width: i32::from(face.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0)),
                text: String::new(),
                cluster: 0..0,
            }
        })
        .collect();
    let clusters: Vec<usize> = infos.iter().map(|info| info.cluster as usize).collect();
    let mut starts = clusters.clone();
    starts.sort_unstable();
    starts.dedup();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        // The cluster's glyphs, from the left.
        let mut members: Vec<usize> = (0..shaped.len())
            .filter(|&i| clusters[i] == start)
            .collect();
        let chars = text.get(start..end).unwrap_or_default();
        for &glyph in &members {
            shaped[glyph].cluster = start..end;
        }
        if rtl {
            members.reverse();
        }
        for (glyph, text) in members
            .iter()
            .zip(cluster_texts(&face, chars, &members, &shaped))
        {
            shaped[*glyph].text = match (shaped[*glyph].id, rtl) {
                // A character the face lacks, drawn as `.notdef`: the one
                // glyph cannot read as each such character.
                (0, _) => char::REPLACEMENT_CHARACTER.to_string(),
                (_, true) => text.chars().rev().collect(),
                (_, false) => text,
            };
        }
    }
    Some(shaped)
}

/// What each glyph of a cluster (`members`, in logical order) reads as:
/// a character each when there are as many glyphs as characters (a letter
/// and its marks), the glyph drawing a character's own glyph taking that
/// character; else (a ligature) the whole text on the first glyph.
fn cluster_texts(
    face: &rustybuzz::Face<'_>,
    chars: &str,
    members: &[usize],
    shaped: &[Shaped],
) -> Vec<String> {
    let letters: Vec<char> = chars.chars().collect();
    if letters.len() != members.len() {
        let mut texts = vec![String::new(); members.len()];
        if let Some(first) = texts.first_mut() {
            *first = chars.to_owned();
        }
        return texts;
    }
    let mut free: Vec<Option<char>> = letters.into_iter().map(Some).collect();
    let mut texts: Vec<Option<char>> = members
        .iter()
        .map(|&glyph| {
            let own = free.iter().position(|c| {
                c.and_then(|c| face.glyph_index(c)).map(|g| g.0) == Some(shaped[glyph].id)
            })?;
            free[own].take()
        })
        .collect();
    // The glyphs that are no character's own (contextual forms) take the
    // characters left, in order.
    let mut left = free.into_iter().flatten();
    for text in &mut texts {
        if text.is_none() {
            *text = left.next();
        }
    }
    texts
        .into_iter()
        .map(|c| c.map(String::from).unwrap_or_default())
        .collect()
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
    fn each_glyph_of_a_marked_letter_reads_as_its_own_character() {
        // "مُ" and "بِ": a letter and a mark above or below it; each glyph
        // reads as one character, the letter as the plain letter, so no
        // other use of it reads with the mark.
        for (letter, mark) in [('\u{645}', '\u{64f}'), ('\u{628}', '\u{650}')] {
            let plain = shape(arabic(), &letter.to_string(), true, false).unwrap();
            let glyphs = shape(arabic(), &format!("{letter}{mark}"), true, false).unwrap();
            let texts: Vec<&str> = glyphs.iter().map(|g| g.text.as_str()).collect();
            assert_eq!(texts, [mark.to_string(), letter.to_string()], "{glyphs:?}");
            assert_eq!(glyphs[1].id, plain[0].id);
        }
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
