//! Where each value of the document is, for the checks that run after loading
//! (cross-field rules, lint) to point at lines.
//!
//! The index is the parsed tree itself: a lookup walks from the root along
//! the path, so nothing is copied per level and building costs nothing extra.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::tree::{Kind, Node, NodeId, Tree};

/// Where each value of the document is: its key's span and its value's span.
#[derive(Debug, Default)]
pub struct SpanIndex {
    tree: Tree,
    /// Which nodes are part of the document (see [`Tree::reachable`]).
    live: Vec<bool>,
    /// The document's top-level keys in the order they are written.
    pub top_level_keys: Vec<String>,
}

impl SpanIndex {
    pub(super) fn new(tree: Tree) -> Self {
        let top_level_keys = match &tree.get(tree.root).kind {
            Kind::Map(entries) => entries
                .iter()
                .filter_map(|&(key, _)| tree.text(key).map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        Self {
            live: tree.reachable(),
            tree,
            top_level_keys,
        }
    }

    /// The span of the value at `path` (keys and sequence indices).
    pub fn value(&self, path: &[impl AsRef<str>]) -> Option<Range<usize>> {
        let (_, value) = self.find(path)?;
        Some(self.tree.nodes[value].span.clone())
    }

    /// The span of the key of the value at `path`, else of the value.
    pub fn key(&self, path: &[impl AsRef<str>]) -> Option<Range<usize>> {
        let (key, value) = self.find(path)?;
        Some(self.tree.nodes[key.unwrap_or(value)].span.clone())
    }

    /// Every scalar of the document (keys and values) with its span, in
    /// file order.
    pub fn scalars(&self) -> impl Iterator<Item = (&str, Range<usize>)> {
        self.nodes().filter_map(|node| match &node.kind {
            Kind::Scalar { text, .. } => Some((text.as_str(), node.span.clone())),
            _ => None,
        })
    }

    /// Where each of `chars` is first written in `source`, in file order: the
    /// character itself, or the whole value when it is written another way
    /// (an escape such as `"\u202e"`). Characters the document does not
    /// hold are left out.
    pub fn first_uses(&self, source: &str, chars: &BTreeSet<char>) -> BTreeMap<char, Range<usize>> {
        let mut found = BTreeMap::new();
        for node in self.nodes() {
            let Kind::Scalar { text, .. } = &node.kind else {
                continue;
            };
            for c in text.chars().filter(|c| chars.contains(c)) {
                found.entry(c).or_insert_with(|| {
                    let written = source.get(node.span.clone()).and_then(|s| s.find(c));
                    written.map_or(node.span.clone(), |at| {
                        let start = node.span.start + at;
                        start..start + c.len_utf8()
                    })
                });
            }
            if found.len() == chars.len() {
                break;
            }
        }
        found
    }

    /// The nodes of the document, in the order they end in the file.
    fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.tree
            .nodes
            .iter()
            .zip(&self.live)
            .filter_map(|(node, &live)| live.then_some(node))
    }

    /// The key (when the last step is a mapping key) and value nodes at `path`.
    fn find(&self, path: &[impl AsRef<str>]) -> Option<(Option<NodeId>, NodeId)> {
        let mut at = (None, self.tree.root);
        for segment in path {
            let segment = segment.as_ref();
            at = match &self.tree.get(at.1).kind {
                Kind::Map(entries) => entries
                    .iter()
                    .find(|&&(key, _)| self.tree.text(key) == Some(segment))
                    .map(|&(key, value)| (Some(key), value))?,
                Kind::Seq(items) => (None, *items.get(segment.parse::<usize>().ok()?)?),
                _ => return None,
            };
        }
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree::parse;
    use super::*;

    #[test]
    fn indexes_nested_values() {
        let text =
            "# résumé — ünïcode\nbasics:\n  name: Ada\nexperience:\n  - company: X\n    title: Y\n";
        let spans = SpanIndex::new(parse(text).unwrap());
        assert_eq!(&text[spans.value(&["basics", "name"]).unwrap()], "Ada");
        assert_eq!(
            &text[spans.key(&["experience", "0", "title"]).unwrap()],
            "title"
        );
        assert_eq!(spans.top_level_keys, ["basics", "experience"]);
        assert_eq!(spans.value(&["experience", "1"]), None);
    }

    #[test]
    fn finds_where_characters_are_first_written_even_as_escapes() {
        let text = "a: \"x\\u202Ey\"\nb: [☃, ☃]\n";
        let spans = SpanIndex::new(parse(text).unwrap());
        let uses = spans.first_uses(text, &BTreeSet::from(['\u{202e}', '☃', '漢']));
        assert_eq!(&text[uses[&'\u{202e}'].clone()], "\"x\\u202Ey\"");
        assert_eq!(uses[&'☃'].start, text.find('☃').unwrap());
        assert!(!uses.contains_key(&'漢'));
    }
}
