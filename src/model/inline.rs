//! Inline markup in résumé text, and its inverse.
//!
//! A text field (a summary, a bullet, a detail…) reads exactly four pieces
//! of markup: `**bold**`, `*italic*`, `` `code` `` and `[label](https://…)`.
//! The grammar is resumec's own, not CommonMark's: a field is never a
//! Markdown document, so nothing in it starts a block. Everything else is
//! text, printed as written: `- ` and `1. ` at a line start, `#`, `>`,
//! indentation, `![image](…)`, raw HTML, `&amp;`, `<https://…>`, `_`.
//!
//! - **Newlines** stay in the text: each backend sets them as a line break,
//!   or as a space where it cannot break. Empty lines at the start and
//!   whitespace at the end are dropped.
//! - **Backslash** escapes only a markup character: `\*`, `\_`, `` \` ``,
//!   `\[`, `\]`, `\\`. Before anything else it is text (`\d+\.\d+`).
//! - **Code**: a run of n backticks opens a span that the next run of
//!   exactly n closes, so `` `` a`b `` `` holds a backtick; as in CommonMark
//!   one space is stripped from each end when both ends have one. Inside,
//!   everything is literal; an unclosed run is text.
//! - **Emphasis**: runs of `*` follow CommonMark's delimiter-run rules for
//!   `*` (flanking, the rule of three, nesting), so `**Engineer **` and
//!   `2 * 3 * 4` stay text. Bold inside italic and the reverse nest.
//! - **Links**: `[label](target)`, the target bare (balanced parentheses, no
//!   whitespace) or in `<…>`. Only http(s) and mailto targets make links;
//!   any other keeps every character as text, and so does `![alt](src)`.
//!   The label may hold emphasis and code; a link inside it is text. Every
//!   search remembers what it learnt, so parsing is linear in the field.
//!
//! The result is flat: a list of [`Span`]s, each one run of text with one
//! style, that every backend renders with its own escaping. [`escape`] is
//! the inverse of [`parse`]: it writes any literal string so that it parses
//! back to exactly that text.

mod atom;
mod emphasis;
mod scan;

use serde::{Deserialize, Serialize};

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emph: bool,
    pub code: bool,
    pub link: Option<String>,
}

impl Span {
    /// Unstyled text.
    pub fn plain(text: &str) -> Self {
        Span {
            text: text.to_owned(),
            ..Span::default()
        }
    }

    /// Whether two spans look the same apart from their text.
    pub fn same_style(&self, other: &Span) -> bool {
        self.strong == other.strong
            && self.emph == other.emph
            && self.code == other.code
            && self.link == other.link
    }
}

/// The characters a backslash escapes; before any other, it is text.
pub const ESCAPABLE: &[char] = &['*', '_', '`', '[', ']', '\\'];

/// Whether a link target may become a live link.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Parses one field's text into spans.
pub fn parse(text: &str) -> Vec<Span> {
    let atoms = scan::scan(trim_blank_lines(text), true);
    merged(emphasis::resolve(atoms))
}

/// The text without the empty lines it starts with and without trailing
/// whitespace: neither is visible, and no format could keep them alike.
fn trim_blank_lines(text: &str) -> &str {
    let text = text.trim_end();
    let indent = text.len() - text.trim_start().len();
    let first_line = text[..indent].rfind('\n').map_or(0, |newline| newline + 1);
    &text[first_line..]
}

/// The text of spans without any styling.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|span| span.text.as_str()).collect()
}

/// `text` written so that [`parse`] reads it back as exactly that text,
/// unstyled: `*`, `` ` ``, `[` and `]` are escaped, and a backslash where it
/// would otherwise escape. What [`parse`] trims (leading empty lines,
/// trailing whitespace) is not kept.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let escaped = match c {
            '*' | '`' | '[' | ']' => true,
            '\\' => chars.peek().is_some_and(|next| ESCAPABLE.contains(next)),
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Spans with empty ones dropped and neighbours of one style joined: the
/// one form a given styled text has.
pub fn merged(spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for span in spans {
        match out.last_mut() {
            _ if span.text.is_empty() => {}
            Some(last) if last.same_style(&span) => last.text.push_str(&span.text),
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
mod tests;
