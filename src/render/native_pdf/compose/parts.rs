//! The sections of the document (jobs, projects, skills, education and
//! other entries), each composed from its view in the order and with the
//! gaps of the typst template.

use super::{Composer, Lines, Look, run};
use crate::render::native_pdf::fonts::Style;
use crate::render::native_pdf::layout::{Placed, Run};
use crate::render::view::{
    Body, EducationView, EntryView, GroupView, Inline, JobView, ProjectView, SkillView,
};

/// The sections' parts, each composed from the view.
impl Composer<'_> {
    pub(super) fn section_body(&mut self, section: &Body) {
        let space = &self.theme.space;
        match section {
            Body::Paragraphs { paragraphs } => {
                for paragraph in paragraphs {
                    self.paragraph(paragraph, space.paragraph);
                }
            }
            Body::Items { items } => self.list(items, space.list_above),
            Body::Jobs { jobs } => {
                for job in jobs {
                    self.job(job);
                }
            }
            Body::Projects { projects } => {
                for (i, project) in projects.iter().enumerate() {
                    self.project(project, i == 0);
                }
            }
            Body::Skills { groups } => self.skills(groups),
            Body::Education { entries } => {
                for (i, entry) in entries.iter().enumerate() {
                    self.education(entry, if i == 0 { 0.0 } else { space.education });
                }
            }
            Body::Entries { entries } => {
                for (i, entry) in entries.iter().enumerate() {
                    self.entry(entry, if i == 0 { 0.0 } else { space.minor_entry });
                }
            }
        }
        self.space_below(0.0);
        if let Some(last) = self.blocks.last_mut() {
            last.extent.keep_with_next = false;
        }
    }

    fn paragraph(&mut self, spans: &Inline, gap: f32) {
        let runs = self.body(spans);
        let leading = self.theme.space.leading;
        self.lines(&runs, Lines::after(gap, leading));
    }

    /// Bullets, the first `gap` below what comes before.
    fn list(&mut self, items: &[Inline], gap: f32) {
        let t = self.theme;
        let s = &t.space;
        let marker = Look {
            rise: s.marker_rise,
            ..Look::new(Style::REGULAR, t.size.marker, t.color.quiet)
        };
        let marker_width = self.measure("•", &marker);
        let indent = s.bullet_indent + marker_width + s.bullet_hang;
        for (i, item) in items.iter().enumerate() {
            let runs = self.body(item);
            let gap = if i == 0 { gap } else { s.bullet };
            let first = self.lines(&runs, Lines::after(gap, s.list_leading).indented(indent));
            let bullet = Placed {
                x: s.bullet_indent,
                width: marker_width,
                run: run("•", &marker),
            };
            self.blocks[first].runs.insert(0, bullet);
        }
    }

    /// A title with text beside it and lines under it, kept together and
    /// with what follows.
    fn entry_head(&mut self, head: &[Run<Look>], right: Option<Run<Look>>, gap: f32) -> usize {
        let leading = self.theme.space.leading;
        self.lines(head, Lines::after(gap, leading).beside(right))
    }

    fn end_entry_head(&mut self, first: usize) {
        self.keep_together(first, true);
        self.space_below(self.theme.space.entry_below);
    }

    /// Dates, places and links beside a title.
    fn aside(&self, text: &str) -> Run<Look> {
        let t = self.theme;
        run(
            text,
            &Look::new(Style::REGULAR, t.size.aside, t.color.muted),
        )
    }

    fn title(&self, text: &str) -> Run<Look> {
        let t = self.theme;
        run(text, &Look::new(Style::BOLD, t.size.entry, t.color.ink))
    }

    /// "Title · secondary", the secondary muted.
    fn title_with(&self, title: &str, secondary: Option<&String>) -> Vec<Run<Look>> {
        let t = self.theme;
        let mut head = vec![self.title(title)];
        if let Some(secondary) = secondary {
            let separator =
                Look::new(Style::REGULAR, t.size.body, t.color.quiet).spaced(t.space.org_gap);
            head.push(run(" · ", &separator));
            let look = Look::new(Style::REGULAR, t.size.body, t.color.muted);
            head.push(run(secondary.clone(), &look));
        }
        head
    }

    /// A line under a title.
    fn under_title(&mut self, text: &str, look: Look, gap: f32) {
        let leading = self.theme.space.leading;
        self.lines(&[run(text, &look)], Lines::after(gap, leading));
    }

    fn job(&mut self, job: &JobView) {
        let t = self.theme;
        let s = &t.space;
        let first = self.entry_head(
            &[self.title(&job.company)],
            Some(self.aside(&job.dates)),
            s.entry,
        );
        if !job.title.is_empty() || job.location.is_some() {
            let role = run(
                &job.title,
                &Look::new(Style::ITALIC, t.size.body, t.color.ink),
            );
            let location = job.location.as_deref().map(|l| self.aside(l));
            self.lines(&[role], Lines::after(s.role, s.leading).beside(location));
        }
        self.end_entry_head(first);
        if let Some(summary) = &job.summary {
            self.paragraph(summary, s.summary);
        }
        for (i, group) in job.groups.iter().enumerate() {
            self.group(group, if i == 0 { s.first_group } else { s.group });
        }
    }

    /// A group's name and technologies kept with its first bullet, then
    /// its bullets (three or fewer kept together when short).
    fn group(&mut self, group: &GroupView, gap: f32) {
        let t = self.theme;
        let s = &t.space;
        let head = group.name.is_some() || !group.technologies.is_empty();
        if head {
            let first = self.blocks.len();
            let mut technologies_gap = gap;
            if let Some(name) = &group.name {
                let look = Look::new(Style::BOLD, t.size.group, t.color.group);
                self.under_title(name, look, gap);
                technologies_gap = s.group_technologies;
            }
            self.quiet_line(None, &group.technologies, technologies_gap);
            self.keep_short(first, true);
        }
        let first = self.blocks.len();
        self.list(&group.bullets, if head { s.group_bullets } else { gap });
        if group.bullets.len() <= 3 {
            self.keep_short(first, false);
        }
    }

    /// "Label: a · b · c" in small, quiet text.
    fn quiet_line(&mut self, label: Option<&str>, items: &[String], gap: f32) {
        if items.is_empty() {
            return;
        }
        let t = self.theme;
        let (size, s) = (t.size.small, &t.space);
        let mut runs = Vec::new();
        if let Some(label) = label {
            let look = Look::new(Style::BOLD, size, t.color.muted).spaced(s.label_gap);
            runs.push(run(format!("{label}: "), &look));
        }
        let quiet = Look::new(Style::REGULAR, size, t.color.quiet);
        let dot = Look::new(Style::REGULAR, size, t.color.dot).spaced(s.dot_gap);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                runs.push(run(" · ", &dot));
            }
            runs.push(run(item.clone(), &quiet));
        }
        self.lines(&runs, Lines::after(gap, s.quiet_leading));
    }

    fn project(&mut self, project: &ProjectView, first: bool) {
        let t = self.theme;
        let s = &t.space;
        let head = self.title_with(&project.name, project.organization.as_ref());
        let url = project.url.as_ref().map(|url| self.link(url, t.size.aside));
        let start = self.entry_head(&head, url, if first { 0.0 } else { s.entry });
        if let Some(subtitle) = &project.subtitle {
            let look = Look::new(Style::ITALIC, t.size.body, t.color.muted);
            self.under_title(subtitle, look, s.under_title);
        }
        self.end_entry_head(start);
        // The last paragraph keeps with the technologies and concepts.
        let paragraphs = &project.paragraphs;
        let last = paragraphs.len().saturating_sub(1);
        let gap = |i: usize| if i == 0 { 0.0 } else { s.project_paragraph };
        for (i, paragraph) in paragraphs.iter().enumerate().take(last) {
            self.paragraph(paragraph, gap(i));
        }
        let tail = self.blocks.len();
        if let Some(paragraph) = paragraphs.last() {
            self.paragraph(paragraph, gap(last));
        }
        let technologies_gap = if paragraphs.is_empty() { 0.0 } else { s.quiet };
        let labels = self.document.map(|doc| &doc.labels);
        let technologies = labels.map(|l| l.technologies.as_str());
        self.quiet_line(technologies, &project.technologies, technologies_gap);
        let concepts_gap = if self.blocks.len() > tail {
            s.concepts
        } else {
            0.0
        };
        let concepts = labels.map(|l| l.concepts.as_str());
        self.quiet_line(concepts, &project.concepts, concepts_gap);
        if self.blocks.len() > tail {
            self.keep_short(tail, false);
        }
    }

    /// Skill names in a column as wide as the widest (at most a third of
    /// the line), the skills beside them.
    fn skills(&mut self, groups: &[SkillView]) {
        let t = self.theme;
        let s = &t.space;
        let groups: Vec<&SkillView> = groups
            .iter()
            .filter(|g| !g.items.is_empty() || !g.name.is_empty())
            .collect();
        let name = Look::new(Style::BOLD, t.size.body, t.color.ink);
        let items = Look::new(Style::REGULAR, t.size.body, t.color.ink);
        let widest = groups
            .iter()
            .map(|g| self.measure(&g.name, &name))
            .fold(0.0, f32::max);
        let column = widest.min(self.frame.width / 3.0);
        let items_x = column + s.skills_gutter;
        let separator = self
            .document
            .map_or(", ", |doc| doc.list_separator.as_str());
        for (i, group) in groups.iter().enumerate() {
            let names = self.wrap(&[run(&group.name, &name)], column);
            let list = self.wrap(
                &[run(group.items.join(separator), &items)],
                self.frame.width - items_x,
            );
            let rows = names.len().max(list.len());
            let mut names = names.into_iter();
            let mut list = list.into_iter();
            let lines = (0..rows)
                .map(|_| {
                    let mut line = names.next().unwrap_or_default();
                    line.extend(super::shifted(list.next().unwrap_or_default(), items_x));
                    line
                })
                .collect();
            let gap = if i == 0 { s.skills } else { s.skills_row };
            self.place(lines, &Lines::after(gap, s.leading), self.frame.width);
        }
    }

    fn education(&mut self, entry: &EducationView, gap: f32) {
        let t = self.theme;
        let s = &t.space;
        let parts: Vec<&str> = [entry.location.as_deref(), entry.dates.as_deref()]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect();
        let right = (!parts.is_empty()).then(|| self.aside(&parts.join(" · ")));
        let first = self.entry_head(&[self.title(&entry.degree)], right, gap);
        if !entry.institution.is_empty() {
            let look = Look::new(Style::ITALIC, t.size.body, t.color.ink);
            self.under_title(&entry.institution, look, s.under_title);
        }
        self.end_entry_head(first);
        self.list(&entry.details, s.list_above);
    }

    fn entry(&mut self, entry: &EntryView, gap: f32) {
        let t = self.theme;
        let s = &t.space;
        let head = self.title_with(&entry.title, entry.subtitle.as_ref());
        let dates = entry.dates.as_deref().map(|d| self.aside(d));
        let first = self.entry_head(&head, dates, gap);
        if let Some(url) = &entry.url {
            let link = self.link(url, t.size.small);
            self.lines(&[link], Lines::after(s.under_title, s.leading));
        }
        self.end_entry_head(first);
        self.list(&entry.details, s.list_above);
    }

    /// A link shown as its address, in the accent colour.
    fn link(&self, url: &str, size: f32) -> Run<Look> {
        let t = self.theme;
        let look = Look::new(Style::REGULAR, size, t.color.accent).linked(url, t.color.accent);
        run(url, &look)
    }
}
