//! The typst engine through the real binary and the real `typst` CLI, with
//! PDFs read back by poppler's `pdftotext` and `pdfinfo`.

mod common;
mod page_bounds;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{
    assert_every_fact, assert_two_builds_are_byte_identical, build_pdf, fixture, hostile_strings,
    pdfinfo, pdftotext, real_resume, resumec, squash,
};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

#[test]
fn the_pdf_carries_every_fact_of_the_resume() {
    let dir = tempfile::tempdir().unwrap();
    assert_every_fact(&pdftotext(&build_pdf(
        dir.path(),
        &real_resume(),
        "typst",
        &[],
    )));
}

#[test]
fn hostile_strings_print_literally_and_nothing_outside_the_root_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(&build_pdf(
        dir.path(),
        &fixture("hostile.yaml"),
        "typst",
        &[],
    ));
    let flat = squash(&text);
    for hostile in hostile_strings() {
        assert!(
            flat.contains(&hostile),
            "not literal in the PDF: {hostile}\n{text}"
        );
    }
    assert!(!text.contains("root:"), "/etc/passwd leaked into the PDF");
}

#[test]
fn two_builds_are_byte_identical() {
    assert_two_builds_are_byte_identical("typst");
}

#[test]
fn metadata_is_filled_in_and_the_pdf_is_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let info = pdfinfo(&build_pdf(dir.path(), &real_resume(), "typst", &[]));
    assert!(
        info.contains("Title:           Your Name — Résumé"),
        "{info}"
    );
    assert!(info.contains("Author:          Your Name"), "{info}");
    assert!(
        info.contains("Keywords:") && info.contains("Kafka"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        !info.contains("CreationDate"),
        "a date makes builds differ: {info}"
    );
    let dated = tempfile::tempdir().unwrap();
    let pdf = build_pdf(
        dated.path(),
        &real_resume(),
        "typst",
        &["--creation-timestamp", "1709164800"],
    );
    assert!(pdfinfo(&pdf).contains("Feb 29"), "{}", pdfinfo(&pdf));
}

#[test]
fn the_typ_output_compiles_to_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf(dir.path(), &real_resume(), "typst", &[]);
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap(), "--format", "typ"])
        .assert()
        .success();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/fonts");
    let bare = dir.path().join("bare.pdf");
    let status = Command::new("typst")
        .arg("compile")
        .args([
            "--ignore-system-fonts",
            "--ignore-embedded-fonts",
            "--font-path",
        ])
        .arg(&fonts)
        .arg(dir.path().join("out/resume.typ"))
        .arg(&bare)
        .status()
        .expect("typst runs");
    assert!(status.success());
    assert_eq!(pdftotext(&bare), pdftotext(&pdf));
}

#[test]
fn a_missing_typst_is_an_error_only_when_typst_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let args = |engine: &'static str| {
        [
            "build",
            real_resume().to_str().unwrap(),
            "--format",
            "pdf,txt",
            "--engine",
            engine,
            "--typst",
            "/nonexistent/typst",
        ]
        .map(str::to_owned)
    };
    resumec(dir.path())
        .args(args("typst"))
        .assert()
        .code(3)
        .stderr(contains("cargo install --locked typst-cli@0.15.1"));
    assert!(
        !dir.path().join("out").exists(),
        "a failed build wrote outputs"
    );
    resumec(dir.path())
        .args(args("auto"))
        .assert()
        .success()
        .stderr(contains("typst not found").and(contains("using the built-in PDF engine")));
    assert!(dir.path().join("out/resume.pdf").is_file());
}

#[cfg(unix)]
#[test]
fn a_failing_typst_is_reported_and_leaves_outputs_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("typst");
    fs::write(
        &fake,
        "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'typst 0.15.1 (fake)'; exit 0; fi\necho 'error: the fake typst broke' >&2\nexit 1\n",
    )
    .unwrap();
    fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();
    fs::create_dir(dir.path().join("out")).unwrap();
    fs::write(dir.path().join("out/resume.txt"), "an earlier build").unwrap();
    resumec(dir.path())
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--engine",
            "typst",
        ])
        .env("RESUMEC_TYPST", &fake)
        .assert()
        .code(3)
        .stderr(contains("the fake typst broke").and(contains("nothing was written")));
    assert_eq!(
        fs::read_to_string(dir.path().join("out/resume.txt")).unwrap(),
        "an earlier build"
    );
    assert_eq!(fs::read_dir(dir.path().join("out")).unwrap().count(), 1);
}

#[test]
fn paper_size_comes_from_the_yaml_or_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let letter = pdfinfo(&build_pdf(dir.path(), &real_resume(), "typst", &[]));
    assert!(letter.contains("(letter)"), "{letter}");
    let a4 = tempfile::tempdir().unwrap();
    let info = pdfinfo(&build_pdf(
        a4.path(),
        &real_resume(),
        "typst",
        &["--paper", "a4"],
    ));
    assert!(info.contains("(A4)"), "{info}");
}

#[test]
fn a_character_the_fonts_lack_is_a_located_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("r.yaml"),
        "basics:\n  name: Ada ☃\n  email: a@ada.dev\n",
    )
    .unwrap();
    resumec(dir.path())
        .args(["build", "r.yaml", "--format", "pdf", "--engine", "typst"])
        .assert()
        .success()
        .stderr(contains("have no glyph for `☃` (U+2603)").and(contains("r.yaml:2:13")));
}

/// Builds the real résumé's PDF with typst into `dir/NAME`, with the
/// environment changed as given (a value of `None` unsets it); its bytes.
fn typst_pdf_with_env(dir: &Path, name: &str, env: &[(&str, Option<&Path>)]) -> Vec<u8> {
    let mut command = resumec(dir);
    command
        .args(["build", real_resume().to_str().unwrap()])
        .args([
            "--format", "pdf", "--engine", "typst", "--force", "--out", name,
        ])
        .env_remove("SOURCE_DATE_EPOCH");
    for (key, value) in env {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    command.assert().success();
    fs::read(dir.join(name).join("resume.pdf")).unwrap()
}

/// The embedded fonts, as layouts/fonts holds them.
fn embedded_font(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("layouts/fonts")
            .join(name),
    )
    .unwrap()
}

#[cfg(unix)]
#[test]
fn a_damaged_or_planted_font_cache_is_repaired() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let env = [("XDG_CACHE_HOME", Some(cache.as_path()))];
    let clean = typst_pdf_with_env(dir.path(), "clean", &env);
    let fonts_dir = fs::read_dir(cache.join("resumec"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("fonts-")
        })
        .expect("the fonts are unpacked into the cache");
    let regular = fonts_dir.join("Lato-Regular.ttf");
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&cache.join("resumec")), 0o700);
    assert_eq!(mode(&fonts_dir), 0o700);

    // Lato Regular altered (replaced by the bold), then deleted.
    fs::write(&regular, embedded_font("Lato-Bold.ttf")).unwrap();
    assert!(typst_pdf_with_env(dir.path(), "altered", &env) == clean);
    assert_eq!(
        fs::read(&regular).unwrap(),
        embedded_font("Lato-Regular.ttf")
    );
    fs::remove_file(&regular).unwrap();
    assert!(typst_pdf_with_env(dir.path(), "deleted", &env) == clean);

    // A directory planted under the cache's name: open to all, every
    // font the bold, and one more font.
    fs::remove_dir_all(&fonts_dir).unwrap();
    fs::create_dir(&fonts_dir).unwrap();
    for (name, _) in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/fonts"))
        .unwrap()
        .map(|entry| (entry.unwrap().file_name(), ()))
        .filter(|(name, _)| name.to_str().unwrap().ends_with(".ttf"))
    {
        fs::write(fonts_dir.join(name), embedded_font("Lato-Bold.ttf")).unwrap();
    }
    fs::write(
        fonts_dir.join("Planted.ttf"),
        embedded_font("Lato-Italic.ttf"),
    )
    .unwrap();
    fs::set_permissions(&fonts_dir, fs::Permissions::from_mode(0o777)).unwrap();
    assert!(typst_pdf_with_env(dir.path(), "planted", &env) == clean);
    assert!(!fonts_dir.join("Planted.ttf").exists());
    assert_eq!(mode(&fonts_dir), 0o700);
}

#[cfg(unix)]
#[test]
fn without_home_the_cache_is_the_users_own_directory() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let clean_cache = dir.path().join("cache");
    let clean = typst_pdf_with_env(
        dir.path(),
        "clean",
        &[("XDG_CACHE_HOME", Some(clean_cache.as_path()))],
    );
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let uid = fs::metadata(&tmp).unwrap().uid();
    // Left open to everyone by an earlier, careless run.
    let shared = tmp.join(format!("resumec-{uid}"));
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).unwrap();
    let env = [
        ("HOME", None),
        ("XDG_CACHE_HOME", None),
        ("TMPDIR", Some(tmp.as_path())),
    ];
    assert!(typst_pdf_with_env(dir.path(), "no-home", &env) == clean);
    let names: Vec<_> = fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        [shared.file_name().unwrap()],
        "nothing else in the temp dir"
    );
    assert_eq!(
        fs::metadata(&shared).unwrap().permissions().mode() & 0o777,
        0o700
    );
}

#[test]
fn a_typst_layout_that_imports_a_package_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("layouts/typst/resume.typ");
    fs::create_dir_all(template.parent().unwrap()).unwrap();
    let build = |extra: &[&str]| {
        let mut command = resumec(dir.path());
        command
            .args(["build", real_resume().to_str().unwrap()])
            .args([
                "--format",
                "pdf",
                "--engine",
                "typst",
                "--layouts",
                "layouts",
            ])
            .args(extra)
            .env("XDG_CACHE_HOME", dir.path().join("cache"));
        command.assert()
    };
    fs::write(
        &template,
        "#import \"@preview/cetz:0.3.0\": canvas\nHello\n",
    )
    .unwrap();
    build(&[]).code(3).stderr(
        contains("imports the package `@preview/cetz:0.3.0`")
            .and(contains("layouts/typst/resume.typ"))
            .and(contains("--allow-typst-packages")),
    );
    // A name built at run time gets past the check, and typst still
    // cannot download: its proxy is a closed local port.
    fs::write(
        &template,
        "#let spec = \"@pre\" + \"view/cetz:0.3.0\"\n#import spec: canvas\n",
    )
    .unwrap();
    build(&[]).code(3).stderr(
        contains("failed to download package").and(contains("127.0.0.1").or(contains("refused"))),
    );
    assert!(!dir.path().join("out").exists(), "nothing was written");
}

#[test]
fn a_typst_layout_without_typst_is_named_as_unused() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("layouts/typst/resume.typ");
    fs::create_dir_all(template.parent().unwrap()).unwrap();
    fs::write(&template, "Mine\n").unwrap();
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap()])
        .args([
            "--format",
            "pdf",
            "--layouts",
            "layouts",
            "--typst",
            "/nonexistent/typst",
        ])
        .assert()
        .success()
        .stderr(contains("using the built-in PDF engine").and(contains(
            "does not read the typst layout layouts/typst/resume.typ",
        )));
}

/// The typst layout's margins: 0.7 in left and right, 0.64 in at the bottom.
const MARGINS: page_bounds::Margins = page_bounds::Margins {
    x: 0.7 * 72.0,
    bottom: 0.64 * 72.0,
};

#[test]
fn oversized_content_breaks_across_pages_and_at_the_margin() {
    page_bounds::assert_oversized_breaks_within_the_margins("typst", MARGINS);
}

#[test]
fn a_page_budget_counts_a_group_taller_than_a_page_as_the_pages_it_fills() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, bullets) = page_bounds::overflowing_group_resume();
    let input = dir.path().join("overflowing.yaml");
    fs::write(&input, yaml).unwrap();
    let whole = build_pdf(dir.path(), &input, "typst", &[]);
    assert!(page_bounds::page_count(&whole) > 3);
    let words = page_bounds::assert_inside_the_pages(&whole, MARGINS);
    page_bounds::assert_each_printed_once(&words, &bullets);

    resumec(dir.path())
        .args(["build", "overflowing.yaml", "--format", "pdf"])
        .args(["--engine", "typst", "--variant", "three-pages"])
        .assert()
        .success()
        .stderr(contains("fitted from").and(contains("as it is").not()));
    let pdf = dir.path().join("out/overflowing-three-pages.pdf");
    assert!(page_bounds::page_count(&pdf) <= 3);
    // Fitting tightens the margins first, down to half an inch.
    let tightest = page_bounds::Margins {
        x: 0.5 * 72.0,
        bottom: 0.5 * 72.0,
    };
    let words = page_bounds::assert_inside_the_pages(&pdf, tightest);
    page_bounds::assert_each_printed_once(&words, &bullets[..1]);
    let joined: String = words.iter().map(|w| w.text.as_str()).collect();
    assert!(
        !joined.contains("g2w000"),
        "the last bullet does not fit yet is there"
    );
}

/// A theme's margins as its tokens file declares them (read by hand).
fn theme_margins(theme: &str) -> page_bounds::Margins {
    let path = format!(
        "{}/layouts/themes/{theme}/theme.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let tokens: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let points = |key: &str| {
        let length = tokens["margins"][key].as_str().unwrap();
        let inches: f64 = length
            .strip_suffix("in")
            .expect("margins in inches")
            .parse()
            .unwrap();
        inches * 72.0
    };
    page_bounds::Margins {
        x: points("x"),
        bottom: points("bottom"),
    }
}

#[test]
fn every_theme_breaks_oversized_content_across_pages_and_at_its_margins() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, texts) = page_bounds::oversized_resume();
    let input = dir.path().join("oversized.yaml");
    fs::write(&input, yaml).unwrap();
    for theme in ["compact", "serif", "modern"] {
        let set = format!("design.theme={theme}");
        let pdf = build_pdf(dir.path(), &input, "typst", &["--set", &set, "--force"]);
        assert!(page_bounds::page_count(&pdf) >= 3, "{theme}");
        let words = page_bounds::assert_inside_the_pages(&pdf, theme_margins(theme));
        page_bounds::assert_each_printed_once(&words, &texts);
    }
}

#[test]
fn resume_text_that_looks_like_a_package_name_is_only_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.yaml");
    fs::write(
        &input,
        "basics:\n  name: Ada Quux\n  email: ada@quux.dev\n\
         summary: 'Wrote \"quoted\" specs'\n\
         focus_areas:\n  - '@acme/widgets:1.0 and \"@preview/x:0.1\"'\n",
    )
    .unwrap();
    let pdf = build_pdf(dir.path(), &input, "typst", &[]);
    let text = pdftotext(&pdf);
    assert!(text.contains("@acme/widgets:1.0"), "{text}");
    assert!(text.contains("\"@preview/x:0.1\""), "{text}");
}
