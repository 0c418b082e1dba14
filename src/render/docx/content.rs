//! The résumé as paragraphs: the header, then each section's content in
//! the order of the other formats.

use docx_rs::{Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run};

use super::styles::{self, hex};
use super::writer::{Look, Writer};
use crate::model::types::Color;
use crate::render::design::{Align, Tokens};
use crate::render::view::{
    Body, Contact, Document, EducationView, EntryView, GroupView, JobView, ProjectView, SkillView,
};

/// The header: name, headline, tagline, contact and availability.
impl Writer<'_> {
    pub fn header(&mut self, document: &Document) {
        let tokens = self.tokens;
        let align = header_alignment(tokens);
        self.push(self.text(styles::TITLE, &document.name, Look::default()));
        if let Some(headline) = &document.headline {
            self.push(self.text(styles::SUBTITLE, headline, Look::default()));
        }
        let small = |color: Color, size: f64| Look {
            color: Some(color),
            size: Some(size),
            ..Look::default()
        };
        if let Some(tagline) = &document.tagline {
            let look = small(tokens.palette.muted, tokens.sizes.tagline);
            self.push(self.text(styles::BODY, tagline, look).align(align));
        }
        self.contact_line(&document.contact);
        if let Some(availability) = &document.availability {
            let look = Look {
                italic: true,
                ..small(tokens.palette.muted, tokens.sizes.small)
            };
            self.push(self.text(styles::BODY, availability, look).align(align));
        }
        if tokens.style.header_rule
            && let Some(last) = self.paragraphs.pop()
        {
            let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .size(12)
                .space(6)
                .color(hex(tokens.accent));
            let mut last = last;
            last.property = last
                .property
                .set_borders(ParagraphBorders::with_empty().set(rule));
            self.push(last);
        }
    }
}

/// The contact details on one line, each link a hyperlink, in the
/// header's alignment; nothing when there are none.
impl Writer<'_> {
    pub fn contact_line(&mut self, contacts: &[Contact]) {
        if contacts.is_empty() {
            return;
        }
        let tokens = self.tokens;
        let small = |color: Color| Look {
            color: Some(color),
            size: Some(tokens.sizes.contact),
            ..Look::default()
        };
        let mut paragraph = Paragraph::new()
            .style(styles::BODY)
            .align(header_alignment(tokens));
        for (i, contact) in contacts.iter().enumerate() {
            if i > 0 {
                paragraph = paragraph.add_run(self.run(" | ", small(tokens.palette.quiet)));
            }
            let run = self.run(&contact.text, small(tokens.palette.ink));
            paragraph = match &contact.url {
                Some(url) => self.link(paragraph, url, vec![run]),
                None => paragraph.add_run(run),
            };
        }
        self.push(paragraph);
    }
}

/// How the theme aligns the header.
fn header_alignment(tokens: &Tokens) -> docx_rs::AlignmentType {
    match tokens.style.header {
        Align::Center => docx_rs::AlignmentType::Center,
        Align::Left => docx_rs::AlignmentType::Left,
    }
}

/// The sections' content, in the order of the other formats.
impl Writer<'_> {
    pub fn body(&mut self, body: &Body, document: &Document) {
        match body {
            Body::Paragraphs { paragraphs } => {
                for paragraph in paragraphs {
                    let p = self.spans(
                        Paragraph::new().style(styles::BODY),
                        paragraph,
                        Look::default(),
                    );
                    self.push(p);
                }
            }
            Body::Items { items } => self.bullets(items),
            Body::Jobs { jobs } => jobs.iter().for_each(|job| self.job(job)),
            Body::Projects { projects } => {
                projects.iter().for_each(|p| self.project(p, document));
            }
            Body::Skills { groups } => groups.iter().for_each(|g| self.skill(g, document)),
            Body::Education { entries } => entries.iter().for_each(|e| self.education(e)),
            Body::Entries { entries } => entries.iter().for_each(|e| self.entry(e)),
        }
    }

    /// An entry's heading: `title`, then `aside` in muted text at the right
    /// tab stop.
    fn heading(&self, title: Vec<Run>, aside: Option<&str>) -> Paragraph {
        let mut paragraph = title.into_iter().fold(
            Paragraph::new().style(styles::HEADING_2),
            Paragraph::add_run,
        );
        if let Some(aside) = aside.filter(|a| !a.is_empty()) {
            let look = Look {
                bold: Some(false),
                ..self.muted()
            };
            paragraph = paragraph
                .add_run(Run::new().add_tab())
                .add_run(self.run(aside, look));
        }
        paragraph
    }

    /// `name · by`, the second part muted and not bold.
    fn name_by(&self, name: &str, by: Option<&String>) -> Vec<Run> {
        let mut runs = vec![self.run(name, Look::default())];
        if let Some(by) = by {
            let look = Look {
                bold: Some(false),
                ..self.muted()
            };
            runs.push(self.run(&format!(" · {by}"), look));
        }
        runs
    }

    fn job(&mut self, job: &JobView) {
        let company = vec![self.run(&job.company, Look::default())];
        self.push(self.heading(company, Some(&job.dates)));
        let mut role = self.text(
            styles::BODY,
            &job.title,
            Look {
                italic: true,
                ..Look::default()
            },
        );
        if let Some(location) = &job.location {
            role = role
                .add_run(Run::new().add_tab())
                .add_run(self.run(location, self.muted()));
        }
        self.push(role);
        if let Some(summary) = &job.summary {
            let p = self.spans(
                Paragraph::new().style(styles::BODY),
                summary,
                Look::default(),
            );
            self.push(p);
        }
        job.groups.iter().for_each(|group| self.group(group));
    }

    fn group(&mut self, group: &GroupView) {
        if let Some(name) = &group.name {
            self.push(self.text(styles::HEADING_3, name, Look::default()));
        }
        self.quiet_list(None, &group.technologies);
        self.bullets(&group.bullets);
    }

    fn project(&mut self, project: &ProjectView, document: &Document) {
        let mut heading = self.heading(
            self.name_by(&project.name, project.organization.as_ref()),
            None,
        );
        if let Some(url) = &project.url {
            let look = Look {
                bold: Some(false),
                size: Some(self.tokens.sizes.small),
                ..Look::default()
            };
            let run = self.run(url, look);
            heading = heading.add_run(Run::new().add_tab());
            heading = self.link(heading, url, vec![run]);
        }
        self.push(heading);
        if let Some(subtitle) = &project.subtitle {
            let look = Look {
                italic: true,
                ..self.muted()
            };
            self.push(self.text(styles::BODY, subtitle, look));
        }
        for paragraph in &project.paragraphs {
            let p = self.spans(
                Paragraph::new().style(styles::BODY),
                paragraph,
                Look::default(),
            );
            self.push(p);
        }
        let labels = &document.labels;
        self.quiet_list(Some(&labels.technologies), &project.technologies);
        self.quiet_list(Some(&labels.concepts), &project.concepts);
    }

    fn skill(&mut self, group: &SkillView, document: &Document) {
        let name = self.run(
            &format!("{}: ", group.name),
            Look {
                bold: Some(true),
                ..Look::default()
            },
        );
        let items = self.run(&group.items.join(&document.list_separator), Look::default());
        self.push(
            Paragraph::new()
                .style(styles::BODY)
                .add_run(name)
                .add_run(items),
        );
    }

    fn education(&mut self, school: &EducationView) {
        let aside: Vec<&str> = [&school.location, &school.dates]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let degree = vec![self.run(&school.degree, Look::default())];
        self.push(self.heading(degree, Some(&aside.join(" · "))));
        let look = Look {
            italic: true,
            ..Look::default()
        };
        self.push(self.text(styles::BODY, &school.institution, look));
        self.bullets(&school.details);
    }

    fn entry(&mut self, entry: &EntryView) {
        let title = self.name_by(&entry.title, entry.subtitle.as_ref());
        self.push(self.heading(title, entry.dates.as_deref()));
        if let Some(url) = &entry.url {
            let run = self.run(
                url,
                Look {
                    size: Some(self.tokens.sizes.small),
                    ..Look::default()
                },
            );
            let p = self.link(Paragraph::new().style(styles::BODY), url, vec![run]);
            self.push(p);
        }
        self.bullets(&entry.details);
    }
}
