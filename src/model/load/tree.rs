//! The one parse of `resume.yaml`: yaml-rust2's events become a tree of
//! nodes, each with its byte span in the file.
//!
//! The same tree is checked against the schema, deserialized into the model
//! and asked where values are, so the file is parsed once. Building it is
//! linear: nodes live in one arena, an alias is a reference to its anchor's
//! node (never a copy), and nesting is counted on the event stack, so block
//! and flow nesting alike stop at [`MAX_DEPTH`] before the parser goes
//! further. What YAML allows but a résumé must not hold is refused here, by
//! name: duplicate keys, merge keys (`<<`), complex keys, control characters,
//! a second document.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::offsets::ByteOffsets;
use super::syntax::{MAX_DEPTH, control_character, scan_error, too_deep};
use crate::diagnostic::Diagnostic;

/// A node's place in [`Tree::nodes`].
pub type NodeId = usize;

/// The parsed document: every node, and which one is the root.
#[derive(Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub root: NodeId,
}

/// One value of the document and where it is written.
#[derive(Debug)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug)]
pub enum Kind {
    /// A scalar as written; `plain` when unquoted (only those can be null).
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<NodeId>),
    /// Key and value nodes, in file order.
    Map(Vec<(NodeId, NodeId)>),
    /// A `*name` that stands for an earlier anchored node.
    Alias(NodeId),
}

impl Tree {
    /// The node `id` stands for, looking through aliases.
    pub fn get(&self, id: NodeId) -> &Node {
        &self.nodes[self.target(id)]
    }

    /// The id of the node `id` stands for, looking through aliases.
    pub fn target(&self, mut id: NodeId) -> NodeId {
        while let Kind::Alias(target) = self.nodes[id].kind {
            id = target;
        }
        id
    }

    /// The text of a scalar node (aliases followed), if it is one.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.get(id).kind {
            Kind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Whether each node is part of the document, reachable from the root:
    /// the texts of other languages a translation map held are not, once
    /// the map is resolved.
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.nodes.len()];
        let mut stack = vec![self.root];
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut seen[id], true) {
                continue;
            }
            match &self.nodes[id].kind {
                Kind::Seq(items) => stack.extend(items),
                Kind::Map(entries) => stack.extend(entries.iter().flat_map(|&(k, v)| [k, v])),
                Kind::Alias(target) => stack.push(*target),
                Kind::Scalar { .. } => {}
            }
        }
        seen
    }

    /// What the node is, in the words of a schema's `type`.
    pub fn shape(&self, id: NodeId) -> Shape {
        match self.get(id).kind {
            _ if self.is_null(id) => Shape::Null,
            Kind::Seq(_) => Shape::List,
            Kind::Map(_) => Shape::Mapping,
            _ => Shape::Text,
        }
    }

    /// Whether the node is YAML's null: an unquoted `~`, `null` or nothing.
    pub fn is_null(&self, id: NodeId) -> bool {
        matches!(&self.get(id).kind, Kind::Scalar { text, plain: true }
            if matches!(text.as_str(), "~" | "null" | "Null" | "NULL" | ""))
    }
}

/// What a node is: nothing, a scalar, a sequence or a mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Null,
    Text,
    List,
    Mapping,
}

/// A container being filled, on the event stack.
enum Open {
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<NodeId>,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<(NodeId, NodeId)>,
        key: Option<NodeId>,
        seen: HashSet<String>,
    },
}

struct Builder<'a> {
    text: &'a str,
    offsets: ByteOffsets<'a>,
    /// Where each line ends, so a span's end is found without rescanning the line.
    line_ends: Vec<usize>,
    tree: Tree,
    stack: Vec<Open>,
    anchors: HashMap<usize, NodeId>,
    root: Option<NodeId>,
    problems: Vec<Diagnostic>,
}

/// Parses `text` into a tree, or says everything that stops it.
pub fn parse(text: &str) -> Result<Tree, Vec<Diagnostic>> {
    let mut builder = Builder {
        text,
        offsets: ByteOffsets::new(text),
        line_ends: text
            .match_indices(['\n', '\r'])
            .map(|(n, _)| n)
            .chain([text.len()])
            .collect(),
        tree: Tree::default(),
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        problems: Vec::new(),
    };
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, marker) = parser
            .next_token()
            .map_err(|error| vec![scan_error(text, &error)])?;
        match builder.event(event, marker) {
            Ok(true) => {}
            Ok(false) => break,
            Err(fatal) => return Err(vec![fatal]),
        }
    }
    match (builder.root, builder.problems.is_empty()) {
        (Some(root), true) => Ok(Tree {
            root,
            ..builder.tree
        }),
        (_, false) => Err(builder.problems),
        (None, true) => Err(vec![
            Diagnostic::error("the résumé is empty").at(Some(0..0)),
        ]),
    }
}

impl Builder<'_> {
    /// Takes one event; `Ok(false)` at the end of the stream.
    fn event(&mut self, event: Event, marker: Marker) -> Result<bool, Diagnostic> {
        let start = self.offsets.of(&marker);
        match event {
            Event::StreamEnd => return Ok(false),
            Event::DocumentStart if self.root.is_some() => {
                return Err(
                    Diagnostic::error("the file holds more than one YAML document")
                        .at(Some(start..self.line_end(start)))
                        .help("a résumé is one document: remove this `---` and what follows"),
                );
            }
            Event::Scalar(text, style, anchor, _) => {
                let plain = style == TScalarStyle::Plain;
                let end = self.scalar_end(start, &text, style);
                if let Some(problem) = control_character(&text) {
                    self.problems.push(problem.at(Some(start..end)));
                }
                self.complete(start..end, Kind::Scalar { text, plain }, anchor);
            }
            Event::Alias(anchor) => {
                let span = start..self.line_end(start);
                let Some(&target) = self.anchors.get(&anchor) else {
                    return Err(
                        Diagnostic::error("this alias refers to no anchor before it")
                            .at(Some(span))
                            .help("define `&name` before using `*name`, outside the value itself"),
                    );
                };
                self.complete(span, Kind::Alias(target), 0);
            }
            Event::SequenceStart(anchor, _) => self.open(
                start,
                Open::Seq {
                    start,
                    anchor,
                    items: Vec::new(),
                },
            )?,
            Event::MappingStart(anchor, _) => self.open(
                start,
                Open::Map {
                    start,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                    seen: HashSet::new(),
                },
            )?,
            Event::SequenceEnd | Event::MappingEnd => self.close(),
            _ => {}
        }
        Ok(true)
    }

    fn open(&mut self, start: usize, container: Open) -> Result<(), Diagnostic> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(too_deep(start..self.line_end(start)));
        }
        self.stack.push(container);
        Ok(())
    }

    fn close(&mut self) {
        let (kind, start, anchor) = match self.stack.pop() {
            Some(Open::Seq {
                start,
                anchor,
                items,
            }) => (Kind::Seq(items), start, anchor),
            Some(Open::Map {
                start,
                anchor,
                entries,
                ..
            }) => {
                // The parser marks a block mapping after its first key: start at that key.
                let first_key = entries
                    .first()
                    .map(|&(key, _)| self.tree.nodes[key].span.start);
                (
                    Kind::Map(entries),
                    first_key.map_or(start, |key| key.min(start)),
                    anchor,
                )
            }
            None => return,
        };
        let span = start..self.line_end(start);
        self.complete(span, kind, anchor);
    }

    /// Adds a finished node and hangs it on its parent.
    fn complete(&mut self, span: Range<usize>, kind: Kind, anchor: usize) {
        let id = self.tree.nodes.len();
        self.tree.nodes.push(Node { span, kind });
        if anchor > 0 {
            self.anchors.insert(anchor, id);
        }
        let problem = match self.stack.last_mut() {
            None => {
                self.root = Some(id);
                None
            }
            Some(Open::Seq { items, .. }) => {
                items.push(id);
                None
            }
            Some(Open::Map {
                entries, key, seen, ..
            }) => match key.take() {
                Some(key) => {
                    entries.push((key, id));
                    None
                }
                None => {
                    *key = Some(id);
                    key_problem(&self.tree, id, seen)
                }
            },
        };
        self.problems.extend(problem);
    }

    fn line_end(&self, start: usize) -> usize {
        let line = self.line_ends.partition_point(|&end| end < start);
        self.line_ends.get(line).copied().unwrap_or(self.text.len())
    }

    /// Where a scalar written at `start` ends on its line: after the closing
    /// quote of a quoted one, after its text for a plain one.
    fn scalar_end(&self, start: usize, text: &str, style: TScalarStyle) -> usize {
        let line = &self.text[start..self.line_end(start)];
        let end = match style {
            TScalarStyle::DoubleQuoted => closing_quote(line, '"', Some('\\')),
            TScalarStyle::SingleQuoted => closing_quote(line, '\'', None),
            _ => Some(text.len().min(line.len())),
        };
        start + end.unwrap_or(line.len())
    }
}

/// What is wrong with a mapping key, if anything; `seen` holds the keys before it.
fn key_problem(tree: &Tree, id: NodeId, seen: &mut HashSet<String>) -> Option<Diagnostic> {
    let span = tree.nodes[id].span.clone();
    let Some(key) = tree.text(id) else {
        return Some(
            Diagnostic::error("a key must be plain text, not a list or mapping")
                .at(Some(span))
                .help("write `key: value`, with the key as a word"),
        );
    };
    if key == "<<" && matches!(tree.nodes[id].kind, Kind::Scalar { plain: true, .. }) {
        return Some(
            Diagnostic::error("merge keys (`<<`) are not supported")
                .at(Some(span))
                .help("write the keys out in this mapping instead of merging an anchor"),
        );
    }
    if !seen.insert(key.to_owned()) {
        return Some(
            Diagnostic::error(format!("duplicate field `{key}`"))
                .at(Some(span))
                .help(format!("keep only one `{key}` in this mapping")),
        );
    }
    None
}

/// The length of a quoted scalar that starts `line`, up to its closing quote
/// (`''` inside single quotes is an escaped quote, not the end).
fn closing_quote(line: &str, quote: char, escape: Option<char>) -> Option<usize> {
    let mut chars = line.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        if Some(c) == escape {
            chars.next();
        } else if c == quote {
            if escape.is_none() && chars.peek().is_some_and(|&(_, next)| next == quote) {
                chars.next();
            } else {
                return Some(at + c.len_utf8());
            }
        }
    }
    None
}
