//! The built-in PDF engine through the real binary, with PDFs read back by
//! poppler's `pdftotext`, `pdffonts` and `pdfinfo`.

mod common;
mod page_bounds;

use std::fs;

use common::{
    assert_every_fact, assert_two_builds_are_byte_identical, build_pdf, fixture, hostile_strings,
    pdfinfo, pdftotext, pdftotext_with, poppler, real_resume, resumec, squash,
};
use predicates::str::contains;

#[test]
fn the_native_pdf_carries_every_fact_with_embedded_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf(dir.path(), &real_resume(), "native", &[]);
    assert_every_fact(&pdftotext(&pdf));
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(columns[columns.len() - 5], "yes", "not embedded: {row}");
    }
    let info = pdfinfo(&pdf);
    assert!(
        info.contains("Title:           Your Name — Résumé"),
        "{info}"
    );
    assert!(info.contains("Author:          Your Name"), "{info}");
    assert!(info.contains("Kotlin, TypeScript"), "{info}");
    assert!(!info.contains("CreationDate"), "{info}");
}

#[cfg(unix)]
#[test]
fn auto_without_typst_uses_the_native_engine() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    fs::create_dir(&bin).unwrap();
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap(), "--format", "pdf"])
        .args(["--engine", "auto"])
        .env("PATH", &bin)
        .env_remove("RESUMEC_TYPST")
        .assert()
        .success()
        .stderr(contains("using the built-in PDF engine"));
    assert_every_fact(&pdftotext(&dir.path().join("out/resume.pdf")));
}

#[test]
fn two_native_builds_are_byte_identical() {
    assert_two_builds_are_byte_identical("native");
}

#[test]
fn hostile_strings_print_literally() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf(dir.path(), &fixture("hostile.yaml"), "native", &[]);
    let text = squash(&pdftotext(&pdf));
    for hostile in hostile_strings() {
        assert!(
            text.contains(&hostile),
            "not literal in the PDF: {hostile}\n{text}"
        );
    }
}

fn long_resume() -> String {
    let mut yaml = String::from(
        "basics:\n  name: Long Example\n  headline: Engineer\n  email: long@example.org\nsummary: A very long résumé that needs several pages.\nexperience:\n",
    );
    for job in 0..12 {
        yaml.push_str(&format!(
            "  - company: Company {job}\n    title: Engineer {job}\n    start: 2010-01\n    end: 2011-01\n    groups:\n"
        ));
        for group in 0..3 {
            yaml.push_str(&format!(
                "      - name: Group {job}-{group}\n        bullets:\n"
            ));
            for bullet in 0..6 {
                yaml.push_str(&format!(
                    "          - Bullet {job}-{group}-{bullet} describes work that was done carefully and measured in production over many months.\n"
                ));
            }
        }
    }
    yaml
}

#[test]
fn a_long_resume_paginates_without_stranded_headings() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.yaml");
    fs::write(&input, long_resume()).unwrap();
    let pdf = build_pdf(dir.path(), &input, "native", &[]);
    let info = pdfinfo(&pdf);
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 3, "{info}");
    for page in 1..=pages {
        let n = page.to_string();
        let text = pdftotext_with(&["-f", &n, "-l", &n], &pdf);
        let footer = format!("{page} / {pages}");
        assert!(text.contains(&footer), "no page number on page {page}");
        let last = text
            .lines()
            .map(str::trim)
            .rfind(|line| !line.is_empty() && *line != footer)
            .unwrap_or_default();
        assert!(
            !(last == "EXPERIENCE"
                || last.starts_with("Company ")
                || last.starts_with("Engineer ")
                || last.starts_with("Group ")
                || last.contains("2010 –")),
            "page {page} ends with a heading: {last}"
        );
    }
}

/// The classic theme's margins, which both engines keep.
const MARGINS: page_bounds::Margins = page_bounds::Margins {
    x: 0.7 * 72.0,
    bottom: 0.64 * 72.0,
};

#[test]
fn oversized_content_breaks_across_pages_and_at_the_margin() {
    page_bounds::assert_oversized_breaks_within_the_margins("native", MARGINS);
}

#[test]
fn a_newline_in_text_starts_a_new_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.yaml");
    fs::write(
        &input,
        "basics:\n  name: Ada\n  email: a@ada.dev\nexperience:\n  - company: Engines\n    title: \"Engineer, payments:\\n- the ledger\\n- the payouts\"\n    start: 2020-01\n    end: present\n",
    )
    .unwrap();
    let pdf = build_pdf(dir.path(), &input, "native", &[]);
    let text = pdftotext(&pdf);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|line| *line == "Engineer, payments:")
        .unwrap_or_else(|| panic!("no line of its own:\n{text}"));
    assert_eq!(
        lines[at + 1..at + 3],
        ["- the ledger", "- the payouts"],
        "{text}"
    );
}

#[test]
fn missing_glyphs_are_one_warning_per_script_at_their_first_use() {
    let dir = tempfile::tempdir().unwrap();
    // 61 distinct Han characters (上 among the 60 of the range), CJK
    // punctuation, and a snowman written
    // only as an escape.
    let han: String = ('\u{4e00}'..'\u{4e3c}').collect();
    let yaml = format!(
        "basics:\n  name: Ada 上海\n  email: ada@lovelace.dev\nsummary: \"Built {han}。 \\u2603 twice\"\n"
    );
    fs::write(dir.path().join("r.yaml"), yaml).unwrap();
    let assert = resumec(dir.path())
        .args(["build", "r.yaml", "--engine", "native", "--format", "pdf"])
        .args(["--out", "out"])
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning: the PDF fonts"))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains("no glyphs for 62 CJK characters")
            && warnings[0].contains("`上` (U+4E0A), `海` (U+6D77)")
            && warnings[0].contains("and 57 more"),
        "{stderr}"
    );
    assert!(
        stderr.contains("r.yaml:2:13"),
        "at the first use:\n{stderr}"
    );
    assert!(
        stderr.contains("install Noto Sans CJK (Debian: fonts-noto-cjk")
            && stderr.contains("add its directory to `design.font_paths`"),
        "{stderr}"
    );
    assert!(
        warnings[1].contains("no glyph for `☃` (U+2603)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("r.yaml:4:10"),
        "the escape's value:\n{stderr}"
    );
    assert!(stderr.lines().count() < 25, "{stderr}");
}

#[test]
fn a_line_mixing_cjk_and_latin_stays_inside_the_margins() {
    // The fonts lack the CJK characters: they are drawn as the face's
    // `.notdef` box, and the line breaker must measure them so.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.yaml");
    let summary = "中文AB".repeat(30);
    fs::write(
        &input,
        format!("basics:\n  name: Ada\n  email: ada@lovelace.dev\nsummary: \"{summary}\"\n"),
    )
    .unwrap();
    let pdf = build_pdf(dir.path(), &input, "native", &[]);
    let words = page_bounds::assert_inside_the_pages(&pdf, MARGINS);
    // The line may be cut inside the long word, even between A and B.
    let text: String = words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(text.matches("AB").count(), 30, "{words:?}");
}
