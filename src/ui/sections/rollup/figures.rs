//! The figures the level above reports: units recognised per kind (with
//! last year beside them when its files are here), the receiving unit's own
//! derived indicators with the units behind them, small SVG charts, and the
//! festival totals.

use leptos::prelude::*;

use super::table::use_selection;
use super::use_rollup;
use crate::domain::criteria::{CriteriaSet, DerivedMeasure, Library, Outcome, Pending};
use crate::domain::rollup::festival::{totals, FestivalTotals};
use crate::domain::rollup::figures::{
    by_kind, derived, failed_in, failed_most, DerivedFigure, YearFigures,
};
use crate::domain::{UnitInfo, UnitKind};
use crate::support::numbers::share;
use crate::ui::i18n::*;
use crate::ui::shell::state::{use_app_state, AppState};
use crate::ui::words::messages::{self, I18n};
use crate::ui::words::reasons as words;

/// The sets of the receiving unit that count units under it, and its children.
pub(crate) fn own_context(state: AppState) -> (Vec<CriteriaSet>, Vec<UnitInfo>) {
    let (kind, children) = state.workspace.with(|ws| {
        let unit = ws.active_unit();
        let kind = unit.map(|u| u.kind).unwrap_or(UnitKind::Commune);
        let children = unit
            .map(|u| ws.units().children(&u.id).map(UnitInfo::of).collect())
            .unwrap_or_default();
        (kind, children)
    });
    let local: Vec<CriteriaSet> = state.workspace.with(|ws| ws.criteria_sets().to_vec());
    let sets = state.with_builtin(|builtin| {
        Library::new(builtin, &local)
            .counting_units_below(kind)
            .into_iter()
            .cloned()
            .collect()
    });
    (sets, children)
}

pub(crate) fn year_figures() -> Memo<Option<YearFigures>> {
    let rollup = use_rollup();
    let selection = use_selection();
    let state = use_app_state();
    Memo::new(move |_| {
        let year = selection
            .table
            .with(|t| t.as_ref().map(|t| t.year))
            .or_else(|| rollup.shelf.with(|s| s.years().first().copied()))?;
        let (sets, children) = own_context(state);
        let own: Vec<crate::domain::assessment::Assessment> =
            state.workspace.with(|ws| ws.assessments().to_vec());
        let own_assessments: Vec<&crate::domain::assessment::Assessment> = own.iter().collect();
        rollup.shelf.with(|shelf| {
            let has_previous = shelf.years().contains(&(year - 1));
            let previous = shelf
                .years()
                .contains(&(year - 1))
                .then(|| (year - 1, by_kind(shelf, year - 1)));
            let most = failed_most(shelf, year, 5);
            Some(YearFigures {
                year,
                kinds: by_kind(shelf, year),
                previous,
                derived: sets
                    .iter()
                    .map(|set| {
                        (
                            words::text(&set.title),
                            derived(shelf, set, year, &children, &own_assessments),
                        )
                    })
                    .collect(),
                failed_before: has_previous.then(|| failed_in(shelf, year - 1, &most)),
                failed_most: most,
                festival: totals(shelf, year),
            })
        })
    })
}

/// Horizontal bars with their numbers written beside them.
fn bars(title: String, items: Vec<(String, usize, usize)>, testid: &'static str) -> impl IntoView {
    let max = items
        .iter()
        .map(|(_, a, b)| a + b)
        .max()
        .unwrap_or(1)
        .max(1);
    // Bars of HTML, so that a long label wraps instead of being cut; each
    // row says its numbers in words too.
    view! {
        <figure class="rollup-chart" data-testid=testid>
            <figcaption>{title}</figcaption>
            <ul class="rollup-bars">
                {items
                    .into_iter()
                    .map(|(label, first, second)| {
                        let width = |n: usize| format!("{}%", n * 100 / max);
                        let value = if second == 0 { first.to_string() } else { format!("{first}/{}", first + second) };
                        view! {
                            <li class="rollup-bars__row">
                                <span class="rollup-bars__label">{label}</span>
                                <span class="rollup-bars__track" aria-hidden="true">
                                    <span class="rollup-bar rollup-bar--first" style:width=width(first)></span>
                                    <span class="rollup-bar rollup-bar--second" style:width=width(second)></span>
                                </span>
                                <span class="rollup-bars__value">{value}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </figure>
    }
}

#[component]
pub fn Figures() -> impl IntoView {
    let i18n = use_i18n();
    let figures = year_figures();
    view! {
        <section aria-labelledby="rollup-figures-title">
            <h2 id="rollup-figures-title">{tr!(i18n, rollup_figures_title)}</h2>
            {move || {
                figures
                    .get()
                    .map(|f| {
                        let year = f.year;
                        let previous = f.previous.clone();
                        let prev_year = previous.as_ref().map(|(y, _)| *y);
                        let kind_rows = f
                            .kinds
                            .iter()
                            .map(|k| {
                                let kind = k.kind.map(|k| messages::unit_kind(i18n, k)).unwrap_or_default();
                                let last = previous
                                    .as_ref()
                                    .and_then(|(_, list)| list.iter().find(|p| p.kind == k.kind))
                                    .map(|p| share(p.recognised, p.units, messages::decimal_mark(i18n)));
                                let has_prev = previous.is_some();
                                view! {
                                    <tr
                                        data-testid="rollup-kind-row"
                                        data-kind=k.kind.map(|k| k.code()).unwrap_or_default()
                                    >
                                        <th scope="row">{kind}</th>
                                        <td data-testid="rollup-kind-units">{k.units}</td>
                                        <td data-testid="rollup-kind-passed">
                                            {share(k.passed, k.units, messages::decimal_mark(i18n))}
                                        </td>
                                        <td data-testid="rollup-kind-recognised">
                                            {share(k.recognised, k.units, messages::decimal_mark(i18n))}
                                        </td>
                                        {has_prev
                                            .then(|| view! { <td>{last.unwrap_or_else(|| "—".to_owned())}</td> })}
                                    </tr>
                                }
                            })
                            .collect_view();
                        let chart_kinds: Vec<(String, usize, usize)> = f
                            .kinds
                            .iter()
                            .map(|k| (
                                k.kind.map(|k| messages::unit_kind(i18n, k)).unwrap_or_default(),
                                k.passed,
                                k.units - k.passed,
                            ))
                            .collect();
                        let chart_failing: Vec<(String, usize, usize)> = f
                            .failed_most
                            .iter()
                            .map(|c| (c.criterion.clone(), c.failed, 0))
                            .collect();
                        let derived = f.derived.clone();
                        let festival = f.festival.clone();
                        view! {
                            <h3>{tp!(i18n, rollup_by_kind, year)}</h3>
                            <div class="table-scroll">
                                <table class="rollup-kinds" data-testid="rollup-kinds">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr!(i18n, rollup_col_kind)}</th>
                                            <th scope="col">{tr!(i18n, rollup_col_units)}</th>
                                            <th scope="col">{tr!(i18n, rollup_col_self_passed)}</th>
                                            <th scope="col">{tr!(i18n, rollup_col_recognised)}</th>
                                            {prev_year
                                                .map(|y| {
                                                    view! {
                                                        <th scope="col">{tp!(i18n, rollup_col_recognised_in, y)}</th>
                                                    }
                                                })}
                                        </tr>
                                    </thead>
                                    <tbody>{kind_rows}</tbody>
                                </table>
                            </div>
                            {derived
                                .into_iter()
                                .map(|(title, list)| {
                                    view! {
                                        <h3>{tp!(i18n, rollup_derived_title, title)}</h3>
                                        <ul class="rollup-derived" data-testid="rollup-derived">
                                            {list.into_iter().map(|d| derived_item(i18n, d)).collect_view()}
                                        </ul>
                                    }
                                })
                                .collect_view()}
                            <div class="rollup-charts">
                                {(!chart_kinds.is_empty())
                                    .then(|| bars(
                                        t_string!(i18n, rollup_chart_kinds).to_owned(),
                                        chart_kinds,
                                        "rollup-chart-kinds",
                                    ))}
                                {(!chart_failing.is_empty())
                                    .then(|| bars(
                                        t_string!(i18n, rollup_chart_failing).to_owned(),
                                        chart_failing,
                                        "rollup-chart-failing",
                                    ))}
                            </div>
                            {(!f.failed_most.is_empty())
                                .then(|| {
                                    view! {
                                        <h3>{tr!(i18n, rollup_failed_most)}</h3>
                                        <ol data-testid="rollup-failed-most">
                                            {f
                                                .failed_most
                                                .iter()
                                                .enumerate()
                                                .map(|(i, c)| {
                                                    let label = format!("{} {}", c.criterion, words::text(&c.label));
                                                    let n = c.failed;
                                                    let before = f
                                                        .failed_before
                                                        .as_ref()
                                                        .and_then(|b| b.get(i).copied())
                                                        .zip(prev_year)
                                                        .map(|(n, y)| {
                                                            view! {
                                                                " "
                                                                {tp!(i18n, rollup_failing_before, y, n)}
                                                            }
                                                        });
                                                    view! {
                                                        <li>
                                                            {label} ": " {tp!(i18n, rollup_units_failing, n)} {before}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ol>
                                    }
                                })}
                            {(festival.plans > 0).then(|| festival_view(i18n, festival))}
                        }
                    })
            }}
        </section>
    }
}

fn derived_item(i18n: I18n, d: DerivedFigure) -> impl IntoView {
    let label = format!("{} {}", d.indicator, words::text(&d.label));
    let figure = share(
        d.numerator as usize,
        d.denominator as usize,
        messages::decimal_mark(i18n),
    );
    let (threshold, required) = (d.threshold, d.required);
    let result = match d.status {
        Outcome::Passed => "✓ ".to_owned() + &messages::result_string(i18n, Outcome::Passed),
        Outcome::Failed => "✗ ".to_owned() + &messages::result_string(i18n, Outcome::Failed),
        s => messages::result_string(i18n, s),
    };
    let measure = match d.measure {
        DerivedMeasure::Registered => t_string!(i18n, rollup_counted_registered),
        DerivedMeasure::Recognised => t_string!(i18n, rollup_counted_recognised),
    };
    let (left_out, not_counted) = d
        .figures()
        .map(|f| (f.left_out, f.not_counted))
        .unwrap_or_default();
    view! {
        <li data-testid="rollup-derived-item" data-indicator=d.indicator.clone() data-status=d.status.code()>
            <strong>{label}</strong>
            ": "
            <span data-testid="rollup-derived-figure">{figure}</span>
            " · "
            {tp!(i18n, rollup_derived_needs, threshold, required)}
            " · "
            <strong>{result}</strong>
            " "
            {words::left_out_words(i18n, &left_out)}
            " "
            {words::not_counted_words(i18n, &not_counted)}
            <details>
                <summary>{tr!(i18n, rollup_units_behind)}</summary>
                <ul>
                    {d
                        .units
                        .into_iter()
                        .map(|b| {
                            let kind = messages::unit_kind(i18n, b.kind);
                            let state = match (b.left_out, b.pending()) {
                                (Some(why), _) => words::exclusion(i18n, why),
                                (None, Some(Pending::NoAssessment)) => t_string!(i18n, rollup_no_file).to_owned(),
                                (None, Some(why)) => format!("✗ {}", words::pending(i18n, &why)),
                                (None, None) => format!("✓ {measure}"),
                            };
                            view! { <li>{b.name} " (" {kind} "): " {state}</li> }
                        })
                        .collect_view()}
                </ul>
            </details>
        </li>
    }
}

fn festival_view(i18n: I18n, f: FestivalTotals) -> impl IntoView {
    let (plans, held, participants, gifts, models, commitments) = (
        f.plans,
        f.held,
        messages::number(i18n, f.participants),
        messages::number(i18n, f.gifts),
        f.models_launched,
        f.commitments_signed,
    );
    let value = messages::number(i18n, f.gifts_value);
    view! {
        <h3>{tr!(i18n, rollup_festival_title)}</h3>
        <ul data-testid="rollup-festival">
            <li>{tp!(i18n, rollup_festival_held, held, plans)}</li>
            <li>{tp!(i18n, rollup_festival_participants, participants)}</li>
            <li>{tp!(i18n, rollup_festival_gifts, gifts, value)}</li>
            <li>{tp!(i18n, rollup_festival_models, models, commitments)}</li>
            {f
                .awards
                .into_iter()
                .map(|a| {
                    let (award, collectives, individuals) = (a.award, a.collectives, a.individuals);
                    view! { <li>{tp!(i18n, rollup_festival_award, award, collectives, individuals)}</li> }
                })
                .collect_view()}
        </ul>
    }
}
