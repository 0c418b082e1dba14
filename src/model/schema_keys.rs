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
    fn suggests_close_keys_only() {
        let known = keys(schema());
        assert_eq!(
            did_you_mean("experiance", &known).as_deref(),
            Some("experience")
        );
        assert_eq!(did_you_mean("zzz", &known), None);
    }
}
