//! JSON Resume → résumé. Each JSON Resume section lands in its resume.yaml
//! counterpart; volunteer work joins `experience` tagged `volunteer`, so a
//! variant can drop it. What has no counterpart is reported as a [`Loss`].

use super::text::to_prose;
use super::types::{self, Extra, JsonResume};
use super::{Loss, Losses};
use crate::model::date::{EndDate, YearMonth};
use crate::model::types::{
    Basics, Bullet, Education, Entry, Group, Job, Profile, Project, Resume, SkillGroup,
};

/// The tag volunteer roles carry in `experience`.
pub const VOLUNTEER_TAG: &str = "volunteer";
/// How a degree's score is written among its details.
pub const SCORE_PREFIX: &str = "Score: ";
/// How a degree's courses are written among its details.
pub const COURSES_PREFIX: &str = "Courses: ";
/// The name an imported résumé gets when the document has none, which
/// validation flags as a placeholder.
const PLACEHOLDER_NAME: &str = "Your Name";

/// A résumé converted from JSON Resume, with what did not cross.
#[derive(Debug)]
pub struct Imported {
    pub resume: Resume,
    pub losses: Vec<Loss>,
}

/// Converts a JSON Resume document.
pub fn import(doc: &JsonResume) -> Imported {
    let mut importer = Importer::default();
    let resume = importer.resume(doc);
    Imported {
        resume,
        losses: importer.losses.0,
    }
}

#[derive(Default)]
struct Importer {
    losses: Losses,
}

impl Importer {
    fn resume(&mut self, doc: &JsonResume) -> Resume {
        self.extra("", &doc.extra);
        let basics = doc.basics.as_ref();
        let imported_basics = self.basics(basics);
        let summary = basics.and_then(|b| self.prose("basics.summary", b.summary.as_deref()));
        if doc
            .meta
            .as_ref()
            .is_some_and(|m| m != &serde_json::Value::Null)
        {
            self.losses
                .lose("meta", "document metadata is not part of a résumé");
        }
        let unsupported = [
            (
                "interests",
                doc.interests.iter().map(|i| &i.name).collect::<Vec<_>>(),
            ),
            (
                "references",
                doc.references.iter().map(|r| &r.name).collect(),
            ),
        ];
        for (section, names) in unsupported {
            for (i, name) in names.into_iter().enumerate() {
                self.losses.lose(
                    format!("{section}[{i}] ({})", name.as_deref().unwrap_or("")),
                    format!("resume.yaml has no {section} section"),
                );
            }
        }
        let mut experience: Vec<Job> = doc
            .work
            .iter()
            .enumerate()
            .filter_map(|(i, work)| self.work(i, work))
            .collect();
        experience.extend(
            doc.volunteer
                .iter()
                .enumerate()
                .filter_map(|(i, role)| self.volunteer(i, role)),
        );
        Resume {
            basics: imported_basics,
            summary,
            experience,
            projects: doc
                .projects
                .iter()
                .enumerate()
                .filter_map(|(i, p)| self.project(i, p))
                .collect(),
            skills: self.skills(&doc.skills),
            education: doc
                .education
                .iter()
                .enumerate()
                .filter_map(|(i, e)| self.education(i, e))
                .collect(),
            certifications: doc
                .certificates
                .iter()
                .enumerate()
                .filter_map(|(i, c)| self.certificate(i, c))
                .collect(),
            publications: doc
                .publications
                .iter()
                .enumerate()
                .filter_map(|(i, p)| self.publication(i, p))
                .collect(),
            awards: doc
                .awards
                .iter()
                .enumerate()
                .filter_map(|(i, a)| self.award(i, a))
                .collect(),
            languages: doc
                .languages
                .iter()
                .enumerate()
                .filter_map(|(i, l)| self.language(i, l))
                .collect(),
            ..Resume::default()
        }
    }

    fn basics(&mut self, basics: Option<&types::Basics>) -> Basics {
        let Some(basics) = basics else {
            self.losses.lose(
                "basics",
                format!("missing; the name is set to the placeholder `{PLACEHOLDER_NAME}`"),
            );
            return Basics {
                name: PLACEHOLDER_NAME.to_owned(),
                ..Basics::default()
            };
        };
        self.extra("basics", &basics.extra);
        self.losses.lose_if(
            "basics.image",
            &basics.image,
            "resumec résumés carry no photo",
        );
        let name = match text(&basics.name) {
            Some(name) => name,
            None => {
                self.losses.lose(
                    "basics.name",
                    format!("missing; set to the placeholder `{PLACEHOLDER_NAME}`"),
                );
                PLACEHOLDER_NAME.to_owned()
            }
        };
        Basics {
            name,
            headline: text(&basics.label),
            tagline: None,
            email: text(&basics.email),
            phone: text(&basics.phone),
            location: basics.location.as_ref().and_then(|l| self.location(l)),
            website: self.url("basics.url", &basics.url),
            availability: None,
            profiles: basics
                .profiles
                .iter()
                .enumerate()
                .filter_map(|(i, p)| self.profile(i, p))
                .collect(),
        }
    }

    /// A JSON Resume location as one line: `address, city, region postalCode, countryCode`.
    fn location(&mut self, location: &types::Location) -> Option<String> {
        self.extra("basics.location", &location.extra);
        let region = [&location.region, &location.postal_code]
            .into_iter()
            .filter_map(text)
            .collect::<Vec<_>>()
            .join(" ");
        let parts: Vec<String> = [
            text(&location.address),
            text(&location.city),
            Some(region).filter(|r| !r.is_empty()),
            text(&location.country_code),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    fn profile(&mut self, i: usize, profile: &types::Profile) -> Option<Profile> {
        let field = format!("basics.profiles[{i}]");
        self.extra(&field, &profile.extra);
        let Some(url) = self.url(&format!("{field}.url"), &profile.url) else {
            self.losses.lose(
                field,
                "has no url, which resume.yaml profiles need to be links",
            );
            return None;
        };
        Some(Profile {
            network: text(&profile.network).unwrap_or_else(|| "Profile".to_owned()),
            username: text(&profile.username),
            url,
        })
    }

    fn work(&mut self, i: usize, work: &types::Work) -> Option<Job> {
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

    fn volunteer(&mut self, i: usize, role: &types::Volunteer) -> Option<Job> {
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
        let (Some(company), Some(title)) = (text(role.organization), text(role.position)) else {
            self.losses.lose(
                field,
                "skipped: resume.yaml jobs need both an organization name and a position",
            );
            return None;
        };
        let Some(start) = self.month(&format!("{field}.startDate"), role.start.as_deref()) else {
            self.losses.lose(
                field,
                format!("skipped ({company}): resume.yaml jobs need a start month"),
            );
            return None;
        };
        let end = match role.end.as_deref().filter(|d| !d.trim().is_empty()) {
            None => EndDate::Present,
            Some(end) => match self.month(&format!("{field}.endDate"), Some(end)) {
                Some(month) => EndDate::Month(month),
                None => {
                    self.losses.lose(
                        field,
                        format!("skipped ({company}): its endDate is not a date"),
                    );
                    return None;
                }
            },
        };
        let bullets: Vec<Bullet> = role
            .highlights
            .iter()
            .enumerate()
            .filter_map(|(j, h)| self.prose(&format!("{field}.highlights[{j}]"), Some(h)))
            .map(|text| Bullet {
                text,
                tags: Vec::new(),
                priority: None,
            })
            .collect();
        let groups = if bullets.is_empty() {
            Vec::new()
        } else {
            vec![Group {
                name: None,
                bullets,
                technologies: Vec::new(),
                tags: Vec::new(),
                priority: None,
            }]
        };
        Some(Job {
            company,
            title,
            location: role.location,
            start,
            end,
            summary: self.prose(&format!("{field}.summary"), role.summary.as_deref()),
            groups,
            tags: role.tags,
            priority: None,
        })
    }

    fn project(&mut self, i: usize, project: &types::Project) -> Option<Project> {
        let field = format!("projects[{i}]");
        self.extra(&field, &project.extra);
        let Some(name) = text(&project.name) else {
            self.losses
                .lose(field, "skipped: resume.yaml projects need a name");
            return None;
        };
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
        Some(Project {
            name,
            organization: text(&project.entity),
            subtitle: text(&project.description),
            url: self.url(&format!("{field}.url"), &project.url),
            description: project
                .highlights
                .iter()
                .enumerate()
                .filter_map(|(j, h)| self.prose(&format!("{field}.highlights[{j}]"), Some(h)))
                .collect(),
            technologies: project.keywords.clone(),
            concepts: Vec::new(),
            tags: Vec::new(),
            priority: None,
        })
    }

    /// Skills with keywords become one group each; bare skill names are
    /// gathered into a single `Skills` group.
    fn skills(&mut self, skills: &[types::Skill]) -> Vec<SkillGroup> {
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

    fn education(&mut self, i: usize, school: &types::Education) -> Option<Education> {
        let field = format!("education[{i}]");
        self.extra(&field, &school.extra);
        self.losses.lose_if(
            format!("{field}.url"),
            &school.url,
            "resume.yaml education has no URL",
        );
        let degree = match (text(&school.study_type), text(&school.area)) {
            (Some(kind), Some(area)) => format!("{kind} in {area}"),
            (Some(only), None) | (None, Some(only)) => only,
            (None, None) => {
                self.losses.lose(
                    field,
                    "skipped: resume.yaml education needs a studyType or area",
                );
                return None;
            }
        };
        let Some(institution) = text(&school.institution) else {
            self.losses
                .lose(field, "skipped: resume.yaml education needs an institution");
            return None;
        };
        let mut details = Vec::new();
        if let Some(score) = text(&school.score) {
            details.push(format!("{SCORE_PREFIX}{score}"));
        }
        if !school.courses.is_empty() {
            details.push(format!("{COURSES_PREFIX}{}", school.courses.join(", ")));
        }
        Some(Education {
            degree,
            institution,
            location: None,
            start: self.month(&format!("{field}.startDate"), school.start_date.as_deref()),
            end: self
                .month(&format!("{field}.endDate"), school.end_date.as_deref())
                .map(EndDate::Month),
            details: details
                .iter()
                .enumerate()
                .filter_map(|(j, d)| self.prose(&format!("{field}.details[{j}]"), Some(d)))
                .collect(),
        })
    }

    fn certificate(&mut self, i: usize, cert: &types::Certificate) -> Option<Entry> {
        let field = format!("certificates[{i}]");
        self.extra(&field, &cert.extra);
        self.entry(
            &field,
            &cert.name,
            &cert.issuer,
            &cert.date,
            &cert.url,
            &None,
        )
    }

    fn publication(&mut self, i: usize, publication: &types::Publication) -> Option<Entry> {
        let field = format!("publications[{i}]");
        self.extra(&field, &publication.extra);
        let date = &publication.release_date;
        self.entry(
            &field,
            &publication.name,
            &publication.publisher,
            date,
            &publication.url,
            &publication.summary,
        )
    }

    fn award(&mut self, i: usize, award: &types::Award) -> Option<Entry> {
        let field = format!("awards[{i}]");
        self.extra(&field, &award.extra);
        self.entry(
            &field,
            &award.title,
            &award.awarder,
            &award.date,
            &None,
            &award.summary,
        )
    }

    fn language(&mut self, i: usize, language: &types::Language) -> Option<Entry> {
        let field = format!("languages[{i}]");
        self.extra(&field, &language.extra);
        let none = None;
        self.entry(
            &field,
            &language.language,
            &language.fluency,
            &none,
            &none,
            &none,
        )
    }

    fn entry(
        &mut self,
        field: &str,
        title: &Option<String>,
        subtitle: &Option<String>,
        date: &Option<String>,
        url: &Option<String>,
        summary: &Option<String>,
    ) -> Option<Entry> {
        let Some(title) = text(title) else {
            self.losses.lose(field, "skipped: it has no name or title");
            return None;
        };
        Some(Entry {
            title,
            subtitle: text(subtitle),
            date: self.month(&format!("{field}.date"), date.as_deref()),
            url: self.url(&format!("{field}.url"), url),
            details: self
                .prose(&format!("{field}.summary"), summary.as_deref())
                .into_iter()
                .collect(),
        })
    }

    /// A JSON Resume date as a month. A day is dropped and a bare year
    /// becomes January; both are reported, since they change the text shown.
    fn month(&mut self, field: &str, date: Option<&str>) -> Option<YearMonth> {
        let date = date.map(str::trim).filter(|d| !d.is_empty())?;
        let parsed = match date.len() {
            4 => YearMonth::parse(&format!("{date}-01")).inspect(|_| {
                self.losses.lose(
                    field,
                    format!("`{date}` has no month; imported as `{date}-01`"),
                )
            }),
            7 => YearMonth::parse(date),
            10 => YearMonth::parse(&date[..7]).inspect(|month| {
                self.losses.lose(
                    field,
                    format!(
                        "the day of `{date}` is dropped (`{month}`): resume.yaml dates are months"
                    ),
                )
            }),
            _ => Err(String::new()),
        };
        match parsed {
            Ok(month) => Some(month),
            Err(_) => {
                self.losses.lose(
                    field,
                    format!("`{date}` is not a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)"),
                );
                None
            }
        }
    }

    /// Plain text for a prose field of resume.yaml, escaped so that it prints
    /// as written.
    fn prose(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        Some(to_prose(value).unwrap_or_else(|| {
            self.losses.lose(
                field,
                "kept as written, but resume.yaml may read some of its characters as markup",
            );
            value.to_owned()
        }))
    }

    /// A link, given `https://` when it was written as a bare domain
    /// (resume.yaml links must name their scheme); the change is reported.
    fn url(&mut self, field: &str, value: &Option<String>) -> Option<String> {
        let url = text(value)?;
        if url.contains("://") || url.starts_with("mailto:") || !looks_like_domain(&url) {
            return Some(url);
        }
        let fixed = format!("https://{url}");
        self.losses.lose(
            field,
            format!("`{url}` has no scheme; written as `{fixed}`"),
        );
        Some(fixed)
    }

    fn extra(&mut self, field: &str, extra: &Extra) {
        for key in extra.keys() {
            let path = if field.is_empty() {
                key.clone()
            } else {
                format!("{field}.{key}")
            };
            self.losses.lose(
                path,
                "not a JSON Resume field; resume.yaml has no place for it",
            );
        }
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

/// A string field's trimmed text, if it has any.
fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// `example.com/path`: a host with a dot and no spaces.
fn looks_like_domain(url: &str) -> bool {
    let host = url.split('/').next().unwrap_or_default();
    host.contains('.') && !url.contains(char::is_whitespace)
}
