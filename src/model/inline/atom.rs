//! What the scan hands to emphasis resolution: one piece of a field, with
//! runs of `*` kept as delimiters until they are paired.

use super::Span;

/// One piece of a field before emphasis is resolved.
pub(super) enum Atom {
    Text(String),
    Code(String),
    /// A run of `count` asterisks.
    Stars {
        count: usize,
        can_open: bool,
        can_close: bool,
    },
    Link {
        url: String,
        label: Vec<Span>,
    },
}
