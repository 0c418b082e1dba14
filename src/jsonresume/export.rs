//! Résumé → JSON Resume. Prose loses its inline markup (JSON Resume text is
//! plain), bullet groups flatten into `highlights`, jobs tagged `volunteer`
//! go to `volunteer`; what has no JSON Resume field is reported as a [`Loss`].
//!
//! The same mapping style as the import: an `Exporter` gathers the losses,
//! with one method per section that can lose something; sections that
//! always cross whole are plain functions.

use super::import::{COURSES_PREFIX, SCORE_PREFIX, VOLUNTEER_TAG};
use super::text::to_plain;
use super::types::{self, JsonResume, SCHEMA_URL};
use super::{Loss, Losses, each};
use crate::model::date::{Date, EndDate};
use crate::model::types::{Basics, Education, Entry, Job, Project, Resume, SkillGroup};

/// A JSON Resume document converted from a résumé, with what did not cross.
#[derive(Debug)]
pub struct Exported {
    pub document: JsonResume,
    pub losses: Vec<Loss>,
}

/// Converts a résumé (after any variants have been applied).
pub fn export(resume: &Resume) -> Exported {
    let mut exporter = Exporter::default();
    let document = exporter.document(resume);
    Exported {
        document,
        losses: exporter.losses.0,
    }
}

/// Converts section by section, recording what did not cross.
#[derive(Default)]
struct Exporter {
    losses: Losses,
}

impl Exporter {
    fn document(&mut self, resume: &Resume) -> JsonResume {
        let (volunteer, work): (Vec<&Job>, Vec<&Job>) = resume
            .experience
            .iter()
            .partition(|job| job.tags.iter().any(|tag| tag == VOLUNTEER_TAG));
        let summary = resume.summary.as_deref();
        let document = JsonResume {
            schema: Some(SCHEMA_URL.to_owned()),
            basics: Some(self.basics(&resume.basics, summary)),
            work: each(&work, |i, job| Some(self.work(i, job))),
            volunteer: each(&volunteer, |i, job| Some(self.volunteer(i, job))),
            education: each(&resume.education, |i, e| Some(self.education(i, e))),
            awards: each(&resume.awards, |i, a| Some(self.award(i, a))),
            certificates: each(&resume.certifications, |i, c| Some(self.certificate(i, c))),
            publications: resume.publications.iter().map(publication).collect(),
            skills: resume.skills.iter().map(skill).collect(),
            languages: each(&resume.languages, |i, l| Some(self.language(i, l))),
            projects: resume.projects.iter().map(project).collect(),
            ..JsonResume::default()
        };
        self.losses.lose_if(
            "focus_areas",
            &resume.focus_areas,
            "JSON Resume has no focus areas",
        );
        self.losses
            .lose_if("about", &resume.about, "JSON Resume has no about section");
        document
    }

    fn basics(&mut self, basics: &Basics, summary: Option<&str>) -> types::Basics {
        self.losses.lose_if(
            "basics.tagline",
            &basics.tagline,
            "JSON Resume basics have no tagline",
        );
        self.losses.lose_if(
            "basics.availability",
            &basics.availability,
            "JSON Resume basics have no availability",
        );
        types::Basics {
            name: Some(basics.name.clone()),
            label: basics.headline.clone(),
            email: basics.email.clone(),
            phone: basics.phone.clone(),
            url: basics.website.clone(),
            summary: summary.map(to_plain),
            location: basics.location.as_ref().map(|place| types::Location {
                city: Some(place.clone()),
                ..Default::default()
            }),
            profiles: basics
                .profiles
                .iter()
                .map(|profile| types::Profile {
                    network: Some(profile.network.clone()),
                    username: profile.username.clone(),
                    url: Some(profile.url.clone()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    /// A job's bullets, flattened; group names and technologies are reported.
    fn highlights(&mut self, field: &str, job: &Job) -> Vec<String> {
        for (i, group) in job.groups.iter().enumerate() {
            if let Some(name) = &group.name {
                self.losses.lose(
                    format!("{field}.groups[{i}].name ({name})"),
                    "JSON Resume highlights are one flat list",
                );
            }
            self.losses.lose_if(
                format!("{field}.groups[{i}].technologies"),
                &group.technologies,
                "JSON Resume work entries have no technologies",
            );
        }
        job.groups
            .iter()
            .flat_map(|group| &group.bullets)
            .map(|bullet| to_plain(&bullet.text))
            .collect()
    }

    fn work(&mut self, i: usize, job: &Job) -> types::Work {
        let field = format!("experience[{i}]");
        types::Work {
            name: Some(job.company.clone()),
            location: job.location.clone(),
            position: Some(job.title.clone()),
            start_date: job.start.map(text),
            end_date: job.end.and_then(end_date),
            summary: job.summary.as_deref().map(to_plain),
            highlights: self.highlights(&field, job),
            ..Default::default()
        }
    }

    fn volunteer(&mut self, i: usize, job: &Job) -> types::Volunteer {
        let field = format!("experience[{i}] (volunteer)");
        self.losses.lose_if(
            format!("{field}.location"),
            &job.location,
            "JSON Resume volunteer entries have no location",
        );
        types::Volunteer {
            organization: Some(job.company.clone()),
            position: Some(job.title.clone()),
            start_date: job.start.map(text),
            end_date: job.end.and_then(end_date),
            summary: job.summary.as_deref().map(to_plain),
            highlights: self.highlights(&field, job),
            ..Default::default()
        }
    }

    /// `Type in Area` splits into `studyType` and `area`; score and courses
    /// details, as import writes them, go back to their fields.
    fn education(&mut self, i: usize, school: &Education) -> types::Education {
        let (study_type, area) = match school.degree.split_once(" in ") {
            Some((kind, area)) => (kind.to_owned(), Some(area.to_owned())),
            None => (school.degree.clone(), None),
        };
        let mut score = None;
        let mut courses = Vec::new();
        for (j, detail) in school.details.iter().enumerate() {
            let detail = to_plain(detail);
            if let Some(value) = detail.strip_prefix(SCORE_PREFIX) {
                score = Some(value.to_owned());
            } else if let Some(list) = detail.strip_prefix(COURSES_PREFIX) {
                courses.extend(list.split(", ").map(str::to_owned));
            } else {
                self.losses.lose(
                    format!("education[{i}].details[{j}]"),
                    "JSON Resume education has no free-text details",
                );
            }
        }
        self.losses.lose_if(
            format!("education[{i}].location"),
            &school.location,
            "JSON Resume education has no location",
        );
        types::Education {
            institution: Some(school.institution.clone()),
            area,
            study_type: Some(study_type),
            start_date: school.start.map(text),
            end_date: school.end.and_then(end_date),
            score,
            courses,
            ..Default::default()
        }
    }

    fn award(&mut self, i: usize, award: &Entry) -> types::Award {
        let field = format!("awards[{i}].url");
        self.losses
            .lose_if(field, &award.url, "JSON Resume awards have no URL");
        types::Award {
            title: Some(award.title.clone()),
            date: award.date.map(text),
            awarder: award.subtitle.clone(),
            summary: joined(&award.details),
            ..Default::default()
        }
    }

    fn certificate(&mut self, i: usize, cert: &Entry) -> types::Certificate {
        let field = format!("certifications[{i}]");
        let reason = "JSON Resume certificates have no text";
        self.losses
            .lose_if(format!("{field}.details"), &cert.details, reason);
        // The schema types this one date as a full `YYYY-MM-DD`.
        let date = cert.date.map(|date| match date.month {
            Some(_) => format!("{date}-01"),
            None => format!("{date}-01-01"),
        });
        if let Some(date) = &date {
            self.losses.lose(
                format!("{field}.date"),
                format!("JSON Resume certificate dates need a day; written as `{date}`"),
            );
        }
        types::Certificate {
            name: Some(cert.title.clone()),
            date,
            url: cert.url.clone(),
            issuer: cert.subtitle.clone(),
            ..Default::default()
        }
    }

    fn language(&mut self, i: usize, language: &Entry) -> types::Language {
        self.losses.lose_if(
            format!("languages[{i}].details"),
            &language.details,
            "JSON Resume languages have no text",
        );
        types::Language {
            language: Some(language.title.clone()),
            fluency: language.subtitle.clone(),
            ..Default::default()
        }
    }
}

fn publication(publication: &Entry) -> types::Publication {
    types::Publication {
        name: Some(publication.title.clone()),
        publisher: publication.subtitle.clone(),
        release_date: publication.date.map(text),
        url: publication.url.clone(),
        summary: joined(&publication.details),
        ..Default::default()
    }
}

fn skill(group: &SkillGroup) -> types::Skill {
    types::Skill {
        name: Some(group.category.clone()),
        keywords: group.items.clone(),
        ..Default::default()
    }
}

/// Technologies and concepts both become keywords.
fn project(project: &Project) -> types::Project {
    types::Project {
        name: Some(project.name.clone()),
        description: project.subtitle.clone(),
        highlights: project.description.iter().map(|p| to_plain(p)).collect(),
        keywords: project
            .technologies
            .iter()
            .chain(&project.concepts)
            .cloned()
            .collect(),
        url: project.url.clone(),
        entity: project.organization.clone(),
        ..Default::default()
    }
}

/// A date as JSON Resume writes it: `YYYY-MM`, or `YYYY` for a year alone.
fn text(date: Date) -> String {
    date.to_string()
}

/// JSON Resume leaves `endDate` out for an ongoing role.
fn end_date(end: EndDate) -> Option<String> {
    match end {
        EndDate::Date(end) => Some(text(end)),
        EndDate::Present => None,
    }
}

/// Detail paragraphs as one plain summary.
fn joined(details: &[String]) -> Option<String> {
    let text: Vec<String> = details.iter().map(|d| to_plain(d)).collect();
    (!text.is_empty()).then(|| text.join(" "))
}
