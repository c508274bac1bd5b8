//! Banners under the header: a failed save, unreadable stored data, and the
//! first-run notice that data lives only in this browser.

use leptos::prelude::*;

use super::export::download_workspace;
use super::state::{use_app_state, SaveStatus};
use crate::platform::download;
use crate::platform::storage::StoreError;
use crate::ui::i18n::*;
use crate::ui::widgets::When;
use crate::ui::words::messages;

/// Shown while the last save failed; stays until a save succeeds.
#[component]
pub fn SaveFailedBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let failure = move || match state.save.get() {
        SaveStatus::Failed(err) => Some(err),
        _ => None,
    };
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let result = state.workspace.with_untracked(download_workspace);
        export_error.set(result.err());
    };
    view! {
        <When when=move || failure().is_some()>
            <div class="banner banner--error" role="alert" data-testid="save-failed">
                <p class="banner__title">
                    <span class="banner__icon" aria-hidden="true">
                        "⚠ "
                    </span>
                    {move || failure().map(|err| messages::store_error(i18n, &err))}
                </p>
                <p>{tr!(i18n, save_failed_advice)}</p>
                <button type="button" class="button button--primary" on:click=export>
                    {tr!(i18n, export_now)}
                </button>
                <When when=move || matches!(failure(), Some(StoreError::Conflict))>
                    <button type="button" class="button" on:click=move |_| state.reload_from_storage()>
                        {tr!(i18n, conflict_take_theirs)}
                    </button>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            match state.stored() {
                                Some((revision, theirs)) => state.remember(revision, theirs),
                                None => state.revision.set(state.store.with_value(|s| s.revision())),
                            }
                            state.workspace.notify();
                        }
                    >
                        {tr!(i18n, conflict_keep_mine)}
                    </button>
                </When>
                {move || export_error.get().map(|err| view! { <p class="banner__detail">{err}</p> })}
            </div>
        </When>
    }
}

/// Shown when stored data could not be read at start-up.
#[component]
pub fn LoadProblemBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let download_raw = move |_| {
        if let Some(problem) = state.load_problem.get_untracked() {
            let _ =
                download::download_text("antq_du-lieu-goc.json", "application/json", &problem.raw);
        }
    };
    view! {
        {move || {
            state
                .load_problem
                .get()
                .map(|problem| {
                    let (headline, lines) = messages::load_error(i18n, &problem.error);
                    view! {
                        <div class="banner banner--error" role="alert" data-testid="load-failed">
                            <p class="banner__title">
                                <span class="banner__icon" aria-hidden="true">
                                    "⚠ "
                                </span>
                                {tr!(i18n, load_failed_title)}
                                " "
                                {headline}
                            </p>
                            <ul class="banner__list">
                                {lines.into_iter().take(20).map(|line| view! { <li>{line}</li> }).collect_view()}
                            </ul>
                            <p>
                                {if problem.kept {
                                    t_string!(i18n, load_failed_kept)
                                } else {
                                    t_string!(i18n, load_failed_not_kept)
                                }}
                            </p>
                            <button type="button" class="button" on:click=download_raw>
                                {tr!(i18n, download_original)}
                            </button>
                            {problem
                                .kept
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="button"
                                            data-testid="recovery-start-fresh"
                                            on:click=move |_| {
                                                if state.store.with_value(|s| s.start_fresh()).is_ok() {
                                                    state.load_problem.set(None);
                                                    state.save.set(SaveStatus::Idle);
                                                }
                                            }
                                        >
                                            {tr!(i18n, recovery_start_fresh)}
                                        </button>
                                    }
                                })}
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    let _ = window().location().reload();
                                }
                            >
                                {tr!(i18n, recovery_retry)}
                            </button>
                        </div>
                    }
                })
        }}
    }
}

/// The first-run notice, until dismissed.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let dismiss = move |_| state.set_prefs(|p| p.storage_notice_dismissed = true);
    view! {
        <When when=move || !state.prefs.with(|p| p.storage_notice_dismissed)>
            <div class="banner banner--info" data-testid="storage-notice">
                <p>
                    <span class="banner__icon" aria-hidden="true">
                        "ℹ "
                    </span>
                    {tr!(i18n, storage_notice)}
                </p>
                <button type="button" class="button button--quiet" on:click=dismiss>
                    {tr!(i18n, storage_notice_ok)}
                </button>
            </div>
        </When>
    }
}

/// Offers a new version once it is installed; it is applied only when the
/// user asks, never in the middle of work. Saving is flushed by the page-hide
/// handler of autosave before the reload.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let update = use_context::<super::state::UpdateAvailable>();
    let shown = move || update.is_some_and(|u| u.0.get());
    view! {
        <When when=shown>
            <div class="banner banner--info" role="status" data-testid="update-available">
                <p>{tr!(i18n, update_available)}</p>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| crate::platform::sw::apply_update()
                >
                    {tr!(i18n, update_reload)}
                </button>
            </div>
        </When>
    }
}

/// Reminds the user to back up once the data has changed enough since the
/// last backup (`domain::prefs::needs_backup_reminder`).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let route = use_context::<super::state::CurrentRoute>();
    let shown = move || {
        // Dữ liệu itself is where the backup is made: no banner sending there.
        if route.is_some_and(|r| r.0.with(|r| r.section() == crate::domain::Section::Data)) {
            return false;
        }
        let last = state.prefs.with(|p| p.last_backup);
        crate::domain::prefs::needs_backup_reminder(
            state.revision.with(|r| r.counter),
            last,
            crate::platform::clock::today_date(),
        )
    };
    view! {
        <When when=shown>
            <div class="banner banner--info" role="status" data-testid="backup-reminder">
                <p>{tr!(i18n, backup_reminder)}</p>
                <a class="button button--quiet" href="#/du-lieu">
                    {tr!(i18n, backup_go)}
                </a>
            </div>
        </When>
    }
}
