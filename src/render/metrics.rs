//! The built-in typst layout's text metrics, in one place: the geometry
//! `layouts/typst/resume.typ` sets its bullets with (beside the body size
//! and margins, which are the theme's tokens), and the fonts it sets them
//! in, for whatever measures text as that layout will set it (the lint of
//! long bullets). A test keeps the numbers in step with the layout.

pub use super::layouts::FONTS;

/// The list's indent, in em.
pub const LIST_INDENT_EM: f32 = 0.15;
/// The list marker's size, in em.
pub const MARKER_EM: f32 = 0.8;
/// The indent of a list item's body after its marker, in em.
pub const BODY_INDENT_EM: f32 = 0.6;

/// Code is set in DejaVu Sans Mono, every character 0.602 em wide, at the
/// layout's 0.88 of typst's 0.8 em for raw text.
pub const CODE_ADVANCE_EM: f32 = 0.88 * 0.8 * 1233.0 / 2048.0;

#[cfg(test)]
mod tests {
    use super::super::layouts::Layouts;

    #[test]
    fn geometry_matches_the_typst_layout() {
        let layouts = Layouts::default();
        let typst = layouts.file("typst/resume.typ");
        for setting in [
            "#let body-size = pt-of(design.font_size)",
            "#let (margin-x, margin-top, margin-bottom) = (design.margins.x,",
            "indent: 0.15em,",
            "body-indent: 0.6em,",
            "marker: text(fill: quiet, size: 0.8em,",
            "#show raw: set text(font: design.mono_font, size: 0.88em)",
            "justify: false",
            "hyphenate: false",
        ] {
            assert!(
                typst.contains(setting),
                "the typst layout changed: {setting}"
            );
        }
    }
}
