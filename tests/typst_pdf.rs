//! The typst engine through the real binary and the real `typst` CLI, with
//! PDFs read back by poppler's `pdftotext` and `pdfinfo`.

mod common;
mod page_bounds;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{
    HOSTILE_STRINGS, assert_every_fact, build_pdf, fixture, pdfinfo, pdftotext, real_resume,
    resumec, squash,
};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

#[test]
fn the_pdf_carries_every_fact_of_the_resume() {
    let dir = tempfile::tempdir().unwrap();
    assert_every_fact(&pdftotext(&build_pdf(
        dir.path(),
        &real_resume(),
        "typst",
        &[],
    )));
}

#[test]
fn hostile_strings_print_literally_and_nothing_outside_the_root_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(&build_pdf(
        dir.path(),
        &fixture("hostile.yaml"),
        "typst",
        &[],
    ));
    let flat = squash(&text);
    for hostile in HOSTILE_STRINGS {
        assert!(
            flat.contains(hostile),
            "not literal in the PDF: {hostile}\n{text}"
        );
    }
    assert!(!text.contains("root:"), "/etc/passwd leaked into the PDF");
}

#[test]
fn two_builds_are_byte_identical() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let a = fs::read(build_pdf(first.path(), &real_resume(), "typst", &[])).unwrap();
    let b = fs::read(build_pdf(second.path(), &real_resume(), "typst", &[])).unwrap();
    assert!(a == b, "PDFs differ between builds");
}

#[test]
fn metadata_is_filled_in_and_the_pdf_is_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let info = pdfinfo(&build_pdf(dir.path(), &real_resume(), "typst", &[]));
    assert!(
        info.contains("Title:           Your Name — Résumé"),
        "{info}"
    );
    assert!(info.contains("Author:          Your Name"), "{info}");
    assert!(
        info.contains("Keywords:") && info.contains("Kafka"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        !info.contains("CreationDate"),
        "a date makes builds differ: {info}"
    );
    let dated = tempfile::tempdir().unwrap();
    let pdf = build_pdf(
        dated.path(),
        &real_resume(),
        "typst",
        &["--creation-timestamp", "1709164800"],
    );
    assert!(pdfinfo(&pdf).contains("Feb 29"), "{}", pdfinfo(&pdf));
}

#[test]
fn the_typ_output_compiles_to_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf(dir.path(), &real_resume(), "typst", &[]);
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap(), "--format", "typ"])
        .assert()
        .success();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/fonts");
    let bare = dir.path().join("bare.pdf");
    let status = Command::new("typst")
        .arg("compile")
        .args([
            "--ignore-system-fonts",
            "--ignore-embedded-fonts",
            "--font-path",
        ])
        .arg(&fonts)
        .arg(dir.path().join("out/resume.typ"))
        .arg(&bare)
        .status()
        .expect("typst runs");
    assert!(status.success());
    assert_eq!(pdftotext(&bare), pdftotext(&pdf));
}

#[test]
fn a_missing_typst_is_an_error_only_when_typst_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let args = |engine: &'static str| {
        [
            "build",
            real_resume().to_str().unwrap(),
            "--format",
            "pdf,txt",
            "--engine",
            engine,
            "--typst",
            "/nonexistent/typst",
        ]
        .map(str::to_owned)
    };
    resumec(dir.path())
        .args(args("typst"))
        .assert()
        .code(3)
        .stderr(contains("cargo install --locked typst-cli@0.15.1"));
    assert!(
        !dir.path().join("out").exists(),
        "a failed build wrote outputs"
    );
    resumec(dir.path())
        .args(args("auto"))
        .assert()
        .success()
        .stderr(contains("typst not found").and(contains("using the built-in PDF engine")));
    assert!(dir.path().join("out/resume.pdf").is_file());
}

#[cfg(unix)]
#[test]
fn a_failing_typst_is_reported_and_leaves_outputs_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("typst");
    fs::write(
        &fake,
        "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'typst 0.15.1 (fake)'; exit 0; fi\necho 'error: the fake typst broke' >&2\nexit 1\n",
    )
    .unwrap();
    fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();
    fs::create_dir(dir.path().join("out")).unwrap();
    fs::write(dir.path().join("out/resume.txt"), "an earlier build").unwrap();
    resumec(dir.path())
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--engine",
            "typst",
        ])
        .env("RESUMEC_TYPST", &fake)
        .assert()
        .code(3)
        .stderr(contains("the fake typst broke").and(contains("nothing was written")));
    assert_eq!(
        fs::read_to_string(dir.path().join("out/resume.txt")).unwrap(),
        "an earlier build"
    );
    assert_eq!(fs::read_dir(dir.path().join("out")).unwrap().count(), 1);
}

#[test]
fn paper_size_comes_from_the_yaml_or_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let letter = pdfinfo(&build_pdf(dir.path(), &real_resume(), "typst", &[]));
    assert!(letter.contains("(letter)"), "{letter}");
    let a4 = tempfile::tempdir().unwrap();
    let info = pdfinfo(&build_pdf(
        a4.path(),
        &real_resume(),
        "typst",
        &["--paper", "a4"],
    ));
    assert!(info.contains("(A4)"), "{info}");
}

#[test]
fn a_character_the_fonts_lack_is_a_located_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("r.yaml"),
        "basics:\n  name: Ada ☃\n  email: a@ada.dev\n",
    )
    .unwrap();
    resumec(dir.path())
        .args(["build", "r.yaml", "--format", "pdf", "--engine", "typst"])
        .assert()
        .success()
        .stderr(contains("have no `☃` (U+2603)").and(contains("r.yaml:2:13")));
}

/// The typst layout's margins: 0.7 in left and right, 0.64 in at the bottom.
const MARGINS: page_bounds::Margins = page_bounds::Margins {
    x: 0.7 * 72.0,
    bottom: 0.64 * 72.0,
};

#[test]
fn oversized_content_breaks_across_pages_and_at_the_margin() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, texts) = page_bounds::oversized_resume();
    let input = dir.path().join("oversized.yaml");
    fs::write(&input, yaml).unwrap();
    for paper in ["us-letter", "a4"] {
        let pdf = build_pdf(dir.path(), &input, "typst", &["--paper", paper]);
        assert!(page_bounds::page_count(&pdf) >= 3);
        let words = page_bounds::assert_inside_the_pages(&pdf, MARGINS);
        page_bounds::assert_each_printed_once(&words, &texts);
        let joined: String = words.iter().map(|w| w.text.as_str()).collect();
        for i in 0..150 {
            let tech = format!("Tech{i:03}");
            assert_eq!(joined.matches(&tech).count(), 3, "{tech} not in every list");
        }
    }
}

#[test]
fn a_page_budget_counts_a_group_taller_than_a_page_as_the_pages_it_fills() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, bullets) = page_bounds::overflowing_group_resume();
    let input = dir.path().join("overflowing.yaml");
    fs::write(&input, yaml).unwrap();
    let whole = build_pdf(dir.path(), &input, "typst", &[]);
    assert!(page_bounds::page_count(&whole) > 3);
    let words = page_bounds::assert_inside_the_pages(&whole, MARGINS);
    page_bounds::assert_each_printed_once(&words, &bullets);

    resumec(dir.path())
        .args(["build", "overflowing.yaml", "--format", "pdf"])
        .args(["--engine", "typst", "--variant", "three-pages"])
        .assert()
        .success()
        .stderr(contains("fitted from").and(contains("as it is").not()));
    let pdf = dir.path().join("out/overflowing-three-pages.pdf");
    assert!(page_bounds::page_count(&pdf) <= 3);
    let words = page_bounds::assert_inside_the_pages(&pdf, MARGINS);
    page_bounds::assert_each_printed_once(&words, &bullets[..1]);
    let joined: String = words.iter().map(|w| w.text.as_str()).collect();
    assert!(
        !joined.contains("g2w000"),
        "the last bullet does not fit yet is there"
    );
}
