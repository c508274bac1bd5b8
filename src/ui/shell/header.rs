//! The header: the app's name, the unit in use, the save status and the language switch.

use leptos::prelude::*;

use super::state::{use_app_state, SaveStatus};
use crate::domain::UnitId;
use crate::ui::i18n::*;
use crate::ui::widgets::When;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="header">
            <div class="header__brand">
                <span class="header__name">{tr!(i18n, app_name)}</span>
                <span class="header__tagline">{tr!(i18n, app_tagline)}</span>
            </div>
            <ActiveUnit />
            <div class="header__tools">
                <SaveIndicator />
                <LanguageSwitch />
            </div>
        </header>
    }
}

/// The unit in use, chosen among the workspace's units.
#[component]
fn ActiveUnit() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // A memo: typing in a form changes the workspace, not this list.
    let units = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let active = ws.active_unit_id().cloned();
            ws.units()
                .iter()
                .map(|unit| {
                    (
                        unit.id.as_str().to_owned(),
                        unit.name.clone(),
                        Some(&unit.id) == active.as_ref(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let has_units = move || units.with(|u| !u.is_empty());
    let options = move || {
        units
            .get()
            .into_iter()
            .map(|(id, name, selected)| {
                view! {
                    <option value=id selected=selected>
                        {name}
                    </option>
                }
            })
            .collect_view()
    };
    let on_change = move |ev| {
        let id = UnitId::new(event_target_value(&ev));
        let _ = state.edit(|ws| ws.set_active_unit(&id));
    };
    view! {
        <div class="header__unit">
            <When
                when=has_units
                fallback=move || {
                    view! {
                        <a class="header__no-unit" href="#/tong-quan">
                            {tr!(i18n, no_unit_yet)}
                        </a>
                    }
                }
            >
                <label class="header__unit-label" for="active-unit">
                    {tr!(i18n, active_unit_label)}
                </label>
                <select
                    id="active-unit"
                    class="header__unit-select"
                    on:change=on_change
                    prop:value=move || {
                        state
                            .workspace
                            .with(|ws| { ws.active_unit_id().map(|id| id.as_str().to_owned()).unwrap_or_default() })
                    }
                >
                    {options}
                </select>
            </When>
        </div>
    }
}

/// "Đã lưu lúc HH:MM", or nothing yet. Failures have their own banner.
#[component]
fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let text = move || match state.save.get() {
        SaveStatus::Saved(time) => Some(tp!(i18n, saved_at, time).into_any()),
        SaveStatus::Idle => Some(tr!(i18n, not_saved_yet).into_any()),
        SaveStatus::Failed(_) | SaveStatus::Suspended => None,
    };
    view! {
        <span class="save-indicator" role="status" aria-live="polite" data-testid="save-status">
            {text}
        </span>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let switch = move |_| state.set_prefs(|p| p.language = p.language.other());
    view! {
        <button
            type="button"
            class="button button--quiet lang-switch"
            on:click=switch
            aria-label=move || t_string!(i18n, switch_language_label)
            lang=move || state.prefs.with(|p| p.language.other().tag())
        >
            {tr!(i18n, switch_language)}
        </button>
    }
}
