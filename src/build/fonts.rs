//! The fonts a résumé names must exist: `design.font` (the résumé's and
//! each variant's) is a bundled family or one in `design.font_paths`, and
//! every font path is there. Checked before anything renders, because typst
//! would only warn and set the text in some other font.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::load::Loaded;
use crate::model::types::Design;
use crate::render::fonts::{self, Face};

/// Every unknown family and missing font path, located.
pub fn check(loaded: &Loaded) -> Vec<Diagnostic> {
    let base = loaded.source.path.parent().unwrap_or(Path::new(""));
    let resume = &loaded.resume;
    let mut designs = vec![(vec!["design".to_owned()], &resume.design)];
    for (name, variant) in &resume.variants {
        if let Some(design) = &variant.design {
            designs.push((
                vec!["variants".to_owned(), name.clone(), "design".to_owned()],
                design,
            ));
        }
    }
    let mut found = Vec::new();
    let mut faces = fonts::bundled();
    for (at, design) in &designs {
        faces.extend(user_faces(design, at, base, loaded, &mut found));
    }
    let families = fonts::families(&faces);
    for (at, design) in &designs {
        let Some(font) = &design.font else { continue };
        if families
            .iter()
            .any(|family| family.eq_ignore_ascii_case(font))
        {
            continue;
        }
        let listed: Vec<&str> = families.iter().copied().collect();
        let mut path = at.clone();
        path.push("font".to_owned());
        found.push(
            Diagnostic::error(format!(
                "unknown font family `{font}`; the families are: {}",
                listed.join(", ")
            ))
            .at(loaded.spans.value(&path))
            .help("name one of them, or add the font's files with `design.font_paths`"),
        );
    }
    loaded.relocate(found)
}

/// The faces in a design's font paths; a path that cannot be read is a
/// problem at its line.
fn user_faces(
    design: &Design,
    at: &[String],
    base: &Path,
    loaded: &Loaded,
    found: &mut Vec<Diagnostic>,
) -> Vec<Face> {
    let mut faces = Vec::new();
    for (i, path) in design.font_paths.iter().enumerate() {
        match fonts::from_paths(&[base.join(path)]) {
            Ok(more) => faces.extend(more),
            Err(error) => {
                let mut place = at.to_vec();
                place.extend(["font_paths".to_owned(), i.to_string()]);
                found.push(
                    Diagnostic::error(error.to_string())
                        .at(loaded.spans.value(&place))
                        .help("font paths are relative to the résumé file: a folder of .ttf/.otf files or one file"),
                );
            }
        }
    }
    faces
}
