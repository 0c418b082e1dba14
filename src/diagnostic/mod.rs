//! One `Diagnostic` type for every stage, and its terminal rendering.
//!
//! A diagnostic carries a byte span into the source file when it has one;
//! codespan-reporting turns that into `file:line:col`, the source line (cut
//! and escaped by `excerpt`) and a caret, followed by the hint.

mod excerpt;

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use excerpt::Excerpt;
pub use excerpt::push_printable;

/// How bad a problem is: errors stop a build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem found in a résumé, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Byte range in the source file, when the problem has a location.
    pub span: Option<Range<usize>>,
    /// What to do about it.
    pub help: Option<String>,
}

/// Adds to `into` each of `more` it does not hold yet: the warnings of a
/// résumé read in several languages, each once.
pub fn merge(into: &mut Vec<Diagnostic>, more: impl IntoIterator<Item = Diagnostic>) {
    for diagnostic in more {
        if !into.contains(&diagnostic) {
            into.push(diagnostic);
        }
    }
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            help: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            message: message.into(),
            span: None,
            help: None,
        }
    }

    pub fn at(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The file the diagnostics point into.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Renders diagnostics the way rustc and typst do, with the offending line.
pub fn render(source: &SourceFile<'_>, diagnostics: &[Diagnostic]) -> String {
    let config = term::Config::default();
    let starts = line_starts(source.text);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let mut report = match diagnostic.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(&diagnostic.message);
        let mut notes = Vec::new();
        let excerpt = diagnostic
            .span
            .clone()
            .map(|span| Excerpt::new(source.name, source.text, &starts, span));
        match &excerpt {
            Some(excerpt) => {
                report = report.with_labels(vec![Label::primary((), excerpt.span.clone())])
            }
            None => notes.push(format!("in {}", source.name)),
        }
        notes.extend(diagnostic.help.iter().map(|help| format!("help: {help}")));
        report = report.with_notes(notes);
        let rendered = match &excerpt {
            Some(excerpt) => term::emit_into_string(&config, excerpt, &report),
            None => term::emit_into_string(&config, &SimpleFile::new(source.name, ""), &report),
        };
        match rendered {
            Ok(text) => out.push_str(&text),
            // A span outside the file: still say what is wrong.
            Err(_) => out.push_str(&format!("{}: {}\n", source.name, diagnostic.message)),
        }
    }
    out
}

/// The byte offset of a 1-based line and column.
pub fn line_column_offset(text: &str, line: usize, column: usize) -> usize {
    let line_starts: Vec<usize> = line_starts(text);
    byte_offset(text, &line_starts, line, column.saturating_sub(1))
}

/// The byte offset where each line starts.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The byte offset of a 1-based line and 0-based character column.
pub fn byte_offset(text: &str, line_starts: &[usize], line: usize, col: usize) -> usize {
    let line_start = line_starts
        .get(line.saturating_sub(1))
        .copied()
        .unwrap_or(text.len());
    text[line_start..]
        .char_indices()
        .nth(col)
        .map_or(text.len(), |(offset, _)| line_start + offset)
}

/// `1 warning`, `3 warnings`, `2 entries`: the one way messages count things.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", plural(n, noun))
}

/// The present tense of `verb` (given as for several, `lead`) agreeing with
/// `n` things: `leads` for one, `lead` otherwise; beside [`count`], as in
/// "1 bullet leads", "2 bullets lead".
pub fn agreeing(n: usize, verb: &str) -> String {
    match n {
        1 => format!("{verb}s"),
        _ => verb.to_owned(),
    }
}

/// `warning` for one, `warnings` otherwise (`entry`, `entries`).
fn plural(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => noun.to_owned(),
        (_, Some(stem)) => format!("{stem}ies"),
        (_, None) => format!("{noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::{agreeing, count};

    #[test]
    fn counts_say_one_thing_or_several() {
        assert_eq!(count(1, "warning"), "1 warning");
        assert_eq!(count(0, "warning"), "0 warnings");
        assert_eq!(count(2, "entry"), "2 entries");
        assert_eq!(count(1, "entry"), "1 entry");
        assert_eq!(count(1, "page"), "1 page");
        assert_eq!(count(0, "page"), "0 pages");
    }

    #[test]
    fn verbs_agree_with_the_count() {
        assert_eq!(agreeing(1, "lead"), "leads");
        assert_eq!(agreeing(2, "lead"), "lead");
        assert_eq!(agreeing(0, "lead"), "lead");
    }
}
