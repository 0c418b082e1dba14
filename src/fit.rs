//! Page budgets: tighten the design, then drop the least important optional
//! items, until the PDF fits.
//!
//! Tightening comes first: the steps of [`TIGHTENING`] are shares of how far
//! the theme lets its spacing and type tighten, and the least step that fits
//! is kept, so nothing is dropped that tightening could keep. When even the
//! tightest design does not fit, items are dropped from it.
//!
//! Items are ranked once (explicit `priority` first, then a default by kind:
//! long-form sections 1, projects 2, bullets of earlier jobs 3, of the latest
//! job 4, skill groups 5; then later-in-the-document before earlier); fitting bisects on how many of
//! the lowest-ranked items to drop, so it costs a handful of engine runs
//! rather than one per item. Contact details and jobs are never dropped, and
//! the first bullet of every group of the latest job always stays.

use std::fmt;

use crate::diagnostic::count;
use crate::model::types::{Resume, Section};

/// One optional piece of the résumé that fitting may drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Section(Section),
    Project(usize),
    SkillGroup(usize),
    Bullet {
        job: usize,
        group: usize,
        bullet: usize,
    },
}

/// How far fitting may tighten the design, least first: shares of the
/// theme's bounds (0 would be the design as it is).
pub const TIGHTENING: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

/// What fitting did.
#[derive(Debug, Clone)]
pub struct Fitted {
    pub resume: Resume,
    pub pages_before: usize,
    pub pages: usize,
    pub engine_runs: usize,
    /// The share of the theme's tightening used: 0 when none was needed.
    pub tightening: f64,
    /// What was dropped, least important first, described for people.
    pub dropped: Vec<String>,
}

/// Why a résumé could not be fitted.
#[derive(Debug)]
pub enum FitError<E> {
    /// Even with every optional item dropped the PDF is this many pages.
    TooLong {
        max_pages: usize,
        smallest: usize,
    },
    Engine(E),
}

impl<E: fmt::Display> fmt::Display for FitError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::TooLong {
                max_pages,
                smallest,
            } => write!(
                f,
                "cannot fit the résumé in {}: the smallest reached, with every optional item dropped, is {}; shorten required content or raise `max_pages`",
                count(*max_pages, "page"),
                count(*smallest, "page"),
            ),
            FitError::Engine(error) => error.fmt(f),
        }
    }
}

/// Fits `resume` into `max_pages`; `count_pages` counts the pages of a
/// résumé with the design tightened by a share of the theme's bounds.
pub fn to_pages<E>(
    resume: &Resume,
    max_pages: usize,
    mut count_pages: impl FnMut(&Resume, f64) -> Result<usize, E>,
) -> Result<Fitted, FitError<E>> {
    let engine_runs = std::cell::Cell::new(0);
    let mut count = |resume: &Resume, tightening: f64| {
        engine_runs.set(engine_runs.get() + 1);
        count_pages(resume, tightening).map_err(FitError::Engine)
    };
    let pages_before = count(resume, 0.0)?;
    let (resume, pages, tightening, dropped) = if pages_before <= max_pages {
        (resume.clone(), pages_before, 0.0, Vec::new())
    } else {
        let tightest = TIGHTENING[TIGHTENING.len() - 1];
        let tight_pages = count(resume, tightest)?;
        if tight_pages <= max_pages {
            // The least step that fits: a bisection, as tighter never adds pages.
            let (mut low, mut high, mut pages) = (0, TIGHTENING.len() - 1, tight_pages);
            while low < high {
                let middle = (low + high) / 2;
                let middle_pages = count(resume, TIGHTENING[middle])?;
                if middle_pages <= max_pages {
                    (high, pages) = (middle, middle_pages);
                } else {
                    low = middle + 1;
                }
            }
            (resume.clone(), pages, TIGHTENING[high], Vec::new())
        } else {
            let (kept, pages, dropped) = drop_to_fit(resume, max_pages, |r| count(r, tightest))?;
            (kept, pages, tightest, dropped)
        }
    };
    Ok(Fitted {
        resume,
        pages_before,
        pages,
        engine_runs: engine_runs.get(),
        tightening,
        dropped,
    })
}

/// Drops the fewest of the lowest-ranked items that make `resume` fit:
/// the résumé kept, its pages, and what was dropped, described.
fn drop_to_fit<E>(
    resume: &Resume,
    max_pages: usize,
    mut count: impl FnMut(&Resume) -> Result<usize, FitError<E>>,
) -> Result<(Resume, usize, Vec<String>), FitError<E>> {
    let ranked = ranked_items(resume);
    // Invariant: dropping `high` items fits (checked below), dropping `low` does not.
    let (mut low, mut high) = (0, ranked.len());
    let everything_dropped = without(resume, &ranked);
    let smallest = count(&everything_dropped)?;
    if smallest > max_pages {
        return Err(FitError::TooLong {
            max_pages,
            smallest,
        });
    }
    let mut best = (everything_dropped, smallest);
    while high - low > 1 {
        let middle = (low + high) / 2;
        let candidate = without(resume, &ranked[..middle]);
        let pages = count(&candidate)?;
        if pages <= max_pages {
            high = middle;
            best = (candidate, pages);
        } else {
            low = middle;
        }
    }
    let dropped = ranked[..high]
        .iter()
        .map(|item| describe(resume, *item))
        .collect();
    Ok((best.0, best.1, dropped))
}

/// Optional items, least important first.
pub fn ranked_items(resume: &Resume) -> Vec<Item> {
    let mut items: Vec<(u8, usize, Item)> = Vec::new();
    let mut position = 0;
    let mut push = |priority: u8, item: Item, items: &mut Vec<(u8, usize, Item)>| {
        position += 1;
        items.push((priority, position, item));
    };
    for section in [
        Section::About,
        Section::FocusAreas,
        Section::Certifications,
        Section::Publications,
        Section::Awards,
        Section::Languages,
    ] {
        if resume.section_order.contains(&section) {
            push(1, Item::Section(section), &mut items);
        }
    }
    let shown = |section| resume.section_order.contains(&section);
    for (i, project) in resume
        .projects
        .iter()
        .enumerate()
        .filter(|_| shown(Section::Projects))
    {
        push(project.priority.unwrap_or(2), Item::Project(i), &mut items);
    }
    let jobs = resume
        .experience
        .iter()
        .enumerate()
        .filter(|_| shown(Section::Experience));
    for (j, job) in jobs {
        for (g, group) in job.groups.iter().enumerate() {
            for (b, bullet) in group.bullets.iter().enumerate() {
                if j == 0 && b == 0 {
                    continue;
                }
                let default = if j == 0 { 4 } else { 3 };
                push(
                    bullet.priority.unwrap_or(default),
                    Item::Bullet {
                        job: j,
                        group: g,
                        bullet: b,
                    },
                    &mut items,
                );
            }
        }
    }
    for (i, group) in resume
        .skills
        .iter()
        .enumerate()
        .filter(|_| shown(Section::Skills))
    {
        push(group.priority.unwrap_or(5), Item::SkillGroup(i), &mut items);
    }
    // Lowest priority first; among equals, the later in the document goes first.
    items.sort_by_key(|&(priority, position, _)| (priority, std::cmp::Reverse(position)));
    items.into_iter().map(|(_, _, item)| item).collect()
}

/// The résumé without the given items.
pub fn without(resume: &Resume, items: &[Item]) -> Resume {
    let mut fitted = resume.clone();
    fitted
        .section_order
        .retain(|section| !items.contains(&Item::Section(*section)));
    fitted.projects = keep(&resume.projects, |i| !items.contains(&Item::Project(i)));
    fitted.skills = keep(&resume.skills, |i| !items.contains(&Item::SkillGroup(i)));
    for (j, job) in fitted.experience.iter_mut().enumerate() {
        for (g, group) in job.groups.iter_mut().enumerate() {
            group.bullets = keep(&group.bullets, |b| {
                !items.contains(&Item::Bullet {
                    job: j,
                    group: g,
                    bullet: b,
                })
            });
        }
        job.groups.retain(|group| !group.bullets.is_empty());
    }
    fitted
}

fn keep<T: Clone>(list: &[T], keep: impl Fn(usize) -> bool) -> Vec<T> {
    list.iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, item)| item.clone())
        .collect()
}

fn describe(resume: &Resume, item: Item) -> String {
    match item {
        Item::Section(section) => format!("section `{}`", section.key()),
        Item::Project(i) => format!("project “{}”", resume.projects[i].name),
        Item::SkillGroup(i) => format!("skills “{}”", resume.skills[i].category),
        Item::Bullet { job, group, bullet } => {
            let job_ref = &resume.experience[job];
            format!(
                "{} bullet “{}”",
                job_ref.company, resume.experience[job].groups[group].bullets[bullet].text
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resume() -> Resume {
        crate::model::real_resume()
    }

    /// How many bullets, projects and skill groups a résumé has.
    fn items(resume: &Resume) -> usize {
        let groups = resume.experience.iter().flat_map(|j| &j.groups);
        let bullets: usize = groups.map(|g| g.bullets.len()).sum();
        bullets + resume.projects.len() + resume.skills.len()
    }

    /// A stand-in page count: one page per 25 items.
    fn pages(resume: &Resume, _tightening: f64) -> Result<usize, String> {
        Ok(items(resume).div_ceil(25))
    }

    #[test]
    fn tightening_comes_before_dropping_and_takes_the_least_step_that_fits() {
        let all = items(&resume());
        // One item too many for a page, unless tightened by at least `step`.
        let fits_from = |step: f64| {
            move |r: &Resume, tightening: f64| -> Result<usize, String> {
                let per_page = if tightening >= step { all } else { all - 1 };
                Ok(items(r).div_ceil(per_page))
            }
        };
        for step in TIGHTENING {
            let fitted = to_pages(&resume(), 1, fits_from(step)).unwrap();
            assert!(fitted.dropped.is_empty(), "{:?}", fitted.dropped);
            assert_eq!((fitted.tightening, fitted.pages), (step, 1));
            assert!(fitted.engine_runs <= 4);
        }
        let never = to_pages(&resume(), 1, fits_from(2.0)).unwrap();
        assert_eq!(never.tightening, 1.0, "dropping keeps the tightest design");
        assert!(!never.dropped.is_empty());
    }

    #[test]
    fn bisects_to_the_budget_and_keeps_the_latest_job() {
        let fitted = to_pages(&resume(), 1, pages).unwrap();
        assert_eq!(fitted.pages, 1);
        assert!(
            fitted.engine_runs <= 3 + (ranked_items(&resume()).len() as f64).log2().ceil() as usize
        );
        assert_eq!(
            fitted.resume.experience[0].groups.len(),
            3,
            "the latest job lost a group"
        );
        assert!(!fitted.dropped.is_empty());
    }

    #[test]
    fn an_impossible_budget_names_the_smallest_count() {
        let error = to_pages(&resume(), 0, pages).unwrap_err();
        assert!(matches!(error, FitError::TooLong { smallest: 1, .. }));
    }

    #[test]
    fn a_fitting_resume_is_untouched() {
        let fitted = to_pages(&resume(), 10, pages).unwrap();
        assert!(fitted.dropped.is_empty());
        assert_eq!(fitted.engine_runs, 1);
    }
}
