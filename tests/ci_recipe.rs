//! The GitHub Actions recipe in examples/ci: every resumec command it runs is
//! one this resumec accepts, and it uploads the directory it builds into.

mod common;

use std::path::Path;

use common::resumec;

/// Every line of the workflow's `run:` scripts that invokes resumec, split into words.
fn resumec_commands(workflow: &serde_yaml::Value) -> Vec<Vec<String>> {
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    steps
        .iter()
        .filter_map(|step| step["run"].as_str())
        .flat_map(str::lines)
        .map(str::trim)
        .filter(|line| line.starts_with("resumec "))
        .map(|line| line.split_whitespace().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_ci_recipe_runs_commands_this_resumec_accepts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ci/resume.yml");
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let commands = resumec_commands(&workflow);
    let subcommands: Vec<&str> = commands.iter().map(|words| words[1].as_str()).collect();
    assert_eq!(
        subcommands,
        ["validate", "lint", "build", "build", "check"],
        "{commands:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    for words in &commands {
        // `--help` last: clap first rejects any flag or value before it that
        // this resumec does not know, without building anything.
        resumec(dir.path())
            .args(&words[1..])
            .arg("--help")
            .assert()
            .success();
    }

    let upload = workflow["jobs"]["build"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.starts_with("actions/upload-artifact@"))
        })
        .expect("the recipe uploads its outputs");
    let uploaded = upload["with"]["path"]
        .as_str()
        .unwrap()
        .trim_end_matches('/');
    for build in commands.iter().filter(|words| words[1] == "build") {
        let out = build
            .windows(2)
            .find(|pair| pair[0] == "--out")
            .map(|pair| &pair[1]);
        assert_eq!(out.map(String::as_str), Some(uploaded), "{build:?}");
    }
}
