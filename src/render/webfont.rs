//! Fonts for the HTML page: each face the page uses, cut down to the
//! characters the document holds and embedded as `@font-face` data, so the
//! page looks like the PDF and still fetches nothing.
//!
//! The `subsetter` crate (which the native PDF engine uses) keeps only the
//! glyphs asked for but, being made for PDF, drops the tables that map
//! characters to glyphs (`cmap`) and describe the face to the system
//! (`OS/2`). A browser needs both, so [`web_subset`] adds a new `cmap` for
//! the kept characters and the original `OS/2`, and reassembles the font.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use base64::Engine as _;
use subsetter::GlyphRemapper;

use super::fonts::Face;

/// Characters the page's own text may set beside the document's: the
/// printable ASCII range (labels, separators) and the bullets.
fn page_characters() -> impl Iterator<Item = char> {
    (' '..='~').chain(['•', '·', '—', '–', '’'])
}

/// `@font-face` rules for every face of `families`, and the regular face
/// of `plain_families` (whose bold and italic the browser may synthesize),
/// each subset to `characters` (plus `page_characters`); a face that
/// cannot be subset is left out, and the browser falls back to the next
/// family. The faces of `whole_families` are embedded whole: a script
/// that joins its letters (Arabic) reaches most of its glyphs through the
/// face's shaping tables, which a subset to characters would lose.
pub fn font_faces<'a>(
    faces: &[Face],
    families: impl IntoIterator<Item = &'a str>,
    plain_families: &[&str],
    whole_families: &[&str],
    characters: &BTreeSet<char>,
) -> String {
    let characters: BTreeSet<char> = characters
        .iter()
        .copied()
        .chain(page_characters())
        .collect();
    let mut css = String::new();
    let wanted = families.into_iter().map(|family| (family, false));
    let wanted = wanted.chain(plain_families.iter().map(|&family| (family, true)));
    let whole = whole_families.iter().map(|&family| (family, false));
    for (family, plain) in wanted.chain(whole) {
        let of_family =
            |face: &&Face| face.family == family && !(plain && (face.bold || face.italic));
        for face in faces.iter().filter(of_family) {
            let font = match whole_families.contains(&family) && face.index == 0 {
                true => Some(face.data.to_vec()),
                false => web_subset(&face.data, face.index, &characters),
            };
            let Some(font) = font else {
                continue;
            };
            let (mime, format) = match face.cff {
                true => ("font/otf", "opentype"),
                false => ("font/ttf", "truetype"),
            };
            let _ = writeln!(
                css,
                "@font-face {{ font-family: {}; font-weight: {}; font-style: {}; src: url(data:{mime};base64,{}) format(\"{format}\"); }}",
                super::design::css_string(family),
                if face.bold { 700 } else { 400 },
                if face.italic { "italic" } else { "normal" },
                base64::engine::general_purpose::STANDARD.encode(font),
            );
        }
    }
    css
}

/// Face `index` of the font `data` (0 but in a collection) cut down to
/// `characters`, with a `cmap` and `OS/2` a browser accepts.
pub fn web_subset(data: &[u8], index: u32, characters: &BTreeSet<char>) -> Option<Vec<u8>> {
    let face = ttf_parser::Face::parse(data, index).ok()?;
    let mut remapper = GlyphRemapper::new();
    let mapped: Vec<(char, u16)> = characters
        .iter()
        .filter_map(|&c| Some((c, face.glyph_index(c)?.0)))
        .collect();
    for &(_, glyph) in &mapped {
        remapper.remap(glyph);
    }
    let subset = subsetter::subset(data, index, &remapper).ok()?;
    let mapping: Vec<(u32, u16)> = mapped
        .iter()
        .filter_map(|&(c, glyph)| Some((u32::from(c), remapper.get(glyph)?)))
        .collect();
    let mut tables = read_tables(&subset)?;
    tables.retain(|(tag, _)| tag != b"cmap" && tag != b"OS/2");
    tables.push((*b"cmap", cmap(&mapping)));
    tables.push((
        *b"OS/2",
        face.raw_face()
            .table(ttf_parser::Tag::from_bytes(b"OS/2"))?
            .to_vec(),
    ));
    Some(write_font(subset.get(..4)?, tables))
}

type Table = ([u8; 4], Vec<u8>);

/// The tables of an OpenType font, by tag.
fn read_tables(font: &[u8]) -> Option<Vec<Table>> {
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    (0..count)
        .map(|i| {
            let record = font.get(12 + 16 * i..28 + 16 * i)?;
            let tag: [u8; 4] = record[..4].try_into().ok()?;
            let offset = u32::from_be_bytes(record[8..12].try_into().ok()?) as usize;
            let length = u32::from_be_bytes(record[12..16].try_into().ok()?) as usize;
            Some((tag, font.get(offset..offset.checked_add(length)?)?.to_vec()))
        })
        .collect()
}

/// A font of `tables` (sorted by tag, each padded to four bytes), with the
/// checksums and `head.checkSumAdjustment` the format asks for.
fn write_font(version: &[u8], mut tables: Vec<Table>) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| *tag);
    if let Some((_, head)) = tables.iter_mut().find(|(tag, _)| tag == b"head")
        && head.len() >= 12
    {
        head[8..12].fill(0);
    }
    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros() as u16).min(15);
    let mut font = version.to_vec();
    for value in [
        count,
        power * 16,
        power.trailing_zeros() as u16,
        count * 16 - power * 16,
    ] {
        font.extend(value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        font.extend(tag);
        font.extend(checksum(data).to_be_bytes());
        font.extend((offset as u32).to_be_bytes());
        font.extend((data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(font.len());
        }
        font.extend(data);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
        font[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    font
}

/// The OpenType checksum: the sum of big-endian 32-bit words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A `cmap` with a Windows Unicode BMP subtable (format 4, one segment per
/// character) and a full-range one (format 12), from sorted pairs.
fn cmap(mapping: &[(u32, u16)]) -> Vec<u8> {
    let bmp: Vec<(u16, u16)> = mapping
        .iter()
        .filter_map(|&(c, glyph)| Some((u16::try_from(c).ok().filter(|&c| c != 0xFFFF)?, glyph)))
        .collect();
    let format4 = format4(&bmp);
    let mut table = Vec::new();
    for value in [0u16, 2] {
        table.extend(value.to_be_bytes());
    }
    let first = 4 + 2 * 8;
    for (encoding, offset) in [(1u16, first), (10, first + format4.len())] {
        table.extend(3u16.to_be_bytes());
        table.extend(encoding.to_be_bytes());
        table.extend((offset as u32).to_be_bytes());
    }
    table.extend(format4);
    table.extend(12u16.to_be_bytes());
    table.extend(0u16.to_be_bytes());
    table.extend((16 + 12 * mapping.len() as u32).to_be_bytes());
    table.extend(0u32.to_be_bytes());
    table.extend((mapping.len() as u32).to_be_bytes());
    for &(c, glyph) in mapping {
        table.extend(c.to_be_bytes());
        table.extend(c.to_be_bytes());
        table.extend(u32::from(glyph).to_be_bytes());
    }
    table
}

fn format4(bmp: &[(u16, u16)]) -> Vec<u8> {
    let segments: Vec<(u16, u16)> = bmp.iter().copied().chain([(0xFFFF, 0)]).collect();
    let count = segments.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros() as u16);
    let mut table = Vec::new();
    let length = 16 + 8 * segments.len();
    for value in [
        4,
        length as u16,
        0,
        count * 2,
        power * 2,
        power.trailing_zeros() as u16,
        count * 2 - power * 2,
    ] {
        table.extend(value.to_be_bytes());
    }
    segments
        .iter()
        .for_each(|&(c, _)| table.extend(c.to_be_bytes()));
    table.extend(0u16.to_be_bytes());
    segments
        .iter()
        .for_each(|&(c, _)| table.extend(c.to_be_bytes()));
    for &(c, glyph) in &segments {
        let delta = if c == 0xFFFF {
            1
        } else {
            glyph.wrapping_sub(c)
        };
        table.extend(delta.to_be_bytes());
    }
    segments
        .iter()
        .for_each(|_| table.extend(0u16.to_be_bytes()));
    table
}

#[cfg(test)]
mod tests {
    use super::super::fonts::bundled;
    use super::*;

    #[test]
    fn a_subset_maps_its_characters_and_nothing_else() {
        let characters: BTreeSet<char> = "Añ€".chars().collect();
        for face in bundled() {
            let font = web_subset(&face.data, face.index, &characters).expect("subsets");
            let parsed = ttf_parser::Face::parse(&font, 0).expect("reads back");
            for c in characters.iter().filter(|&&c| {
                ttf_parser::Face::parse(&face.data, 0)
                    .unwrap()
                    .glyph_index(c)
                    .is_some()
            }) {
                let glyph = parsed.glyph_index(*c).expect("mapped");
                assert!(
                    parsed.glyph_hor_advance(glyph).unwrap_or(0) > 0,
                    "{c} in {}",
                    face.family
                );
            }
            assert_eq!(parsed.glyph_index('Z'), None);
            assert!(
                font.len() < face.data.len() / 4,
                "{} is cut down",
                face.family
            );
        }
    }
}
