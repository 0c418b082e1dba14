//! The plain-text letter: sender, date, recipient, greeting, paragraphs
//! wrapped as the text résumé wraps them, closing and name.

use super::LetterView;
use crate::model::inline::plain_text;
use crate::render::text::writer::Writer;

/// The whole letter as plain text.
pub fn render(letter: &LetterView) -> String {
    let mut out = Writer::default();
    out.line(&letter.name);
    let contact: Vec<&str> = letter.contact.iter().map(|c| c.text.as_str()).collect();
    out.paragraph(&contact.join(" | "), "");
    out.blank();
    out.line(&letter.date);
    let recipient = letter.recipient_lines();
    if !recipient.is_empty() {
        out.blank();
        for line in recipient {
            out.paragraph(line, "");
        }
    }
    out.blank();
    out.paragraph(&letter.greeting, "");
    for paragraph in &letter.paragraphs {
        out.blank();
        out.paragraph(&plain_text(paragraph), "");
    }
    out.blank();
    out.paragraph(&letter.closing, "");
    out.line(&letter.name);
    out.finish()
}
