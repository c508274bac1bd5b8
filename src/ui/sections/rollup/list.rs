//! The received files: unit, kind, year, criteria set, the result and the
//! unit's own status, the review, copies, the decision; each opened to be
//! reviewed (`review.rs`), one copy kept, or removed.

use leptos::prelude::*;

use super::use_rollup;
use crate::domain::rollup::identity::{identify, Identity};
use crate::domain::rollup::{Body, Copies, Review, ShelfError};
use crate::ui::i18n::*;
use crate::ui::widgets::pages::Pages;
use crate::ui::words::messages;
use crate::ui::words::reasons as words;

/// What the list shows of a record (not the record itself: no copy of its set).
struct Line {
    id: String,
    unit: String,
    kind: crate::domain::UnitKind,
    via: Option<String>,
    file_name: String,
    exported: String,
    year: i32,
    review: Review,
    /// The assessment's result by its own set, as the core evaluates it.
    result: Option<crate::domain::criteria::Outcome>,
    /// The status the unit gave it ("đã tự đánh giá"…), by its code.
    their_status: Option<crate::domain::assessment::Stage>,
    /// Which of the receiver's units it is, for an assessment.
    identity: Option<Identity>,
    /// The decision recorded on it: recognised or not, number and date.
    decision: Option<(bool, String)>,
}

/// Why a change to the received list was refused, in words.
pub(super) fn refusal_words(i18n: I18n, refusal: ShelfError) -> AnyView {
    match refusal {
        ShelfError::Duplicate => tr!(i18n, rollup_refused_duplicate).into_any(),
        ShelfError::CommentRequired => tr!(i18n, rollup_refused_comment).into_any(),
        ShelfError::Unknown => tr!(i18n, rollup_refused_unknown).into_any(),
        ShelfError::Decision(_) => tr!(i18n, rollup_decision_not_accepted).into_any(),
    }
}

#[component]
pub fn Files() -> impl IntoView {
    let i18n = use_i18n();
    let rollup = use_rollup();
    let refusal = RwSignal::new(None::<ShelfError>);
    let accept_all = move |_| rollup.change(|shelf| shelf.accept_all(), move |_| refusal.set(None));
    let waiting = move || {
        rollup.shelf.with(|s| {
            s.records()
                .iter()
                .filter(|r| r.review == Review::Received)
                .count()
        })
    };
    // Only the page shown is read and evaluated.
    let pages = Pages::new();
    let total = Signal::derive(move || rollup.shelf.with(|s| s.len()));
    let rows = move || {
        let units = super::review::own_units();
        let shown = pages.window(total.get()).rows;
        rollup.shelf.with(|shelf| {
            let copies = shelf.all_copies();
            let evaluator = crate::domain::rollup::table::Evaluator::new(shelf);
            shelf.records()[shown]
                .iter()
                .map(|r| {
                    let (set, kind_word) = match &r.body {
                        Body::Assessment { criteria_set, .. } => (
                            format!(
                                "{} · v{}",
                                words::text(&criteria_set.title),
                                criteria_set.version
                            ),
                            t_string!(i18n, rollup_kind_assessment).to_owned(),
                        ),
                        Body::Festival { .. } => (
                            String::new(),
                            t_string!(i18n, rollup_kind_festival).to_owned(),
                        ),
                    };
                    let line = Line {
                        id: r.id.clone(),
                        unit: r.unit.name.clone(),
                        kind: r.unit.kind,
                        via: r.via.as_ref().map(|v| v.name.clone()),
                        file_name: r.file_name.clone(),
                        exported: r.exported_at.chars().take(10).collect(),
                        year: r.year(),
                        review: r.review.clone(),
                        result: evaluator.evaluate(r).map(|e| e.set.status),
                        their_status: r.assessment().map(|a| a.status().stage()),
                        identity: r.assessment().map(|_| identify(r, &units)),
                        decision: r.decision.as_ref().map(|d| {
                            (
                                d.recognised,
                                format!("{} · {}", d.number, d.on.vietnamese()),
                            )
                        }),
                    };
                    let copies = copies.get(&r.id).cloned().unwrap_or(Copies::Unique);
                    (line, set, kind_word, copies)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="rollup-files-title">
            <h2 id="rollup-files-title">{tr!(i18n, rollup_files_title)}</h2>
            {move || {
                let count = rollup.shelf.with(|s| s.len());
                let waiting = waiting();
                view! { <p data-testid="rollup-counts">{tp!(i18n, rollup_counts, count, waiting)}</p> }
            }}
            {move || {
                refusal
                    .get()
                    .map(|r| {
                        view! {
                            <p class="field__error" role="alert">
                                {refusal_words(i18n, r)}
                            </p>
                        }
                    })
            }}
            {pages.nav("rollup-files", total)}
            <div class="table-scroll">
                <table class="rollup-files" data-testid="rollup-files">
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, rollup_col_unit)}</th>
                            <th scope="col">{tr!(i18n, rollup_col_content)}</th>
                            <th scope="col">{tr!(i18n, rollup_col_year)}</th>
                            <th scope="col">{tr!(i18n, rollup_col_set)}</th>
                            <th scope="col">{tr!(i18n, rollup_col_status)}</th>
                            <th scope="col">{tr!(i18n, rollup_col_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows()
                                .into_iter()
                                .map(|(r, set, kind_word, copies)| {
                                    let (id_open, id_keep, id_remove) = (r.id.clone(), r.id.clone(), r.id.clone());
                                    let kind_name = messages::unit_kind(i18n, r.kind);
                                    let status = match &r.review {
                                        Review::Received => {
                                            view! {
                                                <span class="rollup-status">{tr!(i18n, rollup_status_received)}</span>
                                            }
                                                .into_any()
                                        }
                                        Review::Accepted => {
                                            view! {
                                                <span class="rollup-status rollup-status--accepted">
                                                    "✓ " {tr!(i18n, rollup_status_accepted)}
                                                </span>
                                            }
                                                .into_any()
                                        }
                                        Review::Problem { comment } => {
                                            view! {
                                                <span class="rollup-status rollup-status--problem">
                                                    "! " {tr!(i18n, rollup_status_problem)} ": " {comment.clone()}
                                                </span>
                                            }
                                                .into_any()
                                        }
                                    };
                                    let copies_note = match copies {
                                        Copies::Unique => None,
                                        Copies::Newest { others } => {
                                            Some(
                                                view! {
                                                    <span class="rollup-copies" data-testid="rollup-newer">
                                                        {tp!(i18n, rollup_newest, others)}
                                                    </span>
                                                }
                                                    .into_any(),
                                            )
                                        }
                                        Copies::Older { .. } => {
                                            Some(
                                                view! {
                                                    <span class="rollup-copies" data-testid="rollup-older">
                                                        {tr!(i18n, rollup_older)}
                                                    </span>
                                                }
                                                    .into_any(),
                                            )
                                        }
                                    };
                                    let identity_note = match &r.identity {
                                        Some(Identity::Suggested(_)) => {
                                            Some(
                                                view! {
                                                    <br />
                                                    <span class="rollup-copies" data-testid="rollup-identity-note">
                                                        {tr!(i18n, rollup_identity_to_confirm)}
                                                    </span>
                                                }
                                                    .into_any(),
                                            )
                                        }
                                        Some(Identity::Unmatched) => {
                                            Some(
                                                view! {
                                                    <br />
                                                    <span class="rollup-copies" data-testid="rollup-identity-note">
                                                        {tr!(i18n, rollup_identity_not_found)}
                                                    </span>
                                                }
                                                    .into_any(),
                                            )
                                        }
                                        _ => None,
                                    };
                                    let decision = r
                                        .decision
                                        .clone()
                                        .map(|(recognised, line)| {
                                            let word = if recognised {
                                                tr!(i18n, status_recognised).into_any()
                                            } else {
                                                tr!(i18n, status_not_recognised).into_any()
                                            };
                                            view! {
                                                <br />
                                                <span data-testid="rollup-file-decision">
                                                    <strong>{word}</strong>
                                                    " · "
                                                    {line}
                                                </span>
                                            }
                                        });
                                    let duplicate = copies != Copies::Unique;
                                    let via = r.via.clone();
                                    let exported = r.exported.clone();
                                    let open_label = format!("{} {} {}", t_string!(i18n, rollup_open), r.unit, r.year);
                                    view! {
                                        <tr data-testid="rollup-file" data-unit=r.unit.clone()>
                                            <td>
                                                <strong>{r.unit.clone()}</strong>
                                                <br />
                                                <span class="muted">{kind_name}</span>
                                                {via
                                                    .map(|v| {
                                                        view! {
                                                            <br />
                                                            <span class="muted">{tp!(i18n, rollup_via, v)}</span>
                                                        }
                                                    })}
                                                {identity_note}
                                            </td>
                                            <td>
                                                {kind_word}<br />
                                                <span class="muted">
                                                    {r.file_name.clone()} " · "
                                                    {tp!(i18n, rollup_review_sent, exported)}
                                                </span>
                                            </td>
                                            <td>{r.year}</td>
                                            <td>
                                                {set}
                                                {r
                                                    .result
                                                    .map(|status| {
                                                        view! {
                                                            <br />
                                                            <span data-testid="rollup-file-result">
                                                                {tr!(i18n, rollup_file_result)} ": "
                                                                <span class=messages::result_class(
                                                                    status,
                                                                )>{messages::result(i18n, status)}</span>
                                                            </span>
                                                        }
                                                    })}
                                                {r
                                                    .their_status
                                                    .map(|code| {
                                                        view! {
                                                            <br />
                                                            <span class="muted" data-testid="rollup-file-their-status">
                                                                {tr!(i18n, rollup_file_their_status)}
                                                                ": "
                                                                {messages::assessment_status(i18n, code)}
                                                            </span>
                                                        }
                                                    })}
                                            </td>
                                            <td>
                                                {status}
                                                {copies_note
                                                    .map(|n| {
                                                        view! {
                                                            <br />
                                                            {n}
                                                        }
                                                    })} {decision}
                                            </td>
                                            <td class="rollup-actions">
                                                <button
                                                    type="button"
                                                    class="button button--small button--primary"
                                                    id=format!("rollup-open-{id_open}")
                                                    aria-label=open_label
                                                    data-testid="rollup-open"
                                                    on:click=move |_| rollup.viewing.set(Some(id_open.clone()))
                                                >
                                                    {tr!(i18n, rollup_open)}
                                                </button>
                                                {duplicate
                                                    .then(|| {
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="button button--small"
                                                                data-testid="rollup-keep"
                                                                on:click=move |_| {
                                                                    let id = id_keep.clone();
                                                                    rollup
                                                                        .change(
                                                                            move |shelf| shelf.keep(&id),
                                                                            move |r| refusal.set(r.err()),
                                                                        );
                                                                }
                                                            >
                                                                {tr!(i18n, rollup_keep)}
                                                            </button>
                                                        }
                                                    })}
                                                <button
                                                    type="button"
                                                    class="button button--small"
                                                    on:click=move |_| {
                                                        let id = id_remove.clone();
                                                        rollup
                                                            .change(
                                                                move |shelf| {
                                                                    shelf.remove(&id);
                                                                },
                                                                |()| {},
                                                            );
                                                    }
                                                >
                                                    {tr!(i18n, rollup_remove)}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || {
                (waiting() > 0)
                    .then(|| {
                        view! {
                            <p class="rollup-secondary">
                                <button
                                    type="button"
                                    class="button button--small"
                                    on:click=accept_all
                                    data-testid="rollup-accept-all"
                                >
                                    {tr!(i18n, rollup_accept_all)}
                                </button>
                                " "
                                <span class="muted">{tr!(i18n, rollup_accept_all_note)}</span>
                            </p>
                        }
                    })
            }}
        </section>
    }
}
