//! `resumec tailor`: which keywords of a job posting the résumé covers.

use resumec::build::{check_in, letter_named, with_variants};
use resumec::tailor::{Coverage, posting, tailor, tailor_letter};

use super::args::TailorArgs;
use super::{CliError, check_codes, count};

/// Width the keyword lists are wrapped to.
const WIDTH: usize = 80;

pub fn tailor_command(args: &TailorArgs) -> Result<(), CliError> {
    check_codes("language", args.lang.lang.as_slice())?;
    let (loaded, _) = check_in(&args.input.file, &args.input.set, args.lang.lang.as_deref())?;
    let posting = posting::read(&args.job).map_err(|error| CliError::Failure(error.to_string()))?;
    let resume = with_variants(&loaded, &args.variant)?;
    let coverage = match &args.letter {
        Some(key) => tailor_letter(&resume, &letter_named(&loaded, &resume, key)?, &posting),
        None => tailor(&resume, &posting),
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&coverage).expect("coverage serializes")
        );
    } else {
        let resume = match (&args.letter, args.variant.is_empty()) {
            (Some(key), _) => format!("the {key} letter"),
            (None, true) => "the résumé".to_owned(),
            (None, false) => format!("the résumé (variant {})", args.variant.join("+")),
        };
        print!(
            "{}",
            report(&coverage, &args.job.display().to_string(), &resume)
        );
    }
    Ok(())
}

/// The human-readable report.
fn report(coverage: &Coverage, job: &str, resume: &str) -> String {
    let total = coverage.matched.len() + coverage.missing.len();
    if total == 0 {
        return format!("found no keywords in {job}\n");
    }
    let mut out = format!(
        "{job}: {resume} covers {} of {} ({:.0}%)\n",
        coverage.matched.len(),
        count(total, "keyword"),
        coverage.coverage * 100.0
    );
    for (label, keywords) in [
        ("matched", &coverage.matched),
        ("missing", &coverage.missing),
    ] {
        out.push_str(&format!("\n{label} ({}):\n", keywords.len()));
        out.push_str(&wrapped(keywords));
    }
    out
}

/// Keywords comma-separated, wrapped between keywords (never inside one), indented.
fn wrapped(keywords: &[String]) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for (i, keyword) in keywords.iter().enumerate() {
        let item = if i + 1 < keywords.len() {
            format!("{keyword},")
        } else {
            keyword.clone()
        };
        if !line.is_empty() && line.chars().count() + 1 + item.chars().count() > WIDTH {
            out.push_str(&format!("{line}\n"));
            line.clear();
        }
        line.push_str(if line.is_empty() { "  " } else { " " });
        line.push_str(&item);
    }
    if !line.is_empty() {
        out.push_str(&format!("{line}\n"));
    }
    out
}
