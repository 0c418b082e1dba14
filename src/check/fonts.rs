//! Whether every font a PDF uses is embedded, read with lopdf: a font
//! descriptor must hold a font file, and a simple font without a descriptor
//! (one of the standard 14) is not embedded. Type 3 fonts draw their glyphs
//! in the file itself.

use lopdf::{Dictionary, Document, Object};

/// The names of the fonts that are not embedded, sorted, each once.
pub fn not_embedded(document: &Document) -> Vec<String> {
    let mut missing = Vec::new();
    for object in document.objects.values() {
        let Ok(dict) = object.as_dict() else {
            continue;
        };
        let name = |key: &[u8]| {
            dict.get(key)
                .and_then(Object::as_name)
                .map(|name| String::from_utf8_lossy(name).into_owned())
                .unwrap_or_else(|_| "unnamed font".to_owned())
        };
        if is(dict, b"Type", b"FontDescriptor") && !has_font_file(dict) {
            missing.push(name(b"FontName"));
        } else if is(dict, b"Type", b"Font")
            && ["Type1", "TrueType", "MMType1"]
                .iter()
                .any(|s| is(dict, b"Subtype", s.as_bytes()))
            && !dict.has(b"FontDescriptor")
        {
            missing.push(name(b"BaseFont"));
        }
    }
    missing.sort();
    missing.dedup();
    missing
}

/// How many fonts the document declares.
pub fn font_count(document: &Document) -> usize {
    let fonts = document
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok());
    fonts.filter(|dict| is(dict, b"Type", b"Font")).count()
}

fn is(dict: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    dict.get(key)
        .and_then(Object::as_name)
        .is_ok_and(|name| name == value)
}

fn has_font_file(descriptor: &Dictionary) -> bool {
    [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
        .iter()
        .any(|key| descriptor.has(key))
}
