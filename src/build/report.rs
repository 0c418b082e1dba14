//! What a build did, as data for the caller to word.

use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostic::Diagnostic;
use crate::model::load::Source;
use crate::render::{Fallback, PdfEngine};

/// One file a build wrote.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: usize,
    /// Its page count, for paginated formats.
    pub pages: Option<usize>,
    /// How long it took to render.
    pub elapsed: Duration,
}

/// What page fitting did to one document.
#[derive(Debug)]
pub struct FitReport {
    /// The document's output stem.
    pub stem: String,
    pub max_pages: usize,
    /// Its pages before anything was dropped, and after.
    pub pages_before: usize,
    pub pages: usize,
    pub engine_runs: usize,
    /// What was tightened in the design (spacing, margins, type), one
    /// phrase each, before anything was dropped.
    pub tightened: Vec<String>,
    /// What was dropped, least important first, described for people.
    pub dropped: Vec<String>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub source: Source,
    /// Warnings: they never stop a build.
    pub warnings: Vec<Diagnostic>,
    /// The PDF engine used, when one rendered or counted pages.
    pub engine: Option<PdfEngine>,
    /// Why `--engine auto` fell back to the built-in engine, when it did.
    pub fallback: Option<Fallback>,
    /// One for each document with a page budget.
    pub fits: Vec<FitReport>,
    pub written: Vec<Written>,
    /// Nothing changed since the last build, so nothing was rendered or rewritten.
    pub up_to_date: bool,
}
