//! Tự đánh giá: start an assessment, fill it in, lock and submit it, plan
//! the fixes, compare the years, and print the dossier.

mod form;
mod gaps;
mod history;
mod input;
pub mod library;
mod notices;
mod report;
mod start;
mod status;

use leptos::prelude::*;

use crate::domain::assessment::Assessment;
use crate::domain::context::{context_for, context_with_received};
use crate::domain::criteria::{evaluate, CriteriaSet, Evaluation, Outcome};
use crate::domain::route::{AssessmentPlace, Route};
use crate::platform::address;
use crate::ui::i18n::*;
use crate::ui::sections::assessment::library::{find_set, with_library};
use crate::ui::shell::state::CurrentRoute;
use crate::ui::shell::state::{use_app_state, AppState};
use crate::ui::widgets::fan::Fan;
use crate::ui::widgets::When;
use crate::ui::words::messages;
use crate::ui::words::reasons::text;

pub use crate::domain::route::AssessmentTab as Tab;

/// The assessment, its set and its evaluation, kept in step with the workspace.
pub(crate) fn evaluated(
    state: AppState,
    id: &str,
) -> Option<(Assessment, CriteriaSet, Evaluation)> {
    let assessment = state.workspace.with(|ws| ws.assessment(id).cloned())?;
    let set = find_set(state, assessment.set())?;
    // A unit that receives files counts them as Tổng hợp does.
    let context = state.received.with(|received| {
        state.workspace.with(|ws| match received {
            Some(shelf) => context_with_received(ws, &assessment, &set, shelf),
            None => context_for(ws, &assessment, &set),
        })
    });
    let evaluation = evaluate(&set, assessment.answers(), &context, assessment.year());
    Some((assessment, set, evaluation))
}

#[component]
pub fn AssessmentSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    state.read_received();
    // Where the address says Tự đánh giá stands, followed as it moves (a
    // link, back and forward); where the user goes is written back.
    let route = use_context::<CurrentRoute>().map(|r| r.0);
    let place = move || match route.map(|r| r.get()) {
        Some(Route::SelfAssessment(place)) => Some(place),
        _ => None,
    };
    let initial = untrack(place).unwrap_or_default();
    let open = RwSignal::new(initial.open);
    let tab = RwSignal::new(initial.tab);
    Effect::new(move |_| {
        if let Some(place) = place() {
            if open.get_untracked() != place.open {
                open.set(place.open);
            }
            if tab.get_untracked() != place.tab {
                tab.set(place.tab);
            }
        }
    });
    Effect::new(move |_| {
        let here = Route::SelfAssessment(AssessmentPlace {
            open: open.get(),
            tab: tab.get(),
        });
        address::replace_hash(&here.hash());
    });
    // A memo: typing an answer changes the workspace, not this list, and
    // must not rebuild it.
    let rows = Memo::new(move |_| {
        with_library(state, |library| {
            state.workspace.with(|ws| {
                let mut rows: Vec<_> = ws
                    .assessments()
                    .iter()
                    .map(|a| {
                        let unit = ws
                            .units()
                            .get(a.unit())
                            .map(|u| u.name.clone())
                            .unwrap_or_default();
                        let title = library
                            .find(a.set())
                            .map(|s| text(&s.title))
                            .unwrap_or(a.set().id.clone());
                        (a.id().to_owned(), unit, title, a.year(), a.status().stage())
                    })
                    .collect();
                crate::support::order::sort_by(&mut rows, |x, y| y.3.cmp(&x.3).then(x.1.cmp(&y.1)));
                rows
            })
        })
    });
    view! {
        <start::StartForm open=open tab=tab />
        <section class="assessments" aria-labelledby="assessments-title">
            <h2 id="assessments-title">{tr!(i18n, assessment_list_title)}</h2>
            <When
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p>{tr!(i18n, assessment_list_empty)}</p> }
            >
                <ul class="assessment-list" data-testid="assessment-list">
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|(id, unit, title, year, status)| {
                                let open_id = id.clone();
                                let is_open = {
                                    let id = id.clone();
                                    move || open.get().as_deref() == Some(id.as_str())
                                };
                                view! {
                                    <li class="assessment-list__item" data-assessment-id=id.clone()>
                                        <span class="assessment-list__main">
                                            <strong>{unit.clone()}</strong>
                                            " · "
                                            {year}
                                            " · "
                                            {title}
                                        </span>
                                        <span class="badge">{messages::assessment_status(i18n, status)}</span>
                                        <button
                                            type="button"
                                            class="button button--small"
                                            aria-pressed=move || if is_open() { "true" } else { "false" }
                                            on:click=move |_| {
                                                open.set(Some(open_id.clone()));
                                                tab.set(Tab::Form);
                                            }
                                        >
                                            {tr!(i18n, assessment_open)}
                                            <span class="visually-hidden">" " {unit} " " {year}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </When>
        </section>
        {move || open.get().map(|id| view! { <AssessmentView id=id tab=tab /> })}
    }
}

#[component]
fn AssessmentView(id: String, tab: RwSignal<Tab>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let data = {
        let id = id.clone();
        Fan::new(Memo::new(move |_| evaluated(state, &id)))
    };
    // The header follows the assessment's status and the figures, not every answer.
    let header = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref().map(|(a, s, _)| {
                let a = a.clone().without_answers();
                let unit = state.workspace.with(|ws| {
                    ws.units()
                        .get(a.unit())
                        .map(|u| u.name.clone())
                        .unwrap_or_default()
                });
                (a, s.clone(), unit)
            })
        })
    });
    let figures = data.part(|d| {
        d.as_ref().map(|(_, _, e)| {
            (
                e.progress.answered,
                e.progress.total,
                e.conformity.answered,
                e.conformity.total,
                e.set.status,
            )
        })
    });
    let tabs = crate::ui::widgets::tabs::Tabs {
        prefix: "assessment",
        selected: tab,
        all: Tab::ALL.to_vec(),
    };
    let panel_label = tabs.panel_label();
    view! {
        <article class="assessment" data-testid="assessment" aria-labelledby="assessment-title">
            {move || {
                let Some((assessment, set, unit)) = header.get() else {
                    return view! { <p role="alert">{tr!(i18n, assessment_unknown)}</p> }.into_any();
                };
                let period = set
                    .period
                    .map(|p| {
                        let (from, to) = p.period(assessment.year());
                        let (from, to) = (from.vietnamese(), to.vietnamese());
                        view! { <p>{tp!(i18n, assessment_period, from, to)}</p> }
                    });
                let figure = move |pick: fn((usize, usize, usize, usize, Outcome)) -> usize| {
                    move || figures.get().map(pick).unwrap_or_default()
                };
                let (answered, total) = (figure(|f| f.0), figure(|f| f.1));
                let (met, decided) = (figure(|f| f.2), figure(|f| f.3));
                let progress = tp!(
                    i18n,
                    assessment_progress,
                    answered = answered(),
                    total = total(),
                    met = met(),
                    decided = decided()
                );
                let overall = move || figures.get().map(|f| f.4).unwrap_or(Outcome::Incomplete);
                view! {
                    <header class="assessment__header screen-only">
                        <h2 id="assessment-title" tabindex="-1">
                            {unit}
                            " · "
                            {assessment.year()}
                        </h2>
                        <p>{text(&set.title)}</p>
                        {period}
                        <p data-testid="progress">{progress}</p>
                        <p>
                            <strong>{tr!(i18n, assessment_set_result)} ": "</strong>
                            <span class=move || messages::result_class(overall()) data-testid="set-result">
                                {move || messages::result(i18n, overall())}
                            </span>
                        </p>
                        <status::StatusPanel assessment=assessment.clone() />
                    </header>
                    {tabs
                        .list(
                            "tabs screen-only",
                            vec![
                                tr!(i18n, assessment_tab_form).into_any(),
                                tr!(i18n, assessment_tab_gaps).into_any(),
                                tr!(i18n, assessment_tab_history).into_any(),
                                tr!(i18n, assessment_tab_report).into_any(),
                            ],
                        )}
                }
                    .into_any()
            }}
            // Outside the header, which is rebuilt when the set changes: the
            // outcome of a move to another version, and its undo, stay on screen.
            <div class="screen-only">
                <notices::SetNotices id=id.clone() data=data />
            </div>
            <div role="tabpanel" id="assessment-panel" aria-labelledby=panel_label>
                {move || {
                    let id = id.clone();
                    match tab.get() {
                        Tab::Form => view! { <form::AssessmentForm id=id data=data /> }.into_any(),
                        Tab::Gaps => view! { <gaps::GapView id=id data=data /> }.into_any(),
                        Tab::History => view! { <history::HistoryView id=id /> }.into_any(),
                        Tab::Report => view! { <report::ReportTab id=id data=data /> }.into_any(),
                    }
                }}
            </div>
        </article>
    }
}
