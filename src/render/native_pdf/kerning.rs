//! Pair kerning, as typst's shaper applies it: the face's GPOS `kern`
//! feature (pair adjustments), else its legacy `kern` table. Each pair is
//! looked up once and remembered, so measuring a document reads the face's
//! tables only for pairs it has not met before.

use rustc_hash::FxHashMap;
use std::sync::{Mutex, PoisonError};

use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
use ttf_parser::{GlyphId, Tag};

/// The kerning of one face, pair by pair as it is asked for.
#[derive(Default)]
pub struct Kerning {
    pairs: Mutex<FxHashMap<(u16, u16), i16>>,
}

impl Kerning {
    /// The kerning between each two consecutive `glyphs` of the face in
    /// `data`, in font units: one value fewer than there are glyphs.
    pub fn between(&self, data: &[u8], index: u32, glyphs: &[u16]) -> Vec<i16> {
        if glyphs.len() < 2 {
            return Vec::new();
        }
        let mut pairs = self.pairs.lock().unwrap_or_else(PoisonError::into_inner);
        let mut face: Option<Option<ttf_parser::Face<'_>>> = None;
        glyphs
            .windows(2)
            .map(|pair| {
                let key = (pair[0], pair[1]);
                *pairs.entry(key).or_insert_with(|| {
                    let face =
                        face.get_or_insert_with(|| ttf_parser::Face::parse(data, index).ok());
                    face.as_ref().map_or(0, |face| kerning(face, key))
                })
            })
            .collect()
    }
}

/// The kerning of `left` followed by `right`, in font units.
fn kerning(face: &ttf_parser::Face<'_>, (left, right): (u16, u16)) -> i16 {
    let (left, right) = (GlyphId(left), GlyphId(right));
    let Some(gpos) = face.tables().gpos else {
        let kern = face.tables().kern.into_iter().flat_map(|k| k.subtables);
        return kern
            .filter(|table| table.horizontal && !table.variable)
            .find_map(|table| table.glyphs_kerning(left, right))
            .unwrap_or(0);
    };
    let tag = Tag::from_bytes(b"kern");
    let mut lookups: Vec<u16> = gpos
        .features
        .into_iter()
        .filter(|feature| feature.tag == tag)
        .flat_map(|feature| feature.lookup_indices)
        .collect();
    lookups.sort_unstable();
    lookups.dedup();
    let mut total: i16 = 0;
    for lookup in lookups.into_iter().filter_map(|i| gpos.lookups.get(i)) {
        // The first subtable that covers the pair applies.
        let adjustment = lookup
            .subtables
            .into_iter::<PositioningSubtable>()
            .find_map(|subtable| match subtable {
                PositioningSubtable::Pair(pair) => adjust(&pair, left, right),
                _ => None,
            });
        total = total.saturating_add(adjustment.unwrap_or(0));
    }
    total
}

/// The advance adjustment of one pair subtable, when it covers the pair.
fn adjust(pair: &PairAdjustment<'_>, left: GlyphId, right: GlyphId) -> Option<i16> {
    match pair {
        PairAdjustment::Format1 { coverage, sets } => {
            let set = sets.get(coverage.get(left)?)?;
            Some(set.get(right)?.0.x_advance)
        }
        PairAdjustment::Format2 {
            coverage,
            classes,
            matrix,
        } => {
            coverage.get(left)?;
            let pair = (classes.0.get(left), classes.1.get(right));
            Some(matrix.get(pair)?.0.x_advance)
        }
    }
}
