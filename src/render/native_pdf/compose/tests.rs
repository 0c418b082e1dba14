use super::*;
use crate::model::inline::Span;
use crate::model::locale::{Direction, Locale};
use crate::model::types::{Paper, Section};
use crate::render::design::Tokens;
use crate::render::view::{Body, Contact, GroupView, JobView, SectionView};

const WIDTH: f32 = 400.0;

fn english() -> &'static Locale {
    crate::model::locale::builtin("en").unwrap()
}

fn document(sections: Vec<SectionView>) -> Document {
    Document {
        lang: "en".to_owned(),
        dir: Direction::Ltr,
        labels: english().labels.clone(),
        list_separator: ", ".to_owned(),
        name: "Ada Lovelace".to_owned(),
        headline: None,
        tagline: None,
        availability: None,
        contact: Vec::new(),
        keywords: Vec::new(),
        paper: Paper::A4,
        sections,
        design: Tokens::default(),
    }
}

fn section(kind: Section, body: Body) -> SectionView {
    SectionView {
        kind,
        title: english().labels.section(kind).to_owned(),
        title_upper: english().labels.section(kind).to_uppercase(),
        body,
    }
}

fn job(dates: &str, bullets: Vec<Inline>) -> SectionView {
    section(
        Section::Experience,
        Body::Jobs {
            jobs: vec![JobView {
                company: "Analytical Engines".to_owned(),
                title: "Engineer".to_owned(),
                location: None,
                dates: dates.to_owned(),
                summary: None,
                groups: vec![GroupView {
                    name: None,
                    bullets,
                    technologies: Vec::new(),
                }],
            }],
        },
    )
}

fn plain(text: &str) -> Inline {
    vec![Span::plain(text)]
}

fn blocks_of(doc: &Document) -> Vec<Block> {
    let fonts = Fonts::for_design(&doc.design).unwrap();
    let frame = Frame {
        width: WIDTH,
        height: 700.0,
    };
    compose(doc, &fonts, &Theme::new(&doc.design), frame)
}

fn text(block: &Block) -> String {
    block.runs.iter().map(|p| p.run.text.as_str()).collect()
}

fn right_edge(placed: &Placed<Look>) -> f32 {
    placed.x + placed.width
}

#[test]
fn the_name_comes_first_and_a_heading_keeps_with_its_content_under_a_rule() {
    let doc = document(vec![section(
        Section::FocusAreas,
        Body::Items {
            items: vec![plain("Payments"), plain("Ledgers")],
        },
    )]);
    let theme = Theme::default();
    let blocks = blocks_of(&doc);
    assert_eq!(text(&blocks[0]), "Ada Lovelace");
    assert_eq!(blocks[0].runs[0].run.style.size, theme.size.name);
    let heading = &blocks[1];
    assert_eq!(text(heading), english().labels.focus_areas.to_uppercase());
    assert!(heading.extent.keep_with_next);
    assert_eq!(heading.marks.len(), 1, "the rule");
    assert_eq!(heading.marks[0].from.1, theme.look.heading_rule);
    assert_eq!(
        heading.extent.gap, theme.space.section,
        "more than the title's"
    );
    assert!(
        (heading.extent.height - heading.ascent - theme.look.heading_rule).abs() < 1e-4,
        "the rule ends the heading"
    );
    assert_eq!(
        blocks[2].extent.gap,
        theme.space.heading_below.max(theme.space.list_above),
        "of two gaps that meet, the larger"
    );
    assert_eq!(blocks.len(), 4, "name, heading and one line a bullet");
    assert!(
        !blocks[3].extent.keep_with_next,
        "a section's last line keeps with nothing"
    );
}

#[test]
fn short_dates_sit_beside_the_title_against_the_right_edge() {
    let blocks = blocks_of(&document(vec![job("2020 – 2024", Vec::new())]));
    let title = &blocks[2];
    assert_eq!(title.runs.len(), 2, "{:?}", title.runs);
    assert_eq!(title.runs[0].run.text, "Analytical Engines");
    assert_eq!(title.runs[1].run.text, "2020 – 2024");
    assert!((right_edge(&title.runs[1]) - WIDTH).abs() < 0.01);
    assert_eq!(text(&blocks[3]), "Engineer");
    assert!(
        blocks[2].extent.keep_with_next,
        "the title keeps with its role"
    );
}

#[test]
fn dates_too_long_to_sit_beside_go_below_against_the_right_edge() {
    let dates = "from the first of January two thousand and twenty onwards";
    let blocks = blocks_of(&document(vec![job(dates, Vec::new())]));
    assert_eq!(text(&blocks[2]), "Analytical Engines");
    let below = &blocks[3];
    assert_eq!(text(below), dates);
    assert!((right_edge(below.runs.last().unwrap()) - WIDTH).abs() < 0.01);
    assert!(below.runs[0].x > 0.0);
    let theme = Theme::default();
    assert_eq!(below.extent.gap, theme.space.under_title);
    assert_eq!(text(&blocks[4]), "Engineer");
}

#[test]
fn a_bullet_has_its_marker_at_the_indent_and_every_line_hung_after_it() {
    let theme = Theme::default();
    let long = "word ".repeat(60);
    let blocks = blocks_of(&document(vec![job("2020", vec![plain(long.trim())])]));
    let bullet_lines = &blocks[4..];
    assert!(bullet_lines.len() > 2, "the bullet wraps");
    let first = &bullet_lines[0];
    let hang = theme.space.bullet_indent + first.runs[0].width + theme.space.bullet_hang;
    assert_eq!(first.runs[0].run.text, "•");
    assert_eq!(first.runs[0].x, theme.space.bullet_indent);
    assert_eq!(first.runs[0].run.style.color, theme.color.quiet);
    assert_eq!(first.runs[1].x, hang);
    for line in &bullet_lines[1..] {
        assert_eq!(line.runs[0].x, hang, "{}", text(line));
    }
    for line in bullet_lines {
        assert!(line.runs.iter().all(|p| right_edge(p) <= WIDTH + 0.01));
    }
    assert_eq!(
        bullet_lines
            .iter()
            .map(text)
            .collect::<String>()
            .replace(' ', ""),
        format!("•{}", long.trim()).replace(' ', ""),
        "every word kept"
    )
}

#[test]
fn a_paragraph_never_leaves_one_line_alone_on_a_page() {
    let lines_of = |words: usize| {
        let paragraph = plain("word ".repeat(words).trim());
        let blocks = blocks_of(&document(vec![section(
            Section::Summary,
            Body::Paragraphs {
                paragraphs: vec![paragraph, plain("after")],
            },
        )]));
        blocks[2..blocks.len() - 1]
            .iter()
            .map(|block| block.extent.keep_with_next)
            .collect::<Vec<_>>()
    };
    assert_eq!(lines_of(3), [false]);
    assert_eq!(lines_of(20), [true, false], "two lines stay together");
    let long = lines_of(200);
    let n = long.len();
    assert!(n > 4, "{long:?}");
    assert!(
        long[0] && long[n - 2],
        "the first two and the last two keep"
    );
    assert!(long[1..n - 2].iter().all(|keep| !keep), "{long:?}");
}

#[test]
fn links_are_in_the_accent_colour_and_carry_their_address() {
    let theme = Theme::default();
    let mut doc = document(vec![section(
        Section::Summary,
        Body::Paragraphs {
            paragraphs: vec![vec![
                Span::plain("see "),
                Span {
                    link: Some("https://example.com".to_owned()),
                    ..Span::plain("the site")
                },
            ]],
        },
    )]);
    doc.contact = vec![
        Contact {
            kind: "location",
            text: "London".to_owned(),
            url: None,
        },
        Contact {
            kind: "email",
            text: "ada@example.com".to_owned(),
            url: Some("mailto:ada@example.com".to_owned()),
        },
    ];
    let blocks = blocks_of(&doc);
    let contact: Vec<&Look> = blocks[1].runs.iter().map(|p| &p.run.style).collect();
    assert_eq!(text(&blocks[1]), "London • ada@example.com");
    assert_eq!(contact[0].color, theme.color.ink);
    assert_eq!(contact[1].color, theme.color.contact_separator);
    assert_eq!(contact[1].space, Some(theme.space.contact_gap));
    assert_eq!(contact[2].link.as_deref(), Some("mailto:ada@example.com"));
    assert_eq!(contact[2].color, theme.color.accent);
    let paragraph = blocks.last().unwrap();
    let link = paragraph.runs.last().unwrap();
    assert_eq!(link.run.text, "the site");
    assert_eq!(link.run.style.link.as_deref(), Some("https://example.com"));
    assert_eq!(link.run.style.color, theme.color.accent);
    assert_eq!(paragraph.runs[0].run.style.color, theme.color.ink);
}

#[test]
fn no_contact_details_leave_no_empty_line() {
    let blocks = blocks_of(&document(Vec::new()));
    assert_eq!(blocks.len(), 1);
    assert_eq!(text(&blocks[0]), "Ada Lovelace");
}
