//! Dữ liệu: backup, exchange files for the level above, and imports with a
//! preview, applied only on confirmation and undoable until the next import.

use leptos::prelude::*;

use crate::format::exchange::{export_assessment, export_festival_plan, Exported, Incoming};
use crate::format::merge::{self, admit, preview, Change, Target};
use crate::format::LoadError;
use crate::platform::archive::BEFORE_IMPORT;
use crate::platform::clipboard;
use crate::platform::files::{read_texts, ReadError};
use crate::ui::i18n::*;
use crate::ui::sections::assessment::library::find_set;
use crate::ui::shell::export::{now_stamp, offer, workspace_file};
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::files::DropZone;
use crate::ui::words::messages;

#[component]
pub fn Data() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{tr!(i18n, data_title)}</h1>
        <p class="lead">{tr!(i18n, data_intro)}</p>
        <Backup />
        <ExportRecord />
        <Import />
    }
}

/// "Đã xuất …: so many units, criteria, notes", and a copy button.
#[component]
fn ExportResult(file: Exported) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<bool>);
    let s = file.summary;
    let (name, units, assessments, criteria, answers, notes, plans) = (
        file.file_name.clone(),
        s.units,
        s.assessments,
        s.criteria,
        s.answers,
        s.notes,
        s.festival_plans,
    );
    let text = file.text.clone();
    let copy = move |_| {
        let text = text.clone();
        wasm_bindgen_futures::spawn_local(
            async move { copied.set(Some(clipboard::copy(&text).await)) },
        );
    };
    view! {
        <div class="banner banner--info" role="status" data-testid="export-summary">
            <p>{tp!(i18n, data_export_summary, name, units, assessments, criteria, answers, notes, plans)}</p>
            <button type="button" class="button" on:click=copy>
                {tr!(i18n, data_copy)}
            </button>
            {move || {
                copied
                    .get()
                    .map(|ok| {
                        if ok { tr!(i18n, data_copied).into_any() } else { tr!(i18n, data_copy_failed).into_any() }
                    })
            }}
        </div>
    }
}

#[component]
fn Backup() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let result = RwSignal::new(None::<Result<Exported, String>>);
    let backup = move |_| {
        let file = state.workspace.with_untracked(workspace_file);
        let offered = offer(&file);
        if offered.is_ok() {
            let revision = state.revision.with_untracked(|r| r.counter);
            state.set_prefs(|p| {
                p.last_backup = Some((crate::platform::clock::today_date(), revision))
            });
        }
        result.set(Some(offered.map(|()| file)));
    };
    let last = move || state.prefs.with(|p| p.last_backup);
    // The stored text as it was before this version rewrote it, if it did.
    let before_migration = RwSignal::new(None::<String>);
    {
        let archive = state.archive.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(Some(text)) = archive
                .snapshot(crate::platform::archive::BEFORE_MIGRATION)
                .await
            {
                before_migration.set(Some(text));
            }
        });
    }
    let download_before = move |_| {
        if let Some(text) = before_migration.get_untracked() {
            let _ = crate::platform::download::download_text(
                "antq_du-lieu-truoc-nang-cap.json",
                "application/json",
                &text,
            );
        }
    };
    let count = move || state.workspace.with(|ws| ws.units().len());
    // localStorage holds 5,242,880 UTF-16 units per origin, keys included.
    let percent = move || {
        let units = state
            .workspace
            .with(|ws| crate::format::encode_workspace(ws).encode_utf16().count());
        let tenths = crate::support::numbers::percent_tenths(units as u64, 5_242_880).unwrap_or(0);
        format!(
            "{}{}{}",
            tenths / 10,
            messages::decimal_mark(i18n),
            tenths % 10
        )
    };
    view! {
        <section aria-labelledby="backup-title">
            <h2 id="backup-title">{tr!(i18n, data_backup_title)}</h2>
            <p>{tp!(i18n, data_summary, count = count())}</p>
            <p data-testid="storage-use">{tp!(i18n, storage_use, percent = percent())}</p>
            <p data-testid="last-backup">
                {move || match last() {
                    None => tr!(i18n, backup_never).into_any(),
                    Some((day, revision)) => {
                        let date = day.vietnamese();
                        let changed = state.revision.with(|r| r.counter) > revision;
                        view! {
                            {tp!(i18n, backup_last, date)}
                            {changed
                                .then(|| {
                                    view! {
                                        " "
                                        {tr!(i18n, backup_changed)}
                                    }
                                })}
                        }
                            .into_any()
                    }
                }}
            </p>
            <button type="button" class="button button--primary" on:click=backup data-testid="backup">
                {tr!(i18n, data_backup)}
            </button>
            {move || {
                before_migration
                    .with(|b| b.is_some())
                    .then(|| {
                        view! {
                            <p class="note">
                                {tr!(i18n, data_before_migration)} " "
                                <button
                                    type="button"
                                    class="button button--small"
                                    on:click=download_before
                                    data-testid="download-before-migration"
                                >
                                    {tr!(i18n, data_before_migration_download)}
                                </button>
                            </p>
                        }
                    })
            }}
            {move || {
                result
                    .get()
                    .map(|r| match r {
                        Ok(file) => view! { <ExportResult file=file /> }.into_any(),
                        Err(err) => {
                            view! {
                                <p class="field__error" role="alert">
                                    {tr!(i18n, data_export_failed)}
                                    {err}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}

#[component]
fn ExportRecord() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let chosen = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<Exported, String>>);
    let records = move || {
        state.workspace.with(|ws| {
            let name = |u: &crate::domain::UnitId| {
                ws.units()
                    .get(u)
                    .map(|x| x.name.clone())
                    .unwrap_or_default()
            };
            let mut out: Vec<(String, String)> = ws
                .assessments()
                .iter()
                .map(|a| {
                    (
                        format!("a:{}", a.id()),
                        format!(
                            "{} · {} · {}",
                            name(a.unit()),
                            a.year(),
                            t_string!(i18n, nav_self_assessment)
                        ),
                    )
                })
                .collect();
            out.extend(ws.festival_plans().iter().map(|p| {
                (
                    format!("p:{}", p.id),
                    format!(
                        "{} · {} · {}",
                        name(&p.unit),
                        p.year,
                        t_string!(i18n, nav_festival)
                    ),
                )
            }));
            out
        })
    };
    let export = move |_| {
        let key = chosen.get_untracked();
        let key = if key.is_empty() {
            records()
                .first()
                .map(|(k, _)| k.clone())
                .unwrap_or_default()
        } else {
            key
        };
        let file = if let Some(id) = key.strip_prefix("a:") {
            state.workspace.with_untracked(|ws| {
                let a = ws.assessment(id)?;
                let set = find_set(state, a.set())?;
                export_assessment(ws, &set, a, &now_stamp())
            })
        } else if let Some(id) = key.strip_prefix("p:") {
            state
                .workspace
                .with_untracked(|ws| export_festival_plan(ws, ws.festival_plan(id)?, &now_stamp()))
        } else {
            None
        };
        if let Some(file) = file {
            result.set(Some(offer(&file).map(|()| file)));
        }
    };
    view! {
        <section aria-labelledby="export-title">
            <h2 id="export-title">{tr!(i18n, data_export_title)}</h2>
            <div class="field">
                <label for="export-record">{tr!(i18n, data_record)}</label>
                <select id="export-record" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || {
                        records()
                            .into_iter()
                            .map(|(key, label)| view! { <option value=key>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <button type="button" class="button" on:click=export data-testid="export-record">
                {tr!(i18n, data_export)}
            </button>
            {move || {
                result
                    .get()
                    .map(|r| match r {
                        Ok(file) => view! { <ExportResult file=file /> }.into_any(),
                        Err(err) => {
                            view! {
                                <p class="field__error" role="alert">
                                    {tr!(i18n, data_export_failed)}
                                    {err}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}

#[derive(Clone, PartialEq, Eq)]
enum Notice {
    Applied(usize),
    Undone,
    /// Nothing was applied: the files together break a rule.
    Refused(merge::ImportRefusal),
}

/// One file on its way in.
#[derive(Clone)]
enum Pending {
    Failed {
        name: String,
        error: LoadError,
    },
    Unreadable {
        name: String,
        error: ReadError,
    },
    Ready {
        name: String,
        incoming: Box<Incoming>,
        changes: RwSignal<Vec<Change>>,
    },
}

#[component]
fn Import() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // A large file's checksum is computed alongside its reading, once the
    // worker that does it is there: it starts before a file can be picked.
    let _ = crate::platform::hash::prepare();
    let pending = RwSignal::new(Vec::<Pending>::new());
    // Kept in the app state, so undo stays offered across sections.
    let before = state.before_import;
    let notice = RwSignal::new(None::<Notice>);
    // The snapshot also lives in IndexedDB, so undo survives a reload.
    let archive = state.archive;
    let snapshot_failed = RwSignal::new(false);
    if before.get_untracked().is_none() {
        let archive = archive.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(Some(text)) = archive.snapshot(BEFORE_IMPORT).await {
                if let Ok(decoded) = crate::format::decode_workspace(&text) {
                    if before.get_untracked().is_none() {
                        before.set(Some(decoded.workspace));
                    }
                }
            }
        });
    }
    let take_files = move |files: Vec<web_sys::File>| {
        wasm_bindgen_futures::spawn_local(async move {
            let mut out = Vec::new();
            for (name, file) in read_texts(&files).await {
                out.push(match file {
                    Err(error) => Pending::Unreadable { name, error },
                    Ok(file) => {
                        match crate::platform::hash::read_file(file).await.and_then(admit) {
                            Err(error) => Pending::Failed { name, error },
                            Ok(incoming) => {
                                let changes = state.with_builtin(|builtin| {
                                    state
                                        .workspace
                                        .with_untracked(|ws| preview(ws, builtin, &incoming))
                                });
                                Pending::Ready {
                                    name,
                                    incoming: Box::new(incoming),
                                    changes: RwSignal::new(changes),
                                }
                            }
                        }
                    }
                });
            }
            notice.set(None);
            pending.set(out);
        });
    };
    let apply_all = move |_| {
        let previous = state.workspace.get_untracked();
        let files: Vec<_> = pending
            .get_untracked()
            .into_iter()
            .filter_map(|p| match p {
                Pending::Ready {
                    incoming, changes, ..
                } => Some((*incoming, changes.get_untracked())),
                _ => None,
            })
            .collect();
        let outcome = state.with_builtin(|builtin| merge::apply_all(&previous, builtin, &files));
        let (next, count) = match outcome {
            Ok(done) => done,
            Err(refusal) => {
                notice.set(Some(Notice::Refused(refusal)));
                return;
            }
        };
        let _ = state.edit(|ws| {
            *ws = next;
            Ok::<(), ()>(())
        });
        let text = crate::format::encode_workspace(&previous);
        before.set(Some(previous));
        let archive = archive.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            snapshot_failed.set(archive.put_snapshot(BEFORE_IMPORT, &text).await.is_err());
        });
        pending.set(Vec::new());
        notice.set(Some(Notice::Applied(count)));
    };
    let undo = move |_| {
        if let Some(previous) = before.get_untracked() {
            let _ = state.edit(|ws| {
                *ws = previous;
                Ok::<(), ()>(())
            });
            before.set(None);
            notice.set(Some(Notice::Undone));
            let archive = archive.get_value();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = archive.remove_snapshot(BEFORE_IMPORT).await;
            });
        }
    };
    view! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">{tr!(i18n, data_import_title)}</h2>
            <DropZone id="import-files" testid="drop-zone" on_files=take_files />
            {move || {
                let items = pending.get();
                let any_ready = items.iter().any(|p| matches!(p, Pending::Ready { .. }));
                view! {
                    {items.into_iter().map(|p| pending_view(i18n, p)).collect_view()}
                    {any_ready
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--primary"
                                    on:click=apply_all
                                    data-testid="import-apply"
                                >
                                    {tr!(i18n, data_apply)}
                                </button>
                                <button type="button" class="button" on:click=move |_| pending.set(Vec::new())>
                                    {tr!(i18n, data_cancel)}
                                </button>
                            }
                        })}
                }
            }}
            <p role="status" data-testid="import-notice">
                {move || {
                    notice
                        .get()
                        .map(|n| match n {
                            Notice::Applied(count) => tp!(i18n, data_applied, count).into_any(),
                            Notice::Undone => tr!(i18n, data_undone).into_any(),
                            Notice::Refused(merge::ImportRefusal::ParentCircle { names }) => {
                                let names = names.join(", ");
                                view! {
                                    <span role="alert" data-testid="import-refused">
                                        {tp!(i18n, data_parent_circle, names = names.clone())}
                                    </span>
                                }
                                    .into_any()
                            }
                        })
                }}
            </p>
            {move || {
                before
                    .get()
                    .map(|_| {
                        view! {
                            <button type="button" class="button" on:click=undo data-testid="import-undo">
                                {tr!(i18n, data_undo)}
                            </button>
                            {move || {
                                snapshot_failed
                                    .get()
                                    .then(|| view! { <p class="note">{tr!(i18n, data_undo_memory_only)}</p> })
                            }}
                        }
                    })
            }}
        </section>
    }
}

/// A file chosen for import: why it cannot be read, or what it would change.
fn pending_view(i18n: I18n, p: Pending) -> AnyView {
    match p {
        Pending::Unreadable { name, error } => {
            let detail = messages::read_error(error);
            view! {
                <div class="banner banner--error" role="alert" data-testid="import-error">
                    <p>{tp!(i18n, import_failed, name)} " " {detail}</p>
                </div>
            }
            .into_any()
        }
        Pending::Failed { name, error } => {
            messages::load_error_banner(i18n, name, &error, "import-error")
        }
        Pending::Ready { name, changes, .. } => {
            let field_base = name.len();
            let items = move || {
                changes
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(n, c)| {
                        change_item(i18n, changes, format!("take-{field_base}-{n}"), n, c)
                    })
                    .collect_view()
            };
            view! {
                <div class="import-preview" data-testid="import-preview">
                    <p>
                        <strong>{tp!(i18n, data_preview, name)}</strong>
                    </p>
                    <ul>{items}</ul>
                </div>
            }
            .into_any()
        }
    }
}

/// One record an import would change, `n`th of `changes`: what it is, what
/// the import decided, and where the user may override it, a checkbox `field`.
fn change_item(
    i18n: I18n,
    changes: RwSignal<Vec<Change>>,
    field: String,
    n: usize,
    c: Change,
) -> impl IntoView {
    let label = match c.target {
        Target::Workspace => t_string!(i18n, data_whole_workspace).to_owned(),
        _ => c.label.clone(),
    };
    let take = move |ev| {
        let on = event_target_checked(&ev);
        changes.update(|all| {
            if let Some(x) = all.get_mut(n) {
                x.apply = on;
            }
        })
    };
    let choice = c.decision.choosable().then(|| {
        view! {
            " "
            <input id=field.clone() type="checkbox" prop:checked=c.apply on:change=take />
            <label for=field>{tr!(i18n, data_take)}</label>
        }
    });
    let decided = messages::decision(i18n, c.decision);
    view! { <li data-decision=c.decision.code()>{label} ": " {decided} {choice}</li> }
}
