//! Single fields: required text, dates, links and prose, each read the way
//! resume.yaml needs it, with every change noted or reported.

use super::super::dates::{self, Reading, Remark};
use super::super::text::to_prose;
use super::super::types::Extra;
use super::Importer;
use crate::jsonresume::Loss;
use crate::model::date::{Date, EndDate};
use crate::model::unfilled::UNFILLED;
use crate::model::validate::is_web_address;

impl Importer {
    /// A required text field, or `placeholder` (reported) when it is blank.
    pub(super) fn required(
        &mut self,
        field: &str,
        value: &Option<String>,
        placeholder: &str,
    ) -> String {
        text(value).unwrap_or_else(|| {
            self.losses.lose(
                field,
                format!("missing; set to the placeholder `{placeholder}`"),
            );
            placeholder.to_owned()
        })
    }

    pub(super) fn unfilled(&mut self, field: &str) {
        self.losses.lose(
            field,
            format!("missing; set to the placeholder `{UNFILLED}`"),
        );
    }

    /// An optional date; one that cannot be read is reported and left out.
    pub(super) fn date(&mut self, field: &str, written: Option<&str>) -> Option<Date> {
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
    pub(super) fn end_date(&mut self, field: &str, written: Option<&str>) -> Option<EndDate> {
        match dates::read(written) {
            Reading::Present => Some(self.present(field, written)),
            _ => self.date(field, written).map(EndDate::Date),
        }
    }

    pub(super) fn not_a_date(&mut self, field: &str, written: Option<&str>) {
        self.losses.lose(
            field,
            format!(
                "`{}` is not a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)",
                written.unwrap_or_default()
            ),
        );
    }

    pub(super) fn present(&mut self, field: &str, written: Option<&str>) -> EndDate {
        let written = written.unwrap_or_default().trim();
        if !written.eq_ignore_ascii_case("present") {
            self.note(field, format!("`{written}` read as `present`"));
        }
        EndDate::Present
    }

    /// A period as written, or swapped (and reported) when it ends before it starts.
    pub(super) fn period(
        &mut self,
        field: &str,
        start: Option<Date>,
        end: Option<EndDate>,
    ) -> (Option<Date>, Option<EndDate>) {
        match (start, end) {
            (Some(start), Some(EndDate::Date(end))) if end.last_month() < start.first_month() => {
                self.losses.lose(
                    field,
                    format!("it ends ({end}) before it starts ({start}); the two are swapped"),
                );
                (Some(end), Some(EndDate::Date(start)))
            }
            other => other,
        }
    }

    /// Records how a date was read, and returns it.
    pub(super) fn remark(&mut self, field: &str, date: Date, remark: Option<Remark>) -> Date {
        match remark {
            Some(Remark::Note(note)) => self.note(field, note),
            Some(Remark::Loss(loss)) => self.losses.lose(field, loss),
            None => {}
        }
        date
    }

    pub(super) fn note(&mut self, field: &str, reason: String) {
        self.notes.push(Loss {
            field: field.to_owned(),
            reason,
        });
    }

    /// A web address, given `https://` when it was written as a bare domain
    /// (resume.yaml links must name their scheme; the change is reported).
    /// Anything else resume.yaml would refuse as a link (`skype:…`, `tel:…`,
    /// a relative path) is reported and left out.
    pub(super) fn url(&mut self, field: &str, value: &Option<String>) -> Option<String> {
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

    pub(super) fn extra(&mut self, field: &str, extra: &Extra) {
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

/// A string field's trimmed text, if it has any.
pub(super) fn text(value: &Option<String>) -> Option<String> {
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

/// Plain text for a prose field of resume.yaml, escaped so that it prints
/// as written.
pub(super) fn prose(value: Option<&str>) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    Some(to_prose(value))
}
