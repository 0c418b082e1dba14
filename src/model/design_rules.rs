//! Checks of the `design:` sections (the résumé's and each variant's) that
//! the schema cannot express: sizes within what a page can hold. (A
//! top-level `paper:` that disagrees with `design.paper` is warned about
//! by the loader, which sees both before it merges them.)

use super::load::SpanIndex;
use super::types::{Design, Resume};
use crate::diagnostic::Diagnostic;

/// Every problem in the design sections.
pub fn check(resume: &Resume, spans: &SpanIndex) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    check_one(&resume.design, &["design".to_owned()], spans, &mut found);
    for (name, variant) in &resume.variants {
        if let Some(design) = &variant.design {
            let at = ["variants".to_owned(), name.clone(), "design".to_owned()];
            check_one(design, &at, spans, &mut found);
        }
    }
    found
}

fn check_one(design: &Design, at: &[String], spans: &SpanIndex, found: &mut Vec<Diagnostic>) {
    let field = |name: &str| {
        let mut path = at.to_vec();
        path.push(name.to_owned());
        spans.value(&path)
    };
    if let Some(size) = design.font_size
        && !(6.0..=16.0).contains(&size)
    {
        found.push(
            Diagnostic::error(format!("a body text of {size}pt does not fit a résumé"))
                .at(field("font_size"))
                .help("choose a size between 6 and 16 points, e.g. 10.5"),
        );
    }
    if let Some(factor) = design.line_spacing
        && !(0.5..=2.0).contains(&factor)
    {
        found.push(
            Diagnostic::error(format!("a line spacing of {factor} is out of range"))
                .at(field("line_spacing"))
                .help(
                    "it multiplies the theme's spacing: choose between 0.5 and 2.0 (1.0 keeps it)",
                ),
        );
    }
}
