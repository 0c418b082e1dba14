//! Tightening a theme's tokens for a page budget: less line spacing,
//! smaller gaps between sections and entries, narrower margins and smaller
//! type, each by a share of how far the theme allows (its `tighten`
//! tokens), never past the limits every theme keeps to. Both PDF engines
//! read the tightened tokens, so they tighten alike.

use super::design::{PageMargins, Tighten, Tokens};
use crate::model::types::{Length, Unit};

/// The most any theme may tighten: line spacing down 10 %, the gaps
/// between sections and entries down 30 %, margins down to half an inch,
/// body text down half a point.
const LIMITS: Tighten = Tighten {
    line_spacing: 0.9,
    section_gap: 0.7,
    margin_min: Length {
        value: 0.5,
        unit: Unit::In,
    },
    font_size_down: 0.5,
};

impl Tighten {
    /// These bounds, kept within [`LIMITS`].
    fn limited(&self) -> Tighten {
        let at_least = |value: f64, limit: f64| {
            if value.is_finite() {
                value.max(limit)
            } else {
                1.0
            }
        };
        let min_margin = self.margin_min.points().max(LIMITS.margin_min.points());
        Tighten {
            line_spacing: at_least(self.line_spacing, LIMITS.line_spacing).min(1.0),
            section_gap: at_least(self.section_gap, LIMITS.section_gap).min(1.0),
            margin_min: Length {
                value: min_margin,
                unit: Unit::Pt,
            },
            font_size_down: self.font_size_down.clamp(0.0, LIMITS.font_size_down),
        }
    }
}

impl Tokens {
    /// The tokens tightened by `share` (0 = not at all, 1 = as far as the
    /// theme allows) of each of its bounds.
    pub fn tightened(&self, share: f64) -> Tokens {
        let share = share.clamp(0.0, 1.0);
        let bounds = self.tighten.limited();
        let toward = |from: f64, to: f64| from + (to - from) * share;
        let mut tokens = self.clone();
        tokens.line_spacing *= toward(1.0, bounds.line_spacing);
        let gaps = toward(1.0, bounds.section_gap);
        for gap in [
            &mut tokens.spacing.section,
            &mut tokens.spacing.entry,
            &mut tokens.spacing.group,
        ] {
            *gap *= gaps;
        }
        let floor = bounds.margin_min.points();
        // In the margin's own unit, so the tokens and notes read as written.
        let margin = |length: Length| match length.points() {
            points if points > floor => Length {
                value: round(toward(points, floor) * length.value / points),
                unit: length.unit,
            },
            _ => length,
        };
        let PageMargins { x, top, bottom } = self.margins;
        tokens.margins = PageMargins {
            x: margin(x),
            top: margin(top),
            bottom: margin(bottom),
        };
        let size = round(self.font_size - bounds.font_size_down * share);
        tokens.scale_sizes(size / self.font_size);
        tokens.font_size = size;
        tokens
    }

    /// What tightening changed from `original`, one phrase per token, for
    /// people: `line spacing −10 %`, `sides margin 0.7in → 0.5in`.
    pub fn tightening_from(&self, original: &Tokens) -> Vec<String> {
        let mut notes = Vec::new();
        let percent = |now: f64, was: f64| ((1.0 - now / was) * 100.0).round();
        let line = percent(self.line_spacing, original.line_spacing);
        if line > 0.0 {
            notes.push(format!("line spacing −{line} %"));
        }
        let gaps = percent(self.spacing.section, original.spacing.section);
        if gaps > 0.0 {
            notes.push(format!("gaps between sections and entries −{gaps} %"));
        }
        let sides = [
            ("sides", original.margins.x, self.margins.x),
            ("top", original.margins.top, self.margins.top),
            ("bottom", original.margins.bottom, self.margins.bottom),
        ];
        for (side, was, now) in sides {
            if now != was {
                notes.push(format!("{side} margin {was} → {now}"));
            }
        }
        if self.font_size < original.font_size {
            let (was, now) = (original.font_size, self.font_size);
            notes.push(format!("body text {was} pt → {now} pt"));
        }
        notes
    }
}

/// A length or size to a thousandth, so the tokens print plainly.
fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_changes_at_zero_and_everything_stays_within_the_limits_at_one() {
        let classic = Tokens::default();
        assert_eq!(classic.tightened(0.0), classic);
        assert!(classic.tightening_from(&classic).is_empty());
        let mut loose = classic.clone();
        loose.tighten = Tighten {
            line_spacing: 0.1,
            section_gap: 0.0,
            margin_min: Length {
                value: 0.0,
                unit: Unit::In,
            },
            font_size_down: 9.0,
        };
        let tight = loose.tightened(1.0);
        assert!((tight.line_spacing - 0.9).abs() < 1e-9);
        assert!((tight.spacing.section - classic.spacing.section * 0.7).abs() < 1e-9);
        assert_eq!(tight.margins.x.to_string(), "0.5in");
        assert_eq!(tight.font_size, classic.font_size - 0.5);
        assert!(
            tight.sizes.name < classic.sizes.name,
            "sizes scale with the body"
        );
        let notes = tight.tightening_from(&loose).join("; ");
        assert!(notes.contains("line spacing −10 %"), "{notes}");
        assert!(notes.contains("sides margin 0.7in → 0.5in"), "{notes}");
        assert!(notes.contains("body text 10.25 pt → 9.75 pt"), "{notes}");
    }

    #[test]
    fn a_margin_already_narrower_than_the_floor_stays() {
        let mut tokens = Tokens::default();
        tokens.margins.top = Length {
            value: 0.3,
            unit: Unit::In,
        };
        assert_eq!(tokens.tightened(1.0).margins.top, tokens.margins.top);
    }
}
