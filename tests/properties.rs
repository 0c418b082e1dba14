//! Properties over generated input (proptest), run in-process through the
//! library for speed: any text renders literally in every format, JSON
//! Resume export → import loses nothing it claims to keep, YAML written by
//! import loads back as the same résumé, and variants never add content.
//! (The typst engine is exercised with hostile strings in tests/typst_pdf.rs;
//! running a subprocess per generated case would make this file take minutes.)

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, TagEnd};
use resumec::jsonresume::{export::export, import::import};
use resumec::model::load::{load_bytes, load_file, to_yaml};
use resumec::model::types::{Resume, Section, Variant};
use resumec::render::layouts::Layouts;
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

fn render(resume: &Resume, format: Format) -> String {
    let document = Document::new(resume);
    let layouts = Layouts::default();
    let ctx = RenderContext {
        document: &document,
        layouts: &layouts,
        creation_date: None,
    };
    let rendered = backend(format, Some(&PdfEngine::Native))
        .unwrap()
        .render(&ctx)
        .unwrap_or_else(|e| panic!("{format} failed: {e}"));
    String::from_utf8_lossy(&rendered.bytes).into_owned()
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

/// The text a browser shows (scripts and styles left out), and how many elements it built.
fn html_text(html: &str) -> (String, usize) {
    let page = Html::parse_document(html);
    let mut text = String::new();
    let mut elements = 0;
    for node in page.tree.nodes() {
        match node.value() {
            Node::Element(_) => elements += 1,
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

/// Where a generated string goes: plain-text fields, where every character is literal.
#[derive(Debug, Clone, Copy)]
enum Field {
    Name,
    Company,
    Title,
    SkillItem,
    GroupName,
    /// A prose field; the strategy keeps its Markdown subset out of these strings.
    Bullet,
}

fn place(resume: &mut Resume, field: Field, text: &str) {
    match field {
        Field::Name => resume.basics.name = text.to_owned(),
        Field::Company => resume.experience[1].company = text.to_owned(),
        Field::Title => resume.experience[0].title = text.to_owned(),
        Field::SkillItem => resume.skills[0].items[0] = text.to_owned(),
        Field::GroupName => resume.experience[0].groups[1].name = Some(text.to_owned()),
        Field::Bullet => resume.experience[1].groups[0].bullets[0].text = text.to_owned(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_text_prints_literally_in_every_format(
        (field, text) in prop_oneof![
            (prop::sample::select(vec![
                Field::Name, Field::Company, Field::Title, Field::SkillItem, Field::GroupName,
            ]), field_text()),
            (Just(Field::Bullet), field_text().prop_filter(
                "no inline markup, entities or autolinks",
                |s| !s.contains(['*', '_', '`', '[', '\\', '<', '&']),
            )),
        ],
    ) {
        let mut resume = real();
        place(&mut resume, field, &text);
        let expected = common::squash(&text);

        let txt = render(&resume, Format::Txt);
        // The plain-text header sets the name in capitals.
        let in_txt = match field {
            Field::Name => expected.to_uppercase(),
            _ => expected.clone(),
        };
        prop_assert!(common::squash(&txt).contains(&in_txt), "txt lost {text:?}");

        let md = render(&resume, Format::Md);
        prop_assert!(
            common::squash(&markdown_text(&md)).contains(&expected),
            "Markdown readers do not see {text:?}"
        );

        let html = render(&resume, Format::Html);
        let (shown, elements) = html_text(&html);
        prop_assert!(common::squash(&shown).contains(&expected), "the browser does not show {text:?}");
        place(&mut resume, field, "x");
        let (_, baseline) = html_text(&render(&resume, Format::Html));
        prop_assert_eq!(elements, baseline, "{:?} added or removed HTML elements", text);
    }

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
