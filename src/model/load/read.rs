//! Reading an input file in bounded memory.
//!
//! Every file resumec reads (the résumé, a JSON Resume document, a job
//! posting) goes through [`read_capped`], which stops after the size cap plus
//! one byte: `/dev/zero` or an endless pipe is refused as too large instead of
//! filling memory.

use std::io::Read;
use std::path::Path;

/// Files larger than this are refused: a résumé is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// The file holds more than [`MAX_FILE_BYTES`].
    TooLarge,
}

/// The bytes of `path`, reading at most [`MAX_FILE_BYTES`] plus one.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// The refusal of a file over the cap, naming what it is.
pub fn too_large(what: &str) -> String {
    format!("{what} is larger than {MAX_FILE_BYTES} bytes; larger files are refused")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_input_stops_at_the_cap() {
        if Path::new("/dev/zero").exists() {
            assert!(matches!(
                read_capped(Path::new("/dev/zero")),
                Err(ReadError::TooLarge)
            ));
        }
    }

    #[test]
    fn small_files_are_read_whole() {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), "basics: {}\n").unwrap();
        assert_eq!(read_capped(file.path()).unwrap(), b"basics: {}\n");
    }
}
