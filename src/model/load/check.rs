//! Every type error, missing field and unknown key of the document at once,
//! found by walking the parsed tree alongside the JSON Schema of the model.
//!
//! serde stops at the first problem; this walk does not, so a file with three
//! typos hears about all three. Messages speak YAML (text, list, mapping) and
//! each is located at the value it is about. A missing required field next
//! to an unknown key that is a near miss of it is reported once, at the typo.

use std::collections::BTreeSet;

use serde_json::Value;

use super::tree::{Kind, NodeId, Shape, Tree};
use crate::diagnostic::Diagnostic;
use crate::model::date::{Date, EndDate};
use crate::model::locale::unknown_code;
use crate::model::schema_keys::{alternatives, did_you_mean, schema};
use crate::model::types::{LOCALE_CODE, TRANSLATIONS};

/// How many nodes more than the document holds the walk may visit through
/// aliases: far more than any résumé reuses, far fewer than an alias bomb.
const ALIAS_BUDGET: usize = 100_000;

/// The schema of a list whose items can be anything.
static ANYTHING: Value = Value::Bool(true);

/// The problems of the document against the model's schema, in walk order.
pub fn check(tree: &Tree) -> Vec<Diagnostic> {
    let root = schema();
    let mut walk = Walk {
        tree,
        root,
        found: Vec::new(),
        budget: tree.nodes.len() + ALIAS_BUDGET,
    };
    if matches!(tree.get(tree.root).kind, Kind::Map(_)) {
        walk.node(tree.root, root);
    } else {
        walk.found.push(
            Diagnostic::error("the résumé must be a mapping of sections")
                .at(Some(tree.nodes[tree.root].span.clone()))
                .help("start the file with `basics:` and your `name:`"),
        );
    }
    walk.found
}

struct Walk<'a> {
    tree: &'a Tree,
    root: &'static Value,
    found: Vec<Diagnostic>,
    budget: usize,
}

impl<'a> Walk<'a> {
    fn node(&mut self, id: NodeId, schema: &'static Value) {
        if !self.spend(id) {
            return;
        }
        // Translation maps are resolved before the check: a text position
        // holds a string or is wrong.
        let alternatives: Vec<_> = alternatives(self.root, schema)
            .into_iter()
            .filter(|&(_, name)| name != Some(TRANSLATIONS))
            .collect();
        let shape = self.tree.shape(id);
        match alternatives.iter().find(|(a, _)| accepts(a, shape)) {
            Some(&(alternative, name)) => self.typed(id, alternative, name),
            None => {
                // Null is always offered where it is allowed: name the rest.
                let mut expected: Vec<&str> = alternatives
                    .iter()
                    .filter(|(a, _)| types(a) != ["null"])
                    .map(|(a, _)| expected(a))
                    .collect();
                expected.dedup();
                self.mismatch(id, shape, &expected.join(" or "))
            }
        }
    }

    /// Counts a visit against the alias budget; false once it has run out
    /// (said once, at the node where it did).
    fn spend(&mut self, id: NodeId) -> bool {
        let Some(left) = self.budget.checked_sub(1) else {
            return false;
        };
        self.budget = left;
        if left == 0 {
            self.error(
                id,
                "the document expands too many aliases".to_owned(),
                "write the values out instead of repeating anchors",
            );
        }
        left > 0
    }

    /// Checks a node against the alternative of its shape (`definition`
    /// names the schema definition it comes from).
    fn typed(&mut self, id: NodeId, schema: &'static Value, definition: Option<&str>) {
        let shape = self.tree.shape(id);
        let tree = self.tree;
        match &tree.get(id).kind {
            Kind::Scalar { text, .. } if shape == Shape::Text => {
                self.scalar(id, text, schema, definition)
            }
            Kind::Seq(items) => {
                let items_schema = schema.get("items").unwrap_or(&ANYTHING);
                for &item in items {
                    self.node(item, items_schema);
                }
            }
            Kind::Map(entries) => self.mapping(id, entries, schema),
            _ => {}
        }
    }

    fn scalar(&mut self, id: NodeId, text: &str, schema: &Value, definition: Option<&str>) {
        // Dates are strings the model parses itself: ask its parser, by the
        // schema name of the type.
        let problem = match definition {
            Some("Date") => Date::parse(text).err(),
            Some("EndDate") => EndDate::parse(text).err(),
            _ => None,
        };
        if let Some(problem) = problem {
            return self
                .found
                .push(Diagnostic::error(problem).at(Some(self.tree.nodes[id].span.clone())));
        }
        if definition == Some(LOCALE_CODE) {
            if crate::model::locale::builtin(text).is_none() {
                let span = self.tree.nodes[id].span.clone();
                self.found.push(unknown_code("locale", text).at(Some(span)));
            }
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            let allowed: Vec<String> = allowed
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            if !allowed.iter().any(|value| value == text) {
                let help = match did_you_mean(text, &allowed) {
                    Some(suggestion) => format!("did you mean `{suggestion}`?"),
                    None => format!("expected one of: {}", allowed.join(", ")),
                };
                return self.error(id, format!("unknown value `{text}`"), &help);
            }
        }
        if types(schema).contains(&"integer") && !types(schema).contains(&"string") {
            let low = schema
                .get("minimum")
                .and_then(Value::as_i64)
                .unwrap_or(i64::MIN);
            let high = schema
                .get("maximum")
                .and_then(Value::as_i64)
                .unwrap_or(i64::MAX);
            if !text
                .trim()
                .trim_start_matches('+')
                .parse::<i64>()
                .is_ok_and(|n| (low..=high).contains(&n))
            {
                let range = if high < i64::MAX {
                    format!(" from {low} to {high}")
                } else {
                    String::new()
                };
                self.error(
                    id,
                    format!("`{text}` is not a whole number{range}"),
                    "write a number such as `3`",
                );
            }
        }
    }

    fn mapping(&mut self, id: NodeId, entries: &'a [(NodeId, NodeId)], schema: &'static Value) {
        let properties = schema.get("properties").and_then(Value::as_object);
        let known: Vec<String> = properties
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        let mut present = BTreeSet::new();
        let mut unknown = Vec::new();
        for &(key, value) in entries {
            let Some(name) = self.tree.text(key) else {
                continue;
            };
            present.insert(name);
            match (
                properties.and_then(|p| p.get(name)),
                schema.get("additionalProperties"),
            ) {
                (Some(property), _) => self.node(value, property),
                (None, Some(Value::Bool(false))) => unknown.push((key, name)),
                (None, Some(other)) => self.node(value, other),
                (None, None) => {}
            }
        }
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|field| !present.contains(field))
            .collect();
        let mut explained = BTreeSet::new();
        for (key, name) in unknown {
            let suggestion = did_you_mean(name, &known);
            let help = match &suggestion {
                Some(s) if missing.contains(&s.as_str()) => {
                    format!("did you mean `{s}`? it is required here")
                }
                Some(s) => format!("did you mean `{s}`?"),
                None if known.is_empty() => "remove it".to_owned(),
                None => format!("expected one of: {}", known.join(", ")),
            };
            explained.extend(suggestion);
            self.error(key, format!("unknown field `{name}`"), &help);
        }
        for field in missing
            .into_iter()
            .filter(|field| !explained.contains(*field))
        {
            self.error(
                id,
                format!("missing field `{field}`"),
                &format!("add `{field}` to this entry"),
            );
        }
    }

    fn mismatch(&mut self, id: NodeId, shape: Shape, expected: &str) {
        let found = match (shape, self.tree.text(id)) {
            (Shape::Null, _) => "nothing (`~` or an empty value)".to_owned(),
            (Shape::Text, Some(text)) => format!("text `{text}`"),
            (Shape::Text, None) => "text".to_owned(),
            (Shape::List, _) => "sequence".to_owned(),
            (Shape::Mapping, _) => "mapping".to_owned(),
        };
        let help = match (shape, expected) {
            (Shape::Null, _) => {
                "write a value here, or remove the key; quote `\"~\"` to mean the character"
            }
            (Shape::Mapping, "a string") => {
                "put the text in quotes: an unquoted `: ` inside text starts a mapping"
            }
            (Shape::List, "a string") => "write one string here, not a list",
            (_, "a list") => "write a list here, one `- item` per line",
            (_, "a mapping") => "write `key: value` lines here, indented under this key",
            _ => "see `resumec schema` for what each field holds",
        };
        self.error(
            id,
            format!("invalid type: {found}, expected {expected}"),
            help,
        );
    }

    fn error(&mut self, id: NodeId, message: String, help: &str) {
        self.found.push(
            Diagnostic::error(message)
                .at(Some(self.tree.nodes[id].span.clone()))
                .help(help),
        );
    }
}

/// The types a schema allows (empty when it does not say).
fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether a node of this shape can be what the schema describes; any
/// scalar can be text, and the scalar checks judge numbers.
pub(super) fn accepts(schema: &Value, shape: Shape) -> bool {
    let types = types(schema);
    types.is_empty()
        || types.iter().any(|t| {
            matches!(
                (shape, *t),
                (Shape::Null, "null")
                    | (Shape::List, "array")
                    | (Shape::Mapping, "object")
                    | (Shape::Text, "string" | "integer" | "number" | "boolean")
            )
        })
}

/// What the schema expects, in YAML words.
fn expected(schema: &Value) -> &'static str {
    match types(schema).iter().find(|t| **t != "null").copied() {
        Some("string") => "a string",
        Some("array") => "a list",
        Some("object") => "a mapping",
        Some("integer" | "number") => "a number",
        Some("boolean") => "true or false",
        _ => "a value",
    }
}
