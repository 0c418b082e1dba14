//! Cover letters through the real binary: every format and both PDF
//! engines, one page, hostile text, contact hiding, the too-long error,
//! output names, `--all-variants`, validation and `tailor --letter`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    fixture, hostile_strings, libreoffice_pdf, pdf_pages, pdftotext, pdftotext_with, real_resume,
    resumec, squash,
};
use predicates::str::contains;
use pulldown_cmark::{Event, Parser};

/// Every format a letter is written in.
const ALL: &str = "pdf,html,md,txt,docx";

/// 2025-03-14, 00:00 UTC.
const EPOCH: &str = "1741910400";

/// The payments letter's paragraphs, greeting and closing, read from
/// resume.yaml by hand.
fn payments_letter() -> (Vec<String>, String, String) {
    let text = fs::read_to_string(real_resume()).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let letter = &yaml["letters"]["payments"];
    let body = letter["body"].as_sequence().unwrap();
    let paragraphs = body
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let field = |name: &str| letter[name].as_str().unwrap().to_owned();
    (paragraphs, field("greeting"), field("closing"))
}

/// Builds `input` into `out` with `args`, with a fixed SOURCE_DATE_EPOCH.
fn build(input: &Path, out: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    resumec(out.parent().unwrap())
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .args([
            "build",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(args)
        .assert()
}

/// The text of an HTML page as a reader sees it.
fn html_text(path: &Path) -> String {
    let page = scraper::Html::parse_document(&fs::read_to_string(path).unwrap());
    page.root_element().text().collect::<Vec<_>>().join(" ")
}

/// The text of a Markdown file as a CommonMark reader sees it.
fn markdown_text(path: &Path) -> String {
    let mut text = String::new();
    for event in Parser::new(&fs::read_to_string(path).unwrap()) {
        match event {
            Event::Text(piece) | Event::Code(piece) => text.push_str(&piece),
            Event::HardBreak | Event::SoftBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The readable text of one output, by extension.
fn read_back(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => pdftotext(path),
        Some("html") => html_text(path),
        Some("md") => markdown_text(path),
        // -raw keeps a hyphen that LibreOffice puts at a line's end.
        Some("docx") => pdftotext_with(&["-raw"], &libreoffice_pdf(path)),
        _ => fs::read_to_string(path).unwrap(),
    }
}

/// Whether every text reads back from `path`, whitespace aside (a line a
/// word processor breaks after a hyphen reads back as `event- driven`).
fn assert_holds(path: &Path, texts: &[String]) {
    let bare = |text: &str| text.split_whitespace().collect::<String>();
    let text = bare(&read_back(path));
    for expected in texts {
        assert!(
            text.contains(&bare(expected)),
            "{} lacks {expected:?}:\n{text}",
            path.display()
        );
    }
}

#[test]
fn the_payments_letter_is_in_every_format_and_one_page_with_both_engines() {
    let (paragraphs, greeting, closing) = payments_letter();
    let mut expected = paragraphs.clone();
    expected.extend([greeting, closing, "March 14, 2025".to_owned()]);
    expected.extend(["Your Name".to_owned(), "you@example.com".to_owned()]);
    for engine in ["typst", "native"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        build(
            &real_resume(),
            &out,
            &["--variant", "payments", "--engine", engine, "--format", ALL],
        )
        .success();
        for extension in ["pdf", "html", "md", "txt", "docx"] {
            let path = out.join(format!("resume-payments-letter.{extension}"));
            assert_holds(&path, &expected);
        }
        let pdf = out.join("resume-payments-letter.pdf");
        assert_eq!(pdf_pages(&pdf), 1, "{engine}");
        let word = libreoffice_pdf(&out.join("resume-payments-letter.docx"));
        assert_eq!(
            pdf_pages(&word),
            1,
            "the Word letter, as LibreOffice sets it"
        );
        // In order: the greeting, then each paragraph, then the closing.
        let text = squash(&pdftotext(&pdf));
        let at = |s: &str| text.find(&squash(s)).unwrap();
        let order: Vec<usize> = paragraphs.iter().map(|p| at(p)).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{engine}: {text}");
        assert!(at("Dear Hiring Team,") < order[0] && order[4] < at("Sincerely,"));
    }
}

#[test]
fn all_variants_writes_each_letter_beside_its_resume_and_no_letters_skips_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(
        &real_resume(),
        &out,
        &["--all-variants", "--format", "txt,md"],
    )
    .success()
    .stdout(contains("resume-payments-letter.txt"));
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("letter"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["resume-payments-letter.md", "resume-payments-letter.txt"]
    );
    let skipped = dir.path().join("skipped");
    build(
        &real_resume(),
        &skipped,
        &["--variant", "payments", "--format", "txt", "--no-letters"],
    )
    .success();
    assert!(!skipped.join("resume-payments-letter.txt").exists());
    assert!(skipped.join("resume-payments.txt").exists());
}

/// A résumé whose `public` variant has the letter `apply`, holding `body`.
fn letter_resume(dir: &Path, letter_fields: &str) -> PathBuf {
    let yaml = format!(
        "basics:\n  name: Ada Lovelace\n  email: ada@analytical.dev\n  phone: \"+44 20 7946 0123\"\n  \
         location: London\n\
         summary: Engines.\n\
         variants:\n  public:\n    description: Web.\n    hide_contact: [email, phone]\n  \
         full:\n    description: All.\n\
         letters:\n  apply:\n    variants: [public, full]\n{letter_fields}"
    );
    let path = dir.join("cv.yaml");
    fs::write(&path, yaml).unwrap();
    path
}

/// A YAML scalar that holds `text` exactly (JSON strings are YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

#[test]
fn hostile_strings_print_literally_in_every_letter() {
    let hostile = hostile_strings();
    let body: String = hostile
        .iter()
        .map(|s| format!("      - {}\n", quoted(s)))
        .collect();
    let fields = format!(
        "    recipient: {}\n    company: {}\n    address: {}\n    greeting: {}\n    body:\n{body}    closing: {}\n",
        quoted(&hostile[0]),
        quoted(&hostile[2]),
        quoted(&format!("{}\n{}", hostile[3], hostile[7])),
        quoted(&hostile[4]),
        quoted(&hostile[9]),
    );
    let dir = tempfile::tempdir().unwrap();
    let input = letter_resume(dir.path(), &fields);
    for engine in ["typst", "native"] {
        let out = dir.path().join(engine);
        let args = ["--variant", "full", "--engine", engine, "--format", ALL];
        build(&input, &out, &args).success();
        for extension in ["pdf", "html", "md", "txt", "docx"] {
            assert_holds(&out.join(format!("cv-full-letter.{extension}")), &hostile);
        }
        let html = fs::read_to_string(out.join("cv-full-letter.html")).unwrap();
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
    }
}

#[test]
fn a_variant_that_hides_contact_details_hides_them_in_its_letter() {
    let dir = tempfile::tempdir().unwrap();
    let input = letter_resume(
        dir.path(),
        "    greeting: Dear team,\n    body: [I build engines.]\n    closing: Yours,\n",
    );
    let out = dir.path().join("out");
    build(&input, &out, &["--all-variants", "--engine", "native"]).success();
    for extension in ["pdf", "html", "md", "txt"] {
        let public = read_back(&out.join(format!("cv-public-letter.{extension}")));
        assert!(public.contains("London"), "{extension}: {public}");
        for hidden in ["ada@analytical.dev", "7946"] {
            assert!(
                !public.contains(hidden),
                "{extension} shows {hidden}: {public}"
            );
        }
        let full = read_back(&out.join(format!("cv-full-letter.{extension}")));
        assert!(full.contains("ada@analytical.dev"), "{extension}: {full}");
    }
    let html = fs::read_to_string(out.join("cv-public-letter.html")).unwrap();
    assert!(!html.contains("ada@analytical.dev"));
}

#[test]
fn a_letter_too_long_for_a_page_is_an_error_saying_by_how_much() {
    let paragraph =
        "I built the double-entry ledger, the payouts and the reconciliation jobs. ".repeat(6);
    let body: String = (0..14).map(|_| format!("      - {paragraph}\n")).collect();
    let dir = tempfile::tempdir().unwrap();
    let input = letter_resume(
        dir.path(),
        &format!("    greeting: Dear team,\n    body:\n{body}    closing: Yours,\n"),
    );
    for engine in ["typst", "native"] {
        let out = dir.path().join(engine);
        let assert = build(
            &input,
            &out,
            &["--variant", "full", "--engine", engine, "--format", "pdf"],
        );
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert.code(1);
        assert!(
            stderr.contains("error: the apply letter runs about ")
                && stderr.contains(" lines onto a second page"),
            "{engine}: {stderr}"
        );
        assert!(stderr.contains("cv.yaml:14:3"), "{engine}: {stderr}");
        let lines: usize = stderr
            .split("runs about ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        // Fourteen paragraphs of six sentences: about a page and a third.
        assert!((8..40).contains(&lines), "{engine}: {lines} lines");
        assert!(!out.exists() || fs::read_dir(&out).unwrap().next().is_none());
    }
}

#[test]
fn letters_are_validated_with_their_locations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cv.yaml");
    fs::write(
        &path,
        "basics: {name: Ada Lovelace, email: ada@analytical.dev}\n\
         variants:\n  payments: {description: P.}\n\
         letters:\n  \
         a/b:\n    variants: [paymnts]\n    greeting: Hi,\n    body: [Text.]\n    closing: Bye,\n  \
         two:\n    variants: [payments]\n    greeting: Hi,\n    body: [Text.]\n    closing: Bye,\n",
    )
    .unwrap();
    resumec(dir.path())
        .args(["validate", "cv.yaml"])
        .assert()
        .code(1)
        .stderr(contains("`a/b` cannot name a letter"))
        .stderr(contains("cv.yaml:5:3"))
        .stderr(contains(
            "names the variant `paymnts`, which is not declared",
        ))
        .stderr(contains("cv.yaml:6:16"))
        .stderr(contains("did you mean `payments`?"));
    fs::write(
        dir.path().join("day.yaml"),
        "basics: {name: Ada Lovelace, email: ada@analytical.dev}\n\
         variants:\n  payments: {description: P.}\n\
         letters:\n  apply: {variants: [payments], date: 2025-02-30, greeting: Hi, body: [T.], closing: Bye}\n",
    )
    .unwrap();
    resumec(dir.path())
        .args(["validate", "day.yaml"])
        .assert()
        .code(1)
        .stderr(contains("February 2025 has 28 days"))
        .stderr(contains("day.yaml:5:39"));
    fs::write(
        dir.path().join("typo.yaml"),
        "basics: {name: Ada Lovelace, email: ada@analytical.dev}\n\
         letters:\n  apply: {variants: [], greeting: Hi, body: [T.], closing: Bye, sign: x}\n",
    )
    .unwrap();
    resumec(dir.path())
        .args(["validate", "typo.yaml"])
        .assert()
        .code(1)
        .stderr(contains("unknown field `sign`"))
        .stderr(contains("typo.yaml:3:65"));
}

#[test]
fn a_dated_letter_keeps_its_date_and_an_undated_one_takes_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let input = letter_resume(
        dir.path(),
        "    date: 2024-02-29\n    greeting: Hi,\n    body: [Text.]\n    closing: Bye,\n",
    );
    let out = dir.path().join("out");
    build(&input, &out, &["--variant", "full", "--format", "txt"]).success();
    let text = fs::read_to_string(out.join("cv-full-letter.txt")).unwrap();
    assert!(text.contains("\nFebruary 29, 2024\n"), "{text}");
    let out = dir.path().join("epoch");
    build(
        &real_resume(),
        &out,
        &["--variant", "payments", "--format", "txt"],
    )
    .success();
    let text = fs::read_to_string(out.join("resume-payments-letter.txt")).unwrap();
    assert!(text.contains("\nMarch 14, 2025\n"), "{text}");
}

#[test]
fn letters_rebuild_byte_identical_with_both_engines() {
    for engine in ["typst", "native"] {
        let dir = tempfile::tempdir().unwrap();
        let builds: Vec<Vec<u8>> = ["a", "b"]
            .iter()
            .map(|name| {
                let out = dir.path().join(name);
                build(
                    &real_resume(),
                    &out,
                    &[
                        "--variant",
                        "payments",
                        "--engine",
                        engine,
                        "--format",
                        "pdf",
                    ],
                )
                .success();
                fs::read(out.join("resume-payments-letter.pdf")).unwrap()
            })
            .collect();
        assert_eq!(builds[0], builds[1], "{engine}");
    }
}

#[test]
fn tailor_scores_a_letter() {
    let dir = tempfile::tempdir().unwrap();
    let job = fixture("tailor/posting.txt");
    let run = |extra: &[&str]| {
        let output = resumec(dir.path())
            .args([
                "tailor",
                job.to_str().unwrap(),
                real_resume().to_str().unwrap(),
                "--json",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    let letter = run(&["--letter", "payments"]);
    let resume = run(&[]);
    let matched = |v: &serde_json::Value| v["matched"].as_array().unwrap().len();
    assert!(matched(&letter) > 0 && matched(&letter) < matched(&resume));
    // The letter names Kafka and idempotency but no frontend framework.
    let names: Vec<&str> = letter["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Kafka") && names.contains(&"idempotency"),
        "{names:?}"
    );
    resumec(dir.path())
        .args([
            "tailor",
            job.to_str().unwrap(),
            real_resume().to_str().unwrap(),
            "--letter",
            "paymnts",
        ])
        .assert()
        .code(1)
        .stderr(contains("there is no letter `paymnts`"))
        .stderr(contains("did you mean `payments`?"));
    resumec(dir.path())
        .args([
            "tailor",
            job.to_str().unwrap(),
            real_resume().to_str().unwrap(),
            "--letter",
            "payments",
        ])
        .assert()
        .success()
        .stdout(contains("the payments letter covers"));
}

/// The leftmost edge of any word on the letter's page, in points.
fn left_edge(pdf: &Path) -> f32 {
    pdftotext_with(&["-bbox"], pdf)
        .split("xMin=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse::<f32>().ok())
        .fold(f32::INFINITY, f32::min)
}

#[test]
fn a_letter_just_over_a_page_is_tightened_onto_it_before_it_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // One short line a paragraph, more and more of them: the longest letter
    // that builds needs tightening, which narrows the margins (0.7 in, 50.4
    // points, in the classic theme), and one more paragraph is refused.
    let mut longest_built = None;
    for paragraphs in 20..80 {
        let body: String = (0..paragraphs)
            .map(|i| format!("      - Paragraph {i} of the letter.\n"))
            .collect();
        let input = letter_resume(
            dir.path(),
            &format!("    greeting: Dear team,\n    body:\n{body}    closing: Yours,\n"),
        );
        let out = dir.path().join(format!("out-{paragraphs}"));
        let args = ["--variant", "full", "--engine", "native", "--format", "pdf"];
        let output = build(&input, &out, &args).get_output().clone();
        if !output.status.success() {
            let stderr = String::from_utf8(output.stderr).unwrap();
            assert!(stderr.contains("onto a second page"), "{stderr}");
            break;
        }
        longest_built = Some(out.join("cv-full-letter.pdf"));
    }
    let short = dir.path().join("out-20/cv-full-letter.pdf");
    let longest = longest_built.expect("some letter builds");
    assert_eq!(pdf_pages(&longest), 1);
    assert!(
        (left_edge(&short) - 50.4).abs() < 1.0,
        "{}",
        left_edge(&short)
    );
    assert!(
        left_edge(&longest) < 49.0,
        "not tightened: {}",
        left_edge(&longest)
    );
}
