//! Dates through the real binary: a year alone wherever a date is allowed,
//! a same-month range printed once, a start in the future warned about.

mod common;

use std::path::Path;

use common::resumec;

const RESUME: &str = "basics:
  name: Ada Quux
  email: ada@quux.dev
experience:
  - company: Acme
    title: Engineer
    start: 2022-12
    end: 2022-12
  - company: Initech
    title: Analyst
    start: 2016
    end: 2019
education:
  - degree: B.Sc. Physics
    institution: Uni
    start: 2012
    end: 2015
awards:
  - title: Best Paper
    date: 2018
variants:
  recent:
    description: Only recent work
    since: 2021
";

fn write(dir: &Path, text: &str) {
    std::fs::write(dir.join("resume.yaml"), text).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("out").join(name)).unwrap()
}

#[test]
fn a_year_alone_prints_as_the_year_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), RESUME);
    resumec(dir.path())
        .args(["build", "--format", "txt,md,html,typ", "--out", "out"])
        .assert()
        .success();
    for name in ["resume.txt", "resume.md", "resume.html"] {
        let text = read(dir.path(), name);
        assert!(text.contains("2016 – 2019"), "{name}:\n{text}");
        assert!(text.contains("2012 – 2015"), "{name}:\n{text}");
        assert!(text.contains("2018"), "{name}:\n{text}");
        assert!(!text.contains("Jan 2016"), "no month is invented: {name}");
    }
}

#[test]
fn a_year_alone_prints_in_both_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), RESUME);
    for engine in ["native", "typst"] {
        resumec(dir.path())
            .args([
                "build", "--format", "pdf", "--force", "--engine", engine, "--out", "out",
            ])
            .assert()
            .success();
        let text = common::pdftotext(&dir.path().join("out/resume.pdf"));
        assert!(text.contains("2016 – 2019"), "{engine}:\n{text}");
        assert!(!text.contains("Dec 2022 – Dec 2022"), "{engine}:\n{text}");
        assert!(text.contains("Dec 2022"), "{engine}:\n{text}");
    }
}

#[test]
fn a_same_month_range_prints_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), RESUME);
    resumec(dir.path())
        .args(["build", "--format", "txt,md", "--out", "out"])
        .assert()
        .success();
    for name in ["resume.txt", "resume.md"] {
        let text = read(dir.path(), name);
        assert!(text.contains("Dec 2022"), "{name}:\n{text}");
        assert!(!text.contains("Dec 2022 – Dec 2022"), "{name}:\n{text}");
    }
}

#[test]
fn since_takes_a_year_and_compares_whole_years() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), RESUME);
    resumec(dir.path())
        .args([
            "build",
            "--variant",
            "recent",
            "--format",
            "txt",
            "--out",
            "out",
        ])
        .assert()
        .success();
    let text = read(dir.path(), "resume-recent.txt");
    assert!(text.contains("Acme"), "{text}");
    assert!(
        !text.contains("Initech"),
        "ended in 2019, before 2021:\n{text}"
    );
}

#[test]
fn a_start_in_the_future_is_a_located_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), RESUME);
    // 2020-06-01: Acme's start (2022-12) is then in the future.
    let assert = resumec(dir.path())
        .env("SOURCE_DATE_EPOCH", "1590969600")
        .arg("validate")
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("warning: this starts in the future (2022-12)"),
        "{stderr}"
    );
    assert!(stderr.contains("resume.yaml:7:12"), "{stderr}");
    // A year that has begun is not in the future.
    let assert = resumec(dir.path())
        .env("SOURCE_DATE_EPOCH", "1669852800")
        .arg("validate")
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(!stderr.contains("future"), "{stderr}");
}

#[test]
fn gaps_between_years_count_whole_years() {
    let dir = tempfile::tempdir().unwrap();
    let text = RESUME.replace(
        "start: 2022-12\n    end: 2022-12",
        "start: 2020\n    end: present",
    );
    write(dir.path(), &text);
    let assert = resumec(dir.path()).arg("lint").assert();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        !stderr.contains("without a job"),
        "2019 then 2020 leave no gap:\n{stderr}"
    );
    let text = RESUME.replace(
        "start: 2022-12\n    end: 2022-12",
        "start: 2021\n    end: present",
    );
    write(dir.path(), &text);
    let assert = resumec(dir.path()).arg("lint").assert();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("12 months without a job"), "{stderr}");
}

#[test]
fn the_schema_allows_a_year_alone() {
    let dir = tempfile::tempdir().unwrap();
    let assert = resumec(dir.path()).arg("schema").assert().success();
    let schema = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(schema.contains("or `YYYY` for the year alone"), "{schema}");
}

#[test]
fn a_job_missing_one_date_is_named_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "basics:\n  name: Ada Quux\n  email: ada@quux.dev\nexperience:\n  - company: A\n    title: Engineer\n    start: 2020-01\n  - company: B\n    title: Analyst\n    end: 2019-01\n",
    );
    let assert = resumec(dir.path()).arg("validate").assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("warning: this job at A has no `end` date\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: this job at B has no `start` date\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("no an "), "{stderr}");
    assert!(!stderr.contains("no a "), "{stderr}");
}
