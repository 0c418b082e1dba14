//! `resumec lint` through the real binary: one fixture per check, the real
//! résumé, `--deny-warnings`, and bullet lengths checked against real typst PDFs.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{
    assert_expected, build_pdf, expectations, fixture, pdftotext, pdftotext_with, real_resume,
    resumec,
};
use predicates::str::contains;

/// Runs `resumec lint` on `file`; returns the exit code and stderr.
fn lint(file: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .arg("lint")
        .arg(file)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.code(), stderr)
}

/// Each fixture in tests/fixtures/lint starts with `# expect: LINE: TEXT`
/// lines; each with a line above 0 is one warning at that line, and there
/// are no others. `# expect: 0: TEXT` only asks for TEXT somewhere.
#[test]
fn every_check_warns_at_its_line() {
    let mut checked = 0;
    for entry in fs::read_dir(fixture("lint")).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() || path.file_name().unwrap() == "clean.yaml" {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let expectations = expectations(&text);
        let warnings = expectations.iter().filter(|(line, _)| *line > 0).count();
        assert!(warnings > 0, "{} expects no warning", path.display());
        let (code, stderr) = lint(&path, &[]);
        assert_eq!(code, Some(0), "{}: {stderr}", path.display());
        assert_eq!(
            stderr.matches("warning: ").count(),
            warnings,
            "{}:\n{stderr}",
            path.display()
        );
        let summary = if warnings == 1 {
            "1 warning".to_owned()
        } else {
            format!("{warnings} warnings")
        };
        assert!(stderr.trim_end().ends_with(&summary), "{stderr}");
        assert_expected(&path, &expectations, &stderr);
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[test]
fn a_clean_resume_has_no_warnings() {
    let (code, stderr) = lint(&fixture("lint/clean.yaml"), &["--deny-warnings"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("warning:"), "{stderr}");
    assert!(
        stderr.trim().ends_with("clean.yaml: no warnings"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn the_real_resume_has_only_its_placeholders_and_no_web_presence() {
    let (code, stderr) = lint(&real_resume(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stderr.matches("warning: ").count(), 3, "{stderr}");
    for (at, message) in [
        (
            "resume.yaml:6:1",
            "no website or profile where a recruiter can look you up",
        ),
        ("resume.yaml:7:9", "`Your Name` is a placeholder name"),
        (
            "resume.yaml:10:10",
            "`you@example.com` is a placeholder e-mail address",
        ),
    ] {
        assert!(stderr.contains(message), "{stderr}");
        assert!(stderr.contains(at), "{stderr}");
    }
    assert!(stderr.trim_end().ends_with("3 warnings"), "{stderr}");
}

#[test]
fn deny_warnings_fails_on_any_warning() {
    let (code, stderr) = lint(&real_resume(), &["--deny-warnings"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("3 warnings, denied by --deny-warnings"),
        "{stderr}"
    );
    let (code, _) = lint(&fixture("lint/date_gap.yaml"), &["--deny-warnings"]);
    assert_eq!(code, Some(1));
}

#[test]
fn invalid_and_missing_resumes_fail_as_validate_does() {
    let (code, stderr) = lint(&fixture("bad/end_before_start.yaml"), &[]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("end_before_start.yaml:7:"), "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["lint", "missing.yaml"])
        .assert()
        .code(3)
        .stderr(contains("missing.yaml not found"));
}

/// The bullets lint calls too long are exactly those typst sets on three
/// lines or more, read back from the real PDF.
#[test]
fn long_bullets_are_those_typst_wraps_past_two_lines() {
    let input = fixture("lint/measured/bullets_near_two_lines.yaml");
    let text = fs::read_to_string(&input).unwrap();
    let (_, stderr) = lint(&input, &[]);
    let flagged: BTreeSet<String> = stderr
        .lines()
        .filter(|line| line.contains("┌─"))
        .filter_map(|line| line.split("bullets_near_two_lines.yaml:").nth(1))
        .map(|at| {
            let line: usize = at.split(':').next().unwrap().parse().unwrap();
            let bullet = text.lines().nth(line - 1).unwrap();
            bullet_name(bullet).unwrap().to_owned()
        })
        .collect();

    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf(dir.path(), &input, "typst", &[]);
    let extracted = pdftotext_with(&["-layout"], &pdf);
    assert!(pdftotext(&pdf).contains("B40"));
    let mut lines_of: Vec<(String, usize)> = Vec::new();
    for line in extracted.lines() {
        let line = line.trim().trim_start_matches('\u{c}');
        let is_footer = line.split('/').all(|n| n.trim().parse::<u32>().is_ok());
        match (bullet_name(line), lines_of.last_mut()) {
            (Some(name), _) => lines_of.push((name.to_owned(), 1)),
            (None, Some((_, count))) if !line.is_empty() && !is_footer => *count += 1,
            _ => {}
        }
    }
    assert_eq!(lines_of.len(), 40);
    let wrapped_past_two: BTreeSet<String> = lines_of
        .into_iter()
        .filter(|(_, lines)| *lines > 2)
        .map(|(name, _)| name)
        .collect();
    assert!(wrapped_past_two.len() >= 5, "{wrapped_past_two:?}");
    assert_eq!(flagged, wrapped_past_two);
}

/// `B07` in a line that holds the bullet `Built B07 …`.
fn bullet_name(line: &str) -> Option<&str> {
    let at = line.find("Built B")? + "Built ".len();
    line.get(at..at + 3)
}
