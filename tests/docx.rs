//! `--format docx` through the real binary: Word files opened by LibreOffice
//! headless, converted to PDF and read back with pdftotext; their parts read
//! from the zip for styles, numbering, hyperlinks and colours.

mod common;

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use common::{
    assert_every_fact, assert_facts_in_order, build_pdf, fixture, hostile_strings, libreoffice_pdf,
    pdf_pages, pdftotext, real_resume, resumec, squash,
};

/// Builds `input` as docx into `dir/out` with `extra` arguments, returning
/// the path of the file named `stem.docx`.
fn build_docx(dir: &Path, input: &Path, extra: &[&str], stem: &str) -> PathBuf {
    resumec(dir)
        .args(["build", input.to_str().unwrap(), "--format", "docx"])
        .args(["--out", "out", "--force"])
        .args(extra)
        .env_remove("SOURCE_DATE_EPOCH")
        .assert()
        .success();
    dir.join("out").join(format!("{stem}.docx"))
}

/// The real résumé's docx.
fn real_docx(dir: &Path, extra: &[&str]) -> PathBuf {
    build_docx(dir, &real_resume(), extra, "resume")
}

/// One part of a docx, as text.
fn part(docx: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(File::open(docx).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in {}", docx.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn libreoffice_reads_every_fact_of_the_real_resume_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(&libreoffice_pdf(&real_docx(dir.path(), &[])));
    assert_every_fact(&text);
    assert_facts_in_order(&text, "docx");
    let flat = squash(&text);
    for fact in ["Your Name", "you@example.com", "Senior Software Engineer"] {
        assert!(flat.contains(fact), "missing {fact}");
    }
}

#[test]
fn the_word_file_is_at_most_a_page_longer_than_the_typst_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let typst = pdf_pages(&build_pdf(dir.path(), &real_resume(), "typst", &[]));
    let word = pdf_pages(&libreoffice_pdf(&real_docx(dir.path(), &[])));
    assert!(word <= typst + 1, "{word} pages in Word, {typst} in typst");
}

#[test]
fn hostile_text_prints_literally() {
    let dir = tempfile::tempdir().unwrap();
    let docx = build_docx(dir.path(), &fixture("hostile.yaml"), &[], "hostile");
    let text = squash(&pdftotext(&libreoffice_pdf(&docx)));
    for hostile in hostile_strings() {
        assert!(text.contains(&squash(&hostile)), "not literal: {hostile}");
    }
    // The javascript: target stays text and never becomes a relationship.
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(!rels.contains("javascript"), "{rels}");
}

/// A résumé with six links in one field, written to `dir`.
fn links_resume(dir: &Path) -> PathBuf {
    let links: Vec<String> = (1..=6)
        .map(|n| format!("[link {n}](https://example.com/{n})"))
        .collect();
    let input = dir.join("links.yaml");
    let yaml = format!("basics:\n  name: Ada\nsummary: \"{}\"\n", links.join(" "));
    fs::write(&input, yaml).unwrap();
    input
}

/// The docx files `args` build in a fresh directory, by name.
fn docx_files(input: impl Fn(&Path) -> PathBuf, args: &[&str]) -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path());
    resumec(dir.path())
        .args(["build", input.to_str().unwrap(), "--format", "docx"])
        .args(["--out", "out"])
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .assert()
        .success();
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "docx"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Every variant at once (rendered on threads), and a field of six links
/// (whose relationships must keep their order), built twice.
#[test]
fn two_builds_are_byte_identical() {
    let real = |_: &Path| real_resume();
    let first = docx_files(real, &["--all-variants"]);
    assert!(first.len() > 2, "{} files", first.len());
    assert!(
        first == docx_files(real, &["--all-variants"]),
        "variants differ"
    );
    let links = docx_files(links_resume, &[]);
    for _ in 0..3 {
        assert!(links == docx_files(links_resume, &[]), "links differ");
    }
}

#[test]
fn paragraphs_use_word_styles_and_bullets_use_numbering() {
    let dir = tempfile::tempdir().unwrap();
    let docx = real_docx(dir.path(), &[]);
    let styles = part(&docx, "word/styles.xml");
    for id in ["Title", "Heading1", "Heading2", "ListBullet", "Hyperlink"] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "no {id} style"
        );
    }
    assert!(
        styles.contains("<w:name w:val=\"heading 1\" />"),
        "{styles}"
    );
    assert!(
        styles.contains("w:ascii=\"Lato\""),
        "the theme's font: {styles}"
    );
    let numbering = part(&docx, "word/numbering.xml");
    assert!(
        numbering.contains("<w:numFmt w:val=\"bullet\" />"),
        "{numbering}"
    );
    let document = part(&docx, "word/document.xml");
    for id in ["Title", "Heading1", "Heading2", "Heading3", "ListBullet"] {
        assert!(
            document.contains(&format!("<w:pStyle w:val=\"{id}\" />")),
            "no paragraph in {id}"
        );
    }
    assert!(
        document.contains("<w:numId w:val=\"2\" />"),
        "bullets unnumbered"
    );
    // One column: nothing a parser reads out of order.
    for layout in ["<w:tbl>", "<w:txbxContent", "<w:framePr", "<w:drawing"] {
        assert!(!document.contains(layout), "{layout} in the document");
    }
    for columns in document.split("<w:cols ").skip(1) {
        assert!(columns.contains("w:num=\"1\""), "more than one column");
    }
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(rels.contains("Target=\"mailto:you@example.com\""), "{rels}");
    assert!(rels.contains("numbering.xml"), "{rels}");
    assert!(
        document.contains("<w:hyperlink r:id=\"rIdLink1\""),
        "no hyperlink"
    );
    for link in document.split("<w:hyperlink r:id=\"").skip(1) {
        let id = &link[..link.find('"').unwrap()];
        assert!(rels.contains(&format!("Id=\"{id}\"")), "{id} has no target");
    }
}

#[test]
fn the_accent_and_fonts_come_from_the_theme_and_set() {
    let dir = tempfile::tempdir().unwrap();
    let classic = part(&real_docx(dir.path(), &[]), "word/styles.xml");
    assert!(
        classic.contains("<w:color w:val=\"1F3B5C\" />"),
        "{classic}"
    );
    let set = [
        "--set",
        "design.accent=#b00020",
        "--set",
        "design.font=Libertinus Serif",
    ];
    let styles = part(&real_docx(dir.path(), &set), "word/styles.xml");
    assert!(styles.contains("<w:color w:val=\"B00020\" />"), "{styles}");
    assert!(styles.contains("w:ascii=\"Libertinus Serif\""), "{styles}");
    assert!(!styles.contains("1F3B5C"), "the theme's accent is left");
}

#[test]
fn variants_apply_as_to_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let extra = ["--variant", "public"];
    let public = build_docx(dir.path(), &real_resume(), &extra, "resume-public");
    let text = squash(&pdftotext(&libreoffice_pdf(&public)));
    assert!(!text.contains("you@example.com"), "public shows the e-mail");
    assert!(text.contains("Airbnb"), "{text}");
}

#[test]
fn inline_markup_and_newlines_become_word_formatting() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("inline.yaml");
    fs::write(
        &input,
        "basics:\n  name: Ada\nsummary: \"**bold** *italic* `code` [docs](https://example.com/a?b=1&c=2)\\nnext line\"\n",
    )
    .unwrap();
    let docx = build_docx(dir.path(), &input, &[], "inline");
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("<w:b />"), "{document}");
    assert!(document.contains("<w:i />"), "{document}");
    assert!(
        document.contains("w:ascii=\"DejaVu Sans Mono\""),
        "{document}"
    );
    assert!(
        document.contains("<w:br w:type=\"textWrapping\" />"),
        "{document}"
    );
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(
        rels.contains("Target=\"https://example.com/a?b=1&amp;c=2\""),
        "{rels}"
    );
    let text = pdftotext(&libreoffice_pdf(&docx));
    assert!(text.contains("bold italic code docs\nnext line"), "{text}");
}
