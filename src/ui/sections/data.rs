//! Dữ liệu: backup of the whole workspace.

use leptos::prelude::*;

use crate::ui::export::download_workspace;
use crate::ui::i18n::*;
use crate::ui::state::use_app_state;

#[component]
pub fn Data() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let error = RwSignal::new(None::<String>);
    let backup = move |_| error.set(state.workspace.with_untracked(download_workspace).err());
    let count = move || state.workspace.with(|ws| ws.units().len());
    view! {
        <h1>{t!(i18n, data_title)}</h1>
        <p class="lead">{t!(i18n, data_intro)}</p>
        <p>{t!(i18n, data_summary, count)}</p>
        <button type="button" class="button button--primary" on:click=backup data-testid="backup">
            {t!(i18n, data_backup)}
        </button>
        {move || error.get().map(|err| view! { <p class="field__error" role="alert">{err}</p> })}
    }
}
