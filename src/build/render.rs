//! The middle stages of a build: fit each target with a page budget to it
//! (rendering the PDF to count its pages), then render every format of every
//! document in a thread of its own and stage each beside its destination.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::BuildError;
use super::options::BuildOptions;
use super::plan::Target;
use super::report::FitReport;
use crate::fit::{self, FitError};
use crate::model::types::Resume;
use crate::output::{Staged, output_path, stage};
use crate::render::design::Tokens;
use crate::render::glyphs::missing_glyphs;
use crate::render::view::Document;
use crate::render::{Format, PdfEngine, RenderContext, RenderError, Rendered, Warnings, backend};

/// A document ready to render: its output stem and its render view.
pub struct Fitted {
    pub stem: String,
    pub document: Document,
}

/// Fits every target with a page budget (when there is a PDF engine to
/// count pages with), and shapes each into its render view.
pub fn fit_targets(
    targets: Vec<Target>,
    pdf: Option<&PdfEngine>,
    options: &BuildOptions,
    base: &Path,
) -> Result<(Vec<Fitted>, Vec<FitReport>), BuildError> {
    let mut documents = Vec::new();
    let mut reports = Vec::new();
    for target in targets {
        let mut resume = target.resume;
        let mut design = Tokens::resolve(&resume.design, &options.layouts, base)?;
        if let (Some(max_pages), Some(engine)) = (target.max_pages, pdf) {
            let fitted = fit_one(&target.stem, &resume, &design, max_pages, engine, options)?;
            let tightened = design.tightened(fitted.tightening);
            reports.push(FitReport {
                stem: target.stem.clone(),
                max_pages,
                pages_before: fitted.pages_before,
                pages: fitted.pages,
                engine_runs: fitted.engine_runs,
                tightened: tightened.tightening_from(&design),
                dropped: fitted.dropped,
            });
            (resume, design) = (fitted.resume, tightened);
        }
        documents.push(Fitted {
            stem: target.stem,
            document: view(&resume, design, options),
        });
    }
    Ok((documents, reports))
}

/// Fits one résumé into `max_pages`, counting the pages of its real PDF
/// with the design tightened as fitting asks.
fn fit_one(
    stem: &str,
    resume: &Resume,
    design: &Tokens,
    max_pages: usize,
    engine: &PdfEngine,
    options: &BuildOptions,
) -> Result<fit::Fitted, BuildError> {
    let fitted = fit::to_pages(resume, max_pages, |candidate, tightening| {
        let document = view(candidate, design.tightened(tightening), options);
        let ctx = RenderContext {
            document: &document,
            layouts: &options.layouts,
            creation_date: None,
            // The final render reports them.
            warnings: &Warnings::default(),
        };
        let output = backend(Format::Pdf, Some(engine))?.render(&ctx)?;
        Ok::<_, RenderError>(output.pages.unwrap_or(1))
    });
    fitted.map_err(|error| match error {
        FitError::Engine(error) => error.into(),
        too_long => RenderError {
            format: Format::Pdf,
            message: format!("{stem}: {too_long}"),
        }
        .into(),
    })
}

/// The render view of a résumé with the build's paper override.
fn view(resume: &Resume, design: Tokens, options: &BuildOptions) -> Document {
    let mut document = Document::new(resume, design);
    if let Some(paper) = options.paper {
        document.paper = paper;
    }
    document
}

/// One output in memory: where it goes, its bytes, how long it took.
pub struct RenderedFile {
    pub path: PathBuf,
    pub output: Rendered,
    pub elapsed: Duration,
}

/// Every format of every document, rendered and staged, with the characters
/// the PDF fonts lack.
pub struct RenderedAll {
    pub files: Vec<RenderedFile>,
    pub staged: Vec<Staged>,
    pub missing_glyphs: BTreeSet<char>,
    /// What an engine warned about.
    pub engine_warnings: BTreeSet<String>,
}

/// Renders every format of every document, each in its own thread and
/// staged beside its destination, so the whole takes about as long as its
/// slowest output (the PDF); nothing replaces an earlier output here.
pub fn render_all(
    documents: &[Fitted],
    pdf: Option<&PdfEngine>,
    options: &BuildOptions,
) -> Result<RenderedAll, BuildError> {
    let warnings = Warnings::default();
    let (rendered, missing_glyphs) = std::thread::scope(|scope| {
        let jobs: Vec<_> = documents
            .iter()
            .flat_map(|fitted| options.formats.iter().map(move |&f| (fitted, f)))
            .map(|(fitted, format)| {
                let warnings = &warnings;
                scope.spawn(move || render_and_stage(fitted, format, pdf, options, warnings))
            })
            .collect();
        // Meanwhile: the characters the PDF fonts lack.
        let missing: BTreeSet<char> = match options.formats.contains(&Format::Pdf) {
            true => documents
                .iter()
                .flat_map(|fitted| missing_glyphs(&fitted.document))
                .collect(),
            false => BTreeSet::new(),
        };
        let rendered: Vec<Result<(RenderedFile, Staged), BuildError>> = jobs
            .into_iter()
            .map(|job| job.join().expect("a render thread panicked"))
            .collect();
        (rendered, missing)
    });
    let (files, staged) = rendered.into_iter().collect::<Result<_, _>>()?;
    Ok(RenderedAll {
        files,
        staged,
        missing_glyphs,
        engine_warnings: warnings.into_inner().unwrap_or_default(),
    })
}

/// One format of one document, rendered and staged beside its destination.
fn render_and_stage(
    fitted: &Fitted,
    format: Format,
    pdf: Option<&PdfEngine>,
    options: &BuildOptions,
    warnings: &Warnings,
) -> Result<(RenderedFile, Staged), BuildError> {
    let ctx = RenderContext {
        document: &fitted.document,
        layouts: &options.layouts,
        creation_date: options.creation_date.clone(),
        warnings,
    };
    let started = Instant::now();
    let output = backend(format, pdf)?.render(&ctx)?;
    let elapsed = started.elapsed();
    let path = output_path(&options.out_dir, &fitted.stem, format.extension());
    let staged = stage(&path, &output.bytes).map_err(|e| BuildError::write(&path, e))?;
    let file = RenderedFile {
        path,
        output,
        elapsed,
    };
    Ok((file, staged))
}
