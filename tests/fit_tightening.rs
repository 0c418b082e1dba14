//! A page budget tightens the design before it drops content, alike in both
//! PDF engines: through the real binary, the real typst, and the PDFs read
//! back with poppler.

mod common;

use common::{pdf_pages, pdftotext, real_resume, resumec, squash};

/// The names of the real résumé's groups of bullets, every one of which the
/// one-page variant shows.
const GROUPS: [&str; 5] = [
    "Subscription billing platform",
    "Financial ledger & reconciliation",
    "Global payout processing",
    "Ride billing & fare calculation",
    "Trip event processing platform",
];

/// Builds the one-page variant with `engine` and `extra` arguments; returns
/// what the build said about fitting (with `--explain`) and the PDF's text.
fn one_page(engine: &str, extra: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap(), "--format", "pdf"])
        .args(["--engine", engine, "--variant", "one-page", "--explain"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    let pdf = dir.path().join("out/resume-one-page.pdf");
    assert_eq!(pdf_pages(&pdf), 1, "{engine}: {stderr}");
    let fitting = stderr
        .lines()
        .filter(|line| line.starts_with("resume-one-page:") || line.starts_with("  "))
        .filter(|line| !line.trim_start().starts_with(['│', '=', '|']))
        .collect::<Vec<_>>()
        .join("\n");
    (fitting, squash(&pdftotext(&pdf)))
}

#[test]
fn the_one_page_variant_keeps_every_group_in_both_engines() {
    for engine in ["native", "typst"] {
        let (fitting, text) = one_page(engine, &[]);
        assert!(!fitting.contains("dropped"), "{engine}: {fitting}");
        for group in GROUPS {
            assert!(text.contains(group), "{engine} lost the group {group}");
        }
    }
}

#[test]
fn a_budget_tightens_spacing_and_type_before_dropping_and_both_engines_agree() {
    // Larger type that no longer fits a page as it is.
    let native = one_page("native", &["--set", "design.font_size=11"]);
    let typst = one_page("typst", &["--set", "design.font_size=11"]);
    let (fitting, text) = &native;
    assert!(
        fitting.contains("fitted from 2 to 1 page by tightening the spacing and type, in"),
        "{fitting}"
    );
    for change in [
        "line spacing −",
        "gaps between sections and entries −",
        "body text 11 pt → ",
    ] {
        assert!(
            fitting.contains(&format!("  tightened {change}")),
            "{fitting}"
        );
    }
    assert!(!fitting.contains("dropped"), "{fitting}");
    for group in GROUPS {
        assert!(text.contains(group), "lost the group {group}");
    }
    assert_eq!(native.0, typst.0, "the engines tightened differently");
}

#[test]
fn when_tightening_is_not_enough_content_is_dropped_from_the_tightest_design() {
    let (fitting, _) = one_page("native", &["--set", "design.font_size=11.5"]);
    assert!(
        fitting.contains("by tightening the spacing and type and dropping"),
        "{fitting}"
    );
    assert!(
        fitting.contains("  tightened line spacing −10 %"),
        "{fitting}"
    );
    assert!(
        fitting.contains("  tightened sides margin 0.7in → 0.5in"),
        "{fitting}"
    );
    assert!(fitting.contains("  dropped "), "{fitting}");
    let (typst, _) = one_page("typst", &["--set", "design.font_size=11.5"]);
    assert_eq!(fitting, typst, "the engines fitted differently");
}
