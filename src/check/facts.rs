//! The facts a PDF of the résumé must show: every piece of text the render
//! view holds, in the order the layouts print it, grouped into blocks (the
//! header, a section's title, one job, project, school or entry).
//!
//! Each fact knows how to find its place in resume.yaml: by its text among
//! the file's values (inline markup read, so `**Rust**` is found as `Rust`),
//! or by the section's key, so a missing fact is reported at its line.

use std::ops::Range;

use crate::model::inline::{parse, plain_text};
use crate::model::load::SpanIndex;
use crate::render::view::{Body, Document, Inline, display_url};

/// One piece of text the PDF must show.
#[derive(Debug, Clone)]
pub struct Fact {
    pub text: String,
    /// What it is: `bullet`, `company`, `section heading`, …
    pub what: &'static str,
    /// The block it belongs to, counted in reading order.
    pub block: usize,
    anchor: Anchor,
}

/// How a fact is found in the file.
#[derive(Debug, Clone)]
enum Anchor {
    /// A value whose text (inline markup read) is or holds this.
    Text(String),
    /// The top-level key of a section.
    Key(String),
}

/// Collects facts, block by block.
#[derive(Default)]
struct Facts {
    facts: Vec<Fact>,
    block: usize,
    /// The text a date or other derived fact is located by.
    owner: String,
}

impl Facts {
    fn block(&mut self, owner: &str) {
        self.block += 1;
        self.owner = owner.to_owned();
    }

    fn add(&mut self, what: &'static str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let anchor = Anchor::Text(text.to_owned());
        self.push(what, text, anchor);
    }

    /// A fact derived from the file (a formatted date), found by its owner.
    fn derived(&mut self, what: &'static str, text: &str) {
        if !text.trim().is_empty() {
            self.push(what, text, Anchor::Text(self.owner.clone()));
        }
    }

    fn inline(&mut self, what: &'static str, spans: &Inline) {
        self.add(what, &plain_text(spans));
    }

    fn all(&mut self, what: &'static str, texts: &[String]) {
        texts.iter().for_each(|text| self.add(what, text));
    }

    fn push(&mut self, what: &'static str, text: &str, anchor: Anchor) {
        self.facts.push(Fact {
            text: text.to_owned(),
            what,
            block: self.block,
            anchor,
        });
    }
}

/// Every fact of the document, in reading order.
pub fn facts(document: &Document) -> Vec<Fact> {
    let mut out = Facts::default();
    out.add("name", &document.name);
    for (what, text) in [
        ("headline", &document.headline),
        ("tagline", &document.tagline),
    ] {
        out.add(what, text.as_deref().unwrap_or_default());
    }
    for contact in &document.contact {
        out.add(contact.kind, &contact.text);
    }
    out.add(
        "availability",
        document.availability.as_deref().unwrap_or_default(),
    );
    for section in &document.sections {
        out.block(&section.title);
        let key = serde_json::to_value(section.kind).expect("a section name serializes");
        let key = key.as_str().unwrap_or_default().to_owned();
        out.push("section heading", &section.title, Anchor::Key(key));
        body(&mut out, &section.body);
    }
    out.facts
}

fn body(out: &mut Facts, body: &Body) {
    match body {
        Body::Paragraphs { paragraphs } => {
            paragraphs.iter().for_each(|p| out.inline("paragraph", p))
        }
        Body::Items { items } => items.iter().for_each(|item| out.inline("item", item)),
        Body::Jobs { jobs } => jobs.iter().for_each(|job| {
            out.block(&job.company);
            out.add("company", &job.company);
            out.derived("dates", &job.dates);
            out.add("job title", &job.title);
            out.add("location", job.location.as_deref().unwrap_or_default());
            job.summary
                .iter()
                .for_each(|summary| out.inline("job summary", summary));
            for group in &job.groups {
                out.add("group", group.name.as_deref().unwrap_or_default());
                out.all("technology", &group.technologies);
                group
                    .bullets
                    .iter()
                    .for_each(|bullet| out.inline("bullet", bullet));
            }
        }),
        Body::Projects { projects } => projects.iter().for_each(|project| {
            out.block(&project.name);
            out.add("project", &project.name);
            out.add(
                "organization",
                project.organization.as_deref().unwrap_or_default(),
            );
            out.add("subtitle", project.subtitle.as_deref().unwrap_or_default());
            out.add(
                "link",
                &project.url.as_deref().map(display_url).unwrap_or_default(),
            );
            project
                .paragraphs
                .iter()
                .for_each(|p| out.inline("description", p));
            out.all("technology", &project.technologies);
            out.all("concept", &project.concepts);
        }),
        // One block: layouts set skills as a grid, which parsers may read
        // column by column (every category, then every list).
        Body::Skills { groups } => groups.iter().for_each(|group| {
            out.add("skill group", &group.name);
            out.all("skill", &group.items);
        }),
        Body::Education { entries } => entries.iter().for_each(|school| {
            out.block(&school.degree);
            out.add("degree", &school.degree);
            out.add("institution", &school.institution);
            out.add("location", school.location.as_deref().unwrap_or_default());
            out.derived("dates", school.dates.as_deref().unwrap_or_default());
            school
                .details
                .iter()
                .for_each(|detail| out.inline("detail", detail));
        }),
        Body::Entries { entries } => entries.iter().for_each(|entry| {
            out.block(&entry.title);
            out.add("entry", &entry.title);
            out.add("subtitle", entry.subtitle.as_deref().unwrap_or_default());
            out.derived("date", entry.dates.as_deref().unwrap_or_default());
            out.add(
                "link",
                &entry.url.as_deref().map(display_url).unwrap_or_default(),
            );
            entry
                .details
                .iter()
                .for_each(|detail| out.inline("detail", detail));
        }),
    }
}

/// Finds facts in the file: every value with its inline markup read, once.
pub struct Locator<'a> {
    spans: &'a SpanIndex,
    values: Vec<(String, Range<usize>)>,
}

impl<'a> Locator<'a> {
    pub fn new(spans: &'a SpanIndex) -> Self {
        let values = spans
            .scalars()
            .map(|(value, span)| (plain_text(&parse(value)), span))
            .collect();
        Locator { spans, values }
    }

    /// Where a fact is written: a value that reads as its text, else one
    /// that holds it, else its section's key.
    pub fn locate(&self, fact: &Fact) -> Option<Range<usize>> {
        match &fact.anchor {
            Anchor::Key(key) => self.spans.key(&[key]),
            Anchor::Text(text) => {
                let values = &self.values;
                let exact = values.iter().find(|(value, _)| value == text);
                let holding = || {
                    values
                        .iter()
                        .find(|(value, _)| value.contains(text.as_str()))
                };
                exact.or_else(holding).map(|(_, span)| span.clone())
            }
        }
    }
}
