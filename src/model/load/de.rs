//! A serde `Deserializer` over the parsed tree, so the model is built from
//! the same parse that locates values.
//!
//! Scalars are text until the model asks for something else: `2016` or
//! `true` reach a string field as written, and a number field parses the
//! text. Every error carries the span of the node it arose at, so even an
//! error raised by a field's own parser (a bad date) points at the value.
//! It runs after the schema walk, which refuses documents whose aliases
//! expand past a budget, so what it expands is bounded.

use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};

use super::tree::{Kind, NodeId, Tree};

/// A deserialization error and where it arose.
#[derive(Debug)]
pub struct Error {
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            span: None,
        }
    }
}

/// Deserializes a `T` from the whole tree.
pub fn from_tree<T: de::DeserializeOwned>(tree: &Tree) -> Result<T, Error> {
    NodeDe::new(tree, tree.root).located(T::deserialize)
}

/// One node, being deserialized.
struct NodeDe<'de> {
    tree: &'de Tree,
    id: NodeId,
}

impl<'de> NodeDe<'de> {
    fn new(tree: &'de Tree, id: NodeId) -> Self {
        NodeDe { tree, id }
    }

    fn kind(&self) -> &'de Kind {
        &self.tree.get(self.id).kind
    }

    /// Runs `f`, giving an error without a place this node's span.
    fn located<T>(self, f: impl FnOnce(Self) -> Result<T, Error>) -> Result<T, Error> {
        let span = self.tree.nodes[self.id].span.clone();
        f(self).map_err(|mut error| {
            error.span.get_or_insert(span);
            error
        })
    }

    fn unexpected(&self) -> Unexpected<'de> {
        match self.kind() {
            _ if self.tree.is_null(self.id) => Unexpected::Unit,
            Kind::Scalar { text, .. } => Unexpected::Str(text),
            Kind::Seq(_) => Unexpected::Seq,
            Kind::Map(_) | Kind::Alias(_) => Unexpected::Map,
        }
    }

    fn invalid<T>(&self, expected: &dyn de::Expected) -> Result<T, Error> {
        Err(de::Error::invalid_type(self.unexpected(), expected))
    }

    /// The node's text when it is a scalar that is not null.
    fn scalar(&self) -> Option<&'de str> {
        (!self.tree.is_null(self.id))
            .then(|| self.tree.text(self.id))
            .flatten()
    }

    fn parse_number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Some(text) = self.scalar() else {
            return self.invalid(&visitor);
        };
        let text = text.trim().trim_start_matches('+');
        if let Ok(n) = text.parse::<u64>() {
            visitor.visit_u64(n)
        } else if let Ok(n) = text.parse::<i64>() {
            visitor.visit_i64(n)
        } else if let Ok(n) = text.parse::<f64>() {
            visitor.visit_f64(n)
        } else {
            self.invalid(&visitor)
        }
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.parse_number(visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for NodeDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind() {
            _ if self.tree.is_null(self.id) => visitor.visit_unit(),
            Kind::Scalar { text, .. } => visitor.visit_borrowed_str(text),
            Kind::Seq(items) => visitor.visit_seq(Items {
                tree: self.tree,
                items: items.iter(),
            }),
            Kind::Map(entries) => visitor.visit_map(Entries {
                tree: self.tree,
                entries: entries.iter(),
                value: None,
            }),
            Kind::Alias(_) => unreachable!("Tree::get looks through aliases"),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.scalar().map(str::to_ascii_lowercase).as_deref() {
            Some("true") => visitor.visit_bool(true),
            Some("false") => visitor.visit_bool(false),
            _ => self.invalid(&visitor),
        }
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64);

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.scalar() {
            Some(text) => visitor.visit_borrowed_str(text),
            None => self.invalid(&visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.tree.is_null(self.id) {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind() {
            Kind::Seq(_) => self.deserialize_any(visitor),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind() {
            Kind::Map(_) => self.deserialize_any(visitor),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.scalar() {
            Some(text) => visitor.visit_enum(text.into_deserializer()),
            None => self.invalid(&visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit unit_struct tuple tuple_struct
    }
}

/// The items of a sequence, each error located at its item.
struct Items<'de> {
    tree: &'de Tree,
    items: std::slice::Iter<'de, NodeId>,
}

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        match self.items.next() {
            Some(&id) => NodeDe::new(self.tree, id)
                .located(|node| seed.deserialize(node))
                .map(Some),
            None => Ok(None),
        }
    }
}

/// The entries of a mapping, each error located at its key or value.
struct Entries<'de> {
    tree: &'de Tree,
    entries: std::slice::Iter<'de, (NodeId, NodeId)>,
    value: Option<NodeId>,
}

impl<'de> de::MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        match self.entries.next() {
            Some(&(key, value)) => {
                self.value = Some(value);
                NodeDe::new(self.tree, key)
                    .located(|node| seed.deserialize(node))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("a value without a key"))?;
        NodeDe::new(self.tree, value).located(|node| seed.deserialize(node))
    }
}
