//! The page's header (name, headline, tagline, contact details,
//! availability, the theme's accent rule) and the section headings, in the
//! theme's alignment, case and mark.

use super::{Block, Composer, Lines, Look, Mark, run};
use crate::render::design::{HeadingCase, HeadingMark};
use crate::render::native_pdf::fonts::{Family, Style};
use crate::render::native_pdf::layout::Extent;
use crate::render::native_pdf::theme::Rgb;
use crate::render::view::{Contact, Document, SectionView};

impl Composer<'_> {
    pub(super) fn header(&mut self, doc: &Document) {
        let t = self.theme;
        let (size, color, space) = (&t.size, &t.color, &t.space);
        let centred = t.look.centered_header;
        let heading = Style::of(Family::Heading, true, false);
        let name = Look {
            tracking: t.look.name_tracking,
            ..Look::new(heading, size.name, color.accent)
        };
        let at = |gap, size| Lines::after(gap, t.leading(size)).centred(centred);
        let first = self.lines(&[run(&doc.name, &name)], at(0.0, size.name));
        self.keep_together(first, true);
        self.space_below(space.title_below);
        if let Some(headline) = &doc.headline {
            let look = Look::new(Style::BOLD, size.headline, color.ink);
            self.lines(&[run(headline, &look)], at(space.header_line, size.body));
        }
        if let Some(tagline) = &doc.tagline {
            let look = Look::new(Style::REGULAR, size.tagline, color.muted);
            self.lines(&[run(tagline, &look)], at(space.header_line, size.body));
        }
        self.contact_line(&doc.contact, at(space.contact, size.body));
        if let Some(availability) = &doc.availability {
            let look = Look::new(Style::ITALIC, size.small, color.muted);
            self.lines(
                &[run(availability, &look)],
                at(space.availability, size.body),
            );
        }
        if t.look.header_rule {
            self.rule(
                space.header_rule,
                t.look.header_rule_thickness,
                color.accent,
            );
        }
    }

    /// The contact details on one line, `a • b • c`, each link in the
    /// accent colour (the résumé's header and a letter's sender block).
    pub(super) fn contact_line(&mut self, contacts: &[Contact], at: Lines) {
        let t = self.theme;
        let (size, color) = (&t.size, &t.color);
        let plain = Look::new(Style::REGULAR, size.contact, color.ink);
        let separator = Look::new(Style::REGULAR, size.contact, color.contact_separator)
            .spaced(t.space.contact_gap);
        let mut runs = Vec::new();
        for (i, contact) in contacts.iter().enumerate() {
            if i > 0 {
                runs.push(run(" • ", &separator));
            }
            let look = match &contact.url {
                Some(url) => plain.clone().linked(url, color.accent),
                None => plain.clone(),
            };
            runs.push(run(contact.text.clone(), &look));
        }
        if !runs.is_empty() {
            self.lines(&runs, at);
        }
    }

    /// A rule across the text width, `gap` below the last line.
    pub(super) fn rule(&mut self, gap: f32, thickness: f32, color: Rgb) {
        let gap = self.gap(gap);
        let width = self.frame.width;
        self.blocks.push(Block {
            extent: Extent {
                gap,
                height: 0.0,
                keep_with_next: false,
            },
            ascent: 0.0,
            runs: Vec::new(),
            marks: vec![Mark {
                from: (0.0, 0.0),
                to: (width, 0.0),
                thickness,
                color,
            }],
        });
    }

    /// A section heading in the theme's case and mark, kept with the first
    /// line of its section.
    pub(super) fn heading(&mut self, section: &SectionView) {
        let t = self.theme;
        let shape = &t.look;
        let style = Style {
            small_caps: shape.heading_case == HeadingCase::SmallCaps,
            ..Style::of(Family::Heading, true, false)
        };
        let text = match shape.heading_case {
            HeadingCase::Upper => section.title_upper.clone(),
            _ => section.title.clone(),
        };
        let look = Look {
            tracking: shape.heading_tracking,
            ..Look::new(style, t.size.heading, t.color.accent)
        };
        let bar = shape.heading_mark == HeadingMark::Bar;
        let indent = if bar { shape.bar_inset } else { 0.0 };
        let at = Lines::after(t.space.section, t.leading(t.size.heading)).indented(indent);
        let first = self.lines(&[run(text, &look)], at);
        match shape.heading_mark {
            HeadingMark::Rule => self.rule_under_last(),
            HeadingMark::Bar => self.bar_beside(first),
            HeadingMark::None => {}
        }
        self.keep_together(first, true);
        self.space_below(t.space.heading_below);
    }

    /// A hairline across the text width, under the last line.
    fn rule_under_last(&mut self) {
        let (shape, color) = (&self.theme.look, self.theme.color.rule);
        let width = self.frame.width;
        let Some(last) = self.blocks.last_mut() else {
            return;
        };
        last.extent.height += shape.heading_rule;
        last.marks.push(Mark {
            from: (0.0, shape.heading_rule),
            to: (width, shape.heading_rule),
            thickness: shape.rule_thickness,
            color,
        });
    }

    /// An accent bar at the left edge beside the lines from `first`, a
    /// little taller than their text.
    fn bar_beside(&mut self, first: usize) {
        let (shape, color) = (&self.theme.look, self.theme.color.accent);
        let count = self.blocks.len();
        for (i, block) in self.blocks.iter_mut().enumerate().skip(first) {
            if i == first {
                block.ascent += shape.bar_pad;
                block.extent.height += shape.bar_pad;
            }
            if i + 1 == count {
                block.extent.height += shape.bar_pad;
            }
            let reach = if i == first { 0.0 } else { block.extent.gap };
            block.marks.push(Mark {
                from: (0.0, -block.ascent - reach),
                to: (0.0, block.extent.height - block.ascent),
                thickness: shape.bar_width,
                color,
            });
        }
    }
}
