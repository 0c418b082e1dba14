//! `resumec check`: a PDF read back as an applicant-tracking system reads
//! it, and compared with the résumé it should hold.
//!
//! The PDF may come from anywhere (resumec, another tool, an old export):
//! only its text layer ([`text_layer`]) and its fonts ([`fonts`]) are read.
//! The résumé's facts ([`facts`](mod@facts)) are the render view's text, the same text
//! every format prints, and must read back in order ([`reading`]); then the
//! things that trip parsers are looked for ([`signals`]). A missing fact is
//! reported at its line in resume.yaml. Facts that a page budget
//! (`max_pages`) may drop are expected only when the PDF has room for them:
//! their absence is noted, not a failure.

pub mod facts;
pub mod fonts;
mod logical;
pub mod reading;
pub mod signals;
pub mod text_layer;

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use self::facts::{Fact, Locator, facts};
use self::text_layer::TextLayer;
use crate::diagnostic::{Diagnostic, count};
use crate::fit::{ranked_items, without};
use crate::model::load::SpanIndex;
use crate::model::locale::Direction;
use crate::model::types::Resume;
use crate::render::design::Tokens;
use crate::render::view::Document;

/// The longest stretch of a fact quoted in a message.
const QUOTE: usize = 70;

/// What the check found.
#[derive(Debug, Serialize)]
pub struct Report {
    /// What read the text layer: `pdftotext` or `lopdf`.
    pub reader: &'static str,
    /// What passed, one sentence each.
    pub passed: Vec<String>,
    /// What an ATS would not find (errors, located in the résumé when they can be).
    #[serde(skip)]
    pub problems: Vec<Diagnostic>,
    /// What may trouble a parser without losing a fact.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
}

impl Report {
    /// Whether every fact is there and nothing hides one.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The résumé a PDF is checked against.
pub struct Expected<'a> {
    /// The résumé with its variants applied.
    pub resume: &'a Resume,
    /// The page budget of the variants, which lets fitting drop items.
    pub max_pages: Option<usize>,
    /// Where each value is written, to point at missing facts.
    pub spans: &'a SpanIndex,
}

/// Checks the PDF at `path` against `expected`; an error says why the PDF
/// cannot be read.
pub fn check(path: &Path, expected: &Expected<'_>) -> Result<Report, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let rtl = expected.resume.locale().direction == Direction::Rtl;
    let (layer, pdf) = std::thread::scope(|scope| {
        let layer = scope.spawn(|| {
            text_layer::read(path, &bytes).map(|layer| logical::in_reading_order(layer, rtl))
        });
        let pdf = lopdf::Document::load_mem(&bytes);
        (layer.join().expect("reading the text does not panic"), pdf)
    });
    let pdf = pdf.map_err(|e| format!("it is not a PDF lopdf can read: {e}"))?;
    let layer = layer?;
    let document = Document::new(expected.resume, Tokens::default());
    let mut report = Report {
        reader: layer.reader,
        passed: Vec::new(),
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    check_facts(&mut report, &layer, &document, expected);
    check_contact(&mut report, &layer, &document);
    check_characters(&mut report, &layer);
    check_layout(&mut report, &layer, &pdf, &document);
    Ok(report)
}

/// Every fact in order; those a page budget may drop only noted.
fn check_facts(report: &mut Report, layer: &TextLayer, document: &Document, expected: &Expected) {
    let all = facts(document);
    let reading = reading::read(&all, &layer.text());
    let mut droppable = droppable(expected);
    let locator = Locator::new(expected.spans);
    let mut dropped = 0;
    for fact in &reading.missing {
        if let Some(left) = droppable.get_mut(&fact.text).filter(|left| **left > 0) {
            *left -= 1;
            dropped += 1;
            continue;
        }
        report.problems.push(
            Diagnostic::error(format!(
                "not in the PDF: {} `{}`",
                fact.what,
                quoted(&fact.text)
            ))
            .at(locator.locate(fact))
            .help("an ATS reading this PDF will not see it; rebuild the PDF from this résumé"),
        );
    }
    for block in reading.out_of_order.chunk_by(|a, b| a.block == b.block) {
        let texts: Vec<String> = block.iter().map(|fact| quoted(&fact.text)).collect();
        report.warnings.push(
            Diagnostic::warning(format!("out of reading order: {}", listed(&texts)))
                .at(locator.locate(block[0]))
                .help("it is in the PDF, but not where the résumé puts it; a parser may file it under another entry"),
        );
    }
    let found = reading.in_order.len() + reading.out_of_order.len();
    report.passed.push(format!(
        "{} of {} read back",
        found,
        count(all.len(), "fact")
    ));
    if dropped > 0 {
        report.passed.push(format!(
            "{} that the page budget (max_pages: {}) may drop {} not in the PDF",
            count(dropped, "fact"),
            expected.max_pages.unwrap_or_default(),
            if dropped == 1 { "is" } else { "are" }
        ));
    }
}

/// How many times each text appears among the facts a page budget may drop.
fn droppable(expected: &Expected) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    if expected.max_pages.is_none() {
        return counts;
    }
    let facts_of = |resume: &Resume| facts(&Document::new(resume, Tokens::default()));
    let minimal = without(expected.resume, &ranked_items(expected.resume));
    for fact in facts_of(expected.resume) {
        *counts.entry(fact.text).or_insert(0usize) += 1;
    }
    for Fact { text, .. } in facts_of(&minimal) {
        if let Some(n) = counts.get_mut(&text) {
            *n = n.saturating_sub(1);
        }
    }
    counts
}

/// The name near the top; the e-mail and phone as a parser reads them.
fn check_contact(report: &mut Report, layer: &TextLayer, document: &Document) {
    match signals::name_line(layer, &document.name) {
        Some(line) => report
            .passed
            .push(format!("the name `{}` is on line {line}", document.name)),
        None => report.problems.push(Diagnostic::error(format!(
            "the name `{}` is not within the first {} lines",
            document.name,
            signals::NAME_WITHIN_LINES
        ))),
    }
    for contact in &document.contact {
        let (reads, what) = match contact.kind {
            "email" => (
                signals::reads_as_email(layer, &contact.text),
                "an e-mail address",
            ),
            "phone" => (
                signals::reads_as_phone(layer, &contact.text),
                "a phone number",
            ),
            _ => continue,
        };
        match reads {
            true => report
                .passed
                .push(format!("`{}` reads as {what}", contact.text)),
            false => report.problems.push(
                Diagnostic::error(format!("`{}` does not read as {what}", contact.text))
                    .help("it must be one run of text on one line, as the résumé writes it"),
            ),
        }
    }
}

/// No ligature characters; no words spelled out by letter-spacing.
fn check_characters(report: &mut Report, layer: &TextLayer) {
    let ligatures = signals::ligature_words(layer);
    match ligatures.is_empty() {
        true => report.passed.push("no ligature characters (U+FB00–FB06)".to_owned()),
        false => report.problems.push(
            Diagnostic::error(format!(
                "ligature characters in {}: {}",
                count(ligatures.len(), "word"),
                listed(&ligatures)
            ))
            .help("a parser searching for `fi` or `fl` will not match them; turn ligatures off or map them to letters"),
        ),
    }
    let spelled = signals::spelled_out(layer);
    match (spelled.is_empty(), layer.has_positions()) {
        (true, true) => report
            .passed
            .push("no words split by letter-spacing".to_owned()),
        (true, false) => {}
        (false, _) => report.problems.push(
            Diagnostic::error(format!(
                "words split into letters by letter-spacing: {}",
                listed(&spelled)
            ))
            .help("a parser reads each letter as a word; set headings without tracking"),
        ),
    }
}

/// Text on the page, fonts embedded, headings parsers know.
fn check_layout(
    report: &mut Report,
    layer: &TextLayer,
    pdf: &lopdf::Document,
    document: &Document,
) {
    if layer.has_positions() {
        let outside: Vec<String> = signals::off_page(layer)
            .iter()
            .map(|w| w.text.clone())
            .collect();
        match outside.is_empty() {
            true => report.passed.push("all text lies on the page".to_owned()),
            false => report.warnings.push(
                Diagnostic::warning(format!("text outside the page: {}", listed(&outside)))
                    .help("parsers read it though nobody sees it; remove it"),
            ),
        }
    } else {
        report.warnings.push(Diagnostic::warning(
            "text positions not checked (letter-spacing, text off the page): pdftotext is not installed",
        ).help("install poppler-utils for the full check"));
    }
    let missing = fonts::not_embedded(pdf);
    match missing.is_empty() {
        true => report.passed.push(format!(
            "every font is embedded ({})",
            count(fonts::font_count(pdf), "font")
        )),
        false => report.warnings.push(
            Diagnostic::warning(format!("fonts not embedded: {}", listed(&missing)))
                .help("the PDF looks different where those fonts are missing; embed them"),
        ),
    }
    let unknown: Vec<String> = document
        .sections
        .iter()
        .map(|section| section.title.as_str())
        .filter(|title| !signals::is_known_heading(title))
        .map(str::to_owned)
        .collect();
    match unknown.is_empty() {
        true => report
            .passed
            .push("every section heading is one parsers recognise".to_owned()),
        false => report.warnings.push(
            Diagnostic::warning(format!(
                "headings parsers may not recognise: {}",
                listed(&unknown)
            ))
            .help("a parser may file what follows under the section before"),
        ),
    }
}

/// At most [`QUOTE`] characters of `text`, on one line.
fn quoted(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(QUOTE) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

/// Up to eight items, quoted, and how many more.
fn listed(items: &[String]) -> String {
    let shown: Vec<String> = items
        .iter()
        .take(8)
        .map(|item| format!("`{item}`"))
        .collect();
    match items.len() > 8 {
        true => format!("{} and {} more", shown.join(", "), items.len() - 8),
        false => shown.join(", "),
    }
}
