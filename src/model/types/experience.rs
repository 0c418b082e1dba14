//! Jobs, the groups of bullets within them, and bullets, which are written
//! as a plain string unless they carry tags or a priority.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, de};

use super::Text;
use crate::model::date::{Date, EndDate};

/// One job.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Job {
    /// The employer.
    #[schemars(with = "Text")]
    pub company: String,
    /// Your title there.
    #[schemars(with = "Text")]
    pub title: String,
    /// Where the job was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub location: Option<String>,
    /// When it began: `YYYY-MM`, or `YYYY` for the year alone. A job
    /// without one is kept, with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// When it ended: `YYYY-MM`, `YYYY`, or `present`. A job without one
    /// is kept, with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EndDate>,
    /// One line about the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub summary: Option<String>,
    /// The work, grouped by project or area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
}

/// A group of bullets within a job: one project or area of work.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Group {
    /// The project or area, e.g. `Subscription billing platform`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub name: Option<String>,
    /// What you did: a string, or `{text, tags, priority}`.
    #[serde(default)]
    pub bullets: Vec<Bullet>,
    /// Technologies used, shown as a quiet line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Text>")]
    pub technologies: Vec<String>,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
}

/// One bullet: plain text, or text with tags and a priority.
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet {
    /// The bullet's text; `**bold**`, `*italic*`, `` `code` `` and `[links](https://…)` allowed.
    pub text: String,
    /// Tags that variants keep or drop.
    pub tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    pub priority: Option<u8>,
}

/// The full form of a bullet, used when it is written as a mapping.
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct BulletFields {
    /// The bullet's text; `**bold**`, `*italic*`, `` `code` `` and `[links](https://…)` allowed.
    #[schemars(with = "Text")]
    text: String,
    /// Tags that variants keep or drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    /// Higher is more important; page fitting drops low priorities first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    priority: Option<u8>,
}

/// A bullet is written back the way it is usually written: a plain string
/// unless it carries tags or a priority.
impl Serialize for Bullet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.tags.is_empty() && self.priority.is_none() {
            serializer.serialize_str(&self.text)
        } else {
            BulletFields {
                text: self.text.clone(),
                tags: self.tags.clone(),
                priority: self.priority,
            }
            .serialize(serializer)
        }
    }
}

impl JsonSchema for Bullet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Bullet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let text = generator.subschema_for::<Text>();
        let full = generator.subschema_for::<BulletFields>();
        schemars::json_schema!({
            "description": "One bullet: its text (one, or one per language), or a mapping \
                            with `text`, `tags` and `priority`.",
            "anyOf": [text, full],
        })
    }
}

impl<'de> Deserialize<'de> for Bullet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BulletVisitor;

        impl<'de> de::Visitor<'de> for BulletVisitor {
            type Value = Bullet;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a bullet: a string, or a mapping with `text`, `tags` and `priority`")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Bullet, E> {
                Ok(Bullet {
                    text: text.to_owned(),
                    tags: Vec::new(),
                    priority: None,
                })
            }

            fn visit_map<M: de::MapAccess<'de>>(self, map: M) -> Result<Bullet, M::Error> {
                let fields = BulletFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Bullet {
                    text: fields.text,
                    tags: fields.tags,
                    priority: fields.priority,
                })
            }
        }

        deserializer.deserialize_any(BulletVisitor)
    }
}
