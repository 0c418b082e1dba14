//! The built-in locale catalogs (`layouts/locales/*.yaml`) checked against CLDR.
//!
//! Month names and the year, month-year and date patterns must equal CLDR's values
//! verbatim; the range format is CLDR's interval fallback with its thin and
//! no-break spaces made plain; the list separator is CLDR's standard list pattern
//! `middle` without its placeholders. The CLDR values are the extracts in
//! `tests/fixtures/cldr/` (see `SOURCES.md` there). Labels are not in CLDR: every
//! catalog must carry exactly the label keys of `en.yaml`, none empty.
//!
//! Every problem in every catalog is collected, so one run names them all, each as
//! `<catalog>: <key>: expected … found …`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

/// Codes of the catalogs written right to left.
const RIGHT_TO_LEFT: [&str; 2] = ["ar", "he"];
/// The catalog whose label keys every other catalog must have.
const REFERENCE: &str = "en";
const MIN_CATALOGS: usize = 12;
/// Pattern letters the date formatter interprets; any other ASCII letter outside
/// quotes would be a CLDR field it does not know.
const PATTERN_LETTERS: [char; 4] = ['y', 'M', 'L', 'd'];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    code: String,
    name: String,
    english_name: String,
    direction: String,
    months: Months,
    patterns: Patterns,
    list_separator: String,
    labels: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Months {
    wide: Vec<String>,
    abbreviated: Vec<String>,
    standalone_wide: Vec<String>,
    standalone_abbreviated: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Patterns {
    year: String,
    month_year: String,
    date: String,
    range: String,
}

/// The CLDR values one catalog is checked against.
struct Cldr {
    locale: String,
    gregorian: Value,
    list_middle: String,
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn catalog_paths() -> Vec<PathBuf> {
    let dir = manifest_dir().join("layouts/locales");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    paths.sort();
    paths
}

fn file_code(path: &Path) -> String {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .expect("catalog file name is UTF-8")
        .to_owned()
}

fn read_catalog(path: &Path) -> Result<Catalog, String> {
    let text = fs::read_to_string(path).map_err(|err| format!("cannot read: {err}"))?;
    serde_yaml::from_str(&text).map_err(|err| format!("not a catalog: {err}"))
}

fn fixture_path(code: &str) -> PathBuf {
    manifest_dir().join(format!("tests/fixtures/cldr/{code}.json"))
}

fn read_cldr(code: &str) -> Result<Cldr, String> {
    let path = fixture_path(code);
    let text = fs::read_to_string(&path)
        .map_err(|err| format!("no CLDR fixture {}: {err}", path.display()))?;
    let json: Value = serde_json::from_str(&text)
        .map_err(|err| format!("CLDR fixture {} is not JSON: {err}", path.display()))?;
    let main = json["main"].as_object().filter(|main| main.len() == 1);
    let (locale, data) = main
        .and_then(|main| main.iter().next())
        .ok_or_else(|| format!("{}: `main` must hold exactly one locale", path.display()))?;
    let list_middle = data["listPatterns"]["listPattern-type-standard"]["middle"]
        .as_str()
        .ok_or_else(|| format!("{}: no listPattern-type-standard.middle", path.display()))?;
    Ok(Cldr {
        locale: locale.clone(),
        gregorian: data["dates"]["calendars"]["gregorian"].clone(),
        list_middle: list_middle.to_owned(),
    })
}

impl Cldr {
    fn string(&self, pointer: &str) -> Option<&str> {
        self.gregorian.pointer(pointer).and_then(Value::as_str)
    }

    /// Months 1 to 12 of `months/<context>/<width>`.
    fn months(&self, context: &str, width: &str) -> Option<Vec<&str>> {
        (1..=12)
            .map(|month| self.string(&format!("/months/{context}/{width}/{month}")))
            .collect()
    }
}

/// CLDR's thin, narrow no-break and no-break spaces written as plain spaces.
fn plain_spaces(text: &str) -> String {
    text.replace(['\u{2009}', '\u{202F}', '\u{00A0}'], " ")
}

/// The problems of one catalog, each naming the key, what CLDR (or the rule)
/// expects and what the catalog holds.
struct Report<'a> {
    code: &'a str,
    problems: &'a mut Vec<String>,
}

impl Report<'_> {
    fn fail(&mut self, key: &str, message: String) {
        self.problems
            .push(format!("{}: {key}: {message}", self.code));
    }

    fn expect_eq(&mut self, key: &str, expected: &str, found: &str) {
        if expected != found {
            self.fail(key, format!("expected {expected:?}, found {found:?}"));
        }
    }
}

fn check_months(report: &mut Report, catalog: &Catalog, cldr: &Cldr) {
    let lists = [
        ("months.wide", &catalog.months.wide, "format", "wide"),
        (
            "months.abbreviated",
            &catalog.months.abbreviated,
            "format",
            "abbreviated",
        ),
        (
            "months.standalone_wide",
            &catalog.months.standalone_wide,
            "stand-alone",
            "wide",
        ),
        (
            "months.standalone_abbreviated",
            &catalog.months.standalone_abbreviated,
            "stand-alone",
            "abbreviated",
        ),
    ];
    for (key, found, context, width) in lists {
        let Some(expected) = cldr.months(context, width) else {
            report.fail(
                key,
                format!("the CLDR fixture lacks months.{context}.{width}"),
            );
            continue;
        };
        if found.len() != 12 {
            report.fail(key, format!("expected 12 months, found {}", found.len()));
            continue;
        }
        for (month, (want, have)) in expected.iter().zip(found).enumerate() {
            report.expect_eq(&format!("{key}[{}]", month + 1), want, have);
        }
    }
}

fn check_patterns(report: &mut Report, catalog: &Catalog, cldr: &Cldr) {
    let exact = [
        (
            "patterns.year",
            &catalog.patterns.year,
            "/dateTimeFormats/availableFormats/y",
        ),
        (
            "patterns.month_year",
            &catalog.patterns.month_year,
            "/dateTimeFormats/availableFormats/yMMM",
        ),
        ("patterns.date", &catalog.patterns.date, "/dateFormats/long"),
    ];
    for (key, found, pointer) in exact {
        match cldr.string(pointer) {
            Some(expected) => report.expect_eq(key, expected, found),
            None => report.fail(key, format!("the CLDR fixture lacks {pointer}")),
        }
        check_pattern_letters(report, key, found);
    }
    let fallback = "/dateTimeFormats/intervalFormats/intervalFormatFallback";
    match cldr.string(fallback) {
        Some(expected) => report.expect_eq(
            "patterns.range",
            &plain_spaces(expected),
            &catalog.patterns.range,
        ),
        None => report.fail(
            "patterns.range",
            format!("the CLDR fixture lacks {fallback}"),
        ),
    }
    let separator = cldr.list_middle.replace("{0}", "").replace("{1}", "");
    report.expect_eq("list_separator", &separator, &catalog.list_separator);
}

/// Every ASCII letter outside `'…'` quotes is a pattern field the formatter knows.
fn check_pattern_letters(report: &mut Report, key: &str, pattern: &str) {
    let mut quoted = false;
    for letter in pattern.chars() {
        if letter == '\'' {
            quoted = !quoted;
        } else if !quoted && letter.is_ascii_alphabetic() && !PATTERN_LETTERS.contains(&letter) {
            report.fail(
                key,
                format!("pattern letter {letter:?} is not one of {PATTERN_LETTERS:?}"),
            );
        }
    }
    if quoted {
        report.fail(key, format!("unterminated quote in {pattern:?}"));
    }
}

fn check_labels(report: &mut Report, catalog: &Catalog, reference: &[String]) {
    for key in reference {
        match catalog.labels.get(key) {
            None => report.fail(&format!("labels.{key}"), "missing".to_owned()),
            Some(text) if text.trim().is_empty() => {
                report.fail(&format!("labels.{key}"), "empty".to_owned())
            }
            Some(_) => {}
        }
    }
    for key in catalog.labels.keys().filter(|key| !reference.contains(key)) {
        report.fail(
            &format!("labels.{key}"),
            format!("not a label of {REFERENCE}.yaml"),
        );
    }
}

fn check_identity(report: &mut Report, catalog: &Catalog, file_code: &str, cldr: &Cldr) {
    report.expect_eq("code", file_code, &catalog.code);
    let language = file_code.split('-').next().unwrap_or(file_code);
    if cldr.locale != language {
        report.fail(
            "CLDR fixture",
            format!("expected locale {language:?}, found {:?}", cldr.locale),
        );
    }
    let direction = if RIGHT_TO_LEFT.contains(&file_code) {
        "rtl"
    } else {
        "ltr"
    };
    report.expect_eq("direction", direction, &catalog.direction);
    for (key, text) in [
        ("name", &catalog.name),
        ("english_name", &catalog.english_name),
    ] {
        if text.trim().is_empty() {
            report.fail(key, "empty".to_owned());
        }
    }
}

/// All problems of the catalog at `path`, checked against its fixture and the
/// reference label keys.
fn check_catalog(path: &Path, reference: &[String], problems: &mut Vec<String>) {
    let code = file_code(path);
    let mut report = Report {
        code: &code,
        problems,
    };
    let catalog = match read_catalog(path) {
        Ok(catalog) => catalog,
        Err(err) => return report.fail("file", err),
    };
    let cldr = match read_cldr(&code) {
        Ok(cldr) => cldr,
        Err(err) => return report.fail("CLDR fixture", err),
    };
    check_identity(&mut report, &catalog, &code, &cldr);
    check_months(&mut report, &catalog, &cldr);
    check_patterns(&mut report, &catalog, &cldr);
    check_labels(&mut report, &catalog, reference);
}

fn reference_labels() -> Vec<String> {
    let path = manifest_dir().join(format!("layouts/locales/{REFERENCE}.yaml"));
    let catalog = read_catalog(&path).unwrap_or_else(|err| panic!("{REFERENCE}.yaml: {err}"));
    catalog.labels.into_keys().collect()
}

#[test]
fn every_catalog_matches_cldr_and_carries_every_label() {
    let paths = catalog_paths();
    assert!(
        paths.len() >= MIN_CATALOGS,
        "expected at least {MIN_CATALOGS} catalogs in layouts/locales, found {}",
        paths.len()
    );
    let reference = reference_labels();
    let mut problems = Vec::new();
    for path in &paths {
        check_catalog(path, &reference, &mut problems);
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) in the locale catalogs:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_cldr_fixture_belongs_to_a_catalog() {
    let catalogs: Vec<String> = catalog_paths().iter().map(|path| file_code(path)).collect();
    let dir = manifest_dir().join("tests/fixtures/cldr");
    let orphans: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| file_code(&path))
        .filter(|code| !catalogs.contains(code))
        .collect();
    assert!(
        orphans.is_empty(),
        "CLDR fixtures without a catalog: {orphans:?}"
    );
}
