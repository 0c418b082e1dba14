//! The first pass over a field: escapes, code spans and links are read
//! left to right into atoms; runs of `*` are kept as delimiters, with the
//! flanking facts that decide whether they can open or close emphasis. Every
//! search remembers what it learnt, so a field is read in linear time.

use std::collections::HashMap;

use super::atom::Atom;
use super::{ESCAPABLE, emphasis, is_safe_url};

/// Reads `text` into atoms; `links` is false inside a link's label.
pub(super) fn scan(text: &str, links: bool) -> Vec<Atom> {
    let mut scanner = Scanner {
        text,
        atoms: Vec::new(),
        literal: String::new(),
        fences: Fences::new(text),
        brackets: if links {
            bracket_pairs(text)
        } else {
            HashMap::new()
        },
    };
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        at = match c {
            '\\' => scanner.backslash(at),
            '`' => scanner.code(at),
            '*' => scanner.stars(at),
            '[' => scanner.link(at),
            _ => {
                scanner.literal.push(c);
                at + c.len_utf8()
            }
        };
    }
    scanner.flush();
    scanner.atoms
}

struct Scanner<'a> {
    text: &'a str,
    atoms: Vec<Atom>,
    /// Text not yet pushed as an atom.
    literal: String,
    fences: Fences,
    /// Where the label of each `[` that may start a link ends.
    brackets: HashMap<usize, usize>,
}

impl Scanner<'_> {
    fn flush(&mut self) {
        if !self.literal.is_empty() {
            self.atoms
                .push(Atom::Text(std::mem::take(&mut self.literal)));
        }
    }

    fn push(&mut self, atom: Atom) {
        self.flush();
        self.atoms.push(atom);
    }

    fn backslash(&mut self, at: usize) -> usize {
        match self.text[at + 1..].chars().next() {
            Some(next) if ESCAPABLE.contains(&next) => {
                self.literal.push(next);
                at + 1 + next.len_utf8()
            }
            _ => {
                self.literal.push('\\');
                at + 1
            }
        }
    }

    fn code(&mut self, at: usize) -> usize {
        let fence = run_length(self.text, at, '`');
        let Some(close) = self.fences.closing(at, fence) else {
            self.literal.push_str(&self.text[at..at + fence]);
            return at + fence;
        };
        let content = code_content(&self.text[at + fence..close]);
        self.push(Atom::Code(content.to_owned()));
        close + fence
    }

    fn stars(&mut self, at: usize) -> usize {
        let count = run_length(self.text, at, '*');
        let before = self.text[..at].chars().next_back();
        let after = self.text[at + count..].chars().next();
        self.push(Atom::Stars {
            count,
            can_open: flanks(before, after),
            can_close: flanks(after, before),
        });
        at + count
    }

    fn link(&mut self, at: usize) -> usize {
        // `![alt](src)` is an image in Markdown, and text here.
        let image = self.text[..at].ends_with('!');
        let found = self.brackets.get(&at).filter(|_| !image);
        let Some((label, url, end)) = found.and_then(|&end| link_at(self.text, at, end)) else {
            self.literal.push('[');
            return at + 1;
        };
        let label = emphasis::resolve(scan(label, false));
        self.push(Atom::Link {
            url: url.trim().to_owned(),
            label,
        });
        end
    }
}

/// Finds the runs of backticks that close code spans: every run of the
/// text, indexed once by length, and for each length how far reading got.
struct Fences {
    runs: HashMap<usize, Vec<usize>>,
    read: HashMap<usize, usize>,
}

impl Fences {
    fn new(text: &str) -> Self {
        let mut runs: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut at = 0;
        while let Some(offset) = text[at..].find('`') {
            let start = at + offset;
            let length = run_length(text, start, '`');
            runs.entry(length).or_default().push(start);
            at = start + length;
        }
        Fences {
            runs,
            read: HashMap::new(),
        }
    }

    /// The start of the run that closes the `fence` backticks at byte `at`:
    /// the next run of exactly that many. Calls come with `at` increasing.
    fn closing(&mut self, at: usize, fence: usize) -> Option<usize> {
        let starts = self.runs.get(&fence)?;
        let read = self.read.entry(fence).or_default();
        while starts.get(*read).is_some_and(|&start| start <= at) {
            *read += 1;
        }
        starts.get(*read).copied()
    }
}

/// How many `c` start at byte `at`.
fn run_length(text: &str, at: usize, c: char) -> usize {
    text[at..].bytes().take_while(|&b| b == c as u8).count()
}

/// A code span's text: one space comes off each end when both ends have one
/// and the text is not all spaces, so `` `` `x` `` `` can hold backticks.
fn code_content(raw: &str) -> &str {
    let padded = raw.len() >= 2 && raw.starts_with(' ') && raw.ends_with(' ');
    if padded && raw.bytes().any(|b| b != b' ') {
        &raw[1..raw.len() - 1]
    } else {
        raw
    }
}

/// Whether a delimiter run between `before` and `after` is left-flanking
/// (swap the two for right-flanking): not followed by whitespace, and not
/// followed by punctuation unless preceded by whitespace or punctuation.
fn flanks(before: Option<char>, after: Option<char>) -> bool {
    let space_or_punct = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punct(c));
    match after {
        None => false,
        Some(c) if c.is_whitespace() => false,
        Some(c) if is_punct(c) => space_or_punct(before),
        Some(_) => true,
    }
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// `[label](target)` at byte `at`, whose label ends at `label_end`: the
/// label, the target and the byte after the closing parenthesis; `None`
/// unless it is a complete link to an http(s) or mailto target with a label.
fn link_at(text: &str, at: usize, label_end: usize) -> Option<(&str, &str, usize)> {
    let label = &text[at + 1..label_end];
    let rest = text[label_end..].strip_prefix("](")?;
    let target_start = label_end + 2;
    let (target, end) = if let Some(inner) = rest.strip_prefix('<') {
        let close = inner
            .char_indices()
            .find(|&(_, c)| matches!(c, '>' | '<' | '\n'))
            .filter(|&(_, c)| c == '>')?
            .0;
        inner[close + 1..].starts_with(')').then_some(())?;
        (&inner[..close], target_start + 1 + close + 2)
    } else {
        let close = bare_target_end(rest)?;
        (&rest[..close], target_start + close + 1)
    };
    let linkable = !label.trim().is_empty() && is_safe_url(target);
    linkable.then_some((label, target, end))
}

/// The byte offset of the `)` that ends a bare target: parentheses
/// balance; whitespace, a control character or a `[` (where the next link
/// could start) ends the attempt, so no byte is read by two attempts.
fn bare_target_end(rest: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            ')' if depth == 0 => return (i > 0).then_some(i),
            ')' => depth -= 1,
            '(' => depth += 1,
            '[' => return None,
            c if c.is_whitespace() || c.is_control() => return None,
            _ => {}
        }
    }
    None
}

/// Each `[` that has a matching `]`, by byte offset: brackets nest, and
/// escaped brackets and brackets inside code spans do not count.
fn bracket_pairs(text: &str) -> HashMap<usize, usize> {
    let mut fences = Fences::new(text);
    let mut open = Vec::new();
    let mut pairs = HashMap::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        match c {
            '\\' => at += 1 + text[at + 1..].chars().next().map_or(0, char::len_utf8),
            '`' => {
                let fence = run_length(text, at, '`');
                at = fences
                    .closing(at, fence)
                    .map_or(at + fence, |close| close + fence);
            }
            '[' => {
                open.push(at);
                at += 1;
            }
            ']' => {
                if let Some(start) = open.pop() {
                    pairs.insert(start, at);
                }
                at += 1;
            }
            _ => at += c.len_utf8(),
        }
    }
    pairs
}
