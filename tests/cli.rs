//! The real binary on the real résumé and on every class of bad input.

mod common;

use std::fs;

use common::{
    assert_expected, expectations, fixture, hostile_strings, portfolio_facts, real_resume, resumec,
    squash,
};
use predicates::str::contains;

/// Lines of the portfolio page that are the website's own chrome, not résumé facts.
const PAGE_CHROME: &[&str] = &[
    "Billing, ledgers, payouts, and event-driven platforms built for high-volume production systems.",
    "Payments, ledgers, payouts, and event-driven platforms—shipping under real reliability and scale constraints.",
    "Backend-first, with production experience across payments, ledgers, and high-throughput event pipelines.",
    "Whether you're hiring, collaborating on a platform, or comparing notes on billing architecture—reach out.",
    "Based in Northern Virginia. Open to strategic IC roles and staff+ platform work.",
];

/// Every bullet and every paragraph of the portfolio page.
fn portfolio_lines() -> Vec<String> {
    let page = fs::read_to_string(fixture("portfolio.txt")).unwrap();
    page.lines()
        .map(str::trim)
        .filter_map(|line| match line.strip_prefix("• ") {
            Some(item) => Some(item.to_owned()),
            None if line.len() > 60 && !PAGE_CHROME.contains(&line) => Some(line.to_owned()),
            None => None,
        })
        .collect()
}

fn build_real(formats: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--format",
            formats,
        ])
        .assert()
        .success()
        .stdout(contains("wrote out/resume.txt").or(contains("wrote out/resume.md")));
    dir
}

#[test]
fn real_resume_validates_with_only_placeholder_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .args(["validate", real_resume().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("warning:").count(), 2, "{stderr}");
    assert!(
        stderr.contains("`Your Name` is a placeholder name"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`you@example.com` is a placeholder e-mail address"),
        "{stderr}"
    );
    assert!(stderr.contains("resume.yaml:7:9"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn plain_text_carries_every_fact_of_the_portfolio() {
    let dir = build_real("txt");
    let text = fs::read_to_string(dir.path().join("out/resume.txt")).unwrap();
    let flat = squash(&text);
    for line in portfolio_lines() {
        assert!(flat.contains(&squash(&line)), "missing from txt: {line}");
    }
    for fact in portfolio_facts() {
        assert!(flat.contains(&squash(&fact)), "missing from txt: {fact}");
    }
    assert!(
        text.lines().all(|line| line.chars().count() <= 78),
        "a line is over 78 columns"
    );
    for markup in ["**", "`", "](", "<", "#"] {
        assert!(!text.contains(markup), "markup {markup:?} in plain text");
    }
}

#[test]
fn markdown_carries_every_fact_with_headings_per_section() {
    let dir = build_real("md");
    let markdown = fs::read_to_string(dir.path().join("out/resume.md")).unwrap();
    // Undo Markdown escaping to compare with the source text.
    let unescaped = squash(&markdown.replace(['\\', '`'], ""));
    for line in portfolio_lines() {
        assert!(
            unescaped.contains(&squash(&line)),
            "missing from md: {line}"
        );
    }
    for heading in [
        "## Experience",
        "## Selected Projects",
        "## Skills",
        "## Education",
        "## About",
        "## Focus Areas",
    ] {
        assert!(markdown.contains(&format!("\n{heading}\n")), "no {heading}");
    }
    assert!(markdown.starts_with("# Your Name\n"));
}

#[test]
fn outputs_are_byte_identical_across_builds() {
    let first = build_real("txt,md");
    let second = build_real("txt,md");
    for name in ["resume.txt", "resume.md"] {
        let a = fs::read(first.path().join("out").join(name)).unwrap();
        let b = fs::read(second.path().join("out").join(name)).unwrap();
        assert_eq!(a, b, "{name} differs between builds");
    }
}

/// Each fixture in tests/fixtures/bad starts with `# expect: LINE: TEXT` lines.
#[test]
fn every_bad_input_is_located_and_explained() {
    let bad = fixture("bad");
    let mut checked = 0;
    for entry in fs::read_dir(&bad).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let expectations = expectations(&text);
        assert!(
            !expectations.is_empty(),
            "{} has no expectations",
            path.display()
        );
        let dir = tempfile::tempdir().unwrap();
        let output = resumec(dir.path())
            .args(["build", path.to_str().unwrap(), "--format", "txt,md"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{}: {stderr}",
            path.display()
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_expected(&path, &expectations, &stderr);
        assert!(
            !dir.path().join("out").exists(),
            "{}: output written",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 10);
}

#[test]
fn a_failed_build_leaves_existing_outputs_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("resume.yaml");
    fs::copy(real_resume(), &input).unwrap();
    resumec(dir.path())
        .args(["build", "--format", "txt,md"])
        .assert()
        .success();
    let before = fs::read(dir.path().join("out/resume.txt")).unwrap();
    fs::write(&input, "basics:\n  name: Ada\n  nmae: typo\n").unwrap();
    resumec(dir.path())
        .args(["build", "--format", "txt,md"])
        .assert()
        .code(1);
    assert_eq!(fs::read(dir.path().join("out/resume.txt")).unwrap(), before);
    let names: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|name| name.ends_with(".tmp")),
        "temp files left behind: {names:?}"
    );
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn invalid_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.yaml"), b"basics:\n  name: Ad\xffa\n").unwrap();
    resumec(dir.path())
        .args(["validate", "r.yaml"])
        .assert()
        .code(1)
        .stderr(contains("not valid UTF-8").and(contains("r.yaml:2:11")));
}

#[test]
fn a_long_line_is_shown_cut_around_the_caret_with_its_real_column() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(200_000);
    let yaml = format!("basics:\n  name: Ada\n  email: ada@a.dev\nsummary: {long}: y\n");
    fs::write(dir.path().join("r.yaml"), yaml).unwrap();
    let assert = resumec(dir.path())
        .args(["validate", "r.yaml"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("r.yaml:4:200010"), "{stderr}");
    assert!(stderr.len() < 2_000, "{} bytes of stderr", stderr.len());
    let shown = stderr.lines().find(|l| l.starts_with("4 │ ")).unwrap();
    assert_eq!(shown, format!("4 │ …{}: y", "x".repeat(100)));
}

#[test]
fn problems_after_a_block_of_accented_lines_are_located_exactly() {
    // The YAML parser counts a block scalar's lines in bytes, not
    // characters; every position after one used to drift.
    let dir = tempfile::tempdir().unwrap();
    for newline in ["\n", "\r\n"] {
        let yaml = [
            "basics:",
            "  name: Ada",
            "  email: ada@a.dev",
            "summary: |-",
            "  Après plusieurs années, j'ai décidé de devenir indépendant.",
            "",
            "   Mon but est d'aider des équipes — à leur rythme.",
            "experience:",
            "  - company: Acme",
            "    title: Engineer",
            "    start: 09/2016",
            "",
        ]
        .join(newline);
        fs::write(dir.path().join("r.yaml"), yaml).unwrap();
        resumec(dir.path())
            .args(["validate", "r.yaml"])
            .assert()
            .code(1)
            .stderr(contains("r.yaml:11:12").and(contains("11 │     start: 09/2016")));
    }
}

#[test]
fn snippets_show_control_characters_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    // "basics:" in UTF-16: every other byte is a NUL.
    let utf16: Vec<u8> = "\u{feff}basics:\n  name: Ada\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(dir.path().join("r.yaml"), utf16).unwrap();
    let assert = resumec(dir.path())
        .args(["validate", "r.yaml"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains(r"b\u{0}a\u{0}s\u{0}"), "{stderr}");
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
}

#[test]
fn deep_nesting_and_huge_files_are_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "basics: {{name: Ada}}\nabout: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    fs::write(dir.path().join("deep.yaml"), deep).unwrap();
    resumec(dir.path())
        .args(["validate", "deep.yaml"])
        .assert()
        .code(1)
        .stderr(contains("nests deeper than").and(contains("deep.yaml:2:")));
    let huge = format!("basics: {{name: Ada}}\n# {}\n", "x".repeat(5 * 1024 * 1024));
    fs::write(dir.path().join("huge.yaml"), huge).unwrap();
    resumec(dir.path())
        .args(["validate", "huge.yaml"])
        .assert()
        .code(1)
        .stderr(contains("are refused"));
}

/// Endless inputs stop at the size cap: every file resumec reads (the
/// résumé, a JSON Resume document, a job posting) is read in bounded memory.
#[test]
fn endless_inputs_are_refused_at_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    fs::write(dir.path().join("r.yaml"), "basics: {name: Ada}\n").unwrap();
    for args in [
        &["validate", "/dev/zero"][..],
        &["import", "/dev/zero"],
        &["tailor", "/dev/zero", "r.yaml"],
    ] {
        resumec(dir.path())
            .args(args)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .failure()
            .stderr(contains("larger than 4194304 bytes"));
    }
}

/// `yes | resumec validate /dev/stdin`: a pipe that never ends.
#[test]
fn an_endless_pipe_is_refused_at_the_size_cap() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("resumec"))
        .args(["validate", "/dev/stdin"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"y\n".repeat(4096);
        // Ends when resumec stops reading and the pipe breaks.
        while stdin.write_all(&line).is_ok() {}
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("larger than 4194304 bytes"), "{stderr}");
}

#[test]
fn missing_files_and_directories_are_io_errors() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["validate", "nope.yaml"])
        .assert()
        .code(3)
        .stderr(contains("nope.yaml not found"));
    resumec(dir.path())
        .args(["build", "."])
        .assert()
        .code(3)
        .stderr(contains("is a directory"));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("r.yaml"),
        "\u{feff}basics:\r\n  name: Ada\r\n  email: a@ada.dev\r\n",
    )
    .unwrap();
    resumec(dir.path())
        .args(["build", "r.yaml", "--format", "txt"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(dir.path().join("out/r.txt"))
            .unwrap()
            .starts_with("ADA\n")
    );
}

#[test]
fn usage_errors_exit_2_and_help_has_examples() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", "--format", "rtf"])
        .assert()
        .code(2);
    for command in ["validate", "build"] {
        resumec(dir.path())
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(contains("Example"));
    }
}

#[test]
fn formats_are_read_in_any_case_with_spaces_and_unknown_ones_get_the_closest() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap()])
        .args(["--format", "TXT, Md", "--format", " html"])
        .assert()
        .success();
    for name in ["resume.txt", "resume.md", "resume.html"] {
        assert!(dir.path().join("out").join(name).is_file(), "{name}");
    }
    assert!(!dir.path().join("out/resume.pdf").exists());
    for (unknown, closest) in [("doc", "docx"), ("markdown", "md"), ("htlm", "html")] {
        resumec(dir.path())
            .args(["build", "--format", unknown])
            .assert()
            .code(2)
            .stderr(contains(format!(
                "unknown format `{unknown}`; did you mean `{closest}`?"
            )));
    }
}

#[test]
fn hostile_text_prints_literally_in_text_and_is_escaped_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("r.yaml"),
        fs::read(fixture("hostile.yaml")).unwrap(),
    )
    .unwrap();
    resumec(dir.path())
        .args(["build", "r.yaml", "--format", "txt,md"])
        .assert()
        .success();
    let text = fs::read_to_string(dir.path().join("out/r.txt")).unwrap();
    let markdown = fs::read_to_string(dir.path().join("out/r.md")).unwrap();
    let flat = squash(&text);
    for hostile in hostile_strings() {
        assert!(flat.contains(&hostile), "txt lost {hostile}:\n{text}");
    }
    assert!(
        markdown.contains("\\<script\\>alert(1)\\</script\\>"),
        "{markdown}"
    );
    assert!(markdown.contains("\\#panic(\"x\")"), "{markdown}");
    assert!(
        markdown.contains("\\[click\\](javascript:alert(1))"),
        "{markdown}"
    );
}

#[test]
fn the_committed_schema_is_what_the_binary_prints() {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path()).arg("schema").output().unwrap();
    assert!(output.status.success());
    let committed = fs::read_to_string(real_resume().with_file_name("resume.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        committed,
        "run `resumec schema > resume.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema["additionalProperties"], serde_json::json!(false));
    assert!(schema["properties"]["experience"]["description"].is_string());
}

#[test]
fn a_layouts_directory_replaces_templates_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("mine/markdown")).unwrap();
    fs::write(
        dir.path().join("mine/markdown/resume.hbs"),
        "Custom: {{name}}\n",
    )
    .unwrap();
    resumec(dir.path())
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--format",
            "md,txt",
            "--layouts",
            "mine",
        ])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("out/resume.md")).unwrap(),
        "Custom: Your Name\n"
    );
    // A typo in a template is an error, not a blank, and nothing is written.
    fs::write(dir.path().join("mine/markdown/resume.hbs"), "{{nmae}}\n").unwrap();
    fs::remove_dir_all(dir.path().join("out")).unwrap();
    resumec(dir.path())
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--format",
            "md",
            "--layouts",
            "mine",
        ])
        .assert()
        .code(3)
        .stderr(contains("nmae"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn new_writes_a_starter_that_builds_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["new", "cv.yaml"])
        .assert()
        .success();
    resumec(dir.path())
        .args(["build", "cv.yaml", "--format", "txt,md"])
        .assert()
        .success()
        .stderr(contains("placeholder name"));
    let before = fs::read(dir.path().join("cv.yaml")).unwrap();
    resumec(dir.path())
        .args(["new", "cv.yaml"])
        .assert()
        .code(3)
        .stderr(contains("already exists"));
    assert_eq!(fs::read(dir.path().join("cv.yaml")).unwrap(), before);
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        resumec(dir.path())
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(contains("all-variants"));
    }
    resumec(dir.path())
        .arg("man")
        .assert()
        .success()
        .stdout(contains(".TH resumec 1"));
}

/// The `resumec-COMMAND(N)` pages a man page refers to.
fn referenced_pages(page: &str) -> Vec<(String, String)> {
    let text = page.replace("\\-", "-");
    let mut found = Vec::new();
    for (at, _) in text.match_indices("resumec-") {
        let rest = &text[at + "resumec-".len()..];
        let name: String = rest.chars().take_while(char::is_ascii_lowercase).collect();
        let section = rest[name.len()..]
            .strip_prefix('(')
            .and_then(|s| s.split_once(')'));
        if let Some((section, _)) = section.filter(|(s, _)| s.chars().all(|c| c.is_ascii_digit())) {
            found.push((name, section.to_owned()));
        }
    }
    found
}

#[test]
fn every_man_page_the_main_page_names_exists() {
    let dir = tempfile::tempdir().unwrap();
    let page = |args: &[&str]| {
        let output = resumec(dir.path()).arg("man").args(args).output().unwrap();
        assert!(output.status.success(), "man {args:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let main = page(&[]);
    let referenced = referenced_pages(&main);
    for command in [
        "validate", "build", "variants", "lint", "tailor", "import", "export", "man",
    ] {
        assert!(
            referenced.contains(&(command.to_owned(), "1".to_owned())),
            "{command}"
        );
    }
    assert!(
        !referenced.iter().any(|(name, _)| name == "help"),
        "no page for `help`"
    );
    for (name, section) in &referenced {
        let sub = page(&[name]);
        assert!(
            sub.contains(&format!(".TH resumec-{name} {section}")),
            "{sub}"
        );
        for pointer in referenced_pages(&sub) {
            assert!(
                referenced.contains(&pointer),
                "resumec-{name} names {pointer:?}"
            );
        }
    }
    let build = page(&["build"]);
    for option in ["all\\-variants", "format", "allow\\-typst\\-packages"] {
        assert!(
            build.contains(option),
            "{option} missing from resumec-build(1)"
        );
    }
    resumec(dir.path())
        .args(["man", "nope"])
        .assert()
        .code(2)
        .stderr(contains("there is no command `nope`"));
}

#[test]
fn an_unchanged_rebuild_writes_nothing_until_forced_or_changed() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(real_resume(), dir.path().join("resume.yaml")).unwrap();
    let build = |extra: &[&str]| {
        let output = resumec(dir.path())
            .args(["build", "--format", "txt,md"])
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let modified = || {
        fs::metadata(dir.path().join("out/resume.txt"))
            .unwrap()
            .modified()
            .unwrap()
    };
    assert!(build(&[]).contains("wrote out/resume.txt"));
    let first = modified();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(build(&[]).contains("up to date"));
    assert_eq!(modified(), first, "an up-to-date build rewrote its output");
    assert!(build(&["--force"]).contains("wrote out/resume.txt"));
    assert!(
        build(&["--paper", "a4"]).contains("wrote out/resume.md"),
        "other options rebuild"
    );
    let edited = fs::read_to_string(dir.path().join("resume.yaml"))
        .unwrap()
        .replace("Northern Virginia", "Richmond");
    fs::write(dir.path().join("resume.yaml"), edited).unwrap();
    assert!(build(&[]).contains("wrote out/resume.txt"));
    fs::remove_file(dir.path().join("out/resume.md")).unwrap();
    assert!(
        build(&[]).contains("wrote out/resume.md"),
        "a deleted output is rebuilt"
    );
}

/// Only the fictional 555-01xx range and obvious fillers are placeholder
/// phone numbers; a real number that contains 555 is not.
#[test]
fn only_fictional_phone_numbers_are_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    for (phone, placeholder) in [
        ("+49 30 5557 1234", false),
        ("(202) 555-0143", true),
        ("000 000 0000", true),
    ] {
        let yaml = format!(
            "basics:\n  name: Ada\n  email: ada@ada.dev\n  phone: \"{phone}\"\n  website: https://ada.dev\n"
        );
        fs::write(dir.path().join("r.yaml"), yaml).unwrap();
        let output = resumec(dir.path())
            .args(["validate", "r.yaml"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        assert_eq!(
            stderr.contains("looks like a placeholder phone number"),
            placeholder,
            "{phone}: {stderr}"
        );
        assert_eq!(
            stderr.matches("help: put your phone number").count(),
            usize::from(placeholder)
        );
    }
}

/// A JSON Resume document that starts with a byte-order mark imports, as a
/// resume.yaml with one loads.
#[test]
fn a_byte_order_mark_is_accepted_in_json_and_yaml() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("r.json"),
        "\u{feff}{\"basics\": {\"name\": \"Ada\", \"email\": \"ada@ada.dev\"}}",
    )
    .unwrap();
    resumec(dir.path())
        .args(["import", "r.json", "-o", "r.yaml"])
        .assert()
        .success();
    let yaml = fs::read_to_string(dir.path().join("r.yaml")).unwrap();
    fs::write(dir.path().join("bom.yaml"), format!("\u{feff}{yaml}")).unwrap();
    resumec(dir.path())
        .args(["validate", "bom.yaml"])
        .assert()
        .success();
}

#[test]
fn set_refuses_to_change_one_place_of_a_repeated_anchor() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.yaml"),
        "basics:\n  name: Ada Quux\n  email: ada@quux.dev\n\
         education:\n  - &school {degree: BSc, institution: Uni}\n  - *school\n",
    )
    .unwrap();
    resumec(dir.path())
        .args(["validate", "r.yaml", "--set", "education.1.degree=MSc"])
        .assert()
        .code(1)
        .stderr(contains("--set education.1.degree").and(contains("repeats an anchor")));
    resumec(dir.path())
        .args(["validate", "r.yaml", "--set", "education.0.degree=MSc"])
        .assert()
        .success();
}
