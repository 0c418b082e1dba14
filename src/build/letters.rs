//! Cover letters in a build: which letter goes with a target, its view in
//! the target's theme, and the check that it fits on one page.
//!
//! A build with variants writes the letter of the last of them that has
//! one (see [`Resume::letter_for`]) beside the résumé, as
//! `<stem>-letter.<ext>`: `resume-payments-letter.pdf`. A letter is one
//! page. A PDF letter that runs over is set again with the theme tightened
//! by the least of the page fit's steps that brings it onto one page (as a
//! résumé's page budget tightens before it drops anything); only the PDF
//! paginates, so only it is tightened. One that still runs over at the
//! tightest is an error at the letter that says by about how many lines,
//! measured by laying the letter out once more on a page as tall as its
//! text.

use std::ops::Range;

use super::error::BuildError;
use crate::diagnostic::{Diagnostic, count};
use crate::fit;
use crate::model::date::today;
use crate::model::day::Day;
use crate::model::load::{Loaded, Source};
use crate::model::schema_keys::did_you_mean;
use crate::model::types::{Letter, Resume};
use crate::render::design::Tokens;
use crate::render::letter::{LetterContext, LetterView};
use crate::render::{Backend, Rendered};

/// The letter a target writes, with where it is written in the résumé.
#[derive(Debug)]
pub struct PlannedLetter {
    pub key: String,
    pub letter: Letter,
    /// The letter's key in resume.yaml, where a problem with it is shown.
    pub span: Option<Range<usize>>,
}

impl PlannedLetter {
    /// The letter sent with `variants`, if any.
    pub fn of(loaded: &Loaded, variants: &[String]) -> Option<PlannedLetter> {
        let (key, letter) = loaded.resume.letter_for(variants)?;
        Some(PlannedLetter {
            key: key.to_owned(),
            letter: letter.clone(),
            span: loaded.spans.key(&["letters", key]),
        })
    }

    /// The letter's view, sent by the target's résumé, in its theme.
    pub fn view(&self, resume: &Resume, today: Day, design: Tokens) -> LetterView {
        LetterView::new(resume, &self.key, &self.letter, today, design)
    }
}

/// The view of the letter named `key` (for `tailor --letter`), sent by
/// `resume`; an unknown name is an error with "did you mean".
pub fn letter_named(loaded: &Loaded, resume: &Resume, key: &str) -> Result<LetterView, BuildError> {
    if let Some(letter) = loaded.resume.letters.get(key) {
        let today = letter_day(None);
        return Ok(LetterView::new(
            resume,
            key,
            letter,
            today,
            Tokens::default(),
        ));
    }
    let declared: Vec<String> = loaded.resume.letters.keys().cloned().collect();
    let diagnostic =
        Diagnostic::error(format!("there is no letter `{key}`")).at(loaded.spans.key(&["letters"]));
    let diagnostic = match did_you_mean(key, &declared) {
        Some(suggestion) => diagnostic.help(format!("did you mean `{suggestion}`?")),
        None if declared.is_empty() => diagnostic.help("write cover letters under `letters:`"),
        None => diagnostic.help(format!("letters: {}", declared.join(", "))),
    };
    Err(BuildError::Invalid {
        source: loaded.source.clone(),
        diagnostics: vec![diagnostic],
    })
}

/// The day an undated letter carries: `creation_date` (from
/// `SOURCE_DATE_EPOCH` or `--creation-timestamp`), else today.
pub(super) fn letter_day(creation_date: Option<&str>) -> Day {
    let day = |date: &str| Day::parse(date).ok();
    creation_date
        .and_then(day)
        .or_else(|| day(&today()))
        .unwrap_or(Day {
            year: 1970,
            month: 1,
            day: 1,
        })
}

/// The output stem of a target's letter: `resume-payments-letter`.
pub fn letter_stem(stem: &str) -> String {
    format!("{stem}-letter")
}

/// The letter's PDF on one page: `first` when it fits, else the letter set
/// with the least tightening that fits, else the error saying by how much
/// the tightest design still runs over.
pub fn on_one_page(
    first: Rendered,
    ctx: &LetterContext<'_>,
    pdf: &dyn Backend,
    source: &Source,
    span: Option<Range<usize>>,
) -> Result<Rendered, BuildError> {
    let fits = |rendered: &Rendered| rendered.pages.unwrap_or(1) <= 1;
    if fits(&first) {
        return Ok(first);
    }
    let tightened = |share: f64| LetterView {
        design: ctx.letter.design.tightened(share),
        ..ctx.letter.clone()
    };
    for share in fit::TIGHTENING {
        let view = tightened(share);
        let rendered = pdf.render_letter(&LetterContext {
            letter: &view,
            creation_date: ctx.creation_date.clone(),
            ..*ctx
        })?;
        if fits(&rendered) {
            return Ok(rendered);
        }
    }
    // Still over at the tightest: say by how much, as it is set there.
    let view = tightened(1.0);
    let tightest = LetterContext {
        letter: &view,
        creation_date: ctx.creation_date.clone(),
        ..*ctx
    };
    let rendered = pdf.render_letter(&tightest)?;
    Err(overflow(&rendered, &tightest, pdf, source, span))
}

/// The error for a letter's PDF (`rendered`) of more than one page, saying
/// by about how many lines it runs over.
fn overflow(
    rendered: &Rendered,
    ctx: &LetterContext<'_>,
    pdf: &dyn Backend,
    source: &Source,
    span: Option<Range<usize>>,
) -> BuildError {
    let measured = match pdf.render_letter(&LetterContext {
        measure: true,
        creation_date: ctx.creation_date.clone(),
        ..*ctx
    }) {
        Ok(measured) => measured,
        Err(error) => return error.into(),
    };
    let letter = ctx.letter;
    let lines = overflow_lines(&measured.bytes, letter);
    let onto = match rendered.pages {
        Some(2) => "onto a second page".to_owned(),
        pages => format!("over {} pages", pages.unwrap_or(2)),
    };
    let diagnostic = Diagnostic::error(format!(
        "the {} letter runs {} {onto}",
        letter.key,
        match lines {
            Some(lines) => format!("about {}", count(lines, "line")),
            None => "past its page and".to_owned(),
        }
    ))
    .at(span)
    .help("a cover letter is one page, even with the theme tightened as far as it allows: shorten its paragraphs");
    BuildError::Invalid {
        source: source.clone(),
        diagnostics: vec![diagnostic],
    }
}

/// How many body lines the letter's text runs past the bottom margin, from
/// the height of its measuring PDF (one page as tall as the text).
fn overflow_lines(measured: &[u8], letter: &LetterView) -> Option<usize> {
    let document = lopdf::Document::load_mem(measured).ok()?;
    let (_, page) = document.get_pages().into_iter().next()?;
    let media_box = document
        .get_dictionary(page)
        .ok()?
        .get(b"MediaBox")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .map(|value| {
            value
                .as_float()
                .ok()
                .or(value.as_i64().ok().map(|n| n as f32))
        })
        .collect::<Option<Vec<f32>>>()?;
    let height = f64::from(media_box.get(3)? - media_box.get(1)?);
    let (_, paper_mm) = letter.paper.size_mm();
    let over = height - f64::from(paper_mm) * 72.0 / 25.4;
    let design = &letter.design;
    // A body line: the text's height and the leading below it.
    let pitch = design.font_size * (0.72 + design.spacing.leading * design.line_spacing);
    Some(((over / pitch).ceil() as usize).max(1))
}
