//! The Markdown backend: CommonMark from the handlebars template
//! `layouts/markdown/resume.hbs`, which reads back as the résumé's text.
//!
//! `{{value}}` output is escaped so that a plain field prints literally
//! ([`inline::escape`]); the helpers write styled text the same way:
//! `{{inline spans}}` a text field's spans, `{{strong a b…}}` and
//! `{{emph a b…}}` plain values joined and set in bold or italic,
//! `{{link text url}}` a link, and `(join list sep)` a list as one string.

mod inline;
pub mod template;

pub use inline::{escape, inline};

use super::letter::{self, LetterContext};
use super::{Backend, Format, RenderContext, RenderError, Rendered};
use template::render_template;

pub struct Markdown;

impl Backend for Markdown {
    fn format(&self) -> Format {
        Format::Md
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        render_template(ctx.layouts, "markdown/resume.hbs", ctx.document).map(Rendered::text)
    }

    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        letter::markdown(ctx.letter, ctx.layouts).map(Rendered::text)
    }
}
