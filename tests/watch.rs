//! `resumec build --watch` through the real binary: edits, editor-style
//! rename-over saves, invalid saves, layouts edits and Ctrl-C. Every wait
//! polls with a generous deadline; nothing asserts how long anything took.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use common::resumec;
use predicates::str::contains;

/// How long anything may take before a test gives up: far more than a
/// rebuild needs, even on a loaded machine.
const DEADLINE: Duration = Duration::from_secs(30);

/// A small valid résumé with one variant.
fn resume(headline: &str) -> String {
    format!(
        "basics:\n  name: Ada Lovelace\n  headline: {headline}\n  email: ada@example.org\n\
         variants:\n  short:\n    description: Short.\n    headline: Short Headline\n"
    )
}

/// A running `resumec build --watch`, killed when dropped so no test leaves
/// a process behind, whether it passes or panics.
struct Watching {
    child: Child,
    lines: Receiver<String>,
    /// Every line read so far, stdout and stderr in order of arrival.
    transcript: String,
}

impl Watching {
    /// Starts watching in `dir` and waits until the first build is done.
    fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resumec"))
            .current_dir(dir)
            .args(["build", "--watch"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("resumec starts");
        let (sender, lines) = mpsc::channel();
        let stdout: Box<dyn Read + Send> = Box::new(child.stdout.take().unwrap());
        let stderr: Box<dyn Read + Send> = Box::new(child.stderr.take().unwrap());
        for stream in [stdout, stderr] {
            let sender = sender.clone();
            thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if sender.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        let mut watching = Watching {
            child,
            lines,
            transcript: String::new(),
        };
        watching.wait_for_line("watching ");
        watching
    }

    /// Reads output until a line containing `text`; earlier lines are skipped.
    fn wait_for_line(&mut self, text: &str) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(line) = self.lines.recv_timeout(left) else {
                panic!(
                    "no line with {text:?}; the output was:\n{}",
                    self.transcript
                );
            };
            self.transcript.push_str(&line);
            self.transcript.push('\n');
            if line.contains(text) {
                return;
            }
        }
    }

    /// Waits until `path` holds `text`.
    fn wait_for_file(&self, path: &Path, text: &str) {
        let deadline = Instant::now() + DEADLINE;
        while !fs::read_to_string(path).is_ok_and(|content| content.contains(text)) {
            assert!(
                Instant::now() < deadline,
                "{} never held {text:?}; the output was:\n{}",
                path.display(),
                self.transcript
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn edits_rebuild_and_an_invalid_save_keeps_watching_and_the_last_good_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("resume.yaml");
    let output = dir.path().join("out/resume.txt");
    fs::write(&input, resume("First Headline")).unwrap();
    let mut watching = Watching::start(dir.path(), &["--format", "txt"]);
    assert!(
        fs::read_to_string(&output)
            .unwrap()
            .contains("First Headline")
    );

    fs::write(&input, resume("Second Headline")).unwrap();
    watching.wait_for_file(&output, "Second Headline");
    watching.wait_for_line("rebuilt in ");

    fs::write(
        &input,
        resume("Broken Headline").replace("email:", "emial:"),
    )
    .unwrap();
    watching.wait_for_line("resume.yaml is invalid");
    watching.wait_for_line("rebuild failed");
    assert!(
        watching.transcript.contains("emial"),
        "{}",
        watching.transcript
    );
    assert!(watching.is_running(), "an invalid save ended the watch");
    let kept = fs::read_to_string(&output).unwrap();
    assert!(kept.contains("Second Headline"), "{kept}");

    fs::write(&input, resume("Third Headline")).unwrap();
    watching.wait_for_file(&output, "Third Headline");
    watching.wait_for_line("rebuilt in ");
    assert!(watching.is_running());
}

#[test]
fn a_save_by_rename_rebuilds_every_variant() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("resume.yaml");
    fs::write(&input, resume("First Headline")).unwrap();
    let watching = Watching::start(dir.path(), &["--format", "txt", "--all-variants"]);
    let variant = dir.path().join("out/resume-short.txt");
    assert!(
        fs::read_to_string(&variant)
            .unwrap()
            .contains("Short Headline")
    );

    // As vim and VS Code save: a new file, renamed over the old one.
    let saved = dir.path().join(".resume.yaml.swp");
    fs::write(
        &saved,
        resume("Renamed Headline").replace("Short Headline", "Brief"),
    )
    .unwrap();
    fs::rename(&saved, &input).unwrap();
    watching.wait_for_file(&dir.path().join("out/resume.txt"), "Renamed Headline");
    watching.wait_for_file(&variant, "Brief");
}

#[test]
fn a_layouts_edit_rebuilds() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resume.yaml"), resume("Headline")).unwrap();
    let template = dir.path().join("layouts/markdown/resume.hbs");
    fs::create_dir_all(template.parent().unwrap()).unwrap();
    fs::write(&template, "First layout\n").unwrap();
    let watching = Watching::start(dir.path(), &["--format", "md", "--layouts", "layouts"]);
    let output = dir.path().join("out/resume.md");
    assert!(
        fs::read_to_string(&output)
            .unwrap()
            .contains("First layout")
    );

    fs::write(&template, "Second layout\n").unwrap();
    watching.wait_for_file(&output, "Second layout");
}

#[cfg(unix)]
#[test]
fn a_symlinked_resume_rebuilds_on_edits_of_its_target_and_follows_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::write(data.join("cv.yaml"), resume("First Headline")).unwrap();
    fs::write(data.join("other.yaml"), resume("Other Headline")).unwrap();
    std::os::unix::fs::symlink("data/cv.yaml", dir.path().join("resume.yaml")).unwrap();
    let watching = Watching::start(dir.path(), &["--format", "txt"]);
    let output = dir.path().join("out/resume.txt");
    assert!(
        fs::read_to_string(&output)
            .unwrap()
            .contains("First Headline")
    );

    // An edit lands in the target's directory, not beside the link.
    fs::write(data.join("cv.yaml"), resume("Second Headline")).unwrap();
    watching.wait_for_file(&output, "Second Headline");

    // The link re-pointed (replaced by rename, as `ln -sf` does), then the new target edited.
    let new_link = dir.path().join(".resume.yaml.new");
    std::os::unix::fs::symlink("data/other.yaml", &new_link).unwrap();
    fs::rename(&new_link, dir.path().join("resume.yaml")).unwrap();
    watching.wait_for_file(&output, "Other Headline");
    fs::write(data.join("other.yaml"), resume("Third Headline")).unwrap();
    watching.wait_for_file(&output, "Third Headline");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_watching_as_an_interrupted_command() {
    use std::os::unix::process::ExitStatusExt;

    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resume.yaml"), resume("Headline")).unwrap();
    let mut watching = Watching::start(dir.path(), &["--format", "txt"]);
    let pid = Pid::from_raw(watching.child.id().try_into().unwrap());
    kill(pid, Signal::SIGINT).unwrap();
    let deadline = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(status) = watching.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "Ctrl-C did not stop the watch");
        thread::sleep(Duration::from_millis(50));
    };
    // Ended by the signal itself, as a shell expects of an interrupted command.
    assert_eq!(status.signal(), Some(Signal::SIGINT as i32), "{status}");
}

#[test]
fn a_missing_layouts_directory_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resume.yaml"), resume("Headline")).unwrap();
    resumec(dir.path())
        .args(["build", "--watch", "--layouts", "nope"])
        .timeout(DEADLINE)
        .assert()
        .code(2)
        .stderr(contains("cannot watch nope"));
}
