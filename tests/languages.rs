//! One résumé in English, German and Arabic (tests/fixtures/languages):
//! built per language with `--lang`, composed with a variant, in every
//! format and with both PDF engines; the German text, titles and months in
//! every format; the Arabic words read back from both PDFs, right-aligned;
//! HTML pages that carry their `lang` and `dir` and load without a console
//! error; a missing translation warned about at its line.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    chromium, console_errors, docx_text, file_url, fixture, html_text, pdftotext, pdftotext_with,
    readable, resumec, squash,
};

/// US Letter's width, in points.
const PAGE_WIDTH: f32 = 612.0;

fn resume() -> PathBuf {
    fixture("languages/resume.yaml")
}

/// Builds the fixture with `args` into a fresh `out`, returning the
/// directory and what the build printed on stderr.
fn build(args: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .arg("build")
        .arg(resume())
        .args(["--out", "out", "--format", "pdf,html,md,txt,docx"])
        .args(args)
        .assert()
        .success();
    let stderr = String::from_utf8(output.get_output().stderr.clone()).unwrap();
    (dir, stderr)
}

fn out(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join("out").join(name)
}

/// The text of every format of one output stem, by extension.
fn texts(dir: &tempfile::TempDir, stem: &str) -> Vec<(String, String)> {
    let read = |extension: &str| out(dir, &format!("{stem}.{extension}"));
    vec![
        ("pdf".to_owned(), pdftotext(&read("pdf"))),
        ("txt".to_owned(), fs::read_to_string(read("txt")).unwrap()),
        ("md".to_owned(), fs::read_to_string(read("md")).unwrap()),
        (
            "html".to_owned(),
            html_text(&fs::read_to_string(read("html")).unwrap()),
        ),
        ("docx".to_owned(), docx_text(&read("docx"))),
    ]
}

/// Whether every word of each of `expected` is in every text.
fn assert_all_hold(texts: &[(String, String)], expected: &[&str], what: &str) {
    for (format, text) in texts {
        let text = squash(&readable(&text.to_lowercase()));
        for phrase in expected {
            for word in phrase.split_whitespace() {
                let word = readable(&word.to_lowercase());
                assert!(
                    text.contains(&word),
                    "{what} {format} lacks {word:?} (of {phrase:?})"
                );
            }
        }
    }
}

#[test]
fn german_arabic_and_english_build_with_a_variant_in_every_format_and_engine() {
    for engine in ["typst", "native"] {
        let (dir, _) = build(&[
            "--engine",
            engine,
            "--variant",
            "payments",
            "--lang",
            "en,de,ar",
        ]);
        let english = texts(&dir, "resume-payments-en");
        assert_all_hold(
            &english,
            &[
                "Senior Software Engineer",
                "Experience",
                "Mar 2021",
                "Present",
            ],
            &format!("{engine} en"),
        );
        let german = texts(&dir, "resume-payments-de");
        assert_all_hold(
            &german,
            &[
                "Senior-Softwareentwicklerin",
                "Ich entwickle Zahlungssysteme",
                "Berufserfahrung",
                "Ausbildung",
                "März 2021",
                "Sept. 2017",
                "heute",
                "Technische Universität Berlin",
            ],
            &format!("{engine} de"),
        );
        let arabic = texts(&dir, "resume-payments-ar");
        assert_all_hold(
            &arabic,
            &[
                "مهندسة برمجيات أولى",
                "أبني أنظمة دفع",
                "الفواتير",
                "Stripe",
                "Kafka",
            ],
            &format!("{engine} ar"),
        );
        // The English fallback of the bullet that has no German text.
        assert_all_hold(&german, &["checkout's payment-method"], "de fallback");
    }
}

#[test]
fn all_langs_builds_every_language_the_file_uses() {
    let (dir, _) = build(&["--all-langs", "--format", "txt"]);
    let mut written: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    written.sort();
    assert_eq!(written, ["resume-ar.txt", "resume-de.txt", "resume-en.txt"]);
}

#[test]
fn a_missing_translation_is_a_located_warning_naming_the_language() {
    let (_, stderr) = build(&["--lang", "de", "--format", "txt"]);
    let file = resume().display().to_string();
    assert!(stderr.contains(&format!("{file}:58:")), "{stderr}");
    assert!(stderr.contains("`de`"), "{stderr}");
    assert!(stderr.contains("warning"), "{stderr}");
}

#[test]
fn an_unknown_language_is_refused_with_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .arg("build")
        .arg(resume())
        .args(["--out", "out", "--lang", "deu"])
        .assert()
        .failure();
    let stderr = String::from_utf8(output.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("`deu`") && stderr.contains("`de`"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

/// The words of the PDF's text layer with their horizontal extent. In this
/// mode pdftotext gives a right-to-left word's letters in the order they
/// are drawn, left to right; they are put back in reading order here.
fn words_with_x(pdf: &Path) -> Vec<(String, f32, f32)> {
    let bbox = pdftotext_with(&["-bbox"], pdf);
    bbox.lines()
        .filter(|line| line.trim_start().starts_with("<word "))
        .filter_map(|line| {
            let attribute = |name: &str| -> Option<f32> {
                line.split(&format!("{name}=\""))
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()
            };
            let drawn = line.split('>').nth(1)?.split('<').next()?;
            let right_to_left = drawn.chars().any(|c| matches!(c, '\u{0590}'..='\u{08ff}'));
            let text = match right_to_left {
                true => drawn.chars().rev().collect(),
                false => drawn.to_owned(),
            };
            Some((text, attribute("xMin")?, attribute("xMax")?))
        })
        .collect()
}

#[test]
fn arabic_is_right_aligned_in_both_pdfs_and_english_left_aligned() {
    for engine in ["typst", "native"] {
        let (dir, _) = build(&["--engine", engine, "--lang", "ar,en", "--format", "pdf"]);
        let arabic = words_with_x(&out(&dir, "resume-ar.pdf"));
        // The summary's first word is its rightmost in a right-to-left line.
        let (_, _, right) = arabic
            .iter()
            .find(|(text, _, _)| text == "أبني")
            .unwrap_or_else(|| panic!("{engine}: no أبني in {arabic:?}"));
        assert!(*right > PAGE_WIDTH * 0.85, "{engine}: أبني ends at {right}");
        let english = words_with_x(&out(&dir, "resume-en.pdf"));
        let (_, left, _) = english.iter().find(|(text, _, _)| text == "build").unwrap();
        assert!(
            *left < PAGE_WIDTH * 0.2,
            "{engine}: English starts at {left}"
        );
    }
}

#[test]
fn a_bullet_mixing_directions_reads_in_order() {
    for engine in ["typst", "native"] {
        let (dir, _) = build(&["--engine", engine, "--lang", "ar", "--format", "pdf"]);
        let text = readable(&pdftotext(&out(&dir, "resume-ar.pdf")));
        let line = text
            .lines()
            .find(|line| line.contains("Stripe") && line.contains("خفضت"))
            .unwrap_or_else(|| panic!("{engine}: no mixed line in\n{text}"));
        // Logical order, as pdftotext reads a right-to-left line back: the
        // Arabic words before the company name stay before it.
        let at = |word: &str| {
            line.find(&readable(word))
                .unwrap_or_else(|| panic!("{word} in {line}"))
        };
        assert!(at("خفضت") < at("Stripe"), "{engine}: {line}");
        assert!(at("Stripe") < at("باستخدام"), "{engine}: {line}");
    }
}

#[test]
fn html_pages_carry_their_language_and_direction_in_chromium() {
    let (dir, _) = build(&["--lang", "de,ar", "--format", "html"]);
    for (code, direction) in [("de", "ltr"), ("ar", "rtl")] {
        let page = out(&dir, &format!("resume-{code}.html"));
        let url = file_url(&page);
        let output = chromium(&["--dump-dom", &url]);
        let dom = String::from_utf8_lossy(&output.stdout);
        assert!(
            dom.contains(&format!("<html lang=\"{code}\" dir=\"{direction}\"")),
            "{code}: {}",
            &dom[..dom.len().min(300)]
        );
        assert_eq!(console_errors(&url), Vec::<String>::new(), "{code}");
        // The Arabic page carries the Arabic face, whole (its letters join
        // through the face's own tables); the German page has no need of it.
        let html = fs::read_to_string(&page).unwrap();
        let embeds_arabic = html.contains("@font-face { font-family: \"Noto Sans Arabic\"");
        assert_eq!(embeds_arabic, code == "ar", "{code}");
    }
}

#[test]
fn check_reads_back_every_language_from_both_engines() {
    for engine in ["typst", "native"] {
        let (dir, _) = build(&["--engine", engine, "--lang", "ar,de", "--format", "pdf"]);
        for code in ["ar", "de"] {
            let pdf = out(&dir, &format!("resume-{code}.pdf"));
            resumec(dir.path())
                .arg("check")
                .arg(&pdf)
                .arg(resume())
                .args(["--lang", code])
                .assert()
                .success()
                .stdout(predicates::str::contains("passed: 0 problems"));
        }
    }
}

/// Writes `yaml` as `resume.yaml` in a fresh directory.
fn written(yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resume.yaml"), yaml).unwrap();
    dir
}

/// What `resumec ARGS` printed on stderr, and its exit status.
fn run(dir: &tempfile::TempDir, args: &[&str]) -> (String, Option<i32>) {
    let output = resumec(dir.path()).args(args).output().unwrap();
    (
        String::from_utf8(output.stderr).unwrap(),
        output.status.code(),
    )
}

#[test]
fn a_build_in_one_language_warns_only_about_that_language() {
    let dir = written(
        "basics:\n  name: Ada Byron\n  email: ada@byron.dev\n  headline: {de: Ingenieurin, fr: Ingénieure}\n",
    );
    let (stderr, status) = run(&dir, &["build", "--lang", "de", "--format", "txt"]);
    assert_eq!(status, Some(0), "{stderr}");
    assert!(!stderr.contains("no `en` text"), "{stderr}");
    let (stderr, _) = run(&dir, &["build", "--format", "txt", "--out", "en"]);
    assert!(stderr.contains("no `en` text"), "{stderr}");
}

#[test]
fn lint_says_a_finding_about_dates_once_whatever_the_languages() {
    // The fixture's missing German bullet is said once.
    let output = resumec(Path::new(".")).arg("lint").arg(resume()).output();
    let stderr = String::from_utf8(output.unwrap().stderr).unwrap();
    assert_eq!(stderr.matches("no `de` text").count(), 1, "{stderr}");
    let dir = written(
        "basics: {name: Ada Byron, email: ada@byron.dev}\n\
         summary: {en: Builds systems., de: Baut Systeme., ar: تبني الأنظمة.}\n\
         experience:\n\
         \x20 - {company: A, title: B, start: 2022-01, end: present}\n\
         \x20 - {company: C, title: D, start: 2015-01, end: 2018-03}\n",
    );
    let (stderr, _) = run(&dir, &["lint"]);
    assert_eq!(
        stderr.matches("months without a job").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn a_bad_language_code_is_a_usage_error_that_blames_the_flag() {
    let dir = written("basics: {name: Ada Byron, email: ada@byron.dev}\n");
    for code in ["DE", "../x", "", "deu"] {
        let (stderr, status) = run(&dir, &["build", "--lang", code]);
        assert_eq!(status, Some(2), "{code}: {stderr}");
        assert!(stderr.contains("unknown language"), "{code}: {stderr}");
        assert!(!stderr.contains("is invalid"), "{code}: {stderr}");
        let (stderr, status) = run(&dir, &["export", "--to", "json-resume", "--lang", code]);
        assert_eq!(status, Some(2), "{code}: {stderr}");
    }
    let (stderr, _) = run(&dir, &["build", "--lang", "deu"]);
    assert!(stderr.contains("did you mean `de`?"), "{stderr}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn text_with_an_unquoted_colon_is_told_to_quote_it_and_an_empty_label_is_refused() {
    let dir = written(
        "basics: {name: Ada Byron, email: ada@byron.dev}\n\
         focus_areas:\n  - IT: migrated 300 laptops\n",
    );
    let (stderr, status) = run(&dir, &["validate"]);
    assert_eq!(status, Some(1), "{stderr}");
    assert!(stderr.contains("put the text in quotes"), "{stderr}");
    assert!(stderr.contains("resume.yaml:3:5"), "{stderr}");
    let dir = written(
        "basics: {name: Ada Byron, email: ada@byron.dev}\n\
         labels: {experience: ''}\n",
    );
    let (stderr, status) = run(&dir, &["validate"]);
    assert_eq!(status, Some(1), "{stderr}");
    assert!(
        stderr.contains("the label `experience` is empty"),
        "{stderr}"
    );
    assert!(stderr.contains("resume.yaml:2:22"), "{stderr}");
}

#[test]
fn export_and_tailor_read_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .arg("export")
        .arg(resume())
        .args(["--to", "json-resume", "--lang", "de"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["basics"]["label"], "Senior-Softwareentwicklerin");
    assert!(
        json["basics"]["summary"]
            .as_str()
            .unwrap()
            .starts_with("Ich entwickle")
    );
    assert_eq!(json["work"][0]["position"], "Staff Engineer, Abrechnung");
    fs::write(
        dir.path().join("stelle.txt"),
        "Wir suchen Erfahrung mit Rechnungsstellung und Kafka.",
    )
    .unwrap();
    let output = resumec(dir.path())
        .args(["tailor", "stelle.txt"])
        .arg(resume())
        .args(["--lang", "de", "--json"])
        .output()
        .unwrap();
    // The keywords tailor finds are technologies and English phrases: a
    // German posting is scored on what they share.
    assert!(output.status.success());
    let coverage: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        coverage["matched"],
        serde_json::json!(["Kafka"]),
        "{coverage}"
    );
}
