//! Both PDF engines set every theme alike: the same pages, the same text in
//! the same order, the theme's colours. Through the real binary, the real
//! typst, and the PDFs read back with poppler and lopdf.

mod common;

use std::path::{Path, PathBuf};

use common::{
    assert_every_fact, build_pdf, pdf_pages, pdftotext, pdftotext_with, real_resume, resumec,
    squash,
};

/// The built-in themes, as `resumec themes` lists them.
fn themes() -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let output = resumec(dir.path()).arg("themes").output().unwrap();
    assert!(output.status.success());
    let list = String::from_utf8(output.stdout).unwrap();
    let names: Vec<String> = list
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 4, "{list}");
    names
}

/// The real résumé's PDF in `theme` with `engine`, built in `dir`.
fn themed_pdf(dir: &Path, theme: &str, engine: &str, extra: &[&str]) -> PathBuf {
    let set = format!("design.theme={theme}");
    let mut args = vec!["--set", set.as_str()];
    args.extend(extra);
    build_pdf(dir, &real_resume(), engine, &args)
}

/// The PDF's text with whitespace squashed and the page numbers taken out,
/// so that only what is printed, and its order, is compared.
fn printed(pdf: &Path) -> String {
    let text = pdftotext(pdf);
    let lines = text.lines().filter(|line| !is_page_number(line.trim()));
    squash(&lines.collect::<Vec<_>>().join("\n"))
}

fn is_page_number(line: &str) -> bool {
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    parts.len() == 2 && parts.iter().all(|p| p.parse::<usize>().is_ok())
}

#[test]
fn both_engines_print_every_theme_on_the_same_pages_in_the_same_order() {
    for theme in themes() {
        let (typst, native) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let typst = themed_pdf(typst.path(), &theme, "typst", &[]);
        let native = themed_pdf(native.path(), &theme, "native", &[]);
        assert_eq!(
            pdf_pages(&typst),
            pdf_pages(&native),
            "{theme}: page counts"
        );
        assert_eq!(printed(&typst), printed(&native), "{theme}: printed text");
    }
}

/// The résumé's facts in the order the page shows them: each job's
/// company and title, then each group's name, technologies and bullets;
/// each project's name, subtitle, technologies and concepts; the skills;
/// the focus areas.
fn facts_in_order() -> Vec<String> {
    let text = std::fs::read_to_string(real_resume()).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let mut facts = Vec::new();
    let mut push = |value: &serde_yaml::Value| match value {
        serde_yaml::Value::Sequence(items) => {
            facts.extend(items.iter().filter_map(|v| v.as_str().map(str::to_owned)))
        }
        value => facts.extend(value.as_str().map(str::to_owned)),
    };
    for job in yaml["experience"].as_sequence().unwrap() {
        push(&job["company"]);
        push(&job["title"]);
        for group in job["groups"].as_sequence().unwrap() {
            push(&group["name"]);
            push(&group["technologies"]);
            push(&group["bullets"]);
        }
    }
    for project in yaml["projects"].as_sequence().unwrap() {
        for key in ["name", "subtitle", "technologies", "concepts"] {
            push(&project[key]);
        }
    }
    for group in yaml["skills"].as_sequence().unwrap() {
        push(&group["category"]);
        push(&group["items"]);
    }
    push(&yaml["focus_areas"]);
    facts
}

#[test]
fn the_native_pdf_of_every_theme_reads_every_fact_in_order() {
    let facts = facts_in_order();
    assert!(facts.len() > 50);
    for theme in themes() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = themed_pdf(dir.path(), &theme, "native", &[]);
        assert_every_fact(&pdftotext(&pdf));
        // In the order the page is drawn: skill names before their skills.
        let flat = squash(&pdftotext_with(&["-raw"], &pdf));
        let mut from = 0;
        for fact in &facts {
            let at = flat[from..].find(&squash(fact));
            let at = at.unwrap_or_else(|| panic!("{theme}: `{fact}` out of order"));
            from += at;
        }
    }
}

/// Every fill colour set in the PDF's pages, as `r g b` strings.
fn fill_colours(pdf: &Path) -> String {
    let document = lopdf::Document::load(pdf).unwrap();
    let mut colours = String::new();
    for page in document.get_pages().into_values() {
        let content = document.get_page_content(page);
        let content = lopdf::content::Content::decode(&content).unwrap();
        for op in content.operations.iter().filter(|op| op.operator == "rg") {
            let rgb: Vec<String> = op
                .operands
                .iter()
                .map(|o| format!("{:.3}", o.as_float().unwrap()))
                .collect();
            colours.push_str(&rgb.join(" "));
            colours.push('\n');
        }
    }
    colours
}

#[test]
fn the_accent_colour_reaches_the_native_pdf() {
    for theme in themes() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = themed_pdf(
            dir.path(),
            &theme,
            "native",
            &["--set", "design.accent=#b00020"],
        );
        // 0xb0 / 255, 0x00, 0x20 / 255.
        assert!(
            fill_colours(&pdf).contains("0.690 0.000 0.125"),
            "{theme}: no accent in {}",
            fill_colours(&pdf)
        );
    }
}

#[test]
fn the_serif_theme_embeds_its_cff_faces_with_small_capitals() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = themed_pdf(dir.path(), "serif", "native", &[]);
    let fonts = common::poppler("pdffonts", &[], &pdf);
    assert!(fonts.contains("LibertinusSerif-Regular"), "{fonts}");
    assert!(fonts.contains("LibertinusSerif-Bold-SC"), "{fonts}");
    assert!(fonts.contains("CID Type 0C"), "the CFF outlines: {fonts}");
    let text = pdftotext(&pdf);
    assert!(
        text.contains("\nExperience\n"),
        "small capitals read as written"
    );
}
