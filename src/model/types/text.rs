//! Which fields are text, in the schema: a field marked
//! `#[schemars(with = "Text")]` (or `Option<Text>`, `Vec<Text>`) holds prose
//! or a name that is printed, and may be written once or once per language.
//!
//! The model itself keeps `String`s: the loader replaces every translation
//! map at a text position by the text of the language being built, before
//! the document is checked and deserialized (see `model::load`). Dates,
//! addresses, tags, names resumec looks up and design values are not text.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::model::locale;

/// The schema name of a translation map, by which the loader finds text
/// positions.
pub const TRANSLATIONS: &str = "Translations";

/// The schema name of a built-in locale's code.
pub const LOCALE_CODE: &str = "LocaleCode";

/// A text field: a string, or a map from language code to string.
pub struct Text;

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let translations = generator.subschema_for::<Translations>();
        json_schema!({ "anyOf": [{ "type": "string" }, translations] })
    }
}

/// The same text in several languages.
pub struct Translations;

impl JsonSchema for Translations {
    fn schema_name() -> Cow<'static, str> {
        TRANSLATIONS.into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let code = generator.subschema_for::<LocaleCode>();
        json_schema!({
            "description": "The same text in several languages, by language code: \
                            `{en: …, de: …}`. A build in a language missing here uses \
                            the text of the résumé's `locale`.",
            "type": "object",
            "propertyNames": code,
            "additionalProperties": { "type": "string" },
            "minProperties": 1,
        })
    }
}

/// The code of a built-in locale: one of `resumec locales`.
pub struct LocaleCode;

impl JsonSchema for LocaleCode {
    fn schema_name() -> Cow<'static, str> {
        LOCALE_CODE.into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = locale::codes().collect();
        json_schema!({
            "description": "A built-in locale: one of `resumec locales`.",
            "type": "string",
            "enum": codes,
        })
    }
}
