//! Jobs and volunteer roles: the one kind of entry whose dates resume.yaml
//! requires, so the one that can be left out (and named) when they cannot
//! be read.

use super::super::dates::{self, Reading};
use super::super::types;
use super::{
    Importer, VOLUNTEER_TAG,
    fields::{prose, text},
};
use crate::model::date::EndDate;
use crate::model::types::{Bullet, Group, Job};
use crate::model::unfilled::UNFILLED;

impl Importer {
    pub(super) fn work(&mut self, i: usize, work: &types::Work) -> Option<Job> {
        let field = format!("work[{i}]");
        self.extra(&field, &work.extra);
        self.losses.lose_if(
            format!("{field}.url"),
            &work.url,
            "resume.yaml jobs have no company URL",
        );
        let summary = match (text(&work.description), text(&work.summary)) {
            (Some(description), summary) => {
                self.note(
                    &format!("{field}.description"),
                    "the company's description; kept as the first line of the job's summary"
                        .to_owned(),
                );
                Some(summary.map_or(description.clone(), |s| format!("{description}\n{s}")))
            }
            (None, summary) => summary,
        };
        if !work.highlight_groups.is_empty() {
            self.note(
                &format!("{field}.highlightGroups"),
                "not in JSON Resume v1.0.0; read as named bullet groups".to_owned(),
            );
        }
        self.job(
            &field,
            Role {
                organization: &work.name,
                position: &work.position,
                location: text(&work.location),
                start: &work.start_date,
                end: &work.end_date,
                summary,
                highlights: &work.highlights,
                highlight_groups: &work.highlight_groups,
                tags: Vec::new(),
            },
        )
    }

    pub(super) fn volunteer(&mut self, i: usize, role: &types::Volunteer) -> Option<Job> {
        let field = format!("volunteer[{i}]");
        self.extra(&field, &role.extra);
        self.losses.lose_if(
            format!("{field}.url"),
            &role.url,
            "resume.yaml jobs have no organization URL",
        );
        self.job(
            &field,
            Role {
                organization: &role.organization,
                position: &role.position,
                location: text(&role.location),
                start: &role.start_date,
                end: &role.end_date,
                summary: text(&role.summary),
                highlights: &role.highlights,
                highlight_groups: &[],
                tags: vec![VOLUNTEER_TAG.to_owned()],
            },
        )
    }

    fn job(&mut self, field: &str, role: Role) -> Option<Job> {
        let company = self.required(&format!("{field}.name"), role.organization, UNFILLED);
        let title = self.required(&format!("{field}.position"), role.position, UNFILLED);
        let start = self.date(&format!("{field}.startDate"), role.start.as_deref());
        let end_field = format!("{field}.endDate");
        // JSON Resume leaves out the end of a job that goes on.
        let end = match (start, dates::read(role.end.as_deref())) {
            (Some(_), Reading::Empty) => Some(EndDate::Present),
            _ => self.end_date(&end_field, role.end.as_deref()),
        };
        let (start, end) = self.period(field, start, end);
        let unnamed = (None, role.highlights);
        let named = (role.highlight_groups.iter()).map(|g| (text(&g.section), g.items.as_slice()));
        let groups = std::iter::once(unnamed)
            .chain(named)
            .filter_map(|(name, items)| group(name, items))
            .collect();
        Some(Job {
            company,
            title,
            location: role.location,
            start,
            end,
            summary: prose(role.summary.as_deref()),
            groups,
            tags: role.tags,
            priority: None,
        })
    }
}

/// The fields work and volunteer entries share.
struct Role<'a> {
    organization: &'a Option<String>,
    position: &'a Option<String>,
    location: Option<String>,
    start: &'a Option<String>,
    end: &'a Option<String>,
    summary: Option<String>,
    highlights: &'a [String],
    highlight_groups: &'a [types::HighlightGroup],
    tags: Vec<String>,
}

/// A bullet group of `items`, or none when they hold no text.
fn group(name: Option<String>, items: &[String]) -> Option<Group> {
    let bullets: Vec<Bullet> = (items.iter())
        .filter_map(|h| prose(Some(h)))
        .map(|text| Bullet {
            text,
            tags: Vec::new(),
            priority: None,
        })
        .collect();
    (!bullets.is_empty()).then(|| Group {
        name: name.as_deref().and_then(|n| prose(Some(n))),
        bullets,
        technologies: Vec::new(),
        tags: Vec::new(),
        priority: None,
    })
}
