//! Design tokens: a theme's colours, fonts, sizes and gaps, with the
//! résumé's `design:` applied, as one struct that every renderer reads.
//!
//! A theme's tokens are the file `themes/<name>/theme.yaml` of the layouts
//! (embedded, or replaced by `--layouts DIR`). [`Tokens::resolve`] reads it
//! and lays the résumé's `design:` fields over it (variants and `--set` have
//! already been merged into that). The typst template receives the tokens
//! in its JSON data (`data.design`), the HTML page as CSS custom properties
//! ([`Tokens::css`]); neither writes a colour, size or margin of
//! its own, so there is one palette and one set of sizes.

use super::fonts::SCRIPT_FALLBACKS;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::layouts::Layouts;
use crate::model::load::settings_from_str;
use crate::model::types::{Color, Design, Length, Theme};

/// Every design decision of one rendered document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tokens {
    /// The theme's name (not in its file: the folder names it).
    #[serde(default, skip_deserializing)]
    pub theme: String,
    /// One line for `resumec themes`.
    pub description: String,
    pub accent: Color,
    /// The family of body text.
    pub font: String,
    /// Body text size, in points.
    pub font_size: f64,
    pub margins: PageMargins,
    /// A factor on the theme's line spacing (`spacing.leading`).
    pub line_spacing: f64,
    /// `n / total` at the foot of each page when there is more than one.
    pub page_numbers: bool,
    /// The family of the name and section headings.
    pub heading_font: String,
    /// The family of `code`.
    pub mono_font: String,
    pub palette: Palette,
    pub sizes: Sizes,
    pub spacing: Spacing,
    pub style: Style,
    pub tighten: Tighten,
    /// Font files and folders from `design.font_paths`, resolved against
    /// the résumé's folder.
    #[serde(default, skip)]
    pub font_paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMargins {
    pub x: Length,
    pub top: Length,
    pub bottom: Length,
}

/// The colours besides the accent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    /// Body text.
    pub ink: Color,
    /// Dates, secondary lines.
    pub muted: Color,
    /// Technologies, separators, bullets.
    pub quiet: Color,
    /// Rules and hairlines.
    pub rule: Color,
}

/// Type sizes, in points; they scale with `font_size`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    pub small: f64,
    pub name: f64,
    pub headline: f64,
    pub tagline: f64,
    pub contact: f64,
    pub heading: f64,
    pub entry: f64,
    pub group: f64,
    pub footer: f64,
}

/// Gaps, in em of the text they are in.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spacing {
    /// Between the lines of a paragraph.
    pub leading: f64,
    /// Between the lines of a bullet.
    pub list_leading: f64,
    /// Between paragraphs.
    pub paragraph: f64,
    /// Between bullets.
    pub list: f64,
    /// Above a section heading.
    pub section: f64,
    /// Below a section heading.
    pub heading_below: f64,
    /// Above an entry (a job, a project).
    pub entry: f64,
    /// Above a group of bullets after the first.
    pub group: f64,
}

/// The theme's structure: where the header sits and how headings look.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    pub header: Align,
    pub heading_case: HeadingCase,
    pub heading_mark: HeadingMark,
    /// An accent rule under the header.
    pub header_rule: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    Left,
    Center,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingCase {
    Upper,
    SmallCaps,
    AsWritten,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingMark {
    /// A hairline under the heading.
    Rule,
    /// An accent bar before the heading.
    Bar,
    None,
}

/// How far a page budget may tighten the theme before dropping content.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tighten {
    /// The smallest factor on line spacing, e.g. 0.9.
    pub line_spacing: f64,
    /// The smallest factor on section and entry gaps, e.g. 0.7.
    pub section_gap: f64,
    /// The smallest margin.
    pub margin_min: Length,
    /// How many points body text may shrink.
    pub font_size_down: f64,
}

/// A theme file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("the theme file {file}{}: {message}", custom.as_ref().map(|p| format!(" ({})", p.display())).unwrap_or_default())]
pub struct ThemeError {
    pub file: String,
    pub custom: Option<PathBuf>,
    pub message: String,
}

/// The layout file holding a theme's tokens.
pub fn theme_file(theme: Theme) -> String {
    format!("themes/{}/theme.yaml", theme.name())
}

impl Tokens {
    /// The tokens of a theme as its file in `layouts` declares them.
    pub fn of_theme(theme: Theme, layouts: &Layouts) -> Result<Tokens, ThemeError> {
        let file = theme_file(theme);
        let mut tokens: Tokens =
            settings_from_str(layouts.file(&file)).map_err(|message| ThemeError {
                custom: layouts.custom_path(&file).map(Path::to_path_buf),
                file,
                message,
            })?;
        tokens.theme = theme.name().to_owned();
        Ok(tokens)
    }

    /// The theme `design` names, with `design`'s fields laid over it; font
    /// paths are resolved against `base` (the résumé's folder).
    pub fn resolve(design: &Design, layouts: &Layouts, base: &Path) -> Result<Tokens, ThemeError> {
        let mut tokens = Tokens::of_theme(design.theme.unwrap_or_default(), layouts)?;
        if let Some(accent) = design.accent {
            tokens.accent = accent;
        }
        if let Some(font) = &design.font {
            tokens.heading_font = font.clone();
            tokens.font = font.clone();
        }
        if let Some(size) = design.font_size {
            tokens.scale_sizes(size / tokens.font_size);
            tokens.font_size = size;
        }
        if let Some(margins) = design.margins {
            let page = &mut tokens.margins;
            page.x = margins.x.unwrap_or(page.x);
            page.top = margins.top.unwrap_or(page.top);
            page.bottom = margins.bottom.unwrap_or(page.bottom);
        }
        if let Some(factor) = design.line_spacing {
            tokens.line_spacing *= factor;
        }
        if let Some(numbers) = design.page_numbers {
            tokens.page_numbers = numbers;
        }
        tokens.font_paths = design.font_paths.iter().map(|p| base.join(p)).collect();
        Ok(tokens)
    }

    pub(super) fn scale_sizes(&mut self, factor: f64) {
        let sizes = &mut self.sizes;
        for size in [
            &mut sizes.small,
            &mut sizes.name,
            &mut sizes.headline,
            &mut sizes.tagline,
            &mut sizes.contact,
            &mut sizes.heading,
            &mut sizes.entry,
            &mut sizes.group,
            &mut sizes.footer,
        ] {
            *size *= factor;
        }
    }

    /// The font families the document uses, body first, without repeats.
    pub fn families(&self) -> Vec<&str> {
        let mut families = vec![self.font.as_str()];
        for family in [&self.heading_font, &self.mono_font] {
            if !families.contains(&family.as_str()) {
                families.push(family);
            }
        }
        families
    }

    /// The tokens as CSS: custom properties on `:root`, and the page
    /// margins for printing.
    pub fn css(&self) -> String {
        let margins = &self.margins;
        format!(
            ":root {{\n{}}}\n@page {{ margin: {} {} {}; }}\n",
            self.css_variables(),
            margins.top,
            margins.x,
            margins.bottom
        )
    }

    /// The tokens as CSS custom properties, one per line.
    fn css_variables(&self) -> String {
        let palette = &self.palette;
        let sizes = &self.sizes;
        let spacing = &self.spacing;
        let mut css = String::new();
        let colors = [
            ("accent", self.accent),
            ("ink", palette.ink),
            ("muted", palette.muted),
            ("quiet", palette.quiet),
            ("rule", palette.rule),
        ];
        for (name, color) in colors {
            let _ = writeln!(css, "  --{name}: {color};");
        }
        let fonts = [
            ("font", &self.font),
            ("heading-font", &self.heading_font),
            ("mono-font", &self.mono_font),
        ];
        // The script faces come after the design's, as in the PDFs: a
        // browser takes from them only the characters it lacks.
        let scripts: String = SCRIPT_FALLBACKS
            .iter()
            .map(|family| format!(", {}", css_string(family)))
            .collect();
        for (name, family) in fonts {
            let _ = writeln!(
                css,
                "  --{name}: {}{scripts}, sans-serif;",
                css_string(family)
            );
        }
        let points = [
            ("font-size", self.font_size),
            ("small-size", sizes.small),
            ("name-size", sizes.name),
            ("headline-size", sizes.headline),
            ("tagline-size", sizes.tagline),
            ("contact-size", sizes.contact),
            ("heading-size", sizes.heading),
            ("entry-size", sizes.entry),
            ("group-size", sizes.group),
        ];
        for (name, size) in points {
            let _ = writeln!(css, "  --{name}: {size}pt;");
        }
        let ems = [
            ("paragraph-gap", spacing.paragraph),
            ("list-gap", spacing.list),
            ("section-gap", spacing.section),
            ("heading-gap", spacing.heading_below),
            ("entry-gap", spacing.entry),
            ("group-gap", spacing.group),
        ];
        for (name, em) in ems {
            let _ = writeln!(css, "  --{name}: {em}em;");
        }
        // CSS line-height counts the whole line, typst's leading the gap.
        let _ = writeln!(
            css,
            "  --line-height: {};",
            1.0 + spacing.leading * self.line_spacing * 1.25
        );
        let margins = &self.margins;
        let _ = writeln!(
            css,
            "  --margin-x: {};\n  --margin-top: {};\n  --margin-bottom: {};",
            margins.x, margins.top, margins.bottom
        );
        let style = &self.style;
        let align = if style.header == Align::Center {
            "center"
        } else {
            "start"
        };
        let _ = writeln!(css, "  --header-align: {align};");
        css
    }
}

/// A font family as a CSS string, with every character that could end it
/// or the style element escaped.
pub(super) fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Default for Tokens {
    /// The built-in classic theme.
    fn default() -> Self {
        Tokens::of_theme(Theme::Classic, &Layouts::default())
            .expect("the built-in themes are valid (checked by a test)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_reads() {
        for theme in Theme::ALL {
            let tokens = Tokens::of_theme(theme, &Layouts::default()).unwrap();
            assert_eq!(tokens.theme, theme.name());
            assert!(!tokens.description.is_empty());
        }
    }

    #[test]
    fn design_fields_replace_the_theme_and_sizes_scale() {
        let design = Design {
            accent: Color::parse("#b00020").ok(),
            font_size: Some(20.5),
            ..Design::default()
        };
        let tokens = Tokens::resolve(&design, &Layouts::default(), Path::new("")).unwrap();
        let classic = Tokens::default();
        assert_eq!(tokens.accent.to_string(), "#b00020");
        assert_eq!(tokens.sizes.name, classic.sizes.name * 2.0);
        assert_eq!(tokens.palette, classic.palette);
    }

    #[test]
    fn font_names_cannot_leave_their_css_string() {
        assert_eq!(css_string("A\"</style>"), "\"A\\22 \\3c /style\\3e \"");
    }
}
