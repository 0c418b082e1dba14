//! The rewording of what the YAML parser rejects, for people who write YAML:
//! each problem located where the fix goes, with a hint.

use yaml_rust2::scanner::ScanError;

use super::tree::{ByteOffsets, MAX_DEPTH, line_end};
use crate::diagnostic::Diagnostic;

/// A parser error as a located diagnostic.
pub fn scan_error(text: &str, error: &ScanError) -> Diagnostic {
    let at = ByteOffsets::new(text).of(error.marker().index());
    if let Some(tab) = indenting_tab(text, at) {
        return Diagnostic::error("a tab in the indentation")
            .at(Some(tab..tab + 1))
            .help("YAML indents with spaces: replace the tab with spaces");
    }
    let info = error.info();
    let span = Some(at..line_end(text, at));
    if info.contains("quoted scalar") {
        // The parser reports the opening quote: that is where the fix goes.
        return Diagnostic::error("this quoted text is never closed")
            .at(span)
            .help("close the quote that starts here, or remove it");
    }
    if info.contains("recursion limit") {
        return Diagnostic::error(format!("the document nests deeper than {MAX_DEPTH} levels"))
            .at(span)
            .help("a résumé needs only a few levels of nesting");
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

/// The first tab in the indentation of a line up to the one holding `at`.
fn indenting_tab(text: &str, at: usize) -> Option<usize> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line_start > at {
            break;
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(tab) = line[..indent].find('\t') {
            return Some(line_start + tab);
        }
        line_start += line.len();
    }
    None
}

/// Control characters written into the file itself: each is located.
pub fn raw_control_characters(text: &str) -> Vec<Diagnostic> {
    text.char_indices()
        .filter(|&(_, c)| is_forbidden(c) && c != '\r')
        .take(20)
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
        assert_eq!(indenting_tab(text, text.len() - 1), Some(20));
        assert_eq!(indenting_tab("a: \tb\n", 5), None);
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
