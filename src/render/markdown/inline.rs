//! Résumé text as CommonMark that reads back as the same text.
//!
//! Text is backslash-escaped wherever CommonMark (or GitHub's extensions)
//! would read markup. At each line start, what would open a block is
//! neutralised: leading spaces and tabs become `&#32;`/`&#9;` (so they can
//! neither indent code nor vanish), `1.` and `1)` become `1\.` and `1\)`,
//! and a leading `-`, `+` or `=` is escaped. A newline is a hard line break
//! (`\` at the line end), with the spaces around it kept as references.
//!
//! Styles: code spans take a fence longer than any backtick run inside
//! (padded with a space where the text starts or ends with a backtick or
//! space) and a newline splits them, since a line break cannot sit in a code
//! span. Spans of one link share one `[…](<target>)`. Bold and italic are
//! written with `**` and `*`; emphasis delimiters only work where their
//! neighbours allow, so the result is read back with pulldown-cmark, and
//! when it would not give the same spans the field uses inline HTML
//! (`<strong>`, `<em>`, `<code>`) instead, which reads back whatever the
//! neighbours.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::model::inline::{Span, merged};

/// Escapes one line of plain text: a newline becomes a space.
pub fn escape(text: &str) -> String {
    let mut writer = Writer::new(Mode::Stars);
    writer.text(&text.replace(['\n', '\r'], " "));
    writer.out
}

/// Renders spans as Markdown.
pub fn inline(spans: &[Span]) -> String {
    let spans = merged(spans.iter().cloned());
    let stars = write(&spans, Mode::Stars);
    if read_back(&stars).as_ref() == Some(&spans) {
        stars
    } else {
        write(&spans, Mode::Html)
    }
}

/// How bold, italic and code are written.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Stars,
    Html,
}

#[derive(Clone, Copy, PartialEq)]
enum Emphasis {
    Strong,
    Emph,
}

impl Emphasis {
    fn open(self, mode: Mode) -> &'static str {
        match (self, mode) {
            (Emphasis::Strong, Mode::Stars) => "**",
            (Emphasis::Emph, Mode::Stars) => "*",
            (Emphasis::Strong, Mode::Html) => "<strong>",
            (Emphasis::Emph, Mode::Html) => "<em>",
        }
    }

    fn close(self, mode: Mode) -> &'static str {
        match (self, mode) {
            (Emphasis::Strong, Mode::Html) => "</strong>",
            (Emphasis::Emph, Mode::Html) => "</em>",
            _ => self.open(mode),
        }
    }
}

fn write(spans: &[Span], mode: Mode) -> String {
    let mut writer = Writer::new(mode);
    let mut rest = spans;
    while let Some(first) = rest.first() {
        let group = rest
            .iter()
            .take_while(|span| span.link == first.link)
            .count();
        let (linked, after) = rest.split_at(group);
        match &first.link {
            Some(url) => {
                writer.raw("[");
                writer.styled(linked);
                writer.raw(&format!("](<{}>)", link_target(url)));
            }
            None => writer.styled(linked),
        }
        rest = after;
    }
    // A paragraph's last spaces would be stripped; references stay.
    let text = writer.out.trim_end_matches([' ', '\t']);
    let mut out = text.to_owned();
    push_references(&mut out, &writer.out[text.len()..]);
    out
}

/// A link target for `<…>`: only `<`, `>` and `\` need escaping there.
fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out
}

struct Writer {
    out: String,
    mode: Mode,
    at_line_start: bool,
}

impl Writer {
    fn new(mode: Mode) -> Self {
        Writer {
            out: String::new(),
            mode,
            at_line_start: true,
        }
    }

    fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
        self.at_line_start = false;
    }

    /// Spans of one link (or none), bold and italic nested properly.
    fn styled(&mut self, spans: &[Span]) {
        let mut open: Vec<Emphasis> = Vec::new();
        for span in spans {
            let wanted = |e: &Emphasis| match e {
                Emphasis::Strong => span.strong,
                Emphasis::Emph => span.emph,
            };
            while let Some(keep) = open.iter().position(|e| !wanted(e)) {
                for emphasis in open.drain(keep..).rev() {
                    self.raw(emphasis.close(self.mode));
                }
            }
            for emphasis in [Emphasis::Strong, Emphasis::Emph] {
                if wanted(&emphasis) && !open.contains(&emphasis) {
                    self.raw(emphasis.open(self.mode));
                    open.push(emphasis);
                }
            }
            if span.code {
                self.code(&span.text);
            } else {
                self.text(&span.text);
            }
        }
        for emphasis in open.into_iter().rev() {
            self.raw(emphasis.close(self.mode));
        }
    }

    /// Code: in HTML, one element; else one code span per line.
    fn code(&mut self, text: &str) {
        if self.mode == Mode::Html {
            self.raw("<code>");
            self.text(text);
            self.raw("</code>");
            return;
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.line_break();
            }
            if line.is_empty() {
                continue;
            }
            let longest = line.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest + 1);
            let padded = line.starts_with('`')
                || line.ends_with('`')
                || (line.starts_with(' ') && line.ends_with(' ') && line.trim() != "");
            let pad = if padded { " " } else { "" };
            self.raw(&format!("{fence}{pad}{line}{pad}{fence}"));
        }
    }

    /// Text, each newline a hard line break.
    fn text(&mut self, text: &str) {
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            let broken = lines.peek().is_some();
            self.line(line, broken);
            if broken {
                self.line_break();
            }
        }
    }

    fn line_break(&mut self) {
        self.out.push_str("\\\n");
        self.at_line_start = true;
    }

    /// One line of text; `before_break` when a line break follows it.
    fn line(&mut self, line: &str, before_break: bool) {
        if line.is_empty() {
            return;
        }
        let mut rest = line;
        if self.at_line_start {
            rest = rest.trim_start_matches([' ', '\t']);
            push_references(&mut self.out, &line[..line.len() - rest.len()]);
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
                self.out.push_str(&rest[..digits]);
                self.out.push('\\');
                rest = &rest[digits..];
            } else if rest.starts_with(['-', '+', '=']) {
                self.out.push('\\');
            }
        }
        let body = if before_break {
            rest.trim_end_matches([' ', '\t'])
        } else {
            rest
        };
        for c in body.chars() {
            if c == '\r' {
                self.out.push_str("&#13;");
                continue;
            }
            if matches!(
                c,
                '\\' | '`'
                    | '*'
                    | '_'
                    | '['
                    | ']'
                    | '<'
                    | '>'
                    | '#'
                    | '|'
                    | '~'
                    | '$'
                    | '&'
                    | '!'
                    | '{'
                    | '}'
            ) {
                self.out.push('\\');
            }
            self.out.push(c);
        }
        push_references(&mut self.out, &rest[body.len()..]);
        self.at_line_start = false;
    }
}

/// Spaces and tabs as character references, which no Markdown reader
/// strips or takes for indentation.
fn push_references(out: &mut String, blanks: &str) {
    for c in blanks.chars() {
        out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
    }
}

/// What a CommonMark reader makes of `markdown`, as spans: `None` when it
/// is anything but one paragraph of text, styles and line breaks.
fn read_back(markdown: &str) -> Option<Vec<Span>> {
    let mut style = Span::default();
    let mut spans = Vec::new();
    let mut paragraphs = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => paragraphs += 1,
            Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Strong) => style.strong = true,
            Event::End(TagEnd::Strong) => style.strong = false,
            Event::Start(Tag::Emphasis) => style.emph = true,
            Event::End(TagEnd::Emphasis) => style.emph = false,
            Event::Start(Tag::Link { dest_url, .. }) => style.link = Some(dest_url.into_string()),
            Event::End(TagEnd::Link) => style.link = None,
            Event::InlineHtml(tag) => match tag.as_ref() {
                "<strong>" | "</strong>" => style.strong = !tag.starts_with("</"),
                "<em>" | "</em>" => style.emph = !tag.starts_with("</"),
                "<code>" | "</code>" => style.code = !tag.starts_with("</"),
                _ => return None,
            },
            Event::Text(text) => spans.push(Span {
                text: text.into_string(),
                ..style.clone()
            }),
            Event::Code(text) => spans.push(Span {
                text: text.into_string(),
                code: true,
                ..style.clone()
            }),
            Event::HardBreak => spans.push(Span {
                text: "\n".to_owned(),
                ..style.clone()
            }),
            _ => return None,
        }
    }
    (paragraphs <= 1).then(|| merged(spans))
}

#[cfg(test)]
mod tests;
