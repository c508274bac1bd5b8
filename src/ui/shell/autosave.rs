//! Saves the workspace a moment after every change, as the policy of
//! `format::saving` says.

use std::time::Duration;

use leptos::prelude::*;

use super::state::{AppState, SaveStatus};
use crate::format::revision::{self, Reconciled};
use crate::format::saving::{Event, Saver, Step, Written};
use crate::platform::storage::StoreError;
use crate::platform::{clock, ids};

/// Brings another tab's save into this tab: taken as it is when this tab
/// changed nothing since the state it started from, merged record by record
/// with this tab's changes otherwise (the merge is then saved, and reaches
/// the other tab in turn), and left to the user when both changed one record.
fn reconcile(state: AppState) {
    let Some((stored, theirs)) = state.stored() else {
        // Nothing readable is stored now (another tab started afresh): this
        // tab's data is not saved, and the user is told so.
        state.save.set(SaveStatus::Failed(StoreError::Conflict));
        return;
    };
    let outcome = state.known.with_value(|known| {
        state
            .workspace
            .with_untracked(|mine| revision::reconcile(known, mine, &stored, &theirs))
    });
    match outcome {
        Reconciled::Same => {}
        Reconciled::Take => state.take_stored(stored, theirs),
        Reconciled::Merged(merged) => {
            state.remember(stored, theirs);
            // A change like any other: the autosave writes it over `stored`.
            state.workspace.set(merged);
        }
        Reconciled::Clash(_) => state.save.set(SaveStatus::Failed(StoreError::Conflict)),
    }
}

/// Whether the workspace differs from the last one this tab read or wrote
/// (nothing readable was read: it is compared with a new workspace).
fn changed_since_read(state: AppState) -> bool {
    state.known.with_value(|known| {
        state.workspace.with_untracked(|mine| match known.last() {
            Some((_, read)) => mine != read,
            None => *mine != crate::domain::Workspace::new(),
        })
    })
}

/// How long typing may pause before the workspace is written.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The autosave of one tab: does what the policy ([`Saver`]) answers to
/// what happens, with the timer of the pause after typing.
#[derive(Clone, Copy)]
struct Autosave {
    state: AppState,
    saver: StoredValue<Saver>,
    timer: StoredValue<Option<TimeoutHandle>>,
    asked_to_persist: StoredValue<bool>,
}

impl Autosave {
    fn on(self, event: Event) {
        let suspended = self.state.save.get_untracked() == SaveStatus::Suspended;
        let Some(step) = self
            .saver
            .try_update_value(|saver| saver.on(event, suspended))
        else {
            return; // the app is gone
        };
        if step != Step::Nothing {
            if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
                handle.clear();
            }
        }
        match step {
            Step::Nothing => {}
            Step::Wait => match set_timeout_with_handle(move || self.on(Event::Due), DEBOUNCE) {
                Ok(handle) => self.timer.set_value(Some(handle)),
                Err(_) => self.on(Event::Due),
            },
            Step::Write => self.write(),
            Step::Reconcile => reconcile(self.state),
        }
    }

    /// Writes the workspace over the save this tab holds.
    fn write(self) {
        let state = self.state;
        let expected = state.revision.get_untracked();
        let result = state.store.with_value(|store| {
            state
                .workspace
                .with_untracked(|ws| store.save_checked(ws, &expected, ids::revision_id()))
        });
        let written = match result {
            Ok(revision) => {
                if revision != expected {
                    state.remember(revision, state.workspace.get_untracked());
                }
                if !self.asked_to_persist.get_value() {
                    self.asked_to_persist.set_value(true);
                    state.store.with_value(|store| store.ask_to_persist());
                }
                state.save.set(SaveStatus::Saved(clock::now_hh_mm()));
                Written::Saved
            }
            // Another tab saved since: merge with its records, never over them.
            Err(StoreError::Conflict) => Written::Conflict,
            Err(err) => {
                state.save.set(SaveStatus::Failed(err));
                Written::Failed
            }
        };
        self.on(Event::Written(written));
    }

    /// Looks at the stored save: another tab's is brought into this one.
    fn look_at_stored(self) {
        let theirs = self.state.store.with_value(|store| store.revision());
        let differs = theirs != self.state.revision.get_untracked();
        self.on(Event::Stored { differs });
    }
}

/// Starts watching the workspace. Call once, inside the app's owner.
pub fn start(state: AppState) {
    let autosave = Autosave {
        state,
        saver: StoredValue::new(Saver::default()),
        timer: StoredValue::new(None),
        asked_to_persist: StoredValue::new(false),
    };

    Effect::new(move |first_run: Option<()>| {
        state.workspace.track();
        // What was just loaded needs no save, but the autosave's code comes
        // after the workspace's: a change made meanwhile is saved now.
        if first_run.is_none() && !changed_since_read(state) {
            return;
        }
        autosave.on(Event::Changed);
    });

    // Leaving the page must not lose the last keystrokes.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| autosave.on(Event::Leaving));
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            autosave.on(Event::Leaving);
        }
    });
    // Another tab may have saved: take its data, or merge this tab's
    // unsaved changes with it. Never overwrite it silently.
    let keys = state
        .store
        .with_value(|store| [store.workspace_key(), store.revision_key()]);
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|key| keys.contains(&key)) {
            autosave.look_at_stored();
        }
    });
    let on_focus = window_event_listener(leptos::ev::focus, move |_| autosave.look_at_stored());
    let on_visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            autosave.look_at_stored();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
        on_storage.remove();
        on_focus.remove();
        on_visible.remove();
    });
}
