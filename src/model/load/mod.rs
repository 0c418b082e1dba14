//! Loading `resume.yaml`: the only module that parses (or writes) YAML.
//!
//! The file is read in bounded memory ([`read`]) and parsed once, by
//! yaml-rust2, into a tree of located nodes (`tree`). Text written in several
//! languages is resolved to one language on that tree (`translations`); the
//! tree is then checked against the model's JSON Schema, reporting every type error, missing
//! field and unknown key at once (`check`); then it is deserialized into
//! the model (`de`) and kept as the [`SpanIndex`] that later checks use to
//! point at lines. `syntax` rewords what the parser rejects. [`to_yaml`]
//! writes YAML back (for `resumec import`) from serde_yaml's value of the
//! model: serde_yaml, archived upstream, is used for nothing else.

mod check;
mod de;
mod offsets;
mod overrides;
pub mod read;
mod spans;
mod syntax;
mod translations;
mod tree;
mod write;

use std::path::{Path, PathBuf};

use super::types::{Resume, Section};
use crate::diagnostic::Diagnostic;
pub use overrides::Override;
pub use read::{MAX_FILE_BYTES, ReadError, read_capped};
pub use spans::SpanIndex;
pub use write::to_yaml;

/// A résumé read from disk, with its text kept for diagnostics.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// The name diagnostics show for this file.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }
}

/// Why a résumé could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all (missing, a directory, unreadable).
    Io { path: PathBuf, message: String },
    /// The file was read but is not a valid résumé; `source.text` may be lossy.
    Invalid {
        source: Source,
        diagnostics: Vec<Diagnostic>,
    },
}

/// A loaded résumé: the model, its source and where each value is.
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub resume: Resume,
    pub spans: SpanIndex,
    /// Problems that do not stop loading (unknown keys are errors, so this is
    /// empty unless the file is otherwise sound).
    pub diagnostics: Vec<Diagnostic>,
    /// The `--set` overrides applied to the file.
    pub overrides: Vec<Override>,
    /// The file's locale, then the other languages its text is written in.
    languages: Vec<String>,
}

impl Loaded {
    /// `diagnostics` with those about an override's value naming its flag
    /// instead of a place in the file.
    pub fn relocate(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        overrides::relocate(
            diagnostics,
            &self.overrides,
            override_base(&self.source.text),
        )
    }

    /// The languages the résumé is written in: its `locale` first, then
    /// every other language any text names (`summary: {en: …, de: …}`),
    /// in file order, each once.
    pub fn languages(&self) -> Vec<String> {
        self.languages.clone()
    }

    /// The same file, with the same overrides, loaded in `lang`: each text
    /// written in several languages is its `lang` text, and the résumé's
    /// locale is `lang`. `diagnostics` name the texts with no `lang` text
    /// (they fall back to the `locale` text). A `lang` that is no built-in
    /// locale is refused.
    pub fn in_language(&self, lang: &str) -> Result<Loaded, LoadError> {
        if crate::model::locale::builtin(lang).is_none() {
            return Err(LoadError::Invalid {
                source: self.source.clone(),
                diagnostics: vec![crate::model::locale::unknown_code("language", lang)],
            });
        }
        load_source(self.source.clone(), &self.overrides, Some(lang))
    }
}

/// Where the spans of overrides start: past the end of the text.
fn override_base(text: &str) -> usize {
    text.len() + 1
}

/// Reads and parses a résumé file.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    load_file_with(path, &[])
}

/// Reads and parses a résumé file, with `overrides` (`--set`) applied to
/// it before it is checked.
pub fn load_file_with(path: &Path, overrides: &[Override]) -> Result<Loaded, LoadError> {
    let io_error = |message: String| LoadError::Io {
        path: path.to_owned(),
        message,
    };
    if path.is_dir() {
        return Err(io_error(format!(
            "{} is a directory; give the path of a résumé file such as resume.yaml",
            path.display()
        )));
    }
    let bytes = match read_capped(path) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge) => return Err(too_large(path)),
        Err(ReadError::Io(e)) => {
            return Err(io_error(match e.kind() {
                std::io::ErrorKind::NotFound => format!(
                    "{} not found; create one with `resumec new {}`",
                    path.display(),
                    path.display()
                ),
                _ => format!("cannot read {}: {e}", path.display()),
            }));
        }
    };
    load_bytes_with(path, bytes, overrides)
}

/// Parses a résumé from bytes; `path` is only used in messages.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    load_bytes_with(path, bytes, &[])
}

/// Parses a résumé from bytes with `overrides` applied.
pub fn load_bytes_with(
    path: &Path,
    bytes: Vec<u8>,
    overrides: &[Override],
) -> Result<Loaded, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(path));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            return Err(LoadError::Invalid {
                source: Source {
                    path: path.to_owned(),
                    text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                },
                diagnostics: vec![
                    Diagnostic::error("the file is not valid UTF-8")
                        .at(Some(offset..offset + 1))
                        .help("save the file as UTF-8 in your editor"),
                ],
            });
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    let source = Source {
        path: path.to_owned(),
        text,
    };
    load_source(source, overrides, None)
}

/// Parses `source` with `overrides`, in `language` (else the file's locale).
fn load_source(
    source: Source,
    overrides: &[Override],
    language: Option<&str>,
) -> Result<Loaded, LoadError> {
    let base = override_base(&source.text);
    match parse(&source.text, overrides, language) {
        Ok(parsed) => Ok(Loaded {
            diagnostics: overrides::relocate(parsed.warnings, overrides, base),
            source,
            resume: parsed.resume,
            spans: parsed.spans,
            overrides: overrides.to_vec(),
            languages: parsed.languages,
        }),
        Err(diagnostics) => Err(LoadError::Invalid {
            diagnostics: overrides::relocate(diagnostics, overrides, base),
            source,
        }),
    }
}

/// The refusal of a file over [`MAX_FILE_BYTES`].
fn too_large(path: &Path) -> LoadError {
    LoadError::Invalid {
        source: Source {
            path: path.to_owned(),
            text: String::new(),
        },
        diagnostics: vec![
            Diagnostic::error(read::too_large("the file"))
                .help("a résumé is a few kilobytes: check that this is the right file"),
        ],
    }
}

/// A parsed résumé and what loading it found.
struct Parsed {
    resume: Resume,
    spans: SpanIndex,
    warnings: Vec<Diagnostic>,
    languages: Vec<String>,
}

fn parse(
    text: &str,
    overrides: &[Override],
    language: Option<&str>,
) -> Result<Parsed, Vec<Diagnostic>> {
    if text.trim().is_empty() || is_only_comments(text) {
        // Located at its start, like every other refusal.
        return Err(vec![
            Diagnostic::error("the résumé is empty")
                .at(Some(0..0))
                .help("start with `basics:` and your `name:`; `resumec new` writes a starter file"),
        ]);
    }
    let control = syntax::raw_control_characters(text);
    if !control.is_empty() {
        return Err(at_most(MAX_REPORTED, control));
    }
    let mut tree = tree::parse(text).map_err(|problems| at_most(MAX_REPORTED, problems))?;
    overrides::apply(&mut tree, overrides, override_base(text))?;
    let translated = translations::resolve(&mut tree, language);
    let mut problems = translated.errors;
    problems.extend(check::check(&tree));
    if !problems.is_empty() {
        return Err(at_most(MAX_REPORTED, problems));
    }
    let mut resume: Resume =
        de::from_tree(&tree).map_err(|error| vec![serde_error(text, error)])?;
    if let Some(language) = language {
        resume.locale = Some(language.to_owned());
    }
    let spans = SpanIndex::new(tree);
    let mut warnings = translated.warnings;
    if let Some(paper) = resume.design.paper {
        let top = spans.value(&["paper"]);
        if let Some(top) = top.filter(|_| resume.paper != paper) {
            warnings.push(
                Diagnostic::warning("`paper` and `design.paper` disagree; `design.paper` is used")
                    .at(Some(top))
                    .help("remove the top-level `paper:`, which stays only for older files"),
            );
        }
        resume.paper = paper;
    }
    resume.section_order = spans
        .top_level_keys
        .iter()
        .filter_map(|key| Section::from_key(key))
        .collect();
    Ok(Parsed {
        resume,
        spans,
        warnings,
        languages: translated.languages,
    })
}

/// More problems than anyone reads: a file this broken is fixed from the top.
const MAX_REPORTED: usize = 100;

/// The first `limit` problems in file order, and a last one saying how many
/// more there are.
fn at_most(limit: usize, mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by_key(|d| d.span.as_ref().map_or(0, |span| span.start));
    if problems.len() > limit {
        let rest = problems.split_off(limit);
        problems.push(
            Diagnostic::error(format!(
                "{} more problems from here on are not shown",
                rest.len()
            ))
            .at(rest[0].span.clone())
            .help("fix the ones above first"),
        );
    }
    problems
}

fn is_only_comments(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---")
}

/// What the model's own deserialization refused (the schema walk lets few
/// problems through), located at the value.
fn serde_error(text: &str, error: de::Error) -> Diagnostic {
    let span = error
        .span
        .map(|span| span.start..offsets::line_end(text, span.start));
    let help = if error.message.contains("aliases") {
        "write the values out instead of repeating anchors"
    } else {
        "see `resumec schema` for what each field holds"
    };
    Diagnostic::error(error.message).at(span).help(help)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod translation_tests;

/// Reads a small YAML file of settings (a theme's tokens) into `T`, with the
/// same parser as résumés; an error says `line:col` and what is wrong.
pub fn settings_from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let located = |span: Option<std::ops::Range<usize>>, message: &str| {
        let at = span.map_or(0, |span| span.start).min(text.len());
        let line = text[..at].matches('\n').count() + 1;
        let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
        format!("{line}:{column}: {message}")
    };
    let tree = tree::parse(text).map_err(|problems| {
        let first = problems.first();
        located(
            first.and_then(|d| d.span.clone()),
            first.map_or("", |d| &d.message),
        )
    })?;
    de::from_tree(&tree).map_err(|error| located(error.span, &error.message))
}
