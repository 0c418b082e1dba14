//! Checks across fields that serde cannot express, reporting every problem at once.
//!
//! Pure: takes the model and the span index, returns diagnostics. Errors stop a
//! build; warnings (placeholder contact details) never do.

use super::date::{EndDate, current_month};
use super::inline::is_safe_url;
use super::load::SpanIndex;
use super::schema_keys::did_you_mean;
use super::slug::is_slug;
use super::tags::known_tags;
use super::types::{Basics, Resume};
use crate::diagnostic::Diagnostic;

/// Names and addresses that are obviously someone's placeholder.
const PLACEHOLDER_NAMES: [&str; 4] = ["your name", "first last", "jane doe", "john doe"];
const PLACEHOLDER_DOMAINS: [&str; 3] = ["example.com", "example.org", "example.net"];

/// Every problem in the résumé, in document order.
pub fn validate(resume: &Resume, spans: &SpanIndex) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    check_placeholders(resume, spans, &mut found);
    check_dates(resume, spans, current_month(), &mut found);
    check_undated_jobs(resume, spans, &mut found);
    check_links(resume, spans, &mut found);
    check_empty_text(resume, spans, &mut found);
    check_variant_tags(resume, spans, &mut found);
    check_variant_names(resume, spans, &mut found);
    found.extend(super::unfilled::check(resume, spans));
    found.extend(super::design_rules::check(resume, spans));
    found.extend(super::letter_rules::check(resume, spans));
    found.sort_by_key(|d| d.span.as_ref().map_or(0, |span| span.start));
    found
}

fn check_placeholders(resume: &Resume, spans: &SpanIndex, found: &mut Vec<Diagnostic>) {
    let basics = &resume.basics;
    if PLACEHOLDER_NAMES.contains(&basics.name.trim().to_lowercase().as_str()) {
        found.push(
            Diagnostic::warning(format!("`{}` is a placeholder name", basics.name))
                .at(spans.value(&["basics", "name"]))
                .help("put your own name here before you send this résumé"),
        );
    }
    if let Some(email) = &basics.email {
        let domain = email.rsplit('@').next().unwrap_or_default().to_lowercase();
        if PLACEHOLDER_DOMAINS.contains(&domain.as_str()) {
            found.push(
                Diagnostic::warning(format!("`{email}` is a placeholder e-mail address"))
                    .at(spans.value(&["basics", "email"]))
                    .help("put the address recruiters should write to"),
            );
        }
    }
    if let Some(phone) = &basics.phone
        && is_placeholder_phone(phone)
    {
        found.push(
            Diagnostic::warning(format!("`{phone}` looks like a placeholder phone number"))
                .at(spans.value(&["basics", "phone"]))
                .help("put your phone number, or remove `phone`"),
        );
    }
    if has_no_contact(basics) {
        found.push(
            Diagnostic::warning("no way to contact you")
                .at(spans.key(&["basics"]))
                .help("add `email`, `phone` or a profile under `basics`"),
        );
    }
}

/// Whether a phone number is a stand-in: the NANP range set aside for
/// fiction (555-0100 to 555-0199, with or without an area code), or a run
/// of one repeated digit or of `123456789`. Real numbers that merely
/// contain 555 (`+49 30 5557 1234`) are not.
fn is_placeholder_phone(phone: &str) -> bool {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.len() {
        8 | 11 if digits.starts_with('1') => &digits[1..],
        _ => digits.as_str(),
    };
    let fictional = |number: &str| number.starts_with("55501");
    let filler = digits.len() >= 6
        && (digits.chars().all(|c| digits.starts_with(c))
            || "1234567890".contains(digits.as_str()));
    let in_fiction_range = match national.len() {
        7 => fictional(national),
        10 => fictional(&national[3..]),
        _ => false,
    };
    in_fiction_range || filler
}

/// Whether the résumé gives no e-mail, no phone and no profile: no way to reach its owner.
pub fn has_no_contact(basics: &Basics) -> bool {
    basics.email.is_none() && basics.phone.is_none() && basics.profiles.is_empty()
}

/// Periods that end before they start (errors) and start after `now`, a
/// month as [`super::date::Date::first_month`] counts them (warnings).
fn check_dates(resume: &Resume, spans: &SpanIndex, now: u32, found: &mut Vec<Diagnostic>) {
    let periods = resume
        .experience
        .iter()
        .enumerate()
        .map(|(i, job)| ("experience", i, job.start, job.end))
        .chain(
            resume
                .education
                .iter()
                .enumerate()
                .map(|(i, school)| ("education", i, school.start, school.end)),
        );
    for (section, index, start, end) in periods {
        if let (Some(start), Some(EndDate::Date(end))) = (start, end)
            && end.last_month() < start.first_month()
        {
            found.push(
                Diagnostic::error(format!("this ends ({end}) before it starts ({start})"))
                    .at(spans.value(&[section, &index.to_string(), "end"]))
                    .help("swap `start` and `end`, or fix the year"),
            );
        }
        if let Some(start) = start
            && start.first_month() > now
        {
            found.push(
                Diagnostic::warning(format!("this starts in the future ({start})"))
                    .at(spans.value(&[section, &index.to_string(), "start"]))
                    .help("check the year; for a role you have accepted, say so in `availability`"),
            );
        }
    }
}

/// A job without a start or an end is kept, but a reader expects both.
fn check_undated_jobs(resume: &Resume, spans: &SpanIndex, found: &mut Vec<Diagnostic>) {
    for (i, job) in resume.experience.iter().enumerate() {
        let missing = match (job.start, job.end) {
            (Some(_), Some(_)) => continue,
            (None, None) => "`start` and `end` dates",
            (None, Some(_)) => "`start` date",
            (Some(_), None) => "`end` date",
        };
        found.push(
            Diagnostic::warning(format!("this job at {} has no {missing}", job.company))
                .at(spans.key(&["experience", &i.to_string()]))
                .help("add `start: YYYY-MM` and `end: YYYY-MM` (or `end: present`)"),
        );
    }
}

fn check_links(resume: &Resume, spans: &SpanIndex, found: &mut Vec<Diagnostic>) {
    let mut links: Vec<(Vec<String>, &str)> = Vec::new();
    if let Some(website) = &resume.basics.website {
        links.push((path(&["basics", "website"]), website));
    }
    for (i, profile) in resume.basics.profiles.iter().enumerate() {
        links.push((
            path(&["basics", "profiles", &i.to_string(), "url"]),
            &profile.url,
        ));
    }
    for (i, project) in resume.projects.iter().enumerate() {
        if let Some(url) = &project.url {
            links.push((path(&["projects", &i.to_string(), "url"]), url));
        }
    }
    for (section, entries) in resume.entry_sections() {
        for (i, entry) in entries.iter().enumerate() {
            if let Some(url) = &entry.url {
                links.push((path(&[section, &i.to_string(), "url"]), url));
            }
        }
    }
    for (at, url) in links {
        if !is_web_address(url) {
            let mut diagnostic = Diagnostic::error(format!("`{url}` is not a web address"))
                .at(spans.value(&at))
                .help("links must start with https:// or http://");
            if is_safe_url(url) {
                diagnostic = diagnostic.help("put e-mail addresses in `basics.email`");
            }
            found.push(diagnostic);
        }
    }
}

/// Whether `url` is a link resume.yaml accepts: an http or https address.
pub fn is_web_address(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

fn check_empty_text(resume: &Resume, spans: &SpanIndex, found: &mut Vec<Diagnostic>) {
    if resume.basics.name.trim().is_empty() {
        found.push(
            Diagnostic::error("the name is empty")
                .at(spans.value(&["basics", "name"]))
                .help("write your name, e.g. `name: Ada Lovelace`"),
        );
    }
    for (j, job) in resume.experience.iter().enumerate() {
        for (g, group) in job.groups.iter().enumerate() {
            for (b, bullet) in group.bullets.iter().enumerate() {
                if bullet.text.trim().is_empty() {
                    let at = path(&[
                        "experience",
                        &j.to_string(),
                        "groups",
                        &g.to_string(),
                        "bullets",
                        &b.to_string(),
                    ]);
                    found.push(
                        Diagnostic::error("this bullet is empty")
                            .at(spans.value(&at))
                            .help("write what you did, or delete the line"),
                    );
                }
            }
        }
    }
    let blank_labels = resume.labels.set().into_iter();
    for (key, _) in blank_labels.filter(|(_, text)| text.trim().is_empty()) {
        found.push(
            Diagnostic::error(format!("the label `{key}` is empty"))
                .at(spans.value(&["labels", key]))
                .help("write the words to print, or delete the line to keep the locale's"),
        );
    }
}

fn check_variant_tags(resume: &Resume, spans: &SpanIndex, found: &mut Vec<Diagnostic>) {
    let known = known_tags(resume);
    for (name, variant) in &resume.variants {
        for (field, tags) in [
            ("focus", &variant.focus),
            ("keep_tags", &variant.keep_tags),
            ("drop_tags", &variant.drop_tags),
        ] {
            for (i, tag) in tags
                .iter()
                .enumerate()
                .filter(|(_, tag)| !known.contains(tag))
            {
                let at = path(&["variants", name, field, &i.to_string()]);
                let diagnostic = Diagnostic::error(format!(
                    "variant `{name}` names the tag `{tag}`, which nothing carries"
                ))
                .at(spans.value(&at));
                found.push(match did_you_mean(tag, &known) {
                    Some(suggestion) => diagnostic.help(format!("did you mean `{suggestion}`?")),
                    None => diagnostic.help(format!("tags in use: {}", known.join(", "))),
                });
            }
        }
    }
}

/// Variant names become parts of file names (`resume-payments.pdf`), so
/// they are slugs: letters, digits, `-`, `_` and `.`, starting with a letter
/// or digit. Nothing else (no `/`, `\`, `..` or leading dot) can reach a file
/// name outside the output directory or hide one.
fn check_variant_names(resume: &Resume, spans: &SpanIndex, found: &mut Vec<Diagnostic>) {
    for name in resume.variants.keys().filter(|name| !is_slug(name)) {
        found.push(
            Diagnostic::error(format!("`{name}` cannot name a variant: it becomes part of file names"))
                .at(spans.key(&["variants", name]))
                .help("use letters, digits, `-`, `_` and `.`, starting with a letter or digit, e.g. `payments-one-page`"),
        );
    }
}

fn path(segments: &[&str]) -> Vec<String> {
    segments
        .iter()
        .map(|segment| (*segment).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::load_bytes;

    fn diagnostics(yaml: &str) -> Vec<Diagnostic> {
        let loaded = load_bytes(std::path::Path::new("t.yaml"), yaml.as_bytes().to_vec())
            .unwrap_or_else(|_| panic!("does not load"));
        validate(&loaded.resume, &loaded.spans)
    }

    #[test]
    fn placeholders_are_warnings() {
        let found = diagnostics("basics:\n  name: Your Name\n  email: you@example.com\n");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| !d.is_error()));
    }

    #[test]
    fn only_fictional_and_filler_phone_numbers_are_placeholders() {
        for fake in [
            "555-0123",
            "(202) 555-0199",
            "+1 202 555 0100",
            "+1 555 0100",
            "000-000-0000",
            "123-456-7890",
        ] {
            assert!(is_placeholder_phone(fake), "{fake}");
        }
        for real in [
            "+49 30 5557 1234",
            "(202) 555-0200",
            "+1 555 123 4567",
            "+44 20 7946 0555",
        ] {
            assert!(!is_placeholder_phone(real), "{real}");
        }
    }

    #[test]
    fn end_before_start_is_located() {
        let yaml = "basics: {name: Ada, email: ada@ada.dev}\nexperience:\n  - company: X\n    title: Y\n    start: 2020-05\n    end: 2019-01\n";
        let found = diagnostics(yaml);
        assert_eq!(found.len(), 1);
        assert!(found[0].is_error());
        assert_eq!(&yaml[found[0].span.clone().unwrap()], "2019-01");
    }

    #[test]
    fn javascript_links_are_refused() {
        let found = diagnostics(
            "basics:\n  name: Ada\n  email: a@ada.dev\n  website: javascript:alert(1)\n",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("not a web address"));
    }

    #[test]
    fn a_start_in_the_future_is_a_located_warning() {
        let yaml = "basics: {name: Ada, email: ada@ada.dev}\nexperience:\n  - company: X\n    title: Y\n    start: 2031\n    end: present\n";
        let loaded = load_bytes(std::path::Path::new("t.yaml"), yaml.as_bytes().to_vec())
            .unwrap_or_else(|_| panic!("does not load"));
        let now = crate::model::date::Date::month_of(2030, 12).first_month();
        let mut found = Vec::new();
        check_dates(&loaded.resume, &loaded.spans, now, &mut found);
        assert_eq!(found.len(), 1);
        assert!(!found[0].is_error());
        assert_eq!(&yaml[found[0].span.clone().unwrap()], "2031");
        let mut found = Vec::new();
        let january = crate::model::date::Date::month_of(2031, 1).first_month();
        check_dates(&loaded.resume, &loaded.spans, january, &mut found);
        assert_eq!(found.len(), 0, "a year that has begun is not in the future");
    }

    #[test]
    fn a_year_alone_does_not_end_before_a_month_of_it() {
        let found = diagnostics(
            "basics: {name: Ada, email: ada@ada.dev}\neducation:\n  - degree: B\n    institution: U\n    start: 2019-09\n    end: 2019\n",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
