//! The rewording of what the YAML parser rejects, for people who write YAML:
//! each problem located where the fix goes, with a hint.

use yaml_rust2::scanner::ScanError;

use std::ops::Range;

use super::offsets::{ByteOffsets, line_end};
use crate::diagnostic::Diagnostic;

/// Deeper nesting than any résumé needs.
pub const MAX_DEPTH: usize = 64;

/// Nesting deeper than [`MAX_DEPTH`], at the line where it goes too deep.
pub fn too_deep(span: Range<usize>) -> Diagnostic {
    Diagnostic::error(format!("the document nests deeper than {MAX_DEPTH} levels"))
        .at(Some(span))
        .help("a résumé needs only a few levels of nesting")
}

/// A parser error as a located diagnostic.
pub fn scan_error(text: &str, error: &ScanError) -> Diagnostic {
    let at = ByteOffsets::new(text).of(error.marker());
    let info = error.info();
    if let Some(tab) = indenting_tab(text, at, info.contains("tab")) {
        return Diagnostic::error("a tab in the indentation")
            .at(Some(tab..tab + 1))
            .help("YAML indents with spaces: replace the tab with spaces");
    }
    let span = Some(at..line_end(text, at));
    if info.contains("quoted scalar") {
        // The parser reports the opening quote: that is where the fix goes.
        return Diagnostic::error("this quoted text is never closed")
            .at(span)
            .help("close the quote that starts here, or remove it");
    }
    if info.contains("recursion limit") {
        return too_deep(at..line_end(text, at));
    }
    let help = if info.contains("tab") {
        "YAML indents with spaces: replace tabs with spaces"
    } else {
        "check the indentation and the `key: value` layout around here; quote text that holds `: ` or starts with a symbol"
    };
    Diagnostic::error(format!("YAML syntax error: {info}"))
        .at(span)
        .help(help)
}

/// The tab in the indentation that most likely caused a parse error at `at`:
/// the first one from the error's line on when the parser complains of a
/// tab (a plain scalar runs on past its own line), else the first one on a
/// line up to the error's.
fn indenting_tab(text: &str, at: usize, about_tabs: bool) -> Option<usize> {
    let error_line = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let mut tabs = text
        .split_inclusive('\n')
        .scan(0, |line_start, line| {
            let start = *line_start;
            *line_start += line.len();
            Some((start, line))
        })
        .filter_map(|(start, line)| {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            line[..indent].find('\t').map(|tab| (start, start + tab))
        });
    if about_tabs {
        tabs.find(|&(start, _)| start >= error_line)
            .map(|(_, tab)| tab)
    } else {
        tabs.take_while(|&(start, _)| start <= error_line)
            .map(|(_, tab)| tab)
            .next()
    }
}

/// Control characters written into the file itself: each is located.
pub fn raw_control_characters(text: &str) -> Vec<Diagnostic> {
    text.char_indices()
        .filter(|&(_, c)| is_forbidden(c) && c != '\r')
        .map(|(at, c)| control_diagnostic(c).at(Some(at..at + c.len_utf8())))
        .collect()
}

/// A control character inside a value (also one written as an escape, `"\e"`).
pub fn control_character(text: &str) -> Option<Diagnostic> {
    text.chars()
        .find(|&c| is_forbidden(c))
        .map(control_diagnostic)
}

fn is_forbidden(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

fn control_diagnostic(c: char) -> Diagnostic {
    let name = match c {
        '\0' => " (NUL)",
        '\u{1b}' => " (ESC)",
        '\r' => " (carriage return)",
        '\u{7f}' => " (DEL)",
        _ => "",
    };
    Diagnostic::error(format!(
        "control character U+{:04X}{name} in the text",
        u32::from(c)
    ))
    .help("remove it: a résumé holds printable text, tabs and line breaks only")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_in_indentation_are_found() {
        let text = "basics:\n  name: Ada\n\temail: a@b.c\n";
        assert_eq!(indenting_tab(text, 14, true), Some(20));
        assert_eq!(indenting_tab(text, text.len() - 1, false), Some(20));
        assert_eq!(indenting_tab(text, 14, false), None);
        assert_eq!(indenting_tab("a: \tb\n", 5, true), None);
    }

    #[test]
    fn control_characters_are_named() {
        let found = raw_control_characters("a: b\u{1b}c\r\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("U+001B (ESC)"));
        assert_eq!(found[0].span, Some(4..5));
        assert!(control_character("line\nbreak\ttab").is_none());
    }
}
