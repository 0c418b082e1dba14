//! The built-in engine's design, in one place: every size, colour and space
//! the composer and the drawing use, as plain values. Nothing else in the
//! engine writes a design number, so a different set of values restyles the
//! whole document.

/// A colour as red, green and blue bytes.
pub type Rgb = (u8, u8, u8);

/// Points in a millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// The design values of the built-in engine, in points unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub margins: Margins,
    pub size: Sizes,
    pub color: Palette,
    pub space: Spacing,
    /// Line height as a multiple of the largest text size on the line.
    pub leading: f32,
    /// A bullet's marker, from the left margin.
    pub bullet_indent: f32,
    /// A bullet's text, from its marker.
    pub bullet_hang: f32,
    /// Space between a line's text and the dates or link set beside it.
    pub right_gap: f32,
    /// The most of a line's width that text set beside the first line may take.
    pub right_share: f32,
    /// The rule under a section heading.
    pub rule_thickness: f32,
    /// Space between the parts of the page number, in ems of its size.
    pub footer_gap_em: f32,
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
    /// The person's name.
    pub name: f32,
    pub headline: f32,
    pub heading: f32,
    /// A job's company and a project's name.
    pub title: f32,
    /// The title of an education or other entry.
    pub minor_title: f32,
    /// A job's group of bullets.
    pub group: f32,
    pub body: f32,
    /// Dates, places, links and contact details.
    pub meta: f32,
    /// Technology lists and the page number.
    pub small: f32,
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
    /// Rules and separators.
    pub hairline: Rgb,
}

/// The space above each kind of line.
#[derive(Debug, Clone, PartialEq)]
pub struct Spacing {
    /// The headline and the tagline.
    pub header_line: f32,
    pub availability: f32,
    pub contact: f32,
    pub heading: f32,
    /// Below a heading's text, down to its rule.
    pub heading_rule: f32,
    /// How far a heading's text is lifted towards the space above it.
    pub heading_lift: f32,
    /// The first line of a section's content.
    pub section_start: f32,
    /// The first job or project of a section.
    pub first_entry: f32,
    /// Every further job or project.
    pub entry: f32,
    /// Every further education entry.
    pub education: f32,
    /// Every further certification, publication, award or language.
    pub minor_entry: f32,
    /// The line under an entry's title (its role, subtitle or link).
    pub under_title: f32,
    /// A job's summary and a project's paragraphs and technologies.
    pub summary: f32,
    /// Every further paragraph of a section.
    pub paragraph: f32,
    /// The first bullet of a job's unnamed group.
    pub first_bullet: f32,
    /// Every further bullet.
    pub bullet: f32,
    /// A job's named group of bullets.
    pub group: f32,
    /// Every further skill line, a group's technologies, an entry's details.
    pub detail: f32,
    /// A project's concepts, under its technologies.
    pub concepts: f32,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            margins: Margins {
                x: 18.0 * MM,
                top: 16.0 * MM,
                bottom: 18.0 * MM,
            },
            size: Sizes {
                name: 24.0,
                headline: 12.0,
                heading: 10.5,
                title: 11.0,
                minor_title: 10.5,
                group: 9.5,
                body: 10.0,
                meta: 9.25,
                small: 8.75,
            },
            color: Palette {
                accent: (0x1f, 0x3b, 0x5c),
                ink: (0x1d, 0x1d, 0x1f),
                muted: (0x5f, 0x63, 0x68),
                quiet: (0x80, 0x86, 0x8b),
                hairline: (0xc9, 0xce, 0xd6),
            },
            space: Spacing {
                header_line: 2.0,
                availability: 1.0,
                contact: 5.0,
                heading: 13.0,
                heading_rule: 3.0,
                heading_lift: 1.5,
                section_start: 5.0,
                first_entry: 6.0,
                entry: 11.0,
                education: 9.0,
                minor_entry: 8.0,
                under_title: 0.5,
                summary: 3.0,
                paragraph: 4.0,
                first_bullet: 5.0,
                bullet: 1.5,
                group: 6.0,
                detail: 2.0,
                concepts: 1.0,
            },
            leading: 1.36,
            bullet_indent: 4.0,
            bullet_hang: 13.0,
            right_gap: 12.0,
            right_share: 0.45,
            rule_thickness: 0.6,
            footer_gap_em: 0.2,
        }
    }
}
