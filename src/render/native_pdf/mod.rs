//! The built-in PDF engine: the résumé (and its cover letters) laid out in Rust with the embedded Lato
//! faces, so a PDF needs nothing installed.
//!
//! `compose` turns the render view into a list of one-line blocks (measured
//! and wrapped by `layout`) in the sizes, colours and spaces of the
//! `theme`; `draw` paginates them with keep-with-next for headings and
//! sets them on pages with printpdf. The output is deterministic: fixed
//! resource names, subset tags and document id derived from the content, and
//! no date unless one is asked for.

mod compose;
mod compress;
mod draw;
mod fonts;
mod layout;
mod page;
mod theme;

use self::compose::compose;
use self::draw::Meta;
use self::fonts::Fonts;
use self::theme::{MM, Theme};
use super::letter::LetterContext;
use super::{Backend, Format, RenderContext, RenderError, Rendered};

/// The PDF backend that needs no external program.
pub struct NativePdf;

impl Backend for NativePdf {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        render(ctx).map_err(|message| RenderError {
            format: Format::Pdf,
            message,
        })
    }

    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        render_letter(ctx).map_err(|message| RenderError {
            format: Format::Pdf,
            message,
        })
    }
}

fn render(ctx: &RenderContext<'_>) -> Result<Rendered, String> {
    let fonts = Fonts::load()?;
    let theme = Theme::default();
    let (width_mm, _) = ctx.document.paper.size_mm();
    let text_width = width_mm * MM - 2.0 * theme.margins.x;
    let blocks = compose(ctx.document, fonts, &theme, text_width);
    let (bytes, pages) = draw::draw(&Meta::of_resume(ctx)?, &blocks, fonts, &theme)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages),
    })
}

/// A cover letter, in the résumé's theme.
fn render_letter(ctx: &LetterContext<'_>) -> Result<Rendered, String> {
    let fonts = Fonts::load()?;
    let theme = Theme::default();
    let letter = ctx.letter;
    let (width_mm, _) = letter.paper.size_mm();
    let text_width = width_mm * MM - 2.0 * theme.margins.x;
    let blocks = compose::letter(letter, fonts, &theme, text_width);
    let meta = Meta {
        title: format!("{} — Cover letter", letter.name),
        author: &letter.name,
        keywords: &[],
        creation_date: ctx.creation_date.as_deref(),
        content: serde_json::to_vec(letter).map_err(|e| e.to_string())?,
        paper: letter.paper,
        grow: ctx.measure,
    };
    let (bytes, pages) = draw::draw(&meta, &blocks, fonts, &theme)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages),
    })
}
