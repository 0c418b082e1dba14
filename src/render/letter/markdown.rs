//! The Markdown letter, from the layout file `markdown/letter.hbs` with the
//! helpers and escaping of the Markdown résumé.

use serde_json::json;

use super::LetterView;
use crate::render::RenderError;
use crate::render::layouts::Layouts;
use crate::render::markdown::template::render_template;

/// The layout file of the Markdown letter.
pub const TEMPLATE: &str = "markdown/letter.hbs";

/// The letter as Markdown.
pub fn render(letter: &LetterView, layouts: &Layouts) -> Result<String, RenderError> {
    let mut context = serde_json::to_value(letter).expect("the letter view always serializes");
    context["recipient_lines"] = json!(letter.recipient_lines());
    render_template(layouts, TEMPLATE, &context)
}
