//! Every criterion not met or not decided, with the actions to fix it.

use leptos::prelude::*;

use super::input::Data;
use crate::domain::assessment::{Action, ActionStatus};
use crate::domain::calendar::Date;
use crate::domain::criteria::Outcome;
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

#[component]
pub fn GapView(id: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let gaps = Memo::new(move |_| {
        data.with(|d| {
            let Some((_, set, evaluation)) = d.as_ref() else {
                return Vec::new();
            };
            set.criteria()
                .filter_map(|c| {
                    let status = evaluation.criteria.get(&c.id)?.status;
                    // Each indicator behind the gap, with the reason and its numbers.
                    let behind: Vec<_> = c
                        .indicators
                        .iter()
                        .filter_map(|i| {
                            let result = evaluation.indicators.get(&i.id)?;
                            matches!(result.status, Outcome::Failed | Outcome::Incomplete).then(
                                || {
                                    (
                                        i.id.clone(),
                                        text(&i.label),
                                        result.reason.clone(),
                                        i.kind.clone(),
                                    )
                                },
                            )
                        })
                        .collect();
                    matches!(status, Outcome::Failed | Outcome::Incomplete)
                        .then(|| (c.id.clone(), text(&c.label), status, behind))
                })
                .collect::<Vec<_>>()
        })
    });
    let gaps = move || gaps.get();
    view! {
        <section class="gaps" data-testid="gaps">
            <h3>{tr!(i18n, gaps_title)}</h3>
            <When when=move || { !gaps().is_empty() } fallback=move || view! { <p>{tr!(i18n, gaps_none)}</p> }>
                {
                    let id = id.clone();
                    move || {
                        gaps()
                            .into_iter()
                            .map(|(cid, label, status, behind)| {
                                let id = id.clone();
                                let action_ids = {
                                    let cid = cid.clone();
                                    Memo::new(move |_| {
                                        data.with(|d| {
                                            d.as_ref()
                                                .map(|(a, _, _)| {
                                                    a.actions
                                                        .iter()
                                                        .filter(|x| x.criterion == cid)
                                                        .map(|x| x.id.clone())
                                                        .collect::<Vec<_>>()
                                                })
                                                .unwrap_or_default()
                                        })
                                    })
                                };
                                let action_ids = move || action_ids.get();
                                let add = {
                                    let (id, cid) = (id.clone(), cid.clone());
                                    move |_| store(
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
                                };
                                view! {
                                    <div class="gap" data-criterion-id=cid.clone()>
                                        <h4>
                                            {label} " "
                                            <span class=messages::result_class(
                                                status,
                                            )>{messages::result(i18n, status)}</span>
                                        </h4>
                                        <ul class="gap__why" data-testid="gap-reasons">
                                            {behind
                                                .into_iter()
                                                .map(|(iid, ilabel, reason, kind)| {
                                                    view! {
                                                        <li data-indicator-id=iid.clone()>
                                                            <span class="set-tree__id">{iid.clone()}</span>
                                                            " "
                                                            {ilabel}
                                                            ": "
                                                            <span class="reason">
                                                                {crate::ui::words::reasons::reason(i18n, &reason, &kind)}
                                                            </span>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                        {move || {
                                            action_ids()
                                                .into_iter()
                                                .map(|aid| view! { <ActionRow id=id.clone() action=aid data=data /> })
                                                .collect_view()
                                        }}
                                        <button type="button" class="button button--small" on:click=add>
                                            {tr!(i18n, action_add)}
                                        </button>
                                    </div>
                                }
                            })
                            .collect_view()
                    }
                }
            </When>
        </section>
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
                    .and_then(|(a, _, _)| a.actions.iter().find(|x| &x.id == action).cloned())
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
