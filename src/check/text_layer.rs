//! The text layer of a PDF, read as an applicant-tracking system reads it.
//!
//! poppler's `pdftotext -bbox` when it is on PATH: it is what many ATS
//! pipelines run, it splits words the way they do (letter-spaced capitals
//! come out as single letters), and it gives every word's box and every
//! page's size. Without it, lopdf's `extract_text` reads the same text in
//! content order (typst's Type0 fonts map glyphs back through their
//! ToUnicode CMaps) but without positions, so what needs them is not checked.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

/// How long pdftotext may take before it is stopped.
const PDFTOTEXT_TIMEOUT: Duration = Duration::from_secs(30);

/// The words of a PDF, in reading order, grouped into lines.
#[derive(Debug, Default)]
pub struct TextLayer {
    /// What read it: `pdftotext` or `lopdf`.
    pub reader: &'static str,
    /// Each page's width and height in points (empty without positions).
    pub pages: Vec<(f64, f64)>,
    pub lines: Vec<Vec<Word>>,
}

/// One word and, when known, its page (from 0) and box in points.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub place: Option<(usize, [f64; 4])>,
}

impl TextLayer {
    /// All the text, a line a line, words separated by spaces.
    pub fn text(&self) -> String {
        let lines = self.lines.iter().map(|line| {
            let words: Vec<&str> = line.iter().map(|word| word.text.as_str()).collect();
            words.join(" ")
        });
        lines.collect::<Vec<_>>().join("\n")
    }

    /// Whether words carry their positions.
    pub fn has_positions(&self) -> bool {
        !self.pages.is_empty()
    }
}

/// Reads the text layer of the PDF at `path`: with pdftotext when it runs,
/// else with lopdf from `bytes`. Words come as they are drawn, left to
/// right (the `logical` module puts right-to-left lines in reading order).
pub fn read(path: &Path, bytes: &[u8]) -> Result<TextLayer, String> {
    match pdftotext(path) {
        Some(result) => result,
        None => with_lopdf(bytes),
    }
}

/// `pdftotext -bbox`, or `None` when it is not installed.
fn pdftotext(path: &Path) -> Option<Result<TextLayer, String>> {
    let mut child = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8", "-q"])
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).map(|_| out)
    });
    let status = match child.wait_timeout(PDFTOTEXT_TIMEOUT) {
        Ok(Some(status)) => status,
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            return Some(Err("pdftotext did not finish within 30 s".to_owned()));
        }
    };
    let out = reader.join().ok().and_then(Result::ok).unwrap_or_default();
    if !status.success() {
        return Some(Err(format!("pdftotext cannot read it ({status})")));
    }
    Some(Ok(parse_bbox(&out)))
}

/// The words of `pdftotext -bbox` output, a new line where a word is on
/// another page or not level with the word before: its middle outside
/// that word's height (words of one line set in two fonts, an Arabic
/// word and a Latin full stop, have different heights).
fn parse_bbox(html: &str) -> TextLayer {
    let mut layer = TextLayer {
        reader: "pdftotext",
        ..TextLayer::default()
    };
    let mut last: Option<(usize, [f64; 4])> = None;
    for tag in html.split('<').skip(1) {
        if let Some(attributes) = tag.strip_prefix("page ") {
            layer.pages.push((
                attribute(attributes, "width").unwrap_or(0.0),
                attribute(attributes, "height").unwrap_or(0.0),
            ));
        } else if let Some(rest) = tag.strip_prefix("word ") {
            let Some((attributes, text)) = rest.split_once('>') else {
                continue;
            };
            let bbox = ["xMin", "yMin", "xMax", "yMax"]
                .map(|name| attribute(attributes, name).unwrap_or(0.0));
            let page = layer.pages.len().saturating_sub(1);
            let middle = (bbox[1] + bbox[3]) / 2.0;
            let same_line = last
                .is_some_and(|(p, before)| p == page && (before[1]..=before[3]).contains(&middle));
            if !same_line {
                layer.lines.push(Vec::new());
            }
            last = Some((page, bbox));
            layer.lines.last_mut().expect("a line").push(Word {
                text: unescape(text),
                place: Some((page, bbox)),
            });
        }
    }
    layer
}

/// The number in `name="…"` among a tag's attributes.
fn attribute(attributes: &str, name: &str) -> Option<f64> {
    let start = attributes.find(&format!("{name}=\""))? + name.len() + 2;
    let end = attributes[start..].find('"')? + start;
    attributes[start..end].parse().ok()
}

/// XML text with its five entities replaced.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// lopdf's text extraction: lines as the content streams write them.
fn with_lopdf(bytes: &[u8]) -> Result<TextLayer, String> {
    let document = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document
        .extract_text(&pages)
        .map_err(|e| format!("lopdf cannot read its text: {e}"))?;
    let lines = text.lines().map(|line| {
        let words = line.split_whitespace().map(|word| Word {
            text: word.to_owned(),
            place: None,
        });
        words.collect::<Vec<_>>()
    });
    Ok(TextLayer {
        reader: "lopdf",
        pages: Vec::new(),
        lines: lines.filter(|line| !line.is_empty()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_words_form_lines_by_page_and_baseline() {
        let html = r#"<page width="612.0" height="792.0">
<word xMin="50" yMin="40" xMax="90" yMax="60">Ada</word>
<word xMin="95" yMin="40.5" xMax="150" yMax="60">Lovelace</word>
<word xMin="50" yMin="70" xMax="80" yMax="80">R&amp;D</word>
</page><page width="612.0" height="792.0">
<word xMin="50" yMin="70" xMax="80" yMax="80">Next</word>"#;
        let layer = parse_bbox(html);
        assert_eq!(layer.text(), "Ada Lovelace\nR&D\nNext");
        assert_eq!(layer.pages, [(612.0, 792.0), (612.0, 792.0)]);
        assert_eq!(layer.lines[2][0].place.unwrap().0, 1);
    }
}
