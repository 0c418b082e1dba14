//! The second pass: pairs runs of `*` into emphasis by CommonMark's
//! delimiter algorithm (restricted to `*`), then flattens the atoms into
//! styled spans. Each closer looks back for the nearest usable opener, and
//! a failed search records how far back it looked, so a field of many stars
//! still resolves in linear time.

use super::Span;
use super::atom::Atom;

/// A run of stars still able to take part in emphasis.
struct Delimiter {
    atom: usize,
    /// Stars not yet used.
    count: usize,
    /// The run's length as written (for the rule of three).
    original: usize,
    can_open: bool,
    can_close: bool,
}

/// The atoms as spans: each styled by the emphasis around it, with unused
/// stars left as text.
pub(super) fn resolve(atoms: Vec<Atom>) -> Vec<Span> {
    let mut delimiters: Vec<Delimiter> = atoms
        .iter()
        .enumerate()
        .filter_map(|(atom, piece)| match *piece {
            Atom::Stars {
                count,
                can_open,
                can_close,
            } => Some(Delimiter {
                atom,
                count,
                original: count,
                can_open,
                can_close,
            }),
            _ => None,
        })
        .collect();
    // Changes in bold and italic depth at each atom, from the pairs found.
    let mut strong = vec![0i64; atoms.len() + 1];
    let mut emph = vec![0i64; atoms.len() + 1];
    for (opener, closer, used) in pair(&mut delimiters) {
        let depth = if used == 2 { &mut strong } else { &mut emph };
        depth[opener + 1] += 1;
        depth[closer] -= 1;
    }
    let mut unused = vec![0; atoms.len()];
    for delimiter in &delimiters {
        unused[delimiter.atom] = delimiter.count;
    }
    let (mut bold, mut italic) = (0, 0);
    let mut spans = Vec::with_capacity(atoms.len());
    for (i, atom) in atoms.into_iter().enumerate() {
        bold += strong[i];
        italic += emph[i];
        let style = Span {
            strong: bold > 0,
            emph: italic > 0,
            ..Span::default()
        };
        match atom {
            Atom::Text(text) => spans.push(Span { text, ..style }),
            Atom::Code(text) => spans.push(Span {
                text,
                code: true,
                ..style
            }),
            Atom::Stars { .. } => spans.push(Span {
                text: "*".repeat(unused[i]),
                ..style
            }),
            Atom::Link { url, label } => spans.extend(label.into_iter().map(|span| Span {
                strong: span.strong || style.strong,
                emph: span.emph || style.emph,
                link: Some(url.clone()),
                ..span
            })),
        }
    }
    spans
}

/// Pairs openers with closers; returns (opener atom, closer atom, stars
/// used: 1 for italic, 2 for bold) and leaves each run's unused count.
fn pair(delimiters: &mut [Delimiter]) -> Vec<(usize, usize, usize)> {
    let n = delimiters.len();
    let mut prev: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
    let mut next: Vec<Option<usize>> = (0..n).map(|i| (i + 1 < n).then_some(i + 1)).collect();
    let unlink = |prev: &mut Vec<Option<usize>>, next: &mut Vec<Option<usize>>, i: usize| {
        if let Some(p) = prev[i] {
            next[p] = next[i];
        }
        if let Some(n) = next[i] {
            prev[n] = prev[i];
        }
    };
    // Below this delimiter, a closer of this kind already found no opener.
    let mut floor = [[None::<usize>; 2]; 3];
    let mut pairs = Vec::new();
    let mut current = (n > 0).then_some(0);
    while let Some(closer) = current {
        if !delimiters[closer].can_close {
            current = next[closer];
            continue;
        }
        let kind = (
            delimiters[closer].original % 3,
            usize::from(delimiters[closer].can_open),
        );
        let bottom = floor[kind.0][kind.1];
        let mut candidate = prev[closer];
        let mut found = None;
        while let Some(opener) = candidate.filter(|&o| bottom.is_none_or(|b| o > b)) {
            if can_pair(&delimiters[opener], &delimiters[closer]) {
                found = Some(opener);
                break;
            }
            candidate = prev[opener];
        }
        let Some(opener) = found else {
            floor[kind.0][kind.1] = prev[closer];
            current = next[closer];
            if !delimiters[closer].can_open {
                unlink(&mut prev, &mut next, closer);
            }
            continue;
        };
        let used = if delimiters[opener].count >= 2 && delimiters[closer].count >= 2 {
            2
        } else {
            1
        };
        delimiters[opener].count -= used;
        delimiters[closer].count -= used;
        pairs.push((delimiters[opener].atom, delimiters[closer].atom, used));
        // Delimiters between the two can no longer pair.
        next[opener] = Some(closer);
        prev[closer] = Some(opener);
        if delimiters[opener].count == 0 {
            unlink(&mut prev, &mut next, opener);
        }
        if delimiters[closer].count == 0 {
            current = next[closer];
            unlink(&mut prev, &mut next, closer);
        }
    }
    pairs
}

/// Whether `opener` may close with `closer`: the rule of three keeps
/// `*foo**bar*` one emphasis rather than two broken ones.
fn can_pair(opener: &Delimiter, closer: &Delimiter) -> bool {
    let either_way = opener.can_close || closer.can_open;
    let sum = opener.original + closer.original;
    let both_threes = opener.original.is_multiple_of(3) && closer.original.is_multiple_of(3);
    opener.can_open && !(either_way && sum.is_multiple_of(3) && !both_threes)
}
