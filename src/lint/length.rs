//! Bullets too long to read at a glance: more than two lines of the PDF.
//!
//! A bullet is measured the way the built-in typst layout
//! (`layouts/typst/resume.typ`) sets it: shaped with rustybuzz (typst's
//! shaper, so kerning counts) in the embedded Lato at 10.25 pt, bold and
//! italic in their own faces and code in DejaVu Sans Mono's fixed advance, and
//! broken greedily (typst's rule for unjustified, unhyphenated text) at the
//! Unicode line-break opportunities (UAX #14: spaces, and after hyphens,
//! dashes and slashes) into the bullet column of the résumé's paper. Lines
//! are measured whole, as typst shapes them: summing word widths would miss
//! the kerning around spaces and misjudge full lines.

use std::ops::Range;

use rustybuzz::{Face, UnicodeBuffer};
use unicode_linebreak::linebreaks;

use crate::diagnostic::Diagnostic;
use crate::model::inline::Span;
use crate::model::types::Paper;
use crate::render::design::Tokens;
use crate::render::metrics::{BODY_INDENT_EM, CODE_ADVANCE_EM, FONTS, LIST_INDENT_EM, MARKER_EM};

use super::JobBullet;

/// The most lines a bullet may take.
pub const MAX_LINES: usize = 2;

const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// One of the embedded Lato faces, by its index in [`FONTS`]:
    /// regular, bold, italic, bold italic.
    Lato(usize),
    Code,
}

impl Look {
    fn of(span: &Span) -> Look {
        match span.code {
            true => Look::Code,
            false => Look::Lato(usize::from(span.strong) + 2 * usize::from(span.emph)),
        }
    }
}

/// An embedded font that cannot be read, by its file name: a broken build of resumec.
#[derive(Debug, thiserror::Error)]
#[error("the embedded font {0} cannot be read")]
pub struct UnreadableFont(pub &'static str);

/// The text column of a bullet on one paper size, with the faces to measure it.
pub struct BulletColumn {
    faces: Vec<Face<'static>>,
    /// Its width in points.
    pub width: f32,
    /// The body text size, in points.
    size: f32,
}

impl BulletColumn {
    /// The column of `paper` with the theme's body size and side margin.
    pub fn new(paper: Paper, design: &Tokens) -> Result<Self, UnreadableFont> {
        let faces = FONTS
            .iter()
            .map(|(name, bytes)| Face::from_slice(bytes, 0).ok_or(UnreadableFont(name)))
            .collect::<Result<Vec<_>, _>>()?;
        let size = design.font_size as f32;
        let margin_x = design.margins.x.points() as f32;
        let mut column = BulletColumn {
            faces,
            width: 0.0,
            size,
        };
        let (page_mm, _) = paper.size_mm();
        let marker = column.measure("•", Look::Lato(0), MARKER_EM * size);
        column.width = page_mm * POINTS_PER_MM
            - 2.0 * margin_x
            - (LIST_INDENT_EM + BODY_INDENT_EM) * size
            - marker;
        Ok(column)
    }

    /// The width of `text` set in `look` at `size`, in points.
    fn measure(&self, text: &str, look: Look, size: f32) -> f32 {
        let Look::Lato(face) = look else {
            return text.chars().count() as f32 * CODE_ADVANCE_EM * size;
        };
        let face = &self.faces[face];
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / face.units_per_em() as f32
    }

    /// How many lines a bullet's text takes in the column: each line runs to
    /// the last break opportunity at which it still fits.
    pub fn lines(&self, spans: &[Span]) -> usize {
        let text = Styled::new(spans);
        let mut lines = 1;
        let mut start = 0;
        let mut fits_to = None;
        for (at, _) in linebreaks(&text.plain) {
            if self.fits(&text, start..at) {
                fits_to = Some(at);
                continue;
            }
            if let Some(end) = fits_to {
                lines += 1;
                start = end;
                fits_to = self.fits(&text, start..at).then_some(at);
            }
        }
        lines
    }

    /// Whether the text in `range`, without trailing spaces, fits on one line.
    fn fits(&self, text: &Styled, range: Range<usize>) -> bool {
        let line = text.plain[range.clone()].trim_end();
        let end = range.start + line.len();
        let width: f32 = text
            .runs(range.start..end)
            .map(|(look, piece)| self.measure(piece, look, self.size))
            .sum();
        width <= self.width
    }
}

/// A bullet's text as one string, with the look of each run of it.
struct Styled {
    plain: String,
    looks: Vec<(Range<usize>, Look)>,
}

impl Styled {
    fn new(spans: &[Span]) -> Self {
        let mut plain = String::new();
        let mut looks = Vec::new();
        for span in spans {
            let start = plain.len();
            plain.push_str(&span.text);
            looks.push((start..plain.len(), Look::of(span)));
        }
        Styled { plain, looks }
    }

    /// The pieces of `range` in each look, in order.
    fn runs(&self, range: Range<usize>) -> impl Iterator<Item = (Look, &str)> {
        self.looks.iter().filter_map(move |(run, look)| {
            let start = run.start.max(range.start);
            let end = run.end.min(range.end);
            (start < end).then(|| (*look, &self.plain[start..end]))
        })
    }
}

/// A warning for every bullet longer than [`MAX_LINES`] lines.
pub fn check(
    bullets: &[JobBullet],
    paper: Paper,
    design: &Tokens,
) -> Result<Vec<Diagnostic>, UnreadableFont> {
    let column = BulletColumn::new(paper, design)?;
    Ok(bullets
        .iter()
        .filter_map(|bullet| {
            let lines = column.lines(&bullet.spans);
            (lines > MAX_LINES).then(|| {
                Diagnostic::warning(format!(
                    "this bullet takes {lines} lines of the PDF; more than {MAX_LINES} is hard to read at a glance"
                ))
                .at(bullet.span.clone())
                .help("keep the result and cut the rest, or split it into two bullets")
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inline::parse;

    #[test]
    fn the_column_is_about_seven_inches_on_letter_and_narrower_on_a4() {
        let letter = BulletColumn::new(Paper::UsLetter, &Tokens::default()).unwrap();
        let a4 = BulletColumn::new(Paper::A4, &Tokens::default()).unwrap();
        assert!((495.0..505.0).contains(&letter.width), "{}", letter.width);
        assert!(a4.width < letter.width);
    }

    #[test]
    fn counts_wrapped_lines_of_the_text_a_reader_sees() {
        let column = BulletColumn::new(Paper::UsLetter, &Tokens::default()).unwrap();
        assert_eq!(column.lines(&parse("Built the ledger.")), 1);
        let sentence = "Moved invoice generation to an asynchronous Kafka workflow. ";
        assert_eq!(column.lines(&parse(&sentence.repeat(2))), 2);
        assert_eq!(column.lines(&parse(&sentence.repeat(4))), 3);
        // Link targets and markup are not shown, so they take no room.
        let target = "x".repeat(400);
        assert_eq!(
            column.lines(&parse(&format!(
                "**Wrote** the [design doc](https://{target})."
            ))),
            1
        );
    }
}
