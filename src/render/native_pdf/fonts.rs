//! The faces a document's design names (the body, heading and code
//! families, bundled or from `design.font_paths`): advance widths and cap
//! heights for measuring text, and subsets of exactly the glyphs a document
//! uses for embedding. TrueType faces embed as `/FontFile2`, CFF-flavoured
//! OpenType faces (Libertinus Serif) as `/FontFile3` `/OpenType` programs:
//! the `subsetter` crate subsets both kinds and printpdf labels the program
//! by what it is. Small capitals are the face's own `smcp` glyphs.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use unicode_script::{Script, UnicodeScript};

use super::face::{Candidate, Face, bundled, closest};
use super::fallback::Fallbacks;
use super::shaping::{Shaped, shape};
use crate::render::design::Tokens;
use crate::render::fonts as catalogue;
use crate::unicode::is_bidi_control;

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
/// small capitals; or the fallback family (its place among the
/// [`Fallbacks`]) that sets what the family lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Style {
    pub family: Family,
    pub bold: bool,
    pub italic: bool,
    pub small_caps: bool,
    pub fallback: Option<u16>,
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
            fallback: None,
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

/// The faces of one document: for each family and style, the face that
/// sets it, and the faces that set what they lack.
pub struct Fonts {
    faces: Vec<Arc<Face>>,
    chosen: BTreeMap<(Family, bool, bool), usize>,
    fallbacks: Fallbacks,
}

impl Fonts {
    /// The faces of the design's families, from the bundled fonts and the
    /// design's font paths; a family without any face is an error. Only
    /// the faces chosen are read.
    pub fn for_design(design: &Tokens) -> Result<Fonts, String> {
        let files = catalogue::from_paths(&design.font_paths).map_err(|e| e.to_string())?;
        let own: Vec<Arc<Candidate>> = files
            .into_iter()
            .map(|file| Arc::new(Candidate::new(file)))
            .collect();
        let available: Vec<&Candidate> = bundled().iter().chain(&own).map(|c| &**c).collect();
        let mut fonts = Fonts {
            faces: Vec::new(),
            chosen: BTreeMap::new(),
            fallbacks: Fallbacks::new(&own),
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

    /// The place of the face setting `style`: the chosen faces first, then
    /// each fallback family's regular and bold.
    pub(super) fn index(&self, style: Style) -> usize {
        match style.fallback {
            Some(family) => self.faces.len() + 2 * usize::from(family) + usize::from(style.bold),
            None => self.chosen[&(style.family, style.bold, style.italic)],
        }
    }

    /// The face at `index` (see [`Fonts::index`]); the body face for a
    /// fallback that cannot be read, which no text is set in.
    pub(super) fn face_at(&self, index: usize) -> &Face {
        let fallback = index.checked_sub(self.faces.len()).and_then(|place| {
            let family = u16::try_from(place / 2).ok()?;
            self.fallbacks.face(family, place % 2 == 1)
        });
        fallback.unwrap_or_else(|| &self.faces[index.min(self.faces.len() - 1)])
    }

    /// `text` cut where the face setting it changes: the style's own face
    /// for each character it has, else the first fallback that has it (a
    /// mark stays with the letter it sits on). One piece for plain text.
    /// Direction controls are in no piece: the bidi algorithm has used
    /// them, and they are neither drawn nor measured.
    pub fn split(&self, style: Style, text: &str) -> Vec<(Style, Range<usize>)> {
        let own = self.face(style);
        if text.is_ascii() {
            return vec![(style, 0..text.len())];
        }
        let mut pieces: Vec<(Style, Range<usize>)> = Vec::new();
        // A direction control is not drawn: the pieces around it are cut.
        let mut cut = false;
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            if is_bidi_control(c) {
                cut = true;
                continue;
            }
            let joins = !std::mem::take(&mut cut);
            let sticks = c.script() == Script::Inherited || c.is_whitespace() || c.is_control();
            if sticks
                && joins
                && let Some((_, range)) = pieces.last_mut()
            {
                range.end = end;
                continue;
            }
            let chosen = match sticks || own.has(c) {
                true => style,
                false => match self.fallbacks.find(c) {
                    Some(family) => Style {
                        fallback: Some(family),
                        ..style
                    },
                    None => style,
                },
            };
            match pieces.last_mut() {
                Some((last, range)) if *last == chosen && joins => range.end = end,
                _ => pieces.push((chosen, at..end)),
            }
        }
        pieces
    }

    /// The face setting `style`.
    pub(super) fn face(&self, style: Style) -> &Face {
        self.face_at(self.index(style))
    }

    /// The width of `text` in points at `size`, kerned or shaped, each
    /// piece in the face that sets it.
    pub fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        let pieces = self.split(style, text).into_iter();
        pieces
            .map(|(style, range)| self.face_width(style, &text[range], size))
            .sum()
    }

    /// The width of `text`, all of it set in the face of `style`.
    fn face_width(&self, style: Style, text: &str, size: f32) -> f32 {
        let face = self.face(style);
        // Shaped in the direction it is drawn in: Arabic set left to right
        // would take other forms.
        let units = match self.shaped(style, text, is_written_rtl(text)) {
            Some(glyphs) => glyphs.iter().map(|g| g.advance).sum(),
            None => {
                let glyphs = face.glyphs_of(text, style.small_caps);
                let advances: i32 = glyphs.iter().map(|g| i32::from(g.advance)).sum();
                let kerning: i32 = face.kerning(&glyphs).into_iter().map(i32::from).sum();
                advances + kerning
            }
        };
        units as f32 * size / face.units_per_em
    }

    /// `text` shaped in the face of `style` (right to left when `rtl`),
    /// when it needs shaping: a fallback face's script, any text set right
    /// to left, and text with characters the face lacks (drawn as its
    /// `.notdef` glyph, so the face is embedded). `None` for text set a
    /// glyph per character.
    pub fn shaped(&self, style: Style, text: &str, rtl: bool) -> Option<Vec<Shaped>> {
        let face = self.face(style);
        if style.fallback.is_none() && !rtl && text.chars().all(|c| face.has(c)) {
            return None;
        }
        let file = &face.file;
        shape((&file.data, file.index), text, rtl, style.small_caps)
    }

    /// The size of an em of `style`'s face in font units.
    pub fn units_per_em(&self, style: Style) -> f32 {
        self.face(style).units_per_em
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
}

/// How many characters of `text` are drawn (each takes the look's tracking).
pub fn drawn_len(text: &str) -> usize {
    text.chars().filter(|&c| !is_bidi_control(c)).count()
}

/// Whether `text` has a letter of a right-to-left script.
fn is_written_rtl(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, R};
    text.chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), R | AL))
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
    fn arabic_and_hebrew_fall_back_to_the_bundled_faces_between_latin_words() {
        let fonts = fonts(Theme::Classic);
        let text = "Rust \u{645}\u{631}\u{62d}\u{628}\u{627} \u{5e9}\u{5dc}\u{5d5}\u{5dd} ok";
        let pieces: Vec<(Option<u16>, &str)> = fonts
            .split(Style::BOLD, text)
            .into_iter()
            .map(|(style, range)| (style.fallback, &text[range]))
            .collect();
        assert_eq!(
            pieces,
            [
                (None, "Rust "),
                (Some(0), "\u{645}\u{631}\u{62d}\u{628}\u{627} "),
                (Some(1), "\u{5e9}\u{5dc}\u{5d5}\u{5dd} "),
                (None, "ok"),
            ]
        );
        // Measured in the faces that set it, not as one-em boxes.
        let arabic = fonts.width(Style::BOLD, "\u{645}\u{631}\u{62d}\u{628}\u{627}", 10.0);
        assert!(arabic > 5.0 && arabic < 40.0, "{arabic}");
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
}
