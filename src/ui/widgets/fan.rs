//! One value that many small views read parts of, such as an assessment
//! with its evaluation, which every indicator of the form shows a part of.
//!
//! A memo per part would wake every reader of every part on each change:
//! a memo's readers are told to check it when its source changes, and each
//! check is a task of its own. A [`Fan`] keeps one effect on the value; on
//! each change it recomputes the parts and sets only those that differ, so
//! a keystroke wakes that effect and the views whose part it changed.

use leptos::prelude::*;

/// Recomputes one part and sets it if it differs; `false` once the part's
/// view is gone.
type Update<T> = Box<dyn Fn(&T) -> bool>;

/// A value and the parts of it that views read ([`Fan::part`]).
pub struct Fan<T: Send + Sync + 'static> {
    value: Memo<T>,
    parts: StoredValue<Vec<Update<T>>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Fan<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Fan<T> {}

impl<T: PartialEq + Send + Sync + 'static> Fan<T> {
    /// Fans out `value`. Call inside the owner of the views that read it.
    pub fn new(value: Memo<T>) -> Self {
        let parts: StoredValue<Vec<Update<T>>, LocalStorage> = StoredValue::new_local(Vec::new());
        Effect::new(move |_| {
            value.with(|value| {
                // The parts read the value given, nothing else, and track nothing.
                untrack(|| parts.update_value(|parts| parts.retain(|update| update(value))));
            })
        });
        Fan { value, parts }
    }

    /// The part of the value that `pick` takes, set only when it changes.
    pub fn part<P>(&self, pick: impl Fn(&T) -> P + 'static) -> Signal<P>
    where
        P: Clone + PartialEq + Send + Sync + 'static,
    {
        let signal = RwSignal::new(self.value.with_untracked(&pick));
        let update = move |value: &T| {
            let now = pick(value);
            match signal.try_with_untracked(|was| *was == now) {
                None => false,
                Some(true) => true,
                Some(false) => {
                    signal.set(now);
                    true
                }
            }
        };
        self.parts
            .update_value(|parts| parts.push(Box::new(update)));
        signal.into()
    }

    /// Reads the whole value, tracked: for a view that shows all of it.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with(f)
    }

    /// Reads the whole value now, untracked.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(f)
    }
}

impl<T: Clone + Send + Sync + 'static> Fan<T> {
    /// The whole value now, untracked.
    pub fn get_untracked(&self) -> T {
        self.value.get_untracked()
    }
}
