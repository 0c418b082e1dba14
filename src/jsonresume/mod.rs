//! JSON Resume (jsonresume.org, schema v1.0.0): reading it into a résumé and
//! writing a résumé out as it.
//!
//! The two formats overlap but do not match: JSON Resume has no bullet
//! groups, technologies or variants, resume.yaml has no company URLs,
//! references or interests. Every field that cannot cross is returned as a
//! [`Loss`] for the command to report; nothing is dropped silently.

mod dates;
pub mod export;
pub mod import;
mod normalize;
mod text;
pub mod types;

use std::fmt;

/// A field that did not cross from one format to the other, or (as a note)
/// one that crossed in another form than it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// Where the field was, e.g. `work[2].url`.
    pub field: String,
    /// Why it has no place in the other format.
    pub reason: String,
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

/// Collects losses as a conversion walks a document.
#[derive(Debug, Default)]
struct Losses(Vec<Loss>);

impl Losses {
    fn lose(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.0.push(Loss {
            field: field.into(),
            reason: reason.into(),
        });
    }

    /// Records `field` as lost when it holds something.
    fn lose_if<T: IsPresent>(&mut self, field: impl Into<String>, value: &T, reason: &str) {
        if value.is_present() {
            self.lose(field, reason);
        }
    }
}

/// Converts every entry of one section, in order, with its index; an entry
/// converted to `None` is left out.
fn each<T, U>(items: &[T], mut convert: impl FnMut(usize, &T) -> Option<U>) -> Vec<U> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| convert(i, item))
        .collect()
}

/// Whether an optional field carries anything worth reporting.
trait IsPresent {
    fn is_present(&self) -> bool;
}

impl IsPresent for Option<String> {
    fn is_present(&self) -> bool {
        self.as_deref().is_some_and(|s| !s.trim().is_empty())
    }
}

impl<T> IsPresent for Vec<T> {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}
