//! `resumec schema`: the JSON Schema of resume.yaml, for editor autocompletion.

use resumec::model::schema_keys::schema;

use super::CliError;

pub fn schema_command() -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(schema()).expect("the schema serializes");
    println!("{text}");
    Ok(())
}
