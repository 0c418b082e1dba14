//! Builds under faults, through the real binary: bad input, a crashing,
//! hanging or lying typst, an output directory that cannot be written, a
//! Ctrl-C or SIGTERM mid-build, and concurrent builds into one directory.
//!
//! Each case checks the same promise: a failed or interrupted build leaves
//! every earlier output byte-identical, leaves no temp file in the output
//! directory and nothing in the temp dir (every child runs
//! with a private, initially empty `TMPDIR`, so "empty afterwards" is exact),
//! and says what went wrong with the documented exit status.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::real_resume;

/// A directory holding a copy of the real résumé, its outputs in `out/`,
/// and a private temp dir and font cache for the builds run in it.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::copy(real_resume(), dir.path().join("resume.yaml")).unwrap();
        for sub in ["tmp", "cache"] {
            fs::create_dir(dir.path().join(sub)).unwrap();
        }
        Sandbox { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `resumec ARGS` in the sandbox, with its own TMPDIR and cache.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_resumec"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("TMPDIR", self.path("tmp"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env_remove("RESUMEC_TYPST")
            .env_remove("RESUMEC_TYPST_TIMEOUT")
            .env_remove("SOURCE_DATE_EPOCH")
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Builds the résumé into `out` with the built-in engine, as the good
    /// earlier build a failing one must not disturb.
    fn good_build(&self, out: &str) -> BTreeMap<String, Vec<u8>> {
        let output = self.run(&[
            "build",
            "--engine",
            "native",
            "--format",
            "pdf,html,md,txt",
            "--out",
            out,
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        let files = contents(&self.path(out));
        assert_eq!(files.len(), 5, "four outputs and a stamp: {files:?}");
        files
    }

    /// A fake `typst` that answers `--version` like typst 0.15.1 and runs
    /// `compile` (a shell snippet) for a compile. It records its PID in
    /// `typst.pid` once it is compiling; the snippet sees where the PDF
    /// goes (the last argument, stdout for `-`) as `$out`.
    fn fake_typst(&self, compile: &str) -> PathBuf {
        let path = self.path("fake-typst");
        let pid = self.path("typst.pid");
        let script = format!(
            "#!/bin/sh\n\
             if [ \"$1\" = --version ]; then echo 'typst 0.15.1 (fake)'; exit 0; fi\n\
             for out; do :; done; if [ \"$out\" = - ]; then out=/dev/stdout; fi\n\
             echo $$ > '{pid}.partial' && mv '{pid}.partial' '{pid}'\n\
             {compile}\n",
            pid = pid.display()
        );
        fs::write(&path, script).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    /// A build whose fake typst starts `sleep 600` (recording its PID in
    /// `sleep.pid`) and waits for it: a typst that hangs, child and all.
    fn hanging_typst_build(&self) -> Command {
        let typst = self.fake_typst(&format!(
            "sleep 600 & echo $! > '{}'; wait",
            self.path("sleep.pid").display()
        ));
        let typst = typst.to_str().unwrap();
        self.command(&["build", "--engine", "typst", "--typst", typst, "--force"])
    }

    /// A PID the fake typst recorded under `name`, once it has.
    fn recorded_pid(&self, name: &str) -> Option<i32> {
        let text = fs::read_to_string(self.path(name)).ok()?;
        text.trim().parse().ok()
    }

    /// Asserts that the private temp dir is empty and no font cache is half unpacked.
    fn assert_no_temp_leftovers(&self) {
        let tmp = names(&self.path("tmp"));
        assert!(tmp.is_empty(), "left in TMPDIR: {tmp:?}");
        let cache = self.path("cache/resumec");
        if cache.exists() {
            let staging: Vec<_> = names(&cache)
                .into_iter()
                .filter(|name| name.starts_with(".fonts-"))
                .collect();
            assert!(staging.is_empty(), "half-unpacked fonts: {staging:?}");
        }
    }
}

/// The files of `dir` (hidden ones too), by name; none if it does not exist.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, fs::read(entry.path()).unwrap())
        })
        .collect()
}

/// The names of the entries of `dir`, files or directories.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Whether process `pid` still runs (a zombie awaiting its reaper does not).
fn is_running(pid: i32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        let state = stat.rsplit(") ").next().unwrap_or_default();
        !state.starts_with('Z') && !state.starts_with('X')
    })
}

/// Waits for `condition`; panics with `what` if it takes minutes.
fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "gave up waiting: {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs a build that must fail with `code` and say `message`, and checks it
/// left `out` exactly as it was and no temp files anywhere.
fn assert_fails_cleanly(sandbox: &Sandbox, args: &[&str], code: i32, message: &str) {
    let before = contents(&sandbox.path("out"));
    let output = sandbox.run(args);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {text}");
    assert!(
        text.contains(message),
        "{args:?}: no {message:?} in\n{text}"
    );
    assert!(!text.contains("panicked"), "{text}");
    assert_eq!(
        contents(&sandbox.path("out")),
        before,
        "{args:?} changed the outputs"
    );
    sandbox.assert_no_temp_leftovers();
}

/// Proves: invalid input (exit 1) changes nothing, and neither does a typst
/// that crashes on a signal or fails with its own error (exit 3, its
/// stderr shown), even after it wrote part of a PDF.
#[test]
fn bad_input_and_a_failing_typst_change_nothing() {
    let sandbox = Sandbox::new();
    sandbox.good_build("out");
    fs::write(
        sandbox.path("bad.yaml"),
        "basics:\n  name: Ada\n  nmae: typo\n",
    )
    .unwrap();
    assert_fails_cleanly(
        &sandbox,
        &["build", "bad.yaml", "--out", "out", "--engine", "native"],
        1,
        "bad.yaml:3:3",
    );
    for (compile, message) in [
        (
            "printf '%%PDF-1.7 half' > \"$out\"; kill -SEGV $$",
            "typst exited with a signal",
        ),
        (
            "echo 'error: the engine broke' >&2; exit 1",
            "typst exited with status 1:\nerror: the engine broke",
        ),
    ] {
        let typst = sandbox.fake_typst(compile);
        assert_fails_cleanly(
            &sandbox,
            &[
                "build",
                "--engine",
                "typst",
                "--typst",
                typst.to_str().unwrap(),
                "--force",
            ],
            3,
            message,
        );
    }
}

/// Proves: a typst that exits 0 without writing a real PDF (garbage, an
/// empty file, no file at all) is an engine failure (exit 3), not an
/// output, and nothing is written.
#[test]
fn a_typst_that_writes_no_real_pdf_is_an_error() {
    let sandbox = Sandbox::new();
    sandbox.good_build("out");
    for (compile, message) in [
        (
            "echo 'not a PDF' > \"$out\"",
            "wrote no usable PDF (10 bytes)",
        ),
        ("printf ''", "wrote no usable PDF (0 bytes)"),
        ("exit 0", "wrote no usable PDF (0 bytes)"),
    ] {
        let typst = sandbox.fake_typst(compile);
        let typst = typst.to_str().unwrap();
        assert_fails_cleanly(
            &sandbox,
            &["build", "--engine", "typst", "--typst", typst, "--force"],
            3,
            message,
        );
    }
}

/// Proves: a typst that never finishes is stopped after `--typst-timeout`
/// (here through `RESUMEC_TYPST_TIMEOUT`) with exit 3, and stopped whole:
/// neither the fake typst nor the `sleep` it started outlives the build.
#[test]
fn a_hanging_typst_times_out_and_is_killed_with_its_children() {
    let sandbox = Sandbox::new();
    sandbox.good_build("out");
    let before = contents(&sandbox.path("out"));
    let output = sandbox
        .hanging_typst_build()
        .env("RESUMEC_TYPST_TIMEOUT", "2")
        .output()
        .unwrap();
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{text}");
    assert!(
        text.contains("typst did not finish within 2 s and was stopped"),
        "{text}"
    );
    assert_eq!(contents(&sandbox.path("out")), before);
    sandbox.assert_no_temp_leftovers();
    for name in ["typst.pid", "sleep.pid"] {
        let pid = sandbox.recorded_pid(name).expect("the fake typst ran");
        wait_for(&format!("{name} {pid} to die"), || !is_running(pid));
    }
}

/// A way to make an output directory unwritable, even for root.
#[derive(Clone, Copy)]
enum Unwritable {
    /// A read-only bind mount of the directory over itself (EROFS).
    ReadOnlyMount,
    /// A 256 KiB tmpfs mounted on the directory, then filled (ENOSPC).
    FullDisk,
    /// Mode 0555, which only binds a user who is not root (EACCES).
    ReadOnlyMode,
}

fn mount(args: &[&str]) -> bool {
    Command::new("mount")
        .args(args)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// A mount on a directory, unmounted when dropped (also when an assertion fails).
struct Mounted(PathBuf);

impl Mounted {
    /// `mount ARGS DIR`; none when mounting is not allowed here.
    fn new(args: &[&str], dir: &Path) -> Option<Mounted> {
        mount(&[args, &[dir.to_str().unwrap()]].concat()).then(|| Mounted(dir.to_owned()))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// An output directory made unwritable one way.
struct Prepared {
    /// The `--out` argument.
    out: &'static str,
    /// What the error says of the write.
    message: &'static str,
    /// Whether this way works here.
    ready: bool,
    mounted: Option<Mounted>,
}

/// Makes the sandbox's output directory unwritable `way`, after an earlier
/// good build into it where there can be one.
fn prepare(sandbox: &Sandbox, way: Unwritable, root: bool) -> Prepared {
    let out = sandbox.path("out");
    if out.exists() {
        fs::remove_dir_all(&out).unwrap();
    }
    fs::create_dir(&out).unwrap();
    let prepared = |message, ready, mounted| Prepared {
        out: "out",
        message,
        ready,
        mounted,
    };
    match way {
        Unwritable::ReadOnlyMount => {
            sandbox.good_build("out");
            let mounted = Mounted::new(&["--bind", out.to_str().unwrap()], &out)
                .filter(|_| mount(&["-o", "remount,bind,ro", out.to_str().unwrap()]));
            prepared("Read-only file system", mounted.is_some(), mounted)
        }
        Unwritable::FullDisk => {
            let mounted = Mounted::new(&["-t", "tmpfs", "-o", "size=256k", "tmpfs"], &out);
            if mounted.is_some() {
                let output = sandbox.run(&["build", "--format", "txt", "--out", "out"]);
                assert!(output.status.success(), "{}", stderr(&output));
                fill(&out.join("filler"));
            }
            prepared("No space left on device", mounted.is_some(), mounted)
        }
        Unwritable::ReadOnlyMode => {
            sandbox.good_build("out");
            fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
            prepared("Permission denied", !root, None)
        }
    }
}

/// Proves: when the output directory cannot be written to, the build fails
/// with exit 3 naming the file it could not write, no partial or temp file
/// is left, and the earlier outputs are intact. An output directory below a
/// regular file (ENOTDIR) works everywhere, so at least that case always
/// runs; a read-only bind mount (EROFS) and a full tmpfs (ENOSPC) need
/// mount(8) rights, which a root container usually lacks, so they run when
/// mounting works and are reported as skipped otherwise; a 0555 directory is
/// tried when not running as root.
#[test]
fn an_unwritable_output_directory_fails_cleanly_naming_the_path() {
    let sandbox = Sandbox::new();
    fs::write(sandbox.path("file"), "a regular file").unwrap();
    let args = ["build", "--engine", "native", "--force", "--out"];
    assert_fails_cleanly(
        &sandbox,
        &[&args[..], &["file/out"]].concat(),
        2,
        "--out file/out is not a directory",
    );
    assert_eq!(fs::read(sandbox.path("file")).unwrap(), b"a regular file");

    let root = fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .any(|line| line.starts_with("Uid:") && line.split_whitespace().nth(1) == Some("0"));
    for way in [
        Unwritable::ReadOnlyMount,
        Unwritable::FullDisk,
        Unwritable::ReadOnlyMode,
    ] {
        let prepared = prepare(&sandbox, way, root);
        if prepared.ready {
            let args = ["build", "--engine", "native", "--force"];
            let formats = ["--format", "pdf,html,md,txt"];
            assert_fails_cleanly(
                &sandbox,
                &[&args[..], &["--out", prepared.out], &formats].concat(),
                3,
                &format!(
                    "cannot write {}/resume.pdf: {}",
                    prepared.out, prepared.message
                ),
            );
        } else {
            eprintln!(
                "skipped: cannot make a directory unwritable by {} here",
                prepared.message
            );
        }
        drop(prepared.mounted);
        fs::set_permissions(sandbox.path("out"), fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(
        fs::read(sandbox.path("file")).unwrap(),
        b"a regular file",
        "the file in the way was written to"
    );
}

/// Writes to `path` until the file system is full.
fn fill(path: &Path) {
    use std::io::Write;
    let mut file = fs::File::create(path).unwrap();
    let block = [b'x'; 4096];
    while file.write_all(&block).is_ok() {}
}

/// Starts a build whose typst sleeps, and waits until typst is compiling.
fn start_slow_build(sandbox: &Sandbox) -> Child {
    for name in ["typst.pid", "sleep.pid"] {
        let _ = fs::remove_file(sandbox.path(name));
    }
    let mut child = sandbox
        .hanging_typst_build()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for("the fake typst to start compiling", || {
        sandbox.recorded_pid("sleep.pid").is_some()
            || child.try_wait().is_ok_and(|status| status.is_some())
    });
    child
}

/// Proves: SIGINT (a Ctrl-C) or SIGTERM sent to resumec alone while typst
/// compiles ends the build as interrupted by that signal, kills typst and
/// what it started, and leaves the earlier outputs as they were and no temp
/// files although the signal skips every destructor.
#[test]
fn an_interrupted_build_leaves_no_trace() {
    let sandbox = Sandbox::new();
    sandbox.good_build("out");
    let before = contents(&sandbox.path("out"));
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut child = start_slow_build(&sandbox);
        let typst = sandbox.recorded_pid("typst.pid").expect("typst started");
        assert_eq!(
            names(&sandbox.path("tmp")),
            Vec::<String>::new(),
            "typst compiles from stdin to stdout, with no temp files"
        );
        // SAFETY: kill(2) on the child we spawned.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(signal), "{status:?}");
        assert_eq!(contents(&sandbox.path("out")), before);
        sandbox.assert_no_temp_leftovers();
        wait_for("the fake typst to die", || !is_running(typst));
        let sleep = sandbox
            .recorded_pid("sleep.pid")
            .expect("typst started sleep");
        wait_for("typst's child to die", || !is_running(sleep));
    }
}

/// Proves: concurrent builds of two different résumés into one directory
/// never tear a file (each output is byte for byte one of the two complete
/// versions) nor leave temp files, and the stamp never lies afterwards: the
/// next unforced build either says "up to date" with outputs that match its
/// input, or rebuilds them. Which interleavings occur is up to the
/// scheduler, so the stamp is first checked on the one that fooled it
/// before, made by hand: b's stamp beside an output a's build renamed in
/// after it.
#[test]
fn concurrent_builds_never_tear_a_file_or_fool_the_stamp() {
    let sandbox = Sandbox::new();
    let formats = "pdf,html,md,txt";
    let edited = fs::read_to_string(real_resume())
        .unwrap()
        .replace("Northern Virginia", "Richmond");
    for (name, text) in [
        ("a", fs::read_to_string(real_resume()).unwrap()),
        ("b", edited),
    ] {
        fs::create_dir(sandbox.path(name)).unwrap();
        fs::write(sandbox.path(name).join("resume.yaml"), text).unwrap();
    }
    let build = |input: &str, extra: &[&str]| {
        let args = ["build", input, "--engine", "native", "--format", formats];
        sandbox.command(&[&args[..], extra].concat())
    };
    let expected: Vec<BTreeMap<String, Vec<u8>>> = ["a", "b"]
        .iter()
        .map(|name| {
            let out = format!("expected-{name}");
            let input = format!("{name}/resume.yaml");
            let status = build(&input, &["--out", &out]).status().unwrap();
            assert!(status.success());
            let mut files = contents(&sandbox.path(&out));
            files.retain(|name, _| !name.ends_with(".stamp"));
            files
        })
        .collect();
    assert_ne!(expected[0]["resume.txt"], expected[1]["resume.txt"]);
    let output = build("b/resume.yaml", &["--out", "out"]).output().unwrap();
    assert!(output.status.success());
    fs::write(sandbox.path("out/resume.txt"), &expected[0]["resume.txt"]).unwrap();
    let output = build("b/resume.yaml", &["--out", "out"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("wrote out/resume.txt"),
        "a stale output passed for up to date"
    );
    for round in 0..4 {
        let builds: Vec<Child> = (0..8)
            .map(|i| {
                let input = if i % 2 == 0 {
                    "a/resume.yaml"
                } else {
                    "b/resume.yaml"
                };
                build(input, &["--out", "out", "--force"])
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in builds {
            assert!(child.wait().unwrap().success(), "round {round}");
        }
        let files = contents(&sandbox.path("out"));
        assert_eq!(files.len(), 5, "round {round}: {:?}", files.keys());
        for (name, bytes) in files.iter().filter(|(name, _)| !name.ends_with(".stamp")) {
            assert!(
                expected.iter().any(|version| &version[name] == bytes),
                "round {round}: {name} is neither build's"
            );
        }
        sandbox.assert_no_temp_leftovers();
        // Whatever the stamp says, an unforced build ends with its input's outputs.
        let checked = round % 2;
        let input = ["a/resume.yaml", "b/resume.yaml"][checked];
        let output = build(input, &["--out", "out"]).output().unwrap();
        assert!(output.status.success());
        let mut files = contents(&sandbox.path("out"));
        files.retain(|name, _| !name.ends_with(".stamp"));
        assert_eq!(
            files,
            expected[checked],
            "round {round}: the stamp said {:?}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}
