//! Properties over generated input (proptest), run in-process through the
//! library for speed: any text in any field prints literally in txt, in the
//! Markdown as CommonMark reads it, in the HTML as a browser parses it and in
//! both PDFs as pdftotext reads them; JSON Resume export → import loses
//! nothing it claims to keep, YAML written by import loads back as the same
//! résumé, and variants never add content. PDF cases are few and each puts a
//! generated text in every field of one résumé, so one build checks dozens.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, TagEnd};
use resumec::jsonresume::{export::export, import::import};
use resumec::model::inline::escape;
use resumec::model::load::{load_bytes, load_file, to_yaml};
use resumec::model::types::{Resume, Section, Variant};
use resumec::render::design::Tokens;
use resumec::render::layouts::Layouts;
use resumec::render::typst::Typst;
use resumec::render::view::Document;
use resumec::render::{Format, PdfEngine, RenderContext, backend};
use resumec::variant::apply;
use scraper::{Html, Node};

fn real() -> Resume {
    load_file(&common::real_resume()).unwrap().resume
}

/// Text as it may be typed into a field: anything printable, trimmed, with
/// letters and the characters markup languages give meaning to made common.
fn field_text() -> impl Strategy<Value = String> {
    "([a-z ]|[-*_`#<>&\\[\\]()!|~$={}@/\\\\\"'.+:;%^]|[^\\p{C}]){1,48}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("not blank", |s| !s.is_empty())
}

/// Text for the every-field tests: a line start that Markdown would read as
/// a block (`2019. `, `- `, `# `, `> `, indentation), then any mix of
/// letters, newlines, the markup characters of Markdown, typst, HTML and
/// YAML, and `chars` (the characters the test's format can show).
fn literal_text(chars: &'static str) -> impl Strategy<Value = String> {
    let start = prop::sample::select(vec![
        "", "", "2019. ", "1) ", "- ", "+ ", "# ", "> ", "    ", "  ",
    ]);
    let body = format!("([a-z ]|\n|[-*_`#<>&\\[\\]()!|~$={{}}@/\\\\\"'.+:;%^,?]|{chars}){{1,32}}");
    (start, proptest::string::string_regex(&body).unwrap())
        .prop_map(|(start, body)| format!("{start}{body}").trim_end().to_owned())
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// Any printable character.
const ANY: &str = "[^\\p{C}]";
/// What the PDF fonts (Lato) hold: ASCII, Latin-1 letters and typographic punctuation.
const LATO: &str = "[À-ÿ–—‘’“”…€]";

fn render(resume: &Resume, format: Format) -> String {
    String::from_utf8_lossy(&render_with(resume, format, &PdfEngine::Native)).into_owned()
}

fn render_with(resume: &Resume, format: Format, engine: &PdfEngine) -> Vec<u8> {
    let document = Document::new(resume, Tokens::default());
    let layouts = Layouts::default();
    let ctx = RenderContext {
        document: &document,
        layouts: &layouts,
        creation_date: None,
        warnings: &Default::default(),
    };
    backend(format, Some(engine))
        .unwrap()
        .render(&ctx)
        .unwrap_or_else(|e| panic!("{format} failed: {e}"))
        .bytes
}

/// The text a Markdown reader sees: what CommonMark makes of the file.
fn markdown_text(markdown: &str) -> String {
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Text(text) | Event::Code(text) => Some(text.into_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".to_owned()),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => Some(" ".to_owned()),
            _ => None,
        })
        .collect()
}

/// The text a browser shows (scripts and styles left out), and how many
/// elements it built, line breaks aside.
fn html_text(html: &str) -> (String, usize) {
    let page = Html::parse_document(html);
    let mut text = String::new();
    let mut elements = 0;
    for node in page.tree.nodes() {
        match node.value() {
            Node::Element(element) if element.name() != "br" => elements += 1,
            Node::Text(piece) => {
                let parent = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name()));
                if !matches!(parent, Some("script" | "style" | "title")) {
                    text.push_str(piece);
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    (text, elements)
}

/// A small résumé with one of everything, every section shown.
fn base() -> Resume {
    let yaml = r#"
basics: {name: N, headline: H, tagline: T, availability: A, location: L, email: a@b.dev}
summary: S
about: [A]
focus_areas: [F]
experience:
  - {company: C, title: T, location: L, start: 2020-01, end: present, summary: S,
     groups: [{name: G, bullets: [B], technologies: [X]}]}
projects:
  - {name: P, organization: O, subtitle: U, description: [D], technologies: [X], concepts: [Y]}
skills: [{category: K, items: [I]}]
education: [{institution: I, degree: D, location: L, details: [E]}]
certifications: [{title: T, subtitle: U, details: [E]}]
awards: [{title: T, details: [E]}]
"#;
    load_bytes(std::path::Path::new("base.yaml"), yaml.as_bytes().to_vec())
        .unwrap_or_else(|e| panic!("{e:?}"))
        .resume
}

/// Every text field of [`base`]: how to set it, and whether it reads inline
/// markup (a text field) or is plain.
#[allow(clippy::type_complexity)]
const SLOTS: &[(&str, bool, fn(&mut Resume, String))] = &[
    ("name", false, |r, t| r.basics.name = t),
    ("headline", false, |r, t| r.basics.headline = Some(t)),
    ("tagline", false, |r, t| r.basics.tagline = Some(t)),
    ("availability", false, |r, t| {
        r.basics.availability = Some(t)
    }),
    ("location", false, |r, t| r.basics.location = Some(t)),
    ("summary", true, |r, t| r.summary = Some(t)),
    ("about", true, |r, t| r.about[0] = t),
    ("focus area", true, |r, t| r.focus_areas[0] = t),
    ("company", false, |r, t| r.experience[0].company = t),
    ("title", false, |r, t| r.experience[0].title = t),
    ("job location", false, |r, t| {
        r.experience[0].location = Some(t)
    }),
    ("job summary", true, |r, t| {
        r.experience[0].summary = Some(t)
    }),
    ("group", false, |r, t| {
        r.experience[0].groups[0].name = Some(t)
    }),
    ("bullet", true, |r, t| {
        r.experience[0].groups[0].bullets[0].text = t
    }),
    ("technology", false, |r, t| {
        r.experience[0].groups[0].technologies[0] = t
    }),
    ("project", false, |r, t| r.projects[0].name = t),
    ("organization", false, |r, t| {
        r.projects[0].organization = Some(t)
    }),
    ("subtitle", false, |r, t| r.projects[0].subtitle = Some(t)),
    ("description", true, |r, t| r.projects[0].description[0] = t),
    ("project technology", false, |r, t| {
        r.projects[0].technologies[0] = t
    }),
    ("concept", false, |r, t| r.projects[0].concepts[0] = t),
    ("skill group", false, |r, t| r.skills[0].category = t),
    ("skill", false, |r, t| r.skills[0].items[0] = t),
    ("degree", false, |r, t| r.education[0].degree = t),
    ("institution", false, |r, t| r.education[0].institution = t),
    ("school location", false, |r, t| {
        r.education[0].location = Some(t)
    }),
    ("education detail", true, |r, t| {
        r.education[0].details[0] = t
    }),
    ("certification", false, |r, t| r.certifications[0].title = t),
    ("issuer", false, |r, t| {
        r.certifications[0].subtitle = Some(t)
    }),
    ("certification detail", true, |r, t| {
        r.certifications[0].details[0] = t
    }),
    ("award detail", true, |r, t| r.awards[0].details[0] = t),
];

/// The base résumé with `texts[i]` in slot i: text fields get the text
/// escaped with the grammar's own `escape`, so each must print as generated.
fn filled(texts: &[String]) -> Resume {
    let mut resume = base();
    for ((_, inline, set), text) in SLOTS.iter().zip(texts) {
        set(
            &mut resume,
            if *inline { escape(text) } else { text.clone() },
        );
    }
    resume
}

/// Asserts that `shown` holds each text; `normalise` states what the format
/// does not keep (runs of whitespace, or in PDFs all whitespace).
fn assert_each_shown(
    format: &str,
    shown: &str,
    texts: &[String],
    normalise: impl Fn(&str) -> String,
) -> Result<(), TestCaseError> {
    let shown = normalise(shown);
    for ((slot, _, _), text) in SLOTS.iter().zip(texts) {
        prop_assert!(
            shown.contains(&normalise(text)),
            "{format} does not show the {slot} {text:?}"
        );
    }
    Ok(())
}

fn no_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each text as a PDF engine prints it, read back with pdftotext.
fn pdf_shows_each(engine: &PdfEngine, texts: &[String]) -> Result<(), TestCaseError> {
    let pdf = render_with(&filled(texts), Format::Pdf, engine);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resume.pdf");
    std::fs::write(&path, pdf).unwrap();
    // `-raw`: in its reading mode pdftotext drops a `-` that ends a line,
    // taking it for a hyphen; raw mode keeps the text as drawn.
    let text = common::pdftotext_with(&["-raw"], &path);
    // Each page's footer ("1 / 3") is left out: a text may run across pages.
    let pages: Vec<String> = text.split('\u{c}').map(no_whitespace).collect();
    let total = pages.iter().filter(|page| !page.is_empty()).count();
    let shown: String = pages
        .iter()
        .enumerate()
        .map(|(i, page)| match total {
            1 => page.as_str(),
            _ => page
                .strip_suffix(&format!("{}/{total}", i + 1))
                .unwrap_or(page),
        })
        .collect();
    // A page break or a column beside a text may set its lines apart, so
    // each line is looked for on its own.
    let lines: Vec<String> = texts
        .iter()
        .flat_map(|text| text.lines())
        .map(str::to_owned)
        .collect();
    for line in lines.iter().map(|line| no_whitespace(line)) {
        prop_assert!(
            shown.contains(&line),
            "the PDF does not show the line {line:?}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every field, every text format: the text a reader sees is the text
    /// written, with whitespace runs squashed (no format keeps them all, and
    /// a format that cannot break a line prints a newline as a space).
    #[test]
    fn every_field_prints_literally_in_txt_md_and_html(
        texts in prop::collection::vec(literal_text(ANY), SLOTS.len()),
    ) {
        let resume = filled(&texts);
        let txt = render(&resume, Format::Txt);
        // The plain-text header sets the name in capitals: txt compares case aside.
        assert_each_shown("txt", &txt, &texts, |s| common::squash(s).to_uppercase())?;
        let md = render(&resume, Format::Md);
        assert_each_shown("Markdown, as CommonMark reads it,", &markdown_text(&md), &texts, common::squash)?;
        let (shown, elements) = html_text(&render(&resume, Format::Html));
        assert_each_shown("HTML, as a browser reads it,", &shown, &texts, common::squash)?;
        let (_, baseline) = html_text(&render(&filled(&vec!["x".to_owned(); SLOTS.len()]), Format::Html));
        prop_assert_eq!(elements, baseline, "the texts added or removed HTML elements");
    }
}

proptest! {
    // Each case is one PDF holding a text in every field.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn every_field_prints_literally_in_the_native_pdf(
        texts in prop::collection::vec(literal_text(LATO), SLOTS.len()),
    ) {
        pdf_shows_each(&PdfEngine::Native, &texts)?;
    }

    #[test]
    fn every_field_prints_literally_in_the_typst_pdf(
        texts in prop::collection::vec(literal_text(LATO), SLOTS.len()),
    ) {
        let typst = Typst::find(None, Duration::from_secs(60), false).expect("typst is installed");
        pdf_shows_each(&PdfEngine::Typst(typst), &texts)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_bullet_renders_in_the_native_pdf(text in field_text()) {
        let mut resume = real();
        resume.experience[0].groups[0].bullets[0].text = text;
        let pdf = render(&resume, Format::Pdf);
        prop_assert!(pdf.starts_with("%PDF-"));
    }

    #[test]
    fn export_then_import_keeps_what_json_resume_holds(
        company in field_text(),
        title in field_text(),
        bullet in field_text(),
    ) {
        let mut resume = real();
        resume.experience[0].company = company;
        resume.experience[0].title = title;
        resume.experience[1].groups[0].bullets[0].text = bullet;
        let first = export(&resume).document;
        let json = serde_json::to_string(&first).unwrap();
        let imported = import(&serde_json::from_str(&json).unwrap()).resume;
        let second = export(&imported).document;
        prop_assert_eq!(
            serde_json::to_value(&first).unwrap(),
            serde_json::to_value(&second).unwrap()
        );
        for (before, after) in resume.experience.iter().zip(&imported.experience) {
            prop_assert_eq!(&before.company, &after.company);
            prop_assert_eq!(&before.title, &after.title);
            prop_assert_eq!((before.start, before.end), (after.start, after.end));
        }
    }

    #[test]
    fn written_yaml_loads_back_as_the_same_resume(
        name in field_text(),
        bullet in field_text(),
        skill in field_text(),
    ) {
        let mut resume = real();
        resume.basics.name = name;
        resume.experience[0].groups[0].bullets[0].text = bullet;
        resume.skills[1].items.push(skill);
        let yaml = to_yaml(&resume);
        let loaded = load_bytes(std::path::Path::new("written.yaml"), yaml.clone().into_bytes());
        let loaded = loaded.map_err(|e| format!("{e:?}\n{yaml}"));
        prop_assert!(loaded.is_ok(), "{}", loaded.unwrap_err());
        prop_assert_eq!(
            serde_json::to_value(&loaded.unwrap().resume).unwrap(),
            serde_json::to_value(&resume).unwrap()
        );
    }

    #[test]
    fn variants_never_add_content(
        keep in prop::sample::subsequence(vec!["payments", "backend", "frontend", "ledger"], 0..3),
        drop in prop::sample::subsequence(vec!["payments", "frontend", "events", "billing"], 0..3),
        focus in prop::sample::subsequence(vec!["payments", "frontend", "events"], 0..3),
        hidden in prop::sample::subsequence(Section::ALL.to_vec(), 0..6),
        max_bullets in proptest::option::of(0usize..4),
        since_year in proptest::option::of(2015u16..2026),
    ) {
        let resume = real();
        let variant = Variant {
            keep_tags: keep.iter().map(|t| t.to_string()).collect(),
            drop_tags: drop.iter().map(|t| t.to_string()).collect(),
            focus: focus.iter().map(|t| t.to_string()).collect(),
            hide_sections: hidden,
            max_bullets,
            since: since_year.map(resumec::model::date::Date::year_only),
            ..Variant::default()
        };
        let tailored = apply(&resume, &[&variant]);
        let bullets = |r: &Resume| -> BTreeSet<String> {
            r.experience.iter().flat_map(|j| &j.groups).flat_map(|g| &g.bullets)
                .map(|b| b.text.clone()).collect()
        };
        prop_assert!(bullets(&tailored).is_subset(&bullets(&resume)));
        let jobs = |r: &Resume| -> BTreeSet<String> {
            r.experience.iter().map(|j| format!("{}|{}", j.company, j.title)).collect()
        };
        prop_assert!(jobs(&tailored).is_subset(&jobs(&resume)));
        let skills = |r: &Resume| -> BTreeSet<String> {
            r.skills.iter().flat_map(|s| &s.items).cloned().collect()
        };
        prop_assert!(skills(&tailored).is_subset(&skills(&resume)));
        let words = |r: &Resume| -> BTreeSet<String> {
            render(r, Format::Txt).split_whitespace().map(str::to_owned).collect()
        };
        prop_assert!(words(&tailored).is_subset(&words(&resume)), "the text gained words");
    }
}
