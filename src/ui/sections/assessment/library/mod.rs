//! The criteria-set library: browse the built-in and local sets, copy one
//! into a local variant, edit it, export and import set files.

mod editor;
mod import;
mod set_view;

use leptos::prelude::*;

use self::editor::SetEditor;
use self::import::ImportPanel;
use self::set_view::SetView;
use crate::domain::criteria::{CriteriaSet, Library, SetRef};
use crate::ui::i18n::*;
use crate::ui::shell::state::{use_app_state, AppState};
use crate::ui::words::messages;
use crate::ui::words::reasons::text;

/// Runs `f` with the library of this workspace.
pub(crate) fn with_library<T>(state: AppState, f: impl FnOnce(&Library) -> T) -> T {
    state.with_builtin(|builtin| {
        state
            .local_sets
            .with(|local| f(&Library::new(builtin, local)))
    })
}

/// The set with this key, if any (reactive).
pub(crate) fn find_set(state: AppState, key: &SetRef) -> Option<CriteriaSet> {
    with_library(state, |library| library.find(key).cloned())
}

#[component]
pub fn CriteriaLibrary() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let selected = RwSignal::new(None::<SetRef>);
    let editing = RwSignal::new(None::<CriteriaSet>);
    let cards = move || {
        with_library(state, |library| {
            library
                .latest()
                .into_iter()
                .map(|set| (set.clone(), library.is_builtin(&set.key())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="library" aria-labelledby="library-title">
            <h2 id="library-title">{tr!(i18n, library_title)}</h2>
            <p class="lead">{tr!(i18n, library_intro)}</p>
            <ImportPanel selected=selected />
            <ul class="library__list" data-testid="library-list">
                {move || {
                    cards()
                        .into_iter()
                        .map(|(set, builtin)| {
                            let key = set.key();
                            let open = {
                                let key = key.clone();
                                move |_| {
                                    editing.set(None);
                                    selected.set(Some(key.clone()));
                                }
                            };
                            let is_open = {
                                let key = key.clone();
                                move || selected.get().as_ref() == Some(&key)
                            };
                            let unverified = set.unverified_count();
                            let kinds = messages::unit_kinds(i18n, &set.applies_to);
                            let version = set.version;
                            view! {
                                <li class="library__card" data-set-id=set.id.clone()>
                                    <div class="library__card-main">
                                        <span class="library__card-title">{text(&set.title)}</span>
                                        <span class="library__card-meta">
                                            {set.id.clone()} " · " {tp!(i18n, library_version, version)} " · " {kinds}
                                        </span>
                                        <span class="library__badges">
                                            {if builtin {
                                                view! {
                                                    <span class="badge badge--quiet">{tr!(i18n, library_builtin)}</span>
                                                }
                                                    .into_any()
                                            } else {
                                                view! { <span class="badge">{tr!(i18n, library_local)}</span> }
                                                    .into_any()
                                            }}
                                            {set
                                                .historical
                                                .then(|| {
                                                    view! {
                                                        <span class="badge badge--quiet">
                                                            {tr!(i18n, library_historical)}
                                                        </span>
                                                    }
                                                })}
                                            {(unverified > 0)
                                                .then(|| {
                                                    let count = unverified;
                                                    view! {
                                                        <span class="badge badge--unverified">
                                                            "⚠ " {tp!(i18n, library_unverified_count, count)}
                                                        </span>
                                                    }
                                                })}
                                        </span>
                                    </div>
                                    <button
                                        type="button"
                                        class="button button--small"
                                        aria-expanded=move || if is_open() { "true" } else { "false" }
                                        on:click=open
                                    >
                                        {tr!(i18n, library_open)}
                                        <span class="visually-hidden">" " {text(&set.title)}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                if let Some(draft) = editing.get() {
                    return view! { <SetEditor draft=draft editing=editing selected=selected /> }.into_any();
                }
                selected
                    .get()
                    .map(|key| view! { <SetView key=key selected=selected editing=editing /> }.into_any())
                    .unwrap_or_else(|| ().into_any())
            }}
        </section>
    }
}
