//! Embedding: each face and small-capital variant a document draws with,
//! subset to exactly the characters and shaped glyphs it uses, under fixed
//! resource names, with the mapping from characters (or, for shaped text,
//! from each glyph) to the subset's glyphs that the PDF needs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};
use subsetter::GlyphRemapper;

use super::face::Face;
use super::fonts::{Fonts, Style};
use crate::hash::fnv1a_seeded;

/// What a document draws in each style: characters set one glyph each,
/// and the glyphs of shaped text with the text each reads as.
#[derive(Debug, Default)]
pub struct Usage {
    pub chars: BTreeMap<Style, BTreeSet<char>>,
    pub glyphs: BTreeMap<Style, BTreeMap<u16, String>>,
}

impl Usage {
    /// Notes that `style` draws glyph `id` reading as `text`.
    pub fn glyph(&mut self, style: Style, id: u16, text: &str) {
        read_as(self.glyphs.entry(style).or_default(), id, text);
    }
}

/// Records that glyph `id` reads as `text` in `glyphs`. A PDF font maps
/// each glyph to one text for the whole document, so when one glyph is
/// given two, the shorter one wins (the first of two as short): a
/// ligature's or a mark's text never spills onto every other use of a
/// plain letter.
fn read_as(glyphs: &mut BTreeMap<u16, String>, id: u16, text: &str) {
    let known = glyphs.entry(id).or_insert_with(|| text.to_owned());
    let shorter = (text.chars().count(), text) < (known.chars().count(), known.as_str());
    if !text.is_empty() && (known.is_empty() || shorter) {
        *known = text.to_owned();
    }
}

/// A shaped glyph in an embedded font: its id in the subset and the text
/// the font maps it to.
pub type Subsetted = (u16, String);

/// The embedded fonts: each style's resource, and for each style that
/// draws shaped text, each glyph of the face as the subset has it.
pub struct Embedded {
    pub ids: BTreeMap<Style, FontId>,
    pub glyph_ids: BTreeMap<Style, Arc<HashMap<u16, Subsetted>>>,
}

impl Fonts {
    /// Adds each face and small-capital variant that `used` names, subset to
    /// the characters and glyphs it draws, under a fixed resource name;
    /// returns the resource of each style that draws something.
    pub fn embed(&self, doc: &mut PdfDocument, used: &Usage) -> Result<Embedded, String> {
        // One embedded font per face and small-capital variant.
        let mut programs: BTreeMap<(usize, bool), Program> = BTreeMap::new();
        for (style, chars) in used.chars.iter().filter(|(_, chars)| !chars.is_empty()) {
            let key = (self.index(*style), style.small_caps);
            programs.entry(key).or_default().chars.extend(chars);
        }
        for (style, glyphs) in used.glyphs.iter().filter(|(_, g)| !g.is_empty()) {
            let key = (self.index(*style), style.small_caps);
            let program = programs.entry(key).or_default();
            for (&id, text) in glyphs {
                read_as(&mut program.glyphs, id, text);
            }
        }
        let styles: BTreeSet<&Style> = used.chars.keys().chain(used.glyphs.keys()).collect();
        let mut embedded = Embedded {
            ids: BTreeMap::new(),
            glyph_ids: BTreeMap::new(),
        };
        for (n, (&(index, small_caps), program)) in programs.iter().enumerate() {
            let id = FontId(format!("F{}", n + 1));
            let (font, glyph_ids) = self.subset(self.face_at(index), small_caps, program, n)?;
            doc.resources.fonts.map.insert(id.clone(), font);
            let glyph_ids = Arc::new(glyph_ids);
            for &&style in &styles {
                if (self.index(style), style.small_caps) == (index, small_caps) {
                    embedded.ids.insert(style, id.clone());
                    embedded.glyph_ids.insert(style, glyph_ids.clone());
                }
            }
        }
        Ok(embedded)
    }

    /// `face` cut down to the glyphs of `program`, with the mapping from
    /// characters to glyphs the PDF needs (the subset has no cmap of its
    /// own) and the subset's id of each shaped glyph.
    fn subset(
        &self,
        face: &Face,
        small_caps: bool,
        program: &Program,
        salt: usize,
    ) -> Result<(PdfFont, HashMap<u16, Subsetted>), String> {
        let chars = &program.chars;
        let mut remapper = GlyphRemapper::new();
        let codepoint_to_glyph: BTreeMap<u32, u16> = chars
            .iter()
            .filter_map(|&c| {
                let glyph = face.glyph(c, small_caps)?;
                Some((u32::from(c), remapper.remap(glyph.id)))
            })
            .collect();
        let glyph_ids: HashMap<u16, Subsetted> = program
            .glyphs
            .iter()
            .map(|(&id, text)| (id, (remapper.remap(id), text.clone())))
            .collect();
        let bytes = subsetter::subset(&face.file.data, face.file.index, &remapper)
            .map_err(|e| format!("subsetting {}: {e}", face.name))?;
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
            .ok_or_else(|| format!("the subset of {} cannot be read back", face.name))?;
        parsed.codepoint_to_glyph = codepoint_to_glyph;
        parsed.pdf_font_metrics.us_weight_class = face.weight;
        let variant = if small_caps { "-SC" } else { "" };
        parsed.font_name = Some(format!(
            "{}+{}{variant}",
            subset_tag(chars, program.glyphs.keys(), salt),
            face.name
        ));
        Ok((PdfFont::new(parsed), glyph_ids))
    }
}

/// What one embedded font draws: characters, and shaped glyphs with the
/// text each reads as.
#[derive(Default)]
struct Program {
    chars: BTreeSet<char>,
    glyphs: BTreeMap<u16, String>,
}

/// The six-letter tag a subset font's name carries, derived from its content.
fn subset_tag<'g>(
    chars: &BTreeSet<char>,
    glyphs: impl Iterator<Item = &'g u16>,
    salt: usize,
) -> String {
    let mut content = chars.iter().collect::<String>().into_bytes();
    content.extend(glyphs.flat_map(|g| g.to_be_bytes()));
    let mut hash = fnv1a_seeded(salt as u64, &content);
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
    use crate::model::types::Theme;
    use crate::render::design::Tokens;
    use crate::render::layouts::Layouts;

    fn fonts(theme: Theme) -> Fonts {
        Fonts::for_design(&Tokens::of_theme(theme, &Layouts::default()).unwrap()).unwrap()
    }

    #[test]
    fn a_glyph_given_two_texts_reads_as_the_shorter() {
        let mut glyphs = BTreeMap::new();
        read_as(&mut glyphs, 7, "");
        read_as(&mut glyphs, 7, "\u{64e}\u{645}");
        assert_eq!(glyphs[&7], "\u{64e}\u{645}");
        read_as(&mut glyphs, 7, "\u{645}");
        read_as(&mut glyphs, 7, "");
        read_as(&mut glyphs, 7, "\u{627}\u{644}");
        assert_eq!(glyphs[&7], "\u{645}");
    }

    #[test]
    fn a_subset_draws_each_character_with_a_glyph_of_its_own_width() {
        for theme in [Theme::Classic, Theme::Serif] {
            let fonts = fonts(theme);
            let mut doc = PdfDocument::new("subset");
            let chars = BTreeMap::from([(Style::BOLD, "Résumé — 2024 · ‘ok’".chars().collect())]);
            let used = Usage {
                chars,
                glyphs: BTreeMap::new(),
            };
            let embedded = fonts.embed(&mut doc, &used).unwrap();
            assert_eq!(doc.resources.fonts.map.len(), 1);
            let subset = &doc.resources.fonts.map[&embedded.ids[&Style::BOLD]].parsed_font;
            let bold = fonts.face(Style::BOLD);
            for &c in &used.chars[&Style::BOLD] {
                let glyph = subset.lookup_glyph_index(u32::from(c)).unwrap();
                let advance = bold.glyph(c, false).unwrap().advance;
                assert_eq!(subset.get_glyph_width(glyph), Some(advance), "{c}");
            }
        }
    }
}
