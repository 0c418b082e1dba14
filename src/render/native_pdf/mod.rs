//! The built-in PDF engine: the résumé laid out in Rust with the embedded Lato
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
use self::fonts::Fonts;
use self::theme::{MM, Theme};
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
}

fn render(ctx: &RenderContext<'_>) -> Result<Rendered, String> {
    let fonts = Fonts::load()?;
    let theme = Theme::default();
    let (width_mm, _) = ctx.document.paper.size_mm();
    let text_width = width_mm * MM - 2.0 * theme.margins.x;
    let blocks = compose(ctx.document, fonts, &theme, text_width);
    let (bytes, pages) = draw::draw(ctx, &blocks, fonts, &theme)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages),
    })
}
