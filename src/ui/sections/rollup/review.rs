//! One received file opened read-only, as the unit saw it: which of the
//! receiver's units it is (confirmed once), every criterion and indicator
//! with its result, reason and evidence, the unit's status and its history,
//! the action plan and the report texts; then the review (accept, "có vấn
//! đề") and, on an accepted assessment, the recognition decision, recorded
//! here and sent back down as a decision file.

use leptos::prelude::*;

use super::use_rollup;
use crate::domain::calendar::Date;
use crate::domain::rollup::decision::Decider;
use crate::domain::rollup::identity::{candidates, identify, Identity};
use crate::domain::rollup::{
    Copies, DecisionError, Notice, Received, Recognition, Review, ShelfError,
};
use crate::domain::UnitInfo;
use crate::format::exchange::export_decision;
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::words::messages;
use crate::ui::words::reasons::{self as words, ReasonText};

/// The receiver's own units, as matching sees them.
pub(super) fn own_units() -> Vec<UnitInfo> {
    use_app_state()
        .workspace
        .with(|ws| ws.units().iter().map(UnitInfo::of).collect())
}

#[component]
pub fn ReviewPanel() -> impl IntoView {
    let rollup = use_rollup();
    // Opened anew only when another record is opened, or it leaves the
    // list: its parts follow their own changes, and what is being typed
    // in it is not lost when the list is stored.
    let open = Memo::new(move |_| {
        let id = rollup.viewing.get()?;
        rollup
            .shelf
            .with(|shelf| shelf.get(&id).is_some())
            .then_some(id)
    });
    move || {
        let id = open.get()?;
        let record = rollup
            .shelf
            .with_untracked(|shelf| shelf.get(&id).cloned())?;
        Some(view! { <Opened record=record /> })
    }
}

#[component]
fn Opened(record: Received) -> impl IntoView {
    let i18n = use_i18n();
    let rollup = use_rollup();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
            h.scroll_into_view();
        }
    });
    let close = move |_| {
        let id = rollup.viewing.get_untracked();
        rollup.viewing.set(None);
        // Back to the row's own button.
        if let Some(id) = id {
            crate::ui::widgets::focus::focus_id(&format!("rollup-open-{id}"));
        }
    };
    let evaluation = rollup
        .shelf
        .with_untracked(|shelf| crate::domain::rollup::table::evaluate_record(shelf, &record));
    let set_line = record
        .set()
        .map(|set| format!("{} · v{}", words::text(&set.title), set.version))
        .unwrap_or_else(|| t_string!(i18n, rollup_kind_festival).to_owned());
    let title = format!("{} · {}", record.unit.name, record.year());
    let sent_as = record
        .sent_as
        .as_ref()
        .filter(|s| s.name != record.unit.name)
        .map(|s| s.name.clone());
    let exported = record.exported_at.chars().take(10).collect::<String>();
    let file_name = record.file_name.clone();
    let overall = evaluation.as_ref().map(|e| e.set.status);
    let criteria = match (record.set(), &evaluation, record.assessment()) {
        (Some(set), Some(evaluation), Some(assessment)) => set
            .criteria()
            .map(|criterion| {
                let status = evaluation.criteria.get(&criterion.id).map(|r| r.status);
                let indicators = criterion
                    .indicators
                    .iter()
                    .map(|indicator| {
                        let result = evaluation.indicators.get(&indicator.id).cloned();
                        let evidence = assessment.evidence().get(&indicator.id).cloned();
                        let label = format!("{} {}", indicator.id, words::text(&indicator.label));
                        let kind = indicator.kind.clone();
                        view! {
                            <li data-testid="rollup-review-indicator">
                                <strong>{label}</strong>
                                {result
                                    .map(|r| {
                                        view! {
                                            " "
                                            <span class=messages::result_class(
                                                r.status,
                                            )>{messages::result(i18n, r.status)}</span>
                                            <br />
                                            <span data-testid="reason">
                                                <ReasonText reason=r.reason kind=kind />
                                            </span>
                                        }
                                    })}
                                {evidence
                                    .filter(|e| !e.is_empty())
                                    .map(|e| {
                                        let docs = e
                                            .documents
                                            .iter()
                                            .map(|d| {
                                                let date = d.date.map(|d| d.vietnamese()).unwrap_or_default();
                                                let text = [
                                                    d.number.as_str(),
                                                    date.as_str(),
                                                    d.issuer.as_str(),
                                                    d.link.as_str(),
                                                ]
                                                    .into_iter()
                                                    .filter(|s| !s.trim().is_empty())
                                                    .collect::<Vec<_>>()
                                                    .join(" · ");
                                                view! { <li>{text}</li> }
                                            })
                                            .collect_view();
                                        view! {
                                            <div class="rollup-evidence">
                                                <span class="muted">{tr!(i18n, evidence_title)} ": "</span>
                                                {e.notes.clone()}
                                                <ul>{docs}</ul>
                                            </div>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view();
                let label = format!("{} {}", criterion.id, words::text(&criterion.label));
                view! {
                    <li>
                        <strong>{label}</strong>
                        {status
                            .map(|s| {
                                view! {
                                    " "
                                    <span class=messages::result_class(s)>{messages::result(i18n, s)}</span>
                                }
                            })}
                        <ul>{indicators}</ul>
                    </li>
                }
            })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };
    let their = record.assessment().map(|a| {
        let code = a.status().stage();
        let history = a
            .history()
            .iter()
            .map(|h| {
                let line = [h.on.vietnamese(), h.by.clone(), h.note.clone()]
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                let (from, to) = (h.from, h.to);
                view! {
                    <li>
                        {messages::assessment_status(i18n, from)} " → " {messages::assessment_status(i18n, to)} " ("
                        {line} ")"
                    </li>
                }
            })
            .collect_view();
        let actions = a
            .actions()
            .iter()
            .map(|action| {
                let due = action.due.map(|d| d.vietnamese()).unwrap_or_default();
                let line = [action.criterion.as_str(), action.what.as_str(), action.who.as_str(), due.as_str()]
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! { <li>{line}</li> }
            })
            .collect_view();
        let report = &a.report();
        let texts = [
            (t_string!(i18n, rollup_review_situation), report.situation.clone()),
            (t_string!(i18n, rollup_review_shortcomings), report.shortcomings.clone()),
            (t_string!(i18n, rollup_review_direction), report.direction.clone()),
            (t_string!(i18n, rollup_review_proposal), report.proposal.clone()),
            (t_string!(i18n, rollup_review_participants), report.participants.clone()),
            (
                t_string!(i18n, rollup_review_signer),
                format!("{} {}", report.signer_title, report.signer_name).trim().to_owned(),
            ),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(label, text)| view! {
            <dt>{label}</dt>
            <dd class="rollup-review-text">{text}</dd>
        })
        .collect_view();
        view! {
            <p data-testid="rollup-review-their-status">
                {tr!(i18n, rollup_file_their_status)} ": " {messages::assessment_status(i18n, code)}
            </p>
            <h3>{tr!(i18n, rollup_review_history)}</h3>
            <ul>{history}</ul>
            <h3>{tr!(i18n, rollup_review_actions)}</h3>
            <ul>{actions}</ul>
            <h3>{tr!(i18n, rollup_review_report)}</h3>
            <dl>{texts}</dl>
        }
    });
    let is_assessment = record.assessment().is_some();
    let id = record.id.clone();
    view! {
        <section class="rollup-review" aria-labelledby="rollup-review-title" data-testid="rollup-review">
            <h2 id="rollup-review-title" tabindex="-1" node_ref=heading>
                {tp!(i18n, rollup_review_title, title)}
            </h2>
            <p class="muted">{file_name} " · " {tp!(i18n, rollup_review_sent, exported)} " · " {set_line}</p>
            {sent_as
                .map(|name| {
                    view! {
                        <p class="muted" data-testid="rollup-sent-as">
                            {tp!(i18n, rollup_review_sent_as, name)}
                        </p>
                    }
                })}
            {is_assessment.then(|| view! { <Identify id=id.clone() /> })}
            {overall
                .map(|s| {
                    view! {
                        <p data-testid="rollup-review-result">
                            {tr!(i18n, rollup_file_result)} ": "
                            <span class=messages::result_class(s)>{messages::result(i18n, s)}</span>
                        </p>
                    }
                })}
            {their}
            {is_assessment.then(|| view! { <h3>{tr!(i18n, rollup_review_criteria)}</h3> })}
            <ul class="rollup-review-criteria">{criteria}</ul>
            <ReviewActions id=id.clone() />
            {is_assessment.then(|| view! { <Decide id=id.clone() /> })}
            <p>
                <button type="button" class="button" on:click=close data-testid="rollup-review-close">
                    {tr!(i18n, rollup_review_close)}
                </button>
            </p>
        </section>
    }
}

/// Which of the receiver's units the file is about: the suggestion to
/// confirm, or another to pick, or none.
#[component]
fn Identify(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let rollup = use_rollup();
    let picked = RwSignal::new(None::<String>);
    // Shown anew when the officer settles which unit it is.
    let settled = Memo::new({
        let id = id.clone();
        move |_| rollup.shelf.with(|s| s.get(&id).cloned())
    });
    move || {
        let record = settled.get()?;
        let units = own_units();
        let identity = identify(&record, &units);
        let options: Vec<UnitInfo> = candidates(&record, &units).into_iter().cloned().collect();
        let suggested = match &identity {
            Identity::Suggested(to) => units.iter().find(|u| &u.id == to).cloned(),
            _ => None,
        };
        let default = suggested
            .as_ref()
            .map(|u| u.id.as_str().to_owned())
            .unwrap_or_default();
        let current = {
            let default = default.clone();
            move || picked.get().unwrap_or_else(|| default.clone())
        };
        let confirm = {
            let (id, options, current) = (id.clone(), options.clone(), current.clone());
            move |_| {
                let chosen = current();
                let to = options.iter().find(|u| u.id.as_str() == chosen).cloned();
                let id = id.clone();
                rollup.change(
                    move |shelf| shelf.confirm(&id, to.as_ref()),
                    move |_| picked.set(None),
                );
            }
        };
        let sent = record.sent_as.as_ref().unwrap_or(&record.unit).name.clone();
        let line = match &identity {
            Identity::Confirmed | Identity::Known => {
                let name = record.unit.name.clone();
                tp!(i18n, rollup_identity_known, name)
            }
            Identity::Suggested(_) => {
                let name = suggested.map(|u| u.name).unwrap_or_default();
                let sent = sent.clone();
                tp!(i18n, rollup_identity_suggested, name, sent)
            }
            Identity::Unmatched => {
                let sent = sent.clone();
                tp!(i18n, rollup_identity_unmatched, sent)
            }
        };
        let line = view! { <p data-testid="rollup-identity">{line}</p> };
        let settle = !matches!(identity, Identity::Known) && !options.is_empty();
        let field = format!("rollup-identity-{id}");
        Some(view! {
            <div class="rollup-identity">
                {line}
                {settle
                    .then(|| {
                        let options = options
                            .iter()
                            .map(|u| {
                                let value = u.id.as_str().to_owned();
                                let current = current.clone();
                                view! {
                                    <option value=value.clone() selected=move || current() == value>
                                        {u.name.clone()}
                                    </option>
                                }
                            })
                            .collect_view();
                        let none_selected = {
                            let current = current.clone();
                            move || current().is_empty()
                        };
                        view! {
                            <div class="rollup-controls">
                                <div class="field">
                                    <label for=field.clone()>{tr!(i18n, rollup_identity_pick)}</label>
                                    <select
                                        id=field.clone()
                                        on:change=move |ev| picked.set(Some(event_target_value(&ev)))
                                        data-testid="rollup-identity-pick"
                                    >
                                        <option value="" selected=none_selected>
                                            {tp!(i18n, rollup_identity_none, sent = sent.clone())}
                                        </option>
                                        {options}
                                    </select>
                                </div>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=confirm.clone()
                                    data-testid="rollup-identity-confirm"
                                >
                                    {tr!(i18n, rollup_identity_confirm)}
                                </button>
                            </div>
                        }
                    })}
            </div>
        })
    }
}

/// Accept, or mark "có vấn đề" with a comment.
#[component]
fn ReviewActions(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let rollup = use_rollup();
    let comment = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<ShelfError>);
    let state = {
        let id = id.clone();
        Signal::derive(move || {
            rollup.shelf.with(|shelf| {
                (
                    shelf.get(&id).map(|r| r.review.clone()),
                    shelf.copies(&id) != Copies::Unique,
                )
            })
        })
    };
    let review = move |id: String, review: Review| {
        rollup.change(
            move |shelf| shelf.review(&id, review),
            move |r| refusal.set(r.err()),
        );
    };
    let field = format!("rollup-review-comment-{id}");
    let (id_accept, id_problem) = (id.clone(), id.clone());
    view! {
        <div class="rollup-review-actions">
            {move || {
                let (review_state, duplicate) = state.get();
                let line = match review_state {
                    Some(Review::Accepted) => tr!(i18n, rollup_status_accepted).into_any(),
                    Some(Review::Problem { comment }) => {
                        view! {
                            {tr!(i18n, rollup_status_problem)}
                            ": "
                            {comment}
                        }
                            .into_any()
                    }
                    _ => tr!(i18n, rollup_status_received).into_any(),
                };
                let copy = duplicate
                    .then(|| {
                        view! {
                            " "
                            <span class="rollup-copies">{tr!(i18n, rollup_review_copy)}</span>
                        }
                    });
                view! {
                    <p data-testid="rollup-review-state">
                        <strong>{tr!(i18n, rollup_col_status)} ": "</strong>
                        {line}
                        {copy}
                    </p>
                }
            }}
            {move || {
                refusal
                    .get()
                    .map(|r| {
                        view! {
                            <p class="field__error" role="alert">
                                {super::list::refusal_words(i18n, r)}
                            </p>
                        }
                    })
            }}
            {move || {
                let (review_state, duplicate) = state.get();
                (review_state != Some(Review::Accepted) && !duplicate)
                    .then(|| {
                        let id = id_accept.clone();
                        view! {
                            <button
                                type="button"
                                class="button button--primary"
                                data-testid="rollup-review-accept"
                                on:click=move |_| review(id.clone(), Review::Accepted)
                            >
                                {tr!(i18n, rollup_accept)}
                            </button>
                        }
                    })
            }}
            <form
                class="rollup-comment"
                on:submit=move |ev| {
                    ev.prevent_default();
                    review(
                        id_problem.clone(),
                        Review::Problem {
                            comment: comment.get_untracked(),
                        },
                    );
                }
            >
                <label for=field.clone()>{tr!(i18n, rollup_comment)}</label>
                <input
                    id=field.clone()
                    type="text"
                    prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))
                />
                <button type="submit" class="button button--small">
                    {tr!(i18n, rollup_problem_save)}
                </button>
            </form>
        </div>
    }
}

fn decision_error(i18n: I18n, error: DecisionError) -> AnyView {
    match error {
        DecisionError::NotAccepted => tr!(i18n, rollup_decision_not_accepted).into_any(),
        DecisionError::NumberRequired => tr!(i18n, rollup_decision_number_required).into_any(),
        DecisionError::SignerRequired => tr!(i18n, rollup_decision_signer_required).into_any(),
        DecisionError::NoteRequired => tr!(i18n, rollup_decision_note_required).into_any(),
    }
}

/// The recognition decision on an accepted assessment (TT 124 Art. 10).
#[component]
fn Decide(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let rollup = use_rollup();
    let state = use_app_state();
    let current = {
        let id = id.clone();
        move || {
            rollup.shelf.with(|s| {
                s.get(&id)
                    .map(|r| (r.is_accepted(), r.decision.clone(), r.unit.kind, r.year()))
            })
        }
    };
    let Some((_, recorded, kind, year)) = current() else {
        return ().into_any();
    };
    let recognised = RwSignal::new(recorded.as_ref().is_none_or(|d| d.recognised));
    let number = RwSignal::new(
        recorded
            .as_ref()
            .map(|d| d.number.clone())
            .unwrap_or_default(),
    );
    // Never today by default: the date is the decision's, typed.
    let on = RwSignal::new(recorded.as_ref().map(|d| d.on.iso()).unwrap_or_default());
    let signer = RwSignal::new(
        recorded
            .as_ref()
            .map(|d| d.signer.clone())
            .unwrap_or_default(),
    );
    let note = RwSignal::new(
        recorded
            .as_ref()
            .map(|d| d.note.clone())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<ShelfError>);
    let no_date = RwSignal::new(false);
    let sent = RwSignal::new(None::<String>);
    let record = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(date) = Date::parse_iso(&on.get_untracked()) else {
                no_date.set(true);
                return;
            };
            no_date.set(false);
            let decision = Recognition {
                recognised: recognised.get_untracked(),
                number: number.get_untracked(),
                on: date,
                signer: signer.get_untracked(),
                note: note.get_untracked(),
            };
            let id = id.clone();
            rollup.change(
                move |shelf| shelf.decide(&id, Some(decision)),
                move |result| error.set(result.err()),
            );
        }
    };
    let send = {
        let id = id.clone();
        move |_| {
            let from = state
                .workspace
                .with_untracked(|ws| ws.active_unit().map(UnitInfo::of));
            let Some(from) = from else {
                sent.set(Some(t_string!(i18n, rollup_need_unit).to_owned()));
                return;
            };
            let file = rollup.shelf.with_untracked(|shelf| {
                let record = shelf.get(&id)?;
                let notice = Notice::of(record, &from)?;
                let unit = record.sent_as.as_ref().unwrap_or(&record.unit);
                Some(export_decision(
                    &notice,
                    unit,
                    &crate::ui::shell::export::now_stamp(),
                ))
            });
            if let Some(file) = file {
                let name = file.file_name.clone();
                sent.set(Some(match crate::ui::shell::export::offer(&file) {
                    Ok(()) => tp!(i18n, rollup_decision_sent, name).get_untracked(),
                    Err(e) => e,
                }));
            }
        }
    };
    let who = match Decider::of(kind) {
        Decider::Receiver => tr!(i18n, rollup_decider_receiver).into_any(),
        Decider::Above => tr!(i18n, rollup_decider_above).into_any(),
    };
    let base = format!("rollup-decision-{id}");
    let title_id = format!("{base}-title");
    let heading_id = title_id.clone();
    let f = move |name: &str| format!("{base}-{name}");
    view! {
        <section class="rollup-decision" aria-labelledby=title_id.clone() data-testid="rollup-decision">
            <h3 id=heading_id>{tr!(i18n, rollup_decision_title)}</h3>
            <p class="muted">{who}</p>
            {move || match current() {
                Some((false, ..)) => {
                    view! { <p data-testid="rollup-decision-wait">{tr!(i18n, rollup_decision_not_accepted)}</p> }
                        .into_any()
                }
                Some((true, decided, ..)) => {
                    let shown = decided
                        .map(|d| {
                            let late = d
                                .late(kind, year)
                                .map(|deadline| {
                                    let deadline = deadline.vietnamese();
                                    view! {
                                        <p class="banner banner--warning" data-testid="rollup-decision-late">
                                            {tp!(i18n, rollup_decision_late, deadline)}
                                        </p>
                                    }
                                });
                            let line = format!("{} · {} · {}", d.number, d.on.vietnamese(), d.signer);
                            let word = if d.recognised {
                                tr!(i18n, status_recognised).into_any()
                            } else {
                                tr!(i18n, status_not_recognised).into_any()
                            };
                            view! {
                                <p data-testid="rollup-decision-recorded">
                                    <strong>{word}</strong>
                                    " · "
                                    {line}
                                </p>
                                {(!d.note.is_empty()).then(|| view! { <p>{d.note.clone()}</p> })}
                                {late}
                                <button
                                    type="button"
                                    class="button"
                                    on:click=send.clone()
                                    data-testid="rollup-decision-send"
                                >
                                    {tr!(i18n, rollup_decision_send)}
                                </button>
                                <p role="status" data-testid="rollup-decision-sent">
                                    {move || sent.get()}
                                </p>
                            }
                        });
                    view! {
                        {shown}
                        <form class="rollup-decision-form" on:submit=record.clone()>
                            <fieldset>
                                <legend>{tr!(i18n, rollup_decision_outcome)}</legend>
                                <label>
                                    <input
                                        type="radio"
                                        name=f("outcome")
                                        prop:checked=move || recognised.get()
                                        on:change=move |_| recognised.set(true)
                                        data-testid="rollup-decision-yes"
                                    />
                                    " "
                                    {tr!(i18n, status_recognised)}
                                </label>
                                " "
                                <label>
                                    <input
                                        type="radio"
                                        name=f("outcome")
                                        prop:checked=move || !recognised.get()
                                        on:change=move |_| recognised.set(false)
                                        data-testid="rollup-decision-no"
                                    />
                                    " "
                                    {tr!(i18n, status_not_recognised)}
                                </label>
                            </fieldset>
                            <div class="field">
                                <label for=f("number")>{tr!(i18n, rollup_decision_number)}</label>
                                <input
                                    id=f("number")
                                    type="text"
                                    prop:value=move || number.get()
                                    on:input=move |ev| number.set(event_target_value(&ev))
                                    data-testid="rollup-decision-number"
                                />
                            </div>
                            <div class="field">
                                <label for=f("on")>{tr!(i18n, rollup_decision_on)}</label>
                                <input
                                    id=f("on")
                                    type="date"
                                    prop:value=move || on.get()
                                    on:input=move |ev| on.set(event_target_value(&ev))
                                    data-testid="rollup-decision-on"
                                />
                            </div>
                            <div class="field">
                                <label for=f("signer")>{tr!(i18n, rollup_decision_signer)}</label>
                                <input
                                    id=f("signer")
                                    type="text"
                                    prop:value=move || signer.get()
                                    on:input=move |ev| signer.set(event_target_value(&ev))
                                    data-testid="rollup-decision-signer"
                                />
                            </div>
                            <div class="field">
                                <label for=f("note")>{tr!(i18n, rollup_decision_note)}</label>
                                <textarea
                                    id=f("note")
                                    prop:value=move || note.get()
                                    on:input=move |ev| note.set(event_target_value(&ev))
                                    data-testid="rollup-decision-note"
                                ></textarea>
                            </div>
                            {move || {
                                no_date
                                    .get()
                                    .then(|| {
                                        view! {
                                            <p class="field__error" role="alert" data-testid="rollup-decision-error">
                                                {tr!(i18n, rollup_decision_date_required)}
                                            </p>
                                        }
                                    })
                            }}
                            {move || {
                                error
                                    .get()
                                    .map(|e| {
                                        view! {
                                            <p class="field__error" role="alert" data-testid="rollup-decision-error">
                                                {match e {
                                                    ShelfError::Decision(e) => decision_error(i18n, e),
                                                    other => super::list::refusal_words(i18n, other),
                                                }}
                                            </p>
                                        }
                                    })
                            }}
                            <button type="submit" class="button button--primary" data-testid="rollup-decision-save">
                                {tr!(i18n, rollup_decision_save)}
                            </button>
                        </form>
                    }
                        .into_any()
                }
                None => ().into_any(),
            }}
        </section>
    }
    .into_any()
}
