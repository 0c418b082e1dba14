//! Composition: the render view turned into one-line blocks of styled runs,
//! wrapped to the text width and placed from the left margin, each with the
//! space above it and whether it keeps with the next. Sizes, colours and
//! spaces all come from the [`Theme`]; nothing here knows about PDF.

use super::fonts::{Fonts, Style};
use super::layout::{Extent, Placed, Run, break_lines, is_forced_break};
use super::theme::{Rgb, Theme};
use crate::render::view::{Document, Inline};

pub use letter::letter;

mod letter;
mod parts;
#[cfg(test)]
mod tests;

/// How a run of text looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub style: Style,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<String>,
}

impl Look {
    pub fn new(style: Style, size: f32, color: Rgb) -> Look {
        Look {
            style,
            size,
            color,
            link: None,
        }
    }

    fn linked(mut self, url: &str, color: Rgb) -> Look {
        self.link = Some(url.to_owned());
        self.color = color;
        self
    }
}

/// One line of the document.
#[derive(Debug)]
pub struct Block {
    pub extent: Extent,
    /// The largest text size on the line.
    pub size: f32,
    pub runs: Vec<Placed<Look>>,
    /// Whether a heading's rule is drawn under the line.
    pub rule: bool,
}

/// Where a paragraph of lines goes: the space above it, its indent, whether
/// it keeps with what follows, and text set against the right edge.
#[derive(Debug, Default)]
pub(super) struct Lines {
    gap: f32,
    indent: f32,
    keep: bool,
    right: Option<Run<Look>>,
}

impl Lines {
    /// Lines after `gap` points of space.
    pub(super) fn after(gap: f32) -> Lines {
        Lines {
            gap,
            ..Lines::default()
        }
    }

    /// Kept on the page of what follows.
    pub(super) fn kept(self) -> Lines {
        Lines { keep: true, ..self }
    }

    pub(super) fn indented(self, indent: f32) -> Lines {
        Lines { indent, ..self }
    }

    /// With `right` aligned to the right edge.
    pub(super) fn beside(self, right: Option<Run<Look>>) -> Lines {
        Lines { right, ..self }
    }
}

/// The blocks of `doc`, for lines `width` points wide.
pub fn compose(doc: &Document, fonts: &Fonts, theme: &Theme, width: f32) -> Vec<Block> {
    let mut b = Composer {
        fonts,
        theme,
        width,
        blocks: Vec::new(),
    };
    b.header(doc);
    for section in &doc.sections {
        b.heading(section.title);
        b.section_body(&section.body);
    }
    b.blocks
}

/// A styled run of text.
pub fn run(text: impl Into<String>, look: &Look) -> Run<Look> {
    Run {
        text: text.into(),
        style: look.clone(),
    }
}

pub(super) struct Composer<'a> {
    fonts: &'a Fonts,
    pub(super) theme: &'a Theme,
    width: f32,
    pub(super) blocks: Vec<Block>,
}

/// Laying out text: wrapping, text beside text, bullets and headings.
impl Composer<'_> {
    fn measure(&self, text: &str, look: &Look) -> f32 {
        self.fonts.width(look.style, text, look.size)
    }

    /// Wrapped text placed as `at` says, with `at.right` aligned to the
    /// right edge: beside the first line when it is short, on lines of its
    /// own below the text when it is not.
    pub(super) fn lines(&mut self, runs: &[Run<Look>], at: Lines) {
        let size = runs
            .iter()
            .chain(&at.right)
            .map(|r| r.style.size)
            .fold(0.0, f32::max);
        let width = self.width - at.indent;
        let (beside, below) = match at.right {
            Some(right) if self.fits_beside(&right, width) => (Some(right), None),
            right => (None, right),
        };
        let beside_width = beside.as_ref().map_or(0.0, |r| {
            self.measure(&r.text, &r.style) + self.theme.right_gap
        });
        let mut lines = self.wrap(runs, width - beside_width);
        if let Some(right) = beside {
            lines[0].push(self.right_aligned(right, width));
        }
        if let Some(right) = below {
            for line in self.wrap(&[right], width) {
                let end = line.last().map_or(0.0, |p| p.x + p.width);
                let aligned = line.into_iter().map(|p| Placed {
                    x: p.x + width - end,
                    ..p
                });
                lines.push(aligned.collect());
            }
        }
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            self.blocks.push(Block {
                extent: Extent {
                    gap: if i == 0 { at.gap } else { 0.0 },
                    height: size * self.theme.leading,
                    keep_with_next: at.keep || (i + 1 < count && count <= 2),
                },
                size,
                runs: indented(line, at.indent),
                rule: false,
            });
        }
    }

    /// Lines of `runs` no wider than `width`; one empty line for no text.
    fn wrap(&self, runs: &[Run<Look>], width: f32) -> Vec<Vec<Placed<Look>>> {
        let measure = |text: &str, look: &Look| self.measure(text, look);
        let mut lines = break_lines(runs, width, &measure);
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        lines
    }

    /// Whether `right` is one short line that leaves the text beside it
    /// most of `width`.
    fn fits_beside(&self, right: &Run<Look>, width: f32) -> bool {
        !right.text.contains(is_forced_break)
            && self.measure(&right.text, &right.style) + self.theme.right_gap
                <= width * self.theme.right_share
    }

    fn right_aligned(&self, right: Run<Look>, width: f32) -> Placed<Look> {
        let run_width = self.measure(&right.text, &right.style);
        Placed {
            x: width - run_width,
            width: run_width,
            run: right,
        }
    }

    pub(super) fn bullet(&mut self, runs: &[Run<Look>], gap: f32) {
        let t = self.theme;
        let start = self.blocks.len();
        self.lines(
            runs,
            Lines::after(gap).indented(t.bullet_indent + t.bullet_hang),
        );
        if let Some(first) = self.blocks.get_mut(start) {
            let look = Look::new(Style::Regular, t.size.body, t.color.quiet);
            let width = self.fonts.width(Style::Regular, "•", t.size.body);
            first.runs.insert(
                0,
                Placed {
                    x: t.bullet_indent,
                    width,
                    run: run("• ", &look),
                },
            );
        }
    }

    pub(super) fn heading(&mut self, title: &str) {
        let t = self.theme;
        let look = Look::new(Style::Bold, t.size.heading, t.color.accent);
        self.lines(
            &[run(title.to_uppercase(), &look)],
            Lines::after(t.space.heading).kept(),
        );
        if let Some(last) = self.blocks.last_mut() {
            last.rule = true;
            last.extent.height += t.space.heading_rule;
        }
    }

    /// "Label: a · b · c" in a quiet small size.
    pub(super) fn quiet_line(&mut self, label: Option<&str>, items: &[String], at: Lines) {
        if items.is_empty() {
            return;
        }
        let t = self.theme;
        let mut runs = Vec::new();
        if let Some(label) = label {
            let look = Look::new(Style::Bold, t.size.small, t.color.muted);
            runs.push(run(format!("{label}: "), &look));
        }
        let quiet = Look::new(Style::Regular, t.size.small, t.color.quiet);
        runs.push(run(items.join(" · "), &quiet));
        self.lines(&runs, at);
    }

    /// A one-run line.
    pub(super) fn line(&mut self, text: &str, look: Look, at: Lines) {
        self.lines(&[run(text, &look)], at);
    }

    /// The runs of rich text in `base`'s look, links in the accent colour.
    fn inline_runs(&self, spans: &Inline, base: &Look) -> Vec<Run<Look>> {
        spans
            .iter()
            .map(|span| {
                let strong = span.strong || matches!(base.style, Style::Bold | Style::BoldItalic);
                let emph = span.emph || matches!(base.style, Style::Italic | Style::BoldItalic);
                let mut look = base.clone();
                look.style = Style::of(strong, emph);
                if let Some(url) = &span.link {
                    look = look.linked(url, self.theme.color.accent);
                }
                run(span.text.clone(), &look)
            })
            .collect()
    }

    /// Body text.
    pub(super) fn body(&self, spans: &Inline) -> Vec<Run<Look>> {
        let t = self.theme;
        self.inline_runs(spans, &Look::new(Style::Regular, t.size.body, t.color.ink))
    }
}

/// `line` moved `indent` to the right.
fn indented(line: Vec<Placed<Look>>, indent: f32) -> Vec<Placed<Look>> {
    line.into_iter()
        .map(|p| Placed {
            x: p.x + indent,
            ..p
        })
        .collect()
}
