//! Backends: one trait, one file per output format, and the registry of them.
//!
//! A backend turns the render view into bytes; it never sees YAML and never
//! writes files (the build writes them atomically once every format has
//! rendered), so a failing backend cannot leave a half-written output.

pub mod cache;
pub mod design;
pub mod docx;
pub mod eject;
pub mod fonts;
pub mod glyphs;
pub mod html;
pub mod layouts;
pub mod letter;
pub mod markdown;
pub mod metrics;
pub mod native_pdf;
pub mod standard;
pub mod templates;
pub mod text;
pub mod tighten;
pub mod typst;
pub mod view;
pub mod webfont;

use std::fmt;
use std::str::FromStr;

use layouts::Layouts;
use letter::LetterContext;
use view::Document;

/// An output format, named by its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Pdf,
    Html,
    Md,
    Txt,
    Docx,
    Typ,
}

impl Format {
    /// Every format, in the order they are listed.
    pub const ALL: [Format; 6] = [
        Format::Pdf,
        Format::Html,
        Format::Md,
        Format::Txt,
        Format::Docx,
        Format::Typ,
    ];

    /// The formats a plain `build` writes.
    pub const DEFAULT: [Format; 4] = [Format::Pdf, Format::Html, Format::Md, Format::Txt];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Docx => "docx",
            Format::Typ => "typ",
        }
    }
}

/// A format named by its extension (`pdf`), in any case.
impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.extension().eq_ignore_ascii_case(name))
            .ok_or(UnknownFormat)
    }
}

/// A name that is not the extension of any [`Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownFormat;

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Everything a backend needs for one render.
pub struct RenderContext<'a> {
    pub document: &'a Document,
    pub layouts: &'a Layouts,
    /// The PDF creation date (`YYYY-MM-DD`), from `SOURCE_DATE_EPOCH`; none by default.
    pub creation_date: Option<String>,
    /// Standards the PDF must conform to (`--pdf-standard`); only typst writes them.
    pub pdf_standards: &'a [standard::PdfStandard],
    /// Where an engine reports what it warned about without failing
    /// (typst's warnings, such as an unknown font family).
    pub warnings: &'a Warnings,
}

/// Engine warnings of a build, each once, in order.
pub type Warnings = std::sync::Mutex<std::collections::BTreeSet<String>>;

/// What a backend produced.
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Page count, for paginated formats.
    pub pages: Option<usize>,
}

impl Rendered {
    pub fn text(text: String) -> Self {
        Rendered {
            bytes: text.into_bytes(),
            pages: None,
        }
    }
}

/// Why a backend failed.
#[derive(Debug)]
pub struct RenderError {
    pub format: Format,
    pub message: String,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rendering {} failed: {}", self.format, self.message)
    }
}

impl std::error::Error for RenderError {}

/// One output format: the résumé, and a cover letter in the same look.
pub trait Backend: Sync {
    fn format(&self) -> Format;
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError>;
    /// A cover letter ([`letter::LetterView`]), in the résumé's theme.
    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError>;
}

/// Which engine renders PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// typst when it is installed, else native
    Auto,
    /// The typst CLI, for the polished layout
    Typst,
    /// The built-in engine, which needs nothing installed
    Native,
}

/// The PDF backend: the typst CLI.
pub struct TypstPdf(pub typst::Typst);

impl Backend for TypstPdf {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        self.0.render(ctx)
    }

    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        self.0.render_letter(ctx)
    }
}

/// The `typ` backend: typst source with the data inlined.
pub struct TypstSource;

impl Backend for TypstSource {
    fn format(&self) -> Format {
        Format::Typ
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        Ok(typst::standalone(ctx))
    }

    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        Ok(typst::standalone_letter(ctx))
    }
}

/// The engine that renders PDF in one build.
#[derive(Debug, Clone)]
pub enum PdfEngine {
    Typst(typst::Typst),
    Native,
}

/// Why `--engine auto` chose the built-in engine.
#[derive(Debug)]
pub struct Fallback {
    /// Why typst cannot run.
    pub why: typst::Unavailable,
    /// A custom typst layout that the built-in engine does not read.
    pub unused_layout: Option<std::path::PathBuf>,
}

/// The backend for a format; `pdf` is the resolved PDF engine, when PDF was asked for.
pub fn backend(format: Format, pdf: Option<&PdfEngine>) -> Result<Box<dyn Backend>, RenderError> {
    match format {
        Format::Txt => Ok(Box::new(text::Text)),
        Format::Md => Ok(Box::new(markdown::Markdown)),
        Format::Html => Ok(Box::new(html::Html)),
        Format::Docx => Ok(Box::new(docx::Word)),
        Format::Typ => Ok(Box::new(TypstSource)),
        Format::Pdf => match pdf {
            Some(PdfEngine::Typst(typst)) => Ok(Box::new(TypstPdf(typst.clone()))),
            Some(PdfEngine::Native) => Ok(Box::new(native_pdf::NativePdf)),
            None => Err(RenderError {
                format,
                message: "no PDF engine was chosen".to_owned(),
            }),
        },
    }
}

/// Resolves `--engine` to a PDF engine, or says why none can run. With
/// `auto`, a missing typst falls back to the built-in engine, and the second
/// value says why (and names a custom typst layout that goes unused).
pub fn pdf_engine(
    engine: Engine,
    explicit_typst: Option<&std::path::Path>,
    typst_timeout: std::time::Duration,
    allow_packages: bool,
    layouts: &Layouts,
) -> Result<(PdfEngine, Option<Fallback>), RenderError> {
    let find = || typst::Typst::find(explicit_typst, typst_timeout, allow_packages);
    match engine {
        Engine::Typst => find()
            .map(|typst| (PdfEngine::Typst(typst), None))
            .map_err(|why| RenderError {
                format: Format::Pdf,
                message: format!("{why}; {}", typst::install_hint()),
            }),
        Engine::Auto => Ok(match find() {
            Ok(typst) => (PdfEngine::Typst(typst), None),
            Err(why) => {
                let unused_layout = layouts.custom_path(typst::TEMPLATE).map(Into::into);
                let fallback = Fallback { why, unused_layout };
                (PdfEngine::Native, Some(fallback))
            }
        }),
        Engine::Native => Ok((PdfEngine::Native, None)),
    }
}
