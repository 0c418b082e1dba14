//! The shape of a JSON Resume document (schema v1.0.0), position by
//! position: where the schema wants text, a list, or an object with named
//! fields, and the other names real documents give those fields. The few
//! fields outside v1.0.0 that [`super::super::types`] reads are here too.
//!
//! Normalizing walks a document along this shape, so a number is read as
//! text exactly where the schema wants text (`work[0].highlights[1]`), and
//! nowhere else (`meta`, or a key the schema does not define, is left as
//! written and reported as lost when it is read).

/// What the schema wants at one position of a document.
pub enum Shape {
    /// A string.
    Text,
    /// A list of values of one shape.
    List(&'static Shape),
    /// An object with these fields.
    Object(&'static Fields),
    /// Anything (`meta`): left as written.
    Any,
}

/// The fields of one kind of object.
pub struct Fields {
    /// Every field the schema defines, with its shape.
    pub keys: &'static [(&'static str, Shape)],
    /// Other names real documents use, each with the schema's name it
    /// stands for: older names (`company` for a job's `name`) and ones
    /// borrowed from another section (`name`/`level` for a language).
    pub aliases: &'static [(&'static str, &'static str)],
}

impl Fields {
    /// The shape of `key`, if the schema defines it here.
    pub fn shape(&self, key: &str) -> Option<&'static Shape> {
        self.keys.iter().find(|(k, _)| *k == key).map(|(_, s)| s)
    }
}

use Shape::{Any, List, Object, Text};

const TEXTS: Shape = List(&Text);

/// The whole document.
pub const DOCUMENT: Shape = Object(&Fields {
    keys: &[
        ("$schema", Text),
        ("basics", Object(&BASICS)),
        ("work", List(&Object(&WORK))),
        ("volunteer", List(&Object(&VOLUNTEER))),
        ("education", List(&Object(&EDUCATION))),
        ("awards", List(&Object(&AWARD))),
        ("certificates", List(&Object(&CERTIFICATE))),
        ("publications", List(&Object(&PUBLICATION))),
        ("skills", List(&Object(&SKILL))),
        ("languages", List(&Object(&LANGUAGE))),
        ("interests", List(&Object(&INTEREST))),
        ("references", List(&Object(&REFERENCE))),
        ("projects", List(&Object(&PROJECT))),
        ("meta", Any),
    ],
    aliases: &[],
});

const BASICS: Fields = Fields {
    keys: &[
        ("name", Text),
        ("label", Text),
        ("image", Text),
        ("email", Text),
        ("phone", Text),
        ("url", Text),
        ("summary", Text),
        ("location", Object(&LOCATION)),
        ("profiles", List(&Object(&PROFILE))),
    ],
    aliases: &[
        ("website", "url"),
        ("picture", "image"),
        ("avatar", "image"),
        ("address", "location"),
    ],
};

const LOCATION: Fields = Fields {
    keys: &[
        ("address", Text),
        ("postalCode", Text),
        ("city", Text),
        ("countryCode", Text),
        ("region", Text),
    ],
    aliases: &[],
};

const PROFILE: Fields = Fields {
    keys: &[("network", Text), ("username", Text), ("url", Text)],
    aliases: &[("name", "network")],
};

const WORK: Fields = Fields {
    keys: &[
        ("name", Text),
        ("location", Text),
        ("description", Text),
        ("position", Text),
        ("url", Text),
        ("startDate", Text),
        ("endDate", Text),
        ("summary", Text),
        ("highlights", TEXTS),
        ("highlightGroups", List(&Object(&HIGHLIGHT_GROUP))),
    ],
    aliases: &[
        ("company", "name"),
        ("organization", "name"),
        ("website", "url"),
    ],
};

const HIGHLIGHT_GROUP: Fields = Fields {
    keys: &[("section", Text), ("items", TEXTS)],
    aliases: &[],
};

const VOLUNTEER: Fields = Fields {
    keys: &[
        ("organization", Text),
        ("location", Text),
        ("position", Text),
        ("url", Text),
        ("startDate", Text),
        ("endDate", Text),
        ("summary", Text),
        ("highlights", TEXTS),
    ],
    aliases: &[
        ("name", "organization"),
        ("company", "organization"),
        ("website", "url"),
    ],
};

const EDUCATION: Fields = Fields {
    keys: &[
        ("institution", Text),
        ("location", Text),
        ("description", Text),
        ("url", Text),
        ("area", Text),
        ("studyType", Text),
        ("startDate", Text),
        ("endDate", Text),
        ("score", Text),
        ("courses", TEXTS),
    ],
    aliases: &[
        ("gpa", "score"),
        ("qualification", "studyType"),
        ("website", "url"),
    ],
};

const AWARD: Fields = Fields {
    keys: &[
        ("title", Text),
        ("date", Text),
        ("awarder", Text),
        ("summary", Text),
    ],
    aliases: &[("name", "title")],
};

const CERTIFICATE: Fields = Fields {
    keys: &[
        ("name", Text),
        ("date", Text),
        ("url", Text),
        ("issuer", Text),
        ("summary", Text),
    ],
    aliases: &[("title", "name"), ("website", "url")],
};

const PUBLICATION: Fields = Fields {
    keys: &[
        ("name", Text),
        ("publisher", Text),
        ("releaseDate", Text),
        ("url", Text),
        ("summary", Text),
    ],
    aliases: &[("website", "url")],
};

const SKILL: Fields = Fields {
    keys: &[("name", Text), ("level", Text), ("keywords", TEXTS)],
    aliases: &[],
};

const LANGUAGE: Fields = Fields {
    keys: &[("language", Text), ("fluency", Text), ("summary", Text)],
    aliases: &[("name", "language"), ("level", "fluency")],
};

const INTEREST: Fields = Fields {
    keys: &[("name", Text), ("keywords", TEXTS)],
    aliases: &[],
};

const REFERENCE: Fields = Fields {
    keys: &[("name", Text), ("reference", Text)],
    aliases: &[],
};

const PROJECT: Fields = Fields {
    keys: &[
        ("name", Text),
        ("description", Text),
        ("highlights", TEXTS),
        ("keywords", TEXTS),
        ("startDate", Text),
        ("endDate", Text),
        ("url", Text),
        ("roles", TEXTS),
        ("entity", Text),
        ("type", Text),
    ],
    aliases: &[("website", "url"), ("company", "entity")],
};
