//! Drawing: composed blocks paginated with keep-with-next, set on PDF pages
//! with printpdf (a page number under each when there are several), and the
//! file finished deterministically: compressed streams, the résumé's own
//! document information, and an id derived from the content.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use super::compose::{Block, Look, run};
use super::compress::compress_streams;
use super::fonts::{Fonts, Style};
use super::layout::{Extent, paginate};
use super::page::Canvas;
use super::theme::{MM, Theme};
use crate::hash::fnv1a_seeded;
use crate::model::types::Paper;
use crate::render::RenderContext;

/// Where a line's baseline sits below the middle of its box, in ems of its
/// text size: the middle of the Lato faces' lower-case letters.
const BASELINE_DROP_EM: f32 = 0.36;

/// The page being drawn on.
struct Sheet<'a> {
    fonts: &'a Fonts,
    theme: &'a Theme,
    /// Width and height, in points.
    width: f32,
    height: f32,
}

/// What a drawn document is besides its blocks: its metadata and paper.
pub struct Meta<'a> {
    pub title: String,
    pub author: &'a str,
    pub keywords: &'a [String],
    /// The PDF creation date (`YYYY-MM-DD`), when one is asked for.
    pub creation_date: Option<&'a str>,
    /// What the document shows, hashed into its file id.
    pub content: Vec<u8>,
    pub paper: Paper,
    /// One page as tall as the blocks (at least the paper's height), to
    /// measure how far they run past a page.
    pub grow: bool,
}

impl<'a> Meta<'a> {
    /// The résumé's metadata.
    pub fn of_resume(ctx: &'a RenderContext<'_>) -> Result<Meta<'a>, String> {
        let doc = ctx.document;
        Ok(Meta {
            title: format!("{} — Résumé", doc.name),
            author: &doc.name,
            keywords: &doc.keywords,
            creation_date: ctx.creation_date.as_deref(),
            content: serde_json::to_vec(doc).map_err(|e| e.to_string())?,
            paper: doc.paper,
            grow: false,
        })
    }
}

/// The PDF of `blocks` on pages of the document's paper, with its page count.
pub fn draw(
    meta: &Meta<'_>,
    blocks: &[Block],
    fonts: &Fonts,
    theme: &Theme,
) -> Result<(Vec<u8>, usize), String> {
    let (width_mm, paper_height_mm) = meta.paper.size_mm();
    let margins = &theme.margins;
    let extents: Vec<Extent> = blocks.iter().map(|block| block.extent).collect();
    let content: f32 = extents.iter().map(|e| e.gap + e.height).sum();
    let height_mm = match meta.grow {
        true => paper_height_mm.max((content + margins.top + margins.bottom) / MM + 1.0),
        false => paper_height_mm,
    };
    let sheet = Sheet {
        fonts,
        theme,
        width: width_mm * MM,
        height: height_mm * MM,
    };
    let pages = paginate(&extents, sheet.height - margins.top - margins.bottom);
    let total = pages.len();

    let mut pdf = PdfDocument::new(&meta.title);
    let ids = fonts.embed(&mut pdf, &used_chars(blocks, total > 1))?;
    let pdf_pages = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut canvas = Canvas::new(&ids);
            for &(index, top) in page {
                sheet.block(&mut canvas, &blocks[index], top);
            }
            if total > 1 {
                sheet.page_number(&mut canvas, n + 1, total);
            }
            PdfPage::new(Mm(width_mm), Mm(height_mm), canvas.into_ops())
        })
        .collect();
    pdf.with_pages(pdf_pages);
    Ok((save(&pdf, meta)?, total))
}

/// The characters each style draws, the page numbers' included.
fn used_chars(blocks: &[Block], numbered: bool) -> [BTreeSet<char>; 4] {
    let mut used: [BTreeSet<char>; 4] = Default::default();
    for block in blocks {
        for placed in &block.runs {
            used[placed.run.style.style as usize].extend(placed.run.text.chars());
        }
    }
    if numbered {
        used[Style::Regular as usize].extend("0123456789 /".chars());
    }
    used
}

impl Sheet<'_> {
    /// Draws `block` with its top `top` points below the top margin.
    fn block(&self, canvas: &mut Canvas<'_>, block: &Block, top: f32) {
        let (margins, space) = (&self.theme.margins, &self.theme.space);
        let baseline =
            margins.top + top + block.extent.height / 2.0 + block.size * BASELINE_DROP_EM
                - if block.rule { space.heading_lift } else { 0.0 };
        let y = self.height - baseline;
        for placed in &block.runs {
            let look = &placed.run.style;
            canvas.text(&placed.run, margins.x + placed.x, y);
            if let Some(url) = &look.link {
                let text = placed.run.text.trim_end();
                let width = self.fonts.width(look.style, text, look.size);
                canvas.link(url, margins.x + placed.x, y, width, look.size);
            }
        }
        if block.rule {
            let rule_y = self.height - (margins.top + top + block.extent.height);
            let (color, thickness) = (self.theme.color.hairline, self.theme.rule_thickness);
            canvas.rule(margins.x, self.width - margins.x, rule_y, color, thickness);
        }
    }

    /// "n / total", centred in the bottom margin.
    fn page_number(&self, canvas: &mut Canvas<'_>, n: usize, total: usize) {
        let t = self.theme;
        let footer = Look::new(Style::Regular, t.size.small, t.color.quiet);
        // Spaced wider than a word space so text extraction keeps "n / N" apart.
        let parts = [format!("{n} "), "/ ".to_owned(), total.to_string()];
        let gap = footer.size * t.footer_gap_em;
        let widths: Vec<f32> = parts
            .iter()
            .map(|part| self.fonts.width(footer.style, part, footer.size))
            .collect();
        let mut x = (self.width - widths.iter().sum::<f32>() - 2.0 * gap) / 2.0;
        for (part, width) in parts.into_iter().zip(widths) {
            canvas.text(&run(part, &footer), x, t.margins.bottom / 2.0);
            x += width + gap;
        }
    }
}

/// The bytes of `pdf`, compressed and with the document's own metadata.
fn save(pdf: &PdfDocument, meta: &Meta<'_>) -> Result<Vec<u8>, String> {
    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut lo = pdf.to_lopdf_document(&options, &mut warnings);
    compress_streams(&mut lo)?;
    finish_metadata(&mut lo, meta)?;
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// A PDF text string: UTF-16BE with a byte-order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Replaces printpdf's document information (clock dates, random id) with
/// the document's own, and derives the file id from the content.
fn finish_metadata(lo: &mut lopdf::Document, meta: &Meta<'_>) -> Result<(), String> {
    let info_id = lo
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| format!("no document information: {e}"))?;
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(meta.author));
    if !meta.keywords.is_empty() {
        info.set("Keywords", text_string(&meta.keywords.join(", ")));
    }
    info.set("Creator", text_string("resumec"));
    info.set("Producer", text_string("resumec (built-in PDF engine)"));
    if let Some(date) = meta.creation_date {
        let stamp = format!("D:{}000000Z", date.replace('-', ""));
        info.set("CreationDate", Object::string_literal(stamp.clone()));
        info.set("ModDate", Object::string_literal(stamp));
    }
    lo.objects.insert(info_id, Object::Dictionary(info));
    let content = &meta.content;
    let id: Vec<u8> = [fnv1a_seeded(1, content), fnv1a_seeded(2, content)]
        .iter()
        .flat_map(|h| h.to_be_bytes())
        .collect();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}
