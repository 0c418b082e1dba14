//! Where a build and `export` may write, through the real binary: outputs
//! stay inside `--out`, and no command writes over its own input.

mod common;

use std::fs;
use std::path::Path;

use common::resumec;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// A small valid résumé with the given `variants:` block appended.
fn resume(variants: &str) -> String {
    format!(
        "basics:\n  name: Ada Lovelace\n  email: ada@lovelace.dev\nsummary: Wrote the first program.\n{variants}"
    )
}

/// Every file under `dir`, recursively, with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

#[test]
fn variant_names_that_reach_outside_out_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = resume(
        "variants:\n  \"x/../../README\":\n    description: a\n  /abs/path:\n    description: b\n  '..\\x':\n    description: c\n  .hidden:\n    description: d\n",
    );
    fs::write(dir.path().join("resume.yaml"), &yaml).unwrap();
    fs::write(dir.path().join("README.md"), "mine").unwrap();
    let before = snapshot(dir.path());
    resumec(dir.path())
        .args(["build", "--all-variants", "--format", "md,txt"])
        .assert()
        .code(1)
        .stderr(
            contains("resume.yaml:6:3")
                .and(contains("`x/../../README` cannot name a variant"))
                .and(contains("resume.yaml:8:3"))
                .and(contains("`/abs/path` cannot name a variant"))
                .and(contains("resume.yaml:10:3"))
                .and(contains("`..\\x` cannot name a variant"))
                .and(contains("`.hidden` cannot name a variant"))
                .and(contains("letters, digits")),
        );
    assert_eq!(snapshot(dir.path()), before, "nothing was written");
    resumec(dir.path())
        .args(["validate"])
        .assert()
        .code(1)
        .stderr(contains("cannot name a variant"));
}

#[test]
fn a_build_never_writes_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = resume("");
    for input in ["cv.md", "cv.txt", "cv.html"] {
        fs::write(dir.path().join(input), &yaml).unwrap();
        resumec(dir.path())
            .args(["build", input, "--out", ".", "--engine", "native"])
            .assert()
            .code(2)
            .stderr(contains(format!("would be written over the input {input}")));
        assert_eq!(fs::read_to_string(dir.path().join(input)).unwrap(), yaml);
        assert!(!dir.path().join("cv.pdf").exists(), "nothing was written");
        fs::remove_file(dir.path().join(input)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn links_to_the_input_are_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = resume("variants:\n  web:\n    description: the web page\n");
    fs::create_dir(dir.path().join("src")).unwrap();
    fs::write(dir.path().join("src/cv.txt"), &yaml).unwrap();
    // An output directory that is a link to the input's own directory.
    std::os::unix::fs::symlink("src", dir.path().join("out")).unwrap();
    resumec(dir.path())
        .args(["build", "src/cv.txt", "--out", "out", "--format", "txt"])
        .assert()
        .code(2)
        .stderr(contains("would be written over the input src/cv.txt"));
    // A hard link to the input where a variant's output would go.
    fs::write(dir.path().join("cv.yaml"), &yaml).unwrap();
    fs::create_dir(dir.path().join("dist")).unwrap();
    fs::hard_link(
        dir.path().join("cv.yaml"),
        dir.path().join("dist/cv-web.txt"),
    )
    .unwrap();
    resumec(dir.path())
        .args([
            "build",
            "cv.yaml",
            "--out",
            "dist",
            "--all-variants",
            "--format",
            "txt",
        ])
        .assert()
        .code(2)
        .stderr(contains(
            "dist/cv-web.txt would be written over the input cv.yaml",
        ));
    assert_eq!(
        fs::read_to_string(dir.path().join("cv.yaml")).unwrap(),
        yaml
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("src/cv.txt")).unwrap(),
        yaml
    );
    assert!(
        !dir.path().join("dist/cv.txt").exists(),
        "nothing was written"
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_input_is_never_replaced_by_its_output() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = resume("");
    fs::write(dir.path().join("r.yaml"), &yaml).unwrap();
    std::os::unix::fs::symlink("r.yaml", dir.path().join("link.md")).unwrap();
    resumec(dir.path())
        .args(["build", "link.md", "--out", ".", "--format", "md"])
        .assert()
        .code(2)
        .stderr(contains(
            "./link.md would be written over the input link.md",
        ));
    let link = fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert_eq!(
        fs::read_to_string(dir.path().join("link.md")).unwrap(),
        yaml
    );
    assert!(!dir.path().join(".resumec-link.stamp").exists());
    resumec(dir.path())
        .args(["validate", "link.md"])
        .assert()
        .success();
}

#[test]
fn out_must_be_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resume.yaml"), resume("")).unwrap();
    fs::write(dir.path().join("min.yaml"), "mine").unwrap();
    let before = snapshot(dir.path());
    for out in ["min.yaml", "min.yaml/sub", "/dev/null"] {
        resumec(dir.path())
            .args(["build", "--out", out, "--format", "txt"])
            .assert()
            .code(2)
            .stderr(
                contains(format!(
                    "error: --out {out} is not a directory; nothing was written"
                ))
                .and(contains("File exists").not()),
            );
    }
    assert_eq!(snapshot(dir.path()), before, "nothing was written");
}

#[test]
fn export_keeps_existing_files_unless_forced_and_never_replaces_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = resume("");
    fs::write(dir.path().join("resume.yaml"), &yaml).unwrap();
    fs::write(dir.path().join("resume.json"), "keep me").unwrap();
    let export = |args: &[&str]| {
        let mut command = resumec(dir.path());
        command.args(["export", "--to", "json-resume"]).args(args);
        command.assert()
    };
    export(&["-o", "resume.json"])
        .code(3)
        .stderr(contains("resume.json already exists; pass --force"));
    assert_eq!(
        fs::read_to_string(dir.path().join("resume.json")).unwrap(),
        "keep me"
    );
    export(&["-o", "resume.json", "--force"]).success();
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("resume.json")).unwrap()).unwrap();
    assert_eq!(json["basics"]["name"], "Ada Lovelace");
    for args in [
        &["-o", "resume.yaml"][..],
        &["-o", "resume.yaml", "--force"],
        &["-o", "./resume.yaml", "--force"],
    ] {
        export(args).code(3).stderr(contains("is the input itself"));
        assert_eq!(
            fs::read_to_string(dir.path().join("resume.yaml")).unwrap(),
            yaml
        );
    }
}

#[test]
fn import_never_replaces_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"basics": {"name": "Ada Lovelace", "email": "ada@lovelace.dev"}}"#;
    fs::write(dir.path().join("cv.json"), json).unwrap();
    resumec(dir.path())
        .args(["import", "cv.json", "-o", "cv.json", "--force"])
        .assert()
        .code(3)
        .stderr(contains("is the input itself"));
    assert_eq!(
        fs::read_to_string(dir.path().join("cv.json")).unwrap(),
        json
    );
}
