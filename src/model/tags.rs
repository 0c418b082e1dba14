//! The tags a résumé puts on its jobs, groups, bullets, projects and skill
//! groups: what a variant's `keep_tags`, `drop_tags` and `focus` may name.

use super::types::Resume;

/// Every tag the résumé uses, for checking the tags variants name.
pub fn known_tags(resume: &Resume) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let jobs = resume.experience.iter();
    let all = jobs
        .clone()
        .flat_map(|job| job.tags.iter())
        .chain(
            jobs.clone()
                .flat_map(|job| job.groups.iter().flat_map(|g| g.tags.iter())),
        )
        .chain(jobs.flat_map(|job| {
            job.groups
                .iter()
                .flat_map(|g| g.bullets.iter().flat_map(|b| b.tags.iter()))
        }))
        .chain(resume.projects.iter().flat_map(|p| p.tags.iter()))
        .chain(resume.skills.iter().flat_map(|s| s.tags.iter()));
    for tag in all {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    tags
}
