//! `resumec build --watch`: build, then rebuild whenever the résumé or a file
//! of the layouts directory changes, until Ctrl-C.
//!
//! The résumé's parent directory is watched rather than the file itself,
//! because editors save by writing a new file and renaming it over the old
//! one, which ends a watch on the file. When the résumé is a symlink, the
//! directory of the file it points to is watched too (edits land there), and
//! a link re-pointed elsewhere is followed to its new target. Events are filtered down to changes
//! (not reads: a build opens its inputs) of the résumé and the layouts
//! directory, and the build's own writes into the output directory are
//! ignored, so a build never triggers the next one.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::{Event, EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::args::BuildArgs;
use super::build::build;
use super::{CliError, print_error};

/// How long the watched files must stay quiet before a rebuild: one save is
/// several events (write, rename, chmod) within a few milliseconds.
const QUIET: Duration = Duration::from_millis(200);

/// Builds, then rebuilds on every change until Ctrl-C (or SIGTERM), which
/// ends it like any interrupted build (see `resumec::interrupt`): a build under
/// way leaves nothing behind, and the status is 130 (143 for SIGTERM).
pub fn watch(args: &BuildArgs) -> Result<(), CliError> {
    let mut watched = Watched::new(&args.input.file, args.layouts.as_deref(), &args.out)
        .map_err(CliError::Usage)?;
    let (wake, woken) = mpsc::channel::<DebounceEventResult>();
    let debouncer = new_debouncer(QUIET, None, move |result| {
        let _ = wake.send(result);
    });
    let mut debouncer =
        debouncer.map_err(|error| CliError::Failure(format!("cannot watch files: {error}")))?;
    let mut watching: Vec<PathBuf> = Vec::new();
    for (dir, mode) in watched.dirs() {
        debouncer.watch(dir, mode).map_err(|error| {
            CliError::Failure(format!("cannot watch {}: {error}", dir.display()))
        })?;
        watching.push(dir.to_owned());
    }
    // The watch starts before the first build, so a save during it is not missed.
    if let Err(error) = build(args) {
        print_error(&error);
    }
    eprintln!("watching {} for changes; Ctrl-C stops", watched.names);
    while let Ok(first) = woken.recv() {
        let mut changed = false;
        // Everything that arrived during the last build makes one rebuild.
        for result in std::iter::once(first).chain(woken.try_iter()) {
            match result {
                Ok(events) => {
                    changed |= events.iter().any(|event| watched.is_change(event));
                }
                Err(errors) => {
                    for error in errors {
                        eprintln!("warning: file watching reported: {error}; rebuilding");
                    }
                    changed = true;
                }
            }
        }
        if changed {
            // A symlinked résumé may now point elsewhere: follow it first.
            if let Ok(now) = Watched::new(&args.input.file, args.layouts.as_deref(), &args.out) {
                let new: Vec<(PathBuf, RecursiveMode)> = now
                    .dirs()
                    .filter(|(dir, _)| !watching.iter().any(|known| known == dir))
                    .map(|(dir, mode)| (dir.to_owned(), mode))
                    .collect();
                for (dir, mode) in new {
                    match debouncer.watch(&dir, mode) {
                        Ok(()) => watching.push(dir),
                        Err(error) => eprintln!("warning: cannot watch {}: {error}", dir.display()),
                    }
                }
                watched = now;
            }
            rebuild(args);
        }
    }
    Ok(())
}

/// One rebuild, reported like a build plus how long it took.
fn rebuild(args: &BuildArgs) {
    let started = Instant::now();
    let built = build(args);
    let elapsed = started.elapsed().as_millis();
    match built {
        Ok(()) => println!("rebuilt in {elapsed} ms"),
        Err(error) => {
            print_error(&error);
            eprintln!("rebuild failed after {elapsed} ms; watching for the next change");
        }
    }
}

/// The inputs of a build, as the absolute paths file events carry.
#[derive(Debug)]
struct Watched {
    /// The résumé, in its canonical parent directory.
    resume: PathBuf,
    /// The file the résumé links to, when it is a symlink.
    target: Option<PathBuf>,
    /// The canonical layouts directory, when given.
    layouts: Option<PathBuf>,
    /// The output directory, as given.
    out: PathBuf,
    /// How the user named the inputs, for messages.
    names: String,
}

impl Watched {
    fn new(resume: &Path, layouts: Option<&Path>, out: &Path) -> Result<Self, String> {
        let cannot_watch = |path: &Path, error: std::io::Error| {
            format!("cannot watch {}: {error}", path.display())
        };
        let absolute = std::path::absolute(resume).map_err(|e| cannot_watch(resume, e))?;
        let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
            return Err(format!("cannot watch {}: not a file", resume.display()));
        };
        let parent = parent.canonicalize().map_err(|e| cannot_watch(parent, e))?;
        let layouts_dir = layouts
            .map(|dir| match dir.canonicalize() {
                Ok(canonical) if canonical.is_dir() => Ok(canonical),
                Ok(_) => Err(format!("cannot watch {}: not a directory", dir.display())),
                Err(error) => Err(cannot_watch(dir, error)),
            })
            .transpose()?;
        let names = match layouts {
            Some(dir) => format!("{} and {}", resume.display(), dir.display()),
            None => resume.display().to_string(),
        };
        let resume_path = parent.join(name);
        let target = resume_path
            .canonicalize()
            .ok()
            .filter(|target| *target != resume_path);
        Ok(Watched {
            target,
            resume: resume_path,
            layouts: layouts_dir,
            out: out.to_owned(),
            names,
        })
    }

    /// The directories to watch and how.
    fn dirs(&self) -> impl Iterator<Item = (&Path, RecursiveMode)> {
        let files = std::iter::once(&self.resume).chain(&self.target);
        let parents = files.filter_map(|file| file.parent());
        parents.map(|dir| (dir, RecursiveMode::NonRecursive)).chain(
            self.layouts
                .as_deref()
                .map(|dir| (dir, RecursiveMode::Recursive)),
        )
    }

    /// Whether an event calls for a rebuild: anything but a read, of an input.
    fn is_change(&self, event: &Event) -> bool {
        !matches!(event.kind, EventKind::Access(_))
            && event.paths.iter().any(|path| self.is_input(path))
    }

    /// Whether a change to `path` calls for a rebuild: it is the résumé or a
    /// layouts file, and not a file a build writes (every output, temp file
    /// and stamp sits directly in the output directory).
    fn is_input(&self, path: &Path) -> bool {
        let in_layouts = self
            .layouts
            .as_deref()
            .is_some_and(|dir| path.starts_with(dir));
        path == self.resume
            || self.target.as_deref() == Some(path)
            || (in_layouts && !self.is_output(path))
    }

    fn is_output(&self, path: &Path) -> bool {
        // The output directory may not exist until the first good build.
        let out = self
            .out
            .canonicalize()
            .or_else(|_| std::path::absolute(&self.out));
        out.is_ok_and(|out| path.parent() == Some(out.as_path()))
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use notify_debouncer_full::notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
    use notify_debouncer_full::notify::{Event, EventKind};

    use super::Watched;

    #[test]
    fn reading_the_resume_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let resume = root.join("resume.yaml");
        let watched = Watched::new(&resume, None, &root.join("out")).unwrap();
        let event = |kind| Event::new(kind).add_path(resume.clone());
        let opened = event(EventKind::Access(AccessKind::Open(AccessMode::Read)));
        assert!(!watched.is_change(&opened));
        let renamed_over = event(EventKind::Modify(ModifyKind::Name(RenameMode::To)));
        assert!(watched.is_change(&renamed_over));
        let written = event(EventKind::Modify(ModifyKind::Any));
        assert!(watched.is_change(&written));
    }

    #[test]
    fn only_the_resume_and_layouts_files_are_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        fs::create_dir_all(root.join("layouts/html")).unwrap();
        let watched = Watched::new(
            &root.join("resume.yaml"),
            Some(&root.join("layouts")),
            &root.join("out"),
        )
        .unwrap();
        assert!(watched.is_input(&root.join("resume.yaml")));
        assert!(watched.is_input(&root.join("layouts/html/style.css")));
        assert!(!watched.is_input(&root.join(".resume.yaml.swp")));
        assert!(!watched.is_input(&root.join("notes.yaml")));
        assert!(!watched.is_input(&root.join("out/resume.txt")));
    }

    #[test]
    fn outputs_are_never_inputs_wherever_the_output_directory_is() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        fs::create_dir_all(root.join("layouts/out")).unwrap();
        let inside_layouts = Watched::new(
            &root.join("resume.yaml"),
            Some(&root.join("layouts")),
            &root.join("layouts/out"),
        )
        .unwrap();
        assert!(!inside_layouts.is_input(&root.join("layouts/out/resume.html")));
        assert!(!inside_layouts.is_input(&root.join("layouts/out/.resumec-x.tmp")));
        assert!(inside_layouts.is_input(&root.join("layouts/typst/resume.typ")));

        let next_to_resume = Watched::new(
            &root.join("resume.yaml"),
            Some(&root.join("layouts")),
            &root,
        )
        .unwrap();
        assert!(next_to_resume.is_input(&root.join("resume.yaml")));
        assert!(!next_to_resume.is_input(&root.join("resume.txt")));
        assert!(next_to_resume.is_input(&root.join("layouts/html/resume.hbs")));
    }

    #[test]
    fn a_relative_resume_is_watched_in_its_absolute_directory() {
        let watched = Watched::new("resume.yaml".as_ref(), None, "out".as_ref()).unwrap();
        let cwd = std::env::current_dir().unwrap().canonicalize().unwrap();
        assert_eq!(watched.resume, cwd.join("resume.yaml"));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_resume_is_watched_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        fs::create_dir(root.join("data")).unwrap();
        fs::write(root.join("data/cv.yaml"), "").unwrap();
        std::os::unix::fs::symlink("data/cv.yaml", root.join("resume.yaml")).unwrap();
        let watched = Watched::new(&root.join("resume.yaml"), None, &root.join("out")).unwrap();
        assert!(watched.is_input(&root.join("data/cv.yaml")));
        assert!(
            watched.is_input(&root.join("resume.yaml")),
            "re-pointing the link"
        );
        let dirs: Vec<_> = watched.dirs().map(|(dir, _)| dir.to_owned()).collect();
        assert_eq!(dirs, [root.clone(), root.join("data")]);
    }

    #[test]
    fn a_missing_layouts_directory_cannot_be_watched() {
        let dir = tempfile::tempdir().unwrap();
        let error = Watched::new(
            &dir.path().join("resume.yaml"),
            Some(&dir.path().join("nope")),
            &dir.path().join("out"),
        )
        .unwrap_err();
        assert!(error.starts_with("cannot watch "), "{error}");
    }
}
