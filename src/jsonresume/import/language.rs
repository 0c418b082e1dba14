//! The language an imported résumé is written in, so that it is printed
//! with that locale's titles and month names rather than English ones.
//!
//! JSON Resume has no field for it, so it is read from the prose (summary,
//! bullets, descriptions) with whatlang's trigram profiles, and only when
//! whatlang calls its guess reliable and the language has a built-in
//! locale; anything less leaves the default, English.

use whatlang::Lang;

use crate::model::types::Resume;

/// Less text than this is too little to tell a language by.
const ENOUGH_TEXT: usize = 80;

/// The built-in locale of the language the résumé's prose is written in,
/// when that is clear.
pub fn detect(resume: &Resume) -> Option<&'static str> {
    let text = prose(resume);
    if text.chars().count() < ENOUGH_TEXT {
        return None;
    }
    let info = whatlang::detect(&text).filter(whatlang::Info::is_reliable)?;
    let code = match info.lang() {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Por => "pt-BR",
        Lang::Nld => "nl",
        Lang::Pol => "pl",
        Lang::Swe => "sv",
        Lang::Tur => "tr",
        Lang::Rus => "ru",
        Lang::Jpn => "ja",
        Lang::Cmn => "zh",
        Lang::Kor => "ko",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        _ => return None,
    };
    crate::model::locale::builtin(code).map(|locale| locale.code.as_str())
}

/// The résumé's sentences, one per line: what a language shows in.
fn prose(resume: &Resume) -> String {
    let jobs = resume.experience.iter().flat_map(|job| {
        let bullets = job.groups.iter().flat_map(|group| &group.bullets);
        job.summary.iter().chain(bullets.map(|bullet| &bullet.text))
    });
    let projects = resume.projects.iter().flat_map(|p| &p.description);
    resume
        .summary
        .iter()
        .chain(jobs)
        .chain(projects)
        .chain(&resume.about)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n")
}
