//! JSON Resume → résumé. Each JSON Resume section lands in its resume.yaml
//! counterpart; volunteer work joins `experience` tagged `volunteer`, so a
//! variant can drop it. What has no counterpart is reported as a [`Loss`].
//!
//! No entry (a job, a degree, a project, …) is dropped for a missing field:
//! a required text the document lacks becomes the placeholder
//! [`UNFILLED`], which validation flags. Only a job whose dates cannot be
//! read at all is left out, and it is returned in [`Imported::dropped`] so
//! the command can fail naming it.

use super::dates::{self, Reading, Remark};
use super::normalize::normalize;
use super::text::to_prose;
use super::types::{self, Extra, JsonResume};
use super::{Loss, Losses};
use crate::model::date::{Date, EndDate};
use crate::model::types::{
    Basics, Bullet, Education, Entry, Group, Job, Profile, Project, Resume, SkillGroup,
};
use crate::model::unfilled::UNFILLED;
use crate::model::validate::is_web_address;

/// The tag volunteer roles carry in `experience`.
pub const VOLUNTEER_TAG: &str = "volunteer";
/// How a degree's score is written among its details.
pub const SCORE_PREFIX: &str = "Score: ";
/// How a degree's courses are written among its details.
pub const COURSES_PREFIX: &str = "Courses: ";
/// The name an imported résumé gets when the document has none, which
/// validation flags as a placeholder.
const PLACEHOLDER_NAME: &str = "Your Name";

/// A résumé converted from JSON Resume, with what changed on the way.
#[derive(Debug)]
pub struct Imported {
    pub resume: Resume,
    /// Fields read another way than written (older names, other date
    /// notations); their content arrived whole.
    pub notes: Vec<Loss>,
    /// Fields, or parts of them, that did not cross.
    pub losses: Vec<Loss>,
    /// Whole entries that could not be kept.
    pub dropped: Vec<Loss>,
}

/// Reads a JSON Resume document (a UTF-8 byte order mark is allowed) and
/// converts it. A syntax error carries its line and column; a document of
/// the wrong shape, line 0.
pub fn read(text: &str) -> Result<Imported, serde_json::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value: serde_json::Value = serde_json::from_str(text)?;
    let mended = normalize(&mut value);
    let document: JsonResume = serde_json::from_value(value)?;
    let mut imported = import(&document);
    imported.notes.splice(0..0, mended.notes);
    imported.losses.splice(0..0, mended.losses);
    Ok(imported)
}

/// Converts a JSON Resume document.
pub fn import(doc: &JsonResume) -> Imported {
    let mut importer = Importer::default();
    let resume = importer.resume(doc);
    Imported {
        resume,
        notes: importer.notes,
        losses: importer.losses.0,
        dropped: importer.dropped,
    }
}

#[derive(Default)]
struct Importer {
    notes: Vec<Loss>,
    losses: Losses,
    dropped: Vec<Loss>,
}

/// Converts every entry of one section, in order.
fn each<T, U>(items: &[T], mut convert: impl FnMut(usize, &T) -> Option<U>) -> Vec<U> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| convert(i, item))
        .collect()
}

impl Importer {
    fn resume(&mut self, doc: &JsonResume) -> Resume {
        self.extra("", &doc.extra);
        let basics = doc.basics.as_ref();
        let imported_basics = self.basics(basics);
        let summary = basics.and_then(|b| self.prose("basics.summary", b.summary.as_deref()));
        if doc.meta.as_ref().is_some_and(|m| !m.is_null()) {
            self.losses
                .lose("meta", "document metadata is not part of a résumé");
        }
        let interests = doc.interests.iter().map(|i| &i.name);
        let references = doc.references.iter().map(|r| &r.name);
        for (section, names) in [
            ("interests", interests.collect::<Vec<_>>()),
            ("references", references.collect()),
        ] {
            for (i, name) in names.into_iter().enumerate() {
                self.losses.lose(
                    format!("{section}[{i}] ({})", name.as_deref().unwrap_or("")),
                    format!("resume.yaml has no {section} section"),
                );
            }
        }
        let mut experience = each(&doc.work, |i, work| self.work(i, work));
        experience.extend(each(&doc.volunteer, |i, role| self.volunteer(i, role)));
        Resume {
            basics: imported_basics,
            summary,
            experience,
            projects: each(&doc.projects, |i, p| self.project(i, p)),
            skills: self.skills(&doc.skills),
            education: each(&doc.education, |i, e| self.education(i, e)),
            certifications: each(&doc.certificates, |i, c| self.certificate(i, c)),
            publications: each(&doc.publications, |i, p| self.publication(i, p)),
            awards: each(&doc.awards, |i, a| self.award(i, a)),
            languages: each(&doc.languages, |i, l| self.language(i, l)),
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
        Basics {
            name: self.required("basics.name", &basics.name, PLACEHOLDER_NAME),
            headline: text(&basics.label),
            tagline: None,
            email: text(&basics.email),
            phone: text(&basics.phone),
            location: basics.location.as_ref().and_then(|l| self.location(l)),
            website: self.url("basics.url", &basics.url),
            availability: None,
            profiles: each(&basics.profiles, |i, p| self.profile(i, p)),
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
        let network = text(&profile.network).unwrap_or_else(|| "Profile".to_owned());
        let Some(url) = self.url(&format!("{field}.url"), &profile.url) else {
            let username = text(&profile.username).unwrap_or_default();
            self.losses.lose(
                format!("{field} ({network} {username})"),
                "has no web address, which resume.yaml profiles need to be links",
            );
            return None;
        };
        Some(Profile {
            network,
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
        let company = self.required(&format!("{field}.name"), role.organization, UNFILLED);
        let title = self.required(&format!("{field}.position"), role.position, UNFILLED);
        let start_field = format!("{field}.startDate");
        let start = match dates::read(role.start.as_deref()) {
            Reading::Date { date, remark } => Some(self.remark(&start_field, date, remark)),
            _ => None,
        };
        let end_field = format!("{field}.endDate");
        let end = match dates::read(role.end.as_deref()) {
            Reading::Empty => Some(EndDate::Present),
            Reading::Present => Some(self.present(&end_field, role.end.as_deref())),
            Reading::Date { date, remark } => {
                Some(EndDate::Date(self.remark(&end_field, date, remark)))
            }
            Reading::Unreadable => None,
        };
        let (Some(start), Some(end)) = (start, end) else {
            let written = |date: &Option<String>| format!("`{}`", date.as_deref().unwrap_or(""));
            self.dropped.push(Loss {
                field: format!("{field} ({company}, {title})"),
                reason: format!(
                    "its dates ({} to {}) cannot be read; resume.yaml jobs need a start \
                     (`YYYY-MM` or `YYYY`) and an end (or `present`): add this job by hand",
                    written(role.start),
                    written(role.end)
                ),
            });
            return None;
        };
        let (start, end) = self.in_order(field, start, end);
        let highlights = role.highlights.iter().enumerate();
        let bullets: Vec<Bullet> = highlights
            .filter_map(|(j, h)| self.prose(&format!("{field}.highlights[{j}]"), Some(h)))
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
            summary: self.prose(&format!("{field}.summary"), role.summary.as_deref()),
            groups,
            tags: role.tags,
            priority: None,
        })
    }

    /// A period as written, or swapped (and reported) when it ends before it starts.
    fn in_order(&mut self, field: &str, start: Date, end: EndDate) -> (Date, EndDate) {
        match end {
            EndDate::Date(end) if end.last_month() < start.first_month() => {
                self.losses.lose(
                    field,
                    format!("it ends ({end}) before it starts ({start}); the two are swapped"),
                );
                (end, EndDate::Date(start))
            }
            _ => (start, end),
        }
    }

    fn project(&mut self, i: usize, project: &types::Project) -> Option<Project> {
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
        let description: Vec<String> = each(&project.highlights, |j, h| {
            self.prose(&format!("{field}.highlights[{j}]"), Some(h))
        });
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
            (Some(kind), Some(area)) => Some(format!("{kind} in {area}")),
            (Some(only), None) | (None, Some(only)) => Some(only),
            (None, None) => None,
        };
        let mut details = Vec::new();
        if let Some(score) = text(&school.score) {
            details.push(format!("{SCORE_PREFIX}{score}"));
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
        let (start, end) = match (start, end) {
            (Some(start), Some(end)) => {
                let (start, end) = self.in_order(&field, start, end);
                (Some(start), Some(end))
            }
            other => other,
        };
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
            location: None,
            start,
            end,
            details: each(&details, |j, d| {
                self.prose(&format!("{field}.details[{j}]"), Some(d))
            }),
        })
    }

    fn certificate(&mut self, i: usize, cert: &types::Certificate) -> Option<Entry> {
        let field = format!("certificates[{i}]");
        self.extra(&field, &cert.extra);
        let none = None;
        self.entry(
            &field,
            [&cert.name, &cert.issuer, &cert.date, &cert.url, &none],
        )
    }

    fn publication(&mut self, i: usize, publication: &types::Publication) -> Option<Entry> {
        let field = format!("publications[{i}]");
        self.extra(&field, &publication.extra);
        let p = publication;
        self.entry(
            &field,
            [&p.name, &p.publisher, &p.release_date, &p.url, &p.summary],
        )
    }

    fn award(&mut self, i: usize, award: &types::Award) -> Option<Entry> {
        let field = format!("awards[{i}]");
        self.extra(&field, &award.extra);
        let a = award;
        self.entry(&field, [&a.title, &a.awarder, &a.date, &None, &a.summary])
    }

    fn language(&mut self, i: usize, language: &types::Language) -> Option<Entry> {
        let field = format!("languages[{i}]");
        self.extra(&field, &language.extra);
        let none = None;
        self.entry(
            &field,
            [&language.language, &language.fluency, &none, &none, &none],
        )
    }

    /// An entry from its `[title, subtitle, date, url, summary]`.
    fn entry(
        &mut self,
        field: &str,
        [title, subtitle, date, url, summary]: [&Option<String>; 5],
    ) -> Option<Entry> {
        let subtitle = text(subtitle);
        let date = self.date(&format!("{field}.date"), date.as_deref());
        let url = self.url(&format!("{field}.url"), url);
        let details: Vec<String> = self
            .prose(&format!("{field}.summary"), summary.as_deref())
            .into_iter()
            .collect();
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

    /// A required text field, or `placeholder` (reported) when it is blank.
    fn required(&mut self, field: &str, value: &Option<String>, placeholder: &str) -> String {
        text(value).unwrap_or_else(|| {
            self.losses.lose(
                field,
                format!("missing; set to the placeholder `{placeholder}`"),
            );
            placeholder.to_owned()
        })
    }

    fn unfilled(&mut self, field: &str) {
        self.losses.lose(
            field,
            format!("missing; set to the placeholder `{UNFILLED}`"),
        );
    }

    /// An optional date; one that cannot be read is reported and left out.
    fn date(&mut self, field: &str, written: Option<&str>) -> Option<Date> {
        match dates::read(written) {
            Reading::Empty => None,
            Reading::Date { date, remark } => Some(self.remark(field, date, remark)),
            Reading::Present | Reading::Unreadable => {
                self.not_a_date(field, written);
                None
            }
        }
    }

    /// An optional end date, which may also be a word for "ongoing".
    fn end_date(&mut self, field: &str, written: Option<&str>) -> Option<EndDate> {
        match dates::read(written) {
            Reading::Present => Some(self.present(field, written)),
            _ => self.date(field, written).map(EndDate::Date),
        }
    }

    fn not_a_date(&mut self, field: &str, written: Option<&str>) {
        self.losses.lose(
            field,
            format!(
                "`{}` is not a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)",
                written.unwrap_or_default()
            ),
        );
    }

    fn present(&mut self, field: &str, written: Option<&str>) -> EndDate {
        let written = written.unwrap_or_default().trim();
        if !written.eq_ignore_ascii_case("present") {
            self.note(field, format!("`{written}` read as `present`"));
        }
        EndDate::Present
    }

    /// Records how a date was read, and returns it.
    fn remark(&mut self, field: &str, date: Date, remark: Option<Remark>) -> Date {
        match remark {
            Some(Remark::Note(note)) => self.note(field, note),
            Some(Remark::Loss(loss)) => self.losses.lose(field, loss),
            None => {}
        }
        date
    }

    fn note(&mut self, field: &str, reason: String) {
        self.notes.push(Loss {
            field: field.to_owned(),
            reason,
        });
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

    /// A web address, given `https://` when it was written as a bare domain
    /// (resume.yaml links must name their scheme; the change is reported).
    /// Anything else resume.yaml would refuse as a link (`skype:…`, `tel:…`,
    /// a relative path) is reported and left out.
    fn url(&mut self, field: &str, value: &Option<String>) -> Option<String> {
        let url = text(value)?;
        if is_web_address(&url) {
            return Some(url);
        }
        if !url.contains(':') && looks_like_domain(&url) {
            let fixed = format!("https://{url}");
            self.note(
                field,
                format!("`{url}` has no scheme; written as `{fixed}`"),
            );
            return Some(fixed);
        }
        self.losses.lose(
            field,
            format!(
                "`{url}` is not a web address (http or https), which resume.yaml links must be"
            ),
        );
        None
    }

    fn extra(&mut self, field: &str, extra: &Extra) {
        for key in extra.keys() {
            let path = match field.is_empty() {
                true => key.clone(),
                false => format!("{field}.{key}"),
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
