//! The middle stages of a build: fit each target with a page budget to it
//! (rendering the PDF to count its pages), then render every format of every
//! document in a thread of its own and stage each beside its destination.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::BuildError;
use super::letters::{letter_day, letter_stem, on_one_page};
use super::options::BuildOptions;
use super::plan::Target;
use super::report::FitReport;
use crate::fit::{self, FitError};
use crate::model::load::Source;
use crate::model::types::Resume;
use crate::output::{Staged, output_path, stage};
use crate::render::design::Tokens;
use crate::render::glyphs::missing_glyphs;
use crate::render::letter::{LetterContext, LetterView};
use crate::render::view::Document;
use crate::render::{
    Backend, Format, PdfEngine, RenderContext, RenderError, Rendered, Warnings, backend,
};

/// A document ready to render: its output stem and its render view, and
/// the cover letter that goes with it.
pub struct Fitted {
    pub stem: String,
    pub document: Document,
    pub letter: Option<FittedLetter>,
}

/// A cover letter ready to render, with where it is written in the résumé.
pub struct FittedLetter {
    pub view: LetterView,
    pub span: Option<Range<usize>>,
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
    let today = letter_day(options.creation_date.as_deref());
    for target in targets {
        let mut resume = target.resume;
        let mut design = Tokens::resolve(&resume.design, &options.layouts, base)?;
        // A letter is fitted to its own page, from the untightened design.
        let letter_design = design.clone();
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
        let letter = target.letter.map(|planned| {
            let mut view = planned.view(&resume, today, letter_design.clone());
            view.paper = options.paper.unwrap_or(view.paper);
            FittedLetter {
                view,
                span: planned.span,
            }
        });
        documents.push(Fitted {
            stem: target.stem,
            document: view(&resume, design, options),
            letter,
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
            // Standards change tags and metadata, never the page count.
            pdf_standards: &[],
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
    source: &Source,
) -> Result<RenderedAll, BuildError> {
    let warnings = Warnings::default();
    let (rendered, missing_glyphs) = std::thread::scope(|scope| {
        let jobs: Vec<_> = documents
            .iter()
            .flat_map(|fitted| options.formats.iter().map(move |&f| (fitted, f)))
            .flat_map(|(fitted, format)| {
                let warnings = &warnings;
                let resume = scope.spawn(move || {
                    render_and_stage(&fitted.stem, format, pdf, options, |backend| {
                        backend.render(&RenderContext {
                            document: &fitted.document,
                            layouts: &options.layouts,
                            creation_date: options.creation_date.clone(),
                            pdf_standards: &options.pdf_standards,
                            warnings,
                        })
                    })
                });
                let letter = fitted.letter.as_ref().map(|letter| {
                    let stem = letter_stem(&fitted.stem);
                    scope.spawn(move || {
                        render_and_stage(&stem, format, pdf, options, |backend| {
                            render_letter(letter, backend, options, warnings, source)
                        })
                    })
                });
                std::iter::once(resume).chain(letter)
            })
            .collect();
        // Meanwhile: the characters the PDF fonts lack.
        let missing: BTreeSet<char> = match options.formats.contains(&Format::Pdf) {
            true => documents
                .iter()
                .flat_map(|fitted| {
                    let letter = fitted.letter.as_ref().map(|letter| &letter.view);
                    missing_glyphs(&fitted.document, letter)
                })
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

/// A cover letter in one format; its PDF must be one page.
fn render_letter(
    letter: &FittedLetter,
    backend: &dyn Backend,
    options: &BuildOptions,
    warnings: &Warnings,
    source: &Source,
) -> Result<Rendered, BuildError> {
    let ctx = LetterContext {
        letter: &letter.view,
        layouts: &options.layouts,
        creation_date: options.creation_date.clone(),
        pdf_standards: &options.pdf_standards,
        warnings,
        measure: false,
    };
    let output = backend.render_letter(&ctx)?;
    match backend.format() {
        Format::Pdf => on_one_page(output, &ctx, backend, source, letter.span.clone()),
        _ => Ok(output),
    }
}

/// One format of one document (`render` with the format's backend),
/// rendered and staged beside its destination.
fn render_and_stage<E: Into<BuildError>>(
    stem: &str,
    format: Format,
    pdf: Option<&PdfEngine>,
    options: &BuildOptions,
    render: impl FnOnce(&dyn Backend) -> Result<Rendered, E>,
) -> Result<(RenderedFile, Staged), BuildError> {
    let started = Instant::now();
    let output = render(backend(format, pdf)?.as_ref()).map_err(Into::into)?;
    let elapsed = started.elapsed();
    let path = output_path(&options.out_dir, stem, format.extension());
    let staged = stage(&path, &output.bytes).map_err(|e| BuildError::write(&path, e))?;
    let file = RenderedFile {
        path,
        output,
        elapsed,
    };
    Ok((file, staged))
}
