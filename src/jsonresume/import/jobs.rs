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
        self.losses.lose_if(
            format!("{field}.description"),
            &work.description,
            "resume.yaml jobs have no company description",
        );
        self.job(
            &field,
            Role {
                organization: &work.name,
                position: &work.position,
                location: text(&work.location),
                start: &work.start_date,
                end: &work.end_date,
                summary: &work.summary,
                highlights: &work.highlights,
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
                location: None,
                start: &role.start_date,
                end: &role.end_date,
                summary: &role.summary,
                highlights: &role.highlights,
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
        let bullets: Vec<Bullet> = (role.highlights.iter())
            .filter_map(|h| prose(Some(h)))
            .map(|text| Bullet {
                text,
                tags: Vec::new(),
                priority: None,
            })
            .collect();
        let groups = match bullets.is_empty() {
            true => Vec::new(),
            false => vec![Group {
                name: None,
                bullets,
                technologies: Vec::new(),
                tags: Vec::new(),
                priority: None,
            }],
        };
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
    summary: &'a Option<String>,
    highlights: &'a [String],
    tags: Vec<String>,
}
