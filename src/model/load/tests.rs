//! The loader's behaviour on good and hostile documents.

use super::*;

fn load(text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    load_bytes(Path::new("test.yaml"), text.as_bytes().to_vec()).map_err(|e| match e {
        LoadError::Invalid { diagnostics, .. } => diagnostics,
        LoadError::Io { message, .. } => panic!("{message}"),
    })
}

#[test]
fn reports_every_unknown_key_with_a_suggestion() {
    let errors = load("basics:\n  nmae: Ada\n  name: Ada\nexperiance: []\n").unwrap_err();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].help.as_deref(), Some("did you mean `name`?"));
    assert_eq!(
        errors[1].help.as_deref(),
        Some("did you mean `experience`?")
    );
}

#[test]
fn accepts_bom_and_crlf() {
    let loaded = load("\u{feff}basics:\r\n  name: Ada\r\n").unwrap();
    assert_eq!(loaded.resume.basics.name, "Ada");
}

#[test]
fn refuses_non_mappings() {
    let errors = load("- just\n- a list\n").unwrap_err();
    assert!(errors[0].message.contains("mapping"), "{:?}", errors[0]);
}

#[test]
fn keeps_section_order() {
    let loaded = load("basics: {name: A}\nskills: []\nsummary: Hi\n").unwrap();
    assert_eq!(
        loaded.resume.section_order,
        [Section::Skills, Section::Summary]
    );
}

fn messages(text: &str) -> Vec<String> {
    load(text)
        .unwrap_err()
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// The text a diagnostic points at.
fn located<'a>(text: &'a str, diagnostic: &Diagnostic) -> &'a str {
    &text[diagnostic.span.clone().unwrap()]
}

#[test]
fn reports_every_type_error_and_missing_field_at_once() {
    let text = "basics: {name: Ada}\nexperience:\n  - company: X\n    start: 2020-01\n    end: present\n    priority: high\nskills:\n  - category: Languages\n    items: Rust\npaper: a5\n";
    let errors = load(text).unwrap_err();
    let found: Vec<&str> = errors.iter().map(|d| located(text, d)).collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(errors[0].message.contains("missing field `title`"));
    assert_eq!(found[1..], ["high", "Rust", "a5"]);
}

#[test]
fn a_near_miss_of_a_missing_required_field_is_named_at_the_typo() {
    let text = "basics: {name: Ada}\neducation:\n  - degree: BSc\n    instituton: MIT\n";
    let errors = load(text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(located(text, &errors[0]), "instituton");
    assert_eq!(
        errors[0].help.as_deref(),
        Some("did you mean `institution`? it is required here")
    );
}

#[test]
fn unknown_keys_in_a_variant_get_a_suggestion() {
    let errors =
        load("basics: {name: Ada}\nvariants:\n  short:\n    description: x\n    max_bullet: 3\n")
            .unwrap_err();
    assert_eq!(
        errors[0].help.as_deref(),
        Some("did you mean `max_bullets`?")
    );
}

#[test]
fn a_bad_date_is_located_at_its_value() {
    let text = "basics: {name: Ada}\nexperience:\n  - company: X\n    title: Y\n    start: 09/2016\n    end: present\n";
    let errors = load(text).unwrap_err();
    assert_eq!(located(text, &errors[0]), "09/2016");
}

#[test]
fn plain_scalars_reach_text_fields_as_written() {
    let text = "basics:\n  name: 2016\n  headline: true\n  phone: 0301234567\nfocus_areas: [1.50, null-ish]\nexperience:\n  - company: 1999\n    title: Y\n    start: 2016-01\n    end: present\n    groups:\n      - bullets: [2016, yes]\n";
    let resume = load(text).unwrap().resume;
    assert_eq!(resume.basics.name, "2016");
    assert_eq!(resume.basics.headline.as_deref(), Some("true"));
    assert_eq!(resume.basics.phone.as_deref(), Some("0301234567"));
    assert_eq!(resume.focus_areas, ["1.50", "null-ish"]);
    assert_eq!(resume.experience[0].company, "1999");
    assert_eq!(resume.experience[0].groups[0].bullets[0].text, "2016");
    assert_eq!(resume.experience[0].groups[0].bullets[1].text, "yes");
}

#[test]
fn a_year_reaches_a_date_as_text() {
    // Whether a bare year is a valid date is the date parser's call; the
    // loader's part is to hand it `2016` as written, not a number.
    let text = "basics: {name: Ada}\nexperience:\n  - company: X\n    title: Y\n    start: 2016\n    end: present\n";
    if let Err(errors) = load(text) {
        assert!(errors[0].message.contains("`2016`"), "{errors:?}");
        assert_eq!(located(text, &errors[0]), "2016");
    }
}

#[test]
fn null_is_no_value_not_the_text_tilde() {
    let text = "basics:\n  name: ~\n  headline: ~\n";
    let errors = load(text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(located(text, &errors[0]), "~");
    assert!(errors[0].message.contains("expected a string"));
    let loaded = load("basics:\n  name: \"~\"\n  headline: ~\n").unwrap();
    assert_eq!(loaded.resume.basics.name, "~");
    assert_eq!(loaded.resume.basics.headline, None);
}

#[test]
fn nesting_is_limited_in_blocks_and_flows_alike() {
    for deep in [
        format!("basics: {{name: Ada}}\nzzz:\n{}x\n", "- ".repeat(20_000)),
        format!("basics: {{name: Ada}}\nzzz: {}\n", "[".repeat(20_000)),
        format!(
            "basics: {{name: Ada}}\nzzz:\n{}",
            (0..2_000)
                .map(|i| format!("{}k:\n", " ".repeat(i)))
                .collect::<String>()
        ),
    ] {
        let errors = load(&deep).unwrap_err();
        assert!(
            errors[0].message.contains("nests deeper than 64"),
            "{errors:?}"
        );
        assert!(errors[0].span.as_ref().unwrap().start > "basics: {name: Ada}\n".len());
    }
}

#[test]
fn aliases_are_expanded_within_a_budget() {
    // 40 jobs × 40 groups × 40 bullets × 40 tags: 2.5 million valid nodes
    // from a 2 KB file, every level an alias of the first.
    let forty =
        |first: String, alias: &str| format!("[{first}{}]", format!(", *{alias}").repeat(39));
    let tags = forty("&t x".to_owned(), "t");
    let bullets = forty(format!("&b {{text: b, tags: {tags}}}"), "b");
    let groups = forty(format!("&g {{bullets: {bullets}}}"), "g");
    let jobs = forty(
        format!("&j {{company: X, title: Y, start: 2020-01, end: present, groups: {groups}}}"),
        "j",
    );
    let text = format!("basics: {{name: Ada}}\nexperience: {jobs}\n");
    assert!(text.len() < 4096);
    assert_eq!(messages(&text), ["the document expands too many aliases"]);
    let reused = load("basics: {name: Ada, email: &e ada@ada.dev}\nabout: [*e, *e]\n").unwrap();
    assert_eq!(reused.resume.about, ["ada@ada.dev", "ada@ada.dev"]);
}

#[test]
fn yaml_features_a_resume_cannot_hold_are_refused_by_name() {
    for (text, message, at) in [
        (
            "d: &d {company: X}\nbasics:\n  <<: *d\n  name: Ada\n",
            "merge keys (`<<`)",
            "<<",
        ),
        (
            "basics:\n  name: Ada\n  name: Bob\n",
            "duplicate field `name`",
            "name",
        ),
        (
            "basics:\n  name: \"Ada\\e[31m\"\n",
            "U+001B (ESC)",
            "\"Ada\\e[31m\"",
        ),
        ("basics:\n  name: Ada\u{0}\n", "U+0000 (NUL)", "\u{0}"),
        (
            "basics: {name: Ada}\n---\nbasics: {name: Bob}\n",
            "more than one YAML document",
            "---",
        ),
        (
            "basics:\n  ? [a]\n  : b\n",
            "a key must be plain text",
            "[a]",
        ),
    ] {
        let errors = load(text).unwrap_err();
        assert!(errors[0].message.contains(message), "{text:?}: {errors:?}");
        assert_eq!(located(text, &errors[0]), at, "{text:?}");
    }
}

#[test]
fn syntax_errors_are_located_where_the_fix_goes() {
    let text = "basics:\n  name: Ada\n\temail: a@ada.dev\n";
    let errors = load(text).unwrap_err();
    assert_eq!(errors[0].span, Some(20..21));
    assert!(
        errors[0]
            .help
            .as_deref()
            .unwrap()
            .contains("YAML indents with spaces")
    );
    let text = "basics:\n  name: Ada\nsummary: 'Ships\n";
    let errors = load(text).unwrap_err();
    assert_eq!(
        errors[0].span.as_ref().unwrap().start,
        text.find('\'').unwrap()
    );
    assert!(
        errors[0]
            .help
            .as_deref()
            .unwrap()
            .contains("close the quote")
    );
}

#[test]
fn spans_count_bytes_after_multibyte_text() {
    let text = "# résumé — ünïcode\nbasics:\n  name: Zoë Ærø\n  email: z@z.dev\nzzz: 1\n";
    let errors = load(text).unwrap_err();
    assert_eq!(located(text, &errors[0]), "zzz");
    assert_eq!(messages(text), ["unknown field `zzz`"]);
}

#[test]
fn a_flood_of_problems_is_cut_short_with_a_count() {
    let text = format!(
        "basics: {{name: Ada}}\n{}",
        (0..150).map(|i| format!("k{i}: 1\n")).collect::<String>()
    );
    let errors = load(&text).unwrap_err();
    assert_eq!(errors.len(), 101);
    assert_eq!(
        errors[100].message,
        "50 more problems from here on are not shown"
    );
    assert_eq!(located(&text, &errors[100]), "k100");
}

#[test]
fn design_paper_wins_over_the_top_level_paper_with_a_warning_when_they_disagree() {
    use crate::model::types::Paper;
    let text = "basics: {name: Ada}\npaper: us-letter\ndesign: {paper: a4}\n";
    let loaded = load(text).unwrap();
    assert_eq!(loaded.resume.paper, Paper::A4);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(located(text, &loaded.diagnostics[0]), "us-letter");
    let agreeing = load("basics: {name: Ada}\npaper: a4\ndesign: {paper: a4}\n").unwrap();
    assert!(agreeing.diagnostics.is_empty());
}
