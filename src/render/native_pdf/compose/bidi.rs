//! The Unicode Bidirectional Algorithm (unicode-bidi) on broken lines: each
//! line's runs cut where the embedding level changes and put in visual
//! order, the runs at odd levels marked to be set right to left. An English
//! name inside an Arabic sentence thereby reads left to right in its place.
//!
//! Lines are composed from the start edge at `x = 0`; a right-to-left
//! document is mirrored as a whole afterwards ([`mirror`]), so its lines are
//! placed here in reverse visual order, which the mirror turns around.

use unicode_bidi::{Level, ParagraphBidiInfo};

use super::block::{Block, Look};
use crate::render::native_pdf::layout::{Placed, Run};

/// `line`, runs in logical order, placed in visual order from `x = 0`
/// (reversed when `rtl`, the paragraph direction); `measure` gives each
/// run's width. An empty line, and a left-to-right line without
/// right-to-left text, are returned as they are.
pub fn reorder(
    line: Vec<Placed<Look>>,
    rtl: bool,
    measure: &dyn Fn(&str, &Look) -> f32,
) -> Vec<Placed<Look>> {
    if !rtl && !line.iter().any(|p| may_run_right_to_left(&p.run.text)) {
        return line;
    }
    let text: String = line.iter().map(|p| p.run.text.as_str()).collect();
    if text.is_empty() {
        return line;
    }
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = ParagraphBidiInfo::new(&text, Some(base));
    if !rtl && !info.has_rtl() {
        return line;
    }
    let (levels, visual) = info.visual_runs(0..text.len());
    let mut runs: Vec<Run<Look>> = Vec::new();
    for range in visual {
        let odd = levels[range.start].is_rtl();
        let mut pieces = pieces_of(&line, range, odd);
        if odd {
            pieces.reverse();
        }
        runs.extend(pieces);
    }
    if rtl {
        runs.reverse();
    }
    let mut x = 0.0;
    runs.into_iter()
        .map(|run| {
            let width = measure(&run.text, &run.style);
            let placed = Placed { x, width, run };
            x += width;
            placed
        })
        .collect()
}

/// Whether `text` has a character that can set text right to left (a
/// right-to-left letter, an Arabic number, or a control that embeds or
/// overrides): the common case, a line without one, skips the algorithm.
fn may_run_right_to_left(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, AN, R, RLE, RLI, RLO};
    text.chars()
        .filter(|c| !c.is_ascii())
        .any(|c| matches!(unicode_bidi::bidi_class(c), R | AL | AN | RLE | RLO | RLI))
}

/// The parts of `line`'s runs within the byte `range` of its text, in
/// logical order, set right to left when `rtl`.
fn pieces_of(line: &[Placed<Look>], range: std::ops::Range<usize>, rtl: bool) -> Vec<Run<Look>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for placed in line {
        let text = &placed.run.text;
        let (from, to) = (range.start.max(start), range.end.min(start + text.len()));
        if from < to {
            pieces.push(Run {
                text: text[from - start..to - start].to_owned(),
                style: Look {
                    rtl,
                    ..placed.run.style.clone()
                },
            });
        }
        start += text.len();
    }
    pieces
}

/// `blocks` mirrored across a text area `width` wide: what was placed from
/// the left edge now runs from the right one (bullets, dates, rules, bars).
pub fn mirror(blocks: &mut [Block], width: f32) {
    for block in blocks {
        for placed in &mut block.runs {
            placed.x = width - placed.x - placed.width;
        }
        for mark in &mut block.marks {
            mark.from.0 = width - mark.from.0;
            mark.to.0 = width - mark.to.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::native_pdf::fonts::Style;

    fn line(texts: &[&str]) -> Vec<Placed<Look>> {
        let look = Look::new(Style::REGULAR, 10.0, (0, 0, 0));
        let mut x = 0.0;
        texts
            .iter()
            .map(|text| {
                let width = text.chars().count() as f32;
                let placed = Placed {
                    x,
                    width,
                    run: Run {
                        text: (*text).to_owned(),
                        style: look.clone(),
                    },
                };
                x += width;
                placed
            })
            .collect()
    }

    fn measure(text: &str, _: &Look) -> f32 {
        text.chars().count() as f32
    }

    fn shown(line: &[Placed<Look>]) -> Vec<(String, bool)> {
        line.iter()
            .map(|p| (p.run.text.clone(), p.run.style.rtl))
            .collect()
    }

    #[test]
    fn a_latin_line_is_left_as_it_is() {
        let latin = line(&["Built ", "résumés"]);
        assert_eq!(reorder(latin.clone(), false, &measure), latin);
    }

    #[test]
    fn an_english_name_in_an_arabic_sentence_keeps_its_order() {
        // "I use Rust and PostgreSQL" in Arabic: أستخدم Rust و PostgreSQL
        let text = "\u{623}\u{633}\u{62a}\u{62e}\u{62f}\u{645} Rust \u{648} PostgreSQL";
        let placed = reorder(line(&[text]), true, &measure);
        // Placed from the start (right) edge: the Arabic verb first, then
        // the English names in their own order.
        let texts = shown(&placed);
        assert_eq!(
            texts[0],
            ("\u{623}\u{633}\u{62a}\u{62e}\u{62f}\u{645} ".into(), true)
        );
        assert_eq!(texts[1], ("Rust".into(), false));
        assert_eq!(texts[3], ("PostgreSQL".into(), false));
        let mut x = 0.0;
        for p in &placed {
            assert_eq!(p.x, x);
            x += p.width;
        }
    }

    proptest::proptest! {
        #[test]
        fn every_character_is_kept_and_placed_once(
            parts in proptest::collection::vec("[a-z \u{627}-\u{64a}\u{5d0}-\u{5ea}0-9().,\u{1c}\u{202e}\u{2067}\u{200f}]{0,12}", 0..5),
            rtl: bool,
        ) {
            let texts: Vec<&str> = parts.iter().map(String::as_str).collect();
            let placed = reorder(line(&texts), rtl, &measure);
            let mut written: Vec<char> = parts.concat().chars().collect();
            let mut drawn: Vec<char> = placed.iter().flat_map(|p| p.run.text.chars()).collect();
            written.sort_unstable();
            drawn.sort_unstable();
            proptest::prop_assert_eq!(drawn, written);
            let mut x = 0.0;
            for p in &placed {
                proptest::prop_assert_eq!(p.x, x);
                x += p.width;
            }
        }
    }
}
