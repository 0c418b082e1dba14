//! The typst engine: the polished PDF layout, through the `typst` CLI.
//!
//! The résumé reaches typst only as JSON: the template is sent on stdin with
//! the view inlined as one JSON string literal, which the template parses
//! with `json(...)` and displays as text, so nothing in it is ever evaluated
//! as markup. typst writes the PDF to stdout, so a build makes no temp files
//! for it; the fonts are unpacked once into a private cache and checked
//! before every run (see [`super::cache`]). typst runs without a
//! shell, with `--ignore-system-fonts` (the same PDF on every machine),
//! `--ignore-embedded-fonts` (resumec supplies the monospace font typst would
//! take from its own), a timeout (`--typst-timeout`), and in a process group
//! of its own that is killed whole when the timeout or an interrupt stops it. Whatever typst writes is
//! read back as a PDF before it counts as output.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use wait_timeout::ChildExt;

use super::cache::{cache_dir, fonts_dir, no_packages_dir};
use super::layouts::Layouts;
use super::letter::LetterContext;
use super::standard::{PdfStandard, document_date};
use super::{Format, RenderContext, RenderError, Rendered, Warnings};
use crate::diagnostic::count;
use crate::hash::fnv1a;
use crate::interrupt::{self, critical, kill_process_group, register_child};
use crate::output::write_atomic;

/// The typst version resumec is tested with; `make` installs it.
pub const PINNED_VERSION: &str = "0.15.1";
/// The oldest typst whose features the layout uses.
const MINIMUM_VERSION: (u32, u32) = (0, 13);

/// A typst binary that answered with a usable version.
#[derive(Debug, Clone)]
pub struct Typst {
    pub program: PathBuf,
    pub version: String,
    /// How long one run may take before it is stopped.
    pub timeout: Duration,
    /// Whether a custom layout may import `@preview` packages, which typst
    /// downloads; otherwise typst runs offline.
    pub allow_packages: bool,
    /// The checked font directory, once per engine (so per build): every
    /// run of a fit and every document of the build share one check.
    fonts: Arc<OnceLock<Result<PathBuf, String>>>,
}

/// Why no usable typst was found; each says what was found, and
/// [`install_hint`] says what to do.
#[derive(Debug, thiserror::Error)]
pub enum Unavailable {
    #[error("typst not found (looked for `{}`)", .0.display())]
    NotFound(PathBuf),
    #[error("cannot run `{}`: {error}", program.display())]
    CannotRun {
        program: PathBuf,
        #[source]
        error: std::io::Error,
    },
    #[error("`{} --version` did not answer like typst", .0.display())]
    NotTypst(PathBuf),
    #[error("typst {version} is too old (resumec needs {}.{} or newer)", MINIMUM_VERSION.0, MINIMUM_VERSION.1)]
    TooOld { version: String },
}

/// Why one typst run failed.
#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error("cannot run typst: {0}")]
    Spawn(std::io::Error),
    #[error("{0}")]
    Wait(std::io::Error),
    #[error("typst did not finish within {} s and was stopped (--typst-timeout sets the limit)", .0.as_secs())]
    Timeout(Duration),
    #[error("typst exited with {status}:\n{diagnostics}")]
    Failed { status: String, diagnostics: String },
}

/// Why what typst wrote is not a PDF resumec can use.
#[derive(Debug, thiserror::Error)]
enum UnreadablePdf {
    #[error("{0}")]
    Malformed(#[from] lopdf::Error),
    #[error("it has no pages")]
    NoPages,
}

/// The command that installs the pinned typst.
pub fn install_hint() -> String {
    format!("install it with `cargo install --locked typst-cli@{PINNED_VERSION}`")
}

impl Typst {
    /// Finds typst: `explicit` (from `--typst`), else `$RESUMEC_TYPST`, else
    /// `typst` on PATH; each run of it may take up to `timeout`.
    pub fn find(
        explicit: Option<&Path>,
        timeout: Duration,
        allow_packages: bool,
    ) -> Result<Typst, Unavailable> {
        let program = explicit
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("RESUMEC_TYPST").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("typst"));
        let resolved =
            which::which(&program).map_err(|_| Unavailable::NotFound(program.clone()))?;
        let fingerprint = binary_fingerprint(&resolved);
        if let Some(version) = fingerprint.as_deref().and_then(cached_version) {
            return Ok(Typst {
                program,
                version,
                timeout,
                allow_packages,
                fonts: Arc::default(),
            });
        }
        let output = Command::new(&resolved)
            .arg("--version")
            .stdin(Stdio::null())
            .output()
            .map_err(|error| Unavailable::CannotRun {
                program: resolved.clone(),
                error,
            })?;
        let text = String::from_utf8_lossy(&output.stdout);
        let version = text
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        let mut numbers = version.split('.').map(|n| n.parse::<u32>().unwrap_or(0));
        let found = (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0));
        if !output.status.success() || !text.starts_with("typst ") {
            return Err(Unavailable::NotTypst(program));
        }
        if found < MINIMUM_VERSION {
            return Err(Unavailable::TooOld { version });
        }
        if let Some(fingerprint) = &fingerprint {
            remember_version(fingerprint, &version);
        }
        Ok(Typst {
            program,
            version,
            timeout,
            allow_packages,
            fonts: Arc::default(),
        })
    }

    /// Starts checking (or unpacking) the font directory in the background,
    /// so that it is ready by the time the first document is rendered.
    pub fn prepare(&self) {
        let typst = self.clone();
        std::thread::spawn(move || typst.fonts_dir());
    }

    /// The font directory typst reads, checked once for this engine.
    fn fonts_dir(&self) -> Result<PathBuf, String> {
        let checked = self
            .fonts
            .get_or_init(|| fonts_dir().map_err(|e| e.to_string()));
        checked.clone()
    }

    /// Compiles the document to PDF. typst reads the standalone source (the
    /// template with the data inlined as a JSON string) on stdin and writes
    /// the PDF to stdout, so a build makes no temp files for it.
    pub fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let inputs = Inputs {
            template: TEMPLATE,
            layouts: ctx.layouts,
            font_paths: &ctx.document.design.font_paths,
            creation_date: ctx.creation_date.as_deref(),
            pdf_standards: ctx.pdf_standards,
            warnings: ctx.warnings,
            measure: false,
        };
        self.compile(standalone(ctx).bytes, &inputs)
    }

    /// Compiles a cover letter to PDF, as [`Typst::render`] the résumé.
    pub fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        let inputs = Inputs {
            template: LETTER_TEMPLATE,
            layouts: ctx.layouts,
            font_paths: &ctx.letter.design.font_paths,
            creation_date: ctx.creation_date.as_deref(),
            pdf_standards: ctx.pdf_standards,
            warnings: ctx.warnings,
            measure: ctx.measure,
        };
        self.compile(standalone_letter(ctx).bytes, &inputs)
    }

    /// Runs typst on `source`, the layout `inputs.template` with its data inlined.
    fn compile(&self, source: Vec<u8>, inputs: &Inputs<'_>) -> Result<Rendered, RenderError> {
        let error = |message: String| RenderError {
            format: Format::Pdf,
            message,
        };
        // Only the layout can import a package: the résumé's text, inlined
        // as data, is never read for one.
        if !self.allow_packages
            && let Some(package) = package_imports(inputs.layouts.file(inputs.template)).next()
        {
            let layout = inputs.layouts.custom_path(inputs.template);
            let layout = layout.unwrap_or(Path::new(inputs.template)).display();
            return Err(error(format!(
                "the typst layout {layout} imports the package `{package}`, which typst would \
                 download from the network; resumec runs typst offline unless you pass \
                 --allow-typst-packages"
            )));
        }
        let fonts = self
            .fonts_dir()
            .map_err(|e| error(format!("cannot unpack the fonts: {e}")))?;
        let mut command = Command::new(&self.program);
        // The root is the font cache: the source reads no files of its own.
        command
            .arg("compile")
            .arg("--root")
            .arg(&fonts)
            .arg("--ignore-system-fonts")
            .arg("--ignore-embedded-fonts")
            .arg("--font-path")
            .arg(&fonts);
        if !self.allow_packages {
            let empty =
                no_packages_dir().map_err(|e| error(format!("cannot prepare typst: {e}")))?;
            offline(&mut command, &empty);
        }
        if let Some(date) = document_date(inputs.creation_date, inputs.pdf_standards) {
            command.args(["--input", &format!("date={date}")]);
        }
        if !inputs.pdf_standards.is_empty() {
            let names: Vec<&str> = inputs.pdf_standards.iter().map(|s| s.name()).collect();
            command.args(["--pdf-standard", &names.join(",")]);
        }
        if inputs.measure {
            command.args(["--input", "measure=true"]);
        }
        for path in inputs.font_paths {
            command.arg("--font-path").arg(path);
        }
        command.args(["-", "-"]);
        let (bytes, warnings) =
            run(command, &source, self.timeout).map_err(|e| error(e.to_string()))?;
        if !warnings.is_empty()
            && let Ok(mut reported) = inputs.warnings.lock()
        {
            reported.insert(warnings);
        }
        let pages = count_pages(&bytes).map_err(|why| {
            error(format!(
                "typst succeeded but wrote no usable PDF ({}): {why}",
                count(bytes.len(), "byte")
            ))
        })?;
        Ok(Rendered {
            pages: Some(pages),
            bytes,
        })
    }
}

/// What one typst run reads besides its source.
struct Inputs<'a> {
    /// The layout file the source was made from, for messages.
    template: &'static str,
    layouts: &'a Layouts,
    font_paths: &'a [PathBuf],
    creation_date: Option<&'a str>,
    pdf_standards: &'a [PdfStandard],
    warnings: &'a Warnings,
    /// A page as tall as the content (the letter layout reads it).
    measure: bool,
}

/// What identifies one typst binary: its path, size and modification time.
/// Asking typst its version costs a process start (about 5 ms, a tenth of a
/// whole compile), so the answer is cached under this fingerprint; replacing
/// or upgrading the binary changes the fingerprint and asks again.
fn binary_fingerprint(path: &Path) -> Option<String> {
    let path = path.canonicalize().ok()?;
    let metadata = path.metadata().ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "{}\n{}\n{}",
        path.display(),
        metadata.len(),
        modified.as_nanos()
    ))
}

/// Where the version of the binary with this fingerprint is cached.
fn version_cache(fingerprint: &str) -> Option<PathBuf> {
    let name = format!("typst-{:016x}.version", fnv1a(fingerprint.as_bytes()));
    cache_dir().ok().map(|dir| dir.join(name))
}

/// The cached version, if it was recorded for exactly this binary.
fn cached_version(fingerprint: &str) -> Option<String> {
    let text = std::fs::read_to_string(version_cache(fingerprint)?).ok()?;
    let (recorded, version) = text.rsplit_once('\n')?;
    (recorded == fingerprint && !version.is_empty()).then(|| version.to_owned())
}

/// Records a version; a cache that cannot be written only costs the next
/// build a `typst --version`.
fn remember_version(fingerprint: &str, version: &str) {
    if let Some(path) = version_cache(fingerprint) {
        let _ = write_atomic(&path, format!("{fingerprint}\n{version}").as_bytes());
    }
}

/// The layout file typst compiles.
pub const TEMPLATE: &str = "typst/resume.typ";

/// The layout file of cover letters.
pub const LETTER_TEMPLATE: &str = "typst/letter.typ";

/// The packages a typst source names (`"@preview/cetz:0.3.0"`), from any
/// string literal that looks like a package spec: `@namespace/name:version`.
fn package_imports(source: &str) -> impl Iterator<Item = &str> {
    source.split('"').skip(1).step_by(2).filter(|literal| {
        literal.strip_prefix('@').is_some_and(|spec| {
            spec.split_once('/')
                .is_some_and(|(namespace, rest)| !namespace.is_empty() && rest.contains(':'))
        })
    })
}

/// Keeps typst off the network: its package directories are an empty
/// directory, and the proxy it would download through is a closed local
/// port, so a package import that slipped past [`package_imports`] (a name
/// built at run time) fails instead of downloading.
fn offline(command: &mut Command, empty: &Path) {
    command
        .arg("--package-path")
        .arg(empty)
        .arg("--package-cache-path")
        .arg(empty);
    for proxy in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        command.env(proxy, "http://127.0.0.1:9");
    }
    command.env_remove("NO_PROXY").env_remove("no_proxy");
}

/// A standalone `.typ` file: the template with the data inlined, which
/// `typst compile --font-path layouts/fonts` turns into the same PDF.
pub fn standalone(ctx: &RenderContext<'_>) -> Rendered {
    let json = serde_json::to_string(ctx.document).expect("the render view always serializes");
    Rendered::text(inline_data(ctx.layouts.file(TEMPLATE), &json))
}

/// A cover letter's standalone `.typ` file, as [`standalone`].
pub fn standalone_letter(ctx: &LetterContext<'_>) -> Rendered {
    let json = serde_json::to_string(ctx.letter).expect("the letter view always serializes");
    Rendered::text(inline_data(ctx.layouts.file(LETTER_TEMPLATE), &json))
}

/// `template` with its data file replaced by `json`, inlined as a string.
fn inline_data(template: &str, json: &str) -> String {
    let literal = json.replace('\\', "\\\\").replace('"', "\\\"");
    let loader = "#let data = json(sys.inputs.at(\"data\", default: \"data.json\"))";
    let inlined = format!("#let data = json(bytes(\"{literal}\"))");
    template.replacen(loader, &inlined, 1)
}

/// Runs typst with `source` on stdin and a timeout; returns what it wrote
/// to stdout and its warnings, or its diagnostics when it fails.
fn run(
    mut command: Command,
    source: &[u8],
    timeout: Duration,
) -> Result<(Vec<u8>, String), RunError> {
    interrupt::detach(&mut command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let (mut child, _running) = critical(|| {
        let child = command.spawn()?;
        let running = register_child(&child);
        Ok::<_, std::io::Error>((child, running))
    })
    .map_err(RunError::Spawn)?;
    let (mut stdin, mut stdout, mut stderr) = (
        child.stdin.take().expect("stdin is piped"),
        child.stdout.take().expect("stdout is piped"),
        child.stderr.take().expect("stderr is piped"),
    );
    std::thread::scope(|scope| {
        // A typst that exits without reading all of its input only makes this
        // write fail; its exit status says what happened.
        scope.spawn(move || {
            let _ = stdin.write_all(source);
        });
        let output = scope.spawn(move || {
            let mut bytes = Vec::new();
            let _ = stdout.read_to_end(&mut bytes);
            bytes
        });
        let diagnostics = scope.spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let status = match child.wait_timeout(timeout).map_err(RunError::Wait)? {
            Some(status) => status,
            None => {
                // The group on Unix, grandchildren included; the child alone elsewhere.
                kill_process_group(child.id());
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Timeout(timeout));
            }
        };
        let output = output.join().unwrap_or_default();
        let diagnostics = diagnostics.join().unwrap_or_default();
        if status.success() {
            return Ok((output, diagnostics.trim().to_owned()));
        }
        let code = status
            .code()
            .map_or("a signal".to_owned(), |c| format!("status {c}"));
        Err(RunError::Failed {
            status: code,
            diagnostics: diagnostics.trim_end().to_owned(),
        })
    })
}

/// The page count of a PDF, or why the bytes are not a readable PDF.
fn count_pages(pdf: &[u8]) -> Result<usize, UnreadablePdf> {
    // The header, cross-reference table, trailer and page tree: enough to
    // know it is a PDF, without parsing every object.
    let metadata = lopdf::Document::load_metadata_mem(pdf)?;
    match metadata.page_count as usize {
        0 => Err(UnreadablePdf::NoPages),
        pages => Ok(pages),
    }
}
