//! The cover letter as a .docx file, in the résumé's Word styles: the
//! sender's name (Title) and contact line, then the date, the recipient's
//! block (a line each), greeting and paragraphs a blank line apart (Letter
//! Text), the closing with room to sign (Closing) and the name.

use super::writer::{Look, Writer};
use super::{finish, package, styles};
use crate::model::locale::Direction;
use crate::render::letter::LetterView;

/// The letter as the bytes of a .docx file; `date` (`YYYY-MM-DD`) dates the file.
pub fn render(letter: &LetterView, date: Option<&str>) -> zip::result::ZipResult<Vec<u8>> {
    let mut writer = Writer::new(&letter.design);
    writer.push(writer.text(styles::TITLE, &letter.name, Look::default()));
    writer.contact_line(&letter.contact);
    writer.push(writer.text(styles::LETTER, &letter.date, Look::default()));
    let recipient = letter.recipient_lines();
    for (i, line) in recipient.iter().enumerate() {
        let style = match i + 1 == recipient.len() {
            true => styles::LETTER,
            false => styles::BODY,
        };
        writer.push(writer.text(style, line, Look::default()));
    }
    writer.push(writer.text(styles::LETTER, &letter.greeting, Look::default()));
    for paragraph in &letter.paragraphs {
        let empty = docx_rs::Paragraph::new().style(styles::LETTER);
        let paragraph = writer.spans(empty, paragraph, Look::default());
        writer.push(paragraph);
    }
    writer.push(writer.text(styles::CLOSING, &letter.closing, Look::default()));
    writer.push(writer.text(styles::BODY, &letter.name, Look::default()));
    let properties = package::Properties {
        title: &letter.name,
        keywords: &[],
        date,
        language: &letter.lang,
        right_to_left: letter.dir == Direction::Rtl,
    };
    finish(writer, letter.paper, &properties)
}
