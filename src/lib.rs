//! resumec: a résumé compiler.
//!
//! `resume.yaml` flows one way: [`model::load`] parses it (the only place
//! YAML is read), [`model::validate`] checks it, [`render::view`] shapes it
//! for display, a [`render::Backend`] turns that into bytes, and
//! [`output`] writes the bytes atomically. [`build`] ties the stages together.

pub mod build;
pub mod cli;
pub mod diagnostic;
pub mod fit;
pub mod interrupt;
pub mod jsonresume;
pub mod lint;
pub mod model;
pub mod output;
pub mod render;
pub mod tailor;
pub mod variant;
