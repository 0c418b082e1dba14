//! PDF standards the typst engine can be asked to meet (`--pdf-standard`):
//! PDF/UA-1 (accessible) and PDF/A-2b, PDF/A-3b (archival).
//!
//! typst enforces them: it refuses to write a PDF that breaks one, and tags
//! the file with the standard's XMP identifiers. PDF/A needs a document
//! date; so that rebuilds stay byte-identical it is the date of
//! `SOURCE_DATE_EPOCH` (or `--creation-timestamp`) when one is given, and
//! otherwise the fixed [`FIXED_DATE`], never the clock. The built-in engine
//! writes none of them, and a build that asks it to is refused.

/// The date a PDF/A document carries when no creation date is given.
pub const FIXED_DATE: &str = "1980-01-01";

/// A standard a PDF can be asked to conform to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PdfStandard {
    /// PDF/UA-1 (ISO 14289-1): tagged structure, language, title, artifacts.
    Ua1,
    /// PDF/A-2b (ISO 19005-2, level B): self-contained, visually preserved.
    A2b,
    /// PDF/A-3b (ISO 19005-3, level B): PDF/A-2b that may embed files.
    A3b,
}

impl PdfStandard {
    /// The standard's name, as `--pdf-standard` and typst spell it.
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::Ua1 => "ua-1",
            PdfStandard::A2b => "a-2b",
            PdfStandard::A3b => "a-3b",
        }
    }

    /// Whether the standard requires the document to carry a date.
    pub fn needs_date(self) -> bool {
        !matches!(self, PdfStandard::Ua1)
    }
}

/// The document date to write: the creation date when there is one, else
/// [`FIXED_DATE`] when one of `standards` requires a date, else none.
pub fn document_date(creation_date: Option<&str>, standards: &[PdfStandard]) -> Option<String> {
    match creation_date {
        Some(date) => Some(date.to_owned()),
        None => standards
            .iter()
            .any(|standard| standard.needs_date())
            .then(|| FIXED_DATE.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_a_gets_the_fixed_date_only_without_a_creation_date() {
        assert_eq!(document_date(None, &[PdfStandard::Ua1]), None);
        assert_eq!(
            document_date(None, &[PdfStandard::Ua1, PdfStandard::A2b]).as_deref(),
            Some(FIXED_DATE)
        );
        assert_eq!(
            document_date(Some("2024-05-01"), &[PdfStandard::A3b]).as_deref(),
            Some("2024-05-01")
        );
    }
}
