//! One résumé in several languages, through the real binary: `validate`
//! checks every language, says where a translation is missing or misnamed,
//! and `resumec schema` describes both forms of text.

mod common;

use std::fs;
use std::path::Path;

use common::resumec;
use serde_json::Value;

const BILINGUAL: &str = "\
locale: en
basics:
  name: Ada Quux
  email: ada@quux.dev
  headline: {en: Payments engineer, de: Zahlungsingenieurin}
summary:
  en: Builds payment systems.
  de: Baut Zahlungssysteme.
experience:
  - company: Quux
    title: {en: Staff Engineer, de: Leitende Ingenieurin}
    start: 2020-01
    groups:
      - name: {en: Billing, de: Abrechnung}
        bullets:
          - en: Led the billing team.
            de: Leitete das Abrechnungsteam.
          - text: {en: Cut costs by a third., de: Senkte die Kosten um ein Drittel.}
            tags: [cost]
labels:
  experience: {en: Work, de: Berufserfahrung}
";

/// Runs `resumec validate` on `text`; returns whether it passed and stderr.
fn validate(dir: &Path, text: &str) -> (bool, String) {
    fs::write(dir.join("resume.yaml"), text).unwrap();
    let output = resumec(dir)
        .args(["validate", "resume.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.success(), stderr)
}

#[test]
fn a_file_in_english_and_german_validates_in_both() {
    let dir = tempfile::tempdir().unwrap();
    let text = BILINGUAL.replace(
        "    start: 2020-01\n",
        "    start: 2020-01\n    end: present\n",
    );
    let (ok, stderr) = validate(dir.path(), &text);
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(
        stderr.contains("resume.yaml is valid (in en, de)"),
        "{stderr}"
    );
}

#[test]
fn a_missing_german_text_is_a_warning_at_its_map_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = BILINGUAL.replace("  de: Baut Zahlungssysteme.\n", "");
    let (ok, stderr) = validate(dir.path(), &text);
    assert!(ok, "{stderr}");
    let warning =
        "warning: no `de` text for this `summary`; the `en` text is used\n  ┌─ resume.yaml:7:3\n";
    assert!(stderr.contains(warning), "{stderr}");
    assert!(stderr.contains("= help: add `de: …` to it"), "{stderr}");
    assert_eq!(stderr.matches("no `de` text").count(), 1, "{stderr}");
    // A warning every language shares (the job has no end) is said once.
    assert_eq!(stderr.matches("has no `end` date").count(), 1, "{stderr}");
    assert!(stderr.contains("(in en, de; 2 warnings)"), "{stderr}");
}

#[test]
fn an_unknown_language_key_is_an_error_with_did_you_mean_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = BILINGUAL.replace("  de: Baut", "  deu: Baut");
    let (ok, stderr) = validate(dir.path(), &text);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("error: unknown language `deu`\n  ┌─ resume.yaml:8:3\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `de`? `resumec locales` lists them"),
        "{stderr}"
    );
}

#[test]
fn text_with_an_unquoted_colon_keeps_its_quoting_hint() {
    let dir = tempfile::tempdir().unwrap();
    let text = BILINGUAL.replace(
        "summary:\n  en: Builds payment systems.\n  de: Baut Zahlungssysteme.\n",
        "summary:\n  Led team: 5 people\n",
    );
    let (ok, stderr) = validate(dir.path(), &text);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("error: invalid type: mapping, expected a string\n  ┌─ resume.yaml:7:3\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("put the text in quotes: an unquoted `: ` inside text starts a mapping"),
        "{stderr}"
    );
    assert!(!stderr.contains("unknown language"), "{stderr}");
}

#[test]
fn an_unknown_locale_suggests_the_closest() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stderr) = validate(dir.path(), &BILINGUAL.replace("locale: en", "locale: dee"));
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("error: unknown locale `dee`\n  ┌─ resume.yaml:1:9\n"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `de`?"), "{stderr}");
}

#[test]
fn a_problem_in_the_german_text_points_at_the_german_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = BILINGUAL.replace("de: Leitete das Abrechnungsteam.", "de: \"  \"");
    let (ok, stderr) = validate(dir.path(), &text);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("error: this bullet is empty\n   ┌─ resume.yaml:17:17\n"),
        "{stderr}"
    );
    assert!(stderr.contains("17 │             de: \"  \""), "{stderr}");
}

/// The schema `resumec schema` prints, compiled.
fn schema() -> jsonschema::Validator {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path()).arg("schema").output().unwrap();
    assert!(output.status.success());
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn json(yaml: &str) -> Value {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_schema_describes_both_forms_of_text() {
    let validator = schema();
    let errors: Vec<String> = validator
        .iter_errors(&json(BILINGUAL))
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let plain = BILINGUAL.replace(
        "{en: Payments engineer, de: Zahlungsingenieurin}",
        "Payments engineer",
    );
    assert!(validator.is_valid(&json(&plain)));
    for wrong in [
        BILINGUAL.replace("de: Baut", "deu: Baut"),
        BILINGUAL.replace("{en: Work, de: Berufserfahrung}", "{}"),
        BILINGUAL.replace("de: Zahlungsingenieurin", "de: [Zahlungsingenieurin]"),
        BILINGUAL.replace("email: ada@quux.dev", "email: {en: ada@quux.dev}"),
    ] {
        assert!(!validator.is_valid(&json(&wrong)), "accepted:\n{wrong}");
    }
}
