//! Snapshots of the text formats: any change to what a reader sees shows up
//! in review as a diff of tests/snapshots/.

mod common;

use common::{fixture, real_resume, resumec};

fn render(input: &std::path::Path, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    resumec(dir.path())
        .args(["build", input.to_str().unwrap(), "--format", format])
        .assert()
        .success();
    let stem = input.file_stem().unwrap().to_str().unwrap();
    std::fs::read_to_string(dir.path().join("out").join(format!("{stem}.{format}"))).unwrap()
}

#[test]
fn real_resume_as_text() {
    insta::assert_snapshot!(render(&real_resume(), "txt"));
}

#[test]
fn real_resume_as_markdown() {
    insta::assert_snapshot!(render(&real_resume(), "md"));
}

#[test]
fn hostile_resume_as_text() {
    insta::assert_snapshot!(render(&fixture("hostile.yaml"), "txt"));
}

#[test]
fn hostile_resume_as_markdown() {
    insta::assert_snapshot!(render(&fixture("hostile.yaml"), "md"));
}
