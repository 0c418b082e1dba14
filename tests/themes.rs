//! Themes, design tokens, `--set` and fonts through the real binary: every
//! built-in theme rendered by the real typst and loaded in headless
//! Chromium, PDFs read back with pdftotext and lopdf.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    assert_facts_in_order, chromium, console_errors, file_url, fixture, hostile_strings, pdftotext,
    real_resume, resumec, squash,
};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const THEMES: [&str; 4] = ["classic", "compact", "serif", "modern"];

/// An accent no theme uses, as `#rrggbb` and as the RGB fractions a PDF writes.
const ACCENT: &str = "#b00020";
const ACCENT_RGB: [f32; 3] = [176.0 / 255.0, 0.0, 32.0 / 255.0];

/// Builds `input` into `dir/out` with typst, in `formats`, with `args` after.
fn build(dir: &Path, input: &Path, formats: &str, args: &[&str]) -> PathBuf {
    resumec(dir)
        .args([
            "build",
            input.to_str().unwrap(),
            "--engine",
            "typst",
            "--force",
        ])
        .args(["--format", formats, "--out", "out"])
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .assert()
        .success();
    dir.join("out")
        .join(input.file_stem().unwrap().to_str().unwrap())
}

/// The visible text of an HTML page as Chromium builds it.
fn dom_text(page: &Path) -> String {
    let output = chromium(&["--virtual-time-budget=2000", "--dump-dom", &file_url(page)]);
    assert!(output.status.success());
    let dom = scraper::Html::parse_document(&String::from_utf8(output.stdout).unwrap());
    let body = scraper::Selector::parse("body").unwrap();
    let body = dom.select(&body).next().expect("a body");
    body.text().collect::<Vec<_>>().join(" ")
}

/// The computed colour of the first element matching `selector`, as
/// Chromium reports it (`rgb(r, g, b)`), read by a script in a copy.
fn computed_color(page: &Path, selector: &str) -> String {
    let html = fs::read_to_string(page).unwrap();
    let end = html.rfind("</body>").unwrap();
    let probe = format!(
        "{}<script>document.title = 'color ' + getComputedStyle(document.querySelector('{selector}')).color;</script>{}",
        &html[..end],
        &html[end..]
    );
    let copy = page.with_file_name("probe.html");
    fs::write(&copy, probe).unwrap();
    let output = chromium(&["--virtual-time-budget=2000", "--dump-dom", &file_url(&copy)]);
    let dom = String::from_utf8(output.stdout).unwrap();
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next());
    title
        .and_then(|t| t.strip_prefix("color "))
        .unwrap_or_else(|| panic!("no colour read: {dom}"))
        .to_owned()
}

/// The fill colours set on page 1 of a PDF (`rg`, `sc`, `scn` operands).
fn fill_colors(pdf: &Path) -> Vec<[f32; 3]> {
    let document = lopdf::Document::load(pdf).unwrap();
    let page = *document.get_pages().get(&1).unwrap();
    let content = document.get_and_decode_page_content(page).unwrap();
    content
        .operations
        .iter()
        .filter(|op| matches!(op.operator.as_str(), "rg" | "sc" | "scn"))
        .filter(|op| op.operands.len() == 3)
        .map(|op| {
            let number = |i: usize| op.operands[i].as_float().unwrap_or(-1.0);
            [number(0), number(1), number(2)]
        })
        .collect()
}

fn is_accent(color: &[f32; 3]) -> bool {
    color
        .iter()
        .zip(ACCENT_RGB)
        .all(|(a, b)| (a - b).abs() < 0.003)
}

/// Asserts the page fetches nothing: no external source, stylesheet or
/// font, and fonts embedded as data.
fn assert_self_contained(html: &str, theme: &str) {
    let lower = html.to_ascii_lowercase();
    for banned in [
        "src=",
        "<link",
        "@import",
        "url(http",
        "url(//",
        "url(\"http",
    ] {
        assert!(!lower.contains(banned), "{theme}: has `{banned}`");
    }
    assert!(lower.contains("@font-face"), "{theme}: no embedded font");
    for (at, _) in lower.match_indices("url(") {
        assert!(
            lower[at + 4..].starts_with("data:font/"),
            "{theme}: a url() that is not font data"
        );
    }
}

#[test]
fn themes_lists_every_theme_with_a_description() {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path()).arg("themes").assert().success();
    let text = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    let names: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(names, THEMES);
    for line in text.lines() {
        assert!(
            line.split_whitespace().count() > 4,
            "no description: {line}"
        );
    }
}

#[test]
fn every_theme_renders_the_resume_in_typst_and_html_with_its_accent() {
    for theme in THEMES {
        let dir = tempfile::tempdir().unwrap();
        let set_theme = format!("design.theme={theme}");
        let set_accent = format!("design.accent={ACCENT}");
        let args = ["--set", &set_theme, "--set", &set_accent];
        let out = build(dir.path(), &real_resume(), "pdf,html", &args);
        let pdf = out.with_extension("pdf");
        let html = out.with_extension("html");

        assert_facts_in_order(&pdftotext(&pdf), &format!("{theme} PDF"));
        let colors = fill_colors(&pdf);
        assert!(
            colors.iter().any(is_accent),
            "{theme}: accent not in the PDF: {colors:?}"
        );

        let source = fs::read_to_string(&html).unwrap();
        assert_self_contained(&source, theme);
        assert_facts_in_order(&dom_text(&html), &format!("{theme} HTML"));
        assert_eq!(computed_color(&html, ".name"), "rgb(176, 0, 32)", "{theme}");
        assert_eq!(
            computed_color(&html, ".section > h2"),
            "rgb(176, 0, 32)",
            "{theme}"
        );
        let errors = console_errors(&file_url(&html));
        assert!(errors.is_empty(), "{theme}: {errors:#?}");
    }
}

#[test]
fn every_theme_prints_hostile_strings_literally() {
    for theme in THEMES {
        let dir = tempfile::tempdir().unwrap();
        let set = format!("design.theme={theme}");
        let out = build(
            dir.path(),
            &fixture("hostile.yaml"),
            "pdf,html",
            &["--set", &set],
        );
        let pdf_text = squash(&pdftotext(&out.with_extension("pdf")));
        let html = out.with_extension("html");
        let dom = squash(&dom_text(&html));
        for hostile in &hostile_strings() {
            assert!(
                pdf_text.contains(hostile),
                "{theme} PDF: not literal: {hostile}"
            );
            assert!(
                dom.contains(hostile),
                "{theme} HTML: not literal: {hostile}"
            );
        }
        let errors = console_errors(&file_url(&html));
        assert!(errors.is_empty(), "{theme}: {errors:#?}");
    }
}

#[test]
fn an_ejected_theme_rebuilds_byte_for_byte() {
    for theme in THEMES {
        let dir = tempfile::tempdir().unwrap();
        let layouts = dir.path().join("my-layouts");
        resumec(dir.path())
            .args(["themes", "eject", theme, layouts.to_str().unwrap()])
            .assert()
            .success();
        assert!(layouts.join(format!("themes/{theme}/theme.yaml")).is_file());
        let set = format!("design.theme={theme}");
        let built_in = tempfile::tempdir().unwrap();
        let ejected = tempfile::tempdir().unwrap();
        let a = build(
            built_in.path(),
            &real_resume(),
            "pdf,html",
            &["--set", &set],
        );
        let layouts_flag = ["--set", &set, "--layouts", layouts.to_str().unwrap()];
        let b = build(ejected.path(), &real_resume(), "pdf,html", &layouts_flag);
        for extension in ["pdf", "html"] {
            let (a, b) = (a.with_extension(extension), b.with_extension(extension));
            assert!(
                fs::read(a).unwrap() == fs::read(b).unwrap(),
                "{theme} {extension} differs"
            );
        }
        // Ejecting again does not overwrite, unless forced.
        resumec(dir.path())
            .args(["themes", "eject", theme, layouts.to_str().unwrap()])
            .assert()
            .code(2)
            .stderr(contains("already exists").and(contains("--force")));
        resumec(dir.path())
            .args([
                "themes",
                "eject",
                theme,
                layouts.to_str().unwrap(),
                "--force",
            ])
            .assert()
            .success();
    }
}

#[test]
fn an_edited_token_changes_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let layouts = dir.path().join("layouts");
    resumec(dir.path())
        .args(["themes", "eject", "classic"])
        .assert()
        .success();
    let tokens = layouts.join("themes/classic/theme.yaml");
    let text = fs::read_to_string(&tokens).unwrap();
    assert!(text.contains("accent: \"#1f3b5c\""));
    fs::write(&tokens, text.replace("#1f3b5c", ACCENT)).unwrap();
    let out = build(dir.path(), &real_resume(), "pdf", &["--layouts", "layouts"]);
    assert!(
        fill_colors(&out.with_extension("pdf"))
            .iter()
            .any(is_accent)
    );
}

#[test]
fn an_unknown_font_exits_1_listing_the_families() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap(), "--out", "out"])
        .args(["--set", "design.font=Liberation Serif"])
        .assert()
        .code(1)
        .stderr(
            contains("--set design.font=Liberation Serif")
                .and(contains("unknown font family `Liberation Serif`"))
                .and(contains("DejaVu Sans Mono, Lato, Libertinus Serif")),
        );
    assert!(!dir.path().join("out").exists());

    // In the file, the error points at its line; so does a missing font path.
    let input = dir.path().join("cv.yaml");
    let yaml = "basics: {name: Ada Lovelace, email: ada@ada.dev}\ndesign:\n  font: Garamond\n  font_paths: [no-such-fonts]\n";
    fs::write(&input, yaml).unwrap();
    resumec(dir.path())
        .args(["validate", "cv.yaml"])
        .assert()
        .code(1)
        .stderr(
            contains("cv.yaml:3:9")
                .and(contains("unknown font family `Garamond`"))
                .and(contains("cv.yaml:4:16"))
                .and(contains("no-such-fonts")),
        );
}

#[test]
fn a_bundled_font_chosen_by_design_font_sets_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(
        dir.path(),
        &real_resume(),
        "pdf",
        &["--set", "design.font=Libertinus Serif"],
    );
    let fonts = std::process::Command::new("pdffonts")
        .arg(out.with_extension("pdf"))
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("LibertinusSerif-Regular"), "{fonts}");
    assert!(!fonts.contains("Lato"), "{fonts}");
}

#[test]
fn typst_warnings_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["themes", "eject", "classic"])
        .assert()
        .success();
    let template = dir.path().join("layouts/typst/resume.typ");
    let text = fs::read_to_string(&template).unwrap();
    assert!(text.contains("  font: with-script-fonts(design.font),"));
    fs::write(
        &template,
        text.replace(
            "  font: with-script-fonts(design.font),",
            "  font: \"Nope Sans\",",
        ),
    )
    .unwrap();
    resumec(dir.path())
        .args([
            "build",
            real_resume().to_str().unwrap(),
            "--format",
            "pdf",
            "--engine",
            "typst",
        ])
        .args(["--layouts", "layouts", "--out", "out"])
        .assert()
        .success()
        .stderr(contains("typst: unknown font family: nope sans"));
}

#[test]
fn set_overrides_fields_and_names_itself_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(
        dir.path(),
        &real_resume(),
        "txt,html",
        &[
            "--set",
            "experience.0.title=\"Staff: Engineer\"",
            "--set",
            "design.theme=serif",
        ],
    );
    let text = fs::read_to_string(out.with_extension("txt")).unwrap();
    assert!(text.contains("Staff: Engineer"), "{text}");
    let html = fs::read_to_string(out.with_extension("html")).unwrap();
    assert!(html.contains("data-theme=\"serif\""));

    for (flag, says) in [
        ("experience.9.title=X", "there is no experience 9"),
        ("design.accent=red", "`red` is not a colour"),
        ("design.theem=serif", "did you mean `theme`?"),
        ("design.theme=glossy", "unknown variant `glossy`"),
        (
            "basics.name.first=Ada",
            "`basics.name` holds a single value",
        ),
        ("design.font_size=40", "does not fit"),
    ] {
        for command in ["validate", "lint", "build", "export"] {
            resumec(dir.path())
                .args([command, real_resume().to_str().unwrap(), "--set", flag])
                .args(if command == "export" {
                    &["--to", "json-resume"][..]
                } else {
                    &[]
                })
                .assert()
                .code(1)
                .stderr(contains(format!("error: --set {flag}: ")).and(contains(says)));
        }
    }
    resumec(dir.path())
        .args([
            "validate",
            real_resume().to_str().unwrap(),
            "--set",
            "design",
        ])
        .assert()
        .code(2)
        .stderr(contains("is not PATH=VALUE"));
}

#[test]
fn a_variant_may_change_the_theme() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cv.yaml");
    let yaml = "basics: {name: Ada Lovelace, email: ada@ada.dev}\nsummary: Engines.\ndesign: {theme: serif, accent: \"#123456\"}\nvariants:\n  short:\n    description: One page\n    design: {theme: compact}\n";
    fs::write(&input, yaml).unwrap();
    let out = build(dir.path(), &input, "html", &["--all-variants"]);
    let full = fs::read_to_string(out.with_extension("html")).unwrap();
    let short = fs::read_to_string(out.with_file_name("cv-short.html")).unwrap();
    assert!(full.contains("data-theme=\"serif\"") && full.contains("--accent: #123456;"));
    // The variant's theme, with the résumé's own accent kept.
    assert!(short.contains("data-theme=\"compact\"") && short.contains("--accent: #123456;"));
}
