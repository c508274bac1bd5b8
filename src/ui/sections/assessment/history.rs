//! A unit's results across years, criterion by criterion, and the trend of
//! the counts that matter as a small SVG chart.

use leptos::prelude::*;

use crate::domain::context::incident_total;
use crate::domain::criteria::Outcome;
use crate::ui::i18n::*;
use crate::ui::sections::assessment::evaluated;
use crate::ui::shell::state::use_app_state;
use crate::ui::words::messages;
use crate::ui::words::reasons::text;

#[component]
pub fn HistoryView(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let rows = move || {
        let (unit, set_id) = state.workspace.with(|ws| {
            ws.assessment(&id)
                .map(|a| (a.unit().clone(), a.set().id.clone()))
        })?;
        let mut ids: Vec<(i32, String)> = state.workspace.with(|ws| {
            ws.assessments()
                .iter()
                .filter(|a| *a.unit() == unit && a.set().id == set_id)
                .map(|a| (a.year(), a.id().to_owned()))
                .collect()
        });
        crate::support::order::sort(&mut ids);
        let years: Vec<_> = ids
            .iter()
            .filter_map(|(_, aid)| evaluated(state, aid))
            .collect();
        Some(years)
    };
    view! {
        <section class="history" data-testid="history">
            <h3>{tr!(i18n, history_title)}</h3>
            {move || {
                rows()
                    .map(|years| {
                        let Some((_, latest_set, _)) = years.last().cloned() else { return ().into_any() };
                        let totals: Vec<(i32, u64)> = years
                            .iter()
                            .map(|(a, _, _)| (a.year(), incident_total(a)))
                            .collect();
                        view! {
                            <div class="table-wrap">
                                <table class="history__table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr!(i18n, history_criterion)}</th>
                                            {years
                                                .iter()
                                                .map(|(a, _, _)| view! { <th scope="col">{a.year()}</th> })
                                                .collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {latest_set
                                            .criteria()
                                            .map(|c| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{text(&c.label)}</th>
                                                        {years
                                                            .iter()
                                                            .map(|(_, _, e)| {
                                                                let status = e
                                                                    .criteria
                                                                    .get(&c.id)
                                                                    .map(|r| r.status)
                                                                    .unwrap_or(Outcome::Incomplete);
                                                                view! {
                                                                    <td>
                                                                        <span class=messages::result_class(
                                                                            status,
                                                                        )>{messages::result(i18n, status)}</span>
                                                                    </td>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()} <tr>
                                            <th scope="row">{tr!(i18n, assessment_set_result)}</th>
                                            {years
                                                .iter()
                                                .map(|(_, _, e)| {
                                                    view! {
                                                        <td>
                                                            <strong>{messages::result(i18n, e.set.status)}</strong>
                                                        </td>
                                                    }
                                                })
                                                .collect_view()}
                                        </tr>
                                    </tbody>
                                </table>
                            </div>
                            <h4>{tr!(i18n, history_chart)}</h4>
                            {chart(i18n, &totals)}
                        }
                            .into_any()
                    })
            }}
        </section>
    }
}

/// Bars of the yearly totals, labelled with their numbers (not colour alone).
fn chart(i18n: crate::ui::i18n::I18n, totals: &[(i32, u64)]) -> impl IntoView {
    let max = totals.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let width = 60 * totals.len().max(1) as u64 + 20;
    let summary = totals
        .iter()
        .map(|(y, v)| format!("{y}: {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    let label = t_string!(i18n, history_chart).to_owned() + ": " + &summary;
    view! {
        <svg
            class="history__chart"
            role="img"
            aria-label=label
            viewBox=format!("0 0 {width} 140")
            width=width
            height="140"
            data-testid="history-chart"
        >
            {totals
                .iter()
                .enumerate()
                .map(|(n, (year, value))| {
                    let h = (value * 90 / max).max(1);
                    let x = 20 + 60 * n as u64;
                    view! {
                        <g>
                            <rect x=x y=110 - h width="36" height=h class="history__bar" />
                            <text x=x + 18 y=104 - h text-anchor="middle" class="history__value">
                                {*value}
                            </text>
                            <text x=x + 18 y="128" text-anchor="middle" class="history__year">
                                {*year}
                            </text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}
