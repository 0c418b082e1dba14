//! The faces a document's design names (the body, heading and code
//! families, bundled or from `design.font_paths`): advance widths and cap
//! heights for measuring text, and subsets of exactly the glyphs a document
//! uses for embedding. TrueType faces embed as `/FontFile2`, CFF-flavoured
//! OpenType faces (Libertinus Serif) as `/FontFile3` `/OpenType` programs:
//! the `subsetter` crate subsets both kinds and printpdf labels the program
//! by what it is. Small capitals are the face's own `smcp` glyphs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};
use subsetter::GlyphRemapper;
use ttf_parser::gsub::{SingleSubstitution, SubstitutionSubtable};
use ttf_parser::{GlyphId, Tag};

use super::kerning::Kerning;
use crate::hash::fnv1a_seeded;
use crate::render::design::Tokens;
use crate::render::fonts::{self as catalogue, Face as FontFile};

/// Which of the design's families a run is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Body,
    /// The name and the section headings.
    Heading,
    /// `code`.
    Mono,
}

/// A family, a weight, a slant and whether lower-case letters are set as
/// small capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Style {
    pub family: Family,
    pub bold: bool,
    pub italic: bool,
    pub small_caps: bool,
}

impl Style {
    pub const REGULAR: Style = Style::of(Family::Body, false, false);
    pub const BOLD: Style = Style::of(Family::Body, true, false);
    pub const ITALIC: Style = Style::of(Family::Body, false, true);

    pub const fn of(family: Family, bold: bool, italic: bool) -> Style {
        Style {
            family,
            bold,
            italic,
            small_caps: false,
        }
    }

    /// This style made bold and/or italic as well.
    pub fn with(self, strong: bool, emph: bool) -> Style {
        Style {
            bold: self.bold || strong,
            italic: self.italic || emph,
            ..self
        }
    }
}

/// A glyph and its advance width in font units.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    id: u16,
    advance: u16,
}

/// One face: its metrics, read once, and each character's glyph (or small
/// capital), looked up when first measured and remembered.
struct Face {
    file: FontFile,
    /// The PostScript name, for the embedded font's name.
    name: String,
    units_per_em: f32,
    /// The height of capital letters, in ems.
    cap_height: f32,
    weight: u16,
    notdef_advance: u16,
    glyphs: Mutex<HashMap<(char, bool), Option<Glyph>>>,
    kerning: Kerning,
}

impl Face {
    fn read(file: FontFile) -> Result<Face, String> {
        let face = ttf_parser::Face::parse(&file.data, 0)
            .map_err(|e| format!("the font {} cannot be read: {e}", file.family))?;
        let units_per_em = f32::from(face.units_per_em().max(1));
        // As typst measures it: the ascender when the face gives no height.
        let cap_height = face
            .capital_height()
            .filter(|&h| h > 0)
            .unwrap_or_else(|| face.typographic_ascender().unwrap_or(face.ascender()));
        let name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| file.family.replace(' ', ""));
        Ok(Face {
            name,
            units_per_em,
            cap_height: f32::from(cap_height) / units_per_em,
            weight: face.weight().to_number(),
            // A character the face lacks is drawn as `.notdef` with no width
            // of its own in the font's widths, so a reader advances it by the
            // PDF's default width, `/DW 1000`: one em.
            notdef_advance: face.units_per_em(),
            glyphs: Mutex::default(),
            file,
            kerning: Kerning::default(),
        })
    }

    /// The glyphs of `text`, small capitals if asked and the face has them;
    /// `None` for a character the face lacks.
    fn lookup(&self, text: &str, small_caps: bool) -> Vec<Option<Glyph>> {
        let mut known = self.glyphs.lock().unwrap_or_else(PoisonError::into_inner);
        let mut face: Option<Option<ttf_parser::Face<'_>>> = None;
        text.chars()
            .map(|c| {
                *known.entry((c, small_caps)).or_insert_with(|| {
                    let face = face
                        .get_or_insert_with(|| ttf_parser::Face::parse(&self.file.data, 0).ok());
                    face.as_ref().and_then(|face| glyph_of(face, c, small_caps))
                })
            })
            .collect()
    }

    /// The glyph drawing `c`.
    fn glyph(&self, c: char, small_caps: bool) -> Option<Glyph> {
        self.lookup(c.encode_utf8(&mut [0; 4]), small_caps)[0]
    }

    /// The glyphs of `text` (`.notdef` for a character the face lacks).
    fn glyphs_of(&self, text: &str, small_caps: bool) -> Vec<Glyph> {
        let notdef = Glyph {
            id: 0,
            advance: self.notdef_advance,
        };
        let glyphs = self.lookup(text, small_caps).into_iter();
        glyphs.map(|glyph| glyph.unwrap_or(notdef)).collect()
    }

    /// The kerning between each two consecutive glyphs.
    fn kerning(&self, glyphs: &[Glyph]) -> Vec<i16> {
        let ids: Vec<u16> = glyphs.iter().map(|g| g.id).collect();
        self.kerning.between(&self.file.data, &ids)
    }
}

/// The glyph of `c` in `face`, its small capital when asked and the face
/// has one (a single substitution of its `smcp` feature).
fn glyph_of(face: &ttf_parser::Face<'_>, c: char, small_caps: bool) -> Option<Glyph> {
    let plain = face.glyph_index(c)?;
    let id = match small_caps {
        true => small_capital(face, plain).unwrap_or(plain),
        false => plain,
    };
    Some(Glyph {
        id: id.0,
        advance: face.glyph_hor_advance(id).unwrap_or(0),
    })
}

/// The small capital of `glyph`, from the face's `smcp` feature.
fn small_capital(face: &ttf_parser::Face<'_>, glyph: GlyphId) -> Option<GlyphId> {
    let gsub = face.tables().gsub?;
    let smcp = Tag::from_bytes(b"smcp");
    let lookups = gsub
        .features
        .into_iter()
        .filter(|feature| feature.tag == smcp)
        .flat_map(|feature| feature.lookup_indices);
    lookups
        .filter_map(|index| gsub.lookups.get(index))
        .flat_map(|lookup| lookup.subtables.into_iter::<SubstitutionSubtable>())
        .find_map(|subtable| match subtable {
            SubstitutionSubtable::Single(single) => substitute(&single, glyph),
            _ => None,
        })
}

fn substitute(single: &SingleSubstitution<'_>, glyph: GlyphId) -> Option<GlyphId> {
    match single {
        SingleSubstitution::Format1 { coverage, delta } => {
            coverage.get(glyph)?;
            Some(GlyphId((i32::from(glyph.0) + i32::from(*delta)) as u16))
        }
        SingleSubstitution::Format2 {
            coverage,
            substitutes,
        } => substitutes.get(coverage.get(glyph)?),
    }
}

/// A face that may set a family: bundled (read once per process, when
/// first chosen) or from the design's font paths.
struct Candidate {
    file: FontFile,
    read: OnceLock<Result<Arc<Face>, String>>,
}

impl Candidate {
    fn new(file: FontFile) -> Candidate {
        Candidate {
            file,
            read: OnceLock::new(),
        }
    }

    fn face(&self) -> Result<Arc<Face>, String> {
        let read = || Face::read(self.file.clone()).map(Arc::new);
        self.read.get_or_init(read).clone()
    }
}

/// The bundled faces, named once per process.
fn bundled() -> &'static [Candidate] {
    static BUNDLED: OnceLock<Vec<Candidate>> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        catalogue::bundled()
            .into_iter()
            .map(Candidate::new)
            .collect()
    })
}

/// The faces of one document: for each family and style, the face that sets it.
pub struct Fonts {
    faces: Vec<Arc<Face>>,
    chosen: BTreeMap<(Family, bool, bool), usize>,
}

impl Fonts {
    /// The faces of the design's families, from the bundled fonts and the
    /// design's font paths; a family without any face is an error. Only
    /// the faces chosen are read.
    pub fn for_design(design: &Tokens) -> Result<Fonts, String> {
        let files = catalogue::from_paths(&design.font_paths).map_err(|e| e.to_string())?;
        let own: Vec<Candidate> = files.into_iter().map(Candidate::new).collect();
        let available: Vec<&Candidate> = bundled().iter().chain(&own).collect();
        let mut fonts = Fonts {
            faces: Vec::new(),
            chosen: BTreeMap::new(),
        };
        // The candidates read so far, by their place in `available`.
        let mut read: Vec<usize> = Vec::new();
        let families = [
            (Family::Body, &design.font),
            (Family::Heading, &design.heading_font),
            (Family::Mono, &design.mono_font),
        ];
        for (family, name) in families {
            for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
                let candidate = closest(&available, name, bold, italic).ok_or_else(|| {
                    format!("no font of the family `{name}` is bundled or in `design.font_paths`")
                })?;
                let index = match read.iter().position(|&c| c == candidate) {
                    Some(index) => index,
                    None => {
                        fonts.faces.push(available[candidate].face()?);
                        read.push(candidate);
                        fonts.faces.len() - 1
                    }
                };
                fonts.chosen.insert((family, bold, italic), index);
            }
        }
        Ok(fonts)
    }

    fn index(&self, style: Style) -> usize {
        self.chosen[&(style.family, style.bold, style.italic)]
    }

    fn face(&self, style: Style) -> &Face {
        &self.faces[self.index(style)]
    }

    /// The width of `text` in points at `size`.
    /// The width of `text` in points at `size`, kerned.
    pub fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        let face = self.face(style);
        let glyphs = face.glyphs_of(text, style.small_caps);
        let advances: i32 = glyphs.iter().map(|g| i32::from(g.advance)).sum();
        let kerning: i32 = face.kerning(&glyphs).into_iter().map(i32::from).sum();
        (advances + kerning) as f32 * size / face.units_per_em
    }

    /// `text` in pieces to draw one after another, each with the kerning
    /// before it in thousandths of an em (the PDF's `TJ` adjustments).
    pub fn kerned(&self, style: Style, text: &str) -> Vec<(f32, String)> {
        let face = self.face(style);
        let kerning = face.kerning(&face.glyphs_of(text, style.small_caps));
        let mut pieces = vec![(0.0, String::new())];
        for (i, c) in text.chars().enumerate() {
            let kern = if i == 0 { 0 } else { kerning[i - 1] };
            if kern != 0 {
                pieces.push((f32::from(kern) * 1000.0 / face.units_per_em, String::new()));
            }
            if let Some((_, piece)) = pieces.last_mut() {
                piece.push(c);
            }
        }
        pieces
    }

    /// The height of capital letters in `style` at `size`, in points: the
    /// top of a line of text, as typst measures it.
    pub fn cap_height(&self, style: Style, size: f32) -> f32 {
        self.face(style).cap_height * size
    }

    /// Adds each face and small-capital variant that `used` names, subset to
    /// the characters it draws, under a fixed resource name; returns the
    /// resource of each style that draws something.
    pub fn embed(
        &self,
        doc: &mut PdfDocument,
        used: &BTreeMap<Style, BTreeSet<char>>,
    ) -> Result<BTreeMap<Style, FontId>, String> {
        // One embedded font per face and small-capital variant.
        let mut programs: BTreeMap<(usize, bool), BTreeSet<char>> = BTreeMap::new();
        for (style, chars) in used.iter().filter(|(_, chars)| !chars.is_empty()) {
            let key = (self.index(*style), style.small_caps);
            programs.entry(key).or_default().extend(chars);
        }
        let mut ids = BTreeMap::new();
        for (n, (&(index, small_caps), chars)) in programs.iter().enumerate() {
            let id = FontId(format!("F{}", n + 1));
            let font = self.subset(&self.faces[index], small_caps, chars, n)?;
            doc.resources.fonts.map.insert(id.clone(), font);
            for style in used.keys() {
                if (self.index(*style), style.small_caps) == (index, small_caps) {
                    ids.insert(*style, id.clone());
                }
            }
        }
        Ok(ids)
    }

    /// `face` cut down to the glyphs of `chars`, with the mapping from
    /// characters to glyphs the PDF needs (the subset has no cmap of its own).
    fn subset(
        &self,
        face: &Face,
        small_caps: bool,
        chars: &BTreeSet<char>,
        salt: usize,
    ) -> Result<PdfFont, String> {
        let mut remapper = GlyphRemapper::new();
        let codepoint_to_glyph: BTreeMap<u32, u16> = chars
            .iter()
            .filter_map(|&c| {
                let glyph = face.glyph(c, small_caps)?;
                Some((u32::from(c), remapper.remap(glyph.id)))
            })
            .collect();
        let program = subsetter::subset(&face.file.data, 0, &remapper)
            .map_err(|e| format!("subsetting {}: {e}", face.name))?;
        let mut parsed = ParsedFont::from_bytes(&program, 0, &mut Vec::new())
            .ok_or_else(|| format!("the subset of {} cannot be read back", face.name))?;
        parsed.codepoint_to_glyph = codepoint_to_glyph;
        parsed.pdf_font_metrics.us_weight_class = face.weight;
        let variant = if small_caps { "-SC" } else { "" };
        parsed.font_name = Some(format!(
            "{}+{}{variant}",
            subset_tag(chars, salt),
            face.name
        ));
        Ok(PdfFont::new(parsed))
    }
}

/// The face of `family` (any case) closest to the weight and slant asked:
/// exact, else the same slant, else the same weight, else any; the first
/// of the best, so bundled faces come before the font paths' ones. Its
/// place among the candidates.
fn closest(candidates: &[&Candidate], family: &str, bold: bool, italic: bool) -> Option<usize> {
    let score =
        |c: &Candidate| u8::from(c.file.italic == italic) * 2 + u8::from(c.file.bold == bold);
    let of_family = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.file.family.eq_ignore_ascii_case(family));
    let best = of_family.clone().map(|(_, c)| score(c)).max()?;
    of_family
        .into_iter()
        .find(|(_, c)| score(c) == best)
        .map(|(i, _)| i)
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
    use crate::model::types::Theme;
    use crate::render::layouts::Layouts;

    fn fonts(theme: Theme) -> Fonts {
        Fonts::for_design(&Tokens::of_theme(theme, &Layouts::default()).unwrap()).unwrap()
    }

    #[test]
    fn text_is_measured_by_the_advances_of_its_characters() {
        let fonts = fonts(Theme::Classic);
        let width = |text| fonts.width(Style::REGULAR, text, 10.0);
        assert_eq!(width(""), 0.0);
        assert!((width("a—b") - (width("a") + width("—") + width("b"))).abs() < 1e-4);
        assert!(width("WWW") > width("iii"));
        assert!(fonts.width(Style::BOLD, "Résumé", 10.0) > width("Résumé"));
    }

    #[test]
    fn the_serif_theme_has_small_capitals_narrower_than_capitals() {
        let fonts = fonts(Theme::Serif);
        let caps = Style {
            small_caps: true,
            ..Style::of(Family::Heading, true, false)
        };
        let upper = fonts.width(Style::of(Family::Heading, true, false), "EXPERIENCE", 10.0);
        let small = fonts.width(caps, "Experience", 10.0);
        let lower = fonts.width(Style::of(Family::Heading, true, false), "Experience", 10.0);
        assert!(small < upper && small > lower, "{small} {upper} {lower}");
    }

    #[test]
    fn a_subset_draws_each_character_with_a_glyph_of_its_own_width() {
        for theme in [Theme::Classic, Theme::Serif] {
            let fonts = fonts(theme);
            let mut doc = PdfDocument::new("subset");
            let used = BTreeMap::from([(Style::BOLD, "Résumé — 2024 · ‘ok’".chars().collect())]);
            let ids = fonts.embed(&mut doc, &used).unwrap();
            assert_eq!(doc.resources.fonts.map.len(), 1);
            let subset = &doc.resources.fonts.map[&ids[&Style::BOLD]].parsed_font;
            let bold = fonts.face(Style::BOLD);
            for &c in &used[&Style::BOLD] {
                let glyph = subset.lookup_glyph_index(u32::from(c)).unwrap();
                let advance = bold.glyph(c, false).unwrap().advance;
                assert_eq!(subset.get_glyph_width(glyph), Some(advance), "{c}");
            }
        }
    }
}
