//! Every criterion not met or not decided, with the actions to fix it.

use leptos::prelude::*;

use super::input::Data;
use crate::domain::assessment::{Action, ActionStatus};
use crate::domain::calendar::Date;
use crate::domain::criteria::{IndicatorKind, Outcome, Reason};
use crate::platform::{clock, ids};
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::choice::{named_value, named_variant, Choice};
use crate::ui::widgets::field::Input;
use crate::ui::widgets::When;
use crate::ui::words::messages;
use crate::ui::words::reasons::text;

fn store(id: &str, action: Action) {
    let state = use_app_state();
    let _ = state.edit(|ws| {
        ws.edit_assessment(id, |a| {
            a.put_action(action);
            Ok(())
        })
    });
}

/// A criterion not met or not decided, and each indicator behind it.
#[derive(Clone, PartialEq)]
struct Gap {
    criterion: String,
    label: String,
    status: Outcome,
    behind: Vec<Behind>,
}

/// An indicator behind a gap, with the reason and its numbers.
#[derive(Clone, PartialEq)]
struct Behind {
    indicator: String,
    label: String,
    reason: Reason,
    kind: IndicatorKind,
}

#[component]
pub fn GapView(id: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let gaps = Memo::new(move |_| {
        data.with(|d| {
            let Some((_, set, evaluation)) = d.as_ref() else {
                return Vec::new();
            };
            let open = |status| matches!(status, Outcome::Failed | Outcome::Incomplete);
            set.criteria()
                .filter_map(|c| {
                    let status = evaluation.criteria.get(&c.id)?.status;
                    let behind = c
                        .indicators
                        .iter()
                        .filter_map(|i| {
                            let result = evaluation.indicators.get(&i.id)?;
                            open(result.status).then(|| Behind {
                                indicator: i.id.clone(),
                                label: text(&i.label),
                                reason: result.reason.clone(),
                                kind: i.kind.clone(),
                            })
                        })
                        .collect();
                    open(status).then(|| Gap {
                        criterion: c.id.clone(),
                        label: text(&c.label),
                        status,
                        behind,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let gaps = move || gaps.get();
    let list = move || {
        gaps()
            .into_iter()
            .map(|gap| gap_view(i18n, id.clone(), data, gap))
            .collect_view()
    };
    view! {
        <section class="gaps" data-testid="gaps">
            <h3>{tr!(i18n, gaps_title)}</h3>
            <When when=move || { !gaps().is_empty() } fallback=move || view! { <p>{tr!(i18n, gaps_none)}</p> }>
                {list.clone()}
            </When>
        </section>
    }
}

/// A gap of the assessment `id`: why, and the actions planned to close it.
fn gap_view(i18n: I18n, id: String, data: Data, gap: Gap) -> impl IntoView {
    let cid = gap.criterion;
    let action_ids = {
        let cid = cid.clone();
        Memo::new(move |_| {
            data.with(|d| {
                d.as_ref()
                    .map(|(a, _, _)| {
                        a.actions()
                            .iter()
                            .filter(|x| x.criterion == cid)
                            .map(|x| x.id.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let actions = {
        let id = id.clone();
        move || {
            action_ids
                .get()
                .into_iter()
                .map(|aid| view! { <ActionRow id=id.clone() action=aid data=data /> })
                .collect_view()
        }
    };
    let add = {
        let cid = cid.clone();
        move |_| {
            store(
                &id,
                Action {
                    id: ids::new_id("act"),
                    criterion: cid.clone(),
                    what: String::new(),
                    who: String::new(),
                    due: None,
                    status: ActionStatus::Todo,
                },
            )
        }
    };
    let why = gap
        .behind
        .into_iter()
        .map(|b| {
            let shown = b.indicator.clone();
            view! {
                <li data-indicator-id=b.indicator>
                    <span class="set-tree__id">{shown}</span>
                    " "
                    {b.label}
                    ": "
                    <span class="reason">{crate::ui::words::reasons::reason(i18n, &b.reason, &b.kind)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="gap" data-criterion-id=cid>
            <h4>
                {gap.label} " "
                <span class=messages::result_class(gap.status)>{messages::result(i18n, gap.status)}</span>
            </h4>
            <ul class="gap__why" data-testid="gap-reasons">
                {why}
            </ul>
            {actions}
            <button type="button" class="button button--small" on:click=add>
                {tr!(i18n, action_add)}
            </button>
        </div>
    }
}

#[component]
fn ActionRow(id: String, action: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    // Every closure below is `Copy`: the ids live in stored values.
    let ids = StoredValue::new((id, action.clone()));
    let current = move || {
        ids.with_value(|(_, action)| {
            data.with(|d| {
                d.as_ref()
                    .and_then(|(a, _, _)| a.actions().iter().find(|x| &x.id == action).cloned())
            })
        })
    };
    let edit = move |apply: &dyn Fn(&mut Action)| {
        if let Some(mut a) = current() {
            apply(&mut a);
            ids.with_value(|(id, _)| store(id, a));
        }
    };
    let field = |name: &str| format!("action-{action}-{name}");
    let remove = move |_| {
        let state = use_app_state();
        ids.with_value(|(id, action)| {
            let _ = state.edit(|ws| {
                ws.edit_assessment(id, |a| {
                    a.remove_action(action);
                    Ok(())
                })
            });
        });
    };
    let overdue = move || current().is_some_and(|a| a.is_overdue(clock::today_date()));
    view! {
        <div class="action-row" data-testid="action-row">
            {Input::new(
                    field("what"),
                    tr!(i18n, action_what),
                    "text",
                    move || current().map(|a| a.what).unwrap_or_default(),
                    move |v| edit(&|a| a.what = v.clone()),
                )
                .view()}
            {Input::new(
                    field("who"),
                    tr!(i18n, action_who),
                    "text",
                    move || current().map(|a| a.who).unwrap_or_default(),
                    move |v| edit(&|a| a.who = v.clone()),
                )
                .view()}
            {Input::new(
                    field("due"),
                    tr!(i18n, action_due),
                    "date",
                    move || current().and_then(|a| a.due).map(|d| d.iso()).unwrap_or_default(),
                    move |v| {
                        let v = Date::parse_iso(&v);
                        edit(&|a| a.due = v)
                    },
                )
                .view()}
            {Choice::new(
                    field("status"),
                    tr!(i18n, action_status),
                    move || current().map(|a| named_value(a.status)).unwrap_or_default(),
                    move || messages::progress_options(i18n),
                    move |v| {
                        if let Some(status) = named_variant::<ActionStatus>(&v) {
                            edit(&|a| a.status = status)
                        }
                    },
                )
                .view()}
            {move || {
                overdue()
                    .then(|| view! { <span class="badge badge--unverified">"⚠ " {tr!(i18n, action_overdue)}</span> })
            }}
            <button type="button" class="button button--small button--danger" on:click=remove>
                {tr!(i18n, action_remove)}
            </button>
        </div>
    }
}
