//! A mutation corpus derived from the real resume.yaml: truncations, single
//! byte changes (into invalid UTF-8 too), reordered and duplicated
//! top-level keys, duplicated and deleted lines.
//!
//! Every mutant must either build or be refused with a located diagnostic
//! (`file:line:col`); none may panic or hang. The generated mutants (about
//! 400, a fixed set) go through the library in-process, which is fast;
//! the curated ones committed in `tests/fixtures/mutations/` go through the
//! real binary, `validate` and `build` both. Those are named by their
//! mutation (`truncated-at-481`, `byte-1058-set-to-c3`, `line-79-duplicated`,
//! ...), one for each kind of refusal the generator met (unterminated
//! quotes and flow sequences, invalid UTF-8, control characters, unknown
//! anchors, duplicate and missing fields, bad dates, unknown variants, a
//! comments-only file), plus two that still build.

mod common;

use std::fs;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::time::Duration;

use common::{fixture, real_resume, resumec};
use resumec::build::{BuildError, BuildOptions, build};
use resumec::diagnostic::{self, SourceFile};
use resumec::render::layouts::Layouts;
use resumec::render::{Engine, Format};

/// Bytes a single-byte mutation writes: YAML indicators, whitespace, and
/// bytes that make the file invalid UTF-8 (a stray continuation byte, a
/// lead byte without its continuation, 0xFF).
const REPLACEMENTS: &[u8] = b"\xff\x80\xc3:\n\"'[{-#&*!|>\t%@ ?\x00";

/// Every mutant of `original`, named by how it was made.
fn mutants(original: &str) -> Vec<(String, Vec<u8>)> {
    let bytes = original.as_bytes();
    let lines: Vec<&str> = original.split_inclusive('\n').collect();
    let mut mutants = Vec::new();
    for end in (0..bytes.len()).step_by(bytes.len() / 100) {
        mutants.push((format!("truncated at byte {end}"), bytes[..end].to_vec()));
    }
    for (n, at) in (0..bytes.len()).step_by(bytes.len() / 150).enumerate() {
        let replacement = REPLACEMENTS[n % REPLACEMENTS.len()];
        let mut mutant = bytes.to_vec();
        mutant[at] = replacement;
        mutants.push((format!("byte {at} set to {replacement:#04x}"), mutant));
    }
    for line in (0..lines.len()).step_by(3) {
        let mut deleted = lines.clone();
        deleted.remove(line);
        mutants.push((
            format!("line {} deleted", line + 1),
            deleted.concat().into(),
        ));
        let mut duplicated = lines.clone();
        duplicated.insert(line, lines[line]);
        mutants.push((
            format!("line {} duplicated", line + 1),
            duplicated.concat().into(),
        ));
    }
    let blocks = top_level_blocks(&lines);
    for (i, block) in blocks.iter().enumerate() {
        let mut duplicated = blocks.clone();
        duplicated.insert(i, block.clone());
        mutants.push((
            format!("top-level block {i} duplicated"),
            duplicated.concat().into(),
        ));
    }
    let orders = [
        ("reversed", blocks.iter().rev().cloned().collect::<Vec<_>>()),
        ("rotated", {
            let mut rotated = blocks.clone();
            rotated.rotate_left(1);
            rotated
        }),
    ];
    for (how, order) in orders {
        mutants.push((format!("top-level keys {how}"), order.concat().into()));
    }
    mutants
}

/// The file cut before each top-level key after the first; comments stay
/// with the key above them, the leading ones with the first key.
fn top_level_blocks(lines: &[&str]) -> Vec<String> {
    let mut blocks = vec![String::new()];
    let mut seen_key = false;
    for line in lines {
        let starts_key = line.starts_with(char::is_alphanumeric);
        if starts_key && seen_key {
            blocks.push(String::new());
        }
        seen_key |= starts_key;
        blocks.last_mut().unwrap().push_str(line);
    }
    blocks
}

/// Whether `report` points into `name` at a `line:col`.
fn is_located(report: &str, name: &str) -> bool {
    report
        .match_indices(&format!("{name}:"))
        .any(|(at, found)| {
            let rest = &report[at + found.len()..];
            let mut parts = rest.splitn(3, ':');
            let line = parts.next().unwrap_or_default();
            let col: String = parts
                .next()
                .unwrap_or_default()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) && !col.is_empty()
        })
}

#[test]
fn generated_mutants_build_or_are_refused_with_a_location() {
    let original = fs::read_to_string(real_resume()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("resume.yaml");
    let options = BuildOptions {
        out_dir: dir.path().join("out"),
        formats: vec![Format::Html, Format::Md, Format::Txt],
        layouts: Layouts::default(),
        engine: Engine::Native,
        typst: None,
        typst_timeout: Duration::from_secs(60),
        allow_typst_packages: false,
        variants: Vec::new(),
        all_variants: false,
        languages: Vec::new(),
        all_languages: false,
        letters: true,
        explain: false,
        force: true,
        paper: None,
        creation_date: None,
        pdf_standards: Vec::new(),
        overrides: Vec::new(),
    };
    let mutants = mutants(&original);
    assert!(mutants.len() > 350, "{} mutants", mutants.len());
    let (mut built, mut refused, mut unlocated) = (0, 0, Vec::new());
    for (how, bytes) in &mutants {
        fs::write(&input, bytes).unwrap();
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| build(&input, &options)))
            .unwrap_or_else(|_| panic!("{how}: panicked"));
        match result {
            Ok(_) => built += 1,
            Err(BuildError::Invalid {
                source,
                diagnostics,
            }) => {
                let name = source.name();
                let file = SourceFile {
                    name: &name,
                    text: &source.text,
                };
                let report = diagnostic::render(&file, &diagnostics);
                if !is_located(&report, &name) {
                    unlocated.push(format!("{how}:\n{report}"));
                }
                refused += 1;
            }
            Err(other) => panic!("{how}: {other:?}"),
        }
    }
    assert!(
        unlocated.is_empty(),
        "{} refused without a location, such as\n{}",
        unlocated.len(),
        unlocated[..unlocated.len().min(5)].join("\n")
    );
    // Both outcomes are exercised, so the corpus tests something either way.
    assert!(
        built > 50 && refused > 100,
        "{built} built, {refused} refused"
    );
}

/// The curated mutants, through the real binary.
#[test]
fn committed_mutants_never_panic_and_are_located() {
    let mut checked = 0;
    for entry in fs::read_dir(fixture("mutations")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let dir = tempfile::tempdir().unwrap();
        fs::copy(&path, dir.path().join(&name)).unwrap();
        let validated = run(dir.path(), &["validate", &name], &name);
        let built = run(
            dir.path(),
            &[
                "build",
                &name,
                "--engine",
                "native",
                "--format",
                "txt,md,html",
            ],
            &name,
        );
        assert_eq!(validated, built, "{name}: validate and build disagree");
        assert_eq!(
            dir.path().join("out").exists(),
            built == 0,
            "{name}: a failed build wrote files, or a good one wrote none"
        );
        checked += 1;
    }
    assert!(checked >= 20, "{checked} committed mutants");
}

/// Runs resumec in `dir`, asserting no panic and a located error when the
/// input is refused; returns the exit status.
fn run(dir: &Path, args: &[&str], name: &str) -> i32 {
    let output = resumec(dir)
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{name} {args:?}: exit {code:?}\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    if code == Some(1) {
        assert!(is_located(&stderr, name), "{name}: not located:\n{stderr}");
    }
    code.unwrap()
}
