//! What a build is asked to do.

use std::path::PathBuf;
use std::time::Duration;

use crate::model::load::Override;
use crate::model::types::Paper;
use crate::render::layouts::Layouts;
use crate::render::standard::PdfStandard;
use crate::render::{Engine, Format};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out_dir: PathBuf,
    pub formats: Vec<Format>,
    pub layouts: Layouts,
    pub engine: Engine,
    /// `--typst PATH`, when given.
    pub typst: Option<PathBuf>,
    /// How long one typst run may take before it is stopped.
    pub typst_timeout: Duration,
    /// Let a custom typst layout import packages, which typst downloads.
    pub allow_typst_packages: bool,
    /// Variants to apply, in order.
    pub variants: Vec<String>,
    /// Build the full résumé and every declared variant.
    pub all_variants: bool,
    /// Languages to build in, each into its own files; none builds once in
    /// the résumé's locale.
    pub languages: Vec<String>,
    /// Build in every language the résumé is written in.
    pub all_languages: bool,
    /// Write each variant's cover letter beside its résumé.
    pub letters: bool,
    /// Whether the caller will list each item page fitting drops: an
    /// up-to-date build fits nothing, so asking for the list rebuilds.
    pub explain: bool,
    /// Rebuild even when the input, layouts, options and engine are unchanged.
    pub force: bool,
    /// Paper size overriding the résumé's own.
    pub paper: Option<Paper>,
    /// The PDF creation date, `YYYY-MM-DD`.
    pub creation_date: Option<String>,
    /// Standards the PDF must conform to; only the typst engine writes them.
    pub pdf_standards: Vec<PdfStandard>,
    /// `--set` overrides of fields of the résumé.
    pub overrides: Vec<Override>,
}
