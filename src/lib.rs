//! resumec: a résumé compiler, as a library.
//!
//! `resume.yaml` flows one way through the pipeline:
//!
//! - [`model`]: [`model::load`] parses the YAML (the only place it is read)
//!   into the typed model with the source span of every value, and
//!   [`model::validate`] checks it, reporting every problem as a located
//!   [`diagnostic::Diagnostic`];
//! - [`variant`]: [`variant::apply`] tailors the model, a pure function;
//! - [`fit`]: drops the least important items until the PDF fits a page budget;
//! - [`render`]: [`render::view`] shapes the model for display and a
//!   [`render::Backend`] turns that into the bytes of one format;
//! - [`output`]: stages every file beside its destination and renames all
//!   into place at once;
//! - [`build`]: the stages above in order, returning a [`build::BuildReport`]
//!   of what was done.
//!
//! Beside the pipeline: [`lint`] (what validation lets through but a reader
//! would notice), [`tailor`] (keyword coverage of a job posting),
//! [`jsonresume`] (import and export) and [`hash`] (the stable content hash
//! behind the build stamps and the PDF ids).
//!
//! The library writes nothing to the terminal and knows nothing of the
//! command line: it returns data and typed errors, and the `resumec` binary
//! words them, prints them and chooses the exit status.

pub mod build;
pub mod check;
pub mod diagnostic;
pub mod fit;
pub mod hash;
pub mod interrupt;
pub mod jsonresume;
pub mod lint;
pub mod model;
pub mod output;
pub mod render;
pub mod tailor;
pub mod unicode;
pub mod variant;
