//! Variants through the real binary: selection, composition, --all-variants.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{pdf_pages, pdftotext, real_resume, resumec};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

fn build(dir: &std::path::Path, args: &[&str]) {
    resumec(dir)
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--engine",
            "typst",
        ])
        .args(args)
        .assert()
        .success();
}

#[test]
fn variants_are_listed_with_descriptions() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["variants", real_resume().to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("payments  Payments roles").and(contains("one-page")));
}

#[test]
fn one_page_fits_one_page_alone_and_after_payments() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &["--format", "pdf", "--variant", "one-page"]);
    assert_eq!(pdf_pages(&dir.path().join("out/resume-one-page.pdf")), 1);
    build(
        dir.path(),
        &[
            "--format",
            "pdf,txt",
            "--variant",
            "payments",
            "--variant",
            "one-page",
        ],
    );
    assert_eq!(
        pdf_pages(&dir.path().join("out/resume-payments+one-page.pdf")),
        1
    );
    let text = fs::read_to_string(dir.path().join("out/resume-payments+one-page.txt")).unwrap();
    assert!(
        text.contains("Payments Infrastructure"),
        "payments headline lost:\n{text}"
    );
    assert!(!text.contains("React"), "frontend skills kept:\n{text}");
    assert!(text.find("Financial systems").unwrap() < text.find("Languages").unwrap());
}

#[test]
fn payments_keeps_money_work_and_drops_frontend() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &["--format", "txt", "--variant", "payments"]);
    let text = fs::read_to_string(dir.path().join("out/resume-payments.txt")).unwrap();
    for kept in [
        "Financial ledger & reconciliation",
        "Global payout processing",
        "Reconciliation",
    ] {
        assert!(text.contains(kept), "lost {kept}");
    }
    assert!(
        !text.contains("Frontend:") && !text.contains("Next.js"),
        "{text}"
    );
}

#[test]
fn all_variants_build_every_file_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &["--format", "pdf,md", "--all-variants"]);
    for stem in [
        "resume",
        "resume-payments",
        "resume-one-page",
        "resume-public",
    ] {
        for ext in ["pdf", "md"] {
            assert!(
                dir.path().join(format!("out/{stem}.{ext}")).is_file(),
                "{stem}.{ext}"
            );
        }
    }
    let public = fs::read_to_string(dir.path().join("out/resume-public.md")).unwrap();
    assert!(
        !public.contains("you@example.com"),
        "public variant shows the e-mail"
    );
}

#[test]
fn unknown_variants_and_tags_are_errors_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--variant",
            "paymnts",
        ])
        .assert()
        .code(1)
        .stderr(
            contains("there is no variant `paymnts`").and(contains("did you mean `payments`?")),
        );
    let yaml = fs::read_to_string(real_resume())
        .unwrap()
        .replace("drop_tags: [frontend]", "drop_tags: [fronted]");
    fs::write(dir.path().join("r.yaml"), yaml).unwrap();
    resumec(dir.path())
        .args(["validate", "r.yaml"])
        .assert()
        .code(1)
        .stderr(
            contains("the tag `fronted`")
                .and(contains("did you mean `frontend`?"))
                .and(contains("r.yaml:")),
        );
    assert!(!dir.path().join("out").exists());
}

/// The real résumé with a variant that allows two pages.
fn two_page_resume(dir: &Path) -> PathBuf {
    let yaml = fs::read_to_string(real_resume()).unwrap().replace(
        "variants:\n",
        "variants:\n  two-page:\n    description: two pages\n    max_pages: 2\n",
    );
    let path = dir.join("r.yaml");
    fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn page_budget_fits_with_the_native_engine_and_every_format_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let input = two_page_resume(dir.path());
    resumec(dir.path())
        .args(["build", input.to_str().unwrap(), "--engine", "native"])
        .args(["--explain", "--format", "pdf,txt", "--variant", "two-page"])
        .assert()
        .success()
        .stderr(
            contains("fitted from 3 to 2 pages by tightening the spacing and type and dropping")
                .and(contains(
                    "dropped project “Ride Billing & Fare Calculation”",
                )),
        );
    let pdf = dir.path().join("out/r-two-page.pdf");
    assert_eq!(pdf_pages(&pdf), 2);
    let pdf_text = common::squash(&pdftotext(&pdf));
    let txt = fs::read_to_string(dir.path().join("out/r-two-page.txt")).unwrap();
    let dropped = "Trip billing, pricing, and driver payouts";
    assert!(
        !pdf_text.contains(dropped) && !txt.contains(dropped),
        "the formats disagree"
    );
    let kept = "Payouts to hosts across processors and banks";
    assert!(txt.contains(kept) && pdf_text.contains(kept));
}

#[test]
fn an_impossible_budget_names_the_smallest_page_count() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = fs::read_to_string(real_resume()).unwrap()
        + "  tiny:\n    description: nothing fits\n    max_pages: 0\n";
    fs::write(dir.path().join("r.yaml"), yaml).unwrap();
    resumec(dir.path())
        .args([
            "build",
            "r.yaml",
            "--engine",
            "native",
            "--format",
            "txt",
            "--variant",
            "tiny",
        ])
        .assert()
        .code(3)
        .stderr(contains("cannot fit the résumé in 0 pages:").and(contains("smallest reached")));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn hiding_every_section_or_selecting_none_shows_no_section() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "basics:\n  name: Ada Lovelace\n  email: ada@lovelace.dev\n\
                summary: Wrote the first program.\n\
                skills:\n  - category: Mathematics\n    items: [Analysis]\n\
                variants:\n  hidden:\n    description: every section hidden\n    hide_sections: [summary, skills]\n\
                \x20 none:\n    description: no section selected\n    sections: []\n";
    fs::write(dir.path().join("resume.yaml"), yaml).unwrap();
    resumec(dir.path())
        .args(["build", "--all-variants", "--format", "txt,md,html"])
        .assert()
        .success();
    let full = fs::read_to_string(dir.path().join("out/resume.txt")).unwrap();
    assert!(full.contains("Wrote the first program.") && full.contains("Analysis"));
    for variant in ["hidden", "none"] {
        for format in ["txt", "md", "html"] {
            let path = dir.path().join(format!("out/resume-{variant}.{format}"));
            let file = fs::read_to_string(&path).unwrap();
            // The HTML's style sheet has comments naming every section.
            let text = file
                .split_once("<body")
                .map_or(file.as_str(), |(_, body)| body);
            let name_shown = text.to_lowercase().contains("ada lovelace");
            assert!(name_shown, "{}:\n{text}", path.display());
            for shown in ["Wrote the first program", "Analysis", "Summary", "Skills"] {
                assert!(
                    !text.contains(shown),
                    "{shown} in {}:\n{text}",
                    path.display()
                );
            }
        }
    }
}
