//! Tổng quan: the units this browser works for.

use leptos::prelude::*;

use crate::ui::i18n::*;
use crate::ui::units::UnitsPanel;

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, overview_title)}</h1>
        <p class="lead">{t!(i18n, overview_intro)}</p>
        <UnitsPanel />
    }
}
