//! The built-in PDF engine: the résumé laid out in Rust with the embedded Lato
//! faces, so a PDF needs nothing installed.
//!
//! The render view becomes a list of one-line blocks (measured and wrapped by
//! [`layout`]), which are paginated with keep-with-next for headings and
//! drawn with printpdf. The output is deterministic: fixed resource names,
//! subset tags and document id derived from the content, and no date unless
//! one is asked for.

mod compress;
mod fonts;
mod layout;
mod page;

use std::collections::BTreeSet;

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use self::compress::compress_streams;
use self::fonts::{Fonts, Style};
use self::layout::{Extent, Placed, Run, break_lines, is_forced_break, paginate};
use self::page::Canvas;
use super::view::{Body, Document, GroupView, Inline, JobView, ProjectView};
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

const MM: f32 = 72.0 / 25.4;
const MARGIN_X: f32 = 18.0 * MM;
const MARGIN_TOP: f32 = 16.0 * MM;
const MARGIN_BOTTOM: f32 = 18.0 * MM;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.75;
const LEADING: f32 = 1.36;
const BULLET_INDENT: f32 = 4.0;
const BULLET_HANG: f32 = 13.0;
/// Space between a line's text and the dates or link set beside it.
const RIGHT_GAP: f32 = 12.0;
/// The most of a line's width that text set beside the first line may take.
const RIGHT_SHARE: f32 = 0.45;

const ACCENT: (u8, u8, u8) = (0x1f, 0x3b, 0x5c);
const INK: (u8, u8, u8) = (0x1d, 0x1d, 0x1f);
const MUTED: (u8, u8, u8) = (0x5f, 0x63, 0x68);
const QUIET: (u8, u8, u8) = (0x80, 0x86, 0x8b);
const HAIRLINE: (u8, u8, u8) = (0xc9, 0xce, 0xd6);

/// How a run of text looks.
#[derive(Debug, Clone, PartialEq)]
struct Look {
    style: Style,
    size: f32,
    color: (u8, u8, u8),
    link: Option<String>,
}

impl Look {
    fn new(style: Style, size: f32, color: (u8, u8, u8)) -> Look {
        Look {
            style,
            size,
            color,
            link: None,
        }
    }
}

/// One line of the document.
struct Block {
    extent: Extent,
    size: f32,
    runs: Vec<Placed<Look>>,
    rule: bool,
}

struct Builder<'a> {
    fonts: &'a Fonts,
    width: f32,
    blocks: Vec<Block>,
}

fn run(text: impl Into<String>, look: &Look) -> Run<Look> {
    Run {
        text: text.into(),
        style: look.clone(),
    }
}

impl Builder<'_> {
    fn measure(&self, text: &str, look: &Look) -> f32 {
        self.fonts.width(look.style, text, look.size)
    }

    /// Wrapped text starting `indent` in, with `right` aligned to the right
    /// edge: beside the first line when it is short, on lines of its own
    /// below the text when it is not.
    fn lines(
        &mut self,
        runs: &[Run<Look>],
        indent: f32,
        right: Option<Run<Look>>,
        gap: f32,
        keep: bool,
    ) {
        let size = runs
            .iter()
            .chain(&right)
            .map(|r| r.style.size)
            .fold(0.0, f32::max);
        let width = self.width - indent;
        let (beside, below) = match right {
            Some(right) if self.fits_beside(&right, width) => (Some(right), None),
            right => (None, right),
        };
        let beside_width = beside
            .as_ref()
            .map_or(0.0, |r| self.measure(&r.text, &r.style) + RIGHT_GAP);
        let mut lines = self.wrap(runs, width - beside_width);
        if let Some(right) = beside {
            lines[0].push(self.right_aligned(right, width));
        }
        if let Some(right) = below {
            for line in self.wrap(&[right], width) {
                let end = line.last().map_or(0.0, |p| p.x + p.width);
                lines.push(
                    line.into_iter()
                        .map(|p| Placed {
                            x: p.x + width - end,
                            ..p
                        })
                        .collect(),
                );
            }
        }
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let placed = line
                .into_iter()
                .map(|p| Placed {
                    x: p.x + indent,
                    ..p
                })
                .collect();
            self.blocks.push(Block {
                extent: Extent {
                    gap: if i == 0 { gap } else { 0.0 },
                    height: size * LEADING,
                    keep_with_next: keep || (i + 1 < count && count <= 2),
                },
                size,
                runs: placed,
                rule: false,
            });
        }
    }

    /// Lines of `runs` no wider than `width`; one empty line for no text.
    fn wrap(&self, runs: &[Run<Look>], width: f32) -> Vec<Vec<Placed<Look>>> {
        let measure = |text: &str, look: &Look| self.measure(text, look);
        let mut lines = break_lines(runs, width, &measure);
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        lines
    }

    /// Whether `right` is one short line that leaves the text beside it
    /// most of `width`.
    fn fits_beside(&self, right: &Run<Look>, width: f32) -> bool {
        !right.text.contains(is_forced_break)
            && self.measure(&right.text, &right.style) + RIGHT_GAP <= width * RIGHT_SHARE
    }

    fn right_aligned(&self, right: Run<Look>, width: f32) -> Placed<Look> {
        let run_width = self.measure(&right.text, &right.style);
        Placed {
            x: width - run_width,
            width: run_width,
            run: right,
        }
    }

    fn bullet(&mut self, runs: &[Run<Look>], gap: f32) {
        let start = self.blocks.len();
        self.lines(runs, BULLET_INDENT + BULLET_HANG, None, gap, false);
        if let Some(first) = self.blocks.get_mut(start) {
            let look = Look::new(Style::Regular, BODY, QUIET);
            let width = self.fonts.width(Style::Regular, "•", BODY);
            first.runs.insert(
                0,
                Placed {
                    x: BULLET_INDENT,
                    width,
                    run: run("• ", &look),
                },
            );
        }
    }

    fn heading(&mut self, title: &str) {
        let look = Look::new(Style::Bold, 10.5, ACCENT);
        let spaced = title.to_uppercase();
        self.lines(&[run(spaced, &look)], 0.0, None, 13.0, true);
        if let Some(last) = self.blocks.last_mut() {
            last.rule = true;
            last.extent.height += 3.0;
        }
    }

    /// "Label: a · b · c" in a quiet small size.
    fn quiet_line(&mut self, label: Option<&str>, items: &[String], gap: f32, indent: f32) {
        if items.is_empty() {
            return;
        }
        let quiet = Look::new(Style::Regular, SMALL, QUIET);
        let mut runs = Vec::new();
        if let Some(label) = label {
            runs.push(run(
                format!("{label}: "),
                &Look::new(Style::Bold, SMALL, MUTED),
            ));
        }
        runs.push(run(items.join(" · "), &quiet));
        self.lines(&runs, indent, None, gap, false);
    }
}

fn inline_runs(spans: &Inline, base: &Look) -> Vec<Run<Look>> {
    spans
        .iter()
        .map(|span| {
            let strong = span.strong || matches!(base.style, Style::Bold | Style::BoldItalic);
            let emph = span.emph || matches!(base.style, Style::Italic | Style::BoldItalic);
            let mut look = base.clone();
            look.style = Style::of(strong, emph);
            if let Some(url) = &span.link {
                look.link = Some(url.clone());
                look.color = ACCENT;
            }
            run(span.text.clone(), &look)
        })
        .collect()
}

fn body() -> Look {
    Look::new(Style::Regular, BODY, INK)
}

fn header(b: &mut Builder<'_>, doc: &Document) {
    b.lines(
        &[run(doc.name.clone(), &Look::new(Style::Bold, 24.0, ACCENT))],
        0.0,
        None,
        0.0,
        true,
    );
    if let Some(headline) = &doc.headline {
        b.lines(
            &[run(headline.clone(), &Look::new(Style::Bold, 12.0, INK))],
            0.0,
            None,
            2.0,
            true,
        );
    }
    if let Some(tagline) = &doc.tagline {
        b.lines(
            &[run(
                tagline.clone(),
                &Look::new(Style::Regular, BODY, MUTED),
            )],
            0.0,
            None,
            2.0,
            true,
        );
    }
    if let Some(availability) = &doc.availability {
        b.lines(
            &[run(
                availability.clone(),
                &Look::new(Style::Italic, SMALL + 0.5, MUTED),
            )],
            0.0,
            None,
            1.0,
            true,
        );
    }
    let muted = Look::new(Style::Regular, SMALL + 0.5, MUTED);
    let mut runs = Vec::new();
    for (i, contact) in doc.contact.iter().enumerate() {
        if i > 0 {
            runs.push(run(
                " · ",
                &Look::new(Style::Regular, SMALL + 0.5, HAIRLINE),
            ));
        }
        let mut look = muted.clone();
        if let Some(url) = &contact.url {
            look.link = Some(url.clone());
            look.color = ACCENT;
        }
        runs.push(run(contact.text.clone(), &look));
    }
    if !runs.is_empty() {
        b.lines(&runs, 0.0, None, 5.0, false);
    }
}

fn job(b: &mut Builder<'_>, job: &JobView, first: bool) {
    let dates = run(
        job.dates.clone(),
        &Look::new(Style::Regular, SMALL + 0.5, MUTED),
    );
    b.lines(
        &[run(job.company.clone(), &Look::new(Style::Bold, 11.0, INK))],
        0.0,
        Some(dates),
        if first { 6.0 } else { 11.0 },
        true,
    );
    let mut title = vec![run(job.title.clone(), &Look::new(Style::Italic, BODY, INK))];
    if let Some(location) = &job.location {
        title.push(run(
            format!(" · {location}"),
            &Look::new(Style::Regular, SMALL + 0.5, MUTED),
        ));
    }
    b.lines(&title, 0.0, None, 0.5, true);
    if let Some(summary) = &job.summary {
        b.lines(&inline_runs(summary, &body()), 0.0, None, 3.0, false);
    }
    for group in &job.groups {
        group_view(b, group);
    }
}

fn group_view(b: &mut Builder<'_>, group: &GroupView) {
    let mut gap = 5.0;
    if let Some(name) = &group.name {
        b.lines(
            &[run(name.clone(), &Look::new(Style::Bold, 9.5, ACCENT))],
            0.0,
            None,
            6.0,
            true,
        );
        gap = 1.5;
    }
    for bullet in &group.bullets {
        b.bullet(&inline_runs(bullet, &body()), gap);
        gap = 1.5;
    }
    b.quiet_line(None, &group.technologies, 2.0, BULLET_INDENT + BULLET_HANG);
}

fn project(b: &mut Builder<'_>, project: &ProjectView, first: bool) {
    let mut head = vec![run(
        project.name.clone(),
        &Look::new(Style::Bold, 11.0, INK),
    )];
    if let Some(organization) = &project.organization {
        head.push(run(
            format!(" · {organization}"),
            &Look::new(Style::Regular, BODY, MUTED),
        ));
    }
    let url = project.url.as_ref().map(|url| {
        let mut look = Look::new(Style::Regular, SMALL + 0.5, ACCENT);
        look.link = Some(url.clone());
        run(display_url(url), &look)
    });
    b.lines(&head, 0.0, url, if first { 6.0 } else { 11.0 }, true);
    if let Some(subtitle) = &project.subtitle {
        b.lines(
            &[run(subtitle.clone(), &Look::new(Style::Italic, BODY, INK))],
            0.0,
            None,
            0.5,
            true,
        );
    }
    for paragraph in &project.paragraphs {
        b.lines(&inline_runs(paragraph, &body()), 0.0, None, 3.0, false);
    }
    b.quiet_line(Some("Technologies"), &project.technologies, 3.0, 0.0);
    b.quiet_line(Some("Concepts"), &project.concepts, 1.0, 0.0);
}

fn display_url(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/')
        .to_owned()
}

/// An entry head: bold title, dates on the right, then an italic line.
fn entry_head(
    b: &mut Builder<'_>,
    title: &str,
    dates: Option<&String>,
    sub: Option<String>,
    gap: f32,
) {
    let dates = dates.map(|d| run(d.clone(), &Look::new(Style::Regular, SMALL + 0.5, MUTED)));
    b.lines(
        &[run(title, &Look::new(Style::Bold, BODY + 0.5, INK))],
        0.0,
        dates,
        gap,
        true,
    );
    if let Some(sub) = sub {
        b.lines(
            &[run(sub, &Look::new(Style::Italic, BODY, INK))],
            0.0,
            None,
            0.5,
            true,
        );
    }
}

fn section_body(b: &mut Builder<'_>, section: &Body) {
    match section {
        Body::Paragraphs { paragraphs } => {
            for (i, paragraph) in paragraphs.iter().enumerate() {
                b.lines(
                    &inline_runs(paragraph, &body()),
                    0.0,
                    None,
                    if i == 0 { 5.0 } else { 4.0 },
                    false,
                );
            }
        }
        Body::Items { items } => {
            for (i, item) in items.iter().enumerate() {
                b.bullet(&inline_runs(item, &body()), if i == 0 { 5.0 } else { 1.5 });
            }
        }
        Body::Jobs { jobs } => {
            for (i, j) in jobs.iter().enumerate() {
                job(b, j, i == 0);
            }
        }
        Body::Projects { projects } => {
            for (i, p) in projects.iter().enumerate() {
                project(b, p, i == 0);
            }
        }
        Body::Skills { groups } => {
            for (i, group) in groups.iter().enumerate() {
                let runs = [
                    run(
                        format!("{}: ", group.name),
                        &Look::new(Style::Bold, BODY, INK),
                    ),
                    run(group.items.join(", "), &body()),
                ];
                b.lines(&runs, 0.0, None, if i == 0 { 5.0 } else { 2.0 }, false);
            }
        }
        Body::Education { entries } => {
            for (i, entry) in entries.iter().enumerate() {
                let sub = match &entry.location {
                    Some(location) => format!("{} · {location}", entry.institution),
                    None => entry.institution.clone(),
                };
                entry_head(
                    b,
                    &entry.degree,
                    entry.dates.as_ref(),
                    Some(sub),
                    if i == 0 { 5.0 } else { 9.0 },
                );
                for detail in &entry.details {
                    b.bullet(&inline_runs(detail, &body()), 1.5);
                }
            }
        }
        Body::Entries { entries } => {
            for (i, entry) in entries.iter().enumerate() {
                entry_head(
                    b,
                    &entry.title,
                    entry.dates.as_ref(),
                    entry.subtitle.clone(),
                    if i == 0 { 5.0 } else { 8.0 },
                );
                if let Some(url) = &entry.url {
                    let mut look = Look::new(Style::Regular, SMALL + 0.5, ACCENT);
                    look.link = Some(url.clone());
                    b.lines(&[run(display_url(url), &look)], 0.0, None, 0.5, false);
                }
                for detail in &entry.details {
                    b.lines(&inline_runs(detail, &body()), 0.0, None, 2.0, false);
                }
            }
        }
    }
    if let Some(last) = b.blocks.last_mut() {
        last.extent.keep_with_next = false;
    }
}

/// FNV-1a, seeded: the content hash behind the document id and subset tags.
fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325 ^ seed, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

fn render(ctx: &RenderContext<'_>) -> Result<Rendered, String> {
    let doc = ctx.document;
    let fonts = Fonts::load()?;
    let (width_mm, height_mm) = doc.paper.size_mm();
    let (page_w, page_h) = (width_mm * MM, height_mm * MM);
    let mut b = Builder {
        fonts,
        width: page_w - 2.0 * MARGIN_X,
        blocks: Vec::new(),
    };
    header(&mut b, doc);
    for section in &doc.sections {
        b.heading(section.title);
        section_body(&mut b, &section.body);
    }
    let extents: Vec<Extent> = b.blocks.iter().map(|block| block.extent).collect();
    let pages = paginate(&extents, page_h - MARGIN_TOP - MARGIN_BOTTOM);
    let total = pages.len();

    let footer = Look::new(Style::Regular, SMALL, QUIET);
    let mut used: [BTreeSet<char>; 4] = Default::default();
    let mut note = |look: &Look, text: &str| used[look.style as usize].extend(text.chars());
    for block in &b.blocks {
        for placed in &block.runs {
            note(&placed.run.style, &placed.run.text);
        }
    }
    if total > 1 {
        note(&footer, "0123456789 /");
    }

    let mut pdf = PdfDocument::new(&format!("{} — Résumé", doc.name));
    let ids = fonts.embed(&mut pdf, &used)?;
    let mut pdf_pages = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut canvas = Canvas::new(&ids);
        for &(index, top) in page {
            let block = &b.blocks[index];
            let baseline = MARGIN_TOP + top + block.extent.height / 2.0 + block.size * 0.36
                - if block.rule { 1.5 } else { 0.0 };
            let y = page_h - baseline;
            for placed in &block.runs {
                canvas.text(&placed.run, MARGIN_X + placed.x, y);
                if let Some(url) = &placed.run.style.link {
                    let width = fonts.width(
                        placed.run.style.style,
                        placed.run.text.trim_end(),
                        placed.run.style.size,
                    );
                    canvas.link(url, MARGIN_X + placed.x, y, width, placed.run.style.size);
                }
            }
            if block.rule {
                let rule_y = page_h - (MARGIN_TOP + top + block.extent.height);
                canvas.rule(MARGIN_X, page_w - MARGIN_X, rule_y);
            }
        }
        if total > 1 {
            // Spaced wider than a word space so text extraction keeps "n / N" apart.
            let parts = [format!("{} ", n + 1), "/ ".to_owned(), total.to_string()];
            let gap = footer.size * 0.2;
            let widths: Vec<f32> = parts
                .iter()
                .map(|part| fonts.width(footer.style, part, footer.size))
                .collect();
            let mut x = (page_w - widths.iter().sum::<f32>() - 2.0 * gap) / 2.0;
            for (part, width) in parts.into_iter().zip(widths) {
                canvas.text(&run(part, &footer), x, MARGIN_BOTTOM / 2.0);
                x += width + gap;
            }
        }
        pdf_pages.push(PdfPage::new(Mm(width_mm), Mm(height_mm), canvas.into_ops()));
    }
    pdf.with_pages(pdf_pages);

    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut lo = pdf.to_lopdf_document(&options, &mut warnings);
    compress_streams(&mut lo)?;
    finish_metadata(&mut lo, ctx)?;
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(Rendered {
        bytes,
        pages: Some(total),
    })
}

/// A PDF text string: UTF-16BE with a byte-order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Replaces printpdf's document information (clock dates, random id) with
/// the résumé's own, and derives the file id from the content.
fn finish_metadata(lo: &mut lopdf::Document, ctx: &RenderContext<'_>) -> Result<(), String> {
    let doc = ctx.document;
    let info_id = lo
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| format!("no document information: {e}"))?;
    let mut info = Dictionary::new();
    info.set("Title", text_string(&format!("{} — Résumé", doc.name)));
    info.set("Author", text_string(&doc.name));
    if !doc.keywords.is_empty() {
        info.set("Keywords", text_string(&doc.keywords.join(", ")));
    }
    info.set("Creator", text_string("resumec"));
    info.set("Producer", text_string("resumec (built-in PDF engine)"));
    if let Some(date) = &ctx.creation_date {
        let stamp = format!("D:{}000000Z", date.replace('-', ""));
        info.set("CreationDate", Object::string_literal(stamp.clone()));
        info.set("ModDate", Object::string_literal(stamp));
    }
    lo.objects.insert(info_id, Object::Dictionary(info));
    let content = serde_json::to_vec(doc).map_err(|e| e.to_string())?;
    let id: Vec<u8> = [fnv(1, &content), fnv(2, &content)]
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
