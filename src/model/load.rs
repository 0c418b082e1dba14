//! Loading `resume.yaml`: the only module that parses (or writes) YAML.
//!
//! serde_yaml builds the typed model and locates what it rejects itself
//! (syntax, types, missing fields, bad dates). A second pass over the YAML
//! events records where every value sits (`SpanIndex`), so that the checks
//! that come later — unknown keys, cross-field rules — can point at lines too.
//! Unknown keys are collected with serde_ignored rather than refused by
//! serde, so all of them are reported at once. serde_yaml is archived
//! upstream: swapping it means changing this file only, which is why
//! [`to_yaml`], used by `resumec import`, lives here too.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use yaml_rust2::parser::{Event, Parser};

use super::schema_keys::{did_you_mean, known_keys};
use super::types::{Resume, Section};
use crate::diagnostic::{Diagnostic, byte_offset, line_column_offset, line_starts};

/// Files larger than this are refused before parsing: a résumé is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// A résumé read from disk, with its text kept for diagnostics.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// The name diagnostics show for this file.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }
}

/// Why a résumé could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all (missing, a directory, unreadable).
    Io { path: PathBuf, message: String },
    /// The file was read but is not a valid résumé; `source.text` may be lossy.
    Invalid {
        source: Source,
        diagnostics: Vec<Diagnostic>,
    },
}

/// A loaded résumé: the model, its source and where each value is.
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub resume: Resume,
    pub spans: SpanIndex,
    /// Problems that do not stop loading (unknown keys are errors, so this is
    /// empty unless the file is otherwise sound).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and parses a résumé file.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let io_error = |message: String| LoadError::Io {
        path: path.to_owned(),
        message,
    };
    if path.is_dir() {
        return Err(io_error(format!(
            "{} is a directory; give the path of a résumé file such as resume.yaml",
            path.display()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        io_error(match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "{} not found; create one with `resumec new {}`",
                path.display(),
                path.display()
            ),
            _ => format!("cannot read {}: {e}", path.display()),
        })
    })?;
    load_bytes(path, bytes)
}

/// Parses a résumé from bytes; `path` is only used in messages.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    let invalid = |text: String, diagnostic: Diagnostic| LoadError::Invalid {
        source: Source {
            path: path.to_owned(),
            text,
        },
        diagnostics: vec![diagnostic],
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(invalid(
            String::new(),
            Diagnostic::error(format!(
                "the file is {} bytes; résumés larger than {} bytes are refused",
                bytes.len(),
                MAX_FILE_BYTES
            )),
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            return Err(invalid(
                text,
                Diagnostic::error("the file is not valid UTF-8")
                    .at(Some(offset..offset + 1))
                    .help("save the file as UTF-8 in your editor"),
            ));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    let source = Source {
        path: path.to_owned(),
        text,
    };
    match parse(&source.text) {
        Ok((resume, spans, diagnostics)) => Ok(Loaded {
            source,
            resume,
            spans,
            diagnostics,
        }),
        Err(diagnostics) => Err(LoadError::Invalid {
            source,
            diagnostics,
        }),
    }
}

/// A résumé as resume.yaml text, in the model's field order.
pub fn to_yaml(resume: &Resume) -> String {
    serde_yaml::to_string(resume).expect("the résumé model always serializes")
}

type Parsed = (Resume, SpanIndex, Vec<Diagnostic>);

fn parse(text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    if text.trim().is_empty() || is_only_comments(text) {
        // Located at its start, like every other refusal.
        return Err(vec![
            Diagnostic::error("the résumé is empty")
                .at(Some(0..0))
                .help("start with `basics:` and your `name:`; `resumec new` writes a starter file"),
        ]);
    }
    if let Some(offset) = too_deep(text) {
        return Err(vec![
            Diagnostic::error(format!("the document nests deeper than {MAX_DEPTH} levels"))
                .at(Some(offset..line_end(text, offset)))
                .help("a résumé needs only a few levels of nesting"),
        ]);
    }
    let mut unknown = Vec::new();
    let deserializer = serde_yaml::Deserializer::from_str(text);
    let parsed: Result<Resume, _> = serde_ignored::deserialize(deserializer, |path| {
        unknown.push(path_segments(&path));
    });
    let mut resume = parsed.map_err(|e| vec![serde_error(text, &e)])?;
    // serde_yaml accepted the document, so it is well-formed and of bounded
    // depth; indexing it again cannot fail in ways serde_yaml did not report.
    let spans = SpanIndex::build(text);
    let diagnostics: Vec<Diagnostic> = unknown
        .iter()
        .map(|path| unknown_key(path, &spans))
        .collect();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    resume.section_order = spans
        .top_level_keys
        .iter()
        .filter_map(|key| Section::from_key(key))
        .collect();
    Ok((resume, spans, Vec::new()))
}

/// Deeper nesting than any résumé needs; the YAML parser is slow on absurd depths.
const MAX_DEPTH: usize = 64;

/// The offset where flow collections (`[`, `{`) first nest deeper than
/// `MAX_DEPTH`, skipping quoted text and comments: a cheap guard that runs
/// before the parser sees the document.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut previous = '\n';
    let mut chars = text.char_indices();
    while let Some((offset, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if previous.is_whitespace() || "[{,:".contains(previous) => {
                quote = Some(c)
            }
            (None, '#') if previous.is_whitespace() => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(offset);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    None
}

fn is_only_comments(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---")
}

fn path_segments(path: &serde_ignored::Path) -> Vec<String> {
    use serde_ignored::Path as P;
    match path {
        P::Root => Vec::new(),
        P::Seq { parent, index } => {
            let mut segments = path_segments(parent);
            segments.push(index.to_string());
            segments
        }
        P::Map { parent, key } => {
            let mut segments = path_segments(parent);
            segments.push(key.clone());
            segments
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            path_segments(parent)
        }
    }
}

fn unknown_key(path: &[String], spans: &SpanIndex) -> Diagnostic {
    let key = path.last().map(String::as_str).unwrap_or_default();
    let parent = &path[..path.len().saturating_sub(1)];
    let known = known_keys(parent);
    let diagnostic = Diagnostic::error(format!("unknown field `{key}`")).at(spans.key(path));
    match did_you_mean(key, &known) {
        Some(suggestion) => diagnostic.help(format!("did you mean `{suggestion}`?")),
        None if known.is_empty() => diagnostic.help("remove it"),
        None => diagnostic.help(format!("expected one of: {}", known.join(", "))),
    }
}

/// Turns a serde_yaml error into a located diagnostic with a hint.
fn serde_error(text: &str, error: &serde_yaml::Error) -> Diagnostic {
    let full = error.to_string();
    // "X at line L column C[, while scanning Y at line L2 column C2]": the
    // caret shows the location, and the start of Y is where the fix goes.
    let (problem, context) = match full.split_once(", while ") {
        Some((problem, context)) => (problem, Some(context)),
        None => (full.as_str(), None),
    };
    let (problem, _) = split_location(problem);
    let mut span = error
        .location()
        .map(|location| location.index().min(text.len()));
    let mut message = problem.to_owned();
    if let Some(context) = context {
        let (context, at) = split_location(context);
        message = format!("{problem} while {context}");
        span = at
            .map(|(line, column)| line_column_offset(text, line, column))
            .or(span);
    }
    let duplicate = message.split_once("duplicate field `").map(|(_, key)| key);
    if let (Some(start), Some(key)) = (span, duplicate) {
        // serde points at the mapping; the second occurrence is the duplicate.
        let key = format!("{}:", key.trim_end_matches('`'));
        span = text[start..]
            .match_indices(&key)
            .nth(1)
            .map(|(n, _)| start + n)
            .or(span);
    } else if let (Some(start), Some(value)) = (span, quoted_value(&message)) {
        // Errors raised by a field's own parser point at the enclosing
        // mapping; point at the offending value instead when it is nearby.
        span = text[start..].find(value).map(|n| start + n).or(span);
    }
    let (message, help) = explain(&message);
    let diagnostic = Diagnostic::error(message).at(span.map(|start| start..line_end(text, start)));
    match help {
        Some(help) => diagnostic.help(help),
        None => diagnostic,
    }
}

/// Splits "message at line L column C" into the message and (L, C).
fn split_location(text: &str) -> (&str, Option<(usize, usize)>) {
    let Some(at) = text.rfind(" at line ") else {
        return (text, None);
    };
    let mut numbers = text[at + " at line ".len()..]
        .split(" column ")
        .map(|n| n.trim().parse::<usize>().ok());
    match (numbers.next().flatten(), numbers.next().flatten()) {
        (Some(line), Some(column)) => (&text[..at], Some((line, column))),
        _ => (text, None),
    }
}

/// The first `backticked` value in a message, e.g. the date in "invalid month 13 in `2020-13`".
fn quoted_value(message: &str) -> Option<&str> {
    let start = message.find(" in `")? + " in `".len();
    let len = message[start..].find('`')?;
    (len > 0).then(|| &message[start..start + len])
}

/// Rewords serde's messages for people who write YAML, not Rust.
fn explain(message: &str) -> (String, Option<String>) {
    let message = message.trim_start_matches(". ").to_owned();
    if message.contains("expected struct Resume") {
        return (
            "the résumé must be a mapping of sections".to_owned(),
            Some("start the file with `basics:` and your `name:`".to_owned()),
        );
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return (message.clone(), Some(format!("add {field} to this entry")));
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return (
            message.clone(),
            Some(format!("keep only one {field} in this mapping")),
        );
    }
    if message.contains("recursion limit exceeded") {
        return (
            "the document nests too deeply".to_owned(),
            Some("a résumé needs only a few levels of nesting".to_owned()),
        );
    }
    if message.contains("repetition limit exceeded") {
        return (
            "the document expands too many aliases".to_owned(),
            Some("write the values out instead of repeating anchors".to_owned()),
        );
    }
    if message.contains("invalid type: map, expected a string") {
        return (
            message.clone(),
            Some(
                "put the text in quotes: an unquoted `: ` inside text starts a mapping".to_owned(),
            ),
        );
    }
    if message.contains("invalid type: sequence, expected a string") {
        return (
            message.clone(),
            Some("write one string here, not a list".to_owned()),
        );
    }
    if message.starts_with("invalid type") && message.contains("expected a sequence") {
        return (
            message.clone(),
            Some("write a list here, one `- item` per line".to_owned()),
        );
    }
    if message.contains("while scanning a quoted scalar") {
        return (
            message.clone(),
            Some("close the quote that starts here".to_owned()),
        );
    }
    if message.starts_with("unknown variant") {
        return (message.replace("unknown variant", "unknown value"), None);
    }
    (message, None)
}

fn line_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |n| start + n)
        .max(start)
}

/// Where each value of the document is: its key's span and its value's span.
#[derive(Debug, Default)]
pub struct SpanIndex {
    entries: BTreeMap<Vec<String>, Spans>,
    /// The document's top-level keys in the order they are written.
    pub top_level_keys: Vec<String>,
}

#[derive(Debug, Clone)]
struct Spans {
    key: Option<Range<usize>>,
    value: Range<usize>,
}

enum Frame {
    Mapping {
        path: Vec<String>,
        pending_key: Option<(String, Range<usize>)>,
    },
    Sequence {
        path: Vec<String>,
        next: usize,
    },
}

impl SpanIndex {
    /// The span of the value at `path` (keys and sequence indices).
    pub fn value(&self, path: &[impl AsRef<str>]) -> Option<Range<usize>> {
        self.entries
            .get(&owned(path))
            .map(|spans| spans.value.clone())
    }

    /// The span of the key of the value at `path`, else of the value.
    pub fn key(&self, path: &[impl AsRef<str>]) -> Option<Range<usize>> {
        let spans = self.entries.get(&owned(path))?;
        Some(spans.key.clone().unwrap_or_else(|| spans.value.clone()))
    }

    fn build(text: &str) -> Self {
        let mut index = SpanIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let line_starts = line_starts(text);
        let mut parser = Parser::new_from_str(text);
        while let Ok((event, marker)) = parser.next_token() {
            let start = byte_offset(text, &line_starts, marker.line(), marker.col());
            match event {
                Event::StreamEnd => break,
                Event::Scalar(value, ..) => {
                    let end = (start + value.len()).min(line_end(text, start));
                    index.record(&mut stack, start..end.max(start), Some(value));
                }
                Event::Alias(_) => {
                    index.record(&mut stack, start..line_end(text, start), None);
                }
                Event::MappingStart(..) => {
                    let path = index.record(&mut stack, start..line_end(text, start), None);
                    stack.push(Frame::Mapping {
                        path,
                        pending_key: None,
                    });
                }
                Event::SequenceStart(..) => {
                    let path = index.record(&mut stack, start..line_end(text, start), None);
                    stack.push(Frame::Sequence { path, next: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        index
    }

    /// Records a node; returns its path. A scalar in key position becomes the pending key.
    fn record(
        &mut self,
        stack: &mut [Frame],
        span: Range<usize>,
        scalar: Option<String>,
    ) -> Vec<String> {
        let (path, key) = match stack.last_mut() {
            None => (Vec::new(), None),
            Some(Frame::Sequence { path, next }) => {
                let mut child = path.clone();
                child.push(next.to_string());
                *next += 1;
                (child, None)
            }
            Some(Frame::Mapping { path, pending_key }) => match pending_key.take() {
                None => {
                    *pending_key = Some((scalar.unwrap_or_default(), span));
                    return Vec::new();
                }
                Some((key, key_span)) => {
                    let mut child = path.clone();
                    child.push(key);
                    (child, Some(key_span))
                }
            },
        };
        if path.len() == 1 && key.is_some() {
            self.top_level_keys.push(path[0].clone());
        }
        self.entries
            .entry(path.clone())
            .or_insert(Spans { key, value: span });
        path
    }
}

fn owned(path: &[impl AsRef<str>]) -> Vec<String> {
    path.iter()
        .map(|segment| segment.as_ref().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Loaded, Vec<Diagnostic>> {
        load_bytes(Path::new("test.yaml"), text.as_bytes().to_vec()).map_err(|e| match e {
            LoadError::Invalid { diagnostics, .. } => diagnostics,
            LoadError::Io { message, .. } => panic!("{message}"),
        })
    }

    #[test]
    fn indexes_nested_values() {
        let text =
            "# résumé — ünïcode\nbasics:\n  name: Ada\nexperience:\n  - company: X\n    title: Y\n";
        let spans = SpanIndex::build(text);
        assert_eq!(&text[spans.value(&["basics", "name"]).unwrap()], "Ada");
        assert_eq!(
            &text[spans.key(&["experience", "0", "title"]).unwrap()],
            "title"
        );
        assert_eq!(spans.top_level_keys, ["basics", "experience"]);
    }

    #[test]
    fn reports_every_unknown_key_with_a_suggestion() {
        let errors = load("basics:\n  nmae: Ada\n  name: Ada\nexperiance: []\n").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `name`?"));
        assert_eq!(
            errors[1].help.as_deref(),
            Some("did you mean `experience`?")
        );
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let loaded = load("\u{feff}basics:\r\n  name: Ada\r\n").unwrap();
        assert_eq!(loaded.resume.basics.name, "Ada");
    }

    #[test]
    fn refuses_non_mappings() {
        let errors = load("- just\n- a list\n").unwrap_err();
        assert!(errors[0].message.contains("mapping"), "{:?}", errors[0]);
    }

    #[test]
    fn keeps_section_order() {
        let loaded = load("basics: {name: A}\nskills: []\nsummary: Hi\n").unwrap();
        assert_eq!(
            loaded.resume.section_order,
            [Section::Skills, Section::Summary]
        );
    }
}
