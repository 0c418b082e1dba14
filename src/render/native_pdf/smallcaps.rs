//! Small capitals: a face's own `smcp` glyphs, as single substitutions.

use ttf_parser::gsub::{SingleSubstitution, SubstitutionSubtable};
use ttf_parser::{GlyphId, Tag};

/// The small capital of `glyph`, from the face's `smcp` feature.
pub fn small_capital(face: &ttf_parser::Face<'_>, glyph: GlyphId) -> Option<GlyphId> {
    let gsub = face.tables().gsub?;
    let smcp = Tag::from_bytes(b"smcp");
    let lookups = gsub
        .features
        .into_iter()
        .filter(|feature| feature.tag == smcp)
        .flat_map(|feature| feature.lookup_indices);
    lookups
        .filter_map(|index| gsub.lookups.get(index))
        .flat_map(|lookup| lookup.subtables.into_iter::<SubstitutionSubtable>())
        .find_map(|subtable| match subtable {
            SubstitutionSubtable::Single(single) => substitute(&single, glyph),
            _ => None,
        })
}

fn substitute(single: &SingleSubstitution<'_>, glyph: GlyphId) -> Option<GlyphId> {
    match single {
        SingleSubstitution::Format1 { coverage, delta } => {
            coverage.get(glyph)?;
            Some(GlyphId((i32::from(glyph.0) + i32::from(*delta)) as u16))
        }
        SingleSubstitution::Format2 {
            coverage,
            substitutes,
        } => substitutes.get(coverage.get(glyph)?),
    }
}
