//! The map of the domain's records and results: keys kept in order on one
//! sorted `Vec` (litemap's). Its maps are small (a set's indicators, an
//! assessment's answers and evidence, a roll-up's units), where `BTreeMap`
//! compiled its node and rebalancing code again for each key and value type.

use std::marker::PhantomData;

/// A map in key order, with litemap's methods (through `Deref`). It is
/// written to JSON as an object, empty or not, and read from one with the
/// last of a repeated key winning, in n log n whatever the order: as a
/// `BTreeMap` is. litemap's own serde code writes an empty map as an array,
/// and sorts what it reads with a copy of the sorting code for each key and
/// value type; here `support::order`'s one copy sorts ([`Map::from_entries`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Map<K, V>(litemap::LiteMap<K, V>);

impl<K, V> Map<K, V> {
    pub fn new() -> Self {
        Map(litemap::LiteMap::new_vec())
    }

    /// As litemap's, callable by path (serde's `skip_serializing_if`).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map::new()
    }
}

impl<K, V> std::ops::Deref for Map<K, V> {
    type Target = litemap::LiteMap<K, V>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<K, V> std::ops::DerefMut for Map<K, V> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    /// As the map is read: see [`Map::from_entries`].
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Map::from_entries(entries.into_iter().collect())
    }
}

impl<K: Ord, V> Map<K, V> {
    /// The map of these entries, the last of a repeated key winning. Entries
    /// already in key order (as the app writes them) are taken as they are;
    /// others are sorted by `support::order`'s one copy of the sorting code,
    /// stably, so that a huge object in any order still takes n log n, where
    /// inserting one by one into the sorted `Vec` would take n².
    pub fn from_entries(mut entries: Vec<(K, V)>) -> Self {
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            crate::support::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
            // Of each run of one key, the last (stable: the last written).
            let mut kept: Vec<(K, V)> = Vec::with_capacity(entries.len());
            for entry in entries {
                match kept.last_mut() {
                    Some(last) if last.0 == entry.0 => *last = entry,
                    _ => kept.push(entry),
                }
            }
            entries = kept;
        }
        Map(litemap::LiteMap::from_sorted_store_unchecked(entries))
    }
}

impl<K: Ord, V> Map<K, Vec<V>> {
    /// The values of `pairs` by key, each key's in the order given: what
    /// filling a map of lists entry by entry gives, in n log n (one stable
    /// sort by `support::order`) where that would take n² for many keys.
    pub fn grouped(mut pairs: Vec<(K, V)>) -> Self {
        crate::support::order::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        let mut groups: Vec<(K, Vec<V>)> = Vec::new();
        for (key, value) in pairs {
            match groups.last_mut() {
                Some((last, values)) if *last == key => values.push(value),
                _ => groups.push((key, vec![value])),
            }
        }
        Map(litemap::LiteMap::from_sorted_store_unchecked(groups))
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_tuple_vec().into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = <Vec<(K, V)> as litemap::store::StoreIterable<'a, K, V>>::KeyValueIter;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<K: serde::Serialize, V: serde::Serialize> serde::Serialize for Map<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter())
    }
}

impl<'de, K, V> serde::Deserialize<'de> for Map<K, V>
where
    K: Ord + serde::Deserialize<'de>,
    V: serde::Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

struct Entries<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> serde::de::Visitor<'de> for Entries<K, V>
where
    K: Ord + serde::Deserialize<'de>,
    V: serde::Deserialize<'de>,
{
    type Value = Map<K, V>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut access: A,
    ) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = access.next_entry()? {
            entries.push(entry);
        }
        Ok(Map::from_entries(entries))
    }
}

/// A set in order, on a [`Map`] to nothing: `BTreeSet`'s methods that the
/// domain uses, written to JSON as an array and read from one (a repeated
/// value kept once), as a `BTreeSet` is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Set<T>(Map<T, ()>);

impl<T: Ord> Set<T> {
    pub fn new() -> Self {
        Set(Map::new())
    }

    /// Adds `value`; whether it was not there yet.
    pub fn insert(&mut self, value: T) -> bool {
        self.0.insert(value, ()).is_none()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.0.contains_key(value)
    }

    /// Takes `value` out; whether it was there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.0.remove(value).is_some()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.0.iter().map(|(value, ())| value)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        Set(values.into_iter().map(|value| (value, ())).collect())
    }
}

impl<T: serde::Serialize> serde::Serialize for Set<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|(value, ())| value))
    }
}

impl<'de, T: Ord + serde::Deserialize<'de>> serde::Deserialize<'de> for Set<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(Values(PhantomData))
    }
}

struct Values<T>(PhantomData<T>);

impl<'de, T: Ord + serde::Deserialize<'de>> serde::de::Visitor<'de> for Values<T> {
    type Value = Set<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut access: A,
    ) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(value) = access.next_element()? {
            entries.push((value, ()));
        }
        Ok(Set(Map::from_entries(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_is_written_as_an_object_even_when_empty() {
        assert_eq!(
            serde_json::to_string(&Map::<String, u32>::new()).unwrap(),
            "{}"
        );
        let map: Map<String, u32> = [("b".to_owned(), 2), ("a".to_owned(), 1)]
            .into_iter()
            .collect();
        assert_eq!(serde_json::to_string(&map).unwrap(), r#"{"a":1,"b":2}"#);
    }

    #[test]
    fn a_map_is_read_in_key_order_and_the_last_repeated_key_wins() {
        let map: Map<String, u32> =
            serde_json::from_str(r#"{"b": 1, "a": 2, "c": 3, "a": 4}"#).unwrap();
        let entries: Vec<(&str, u32)> = map.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(entries, [("a", 4), ("b", 1), ("c", 3)]);
        let err = serde_json::from_str::<Map<String, u32>>("[1]").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid type: sequence, expected a map"),
            "{err}"
        );
    }

    #[test]
    fn a_set_reads_and_writes_as_a_btree_set_does() {
        use std::collections::BTreeSet;
        for text in ["[]", r#"["b", "a"]"#, r#"["a", "c", "a", "b", "c"]"#] {
            let ours: Set<String> = serde_json::from_str(text).unwrap();
            let theirs: BTreeSet<String> = serde_json::from_str(text).unwrap();
            assert!(ours.iter().eq(theirs.iter()), "{text}");
            assert_eq!(ours.len(), theirs.len());
            assert_eq!(
                serde_json::to_string(&ours).unwrap(),
                serde_json::to_string(&theirs).unwrap()
            );
        }
        for text in ["{}", r#""a""#] {
            let ours = serde_json::from_str::<Set<String>>(text)
                .unwrap_err()
                .to_string();
            let theirs = serde_json::from_str::<BTreeSet<String>>(text)
                .unwrap_err()
                .to_string();
            assert_eq!(ours, theirs);
        }
        let mut set = Set::new();
        assert!(set.insert("b") && set.insert("a") && !set.insert("b"));
        assert!(set.contains("a") && set.remove("a") && !set.remove("a") && !set.contains("a"));
        assert!(!set.is_empty());
    }

    #[test]
    fn a_map_reads_as_a_btree_map_does() {
        use std::collections::BTreeMap;
        for text in [
            r#"{}"#,
            r#"{"z": 1, "a": 2}"#,
            r#"{"a": 1, "a": 2, "b": 3, "a": 5}"#,
        ] {
            let ours: Map<String, u32> = serde_json::from_str(text).unwrap();
            let theirs: BTreeMap<String, u32> = serde_json::from_str(text).unwrap();
            assert!(ours.iter().eq(theirs.iter()), "{text}");
            assert_eq!(
                serde_json::to_string(&ours).unwrap(),
                serde_json::to_string(&theirs).unwrap()
            );
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;

    use super::{Map, Set};

    proptest! {
        /// In any order, with any repeats: read as `BTreeMap` and
        /// `BTreeSet` read the same JSON, and collected alike.
        #[test]
        fn maps_and_sets_read_any_order_as_the_standard_ones(
            entries in prop::collection::vec(("[a-e]{0,2}", any::<u8>()), 0..40)
        ) {
            let text = format!("{{{}}}", entries.iter().map(|(k, v)| format!("{k:?}: {v}")).collect::<Vec<_>>().join(", "));
            let ours: Map<String, u8> = serde_json::from_str(&text).unwrap();
            let theirs: BTreeMap<String, u8> = serde_json::from_str(&text).unwrap();
            prop_assert!(ours.iter().eq(theirs.iter()), "{}", text);
            let collected: Map<String, u8> = entries.iter().cloned().collect();
            prop_assert!(collected.iter().eq(theirs.iter()));

            let grouped = Map::grouped(entries.clone());
            let mut filled: BTreeMap<String, Vec<u8>> = BTreeMap::new();
            for (k, v) in &entries {
                filled.entry(k.clone()).or_default().push(*v);
            }
            prop_assert!(grouped.iter().eq(filled.iter()));

            let text = format!("[{}]", entries.iter().map(|(k, _)| format!("{k:?}")).collect::<Vec<_>>().join(", "));
            let ours: Set<String> = serde_json::from_str(&text).unwrap();
            let theirs: BTreeSet<String> = serde_json::from_str(&text).unwrap();
            prop_assert!(ours.iter().eq(theirs.iter()), "{}", text);
        }
    }
}
