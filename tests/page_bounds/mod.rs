//! Where the words of a PDF really are, read back with `pdftotext -bbox`:
//! every word must lie inside its page's margins and above the page-number
//! footer, and the text must all be there. Also a résumé built to break
//! layouts: bullets taller than a page, a 150-character word, a
//! 300-character URL, long company names and long technology lists.

#![allow(dead_code)]

use std::path::Path;

use crate::common::{build_pdf, pdftotext_with};

/// A word as poppler places it, in points from the page's top left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub y_max: f64,
    pub text: String,
}

/// The words of `pdf`, page by page, and the size of each page.
pub fn words(pdf: &Path) -> (Vec<(f64, f64)>, Vec<Word>) {
    let html = pdftotext_with(&["-bbox"], pdf);
    let (mut pages, mut words) = (Vec::new(), Vec::new());
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((attribute(line, "width"), attribute(line, "height")));
        } else if line.starts_with("<word ") {
            let start = line.find('>').unwrap() + 1;
            let end = line.rfind("</word>").unwrap();
            words.push(Word {
                page: pages.len(),
                x_min: attribute(line, "xMin"),
                y_min: attribute(line, "yMin"),
                x_max: attribute(line, "xMax"),
                y_max: attribute(line, "yMax"),
                text: unescape(&line[start..end]),
            });
        }
    }
    (pages, words)
}

fn attribute(tag: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let start = tag
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + key.len();
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// An engine's page margins, in points.
#[derive(Debug, Clone, Copy)]
pub struct Margins {
    pub x: f64,
    pub bottom: f64,
}

/// The top of each page's page-number footer ("2 / 3", the lowest slash
/// on the page with its two numbers), if it has one.
fn footer_tops(words: &[Word], pages: usize) -> Vec<Option<f64>> {
    (1..=pages)
        .map(|page| {
            let on_page: Vec<&Word> = words.iter().filter(|w| w.page == page).collect();
            let slash = on_page
                .iter()
                .filter(|w| w.text == "/")
                .max_by(|a, b| a.y_min.total_cmp(&b.y_min))?;
            let numbers = [page.to_string(), pages.to_string()];
            let beside = |text: &str| {
                on_page
                    .iter()
                    .any(|w| w.text == text && (w.y_min - slash.y_min).abs() < 0.5)
            };
            (pages > 1 && numbers.iter().all(|n| beside(n))).then_some(slash.y_min)
        })
        .collect()
}

/// Asserts that every word of `pdf` lies inside its page's left and right
/// margins and, but for the page numbers, above the bottom margin (with
/// room for descenders) and above the page-number footer, which every page
/// of a longer document has. Returns the words in reading order, the
/// footer left out.
pub fn assert_inside_the_pages(pdf: &Path, margins: Margins) -> Vec<Word> {
    let (pages, words) = words(pdf);
    assert!(!pages.is_empty(), "no pages");
    let footers = footer_tops(&words, pages.len());
    const SLACK: f64 = 1.0;
    const DESCENDER: f64 = 4.0;
    let mut body = Vec::new();
    for word in words {
        let (width, height) = pages[word.page - 1];
        assert!(
            word.x_min >= margins.x - SLACK && word.x_max <= width - margins.x + SLACK,
            "outside the left or right margin of page {} ({width} wide): {word:?}",
            word.page
        );
        assert!(
            word.y_min >= 0.0 && word.y_max <= height,
            "off page {}: {word:?}",
            word.page
        );
        let footer = footers[word.page - 1];
        assert!(
            pages.len() == 1 || footer.is_some(),
            "no page number on page {}",
            word.page
        );
        let footer_text = [
            word.page.to_string(),
            "/".to_owned(),
            pages.len().to_string(),
        ];
        if footer.is_some_and(|top| (word.y_min - top).abs() < 0.5)
            && footer_text.contains(&word.text)
        {
            continue;
        }
        assert!(
            word.y_max <= height - margins.bottom + DESCENDER,
            "in the bottom margin of page {} ({height} high): {word:?}",
            word.page
        );
        assert!(
            footer.is_none_or(|top| word.y_max < top),
            "over the page number of page {}: {word:?}",
            word.page
        );
        body.push(word);
    }
    body
}

/// Asserts that each of `texts` occurs exactly once in the words, read in
/// order with every space and line break taken out (so a long word broken
/// at the margin reads as one).
pub fn assert_each_printed_once(words: &[Word], texts: &[String]) {
    let joined: String = words.iter().map(|w| w.text.as_str()).collect();
    for text in texts {
        let expected: String = text.split_whitespace().collect();
        let count = joined.matches(&expected).count();
        assert_eq!(count, 1, "printed {count} times, not once: {text}");
    }
}

/// Builds [`oversized_resume`] with `engine` on US Letter and A4 and checks
/// that it runs over several pages, every word inside `margins`, every text
/// printed once and every technology list whole.
pub fn assert_oversized_breaks_within_the_margins(engine: &str, margins: Margins) {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, texts) = oversized_resume();
    let input = dir.path().join("oversized.yaml");
    std::fs::write(&input, yaml).unwrap();
    for paper in ["us-letter", "a4"] {
        let pdf = build_pdf(dir.path(), &input, engine, &["--paper", paper]);
        assert!(page_count(&pdf) >= 3);
        let words = assert_inside_the_pages(&pdf, margins);
        assert_each_printed_once(&words, &texts);
        let joined: String = words.iter().map(|w| w.text.as_str()).collect();
        for i in 0..150 {
            let tech = format!("Tech{i:03}");
            assert_eq!(joined.matches(&tech).count(), 3, "{tech} not in every list");
        }
    }
}

/// The number of pages of `pdf`.
pub fn page_count(pdf: &Path) -> usize {
    words(pdf).0.len()
}

/// `count` distinct words starting with `tag`.
fn prose(tag: &str, count: usize) -> String {
    (0..count)
        .map(|i| format!("{tag}{i:03}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word of `len` letters with no break opportunity in it.
pub fn long_word(len: usize) -> String {
    (0..len)
        .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
        .collect()
}

/// A URL of 300 characters whose last 280 have no break opportunity.
pub fn long_url(tag: char) -> String {
    format!("https://example.org/{tag}{}", long_word(279).to_uppercase())
}

/// A résumé whose every part is too big for a page in some way, and the
/// texts that must each print once, as written.
pub fn oversized_resume() -> (String, Vec<String>) {
    let company = format!("Company {}", prose("firm", 40));
    let word = long_word(150);
    let (website, url) = (long_url('W'), long_url('S'));
    let bullets: Vec<String> = (0..3).map(|b| prose(&format!("b{b}w"), 400)).collect();
    let technologies: Vec<String> = (0..150).map(|i| format!("Tech{i:03}")).collect();
    let project_url = format!("https://{}.example.org/", long_word(290));
    let yaml = format!(
        r#"basics:
  name: Oversized Example
  headline: Engineer
  email: over@example.org
  website: "{website}"
summary: "A word {word} and a link {url} in the summary."
experience:
  - company: "{company}"
    title: "Title {word}"
    start: 2020-01
    end: present
    groups:
      - name: Three long bullets
        bullets:
          - "{b0}"
          - "{b1}"
          - "{b2}"
        technologies: [{technologies}]
projects:
  - name: "Project {word}"
    url: "{project_url}"
    description:
      - "Paragraph {word}"
    technologies: [{technologies}]
skills:
  - category: "Category{word}"
    items: [{technologies}]
"#,
        b0 = bullets[0],
        b1 = bullets[1],
        b2 = bullets[2],
        technologies = technologies.join(", "),
    );
    let mut texts = vec![
        company,
        format!("Title {word}"),
        format!("Paragraph {word}"),
    ];
    texts.extend(bullets);
    for url in [website, url] {
        texts.push(url.trim_start_matches("https://").to_owned());
    }
    texts.push(format!("{}.example.org", long_word(290)));
    (yaml, texts)
}

/// A one-job résumé whose second group holds three bullets that together
/// fill four pages, with a variant `three-pages` that asks for three; and
/// the three bullets.
pub fn overflowing_group_resume() -> (String, Vec<String>) {
    let bullets: Vec<String> = (0..3).map(|b| prose(&format!("g{b}w"), 900)).collect();
    let yaml = format!(
        r#"basics:
  name: Overflowing Example
  email: over@example.org
experience:
  - company: Engines
    title: Engineer
    start: 2020-01
    end: present
    groups:
      - name: A short group
        bullets:
          - Kept short.
      - name: Three long bullets
        bullets:
          - "{}"
          - "{}"
          - "{}"
variants:
  three-pages:
    description: Three pages.
    max_pages: 3
"#,
        bullets[0], bullets[1], bullets[2]
    );
    (yaml, bullets)
}
