//! The keys the format allows at each place, read off the JSON Schema.
//!
//! The schema that `resumec schema` prints is the single description of the
//! format; "did you mean" suggestions come from it, so they can never drift
//! from the types.

use std::sync::OnceLock;

use serde_json::Value;

use super::types::Resume;

/// The JSON Schema of `resume.yaml`.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Resume).to_value())
}

/// The keys a mapping at `path` may hold (empty when the path is not a mapping).
pub fn known_keys(path: &[String]) -> Vec<String> {
    let root = schema();
    let mut node = resolve(root, root);
    for segment in path {
        let next = if segment.parse::<usize>().is_ok() {
            node.get("items")
        } else {
            node.get("properties")
                .and_then(|properties| properties.get(segment))
        };
        match next {
            Some(next) => node = resolve(root, next),
            None => return Vec::new(),
        }
    }
    node.get("properties")
        .and_then(Value::as_object)
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

/// Follows `$ref`s and picks the structured alternative of an `anyOf`.
fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    loop {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let name = reference.trim_start_matches("#/$defs/");
            match root.get("$defs").and_then(|defs| defs.get(name)) {
                Some(target) => node = target,
                None => return node,
            }
        } else if let Some(alternatives) = node.get("anyOf").and_then(Value::as_array) {
            match alternatives.iter().find(|alternative| {
                let alternative = resolve(root, alternative);
                alternative.get("properties").is_some() || alternative.get("items").is_some()
            }) {
                Some(alternative) => node = alternative,
                None => return node,
            }
        } else {
            return node;
        }
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

    fn path(segments: &[&str]) -> Vec<String> {
        segments.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_keys_at_every_depth() {
        assert!(known_keys(&[]).contains(&"experience".to_owned()));
        assert!(known_keys(&path(&["basics"])).contains(&"email".to_owned()));
        let bullet = known_keys(&path(&["experience", "0", "groups", "1", "bullets", "2"]));
        assert_eq!(bullet, ["priority", "tags", "text"]);
    }

    #[test]
    fn suggests_close_keys_only() {
        let known = known_keys(&[]);
        assert_eq!(
            did_you_mean("experiance", &known).as_deref(),
            Some("experience")
        );
        assert_eq!(did_you_mean("zzz", &known), None);
    }
}
