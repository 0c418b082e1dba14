//! The Word backend: the render view as a .docx file, through docx-rs.
//!
//! One column of paragraphs in real Word styles (see `styles`): the name
//! is the Title, sections are Heading 1, entries Heading 2, groups Heading 3,
//! bullets List Bullet paragraphs numbered through numbering.xml. No tables,
//! text boxes or frames, so applicant-tracking systems read it in order.
//! Dates and locations sit at a right tab stop on their entry's line. Every
//! string goes in as text (docx-rs escapes it); a newline in a field is a
//! line break, and links are hyperlinks. `package` writes the zip.

mod content;
mod letter;
mod package;
mod styles;
mod writer;

use docx_rs::Docx;

use self::writer::{Look, Writer};
use super::letter::LetterContext;
use super::view::Document;
use super::{Backend, Format, RenderContext, RenderError, Rendered};
use crate::model::locale::Direction;
use crate::model::types::Paper;

pub struct Word;

impl Backend for Word {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let bytes =
            render(ctx.document, ctx.creation_date.as_deref()).map_err(|e| RenderError {
                format: Format::Docx,
                message: e.to_string(),
            })?;
        Ok(Rendered { bytes, pages: None })
    }

    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        let bytes =
            letter::render(ctx.letter, ctx.creation_date.as_deref()).map_err(|e| RenderError {
                format: Format::Docx,
                message: e.to_string(),
            })?;
        Ok(Rendered { bytes, pages: None })
    }
}

/// The document as the bytes of a .docx file; `date` (`YYYY-MM-DD`) dates it.
pub fn render(document: &Document, date: Option<&str>) -> zip::result::ZipResult<Vec<u8>> {
    let tokens = &document.design;
    let mut writer = Writer::new(tokens);
    writer.header(document);
    for section in &document.sections {
        writer.push(writer.text(styles::HEADING_1, &section.title, Look::default()));
        writer.body(&section.body, document);
    }
    let properties = package::Properties {
        title: &document.name,
        keywords: &document.keywords,
        date,
        language: &document.lang,
        right_to_left: document.dir == Direction::Rtl,
    };
    finish(writer, document.paper, &properties)
}

/// The paragraphs written, in the theme's styles, as the bytes of a .docx file.
fn finish(
    writer: Writer<'_>,
    paper: Paper,
    properties: &package::Properties<'_>,
) -> zip::result::ZipResult<Vec<u8>> {
    let docx = styles::apply(Docx::new(), writer.tokens, paper);
    let docx = writer
        .paragraphs
        .into_iter()
        .fold(docx, Docx::add_paragraph);
    let mut rels = docx.document_rels.clone();
    rels.has_numberings = true;
    let mut xml = docx.build();
    xml.document_rels = package::relationships(rels, &writer.links);
    xml.styles = package::with_language(&xml.styles, properties);
    package::zip(xml, properties)
}
