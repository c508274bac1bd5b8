//! Importing a criteria-set file: read → decode and check → decide what it
//! would do → store only on confirmation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::with_library;
use crate::domain::criteria::{ImportDecision, SetRef, ValidSet};
use crate::format::exchange::read_criteria_set_file;
use crate::format::LoadError;
use crate::platform::files::{read_text, ReadError};
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::words::messages;
use crate::ui::words::reasons::text;

/// Where an import stands.
#[derive(Clone)]
enum Stage {
    Idle,
    Failed {
        name: String,
        error: LoadError,
    },
    Unreadable(ReadError),
    Pending {
        set: ValidSet,
        decision: ImportDecision,
    },
    Done {
        title: String,
        version: u32,
    },
}

#[component]
pub fn ImportPanel(selected: RwSignal<Option<SetRef>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let stage = RwSignal::new(Stage::Idle);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("an input").unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            let next = match read_text(&file).await {
                Err(err) => Stage::Unreadable(err),
                Ok((name, text)) => match read_criteria_set_file(&text) {
                    Err(error) => Stage::Failed { name, error },
                    Ok(set) => {
                        let decision = with_library(state, |library| library.import_decision(&set));
                        Stage::Pending { set, decision }
                    }
                },
            };
            stage.set(next);
        });
    };
    let confirm = move |_| {
        if let Stage::Pending { set, decision } = stage.get_untracked() {
            // A built-in id is never taken over: the set is added as a local variant.
            let set = match decision {
                ImportDecision::LocalVariant { .. } => {
                    let local = with_library(state, |library| library.as_local_variant(&set));
                    match crate::format::criteria::validated(local) {
                        Ok(local) => local,
                        Err(_) => return,
                    }
                }
                _ => set,
            };
            let key = set.key();
            let (title, version) = (text(&set.title), set.version);
            let _ = state.edit(|ws| {
                ws.put_criteria_set(set);
                Ok::<(), ()>(())
            });
            selected.set(Some(key));
            stage.set(Stage::Done { title, version });
        }
    };
    let message = move || match stage.get() {
        Stage::Idle => ().into_any(),
        Stage::Unreadable(ReadError::TooLarge { megabytes: size }) => view! {
            <p class="field__error" role="alert">
                {tp!(i18n, import_too_big, size)}
            </p>
        }
        .into_any(),
        Stage::Unreadable(ReadError::Failed(detail)) => view! {
            <p class="field__error" role="alert">
                {tp!(i18n, import_read_failed, detail)}
            </p>
        }
        .into_any(),
        Stage::Failed { name, error } => {
            messages::load_error_banner(i18n, name, &error, "import-failed")
        }
        Stage::Done { title, version } => view! {
            <p class="banner banner--info" role="status">
                {tp!(i18n, import_done, title, version)}
            </p>
        }
        .into_any(),
        Stage::Pending { set, decision } => {
            let (id, version, title) = (set.id.clone(), set.version, text(&set.title));
            let (question, can_add) = match decision {
                ImportDecision::New => (tp!(i18n, import_new, title, id, version).into_any(), true),
                ImportDecision::AlreadyPresent { identical: true } => {
                    (tp!(i18n, import_present, id, version).into_any(), false)
                }
                ImportDecision::AlreadyPresent { identical: false } => (
                    tp!(i18n, import_present_differs, id, version).into_any(),
                    false,
                ),
                ImportDecision::Newer { current } => (
                    tp!(i18n, import_newer, id, version, current).into_any(),
                    true,
                ),
                ImportDecision::Older { current } => (
                    tp!(i18n, import_older, id, version, current).into_any(),
                    true,
                ),
                ImportDecision::LocalVariant { id: local } => (
                    tp!(i18n, import_local_variant, title, id, version, local).into_any(),
                    true,
                ),
            };
            view! {
                <div class="banner banner--info" role="status" data-testid="import-decision">
                    <p>{question}</p>
                    {can_add
                        .then(|| {
                            view! {
                                <button type="button" class="button button--primary" on:click=confirm>
                                    {tr!(i18n, import_confirm)}
                                </button>
                            }
                        })}
                    <button type="button" class="button" on:click=move |_| stage.set(Stage::Idle)>
                        {tr!(i18n, unit_cancel)}
                    </button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="import-panel">
            <h3>{tr!(i18n, import_title)}</h3>
            <label class="import-panel__label" for="import-set">
                {tr!(i18n, import_choose)}
            </label>
            <input
                id="import-set"
                class="import-panel__input"
                type="file"
                accept=".json,application/json"
                on:change=on_change
            />
            {message}
        </div>
    }
}
