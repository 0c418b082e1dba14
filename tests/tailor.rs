//! `resumec tailor` through the real binary, against the real résumé.
//!
//! Every keyword asserted here was checked by reading resume.yaml: it shows
//! Java, Kotlin, Kafka, AWS, Node.js, CI/CD, SQL, Redis, Spring Boot and
//! PostgreSQL (and "Postgres" in the summary), and never mentions Go (only
//! "go wrong"), Kubernetes, Terraform, gRPC, DynamoDB, GCP or Snowflake.

mod common;

use std::fs;
use std::path::Path;

use common::{fixture, real_resume, resumec};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

/// `resumec tailor JOB resume.yaml --json`, parsed.
fn coverage(job: &Path) -> (Vec<String>, Vec<String>, f64) {
    coverage_with(job, &[])
}

/// `resumec tailor JOB resume.yaml --json ARGS`, parsed.
fn coverage_with(job: &Path, args: &[&str]) -> (Vec<String>, Vec<String>, f64) {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .arg("tailor")
        .arg(job)
        .arg(real_resume())
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let object = json.as_object().unwrap();
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 3, "{json}");
    let list = |name: &str| -> Vec<String> {
        object[name]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    (
        list("matched"),
        list("missing"),
        json["coverage"].as_f64().unwrap(),
    )
}

fn assert_consistent(matched: &[String], missing: &[String], coverage: f64) {
    let expected = matched.len() as f64 / (matched.len() + missing.len()) as f64;
    assert!(
        (coverage - expected).abs() < 1e-9,
        "{coverage} vs {expected}"
    );
    for list in [matched, missing] {
        let mut sorted = list.to_vec();
        sorted.sort_by_key(|k| k.to_lowercase());
        sorted.dedup();
        assert_eq!(sorted, list, "sorted and without repeats");
    }
}

#[test]
fn a_plain_text_posting() {
    let (matched, missing, coverage) = coverage(&fixture("tailor/posting.txt"));
    for keyword in [
        "Java",
        "Kotlin",
        "Kafka",
        "AWS",
        "CI/CD",
        "SQL",
        "idempotency",
    ] {
        assert!(
            matched.contains(&keyword.to_owned()),
            "{keyword}: {matched:?}"
        );
    }
    // Spelled differently in the posting and the résumé.
    assert!(matched.contains(&"NodeJS".to_owned()), "{matched:?}");
    assert!(matched.contains(&"Postgres".to_owned()), "{matched:?}");
    assert!(
        matched.contains(&"double-entry ledger".to_owned()),
        "{matched:?}"
    );
    for keyword in [
        "Go",
        "Kubernetes",
        "Terraform",
        "gRPC",
        "DynamoDB",
        "OpenTelemetry",
    ] {
        assert!(
            missing.contains(&keyword.to_owned()),
            "{keyword}: {missing:?}"
        );
    }
    // Benefits, addresses and years of experience are not keywords.
    for noise in ["PTO", "401k", "US", "6+", "acmepay.io", "e.g"] {
        assert!(!matched.contains(&noise.to_owned()) && !missing.contains(&noise.to_owned()));
    }
    assert_consistent(&matched, &missing, coverage);
}

#[test]
fn a_json_resume_job_description() {
    let (matched, missing, coverage) = coverage(&fixture("tailor/job.json"));
    assert_eq!(
        matched,
        [
            "Backend",
            "distributed systems",
            "event-driven architecture",
            "Infrastructure",
            "Java",
            "Kafka",
            "ledger",
            "nodejs",
            "PostgreSQL",
            "reconciliation",
            "Redis",
            "Spring Boot",
            "TypeScript"
        ]
    );
    assert_eq!(
        missing,
        ["BigQuery", "GCP", "Kubernetes", "Snowflake", "Terraform"]
    );
    assert_consistent(&matched, &missing, coverage);
    // `Node.js` in the qualifications is the `nodejs` of the skills, counted once.
    assert!(!matched.contains(&"Node.js".to_owned()));
}

#[test]
fn node_js_spellings_are_one_keyword() {
    let dir = tempfile::tempdir().unwrap();
    for spelling in ["Node.js", "nodejs", "NodeJS"] {
        let job = dir.path().join("job.txt");
        fs::write(&job, format!("We write {spelling} and Kubernetes.")).unwrap();
        let (matched, missing, coverage) = coverage(&job);
        assert_eq!(matched, [spelling]);
        assert_eq!(missing, ["Kubernetes"]);
        assert_eq!(coverage, 0.5);
    }
}

#[test]
fn the_report_shows_coverage_and_both_lists() {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path())
        .arg("tailor")
        .arg(fixture("tailor/job.json"))
        .arg(real_resume())
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("the résumé covers 13 of 18 keywords (72%)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nmatched (13):\n  Backend, distributed systems,"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nmissing (5):\n  BigQuery, GCP, Kubernetes, Snowflake, Terraform\n"),
        "{stdout}"
    );
    // Below the heading, whatever the path's length, lines fit 80 columns.
    assert!(
        stdout
            .lines()
            .skip(1)
            .all(|line| line.chars().count() <= 80),
        "{stdout}"
    );
}

#[test]
fn unreadable_or_invalid_postings_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.json"),
        "{\n  \"skills\": \"Java\"\n}\n",
    )
    .unwrap();
    fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
    fs::write(dir.path().join("latin1.txt"), b"caf\xe9 Kafka").unwrap();
    for (job, message) in [
        ("missing.txt", "job posting missing.txt not found"),
        (
            "bad.json",
            "bad.json:2:18: not a JSON Resume job description: invalid type: string \"Java\", expected a sequence",
        ),
        ("empty.txt", "the job posting empty.txt is empty"),
        ("latin1.txt", "the job posting latin1.txt is not UTF-8 text"),
    ] {
        resumec(dir.path())
            .arg("tailor")
            .arg(job)
            .arg(real_resume())
            .assert()
            .code(3)
            .stdout("")
            .stderr(contains(message));
    }
}

#[test]
fn an_invalid_resume_fails_as_validate_does() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .arg("tailor")
        .arg(fixture("tailor/posting.txt"))
        .arg(fixture("bad/end_before_start.yaml"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("end_before_start.yaml:7:"));
    resumec(dir.path()).arg("tailor").assert().code(2);
}

#[test]
fn legal_forms_benefits_and_pieces_of_standards_are_not_keywords() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("posting.txt");
    fs::write(
        &job,
        "Payments Engineer at Finly GmbH (Berlin). You run Kafka on AWS and know ISO 20022; \
         we are SOC 2 Type II and ISO/IEC 27001 certified. Benefits: BVG ticket, VSOP, \
         RSUs, bAV pension and 30 days PTO. Finly AG and Finly Ltd are our sister companies.",
    )
    .unwrap();
    let (matched, missing, coverage) = coverage(&job);
    assert_consistent(&matched, &missing, coverage);
    let all: Vec<&str> = matched.iter().chain(&missing).map(String::as_str).collect();
    for noise in [
        "GmbH", "AG", "Ltd", "BVG", "VSOP", "RSUs", "bAV", "ISO", "SOC", "IEC", "PTO",
    ] {
        assert!(!all.contains(&noise), "{noise} counted: {all:?}");
    }
    // The résumé names none of these standards (read from resume.yaml).
    for standard in ["ISO 20022", "SOC 2", "ISO/IEC 27001"] {
        assert!(
            missing.contains(&standard.to_owned()),
            "{standard}: {missing:?}"
        );
    }
    assert!(matched.contains(&"Kafka".to_owned()) && matched.contains(&"AWS".to_owned()));
}

#[test]
fn a_variant_is_scored_as_it_prints() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("posting.txt");
    fs::write(&job, "We build with React, Kafka and PostgreSQL.").unwrap();
    // React is a skill of the résumé tagged `frontend`, which `payments` drops.
    let (matched, _, full) = coverage(&job);
    assert!(matched.contains(&"React".to_owned()), "{matched:?}");
    let (matched, missing, tailored) = coverage_with(&job, &["--variant", "payments"]);
    assert_eq!(missing, ["React"], "{matched:?}");
    assert!(tailored < full);
    resumec(dir.path())
        .arg("tailor")
        .arg(&job)
        .arg(real_resume())
        .args(["--variant", "payment"])
        .assert()
        .code(1)
        .stderr(
            contains("there is no variant `payment`").and(contains("did you mean `payments`?")),
        );
    resumec(dir.path())
        .arg("tailor")
        .arg(&job)
        .arg(real_resume())
        .args(["--variant", "payments"])
        .assert()
        .success()
        .stdout(contains(
            "the résumé (variant payments) covers 2 of 3 keywords",
        ));
}
