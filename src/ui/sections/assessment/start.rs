//! Starting an assessment: a unit, a set offered for its kind, a year.

use leptos::prelude::*;

use super::Tab;
use crate::domain::assessment::AssessmentError;
use crate::domain::UnitId;
use crate::platform::{clock, ids};
use crate::ui::i18n::*;
use crate::ui::sections::assessment::library::with_library;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::choice::Choice;
use crate::ui::widgets::field::Check;
use crate::ui::widgets::When;
use crate::ui::words::messages;
use crate::ui::words::reasons::text;

#[component]
pub fn StartForm(open: RwSignal<Option<String>>, tab: RwSignal<Tab>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let unit = RwSignal::new(state.workspace.with_untracked(|ws| {
        ws.active_unit_id()
            .map(|u| u.as_str().to_owned())
            .unwrap_or_default()
    }));
    let year = RwSignal::new(clock::today_date().year().to_string());
    let set = RwSignal::new(String::new());
    let copy_last = RwSignal::new(true);
    let error = RwSignal::new(None::<AssessmentError>);
    let notice = RwSignal::new(None::<i32>);
    // A unit TT 124 does not cover may still assess itself, once told so.
    let go_on = RwSignal::new(false);
    let outside = Memo::new(move |_| {
        let (kind, scope) = state.workspace.with(|ws| {
            ws.units()
                .get(&UnitId::new(unit.get()))
                .map(|u| (u.kind, u.scope))
        })?;
        let chosen = set.get();
        with_library(state, |library| {
            let set = library.latest().into_iter().find(|s| s.id == chosen)?;
            scope.outside_set(kind, set)
        })
    });
    // The sets offered for the chosen unit's kind, newest versions only.
    // Memos: an answer typed in the form does not rebuild these lists.
    let offered = Memo::new(move |_| {
        let kind = state
            .workspace
            .with(|ws| ws.units().get(&UnitId::new(unit.get())).map(|u| u.kind));
        let Some(kind) = kind else { return Vec::new() };
        with_library(state, |library| {
            library
                .latest()
                .into_iter()
                .filter(|s| s.applies_to_kind(kind))
                .map(|s| (s.id.clone(), text(&s.title), s.historical))
                .collect::<Vec<_>>()
        })
    });

    // Keep the chosen set among those offered.
    Effect::new(move |_| {
        let sets = offered.get();
        if !sets.iter().any(|(id, _, _)| *id == set.get_untracked()) {
            set.set(
                sets.into_iter()
                    .find(|(_, _, old)| !old)
                    .map(|(id, _, _)| id)
                    .unwrap_or_default(),
            );
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        notice.set(None);
        let unit_id = UnitId::new(unit.get_untracked());
        let Ok(year) = year.get_untracked().trim().parse::<i32>() else {
            return;
        };
        let chosen = with_library(state, |library| {
            library
                .latest()
                .into_iter()
                .find(|s| s.id == set.get_untracked())
                .cloned()
        });
        let Some(chosen) = chosen else { return };
        if outside.get_untracked().is_some() && !go_on.get_untracked() {
            return;
        }
        let id = ids::new_id("a");
        let result = state.edit(|ws| {
            ws.start_assessment(
                id.clone(),
                &unit_id,
                &chosen,
                year,
                copy_last.get_untracked(),
            )
            .map(|_| ())
        });
        match result {
            Ok(()) => {
                open.set(Some(id));
                tab.set(Tab::Form);
                // The new assessment opens below the list: go to it, to its heading.
                crate::ui::widgets::focus::focus_id_soon("assessment-title".into());
            }
            Err(AssessmentError::AlreadyExists { id }) => {
                notice.set(Some(year));
                open.set(Some(id));
                tab.set(Tab::Form);
            }
            Err(err) => error.set(Some(err)),
        }
    };
    let units = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.units()
                .iter()
                .map(|u| (u.id.as_str().to_owned(), u.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <form class="start-form" on:submit=submit data-testid="start-form">
            <h2>{tr!(i18n, assessment_start_title)}</h2>
            <When
                when=move || { !units.get().is_empty() }
                fallback=move || {
                    view! {
                        <p>
                            <a href="#/tong-quan">{tr!(i18n, assessment_no_units)}</a>
                        </p>
                    }
                }
            >
                {Choice::new(
                        "start-unit",
                        tr!(i18n, assessment_unit),
                        move || unit.get(),
                        move || units.get(),
                        move |v| unit.set(v),
                    )
                    .view()}
                {Choice::new(
                        "start-set",
                        tr!(i18n, assessment_set),
                        move || set.get(),
                        move || offered.get().into_iter().map(|(id, title, _)| (id, title)).collect(),
                        move |v| set.set(v),
                    )
                    .view()}
                {move || {
                    offered
                        .get()
                        .is_empty()
                        .then(|| view! { <p class="field__error">{tr!(i18n, assessment_no_sets)}</p> })
                }}
                <div class="field field--narrow">
                    <label for="start-year">{tr!(i18n, assessment_year)}</label>
                    <input
                        id="start-year"
                        type="number"
                        inputmode="numeric"
                        min="2022"
                        max="2100"
                        prop:value=move || year.get()
                        on:input=move |ev| year.set(event_target_value(&ev))
                    />
                </div>
                {Check::new(
                        "start-copy",
                        tr!(i18n, assessment_copy_last),
                        move || copy_last.get(),
                        move |on| copy_last.set(on),
                    )
                    .view()}
                {move || {
                    outside
                        .get()
                        .map(|why| {
                            let why = crate::ui::words::reasons::exclusion(i18n, why);
                            view! {
                                <div class="banner banner--warning" role="note" data-testid="start-out-of-scope">
                                    <p>
                                        <span aria-hidden="true">"⚠ "</span>
                                        {tp!(i18n, assessment_out_of_scope, why)}
                                    </p>
                                    {Check::new(
                                            "start-go-on",
                                            tr!(i18n, assessment_out_of_scope_go_on),
                                            move || go_on.get(),
                                            move |on| go_on.set(on),
                                        )
                                        .view()}
                                </div>
                            }
                        })
                }}
                <button
                    type="submit"
                    class="button button--primary"
                    data-testid="start-submit"
                    disabled=move || outside.get().is_some() && !go_on.get()
                >
                    {tr!(i18n, assessment_start)}
                </button>
                <p role="status">{move || notice.get().map(|year| tp!(i18n, assessment_exists, year))}</p>
                <p class="field__error" role="alert">
                    {move || error.get().map(|e| messages::assessment_error(i18n, &e))}
                </p>
            </When>
        </form>
    }
}
