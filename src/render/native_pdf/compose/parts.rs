//! The parts of the document (header, sections, jobs, projects, entries),
//! each composed from its view in the theme's sizes, colours and spaces.

use super::{Composer, Lines, Look, run};
use crate::render::native_pdf::fonts::Style;
use crate::render::native_pdf::layout::Run;
use crate::render::view::{
    Body, Contact, Document, EducationView, EntryView, GroupView, JobView, ProjectView, SkillView,
    display_url,
};

/// The document's parts, each composed from the view.
impl Composer<'_> {
    pub(super) fn header(&mut self, doc: &Document) {
        let t = self.theme;
        let (size, color, space) = (&t.size, &t.color, &t.space);
        let name = Look::new(Style::Bold, size.name, color.accent);
        self.line(&doc.name, name, Lines::after(0.0).kept());
        if let Some(headline) = &doc.headline {
            let look = Look::new(Style::Bold, size.headline, color.ink);
            self.line(headline, look, Lines::after(space.header_line).kept());
        }
        if let Some(tagline) = &doc.tagline {
            let look = Look::new(Style::Regular, size.body, color.muted);
            self.line(tagline, look, Lines::after(space.header_line).kept());
        }
        if let Some(availability) = &doc.availability {
            let look = Look::new(Style::Italic, size.meta, color.muted);
            self.line(availability, look, Lines::after(space.availability).kept());
        }
        self.contact_line(&doc.contact);
    }

    /// The contact details on a line, `a · b · c` (the letter's too).
    pub(super) fn contact_line(&mut self, contact: &[Contact]) {
        let t = self.theme;
        let (size, color) = (&t.size, &t.color);
        let muted = Look::new(Style::Regular, size.meta, color.muted);
        let separator = Look::new(Style::Regular, size.meta, color.hairline);
        let mut runs = Vec::new();
        for (i, contact) in contact.iter().enumerate() {
            if i > 0 {
                runs.push(run(" · ", &separator));
            }
            let look = match &contact.url {
                Some(url) => muted.clone().linked(url, color.accent),
                None => muted.clone(),
            };
            runs.push(run(contact.text.clone(), &look));
        }
        if !runs.is_empty() {
            self.lines(&runs, Lines::after(t.space.contact));
        }
    }

    pub(super) fn section_body(&mut self, section: &Body) {
        let space = &self.theme.space;
        // The first item of a section follows the heading more closely.
        let gap = |i: usize, then: f32| if i == 0 { space.section_start } else { then };
        match section {
            Body::Paragraphs { paragraphs } => {
                for (i, paragraph) in paragraphs.iter().enumerate() {
                    let runs = self.body(paragraph);
                    self.lines(&runs, Lines::after(gap(i, space.paragraph)));
                }
            }
            Body::Items { items } => {
                for (i, item) in items.iter().enumerate() {
                    let runs = self.body(item);
                    self.bullet(&runs, gap(i, space.bullet));
                }
            }
            Body::Jobs { jobs } => {
                for (i, job) in jobs.iter().enumerate() {
                    self.job(job, i == 0);
                }
            }
            Body::Projects { projects } => {
                for (i, project) in projects.iter().enumerate() {
                    self.project(project, i == 0);
                }
            }
            Body::Skills { groups } => {
                for (i, group) in groups.iter().enumerate() {
                    self.skills(group, gap(i, space.detail));
                }
            }
            Body::Education { entries } => {
                for (i, entry) in entries.iter().enumerate() {
                    self.education(entry, gap(i, space.education));
                }
            }
            Body::Entries { entries } => {
                for (i, entry) in entries.iter().enumerate() {
                    self.entry(entry, gap(i, space.minor_entry));
                }
            }
        }
        if let Some(last) = self.blocks.last_mut() {
            last.extent.keep_with_next = false;
        }
    }

    /// The space above a job or project.
    fn entry_gap(&self, first: bool) -> f32 {
        let space = &self.theme.space;
        if first {
            space.first_entry
        } else {
            space.entry
        }
    }

    fn job(&mut self, job: &JobView, first: bool) {
        let t = self.theme;
        let dates = run(
            job.dates.clone(),
            &Look::new(Style::Regular, t.size.meta, t.color.muted),
        );
        let company = Look::new(Style::Bold, t.size.title, t.color.ink);
        self.lines(
            &[run(job.company.clone(), &company)],
            Lines::after(self.entry_gap(first))
                .kept()
                .beside(Some(dates)),
        );
        let mut title = vec![run(
            job.title.clone(),
            &Look::new(Style::Italic, t.size.body, t.color.ink),
        )];
        if let Some(location) = &job.location {
            let look = Look::new(Style::Regular, t.size.meta, t.color.muted);
            title.push(run(format!(" · {location}"), &look));
        }
        self.lines(&title, Lines::after(t.space.under_title).kept());
        if let Some(summary) = &job.summary {
            let runs = self.body(summary);
            self.lines(&runs, Lines::after(t.space.summary));
        }
        for group in &job.groups {
            self.group(group);
        }
    }

    fn group(&mut self, group: &GroupView) {
        let t = self.theme;
        let mut gap = t.space.first_bullet;
        if let Some(name) = &group.name {
            let look = Look::new(Style::Bold, t.size.group, t.color.accent);
            self.line(name, look, Lines::after(t.space.group).kept());
            gap = t.space.bullet;
        }
        for bullet in &group.bullets {
            let runs = self.body(bullet);
            self.bullet(&runs, gap);
            gap = t.space.bullet;
        }
        let at = Lines::after(t.space.detail).indented(t.bullet_indent + t.bullet_hang);
        self.quiet_line(None, &group.technologies, at);
    }

    fn project(&mut self, project: &ProjectView, first: bool) {
        let t = self.theme;
        let name = Look::new(Style::Bold, t.size.title, t.color.ink);
        let mut head = vec![run(project.name.clone(), &name)];
        if let Some(organization) = &project.organization {
            let look = Look::new(Style::Regular, t.size.body, t.color.muted);
            head.push(run(format!(" · {organization}"), &look));
        }
        let url = project.url.as_ref().map(|url| self.url_run(url));
        self.lines(
            &head,
            Lines::after(self.entry_gap(first)).kept().beside(url),
        );
        if let Some(subtitle) = &project.subtitle {
            let look = Look::new(Style::Italic, t.size.body, t.color.ink);
            self.line(subtitle, look, Lines::after(t.space.under_title).kept());
        }
        for paragraph in &project.paragraphs {
            let runs = self.body(paragraph);
            self.lines(&runs, Lines::after(t.space.summary));
        }
        let (technologies, concepts) = (&project.technologies, &project.concepts);
        self.quiet_line(
            Some("Technologies"),
            technologies,
            Lines::after(t.space.summary),
        );
        self.quiet_line(Some("Concepts"), concepts, Lines::after(t.space.concepts));
    }

    fn skills(&mut self, group: &SkillView, gap: f32) {
        let t = self.theme;
        let label = Look::new(Style::Bold, t.size.body, t.color.ink);
        let items = Look::new(Style::Regular, t.size.body, t.color.ink);
        let runs = [
            run(format!("{}: ", group.name), &label),
            run(group.items.join(", "), &items),
        ];
        self.lines(&runs, Lines::after(gap));
    }

    fn education(&mut self, entry: &EducationView, gap: f32) {
        let sub = match &entry.location {
            Some(location) => format!("{} · {location}", entry.institution),
            None => entry.institution.clone(),
        };
        self.entry_head(&entry.degree, entry.dates.as_ref(), Some(&sub), gap);
        for detail in &entry.details {
            let runs = self.body(detail);
            self.bullet(&runs, self.theme.space.bullet);
        }
    }

    fn entry(&mut self, entry: &EntryView, gap: f32) {
        let space = &self.theme.space;
        let subtitle = entry.subtitle.as_ref();
        self.entry_head(&entry.title, entry.dates.as_ref(), subtitle, gap);
        if let Some(url) = &entry.url {
            let link = self.url_run(url);
            self.lines(&[link], Lines::after(space.under_title));
        }
        for detail in &entry.details {
            let runs = self.body(detail);
            self.lines(&runs, Lines::after(space.detail));
        }
    }

    /// An entry head: bold title, dates on the right, then an italic line.
    fn entry_head(&mut self, title: &str, dates: Option<&String>, sub: Option<&String>, gap: f32) {
        let t = self.theme;
        let meta = Look::new(Style::Regular, t.size.meta, t.color.muted);
        let dates = dates.map(|d| run(d.clone(), &meta));
        let look = Look::new(Style::Bold, t.size.minor_title, t.color.ink);
        self.lines(&[run(title, &look)], Lines::after(gap).kept().beside(dates));
        if let Some(sub) = sub {
            let look = Look::new(Style::Italic, t.size.body, t.color.ink);
            self.line(sub, look, Lines::after(t.space.under_title).kept());
        }
    }

    /// A link shown as its bare address.
    fn url_run(&self, url: &str) -> Run<Look> {
        let t = self.theme;
        let look =
            Look::new(Style::Regular, t.size.meta, t.color.accent).linked(url, t.color.accent);
        run(display_url(url), &look)
    }
}
