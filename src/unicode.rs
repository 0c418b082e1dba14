//! Character properties more than one layer needs: the controls of the
//! bidirectional algorithm, which the built-in engine neither measures nor
//! draws, `check` ignores in a PDF's text, and diagnostics escape so a
//! shown line cannot be reordered.

/// Whether `c` is a bidi control (the Arabic letter mark, the directional
/// marks, embeddings, overrides and isolates): an instruction to the bidi
/// algorithm, with no width and nothing drawn.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
