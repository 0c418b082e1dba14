//! Inline markup in résumé text: `**bold**`, `*italic*`, `` `code` `` and
//! `[label](https://…)`, parsed once by pulldown-cmark into flat styled spans.
//!
//! Anything else is literal text: a string that Markdown would read as a
//! block (a heading, a list, a quote) is kept whole as plain text, inline
//! HTML stays text, and a link whose target is not http(s) or mailto is kept
//! as the characters the user wrote. Each backend escapes spans its own way.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emph: bool,
    pub code: bool,
    pub link: Option<String>,
}

impl Span {
    fn plain(text: &str) -> Self {
        Span {
            text: text.to_owned(),
            strong: false,
            emph: false,
            code: false,
            link: None,
        }
    }
}

/// Whether a link target may become a live link.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Parses one field's text into spans.
pub fn parse(text: &str) -> Vec<Span> {
    let mut events = Parser::new_ext(text, Options::empty())
        .into_offset_iter()
        .peekable();
    if !matches!(
        events.peek(),
        Some((Event::Start(Tag::Paragraph), _)) | None
    ) {
        return vec![Span::plain(text)];
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut style = Span::plain("");
    let mut paragraphs = 0;
    while let Some((event, range)) = events.next() {
        let piece = match event {
            Event::Start(Tag::Paragraph) => {
                paragraphs += 1;
                if paragraphs > 1 {
                    return vec![Span::plain(text)];
                }
                continue;
            }
            Event::Start(Tag::Strong) => {
                style.strong = true;
                continue;
            }
            Event::End(TagEnd::Strong) => {
                style.strong = false;
                continue;
            }
            Event::Start(Tag::Emphasis) => {
                style.emph = true;
                continue;
            }
            Event::End(TagEnd::Emphasis) => {
                style.emph = false;
                continue;
            }
            Event::Start(Tag::Link { dest_url, .. }) if is_safe_url(&dest_url) => {
                style.link = Some(dest_url.trim().to_owned());
                continue;
            }
            Event::Start(Tag::Link { .. }) => {
                for (event, _) in events.by_ref() {
                    if matches!(event, Event::End(TagEnd::Link)) {
                        break;
                    }
                }
                Span {
                    text: text[range].to_owned(),
                    ..style.clone()
                }
            }
            Event::End(TagEnd::Link) => {
                style.link = None;
                continue;
            }
            Event::Code(code) => Span {
                text: code.into_string(),
                code: true,
                ..style.clone()
            },
            Event::Text(piece) => Span {
                text: piece.into_string(),
                ..style.clone()
            },
            Event::SoftBreak | Event::HardBreak => Span {
                text: " ".to_owned(),
                ..style.clone()
            },
            Event::End(TagEnd::Paragraph) => continue,
            _ => Span {
                text: text[range].to_owned(),
                ..style.clone()
            },
        };
        push_merged(&mut spans, piece);
    }
    spans
}

/// The text of spans without any styling.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|span| span.text.as_str()).collect()
}

fn push_merged(spans: &mut Vec<Span>, piece: Span) {
    match spans.last_mut() {
        Some(last)
            if Span {
                text: String::new(),
                ..last.clone()
            } == Span {
                text: String::new(),
                ..piece.clone()
            } =>
        {
            last.text.push_str(&piece.text)
        }
        _ => spans.push(piece),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_parsed() {
        let spans = parse("Cut **p99** by *half* with `tokio` ([post](https://x.dev))");
        let texts: Vec<_> = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Cut ", "p99", " by ", "half", " with ", "tokio", " (", "post", ")"
            ]
        );
        assert!(spans[1].strong && spans[3].emph && spans[5].code);
        assert_eq!(spans[7].link.as_deref(), Some("https://x.dev"));
    }

    #[test]
    fn hostile_text_stays_literal() {
        for text in [
            "#panic(\"x\")",
            "$x^2$",
            "<script>alert(1)</script>",
            "{{title}}",
            "@ref <lbl>",
            "// not a comment",
            "])",
            "C:\\temp\\new",
            "& 50% ~",
            "# Heading",
            "- list",
            "> quote",
            "trip_started and trip_ended",
        ] {
            assert_eq!(plain_text(&parse(text)), text, "{text}");
        }
    }

    #[test]
    fn unsafe_links_stay_text() {
        let spans = parse("[x](javascript:alert(1))");
        assert_eq!(plain_text(&spans), "[x](javascript:alert(1))");
        assert!(spans.iter().all(|s| s.link.is_none()));
    }
}
