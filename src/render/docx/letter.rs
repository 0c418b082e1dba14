//! The cover letter as a .docx file, in the résumé's Word styles: the
//! sender's name (Title) and contact line, then date, recipient, greeting,
//! paragraphs, closing and name as Body Text, each line of the recipient's
//! block its own paragraph.

use super::writer::{Look, Writer};
use super::{finish, package, styles};
use crate::render::letter::LetterView;

/// The letter as the bytes of a .docx file; `date` (`YYYY-MM-DD`) dates the file.
pub fn render(letter: &LetterView, date: Option<&str>) -> zip::result::ZipResult<Vec<u8>> {
    let mut writer = Writer::new(&letter.design);
    writer.push(writer.text(styles::TITLE, &letter.name, Look::default()));
    writer.contact_line(&letter.contact);
    let lines = std::iter::once(letter.date.as_str())
        .chain(letter.recipient_lines())
        .chain([letter.greeting.as_str()]);
    for line in lines {
        writer.push(writer.text(styles::BODY, line, Look::default()));
    }
    for paragraph in &letter.paragraphs {
        let empty = docx_rs::Paragraph::new().style(styles::BODY);
        let paragraph = writer.spans(empty, paragraph, Look::default());
        writer.push(paragraph);
    }
    for line in [&letter.closing, &letter.name] {
        writer.push(writer.text(styles::BODY, line, Look::default()));
    }
    let properties = package::Properties {
        title: &letter.name,
        keywords: &[],
        date,
    };
    finish(writer, letter.paper, &properties)
}
