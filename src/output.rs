//! Writing outputs: atomically (a temp file in the same directory, then a
//! rename), so a reader never sees a torn file and a failed build never
//! touches what an earlier build wrote; and the stamp that lets an unchanged
//! rebuild write nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::render::Format;

/// The output path of `stem` in `format` under `dir`: `out/resume.pdf`.
pub fn output_path(dir: &Path, stem: &str, format: Format) -> PathBuf {
    dir.join(format!("{stem}.{}", format.extension()))
}

/// Replaces `path` with `bytes` in one step.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".resumec-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    // Temp files are private (0600); outputs are ordinary files.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => readable_permissions(),
    };
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A record, next to the outputs, of what the last build depended on.
///
/// It holds a hash of everything the outputs depend on and the list of files
/// written; a build whose hash matches, with every file still there, is up
/// to date.
pub struct Stamp {
    pub path: PathBuf,
    hash: String,
}

impl Stamp {
    pub fn new(dir: &Path, stem: &str, key: &str) -> Self {
        let hash = format!("{:016x}", fnv1a(key.as_bytes()));
        Stamp {
            path: dir.join(format!(".resumec-{stem}.stamp")),
            hash,
        }
    }

    /// Whether the last build had the same inputs and its outputs are all still there.
    pub fn is_current(&self) -> bool {
        let Ok(recorded) = std::fs::read_to_string(&self.path) else {
            return false;
        };
        let mut lines = recorded.lines();
        lines.next() == Some(self.hash.as_str())
            && lines.clone().next().is_some()
            && lines.all(|output| Path::new(output).is_file())
    }

    /// Records a finished build.
    pub fn record(&self, outputs: &[&Path]) -> std::io::Result<()> {
        let mut text = format!("{}\n", self.hash);
        for output in outputs {
            text.push_str(&format!("{}\n", output.display()));
        }
        write_atomic(&self.path, text.as_bytes())
    }
}

/// FNV-1a: a small hash that, unlike std's, is fixed across Rust versions;
/// for cache keys, not for security.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
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

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = output_path(dir.path(), "resume", Format::Txt);
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
