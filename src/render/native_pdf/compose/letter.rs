//! A cover letter composed in the résumé's [`Theme`]: the sender's name and
//! contact line over a rule, as the résumé's header, then the date, the
//! recipient, the greeting, the paragraphs, the closing and the name.
//!
//! The gaps between a letter's blocks are multiples of the body size, so
//! they follow the theme's type; the letter adds no colour or size of its own.

use super::{Block, Composer, Lines, Look};
use crate::render::letter::LetterView;
use crate::render::native_pdf::fonts::{Fonts, Style};
use crate::render::native_pdf::theme::Theme;

/// The blocks of `letter`, for lines `width` points wide.
pub fn letter(letter: &LetterView, fonts: &Fonts, theme: &Theme, width: f32) -> Vec<Block> {
    let mut b = Composer {
        fonts,
        theme,
        width,
        blocks: Vec::new(),
    };
    b.sender(letter);
    let (size, color) = (&theme.size, &theme.color);
    let body = size.body;
    let ink = Look::new(Style::Regular, body, color.ink);
    let muted = Look::new(Style::Regular, body, color.muted);
    b.line(&letter.date, muted, Lines::after(2.2 * body));
    for (i, line) in letter.recipient_lines().into_iter().enumerate() {
        let gap = if i == 0 { 1.6 * body } else { 0.0 };
        b.line(line, ink.clone(), Lines::after(gap));
    }
    b.line(&letter.greeting, ink.clone(), Lines::after(1.8 * body));
    for paragraph in &letter.paragraphs {
        let runs = b.body(paragraph);
        b.lines(&runs, Lines::after(0.8 * body));
    }
    b.line(&letter.closing, ink, Lines::after(1.5 * body).kept());
    let signature = Look::new(Style::Bold, body, color.ink);
    b.line(&letter.name, signature, Lines::after(2.6 * body));
    b.blocks
}

impl Composer<'_> {
    /// The sender block: name, contact details, and the heading's rule under them.
    fn sender(&mut self, letter: &LetterView) {
        let t = self.theme;
        let (size, color) = (&t.size, &t.color);
        let name = Look::new(Style::Bold, size.name * 0.8, color.accent);
        self.line(&letter.name, name, Lines::after(0.0).kept());
        self.contact_line(&letter.contact);
        if let Some(last) = self.blocks.last_mut() {
            last.rule = true;
            last.extent.height += t.space.heading_rule;
        }
    }
}
