//! Runs and paragraphs: text with its look, fields' spans, hyperlinks
//! numbered per document, bullets.

use docx_rs::{
    BreakType, Hyperlink, HyperlinkData, HyperlinkType, IndentLevel, NumberingId, Paragraph, Run,
};

use super::styles::{self, fonts, half_points, hex};
use crate::model::inline::{Span, is_safe_url};
use crate::model::types::Color;
use crate::render::design::Tokens;
use crate::render::view::Inline;

/// How a run of text looks, over its paragraph style.
#[derive(Debug, Clone, Copy, Default)]
pub struct Look {
    /// Bold on or off; none keeps the style's.
    pub bold: Option<bool>,
    pub italic: bool,
    pub mono: bool,
    pub color: Option<Color>,
    pub size: Option<f64>,
}

/// Collects the paragraphs and the hyperlinks they point to.
pub struct Writer<'a> {
    pub tokens: &'a Tokens,
    pub paragraphs: Vec<Paragraph>,
    /// Relationship id and URL of each hyperlink, in document order.
    pub links: Vec<(String, String)>,
}

impl<'a> Writer<'a> {
    pub fn new(tokens: &'a Tokens) -> Self {
        Writer {
            tokens,
            paragraphs: Vec::new(),
            links: Vec::new(),
        }
    }

    pub fn push(&mut self, paragraph: Paragraph) {
        self.paragraphs.push(paragraph);
    }

    /// A paragraph of `style` holding `text`.
    pub fn text(&self, style: &str, text: &str, look: Look) -> Paragraph {
        Paragraph::new().style(style).add_run(self.run(text, look))
    }

    /// `text` as one run; each newline is a line break.
    pub fn run(&self, text: &str, look: Look) -> Run {
        let mut run = Run::new();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            if !line.is_empty() {
                run = run.add_text(line);
            }
        }
        match look.bold {
            Some(true) => run = run.bold(),
            Some(false) => run = run.disable_bold(),
            None => {}
        }
        if look.italic {
            run = run.italic();
        }
        if look.mono {
            run = run.fonts(fonts(&self.tokens.mono_font));
        }
        if let Some(color) = look.color {
            run = run.color(hex(color));
        }
        if let Some(size) = look.size {
            run = run.size(half_points(size));
        }
        run
    }

    /// `runs` as a hyperlink to `url`, or as they are when `url` is not a
    /// web, mail or phone address.
    pub fn link(&mut self, paragraph: Paragraph, url: &str, runs: Vec<Run>) -> Paragraph {
        if !(is_safe_url(url) || url.starts_with("tel:")) {
            return runs.into_iter().fold(paragraph, Paragraph::add_run);
        }
        let id = format!("rIdLink{}", self.links.len() + 1);
        self.links.push((id.clone(), url.to_owned()));
        let mut link = Hyperlink::new(url, HyperlinkType::External);
        // docx-rs numbers links from a counter shared by the whole process.
        if let HyperlinkData::External { rid, .. } = &mut link.link {
            *rid = id;
        }
        let link = runs
            .into_iter()
            .fold(link, |link, run| link.add_run(run.style(styles::HYPERLINK)));
        paragraph.add_hyperlink(link)
    }

    /// A field's spans, bold, italic, code and links kept.
    pub fn spans(&mut self, mut paragraph: Paragraph, spans: &Inline, look: Look) -> Paragraph {
        let mut rest = spans.as_slice();
        while let Some(first) = rest.first() {
            let same_link = rest
                .iter()
                .take_while(|span| span.link == first.link)
                .count();
            let (group, after) = rest.split_at(same_link);
            rest = after;
            let runs: Vec<Run> = group.iter().map(|s| self.span(s, look)).collect();
            paragraph = match &first.link {
                Some(url) => self.link(paragraph, url, runs),
                None => runs.into_iter().fold(paragraph, Paragraph::add_run),
            };
        }
        paragraph
    }

    fn span(&self, span: &Span, look: Look) -> Run {
        let look = Look {
            bold: if span.strong { Some(true) } else { look.bold },
            italic: look.italic || span.emph,
            mono: span.code,
            color: if span.link.is_some() {
                None
            } else {
                look.color
            },
            size: look.size,
        };
        self.run(&span.text, look)
    }

    pub fn bullets(&mut self, items: &[Inline]) {
        for item in items {
            let paragraph = Paragraph::new()
                .style(styles::LIST_BULLET)
                .numbering(NumberingId::new(styles::BULLETS), IndentLevel::new(0));
            let paragraph = self.spans(paragraph, item, Look::default());
            self.push(paragraph);
        }
    }

    /// A quiet, small line: `Label: a · b · c`.
    pub fn quiet_list(&mut self, label: Option<&str>, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let label = label.map(|l| format!("{l}: ")).unwrap_or_default();
        let look = self.quiet();
        self.push(self.text(styles::BODY, &(label + &items.join(" · ")), look));
    }

    pub fn quiet(&self) -> Look {
        Look {
            color: Some(self.tokens.palette.quiet),
            size: Some(self.tokens.sizes.small),
            ..Look::default()
        }
    }

    pub fn muted(&self) -> Look {
        Look {
            color: Some(self.tokens.palette.muted),
            ..Look::default()
        }
    }
}
