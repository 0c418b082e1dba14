//! Text in several languages: which text each language gets, what a
//! missing or misnamed translation says, and where later diagnostics point.

use super::*;

fn load(text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    load_bytes(Path::new("test.yaml"), text.as_bytes().to_vec()).map_err(problems)
}

fn problems(error: LoadError) -> Vec<Diagnostic> {
    match error {
        LoadError::Invalid { diagnostics, .. } => diagnostics,
        LoadError::Io { message, .. } => panic!("{message}"),
    }
}

/// The line and column a diagnostic points at, counted from 1.
fn line_col(text: &str, diagnostic: &Diagnostic) -> (usize, usize) {
    let at = diagnostic.span.clone().expect("located").start;
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].chars().rev().take_while(|&c| c != '\n').count() + 1;
    (line, column)
}

const BILINGUAL: &str = "\
locale: en
basics:
  name: Ada Quux
  headline: {en: Engineer, de: Ingenieurin}
  email: ada@quux.dev
summary:
  en: Builds payment systems.
  de: Baut Zahlungssysteme.
experience:
  - company: Quux
    title: {en: Staff Engineer, de: Leitende Ingenieurin}
    start: 2020-01
    end: present
    groups:
      - name: Billing
        bullets:
          - en: Led the team.
            de: Leitete das Team.
          - text: {en: Cut costs., de: Senkte die Kosten.}
            tags: [cost]
          - Plain text, the same in every language
labels:
  experience: {en: Work, de: Berufserfahrung}
variants:
  short:
    description: One page
    summary: {en: Payments., de: Zahlungen.}
letters:
  cover:
    variants: [short]
    greeting:
      en: Dear team,
      de: Liebes Team,
    body:
      - {en: I apply., de: Ich bewerbe mich.}
    closing: Ada
";

#[test]
fn the_file_loads_in_its_locale_without_warnings() {
    let loaded = load(BILINGUAL).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let resume = &loaded.resume;
    assert_eq!(resume.summary.as_deref(), Some("Builds payment systems."));
    assert_eq!(resume.experience[0].title, "Staff Engineer");
    assert_eq!(resume.locale.as_deref(), Some("en"));
    assert_eq!(loaded.languages(), ["en", "de"]);
}

#[test]
fn in_german_every_text_is_the_german_one() {
    let german = load(BILINGUAL).unwrap().in_language("de").unwrap();
    assert!(german.diagnostics.is_empty(), "{:?}", german.diagnostics);
    let resume = &german.resume;
    assert_eq!(resume.locale.as_deref(), Some("de"));
    assert_eq!(resume.basics.headline.as_deref(), Some("Ingenieurin"));
    assert_eq!(resume.summary.as_deref(), Some("Baut Zahlungssysteme."));
    assert_eq!(resume.experience[0].title, "Leitende Ingenieurin");
    let bullets = &resume.experience[0].groups[0].bullets;
    assert_eq!(bullets[0].text, "Leitete das Team.");
    assert_eq!(bullets[1].text, "Senkte die Kosten.");
    assert_eq!(bullets[1].tags, ["cost"]);
    assert_eq!(bullets[2].text, "Plain text, the same in every language");
    assert_eq!(resume.labels.experience.as_deref(), Some("Berufserfahrung"));
    assert_eq!(resume.locale().labels.experience, "Berufserfahrung");
    assert_eq!(
        resume.variants["short"].summary.as_deref(),
        Some("Zahlungen.")
    );
    let letter = &resume.letters["cover"];
    assert_eq!(letter.greeting, "Liebes Team,");
    assert_eq!(letter.body, ["Ich bewerbe mich."]);
    assert_eq!(german.languages(), ["en", "de"]);
}

#[test]
fn spans_point_at_the_chosen_text() {
    let german = load(BILINGUAL).unwrap().in_language("de").unwrap();
    let at = |path: &[&str]| &BILINGUAL[german.spans.value(path).unwrap()];
    assert_eq!(at(&["summary"]), "Baut Zahlungssysteme.");
    let bullet = ["experience", "0", "groups", "0", "bullets", "0"];
    assert_eq!(at(&bullet), "Leitete das Team.");
    // The other language's text is no longer part of the document.
    let scalars: Vec<&str> = german.spans.scalars().map(|(text, _)| text).collect();
    assert!(scalars.contains(&"Leitete das Team."));
    assert!(!scalars.contains(&"Led the team."), "{scalars:?}");
}

#[test]
fn languages_are_the_locale_then_file_order_each_once() {
    let text = "locale: fr\nbasics:\n  name: {fr: Ada, it: Ada}\nsummary: {de: A, it: B, fr: C}\n";
    let loaded = load(text).unwrap();
    assert_eq!(loaded.languages(), ["fr", "it", "de"]);
    assert_eq!(load("basics: {name: Ada}\n").unwrap().languages(), ["en"]);
    let unset = load("basics: {name: Ada}\nlocale: ~\nsummary: {de: Hallo}\n").unwrap();
    assert_eq!(unset.languages(), ["en", "de"]);
}

#[test]
fn a_missing_translation_falls_back_to_the_locale_with_a_located_warning() {
    let text = "basics:\n  name: Ada\n  headline: {de: Ingenieurin, en: Engineer}\nabout:\n  - {en: One., de: Eins.}\n  - {en: Two.}\n";
    let french = load(text).unwrap().in_language("fr").unwrap();
    assert_eq!(french.resume.basics.headline.as_deref(), Some("Engineer"));
    let messages: Vec<_> = french.diagnostics.iter().map(|d| &d.message).collect();
    assert_eq!(
        messages,
        [
            "no `fr` text for this `headline`; the `en` text is used",
            "no `fr` text for this item of `about`; the `en` text is used",
            "no `fr` text for this item of `about`; the `en` text is used",
        ]
    );
    assert_eq!(line_col(text, &french.diagnostics[0]), (3, 13));
    assert_eq!(line_col(text, &french.diagnostics[2]), (6, 5));
    assert_eq!(
        french.diagnostics[0].help.as_deref(),
        Some("add `fr: …` to it")
    );
    let german = load(text).unwrap().in_language("de").unwrap();
    assert_eq!(german.resume.about, ["Eins.", "Two."]);
    assert_eq!(german.diagnostics.len(), 1);
}

#[test]
fn with_neither_language_the_first_text_is_used() {
    let text = "basics:\n  name: Ada\nsummary: {fr: Bonjour, de: Hallo}\n";
    let loaded = load(text).unwrap();
    assert_eq!(loaded.resume.summary.as_deref(), Some("Bonjour"));
    assert_eq!(
        loaded.diagnostics[0].message,
        "no `en` text for this `summary`; the `fr` text is used"
    );
    let italian = loaded.in_language("it").unwrap();
    assert_eq!(italian.resume.summary.as_deref(), Some("Bonjour"));
    assert_eq!(italian.diagnostics.len(), 1);
}

#[test]
fn an_unknown_language_key_is_an_error_with_a_suggestion() {
    let text = "basics:\n  name: Ada\nsummary:\n  en: Hello\n  deu: Hallo\n  pt-br: Olá\n";
    let errors = load(text).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].message, "unknown language `deu`");
    assert_eq!(line_col(text, &errors[0]), (5, 3));
    assert_eq!(
        errors[0].help.as_deref(),
        Some("did you mean `de`? `resumec locales` lists them")
    );
    assert_eq!(errors[1].message, "unknown language `pt-br`");
    assert!(errors[1].help.as_deref().unwrap().contains("`pt-BR`"));
}

#[test]
fn text_with_an_unquoted_colon_keeps_its_quoting_hint() {
    let text = "basics:\n  name: Ada\nsummary:\n  Led team: 5 people\nfocus_areas:\n  - Led team: 5 people\n";
    let errors = load(text).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:?}");
    for error in &errors {
        assert_eq!(error.message, "invalid type: mapping, expected a string");
        assert_eq!(error.help.as_deref(), Some(translations::QUOTE_HINT));
    }
    // A key shaped like a language code still says how to quote text.
    let errors = load("basics:\n  name: Ada\nfocus_areas:\n  - Go: 5 years\n").unwrap_err();
    assert_eq!(errors[0].message, "unknown language `Go`");
    assert!(errors[0].help.as_deref().unwrap().contains("quotes"));
}

#[test]
fn a_bullet_s_tags_beside_its_languages_say_where_they_go() {
    let text = "basics: {name: Ada}\nexperience:\n  - company: A\n    title: T\n    groups:\n      - bullets:\n          - {en: Led., de: Leitete., tags: [x]}\n";
    let errors = load(text).unwrap_err();
    assert_eq!(errors[0].message, "unknown language `tags`");
    assert_eq!(
        errors[0].help.as_deref(),
        Some(
            "write the texts under `text:`, as `text: {en: …, de: …}`, with `tags:` beside `text:`"
        )
    );
}

#[test]
fn empty_maps_and_values_that_are_not_text_are_refused_where_they_are() {
    let text = "basics:\n  name: {}\nsummary: {en: [a], de: ~}\nabout:\n  - {en: {x: y}}\n";
    let errors = load(text).unwrap_err();
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.message.as_str(), line_col(text, e)))
        .collect();
    assert_eq!(
        found,
        [
            ("this `name` has no text in any language", (2, 9)),
            ("the `en` text is a list, not text", (3, 15)),
            ("the `de` text is missing", (3, 24)),
            ("the `en` text is a mapping, not text", (5, 10)),
        ]
    );
}

#[test]
fn fields_that_are_not_text_take_no_translations() {
    let errors =
        load("basics:\n  name: Ada\n  email: {en: a@b.c}\nlocale: {en: en}\n").unwrap_err();
    let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "invalid type: mapping, expected a string",
            "invalid type: mapping, expected a string",
        ]
    );
}

#[test]
fn an_unknown_locale_or_language_is_refused_with_a_suggestion() {
    let errors = load("basics: {name: Ada}\nlocale: dee\n").unwrap_err();
    assert_eq!(errors[0].message, "unknown locale `dee`");
    assert!(errors[0].help.as_deref().unwrap().contains("`de`"));
    let loaded = load("basics: {name: Ada}\n").unwrap();
    let errors = problems(loaded.in_language("deu").unwrap_err());
    assert_eq!(errors[0].message, "unknown language `deu`");
    assert!(errors[0].help.as_deref().unwrap().contains("`de`"));
    let errors = problems(loaded.in_language("xx").unwrap_err());
    assert!(errors[0].help.as_deref().unwrap().contains("en, de"));
}

#[test]
fn overrides_apply_in_every_language() {
    let set = Override::parse("summary.de=Überschrieben").unwrap();
    let loaded = load_bytes_with(
        Path::new("t.yaml"),
        BILINGUAL.as_bytes().to_vec(),
        std::slice::from_ref(&set),
    )
    .unwrap();
    assert_eq!(
        loaded.resume.summary.as_deref(),
        Some("Builds payment systems.")
    );
    let german = loaded.in_language("de").unwrap();
    assert_eq!(german.resume.summary.as_deref(), Some("Überschrieben"));
    assert_eq!(german.overrides, [set]);
    // Setting the whole text makes it the same in every language.
    let whole = Override::parse("summary=Everywhere").unwrap();
    let loaded = load_bytes_with(Path::new("t.yaml"), BILINGUAL.as_bytes().to_vec(), &[whole])
        .unwrap()
        .in_language("de")
        .unwrap();
    assert_eq!(loaded.resume.summary.as_deref(), Some("Everywhere"));
}

#[test]
fn an_anchored_translation_is_resolved_once_and_aliases_stay_cheap() {
    let text = "basics:\n  name: Ada\nsummary: &s {en: Hi, de: Hallo}\nvariants:\n  v: {description: x, summary: *s}\n";
    let german = load(text).unwrap().in_language("de").unwrap();
    assert_eq!(german.resume.summary.as_deref(), Some("Hallo"));
    assert_eq!(
        german.resume.variants["v"].summary.as_deref(),
        Some("Hallo")
    );
    // 200 jobs of 200 groups of 200 bullets, all one translated bullet:
    // each node is resolved once, and the check refuses the expansion.
    let many = |anchor: &str, first: String| {
        format!("[&{anchor} {first}{}]", format!(", *{anchor}").repeat(199))
    };
    let bullets = many("b", "{en: a, de: b}".to_owned());
    let groups = many("g", format!("{{bullets: {bullets}}}"));
    let jobs = many("j", format!("{{company: A, title: T, groups: {groups}}}"));
    let errors = load(&format!("basics: {{name: Ada}}\nexperience: {jobs}\n")).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("too many aliases")),
        "{errors:?}"
    );
}
