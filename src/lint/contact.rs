//! Contact details a recruiter would look for: a direct line (e-mail or
//! phone) and somewhere to look you up (a website or a profile).
//!
//! A résumé with no e-mail, phone or profile at all is already reported by
//! validation ("no way to contact you"), so these checks stay quiet then.

use crate::diagnostic::Diagnostic;
use crate::model::load::SpanIndex;
use crate::model::types::Resume;
use crate::model::validate::has_no_contact;

/// Warnings for a missing direct line and for a missing website or profile.
pub fn check(resume: &Resume, spans: &SpanIndex) -> Vec<Diagnostic> {
    let basics = &resume.basics;
    if has_no_contact(basics) {
        return Vec::new();
    }
    let mut found = Vec::new();
    if basics.email.is_none() && basics.phone.is_none() {
        found.push(
            Diagnostic::warning("no e-mail or phone: a recruiter cannot reach you directly")
                .at(spans.key(&["basics"]))
                .help("add `email` (or `phone`) under `basics`"),
        );
    }
    if basics.website.is_none() && basics.profiles.is_empty() {
        found.push(
            Diagnostic::warning("no website or profile where a recruiter can look you up")
                .at(spans.key(&["basics"]))
                .help("add `website`, or a LinkedIn or GitHub entry under `basics.profiles`"),
        );
    }
    found
}
