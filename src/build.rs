//! A build: load, validate, render every requested format, then write them.
//!
//! Every format is rendered in memory before the first file is written, so
//! bad input or a failing engine leaves existing outputs untouched.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::model::load::{LoadError, Loaded, Source, load_file};
use crate::model::validate::validate;
use crate::output::{output_path, write_atomic};
use crate::render::layouts::Layouts;
use crate::render::view::Document;
use crate::render::{Engine, Format, RenderContext, RenderError, backend, pdf_engine};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out_dir: PathBuf,
    pub formats: Vec<Format>,
    pub layouts: Layouts,
    pub engine: Engine,
    /// `--typst PATH`, when given.
    pub typst: Option<PathBuf>,
    /// The PDF creation date, `YYYY-MM-DD`.
    pub creation_date: Option<String>,
}

/// One file a build wrote.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: usize,
    pub pages: Option<usize>,
    pub elapsed: Duration,
}

/// The outcome of a successful build.
#[derive(Debug)]
pub struct BuildReport {
    pub source: Source,
    /// Warnings: they never stop a build.
    pub warnings: Vec<Diagnostic>,
    pub written: Vec<Written>,
    /// The PDF engine used and why, when PDF was built.
    pub engine_note: Option<String>,
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The file could not be read.
    Io(String),
    /// The résumé is invalid; nothing was written.
    Invalid {
        source: Source,
        diagnostics: Vec<Diagnostic>,
    },
    /// An engine failed; nothing was written.
    Render(RenderError),
    /// Writing an output failed.
    Write { path: PathBuf, message: String },
}

impl From<LoadError> for BuildError {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::Io { message, .. } => BuildError::Io(message),
            LoadError::Invalid {
                source,
                diagnostics,
            } => BuildError::Invalid {
                source,
                diagnostics,
            },
        }
    }
}

/// Loads and validates a résumé: the model if there are no errors, with its warnings.
pub fn check(input: &Path) -> Result<(Loaded, Vec<Diagnostic>), BuildError> {
    let loaded = load_file(input)?;
    let mut diagnostics = loaded.diagnostics.clone();
    diagnostics.extend(validate(&loaded.resume, &loaded.spans));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(BuildError::Invalid {
            source: loaded.source,
            diagnostics,
        });
    }
    Ok((loaded, diagnostics))
}

/// Builds every requested format of the résumé at `input`.
pub fn build(input: &Path, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (loaded, warnings) = check(input)?;
    let document = Document::new(&loaded.resume);
    let ctx = RenderContext {
        document: &document,
        layouts: &options.layouts,
        creation_date: options.creation_date.clone(),
    };
    let (pdf, notice) = match options.formats.contains(&Format::Pdf) {
        true => {
            let (engine, notice) = pdf_engine(options.engine, options.typst.as_deref())?;
            (Some(engine), notice)
        }
        false => (None, None),
    };
    let engine_note = pdf.as_ref().map(|engine| match &notice {
        Some(notice) => format!("{notice}\n{}", engine.describe()),
        None => engine.describe(),
    });
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("resume");
    let mut rendered = Vec::new();
    for &format in &options.formats {
        let started = Instant::now();
        let output = backend(format, pdf.as_ref())?.render(&ctx)?;
        rendered.push((format, output, started.elapsed()));
    }
    let mut written = Vec::new();
    for (format, output, elapsed) in rendered {
        let path = output_path(&options.out_dir, stem, format);
        write_atomic(&path, &output.bytes).map_err(|e| BuildError::Write {
            path: path.clone(),
            message: e.to_string(),
        })?;
        written.push(Written {
            path,
            bytes: output.bytes.len(),
            pages: output.pages,
            elapsed,
        });
    }
    Ok(BuildReport {
        source: loaded.source,
        warnings,
        written,
        engine_note,
    })
}

impl From<RenderError> for BuildError {
    fn from(error: RenderError) -> Self {
        BuildError::Render(error)
    }
}
