//! The warning for characters the PDF fonts lack: one per script (all of a
//! Chinese résumé's missing characters are one warning, not hundreds; CJK
//! scripts and their punctuation count as one), located where the first of
//! them is written, with a font that would draw them and how to give it to
//! the build (`design.font_paths`).

use std::collections::BTreeSet;
use std::ops::Range;

use unicode_script::{Script, UnicodeScript};

use crate::diagnostic::{Diagnostic, push_printable};
use crate::model::load::SpanIndex;

/// How many of a script's missing characters a warning names.
const SHOWN: usize = 5;

/// A character and where it is first written, if the source holds it.
type Use = (char, Option<Range<usize>>);

/// One warning per script of the `missing` characters, each at the first
/// place one of them is written in `source`.
pub fn missing_glyph_warnings(
    source: &str,
    spans: &SpanIndex,
    missing: &BTreeSet<char>,
) -> Vec<Diagnostic> {
    let uses = spans.first_uses(source, missing);
    // In order of first use; characters only in text resumec adds (a
    // heading, a date) come last, without a place.
    let mut chars: Vec<Use> = missing
        .iter()
        .map(|&c| (c, uses.get(&c).cloned()))
        .collect();
    chars.sort_by_key(|(c, at)| (at.as_ref().map_or(usize::MAX, |r| r.start), *c));
    let mut groups: Vec<(Family, Vec<Use>)> = Vec::new();
    for (c, at) in chars {
        let family = family_of(c);
        match groups.iter_mut().find(|(f, _)| *f == family) {
            Some((_, group)) => group.push((c, at)),
            None => groups.push((family, vec![(c, at)])),
        }
    }
    groups
        .into_iter()
        .map(|(family, group)| warning(family, &group))
        .collect()
}

/// Characters that one kind of font draws, named for the warning.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Han, kana, Hangul and the punctuation and full-width forms they use.
    Cjk,
    /// One other script.
    Script(Script),
    /// Symbols, emoji and characters shared by many scripts.
    Symbols,
}

fn family_of(c: char) -> Family {
    let cjk_forms =
        matches!(c, '\u{3000}'..='\u{33ff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ffef}');
    match c.script() {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Bopomofo | Script::Hangul => {
            Family::Cjk
        }
        _ if cjk_forms || shared_with_han(c) => Family::Cjk,
        Script::Common | Script::Inherited | Script::Unknown => Family::Symbols,
        script => Family::Script(script),
    }
}

/// Whether `c` is used by a few scripts, Han among them (not by all).
fn shared_with_han(c: char) -> bool {
    let scripts = c.script_extension();
    !scripts.is_common() && !scripts.is_inherited() && scripts.contains_script(Script::Han)
}

impl Family {
    fn name(self) -> String {
        match self {
            Family::Cjk => "CJK characters (Chinese, Japanese, Korean)".to_owned(),
            Family::Script(script) => format!("characters of {} script", script.full_name()),
            Family::Symbols => "symbols or other characters".to_owned(),
        }
    }

    /// A freely available font family that draws them, Debian's package
    /// of it and where that puts it.
    fn font(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            Family::Cjk => ("Noto Sans CJK", CJK),
            Family::Script(Script::Arabic) => ("Noto Sans Arabic", CORE),
            Family::Script(Script::Hebrew) => ("Noto Sans Hebrew", CORE),
            Family::Script(Script::Devanagari) => ("Noto Sans Devanagari", CORE),
            Family::Script(Script::Thai) => ("Noto Sans Thai", CORE),
            Family::Symbols => ("Noto Sans Symbols 2", CORE),
            Family::Script(_) => return None,
        })
    }
}

/// Debian's Noto packages and their font directories.
const CJK: &str = "Debian: fonts-noto-cjk, in /usr/share/fonts/opentype/noto";
const CORE: &str = "Debian: fonts-noto-core, in /usr/share/fonts/truetype/noto";

fn warning(family: Family, group: &[Use]) -> Diagnostic {
    let mut shown: Vec<String> = group.iter().take(SHOWN).map(|(c, _)| named(*c)).collect();
    if group.len() > SHOWN {
        shown.push(format!("and {} more", group.len() - SHOWN));
    }
    // Characters none of the file holds are in the words resumec prints
    // itself: the locale's titles and dates, which the file cannot change.
    let written = group[0].1.is_some();
    let place = match written {
        true => "first used here",
        false => "in the titles and dates of the résumé's locale",
    };
    let message = match group.len() {
        1 => format!(
            "the PDF fonts have no glyph for {} ({place}); it may print as a blank box or in another font",
            shown[0]
        ),
        n => format!(
            "the PDF fonts have no glyphs for {n} {}, {place}: {}; they may print as blank boxes or in another font",
            family.name(),
            shown.join(", ")
        ),
    };
    let it = if group.len() == 1 { "it" } else { "them" };
    let or_replace = match written {
        true => format!(", or replace {it}"),
        false => String::new(),
    };
    let help = match family.font() {
        Some((font, debian)) => format!(
            "install {font} ({debian}) and add its directory to `design.font_paths`{or_replace}"
        ),
        None => {
            format!("add the directory of a font that has {it} to `design.font_paths`{or_replace}")
        }
    };
    Diagnostic::warning(message)
        .at(group[0].1.clone())
        .help(help)
}

/// `上` (U+4E0A), or only the code point for a character that does not
/// print visibly.
fn named(c: char) -> String {
    let mut printable = String::new();
    push_printable(&mut printable, c);
    let code = format!("U+{:04X}", u32::from(c));
    match printable.chars().eq([c]) && !c.is_whitespace() && !is_format(c) {
        true => format!("`{c}` ({code})"),
        false => code,
    }
}

/// Zero-width and direction characters, which print as nothing.
fn is_format(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}
