//! Helpers shared by the integration tests: the real binary in a temp dir.
#![allow(dead_code)]

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use wait_timeout::ChildExt;

/// The repository's real résumé.
pub fn real_resume() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("resume.yaml")
}

/// A fixture under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `resumec` with the given arguments, run in `dir`.
pub fn resumec(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("resumec").expect("binary builds");
    command.current_dir(dir);
    command
}

/// Text as it can be compared with what pdftotext reads from a PDF: the
/// bidi embedding marks it adds around right-to-left runs dropped, and the
/// letters of the Arabic lam-alef ligature dropped too (pdftotext reads
/// that one glyph back with its two letters in either order).
pub fn readable(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .filter(|c| !matches!(c, 'ل' | 'ا' | 'آ' | 'أ' | 'إ'))
        .collect()
}

/// The text of an HTML page, as a browser reads its entities.
pub fn html_text(html: &str) -> String {
    let page = scraper::Html::parse_document(html);
    page.root_element().text().collect::<Vec<_>>().join(" ")
}

/// The body XML of a Word file, its entities read.
pub fn docx_text(path: &Path) -> String {
    let file = File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    [
        ("&apos;", "'"),
        ("&quot;", "\""),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(xml, |xml, (entity, text)| xml.replace(entity, text))
}

/// Every bullet, project, skill and date the portfolio page states, as the
/// résumé holds them (read from resume.yaml by hand, not from the code).
pub fn portfolio_facts() -> Vec<String> {
    let text = std::fs::read_to_string(real_resume()).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let mut facts = vec![
        "Apr 2023".to_owned(),
        "Jun 2018".to_owned(),
        "Present".to_owned(),
        "University of Virginia".to_owned(),
        "B.S. in Computer Science".to_owned(),
        "Northern Virginia".to_owned(),
    ];
    let strings = |value: &serde_yaml::Value| -> Vec<String> {
        value
            .as_sequence()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    for job in yaml["experience"].as_sequence().unwrap() {
        facts.push(job["company"].as_str().unwrap().to_owned());
        facts.push(job["title"].as_str().unwrap().to_owned());
        for group in job["groups"].as_sequence().unwrap() {
            facts.push(group["name"].as_str().unwrap().to_owned());
            facts.extend(strings(&group["bullets"]));
            facts.extend(strings(&group["technologies"]));
        }
    }
    for project in yaml["projects"].as_sequence().unwrap() {
        facts.push(project["name"].as_str().unwrap().to_owned());
        facts.push(project["subtitle"].as_str().unwrap().to_owned());
        facts.extend(strings(&project["technologies"]));
        facts.extend(strings(&project["concepts"]));
    }
    for group in yaml["skills"].as_sequence().unwrap() {
        facts.push(group["category"].as_str().unwrap().to_owned());
        facts.extend(strings(&group["items"]));
    }
    facts.extend(strings(&yaml["focus_areas"]));
    facts
}

/// Collapses runs of whitespace so wrapped text compares with the source.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Strings of tests/fixtures/hostile.yaml that every format must print
/// literally, one a line in tests/fixtures/hostile_strings.txt (which the
/// inline markup's unit tests read too).
pub fn hostile_strings() -> Vec<String> {
    let list = std::fs::read_to_string(fixture("hostile_strings.txt")).unwrap();
    list.lines().map(str::to_owned).collect()
}

/// Asserts that text extracted from a PDF carries every fact of the résumé,
/// with its typographic characters intact.
pub fn assert_every_fact(extracted: &str) {
    let text = squash(extracted);
    for fact in portfolio_facts() {
        assert!(
            text.contains(&squash(&fact)),
            "missing from the PDF: {fact}"
        );
    }
    assert!(
        text.contains("Lyft’s trip processing workflow"),
        "curly apostrophe lost"
    );
    assert!(text.contains("backends—building"), "em dash lost");
}

/// Jobs, titles, group names and bullets of resume.yaml in file order, read
/// from the file by hand (technologies repeat, so they are not ordered).
pub fn ordered_facts() -> Vec<String> {
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(real_resume()).unwrap()).unwrap();
    let mut facts = Vec::new();
    for job in yaml["experience"].as_sequence().unwrap() {
        facts.push(job["company"].as_str().unwrap().to_owned());
        facts.push(job["title"].as_str().unwrap().to_owned());
        for group in job["groups"].as_sequence().unwrap() {
            facts.push(group["name"].as_str().unwrap().to_owned());
            for bullet in group["bullets"].as_sequence().unwrap() {
                facts.push(bullet.as_str().unwrap().to_owned());
            }
        }
    }
    for project in yaml["projects"].as_sequence().unwrap() {
        facts.push(project["name"].as_str().unwrap().to_owned());
    }
    facts
}

/// Every fact of the résumé is in `text`, and the ordered ones in order.
pub fn assert_facts_in_order(text: &str, what: &str) {
    let flat = squash(text);
    for fact in portfolio_facts() {
        assert!(flat.contains(&squash(&fact)), "{what}: missing {fact}");
    }
    let mut from = 0;
    for fact in ordered_facts() {
        let at = flat[from..]
            .find(&squash(&fact))
            .unwrap_or_else(|| panic!("{what}: `{fact}` is out of order"));
        from += at + squash(&fact).len();
    }
}

/// The `# expect: LINE: TEXT` lines a fixture starts with, as (LINE, TEXT):
/// each TEXT must be in resumec's messages, located at LINE of the fixture
/// when LINE is above 0.
pub fn expectations(fixture_text: &str) -> Vec<(usize, &str)> {
    fixture_text
        .lines()
        .filter_map(|line| line.strip_prefix("# expect: "))
        .map(|rest| {
            let (line, message) = rest.split_once(": ").expect("`# expect: LINE: TEXT`");
            (line.parse().expect("a line number"), message)
        })
        .collect()
}

/// Asserts that `stderr` says what the fixture at `path` expects, each
/// message with a line at `NAME:LINE:`.
pub fn assert_expected(path: &Path, expectations: &[(usize, &str)], stderr: &str) {
    let name = path.file_name().unwrap().to_str().unwrap();
    for &(line, message) in expectations {
        assert!(
            stderr.contains(message),
            "{name}: no {message:?} in\n{stderr}"
        );
        if line > 0 {
            assert!(
                stderr.contains(&format!("{name}:{line}:")),
                "{name}: not at line {line}:\n{stderr}"
            );
        }
    }
}

/// Builds `input` as PDF with `engine` into `dir/out`, returning the PDF's path.
pub fn build_pdf(dir: &Path, input: &Path, engine: &str, extra: &[&str]) -> PathBuf {
    resumec(dir)
        .args([
            "build",
            input.to_str().unwrap(),
            "--format",
            "pdf",
            "--engine",
            engine,
        ])
        .args(extra)
        .env_remove("SOURCE_DATE_EPOCH")
        .assert()
        .success()
        .stdout(predicates::str::contains(" page"));
    let stem = input.file_stem().unwrap().to_str().unwrap();
    dir.join("out").join(format!("{stem}.pdf"))
}

/// Builds the real résumé's PDF with `engine` twice, in two directories,
/// and asserts the two files are the same to the byte.
pub fn assert_two_builds_are_byte_identical(engine: &str) {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let a = std::fs::read(build_pdf(first.path(), &real_resume(), engine, &[])).unwrap();
    let b = std::fs::read(build_pdf(second.path(), &real_resume(), engine, &[])).unwrap();
    assert!(a == b, "{engine} PDFs differ between builds");
}

/// What poppler's `program` (`pdftotext`, `pdfinfo`, `pdffonts`, …) prints
/// of `pdf` given `args`; it must succeed.
pub fn poppler(program: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = std::process::Command::new(program);
    command.args(args).arg(pdf);
    if program == "pdftotext" {
        command.arg("-");
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{program} (poppler-utils) does not run: {e}"));
    assert!(
        output.status.success(),
        "{program} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The text of a PDF, as poppler's `pdftotext` extracts it.
pub fn pdftotext(pdf: &Path) -> String {
    pdftotext_with(&[], pdf)
}

/// The text of a PDF as `pdftotext` extracts it given `options`
/// (`-layout`, `-raw`, `-bbox`, `-f N`, …).
pub fn pdftotext_with(options: &[&str], pdf: &Path) -> String {
    let args: Vec<&str> = ["-enc", "UTF-8"].iter().chain(options).copied().collect();
    poppler("pdftotext", &args, pdf)
}

/// What poppler's `pdfinfo` says of a PDF.
pub fn pdfinfo(pdf: &Path) -> String {
    poppler("pdfinfo", &[], pdf)
}

/// The page count `pdfinfo` reports.
pub fn pdf_pages(pdf: &Path) -> usize {
    let info = pdfinfo(pdf);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("a page count");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// Where Debian installs Chromium.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// A Chromium run that takes longer than this is killed (a hang, not a result).
pub const CHROMIUM_LIMIT: Duration = Duration::from_secs(120);

/// Headless Chromium with `args` after the flags every run needs (we run as
/// root, offline, with a fresh profile). Stdout and stderr go through files so
/// a chatty browser cannot block on a full pipe.
pub fn chromium(args: &[&str]) -> Output {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: these tests need Debian's chromium package"
    );
    let scratch = tempfile::tempdir().unwrap();
    let profile = scratch.path().join("profile");
    let stdout_path = scratch.path().join("stdout");
    let stderr_path = scratch.path().join("stderr");
    let mut child = std::process::Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).unwrap())
        .stderr(File::create(&stderr_path).unwrap())
        .spawn()
        .expect("chromium starts");
    let status = match child.wait_timeout(CHROMIUM_LIMIT).unwrap() {
        Some(status) => status,
        None => {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium {args:?} did not finish within {CHROMIUM_LIMIT:?}");
        }
    };
    Output {
        status,
        stdout: fs::read(&stdout_path).unwrap(),
        stderr: fs::read(&stderr_path).unwrap(),
    }
}

/// `file://` URL of an absolute path.
pub fn file_url(path: &Path) -> String {
    assert!(path.is_absolute(), "{}", path.display());
    format!("file://{}", path.display())
}

/// Lines of Chromium's log that report a console message of `url` or an
/// uncaught exception.
pub fn console_errors(page_url: &str) -> Vec<String> {
    let output = chromium(&[
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=2000",
        "--dump-dom",
        page_url,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|line| {
            line.contains("Uncaught")
                || (line.to_ascii_lowercase().contains("console") && line.contains(page_url))
        })
        .map(str::to_owned)
        .collect()
}

/// Where Debian installs LibreOffice.
const SOFFICE: &str = "/usr/bin/soffice";

/// A conversion that takes longer than this is a hang, not a result.
const SOFFICE_LIMIT: Duration = Duration::from_secs(180);

/// The PDF LibreOffice makes of `docx`, in a private profile so that tests
/// running at once do not share one.
pub fn libreoffice_pdf(docx: &Path) -> PathBuf {
    assert!(
        Path::new(SOFFICE).exists(),
        "{SOFFICE} is missing: these tests need Debian's libreoffice-writer-nogui"
    );
    let stem = docx.file_stem().unwrap().to_str().unwrap();
    let scratch = docx.parent().unwrap().join(format!("libreoffice-{stem}"));
    let outdir = scratch.join("pdf");
    fs::create_dir_all(&scratch).unwrap();
    let mut child = std::process::Command::new(SOFFICE)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            scratch.join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&outdir)
        .arg(docx)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(File::create(scratch.join("stderr")).unwrap())
        .spawn()
        .expect("soffice starts");
    let status = match child.wait_timeout(SOFFICE_LIMIT).unwrap() {
        Some(status) => status,
        None => {
            child.kill().ok();
            child.wait().ok();
            panic!("soffice did not convert {} in time", docx.display());
        }
    };
    let pdf = outdir.join(docx.with_extension("pdf").file_name().unwrap());
    assert!(
        status.success() && pdf.exists(),
        "LibreOffice did not open {}: {}",
        docx.display(),
        fs::read_to_string(scratch.join("stderr")).unwrap_or_default()
    );
    pdf
}
