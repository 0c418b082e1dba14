//! A build: load, validate, render every requested format, then write them.
//!
//! Every format is rendered in memory before the first file is written, so
//! bad input or a failing engine leaves existing outputs untouched; then
//! every file is staged beside its destination and all are renamed into
//! place together (see [`crate::output`]).

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::fit::{self, FitError};
use crate::model::load::{LoadError, Loaded, Source, load_file};
use crate::model::schema_keys::did_you_mean;
use crate::model::types::{Paper, Resume};
use crate::model::validate::validate;
use crate::output::{Refusal, Staged, Stamp, check_destination, commit, output_path, stage};
use crate::render::glyphs::missing_glyphs;
use crate::render::layouts::Layouts;
use crate::render::view::Document;
use crate::render::{
    Engine, Format, PdfEngine, RenderContext, RenderError, Rendered, backend, pdf_engine,
};
use crate::variant;

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
    /// List every item page fitting drops.
    pub explain: bool,
    /// Rebuild even when the input, layouts, options and engine are unchanged.
    pub force: bool,
    /// Paper size overriding the résumé's own.
    pub paper: Option<Paper>,
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
    /// What page fitting did, one line per fitted document (and item with `--explain`).
    pub fit_notes: Vec<String>,
    /// Nothing changed since the last build, so nothing was rewritten.
    pub up_to_date: bool,
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The résumé could not be read; `message` says why and what to do.
    Read { path: PathBuf, message: String },
    /// The résumé is invalid (the diagnostics say where); nothing was written.
    Invalid {
        source: Source,
        diagnostics: Vec<Diagnostic>,
    },
    /// An engine failed; nothing was written.
    Render(RenderError),
    /// Writing an output failed.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// An output would land outside the output directory or on the input;
    /// nothing was written.
    Refused(Refusal),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Read { message, .. } => f.write_str(message),
            BuildError::Invalid { source, .. } => write!(f, "{} is invalid", source.name()),
            BuildError::Render(error) => error.fmt(f),
            BuildError::Write { path, error } => {
                write!(f, "cannot write {}: {error}", path.display())
            }
            BuildError::Refused(refusal) => refusal.fmt(f),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Render(error) => Some(error),
            BuildError::Write { error, .. } => Some(error),
            BuildError::Refused(refusal) => Some(refusal),
            BuildError::Read { .. } | BuildError::Invalid { .. } => None,
        }
    }
}

impl From<RenderError> for BuildError {
    fn from(error: RenderError) -> Self {
        BuildError::Render(error)
    }
}

impl From<Refusal> for BuildError {
    fn from(refusal: Refusal) -> Self {
        BuildError::Refused(refusal)
    }
}

impl From<LoadError> for BuildError {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::Io { path, message } => BuildError::Read { path, message },
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
    check_loaded(load_file(input)?)
}

/// Validates a loaded résumé, as [`check`] does.
pub fn check_loaded(loaded: Loaded) -> Result<(Loaded, Vec<Diagnostic>), BuildError> {
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

/// A warning that no embedded font has `c`, pointing at its first use.
fn missing_glyph(text: &str, c: char) -> Diagnostic {
    let span = text.find(c).map(|start| start..start + c.len_utf8());
    Diagnostic::warning(format!(
        "the PDF fonts have no `{c}` (U+{:04X}); it may print as a blank box or in another font",
        u32::from(c)
    ))
    .at(span)
    .help("replace the character, or add a font that has it to layouts/fonts/ and rebuild resumec")
}

/// Builds every requested format of the résumé at `input`.
pub fn build(input: &Path, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (loaded, mut warnings) = check(input)?;
    let targets = targets(&loaded, options)?;
    let budget = |names: &[String]| {
        names
            .iter()
            .rev()
            .find_map(|name| loaded.resume.variants[name].max_pages)
    };
    let needs_pdf = options.formats.contains(&Format::Pdf)
        || targets.iter().any(|names| budget(names).is_some());
    let (pdf, notice) = match needs_pdf {
        true => {
            let (engine, notice) = pdf_engine(
                options.engine,
                options.typst.as_deref(),
                options.typst_timeout,
                options.allow_typst_packages,
                &options.layouts,
            )?;
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
    let stamp = Stamp::new(
        &options.out_dir,
        stem,
        &build_key(&loaded, options, pdf.as_ref()),
    );
    check_destinations(input, stem, &targets, &stamp, options)?;
    if !options.force && stamp.is_current() {
        let (source, engine_note) = (loaded.source, None);
        let (written, fit_notes) = (Vec::new(), Vec::new());
        return Ok(BuildReport {
            source,
            warnings,
            written,
            engine_note,
            fit_notes,
            up_to_date: true,
        });
    }
    let mut fit_notes = Vec::new();
    let mut documents: Vec<(String, Document)> = Vec::new();
    for names in &targets {
        let mut resume = with_variants(&loaded, names)?;
        let stem = output_stem(stem, names);
        if let (Some(max_pages), Some(engine)) = (budget(names), pdf.as_ref()) {
            let fitted = fit::to_pages(&resume, max_pages, |candidate| {
                let document = view(candidate, options);
                let ctx = RenderContext {
                    document: &document,
                    layouts: &options.layouts,
                    creation_date: None,
                };
                let output = backend(Format::Pdf, Some(engine))?.render(&ctx)?;
                Ok::<_, RenderError>(output.pages.unwrap_or(1))
            })
            .map_err(|error| match error {
                FitError::Engine(error) => error,
                too_long => RenderError {
                    format: Format::Pdf,
                    message: format!("{stem}: {too_long}"),
                },
            })?;
            fit_notes.push(match fitted.dropped.len() {
                0 => format!("{stem}: fits in {max_pages} page(s) as it is"),
                n => format!(
                    "{stem}: fitted from {} to {} page(s) by dropping {n} item(s), in {} engine runs{}",
                    fitted.pages_before,
                    fitted.pages,
                    fitted.engine_runs,
                    if options.explain { "" } else { " (--explain lists them)" }
                ),
            });
            if options.explain {
                fit_notes.extend(
                    fitted
                        .dropped
                        .iter()
                        .map(|item| format!("  dropped {item}")),
                );
            }
            resume = fitted.resume;
        }
        documents.push((stem, view(&resume, options)));
    }
    // Every format of every document renders, and is staged beside its
    // destination, in its own thread, so the whole build takes about as long
    // as its slowest output (the PDF); nothing replaces an earlier output
    // until all succeed.
    let (rendered, missing) = std::thread::scope(|scope| {
        let jobs: Vec<_> = documents
            .iter()
            .flat_map(|(stem, document)| options.formats.iter().map(move |&f| (stem, document, f)))
            .map(|(stem, document, format)| {
                let pdf = pdf.as_ref();
                scope.spawn(move || render_and_stage(stem, document, format, pdf, options))
            })
            .collect();
        // Meanwhile: the characters the PDF fonts lack.
        let missing: BTreeSet<char> = match options.formats.contains(&Format::Pdf) {
            true => documents
                .iter()
                .flat_map(|(_, document)| missing_glyphs(document))
                .collect(),
            false => BTreeSet::new(),
        };
        let rendered: Vec<Result<(RenderedFile, Staged), BuildError>> = jobs
            .into_iter()
            .map(|job| job.join().expect("a render thread panicked"))
            .collect();
        (rendered, missing)
    });
    warnings.extend(
        missing
            .into_iter()
            .map(|c| missing_glyph(&loaded.source.text, c)),
    );
    let (files, mut staged): (Vec<RenderedFile>, Vec<Staged>) =
        rendered.into_iter().collect::<Result<_, _>>()?;
    let outputs: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(path, output, _)| (path.as_path(), output.bytes.as_slice()))
        .collect();
    staged.push(
        stamp
            .stage(&outputs)
            .map_err(|e| cannot_write(&stamp.path, e))?,
    );
    commit(staged).map_err(|(path, e)| cannot_write(&path, e))?;
    let written = files
        .into_iter()
        .map(|(path, output, elapsed)| Written {
            path,
            bytes: output.bytes.len(),
            pages: output.pages,
            elapsed,
        })
        .collect();
    Ok(BuildReport {
        source: loaded.source,
        warnings,
        written,
        engine_note,
        fit_notes,
        up_to_date: false,
    })
}

fn cannot_write(path: &Path, error: std::io::Error) -> BuildError {
    BuildError::Write {
        path: path.to_path_buf(),
        error,
    }
}

/// Everything an output depends on: the input, the layouts and options, the
/// engine and its version, and resumec's own version.
fn build_key(loaded: &Loaded, options: &BuildOptions, pdf: Option<&PdfEngine>) -> String {
    // Neither changes what a build writes.
    let options = BuildOptions {
        force: false,
        typst_timeout: Duration::ZERO,
        ..options.clone()
    };
    let engine = pdf.map(PdfEngine::describe).unwrap_or_default();
    let version = env!("CARGO_PKG_VERSION");
    format!("{version}\n{engine}\n{options:?}\n{}", loaded.source.text)
}

/// The render view of a résumé with the build's paper override.
fn view(resume: &crate::model::types::Resume, options: &BuildOptions) -> Document {
    let mut document = Document::new(resume);
    if let Some(paper) = options.paper {
        document.paper = paper;
    }
    document
}

/// One output in memory: where it goes, its bytes, how long it took.
type RenderedFile = (PathBuf, Rendered, Duration);

/// One format of one document, rendered and staged beside its destination.
fn render_and_stage(
    stem: &str,
    document: &Document,
    format: Format,
    pdf: Option<&PdfEngine>,
    options: &BuildOptions,
) -> Result<(RenderedFile, Staged), BuildError> {
    let ctx = RenderContext {
        document,
        layouts: &options.layouts,
        creation_date: options.creation_date.clone(),
    };
    let started = Instant::now();
    let output = backend(format, pdf)?.render(&ctx)?;
    let elapsed = started.elapsed();
    let path = output_path(&options.out_dir, stem, format.extension());
    let staged = stage(&path, &output.bytes).map_err(|e| cannot_write(&path, e))?;
    Ok(((path, output, elapsed), staged))
}

/// Checks every path the build would write, before it renders or stages
/// anything: see [`check_destination`].
fn check_destinations(
    input: &Path,
    stem: &str,
    targets: &[Vec<String>],
    stamp: &Stamp,
    options: &BuildOptions,
) -> Result<(), BuildError> {
    let outputs = targets.iter().flat_map(|names| {
        let stem = output_stem(stem, names);
        let formats = options.formats.iter();
        formats.map(move |format| output_path(&options.out_dir, &stem, format.extension()))
    });
    for path in outputs.chain([stamp.path.clone()]) {
        check_destination(&options.out_dir, &path, input)?;
    }
    Ok(())
}

/// The variant combinations to build: the chosen ones, or the full résumé and every variant.
fn targets(loaded: &Loaded, options: &BuildOptions) -> Result<Vec<Vec<String>>, BuildError> {
    check_variant_names(loaded, &options.variants)?;
    if options.all_variants {
        let declared = loaded.resume.variants.keys().cloned();
        Ok(std::iter::once(Vec::new())
            .chain(declared.map(|name| vec![name]))
            .collect())
    } else {
        Ok(vec![options.variants.clone()])
    }
}

/// The résumé with the named variants applied in order.
pub fn with_variants(loaded: &Loaded, names: &[String]) -> Result<Resume, BuildError> {
    check_variant_names(loaded, names)?;
    let chosen: Vec<_> = names
        .iter()
        .map(|name| &loaded.resume.variants[name])
        .collect();
    Ok(variant::apply(&loaded.resume, &chosen))
}

/// An error with "did you mean" for every name that is not a declared variant.
fn check_variant_names(loaded: &Loaded, names: &[String]) -> Result<(), BuildError> {
    let declared: Vec<String> = loaded.resume.variants.keys().cloned().collect();
    let unknown: Vec<Diagnostic> = names
        .iter()
        .filter(|name| !declared.contains(name))
        .map(|name| {
            let diagnostic = Diagnostic::error(format!("there is no variant `{name}`"))
                .at(loaded.spans.key(&["variants"]));
            match did_you_mean(name, &declared) {
                Some(suggestion) => diagnostic.help(format!("did you mean `{suggestion}`?")),
                None if declared.is_empty() => {
                    diagnostic.help("declare variants under `variants:`")
                }
                None => diagnostic.help(format!("declared variants: {}", declared.join(", "))),
            }
        })
        .collect();
    match unknown.is_empty() {
        true => Ok(()),
        false => Err(BuildError::Invalid {
            source: loaded.source.clone(),
            diagnostics: unknown,
        }),
    }
}

/// `resume`, or `resume-payments+one-page` when variants apply.
fn output_stem(stem: &str, variants: &[String]) -> String {
    match variants.is_empty() {
        true => stem.to_owned(),
        false => format!("{stem}-{}", variants.join("+")),
    }
}
