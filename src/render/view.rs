//! The render view: the résumé as every backend and template sees it.
//!
//! Built once per build from the model: sections in display order, dates
//! formatted, inline markup parsed into spans. It serializes to the JSON that
//! the typst template reads and the context handlebars templates render, so
//! all backends show exactly the same content.

use serde::Serialize;

use super::design::Tokens;

use crate::model::inline::{self, Span};
use crate::model::locale::{Direction, Labels, Locale, uppercase};
use crate::model::types::{Education, Entry, Job, Paper, Project, Resume, Section};

/// Rich text: one field's spans.
pub type Inline = Vec<Span>;

/// The whole document to render.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The language it is printed in: a built-in locale's code.
    pub lang: String,
    /// Which way its script runs.
    pub dir: Direction,
    /// The locale's labels, with the résumé's own applied.
    pub labels: Labels,
    /// What separates the items of a list (skills): `, `, `、`.
    pub list_separator: String,
    pub name: String,
    pub headline: Option<String>,
    pub tagline: Option<String>,
    pub availability: Option<String>,
    pub contact: Vec<Contact>,
    pub keywords: Vec<String>,
    pub paper: Paper,
    pub sections: Vec<SectionView>,
    /// How it looks: the theme's tokens with the résumé's `design:` applied.
    pub design: Tokens,
}

/// One way to reach the person.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub kind: &'static str,
    pub text: String,
    pub url: Option<String>,
}

/// A section with its title and content.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub kind: Section,
    pub title: String,
    /// The title in capitals as its language writes them, for themes that
    /// set titles in capitals (Turkish keeps the dot: `EĞİTİM`).
    pub title_upper: String,
    #[serde(flatten)]
    pub body: Body,
}

/// What a section holds, by kind.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Body {
    Paragraphs { paragraphs: Vec<Inline> },
    Items { items: Vec<Inline> },
    Jobs { jobs: Vec<JobView> },
    Projects { projects: Vec<ProjectView> },
    Skills { groups: Vec<SkillView> },
    Education { entries: Vec<EducationView> },
    Entries { entries: Vec<EntryView> },
}

#[derive(Debug, Clone, Serialize)]
pub struct JobView {
    pub company: String,
    pub title: String,
    pub location: Option<String>,
    pub dates: String,
    pub summary: Option<Inline>,
    pub groups: Vec<GroupView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub name: Option<String>,
    pub bullets: Vec<Inline>,
    pub technologies: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectView {
    pub name: String,
    pub organization: Option<String>,
    pub subtitle: Option<String>,
    pub url: Option<String>,
    pub paragraphs: Vec<Inline>,
    pub technologies: Vec<String>,
    pub concepts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillView {
    pub name: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EducationView {
    pub degree: String,
    pub institution: String,
    pub location: Option<String>,
    pub dates: Option<String>,
    pub details: Vec<Inline>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub title: String,
    pub subtitle: Option<String>,
    pub dates: Option<String>,
    pub url: Option<String>,
    pub details: Vec<Inline>,
}

impl Document {
    /// Builds the view of a résumé.
    /// The view of `resume`, drawn with `design` (see [`Tokens::resolve`]).
    pub fn new(resume: &Resume, design: Tokens) -> Self {
        let basics = &resume.basics;
        let locale = resume.locale();
        Document {
            name: basics.name.clone(),
            headline: basics.headline.clone(),
            tagline: basics.tagline.clone(),
            availability: basics.availability.clone(),
            contact: contacts(resume),
            keywords: keywords(resume),
            paper: resume.paper,
            sections: resume
                .section_order
                .iter()
                .filter_map(|&section| section_view(resume, &locale, section))
                .collect(),
            design,
            lang: locale.code,
            dir: locale.direction,
            labels: locale.labels,
            list_separator: locale.list_separator,
        }
    }

    /// Calls `visit` with every string of the document, as it serializes.
    pub fn visit_strings(&self, visit: &mut impl FnMut(&str)) {
        let mut value = serde_json::to_value(self).expect("the render view always serializes");
        // The design is the theme's and the labels the locale's, not text
        // of the résumé (the section titles among them are visited).
        if let Some(fields) = value.as_object_mut() {
            for not_text in ["design", "labels", "lang", "dir", "list_separator"] {
                fields.remove(not_text);
            }
        }
        visit_json_strings(&value, visit);
    }
}

pub(super) fn visit_json_strings(value: &serde_json::Value, visit: &mut impl FnMut(&str)) {
    match value {
        serde_json::Value::String(text) => visit(text),
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|item| visit_json_strings(item, visit)),
        serde_json::Value::Object(fields) => fields
            .values()
            .for_each(|field| visit_json_strings(field, visit)),
        _ => {}
    }
}

pub(crate) fn contacts(resume: &Resume) -> Vec<Contact> {
    let basics = &resume.basics;
    let mut contact = Vec::new();
    if let Some(email) = &basics.email {
        contact.push(Contact {
            kind: "email",
            text: email.clone(),
            url: Some(format!("mailto:{email}")),
        });
    }
    if let Some(phone) = &basics.phone {
        let digits: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        contact.push(Contact {
            kind: "phone",
            text: phone.clone(),
            url: Some(format!("tel:{digits}")),
        });
    }
    if let Some(location) = &basics.location {
        contact.push(Contact {
            kind: "location",
            text: location.clone(),
            url: None,
        });
    }
    if let Some(website) = &basics.website {
        contact.push(Contact {
            kind: "website",
            text: display_url(website),
            url: Some(website.clone()),
        });
    }
    for profile in &basics.profiles {
        contact.push(Contact {
            kind: "profile",
            text: display_url(&profile.url),
            url: Some(profile.url.clone()),
        });
    }
    contact
}

/// `https://github.com/ada/` → `github.com/ada`.
pub fn display_url(url: &str) -> String {
    let bare = url
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    bare.trim_start_matches("www.")
        .trim_end_matches('/')
        .to_owned()
}

/// Every skill once, in the order first written: the PDF's keywords; none
/// when the skills section is not shown.
fn keywords(resume: &Resume) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    if !resume.section_order.contains(&Section::Skills) {
        return keywords;
    }
    for item in resume.skills.iter().flat_map(|group| &group.items) {
        if !keywords
            .iter()
            .any(|known| known.eq_ignore_ascii_case(item))
        {
            keywords.push(item.clone());
        }
    }
    keywords
}

fn section_view(resume: &Resume, locale: &Locale, section: Section) -> Option<SectionView> {
    let body = match section {
        Section::Summary => Body::Paragraphs {
            paragraphs: resume.summary.iter().map(|s| inline::parse(s)).collect(),
        },
        Section::About => Body::Paragraphs {
            paragraphs: inlines(&resume.about),
        },
        Section::FocusAreas => Body::Items {
            items: inlines(&resume.focus_areas),
        },
        Section::Experience => Body::Jobs {
            jobs: resume
                .experience
                .iter()
                .map(|job| job_view(job, locale))
                .collect(),
        },
        Section::Projects => Body::Projects {
            projects: resume.projects.iter().map(project_view).collect(),
        },
        Section::Skills => Body::Skills {
            groups: resume
                .skills
                .iter()
                .map(|group| SkillView {
                    name: group.category.clone(),
                    items: group.items.clone(),
                })
                .collect(),
        },
        Section::Education => Body::Education {
            entries: resume
                .education
                .iter()
                .map(|school| education_view(school, locale))
                .collect(),
        },
        Section::Certifications => entries(&resume.certifications, locale),
        Section::Publications => entries(&resume.publications, locale),
        Section::Awards => entries(&resume.awards, locale),
        Section::Languages => entries(&resume.languages, locale),
    };
    (!body.is_empty()).then_some(SectionView {
        kind: section,
        title: locale.labels.section(section).to_owned(),
        title_upper: uppercase(&locale.code, locale.labels.section(section)),
        body,
    })
}

/// Each text's inline markup parsed.
fn inlines(texts: &[String]) -> Vec<Inline> {
    texts.iter().map(|text| inline::parse(text)).collect()
}

fn job_view(job: &Job, locale: &Locale) -> JobView {
    JobView {
        company: job.company.clone(),
        title: job.title.clone(),
        location: job.location.clone(),
        dates: locale.range(job.start, job.end).unwrap_or_default(),
        summary: job.summary.as_deref().map(inline::parse),
        groups: job
            .groups
            .iter()
            .map(|group| GroupView {
                name: group.name.clone(),
                bullets: group
                    .bullets
                    .iter()
                    .map(|b| inline::parse(&b.text))
                    .collect(),
                technologies: group.technologies.clone(),
            })
            .collect(),
    }
}

fn project_view(project: &Project) -> ProjectView {
    ProjectView {
        name: project.name.clone(),
        organization: project.organization.clone(),
        subtitle: project.subtitle.clone(),
        url: project.url.clone(),
        paragraphs: inlines(&project.description),
        technologies: project.technologies.clone(),
        concepts: project.concepts.clone(),
    }
}

fn education_view(school: &Education, locale: &Locale) -> EducationView {
    EducationView {
        degree: school.degree.clone(),
        institution: school.institution.clone(),
        location: school.location.clone(),
        dates: locale.range(school.start, school.end),
        details: inlines(&school.details),
    }
}

fn entries(entries: &[Entry], locale: &Locale) -> Body {
    Body::Entries {
        entries: entries
            .iter()
            .map(|entry| EntryView {
                title: entry.title.clone(),
                subtitle: entry.subtitle.clone(),
                dates: entry.date.map(|date| locale.date(date)),
                url: entry.url.clone(),
                details: inlines(&entry.details),
            })
            .collect(),
    }
}

impl Body {
    fn is_empty(&self) -> bool {
        match self {
            Body::Paragraphs { paragraphs } => paragraphs.is_empty(),
            Body::Items { items } => items.is_empty(),
            Body::Jobs { jobs } => jobs.is_empty(),
            Body::Projects { projects } => projects.is_empty(),
            Body::Skills { groups } => groups.is_empty(),
            Body::Education { entries } => entries.is_empty(),
            Body::Entries { entries } => entries.is_empty(),
        }
    }
}
