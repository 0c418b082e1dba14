//! `resumec schema`: the JSON Schema of resume.yaml, for editor autocompletion.

use std::process::ExitCode;

use resumec::model::schema_keys::schema;

pub fn schema_command() -> ExitCode {
    let text = serde_json::to_string_pretty(schema()).expect("the schema serializes");
    println!("{text}");
    ExitCode::SUCCESS
}
