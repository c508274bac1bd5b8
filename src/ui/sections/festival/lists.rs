//! The lists of a plan: committee, programme, tasks, budget, guests and
//! commendations, and the after-festival report. Rows are laid out by index;
//! their inputs read and write the plan, so typing keeps its focus.

use leptos::prelude::*;

use std::sync::Arc;

use super::{choice_input, edit, refused_time, text_input, whole_input, Bound, PlanMemo};
use crate::domain::calendar::Date;
use crate::domain::festival::{
    parse_time, time_text, BudgetLine, Commendation, FestivalPlan, FundSource, Guest, Part, Person,
    ProgrammeItem, Role, Task, TaskStatus,
};
use crate::platform::{clock, ids};
use crate::ui::i18n::*;
use crate::ui::widgets::choice::{named_options, named_value, named_variant, option};
use crate::ui::widgets::field::Check;
use crate::ui::words::messages;

fn count(plan: PlanMemo, of: fn(&crate::domain::festival::FestivalPlan) -> usize) -> Memo<usize> {
    Memo::new(move |_| plan.with(|p| p.as_ref().map(of).unwrap_or(0)))
}

/// After a row is added at the end of a list: focus its first field, `field(n)`
/// for the new row's index, once it is drawn.
fn focus_new_row(plan: PlanMemo, len: fn(&FestivalPlan) -> usize, field: fn(usize) -> String) {
    let n = plan.with_untracked(|p| p.as_ref().map(len).unwrap_or(0));
    crate::ui::widgets::focus::focus_id_soon(field(n));
}

/// A select of the people of the plan, for owners and responsible persons.
fn person_select(
    id: String,
    plan: PlanMemo,
    field: String,
    label: AnyView,
    read: impl Fn(&FestivalPlan) -> Option<String> + Send + Sync + 'static,
    write: impl Fn(&mut FestivalPlan, Option<String>) + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    let people = move || {
        let mut options = vec![option("", t_string!(i18n, festival_nobody))];
        plan.with(|p| {
            if let Some(p) = p {
                options.extend(p.people.iter().map(|x| option(&*x.id, &*x.name)))
            }
        });
        options
    };
    choice_input(
        id,
        plan,
        field,
        label,
        people,
        move |p| read(p).unwrap_or_default(),
        move |p, v| write(p, Some(v).filter(|v| !v.is_empty())),
    )
}

/// A button that removes one row of a list of the plan.
fn remove_button(
    id: String,
    remove: impl Fn(&mut FestivalPlan) + Send + Sync + 'static,
) -> AnyView {
    bound_remove_button(id, Arc::new(remove))
}

fn bound_remove_button(
    id: String,
    remove: Arc<dyn Fn(&mut FestivalPlan) + Send + Sync>,
) -> AnyView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="button button--small button--danger"
            on:click=move |_| {
                let remove = remove.clone();
                edit(&id, move |p| remove(p))
            }
        >
            {tr!(i18n, festival_remove)}
        </button>
    }
    .into_any()
}

#[component]
pub fn Committee(id: String, plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let rows = count(plan, |p| p.people.len());
    let add = {
        let id = id.clone();
        move |_| {
            focus_new_row(
                plan,
                |p| p.people.len(),
                |n| format!("festival-person-{n}-name"),
            );
            edit(&id, |p| {
                p.people.push(Person {
                    id: ids::new_id("ng"),
                    name: String::new(),
                    role: Role::Member,
                    position: String::new(),
                    phone: String::new(),
                })
            })
        }
    };
    view! {
        <section class="festival-list" data-testid="committee">
            {move || {
                (0..rows.get())
                    .map(|n| {
                        let f = |name: &str| format!("festival-person-{n}-{name}");
                        view! {
                            <div class="festival-row">
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("name"),
                                    tr!(i18n, festival_person_name).into_any(),
                                    move |p| p.people.get(n).map(|x| x.name.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(x) = p.people.get_mut(n) {
                                            x.name = v;
                                        }
                                    },
                                    "text",
                                )}
                                {choice_input(
                                    id.clone(),
                                    plan,
                                    f("role"),
                                    tr!(i18n, festival_role).into_any(),
                                    move || named_options(|role| {
                                        match role {
                                            Role::Head => t_string!(i18n, festival_role_head),
                                            Role::Deputy => t_string!(i18n, festival_role_deputy),
                                            Role::Member => t_string!(i18n, festival_role_member),
                                            Role::None => t_string!(i18n, festival_role_none),
                                        }
                                            .into()
                                    }),
                                    move |p| p.people.get(n).map(|x| named_value(x.role)).unwrap_or_default(),
                                    move |p, v| {
                                        if let (Some(x), Some(role)) = (p.people.get_mut(n), named_variant(&v)) {
                                            x.role = role;
                                        }
                                    },
                                )}
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("position"),
                                    tr!(i18n, festival_position).into_any(),
                                    move |p| p.people.get(n).map(|x| x.position.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(x) = p.people.get_mut(n) {
                                            x.position = v;
                                        }
                                    },
                                    "text",
                                )}
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("phone"),
                                    tr!(i18n, festival_phone).into_any(),
                                    move |p| p.people.get(n).map(|x| x.phone.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(x) = p.people.get_mut(n) {
                                            x.phone = v;
                                        }
                                    },
                                    "tel",
                                )}
                                {remove_button(
                                    id.clone(),
                                    move |p| {
                                        if n < p.people.len() {
                                            p.people.remove(n);
                                        }
                                    },
                                )}
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="button" on:click=add>
                {tr!(i18n, festival_add_person)}
            </button>
        </section>
    }
}

#[component]
pub fn Programme(id: String, plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let rows = count(plan, |p| p.programme.len());
    let dragging = RwSignal::new(None::<String>);
    let add = {
        let id = id.clone();
        move |_| {
            focus_new_row(
                plan,
                |p| p.programme.len(),
                |n| format!("festival-item-{n}-item"),
            );
            edit(&id, |p| {
                p.programme.push(ProgrammeItem {
                    id: ids::new_id("ct"),
                    part: Part::Festivity,
                    start: None,
                    minutes: 30,
                    item: String::new(),
                    responsible: None,
                    notes: String::new(),
                    optional: false,
                })
            })
        }
    };
    let reschedule = {
        let id = id.clone();
        move |_| {
            edit(&id, |p| {
                if let Some(t) = p.time {
                    p.schedule(Part::Ceremony, t)
                }
            })
        }
    };
    let total = move || plan.with(|p| p.as_ref().map(|p| p.total_minutes()).unwrap_or(0));
    view! {
        <section class="festival-list" data-testid="programme">
            <p>
                {move || {
                    let minutes = total();
                    tp!(i18n, festival_total, minutes)
                }} " · " {tr!(i18n, festival_drag_hint)}
            </p>
            <button type="button" class="button button--small" on:click=reschedule>
                {tr!(i18n, festival_reschedule)}
            </button>
            <ol class="programme">
                {move || {
                    (0..rows.get())
                        .map(|n| {
                            let f = |name: &str| format!("festival-item-{n}-{name}");
                            let item_id = move || {
                                plan.with(|p| {
                                    p.as_ref()
                                        .and_then(|p| p.programme.get(n))
                                        .map(|i| i.id.clone())
                                        .unwrap_or_default()
                                })
                            };
                            let (up_id, down_id, drop_id) = (id.clone(), id.clone(), id.clone());
                            let part = move || {
                                plan.with(|p| p.as_ref().and_then(|p| p.programme.get(n)).map(|i| i.part))
                            };
                            let optional = move || {
                                plan.with(|p| p.as_ref().and_then(|p| p.programme.get(n)).is_some_and(|i| i.optional))
                            };
                            view! {
                                <li
                                    class="festival-row programme__item"
                                    draggable="true"
                                    data-item-index=n
                                    on:dragstart=move |_| dragging.set(Some(item_id()))
                                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                                    on:drop=move |ev: leptos::ev::DragEvent| {
                                        ev.prevent_default();
                                        if let Some(moving) = dragging.get_untracked() {
                                            let before = item_id();
                                            edit(
                                                &drop_id,
                                                move |p| {
                                                    p.move_item_to(&moving, &before);
                                                },
                                            );
                                        }
                                        dragging.set(None);
                                    }
                                >
                                    <span class="programme__part">
                                        {move || match part() {
                                            Some(Part::Ceremony) => tr!(i18n, festival_part_ceremony).into_any(),
                                            _ => tr!(i18n, festival_part_festivity).into_any(),
                                        }}
                                        {move || {
                                            optional()
                                                .then(|| {
                                                    view! {
                                                        " "
                                                        {tr!(i18n, festival_optional)}
                                                    }
                                                })
                                        }}
                                    </span>
                                    {Bound::new(
                                            id.clone(),
                                            plan,
                                            f("start"),
                                            tr!(i18n, festival_start).into_any(),
                                            move |p| {
                                                p.programme
                                                    .get(n)
                                                    .and_then(|i| i.start)
                                                    .map(time_text)
                                                    .unwrap_or_default()
                                            },
                                            move |p, v| {
                                                if let Some(i) = p.programme.get_mut(n) {
                                                    i.start = parse_time(&v);
                                                }
                                            },
                                        )
                                        .refusing(move |text| refused_time(i18n, text))
                                        .input("text")}
                                    {whole_input(
                                        id.clone(),
                                        plan,
                                        f("minutes"),
                                        tr!(i18n, festival_minutes).into_any(),
                                        move |p| p.programme.get(n).map(|i| u64::from(i.minutes)),
                                        move |p, v| {
                                            if let Some(i) = p.programme.get_mut(n) {
                                                i.minutes = u32::try_from(v.unwrap_or(0)).unwrap_or(u32::MAX);
                                            }
                                        },
                                    )}
                                    {Bound::new(
                                            id.clone(),
                                            plan,
                                            f("item"),
                                            tr!(i18n, festival_item).into_any(),
                                            move |p| p.programme.get(n).map(|i| i.item.clone()).unwrap_or_default(),
                                            move |p, v| {
                                                if let Some(i) = p.programme.get_mut(n) {
                                                    i.item = v;
                                                }
                                            },
                                        )
                                        .wide()
                                        .input("text")}
                                    {person_select(
                                        id.clone(),
                                        plan,
                                        f("responsible"),
                                        tr!(i18n, festival_responsible).into_any(),
                                        move |p| p.programme.get(n).and_then(|i| i.responsible.clone()),
                                        move |p, v| {
                                            if let Some(i) = p.programme.get_mut(n) {
                                                i.responsible = v;
                                            }
                                        },
                                    )}
                                    {text_input(
                                        id.clone(),
                                        plan,
                                        f("notes"),
                                        tr!(i18n, festival_notes).into_any(),
                                        move |p| p.programme.get(n).map(|i| i.notes.clone()).unwrap_or_default(),
                                        move |p, v| {
                                            if let Some(i) = p.programme.get_mut(n) {
                                                i.notes = v;
                                            }
                                        },
                                        "text",
                                    )}
                                    <span class="programme__moves">
                                        <button
                                            type="button"
                                            class="button button--small"
                                            on:click=move |_| {
                                                let x = item_id();
                                                edit(
                                                    &up_id,
                                                    move |p| {
                                                        p.move_item(&x, true);
                                                    },
                                                )
                                            }
                                        >
                                            {tr!(i18n, festival_up)}
                                        </button>
                                        <button
                                            type="button"
                                            class="button button--small"
                                            on:click=move |_| {
                                                let x = item_id();
                                                edit(
                                                    &down_id,
                                                    move |p| {
                                                        p.move_item(&x, false);
                                                    },
                                                )
                                            }
                                        >
                                            {tr!(i18n, festival_down)}
                                        </button>
                                        {remove_button(
                                            id.clone(),
                                            move |p| {
                                                if n < p.programme.len() {
                                                    p.programme.remove(n);
                                                }
                                            },
                                        )}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <button type="button" class="button" on:click=add>
                {tr!(i18n, festival_add_item)}
            </button>
        </section>
    }
}

#[component]
pub fn Tasks(id: String, plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    // Shown by due date; rows follow that order, so they are laid out by task id.
    let order = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.tasks_by_due()
                        .into_iter()
                        .map(|t| t.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let add = {
        let id = id.clone();
        move |_| {
            let task = ids::new_id("cv");
            crate::ui::widgets::focus::focus_id_soon(format!("festival-task-{task}-title"));
            edit(&id, |p| {
                p.tasks.push(Task {
                    id: task,
                    title: String::new(),
                    owner: None,
                    due: None,
                    status: TaskStatus::Todo,
                    notes: String::new(),
                    key: false,
                })
            })
        }
    };
    view! {
        <section class="festival-list" data-testid="tasks">
            <For each=move || order.get() key=|tid| tid.clone() let:tid>
                {
                    let task_id = StoredValue::new(tid.clone());
                    let pos = move |p: &crate::domain::festival::FestivalPlan| {
                        task_id.with_value(|t| p.tasks.iter().position(|x| &x.id == t))
                    };
                    let f = |name: &str| format!("festival-task-{tid}-{name}");
                    let overdue = move || {
                        plan.with(|p| {
                                p.as_ref().and_then(|p| pos(p).map(|n| p.tasks[n].is_overdue(clock::today_date())))
                            })
                            .unwrap_or(false)
                    };
                    let key = move || {
                        plan.with(|p| p.as_ref().and_then(|p| pos(p).map(|n| p.tasks[n].key))).unwrap_or(false)
                    };
                    // Where the task is in the plan now: a `Copy` closure, shared by every field.
                    view! {
                        <div class="festival-row" data-task-id=tid.clone()>
                            {Bound::new(
                                    id.clone(),
                                    plan,
                                    f("title"),
                                    tr!(i18n, festival_task_title).into_any(),
                                    move |p| pos(p).map(|n| p.tasks[n].title.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(n) = pos(p) {
                                            p.tasks[n].title = v;
                                        }
                                    },
                                )
                                .wide()
                                .input("text")}
                            {person_select(
                                id.clone(),
                                plan,
                                f("owner"),
                                tr!(i18n, festival_owner).into_any(),
                                move |p| pos(p).and_then(|n| p.tasks[n].owner.clone()),
                                move |p, v| {
                                    if let Some(n) = pos(p) {
                                        p.tasks[n].owner = v;
                                    }
                                },
                            )}
                            {text_input(
                                id.clone(),
                                plan,
                                f("due"),
                                tr!(i18n, festival_due).into_any(),
                                move |p| pos(p).and_then(|n| p.tasks[n].due).map(|d| d.iso()).unwrap_or_default(),
                                move |p, v| {
                                    if let Some(n) = pos(p) {
                                        p.tasks[n].due = Date::parse_iso(&v);
                                    }
                                },
                                "date",
                            )}
                            {choice_input(
                                id.clone(),
                                plan,
                                f("status"),
                                tr!(i18n, festival_status).into_any(),
                                move || messages::progress_options(i18n),
                                move |p| pos(p).map(|n| named_value(p.tasks[n].status)).unwrap_or_default(),
                                move |p, v| {
                                    if let (Some(n), Some(status)) = (pos(p), named_variant(&v)) {
                                        p.tasks[n].status = status;
                                    }
                                },
                            )}
                            {move || key().then(|| view! { <span class="badge">{tr!(i18n, festival_key)}</span> })}
                            {move || {
                                overdue()
                                    .then(|| {
                                        view! {
                                            <span class="badge badge--unverified" data-testid="task-overdue">
                                                "⚠ "
                                                {tr!(i18n, festival_overdue)}
                                            </span>
                                        }
                                    })
                            }}
                            {
                                let tid = tid.clone();
                                remove_button(id.clone(), move |p| p.tasks.retain(|t| t.id != tid))
                            }
                        </div>
                    }
                }
            </For>
            <button type="button" class="button" on:click=add>
                {tr!(i18n, festival_add_task)}
            </button>
        </section>
    }
}

#[component]
pub fn Budget(id: String, plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let rows = count(plan, |p| p.budget.len());
    let add = {
        let id = id.clone();
        move |_| {
            focus_new_row(
                plan,
                |p| p.budget.len(),
                |n| format!("festival-budget-{n}-category"),
            );
            edit(&id, |p| {
                p.budget.push(BudgetLine {
                    id: ids::new_id("kp"),
                    category: String::new(),
                    source: FundSource::StateBudget,
                    planned: 0,
                    actual: None,
                })
            })
        }
    };
    let source_name = move |s: FundSource| match s {
        FundSource::StateBudget => t_string!(i18n, festival_source_state),
        FundSource::OtherProgrammes => t_string!(i18n, festival_source_programmes),
        FundSource::Voluntary => t_string!(i18n, festival_source_voluntary),
    };
    let totals = move || plan.with(|p| p.as_ref().map(|p| p.budget_totals()).unwrap_or_default());
    view! {
        <section class="festival-list" data-testid="budget">
            {move || {
                (0..rows.get())
                    .map(|n| {
                        let f = |name: &str| format!("festival-budget-{n}-{name}");
                        view! {
                            <div class="festival-row">
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("category"),
                                    tr!(i18n, festival_category).into_any(),
                                    move |p| p.budget.get(n).map(|l| l.category.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(l) = p.budget.get_mut(n) {
                                            l.category = v;
                                        }
                                    },
                                    "text",
                                )}
                                {choice_input(
                                    id.clone(),
                                    plan,
                                    f("source"),
                                    tr!(i18n, festival_source).into_any(),
                                    move || named_options(|source| source_name(source).into()),
                                    move |p| p.budget.get(n).map(|l| named_value(l.source)).unwrap_or_default(),
                                    move |p, v| {
                                        if let (Some(l), Some(source)) = (p.budget.get_mut(n), named_variant(&v)) {
                                            l.source = source;
                                        }
                                    },
                                )}
                                {whole_input(
                                    id.clone(),
                                    plan,
                                    f("planned"),
                                    tr!(i18n, festival_planned).into_any(),
                                    move |p| p.budget.get(n).map(|l| l.planned),
                                    move |p, v| {
                                        if let Some(l) = p.budget.get_mut(n) {
                                            l.planned = v.unwrap_or(0);
                                        }
                                    },
                                )}
                                {whole_input(
                                    id.clone(),
                                    plan,
                                    f("actual"),
                                    tr!(i18n, festival_actual).into_any(),
                                    move |p| p.budget.get(n).and_then(|l| l.actual),
                                    move |p, v| {
                                        if let Some(l) = p.budget.get_mut(n) {
                                            l.actual = v;
                                        }
                                    },
                                )}
                                {remove_button(
                                    id.clone(),
                                    move |p| {
                                        if n < p.budget.len() {
                                            p.budget.remove(n);
                                        }
                                    },
                                )}
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="button" on:click=add>
                {tr!(i18n, festival_add_line)}
            </button>
            <h3>{tr!(i18n, festival_totals)}</h3>
            <table class="history__table" data-testid="budget-totals">
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, festival_source)}</th>
                        <th scope="col">{tr!(i18n, festival_planned)}</th>
                        <th scope="col">{tr!(i18n, festival_actual)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        totals()
                            .into_iter()
                            .map(|(s, planned, actual)| {
                                view! {
                                    <tr>
                                        <th scope="row">{source_name(s)}</th>
                                        <td>{messages::money(i18n, planned)}</td>
                                        <td>{messages::money(i18n, actual)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
                <tfoot>
                    {move || {
                        let (planned, actual) = plan.with(|p| p.as_ref().map(|p| p.budget_total()).unwrap_or_default());
                        view! {
                            <tr>
                                <th scope="row">{tr!(i18n, festival_grand_total)}</th>
                                <td>{messages::money(i18n, planned)}</td>
                                <td>{messages::money(i18n, actual)}</td>
                            </tr>
                        }
                    }}
                </tfoot>
            </table>
        </section>
    }
}

#[component]
pub fn Guests(id: String, plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let guests = count(plan, |p| p.guests.len());
    let commendations = count(plan, |p| p.commendations.len());
    let add_guest = {
        let id = id.clone();
        move |_| {
            focus_new_row(
                plan,
                |p| p.guests.len(),
                |n| format!("festival-guest-{n}-name"),
            );
            edit(&id, |p| {
                p.guests.push(Guest {
                    id: ids::new_id("kh"),
                    name: String::new(),
                    position: String::new(),
                    body: String::new(),
                    confirmed: false,
                })
            })
        }
    };
    let add_commendation = {
        let id = id.clone();
        move |_| {
            focus_new_row(
                plan,
                |p| p.commendations.len(),
                |n| format!("festival-comm-{n}-kind"),
            );
            edit(&id, |p| {
                p.commendations.push(Commendation {
                    id: ids::new_id("kt"),
                    collective: true,
                    name: String::new(),
                    achievement: String::new(),
                    award: String::new(),
                })
            })
        }
    };
    let commendations_id = id.clone();
    view! {
        <section class="festival-list" data-testid="guests">
            {move || {
                (0..guests.get())
                    .map(|n| {
                        let f = |name: &str| format!("festival-guest-{n}-{name}");
                        let confirm_id = id.clone();
                        view! {
                            <div class="festival-row">
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("name"),
                                    tr!(i18n, festival_guest_name).into_any(),
                                    move |p| p.guests.get(n).map(|g| g.name.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(g) = p.guests.get_mut(n) {
                                            g.name = v;
                                        }
                                    },
                                    "text",
                                )}
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("position"),
                                    tr!(i18n, festival_position).into_any(),
                                    move |p| p.guests.get(n).map(|g| g.position.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(g) = p.guests.get_mut(n) {
                                            g.position = v;
                                        }
                                    },
                                    "text",
                                )}
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("body"),
                                    tr!(i18n, festival_body).into_any(),
                                    move |p| p.guests.get(n).map(|g| g.body.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(g) = p.guests.get_mut(n) {
                                            g.body = v;
                                        }
                                    },
                                    "text",
                                )}
                                {Check::new(
                                        f("confirmed"),
                                        tr!(i18n, festival_confirmed),
                                        move || {
                                            plan.with(|p| {
                                                p.as_ref().and_then(|p| p.guests.get(n)).is_some_and(|g| g.confirmed)
                                            })
                                        },
                                        move |on| edit(
                                            &confirm_id,
                                            move |p| {
                                                if let Some(g) = p.guests.get_mut(n) {
                                                    g.confirmed = on;
                                                }
                                            },
                                        ),
                                    )
                                    .view()}
                                {remove_button(
                                    id.clone(),
                                    move |p| {
                                        if n < p.guests.len() {
                                            p.guests.remove(n);
                                        }
                                    },
                                )}
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="button" on:click=add_guest>
                {tr!(i18n, festival_add_guest)}
            </button>
            <h3>{tr!(i18n, festival_commendations)}</h3>
            {move || {
                (0..commendations.get())
                    .map(|n| {
                        let id = commendations_id.clone();
                        let f = |name: &str| format!("festival-comm-{n}-{name}");
                        view! {
                            <div class="festival-row">
                                {choice_input(
                                    id.clone(),
                                    plan,
                                    f("kind"),
                                    tr!(i18n, festival_kind).into_any(),
                                    move || {
                                        vec![
                                            option("collective", t_string!(i18n, festival_collective)),
                                            option("individual", t_string!(i18n, festival_individual)),
                                        ]
                                    },
                                    move |p| {
                                        if p.commendations.get(n).is_some_and(|c| c.collective) {
                                            "collective"
                                        } else {
                                            "individual"
                                        }
                                            .into()
                                    },
                                    move |p, v| {
                                        if let Some(x) = p.commendations.get_mut(n) {
                                            x.collective = v == "collective";
                                        }
                                    },
                                )}
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("name"),
                                    tr!(i18n, festival_person_name).into_any(),
                                    move |p| p.commendations.get(n).map(|c| c.name.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(c) = p.commendations.get_mut(n) {
                                            c.name = v;
                                        }
                                    },
                                    "text",
                                )}
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("achievement"),
                                    tr!(i18n, festival_achievement).into_any(),
                                    move |p| p.commendations.get(n).map(|c| c.achievement.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(c) = p.commendations.get_mut(n) {
                                            c.achievement = v;
                                        }
                                    },
                                    "text",
                                )}
                                {text_input(
                                    id.clone(),
                                    plan,
                                    f("award"),
                                    tr!(i18n, festival_award).into_any(),
                                    move |p| p.commendations.get(n).map(|c| c.award.clone()).unwrap_or_default(),
                                    move |p, v| {
                                        if let Some(c) = p.commendations.get_mut(n) {
                                            c.award = v;
                                        }
                                    },
                                    "text",
                                )}
                                {remove_button(
                                    id.clone(),
                                    move |p| {
                                        if n < p.commendations.len() {
                                            p.commendations.remove(n);
                                        }
                                    },
                                )}
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="button" on:click=add_commendation>
                {tr!(i18n, festival_add_commendation)}
            </button>
        </section>
    }
}

#[component]
pub fn AfterReportForm(id: String, plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class="festival__report" on:submit=|ev| ev.prevent_default() data-testid="after-report">
            {whole_input(
                id.clone(),
                plan,
                "festival-r-participants".into(),
                tr!(i18n, festival_participants).into_any(),
                |p| p.report.participants,
                |p, v| p.report.participants = v,
            )}
            {whole_input(
                id.clone(),
                plan,
                "festival-r-gifts".into(),
                tr!(i18n, festival_gifts).into_any(),
                |p| p.report.gifts,
                |p, v| p.report.gifts = v,
            )}
            {whole_input(
                id.clone(),
                plan,
                "festival-r-gifts-value".into(),
                tr!(i18n, festival_gifts_value).into_any(),
                |p| p.report.gifts_value,
                |p, v| p.report.gifts_value = v,
            )}
            {whole_input(
                id.clone(),
                plan,
                "festival-r-models".into(),
                tr!(i18n, festival_models).into_any(),
                |p| p.report.models_launched,
                |p, v| p.report.models_launched = v,
            )}
            {whole_input(
                id.clone(),
                plan,
                "festival-r-commitments".into(),
                tr!(i18n, festival_commitments).into_any(),
                |p| p.report.commitments_signed,
                |p, v| p.report.commitments_signed = v,
            )}
            <div class="festival__narratives">
                {text_input(
                    id.clone(),
                    plan,
                    "festival-r-propaganda".into(),
                    tr!(i18n, festival_propaganda).into_any(),
                    |p| p.report.propaganda.clone(),
                    |p, v| p.report.propaganda = v,
                    "textarea",
                )}
                {text_input(
                    id.clone(),
                    plan,
                    "festival-r-well".into(),
                    tr!(i18n, festival_went_well).into_any(),
                    |p| p.report.went_well.clone(),
                    |p, v| p.report.went_well = v,
                    "textarea",
                )}
                {text_input(
                    id.clone(),
                    plan,
                    "festival-r-lessons".into(),
                    tr!(i18n, festival_lessons).into_any(),
                    |p| p.report.lessons.clone(),
                    |p, v| p.report.lessons = v,
                    "textarea",
                )}
            </div>
        </form>
    }
}
