//! Every built-in locale prints the real résumé in every format and both
//! PDF engines: its section titles, its word for an ongoing role and its
//! month names, read back from each file (PDFs through pdftotext, Word
//! files from their XML, HTML with its `lang` and `dir`). What each locale
//! should print is read from its catalog here, independently of resumec.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{docx_text, html_text, pdftotext, readable, real_resume, resumec, squash};

/// Where Debian's fonts-noto-cjk puts the faces Japanese, Chinese and
/// Korean text needs (too large to bundle: résumés name them in
/// `design.font_paths`).
const CJK_FONTS: &str = "/usr/share/fonts/opentype/noto";

/// A catalog, as far as these tests read it.
struct Catalog {
    code: String,
    rtl: bool,
    experience: String,
    present: String,
    /// How April is written in a month of a year, when it is a name.
    april: Option<String>,
}

fn catalogs() -> Vec<Catalog> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/locales");
    let mut catalogs: Vec<Catalog> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
            let text_of = |value: &serde_yaml::Value| value.as_str().unwrap().to_owned();
            let pattern = text_of(&yaml["patterns"]["month_year"]);
            let months = |list: &str| text_of(&yaml["months"][list][3]);
            let april = match () {
                _ if pattern.contains("LLL") => Some(months("standalone_abbreviated")),
                _ if pattern.contains("MMM") => Some(months("abbreviated")),
                _ => None,
            };
            Catalog {
                code: text_of(&yaml["code"]),
                rtl: text_of(&yaml["direction"]) == "rtl",
                experience: text_of(&yaml["labels"]["experience"]),
                present: text_of(&yaml["labels"]["present"]),
                april,
            }
        })
        .collect();
    catalogs.sort_by(|a, b| a.code.cmp(&b.code));
    catalogs
}

#[test]
fn locales_lists_every_catalog_one_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path()).arg("locales").assert().success();
    let listed = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    let mut codes: Vec<&str> = listed
        .lines()
        .map(|line| line.split_whitespace().next().unwrap())
        .collect();
    codes.sort();
    let catalogs = catalogs();
    assert!(catalogs.len() >= 12, "{} catalogs", catalogs.len());
    let expected: Vec<&str> = catalogs.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, expected, "{listed}");
    let line = |code: &str| {
        let line = listed.lines().find(|line| line.starts_with(code)).unwrap();
        line.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert_eq!(line("de "), "de Deutsch — German");
    assert_eq!(line("ar "), "ar العربية — Arabic");
}

/// Builds the real résumé in every locale with `engine`, every format.
fn build_every_locale(engine: &str) -> (tempfile::TempDir, Vec<Catalog>) {
    assert!(
        Path::new(CJK_FONTS).is_dir(),
        "{CJK_FONTS} is missing: these tests need Debian's fonts-noto-cjk"
    );
    let dir = tempfile::tempdir().unwrap();
    let catalogs = catalogs();
    let codes: Vec<&str> = catalogs.iter().map(|c| c.code.as_str()).collect();
    // The real résumé, with the CJK faces added (it has no `design:` yet).
    let mut text = fs::read_to_string(real_resume()).unwrap();
    assert!(!text.contains("\ndesign:"));
    text.push_str(&format!("\ndesign:\n  font_paths: [{CJK_FONTS}]\n"));
    fs::write(dir.path().join("resume.yaml"), text).unwrap();
    resumec(dir.path())
        .args(["build", "resume.yaml", "--out", "out", "--engine", engine])
        .args(["--no-letters", "--format", "pdf,html,md,txt,docx"])
        .args(["--lang", &codes.join(",")])
        .assert()
        .success();
    (dir, catalogs)
}

fn output(dir: &Path, code: &str, extension: &str) -> PathBuf {
    dir.join("out").join(format!("resume-{code}.{extension}"))
}

/// Whether each word of `expected` is in `text`, case aside (a theme may
/// set titles in capitals; a right-to-left line's words are read back by
/// pdftotext in an order of its own).
fn assert_holds(what: &str, text: &str, expected: &str) {
    let text = squash(&readable(&folded(text)));
    for word in expected.split_whitespace() {
        let word = readable(&folded(word));
        let start: String = text.chars().take(600).collect();
        assert!(
            text.contains(&word),
            "{what} lacks {word:?} of {expected:?}:\n{start}…"
        );
    }
}

/// `text` in small letters, the Turkish capital `İ` as `i` (Unicode's
/// default mapping gives `i` and a combining dot).
fn folded(text: &str) -> String {
    text.to_lowercase().replace('\u{307}', "")
}

fn assert_every_locale_prints(engine: &str) {
    let (dir, catalogs) = build_every_locale(engine);
    for catalog in &catalogs {
        let code = &catalog.code;
        let mut words = vec![catalog.experience.clone(), catalog.present.clone()];
        words.extend(catalog.april.clone());
        let pdf = pdftotext(&output(dir.path(), code, "pdf"));
        let txt = fs::read_to_string(output(dir.path(), code, "txt")).unwrap();
        let md = fs::read_to_string(output(dir.path(), code, "md")).unwrap();
        let html = fs::read_to_string(output(dir.path(), code, "html")).unwrap();
        let docx = docx_text(&output(dir.path(), code, "docx"));
        for word in &words {
            assert_holds(&format!("{code} {engine} PDF"), &pdf, word);
            assert_holds(&format!("{code} txt"), &txt, word);
            assert_holds(&format!("{code} md"), &md, word);
            assert_holds(&format!("{code} html"), &html_text(&html), word);
            assert_holds(&format!("{code} docx"), &docx, word);
        }
        let dir_attribute = if catalog.rtl { "rtl" } else { "ltr" };
        assert!(
            html.contains(&format!("<html lang=\"{code}\" dir=\"{dir_attribute}\"")),
            "{code} html: {}",
            &html[..200]
        );
        assert!(
            docx.contains("Airbnb") && pdf.contains("Airbnb"),
            "{code}: the résumé's own text is kept"
        );
    }
}

#[test]
fn every_locale_prints_the_real_resume_with_typst() {
    assert_every_locale_prints("typst");
}

#[test]
fn every_locale_prints_the_real_resume_with_the_built_in_engine() {
    assert_every_locale_prints("native");
}
