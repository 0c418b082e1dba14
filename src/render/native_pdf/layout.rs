//! Pure layout: greedy line breaking of styled runs over measured widths, and
//! pagination of blocks with keep-with-next. Nothing here knows about PDF.
//!
//! Lines break at spaces and at forced breaks (a newline in the text); a word
//! wider than the whole line is cut between characters, so no line is ever
//! wider than the width it was given (unless a single character is).

use unicode_segmentation::UnicodeSegmentation;

/// A run of text in one look; `S` is whatever the caller styles text with.
#[derive(Debug, Clone, PartialEq)]
pub struct Run<S> {
    pub text: String,
    pub style: S,
}

/// A run placed on a line, `x` points from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<S> {
    pub x: f32,
    pub width: f32,
    pub run: Run<S>,
}

/// A word: the pieces between two spaces, possibly in several styles.
struct Word<S> {
    pieces: Vec<Run<S>>,
    width: f32,
    /// The style of the space before it.
    space: Option<S>,
}

impl<S> Word<S> {
    fn after(space: Option<S>) -> Word<S> {
        Word {
            pieces: Vec::new(),
            width: 0.0,
            space,
        }
    }
}

/// Whether `c` ends a line wherever it stands.
pub fn is_forced_break(c: char) -> bool {
    matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

/// Whether a line may break at `c`, which prints as a space. No-break
/// spaces belong to their word.
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Breaks `runs` into lines no wider than `width`; `measure` gives the width
/// of a text in a style. Spaces stay in the runs, so extracted text keeps them.
pub fn break_lines<S: Clone + PartialEq>(
    runs: &[Run<S>],
    width: f32,
    measure: &dyn Fn(&str, &S) -> f32,
) -> Vec<Vec<Placed<S>>> {
    let mut lines = Vec::new();
    for hard_line in hard_lines(runs, measure) {
        let mut line: Vec<Placed<S>> = Vec::new();
        let mut x = 0.0;
        for word in hard_line {
            for piece_word in split_long(word, width, measure) {
                let space = match (&piece_word.space, line.is_empty()) {
                    (Some(style), false) => Some((style.clone(), measure(" ", style))),
                    _ => None,
                };
                let space_width = space.as_ref().map_or(0.0, |(_, w)| *w);
                if !line.is_empty() && x + space_width + piece_word.width > width {
                    lines.push(std::mem::take(&mut line));
                    x = 0.0;
                } else if let Some((style, w)) = space {
                    push(&mut line, &mut x, " ", style, w);
                }
                for piece in piece_word.pieces {
                    let w = measure(&piece.text, &piece.style);
                    push(&mut line, &mut x, &piece.text, piece.style, w);
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Appends text to the line, merging it into the last run when the style matches.
fn push<S: PartialEq>(line: &mut Vec<Placed<S>>, x: &mut f32, text: &str, style: S, width: f32) {
    match line.last_mut() {
        Some(last) if last.run.style == style => {
            last.run.text.push_str(text);
            last.width += width;
        }
        _ => line.push(Placed {
            x: *x,
            width,
            run: Run {
                text: text.to_owned(),
                style,
            },
        }),
    }
    *x += width;
}

/// The words of each line that forced breaks make, without the empty
/// lines of leading or trailing breaks.
fn hard_lines<S: Clone>(runs: &[Run<S>], measure: &dyn Fn(&str, &S) -> f32) -> Vec<Vec<Word<S>>> {
    let mut lines: Vec<Vec<Word<S>>> = vec![Vec::new()];
    let mut current = Word::after(None);
    for run in runs {
        for part in run
            .text
            .split_inclusive(|c| is_breaking_space(c) || is_forced_break(c))
        {
            let mut chars = part.chars();
            let separator = chars
                .next_back()
                .filter(|&c| is_breaking_space(c) || is_forced_break(c));
            let text = if separator.is_some() {
                chars.as_str()
            } else {
                part
            };
            if !text.is_empty() {
                current.width += measure(text, &run.style);
                current.pieces.push(Run {
                    text: text.to_owned(),
                    style: run.style.clone(),
                });
            }
            let Some(separator) = separator else { continue };
            let forced = is_forced_break(separator);
            let space = (!forced).then(|| run.style.clone());
            if !current.pieces.is_empty() {
                let word = std::mem::replace(&mut current, Word::after(space));
                lines.last_mut().expect("one line at least").push(word);
            } else if !forced {
                current.space = current.space.or(space);
            }
            if forced {
                current.space = None;
                lines.push(Vec::new());
            }
        }
    }
    if !current.pieces.is_empty() {
        lines.last_mut().expect("one line at least").push(current);
    }
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines.drain(first..=last).collect(),
        _ => Vec::new(),
    }
}

/// A word wider than a whole line, cut between characters into pieces that
/// each fit a line; a character sequence that draws as one (a letter and
/// its accents, an emoji sequence) is never cut.
fn split_long<S: Clone + PartialEq>(
    word: Word<S>,
    width: f32,
    measure: &dyn Fn(&str, &S) -> f32,
) -> Vec<Word<S>> {
    if word.width <= width {
        return vec![word];
    }
    let mut out = Vec::new();
    let mut current = Word::after(word.space);
    for piece in word.pieces {
        for cluster in piece.text.graphemes(true) {
            let w = measure(cluster, &piece.style);
            if !current.pieces.is_empty() && current.width + w > width {
                out.push(std::mem::replace(&mut current, Word::after(None)));
            }
            current.width += w;
            match current.pieces.last_mut() {
                Some(last) if last.style == piece.style => last.text.push_str(cluster),
                _ => current.pieces.push(Run {
                    text: cluster.to_owned(),
                    style: piece.style.clone(),
                }),
            }
        }
    }
    if !current.pieces.is_empty() {
        out.push(current);
    }
    out
}

/// What pagination needs to know of a block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    /// Space above the block, dropped at the top of a page.
    pub gap: f32,
    pub height: f32,
    /// Never the last block of a page: it moves to the next page with the block after it.
    pub keep_with_next: bool,
}

/// Splits blocks into pages of at most `page_height`; returns, per page, the
/// indices of its blocks and the top offset of each.
pub fn paginate(blocks: &[Extent], page_height: f32) -> Vec<Vec<(usize, f32)>> {
    let mut pages: Vec<Vec<(usize, f32)>> = vec![Vec::new()];
    let mut y = 0.0;
    let mut i = 0;
    while i < blocks.len() {
        // The chain: this block, every keep-with-next block after it, and the first free one.
        let mut end = i;
        while end + 1 < blocks.len() && blocks[end].keep_with_next {
            end += 1;
        }
        let page_empty = pages.last().is_none_or(Vec::is_empty);
        let chain: f32 = blocks[i..=end]
            .iter()
            .enumerate()
            .map(|(k, b)| {
                if k == 0 && page_empty {
                    b.height
                } else {
                    b.gap + b.height
                }
            })
            .sum();
        if !page_empty && y + chain > page_height {
            pages.push(Vec::new());
            y = 0.0;
        }
        for (index, block) in blocks.iter().enumerate().take(end + 1).skip(i) {
            let page_empty = pages.last().is_none_or(Vec::is_empty);
            if !page_empty && y + block.gap + block.height > page_height {
                pages.push(Vec::new());
                y = 0.0;
            }
            let page = pages.len() - 1;
            if !pages[page].is_empty() {
                y += block.gap;
            }
            pages[page].push((index, y));
            y += block.height;
        }
        i = end + 1;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(text: &str, _: &u8) -> f32 {
        text.chars().count() as f32
    }

    fn texts(lines: &[Vec<Placed<u8>>]) -> Vec<String> {
        lines
            .iter()
            .map(|line| line.iter().map(|p| p.run.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn lines_break_between_words_and_keep_their_spaces() {
        let runs = [Run {
            text: "one two three four".to_owned(),
            style: 0,
        }];
        let lines = break_lines(&runs, 9.0, &measure);
        assert_eq!(texts(&lines), ["one two", "three", "four"]);
    }

    #[test]
    fn styles_split_runs_but_not_words() {
        let runs = [
            Run {
                text: "a ".to_owned(),
                style: 0,
            },
            Run {
                text: "bold".to_owned(),
                style: 1,
            },
            Run {
                text: ", c".to_owned(),
                style: 0,
            },
        ];
        let lines = break_lines(&runs, 7.0, &measure);
        assert_eq!(texts(&lines), ["a bold,", "c"]);
        assert_eq!(lines[0][1].x, 2.0);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        let runs = [Run {
            text: "abcdefgh".to_owned(),
            style: 0,
        }];
        assert_eq!(
            texts(&break_lines(&runs, 3.0, &measure)),
            ["abc", "def", "gh"]
        );
    }

    #[test]
    fn a_newline_is_a_forced_break_and_an_empty_line_stays() {
        let runs = [
            Run {
                text: "one\ntwo ".to_owned(),
                style: 0,
            },
            Run {
                text: "three\n\nfour\n".to_owned(),
                style: 1,
            },
        ];
        let lines = break_lines(&runs, 100.0, &measure);
        assert_eq!(texts(&lines), ["one", "two three", "", "four"]);
    }

    #[test]
    fn a_no_break_space_holds_its_words_together() {
        let runs = [Run {
            text: "ab 10\u{a0}km".to_owned(),
            style: 0,
        }];
        assert_eq!(
            texts(&break_lines(&runs, 6.0, &measure)),
            ["ab", "10\u{a0}km"]
        );
    }

    #[test]
    fn a_long_word_is_never_cut_inside_a_letter_and_its_accent() {
        let runs = [Run {
            text: "abe\u{301}cd".to_owned(),
            style: 0,
        }];
        assert_eq!(
            texts(&break_lines(&runs, 3.0, &measure)),
            ["ab", "e\u{301}c", "d"]
        );
    }

    /// Width per character depends on the style, as bold is wider than regular.
    fn styled_measure(text: &str, style: &u8) -> f32 {
        text.chars().count() as f32 * (1.0 + f32::from(*style) * 0.75)
    }

    proptest::proptest! {
        #[test]
        fn every_line_fits_and_every_character_is_kept(
            parts in proptest::collection::vec(("[a-z \n\u{e9}\u{a0}]{0,40}", 0u8..3), 0..8),
            width in 3.0f32..60.0,
        ) {
            let runs: Vec<Run<u8>> = parts
                .iter()
                .map(|(text, style)| Run { text: text.clone(), style: *style })
                .collect();
            let lines = break_lines(&runs, width, &styled_measure);
            for line in &lines {
                let mut end = 0.0f32;
                for placed in line {
                    proptest::prop_assert!(placed.x >= end - 1e-3);
                    end = placed.x + placed.width;
                }
                proptest::prop_assert!(end <= width + 1e-3, "{:?} wider than {}", line, width);
            }
            let visible = |text: &str| -> String {
                text.chars().filter(|c| !is_breaking_space(*c)).collect()
            };
            let written: String = runs.iter().map(|r| visible(&r.text)).collect();
            let drawn: String = lines.iter().flatten().map(|p| visible(&p.run.text)).collect();
            proptest::prop_assert_eq!(drawn, written);
        }
    }

    #[test]
    fn a_kept_block_moves_to_the_next_page_with_its_follower() {
        let block = |keep| Extent {
            gap: 1.0,
            height: 10.0,
            keep_with_next: keep,
        };
        let blocks = [block(false), block(false), block(true), block(false)];
        let pages = paginate(&blocks, 35.0);
        let indices: Vec<Vec<usize>> = pages
            .iter()
            .map(|p| p.iter().map(|(i, _)| *i).collect())
            .collect();
        assert_eq!(indices, [vec![0, 1], vec![2, 3]]);
        assert_eq!(pages[1][0].1, 0.0);
    }
}
