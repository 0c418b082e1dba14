//! Tense that drifts within a job.
//!
//! A bullet's tense is read off its first word, against a list of the action
//! verbs résumés lead with: `Built` is past; `Build`, `Builds` and `Building`
//! are present. Anything else (`Backend services for …`) has no tense and is
//! left alone. A job that has ended reads in the past tense, so a
//! present-tense lead there is a warning; the current job may use either
//! tense, but only one.
//!
//! Words that are also nouns are read as nouns when a noun would be: a lead
//! followed by `and`, `or`, `&`, `for` or `of`, or by a comma or colon
//! (`Monitoring and alerts for …`, `Support for refunds`), has no tense, and
//! the bare form of verbs that are common nouns (`Design`, `Review`) is not
//! read as a verb at all.

use crate::diagnostic::{Diagnostic, agreeing, count};
use crate::model::date::EndDate;
use crate::model::types::Resume;

use super::JobBullet;

/// An action verb: its bare form, its past tense, and whether the bare form
/// is also a common noun.
struct Verb {
    base: &'static str,
    past: &'static str,
    noun: bool,
}

const fn verb(base: &'static str, past: &'static str) -> Verb {
    Verb {
        base,
        past,
        noun: false,
    }
}

const fn noun_verb(base: &'static str, past: &'static str) -> Verb {
    Verb {
        base,
        past,
        noun: true,
    }
}

/// Verbs résumé bullets lead with. None has the same past and bare form
/// (`cut`, `set`), since those cannot tell the tense.
const VERBS: &[Verb] = &[
    verb("accelerate", "accelerated"),
    verb("achieve", "achieved"),
    verb("add", "added"),
    verb("analyze", "analyzed"),
    verb("analyse", "analysed"),
    noun_verb("architect", "architected"),
    verb("assess", "assessed"),
    noun_verb("audit", "audited"),
    noun_verb("author", "authored"),
    verb("automate", "automated"),
    verb("build", "built"),
    noun_verb("champion", "championed"),
    verb("collaborate", "collaborated"),
    verb("consolidate", "consolidated"),
    verb("contribute", "contributed"),
    verb("coordinate", "coordinated"),
    verb("create", "created"),
    verb("debug", "debugged"),
    verb("decommission", "decommissioned"),
    verb("define", "defined"),
    verb("deliver", "delivered"),
    verb("deploy", "deployed"),
    verb("deprecate", "deprecated"),
    noun_verb("design", "designed"),
    verb("develop", "developed"),
    verb("diagnose", "diagnosed"),
    noun_verb("document", "documented"),
    verb("drive", "drove"),
    verb("eliminate", "eliminated"),
    verb("enable", "enabled"),
    verb("establish", "established"),
    verb("evaluate", "evaluated"),
    verb("expand", "expanded"),
    verb("extend", "extended"),
    noun_verb("fix", "fixed"),
    verb("grow", "grew"),
    noun_verb("guide", "guided"),
    verb("halve", "halved"),
    verb("harden", "hardened"),
    noun_verb("help", "helped"),
    verb("identify", "identified"),
    verb("implement", "implemented"),
    verb("improve", "improved"),
    verb("increase", "increased"),
    verb("instrument", "instrumented"),
    verb("integrate", "integrated"),
    verb("introduce", "introduced"),
    verb("investigate", "investigated"),
    noun_verb("launch", "launched"),
    noun_verb("lead", "led"),
    verb("maintain", "maintained"),
    verb("manage", "managed"),
    noun_verb("mentor", "mentored"),
    verb("migrate", "migrated"),
    verb("modernize", "modernized"),
    noun_verb("monitor", "monitored"),
    verb("optimize", "optimized"),
    verb("optimise", "optimised"),
    verb("orchestrate", "orchestrated"),
    verb("oversee", "oversaw"),
    verb("own", "owned"),
    noun_verb("partner", "partnered"),
    noun_verb("plan", "planned"),
    verb("prevent", "prevented"),
    noun_verb("prototype", "prototyped"),
    verb("publish", "published"),
    verb("rebuild", "rebuilt"),
    noun_verb("redesign", "redesigned"),
    verb("reduce", "reduced"),
    verb("refactor", "refactored"),
    verb("replace", "replaced"),
    verb("resolve", "resolved"),
    noun_verb("review", "reviewed"),
    verb("rewrite", "rewrote"),
    verb("run", "ran"),
    noun_verb("scale", "scaled"),
    verb("secure", "secured"),
    verb("ship", "shipped"),
    verb("simplify", "simplified"),
    verb("speak", "spoke"),
    verb("spearhead", "spearheaded"),
    verb("standardize", "standardized"),
    verb("streamline", "streamlined"),
    noun_verb("support", "supported"),
    verb("teach", "taught"),
    noun_verb("test", "tested"),
    noun_verb("track", "tracked"),
    verb("transform", "transformed"),
    verb("triage", "triaged"),
    verb("troubleshoot", "troubleshot"),
    verb("unify", "unified"),
    noun_verb("upgrade", "upgraded"),
    verb("write", "wrote"),
];

/// Words after which a leading verb form reads as a noun.
const NOUN_FOLLOWERS: [&str; 5] = ["and", "or", "&", "for", "of"];

/// The tense of a bullet's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
}

/// A bullet's first word, when it is a verb with a tense.
#[derive(Debug, PartialEq, Eq)]
pub struct Lead {
    /// The word as written.
    pub word: String,
    pub tense: Tense,
    /// The verb's bare form, e.g. `build`.
    pub base: &'static str,
    /// The verb's past tense, e.g. `built`.
    pub past: &'static str,
}

/// The tense of a bullet's text, read off its first word.
pub fn lead(text: &str) -> Option<Lead> {
    let mut words = text.split_whitespace();
    let written = words.next()?;
    let word = written.trim_matches(|c: char| !c.is_alphanumeric());
    // `Co-led`, `Re-architected`: the verb is the last part.
    let last = word.rsplit('-').next().unwrap_or(word).to_lowercase();
    let lead = |verb: &Verb, tense| Lead {
        word: word.to_owned(),
        tense,
        base: verb.base,
        past: verb.past,
    };
    if let Some(verb) = VERBS.iter().find(|verb| verb.past == last) {
        return Some(lead(verb, Tense::Past));
    }
    let reads_as_noun = written.ends_with([',', ':', ';'])
        || words
            .next()
            .is_some_and(|next| NOUN_FOLLOWERS.contains(&next.to_lowercase().as_str()));
    if reads_as_noun {
        return None;
    }
    VERBS
        .iter()
        .find(|verb| {
            (!verb.noun && verb.base == last)
                || third_person(verb.base) == last
                || gerunds(verb.base).contains(&last)
        })
        .map(|verb| lead(verb, Tense::Present))
}

/// `builds`, `fixes`, `unifies`.
fn third_person(base: &str) -> String {
    if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        format!("{stem}ies")
    } else {
        format!("{base}s")
    }
}

/// The spellings the `-ing` form can take: `building`, `writing`, `shipping`.
fn gerunds(base: &str) -> [String; 3] {
    let dropped_e = base
        .strip_suffix('e')
        .filter(|stem| !stem.ends_with('e'))
        .unwrap_or(base);
    let doubled = base.chars().last().map(|last| format!("{base}{last}ing"));
    [
        format!("{base}ing"),
        format!("{dropped_e}ing"),
        doubled.unwrap_or_default(),
    ]
}

/// A warning for each bullet whose tense does not fit its job.
pub fn check(resume: &Resume, bullets: &[JobBullet]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let locale = resume.locale();
    for (j, job) in resume.experience.iter().enumerate() {
        let leads: Vec<(&JobBullet, Lead)> = bullets
            .iter()
            .filter(|bullet| bullet.job == j)
            .filter_map(|bullet| Some((bullet, lead(&bullet.plain)?)))
            .collect();
        match job.end {
            None => {}
            Some(EndDate::Date(end)) => {
                for (bullet, lead) in leads.iter().filter(|(_, l)| l.tense == Tense::Present) {
                    found.push(
                        Diagnostic::warning(format!(
                            "`{}` is present tense, but this job at {} ended in {}",
                            lead.word,
                            job.company,
                            locale.date(end)
                        ))
                        .at(bullet.span.clone())
                        .help(format!(
                            "lead with the past tense, e.g. `{}`",
                            capitalized(lead.past)
                        )),
                    );
                }
            }
            Some(EndDate::Present) => {
                let Some(usual) = usual_tense(leads.iter().map(|(_, lead)| lead.tense)) else {
                    continue;
                };
                let others = leads.iter().filter(|(_, l)| l.tense == usual).count();
                for (bullet, lead) in leads.iter().filter(|(_, l)| l.tense != usual) {
                    let (this, that, instead) = match usual {
                        Tense::Past => ("present", "past", lead.past),
                        Tense::Present => ("past", "present", lead.base),
                    };
                    found.push(
                        Diagnostic::warning(format!(
                            "`{}` is {this} tense, but {} of this job at {} {} with the {that} tense",
                            lead.word,
                            count(others, "other bullet"),
                            job.company,
                            agreeing(others, "lead"),
                        ))
                        .at(bullet.span.clone())
                        .help(format!(
                            "keep one tense within a job, e.g. `{}`",
                            capitalized(instead)
                        )),
                    );
                }
            }
        }
    }
    found
}

/// The tense most bullets of the current job use, ties going to the first
/// bullet's; `None` when the job does not mix tenses.
fn usual_tense(tenses: impl Iterator<Item = Tense> + Clone) -> Option<Tense> {
    let first = tenses.clone().next()?;
    let past = tenses.clone().filter(|t| *t == Tense::Past).count();
    let present = tenses.count() - past;
    match (past, present) {
        (0, _) | (_, 0) => None,
        (past, present) if past > present => Some(Tense::Past),
        (past, present) if present > past => Some(Tense::Present),
        _ => Some(first),
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(text: &str) -> Option<Tense> {
        lead(text).map(|lead| lead.tense)
    }

    #[test]
    fn past_and_present_leads() {
        for text in [
            "Built the ledger.",
            "Led the migration",
            "Wrote design docs",
            "Co-led the payments guild",
            "**Shipped** idempotent writes",
            "Designed append-only tables",
        ] {
            assert_eq!(tense(text), Some(Tense::Past), "{text}");
        }
        for text in [
            "Build the ledger",
            "Builds the ledger",
            "Building the ledger",
            "Writing runbooks",
            "Shipping weekly",
            "Fixes flaky tests",
            "Unifies billing",
            "Designs the ledger",
        ] {
            assert_eq!(tense(text), Some(Tense::Present), "{text}");
        }
    }

    #[test]
    fn noun_readings_have_no_tense() {
        for text in [
            "Monitoring and alerts for processing delays and failures.",
            "Backend services for ride fares.",
            "Retry handling and dead-letter queues.",
            "Support for refunds",
            "Design reviews with finance",
            "Status tracking so support could trace stuck payouts.",
            "Tests for the ledger",
            "Planning: quarterly roadmaps",
            "",
        ] {
            assert_eq!(tense(text), None, "{text}");
        }
    }

    #[test]
    fn no_verb_hides_its_tense() {
        for verb in VERBS {
            assert_ne!(verb.base, verb.past);
            assert_eq!(lead(&capitalized(verb.past)).unwrap().base, verb.base);
        }
    }

    #[test]
    fn the_majority_sets_the_current_jobs_tense() {
        use Tense::{Past, Present};
        assert_eq!(usual_tense([Past, Past, Present].into_iter()), Some(Past));
        assert_eq!(
            usual_tense([Present, Past, Present].into_iter()),
            Some(Present)
        );
        assert_eq!(usual_tense([Present, Past].into_iter()), Some(Present));
        assert_eq!(usual_tense([Past, Past].into_iter()), None);
        assert_eq!(usual_tense([].into_iter()), None);
    }
}
