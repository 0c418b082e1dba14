//! Text written in several languages: `summary: {en: …, de: …}`.
//!
//! A walk of the parsed tree beside the JSON Schema (as the check does)
//! finds every mapping at a text position (a schema offering
//! [`TRANSLATIONS`]) that reads as a translation map, and replaces it by the
//! text of the language being loaded, keeping that text's span so later
//! diagnostics point at its line. The check, the deserializer and the model
//! then only ever see plain strings. A map without the language falls back
//! to the résumé's `locale` text (else the first one written), with a
//! warning; a key that is no built-in code is an error with "did you mean".

use std::collections::HashSet;

use serde_json::Value;

use super::check::accepts;
use super::tree::{Kind, Node, NodeId, Shape, Tree};
use crate::diagnostic::Diagnostic;
use crate::model::locale::{self, builtin, suggest, unknown_code};
use crate::model::schema_keys::{alternatives, schema};
use crate::model::types::TRANSLATIONS;

/// What resolving the translation maps of a document found.
#[derive(Debug, Default)]
pub(super) struct Resolved {
    /// Missing translations, in file order.
    pub warnings: Vec<Diagnostic>,
    /// Translation maps that cannot be read: unknown codes, values that
    /// are not text, empty maps.
    pub errors: Vec<Diagnostic>,
    /// The file's locale, then every other language a translation map
    /// names, in file order, each once.
    pub languages: Vec<String>,
}

/// The help of an unquoted `key: value` inside text, which YAML reads as a
/// mapping.
pub(super) const QUOTE_HINT: &str =
    "put the text in quotes: an unquoted `: ` inside text starts a mapping";

/// Replaces every translation map at a text position of `tree` by its text
/// in `language`, or in the file's locale when `language` is `None`.
pub(super) fn resolve(tree: &mut Tree, language: Option<&str>) -> Resolved {
    let locale = file_locale(tree);
    let root = schema();
    let mut walk = Walk {
        tree,
        root,
        language: language.unwrap_or(&locale),
        locale: &locale,
        visited: HashSet::new(),
        replacements: Vec::new(),
        named: Vec::new(),
        found: Resolved::default(),
    };
    walk.node(tree.root, root, Field::TOP);
    let Walk {
        replacements,
        mut named,
        mut found,
        ..
    } = walk;
    for (id, node) in replacements {
        tree.nodes[id] = node;
    }
    named.sort_by_key(|&(at, _)| at);
    found.languages.push(locale.clone());
    for (_, code) in named {
        if !found.languages.contains(&code) {
            found.languages.push(code);
        }
    }
    found
        .warnings
        .sort_by_key(|d| d.span.as_ref().map_or(0, |span| span.start));
    found
}

/// Whether the node is a mapping from built-in language codes, at least
/// one, to whatever: text written per language, wherever it is.
pub(super) fn is_translation_map(tree: &Tree, id: NodeId) -> bool {
    match &tree.get(id).kind {
        Kind::Map(entries) => {
            !entries.is_empty()
                && entries
                    .iter()
                    .all(|&(key, _)| tree.text(key).is_some_and(|code| builtin(code).is_some()))
        }
        _ => false,
    }
}

/// The code the file's top-level `locale:` names, else the default.
fn file_locale(tree: &Tree) -> String {
    let written = match &tree.get(tree.root).kind {
        Kind::Map(entries) => entries
            .iter()
            .find(|&&(key, _)| tree.text(key) == Some("locale"))
            .filter(|&&(_, value)| !tree.is_null(value))
            .and_then(|&(_, value)| tree.text(value)),
        _ => None,
    };
    written.unwrap_or(locale::DEFAULT).to_owned()
}

/// The field a value belongs to, for messages: its key, and whether the
/// value is an item of the list under that key.
#[derive(Clone, Copy)]
struct Field<'a> {
    key: &'a str,
    item: bool,
}

impl Field<'_> {
    const TOP: Field<'static> = Field {
        key: "résumé",
        item: false,
    };

    fn describe(self) -> String {
        if self.item {
            format!("this item of `{}`", self.key)
        } else {
            format!("this `{}`", self.key)
        }
    }
}

struct Walk<'a> {
    tree: &'a Tree,
    root: &'static Value,
    language: &'a str,
    locale: &'a str,
    /// Nodes already walked with a schema: an alias is walked once.
    visited: HashSet<(NodeId, *const Value)>,
    replacements: Vec<(NodeId, Node)>,
    /// Each valid language key, by where it is written.
    named: Vec<(usize, String)>,
    found: Resolved,
}

impl<'a> Walk<'a> {
    fn node(&mut self, id: NodeId, schema: &'static Value, field: Field<'a>) {
        let id = self.tree.target(id);
        if !self.visited.insert((id, schema)) {
            return;
        }
        let alternatives = alternatives(self.root, schema);
        let shape = self.tree.shape(id);
        let text_position = alternatives
            .iter()
            .any(|&(_, name)| name == Some(TRANSLATIONS));
        if shape == Shape::Mapping
            && text_position
            && self.reads_as_translations(id)
            && !self.is_fuller_form(id, &alternatives)
        {
            // Keys that belong to the item's fuller form (a bullet's `tags`).
            let siblings = alternatives
                .iter()
                .filter_map(|(a, _)| a.get("properties")?.as_object())
                .flat_map(|properties| properties.keys().map(String::as_str))
                .collect();
            return self.translate(id, field, siblings);
        }
        let Some(&(schema, _)) = alternatives
            .iter()
            .find(|&&(a, name)| name != Some(TRANSLATIONS) && accepts(a, shape))
        else {
            return;
        };
        match &self.tree.nodes[id].kind {
            Kind::Seq(items) => {
                let Some(items_schema) = schema.get("items") else {
                    return;
                };
                for &item in items {
                    let field = Field {
                        key: field.key,
                        item: true,
                    };
                    self.node(item, items_schema, field);
                }
            }
            Kind::Map(entries) => {
                for &(key, value) in entries {
                    let Some(name) = self.tree.text(key) else {
                        continue;
                    };
                    let property = schema.get("properties").and_then(|p| p.get(name));
                    let other = schema.get("additionalProperties").filter(|s| s.is_object());
                    if let Some(child) = property.or(other) {
                        // The `text` of a bullet is named as the bullet.
                        let field = match name {
                            "text" => field,
                            _ => Field {
                                key: name,
                                item: false,
                            },
                        };
                        self.node(value, child, field);
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether the mapping `id` has every key an object form of this
    /// position requires (a bullet's `text:`): then it is that form, and a
    /// language key in it is an unknown field, not a translation.
    fn is_fuller_form(&self, id: NodeId, alternatives: &[(&Value, Option<&str>)]) -> bool {
        let keys = self.keys(id);
        alternatives
            .iter()
            .filter_map(|(a, _)| a.get("required")?.as_array())
            .any(|required| {
                !required.is_empty()
                    && required
                        .iter()
                        .filter_map(Value::as_str)
                        .all(|name| keys.contains(&name))
            })
    }

    /// Whether a mapping where text belongs means the text in several
    /// languages: some key is a built-in code, or every key is shaped like
    /// one. `- Led team: 5 people` (text with an unquoted `: `) is not.
    fn reads_as_translations(&self, id: NodeId) -> bool {
        let keys = self.keys(id);
        keys.iter().any(|key| builtin(key).is_some()) || keys.iter().all(|key| code_shaped(key))
    }

    /// The keys of the mapping `id` (none for any other node).
    fn keys(&self, id: NodeId) -> Vec<&'a str> {
        match &self.tree.nodes[id].kind {
            Kind::Map(entries) => entries
                .iter()
                .filter_map(|&(key, _)| self.tree.text(key))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Records the replacement of the translation map `id` by its text in
    /// the language being loaded, and what is wrong with the map.
    fn translate(&mut self, id: NodeId, field: Field<'a>, siblings: Vec<&str>) {
        let tree = self.tree;
        let span = tree.nodes[id].span.clone();
        let texts = self.texts(id, &siblings);
        if let Kind::Map(entries) = &tree.nodes[id].kind
            && entries.is_empty()
        {
            self.found.errors.push(
                Diagnostic::error(format!("{} has no text in any language", field.describe()))
                    .at(Some(span.clone()))
                    .help("write the text, or one per language: `{en: …, de: …}`"),
            );
        }
        let chosen = [self.language, self.locale]
            .iter()
            .find_map(|wanted| texts.iter().find(|(code, _)| code == wanted))
            .or(texts.first());
        let Some(&(code, value)) = chosen else {
            // Already refused: an empty text stands in, so the check adds nothing.
            let kind = Kind::Scalar {
                text: String::new(),
                plain: false,
            };
            return self.replacements.push((id, Node { span, kind }));
        };
        if code != self.language {
            self.found.warnings.push(
                Diagnostic::warning(format!(
                    "no `{}` text for {}; the `{code}` text is used",
                    self.language,
                    field.describe()
                ))
                .at(Some(span))
                .help(format!("add `{}: …` to it", self.language)),
            );
        }
        let kind = Kind::Scalar {
            text: tree.text(value).unwrap_or_default().to_owned(),
            plain: matches!(tree.get(value).kind, Kind::Scalar { plain: true, .. }),
        };
        let span = tree.nodes[value].span.clone();
        self.replacements.push((id, Node { span, kind }));
    }

    /// The texts of the translation map `id` by language, in file order;
    /// keys that are no built-in code and values that are not text are
    /// refused.
    fn texts(&mut self, id: NodeId, siblings: &[&str]) -> Vec<(&'a str, NodeId)> {
        let tree = self.tree;
        let Kind::Map(entries) = &tree.nodes[id].kind else {
            return Vec::new();
        };
        let mut texts = Vec::new();
        for &(key, value) in entries {
            let code = tree.text(key).unwrap_or_default();
            let key_span = tree.nodes[key].span.clone();
            if builtin(code).is_none() {
                let mut problem = unknown_code("language", code).at(Some(key_span));
                if siblings.contains(&code) {
                    problem = problem.help(format!(
                        "write the texts under `text:`, as `text: {{en: …, de: …}}`, \
                         with `{code}:` beside `text:`"
                    ));
                } else if entries.len() == 1 {
                    // `- IT: migrated 300 laptops` is most likely one text.
                    let languages = match suggest(code) {
                        Some(known) => format!("a text in {known} is written `{known}: …`"),
                        None => "languages are named by the codes of `resumec locales`".to_owned(),
                    };
                    problem =
                        problem.help(format!("if this is one text, {QUOTE_HINT}; {languages}"));
                }
                self.found.errors.push(problem);
                continue;
            }
            self.named.push((key_span.start, code.to_owned()));
            match self.text_problem(value, code) {
                Some(problem) => self.found.errors.push(problem),
                None => texts.push((code, value)),
            }
        }
        texts
    }

    /// What is wrong with the value of a translation, if anything.
    fn text_problem(&self, value: NodeId, code: &str) -> Option<Diagnostic> {
        let (what, help) = match self.tree.shape(value) {
            Shape::Text => return None,
            Shape::Null => (
                "missing",
                format!("write the `{code}` text after `{code}:`, or remove the line"),
            ),
            Shape::List => (
                "a list, not text",
                "write one text here, not a list".to_owned(),
            ),
            Shape::Mapping => ("a mapping, not text", QUOTE_HINT.to_owned()),
        };
        Some(
            Diagnostic::error(format!("the `{code}` text is {what}"))
                .at(Some(self.tree.nodes[value].span.clone()))
                .help(help),
        )
    }
}

/// Whether `key` is written like a language code: two or three letters,
/// then subtags of two to eight letters or digits (`pt-BR`, `zh_Hant`).
fn code_shaped(key: &str) -> bool {
    let mut parts = key.split(['-', '_']);
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| {
            (2..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}
