//! Tổng hợp: receive many units' files, review them, and read the
//! consolidated table, the figures and the summary from them. Received
//! records live in IndexedDB, apart from the user's own workspace.

mod figures;
mod list;
mod outputs;
mod review;
mod table;

use leptos::prelude::*;

use crate::domain::rollup::{Received, Shelf};
use crate::format::rollup::received_from;
use crate::format::LoadError;
use crate::platform::archive::Archive;
use crate::platform::files::{read_texts, ReadError};
use crate::platform::storage::StoreError;
use crate::ui::i18n::*;
use crate::ui::shell::export::now_stamp;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::files::DropZone;
use crate::ui::words::messages;

/// Where loading the shelf from IndexedDB stands.
#[derive(Clone, Debug, PartialEq)]
enum Opening {
    Pending,
    Ready,
    Failed(StoreError),
}

/// The section's shared state.
#[derive(Clone, Copy)]
pub(crate) struct Rollup {
    pub shelf: RwSignal<Shelf>,
    /// The received record opened for review.
    pub viewing: RwSignal<Option<String>>,
    loading: RwSignal<Opening>,
    /// The last write that failed: the change was not made.
    write_error: RwSignal<Option<StoreError>>,
    unreadable: RwSignal<Vec<(String, LoadError)>>,
    archive: StoredValue<Archive>,
}

impl Rollup {
    /// Applies `change` to a copy of the shelf, stores what changed, and
    /// only then shows it. A failed write leaves the shelf as it was and
    /// says so on screen.
    pub fn change<T: 'static>(
        self,
        change: impl FnOnce(&mut Shelf) -> T,
        then: impl FnOnce(T) + 'static,
    ) {
        let before = self.shelf.get_untracked();
        let mut after = before.clone();
        let result = change(&mut after);
        let archive = self.archive.get_value();
        let removed: Vec<String> = before
            .records()
            .iter()
            .filter(|r| after.get(&r.id).is_none())
            .map(|r| r.id.clone())
            .collect();
        wasm_bindgen_futures::spawn_local(async move {
            let put: Vec<&Received> = after
                .records()
                .iter()
                .filter(|r| before.get(&r.id) != Some(*r))
                .collect();
            match archive.store_received(&put, &removed).await {
                Ok(()) => {
                    self.write_error.set(None);
                    self.shelf.set(after);
                    then(result);
                }
                Err(error) => self.write_error.set(Some(error)),
            }
        });
    }
}

pub(crate) fn use_rollup() -> Rollup {
    expect_context::<Rollup>()
}

#[component]
pub fn RollUpSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let rollup = Rollup {
        shelf: RwSignal::new(Shelf::default()),
        viewing: RwSignal::new(None),
        loading: RwSignal::new(Opening::Pending),
        write_error: RwSignal::new(None),
        unreadable: RwSignal::new(Vec::new()),
        archive: state.archive,
    };
    provide_context(rollup);
    table::provide_selection();
    let archive = state.archive.get_value();
    wasm_bindgen_futures::spawn_local(async move {
        match archive.load_received().await {
            Ok(mut shelved) => {
                crate::support::order::sort_by(&mut shelved.records, |a, b| {
                    (&a.received_at, &a.id).cmp(&(&b.received_at, &b.id))
                });
                rollup.shelf.set(Shelf::new(shelved.records));
                rollup.unreadable.set(shelved.unreadable);
                rollup.loading.set(Opening::Ready);
            }
            Err(error) => rollup.loading.set(Opening::Failed(error)),
        }
    });
    view! {
        <h1>{tr!(i18n, roll_up_title)}</h1>
        <p class="lead">{tr!(i18n, roll_up_intro)}</p>
        {move || match rollup.loading.get() {
            Opening::Pending => view! { <p role="status">{tr!(i18n, rollup_loading)}</p> }.into_any(),
            Opening::Failed(error) => {
                let detail = messages::store_error(i18n, &error);
                view! {
                    <div class="banner banner--error" role="alert">
                        <p>{tr!(i18n, rollup_load_failed)} " " {detail}</p>
                    </div>
                }
                    .into_any()
            }
            Opening::Ready => {
                view! {
                    {move || {
                        rollup
                            .write_error
                            .get()
                            .map(|error| {
                                let detail = messages::store_error(i18n, &error);
                                view! {
                                    <div class="banner banner--error" role="alert" data-testid="rollup-write-error">
                                        <p>{tr!(i18n, rollup_write_failed)} " " {detail}</p>
                                    </div>
                                }
                            })
                    }}
                    {move || {
                        let bad = rollup.unreadable.get();
                        (!bad.is_empty())
                            .then(|| {
                                let count = bad.len();
                                view! {
                                    <div class="banner banner--warning" role="status">
                                        <p>{tp!(i18n, rollup_unreadable, count)}</p>
                                    </div>
                                }
                            })
                    }}
                    <Receive />
                    <list::Files />
                    <review::ReviewPanel />
                    <table::Consolidated />
                    <figures::Figures />
                    <outputs::Outputs />
                }
                    .into_any()
            }
        }}
    }
}

/// What became of one file of a batch.
#[derive(Clone, Debug, PartialEq)]
enum Arrival {
    Received { added: usize, already: usize },
    Failed(LoadError),
    Unreadable(ReadError),
}

#[component]
fn Receive() -> impl IntoView {
    let i18n = use_i18n();
    let rollup = use_rollup();
    let outcomes = RwSignal::new(Vec::<(String, Arrival)>::new());
    let busy = RwSignal::new(false);
    let take = move |files: Vec<web_sys::File>| {
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let at = now_stamp();
            let mut results = Vec::new();
            let mut records: Vec<Received> = Vec::new();
            let shelf = rollup.shelf.get_untracked();
            for (name, file) in read_texts(&files).await {
                let outcome = match file {
                    Err(error) => Arrival::Unreadable(error),
                    Ok(file) => {
                        match crate::platform::hash::read_file(file)
                            .await
                            .and_then(|incoming| received_from(&incoming, &name, &at))
                        {
                            Err(error) => Arrival::Failed(error),
                            Ok(list) => {
                                let (already, new): (Vec<Received>, Vec<Received>) =
                                    list.into_iter().partition(|r| {
                                        shelf.get(&r.id).is_some()
                                            || records.iter().any(|x| x.id == r.id)
                                    });
                                let outcome = Arrival::Received {
                                    added: new.len(),
                                    already: already.len(),
                                };
                                records.extend(new);
                                outcome
                            }
                        }
                    }
                };
                results.push((name, outcome));
            }
            // A failed write is shown by the section's banner; nothing is added.
            busy.set(false);
            rollup.change(
                move |shelf| {
                    shelf.add(records);
                },
                move |()| outcomes.set(results),
            );
        });
    };
    view! {
        <section aria-labelledby="rollup-receive-title">
            <h2 id="rollup-receive-title">{tr!(i18n, rollup_receive_title)}</h2>
            <p>{tr!(i18n, rollup_receive_help)}</p>
            <DropZone id="rollup-files" testid="rollup-drop-zone" on_files=take />
            <p role="status">{move || if busy.get() { Some(tr!(i18n, rollup_reading)) } else { None }}</p>
            {move || {
                let list = outcomes.get();
                (!list.is_empty())
                    .then(|| {
                        let ok: usize = list
                            .iter()
                            .map(|(_, o)| match o {
                                Arrival::Received { added, .. } => *added,
                                _ => 0,
                            })
                            .sum();
                        let failed = list.iter().filter(|(_, o)| !matches!(o, Arrival::Received { .. })).count();
                        view! {
                            <div class="rollup-outcomes" data-testid="rollup-outcomes">
                                <p role="status" data-testid="rollup-batch">
                                    {tp!(i18n, rollup_batch, ok, failed)}
                                </p>
                                <ul>
                                    {list
                                        .into_iter()
                                        .filter(|(_, o)| !matches!(o, Arrival::Received { already: 0, .. }))
                                        .map(|(name, outcome)| match outcome {
                                            Arrival::Received { already, .. } => {
                                                view! { <li>{tp!(i18n, rollup_already, name, already)}</li> }.into_any()
                                            }
                                            Arrival::Failed(error) => {
                                                let (headline, lines) = messages::load_error(i18n, &error);
                                                view! {
                                                    <li class="rollup-outcome--error" data-testid="rollup-file-error">
                                                        <strong>{name}</strong>
                                                        ": "
                                                        {headline}
                                                        <ul>
                                                            {lines
                                                                .into_iter()
                                                                .take(10)
                                                                .map(|l| view! { <li>{l}</li> })
                                                                .collect_view()}
                                                        </ul>
                                                    </li>
                                                }
                                                    .into_any()
                                            }
                                            Arrival::Unreadable(error) => {
                                                let detail = crate::ui::words::messages::read_error(error);
                                                view! {
                                                    <li class="rollup-outcome--error" data-testid="rollup-file-error">
                                                        <strong>{name}</strong>
                                                        ": "
                                                        {detail}
                                                    </li>
                                                }
                                                    .into_any()
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
        </section>
    }
}
