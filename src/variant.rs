//! Variants: tailored versions of one résumé, applied as a pure function.
//!
//! `apply` takes the résumé and the chosen variants in order and returns a
//! new résumé; it only removes, reorders or replaces, never adds content from
//! elsewhere, and does no I/O. Later variants see the result of earlier ones,
//! so `--variant payments --variant one-page` composes.

use crate::model::date::EndDate;
use crate::model::types::{Bullet, ContactField, Resume, Variant};

/// The résumé as the variants, applied in order, shape it.
pub fn apply(resume: &Resume, variants: &[&Variant]) -> Resume {
    variants
        .iter()
        .fold(resume.clone(), |resume, variant| apply_one(resume, variant))
}

fn apply_one(mut resume: Resume, variant: &Variant) -> Resume {
    let basics = &mut resume.basics;
    replace(&mut basics.headline, &variant.headline);
    replace(&mut basics.tagline, &variant.tagline);
    replace(&mut resume.summary, &variant.summary);
    for field in &variant.hide_contact {
        match field {
            ContactField::Email => basics.email = None,
            ContactField::Phone => basics.phone = None,
            ContactField::Location => basics.location = None,
            ContactField::Website => basics.website = None,
            ContactField::Profiles => basics.profiles.clear(),
        }
    }
    if let Some(paper) = variant.paper {
        resume.paper = paper;
    }
    if let Some(design) = &variant.design {
        resume.design = resume.design.overlaid(design);
        if let Some(paper) = design.paper {
            resume.paper = paper;
        }
    }

    let dropped = |tags: &[String]| {
        tags.iter().any(|tag| variant.drop_tags.contains(tag))
            || (!variant.keep_tags.is_empty()
                && !tags.is_empty()
                && !tags.iter().any(|tag| variant.keep_tags.contains(tag)))
    };
    let focused = |tags: &[String]| tags.iter().any(|tag| variant.focus.contains(tag));

    if let Some(since) = variant.since {
        let latest = resume
            .experience
            .first()
            .map(|job| (job.company.clone(), job.start));
        resume.experience.retain(|job| {
            Some((job.company.clone(), job.start)) == latest
                || (job.end)
                    .and_then(EndDate::last_month)
                    .is_none_or(|end| end >= since.first_month())
        });
    }
    resume.experience.retain(|job| !dropped(&job.tags));
    for job in &mut resume.experience {
        job.groups.retain(|group| !dropped(&group.tags));
        focus_first(&mut job.groups, |group| focused(&group.tags));
        for group in &mut job.groups {
            group.bullets.retain(|bullet| !dropped(&bullet.tags));
            focus_first(&mut group.bullets, |bullet| focused(&bullet.tags));
            if let Some(max) = variant.max_bullets {
                keep_most_important(&mut group.bullets, max);
            }
        }
        job.groups.retain(|group| !group.bullets.is_empty());
    }
    resume.projects.retain(|project| !dropped(&project.tags));
    focus_first(&mut resume.projects, |project| focused(&project.tags));
    resume.skills.retain(|group| !dropped(&group.tags));
    focus_first(&mut resume.skills, |group| focused(&group.tags));

    if let Some(sections) = &variant.sections {
        resume.section_order.clone_from(sections);
    }
    resume
        .section_order
        .retain(|section| !variant.hide_sections.contains(section));
    resume
}

fn replace<T: Clone>(target: &mut Option<T>, replacement: &Option<T>) {
    if replacement.is_some() {
        target.clone_from(replacement);
    }
}

/// Moves the focused items to the front, keeping the order within each half.
fn focus_first<T>(items: &mut [T], focused: impl Fn(&T) -> bool) {
    items.sort_by_key(|item| !focused(item));
}

/// Keeps the `max` bullets of highest priority, in their original order.
fn keep_most_important(bullets: &mut Vec<Bullet>, max: usize) {
    if bullets.len() <= max {
        return;
    }
    let mut ranked: Vec<usize> = (0..bullets.len()).collect();
    ranked.sort_by_key(|&i| std::cmp::Reverse(bullets[i].priority.unwrap_or(0)));
    ranked.truncate(max);
    ranked.sort_unstable();
    let kept: Vec<Bullet> = ranked.into_iter().map(|i| bullets[i].clone()).collect();
    *bullets = kept;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::Section;

    fn resume() -> Resume {
        crate::model::real_resume()
    }

    fn bullets(resume: &Resume) -> Vec<String> {
        let groups = resume.experience.iter().flat_map(|job| job.groups.iter());
        groups
            .flat_map(|g| g.bullets.iter().map(|b| b.text.clone()))
            .collect()
    }

    #[test]
    fn no_variant_changes_nothing() {
        let base = resume();
        assert_eq!(bullets(&apply(&base, &[])), bullets(&base));
    }

    #[test]
    fn variants_only_remove_or_reorder() {
        let base = resume();
        let all = bullets(&base);
        for (name, variant) in &base.variants {
            let applied = apply(&base, &[variant]);
            for bullet in bullets(&applied) {
                assert!(all.contains(&bullet), "{name} added {bullet}");
            }
        }
    }

    #[test]
    fn drop_tags_and_focus_apply() {
        let base = resume();
        let variant = Variant {
            drop_tags: vec!["frontend".into()],
            focus: vec!["events".into()],
            max_bullets: Some(2),
            hide_sections: vec![Section::About],
            ..Variant::default()
        };
        let applied = apply(&base, &[&variant]);
        assert!(applied.skills.iter().all(|s| s.category != "Frontend"));
        assert_eq!(
            applied.projects[0].name,
            "Event Processing Platform (Kafka)"
        );
        assert!(
            applied
                .experience
                .iter()
                .flat_map(|j| &j.groups)
                .all(|g| g.bullets.len() <= 2)
        );
        assert!(!applied.section_order.contains(&Section::About));
        assert!(applied.section_order.contains(&Section::Experience));
    }

    #[test]
    fn an_empty_selection_shows_no_sections() {
        let base = resume();
        let hide_all = Variant {
            hide_sections: Section::ALL.to_vec(),
            ..Variant::default()
        };
        let none = Variant {
            sections: Some(Vec::new()),
            ..Variant::default()
        };
        for variant in [hide_all, none] {
            assert_eq!(apply(&base, &[&variant]).section_order, []);
        }
    }

    #[test]
    fn keep_tags_leave_out_other_tagged_items() {
        let base = resume();
        let variant = Variant {
            keep_tags: vec!["ledger".into()],
            ..Variant::default()
        };
        let applied = apply(&base, &[&variant]);
        let groups: Vec<_> = applied.experience.iter().flat_map(|j| &j.groups).collect();
        assert_eq!(groups.len(), 1, "only the ledger group is tagged `ledger`");
        assert!(
            applied.skills.iter().any(|s| s.category == "Languages"),
            "untagged skills stay"
        );
    }

    #[test]
    fn since_keeps_the_latest_job() {
        let base = resume();
        let variant = Variant {
            since: Some(crate::model::date::Date::year_only(2030)),
            ..Variant::default()
        };
        let applied = apply(&base, &[&variant]);
        assert_eq!(applied.experience.len(), 1);
        assert_eq!(applied.experience[0].company, "Airbnb");
    }
}
