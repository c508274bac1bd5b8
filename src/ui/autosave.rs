//! Saves the workspace a moment after every change.

use std::time::Duration;

use leptos::prelude::*;

use super::state::{AppState, SaveStatus};
use crate::platform::clock;

/// How long typing may pause before the workspace is written.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Starts watching the workspace. Call once, inside the app's owner.
pub fn start(state: AppState) {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);

    let save_now = move || {
        pending.set_value(None);
        if state.save.get_untracked() == SaveStatus::Suspended {
            return;
        }
        let result = state
            .store
            .with_value(|store| state.workspace.with_untracked(|ws| store.save(ws)));
        state.save.set(match result {
            Ok(()) => SaveStatus::Saved(clock::now_hh_mm()),
            Err(err) => SaveStatus::Failed(err),
        });
    };

    Effect::new(move |first_run: Option<()>| {
        state.workspace.track();
        // The first run only subscribes: what was just loaded needs no save.
        if first_run.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        match set_timeout_with_handle(save_now, DEBOUNCE) {
            Ok(handle) => pending.set_value(Some(handle)),
            Err(_) => save_now(),
        }
    });

    // Leaving the page must not lose the last keystrokes.
    let flush = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            save_now();
        }
    };
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });
}
