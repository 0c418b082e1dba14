//! `resumec import` and `resumec export` against JSON Resume, through the
//! real binary. The schema under tests/fixtures/jsonresume/ is the official
//! one (resume-schema 1.0.1 from npm, MIT); `complete.json` was written by
//! hand to fill every field it defines, plus one it does not.

mod common;

use std::path::Path;

use common::{fixture, real_resume, resumec};
use serde_json::{Value, json};

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every violation of the official JSON Resume schema, formats included.
fn schema_errors(document: &Value) -> Vec<String> {
    let schema = read_json(&fixture("jsonresume/schema.json"));
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the JSON Resume schema compiles");
    validator
        .iter_errors(document)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

fn export(dir: &Path, input: &Path, extra: &[&str]) -> (Value, String) {
    let out = dir.join("resume.json");
    let assert = resumec(dir)
        .arg("export")
        .arg(input)
        .args(["--to", "json-resume", "-o"])
        .arg(&out)
        .args(extra)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    (read_json(&out), stderr)
}

fn import(dir: &Path, input: &Path) -> (std::path::PathBuf, String) {
    let out = dir.join("imported.yaml");
    let assert = resumec(dir)
        .arg("import")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    (out, stderr)
}

#[test]
fn the_real_resume_exports_to_valid_json_resume_with_every_bullet() {
    let dir = tempfile::tempdir().unwrap();
    let (document, stderr) = export(dir.path(), &real_resume(), &[]);
    assert_eq!(schema_errors(&document), Vec::<String>::new());

    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(real_resume()).unwrap()).unwrap();
    let work = document["work"].as_array().unwrap();
    let jobs = yaml["experience"].as_sequence().unwrap();
    assert_eq!(work.len(), jobs.len());
    for (entry, job) in work.iter().zip(jobs) {
        assert_eq!(entry["name"], job["company"].as_str().unwrap());
        assert_eq!(entry["position"], job["title"].as_str().unwrap());
        let bullets: Vec<&str> = job["groups"]
            .as_sequence()
            .unwrap()
            .iter()
            .flat_map(|g| g["bullets"].as_sequence().unwrap())
            .map(|b| b.as_str().or_else(|| b["text"].as_str()).unwrap())
            .collect();
        assert_eq!(entry["highlights"], json!(bullets));
    }
    assert_eq!(work[0]["startDate"], "2023-04");
    assert!(
        work[0].get("endDate").is_none(),
        "a current job has no endDate"
    );
    assert_eq!(work[1]["endDate"], "2023-04");
    // Group names and technologies have no JSON Resume field: reported, with paths.
    assert!(
        stderr.contains("did not carry over to JSON Resume"),
        "{stderr}"
    );
    assert!(
        stderr.contains("experience[0].groups[0].name (Subscription billing platform)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("focus_areas: JSON Resume has no focus areas"),
        "{stderr}"
    );
}

#[test]
fn export_applies_variants() {
    let dir = tempfile::tempdir().unwrap();
    let (document, _) = export(dir.path(), &real_resume(), &["--variant", "public"]);
    assert!(document["basics"].get("email").is_none());
    assert_eq!(document["basics"]["label"], "Senior Software Engineer");
    resumec(dir.path())
        .arg("export")
        .arg(real_resume())
        .args(["--to", "json-resume", "--variant", "pubic"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("did you mean `public`?"));
}

#[test]
fn import_reports_every_field_that_does_not_carry_over() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, stderr) = import(dir.path(), &fixture("jsonresume/complete.json"));
    for lost in [
        "x-favourite-colour: not a JSON Resume field",
        "basics.image:",
        "meta:",
        "interests[0] (Fell running):",
        "references[0] (Tomasz Nowak):",
        "work[0].url:",
        "work[0].description:",
        "work[1].startDate: the day of `2017-09-04` is dropped",
        "volunteer[0].url:",
        "projects[0].startDate:",
        "projects[0].endDate:",
        "projects[0].roles:",
        "projects[0].type:",
        "skills[0].level:",
        "education[0].url:",
        "certificates[0].date: the day of `2020-05-14` is dropped",
        "basics.profiles[1].url: `hachyderm.io/@grace` has no scheme",
    ] {
        assert!(stderr.contains(lost), "{lost} not reported:\n{stderr}");
    }
    assert!(stderr.contains("17 fields of"), "{stderr}");
    assert!(
        !stderr.contains("volunteer[0].startDate"),
        "a year alone crosses as a year:\n{stderr}"
    );
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("start: '2019'"), "{text}");
    assert!(text.contains("name: Grace Okafor"), "{text}");
    assert!(
        text.contains("- volunteer"),
        "volunteer roles carry their tag:\n{text}"
    );
    resumec(dir.path())
        .arg("validate")
        .arg(&yaml)
        .assert()
        .success();
}

#[test]
fn import_then_export_keeps_basics_work_education_and_skills() {
    let dir = tempfile::tempdir().unwrap();
    let original = read_json(&fixture("jsonresume/complete.json"));
    let (yaml, _) = import(dir.path(), &fixture("jsonresume/complete.json"));
    let (round, _) = export(dir.path(), &yaml, &[]);
    assert_eq!(schema_errors(&round), Vec::<String>::new());

    for key in ["name", "label", "email", "phone", "url", "summary"] {
        assert_eq!(
            round["basics"][key], original["basics"][key],
            "basics.{key}"
        );
    }
    assert_eq!(
        round["basics"]["profiles"][0],
        original["basics"]["profiles"][0]
    );
    // Work: names, positions, month-precision dates, highlights (markup characters included).
    let month = |date: &Value| date.as_str().map(|d| d[..7].to_owned());
    let (before, after) = (
        original["work"].as_array().unwrap(),
        round["work"].as_array().unwrap(),
    );
    assert_eq!(before.len(), after.len());
    for (a, b) in before.iter().zip(after) {
        for key in ["name", "position", "highlights", "location", "summary"] {
            assert_eq!(a[key], b[key], "work.{key}");
        }
        assert_eq!(month(&a["startDate"]), month(&b["startDate"]));
        assert_eq!(month(&a["endDate"]), month(&b["endDate"]));
    }
    assert_eq!(
        round["volunteer"][0]["highlights"],
        original["volunteer"][0]["highlights"]
    );
    let school = |doc: &Value| {
        let e = &doc["education"][0];
        json!([
            e["institution"],
            e["area"],
            e["studyType"],
            e["startDate"],
            e["endDate"],
            e["score"],
            e["courses"]
        ])
    };
    assert_eq!(school(&round), school(&original));
    let skills = |doc: &Value| -> Vec<(Value, Value)> {
        doc["skills"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s.get("keywords").is_some())
            .map(|s| (s["name"].clone(), s["keywords"].clone()))
            .collect()
    };
    assert_eq!(skills(&round)[..2], skills(&original)[..]);
    assert_eq!(
        round["certificates"][0]["issuer"],
        original["certificates"][0]["issuer"]
    );
    assert_eq!(
        round["publications"][0]["summary"],
        original["publications"][0]["summary"]
    );
    assert_eq!(round["languages"], original["languages"]);
}

#[test]
fn imported_text_with_markup_characters_prints_literally() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, _) = import(dir.path(), &fixture("jsonresume/complete.json"));
    resumec(dir.path())
        .arg("build")
        .arg(&yaml)
        .args(["--format", "txt", "--out", "out"])
        .assert()
        .success();
    let txt = std::fs::read_to_string(dir.path().join("out/imported.txt")).unwrap();
    let txt = common::squash(&txt);
    assert!(
        txt.contains("writes snake_case Rust and **reads** the RFCs"),
        "{txt}"
    );
    assert!(txt.contains("Rewrote the *ptr-heavy C matcher"), "{txt}");
}

#[test]
fn import_refuses_bad_json_and_existing_files() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"basics\": {\n    \"name\": \"A\",\n  }\n}\n").unwrap();
    resumec(dir.path())
        .arg("import")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("bad.json:4:3"))
        .stdout("");

    let kept = dir.path().join("resume.yaml");
    std::fs::write(&kept, "mine\n").unwrap();
    resumec(dir.path())
        .arg("import")
        .arg(fixture("jsonresume/complete.json"))
        .args(["-o", "resume.yaml"])
        .assert()
        .code(3)
        .stderr(predicates::str::contains("already exists; pass --force"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "mine\n");
    resumec(dir.path())
        .arg("import")
        .arg(fixture("jsonresume/complete.json"))
        .args(["-o", "resume.yaml", "--force"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .contains("Grace Okafor")
    );
}
