//! Brings a JSON Resume document as people really write it to the shape of
//! schema v1.0.0 before it is read, noting every change.
//!
//! Many documents predate v1.0.0 and use its older field names (`company`
//! and `website` for a job, `picture` for a photo, `gpa` for a score), or
//! borrow another section's (`name` and `level` for a language); those are
//! renamed. Others hold a number where the schema wants text (`"gpa": 3.8`,
//! a number among `highlights`), one value where it wants a list, `null`
//! for "nothing", or control characters that résumé text cannot hold. Each
//! is mended here, position by position along the schema's [`shape`], and
//! each mend is a [`Loss`]-shaped note with its path, so nothing changes
//! silently. Working on the untyped JSON value keeps the typed reader strict
//! and simple.

mod shape;

use serde_json::{Map, Value};

use super::Loss;
use shape::{DOCUMENT, Fields, Shape};

/// What normalizing found: changes that keep the content (`notes`) and
/// content that had to go (`losses`).
#[derive(Debug, Default)]
pub struct Mended {
    pub notes: Vec<Loss>,
    pub losses: Vec<Loss>,
}

/// Normalizes `document` in place, along the schema's [`shape`].
pub fn normalize(document: &mut Value) -> Mended {
    let mut mended = Mended::default();
    move_profiles_into_basics(document, &mut mended);
    mend("", document, &DOCUMENT, &mut mended);
    mended
}

impl Mended {
    fn note(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.notes.push(Loss {
            field: field.into(),
            reason: reason.into(),
        });
    }
}

/// `profiles` written beside `basics` instead of inside it is read as
/// `basics.profiles` (when basics has none of its own).
fn move_profiles_into_basics(document: &mut Value, mended: &mut Mended) {
    let Value::Object(sections) = document else {
        return;
    };
    let has_own = |basics: &Value| basics.get("profiles").is_some_and(|p| !p.is_null());
    if sections.get("basics").is_some_and(has_own) {
        return;
    }
    let Some(profiles) = sections.remove("profiles") else {
        return;
    };
    let basics = sections
        .entry("basics")
        .or_insert_with(|| Value::Object(Map::new()));
    match basics {
        Value::Object(basics) => {
            basics.insert("profiles".to_owned(), profiles);
            mended.note("profiles", "outside `basics`; read as `basics.profiles`");
        }
        _ => {
            sections.insert("profiles".to_owned(), profiles);
        }
    }
}

/// Mends the value at `path`, which the schema wants to have `shape`: every
/// change the typed reader would otherwise refuse, noted. A value that
/// cannot be mended is left for the reader to refuse, naming its path.
fn mend(path: &str, value: &mut Value, shape: &Shape, mended: &mut Mended) {
    match (shape, value) {
        (Shape::Text, Value::String(text)) => {
            if let Some(clean) = without_control_characters(text) {
                mended.note(path, "control characters removed");
                *text = clean;
            }
        }
        (Shape::Text, value @ (Value::Number(_) | Value::Bool(_))) => {
            mended.note(path, format!("`{value}` is not a string; read as text"));
            *value = Value::String(value.to_string());
        }
        (Shape::List(item), Value::Array(items)) => {
            items.retain(|v| !v.is_null());
            for (i, v) in items.iter_mut().enumerate() {
                mend(&format!("{path}[{i}]"), v, item, mended);
            }
        }
        (Shape::List(item), value) if fits_as_one(item, value) => {
            mended.note(
                path,
                "one value where a list is expected; read as a list of one",
            );
            *value = Value::Array(vec![value.take()]);
            mend(path, value, shape, mended);
        }
        (Shape::Object(fields), Value::Object(object)) => {
            object.retain(|_, v| !v.is_null());
            rename(path, object, fields, mended);
            for (key, v) in object.iter_mut() {
                if let Some(shape) = fields.shape(key) {
                    mend(&child(path, key), v, shape, mended);
                }
            }
        }
        (Shape::Object(fields), value @ Value::String(_)) if fields.shape("address").is_some() => {
            mended.note(path, "a plain string; read as its address");
            let address = value.take();
            *value = Value::Object(Map::from_iter([("address".to_owned(), address)]));
            mend(path, value, shape, mended);
        }
        _ => {}
    }
}

/// Whether `value`, not a list, can stand as the one item of a list of `item`.
fn fits_as_one(item: &Shape, value: &Value) -> bool {
    match item {
        Shape::Text => matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_)),
        Shape::Object(_) => value.is_object(),
        Shape::List(_) | Shape::Any => false,
    }
}

/// The path of `key` inside the object at `path`.
fn child(path: &str, key: &str) -> String {
    match path.is_empty() {
        true => key.to_owned(),
        false => format!("{path}.{key}"),
    }
}

/// Renames the other names of an object's fields to the schema's.
fn rename(path: &str, object: &mut Map<String, Value>, fields: &Fields, mended: &mut Mended) {
    for (old, new) in fields.aliases {
        let Some(value) = object.remove(*old) else {
            continue;
        };
        let present = |v: &Value| !matches!(v, Value::Null) && v != &Value::String(String::new());
        match object.get(*new) {
            Some(current) if present(current) => {
                if present(&value) && &value != current {
                    mended.losses.push(Loss {
                        field: child(path, old),
                        reason: format!(
                            "another name for `{new}`, which is also given; `{new}` is kept"
                        ),
                    });
                }
            }
            _ => {
                mended.note(
                    child(path, old),
                    format!("an older or alternative name of `{new}`; read as `{new}`"),
                );
                object.insert((*new).to_owned(), value);
            }
        }
    }
}
/// `text` with Windows line ends made `\n` and other control characters
/// (which résumé text cannot hold) removed; `None` when nothing but line ends
/// changed, so that only real removals are reported.
fn without_control_characters(text: &mut String) -> Option<String> {
    if text.contains('\r') {
        *text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    let unwanted = |c: char| c.is_control() && c != '\n' && c != '\t';
    text.contains(unwanted)
        .then(|| text.chars().filter(|&c| !unwanted(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn older_names_are_renamed_and_noted() {
        let mut doc = json!({
            "basics": {"website": "https://a.dev", "picture": ""},
            "work": [{"company": "Acme", "website": "https://acme.com"}],
            "publications": [{"website": "https://p.org", "releaseDate": "2019"}]
        });
        let mended = normalize(&mut doc);
        assert_eq!(doc["basics"]["url"], "https://a.dev");
        assert_eq!(doc["work"][0]["name"], "Acme");
        assert_eq!(doc["work"][0]["url"], "https://acme.com");
        assert_eq!(doc["publications"][0]["url"], "https://p.org");
        let fields: Vec<&str> = mended.notes.iter().map(|n| n.field.as_str()).collect();
        assert!(fields.contains(&"work[0].company"), "{fields:?}");
        assert!(fields.contains(&"basics.picture"), "{fields:?}");
    }

    #[test]
    fn a_clash_keeps_the_current_name_and_reports_the_other() {
        let mut doc = json!({"work": [{"company": "Old", "name": "New"}]});
        let mended = normalize(&mut doc);
        assert_eq!(doc["work"][0]["name"], "New");
        assert_eq!(mended.losses.len(), 1);
        assert_eq!(mended.losses[0].field, "work[0].company");
    }

    #[test]
    fn types_are_mended() {
        let mut doc = json!({
            "basics": {"location": "Berlin", "phone": null},
            "education": [{"gpa": 3.8, "courses": "Compilers"}],
            "work": [{"highlights": ["a\u{0}b", null], "summary": "x\r\ny"}]
        });
        let mended = normalize(&mut doc);
        assert_eq!(doc["basics"]["location"]["address"], "Berlin");
        assert!(doc["basics"].get("phone").is_none());
        assert_eq!(doc["education"][0]["score"], "3.8");
        assert_eq!(doc["education"][0]["courses"], json!(["Compilers"]));
        assert_eq!(doc["work"][0]["highlights"], json!(["ab"]));
        assert_eq!(doc["work"][0]["summary"], "x\ny");
        assert_eq!(mended.notes.len(), 5, "{:?}", mended.notes);
    }

    #[test]
    fn text_is_mended_where_the_schema_wants_text_and_nowhere_else() {
        let mut doc = json!({
            "work": {"name": "Acme", "highlights": ["Cut costs by", 30, false]},
            "meta": {"version": 2},
            "x-custom": {"name": 7}
        });
        let mended = normalize(&mut doc);
        assert_eq!(
            doc["work"][0]["highlights"],
            json!(["Cut costs by", "30", "false"])
        );
        assert_eq!(doc["meta"]["version"], 2);
        assert_eq!(doc["x-custom"]["name"], 7);
        let fields: Vec<&str> = mended.notes.iter().map(|n| n.field.as_str()).collect();
        assert_eq!(
            fields,
            ["work", "work[0].highlights[1]", "work[0].highlights[2]"]
        );
    }
}
