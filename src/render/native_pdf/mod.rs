//! The built-in PDF engine: the résumé laid out in Rust with the same font
//! files and design tokens as the typst template, so a PDF needs nothing
//! installed and looks like typst's.
//!
//! `theme` works out the engine's sizes, colours and spaces from the
//! document's design tokens; `compose` turns the render view into a list of
//! one-line blocks (measured and wrapped by `layout`); `draw` paginates
//! them with keep-with-next for headings and sets them on pages with
//! printpdf. The output is deterministic: fixed
//! resource names, subset tags and document id derived from the content, and
//! no date unless one is asked for.

mod compose;
mod compress;
mod draw;
mod fonts;
mod kerning;
mod layout;
mod page;
mod theme;

use self::compose::{Frame, compose};
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
    let design = &ctx.document.design;
    let fonts = Fonts::for_design(design)?;
    let theme = Theme::new(design);
    let (width_mm, height_mm) = ctx.document.paper.size_mm();
    let margins = &theme.margins;
    let frame = Frame {
        width: width_mm * MM - 2.0 * margins.x,
        height: height_mm * MM - margins.top - margins.bottom,
    };
    let blocks = compose(ctx.document, &fonts, &theme, frame);
    let (bytes, pages) = draw::draw(ctx, &blocks, &fonts, &theme)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages),
    })
}
