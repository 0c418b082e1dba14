//! `resumec check` through the real binary, on real PDFs: every variant
//! built by both engines passes against itself; PDFs that lack facts, carry
//! ligature characters or letter-spaced headings, or hold another résumé
//! fail, naming what is missing at its line.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{fixture, real_resume, resumec};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// Builds every variant of the real résumé with `engine` into `dir/out`.
fn build_all(dir: &Path, engine: &str) -> PathBuf {
    resumec(dir)
        .args(["build", real_resume().to_str().unwrap(), "--all-variants"])
        .args(["--format", "pdf", "--engine", engine])
        .env_remove("SOURCE_DATE_EPOCH")
        .assert()
        .success();
    dir.join("out")
}

/// `resumec check PDF FILE ARGS…`.
fn check(dir: &Path, pdf: &Path, file: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    resumec(dir)
        .args(["check", pdf.to_str().unwrap(), file.to_str().unwrap()])
        .args(args)
        .assert()
}

/// The real variants, as their PDFs are named.
const VARIANTS: [&str; 4] = ["", "payments", "one-page", "public"];

fn pdf_of(out: &Path, variant: &str) -> PathBuf {
    match variant {
        "" => out.join("resume.pdf"),
        name => out.join(format!("resume-{name}.pdf")),
    }
}

#[test]
fn every_variant_passes_against_itself_with_both_engines() {
    for engine in ["typst", "native"] {
        let dir = tempfile::tempdir().unwrap();
        let out = build_all(dir.path(), engine);
        for variant in VARIANTS {
            check(
                dir.path(),
                &pdf_of(&out, variant),
                &real_resume(),
                &["--variant", variant],
            )
            .success()
            .stdout(contains("facts read back").and(contains("passed: 0 problems")));
        }
    }
}

#[test]
fn the_one_page_pdf_lacks_facts_of_the_full_resume_at_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = build_all(dir.path(), "typst");
    let pdf = pdf_of(&out, "one-page");
    // The one-page variant hides the summary; the file has it at this line.
    let source = std::fs::read_to_string(real_resume()).unwrap();
    let line = source
        .lines()
        .position(|l| l.starts_with("summary:"))
        .unwrap()
        + 1;
    check(dir.path(), &pdf, &real_resume(), &[])
        .code(1)
        .stdout(contains("not in the PDF: section heading `Summary`"))
        .stdout(contains(format!("resume.yaml:{line}:1")))
        .stderr(contains("does not hold all of"));
    // A variant it was not built from fails too; its own passes.
    check(dir.path(), &pdf, &real_resume(), &["--variant", "payments"]).code(1);
    check(dir.path(), &pdf, &real_resume(), &["--variant", "one-page"]).success();
}

#[test]
fn json_reports_each_missing_fact_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let out = build_all(dir.path(), "native");
    let output = resumec(dir.path())
        .args(["check", pdf_of(&out, "public").to_str().unwrap()])
        .arg(real_resume())
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let missing = report["missing"].as_array().unwrap();
    let email = missing
        .iter()
        .find(|m| m["message"] == "not in the PDF: email `you@example.com`")
        .expect("the public variant hides the e-mail");
    let source = std::fs::read_to_string(real_resume()).unwrap();
    let line = source
        .lines()
        .position(|l| l.contains("you@example.com"))
        .unwrap()
        + 1;
    assert_eq!(email["line"], line);
    assert!(email["column"].as_u64().unwrap() > 1);
    assert!(report["passed"].as_array().unwrap().len() > 3);
}

/// A one-page résumé and a PDF typst makes of `body` (typst markup).
fn small_case(dir: &Path, body: &str) -> (PathBuf, PathBuf) {
    let yaml = dir.join("small.yaml");
    std::fs::write(
        &yaml,
        "basics:\n  name: Fiona Fletcher\n  email: fiona@example.dev\n  phone: \"+44 20 7946 0000\"\n\
         summary: Profile of a fleet engineer who finds flaws.\n",
    )
    .unwrap();
    let source = dir.join("small.typ");
    std::fs::write(&source, format!("#set text(font: \"Lato\")\n{body}")).unwrap();
    let pdf = dir.join("small.pdf");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/fonts");
    let status = Command::new("typst")
        .args(["compile", "--ignore-system-fonts", "--font-path"])
        .arg(fonts)
        .arg(&source)
        .arg(&pdf)
        .status()
        .unwrap();
    assert!(status.success());
    (yaml, pdf)
}

const HEADER: &str = "Fiona Fletcher\n\nfiona\\@example.dev • +44 20 7946 0000\n\n";

#[test]
fn the_small_case_passes_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{HEADER}SUMMARY\n\nProfile of a fleet engineer who finds flaws.");
    let (yaml, pdf) = small_case(dir.path(), &body);
    check(dir.path(), &pdf, &yaml, &[])
        .success()
        .stdout(contains("`+44 20 7946 0000` reads as a phone number"));
}

#[test]
fn ligature_characters_fail_naming_the_words() {
    let dir = tempfile::tempdir().unwrap();
    // As older tools write them: presentation forms in the text layer.
    let body = format!(
        "{HEADER}SUMMARY\n\nPro\u{FB01}le of a \u{FB02}eet engineer who \u{FB01}nds \u{FB02}aws."
    );
    let (yaml, pdf) = small_case(dir.path(), &body);
    check(dir.path(), &pdf, &yaml, &[])
        .code(1)
        .stdout(contains("ligature characters in 4 words").and(contains("`Pro\u{FB01}le`")))
        .stdout(contains(
            "not in the PDF: paragraph `Profile of a fleet engineer",
        ))
        .stdout(contains("small.yaml:5:10"));
}

#[test]
fn a_letter_spaced_heading_fails_as_spelled_out_letters() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "{HEADER}#text(tracking: 0.5em)[SUMMARY]\n\nProfile of a fleet engineer who finds flaws."
    );
    let (yaml, pdf) = small_case(dir.path(), &body);
    check(dir.path(), &pdf, &yaml, &[])
        .code(1)
        .stdout(contains(
            "split into letters by letter-spacing: `S U M M A R Y`",
        ))
        .stdout(contains("failed: 1 problem"));
}

#[test]
fn a_phone_broken_across_lines_and_a_name_far_down_fail() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Line one\n\nLine two\n\nLine three\n\nFiona Fletcher\n\nfiona\\@example.dev +44 20\n\n7946 0000\n\nSUMMARY Profile of a fleet engineer who finds flaws.";
    let (yaml, pdf) = small_case(dir.path(), body);
    check(dir.path(), &pdf, &yaml, &[])
        .code(1)
        .stdout(contains(
            "the name `Fiona Fletcher` is not within the first 3 lines",
        ))
        .stdout(contains(
            "`+44 20 7946 0000` does not read as a phone number",
        ));
}

#[test]
fn a_pdf_of_another_resume_fails_naming_the_name() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", fixture("hostile.yaml").to_str().unwrap()])
        .args(["--format", "pdf", "--engine", "native"])
        .assert()
        .success();
    let pdf = dir.path().join("out/hostile.pdf");
    check(dir.path(), &pdf, &real_resume(), &[])
        .code(1)
        .stdout(contains("not in the PDF: name `Your Name`"))
        .stdout(contains(
            "the name `Your Name` is not within the first 3 lines",
        ));
}

#[test]
fn without_pdftotext_lopdf_reads_the_text_and_says_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    let out = build_all(dir.path(), "native");
    let empty = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["check", pdf_of(&out, "").to_str().unwrap()])
        .arg(real_resume())
        .env("PATH", empty.path())
        .assert()
        .success()
        .stdout(contains("text read with lopdf").and(contains("pdftotext is not installed")));
}

#[test]
fn what_is_not_a_pdf_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    check(dir.path(), &real_resume(), &real_resume(), &[])
        .code(1)
        .stderr(contains("cannot check").and(contains("resume.yaml")));
    check(
        dir.path(),
        &dir.path().join("none.pdf"),
        &real_resume(),
        &[],
    )
    .code(1)
    .stderr(contains("cannot read it"));
    check(
        dir.path(),
        &real_resume(),
        &real_resume(),
        &["--variant", "nope"],
    )
    .code(1)
    .stderr(contains("there is no variant `nope`"));
}
