//! The résumé model: its types, how it is loaded from YAML and validated.

pub mod date;
pub mod inline;
pub mod load;
pub mod schema_keys;
pub mod types;
pub mod validate;
