//! The Word styles of the document, drawn from the design tokens: Title,
//! Subtitle, Heading 1–3, Body Text, List Bullet (bulleted through
//! numbering.xml) and the Hyperlink character style. Paragraphs name these
//! styles instead of carrying their own formatting, so the file edits like
//! any Word document and parsers see real headings and lists.

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, IndentLevel, LevelJc, LevelText,
    LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, SpecialIndentType, Start, Style,
    StyleType, Tab, TabValueType,
};

use crate::model::types::{Color, Paper};
use crate::render::design::{Align, HeadingCase, HeadingMark, Tokens};

/// Style ids, as Word names its built-in styles.
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const HEADING_1: &str = "Heading1";
pub const HEADING_2: &str = "Heading2";
pub const HEADING_3: &str = "Heading3";
pub const BODY: &str = "BodyText";
/// A cover letter's paragraphs: body text a blank line apart.
pub const LETTER: &str = "LetterText";
/// The closing of a letter, with room to sign below it.
pub const CLOSING: &str = "Closing";
pub const LIST_BULLET: &str = "ListBullet";
pub const HYPERLINK: &str = "Hyperlink";

/// The numbering (numbering.xml `w:num`) of bullets; 1 is the crate's own
/// decimal list.
pub const BULLETS: usize = 2;

/// Twentieths of a point, Word's unit of length.
pub fn twips(points: f64) -> i32 {
    (points * 20.0).round() as i32
}

/// Half points, Word's unit of type size.
pub fn half_points(points: f64) -> usize {
    (points * 2.0).round().max(1.0) as usize
}

/// A colour as Word writes it: `RRGGBB`.
pub fn hex(color: Color) -> String {
    color
        .to_string()
        .trim_start_matches('#')
        .to_ascii_uppercase()
}

/// One family for every script.
pub fn fonts(family: &str) -> RunFonts {
    RunFonts::new()
        .ascii(family)
        .hi_ansi(family)
        .east_asia(family)
        .cs(family)
}

/// The width of the text column, in twips.
pub fn text_width(tokens: &Tokens, paper: Paper) -> usize {
    let (width_mm, _) = paper.size_mm();
    let width = f64::from(width_mm) / 25.4 * 72.0;
    twips(width - 2.0 * tokens.margins.x.points()).max(0) as usize
}

/// Spacing in twips above and below a paragraph, with the theme's line
/// height (`leading` in em, as typst counts it).
fn spacing(tokens: &Tokens, leading: f64, before_pt: f64, after_pt: f64) -> LineSpacing {
    // typst sets lines a cap height (about 0.7 em) plus the leading apart;
    // Word's single spacing is the font's own line height, about 1.2 em.
    let line = 240.0 * (0.7 + leading * tokens.line_spacing) / 1.2;
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(line.round() as i32)
        .before(twips(before_pt).max(0) as u32)
        .after(twips(after_pt).max(0) as u32)
}

/// The document's page, defaults, styles and bullet list.
pub fn apply(docx: Docx, tokens: &Tokens, paper: Paper) -> Docx {
    let (width_mm, height_mm) = paper.size_mm();
    let page = |mm: f32| twips(f64::from(mm) / 25.4 * 72.0) as u32;
    let margins = &tokens.margins;
    let docx = docx
        .page_size(page(width_mm), page(height_mm))
        .page_margin(
            docx_rs::PageMargin::new()
                .top(twips(margins.top.points()))
                .bottom(twips(margins.bottom.points()))
                .left(twips(margins.x.points()))
                .right(twips(margins.x.points())),
        )
        .default_fonts(fonts(&tokens.font))
        .default_size(half_points(tokens.font_size));
    let docx = paragraph_styles(tokens, text_width(tokens, paper))
        .into_iter()
        .fold(docx, Docx::add_style);
    docx.add_style(
        Style::new(HYPERLINK, StyleType::Character)
            .name("Hyperlink")
            .color(hex(tokens.accent))
            .underline("single"),
    )
    .add_abstract_numbering(bullet_list(tokens))
    .add_numbering(Numbering::new(BULLETS, BULLETS))
}

fn paragraph_styles(tokens: &Tokens, width: usize) -> Vec<Style> {
    let sizes = &tokens.sizes;
    let gaps = &tokens.spacing;
    let em = tokens.font_size;
    let leading = gaps.leading;
    let paragraph = |id: &str, name: &str, size: f64, color: Color| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on(BODY)
            .next(BODY)
            .size(half_points(size))
            .color(hex(color))
    };
    let header_align = match tokens.style.header {
        Align::Center => AlignmentType::Center,
        Align::Left => AlignmentType::Left,
    };
    let title = paragraph(TITLE, "Title", sizes.name, tokens.accent)
        .based_on("Normal")
        .fonts(fonts(&tokens.heading_font))
        .bold()
        .align(header_align)
        .line_spacing(spacing(tokens, 0.3, 0.0, 0.0));
    let subtitle = paragraph(SUBTITLE, "Subtitle", sizes.headline, tokens.palette.ink)
        .bold()
        .align(header_align)
        .line_spacing(spacing(tokens, leading, 0.6 * sizes.headline, 0.0));
    let mut heading_1 = paragraph(HEADING_1, "heading 1", sizes.heading, tokens.accent)
        .fonts(fonts(&tokens.heading_font))
        .bold()
        .outline_lvl(0)
        .line_spacing(spacing(
            tokens,
            leading,
            gaps.section * em,
            gaps.heading_below * em,
        ));
    if tokens.style.heading_case != HeadingCase::AsWritten {
        // Shown in capitals; the text itself stays as written for parsers.
        heading_1.run_property = heading_1.run_property.caps();
    }
    if let Some(border) = heading_mark(tokens) {
        heading_1.paragraph_property = heading_1
            .paragraph_property
            .set_borders(ParagraphBorders::with_empty().set(border));
    }
    let right_tab = Tab::new().val(TabValueType::Right).pos(width);
    let mut heading_2 = paragraph(HEADING_2, "heading 2", sizes.entry, tokens.palette.ink)
        .fonts(fonts(&tokens.heading_font))
        .bold()
        .outline_lvl(1)
        .line_spacing(spacing(tokens, leading, gaps.entry * em, 0.25 * em));
    heading_2.paragraph_property = heading_2.paragraph_property.add_tab(right_tab.clone());
    let heading_3 = paragraph(HEADING_3, "heading 3", sizes.group, tokens.accent)
        .fonts(fonts(&tokens.heading_font))
        .bold()
        .outline_lvl(2)
        .line_spacing(spacing(tokens, leading, gaps.group * em * 0.8, 0.2 * em));
    let mut body = paragraph(BODY, "Body Text", em, tokens.palette.ink)
        .based_on("Normal")
        .line_spacing(spacing(tokens, leading, 0.0, 0.4 * em));
    body.paragraph_property = body.paragraph_property.add_tab(right_tab);
    let mut list = paragraph(LIST_BULLET, "List Bullet", em, tokens.palette.ink).line_spacing(
        spacing(tokens, gaps.list_leading, 0.0, 0.4 * gaps.list * em),
    );
    list.paragraph_property = list
        .paragraph_property
        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
    let letter = paragraph(LETTER, "Letter Text", em, tokens.palette.ink)
        .based_on(BODY)
        .line_spacing(spacing(tokens, leading, 0.0, em));
    let closing = paragraph(CLOSING, "Closing", em, tokens.palette.ink)
        .based_on(BODY)
        .line_spacing(spacing(tokens, leading, 0.0, 3.0 * em));
    // Headings keep with what follows, so none ends a page.
    let mut styles = vec![
        body, title, subtitle, heading_1, heading_2, heading_3, list, letter, closing,
    ];
    for style in &mut styles[3..6] {
        style.paragraph_property = style.paragraph_property.clone().keep_next(true);
    }
    styles
}

/// The border that marks a section heading: a hairline under it, or an
/// accent bar before it.
fn heading_mark(tokens: &Tokens) -> Option<ParagraphBorder> {
    match tokens.style.heading_mark {
        HeadingMark::Rule => Some(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(4)
                .space(2)
                .color(hex(tokens.palette.rule)),
        ),
        HeadingMark::Bar => Some(
            ParagraphBorder::new(ParagraphBorderPosition::Left)
                .val(BorderType::Single)
                .size(18)
                .space(4)
                .color(hex(tokens.accent)),
        ),
        HeadingMark::None => None,
    }
}

/// A one-level bullet list in the theme's quiet colour.
fn bullet_list(tokens: &Tokens) -> AbstractNumbering {
    let indent = twips(1.2 * tokens.font_size);
    AbstractNumbering::new(BULLETS).add_level(
        docx_rs::Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )
        .indent(
            Some(indent),
            Some(SpecialIndentType::Hanging(indent)),
            None,
            None,
        )
        .color(hex(tokens.palette.quiet)),
    )
}
