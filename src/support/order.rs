//! Stable sorting with one copy of the sorting code for the whole app.
//!
//! The standard library's sort is generic over the items and the
//! comparison, so each call site compiled its own copy, about 3 KB of wasm
//! each (15 copies). These sort the items' indices with one comparison
//! type instead, then move the items into that order: the same stable
//! result.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    reorder(items, order);
}

/// Sorts `items` stably by `key`, computed once per item.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_indices(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    reorder(items, order);
}

/// Sorts `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard sort: indices by a comparison of them.
fn sorted_indices(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

fn reorder<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn the_order_is_the_standard_stable_sorts(items in prop::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            theirs.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &theirs);
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            prop_assert_eq!(&ours, &theirs);
            let mut ours = items.clone();
            let mut theirs = items;
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
