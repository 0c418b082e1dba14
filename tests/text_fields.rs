//! Text fields print exactly as written in every format, through the real
//! binary: list lines, numbered lines, images and backslashes in a summary
//! or bullet are text, each printed once, and the Markdown reads back as
//! the same text through a CommonMark reader.

mod common;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const RESUME: &str = r#"
basics: {name: Ada Lovelace, email: ada@lovelace.dev}
summary: "Shipped three things:\n- the ledger\n- the payouts"
about:
  - "Led:\n1. design\n2. build"
  - "See ![d](https://x/d.png) and \\d+\\.\\d+"
  - "2019. Promoted"
  - "    Four spaces first"
experience:
  - company: Acme
    title: "Engineer "
    start: 2020-01
    end: present
    groups:
      - bullets:
          - "**Engineer **, *emphasis `around` code*, `` a`b ``, [target](https://x.dev/<y>)"
"#;

/// The lines each output must show, once each.
const LINES: &[&str] = &[
    "Shipped three things:",
    "- the ledger",
    "- the payouts",
    "Led:",
    "1. design",
    "2. build",
    "See ![d](https://x/d.png) and \\d+\\.\\d+",
    "2019. Promoted",
    "Four spaces first",
];

fn build(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cv.yaml"), RESUME).unwrap();
    common::resumec(dir.path())
        .args([
            "build", "cv.yaml", "--out", "out", "--format", format, "--engine", "native",
        ])
        .assert()
        .success();
    let path = dir.path().join("out").join(format!("cv.{format}"));
    match format {
        "pdf" => common::pdftotext(&path),
        _ => std::fs::read_to_string(path).unwrap(),
    }
}

fn assert_each_line_once(format: &str, shown: &str) {
    let shown = common::squash(shown);
    for line in LINES {
        assert_eq!(
            shown.matches(line).count(),
            1,
            "{format}: {line:?} in {shown}"
        );
    }
}

#[test]
fn text_prints_once_as_written_in_txt_html_and_pdf() {
    assert_each_line_once("txt", &build("txt"));
    let txt = build("txt");
    assert!(
        txt.contains("Shipped three things:\n- the ledger\n- the payouts\n"),
        "{txt}"
    );
    let html = build("html");
    assert!(html.contains("Shipped three things:<br>- the ledger<br>- the payouts"));
    let page = scraper::Html::parse_document(&html);
    let text: String = page.root_element().text().collect::<Vec<_>>().join(" ");
    assert_each_line_once("html", &text);
    assert_each_line_once("pdf", &build("pdf"));
}

#[test]
fn markdown_reads_back_as_the_text() {
    let markdown = build("md");
    let mut text = String::new();
    for event in Parser::new(&markdown) {
        match event {
            Event::Text(piece) | Event::Code(piece) => text.push_str(&piece),
            Event::HardBreak | Event::SoftBreak => text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push(' '),
            // The layout makes no ordered list and no code block: text did.
            Event::Start(Tag::List(Some(_)) | Tag::CodeBlock(_)) => {
                panic!("text became a block: {markdown}")
            }
            _ => {}
        }
    }
    assert_each_line_once("md", &text);
    assert!(
        text.contains("**Engineer **, emphasis around code, a`b, target"),
        "{text}"
    );
    assert!(
        markdown.contains("[target](<https://x.dev/\\<y\\>>)"),
        "{markdown}"
    );
    assert!(markdown.contains("*emphasis `around` code*"), "{markdown}");
    assert!(
        markdown.contains("&#32;&#32;&#32;&#32;Four spaces first"),
        "{markdown}"
    );
}
