//! The built-in PDF engine: the résumé and its cover letters laid out in
//! Rust with the same font files and design tokens as the typst templates,
//! so a PDF needs nothing installed and looks like typst's.
//!
//! `theme` works out the engine's sizes, colours and spaces from the
//! document's design tokens; `compose` turns the render view (or a letter's
//! view) into a list of one-line blocks (measured and wrapped by `layout`,
//! each line put in visual order by `bidi`, a right-to-left document
//! mirrored); `draw` paginates them with keep-with-next for headings and
//! sets them on pages with printpdf. Text is set in the design's faces, or
//! in a `fallback` face for what they lack (Arabic, Hebrew, a font path's
//! CJK); Arabic, Hebrew and right-to-left runs are shaped (`shaping`) and
//! written glyph by glyph with their characters, and `embed` subsets each
//! face to what the document draws. The output is deterministic: fixed resource names,
//! subset tags and document id derived from the content, and no date unless
//! one is asked for.

mod compose;
mod compress;
mod draw;
mod embed;
mod face;
mod fallback;
mod fonts;
mod kerning;
mod layout;
mod page;
mod shaping;
mod smallcaps;
mod theme;

use self::compose::{Frame, compose};
use self::draw::Meta;
use self::fonts::Fonts;
use self::theme::{MM, Theme};
use super::design::Tokens;
use super::letter::LetterContext;
use super::{Backend, Format, RenderContext, RenderError, Rendered};
use crate::model::types::Paper;

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

/// The text area of `paper` inside the theme's margins.
fn frame(paper: Paper, theme: &Theme) -> Frame {
    let (width_mm, height_mm) = paper.size_mm();
    let margins = &theme.margins;
    Frame {
        width: width_mm * MM - 2.0 * margins.x,
        height: height_mm * MM - margins.top - margins.bottom,
    }
}

/// The fonts and theme of `design`.
fn setting(design: &Tokens) -> Result<(Fonts, Theme), String> {
    Ok((Fonts::for_design(design)?, Theme::new(design)))
}

fn render(ctx: &RenderContext<'_>) -> Result<Rendered, String> {
    let (fonts, theme) = setting(&ctx.document.design)?;
    let frame = frame(ctx.document.paper, &theme);
    let blocks = compose(ctx.document, &fonts, &theme, frame);
    let (bytes, pages) = draw::draw(&Meta::of_resume(ctx)?, &blocks, &fonts, &theme)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages),
    })
}

/// A cover letter, in the résumé's theme.
fn render_letter(ctx: &LetterContext<'_>) -> Result<Rendered, String> {
    let letter = ctx.letter;
    let (fonts, theme) = setting(&letter.design)?;
    let frame = frame(letter.paper, &theme);
    let blocks = compose::letter(letter, &fonts, &theme, frame);
    let meta = Meta {
        title: format!("{} — Cover letter", letter.name),
        author: &letter.name,
        keywords: &[],
        creation_date: ctx.creation_date.as_deref(),
        content: serde_json::to_vec(letter).map_err(|e| e.to_string())?,
        paper: letter.paper,
        grow: ctx.measure,
    };
    let (bytes, pages) = draw::draw(&meta, &blocks, &fonts, &theme)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages),
    })
}
