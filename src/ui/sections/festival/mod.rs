//! Ngày hội: plan, run and report a unit's festival for a year.

mod lists;
mod outputs;

use leptos::prelude::*;

use crate::domain::calendar::{Date, MonthDay};
use crate::domain::festival::{
    parse_time, time_text, FestivalKind, FestivalPlan, PlanWarning, WindowError,
};
use crate::platform::{clock, ids};
use crate::support::numbers::parse_whole;
use crate::ui::i18n::*;
use crate::ui::shell::state::{use_app_state, AppState};
use crate::ui::widgets::choice::{named_options, named_value, named_variant};
use crate::ui::widgets::field::Check;
use crate::ui::widgets::When;
use crate::ui::words::messages;

/// The plan with this id, kept in step with the workspace.
pub type PlanMemo = Memo<Option<FestivalPlan>>;

/// Applies a change to the plan and saves it.
pub fn edit(id: &str, change: impl FnOnce(&mut FestivalPlan)) {
    let mut change = Some(change);
    edit_erased(id, &mut |plan| {
        if let Some(change) = change.take() {
            change(plan)
        }
    });
}

fn edit_erased(id: &str, change: &mut dyn FnMut(&mut FestivalPlan)) {
    let state = use_app_state();
    let _ = state.edit(|ws| {
        if ws.edit_festival_plan(id, change) {
            Ok(())
        } else {
            Err(())
        }
    });
}

/// Reads one field of the plan, for an input bound to it.
pub type Read<T> = std::sync::Arc<dyn Fn(&FestivalPlan) -> T + Send + Sync>;
/// Writes one field of the plan from an input's value.
pub type Write<T> = std::sync::Arc<dyn Fn(&mut FestivalPlan, T) + Send + Sync>;

/// A labelled text input bound to one field of the plan.
pub fn text_input(
    id: String,
    plan: PlanMemo,
    field: String,
    label: AnyView,
    read: impl Fn(&FestivalPlan) -> String + Send + Sync + 'static,
    write: impl Fn(&mut FestivalPlan, String) + Send + Sync + 'static,
    kind: &'static str,
) -> AnyView {
    Bound::new(id, plan, field, label, read, write).input(kind)
}

/// A labelled select bound to one field of the plan, by the value of its
/// options.
pub fn choice_input(
    id: String,
    plan: PlanMemo,
    field: String,
    label: AnyView,
    options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    read: impl Fn(&FestivalPlan) -> String + Send + Sync + 'static,
    write: impl Fn(&mut FestivalPlan, String) + Send + Sync + 'static,
) -> AnyView {
    Bound::new(id, plan, field, label, read, write).choice(std::sync::Arc::new(options))
}

/// A labelled field of a whole number of 0 or more (an amount in đồng, a
/// count, minutes), typed as people write it ("1.500.000"); anything else
/// is refused with its reason.
pub fn whole_input(
    id: String,
    plan: PlanMemo,
    field: String,
    label: AnyView,
    read: impl Fn(&FestivalPlan) -> Option<u64> + Send + Sync + 'static,
    write: impl Fn(&mut FestivalPlan, Option<u64>) + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    let mut bound = Bound::new(
        id,
        plan,
        field,
        label,
        move |p| read(p).map(|v| v.to_string()).unwrap_or_default(),
        move |p, text| {
            if let Ok(value) = parse_whole(&text) {
                write(p, value)
            }
        },
    );
    bound.refuse = Some(std::sync::Arc::new(move |text: &str| {
        parse_whole(text)
            .err()
            .map(|error| messages::whole_refused(i18n, text, error))
    }));
    bound.numeric = true;
    bound.input("text")
}

/// A field of the plan and its labelled control. The field's accessors are
/// taken as trait objects, so every input of the festival shares one view
/// type and one copy of its code, and so does every select.
pub struct Bound {
    id: String,
    plan: PlanMemo,
    field: String,
    label: AnyView,
    read: Read<String>,
    write: Write<String>,
    refuse: Option<crate::ui::widgets::field::Refuse>,
    problem: Option<crate::ui::widgets::field::Problem>,
    numeric: bool,
    wide: bool,
}

impl Bound {
    pub fn new(
        id: String,
        plan: PlanMemo,
        field: String,
        label: AnyView,
        read: impl Fn(&FestivalPlan) -> String + Send + Sync + 'static,
        write: impl Fn(&mut FestivalPlan, String) + Send + Sync + 'static,
    ) -> Self {
        Bound {
            id,
            plan,
            field,
            label,
            read: std::sync::Arc::new(read),
            write: std::sync::Arc::new(write),
            refuse: None,
            problem: None,
            numeric: false,
            wide: false,
        }
    }

    /// The field's value as the plan holds it now (tracked).
    fn value(&self) -> impl Fn() -> String + Send + Sync + 'static {
        let (plan, read) = (self.plan, self.read.clone());
        move || plan.with(|p| p.as_ref().map(|p| read(p)).unwrap_or_default())
    }

    /// Writes a value typed or chosen into the plan, and saves it.
    fn changed(&self) -> impl Fn(String) + Send + Sync + 'static {
        let (id, write) = (self.id.clone(), self.write.clone());
        move |value| {
            let write = write.clone();
            edit(&id, move |p| write(p, value))
        }
    }

    /// A line of text that takes a row of its own in a list (a programme
    /// item, a task's name).
    pub fn wide(mut self) -> Self {
        self.wide = true;
        self
    }

    /// Refuses what `refuse` gives a reason for, saying why beside the field.
    pub fn refusing(
        mut self,
        refuse: impl Fn(&str) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.refuse = Some(std::sync::Arc::new(refuse));
        self
    }

    /// Says beside the field what is wrong with the value it holds.
    pub fn problem(mut self, problem: impl Fn() -> Option<String> + Send + Sync + 'static) -> Self {
        self.problem = Some(std::sync::Arc::new(problem));
        self
    }

    pub fn input(self, kind: &'static str) -> AnyView {
        crate::ui::widgets::field::Input {
            value: std::sync::Arc::new(self.value()),
            changed: std::sync::Arc::new(self.changed()),
            field: self.field,
            label: self.label,
            kind,
            disabled: None,
            count: false,
            numeric: self.numeric,
            refuse: self.refuse,
            problem: self.problem,
            wide: self.wide,
        }
        .view()
    }

    fn choice(self, options: crate::ui::widgets::choice::Options) -> AnyView {
        crate::ui::widgets::choice::Choice {
            value: std::sync::Arc::new(self.value()),
            changed: std::sync::Arc::new(self.changed()),
            field: self.field,
            label: self.label,
            options,
            disabled: None,
            testid: None,
        }
        .view()
    }
}

fn plan_for(state: AppState, year: i32) -> Option<String> {
    state.workspace.with(|ws| {
        let unit = ws.active_unit_id()?;
        ws.festival_plans()
            .iter()
            .find(|p| &p.unit == unit && p.year == year)
            .map(|p| p.id.clone())
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    General,
    Committee,
    Programme,
    Tasks,
    Budget,
    Guests,
    Report,
    Outputs,
}

#[component]
pub fn FestivalSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let year = RwSignal::new(clock::today_date().year());
    let use_template = RwSignal::new(true);
    // Only a change of plan re-creates the view; edits inside it do not.
    let current = Memo::new(move |_| plan_for(state, year.get()));
    let current = move || current.get();
    let has_unit = Memo::new(move |_| state.workspace.with(|ws| ws.active_unit().is_some()));
    let has_unit = move || has_unit.get();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(unit) = state
            .workspace
            .with_untracked(|ws| ws.active_unit_id().cloned())
        else {
            return;
        };
        let y = year.get_untracked();
        let title = format!("{} {y}", t_string!(i18n, festival_default_title_prefix));
        let mut plan = FestivalPlan::new(ids::new_id("nh"), unit, y, title);
        if use_template.get_untracked() {
            crate::catalog::festival_template()
                .apply(&mut plan, state.prefs.with_untracked(|p| p.language));
        }
        if state.edit(|ws| ws.add_festival_plan(plan)).is_ok() {
            // The plan opens in place of the form: go to its heading.
            crate::ui::widgets::focus::focus_id_soon("festival-heading".into());
        }
    };
    view! {
        <When
            when=has_unit
            fallback=move || {
                view! {
                    <p>
                        <a href="#/tong-quan">{tr!(i18n, festival_no_unit)}</a>
                    </p>
                }
            }
        >
            <div class="field field--narrow screen-only">
                <label for="festival-year">{tr!(i18n, festival_year)}</label>
                <input
                    id="festival-year"
                    type="number"
                    inputmode="numeric"
                    prop:value=move || year.get().to_string()
                    on:input=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse() {
                            year.set(y)
                        }
                    }
                />
            </div>
            {move || match current() {
                Some(id) => view! { <PlanView id=id /> }.into_any(),
                None => {
                    view! {
                        <form class="start-form" on:submit=create data-testid="festival-create">
                            <h2>{tr!(i18n, festival_create_title)}</h2>
                            {Check::new(
                                    "festival-template",
                                    tr!(i18n, festival_use_template),
                                    move || use_template.get(),
                                    move |on| use_template.set(on),
                                )
                                .view()}
                            <button type="submit" class="button button--primary">
                                {tr!(i18n, festival_create)}
                            </button>
                        </form>
                    }
                        .into_any()
                }
            }}
        </When>
    }
}

#[component]
fn PlanView(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let plan: PlanMemo = {
        let id = id.clone();
        Memo::new(move |_| state.workspace.with(|ws| ws.festival_plan(&id).cloned()))
    };
    let tab = RwSignal::new(Tab::General);
    let tabs = crate::ui::widgets::tabs::Tabs {
        prefix: "festival",
        selected: tab,
        all: vec![
            Tab::General,
            Tab::Committee,
            Tab::Programme,
            Tab::Tasks,
            Tab::Budget,
            Tab::Guests,
            Tab::Report,
            Tab::Outputs,
        ],
    };
    let panel_label = tabs.panel_label();
    view! {
        <article class="festival" data-testid="festival-plan">
            <div class="screen-only">
                <h2 id="festival-heading" tabindex="-1">
                    {move || plan.with(|p| p.as_ref().map(|p| p.title.clone()))}
                </h2>
                <Countdown plan=plan />
                <Warnings plan=plan />
                {tabs
                    .list(
                        "tabs",
                        vec![
                            tr!(i18n, festival_tab_general).into_any(),
                            tr!(i18n, festival_tab_committee).into_any(),
                            tr!(i18n, festival_tab_programme).into_any(),
                            tr!(i18n, festival_tab_tasks).into_any(),
                            tr!(i18n, festival_tab_budget).into_any(),
                            tr!(i18n, festival_tab_guests).into_any(),
                            tr!(i18n, festival_tab_report).into_any(),
                            tr!(i18n, festival_tab_outputs).into_any(),
                        ],
                    )}
            </div>
            <div role="tabpanel" id="festival-panel" aria-labelledby=panel_label>
                {move || {
                    let id = id.clone();
                    match tab.get() {
                        Tab::General => view! { <General id=id plan=plan /> }.into_any(),
                        Tab::Committee => view! { <lists::Committee id=id plan=plan /> }.into_any(),
                        Tab::Programme => view! { <lists::Programme id=id plan=plan /> }.into_any(),
                        Tab::Tasks => view! { <lists::Tasks id=id plan=plan /> }.into_any(),
                        Tab::Budget => view! { <lists::Budget id=id plan=plan /> }.into_any(),
                        Tab::Guests => view! { <lists::Guests id=id plan=plan /> }.into_any(),
                        Tab::Report => view! { <lists::AfterReportForm id=id plan=plan /> }.into_any(),
                        Tab::Outputs => view! { <outputs::Outputs plan=plan /> }.into_any(),
                    }
                }}
            </div>
        </article>
    }
}

/// "Còn 12 ngày đến Ngày hội", "… hôm nay", or how long ago it was.
pub fn countdown_text(i18n: crate::ui::i18n::I18n, days: i64) -> AnyView {
    match days {
        d if d > 0 => tp!(i18n, festival_countdown, days = d).into_any(),
        0 => tr!(i18n, festival_today).into_any(),
        d => tp!(i18n, festival_passed, days = -d).into_any(),
    }
}

#[component]
pub fn Countdown(plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let days = move || plan.with(|p| p.as_ref().and_then(|p| p.countdown(clock::today_date())));
    view! {
        <p class="festival__countdown" data-testid="countdown">
            {move || days().map(|days| countdown_text(i18n, days))}
        </p>
    }
}

/// Why a typed time of day is refused; an empty one clears it.
pub fn refused_time(i18n: I18n, text: &str) -> Option<String> {
    (!text.trim().is_empty() && parse_time(text).is_none())
        .then(|| messages::time_refused(i18n, text))
}

/// What is wrong with the plan's date: outside the window, or another year.
fn date_problem_text(i18n: I18n, p: &FestivalPlan) -> Option<String> {
    let (date, problem) = (p.date?, p.date_problem()?);
    let date = date.vietnamese();
    Some(match problem {
        WindowError::Outside { from, to } => {
            let (from, to) = (from.vietnamese(), to.vietnamese());
            tp!(i18n, festival_outside, date, from, to).get()
        }
        WindowError::OtherYear { year } => tp!(i18n, festival_other_year, year).get(),
    })
}

#[component]
fn Warnings(plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let lines = move || {
        let Some(p) = plan.get() else {
            return Vec::new();
        };
        let mut out: Vec<AnyView> = Vec::new();
        if let Some(problem) = date_problem_text(i18n, &p) {
            out.push(problem.into_any());
        }
        let warnings = state.workspace.with(|ws| {
            p.warnings(
                ws.festival_plans().iter(),
                crate::catalog::festival_template(),
            )
        });
        for warning in warnings {
            out.push(match warning {
                PlanWarning::SameDay { unit } => {
                    let unit = state.workspace.with(|ws| {
                        ws.units()
                            .get(&unit)
                            .map(|u| u.name.clone())
                            .unwrap_or_default()
                    });
                    tp!(i18n, festival_same_day, unit).into_any()
                }
                PlanWarning::KeyTaskAfter { task } => {
                    let task = p
                        .tasks
                        .iter()
                        .find(|t| t.id == task)
                        .map(|t| t.title.clone())
                        .unwrap_or(task);
                    tp!(i18n, festival_key_after, task).into_any()
                }
                PlanWarning::Clash { first, second } => {
                    let name = |id: &str| {
                        p.programme
                            .iter()
                            .find(|i| i.id == id)
                            .map(|i| i.item.clone())
                            .unwrap_or_default()
                    };
                    let (first, second) = (name(&first), name(&second));
                    tp!(i18n, festival_clash, first, second).into_any()
                }
            });
        }
        out
    };
    view! {
        <div role="status" data-testid="festival-warnings">
            {move || {
                let lines = lines();
                (!lines.is_empty())
                    .then(|| {
                        view! {
                            <ul class="banner banner--error festival__warnings">
                                {lines.into_iter().map(|l| view! { <li>"⚠ " {l}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
        </div>
    }
}

#[component]
fn General(id: String, plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    // The date is kept when outside the window, and the field says why it
    // is a problem; a time or a window that cannot be read is refused.
    let date_problem = move || {
        let p = plan.get()?;
        date_problem_text(i18n, &p)
    };
    let window_id = id.clone();
    let window_field = move |field: &str, label: AnyView, from: bool| {
        let mut bound = Bound::new(
            window_id.clone(),
            plan,
            field.into(),
            label,
            move |p| if from { p.window.from } else { p.window.to }.text(),
            move |p, v| {
                if let Some(md) = MonthDay::parse(&v) {
                    if from {
                        p.window.from = md
                    } else {
                        p.window.to = md
                    }
                }
            },
        );
        bound = bound.refusing(move |text: &str| {
            let Some(md) = MonthDay::parse(text) else {
                return Some(messages::month_day_refused(i18n, text));
            };
            let window = plan.get_untracked()?.window;
            let (from, to) = if from {
                (md, window.to)
            } else {
                (window.from, md)
            };
            (from > to).then(|| {
                let (from, to) = (from.text(), to.text());
                tp!(i18n, field_window_order, from, to).get_untracked()
            })
        });
        bound.input("text")
    };
    let date = Bound::new(
        id.clone(),
        plan,
        "festival-date".into(),
        tr!(i18n, festival_date).into_any(),
        |p| p.date.map(|d| d.iso()).unwrap_or_default(),
        |p, v| p.set_date(Date::parse_iso(&v), crate::catalog::festival_template()),
    )
    .problem(date_problem);
    let time = Bound::new(
        id.clone(),
        plan,
        "festival-time".into(),
        tr!(i18n, festival_time).into_any(),
        |p| p.time.map(time_text).unwrap_or_default(),
        |p, v| p.time = parse_time(&v),
    )
    .refusing(move |text| refused_time(i18n, text))
    .input("text");
    view! {
        <form class="festival__general" on:submit=|ev| ev.prevent_default()>
            {text_input(
                id.clone(),
                plan,
                "festival-title".into(),
                tr!(i18n, festival_plan_title).into_any(),
                |p| p.title.clone(),
                |p, v| p.title = v,
                "text",
            )}
            {choice_input(
                id.clone(),
                plan,
                "festival-kind".into(),
                tr!(i18n, festival_kind).into_any(),
                move || named_options(|kind| {
                    match kind {
                        FestivalKind::Ordinary => t_string!(i18n, festival_kind_ordinary),
                        FestivalKind::Model => t_string!(i18n, festival_kind_model),
                    }
                        .into()
                }),
                |p| named_value(p.kind),
                |p, v| {
                    if let Some(kind) = named_variant(&v) {
                        p.kind = kind;
                    }
                },
            )}
            {date.input("date")}
            {time}
            {text_input(
                id.clone(),
                plan,
                "festival-venue".into(),
                tr!(i18n, festival_venue).into_any(),
                |p| p.venue.clone(),
                |p, v| p.venue = v,
                "text",
            )}
            {window_field("festival-window-from", tr!(i18n, festival_window_from).into_any(), true)}
            {window_field("festival-window-to", tr!(i18n, festival_window_to).into_any(), false)}
        </form>
    }
}
