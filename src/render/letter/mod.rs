//! Cover letters: the letter view every backend renders, in the résumé's
//! theme, and the text, Markdown and HTML letters (the PDF engines' letters
//! sit with their résumés: `typst` with `layouts/typst/letter.typ`,
//! `native_pdf::compose::letter`).
//!
//! A [`LetterView`] is built from the résumé with the build's variants
//! applied, so the sender block is `basics` less any contact detail a
//! variant hides, and from the design tokens of that same build, so the
//! letter looks like the résumé it goes with. Like the résumé's view it is
//! plain, serializable data (sender, date, recipient lines, greeting,
//! paragraphs of inline spans, closing): the typst letter reads it as JSON,
//! the HTML and Markdown letters as a handlebars context, and any further
//! backend (a Word document) needs nothing else.

mod html;
mod markdown;
mod text;

pub use html::render as html;
pub use markdown::render as markdown;
pub use text::render as text;

use serde::Serialize;

use super::design::Tokens;
use super::layouts::Layouts;
use super::view::{Contact, Inline, contacts};
use super::{Warnings, view};
use crate::model::day::Day;
use crate::model::inline;
use crate::model::locale::{Direction, Labels};
use crate::model::types::{Letter, Paper, Resume};

/// A cover letter, as every backend sees it.
#[derive(Debug, Clone, Serialize)]
pub struct LetterView {
    /// The language it is written in: a built-in locale's code.
    pub lang: String,
    /// Which way its script runs.
    pub dir: Direction,
    /// The locale's labels, with the résumé's own applied.
    pub labels: Labels,
    /// The letter's name under `letters:`.
    pub key: String,
    /// The sender: `basics.name`.
    pub name: String,
    /// The sender's contact details, less those the variants hide.
    pub contact: Vec<Contact>,
    /// The date as the locale prints it: `March 14, 2025`, `14. März 2025`.
    pub date: String,
    pub recipient: Option<String>,
    pub company: Option<String>,
    /// The address, one line each.
    pub address: Vec<String>,
    pub greeting: String,
    pub paragraphs: Vec<Inline>,
    pub closing: String,
    pub paper: Paper,
    /// The same tokens as the résumé of the build.
    pub design: Tokens,
}

impl LetterView {
    /// The view of `letter`, sent by the person of `resume` (variants
    /// applied), dated `today` unless the letter has a date of its own.
    pub fn new(resume: &Resume, key: &str, letter: &Letter, today: Day, design: Tokens) -> Self {
        let locale = resume.locale();
        LetterView {
            key: key.to_owned(),
            name: resume.basics.name.clone(),
            contact: contacts(resume),
            date: locale.day(letter.date.unwrap_or(today)),
            recipient: letter.recipient.clone(),
            company: letter.company.clone(),
            address: letter
                .address
                .iter()
                .flat_map(|address| address.lines())
                .map(str::trim_end)
                .filter(|line| !line.trim().is_empty())
                .map(str::to_owned)
                .collect(),
            greeting: letter.greeting.clone(),
            paragraphs: letter
                .body
                .iter()
                .filter(|paragraph| !paragraph.trim().is_empty())
                .map(|paragraph| inline::parse(paragraph))
                .collect(),
            closing: letter.closing.clone(),
            paper: resume.paper,
            design,
            lang: locale.code,
            dir: locale.direction,
            labels: locale.labels,
        }
    }

    /// The recipient block: recipient, company, address, each a line.
    pub fn recipient_lines(&self) -> Vec<&str> {
        let named = [&self.recipient, &self.company].into_iter().flatten();
        named
            .map(String::as_str)
            .chain(self.address.iter().map(String::as_str))
            .collect()
    }

    /// Calls `visit` with every string of the letter a reader sees.
    pub fn visit_strings(&self, visit: &mut impl FnMut(&str)) {
        let mut value = serde_json::to_value(self).expect("the letter view always serializes");
        if let Some(fields) = value.as_object_mut() {
            for not_text in ["design", "key", "labels", "lang", "dir"] {
                fields.remove(not_text);
            }
        }
        view::visit_json_strings(&value, visit);
    }
}

/// Everything a backend needs to render one letter.
pub struct LetterContext<'a> {
    pub letter: &'a LetterView,
    pub layouts: &'a Layouts,
    /// The PDF creation date (`YYYY-MM-DD`), from `SOURCE_DATE_EPOCH`; none by default.
    pub creation_date: Option<String>,
    /// Standards the PDF must conform to (`--pdf-standard`); only typst writes them.
    pub pdf_standards: &'a [super::standard::PdfStandard],
    pub warnings: &'a Warnings,
    /// Lay the letter out on one page as tall as its text instead of on
    /// the paper, so the build can say how far past the page it runs.
    pub measure: bool,
}
