//! Required fields left unfilled: holding [`UNFILLED`], the placeholder that
//! `resumec import` writes where a JSON Resume entry lacks a field resume.yaml
//! requires (a job with no employer, a degree with no school). The entry is
//! kept, so nothing is lost, and each placeholder is a located warning until
//! it is replaced.

use super::load::SpanIndex;
use super::types::Resume;
use crate::diagnostic::Diagnostic;

/// The placeholder for a required field that has no value yet.
pub const UNFILLED: &str = "TODO";

/// A warning at every required field that still holds [`UNFILLED`].
pub fn check(resume: &Resume, spans: &SpanIndex) -> Vec<Diagnostic> {
    let mut fields: Vec<(String, usize, &str, &str)> = Vec::new();
    for (i, job) in resume.experience.iter().enumerate() {
        fields.push(("experience".into(), i, "company", &job.company));
        fields.push(("experience".into(), i, "title", &job.title));
    }
    for (i, school) in resume.education.iter().enumerate() {
        fields.push(("education".into(), i, "degree", &school.degree));
        fields.push(("education".into(), i, "institution", &school.institution));
    }
    for (i, project) in resume.projects.iter().enumerate() {
        fields.push(("projects".into(), i, "name", &project.name));
    }
    for (section, entries) in resume.entry_sections() {
        for (i, entry) in entries.iter().enumerate() {
            fields.push((section.into(), i, "title", &entry.title));
        }
    }
    fields
        .into_iter()
        .filter(|(.., value)| value.trim() == UNFILLED)
        .map(|(section, i, field, _)| {
            Diagnostic::warning(format!("`{field}` is still the placeholder `{UNFILLED}`"))
                .at(spans.value(&[section.as_str(), &i.to_string(), field]))
                .help(format!("write the {field} here, or delete the entry"))
        })
        .collect()
}
