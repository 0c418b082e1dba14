//! The faces that set what a design's own faces lack: the bundled Noto Sans
//! Arabic and Noto Sans Hebrew, then each family of the design's font paths
//! (a CJK font, say), as typst falls back to the fonts it is given. Each
//! face is read only when a character first asks for it.

use std::sync::Arc;

use super::face::{Candidate, Face, bundled, closest};
use crate::render::fonts::SCRIPT_FALLBACKS;

/// The families looked in, in order, each with its regular and bold face.
pub struct Fallbacks {
    families: Vec<[Arc<Candidate>; 2]>,
}

impl Fallbacks {
    /// The bundled script families, then those of `own` (the faces of the
    /// design's font paths) in the order their files come.
    pub fn new(own: &[Arc<Candidate>]) -> Fallbacks {
        let mut names: Vec<&str> = SCRIPT_FALLBACKS.to_vec();
        for candidate in own {
            if !names.contains(&candidate.file.family.as_str()) {
                names.push(&candidate.file.family);
            }
        }
        let available: Vec<&Candidate> = bundled().iter().chain(own).map(|c| &**c).collect();
        let shared: Vec<&Arc<Candidate>> = bundled().iter().chain(own).collect();
        let families = names
            .into_iter()
            .filter_map(|name| {
                let regular = closest(&available, name, false, false)?;
                let bold = closest(&available, name, true, false)?;
                Some([shared[regular].clone(), shared[bold].clone()])
            })
            .collect();
        Fallbacks { families }
    }

    /// The face of fallback `family`, regular or bold, if it can be read.
    pub fn face(&self, family: u16, bold: bool) -> Option<&Face> {
        let faces = self.families.get(usize::from(family))?;
        faces[usize::from(bold)].get()
    }

    /// The first family whose regular face draws `c`.
    pub fn find(&self, c: char) -> Option<u16> {
        (0..self.families.len())
            .find(|&family| {
                let face = self.face(family as u16, false);
                face.is_some_and(|face| face.has(c))
            })
            .map(|family| family as u16)
    }
}
