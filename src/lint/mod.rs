//! `resumec lint`: checks that go beyond validity, all reported as located warnings.
//!
//! Validation ([`crate::model::validate`]) already warns about placeholder
//! contact details; these checks add what a careful reader would notice:
//! bullets too long to read at a glance ([`length`]), the same bullet twice
//! ([`duplicates`]), tense that drifts within a job ([`tense`], English
//! only), long gaps
//! between jobs ([`gaps`]) and contact details a recruiter would miss
//! ([`contact`]). Every check is pure: the model and the span index in,
//! diagnostics out.

pub mod contact;
pub mod duplicates;
pub mod gaps;
pub mod length;
pub mod tense;

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::model::inline::{self, Span};
use crate::model::load::{Loaded, SpanIndex};
use crate::model::types::Resume;
use crate::render::design::Tokens;
use crate::render::layouts::Layouts;

/// Every lint finding about a loaded résumé, check by check. Tense is
/// checked in English only (it knows English verbs); the other checks
/// read every language.
///
/// Fails only if the embedded fonts that measure bullets cannot be read.
pub fn lint(loaded: &Loaded) -> Result<Vec<Diagnostic>, length::UnreadableFont> {
    let mut found = lint_text(loaded)?;
    found.extend(loaded.relocate(gaps::check(&loaded.resume, &loaded.spans)));
    found.extend(loaded.relocate(contact::check(&loaded.resume, &loaded.spans)));
    Ok(found)
}

/// The findings about the résumé's text in the language it was loaded in,
/// what a translation may change: long and repeated bullets, and (English
/// only) tense.
pub fn lint_text(loaded: &Loaded) -> Result<Vec<Diagnostic>, length::UnreadableFont> {
    let resume = &loaded.resume;
    let spans = &loaded.spans;
    let bullets = job_bullets(resume, spans);
    // Measured as the built-in theme the résumé names sets its bullets.
    let base = loaded
        .source
        .path
        .parent()
        .unwrap_or(std::path::Path::new(""));
    let design = Tokens::resolve(&resume.design, &Layouts::default(), base).unwrap_or_default();
    let mut found = length::check(&bullets, resume.paper, &design)?;
    found.extend(duplicates::check(&bullets, &loaded.source.text));
    if resume.locale_code() == "en" {
        found.extend(tense::check(resume, &bullets));
    }
    Ok(loaded.relocate(found))
}

/// A bullet of a job, as a reader sees it and where it is written.
#[derive(Debug)]
pub struct JobBullet {
    /// Index of its job in `experience`.
    pub job: usize,
    /// The text with its inline markup parsed.
    pub spans: Vec<Span>,
    /// The text a reader sees, markup removed.
    pub plain: String,
    /// Where its text is in the file.
    pub span: Option<Range<usize>>,
}

/// Every bullet of every job, in document order.
pub fn job_bullets(resume: &Resume, index: &SpanIndex) -> Vec<JobBullet> {
    let mut bullets = Vec::new();
    for (j, job) in resume.experience.iter().enumerate() {
        for (g, group) in job.groups.iter().enumerate() {
            for (b, bullet) in group.bullets.iter().enumerate() {
                let path = [
                    "experience".to_owned(),
                    j.to_string(),
                    "groups".to_owned(),
                    g.to_string(),
                    "bullets".to_owned(),
                    b.to_string(),
                ];
                let mut text_path = path.to_vec();
                text_path.push("text".to_owned());
                let spans = inline::parse(&bullet.text);
                bullets.push(JobBullet {
                    job: j,
                    plain: inline::plain_text(&spans),
                    spans,
                    span: index.value(&text_path).or_else(|| index.value(&path)),
                });
            }
        }
    }
    bullets
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |before| before.matches('\n').count())
        + 1
}
