//! One page's drawing operations: runs of text, link areas and rules.
//!
//! The font and the fill colour outlive the text object that sets them (they
//! are text and graphics state), so a run sets each only when it differs from
//! the run drawn before it; the rules change only the stroke, inside their
//! own saved state.

use std::collections::BTreeMap;

use std::collections::HashMap;
use std::ops::Range;

use printpdf::{
    Actions, BorderArray, Codepoint, Color, DictItem, FontId, Line, LineDashPattern, LinePoint,
    LinkAnnotation, Op, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem,
};

use super::compose::Look;
use super::embed::Subsetted;
use super::fonts::Style;
use super::shaping::Shaped;
use super::theme::Rgb as Rgb8;

/// The operations of a page under construction.
pub struct Canvas<'a> {
    /// The resource of each style drawn.
    fonts: &'a BTreeMap<Style, FontId>,
    ops: Vec<Op>,
    font: Option<(&'a FontId, f32)>,
    color: Option<Rgb8>,
    tracking: f32,
}

impl<'a> Canvas<'a> {
    pub fn new(fonts: &'a BTreeMap<Style, FontId>) -> Canvas<'a> {
        Canvas {
            fonts,
            ops: Vec::new(),
            font: None,
            color: None,
            tracking: 0.0,
        }
    }

    /// Draws the `TJ`s of `shown` in `look`, set in the face of `style`, with its
    /// baseline starting at (`x`, `y`).
    pub fn text(&mut self, shown: Vec<Shown>, style: Style, look: &Look, x: f32, y: f32) {
        let fonts = self.fonts;
        let Some(font) = fonts.get(&style) else {
            return;
        };
        self.ops.push(Op::StartTextSection);
        if self.font != Some((font, look.size)) {
            self.font = Some((font, look.size));
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(look.size),
            });
        }
        if self.tracking != look.tracking {
            self.tracking = look.tracking;
            self.ops.push(Op::SetCharacterSpacing {
                multiplier: look.tracking,
            });
        }
        if self.color != Some(look.color) {
            self.color = Some(look.color);
            self.ops.push(Op::SetFillColor {
                col: rgb(look.color),
            });
        }
        self.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(y + look.rise),
            },
        });
        for Shown { actual, items } in shown {
            match actual {
                Some(text) => self.ops.extend([
                    actual_text(&text),
                    Op::ShowText { items },
                    Op::EndMarkedContent,
                ]),
                None => self.ops.push(Op::ShowText { items }),
            }
        }
        self.ops.push(Op::EndTextSection);
    }

    /// Makes text of `width` at `size` on the baseline at (`x`, `baseline`) open `url`.
    pub fn link(&mut self, url: &str, x: f32, baseline: f32, width: f32, size: f32) {
        self.ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                Rect {
                    x: Pt(x),
                    y: Pt(baseline - size * 0.25),
                    width: Pt(width),
                    height: Pt(size * 1.1),
                    mode: None,
                    winding_order: None,
                },
                Actions::Uri(url.to_owned()),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        });
    }

    /// A straight line from `from` to `to`.
    pub fn rule(&mut self, from: (f32, f32), to: (f32, f32), color: Rgb8, thickness: f32) {
        let point = |(x, y): (f32, f32)| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: rgb(color) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::SetLineDashPattern {
                dash: LineDashPattern::default(),
            },
            Op::DrawLine {
                line: Line {
                    points: vec![point(from), point(to)],
                    is_closed: false,
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    pub fn into_ops(self) -> Vec<Op> {
        self.ops
    }
}

/// The items of one `TJ`, and the text a reader is to take them for when
/// their glyphs alone would not read back whole (`/ActualText`).
pub struct Shown {
    pub actual: Option<String>,
    pub items: Vec<TextItem>,
}

/// Pieces of text, each moved by the kerning before it (thousandths of an
/// em), as the items of one `TJ`.
pub fn kerned_items(pieces: &[(f32, String)]) -> Vec<Shown> {
    let items = pieces
        .iter()
        .flat_map(|(kern, text)| {
            let offset = (*kern != 0.0).then_some(TextItem::Offset(-kern));
            offset.into_iter().chain([TextItem::Text(text.clone())])
        })
        .collect();
    vec![Shown {
        actual: None,
        items,
    }]
}

/// `text` shaped (`glyphs`, right to left when `rtl`) as `TJ`s, one per
/// word and one per space between words:
/// each glyph by its id in the subset (`ids`), carrying the text the font's
/// `/ToUnicode` map gives it, and moved from where the glyphs' widths in
/// the font leave it to where shaping put it (`units_per_em` font units to
/// an em). Each word carries its own text as `/ActualText` (in visual
/// order, as poppler reverses right-to-left text it reads): its marks sit
/// over their letters, where a reader that goes by the glyphs' places
/// alone would cut the word and read a mark before its letter.
pub fn glyph_items(
    (text, rtl): (&str, bool),
    glyphs: &[Shaped],
    ids: &HashMap<u16, Subsetted>,
    units_per_em: f32,
) -> Vec<Shown> {
    let em = |units: i32| units as f32 * 1000.0 / units_per_em;
    let mut shown: Vec<(Range<usize>, Shown)> = Vec::new();
    let mut pen = 0;
    let mut last_space: Option<bool> = None;
    for glyph in glyphs {
        // A TJ number moves what follows left by that many thousandths.
        let before = em(pen - glyph.x);
        pen = glyph.x + glyph.width;
        let space = !glyph.text.is_empty() && glyph.text.chars().all(char::is_whitespace);
        let (id, reads) = ids.get(&glyph.id).cloned().unwrap_or_default();
        let codepoint = Codepoint::with_cid(id, 0.0, reads);
        let joins = last_space == Some(false) && !space;
        last_space = Some(space);
        let last = shown.last_mut().filter(|_| joins);
        match last.and_then(|(source, word)| Some((source, word.items.last_mut()?))) {
            Some((source, TextItem::GlyphIds(codepoints))) => {
                if let Some(previous) = codepoints.last_mut() {
                    previous.offset = before;
                }
                codepoints.push(codepoint);
                source.start = source.start.min(glyph.cluster.start);
                source.end = source.end.max(glyph.cluster.end);
            }
            _ => {
                let lead = (before != 0.0).then_some(TextItem::Offset(before));
                let items = lead
                    .into_iter()
                    .chain([TextItem::GlyphIds(vec![codepoint])]);
                let actual = (!space).then(String::new);
                let items = items.collect();
                shown.push((glyph.cluster.clone(), Shown { actual, items }));
            }
        }
    }
    let visual = |source: Range<usize>| {
        let word = text.get(source).unwrap_or_default();
        match rtl {
            true => word.chars().rev().collect(),
            false => word.to_owned(),
        }
    };
    shown
        .into_iter()
        .map(|(source, shown)| Shown {
            actual: shown.actual.map(|_| visual(source)),
            ..shown
        })
        .collect()
}

/// The start of a `/Span` marked-content sequence that reads as `text`
/// (a UTF-16BE text string with its byte-order mark).
fn actual_text(text: &str) -> Op {
    let mut data = vec![0xfe, 0xff];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let string = DictItem::String {
        data,
        literal: false,
    };
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_owned(),
        properties: DictItem::Dict {
            map: BTreeMap::from([("ActualText".to_owned(), string)]),
        },
    }
}

fn rgb((r, g, b): Rgb8) -> Color {
    Color::Rgb(Rgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
        icc_profile: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_and_colour_are_set_only_when_they_change() {
        let fonts = BTreeMap::from([
            (Style::REGULAR, FontId("F1".to_owned())),
            (Style::BOLD, FontId("F2".to_owned())),
        ]);
        let mut canvas = Canvas::new(&fonts);
        let plain = Look::new(Style::REGULAR, 10.0, (0xc9, 0xce, 0xd6));
        let bold = Look::new(Style::BOLD, 10.0, (0xc9, 0xce, 0xd6));
        for look in [&plain, &plain, &bold] {
            let items = kerned_items(&[(0.0, "word".to_owned())]);
            canvas.text(items, look.style, look, 0.0, 0.0);
        }
        let ops = canvas.into_ops();
        let count = |f: fn(&Op) -> bool| ops.iter().filter(|op| f(op)).count();
        assert_eq!(count(|op| matches!(op, Op::ShowText { .. })), 3);
        assert_eq!(count(|op| matches!(op, Op::SetFont { .. })), 2);
        assert_eq!(count(|op| matches!(op, Op::SetFillColor { .. })), 1);
    }
}
