//! The HTML letter: `layouts/html/letter.hbs` with the résumé page's
//! partials, stylesheet, design tokens and embedded fonts, so the letter
//! looks like the page it goes with.

use std::collections::BTreeSet;

use serde_json::json;

use super::LetterView;
use crate::render::RenderError;
use crate::render::html::page::{embedded_fonts, html_error, render_page};
use crate::render::layouts::Layouts;

/// The letter as a self-contained HTML page.
pub fn render(letter: &LetterView, layouts: &Layouts) -> Result<String, RenderError> {
    let mut characters = BTreeSet::new();
    letter.visit_strings(&mut |text| characters.extend(text.chars()));
    let has_code =
        serde_json::to_string(&letter.paragraphs).is_ok_and(|json| json.contains("\"code\":true"));
    let fonts = embedded_fonts(&letter.design, &characters, has_code).map_err(html_error)?;
    let mut context = serde_json::to_value(letter).expect("the letter view always serializes");
    context["design_css"] = json!(letter.design.css());
    context["font_faces"] = json!(fonts);
    context["recipient_lines"] = json!(letter.recipient_lines());
    render_page(layouts, "letter", &context)
}
