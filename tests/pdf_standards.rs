//! `--pdf-standard`: PDFs from the real typst carry the standard's XMP
//! identifiers and a tagged structure, read back with lopdf; the built-in
//! engine refuses.

mod common;

use std::path::Path;

use common::{build_pdf, poppler, real_resume, resumec};
use lopdf::{Dictionary, Document, Object};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// The real résumé built with typst and `--pdf-standard standard`, loaded.
fn standard_pdf(dir: &Path, standard: &str) -> (Vec<u8>, Document) {
    let path = build_pdf(dir, &real_resume(), "typst", &["--pdf-standard", standard]);
    let bytes = std::fs::read(&path).unwrap();
    let document = Document::load_mem(&bytes).unwrap();
    (bytes, document)
}

fn catalog(document: &Document) -> &Dictionary {
    document.catalog().unwrap()
}

/// The object `key` of `dict` names, followed through a reference.
fn resolved<'a>(document: &'a Document, dict: &'a Dictionary, key: &[u8]) -> &'a Object {
    let object = dict.get(key).unwrap_or_else(|_| {
        panic!("no /{}", String::from_utf8_lossy(key));
    });
    match object {
        Object::Reference(id) => document.get_object(*id).unwrap(),
        other => other,
    }
}

/// The document's XMP metadata packet, as text.
fn xmp(document: &Document) -> String {
    let Object::Stream(stream) = resolved(document, catalog(document), b"Metadata") else {
        panic!("/Metadata is not a stream");
    };
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    String::from_utf8(bytes).unwrap()
}

fn text_string(object: &Object) -> String {
    match object {
        Object::String(bytes, _) => lopdf::decode_text_string(object)
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
        other => panic!("not a string: {other:?}"),
    }
}

#[test]
fn ua_1_is_tagged_titled_in_english_and_identified() {
    let dir = tempfile::tempdir().unwrap();
    let (_, document) = standard_pdf(dir.path(), "ua-1");
    let xmp = xmp(&document);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(
        xmp.contains("Your Name — Résumé"),
        "the title is in the XMP"
    );

    let catalog = catalog(&document);
    let Object::Dictionary(tree) = resolved(&document, catalog, b"StructTreeRoot") else {
        panic!("/StructTreeRoot is not a dictionary");
    };
    assert!(tree.has(b"K"), "the structure tree has children");
    let Object::Dictionary(mark_info) = resolved(&document, catalog, b"MarkInfo") else {
        panic!("/MarkInfo is not a dictionary");
    };
    assert_eq!(mark_info.get(b"Marked").unwrap(), &Object::Boolean(true));
    assert_eq!(text_string(resolved(&document, catalog, b"Lang")), "en");
    let Object::Dictionary(viewer) = resolved(&document, catalog, b"ViewerPreferences") else {
        panic!("/ViewerPreferences is not a dictionary");
    };
    assert_eq!(
        viewer.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true),
        "viewers show the title, not the file name"
    );
}

#[test]
fn ua_1_links_carry_their_text_and_separators_are_artifacts() {
    let dir = tempfile::tempdir().unwrap();
    let (_, document) = standard_pdf(dir.path(), "ua-1");
    let mut links = 0;
    for object in document.objects.values() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        if dict.get(b"Subtype").ok() == Some(&Object::Name(b"Link".to_vec())) {
            links += 1;
            let contents = text_string(dict.get(b"Contents").expect("a link has /Contents"));
            assert!(!contents.trim().is_empty(), "a link's text is empty");
        }
    }
    assert!(links > 0, "the résumé has links");
    // The contact line's `•` separators are drawn inside artifacts, so a
    // screen reader skips them; pdftotext still sees them.
    let first_page = *document.get_pages().values().next().unwrap();
    let content = String::from_utf8_lossy(&document.get_page_content(first_page)).into_owned();
    let artifacts = content.matches("/Artifact").count();
    let pdf = dir.path().join("out/resume.pdf");
    let page_1 = poppler("pdftotext", &["-f", "1", "-l", "1", "-layout"], &pdf);
    assert!(page_1.contains("you@example.com • Northern Virginia"));
    let separators = page_1.matches('·').count() + page_1.matches(" • ").count();
    assert!(separators > 5, "{page_1}");
    assert!(
        artifacts >= separators,
        "{artifacts} artifacts for {separators} separators on page 1"
    );
}

#[test]
fn pdf_a_carries_its_identifiers_and_the_fixed_date_and_rebuilds_identically() {
    for (standard, part) in [("a-2b", "2"), ("a-3b", "3")] {
        let first = tempfile::tempdir().unwrap();
        let (bytes, document) = standard_pdf(first.path(), standard);
        let xmp = xmp(&document);
        assert!(
            xmp.contains(&format!("<pdfaid:part>{part}</pdfaid:part>")),
            "{xmp}"
        );
        assert!(
            xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "{xmp}"
        );
        assert!(xmp.contains("1980-01-01"), "the fixed date: {xmp}");
        assert!(document.catalog().unwrap().has(b"StructTreeRoot"));
        let second = tempfile::tempdir().unwrap();
        let (again, _) = standard_pdf(second.path(), standard);
        assert!(bytes == again, "{standard} PDFs differ between builds");
    }
}

#[test]
fn pdf_a_takes_its_date_from_source_date_epoch_and_combines_with_ua_1() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap(), "--format", "pdf"])
        .args(["--engine", "typst", "--pdf-standard", "ua-1,a-2b"])
        .env("SOURCE_DATE_EPOCH", "1717200000") // 2024-06-01
        .assert()
        .success();
    let document = Document::load(dir.path().join("out/resume.pdf")).unwrap();
    let xmp = xmp(&document);
    assert!(xmp.contains("2024-06-01"), "{xmp}");
    assert!(!xmp.contains("1980-01-01"), "{xmp}");
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"));
}

#[test]
fn the_built_in_engine_refuses_a_standard_naming_the_typst_engine() {
    let dir = tempfile::tempdir().unwrap();
    for standard in ["ua-1", "a-2b", "a-3b"] {
        resumec(dir.path())
            .args([
                "build",
                real_resume().to_str().unwrap(),
                "--format",
                "pdf,txt",
            ])
            .args(["--engine", "native", "--pdf-standard", standard])
            .assert()
            .code(2)
            .stderr(contains("--engine typst").and(contains("nothing was written")));
    }
    assert!(!dir.path().join("out").exists(), "something was written");
}

#[test]
fn auto_without_typst_refuses_a_standard_saying_how_to_install_it() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", real_resume().to_str().unwrap(), "--format", "pdf"])
        .args(["--pdf-standard", "ua-1"])
        .env("RESUMEC_TYPST", dir.path().join("no-typst"))
        .assert()
        .code(2)
        .stderr(contains("--engine typst").and(contains("cargo install")));
}

#[test]
fn an_unknown_standard_is_a_usage_error_listing_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", "--pdf-standard", "a-1b"])
        .assert()
        .code(2)
        .stderr(contains("ua-1").and(contains("a-2b")).and(contains("a-3b")));
}

#[test]
fn a_cover_letter_meets_the_standard_of_its_resume() {
    let dir = tempfile::tempdir().unwrap();
    build_pdf(
        dir.path(),
        &real_resume(),
        "typst",
        &["--variant", "payments", "--pdf-standard", "ua-1,a-2b"],
    );
    let letter = dir.path().join("out/resume-payments-letter.pdf");
    let document = Document::load(&letter).unwrap();
    let xmp = xmp(&document);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(catalog(&document).get(b"StructTreeRoot").is_ok());
}
