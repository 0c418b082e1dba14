//! Drawing: composed blocks paginated with keep-with-next, set on PDF pages
//! with printpdf (a page number under each when there are several), and the
//! file finished deterministically: compressed streams, the résumé's own
//! document information, and an id derived from the content.

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use super::compose::{Block, Look};
use super::compress::compress_streams;
use super::embed::{Embedded, Usage};
use super::fonts::{Fonts, Style, drawn_len};
use super::layout::{Extent, Placed, paginate};
use super::page::{Canvas, glyph_items, kerned_items};
use super::theme::{MM, Theme};
use crate::hash::fnv1a_seeded;
use crate::model::types::Paper;
use crate::render::RenderContext;
use crate::unicode::is_bidi_control;

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
    let numbered = theme.look.page_numbers && total > 1;

    let mut pdf = PdfDocument::new(&meta.title);
    let embedded = fonts.embed(&mut pdf, &sheet.usage(blocks, numbered))?;
    let pdf_pages = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let mut canvas = Canvas::new(&embedded.ids);
            for &(index, top) in page {
                sheet.block(&mut canvas, &embedded, &blocks[index], top);
            }
            if numbered {
                sheet.page_number(&mut canvas, n + 1, total);
            }
            PdfPage::new(Mm(width_mm), Mm(height_mm), canvas.into_ops())
        })
        .collect();
    pdf.with_pages(pdf_pages);
    Ok((save(&pdf, meta)?, total))
}

/// A piece of a run set in one face: where it starts from the run's left
/// edge, its style and its text.
type Setting<'r> = (f32, Style, &'r str);

impl Sheet<'_> {
    /// The characters each style draws (the page numbers' included) and
    /// the glyphs of the text that is shaped.
    fn usage(&self, blocks: &[Block], numbered: bool) -> Usage {
        let mut used = Usage::default();
        for placed in blocks.iter().flat_map(|block| &block.runs) {
            let look = &placed.run.style;
            let chars = placed.run.text.chars().filter(|&c| !is_bidi_control(c));
            used.chars.entry(look.style).or_default().extend(chars);
            for (_, style, text) in self.settings(placed) {
                for glyph in self.fonts.shaped(style, text, look.rtl).unwrap_or_default() {
                    used.glyph(style, glyph.id, &glyph.text);
                }
            }
        }
        if numbered {
            used.chars
                .entry(Style::REGULAR)
                .or_default()
                .extend("0123456789 /".chars());
        }
        used
    }

    /// Draws `block` with its top `top` points below the top margin.
    fn block(&self, canvas: &mut Canvas<'_>, embedded: &Embedded, block: &Block, top: f32) {
        let margins = &self.theme.margins;
        let baseline = self.height - (margins.top + top + block.ascent);
        for placed in &block.runs {
            let look = &placed.run.style;
            for (offset, style, text) in self.settings(placed) {
                let shown = match self.fonts.shaped(style, text, look.rtl) {
                    Some(glyphs) => {
                        let ids = &embedded.glyph_ids[&style];
                        glyph_items(
                            (text, look.rtl),
                            &glyphs,
                            ids,
                            self.fonts.units_per_em(style),
                        )
                    }
                    None => kerned_items(&self.fonts.kerned(style, text)),
                };
                canvas.text(shown, style, look, margins.x + placed.x + offset, baseline);
            }
            if let Some(url) = &look.link {
                let text = placed.run.text.trim_end();
                let width = self.fonts.width(look.style, text, look.size);
                canvas.link(url, margins.x + placed.x, baseline, width, look.size);
            }
        }
        for mark in &block.marks {
            let at = |(x, y): (f32, f32)| (margins.x + x, baseline - y);
            canvas.rule(at(mark.from), at(mark.to), mark.color, mark.thickness);
        }
    }

    /// The pieces of a run, each in the face that sets it, and where each
    /// starts; right to left, the first piece is the rightmost.
    fn settings<'r>(&self, placed: &'r Placed<Look>) -> Vec<Setting<'r>> {
        let look = &placed.run.style;
        let mut settings = Vec::new();
        for (x, word) in self.pieces(placed) {
            let mut offset = 0.0;
            for (style, range) in self.fonts.split(look.style, word) {
                let text = &word[range];
                settings.push((x + offset, style, text));
                offset += self.fonts.width(style, text, look.size)
                    + look.tracking * drawn_len(text) as f32;
            }
        }
        if look.rtl {
            for (x, style, text) in &mut settings {
                let width = self.fonts.width(*style, text, look.size)
                    + look.tracking * drawn_len(text) as f32;
                *x = placed.width - *x - width;
            }
        }
        settings
    }

    /// The words of a run and where each starts: spaces are not drawn but
    /// left as gaps of the run's space width (its own, or the font's).
    fn pieces<'r>(&self, placed: &'r Placed<Look>) -> Vec<(f32, &'r str)> {
        let look = &placed.run.style;
        let text = placed.run.text.as_str();
        if look.space.is_none() {
            return vec![(0.0, text)];
        }
        let mut pieces = Vec::new();
        let mut x = 0.0;
        for word in text.split(' ') {
            if !word.is_empty() {
                pieces.push((x, word));
                x += self.fonts.width(look.style, word, look.size)
                    + look.tracking * drawn_len(word) as f32;
            }
            x += look.space.unwrap_or(0.0);
        }
        pieces
    }

    /// "n / total", centred under the text area, where typst sets its
    /// footer; the parts are drawn a little wider apart than a word space,
    /// so text extraction keeps the spaces between them.
    fn page_number(&self, canvas: &mut Canvas<'_>, n: usize, total: usize) {
        let t = self.theme;
        let footer = Look::new(Style::REGULAR, t.size.footer, t.color.quiet);
        let text = format!("{n} / {total}");
        let gap = t.look.footer_gap;
        let width = self.fonts.width(footer.style, &text, footer.size) + 2.0 * gap;
        let top = self.height - t.margins.bottom + t.space.footer_descent;
        let baseline = self.height - top - self.fonts.cap_height(footer.style, footer.size);
        let mut x = (self.width - width) / 2.0;
        let space = self.fonts.width(footer.style, " ", footer.size) + gap;
        for part in text.split(' ') {
            let items = kerned_items(&self.fonts.kerned(footer.style, part));
            canvas.text(items, footer.style, &footer, x, baseline);
            x += self.fonts.width(footer.style, part, footer.size) + space;
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
