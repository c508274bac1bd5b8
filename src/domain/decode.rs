//! How the domain's records are read, so that every error is raised inside
//! the reading of the value at fault and a file's problem is named where it
//! is (`format::problem` finds the path from where the reader stopped).
//!
//! Tagged enums: the enums that files write with their variant named in a
//! field of their own (`{"type": "count", "count": 3}`), read without
//! buffering.
//!
//! serde's derive reads such an enum by first copying the whole object into
//! a buffer of its own, then reading the variant from that copy. That gives
//! every type inside a variant a second decoder (a criteria set inside a
//! received record, say), and an error inside the copy has no place in the
//! file. Here the object is read once, straight from the file, into a
//! struct with every variant's fields as options; the variant is then built
//! from the tag. So a field of the wrong type is named where it is, and a
//! missing field or tag is named at its object, as for any struct.

use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::Deserialize;
use serde::Deserializer;

/// An enum read through [`deserialize`].
pub trait Tagged: Sized {
    /// The object's fields: the tag and every variant's fields, as options.
    type Fields: DeserializeOwned;
    /// What the object is, for "invalid type" errors.
    const EXPECTING: &'static str;
    /// The variant the tag names, or the first field it lacks.
    fn from_fields<E: de::Error>(fields: Self::Fields) -> Result<Self, E>;
}

/// Reads a tagged enum from an object.
pub fn deserialize<'de, D: Deserializer<'de>, T: Tagged>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(TaggedVisitor::<T>(PhantomData))
}

/// `impl Deserialize` through [`deserialize`], for each tagged enum named.
macro_rules! deserialize_tagged {
    ($($enum:ty),+) => {$(
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::domain::decode::deserialize(deserializer)
            }
        }
    )+};
}
pub(crate) use deserialize_tagged;

/// The value of a field a variant requires.
pub fn required<T, E: de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        // Built inside the object's own reading, so an error is placed at it.
        let fields =
            <T::Fields as Deserialize>::deserialize(de::value::MapAccessDeserializer::new(map))?;
        T::from_fields(fields)
    }
}

/// Reads a text field and converts it while the reader is still on it, so
/// a text that does not convert is named at its own place.
pub fn from_text<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    convert: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    deserializer.deserialize_str(TextVisitor(convert))
}

struct TextVisitor<T>(fn(&str) -> Result<T, String>);

impl<T> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).map_err(E::custom)
    }
}
