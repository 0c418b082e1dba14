//! How the résumé looks: the `design:` section, and the same section in a
//! variant. Every field is optional; what is left out comes from the theme
//! (see `layouts/themes/<name>/theme.yaml`), and a variant's fields replace
//! the résumé's one by one.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Paper;

/// Theme, colour, type and page of the résumé; unset fields keep the theme's own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Design {
    /// The built-in theme (`resumec themes` lists them); default `classic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// The accent colour of the name, headings and links, as `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<Color>,
    /// The font family of the text: a bundled one or one in `font_paths`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    /// The size of body text, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 6.0, max = 16.0))]
    pub font_size: Option<f64>,
    /// Page margins, e.g. `{x: 0.7in, top: 0.6in, bottom: 0.6in}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margins: Option<Margins>,
    /// Line spacing as a factor of the theme's own (1.0 keeps it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.5, max = 2.0))]
    pub line_spacing: Option<f64>,
    /// Whether pages are numbered (`n / total`) when there is more than one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_numbers: Option<bool>,
    /// Folders or files of fonts (TTF/OTF), relative to the résumé file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub font_paths: Vec<String>,
    /// Paper size of the PDF; wins over the top-level `paper:`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<Paper>,
}

impl Design {
    /// `self` with every field that `over` sets replaced by its value.
    pub fn overlaid(&self, over: &Design) -> Design {
        Design {
            theme: over.theme.or(self.theme),
            accent: over.accent.or(self.accent),
            font: over.font.clone().or_else(|| self.font.clone()),
            font_size: over.font_size.or(self.font_size),
            margins: match (&self.margins, &over.margins) {
                (Some(base), Some(over)) => Some(base.overlaid(over)),
                (base, over) => over.or(*base),
            },
            line_spacing: over.line_spacing.or(self.line_spacing),
            page_numbers: over.page_numbers.or(self.page_numbers),
            font_paths: if over.font_paths.is_empty() {
                self.font_paths.clone()
            } else {
                over.font_paths.clone()
            },
            paper: over.paper.or(self.paper),
        }
    }
}

/// A built-in theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Lato, slate blue, small uppercase headings over a hairline.
    #[default]
    Classic,
    /// Denser type and spacing, for one-page versions.
    Compact,
    /// Libertinus Serif, a centred name, small-capital headings.
    Serif,
    /// A bold accent rule under the name, headings marked by an accent bar.
    Modern,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Classic, Theme::Compact, Theme::Serif, Theme::Modern];

    /// The name used in `design.theme` and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Classic => "classic",
            Theme::Compact => "compact",
            Theme::Serif => "serif",
            Theme::Modern => "modern",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.name() == name)
    }
}

/// Page margins; unset sides keep the theme's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Margins {
    /// Left and right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<Length>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top: Option<Length>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bottom: Option<Length>,
}

impl Margins {
    fn overlaid(&self, over: &Margins) -> Margins {
        Margins {
            x: over.x.or(self.x),
            top: over.top.or(self.top),
            bottom: over.bottom.or(self.bottom),
        }
    }
}

/// A length on the page: a number and a unit, `in`, `mm`, `cm` or `pt`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Length {
    pub value: f64,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    In,
    Mm,
    Cm,
    Pt,
}

impl Unit {
    const ALL: [(Unit, &'static str, f64); 4] = [
        (Unit::In, "in", 72.0),
        (Unit::Mm, "mm", 72.0 / 25.4),
        (Unit::Cm, "cm", 72.0 / 2.54),
        (Unit::Pt, "pt", 1.0),
    ];

    fn name(self) -> &'static str {
        Unit::ALL.iter().find(|u| u.0 == self).map_or("pt", |u| u.1)
    }
}

/// The largest margin any page has room for: three inches.
const MAX_LENGTH_PT: f64 = 216.0;

impl Length {
    /// The length in points (1/72 in).
    pub fn points(self) -> f64 {
        let per_unit = Unit::ALL
            .iter()
            .find(|u| u.0 == self.unit)
            .map_or(1.0, |u| u.2);
        self.value * per_unit
    }

    /// Reads `0.7in`, `18mm`, `1.5cm` or `40pt`.
    pub fn parse(text: &str) -> Result<Length, String> {
        let text = text.trim();
        let (unit, name, _) = Unit::ALL
            .into_iter()
            .find(|(_, name, _)| text.ends_with(name))
            .ok_or_else(|| {
                format!("`{text}` has no unit: write it as `0.7in`, `18mm`, `1.8cm` or `50pt`")
            })?;
        let number = &text[..text.len() - name.len()];
        let value: f64 = number
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| {
                format!("`{text}` is not a length: write it as `0.7in`, `18mm`, `1.8cm` or `50pt`")
            })?;
        let length = Length { value, unit };
        if length.points() > MAX_LENGTH_PT {
            return Err(format!(
                "`{text}` is more than 3in, wider than a page margin can be"
            ));
        }
        Ok(length)
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, self.unit.name())
    }
}

impl Serialize for Length {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Length::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A colour written `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub [u8; 3]);

impl Color {
    /// Reads `#rrggbb` (either case).
    pub fn parse(text: &str) -> Result<Color, String> {
        let hex = text
            .trim()
            .strip_prefix('#')
            .filter(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()));
        let hex = hex.ok_or_else(|| {
            format!("`{text}` is not a colour: write it as `#` and six hex digits, e.g. `#1f3b5c`")
        })?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
        Ok(Color([byte(0), byte(2), byte(4)]))
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Color::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A string schema with a pattern and a description, for editors.
fn pattern_schema(pattern: &str, description: &str) -> Schema {
    json_schema!({"type": "string", "pattern": pattern, "description": description})
}

impl JsonSchema for Length {
    fn schema_name() -> Cow<'static, str> {
        "Length".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        pattern_schema(
            r"^\s*[0-9]+(\.[0-9]+)?\s*(in|mm|cm|pt)\s*$",
            "A length: a number and a unit, `in`, `mm`, `cm` or `pt`.",
        )
    }
}

impl JsonSchema for Color {
    fn schema_name() -> Cow<'static, str> {
        "Color".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        pattern_schema(r"^#[0-9a-fA-F]{6}$", "A colour: `#` and six hex digits.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_read_every_unit_and_refuse_the_rest() {
        assert_eq!(Length::parse("0.5in").unwrap().points(), 36.0);
        assert!((Length::parse("25.4mm").unwrap().points() - 72.0).abs() < 1e-3);
        assert_eq!(Length::parse("1.5in").unwrap().to_string(), "1.5in");
        for bad in ["7", "in", "-1in", "1 furlong", "9in", "NaNpt"] {
            assert!(Length::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn colours_are_six_hex_digits() {
        assert_eq!(Color::parse("#B00020").unwrap().to_string(), "#b00020");
        for bad in ["b00020", "#b0002", "#b00020ff", "#gg0000", "red"] {
            assert!(Color::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_variant_replaces_only_what_it_sets() {
        let base = Design {
            theme: Some(Theme::Serif),
            font_size: Some(11.0),
            margins: Some(Margins {
                x: Length::parse("1in").ok(),
                ..Margins::default()
            }),
            ..Design::default()
        };
        let over = Design {
            theme: Some(Theme::Compact),
            margins: Some(Margins {
                top: Length::parse("0.5in").ok(),
                ..Margins::default()
            }),
            ..Design::default()
        };
        let merged = base.overlaid(&over);
        assert_eq!(merged.theme, Some(Theme::Compact));
        assert_eq!(merged.font_size, Some(11.0));
        let margins = merged.margins.unwrap();
        assert_eq!(
            (margins.x.unwrap().points(), margins.top.unwrap().points()),
            (72.0, 36.0)
        );
    }
}
