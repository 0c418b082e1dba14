//! Composition: the render view turned into one-line blocks of styled runs,
//! wrapped to the text width and placed from the left margin, each with the
//! space above it and whether it keeps with the next. Sizes, colours and
//! spaces all come from the [`Theme`]; nothing here knows about PDF.
//!
//! Lines are measured as typst measures them, so both engines fill a page
//! alike: a line is as tall as the capitals of its largest text, and a gap
//! runs from one line's baseline to the top of the next line's capitals.
//! Where two gaps meet (below a heading, above an entry) the larger wins.

use super::fonts::{Fonts, Style, drawn_len};
use super::layout::{Extent, Placed, Run, break_lines, is_forced_break};
use super::theme::Theme;
use crate::model::locale::Direction;
use crate::render::view::{Document, Inline};

use bidi::{mirror, reorder};
pub use block::{Block, Look, Mark};
pub use letter::letter;

mod bidi;
mod block;
mod header;
mod letter;
mod parts;
#[cfg(test)]
mod tests;

/// Where a paragraph of lines goes: the space above it, the space between
/// its lines, its indent and width, and text set against the right edge.
#[derive(Debug, Default)]
pub(super) struct Lines {
    gap: f32,
    leading: f32,
    indent: f32,
    centred: bool,
    right: Option<Run<Look>>,
}

impl Lines {
    /// Lines after `gap` points of space, `leading` apart.
    pub(super) fn after(gap: f32, leading: f32) -> Lines {
        Lines {
            gap,
            leading,
            ..Lines::default()
        }
    }

    pub(super) fn indented(self, indent: f32) -> Lines {
        Lines { indent, ..self }
    }

    pub(super) fn centred(self, centred: bool) -> Lines {
        Lines { centred, ..self }
    }

    /// With `right` against the right edge, beside the last line.
    pub(super) fn beside(self, right: Option<Run<Look>>) -> Lines {
        Lines { right, ..self }
    }
}

/// The text area the document is composed for.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
}

/// The blocks of `doc`, mirrored when its language is written right to left.
pub fn compose(doc: &Document, fonts: &Fonts, theme: &Theme, frame: Frame) -> Vec<Block> {
    let mut b = Composer::new(fonts, theme, frame).directed(doc.dir);
    b.document = Some(doc);
    b.header(doc);
    for section in &doc.sections {
        b.heading(section);
        b.section_body(&section.body);
    }
    b.finish()
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
    frame: Frame,
    pub(super) blocks: Vec<Block>,
    /// The space the last block asks below it.
    below: f32,
    /// Lines run right to left (and the blocks are mirrored at the end).
    rtl: bool,
    /// The résumé being composed, for the words resumec adds (the labels
    /// of technologies and concepts, the list separator); none in a letter.
    pub(super) document: Option<&'a Document>,
}

impl<'a> Composer<'a> {
    /// A composer with no blocks yet, for the text area `frame`.
    pub(super) fn new(fonts: &'a Fonts, theme: &'a Theme, frame: Frame) -> Composer<'a> {
        Composer {
            fonts,
            theme,
            frame,
            blocks: Vec::new(),
            below: 0.0,
            rtl: false,
            document: None,
        }
    }

    /// This composer setting lines in the direction `dir`.
    pub(super) fn directed(self, dir: Direction) -> Composer<'a> {
        Composer {
            rtl: dir == Direction::Rtl,
            ..self
        }
    }

    /// The blocks composed, mirrored when they run right to left.
    pub(super) fn finish(mut self) -> Vec<Block> {
        if self.rtl {
            mirror(&mut self.blocks, self.frame.width);
        }
        self.blocks
    }
}

/// Laying out text: wrapping, text beside text, and what keeps together.
impl Composer<'_> {
    /// The width of `text` in `look`, its spaces as wide as the look asks.
    pub(super) fn measure(&self, text: &str, look: &Look) -> f32 {
        match look.space {
            Some(space) if text == " " => space,
            Some(space) if text.contains(' ') => {
                let spaces = text.matches(' ').count() as f32 * space;
                let words = text.split(' ').map(|word| self.measure(word, look));
                spaces + words.sum::<f32>()
            }
            _ => {
                let tracking = look.tracking * drawn_len(text) as f32;
                self.fonts.width(look.style, text, look.size) + tracking
            }
        }
    }

    /// The height of a line of `runs`: the capitals of its largest text.
    fn line_height<'r>(&self, runs: impl IntoIterator<Item = &'r Run<Look>>) -> f32 {
        runs.into_iter()
            .map(|r| self.fonts.cap_height(r.style.style, r.style.size) + r.style.rise)
            .fold(0.0, f32::max)
    }

    /// The space above the next block: `above`, or what the last block
    /// asks below it when that is more.
    pub(super) fn gap(&mut self, above: f32) -> f32 {
        std::mem::take(&mut self.below).max(above)
    }

    /// Asks `below` points under the last block.
    pub(super) fn space_below(&mut self, below: f32) {
        self.below = below;
    }

    /// Wrapped text placed as `at` says, with `at.right` against the right
    /// edge: beside the last line when it is short, on lines of its own
    /// below the text when it is not. Returns the index of the first line.
    pub(super) fn lines(&mut self, runs: &[Run<Look>], mut at: Lines) -> usize {
        let width = self.frame.width - at.indent;
        let (beside, below) = match at.right.take() {
            Some(right) if self.fits_beside(&right) => (Some(right), None),
            right => (None, right),
        };
        let beside_width = beside.as_ref().map_or(0.0, |r| {
            self.measure(&r.text, &r.style) + self.theme.space.aside_gutter
        });
        let mut lines = self.wrap(runs, width - beside_width);
        if let Some(right) = beside {
            let last = lines.len() - 1;
            lines[last].extend(self.right_aligned(right, width));
        }
        let first = self.blocks.len();
        self.place(lines, &at, width);
        if let Some(right) = below {
            let under = self.theme.space.under_title;
            let lines = self.wrap(&[right], width);
            let aligned = lines.into_iter().map(|line| {
                let end = line.last().map_or(0.0, |p| p.x + p.width);
                shifted(line, width - end)
            });
            let at = Lines::after(under, at.leading);
            self.place(aligned.collect(), &at, width);
        }
        first
    }

    /// Pushes one block per line; a paragraph never leaves one line alone
    /// at the foot or the head of a page.
    fn place(&mut self, lines: Vec<Vec<Placed<Look>>>, at: &Lines, width: f32) {
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let height = self.line_height(line.iter().map(|p| &p.run));
            let end = line.last().map_or(0.0, |p| p.x + p.width);
            let offset = at.indent + if at.centred { (width - end) / 2.0 } else { 0.0 };
            let gap = if i == 0 { self.gap(at.gap) } else { at.leading };
            self.blocks.push(Block {
                extent: Extent {
                    gap,
                    height,
                    keep_with_next: count > 1 && (i == 0 || i + 2 == count),
                },
                ascent: height,
                runs: shifted(line, offset),
                marks: Vec::new(),
            });
        }
    }

    /// Lines of `runs` no wider than `width`, each in visual order; one
    /// empty line for no text.
    fn wrap(&self, runs: &[Run<Look>], width: f32) -> Vec<Vec<Placed<Look>>> {
        let measure = |text: &str, look: &Look| self.measure(text, look);
        let mut lines: Vec<_> = break_lines(runs, width, &measure)
            .into_iter()
            .map(|line| reorder(line, self.rtl, &measure))
            .collect();
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        lines
    }

    /// Whether `right` is one short line that leaves the text beside it
    /// most of the line.
    fn fits_beside(&self, right: &Run<Look>) -> bool {
        !right.text.contains(is_forced_break)
            && self.measure(&right.text, &right.style)
                <= self.frame.width * self.theme.look.aside_share
    }

    /// `right` on one line against the right edge of `width`.
    fn right_aligned(&self, right: Run<Look>, width: f32) -> Vec<Placed<Look>> {
        let run_width = self.measure(&right.text, &right.style);
        let placed = Placed {
            x: 0.0,
            width: run_width,
            run: right,
        };
        let measure = |text: &str, look: &Look| self.measure(text, look);
        let line = reorder(vec![placed], self.rtl, &measure);
        let end = line.last().map_or(0.0, |p| p.x + p.width);
        shifted(line, width - end)
    }

    /// Keeps the blocks from `from` on one page, and with the next block
    /// too when `sticky`.
    pub(super) fn keep_together(&mut self, from: usize, sticky: bool) {
        let count = self.blocks.len();
        for (i, block) in self.blocks.iter_mut().enumerate().skip(from) {
            if i + 1 < count || sticky {
                block.extent.keep_with_next = true;
            }
        }
    }

    /// Keeps the blocks from `from` on one page when they take at most a
    /// third of one (as typst keeps short blocks whole); longer ones may
    /// break between their lines.
    pub(super) fn keep_short(&mut self, from: usize, sticky: bool) {
        let height: f32 = self.blocks[from..]
            .iter()
            .enumerate()
            .map(|(i, b)| b.extent.height + if i == 0 { 0.0 } else { b.extent.gap })
            .sum();
        if height <= self.frame.height / 3.0 {
            self.keep_together(from, sticky);
        } else if sticky && let Some(last) = self.blocks.last_mut() {
            last.extent.keep_with_next = true;
        }
    }

    /// The runs of rich text in `base`'s look: links in the accent colour,
    /// code in the mono family.
    pub(super) fn inline_runs(&self, spans: &Inline, base: &Look) -> Vec<Run<Look>> {
        spans
            .iter()
            .map(|span| {
                let mut look = base.clone();
                look.style = base.style.with(span.strong, span.emph);
                if span.code {
                    look.style.family = super::fonts::Family::Mono;
                    look.size *= CODE_SIZE;
                }
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
        self.inline_runs(spans, &Look::new(Style::REGULAR, t.size.body, t.color.ink))
    }
}

/// Code is set smaller than the text around it, as typst sets it: its raw
/// text is 0.8 em, and the template's 0.88 em applies on top of that.
const CODE_SIZE: f32 = 0.8 * 0.88;

/// `line` moved `offset` to the right.
fn shifted(line: Vec<Placed<Look>>, offset: f32) -> Vec<Placed<Look>> {
    line.into_iter()
        .map(|p| Placed {
            x: p.x + offset,
            ..p
        })
        .collect()
}
