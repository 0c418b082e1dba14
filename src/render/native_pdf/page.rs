//! One page's drawing operations: runs of text, link areas and rules.
//!
//! The font and the fill colour outlive the text object that sets them (they
//! are text and graphics state), so a run sets each only when it differs from
//! the run drawn before it; the rules change only the stroke, inside their
//! own saved state.

use printpdf::{
    Actions, BorderArray, Color, FontId, Line, LineDashPattern, LinePoint, LinkAnnotation, Op,
    PdfFontHandle, Point, Pt, Rect, Rgb, TextItem,
};

use super::compose::Look;
use super::fonts::Style;
use super::layout::Run;
use super::theme::Rgb as Rgb8;

/// The operations of a page under construction.
pub struct Canvas<'a> {
    /// The resource of each style, in [`Style::ALL`] order.
    fonts: &'a [FontId],
    ops: Vec<Op>,
    font: Option<(Style, f32)>,
    color: Option<Rgb8>,
}

impl<'a> Canvas<'a> {
    pub fn new(fonts: &'a [FontId]) -> Canvas<'a> {
        Canvas {
            fonts,
            ops: Vec::new(),
            font: None,
            color: None,
        }
    }

    /// Draws `run` with its baseline starting at (`x`, `y`).
    pub fn text(&mut self, run: &Run<Look>, x: f32, y: f32) {
        let look = &run.style;
        self.ops.push(Op::StartTextSection);
        if self.font != Some((look.style, look.size)) {
            self.font = Some((look.style, look.size));
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(self.fonts[look.style as usize].clone()),
                size: Pt(look.size),
            });
        }
        if self.color != Some(look.color) {
            self.color = Some(look.color);
            self.ops.push(Op::SetFillColor {
                col: rgb(look.color),
            });
        }
        self.ops.extend([
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(run.text.clone())],
            },
            Op::EndTextSection,
        ]);
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

    /// A rule from `from` to `to` at height `y`.
    pub fn rule(&mut self, from: f32, to: f32, y: f32, color: Rgb8, thickness: f32) {
        let point = |x: f32| LinePoint {
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
        let fonts: Vec<FontId> = (1..=4).map(|n| FontId(format!("F{n}"))).collect();
        let mut canvas = Canvas::new(&fonts);
        let plain = Look::new(Style::Regular, 10.0, (0xc9, 0xce, 0xd6));
        let bold = Look::new(Style::Bold, 10.0, (0xc9, 0xce, 0xd6));
        for look in [&plain, &plain, &bold] {
            let run = Run {
                text: "word".to_owned(),
                style: look.clone(),
            };
            canvas.text(&run, 0.0, 0.0);
        }
        let ops = canvas.into_ops();
        let count = |f: fn(&Op) -> bool| ops.iter().filter(|op| f(op)).count();
        assert_eq!(count(|op| matches!(op, Op::ShowText { .. })), 3);
        assert_eq!(count(|op| matches!(op, Op::SetFont { .. })), 2);
        assert_eq!(count(|op| matches!(op, Op::SetFillColor { .. })), 1);
    }
}
