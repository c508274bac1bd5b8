//! The assessment form: the set's tree with an input per indicator, its
//! result and reason, guidance, citation and evidence; filters.

use leptos::prelude::*;

use super::input::{AnswerInput, Data, EvidenceEditor};
use crate::domain::criteria::{Outcome, Verification};
use crate::ui::i18n::*;
use crate::ui::words::messages;
use crate::ui::words::reasons::{self as words, text};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Unanswered,
    Failing,
    Unverified,
}

#[component]
pub fn AssessmentForm(id: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(Filter::All);
    // The tree is laid out once; values, results and visibility follow the data.
    let Some((_, set, _)) = data.get_untracked() else {
        return ().into_any();
    };
    let shown = move |indicator: String, status: Verification| {
        let facts = data.part(move |d| {
            d.as_ref().and_then(|(a, _, e)| {
                Some((
                    a.answers().get(&indicator).is_some(),
                    e.indicators.get(&indicator)?.status,
                ))
            })
        });
        Memo::new(move |_| {
            let (answered, result) = facts.get().unwrap_or((false, Outcome::Incomplete));
            match filter.get() {
                Filter::All => true,
                Filter::Unanswered => !answered && result != Outcome::NotEvaluated,
                Filter::Failing => result == Outcome::Failed,
                Filter::Unverified => status != Verification::Confirmed,
            }
        })
    };
    view! {
        <div class="assessment-form" data-testid="assessment-form">
            <div class="field filter screen-only">
                <label for="as-filter">{tr!(i18n, assessment_filter)}</label>
                <select
                    id="as-filter"
                    on:change=move |ev| {
                        filter
                            .set(
                                match event_target_value(&ev).as_str() {
                                    "unanswered" => Filter::Unanswered,
                                    "failing" => Filter::Failing,
                                    "unverified" => Filter::Unverified,
                                    _ => Filter::All,
                                },
                            )
                    }
                >
                    <option value="all">{tr!(i18n, filter_all)}</option>
                    <option value="unanswered">{tr!(i18n, filter_unanswered)}</option>
                    <option value="failing">{tr!(i18n, filter_failing)}</option>
                    <option value="unverified">{tr!(i18n, filter_unverified)}</option>
                </select>
            </div>
            {set
                .groups
                .iter()
                .map(|group| {
                    view! {
                        <section class="assessment-form__group">
                            <h3>{text(&group.label)}</h3>
                            {group
                                .criteria
                                .iter()
                                .map(|criterion| {
                                    let cid = criterion.id.clone();
                                    let criterion_result = data
                                        .part(move |d| {
                                            d.as_ref().and_then(|(_, _, e)| e.criteria.get(&cid).map(|r| r.status))
                                        });
                                    let any_shown: Vec<Memo<bool>> = criterion
                                        .indicators
                                        .iter()
                                        .map(|i| shown(i.id.clone(), i.status))
                                        .collect();
                                    let visible = move || any_shown.iter().any(|f| f.get());
                                    // Parts: a keystroke repaints only what it changes.
                                    view! {
                                        <section
                                            class="criterion"
                                            class:is-hidden=move || !visible()
                                            data-criterion-id=criterion.id.clone()
                                        >
                                            <h4 class="criterion__title">
                                                {text(&criterion.label)} " "
                                                {move || {
                                                    criterion_result
                                                        .get()
                                                        .map(|s| {
                                                            view! {
                                                                <span
                                                                    class=messages::result_class(s)
                                                                    data-testid="criterion-result"
                                                                >
                                                                    {messages::result(i18n, s)}
                                                                </span>
                                                            }
                                                        })
                                                }} " " {words::status_badge(i18n, criterion.status)}
                                            </h4>
                                            {criterion
                                                .indicators
                                                .iter()
                                                .map(|indicator| {
                                                    let visible = shown(indicator.id.clone(), indicator.status);
                                                    indicator_view(i18n, &id, indicator, data, visible)
                                                })
                                                .collect_view()}
                                        </section>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}

/// One indicator of the form: its label, its input, its result with the
/// reason, and under "more" its guidance, citation and evidence.
fn indicator_view(
    i18n: I18n,
    id: &str,
    indicator: &crate::domain::criteria::Indicator,
    data: Data,
    visible: Memo<bool>,
) -> impl IntoView {
    let iid = indicator.id.clone();
    let kind = indicator.kind.clone();
    let result = {
        let iid = iid.clone();
        data.part(move |d| {
            d.as_ref()
                .and_then(|(_, _, e)| e.indicators.get(&iid).cloned())
        })
    };
    let guidance = (!indicator.guidance.is_empty()).then(|| text(&indicator.guidance));
    view! {
        <div class="indicator" class:is-hidden=move || !visible.get() data-indicator-id=iid.clone()>
            <p class="indicator__label">
                <span class="set-tree__id">{iid.clone()}</span>
                " "
                {text(&indicator.label)}
                " "
                {words::status_badge(i18n, indicator.status)}
            </p>
            <p class="set-tree__meta">{words::kind(i18n, &indicator.kind)}</p>
            <AnswerInput id=id.to_owned() indicator=indicator.clone() data=data />
            <p class="indicator__result" aria-live="polite">
                {move || {
                    result
                        .get()
                        .map(|r| {
                            let kind = kind.clone();
                            view! {
                                <span class=messages::result_class(r.status)>{messages::result(i18n, r.status)}</span>
                                ": "
                                <span class="reason" data-testid="reason">
                                    {words::reason(i18n, &r.reason, &kind)}
                                </span>
                            }
                        })
                }}
            </p>
            <details class="indicator__more">
                <summary>{tr!(i18n, library_guidance)} " · " {tr!(i18n, evidence_title)}</summary>
                {guidance.map(|g| view! { <p>{g}</p> })}
                <p class="set-tree__meta">{words::citation(i18n, &indicator.citation)}</p>
                <EvidenceEditor id=id.to_owned() indicator=iid.clone() data=data />
            </details>
        </div>
    }
}
