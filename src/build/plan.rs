//! The first stage of a build: what to build. The variant names are checked
//! once, each target gets its variants applied, its output stem and its page
//! budget and its cover letter, and every path the build would write is
//! checked before anything renders.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::error::BuildError;
use super::letters::{PlannedLetter, letter_stem};
use super::options::BuildOptions;
use crate::diagnostic::Diagnostic;
use crate::model::load::Loaded;
use crate::model::schema_keys::did_you_mean;
use crate::model::types::Resume;
use crate::output::{Refusal, Stamp, check_destination, check_output_dir, output_path};
use crate::variant;

/// One document a build writes in every requested format.
#[derive(Debug)]
pub struct Target {
    /// The output name without extension: `resume-payments+one-page`.
    pub stem: String,
    /// The résumé with the target's variants applied, in order.
    pub resume: Resume,
    /// The page budget of the last variant that sets `max_pages`.
    pub max_pages: Option<usize>,
    /// The cover letter written beside it, when its variants have one.
    pub letter: Option<PlannedLetter>,
}

/// The languages to build in: every language the résumé is written in
/// (`--all-langs`), else those asked for; `None` alone, a build in the
/// résumé's locale whose file names carry no language, when neither is.
pub fn languages(loaded: &Loaded, options: &BuildOptions) -> Vec<Option<String>> {
    let mut chosen = match options.all_languages {
        true => loaded.languages(),
        false => options.languages.clone(),
    };
    let mut seen = BTreeSet::new();
    chosen.retain(|lang| seen.insert(lang.clone()));
    match chosen.is_empty() {
        true => vec![None],
        false => chosen.into_iter().map(Some).collect(),
    }
}

/// The documents to build in one language (`loaded` is the résumé in it):
/// the chosen variants, or (`--all-variants`) the full résumé and each
/// declared variant.
pub fn targets(
    loaded: &Loaded,
    stem: &str,
    language: Option<&str>,
    options: &BuildOptions,
) -> Result<Vec<Target>, BuildError> {
    let combinations = match options.all_variants {
        true => {
            let declared = loaded.resume.variants.keys().cloned();
            std::iter::once(Vec::new())
                .chain(declared.map(|name| vec![name]))
                .collect()
        }
        false => {
            check_variant_names(loaded, &options.variants)?;
            vec![options.variants.clone()]
        }
    };
    Ok(combinations
        .iter()
        .map(|names| Target {
            stem: output_stem(stem, names, language),
            resume: apply(loaded, names),
            max_pages: names
                .iter()
                .rev()
                .find_map(|name| loaded.resume.variants[name].max_pages),
            letter: match options.letters {
                true => PlannedLetter::of(loaded, names),
                false => None,
            },
        })
        .collect())
}

/// Every output path of the targets (and their letters), in every format.
pub fn output_paths(targets: &[Target], options: &BuildOptions) -> Vec<PathBuf> {
    let stems = targets.iter().flat_map(|target| {
        let letter = target.letter.as_ref().map(|_| letter_stem(&target.stem));
        std::iter::once(target.stem.clone()).chain(letter)
    });
    let paths = stems.flat_map(|stem| {
        let formats = options.formats.iter();
        formats.map(move |format| output_path(&options.out_dir, &stem, format.extension()))
    });
    paths.collect()
}

/// Checks every path the build would write, the stamp included, before it
/// renders or stages anything: see [`check_output_dir`] and
/// [`check_destination`].
pub fn check_destinations(
    input: &Path,
    targets: &[Target],
    stamp: &Stamp,
    options: &BuildOptions,
) -> Result<(), BuildError> {
    check_output_dir(&options.out_dir)?;
    let outputs = output_paths(targets, options);
    for path in outputs.iter().chain([&stamp.path]) {
        check_destination(&options.out_dir, path, input)?;
    }
    let mut unique = BTreeSet::new();
    if let Some(twice) = outputs.iter().find(|path| !unique.insert(*path)) {
        return Err(BuildError::Refused(Refusal::Twice(twice.clone())));
    }
    Ok(())
}

/// The résumé with the named variants applied in order; an unknown name is
/// an error with "did you mean".
pub fn with_variants(loaded: &Loaded, names: &[String]) -> Result<Resume, BuildError> {
    check_variant_names(loaded, names)?;
    Ok(apply(loaded, names))
}

/// The résumé with the named variants, all declared, applied in order.
fn apply(loaded: &Loaded, names: &[String]) -> Resume {
    let chosen: Vec<_> = names
        .iter()
        .map(|name| &loaded.resume.variants[name])
        .collect();
    variant::apply(&loaded.resume, &chosen)
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

/// `resume`, `resume-payments+one-page` when variants apply, and
/// `resume-payments-de` in a language asked for. Variant names are checked
/// slugs and languages built-in codes, so the stem is a safe file name.
fn output_stem(stem: &str, variants: &[String], language: Option<&str>) -> String {
    let mut parts = vec![stem.to_owned()];
    if !variants.is_empty() {
        parts.push(variants.join("+"));
    }
    parts.extend(language.map(str::to_owned));
    parts.join("-")
}
