//! `resumec import` and `resumec export` against JSON Resume, through the
//! real binary. The schema under tests/fixtures/jsonresume/ is the official
//! one (resume-schema 1.0.1 from npm, MIT); `complete.json` was written by
//! hand to fill every field it defines, plus one it does not.

mod common;

use std::fs;
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
    assert!(stderr.contains("16 fields of"), "{stderr}");
    assert!(
        stderr.contains("work[0].description: the company's description; kept as the first line"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("volunteer[0].startDate"),
        "a year alone crosses as a year:\n{stderr}"
    );
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("start: \"2019\""), "{text}");
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
        for key in ["name", "position", "highlights", "location"] {
            assert_eq!(a[key], b[key], "work.{key}");
        }
        // The company's description leads the job's summary, and stays there.
        let summary = match (a["description"].as_str(), a["summary"].as_str()) {
            (Some(description), Some(summary)) => json!(format!("{description}\n{summary}")),
            _ => a["summary"].clone(),
        };
        assert_eq!(b["summary"], summary, "work.summary");
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

// Real JSON Resume documents from public repositories, vendored under
// tests/fixtures/jsonresume/real/ (repository, path and commit of each in
// SOURCES.md there): older field names, other languages, dates written
// `07/2018` and `heute`, a scheme-less profile link, volunteer roles and
// languages under other names, company descriptions, highlight groups.
const REAL_FILES: [&str; 7] = [
    "0xadada-en.json",
    "oliver-en.json",
    "parra-es.json",
    "schleindlsperger-de.json",
    "selrahcd-fr.json",
    "jesusgoku-es.json",
    "riankawahara-ja.json",
];

/// The text a reader sees in Markdown: text and code, rendered by CommonMark.
fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let words: Vec<String> = Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Text(text) | Event::Code(text) => Some(text.to_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".to_owned()),
            _ => None,
        })
        .collect();
    common::squash(&words.concat())
}

/// Every job and volunteer role (title, employer, company description,
/// summary, highlights, named highlight groups) and every language the JSON
/// holds, read from the JSON itself under any of the names real files use,
/// one line of text each.
fn json_facts(document: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().unwrap_or_default().trim().to_owned();
    let mut facts = Vec::new();
    let mut lines = |value: &Value| {
        for line in text(value).lines().filter(|l| !l.trim().is_empty()) {
            facts.push(common::squash(line));
        }
    };
    let either = |entry: &'_ Value, keys: &[&str]| -> Value {
        let found = keys.iter().map(|key| &entry[*key]).find(|v| !v.is_null());
        found.cloned().unwrap_or(Value::Null)
    };
    lines(&document["basics"]["summary"]);
    let work = document["work"].as_array().into_iter().flatten();
    for job in work.chain(document["volunteer"].as_array().into_iter().flatten()) {
        lines(&job["position"]);
        lines(&either(job, &["name", "company", "organization"]));
        lines(&job["description"]);
        lines(&job["summary"]);
        for highlight in job["highlights"].as_array().into_iter().flatten() {
            lines(highlight);
        }
        for group in job["highlightGroups"].as_array().into_iter().flatten() {
            lines(&group["section"]);
            group["items"]
                .as_array()
                .into_iter()
                .flatten()
                .for_each(&mut lines);
        }
    }
    for language in document["languages"].as_array().into_iter().flatten() {
        lines(&either(language, &["language", "name"]));
        lines(&either(language, &["fluency", "level"]));
    }
    facts
}

#[test]
fn real_files_import_validate_and_print_every_job_highlight_and_summary() {
    for name in REAL_FILES {
        let dir = tempfile::tempdir().unwrap();
        let input = fixture(&format!("jsonresume/real/{name}"));
        let (yaml, _) = import(dir.path(), &input);
        resumec(dir.path())
            .arg("validate")
            .arg(&yaml)
            .assert()
            .success();
        let document = read_json(&input);
        let imported: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&yaml).unwrap()).unwrap();
        let entries = |section: &str| document[section].as_array().map_or(0, Vec::len);
        assert_eq!(
            imported["experience"].as_sequence().unwrap().len(),
            entries("work") + entries("volunteer"),
            "{name}: every job and volunteer role arrives"
        );
        resumec(dir.path())
            .arg("build")
            .arg(&yaml)
            .args(["--format", "txt,md", "--out", "out"])
            .assert()
            .success();
        let txt =
            common::squash(&std::fs::read_to_string(dir.path().join("out/imported.txt")).unwrap());
        let md =
            markdown_text(&std::fs::read_to_string(dir.path().join("out/imported.md")).unwrap());
        let facts = json_facts(&document);
        assert!(facts.len() > 5, "{name}: {facts:?}");
        for fact in facts {
            assert!(
                txt.contains(&fact),
                "{name}: `{fact}` not in the text output:\n{txt}"
            );
            assert!(
                md.contains(&fact),
                "{name}: `{fact}` not in the Markdown output:\n{md}"
            );
        }
    }
}

#[test]
fn a_real_file_with_older_names_prints_every_highlight_in_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("jsonresume/real/schleindlsperger-de.json");
    let (yaml, stderr) = import(dir.path(), &input);
    assert!(
        stderr.contains("work[0].company: an older or alternative name of `name`"),
        "{stderr}"
    );
    assert!(stderr.contains("`heute` read as `present`"), "{stderr}");
    resumec(dir.path())
        .arg("build")
        .arg(&yaml)
        .args(["--format", "pdf", "--engine", "native", "--out", "out"])
        .assert()
        .success();
    let pdf = common::squash(&common::pdftotext(&dir.path().join("out/imported.pdf")));
    for fact in json_facts(&read_json(&input)) {
        assert!(pdf.contains(&fact), "`{fact}` not in the PDF:\n{pdf}");
    }
    // The German text is printed with German months and titles.
    assert!(pdf.contains("Juli 2018 – heute"), "{pdf}");
    assert!(pdf.contains("BERUFSERFAHRUNG"), "{pdf}");
}

/// Writes `json` as `in.json` in `dir` and imports it; returns the exit
/// code, stderr and the written YAML (empty when none was written).
fn import_json(dir: &Path, json: &[u8]) -> (Option<i32>, String, String) {
    std::fs::write(dir.join("in.json"), json).unwrap();
    let output = resumec(dir)
        .args(["import", "in.json", "-o", "out.yaml"])
        .output()
        .unwrap();
    let yaml = std::fs::read_to_string(dir.join("out.yaml")).unwrap_or_default();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code(), stderr, yaml)
}

#[test]
fn older_names_keep_every_job() {
    let dir = tempfile::tempdir().unwrap();
    let json = json!({
        "basics": {"name": "Ada Quux", "email": "ada@quux.dev", "website": "https://quux.dev", "picture": "me.png"},
        "work": [
            {"company": "Acme", "position": "Engineer", "website": "https://acme.com", "startDate": "2019-01"},
            {"company": "Initech", "position": "Intern", "startDate": "2017-06", "endDate": "2018-12"}
        ],
        "volunteer": [{"company": "Food bank", "position": "Driver", "startDate": "2015"}],
        "publications": [{"name": "On Ledgers", "website": "https://p.org/l", "releaseDate": "2020-02"}]
    });
    let (code, stderr, yaml) = import_json(dir.path(), json.to_string().as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    for note in [
        "work[0].company: an older or alternative name of `name`",
        "work[0].website: an older or alternative name of `url`",
        "basics.website: an older or alternative name of `url`",
        "basics.picture: an older or alternative name of `image`",
        "volunteer[0].company: an older or alternative name of `organization`",
        "publications[0].website: an older or alternative name of `url`",
    ] {
        assert!(stderr.contains(note), "{note}:\n{stderr}");
    }
    for kept in [
        "company: Acme",
        "company: Initech",
        "company: Food bank",
        "website: https://quux.dev",
        "url: https://p.org/l",
        "date: 2020-02",
    ] {
        assert!(yaml.contains(kept), "{kept}:\n{yaml}");
    }
    resumec(dir.path())
        .args(["validate", "out.yaml"])
        .assert()
        .success();
}

#[test]
fn links_the_model_refuses_are_reported_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let json = json!({
        "basics": {"name": "Ada Quux", "email": "ada@quux.dev", "url": "tel:+4930123",
            "profiles": [
                {"network": "Skype", "username": "ada.q", "url": "skype:ada.q?userinfo"},
                {"network": "GitHub", "url": "https://github.com/adaq"}
            ]},
        "projects": [{"name": "Ledger", "url": "javascript:alert(1)"}]
    });
    let (code, stderr, yaml) = import_json(dir.path(), json.to_string().as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("basics.profiles[0] (Skype ada.q)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`skype:ada.q?userinfo` is not a web address"),
        "{stderr}"
    );
    assert!(
        stderr.contains("basics.url: `tel:+4930123` is not a web address"),
        "{stderr}"
    );
    assert!(stderr.contains("projects[0].url:"), "{stderr}");
    assert!(
        !yaml.contains("skype:") && !yaml.contains("javascript:"),
        "{yaml}"
    );
    assert!(yaml.contains("https://github.com/adaq"), "{yaml}");
    resumec(dir.path())
        .args(["validate", "out.yaml"])
        .assert()
        .success();
}

#[test]
fn entries_missing_a_required_field_keep_their_content_under_a_flagged_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let json = json!({
        "basics": {"name": "Ada Quux", "email": "ada@quux.dev"},
        "work": [{"position": "Engineer", "startDate": "2019", "highlights": ["Cut p99 by 40%"]}],
        "education": [{"area": "Physics", "startDate": "", "endDate": "2014"}],
        "awards": [{"awarder": "ACM", "date": "2018"}],
        "projects": [{"description": "A ledger", "highlights": ["Double entry"]}]
    });
    let (code, stderr, yaml) = import_json(dir.path(), json.to_string().as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    for reported in [
        "work[0].name: missing",
        "education[0].institution: missing",
        "awards[0].name: missing",
        "projects[0].name: missing",
    ] {
        assert!(stderr.contains(reported), "{reported}:\n{stderr}");
    }
    for kept in [
        "Cut p99 by 40%",
        "degree: Physics",
        "subtitle: ACM",
        "Double entry",
        "end: \"2014\"",
    ] {
        assert!(yaml.contains(kept), "{kept}:\n{yaml}");
    }
    assert!(
        !yaml.contains("start: ''"),
        "an empty date is absent:\n{yaml}"
    );
    let validated = resumec(dir.path())
        .args(["validate", "out.yaml"])
        .assert()
        .success();
    let warnings = String::from_utf8(validated.get_output().stderr.clone()).unwrap();
    assert_eq!(
        warnings.matches("is still the placeholder `TODO`").count(),
        4,
        "{warnings}"
    );
}

#[test]
fn a_job_whose_dates_cannot_be_read_is_kept_and_its_dates_reported() {
    let dir = tempfile::tempdir().unwrap();
    let json = json!({
        "basics": {"name": "Ada Quux", "email": "ada@quux.dev"},
        "work": [
            {"name": "Acme", "position": "Engineer", "startDate": "sometime",
             "highlights": ["Shipped the ledger"]},
            {"name": "Globex", "position": "Lead"},
            {"name": "Initech", "position": "Intern", "startDate": "2017-06", "endDate": "2018-12"}
        ]
    });
    let (code, stderr, yaml) = import_json(dir.path(), json.to_string().as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("work[0].startDate: `sometime` is not a date"),
        "{stderr}"
    );
    for kept in [
        "company: Acme",
        "Shipped the ledger",
        "company: Globex",
        "company: Initech",
    ] {
        assert!(yaml.contains(kept), "{kept}:\n{yaml}");
    }
    let validated = resumec(dir.path())
        .args(["validate", "out.yaml"])
        .assert()
        .success();
    let warnings = String::from_utf8(validated.get_output().stderr.clone()).unwrap();
    assert!(
        warnings.contains("this job at Acme has no `start` and `end` dates")
            && warnings.contains("this job at Globex has no `start` and `end` dates"),
        "{warnings}"
    );
    resumec(dir.path())
        .args(["build", "out.yaml", "--format", "txt", "--out", "o"])
        .assert()
        .success();
    let txt = std::fs::read_to_string(dir.path().join("o/out.txt")).unwrap();
    for job in [
        "Engineer — Acme",
        "Shipped the ledger",
        "Lead — Globex",
        "2017 – Dec 2018",
    ] {
        assert!(txt.contains(job), "{job}:\n{txt}");
    }
}

#[test]
fn hostile_values_never_reach_a_file_that_fails_validation() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"basics": {"name": "Ada\u0000 Quux\u001b", "email": "ada@quux.dev", "phone": 4930123,
        "location": "Berlin", "profiles": [{"network": "X", "url": "/relative/path"}]},
        "work": [{"name": "Acme", "position": "Engineer", "startDate": "2021-05", "endDate": "2019-01",
                  "highlights": "one string", "summary": null}],
        "skills": [{"name": "Rust", "keywords": null}]}"#;
    let (code, stderr, yaml) = import_json(dir.path(), json.as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("basics.name: control characters removed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("it ends (2019-01) before it starts (2021-05); the two are swapped"),
        "{stderr}"
    );
    assert!(yaml.contains("name: Ada Quux"), "{yaml}");
    assert!(yaml.contains("one string"), "{yaml}");
    assert!(yaml.contains("location: Berlin"), "{yaml}");
    resumec(dir.path())
        .args(["validate", "out.yaml"])
        .assert()
        .success();
}

#[test]
fn json_with_a_byte_order_mark_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(br#"{"basics": {"name": "Ada Quux", "email": "ada@quux.dev"}}"#);
    let (code, stderr, yaml) = import_json(dir.path(), &bytes);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(yaml.contains("name: Ada Quux"), "{yaml}");
}

#[test]
fn years_stay_years_through_import_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let json = json!({
        "basics": {"name": "Ada Quux", "email": "ada@quux.dev"},
        "work": [{"name": "Acme", "position": "Engineer", "startDate": "2016", "endDate": "2019"}]
    });
    let (code, stderr, yaml) = import_json(dir.path(), json.to_string().as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("has no month"), "{stderr}");
    assert!(
        yaml.contains("start: \"2016\"") && yaml.contains("end: \"2019\""),
        "{yaml}"
    );
    resumec(dir.path())
        .args(["build", "out.yaml", "--format", "txt", "--out", "o"])
        .assert()
        .success();
    let txt = std::fs::read_to_string(dir.path().join("o/out.txt")).unwrap();
    assert!(txt.contains("2016 – 2019"), "{txt}");
    let (document, _) = export(dir.path(), &dir.path().join("out.yaml"), &[]);
    assert_eq!(document["work"][0]["startDate"], "2016");
    assert_eq!(document["work"][0]["endDate"], "2019");
    assert_eq!(schema_errors(&document), Vec::<String>::new());
}

#[test]
fn other_names_numbers_and_descriptions_are_read_and_noted_with_their_paths() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("other.json");
    std::fs::write(
        &input,
        r#"{"basics": {"name": "Ada", "email": "ada@lovelace.dev"},
            "volunteer": [{"name": "Burritalks.io", "position": "Curateur", "startDate": "2021-01"}],
            "languages": [{"name": "Español", "level": "Nativo"}],
            "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01",
                      "description": "Maker of anvils", "summary": "Built the ledger.",
                      "highlights": ["Cut costs by", 30]},
                     {"name": "Initech", "position": "Analyst", "startDate": "2018-01",
                      "endDate": "2019-01", "description": "Stage de découverte"}]}"#,
    )
    .unwrap();
    let (_, stderr) = import(dir.path(), &input);
    for note in [
        "volunteer[0].name: an older or alternative name of `organization`",
        "languages[0].name: an older or alternative name of `language`",
        "languages[0].level: an older or alternative name of `fluency`",
        "work[0].highlights[1]: `30` is not a string; read as text",
        "work[0].description: the company's description; kept as the first line",
        "work[1].description: the company's description",
    ] {
        assert!(stderr.contains(note), "{note} not noted:\n{stderr}");
    }
    for wrong in [
        "TODO",
        "is empty",
        "not a JSON Resume field",
        "did not carry",
    ] {
        assert!(!stderr.contains(wrong), "{wrong}:\n{stderr}");
    }
    resumec(dir.path())
        .args(["build", "imported.yaml", "--format", "txt", "--out", "out"])
        .assert()
        .success();
    let txt =
        common::squash(&std::fs::read_to_string(dir.path().join("out/imported.txt")).unwrap());
    for fact in [
        "Burritalks.io",
        "Curateur",
        "Español",
        "Nativo",
        "Cut costs by",
        "30",
        "Maker of anvils",
        "Built the ledger.",
        "Stage de découverte",
    ] {
        assert!(txt.contains(fact), "`{fact}` not printed:\n{txt}");
    }
}

#[test]
fn a_value_of_a_type_that_cannot_be_read_names_its_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("odd.json");
    std::fs::write(
        &input,
        r#"{"work": [{"name": "Acme", "highlights": ["fine", {"text": "an object"}]}]}"#,
    )
    .unwrap();
    resumec(dir.path())
        .arg("import")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "not a JSON Resume document: at work[0].highlights[1]: invalid type: map, expected a string",
        ));
}

#[test]
fn an_imported_resume_is_printed_in_the_language_it_is_written_in() {
    let dir = tempfile::tempdir().unwrap();
    let real = |name: &str| fixture(&format!("jsonresume/real/{name}"));
    // French prose: French titles and months; the note says why.
    let (yaml, stderr) = import(dir.path(), &real("selrahcd-fr.json"));
    assert!(stderr.contains("set to `fr`"), "{stderr}");
    assert!(
        fs::read_to_string(&yaml)
            .unwrap()
            .contains("\nlocale: fr\n")
    );
    resumec(dir.path())
        .args([
            "build",
            yaml.to_str().unwrap(),
            "--out",
            "fr",
            "--format",
            "txt",
        ])
        .assert()
        .success();
    let stem = yaml.file_stem().unwrap().to_str().unwrap();
    let text = fs::read_to_string(dir.path().join("fr").join(format!("{stem}.txt"))).unwrap();
    assert!(text.contains("EXPÉRIENCE PROFESSIONNELLE"), "{text}");
    assert!(!text.contains("EXPERIENCE\n"), "{text}");
    // English prose stays in the default locale, which is not written.
    let english = tempfile::tempdir().unwrap();
    let (yaml, _) = import(english.path(), &real("parra-es.json"));
    assert!(!fs::read_to_string(&yaml).unwrap().contains("locale:"));
    // `--locale` chooses; an unknown one is refused with a suggestion.
    let output = resumec(dir.path())
        .args([
            "import",
            real("selrahcd-fr.json").to_str().unwrap(),
            "--locale",
            "pt-br",
        ])
        .assert()
        .failure();
    let stderr = String::from_utf8(output.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("did you mean `pt-BR`?"), "{stderr}");
    let output = resumec(dir.path())
        .args([
            "import",
            real("selrahcd-fr.json").to_str().unwrap(),
            "--locale",
            "de",
        ])
        .assert()
        .success();
    let yaml = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    assert!(yaml.contains("\nlocale: de\n"), "{yaml}");
}
