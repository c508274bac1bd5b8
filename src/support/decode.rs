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
                $crate::support::decode::deserialize(deserializer)
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

/// An enum of unit variants, written as its variant's name in a JSON
/// string (snake_case), declared by `named_enum!`.
pub trait Named: Sized + Copy + 'static {
    /// Every variant, in the order of [`Named::NAMES`].
    const ALL: &'static [Self];
    const NAMES: &'static [&'static str];
    /// What the value is, for "invalid type" errors: "enum Role".
    const EXPECTING: &'static str;
}

/// Reads a [`Named`] enum from a string through one lookup for every such
/// enum. serde's derive gives each its own variant-identifier code and
/// reading of the `{"name": null}` form, which no file of the app writes;
/// the errors are the derive's: "unknown variant `x`, expected one of …"
/// and "invalid type: …, expected enum Role".
pub fn named<'de, D: Deserializer<'de>, T: Named>(deserializer: D) -> Result<T, D::Error> {
    deserializer
        .deserialize_str(NameVisitor {
            names: T::NAMES,
            expecting: T::EXPECTING,
        })
        .map(|at| T::ALL[at])
}

struct NameVisitor {
    names: &'static [&'static str],
    expecting: &'static str,
}

impl Visitor<'_> for NameVisitor {
    type Value = usize;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<usize, E> {
        self.names
            .iter()
            .position(|name| *name == text)
            .ok_or_else(|| E::unknown_variant(text, self.names))
    }
}

/// Declares an enum of unit variants, each with its name in files, and
/// implements [`Named`], `as_str()`, `Deserialize` through [`named`] and
/// `Serialize` as that name: `named_enum! { #[derive(…)] pub enum Role { Head = "head" } }`,
/// each name written once. A test checks every name against its variant.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $enum:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $name:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $enum {
            $($(#[$variant_meta])* $variant),+
        }

        impl $crate::support::decode::Named for $enum {
            const ALL: &'static [Self] = &[$($enum::$variant),+];
            const NAMES: &'static [&'static str] = &[$($name),+];
            const EXPECTING: &'static str = concat!("enum ", stringify!($enum));
        }

        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::support::decode::named(deserializer)
            }
        }

        impl $enum {
            /// The variant's name in files.
            #[allow(dead_code)]
            $vis fn as_str(&self) -> &'static str {
                match self {
                    $($enum::$variant => $name),+
                }
            }
        }

        impl serde::Serialize for $enum {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use named_enum;

/// Checks a [`Named`] enum's names: each is its variant's name in
/// snake_case and reads back as that variant, and a name it lacks is
/// refused in the derive's words.
#[cfg(test)]
pub fn check_names<T: Named + std::fmt::Debug + PartialEq>() {
    assert_eq!(T::ALL.len(), T::NAMES.len());
    for (variant, name) in T::ALL.iter().zip(T::NAMES) {
        let debug = format!("{variant:?}");
        let mut snake = String::new();
        for (i, c) in debug.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        }
        assert_eq!(*name, snake, "{}", T::EXPECTING);
        let read: T = named(&mut serde_json::Deserializer::from_str(&format!(
            "\"{name}\""
        )))
        .unwrap();
        assert_eq!(read, *variant);
    }
    let err = named::<_, T>(&mut serde_json::Deserializer::from_str("\"nope\"")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("unknown variant `nope`, expected "),
        "{err}"
    );
    let err = named::<_, T>(&mut serde_json::Deserializer::from_str("3")).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "invalid type: integer `3`, expected {}",
            T::EXPECTING
        )),
        "{err}"
    );
}

#[cfg(test)]
mod tests {
    use super::check_names;
    use crate::domain::assessment::ActionStatus;
    use crate::domain::criteria::{Bound, DerivedMeasure, Escape, Rounding, Verification};
    use crate::domain::festival::{FestivalKind, FundSource, Part, Role};
    use crate::format::exchange::FileKind;

    /// Also that each is written as it is read.
    fn check_written<T: super::Named + std::fmt::Debug + PartialEq + serde::Serialize>() {
        check_names::<T>();
        for (variant, name) in T::ALL.iter().zip(T::NAMES) {
            assert_eq!(
                serde_json::to_string(variant).unwrap(),
                format!("\"{name}\"")
            );
        }
    }

    #[test]
    fn every_named_enum_reads_its_variants_names_as_it_writes_them() {
        check_written::<ActionStatus>();
        check_written::<Bound>();
        check_written::<DerivedMeasure>();
        check_written::<Escape>();
        check_written::<Rounding>();
        check_written::<Verification>();
        check_written::<FestivalKind>();
        check_written::<FundSource>();
        check_written::<Part>();
        check_written::<Role>();
        check_written::<FileKind>();
    }

    #[test]
    fn every_tag_reads_its_variants_names() {
        use crate::domain::criteria::{AnswerTag, CriterionRuleTag, IndicatorTag, SetRuleTag};
        check_names::<crate::domain::assessment::StatusTag>();
        check_names::<AnswerTag>();
        check_names::<CriterionRuleTag>();
        check_names::<crate::domain::assessment::Stage>();
        check_names::<IndicatorTag>();
        check_names::<SetRuleTag>();
        check_names::<crate::domain::rollup::ReviewTag>();
        check_names::<crate::domain::rollup::BodyTag>();
    }
}
