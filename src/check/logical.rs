//! Right-to-left lines put back in reading order.
//!
//! `pdftotext -bbox` lists a line's words from left to right as they are
//! drawn, and a right-to-left word's letters in drawing order too, so an
//! Arabic or Hebrew line reads backwards. This undoes the two levels of
//! the bidirectional algorithm a résumé line has: on a right-to-left line
//! the words run from right to left, except runs of left-to-right words
//! (an English company name, a technology) which keep their order; on a
//! left-to-right line only runs of right-to-left words are turned round.
//! Words without a strong direction (numbers, dashes) go with the line.

use unicode_bidi::BidiClass::{AL, L, R};
use unicode_segmentation::UnicodeSegmentation;

use super::text_layer::{TextLayer, Word};

/// Which way a word runs, by its letters.
#[derive(Clone, Copy, PartialEq)]
enum Way {
    Left,
    Right,
    Neither,
}

fn way(text: &str) -> Way {
    let class = |c: char| unicode_bidi::bidi_class(c);
    match text.chars().map(class).find(|c| matches!(c, L | R | AL)) {
        Some(R | AL) => Way::Right,
        Some(_) => Way::Left,
        None => Way::Neither,
    }
}

/// Every line of `layer` in reading order; `rtl` when the document is
/// written right to left.
pub fn in_reading_order(layer: TextLayer, rtl: bool) -> TextLayer {
    TextLayer {
        lines: (layer.lines.into_iter())
            .map(|line| reading_order(line, rtl))
            .collect(),
        ..layer
    }
}

/// `line`, drawn left to right, in reading order.
fn reading_order(line: Vec<Word>, rtl: bool) -> Vec<Word> {
    let mut words: Vec<Word> = line
        .into_iter()
        .map(|word| match way(&word.text) {
            Way::Right => Word {
                text: word.text.graphemes(true).rev().collect(),
                ..word
            },
            _ => word,
        })
        .collect();
    let base = if rtl { Way::Right } else { Way::Left };
    let against = if rtl { Way::Left } else { Way::Right };
    if rtl {
        words.reverse();
    }
    // Runs set against the line's direction were turned round with it (or
    // were drawn so): each is put back.
    let mut start = 0;
    while start < words.len() {
        if way(&words[start].text) != against {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < words.len() && way(&words[end].text) != base {
            end += 1;
        }
        // Trailing neutral words go with the line, not the run.
        while end > start + 1 && way(&words[end - 1].text) == Way::Neither {
            end -= 1;
        }
        words[start..end].reverse();
        start = end;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(texts: &[&str]) -> Vec<Word> {
        texts
            .iter()
            .map(|text| Word {
                text: (*text).to_owned(),
                place: None,
            })
            .collect()
    }

    fn read(texts: &[&str], rtl: bool) -> Vec<String> {
        reading_order(line(texts), rtl)
            .into_iter()
            .map(|word| word.text)
            .collect()
    }

    #[test]
    fn a_right_to_left_line_with_english_words_reads_in_order() {
        // "في Stripe Kafka باستخدام", drawn left to right.
        let drawn = ["مادختساب", "Stripe", "Kafka", "يف"];
        assert_eq!(read(&drawn, true), ["في", "Stripe", "Kafka", "باستخدام"]);
    }

    #[test]
    fn dates_and_dashes_go_with_the_line() {
        let drawn = ["نلآا", "ىتح", "–", "2021", "سرام"];
        // The lam-alef ligature is one glyph whose two letters pdftotext
        // gives in either order: `reading::squeezed` compares without them.
        assert_eq!(read(&drawn, true), ["مارس", "2021", "–", "حتى", "اآلن"]);
    }

    #[test]
    fn hebrew_words_in_an_english_line_turn_round() {
        assert_eq!(
            read(&["Worked", "at", "לארשי", "ךניב", "daily"], false),
            ["Worked", "at", "בינך", "ישראל", "daily"]
        );
    }
}
