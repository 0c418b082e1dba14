//! A build, in named stages: [`check`] loads and validates the résumé;
//! `plan` chooses the targets (variants applied, names checked once) and
//! checks every path it will write; the PDF engine is chosen; `render`
//! fits each target with a page budget and then renders every format of
//! every document in memory; `commit` renames them all into place.
//!
//! Every format is rendered and staged before the first file is replaced,
//! so bad input or a failing engine leaves existing outputs untouched (see
//! [`crate::output`]). The build returns a [`BuildReport`] of what it did,
//! as data: the caller words it.

mod error;
mod fonts;
mod glyphs;
mod letters;
mod options;
mod plan;
mod render;
mod report;

use std::path::Path;
use std::time::Duration;

pub use error::BuildError;
pub use letters::letter_named;
pub use options::BuildOptions;
pub use plan::with_variants;
pub use report::{BuildReport, FitReport, Written};

use crate::diagnostic::{Diagnostic, merge};
use crate::model::load::{Loaded, Override, load_file_with};
use crate::model::validate::validate;
use crate::output::{Stamp, commit as commit_staged};
use crate::render::typst::install_hint;
use crate::render::{Fallback, Format, PdfEngine, pdf_engine};
use glyphs::missing_glyph_warnings;
use plan::Target;
use render::{RenderedAll, fit_targets, render_all};

/// Loads and validates a résumé with `overrides` (`--set`) applied: the
/// model if there are no errors, with its warnings.
pub fn check(
    input: &Path,
    overrides: &[Override],
) -> Result<(Loaded, Vec<Diagnostic>), BuildError> {
    check_loaded(load_file_with(input, overrides)?)
}

/// [`check`], or (a `language` given) the résumé in that language (every
/// text written in several languages resolved to it) validated, with the
/// warnings about it: the file must be valid in its own locale as well,
/// but what is said about its text in other languages is not said here.
pub fn check_in(
    input: &Path,
    overrides: &[Override],
    language: Option<&str>,
) -> Result<(Loaded, Vec<Diagnostic>), BuildError> {
    let (loaded, warnings) = check(input, overrides)?;
    match language {
        None => Ok((loaded, warnings)),
        Some(language) => Ok(in_language(&loaded, language)?.unwrap_or((loaded, warnings))),
    }
}

/// `loaded` read again in `language` and validated, with the warnings
/// about it; `None` when that is the language it was read in, which needs
/// no second reading.
pub fn in_language(
    loaded: &Loaded,
    language: &str,
) -> Result<Option<(Loaded, Vec<Diagnostic>)>, BuildError> {
    match language == loaded.resume.locale_code() {
        true => Ok(None),
        false => check_loaded(loaded.in_language(language)?).map(Some),
    }
}

/// Validates a loaded résumé, as [`check`] does.
pub fn check_loaded(loaded: Loaded) -> Result<(Loaded, Vec<Diagnostic>), BuildError> {
    let mut diagnostics = loaded.diagnostics.clone();
    diagnostics.extend(loaded.relocate(validate(&loaded.resume, &loaded.spans)));
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(fonts::check(&loaded));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(BuildError::Invalid {
            source: loaded.source,
            diagnostics,
        });
    }
    Ok((loaded, diagnostics))
}

/// A warning typst printed, passed on (its own location lines included).
fn engine_warning(text: &str) -> Diagnostic {
    let text = text.strip_prefix("warning: ").unwrap_or(text);
    Diagnostic::warning(format!("typst: {text}"))
        .help("typst wrote the PDF anyway; the warning says what it could not do as asked")
}

/// Builds every requested format of the résumé at `input`: plan, choose the
/// engine, fit, render, commit.
pub fn build(input: &Path, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (loaded, in_locale) = check(input, &options.overrides)?;
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("resume");
    // The warnings about each language built, each once.
    let mut warnings = Vec::new();
    let mut targets = Vec::new();
    for language in plan::languages(&loaded, options) {
        let Some(language) = language else {
            merge(&mut warnings, in_locale.clone());
            targets.extend(plan::targets(&loaded, stem, None, options)?);
            continue;
        };
        let translated = in_language(&loaded, &language)?;
        let (read, found) = match &translated {
            Some((translated, found)) => (translated, found.clone()),
            None => (&loaded, in_locale.clone()),
        };
        merge(&mut warnings, found);
        targets.extend(plan::targets(read, stem, Some(&language), options)?);
    }
    let (pdf, fallback) = choose_engine(&targets, options)?;
    let stamp = Stamp::new(
        &options.out_dir,
        stem,
        &build_key(&loaded, options, pdf.as_ref(), &targets),
    );
    plan::check_destinations(input, &targets, &stamp, options)?;
    if !options.force && stamp.is_current() {
        return Ok(BuildReport {
            source: loaded.source,
            warnings,
            engine: None,
            fallback: None,
            fits: Vec::new(),
            written: Vec::new(),
            up_to_date: true,
        });
    }
    let base = input.parent().unwrap_or(Path::new(""));
    let (documents, fits) = fit_targets(targets, pdf.as_ref(), options, base)?;
    let rendered = render_all(&documents, pdf.as_ref(), options, &loaded.source)?;
    warnings.extend(missing_glyph_warnings(
        &loaded.source.text,
        &loaded.spans,
        &rendered.missing_glyphs,
    ));
    warnings.extend(rendered.engine_warnings.iter().map(|w| engine_warning(w)));
    let written = commit(rendered, &stamp)?;
    Ok(BuildReport {
        source: loaded.source,
        warnings,
        engine: pdf,
        fallback,
        fits,
        written,
        up_to_date: false,
    })
}

/// The PDF engine, when PDF is written or a page budget needs pages counted.
fn choose_engine(
    targets: &[Target],
    options: &BuildOptions,
) -> Result<(Option<PdfEngine>, Option<Fallback>), BuildError> {
    let needs_pdf = options.formats.contains(&Format::Pdf)
        || targets.iter().any(|target| target.max_pages.is_some());
    if !needs_pdf {
        return Ok((None, None));
    }
    let (engine, fallback) = pdf_engine(
        options.engine,
        options.typst.as_deref(),
        options.typst_timeout,
        options.allow_typst_packages,
        &options.layouts,
    )?;
    if let (PdfEngine::Native, Some(standard)) = (&engine, options.pdf_standards.first()) {
        let why = match &fallback {
            Some(fallback) => format!(" and {}; {}", fallback.why, install_hint()),
            None => String::new(),
        };
        return Err(BuildError::Unsupported(format!(
            "the built-in PDF engine cannot write PDF/{}: --pdf-standard needs \
             --engine typst{why}",
            standard.name().to_uppercase(),
        )));
    }
    if let PdfEngine::Typst(typst) = &engine {
        typst.prepare();
    }
    Ok((Some(engine), fallback))
}

/// The last stage: records the outputs in the stamp, then renames every
/// staged file into place at once.
fn commit(rendered: RenderedAll, stamp: &Stamp) -> Result<Vec<Written>, BuildError> {
    let RenderedAll {
        files, mut staged, ..
    } = rendered;
    let outputs: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|file| (file.path.as_path(), file.output.bytes.as_slice()))
        .collect();
    staged.push(
        stamp
            .stage(&outputs)
            .map_err(|e| BuildError::write(&stamp.path, e))?,
    );
    commit_staged(staged).map_err(|(path, e)| BuildError::write(&path, e))?;
    let written = files.into_iter().map(|file| Written {
        bytes: file.output.bytes.len(),
        pages: file.output.pages,
        path: file.path,
        elapsed: file.elapsed,
    });
    Ok(written.collect())
}

/// Everything an output depends on: the input, the layouts and options, the
/// engine and its version, resumec's own version, and today when a letter
/// is dated today.
fn build_key(
    loaded: &Loaded,
    options: &BuildOptions,
    pdf: Option<&PdfEngine>,
    targets: &[Target],
) -> String {
    // Neither changes what a build writes.
    let options = BuildOptions {
        force: false,
        typst_timeout: Duration::ZERO,
        ..options.clone()
    };
    let engine = match pdf {
        Some(PdfEngine::Typst(typst)) => {
            format!("typst {} ({})", typst.version, typst.program.display())
        }
        Some(PdfEngine::Native) => "built-in".to_owned(),
        None => String::new(),
    };
    let version = env!("CARGO_PKG_VERSION");
    let undated = targets
        .iter()
        .filter_map(|target| target.letter.as_ref())
        .any(|planned| planned.letter.date.is_none());
    let today = match undated && options.creation_date.is_none() {
        true => crate::model::date::today(),
        false => String::new(),
    };
    format!(
        "{version}\n{engine}\n{options:?}\n{today}\n{}",
        loaded.source.text
    )
}
