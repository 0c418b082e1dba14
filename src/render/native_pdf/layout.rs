//! Pure layout: greedy line breaking of styled runs over measured widths, and
//! pagination of blocks with keep-with-next. Nothing here knows about PDF.

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

/// Breaks `runs` into lines no wider than `width`; `measure` gives the width
/// of a text in a style. Spaces stay in the runs, so extracted text keeps them.
pub fn break_lines<S: Clone + PartialEq>(
    runs: &[Run<S>],
    width: f32,
    measure: &dyn Fn(&str, &S) -> f32,
) -> Vec<Vec<Placed<S>>> {
    let mut lines = Vec::new();
    let mut line: Vec<Placed<S>> = Vec::new();
    let mut x = 0.0;
    for word in words(runs, measure) {
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
    if !line.is_empty() {
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

fn words<S: Clone>(runs: &[Run<S>], measure: &dyn Fn(&str, &S) -> f32) -> Vec<Word<S>> {
    let mut words = Vec::new();
    let mut current = Word {
        pieces: Vec::new(),
        width: 0.0,
        space: None,
    };
    for run in runs {
        let mut parts = run.text.split(char::is_whitespace).peekable();
        while let Some(part) = parts.next() {
            if !part.is_empty() {
                current.width += measure(part, &run.style);
                current.pieces.push(Run {
                    text: part.to_owned(),
                    style: run.style.clone(),
                });
            }
            if parts.peek().is_some() {
                let space = Some(run.style.clone());
                if current.pieces.is_empty() {
                    current.space = current.space.or(space);
                } else {
                    words.push(std::mem::replace(
                        &mut current,
                        Word {
                            pieces: Vec::new(),
                            width: 0.0,
                            space,
                        },
                    ));
                }
            }
        }
    }
    if !current.pieces.is_empty() {
        words.push(current);
    }
    words
}

/// A word wider than a whole line, cut between characters.
fn split_long<S: Clone + PartialEq>(
    word: Word<S>,
    width: f32,
    measure: &dyn Fn(&str, &S) -> f32,
) -> Vec<Word<S>> {
    if word.width <= width {
        return vec![word];
    }
    let mut out = Vec::new();
    let mut current = Word {
        pieces: Vec::new(),
        width: 0.0,
        space: word.space,
    };
    for piece in word.pieces {
        for c in piece.text.chars() {
            let mut buf = [0; 4];
            let w = measure(c.encode_utf8(&mut buf), &piece.style);
            if current.width + w > width && !current.pieces.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    Word {
                        pieces: Vec::new(),
                        width: 0.0,
                        space: None,
                    },
                ));
            }
            current.width += w;
            match current.pieces.last_mut() {
                Some(last) if last.style == piece.style => last.text.push(c),
                _ => current.pieces.push(Run {
                    text: c.to_string(),
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
