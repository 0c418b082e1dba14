//! The JSON Schema of the format, and "did you mean" for near misses.
//!
//! The schema that `resumec schema` prints is the single description of the
//! format; the loader checks documents against it, so its messages and
//! suggestions can never drift from the types.

use std::sync::OnceLock;

use serde_json::Value;

use super::types::Resume;

/// The JSON Schema of `resume.yaml`.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Resume).to_value())
}

/// Follows a `$ref` to its definition; also returns the definition's name.
pub fn resolve<'a>(root: &'a Value, node: &'a Value) -> (&'a Value, Option<&'a str>) {
    let name = node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix("#/$defs/"));
    match name.and_then(|name| root.get("$defs")?.get(name)) {
        Some(definition) => (definition, name),
        None => (node, None),
    }
}

/// The schemas a node may match, each with the name of the definition it
/// comes from: the `anyOf` alternatives of `node`, nested ones flattened and
/// `$ref`s followed; `node` itself when it has none. An alternative that is
/// not a definition of its own carries the name of the one around it.
pub fn alternatives<'a>(root: &'a Value, node: &'a Value) -> Vec<(&'a Value, Option<&'a str>)> {
    let mut found = Vec::new();
    flatten(root, node, None, &mut found);
    found
}

fn flatten<'a>(
    root: &'a Value,
    node: &'a Value,
    outer: Option<&'a str>,
    found: &mut Vec<(&'a Value, Option<&'a str>)>,
) {
    let (schema, name) = resolve(root, node);
    let name = name.or(outer);
    match schema.get("anyOf").and_then(Value::as_array) {
        Some(alternatives) => {
            for alternative in alternatives {
                flatten(root, alternative, name, found);
            }
        }
        None => found.push((schema, name)),
    }
}

/// The closest known key to a misspelt one, if any is close enough.
pub fn did_you_mean(key: &str, known: &[String]) -> Option<String> {
    known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(key, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(schema: &Value) -> Vec<String> {
        schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    }

    #[test]
    fn resolves_definitions_by_name() {
        let root = schema();
        let (basics, name) = resolve(root, &root["properties"]["basics"]);
        assert_eq!(name, Some("Basics"));
        assert!(keys(basics).contains(&"email".to_owned()));
        assert_eq!(resolve(root, &root["properties"]["about"]).1, None);
    }

    #[test]
    fn flattens_nested_alternatives() {
        let root = schema();
        let summary = alternatives(root, &root["properties"]["summary"]);
        let names: Vec<_> = summary.iter().map(|(_, name)| *name).collect();
        assert_eq!(names, [None, Some("Translations"), None]);
        assert_eq!(summary[2].0["type"], "null");
        let bullet = &root["$defs"]["Group"]["properties"]["bullets"]["items"];
        let names: Vec<_> = alternatives(root, bullet).iter().map(|(_, n)| *n).collect();
        assert_eq!(
            names,
            [Some("Bullet"), Some("Translations"), Some("BulletFields")]
        );
    }

    #[test]
    fn suggests_close_keys_only() {
        let known = keys(schema());
        assert_eq!(
            did_you_mean("experiance", &known).as_deref(),
            Some("experience")
        );
        assert_eq!(did_you_mean("zzz", &known), None);
    }
}
