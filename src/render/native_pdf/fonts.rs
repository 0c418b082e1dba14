//! The embedded Lato faces: advance widths for measuring text, and subsets of
//! exactly the glyphs a document uses for embedding.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};
use subsetter::GlyphRemapper;

use crate::hash::fnv1a_seeded;
use crate::render::layouts::FONTS;

/// One of the four faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    pub fn of(strong: bool, emph: bool) -> Style {
        match (strong, emph) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One embedded face, parsed in place, with the advance of every Latin-1
/// character worked out once.
struct Face {
    name: &'static str,
    bytes: &'static [u8],
    face: ttf_parser::Face<'static>,
    latin1: [u16; 256],
}

impl Face {
    fn parse(name: &'static str, bytes: &'static [u8]) -> Result<Face, String> {
        let face = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| format!("the embedded font {name} cannot be read: {e}"))?;
        let latin1 = std::array::from_fn(|code| advance_of(&face, char::from(code as u8)));
        Ok(Face {
            name,
            bytes,
            face,
            latin1,
        })
    }

    /// The advance width of `c` in font units.
    fn advance(&self, c: char) -> u16 {
        match self.latin1.get(c as usize) {
            Some(&advance) => advance,
            None => advance_of(&self.face, c),
        }
    }
}

/// The advance width of `c` as the PDF draws it, in font units. A
/// character the face lacks is drawn as `.notdef` with no width of its own
/// in the font's widths, so a reader advances it by the PDF's default width,
/// `/DW 1000`: one em.
fn advance_of(face: &ttf_parser::Face<'_>, c: char) -> u16 {
    match face.glyph_index(c) {
        Some(glyph) => face.glyph_hor_advance(glyph).unwrap_or(0),
        None => face.units_per_em(),
    }
}

/// The four faces, in [`Style::ALL`] order, parsed once per process.
pub struct Fonts {
    faces: Vec<Face>,
}

impl Fonts {
    pub fn load() -> Result<&'static Fonts, String> {
        static FONTS_PARSED: OnceLock<Result<Fonts, String>> = OnceLock::new();
        FONTS_PARSED
            .get_or_init(|| {
                let faces = FONTS
                    .iter()
                    .map(|&(name, bytes)| Face::parse(name, bytes))
                    .collect::<Result<_, _>>()?;
                Ok(Fonts { faces })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    fn face(&self, style: Style) -> &Face {
        &self.faces[style.index()]
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        let face = self.face(style);
        let units: u32 = text.chars().map(|c| u32::from(face.advance(c))).sum();
        units as f32 * size / f32::from(face.face.units_per_em().max(1))
    }

    /// Adds each style that `used` names, subset to the characters it draws,
    /// under a fixed resource name; returns the ids in [`Style::ALL`] order.
    pub fn embed(
        &self,
        doc: &mut PdfDocument,
        used: &[BTreeSet<char>; 4],
    ) -> Result<Vec<FontId>, String> {
        let mut ids = Vec::new();
        for (style, chars) in Style::ALL.iter().zip(used) {
            let id = FontId(format!("F{}", style.index() + 1));
            ids.push(id.clone());
            if chars.is_empty() {
                continue;
            }
            let face = self.face(*style);
            let mut remapper = GlyphRemapper::new();
            let codepoint_to_glyph: BTreeMap<u32, u16> = chars
                .iter()
                .filter_map(|&c| {
                    let glyph = face.face.glyph_index(c)?;
                    Some((u32::from(c), remapper.remap(glyph.0)))
                })
                .collect();
            let program = subsetter::subset(face.bytes, 0, &remapper)
                .map_err(|e| format!("subsetting {}: {e}", face.name))?;
            // The subset has no cmap of its own: the PDF maps characters to
            // glyphs, so printpdf gets the mapping from here.
            let mut parsed = ParsedFont::from_bytes(&program, 0, &mut Vec::new())
                .ok_or_else(|| format!("the subset of {} cannot be read back", face.name))?;
            parsed.codepoint_to_glyph = codepoint_to_glyph;
            parsed.pdf_font_metrics.us_weight_class = face.face.weight().to_number();
            let stem = face.name.trim_end_matches(".ttf");
            parsed.font_name = Some(format!("{}+{stem}", subset_tag(chars, style.index())));
            doc.resources.fonts.map.insert(id, PdfFont::new(parsed));
        }
        Ok(ids)
    }
}

/// The six-letter tag a subset font's name carries, derived from its content.
fn subset_tag(chars: &BTreeSet<char>, salt: usize) -> String {
    let mut hash = fnv1a_seeded(salt as u64, chars.iter().collect::<String>().as_bytes());
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_by_the_advances_of_its_characters() {
        let fonts = Fonts::load().unwrap();
        let width = |text| fonts.width(Style::Regular, text, 10.0);
        assert_eq!(width(""), 0.0);
        assert!((width("a—b") - (width("a") + width("—") + width("b"))).abs() < 1e-4);
        assert!(width("WWW") > width("iii"));
        assert!(fonts.width(Style::Bold, "Résumé", 10.0) > width("Résumé"));
        // A character the font lacks advances one em, as the PDF draws it.
        assert_eq!(width("中"), 10.0);
    }

    #[test]
    fn a_subset_draws_each_character_with_a_glyph_of_its_own_width() {
        let fonts = Fonts::load().unwrap();
        let mut doc = PdfDocument::new("subset");
        let mut used: [BTreeSet<char>; 4] = Default::default();
        used[Style::Bold.index()] = "Résumé — 2024 · ‘ok’".chars().collect();
        let ids = fonts.embed(&mut doc, &used).unwrap();
        assert!(
            !doc.resources
                .fonts
                .map
                .contains_key(&ids[Style::Regular.index()])
        );
        let subset = &doc.resources.fonts.map[&ids[Style::Bold.index()]].parsed_font;
        let bold = fonts.face(Style::Bold);
        for &c in &used[Style::Bold.index()] {
            let glyph = subset.lookup_glyph_index(u32::from(c)).unwrap();
            assert_eq!(subset.get_glyph_width(glyph), Some(bold.advance(c)), "{c}");
        }
    }
}
