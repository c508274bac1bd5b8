//! Hướng dẫn: what the app is for and how its data is kept.

use leptos::prelude::*;

use crate::ui::i18n::*;

#[component]
pub fn Help() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{tr!(i18n, help_title)}</h1>
        <p class="lead">{tr!(i18n, help_intro)}</p>
        <p>{tr!(i18n, help_data)}</p>
        <p>{tr!(i18n, help_start)}</p>
        <p>{tr!(i18n, help_exchange)}</p>
        <p>{tr!(i18n, help_rollup)}</p>
        <p>{tr!(i18n, help_documents)}</p>
        <p>{tr!(i18n, help_links)}</p>
    }
}
