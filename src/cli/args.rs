//! Every command-line flag, declared with clap derive; each `///` becomes help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use resumec::model::load::Override;
use resumec::model::types::{Paper, Theme};
use resumec::render::standard::PdfStandard;
use resumec::render::{Engine, Format};

/// Compile one resume.yaml into PDF, HTML, Markdown and plain text.
#[derive(Debug, Parser)]
#[command(name = "resumec", version, about, propagate_version = true)]
#[command(
    after_help = "Examples:\n  resumec validate\n  resumec build --format pdf,txt --out dist\n\nEvery command has a man page: resumec man COMMAND"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a résumé and report every problem with its line
    #[command(after_help = "Example:\n  resumec validate resume.yaml")]
    Validate(ValidateArgs),
    /// Render a résumé into out/
    #[command(
        after_help = "Examples:\n  resumec build\n  resumec build cv.yaml --format pdf,md --out dist\n  resumec build --engine native --force\n  resumec build --watch --format html\n  resumec build --typst-timeout 300"
    )]
    Build(BuildArgs),
    /// List the variants the résumé declares
    #[command(
        after_help = "Example:\n  resumec variants\n  resumec build --variant payments,one-page"
    )]
    Variants(ValidateArgs),
    /// Warn about long, repeated or mixed-tense bullets, job gaps and missing contact details
    #[command(
        after_help = "Checks (each a warning at its line):\n  placeholders   a placeholder name, e-mail or phone (as `validate` reports)\n  long bullets   a bullet that takes more than 2 lines in the PDF, measured as the typst\n                 layout sets it: Lato at the theme's body size in its column (classic: 10.25 pt,\n                 499 pt wide on US Letter, 482 pt on A4)\n  duplicates     the same bullet twice, ignoring case, punctuation and spacing\n  tense          a present-tense lead (`Build`, `Builds`, `Building`) in a job that has\n                 ended; past and present mixed within the current job\n  gaps           more than 6 months between the end of a job and the start of the next\n  contact        no e-mail or phone; no website or profile\n\nExamples:\n  resumec lint\n  resumec lint cv.yaml --deny-warnings"
    )]
    Lint(LintArgs),
    /// Which keywords of a job posting the résumé covers, and which it misses
    #[command(
        after_help = "JOB is plain text, or (when it ends in .json) a JSON Resume job description\n(https://jsonresume.org/job-description-schema).\n\nExamples:\n  resumec tailor posting.txt\n  resumec tailor posting.txt --variant payments\n  resumec tailor job.json cv.yaml --json"
    )]
    Tailor(TailorArgs),
    /// Read a PDF back as an applicant-tracking system would and compare it with the résumé
    #[command(
        after_help = "Checks that every fact of the résumé (with --variant, of that variant) is in\nthe PDF's text, in reading order; the name in the first lines; the e-mail and\nphone readable; no ligature characters; no words split by letter-spacing; no\ntext off the page; fonts embedded; section headings parsers know. The text is\nread with pdftotext when it is installed, else with the built-in reader.\nExit status 0 when everything is there, 1 when something is missing.\n\nExamples:\n  resumec check out/resume.pdf\n  resumec check out/resume-payments.pdf resume.yaml --variant payments\n  resumec check old-cv.pdf --json"
    )]
    Check(CheckArgs),
    /// Convert a JSON Resume document into resume.yaml, reporting what cannot cross
    #[command(
        after_help = "Examples:\n  resumec import resume.json -o resume.yaml\n  resumec import resume.json > resume.yaml"
    )]
    Import(ImportArgs),
    /// Write the résumé in another format (JSON Resume), reporting what cannot cross
    #[command(
        after_help = "Examples:\n  resumec export --to json-resume -o resume.json\n  resumec export cv.yaml --to json-resume --variant public"
    )]
    Export(ExportArgs),
    /// Write a commented starter résumé (never overwrites)
    #[command(after_help = "Example:\n  resumec new cv.yaml && resumec build cv.yaml")]
    New {
        /// Where to write it
        #[arg(default_value = "resume.yaml", value_name = "PATH")]
        path: PathBuf,
    },
    /// List the built-in themes, or eject one's files for customising
    #[command(
        after_help = "A résumé picks a theme with `design: {theme: NAME}`, or for one build with\n--set design.theme=NAME.\n\nExamples:\n  resumec themes\n  resumec themes eject serif my-layouts\n  resumec build --set design.theme=serif --layouts my-layouts"
    )]
    Themes(ThemesArgs),
    /// List the built-in locales: code, then the language's name
    #[command(
        after_help = "A résumé picks its locale with `locale: CODE`; text written in several languages\nis built in one of them with `resumec build --lang CODE`.\n\nExample:\n  resumec locales"
    )]
    Locales,
    /// Print the JSON Schema of resume.yaml, for editor autocompletion
    #[command(
        after_help = "Example:\n  resumec schema > resume.schema.json\n  # then start resume.yaml with:\n  # yaml-language-server: $schema=./resume.schema.json"
    )]
    Schema,
    /// Print shell completions
    #[command(
        after_help = "Example:\n  resumec completions bash > ~/.local/share/bash-completion/completions/resumec"
    )]
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): resumec(1), or resumec-COMMAND(1) for one command
    #[command(
        after_help = "Examples:\n  resumec man > resumec.1 && man ./resumec.1\n  resumec man build | man -l -\n  for c in '' validate build variants lint tailor check import export new themes locales schema completions man; do\n    resumec man $c > \"resumec${c:+-$c}.1\"; done"
    )]
    Man {
        /// The command whose page to print [default: the page of resumec itself]
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ThemesArgs {
    #[command(subcommand)]
    pub action: Option<ThemesAction>,
}

#[derive(Debug, Subcommand)]
pub enum ThemesAction {
    /// Write a theme's files (tokens, typst template, HTML templates and CSS) into DIR
    Eject {
        /// The theme
        #[arg(value_parser = theme_names())]
        name: String,
        /// The layouts directory to write into; build with `--layouts DIR`
        #[arg(default_value = "layouts", value_name = "DIR")]
        dir: PathBuf,
        /// Replace files that already exist
        #[arg(long)]
        force: bool,
    },
}

/// The names `resumec themes eject` accepts.
fn theme_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Theme::ALL.map(Theme::name))
}

/// The résumé file to read.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The résumé file
    #[arg(default_value = "resume.yaml", value_name = "FILE")]
    pub file: PathBuf,
    /// Override a field of the résumé, e.g. `design.theme=compact` or
    /// `experience.0.title="Staff Engineer"` (repeatable; checked like the file)
    #[arg(long = "set", value_name = "PATH=VALUE", value_parser = parse_override)]
    pub set: Vec<Override>,
}

/// `--lang CODE`, for commands that read the résumé in one language.
#[derive(Debug, Args)]
pub struct LangArg {
    /// Read the résumé in this language (a code of `resumec locales`)
    /// [default: the résumé's `locale`]
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
}

/// `--set PATH=VALUE`, read once here.
fn parse_override(text: &str) -> Result<Override, String> {
    Override::parse(text)
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The JSON Resume file (jsonresume.org schema v1.0.0)
    #[arg(value_name = "FILE.json")]
    pub file: PathBuf,
    /// Write resume.yaml here instead of to stdout; an existing file is kept unless --force
    #[arg(short, long, value_name = "OUT.yaml")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (never the input itself)
    #[arg(long)]
    pub force: bool,
    /// The résumé's `locale:` (a code of `resumec locales`) [default: the
    /// language its text is written in, when that is clear; else English]
    #[arg(long, value_name = "CODE")]
    pub locale: Option<String>,
}

/// Formats `resumec export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// JSON Resume, schema v1.0.0 (jsonresume.org)
    JsonResume,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The format to write
    #[arg(long, value_enum)]
    pub to: ExportFormat,
    /// Write here instead of to stdout; an existing file is kept unless --force
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (never the input itself)
    #[arg(long)]
    pub force: bool,
    /// Apply a variant first; repeat or comma-separate to compose them in order
    #[arg(long, value_delimiter = ',', value_name = "NAME")]
    pub variant: Vec<String>,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Lint only this language [default: every language the résumé is written in]
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Exit with status 1 when there is any warning
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct TailorArgs {
    /// The job posting: a text file, or a JSON Resume job description (.json)
    #[arg(value_name = "JOB")]
    pub job: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// Score the résumé with these variants applied; repeat or comma-separate to compose them
    #[arg(long, value_delimiter = ',', value_name = "NAME")]
    pub variant: Vec<String>,
    #[command(flatten)]
    pub lang: LangArg,
    /// Score this cover letter (its name under `letters:`) instead of the résumé
    #[arg(long, value_name = "KEY")]
    pub letter: Option<String>,
    /// Print `{"matched": [...], "missing": [...], "coverage": 0.0-1.0}` instead
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The PDF to read back (made by resumec or any other tool)
    #[arg(value_name = "PDF")]
    pub pdf: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// Compare with the résumé with these variants applied; repeat or comma-separate
    #[arg(long, value_delimiter = ',', value_name = "NAME")]
    pub variant: Vec<String>,
    #[command(flatten)]
    pub lang: LangArg,
    /// Print the report as JSON: `{"ok", "passed", "missing", "warnings", …}`
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Directory the outputs are written to
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// Formats to write, comma-separated: pdf, html, md, txt, docx, typ [default: pdf,html,md,txt]
    #[arg(long, value_delimiter = ',', value_name = "FORMATS", value_parser = format_name)]
    pub format: Vec<Format>,
    /// PDF engine: typst when found, else the built-in one
    #[arg(long, value_enum, default_value_t = EngineName::Auto)]
    pub engine: EngineName,
    /// A directory whose files replace the built-in layouts file by file
    #[arg(long, value_name = "DIR")]
    pub layouts: Option<PathBuf>,
    /// Apply a variant; repeat or comma-separate to compose them in order
    #[arg(long, value_delimiter = ',', value_name = "NAME")]
    pub variant: Vec<String>,
    /// Build the full résumé and every declared variant, each into its own files
    #[arg(long, conflicts_with = "variant")]
    pub all_variants: bool,
    /// Build in this language (a code of `resumec locales`); repeat or
    /// comma-separate for several, each into its own files (`resume-de.pdf`)
    /// [default: the résumé's `locale`, in files without a language]
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub lang: Vec<String>,
    /// Build in every language the résumé is written in
    #[arg(long, conflicts_with = "lang")]
    pub all_langs: bool,
    /// Leave out the cover letters that the built variants have under `letters:`
    #[arg(long)]
    pub no_letters: bool,
    /// List every item a page budget (`max_pages`) drops
    #[arg(long)]
    pub explain: bool,
    /// Paper size of the PDF, overriding `paper:` in the résumé
    #[arg(long, value_enum, value_name = "SIZE")]
    pub paper: Option<PaperName>,
    /// The typst binary [default: $RESUMEC_TYPST, else `typst` on PATH]
    #[arg(long, value_name = "PATH")]
    pub typst: Option<PathBuf>,
    /// Stop typst when one run takes longer than this
    #[arg(
        long,
        env = "RESUMEC_TYPST_TIMEOUT",
        default_value_t = 60,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub typst_timeout: u64,
    /// Let a custom typst layout import `@preview` packages, which typst downloads
    /// from the network [default: typst runs offline]
    #[arg(long)]
    pub allow_typst_packages: bool,
    /// The PDF creation date, as seconds since 1970 [default: none, for reproducible PDFs]
    #[arg(long, env = "SOURCE_DATE_EPOCH", value_name = "SECONDS")]
    pub creation_timestamp: Option<i64>,
    /// Make the PDF conform to a standard, through typst: ua-1 (accessible),
    /// a-2b or a-3b (archival; dated SOURCE_DATE_EPOCH, else 1980-01-01);
    /// comma-separate to combine
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STANDARD")]
    pub pdf_standard: Vec<PdfStandardName>,
    /// Rebuild even when nothing changed
    #[arg(long)]
    pub force: bool,
    /// Keep running and rebuild whenever the résumé or a layouts file changes
    #[arg(long)]
    pub watch: bool,
}

/// `--engine`: the names of [`Engine`] on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EngineName {
    /// typst when it is installed, else native
    Auto,
    /// The typst CLI, for the polished layout
    Typst,
    /// The built-in engine, which needs nothing installed
    Native,
}

impl From<EngineName> for Engine {
    fn from(name: EngineName) -> Self {
        match name {
            EngineName::Auto => Engine::Auto,
            EngineName::Typst => Engine::Typst,
            EngineName::Native => Engine::Native,
        }
    }
}

/// `--pdf-standard`: the names of [`PdfStandard`] on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardName {
    /// PDF/UA-1, accessible: tagged structure, language, title
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/A-2b, archival
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-3b, archival, may embed files
    #[value(name = "a-3b")]
    A3b,
}

impl From<PdfStandardName> for PdfStandard {
    fn from(name: PdfStandardName) -> Self {
        match name {
            PdfStandardName::Ua1 => PdfStandard::Ua1,
            PdfStandardName::A2b => PdfStandard::A2b,
            PdfStandardName::A3b => PdfStandard::A3b,
        }
    }
}

/// `--paper`: the names of [`Paper`] on the command line, as in resume.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperName {
    UsLetter,
    A4,
}

impl From<PaperName> for Paper {
    fn from(name: PaperName) -> Self {
        match name {
            PaperName::UsLetter => Paper::UsLetter,
            PaperName::A4 => Paper::A4,
        }
    }
}

/// Other names people give the formats, and formats resumec does not
/// write with the one to use instead, as (name, format).
const FORMAT_ALIASES: &[(&str, Format)] = &[
    ("markdown", Format::Md),
    ("text", Format::Txt),
    ("plain", Format::Txt),
    ("htm", Format::Html),
    ("typst", Format::Typ),
    ("doc", Format::Docx),
    ("word", Format::Docx),
    ("odt", Format::Docx),
];

/// One `--format` name, in any case and with spaces around it allowed
/// (`--format "PDF, html"`); an unknown one gets the closest format.
fn format_name(text: &str) -> Result<Format, String> {
    let name = text.trim().to_lowercase();
    if let Ok(format) = name.parse::<Format>() {
        return Ok(format);
    }
    let candidates = Format::ALL
        .into_iter()
        .map(|format| (format.extension(), format))
        .chain(FORMAT_ALIASES.iter().copied());
    let (_, closest) = candidates
        .map(|(known, format)| (strsim::jaro_winkler(&name, known), format))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .expect("there are formats");
    let all: Vec<&str> = Format::ALL.map(Format::extension).to_vec();
    Err(format!(
        "unknown format `{}`; did you mean `{closest}`? (formats: {})",
        text.trim(),
        all.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::format_name;
    use resumec::render::Format;

    #[test]
    fn formats_are_read_in_any_case_with_spaces() {
        assert_eq!(format_name(" PDF"), Ok(Format::Pdf));
        assert_eq!(format_name("Html "), Ok(Format::Html));
    }

    #[test]
    fn an_unknown_format_names_the_closest() {
        for (unknown, closest) in [
            ("doc", "docx"),
            ("odt", "docx"),
            ("markdown", "md"),
            ("htlm", "html"),
            ("text", "txt"),
        ] {
            let error = format_name(unknown).unwrap_err();
            assert!(
                error.contains(&format!("did you mean `{closest}`?")),
                "{error}"
            );
        }
    }

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
