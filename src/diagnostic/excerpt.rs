//! The one source line a diagnostic shows, made safe to print: a long line
//! is cut to the characters around the caret (`…` marks each cut), control
//! characters are shown as escapes (`\u{0}`), and the `line:col` printed is
//! still that of the file.
//!
//! It is a [`Files`] of its own, holding only that line, so codespan
//! renders it as it would the file.

use std::ops::Range;

use codespan_reporting::files::{Error, Files, Location};

use crate::unicode::is_bidi_control;

/// How many characters are shown on each side of the caret.
const CONTEXT: usize = 100;

/// The line of a diagnostic's span, as printed.
pub struct Excerpt<'a> {
    name: &'a str,
    line: String,
    location: Location,
    /// The span within `line`.
    pub span: Range<usize>,
}

impl<'a> Excerpt<'a> {
    /// The line of `text` holding `span.start` (`line_starts` are the byte
    /// offsets of every line of `text`); a span running past the line's end
    /// is cut there.
    pub fn new(name: &'a str, text: &str, line_starts: &[usize], span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let index = line_starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        let line_start = line_starts.get(index).copied().unwrap_or(0);
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |end| line_start + end);
        let full = &text[line_start..line_end];
        let full = full.strip_suffix('\r').unwrap_or(full);
        let end = floor_char_boundary(text, span.end.clamp(start, line_start + full.len()));
        let (line, span, column) = shown(full, start - line_start, end - line_start);
        Excerpt {
            name,
            line,
            location: Location {
                line_number: index + 1,
                column_number: column + 1,
            },
            span,
        }
    }
}

/// The part of `line` around the bytes `start..end`, escaped, with the span
/// inside it (cut where the shown part ends) and the character column of
/// `start`.
fn shown(line: &str, start: usize, end: usize) -> (String, Range<usize>, usize) {
    let column = line[..start].chars().count();
    let first = column.saturating_sub(CONTEXT);
    let mut shown = String::new();
    if first > 0 {
        shown.push('…');
    }
    let (mut span_start, mut span_end, mut cut) = (None, None, None);
    for (i, (at, c)) in line.char_indices().enumerate().skip(first) {
        if i == column + CONTEXT {
            cut = Some(shown.len());
            shown.push('…');
            break;
        }
        if at == start {
            span_start = Some(shown.len());
        }
        if at == end {
            span_end = Some(shown.len());
        }
        push_printable(&mut shown, c);
    }
    // Past the last character shown: at the line's end, or at the cut.
    let past = cut.unwrap_or(shown.len());
    let span_start = span_start.unwrap_or(past);
    (shown, span_start..span_end.unwrap_or(past), column)
}

/// Pushes `c`, or an escape for it when printing it would move the cursor,
/// ring the terminal or reorder the text around it.
pub fn push_printable(out: &mut String, c: char) {
    match (c.is_control() && c != '\t') || is_bidi_control(c) {
        true => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        false => out.push(c),
    }
}

/// The largest char boundary of `text` at or before `index`.
fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.line)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, Error> {
        Ok(self.location.line_number)
    }

    fn location(&'a self, (): (), _byte_index: usize) -> Result<Location, Error> {
        Ok(self.location)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        match line_index {
            0 => Ok(0..self.line.len()),
            given => Err(Error::LineTooLarge { given, max: 0 }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, span: Range<usize>) -> Excerpt<'static> {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Excerpt::new("f", text, &starts, span)
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret_and_keeps_its_column() {
        let text = format!("a: 1\nb: {}X{}\n", "x".repeat(5000), "y".repeat(5000));
        let at = text.find('X').unwrap();
        let shown = excerpt(&text, at..at + 1);
        assert_eq!(shown.location.line_number, 2);
        assert_eq!(shown.location.column_number, 5004);
        assert_eq!(&shown.line[shown.span.clone()], "X");
        assert!(shown.line.starts_with('…') && shown.line.ends_with('…'));
        assert_eq!(shown.line.chars().count(), 2 * CONTEXT + 2);
    }

    #[test]
    fn control_characters_are_escaped() {
        let text = "name: a\u{0}b\u{1b}[31m\u{202e}c\r\n";
        let shown = excerpt(text, 6..7);
        assert_eq!(shown.line, "name: a\\u{0}b\\u{1b}[31m\\u{202e}c");
        assert_eq!(&shown.line[shown.span.clone()], "a");
    }

    #[test]
    fn a_span_is_cut_at_its_line_end_and_may_point_past_it() {
        let text = "key: value\nnext: line\n";
        let shown = excerpt(text, 5..18);
        assert_eq!(&shown.line[shown.span.clone()], "value");
        let shown = excerpt(text, 10..10);
        assert_eq!(shown.span, 10..10);
        assert_eq!(shown.location.column_number, 11);
    }
}
