//! One font face as the built-in engine reads it: its metrics, read once,
//! and each character's glyph, looked up when first measured; and the
//! candidates a design's families are chosen from (the bundled faces and
//! those of `design.font_paths`), each read only when first chosen.

use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::kerning::Kerning;
use super::smallcaps::small_capital;
use crate::render::fonts::{self as catalogue, Face as FontFile};

/// A glyph and its advance width in font units.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    pub(super) id: u16,
    pub(super) advance: u16,
}

/// One face: its metrics, read once, and each character's glyph (or small
/// capital), looked up when first measured and remembered.
pub struct Face {
    pub(super) file: FontFile,
    /// The PostScript name, for the embedded font's name.
    pub(super) name: String,
    pub(super) units_per_em: f32,
    /// The height of capital letters, in ems.
    pub(super) cap_height: f32,
    pub(super) weight: u16,
    notdef_advance: u16,
    glyphs: Mutex<FxHashMap<(char, bool), Option<Glyph>>>,
    kerning: Kerning,
}

impl Face {
    pub(super) fn read(file: FontFile) -> Result<Face, String> {
        let face = ttf_parser::Face::parse(&file.data, file.index)
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
    pub(super) fn lookup(&self, text: &str, small_caps: bool) -> Vec<Option<Glyph>> {
        let mut known = self.glyphs.lock().unwrap_or_else(PoisonError::into_inner);
        let mut face: Option<Option<ttf_parser::Face<'_>>> = None;
        text.chars()
            .map(|c| {
                *known.entry((c, small_caps)).or_insert_with(|| {
                    let face = face.get_or_insert_with(|| {
                        ttf_parser::Face::parse(&self.file.data, self.file.index).ok()
                    });
                    face.as_ref().and_then(|face| glyph_of(face, c, small_caps))
                })
            })
            .collect()
    }

    /// Whether the face draws `c`.
    pub fn has(&self, c: char) -> bool {
        self.glyph(c, false).is_some()
    }

    /// The glyph drawing `c`.
    pub(super) fn glyph(&self, c: char, small_caps: bool) -> Option<Glyph> {
        self.lookup(c.encode_utf8(&mut [0; 4]), small_caps)[0]
    }

    /// The glyphs of `text` (`.notdef` for a character the face lacks).
    pub(super) fn glyphs_of(&self, text: &str, small_caps: bool) -> Vec<Glyph> {
        let notdef = Glyph {
            id: 0,
            advance: self.notdef_advance,
        };
        let glyphs = self.lookup(text, small_caps).into_iter();
        glyphs.map(|glyph| glyph.unwrap_or(notdef)).collect()
    }

    /// The kerning between each two consecutive glyphs.
    pub(super) fn kerning(&self, glyphs: &[Glyph]) -> Vec<i16> {
        let ids: Vec<u16> = glyphs.iter().map(|g| g.id).collect();
        self.kerning.between(&self.file.data, self.file.index, &ids)
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

/// A face that may set a family: bundled (read once per process, when
/// first chosen) or from the design's font paths.
pub struct Candidate {
    pub file: FontFile,
    read: OnceLock<Result<Arc<Face>, String>>,
}

impl Candidate {
    pub(super) fn new(file: FontFile) -> Candidate {
        Candidate {
            file,
            read: OnceLock::new(),
        }
    }

    /// The face, read when first asked for, or why it cannot be read.
    fn read(&self) -> &Result<Arc<Face>, String> {
        self.read
            .get_or_init(|| Face::read(self.file.clone()).map(Arc::new))
    }

    pub(super) fn face(&self) -> Result<Arc<Face>, String> {
        self.read().clone()
    }

    /// The face, read when first asked for; `None` if it cannot be read.
    pub fn get(&self) -> Option<&Face> {
        self.read().as_deref().ok()
    }
}

/// The bundled faces, named once per process.
pub fn bundled() -> &'static [Arc<Candidate>] {
    static BUNDLED: OnceLock<Vec<Arc<Candidate>>> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let faces = catalogue::bundled().into_iter();
        faces.map(|face| Arc::new(Candidate::new(face))).collect()
    })
}

/// The face of `family` (any case) closest to the weight and slant asked:
/// exact, else the same slant, else the same weight, else any; the first
/// of the best, so bundled faces come before the font paths' ones. Its
/// place among the candidates.
pub fn closest(candidates: &[&Candidate], family: &str, bold: bool, italic: bool) -> Option<usize> {
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
