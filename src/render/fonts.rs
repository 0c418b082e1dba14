//! The fonts a build may use: the bundled families and the files of
//! `design.font_paths`, each face read for its family, weight and style.
//!
//! The same list answers three questions: which families `design.font` may
//! name (an unknown one is an error listing them), which folders typst is
//! given, and which faces the HTML page embeds.

use bytes::Bytes;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::cache;

/// One font file and what it sets.
#[derive(Debug, Clone)]
pub struct Face {
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    /// CFF outlines (`.otf`) rather than TrueType.
    pub cff: bool,
    /// The file: a bundled font's own static bytes, or one read from a
    /// font path, shared by the faces of a collection (`.ttc`).
    pub data: Bytes,
    /// Which face of the file it is: 0 but in a collection.
    pub index: u32,
}

/// The bundled families that set Arabic and Hebrew when the design's
/// faces lack them.
pub const SCRIPT_FALLBACKS: [&str; 2] = ["Noto Sans Arabic", "Noto Sans Hebrew"];

/// Why a font path cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FontPathError {
    #[error("the font path {} does not exist", .0.display())]
    Missing(PathBuf),
    #[error("cannot read the font path {}: {error}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
}

/// The bundled faces (Lato, DejaVu Sans Mono, Libertinus Serif, and Noto
/// Sans Arabic and Hebrew for the scripts the others lack).
pub fn bundled() -> Vec<Face> {
    cache::fonts()
        .flat_map(|(_, bytes)| read_faces(Bytes::from_static(bytes)))
        .collect()
}

/// The faces of the font files at `paths` (files, or folders searched one
/// level deep; each face of a collection), in path order; files that are
/// not fonts are skipped.
pub fn from_paths(paths: &[PathBuf]) -> Result<Vec<Face>, FontPathError> {
    let mut faces = Vec::new();
    for path in paths {
        for file in font_files(path)? {
            let data = std::fs::read(&file).map_err(|error| FontPathError::Unreadable {
                path: file.clone(),
                error,
            })?;
            faces.extend(read_faces(Bytes::from(data)));
        }
    }
    Ok(faces)
}

/// The font files a font path names, sorted.
fn font_files(path: &Path) -> Result<Vec<PathBuf>, FontPathError> {
    let unreadable = |error| FontPathError::Unreadable {
        path: path.to_owned(),
        error,
    };
    if path.is_file() {
        return Ok(vec![path.to_owned()]);
    }
    if !path.is_dir() {
        return Err(FontPathError::Missing(path.to_owned()));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(unreadable)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|file| {
            let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
            let font = matches!(
                extension.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            );
            font && file.is_file()
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The faces of a font file: one, or each of a collection's.
fn read_faces(data: Bytes) -> Vec<Face> {
    let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
    (0..count)
        .filter_map(|index| read_face(data.clone(), index))
        .collect()
}

/// A face's family (the typographic family when it names one), weight and style.
fn read_face(data: Bytes, index: u32) -> Option<Face> {
    let face = ttf_parser::Face::parse(&data, index).ok()?;
    let name = |id: u16| {
        face.names()
            .into_iter()
            .filter(|name| name.name_id == id && name.is_unicode())
            .find_map(|name| name.to_string())
    };
    let family = name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
        .or_else(|| name(ttf_parser::name_id::FAMILY))?;
    let bold = face.weight().to_number() >= 600;
    let italic = face.is_italic() || face.is_oblique();
    let cff = face.tables().cff.is_some();
    Some(Face {
        family,
        bold,
        italic,
        cff,
        data,
        index,
    })
}

/// The distinct families of `faces`, sorted.
pub fn families(faces: &[Face]) -> BTreeSet<&str> {
    faces.iter().map(|face| face.family.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_families_are_named_as_typst_names_them() {
        let faces = bundled();
        let families: Vec<&str> = families(&faces).into_iter().collect();
        assert_eq!(
            families,
            [
                "DejaVu Sans Mono",
                "Lato",
                "Libertinus Serif",
                "Noto Sans Arabic",
                "Noto Sans Hebrew"
            ]
        );
        let lato: Vec<_> = faces.iter().filter(|f| f.family == "Lato").collect();
        let styles: BTreeSet<_> = lato.iter().map(|f| (f.bold, f.italic)).collect();
        assert_eq!(styles.len(), 4);
    }

    #[test]
    fn a_missing_font_path_is_named() {
        let error = from_paths(&[PathBuf::from("/no/such/fonts")]).unwrap_err();
        assert!(error.to_string().contains("/no/such/fonts"));
    }
}
