//! The embedded Lato faces: advance widths for measuring text, and subsets of
//! exactly the glyphs a document uses for embedding.

use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

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

/// The parsed faces, in [`Style::ALL`] order.
pub struct Fonts {
    faces: Vec<ParsedFont>,
}

impl Fonts {
    pub fn load() -> Result<Fonts, String> {
        let faces = FONTS
            .iter()
            .map(|(name, bytes)| {
                ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                    .ok_or_else(|| format!("the embedded font {name} cannot be read"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Fonts { faces })
    }

    fn face(&self, style: Style) -> &ParsedFont {
        &self.faces[style.index()]
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        let face = self.face(style);
        let units: u32 = text
            .chars()
            .map(|c| {
                let gid = face.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                u32::from(face.get_glyph_width(gid).unwrap_or(0))
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em.max(1))
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
            let (name, bytes) = FONTS[style.index()];
            let face = self.face(*style);
            let mut glyphs: Vec<u16> = chars
                .iter()
                .filter_map(|c| face.lookup_glyph_index(u32::from(*c)))
                .collect();
            glyphs.push(0);
            glyphs.sort_unstable();
            glyphs.dedup();
            let scope = ReadScope::new(bytes)
                .read::<FontData<'_>>()
                .map_err(|e| format!("{name}: {e}"))?;
            let provider = scope
                .table_provider(0)
                .map_err(|e| format!("{name}: {e}"))?;
            let program = subset(
                &provider,
                &glyphs,
                &SubsetProfile::Minimal,
                CmapTarget::Unicode,
            )
            .map_err(|e| format!("subsetting {name}: {e}"))?;
            let mut parsed = ParsedFont::from_bytes(&program, 0, &mut Vec::new())
                .ok_or_else(|| format!("the subset of {name} cannot be read back"))?;
            let stem = name.trim_end_matches(".ttf");
            parsed.font_name = Some(format!("{}+{stem}", subset_tag(chars, style.index())));
            doc.resources.fonts.map.insert(id, PdfFont::new(parsed));
        }
        Ok(ids)
    }
}

/// The six-letter tag a subset font's name carries, derived from its content.
fn subset_tag(chars: &BTreeSet<char>, salt: usize) -> String {
    let mut hash = super::fnv(salt as u64, chars.iter().collect::<String>().as_bytes());
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}
