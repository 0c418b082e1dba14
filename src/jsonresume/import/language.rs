//! The language an imported résumé is written in, so that it is printed
//! with that locale's titles and month names rather than English ones.
//!
//! JSON Resume has no field for it, so it is read from the prose (headline,
//! summary, bullets, descriptions) with whatlang's trigram profiles, and
//! only when whatlang calls its guess reliable and the language has a
//! built-in locale. Too little prose for trigrams still tells its language
//! when its script is one language's own (Hebrew, Hangul, Japanese kana);
//! anything less leaves the default, English.

use whatlang::{Lang, Script};

use crate::model::types::Resume;

/// Less text than this is too little to tell a language by.
const ENOUGH_TEXT: usize = 80;

/// The built-in locale of the language the résumé's prose is written in,
/// when that is clear.
pub fn detect(resume: &Resume) -> Option<&'static str> {
    let text = prose(resume);
    let code = match text.chars().count() < ENOUGH_TEXT {
        true => by_script(&text)?,
        false => by_trigrams(&text)?,
    };
    crate::model::locale::builtin(code).map(|locale| locale.code.as_str())
}

/// The language whatlang reads in `text`, when it is sure.
fn by_trigrams(text: &str) -> Option<&'static str> {
    let info = whatlang::detect(text).filter(whatlang::Info::is_reliable)?;
    Some(match info.lang() {
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
    })
}

/// The language of the script `text` is mostly written in, when that
/// script is one language's own.
fn by_script(text: &str) -> Option<&'static str> {
    match whatlang::detect_script(text)? {
        Script::Hebrew => Some("he"),
        Script::Hangul => Some("ko"),
        Script::Hiragana | Script::Katakana => Some("ja"),
        _ => None,
    }
}

/// The résumé's sentences, one per line: what a language shows in.
fn prose(resume: &Resume) -> String {
    let jobs = resume.experience.iter().flat_map(|job| {
        let bullets = job.groups.iter().flat_map(|group| &group.bullets);
        job.summary.iter().chain(bullets.map(|bullet| &bullet.text))
    });
    let projects = resume.projects.iter().flat_map(|p| &p.description);
    let basics = &resume.basics;
    (basics.headline.iter())
        .chain(&resume.summary)
        .chain(jobs)
        .chain(projects)
        .chain(&resume.about)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n")
}
