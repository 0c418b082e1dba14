//! The résumé model: its types, how it is loaded from YAML and validated,
//! and the locales it is printed in.

pub mod date;
pub mod day;
mod design_rules;
pub mod inline;
mod letter_rules;
pub mod load;
pub mod locale;
pub mod schema_keys;
mod slug;
pub mod tags;
pub mod types;
pub mod unfilled;
pub mod validate;

/// The repository's own resume.yaml, loaded, for unit tests.
#[cfg(test)]
pub(crate) fn real_resume() -> types::Resume {
    let yaml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/resume.yaml")).unwrap();
    match load::load_bytes(std::path::Path::new("resume.yaml"), yaml) {
        Ok(loaded) => loaded.resume,
        Err(error) => panic!("resume.yaml does not load: {error:?}"),
    }
}
