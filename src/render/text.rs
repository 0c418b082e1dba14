//! The plain-text backend: what an applicant-tracking system reads best.
//!
//! No markup characters, no tables; headings in capitals, bullets as `- `,
//! paragraphs wrapped at a readable width with hanging indents.

pub mod writer;

use super::letter::{self, LetterContext};
use super::view::{Body, Document, EducationView, EntryView, Inline, JobView, ProjectView};
use super::{Backend, Format, RenderContext, RenderError, Rendered};
use crate::model::inline::plain_text;
use crate::model::locale::uppercase;
use writer::Writer;

pub struct Text;

impl Backend for Text {
    fn format(&self) -> Format {
        Format::Txt
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        Ok(Rendered::text(render(ctx.document)))
    }

    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        Ok(Rendered::text(letter::text(ctx.letter)))
    }
}

/// The whole résumé as plain text.
pub fn render(document: &Document) -> String {
    let mut out = Writer::default();
    out.line(&uppercase(&document.lang, &document.name));
    let headline = [document.headline.as_deref(), document.tagline.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" — ");
    out.paragraph(&headline, "");
    let contact: Vec<&str> = document.contact.iter().map(|c| c.text.as_str()).collect();
    out.paragraph(&contact.join(" | "), "");
    if let Some(availability) = &document.availability {
        out.paragraph(availability, "");
    }
    for section in &document.sections {
        out.blank();
        let title = &section.title_upper;
        out.line(title);
        out.line(&"=".repeat(textwrap::core::display_width(title)));
        render_body(&mut out, &section.body, document);
    }
    out.finish()
}

fn render_body(out: &mut Writer, body: &Body, document: &Document) {
    let separator = document.list_separator.as_str();
    match body {
        Body::Paragraphs { paragraphs } => {
            for paragraph in paragraphs {
                out.blank();
                out.paragraph(&plain_text(paragraph), "");
            }
        }
        Body::Items { items } => {
            out.blank();
            out.bullets(items);
        }
        Body::Jobs { jobs } => jobs.iter().for_each(|job| out.job(job, document)),
        Body::Projects { projects } => projects.iter().for_each(|p| out.project(p, document)),
        Body::Skills { groups } => {
            out.blank();
            for group in groups {
                out.list(&group.name, &group.items, separator);
            }
        }
        Body::Education { entries } => entries.iter().for_each(|e| out.education(e)),
        Body::Entries { entries } => {
            out.blank();
            entries.iter().for_each(|entry| out.entry(entry));
        }
    }
}

/// The parts that are there, between ` | `.
fn joined(parts: &[Option<&String>]) -> String {
    let parts: Vec<&str> = parts.iter().flatten().map(|part| part.as_str()).collect();
    parts.join(" | ")
}

/// The entries of each kind of section.
impl Writer {
    fn job(&mut self, job: &JobView, document: &Document) {
        self.blank();
        self.paragraph(&format!("{} — {}", job.title, job.company), "");
        let place = job
            .location
            .as_deref()
            .map(|l| format!(" | {l}"))
            .unwrap_or_default();
        self.line(&format!("{}{place}", job.dates));
        if let Some(summary) = &job.summary {
            self.paragraph(&plain_text(summary), "");
        }
        for group in &job.groups {
            self.blank();
            if let Some(name) = &group.name {
                self.paragraph(name, "");
            }
            self.bullets(&group.bullets);
            self.list(
                &document.labels.technologies,
                &group.technologies,
                &document.list_separator,
            );
        }
    }

    fn project(&mut self, project: &ProjectView, document: &Document) {
        self.blank();
        let by = project
            .organization
            .as_deref()
            .map(|o| format!(" — {o}"))
            .unwrap_or_default();
        self.paragraph(&format!("{}{by}", project.name), "");
        for line in [&project.subtitle, &project.url].into_iter().flatten() {
            self.paragraph(line, "");
        }
        for paragraph in &project.paragraphs {
            self.blank();
            self.paragraph(&plain_text(paragraph), "");
        }
        self.blank();
        let (labels, separator) = (&document.labels, &document.list_separator);
        self.list(&labels.technologies, &project.technologies, separator);
        self.list(&labels.concepts, &project.concepts, separator);
    }

    fn education(&mut self, entry: &EducationView) {
        self.blank();
        self.paragraph(&entry.degree, "");
        let details = [
            Some(&entry.institution),
            entry.location.as_ref(),
            entry.dates.as_ref(),
        ];
        self.paragraph(&joined(&details), "");
        self.bullets(&entry.details);
    }

    fn entry(&mut self, entry: &EntryView) {
        let parts = [
            Some(&entry.title),
            entry.subtitle.as_ref(),
            entry.dates.as_ref(),
            entry.url.as_ref(),
        ];
        self.paragraph(&format!("- {}", joined(&parts)), "  ");
        for detail in &entry.details {
            self.paragraph(&format!("  {}", plain_text(detail)), "  ");
        }
    }
}

/// The lists of the résumé.
impl Writer {
    fn bullets(&mut self, items: &[Inline]) {
        for item in items {
            self.paragraph(&format!("- {}", plain_text(item)), "  ");
        }
    }

    /// `Label: a, b, c`, wrapped under the label.
    fn list(&mut self, label: &str, items: &[String], separator: &str) {
        if !items.is_empty() {
            self.paragraph(&format!("{label}: {}", items.join(separator)), "  ");
        }
    }
}
