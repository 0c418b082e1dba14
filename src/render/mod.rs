//! Backends: one trait, one file per output format, and the registry of them.
//!
//! A backend turns the render view into bytes; it never sees YAML and never
//! writes files (the build writes them atomically once every format has
//! rendered), so a failing backend cannot leave a half-written output.

pub mod layouts;
pub mod markdown;
pub mod templates;
pub mod text;
pub mod view;

use std::fmt;

use clap::ValueEnum;

use layouts::Layouts;
use view::Document;

/// An output format, named by its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ValueEnum)]
pub enum Format {
    Pdf,
    Html,
    Md,
    Txt,
    Typ,
}

impl Format {
    /// The formats a plain `build` writes.
    pub const DEFAULT: [Format; 4] = [Format::Pdf, Format::Html, Format::Md, Format::Txt];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Typ => "typ",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Everything a backend needs for one render.
pub struct RenderContext<'a> {
    pub document: &'a Document,
    pub layouts: &'a Layouts,
}

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

/// One output format.
pub trait Backend: Sync {
    fn format(&self) -> Format;
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError>;
}

/// The backend for a format, or why there is none yet.
pub fn backend(format: Format) -> Result<Box<dyn Backend>, RenderError> {
    match format {
        Format::Txt => Ok(Box::new(text::Text)),
        Format::Md => Ok(Box::new(markdown::Markdown)),
        Format::Pdf | Format::Html | Format::Typ => Err(RenderError {
            format,
            message: "this format is not available in this build of resumec".to_owned(),
        }),
    }
}
