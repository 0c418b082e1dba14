//! The typst engine: the polished PDF layout, through the `typst` CLI.
//!
//! The résumé reaches typst only as JSON (`data.json`), which the template
//! reads with `json(...)` and displays as text, so nothing in it is ever
//! evaluated as markup. Each run gets a private temp dir as `--root` holding
//! the template and the data (fonts are unpacked once into a cache); typst runs without a shell, with
//! `--ignore-system-fonts` (the same PDF on every machine) and a timeout
//! (`--typst-timeout`), in a process group of its own that is killed whole
//! when the timeout or an interrupt stops it. Whatever typst writes is read
//! back as a PDF before it counts as output.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

use super::layouts::FONTS;
use super::{Format, RenderContext, RenderError, Rendered};
use crate::interrupt::{self, critical, kill_process_group, register_child, temporary};
use crate::output::{fnv1a, write_atomic};

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
}

/// The command that installs the pinned typst.
pub fn install_hint() -> String {
    format!("install it with `cargo install --locked typst-cli@{PINNED_VERSION}`")
}

impl Typst {
    /// Finds typst: `explicit` (from `--typst`), else `$RESUMEC_TYPST`, else
    /// `typst` on PATH; each run of it may take up to `timeout`.
    pub fn find(explicit: Option<&Path>, timeout: Duration) -> Result<Typst, String> {
        let program = explicit
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("RESUMEC_TYPST").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("typst"));
        let resolved = which::which(&program).map_err(|_| {
            format!(
                "typst not found (looked for `{}`); {}",
                program.display(),
                install_hint()
            )
        })?;
        let fingerprint = binary_fingerprint(&resolved);
        if let Some(version) = fingerprint.as_deref().and_then(cached_version) {
            return Ok(Typst {
                program,
                version,
                timeout,
            });
        }
        let output = Command::new(&resolved)
            .arg("--version")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                format!(
                    "cannot run `{}`: {e}; {}",
                    resolved.display(),
                    install_hint()
                )
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
            return Err(format!(
                "`{} --version` did not answer like typst; {}",
                program.display(),
                install_hint()
            ));
        }
        if found < MINIMUM_VERSION {
            return Err(format!(
                "typst {version} is too old (resumec needs {}.{} or newer); {}",
                MINIMUM_VERSION.0,
                MINIMUM_VERSION.1,
                install_hint()
            ));
        }
        if let Some(fingerprint) = &fingerprint {
            remember_version(fingerprint, &version);
        }
        Ok(Typst {
            program,
            version,
            timeout,
        })
    }

    /// Compiles the document to PDF.
    pub fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let error = |message: String| RenderError {
            format: Format::Pdf,
            message,
        };
        let root = temporary(|| tempfile::Builder::new().prefix("resumec-typst-").tempdir())
            .map_err(|e| error(format!("cannot create a temp dir: {e}")))?;
        let fonts = fonts_dir().map_err(|e| error(format!("cannot unpack the fonts: {e}")))?;
        let write = |path: &Path, bytes: &[u8]| {
            std::fs::write(path, bytes)
                .map_err(|e| error(format!("cannot write {}: {e}", path.display())))
        };
        write(
            &root.path().join("resume.typ"),
            ctx.layouts.file("typst/resume.typ").as_bytes(),
        )?;
        write(&root.path().join("data.json"), &data_json(ctx))?;
        let output = root.path().join("resume.pdf");
        let mut command = Command::new(&self.program);
        command
            .arg("compile")
            .arg("--root")
            .arg(root.path())
            .arg("--ignore-system-fonts")
            .arg("--font-path")
            .arg(&fonts)
            .args(["--input", "data=data.json"])
            .current_dir(root.path());
        if let Some(date) = &ctx.creation_date {
            command.args(["--input", &format!("date={date}")]);
        }
        command.arg("resume.typ").arg(&output);
        run(command, self.timeout).map_err(error)?;
        let bytes =
            std::fs::read(&output).map_err(|e| error(format!("typst wrote no PDF: {e}")))?;
        let pages = count_pages(&bytes).map_err(|why| {
            error(format!(
                "typst succeeded but wrote no usable PDF ({} bytes): {why}",
                bytes.len()
            ))
        })?;
        Ok(Rendered {
            pages: Some(pages),
            bytes,
        })
    }
}

/// resumec's directory in the user's cache (or the temp dir).
fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("resumec")
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
fn version_cache(fingerprint: &str) -> PathBuf {
    cache_dir().join(format!(
        "typst-{:016x}.version",
        fnv1a(fingerprint.as_bytes())
    ))
}

/// The cached version, if it was recorded for exactly this binary.
fn cached_version(fingerprint: &str) -> Option<String> {
    let text = std::fs::read_to_string(version_cache(fingerprint)).ok()?;
    let (recorded, version) = text.rsplit_once('\n')?;
    (recorded == fingerprint && !version.is_empty()).then(|| version.to_owned())
}

/// Records a version; a cache that cannot be written only costs the next
/// build a `typst --version`.
fn remember_version(fingerprint: &str, version: &str) {
    let _ = write_atomic(
        &version_cache(fingerprint),
        format!("{fingerprint}\n{version}").as_bytes(),
    );
}

/// A directory holding the embedded fonts, unpacked once per resumec
/// version into the user's cache and reused by later builds; it is filled
/// under a temporary name and renamed into place, so concurrent builds never
/// see it half-written.
fn fonts_dir() -> std::io::Result<PathBuf> {
    let base = cache_dir();
    let size: usize = FONTS.iter().map(|(_, bytes)| bytes.len()).sum();
    let dir = base.join(format!("fonts-{}-{size}", env!("CARGO_PKG_VERSION")));
    if dir.is_dir() {
        return Ok(dir);
    }
    std::fs::create_dir_all(&base)?;
    let staging = temporary(|| tempfile::Builder::new().prefix(".fonts-").tempdir_in(&base))?;
    for (name, bytes) in FONTS {
        std::fs::write(staging.path().join(name), bytes)?;
    }
    match std::fs::rename(staging.path(), &dir) {
        Ok(()) => Ok(dir),
        // Another build unpacked them first.
        Err(_) if dir.is_dir() => Ok(dir),
        Err(e) => Err(e),
    }
}

/// The view as the JSON the template reads.
fn data_json(ctx: &RenderContext<'_>) -> Vec<u8> {
    serde_json::to_vec(ctx.document).expect("the render view always serializes")
}

/// A standalone `.typ` file: the template with the data inlined, which
/// `typst compile --font-path layouts/fonts` turns into the same PDF.
pub fn standalone(ctx: &RenderContext<'_>) -> Rendered {
    let json = String::from_utf8(data_json(ctx)).expect("JSON is UTF-8");
    let literal = json.replace('\\', "\\\\").replace('"', "\\\"");
    let template = ctx.layouts.file("typst/resume.typ");
    let loader = "#let data = json(sys.inputs.at(\"data\", default: \"data.json\"))";
    let inlined = format!("#let data = json(bytes(\"{literal}\"))");
    Rendered::text(template.replacen(loader, &inlined, 1))
}

/// Runs typst with a timeout, returning its diagnostics when it fails.
fn run(mut command: Command, timeout: Duration) -> Result<(), String> {
    interrupt::detach(&mut command)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let (mut child, _running) = critical(|| {
        let child = command.spawn()?;
        let running = register_child(&child);
        Ok::<_, std::io::Error>((child, running))
    })
    .map_err(|e| format!("cannot run typst: {e}"))?;
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let status = match child.wait_timeout(timeout).map_err(|e| e.to_string())? {
        Some(status) => status,
        None => {
            // The group on Unix, grandchildren included; the child alone elsewhere.
            kill_process_group(child.id());
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "typst did not finish within {} s and was stopped (--typst-timeout sets the limit)",
                timeout.as_secs()
            ));
        }
    };
    let diagnostics = reader.join().unwrap_or_default();
    if status.success() {
        Ok(())
    } else {
        let code = status
            .code()
            .map_or("a signal".to_owned(), |c| format!("status {c}"));
        Err(format!(
            "typst exited with {code}:\n{}",
            diagnostics.trim_end()
        ))
    }
}

/// The page count of a PDF, or why the bytes are not a readable PDF.
fn count_pages(pdf: &[u8]) -> Result<usize, String> {
    let document = lopdf::Document::load_mem(pdf).map_err(|e| e.to_string())?;
    match document.get_pages().len() {
        0 => Err("it has no pages".to_owned()),
        pages => Ok(pages),
    }
}
