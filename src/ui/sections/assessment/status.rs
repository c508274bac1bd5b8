//! Draft → self-assessed (locked) → submitted → recognised or not; reopening recorded.

use leptos::prelude::*;

use crate::domain::assessment::{Assessment, AssessmentError, Status};
use crate::domain::calendar::Date;
use crate::platform::clock;
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::field::Input;
use crate::ui::words::messages;

/// One change of status, applied to the assessment in the workspace.
type Change = Box<dyn FnOnce(&mut Assessment) -> Result<(), AssessmentError>>;

#[component]
pub fn StatusPanel(assessment: Assessment) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let id = assessment.id().to_owned();
    let who = RwSignal::new(String::new());
    let decision = RwSignal::new(String::new());
    let decision_date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AssessmentError>);
    let apply = move |id: String, change: Change| {
        let result = state.edit(|ws| ws.edit_assessment(&id, change));
        error.set(result.err());
    };
    let status = assessment.status().clone();
    let code = status.stage();
    let locked_line = match &status {
        Status::SelfAssessed { on, by } => Some(format!("{} · {}", on.vietnamese(), by)),
        Status::Submitted { on } => Some(on.vietnamese()),
        Status::Decided { decision, on, .. } => Some(format!("{decision} · {}", on.vietnamese())),
        Status::Draft => None,
    };
    let lock = {
        let id = id.clone();
        move |_| {
            let by = who.get_untracked();
            apply(
                id.clone(),
                Box::new(move |a| a.lock(&by, clock::today_date())),
            );
        }
    };
    let submit = {
        let id = id.clone();
        move |_| apply(id.clone(), Box::new(|a| a.submit(clock::today_date())))
    };
    let decide = {
        let id = StoredValue::new(id.clone());
        move |recognised: bool| {
            let number = decision.get_untracked();
            let Some(on) = Date::parse_iso(&decision_date.get_untracked()) else {
                error.set(Some(AssessmentError::DecisionDateRequired));
                return;
            };
            apply(
                id.get_value(),
                Box::new(move |a| a.decide(recognised, &number, on)),
            );
        }
    };
    let reopen = {
        let id = id.clone();
        move |_| {
            let why = reason.get_untracked();
            apply(
                id.clone(),
                Box::new(move |a| a.reopen("", clock::today_date(), &why)),
            );
        }
    };
    let history = assessment.history().to_vec();
    view! {
        <div class="status-panel" data-testid="status-panel">
            <p>
                <span class="badge" data-testid="assessment-status">
                    {messages::assessment_status(i18n, code)}
                </span>
                {locked_line
                    .map(|line| {
                        view! {
                            " "
                            <span>{line}</span>
                        }
                    })}
            </p>
            {matches!(status, Status::Draft)
                .then(|| {
                    view! {
                        <div class="status-panel__row">
                            {Input::new(
                                    "lock-by",
                                    tr!(i18n, assessment_lock_by),
                                    "text",
                                    move || who.get(),
                                    move |v| who.set(v),
                                )
                                .view()} <button type="button" class="button button--primary" on:click=lock.clone()>
                                {tr!(i18n, assessment_lock)}
                            </button>
                        </div>
                    }
                })}
            {matches!(status, Status::SelfAssessed { .. })
                .then(|| {
                    view! {
                        <button type="button" class="button" on:click=submit.clone()>
                            {tr!(i18n, assessment_submit)}
                        </button>
                    }
                })}
            {matches!(status, Status::SelfAssessed { .. } | Status::Submitted { .. })
                .then(|| {
                    view! {
                        <div class="status-panel__row">
                            {Input::new(
                                    "decision-number",
                                    tr!(i18n, assessment_decision_number),
                                    "text",
                                    move || decision.get(),
                                    move |v| decision.set(v),
                                )
                                .view()}
                            {Input::new(
                                    "decision-date",
                                    tr!(i18n, assessment_decision_date),
                                    "date",
                                    move || decision_date.get(),
                                    move |v| decision_date.set(v),
                                )
                                .view()} <button type="button" class="button" on:click=move |_| decide(true)>
                                {tr!(i18n, assessment_recognised)}
                            </button> <button type="button" class="button" on:click=move |_| decide(false)>
                                {tr!(i18n, assessment_not_recognised)}
                            </button>
                        </div>
                    }
                })}
            {status
                .is_locked()
                .then(|| {
                    view! {
                        <div class="status-panel__row">
                            {Input::new(
                                    "reopen-reason",
                                    tr!(i18n, assessment_reopen_reason),
                                    "text",
                                    move || reason.get(),
                                    move |v| reason.set(v),
                                )
                                .view()} <button type="button" class="button" on:click=reopen.clone()>
                                {tr!(i18n, assessment_reopen)}
                            </button>
                        </div>
                    }
                })}
            <p class="field__error" role="alert">
                {move || error.get().map(|e| messages::assessment_error(i18n, &e))}
            </p>
            {(!history.is_empty())
                .then(|| {
                    view! {
                        <details>
                            <summary>{tr!(i18n, assessment_history_changes)}</summary>
                            <ul>
                                {history
                                    .into_iter()
                                    .map(|change| {
                                        let on = change.on.vietnamese();
                                        view! {
                                            <li>
                                                {on} ": " {messages::assessment_status(i18n, change.from)} " → "
                                                {messages::assessment_status(i18n, change.to)}
                                                {(!change.by.is_empty()).then(|| format!(" · {}", change.by))}
                                                {(!change.note.is_empty()).then(|| format!(" · {}", change.note))}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })}
        </div>
    }
}
