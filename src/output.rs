//! Writing outputs: every file of a build is first staged (written to a
//! temp file in its own directory and synced), then all are renamed into
//! place in one [`critical`] step. A reader never sees a torn file, a build
//! that fails while staging (a full disk, a read-only directory) touches
//! nothing, and an interrupt leaves all of the old outputs or all of the new
//! ones. The stamp that lets an unchanged rebuild write nothing is staged
//! and renamed last.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use tempfile::NamedTempFile;

use crate::hash::fnv1a;
use crate::interrupt::{Temporary, critical, temporary};

/// The output path of `stem` with `extension` under `dir`: `out/resume.pdf`.
pub fn output_path(dir: &Path, stem: &str, extension: &str) -> PathBuf {
    dir.join(format!("{stem}.{extension}"))
}

/// Why an output may not be written where a build would put it.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("{} would be written outside the output directory {}", path.display(), dir.display())]
    Outside { path: PathBuf, dir: PathBuf },
    #[error("{} would be written over the input {}", path.display(), input.display())]
    OverInput { path: PathBuf, input: PathBuf },
    #[error("two outputs of this build would be written to {} (a variant named like another's letter?)", .0.display())]
    Twice(PathBuf),
    #[error("the output directory {} is not a directory", dir.display())]
    NotADirectory { dir: PathBuf },
}

/// Checks that `dir` is, or can become, a directory: the nearest part of it
/// that exists must be one (not a file such as `min.yaml`, nor `/dev/null`).
pub fn check_output_dir(dir: &Path) -> Result<(), Refusal> {
    let existing = dir.ancestors().find_map(|part| {
        let part = match part.as_os_str().is_empty() {
            true => Path::new("."),
            false => part,
        };
        std::fs::metadata(part).ok()
    });
    match existing {
        Some(metadata) if !metadata.is_dir() => Err(Refusal::NotADirectory {
            dir: dir.to_owned(),
        }),
        _ => Ok(()),
    }
}

/// Checks, before anything is staged, that an output may go to `path`: it
/// must name a file directly inside `dir` (no `..`, no root, no separator
/// smuggled in through a name), and it must not be `input` under this or
/// another name.
pub fn check_destination(dir: &Path, path: &Path, input: &Path) -> Result<(), Refusal> {
    let mut inside = path.strip_prefix(dir).map(Path::components).ok();
    let name = inside.as_mut().and_then(Iterator::next);
    if !matches!(name, Some(Component::Normal(_))) || inside.and_then(|mut c| c.next()).is_some() {
        return Err(Refusal::Outside {
            path: path.to_owned(),
            dir: dir.to_owned(),
        });
    }
    if is_same_file(input, path) {
        return Err(Refusal::OverInput {
            path: path.to_owned(),
            input: input.to_owned(),
        });
    }
    Ok(())
}

/// Whether writing `output` would replace `input`: the same file once
/// symlinks in the directories are resolved, or a directory entry for the
/// same inode (a hard link, or another spelling on a case-insensitive disk).
/// A symlink at `output` itself is replaced, not written through, so it is
/// compared as the link it is. An input that is a symlink is both the link
/// (replacing it loses the input as given) and the file it points to.
pub fn is_same_file(input: &Path, output: &Path) -> bool {
    let Some(output_entry) = entry(output) else {
        return same_inode(input, output);
    };
    let as_given = entry(input).is_some_and(|input| input == output_entry);
    let target = input
        .canonicalize()
        .is_ok_and(|input| input == output_entry);
    as_given || target || same_inode(input, output)
}

/// `path` with the symlinks of its directories resolved but not its last
/// component: the directory entry a rename to `path` would replace.
fn entry(path: &Path) -> Option<PathBuf> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.unwrap_or(Path::new(".")).canonicalize().ok()?;
    Some(parent.join(path.file_name()?))
}

#[cfg(unix)]
fn same_inode(input: &Path, output: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(input), std::fs::symlink_metadata(output)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_input: &Path, _output: &Path) -> bool {
    false
}

/// A file written next to its destination, not yet in place.
pub struct Staged {
    temp: Temporary<NamedTempFile>,
    destination: PathBuf,
}

/// Writes `bytes` to a temp file beside `path`, ready to [`commit`].
pub fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let temp = temporary(|| {
        tempfile::Builder::new()
            .prefix(".resumec-")
            .suffix(".tmp")
            .tempfile_in(dir)
    })?;
    temp.as_file().write_all(bytes)?;
    // Temp files are private (0600); outputs are ordinary files.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => readable_permissions(),
    };
    temp.as_file().set_permissions(permissions)?;
    // Flushed before it replaces anything: an error the disk reports late
    // (full, or a network file system) fails the build instead of losing
    // the earlier output after the rename.
    temp.as_file().sync_data()?;
    Ok(Staged {
        temp,
        destination: path.to_path_buf(),
    })
}

/// Renames every staged file into place, in order; on failure, the path
/// that could not be replaced and why.
pub fn commit(staged: Vec<Staged>) -> Result<(), (PathBuf, std::io::Error)> {
    critical(|| {
        for Staged { temp, destination } in staged {
            let (file, _registration) = temp.into_parts();
            file.persist(&destination)
                .map_err(|e| (destination, e.error))?;
        }
        Ok(())
    })
}

/// Writes one file the same way: staged beside `path`, then renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    commit(vec![stage(path, bytes)?]).map_err(|(_, error)| error)
}

/// A record, next to the outputs, of what the last build depended on and
/// what it wrote.
///
/// It holds a hash of everything the outputs depend on and, for each file
/// written, its name and a hash of its bytes. A build whose hash matches,
/// with every file still holding the bytes it recorded, is up to date; an
/// output replaced since (by another build into the same directory, or by
/// hand) makes it stale.
pub struct Stamp {
    pub path: PathBuf,
    hash: String,
}

impl Stamp {
    pub fn new(dir: &Path, stem: &str, key: &str) -> Self {
        Stamp {
            path: dir.join(format!(".resumec-{stem}.stamp")),
            hash: hash(key.as_bytes()),
        }
    }

    /// Whether the last build had the same inputs and its outputs all still
    /// hold what it wrote.
    pub fn is_current(&self) -> bool {
        let Ok(recorded) = std::fs::read_to_string(&self.path) else {
            return false;
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let mut lines = recorded.lines();
        lines.next() == Some(self.hash.as_str())
            && lines.clone().next().is_some()
            && lines.all(|line| {
                line.split_once(' ').is_some_and(|(recorded, name)| {
                    std::fs::read(dir.join(name)).is_ok_and(|bytes| hash(&bytes) == recorded)
                })
            })
    }

    /// Stages the record of a build that wrote `outputs` (path and bytes),
    /// all in the stamp's directory.
    pub fn stage(&self, outputs: &[(&Path, &[u8])]) -> std::io::Result<Staged> {
        let mut text = format!("{}\n", self.hash);
        for (path, bytes) in outputs {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            text.push_str(&format!("{} {name}\n", hash(bytes)));
        }
        stage(&self.path, text.as_bytes())
    }
}

/// A stable hex digest of `bytes`, for change detection.
fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

#[cfg(unix)]
fn readable_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn readable_permissions() -> std::fs::Permissions {
    let mut permissions = std::fs::metadata(".").map(|m| m.permissions()).unwrap();
    permissions.set_readonly(false);
    permissions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, bytes: &[u8]) {
        commit(vec![stage(path, bytes).unwrap()]).unwrap();
    }

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = output_path(dir.path(), "resume", "txt");
        write(&path, b"one");
        write(&path, b"two");
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn destinations_stay_in_their_directory_and_off_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let input = dir.path().join("cv.md");
        std::fs::write(&input, "basics: {name: Ada}").unwrap();
        assert!(check_destination(&out, &out.join("cv.md"), &input).is_ok());
        for outside in ["../README.md", "a/b.md", "/etc/passwd", ".."] {
            let error = check_destination(&out, &out.join(outside), &input).unwrap_err();
            assert!(matches!(error, Refusal::Outside { .. }), "{error}");
            assert!(error.to_string().contains("outside the output directory"));
        }
        let error = check_destination(dir.path(), &input, &input).unwrap_err();
        assert!(matches!(error, Refusal::OverInput { .. }), "{error}");
        assert!(error.to_string().contains("over the input"));
        assert!(check_output_dir(&out).is_ok(), "a directory yet to be made");
        assert!(check_output_dir(&input).is_err(), "a file");
        assert!(
            check_output_dir(&input.join("sub")).is_err(),
            "under a file"
        );
        #[cfg(unix)]
        {
            let linked = dir.path().join("linked");
            std::fs::create_dir(&linked).unwrap();
            std::fs::hard_link(&input, linked.join("cv.md")).unwrap();
            assert!(is_same_file(&input, &linked.join("cv.md")), "a hard link");
            let symlink = dir.path().join("link.md");
            std::os::unix::fs::symlink(&input, &symlink).unwrap();
            assert!(is_same_file(&symlink, &symlink), "the link as given");
            assert!(is_same_file(&symlink, &input), "the link's target");
        }
    }

    #[test]
    fn a_dropped_stage_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        drop(stage(&dir.path().join("a.txt"), b"a").unwrap());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_stamp_is_stale_once_an_output_changes() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("resume.txt");
        let stamp = Stamp::new(dir.path(), "resume", "key");
        write(&output, b"built");
        commit(vec![stamp.stage(&[(&output, b"built")]).unwrap()]).unwrap();
        assert!(stamp.is_current());
        assert!(!Stamp::new(dir.path(), "resume", "other key").is_current());
        write(&output, b"another build");
        assert!(!stamp.is_current());
        std::fs::remove_file(&output).unwrap();
        assert!(!stamp.is_current());
    }
}
