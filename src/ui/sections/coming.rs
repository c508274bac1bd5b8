//! A section whose capability lands in a later version: its purpose, said plainly.

use leptos::prelude::*;

use crate::ui::i18n::*;

#[component]
pub fn Coming(
    #[prop(into)] title: Signal<&'static str>,
    #[prop(into)] intro: Signal<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || title.get()}</h1>
        <p class="lead">{move || intro.get()}</p>
        <p class="note">{t!(i18n, section_coming)}</p>
    }
}
