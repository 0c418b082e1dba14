//! The built-in engine's design, in one place: every size, colour and space
//! the composer and the drawing use, worked out in points from the
//! document's design tokens (the same tokens the typst template and the
//! HTML page read), so both PDF engines set the same page.
//!
//! The tokens give the palette, the families, the sizes and the theme's
//! gaps; the constants below are the typst template's own fixed proportions
//! (`layouts/typst/resume.typ`), in ems of the text they sit in, so that a
//! line lands where typst puts it. Nothing else in the engine writes a
//! design number.

use crate::model::types::Color;
use crate::render::design::{Align, HeadingCase, HeadingMark, Tokens};

/// A colour as red, green and blue bytes.
pub type Rgb = (u8, u8, u8);

/// Points in a millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// The typst template's fixed proportions, in ems of body text unless said.
mod typst {
    /// typst's `title`: its text size and the space below it.
    pub const TITLE_SIZE: f32 = 1.7;
    pub const TITLE_BELOW: f32 = 0.75;
    /// Level-one headings set their block gaps in ems of 1.4 × body text.
    pub const HEADING_EM: f32 = 1.4;
    pub const HEADER_LINE: f32 = 0.6;
    pub const CONTACT: f32 = 0.95;
    pub const AVAILABILITY: f32 = 0.62;
    pub const HEADER_RULE: f32 = 0.9;
    pub const HEADER_RULE_THICKNESS: f32 = 1.6;
    /// Below the heading's baseline to its rule, in ems of the heading.
    pub const HEADING_RULE: f32 = 0.3;
    pub const RULE_THICKNESS: f32 = 0.6;
    /// The accent bar: its width, the text's indent after it and the
    /// space above and below the text, in ems of the heading.
    pub const BAR_WIDTH: f32 = 0.22;
    pub const BAR_INSET: f32 = 0.6;
    pub const BAR_PAD: f32 = 0.12;
    /// Letter spacing, in ems of the text: upper-case headings, the name.
    pub const HEADING_TRACKING: f32 = 0.06;
    pub const NAME_TRACKING: f32 = 0.01;
    pub const LIST_ABOVE: f32 = 0.6;
    pub const ENTRY_BELOW: f32 = 0.6;
    pub const ROLE: f32 = 0.55;
    pub const UNDER_TITLE: f32 = 0.5;
    pub const SUMMARY: f32 = 0.75;
    pub const FIRST_GROUP: f32 = 0.8;
    pub const GROUP_TECHNOLOGIES: f32 = 0.5;
    pub const GROUP_BULLETS: f32 = 0.6;
    pub const QUIET: f32 = 0.66;
    pub const CONCEPTS: f32 = 0.5;
    pub const PROJECT_PARAGRAPH: f32 = 1.0;
    pub const EDUCATION: f32 = 1.1;
    pub const MINOR_ENTRY: f32 = 1.0;
    pub const SKILLS_ROW: f32 = 0.72;
    pub const SKILLS_GUTTER: f32 = 1.1;
    pub const ASIDE_GUTTER: f32 = 1.2;
    /// Text set beside a title may take this share of the line.
    pub const ASIDE_SHARE: f32 = 0.45;
    /// Points added to small text for dates and places beside a title.
    pub const ASIDE_EXTRA: f32 = 0.5;
    pub const BULLET_INDENT: f32 = 0.15;
    pub const BULLET_HANG: f32 = 0.6;
    pub const MARKER_SIZE: f32 = 0.8;
    pub const MARKER_RISE: f32 = 0.08;
    /// Separators: contact details (ems of their size), technologies (ems
    /// of small text), an organisation after a name.
    pub const CONTACT_GAP: f32 = 0.55;
    pub const DOT_GAP: f32 = 0.4;
    pub const ORG_GAP: f32 = 0.35;
    pub const LABEL_GAP: f32 = 0.45;
    /// Lines of technologies, in ems of small text.
    pub const QUIET_LEADING: f32 = 0.5;
    /// Space added between the parts of the page number, in ems of its
    /// size: more than a word space, or text extraction joins them.
    pub const FOOTER_GAP: f32 = 0.2;
    /// The page number's distance below the text area, as a share of the
    /// bottom margin (typst's footer descent).
    pub const FOOTER_DESCENT: f32 = 0.3;
    /// How much lighter group names are than the accent, and how much
    /// darker separators are than the rule colour.
    pub const GROUP_LIGHTEN: f32 = 0.1;
    pub const CONTACT_DARKEN: f32 = 0.2;
    pub const DOT_DARKEN: f32 = 0.25;
}

/// The design values of the built-in engine, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub margins: Margins,
    pub size: Sizes,
    pub color: Palette,
    pub space: Spacing,
    pub look: Shape,
}

/// The page's margins.
#[derive(Debug, Clone, PartialEq)]
pub struct Margins {
    pub x: f32,
    pub top: f32,
    pub bottom: f32,
}

/// Text sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct Sizes {
    pub name: f32,
    pub headline: f32,
    pub tagline: f32,
    pub contact: f32,
    pub heading: f32,
    /// A job's company, a project's name, an entry's title.
    pub entry: f32,
    /// A job's group of bullets.
    pub group: f32,
    pub body: f32,
    /// Technologies, availability, an entry's link.
    pub small: f32,
    /// Dates, places and links beside a title.
    pub aside: f32,
    pub marker: f32,
    pub footer: f32,
}

/// Colours.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    /// The name, headings and links.
    pub accent: Rgb,
    /// Body text.
    pub ink: Rgb,
    /// Secondary text: dates, places, the tagline.
    pub muted: Rgb,
    /// Bullet markers, technology lists, the page number.
    pub quiet: Rgb,
    /// Rules.
    pub rule: Rgb,
    /// Between contact details.
    pub contact_separator: Rgb,
    /// Between technologies.
    pub dot: Rgb,
    /// A group's name.
    pub group: Rgb,
}

/// Gaps, from the baseline of one line to the top of the capitals of the
/// next (typst's measure), and indents.
#[derive(Debug, Clone, PartialEq)]
pub struct Spacing {
    /// Between the lines of a paragraph.
    pub leading: f32,
    /// Between the lines of a bullet.
    pub list_leading: f32,
    /// Between the lines of a technology list.
    pub quiet_leading: f32,
    pub title_below: f32,
    /// Above the headline and the tagline.
    pub header_line: f32,
    pub contact: f32,
    pub availability: f32,
    pub header_rule: f32,
    /// Above a section heading, and below it.
    pub section: f32,
    pub heading_below: f32,
    pub paragraph: f32,
    /// Above a list, and between its bullets.
    pub list_above: f32,
    pub bullet: f32,
    /// Above a job or project after the first, and below its head.
    pub entry: f32,
    pub entry_below: f32,
    /// Above a job's role, and above any other line under a title.
    pub role: f32,
    pub under_title: f32,
    pub summary: f32,
    /// Above a job's first group, and above every further one.
    pub first_group: f32,
    pub group: f32,
    pub group_technologies: f32,
    pub group_bullets: f32,
    /// Above a project's technologies, and its concepts.
    pub quiet: f32,
    pub concepts: f32,
    pub project_paragraph: f32,
    pub education: f32,
    pub minor_entry: f32,
    /// Above the skills (typst spaces a grid as a paragraph).
    pub skills: f32,
    pub skills_row: f32,
    pub skills_gutter: f32,
    pub aside_gutter: f32,
    pub bullet_indent: f32,
    pub bullet_hang: f32,
    pub marker_rise: f32,
    pub contact_gap: f32,
    pub dot_gap: f32,
    pub org_gap: f32,
    pub label_gap: f32,
    /// From the bottom of the text area to the top of the page number.
    pub footer_descent: f32,
}

/// The theme's structure and the engine's fixed shapes.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub centered_header: bool,
    pub heading_case: HeadingCase,
    pub heading_mark: HeadingMark,
    pub header_rule: bool,
    pub header_rule_thickness: f32,
    /// Below a heading's baseline, down to its rule.
    pub heading_rule: f32,
    pub rule_thickness: f32,
    pub bar_width: f32,
    pub bar_inset: f32,
    pub bar_pad: f32,
    pub heading_tracking: f32,
    pub name_tracking: f32,
    pub aside_share: f32,
    pub page_numbers: bool,
    /// Added between the parts of the page number.
    pub footer_gap: f32,
}

impl Theme {
    /// The engine's design for `tokens`.
    pub fn new(tokens: &Tokens) -> Theme {
        Theme {
            margins: Margins {
                x: tokens.margins.x.points() as f32,
                top: tokens.margins.top.points() as f32,
                bottom: tokens.margins.bottom.points() as f32,
            },
            size: Sizes::of(tokens),
            color: Palette::of(tokens),
            space: Spacing::of(tokens),
            look: Shape::of(tokens),
        }
    }
}

impl Sizes {
    fn of(tokens: &Tokens) -> Sizes {
        let body = tokens.font_size as f32;
        let em = |factor: f32| factor * body;
        let sizes = &tokens.sizes;
        let small = sizes.small as f32;
        Sizes {
            name: sizes.name as f32,
            headline: sizes.headline as f32,
            tagline: sizes.tagline as f32,
            contact: sizes.contact as f32,
            heading: sizes.heading as f32,
            entry: sizes.entry as f32,
            group: sizes.group as f32,
            body,
            small,
            aside: small + typst::ASIDE_EXTRA,
            marker: em(typst::MARKER_SIZE),
            footer: sizes.footer as f32,
        }
    }
}

impl Palette {
    fn of(tokens: &Tokens) -> Palette {
        let palette = &tokens.palette;
        Palette {
            accent: rgb(tokens.accent),
            ink: rgb(palette.ink),
            muted: rgb(palette.muted),
            quiet: rgb(palette.quiet),
            rule: rgb(palette.rule),
            contact_separator: darken(rgb(palette.rule), typst::CONTACT_DARKEN),
            dot: darken(rgb(palette.rule), typst::DOT_DARKEN),
            group: lighten(rgb(tokens.accent), typst::GROUP_LIGHTEN),
        }
    }
}

impl Spacing {
    fn of(tokens: &Tokens) -> Spacing {
        let body = tokens.font_size as f32;
        let em = |factor: f32| factor * body;
        let sizes = &tokens.sizes;
        let gaps = &tokens.spacing;
        let line = tokens.line_spacing as f32;
        let heading_em = em(typst::HEADING_EM);
        let small = sizes.small as f32;
        Spacing {
            leading: em(gaps.leading as f32 * line),
            list_leading: em(gaps.list_leading as f32 * line),
            quiet_leading: typst::QUIET_LEADING * small,
            title_below: typst::TITLE_BELOW * em(typst::TITLE_SIZE),
            header_line: em(typst::HEADER_LINE),
            contact: em(typst::CONTACT),
            availability: em(typst::AVAILABILITY),
            header_rule: em(typst::HEADER_RULE),
            section: gaps.section as f32 * heading_em,
            heading_below: gaps.heading_below as f32 * heading_em,
            paragraph: em(gaps.paragraph as f32),
            list_above: em(typst::LIST_ABOVE),
            bullet: em(gaps.list as f32),
            entry: em(gaps.entry as f32),
            entry_below: em(typst::ENTRY_BELOW),
            role: em(typst::ROLE),
            under_title: em(typst::UNDER_TITLE),
            summary: em(typst::SUMMARY),
            first_group: em(typst::FIRST_GROUP),
            group: em(gaps.group as f32),
            group_technologies: em(typst::GROUP_TECHNOLOGIES),
            group_bullets: em(typst::GROUP_BULLETS),
            quiet: em(typst::QUIET),
            concepts: em(typst::CONCEPTS),
            project_paragraph: em(typst::PROJECT_PARAGRAPH),
            education: em(typst::EDUCATION),
            minor_entry: em(typst::MINOR_ENTRY),
            skills: em(gaps.paragraph as f32),
            skills_row: em(typst::SKILLS_ROW),
            skills_gutter: em(typst::SKILLS_GUTTER),
            aside_gutter: em(typst::ASIDE_GUTTER),
            bullet_indent: em(typst::BULLET_INDENT),
            bullet_hang: em(typst::BULLET_HANG),
            marker_rise: typst::MARKER_RISE * em(typst::MARKER_SIZE),
            contact_gap: typst::CONTACT_GAP * sizes.contact as f32,
            dot_gap: typst::DOT_GAP * small,
            org_gap: em(typst::ORG_GAP),
            label_gap: typst::LABEL_GAP * small,
            footer_descent: typst::FOOTER_DESCENT * tokens.margins.bottom.points() as f32,
        }
    }
}

impl Shape {
    fn of(tokens: &Tokens) -> Shape {
        let sizes = &tokens.sizes;
        let heading = sizes.heading as f32;
        Shape {
            centered_header: tokens.style.header == Align::Center,
            heading_case: tokens.style.heading_case,
            heading_mark: tokens.style.heading_mark,
            header_rule: tokens.style.header_rule,
            header_rule_thickness: typst::HEADER_RULE_THICKNESS,
            heading_rule: typst::HEADING_RULE * heading,
            rule_thickness: typst::RULE_THICKNESS,
            bar_width: typst::BAR_WIDTH * heading,
            bar_inset: typst::BAR_INSET * heading,
            bar_pad: typst::BAR_PAD * heading,
            heading_tracking: match tokens.style.heading_case {
                HeadingCase::Upper => typst::HEADING_TRACKING * heading,
                _ => 0.0,
            },
            name_tracking: typst::NAME_TRACKING * sizes.name as f32,
            aside_share: typst::ASIDE_SHARE,
            page_numbers: tokens.page_numbers,
            footer_gap: typst::FOOTER_GAP * sizes.footer as f32,
        }
    }
}

impl Theme {
    /// The space between the lines of a paragraph of text of `size`.
    pub fn leading(&self, size: f32) -> f32 {
        self.space.leading * size / self.size.body
    }
}

impl Default for Theme {
    /// The classic theme.
    fn default() -> Theme {
        Theme::new(&Tokens::default())
    }
}

fn rgb(color: Color) -> Rgb {
    let [r, g, b] = color.0;
    (r, g, b)
}

/// `color` moved `factor` of the way to white, as typst's `lighten`.
fn lighten((r, g, b): Rgb, factor: f32) -> Rgb {
    let up = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * factor).round() as u8;
    (up(r), up(g), up(b))
}

/// `color` moved `factor` of the way to black, as typst's `darken`.
fn darken((r, g, b): Rgb, factor: f32) -> Rgb {
    let down = |c: u8| (f32::from(c) * (1.0 - factor)).round() as u8;
    (down(r), down(g), down(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::{Design, Theme as ThemeName};
    use crate::render::layouts::Layouts;
    use std::path::Path;

    #[test]
    fn every_value_follows_the_tokens() {
        let design = Design {
            theme: Some(ThemeName::Compact),
            accent: Color::parse("#b00020").ok(),
            ..Design::default()
        };
        let tokens = Tokens::resolve(&design, &Layouts::default(), Path::new("")).unwrap();
        let theme = Theme::new(&tokens);
        assert_eq!(theme.color.accent, (0xb0, 0x00, 0x20));
        assert_eq!(theme.size.body, tokens.font_size as f32);
        assert!((theme.margins.x - 0.55 * 72.0).abs() < 1e-4);
        assert_eq!(theme.size.aside, tokens.sizes.small as f32 + 0.5);
    }

    #[test]
    fn lighter_and_darker_colours_move_towards_white_and_black() {
        assert_eq!(lighten((0, 100, 255), 0.1), (26, 116, 255));
        assert_eq!(darken((200, 100, 0), 0.25), (150, 75, 0));
    }
}
