//! A cover letter composed in the résumé's [`Theme`]: the sender's name and
//! contact line over a rule, as the résumé's header, then the date, the
//! recipient, the greeting, the paragraphs, the closing and the name.
//!
//! The gaps between a letter's blocks are multiples of the body size, so
//! they follow the theme's type; the letter adds no colour or size of its own.

use super::{Block, Composer, Frame, Lines, Look, run};
use crate::render::letter::LetterView;
use crate::render::native_pdf::fonts::{Family, Fonts, Style};
use crate::render::native_pdf::theme::Theme;

/// The blocks of `letter`, in the text area `frame`, mirrored when its
/// language is written right to left.
pub fn letter(letter: &LetterView, fonts: &Fonts, theme: &Theme, frame: Frame) -> Vec<Block> {
    let mut b = Composer::new(fonts, theme, frame).directed(letter.dir);
    b.sender(letter);
    let (size, color) = (&theme.size, &theme.color);
    let body = size.body;
    let at = |gap: f32| Lines::after(gap, theme.leading(body));
    let ink = Look::new(Style::REGULAR, body, color.ink);
    let muted = Look::new(Style::REGULAR, body, color.muted);
    b.lines(&[run(&letter.date, &muted)], at(2.2 * body));
    for (i, line) in letter.recipient_lines().into_iter().enumerate() {
        let gap = if i == 0 {
            1.8 * body
        } else {
            theme.leading(body)
        };
        b.lines(&[run(line, &ink)], at(gap));
    }
    b.lines(&[run(&letter.greeting, &ink)], at(1.8 * body));
    for paragraph in &letter.paragraphs {
        let runs = b.body(paragraph);
        b.lines(&runs, at(1.2 * body));
    }
    let closing = b.lines(&[run(&letter.closing, &ink)], at(1.4 * body));
    let signature = Look::new(Style::BOLD, body, color.ink);
    b.lines(&[run(&letter.name, &signature)], at(3.2 * body));
    b.keep_together(closing, false);
    b.finish()
}

impl Composer<'_> {
    /// The sender block: name, contact details, and a rule under them.
    fn sender(&mut self, letter: &LetterView) {
        let t = self.theme;
        let (size, color, space) = (&t.size, &t.color, &t.space);
        let name = Look {
            tracking: t.look.name_tracking,
            ..Look::new(
                Style::of(Family::Heading, true, false),
                size.name * 0.8,
                color.accent,
            )
        };
        let centred = t.look.centered_header;
        let at = |gap, size| Lines::after(gap, t.leading(size)).centred(centred);
        let first = self.lines(&[run(&letter.name, &name)], at(0.0, size.name));
        self.keep_together(first, true);
        self.space_below(space.title_below);
        self.contact_line(&letter.contact, at(space.contact, size.body));
        // The theme's accent rule where its header has one, else a hairline,
        // as the typst letter draws it.
        let (thickness, rule) = match t.look.header_rule {
            true => (t.look.header_rule_thickness, color.accent),
            false => (t.look.rule_thickness, color.rule),
        };
        self.rule(space.header_rule, thickness, rule);
    }
}
