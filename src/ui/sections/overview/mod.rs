//! Tổng quan: each unit's current assessment, what is due next on the
//! yearly timeline, and overdue actions; then the units themselves.

pub mod units;

use leptos::prelude::*;

use crate::domain::timeline::next_due;
use crate::platform::clock;
use crate::ui::i18n::*;
use crate::ui::sections::assessment::evaluated;
use crate::ui::sections::overview::units::UnitsPanel;
use crate::ui::shell::split::{show, split};
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::When;
use crate::ui::words::messages;
use crate::ui::words::reasons::text;

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let has_units = move || state.workspace.with(|ws| !ws.units().is_empty());
    // The cards evaluate assessments (the criteria library and its engine):
    // their code follows the form, which the first screen needs at once.
    view! {
        <h1>{tr!(i18n, overview_title)}</h1>
        <p class="lead">{tr!(i18n, overview_intro)}</p>
        <When when=has_units>{show(unit_cards)}</When>
        <UnitsPanel />
    }
}

split!(
    overview_later,
    fn unit_cards() -> AnyView {
        UnitCards().into_any()
    }
);

#[component]
fn UnitCards() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let today = clock::today_date();
    let cards = move || {
        state.workspace.with(|ws| {
            ws.units()
                .iter()
                .map(|unit| {
                    let mine: Vec<_> = ws
                        .assessments()
                        .iter()
                        .filter(|a| *a.unit() == unit.id)
                        .collect();
                    let current_year = mine.iter().map(|a| a.year()).max();
                    let current: Vec<String> = mine
                        .iter()
                        .filter(|a| Some(a.year()) == current_year)
                        .map(|a| a.id().to_owned())
                        .collect();
                    let overdue: Vec<(String, String)> = mine
                        .iter()
                        .flat_map(|a| {
                            a.overdue_actions(today).map(|x| {
                                (
                                    x.what.clone(),
                                    x.due.map(|d| d.vietnamese()).unwrap_or_default(),
                                )
                            })
                        })
                        .collect();
                    let festival = ws
                        .festival_plans()
                        .iter()
                        .filter(|p| p.unit == unit.id && p.date.is_some())
                        .max_by_key(|p| p.year)
                        .and_then(|p| p.countdown(today).map(|days| (p.title.clone(), days)));
                    (unit.name.clone(), unit.kind, current, overdue, festival)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <When when=move || { !cards().is_empty() }>
            <section class="unit-cards" aria-labelledby="unit-cards-title">
                <h2 id="unit-cards-title">{tr!(i18n, overview_units_title)}</h2>
                <ul class="unit-cards__list" data-testid="unit-cards">
                    {move || { cards().into_iter().map(|card| unit_card(i18n, state, today, card)).collect_view() }}
                </ul>
            </section>
        </When>
    }
}

/// What a unit's card shows: its name and kind, its current assessments'
/// ids, its overdue actions (what, when) and its festival's countdown.
type CardFacts = (
    String,
    crate::domain::UnitKind,
    Vec<String>,
    Vec<(String, String)>,
    Option<(String, i64)>,
);

/// One unit's card: its current assessment and result, its festival's
/// countdown, what is due next and what is overdue.
fn unit_card(
    i18n: I18n,
    state: crate::ui::shell::state::AppState,
    today: crate::domain::calendar::Date,
    (name, kind, current, overdue, festival): CardFacts,
) -> impl IntoView {
    let year = today.year();
    view! {
        <li class="unit-card">
            <h3>{name}</h3>
            {if current.is_empty() {
                view! { <p>{tp!(i18n, overview_no_assessment, year)}</p> }.into_any()
            } else {
                current
                    .into_iter()
                    .filter_map(|id| evaluated(state, &id))
                    .map(|(a, set, e)| {
                        let (year, set) = (a.year(), text(&set.title));
                        let (answered, total, met, decided) = (
                            e.progress.answered,
                            e.progress.total,
                            e.conformity.answered,
                            e.conformity.total,
                        );
                        view! {
                            <p>
                                {tp!(i18n, overview_current, year, set)} " · "
                                <span class="badge">{messages::assessment_status(i18n, a.status().stage())}</span>
                            </p>
                            <p>
                                {tp!(i18n, assessment_progress, answered, total, met, decided)} " "
                                <span class=messages::result_class(
                                    e.set.status,
                                )>{messages::result(i18n, e.set.status)}</span>
                            </p>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            {festival
                .map(|(title, days)| {
                    view! {
                        <p data-testid="festival-countdown">
                            <strong>{title} ": "</strong>
                            {crate::ui::sections::festival::countdown_text(i18n, days)}
                        </p>
                    }
                })}
            <p>
                <strong>{tr!(i18n, overview_next)} ": "</strong>
            </p>
            <ul>
                {next_due(kind, today, 2)
                    .into_iter()
                    .map(|m| {
                        view! {
                            <li>
                                {if m.step.is_before() {
                                    tp!(i18n, overview_before, date = m.date.vietnamese()).into_any()
                                } else {
                                    m.date.vietnamese().into_any()
                                }} " · " {messages::step(i18n, m.step)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(!overdue.is_empty())
                .then(|| {
                    let count = overdue.len();
                    view! {
                        <div class="unit-card__overdue" data-testid="overdue">
                            <p>
                                <span aria-hidden="true">"⚠ "</span>
                                {tp!(i18n, overview_overdue, count)}
                            </p>
                            <ul>
                                {overdue
                                    .into_iter()
                                    .map(|(what, due)| view! { <li>{what} " (" {due} ")"</li> })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })}
        </li>
    }
}
