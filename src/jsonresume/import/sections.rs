//! Projects, skills, education and the entry sections (certificates,
//! publications, awards, languages). An entry missing its required name
//! keeps its content under the placeholder [`UNFILLED`].

use super::super::types;
use super::{
    COURSES_PREFIX, Importer, SCORE_PREFIX,
    fields::{prose, text},
};
use crate::model::types::{Education, Entry, Project, SkillGroup};
use crate::model::unfilled::UNFILLED;

impl Importer {
    pub(super) fn project(&mut self, i: usize, project: &types::Project) -> Option<Project> {
        let field = format!("projects[{i}]");
        self.extra(&field, &project.extra);
        let reason = "resume.yaml projects have no dates";
        self.losses
            .lose_if(format!("{field}.startDate"), &project.start_date, reason);
        self.losses
            .lose_if(format!("{field}.endDate"), &project.end_date, reason);
        self.losses.lose_if(
            format!("{field}.roles"),
            &project.roles,
            "resume.yaml projects have no roles",
        );
        self.losses.lose_if(
            format!("{field}.type"),
            &project.r#type,
            "resume.yaml projects have no type",
        );
        let description: Vec<String> = project
            .highlights
            .iter()
            .filter_map(|h| prose(Some(h)))
            .collect();
        let subtitle = text(&project.description);
        let url = self.url(&format!("{field}.url"), &project.url);
        let has_content = subtitle.is_some() || url.is_some() || !description.is_empty();
        if text(&project.name).is_none() && !has_content && project.keywords.is_empty() {
            self.losses.lose(field, "skipped: it is empty");
            return None;
        }
        Some(Project {
            name: self.required(&format!("{field}.name"), &project.name, UNFILLED),
            organization: text(&project.entity),
            subtitle,
            url,
            description,
            technologies: project.keywords.clone(),
            concepts: Vec::new(),
            tags: Vec::new(),
            priority: None,
        })
    }

    /// Skills with keywords become one group each; bare skill names are
    /// gathered into a single `Skills` group.
    pub(super) fn skills(&mut self, skills: &[types::Skill]) -> Vec<SkillGroup> {
        let mut groups = Vec::new();
        let mut bare = Vec::new();
        for (i, skill) in skills.iter().enumerate() {
            let field = format!("skills[{i}]");
            self.extra(&field, &skill.extra);
            self.losses.lose_if(
                format!("{field}.level"),
                &skill.level,
                "resume.yaml skills have no level",
            );
            match (text(&skill.name), skill.keywords.is_empty()) {
                (Some(name), true) => bare.push(name),
                (name, false) => groups.push(SkillGroup {
                    category: name.unwrap_or_else(|| "Skills".to_owned()),
                    items: skill.keywords.clone(),
                    tags: Vec::new(),
                    priority: None,
                }),
                (None, true) => self.losses.lose(field, "skipped: it is empty"),
            }
        }
        if !bare.is_empty() {
            groups.push(SkillGroup {
                category: "Skills".to_owned(),
                items: bare,
                tags: Vec::new(),
                priority: None,
            });
        }
        groups
    }

    pub(super) fn education(&mut self, i: usize, school: &types::Education) -> Option<Education> {
        let field = format!("education[{i}]");
        self.extra(&field, &school.extra);
        self.losses.lose_if(
            format!("{field}.url"),
            &school.url,
            "resume.yaml education has no URL",
        );
        let degree = match (text(&school.study_type), text(&school.area)) {
            (Some(kind), Some(area)) => Some(format!("{kind} in {area}")),
            (Some(only), None) | (None, Some(only)) => Some(only),
            (None, None) => None,
        };
        let mut details = Vec::new();
        if let Some(score) = text(&school.score) {
            details.push(format!("{SCORE_PREFIX}{score}"));
        }
        if let Some(description) = text(&school.description) {
            details.push(description);
        }
        if !school.courses.is_empty() {
            details.push(format!("{COURSES_PREFIX}{}", school.courses.join(", ")));
        }
        let start = self.date(&format!("{field}.startDate"), school.start_date.as_deref());
        let end = self.end_date(&format!("{field}.endDate"), school.end_date.as_deref());
        if degree.is_none() && text(&school.institution).is_none() && details.is_empty() {
            self.losses.lose(field, "skipped: it is empty");
            return None;
        }
        let (start, end) = self.period(&field, start, end);
        Some(Education {
            degree: degree.unwrap_or_else(|| {
                self.unfilled(&format!("{field}.studyType"));
                UNFILLED.to_owned()
            }),
            institution: self.required(
                &format!("{field}.institution"),
                &school.institution,
                UNFILLED,
            ),
            location: text(&school.location),
            start,
            end,
            details: details.iter().filter_map(|d| prose(Some(d))).collect(),
        })
    }

    pub(super) fn certificate(&mut self, i: usize, cert: &types::Certificate) -> Option<Entry> {
        let field = format!("certificates[{i}]");
        self.extra(&field, &cert.extra);
        let c = cert;
        self.entry(&field, [&c.name, &c.issuer, &c.date, &c.url, &c.summary])
    }

    pub(super) fn publication(
        &mut self,
        i: usize,
        publication: &types::Publication,
    ) -> Option<Entry> {
        let field = format!("publications[{i}]");
        self.extra(&field, &publication.extra);
        let p = publication;
        self.entry(
            &field,
            [&p.name, &p.publisher, &p.release_date, &p.url, &p.summary],
        )
    }

    pub(super) fn award(&mut self, i: usize, award: &types::Award) -> Option<Entry> {
        let field = format!("awards[{i}]");
        self.extra(&field, &award.extra);
        let a = award;
        self.entry(&field, [&a.title, &a.awarder, &a.date, &None, &a.summary])
    }

    pub(super) fn language(&mut self, i: usize, language: &types::Language) -> Option<Entry> {
        let field = format!("languages[{i}]");
        self.extra(&field, &language.extra);
        let l = language;
        self.entry(&field, [&l.language, &l.fluency, &None, &None, &l.summary])
    }

    /// An entry from its `[title, subtitle, date, url, summary]`.
    pub(super) fn entry(
        &mut self,
        field: &str,
        [title, subtitle, date, url, summary]: [&Option<String>; 5],
    ) -> Option<Entry> {
        let subtitle = text(subtitle);
        let date = self.date(&format!("{field}.date"), date.as_deref());
        let url = self.url(&format!("{field}.url"), url);
        let details: Vec<String> = prose(summary.as_deref()).into_iter().collect();
        if text(title).is_none() && subtitle.is_none() && url.is_none() && details.is_empty() {
            self.losses.lose(field, "skipped: it is empty");
            return None;
        }
        Some(Entry {
            title: self.required(&format!("{field}.name"), title, UNFILLED),
            subtitle,
            date,
            url,
            details,
        })
    }
}
