//! The dossier's texts and its papers (`domain::document::assessment`):
//! the self-assessment report, the submission and the minutes, previewed,
//! printed and downloaded as Word files.

use leptos::prelude::*;

use super::input::Data;
use crate::domain::assessment::{meeting_roles, ReportText};
use crate::domain::criteria::{IndicatorKind, Outcome, Reason};
use crate::domain::document::{
    self, assessment::Dossier, assessment::Paper, result_word, Document, Fields,
};
use crate::platform::clock;
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::document_fields::{date_field, unit_fields};
use crate::ui::widgets::documents::DocOverlay;
use crate::ui::words::reasons as words;

#[component]
pub fn ReportTab(id: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let preview = RwSignal::new(None::<Paper>);
    let report = move || {
        data.with(|d| {
            d.as_ref()
                .map(|(a, _, _)| a.report().clone())
                .unwrap_or_default()
        })
    };
    // Locking fixes the answers; the dossier's texts stay open until a decision.
    let locked = move || data.with(|d| d.as_ref().is_some_and(|(a, _, _)| a.report_closed()));
    let verdict = move || data.with(|d| d.as_ref().map(|(_, _, e)| e.set.status));
    let edit = {
        let id = id.clone();
        move |apply: Box<dyn Fn(&mut ReportText)>| {
            let mut r = report();
            apply(&mut r);
            let _ = state.edit(|ws| ws.edit_assessment(&id, |a| a.set_report(r)));
        }
    };
    let edit_roles = edit.clone();
    let unit = Signal::derive(move || data.with(|d| d.as_ref().map(|(a, _, _)| a.unit().clone())));
    let dossier_date = move || {
        data.with(|d| {
            d.as_ref()
                .map(|(a, _, _)| document::assessment::document_date(a, clock::today_date()))
                .unwrap_or_else(clock::today_date)
        })
    };
    let set_date = {
        let edit = edit.clone();
        move |date: Option<crate::domain::calendar::Date>| edit(Box::new(move |r| r.date = date))
    };
    let input = {
        let edit = edit.clone();
        move |key: &'static str,
              label: AnyView,
              read: fn(&ReportText) -> String,
              write: fn(&mut ReportText, String),
              multiline: bool| {
            let field = format!("report-{key}");
            let edit = edit.clone();
            let value = move || read(&report());
            let on_input = move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                edit(Box::new(move |r| write(r, v.clone())))
            };
            view! {
                <div class="field">
                    <label for=field.clone()>{label}</label>
                    {if multiline {
                        view! {
                            <textarea id=field rows="3" disabled=locked prop:value=value on:input=on_input></textarea>
                        }
                            .into_any()
                    } else {
                        view! { <input id=field type="text" disabled=locked prop:value=value on:input=on_input /> }
                            .into_any()
                    }}
                </div>
            }
        }
    };
    view! {
        <div class="report-tab">
            <form class="report-fields" on:submit=|ev| ev.prevent_default()>
                <h3>{tr!(i18n, report_fields)}</h3>
                <p class="field__hint" data-testid="report-lock-note">
                    {tr!(i18n, report_lock_note)}
                </p>
                {unit_fields("report", unit, Signal::derive(report), Signal::derive(locked))}
                {date_field("report-date", dossier_date, set_date, Signal::derive(locked))}
                {input(
                    "participants",
                    tr!(i18n, report_participants).into_any(),
                    |r| r.participants.clone(),
                    |r, v| r.participants = v,
                    true,
                )}
                {move || {
                    let roles = data
                        .with(|d| {
                            d.as_ref()
                                .and_then(|(a, _, _)| {
                                    state.workspace.with(|ws| ws.units().get(a.unit()).map(|u| meeting_roles(u.kind)))
                                })
                        })
                        .unwrap_or_default();
                    let fill = edit_roles.clone();
                    (report().participants.trim().is_empty() && !roles.is_empty() && !locked())
                        .then(|| {
                            // The roles Article 9 names, offered while the list is empty.
                            view! {
                                <button
                                    type="button"
                                    class="button button--small"
                                    data-testid="report-fill-roles"
                                    on:click=move |_| fill(Box::new(move |r| r.participants = roles.join("\n")))
                                >
                                    {tr!(i18n, report_fill_roles)}
                                </button>
                            }
                        })
                }}
                {input(
                    "secretary",
                    tr!(i18n, report_secretary).into_any(),
                    |r| r.secretary.clone(),
                    |r, v| r.secretary = v,
                    false,
                )}
                {input(
                    "situation",
                    tr!(i18n, report_situation).into_any(),
                    |r| r.situation.clone(),
                    |r, v| r.situation = v,
                    true,
                )}
                {input(
                    "shortcomings",
                    tr!(i18n, report_shortcomings).into_any(),
                    |r| r.shortcomings.clone(),
                    |r, v| r.shortcomings = v,
                    true,
                )}
                {input(
                    "direction",
                    tr!(i18n, report_direction).into_any(),
                    |r| r.direction.clone(),
                    |r, v| r.direction = v,
                    true,
                )}
                {input(
                    "proposal",
                    tr!(i18n, report_proposal).into_any(),
                    |r| r.proposal.clone(),
                    |r, v| r.proposal = v,
                    true,
                )}
            </form>
            <div class="report-actions">
                <button type="button" class="button button--primary" on:click=move |_| preview.set(Some(Paper::Report))>
                    {tr!(i18n, report_preview_report)}
                </button>
                <button
                    type="button"
                    class="button"
                    aria-describedby="report-submission-warning"
                    on:click=move |_| preview.set(Some(Paper::Submission))
                >
                    {tr!(i18n, report_preview_submission)}
                </button>
                <button type="button" class="button" on:click=move |_| preview.set(Some(Paper::Minutes))>
                    {tr!(i18n, report_preview_minutes)}
                </button>
            </div>
            // Asking for recognition of a unit that does not meet the standard.
            <p
                id="report-submission-warning"
                class="banner banner--warning"
                role="note"
                data-testid="report-submission-warning"
                hidden=move || verdict() == Some(Outcome::Passed)
            >
                <span aria-hidden="true">"⚠ "</span>
                {move || {
                    let result = verdict().map(result_word).unwrap_or("—");
                    tp!(i18n, report_submission_warning, result = result)
                }}
            </p>
            {move || {
                preview
                    .get()
                    .and_then(|p| {
                        let (name, fields) = data
                            .with_untracked(|d| {
                                d.as_ref()
                                    .and_then(|(a, _, _)| {
                                        state
                                            .workspace
                                            .with_untracked(|ws| {
                                                ws.units().get(a.unit()).map(|u| (u.name.clone(), u.document.clone()))
                                            })
                                    })
                            })
                            .unwrap_or_default();
                        paper(p, data, &name, &fields)
                    })
                    .map(|doc| view! { <DocOverlay on_back=move || preview.set(None) doc=doc /> })
            }}
        </div>
    }
}

/// The paper as its user sees it printed, dated today.
fn paper(paper: Paper, data: Data, unit: &str, fields: &Fields) -> Option<Document> {
    let (assessment, set, evaluation) = data.get_untracked()?;
    let i18n = I18n::vietnamese();
    let reason = move |r: &Reason, kind: &IndicatorKind| words::reason_text(i18n, r, kind);
    Some(document::assessment::paper(
        paper,
        &Dossier {
            assessment: &assessment,
            set: &set,
            evaluation: &evaluation,
            unit,
            fields,
            today: clock::today_date(),
            reason: &reason,
        },
    ))
}
