//! resumec's cache: the embedded fonts unpacked for typst, and the versions
//! of typst binaries it has asked.
//!
//! typst reads every font in the directory it is given, so a font someone
//! else put there, or a damaged one, would change the PDF. The cache is
//! therefore private (a directory only its owner can read or change, under
//! `$XDG_CACHE_HOME` or `~/.cache`, else a per-user directory of the temp
//! dir that must be the user's own), and the fonts directory is used only
//! when it holds exactly the embedded fonts, byte for byte: anything else
//! (a planted, altered, missing or extra file) is replaced by a fresh copy
//! before typst runs.

use std::io;
use std::path::{Path, PathBuf};

use super::layouts::{FONTS, SCRIPT_FONTS, SERIF_FONTS, TYPST_MONO_FONTS};
use crate::interrupt::temporary;

/// resumec's private cache directory, created if need be: the first of
/// `$XDG_CACHE_HOME/resumec`, `$HOME/.cache/resumec` and
/// `<temp dir>/resumec-<uid>` that is (or can be made) the user's own.
pub fn cache_dir() -> io::Result<PathBuf> {
    let candidates = [
        std::env::var_os("XDG_CACHE_HOME").map(|dir| PathBuf::from(dir).join("resumec")),
        std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/resumec")),
        Some(std::env::temp_dir().join(format!("resumec-{}", user_id()))),
    ];
    let mut refused = Vec::new();
    for dir in candidates.into_iter().flatten() {
        match make_private(&dir) {
            Ok(()) => return Ok(dir),
            Err(error) => refused.push(format!("{}: {error}", dir.display())),
        }
    }
    Err(io::Error::other(format!(
        "no private cache directory ({}); set XDG_CACHE_HOME to a directory of your own",
        refused.join("; ")
    )))
}

/// The directory holding exactly the embedded fonts, repaired or unpacked
/// first when it holds anything else.
pub fn fonts_dir() -> io::Result<PathBuf> {
    let base = cache_dir()?;
    let size: usize = fonts().map(|(_, bytes)| bytes.len()).sum();
    let dir = base.join(format!("fonts-{}-{size}", env!("CARGO_PKG_VERSION")));
    if holds_exactly_the_fonts(&dir) {
        return Ok(dir);
    }
    // Unpacked under a temporary name and renamed into place, so concurrent
    // builds never see it half-written; a damaged copy is first renamed onto
    // an empty temporary directory, which then removes it.
    let staging = temporary(|| tempfile::Builder::new().prefix(".fonts-").tempdir_in(&base))?;
    set_private(staging.path())?;
    for (name, bytes) in fonts() {
        std::fs::write(staging.path().join(name), bytes)?;
    }
    if let Ok(found) = std::fs::symlink_metadata(&dir) {
        let discard = temporary(|| {
            tempfile::Builder::new()
                .prefix(".damaged-")
                .tempdir_in(&base)
        })?;
        match found.is_dir() {
            true => std::fs::rename(&dir, discard.path())?,
            false => std::fs::remove_file(&dir)?,
        }
    }
    let (staging, _registration) = staging.into_parts();
    match std::fs::rename(staging.path(), &dir) {
        Ok(()) => {
            // In place: no longer a temporary directory to remove.
            let _ = staging.keep();
            Ok(dir)
        }
        // Another build put a good copy in place first.
        Err(_) if holds_exactly_the_fonts(&dir) => Ok(dir),
        Err(error) => Err(error),
    }
}

/// An empty private directory, for typst's package paths: anything found
/// in it is removed first.
pub fn no_packages_dir() -> io::Result<PathBuf> {
    let dir = cache_dir()?.join("no-packages");
    let is_empty = std::fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_none());
    if !is_empty && std::fs::symlink_metadata(&dir).is_ok() {
        match std::fs::symlink_metadata(&dir)?.is_dir() {
            true => std::fs::remove_dir_all(&dir)?,
            false => std::fs::remove_file(&dir)?,
        }
    }
    make_private(&dir)?;
    Ok(dir)
}

/// Every font typst is given: Lato, DejaVu Sans Mono, Libertinus Serif and
/// the Arabic and Hebrew fallbacks.
pub fn fonts() -> impl Iterator<Item = &'static (&'static str, &'static [u8])> {
    FONTS
        .iter()
        .chain(TYPST_MONO_FONTS)
        .chain(SERIF_FONTS)
        .chain(SCRIPT_FONTS)
}

/// Whether `dir` is a private directory (not a link) holding the embedded
/// fonts as regular files, byte for byte, and nothing else.
fn holds_exactly_the_fonts(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let private = std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir() && is_private(&m));
    let mut count = 0;
    let all_fonts = entries.into_iter().all(|entry| {
        count += 1;
        entry.is_ok_and(|entry| {
            let name = entry.file_name();
            let expected = fonts().find(|(font, _)| name == *font);
            let is_file = entry.file_type().is_ok_and(|kind| kind.is_file());
            expected.is_some_and(|(_, bytes)| is_file && holds(&entry.path(), bytes))
        })
    });
    private && all_fonts && count == fonts().count()
}

/// Whether the file at `path` holds exactly `expected`: read in pieces
/// into one small buffer, so checking the fonts allocates nothing large.
fn holds(path: &Path, expected: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if !file
        .metadata()
        .is_ok_and(|m| m.len() == expected.len() as u64)
    {
        return false;
    }
    let mut buffer = [0; 64 * 1024];
    let mut rest = expected;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && buffer[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) => return false,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Creates `dir` (mode 0700) if missing; an existing one must be a real
/// directory of the user's, and loses any access others had.
#[cfg(unix)]
fn make_private(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => return Ok(()),
        Err(error) if error.kind() != io::ErrorKind::AlreadyExists => return Err(error),
        Err(_) => {}
    }
    let found = std::fs::symlink_metadata(dir)?;
    if !found.is_dir() || found.uid() != user_id() {
        return Err(io::Error::other("not a directory of this user's"));
    }
    match is_private(&found) {
        true => Ok(()),
        false => set_private(dir),
    }
}

/// Takes away any access to `dir` that others have.
#[cfg(unix)]
fn set_private(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn set_private(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(not(unix))]
fn make_private(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Whether only the owner, who is this user, has access.
#[cfg(unix)]
fn is_private(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    metadata.uid() == user_id() && metadata.mode() & 0o077 == 0
}

#[cfg(not(unix))]
fn is_private(_metadata: &std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn user_id() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

#[cfg(not(unix))]
fn user_id() -> u32 {
    0
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_shared_or_foreign_directory_is_made_private_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
        make_private(&open).unwrap();
        let mode = std::fs::metadata(&open).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&open, &link).unwrap();
        assert!(make_private(&link).is_err(), "a link is not the directory");
    }
}
