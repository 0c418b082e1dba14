//! Brings a JSON Resume document as people really write it to the shape of
//! schema v1.0.0 before it is read, noting every change.
//!
//! Many documents predate v1.0.0 and use its older field names (`company`
//! and `website` for a job, `picture` for a photo, `gpa` for a score); those
//! are renamed. Others hold a number where the schema wants text (`"gpa":
//! 3.8`), one string where it wants a list, `null` for "nothing", or control
//! characters that résumé text cannot hold. Each is mended here, and each
//! mend is a [`Loss`]-shaped note, so nothing changes silently. Working on the
//! untyped JSON value keeps the typed reader strict and simple.

use serde_json::{Map, Value};

use super::Loss;

/// Older or variant names, per section, with the v1.0.0 name each stands for.
const ALIASES: &[(&str, &[(&str, &str)])] = &[
    ("basics", &[("website", "url"), ("picture", "image")]),
    (
        "work",
        &[
            ("company", "name"),
            ("organization", "name"),
            ("website", "url"),
        ],
    ),
    (
        "volunteer",
        &[("company", "organization"), ("website", "url")],
    ),
    ("education", &[("gpa", "score")]),
    ("publications", &[("website", "url")]),
    ("awards", &[("name", "title")]),
    ("certificates", &[("title", "name"), ("website", "url")]),
    ("projects", &[("website", "url"), ("company", "entity")]),
];

/// Fields the schema types as text (keys it does not define are left as
/// they are, to be reported as lost).
const TEXT_FIELDS: &[&str] = &[
    "name",
    "label",
    "image",
    "email",
    "phone",
    "url",
    "summary",
    "address",
    "postalCode",
    "city",
    "countryCode",
    "region",
    "network",
    "username",
    "location",
    "description",
    "position",
    "startDate",
    "endDate",
    "organization",
    "institution",
    "area",
    "studyType",
    "score",
    "title",
    "date",
    "awarder",
    "issuer",
    "publisher",
    "releaseDate",
    "level",
    "language",
    "fluency",
    "reference",
    "entity",
    "type",
];

/// Fields the schema types as lists of strings.
const STRING_LISTS: &[&str] = &["highlights", "keywords", "courses", "roles"];

/// What normalizing found: changes that keep the content (`notes`) and
/// content that had to go (`losses`).
#[derive(Debug, Default)]
pub struct Mended {
    pub notes: Vec<Loss>,
    pub losses: Vec<Loss>,
}

/// Normalizes `document` in place.
pub fn normalize(document: &mut Value) -> Mended {
    let mut mended = Mended::default();
    let Value::Object(sections) = document else {
        return mended;
    };
    for (section, aliases) in ALIASES {
        match sections.get_mut(*section) {
            Some(Value::Object(object)) => rename(section, object, aliases, &mut mended),
            Some(Value::Array(items)) => {
                for (i, item) in items.iter_mut().enumerate() {
                    if let Value::Object(object) = item {
                        rename(&format!("{section}[{i}]"), object, aliases, &mut mended);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(Value::Object(basics)) = sections.get_mut("basics")
        && let Some(Value::String(place)) = basics.get("location")
    {
        let place = place.clone();
        mended.note("basics.location", "a plain string; read as its address");
        basics.insert(
            "location".to_owned(),
            Value::Object(Map::from_iter([(
                "address".to_owned(),
                Value::String(place),
            )])),
        );
    }
    for (key, value) in sections.iter_mut() {
        mend(key, key, value, &mut mended);
    }
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

/// Renames older keys of one object to their v1.0.0 names.
fn rename(
    field: &str,
    object: &mut Map<String, Value>,
    aliases: &[(&str, &str)],
    mended: &mut Mended,
) {
    for (old, new) in aliases {
        let Some(value) = object.remove(*old) else {
            continue;
        };
        let present = |v: &Value| !matches!(v, Value::Null) && v != &Value::String(String::new());
        match object.get(*new) {
            Some(current) if present(current) => {
                if present(&value) && &value != current {
                    mended.losses.push(Loss {
                        field: format!("{field}.{old}"),
                        reason: format!(
                            "an older name of `{new}`, which is also given; `{new}` is kept"
                        ),
                    });
                }
            }
            _ => {
                mended.note(
                    format!("{field}.{old}"),
                    format!("the older name of `{new}`; read as `{new}`"),
                );
                object.insert((*new).to_owned(), value);
            }
        }
    }
}

/// Mends the values under `key` (at `path`) that the typed reader would refuse.
fn mend(path: &str, key: &str, value: &mut Value, mended: &mut Mended) {
    match value {
        Value::Object(object) => {
            object.retain(|_, v| !v.is_null());
            for (child, v) in object.iter_mut() {
                mend(&format!("{path}.{child}"), child, v, mended);
            }
        }
        Value::Array(items) => {
            items.retain(|v| !v.is_null());
            for (i, v) in items.iter_mut().enumerate() {
                mend(&format!("{path}[{i}]"), key, v, mended);
            }
        }
        Value::String(text) if STRING_LISTS.contains(&key) && !path.ends_with(']') => {
            mended.note(
                path,
                "one string where a list is expected; read as a list of one",
            );
            let mut item = Value::String(std::mem::take(text));
            mend(&format!("{path}[0]"), key, &mut item, mended);
            *value = Value::Array(vec![item]);
        }
        Value::String(text) => {
            if let Some(clean) = without_control_characters(text) {
                mended.note(path, "control characters removed");
                *text = clean;
            }
        }
        Value::Number(_) | Value::Bool(_) if TEXT_FIELDS.contains(&key) => {
            mended.note(path, format!("`{value}` is not a string; read as text"));
            *value = Value::String(value.to_string());
        }
        _ => {}
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
}
