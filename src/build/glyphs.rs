//! The warning for characters the PDF fonts lack: one per script (all of a
//! Chinese résumé's missing characters are one warning, not hundreds; CJK
//! scripts and their punctuation count as one), located where the first of
//! them is written, with a font that would draw them.

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

    /// A freely available font family that draws them.
    fn font(self) -> Option<&'static str> {
        Some(match self {
            Family::Cjk => "Noto Sans CJK",
            Family::Script(Script::Arabic) => "Noto Sans Arabic",
            Family::Script(Script::Hebrew) => "Noto Sans Hebrew",
            Family::Script(Script::Devanagari) => "Noto Sans Devanagari",
            Family::Script(Script::Thai) => "Noto Sans Thai",
            Family::Symbols => "Noto Sans Symbols 2",
            Family::Script(_) => return None,
        })
    }
}

fn warning(family: Family, group: &[Use]) -> Diagnostic {
    let mut shown: Vec<String> = group.iter().take(SHOWN).map(|(c, _)| named(*c)).collect();
    if group.len() > SHOWN {
        shown.push(format!("and {} more", group.len() - SHOWN));
    }
    let message = match group.len() {
        1 => format!(
            "the PDF fonts have no glyph for {}; it may print as a blank box or in another font",
            shown[0]
        ),
        n => format!(
            "the PDF fonts have no glyphs for {n} {}, first used here: {}; they may print as blank boxes or in another font",
            family.name(),
            shown.join(", ")
        ),
    };
    let it = if group.len() == 1 { "it" } else { "them" };
    let example = family.font().map(|f| format!(" (such as {f})"));
    let font = format!("a font that has {it}{}", example.unwrap_or_default());
    Diagnostic::warning(message)
        .at(group[0].1.clone())
        .help(format!(
            "replace {it}, or add {font} to layouts/fonts/ and rebuild resumec"
        ))
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
