//! Creating, renaming and deleting the units this browser works for.

use leptos::html;
use leptos::prelude::*;

use crate::domain::unit::UnitFields;
use crate::domain::{Scope, Unit, UnitError, UnitId, UnitKind};
use crate::platform::first_screen;
use crate::platform::ids::new_unit_id;
use crate::ui::i18n::*;
use crate::ui::shell::split::{split, then, NotLoaded};
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::choice::{named_options, named_value, named_variant, option, Choice};
use crate::ui::widgets::When;
use crate::ui::words::messages;

/// What the last action did, announced to screen readers and shown in words.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Announcement {
    None,
    Added(String),
    Updated(String),
    Deleted(String),
    Failed(UnitError),
}

fn announce(i18n: crate::ui::i18n::I18n, what: Announcement) -> AnyView {
    match what {
        Announcement::None => ().into_any(),
        Announcement::Added(name) => tp!(i18n, unit_added, name).into_any(),
        Announcement::Updated(name) => tp!(i18n, unit_updated, name).into_any(),
        Announcement::Deleted(name) => tp!(i18n, unit_deleted, name).into_any(),
        Announcement::Failed(err) => messages::unit_error(i18n, &err),
    }
}

/// Out of TT 124's scope or not counted by the commune, or the facts still
/// to state: a line under the unit's name, in words, never a colour alone.
fn scope_note(i18n: crate::ui::i18n::I18n, unit: &Unit, under_commune: bool) -> Option<AnyView> {
    if let Some(why) = unit.scope.not_counted(unit.kind) {
        let why = crate::ui::words::reasons::exclusion(i18n, why);
        return Some(
            view! {
                <p class="unit-list__scope" data-testid="unit-out-of-scope">
                    {tp!(i18n, scope_not_counted, why)}
                </p>
            }
            .into_any(),
        );
    }
    let missing = unit.scope.missing(unit.kind, under_commune);
    (!missing.is_empty()).then(|| {
        view! {
            <p class="unit-list__scope" data-testid="unit-scope-missing">
                {tr!(i18n, scope_fill_prompt)}
            </p>
        }
        .into_any()
    })
}

/// The list of units with the form to add or edit one.
#[component]
pub fn UnitsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let editing = RwSignal::new(None::<UnitId>);
    let announcement = RwSignal::new(Announcement::None);
    let count = move || state.workspace.with(|ws| ws.units().len());
    view! {
        <section class="units" aria-labelledby="units-title">
            <h2 id="units-title">{tr!(i18n, units_title)}</h2>
            <p class="units__status" role="status" aria-live="polite" data-testid="units-status">
                {move || announce(i18n, announcement.get())}
            </p>
            <UnitForm editing=editing announcement=announcement />
            <When
                when=move || { count() > 0 }
                fallback=move || view! { <p class="units__empty">{tr!(i18n, units_empty)}</p> }
            >
                <p class="units__count">{tp!(i18n, units_count, count = count())}</p>
                <UnitList editing=editing announcement=announcement />
            </When>
        </section>
    }
}

#[component]
fn UnitForm(
    editing: RwSignal<Option<UnitId>>,
    announcement: RwSignal<Announcement>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // What was done on index.html's static form, before this code came, is
    // this form's: its fields, its focus, and a submit waiting for the app.
    let typed = first_screen::take_typed().unwrap_or_default();
    let name = RwSignal::new(typed.value("unit-name").unwrap_or_default().to_owned());
    let kind = RwSignal::new(
        typed
            .value("unit-kind")
            .and_then(UnitKind::from_code)
            .unwrap_or(UnitKind::ResidentialArea),
    );
    let above = RwSignal::new(typed.value("unit-above").unwrap_or_default().to_owned());
    let parent = RwSignal::new(String::new());
    let scope = RwSignal::new(Scope::default());
    let error = RwSignal::new(None::<UnitError>);
    let name_input = NodeRef::<html::Input>::new();

    // Choosing a unit to edit fills the form with its fields.
    Effect::new(move |_| {
        let Some(id) = editing.get() else { return };
        let found = state
            .workspace
            .with_untracked(|ws| ws.units().get(&id).cloned());
        if let Some(unit) = found {
            name.set(unit.name);
            kind.set(unit.kind);
            above.set(unit.above);
            scope.set(unit.scope);
            parent.set(
                unit.parent
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default(),
            );
            error.set(None);
            if let Some(input) = name_input.get_untracked() {
                let _ = input.focus();
            }
        }
    });

    let reset = move || {
        name.set(String::new());
        // The parent resets, and the kind with it: the next unit added after a
        // commune is a village again unless the user says otherwise.
        kind.set(UnitKind::ResidentialArea);
        above.set(String::new());
        parent.set(String::new());
        scope.set(Scope::default());
        error.set(None);
        editing.set(None);
    };

    let commit = move || {
        let fields = UnitFields {
            name: name.get_untracked(),
            kind: kind.get_untracked(),
            above: above.get_untracked(),
            parent: Some(parent.get_untracked())
                .filter(|p| !p.is_empty())
                .map(UnitId::new),
            scope: scope.get_untracked(),
        };
        let result = match editing.get_untracked() {
            Some(id) => state
                .edit(|ws| ws.update_unit(&id, fields))
                .map(|()| Announcement::Updated(name_of(&id))),
            None => {
                let id = new_unit_id();
                state
                    .edit(|ws| ws.add_unit(id.clone(), fields))
                    .map(|()| Announcement::Added(name_of(&id)))
            }
        };
        match result {
            Ok(message) => {
                announcement.set(message);
                reset();
                // Ready for the next unit.
                if let Some(input) = name_input.get_untracked() {
                    let _ = input.focus();
                }
            }
            Err(err) => {
                error.set(Some(err));
                if let Some(input) = name_input.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        commit();
    };
    // Once the form is in the page: it is mounted a tick or so after it is
    // built, still in the same task, before any input event could come.
    if typed.submitted || typed.focus.is_some() {
        leptos::task::spawn_local_scoped(async move {
            for _ in 0..8 {
                if name_input
                    .get_untracked()
                    .is_some_and(|input| input.is_connected())
                {
                    break;
                }
                leptos::task::tick().await;
            }
            if typed.submitted {
                commit();
            } else if let Some(focus) = &typed.focus {
                first_screen::refocus(focus);
            }
        });
    }

    fn name_of(id: &UnitId) -> String {
        use_app_state().workspace.with_untracked(|ws| {
            ws.units()
                .get(id)
                .map(|u| u.name.clone())
                .unwrap_or_default()
        })
    }

    let parent_options = move || {
        let current = editing.get();
        let mut options = vec![option("", t_string!(i18n, unit_parent_none))];
        state.workspace.with(|ws| {
            options.extend(
                ws.units()
                    .iter()
                    .filter(|unit| Some(&unit.id) != current.as_ref())
                    .map(|unit| option(unit.id.as_str(), &*unit.name)),
            )
        });
        options
    };

    view! {
        <form class="unit-form" on:submit=submit novalidate data-testid="unit-form">
            <h3 class="unit-form__title">
                {move || {
                    if editing.get().is_some() {
                        t_string!(i18n, unit_edit_title)
                    } else {
                        t_string!(i18n, unit_add_title)
                    }
                }}
            </h3>
            <div class="field">
                <label for="unit-name">{tr!(i18n, unit_name)}</label>
                <input
                    id="unit-name"
                    type="text"
                    autocomplete="off"
                    maxlength="400"
                    node_ref=name_input
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby="unit-error"
                />
            </div>
            {Choice::new(
                    "unit-kind",
                    tr!(i18n, unit_kind),
                    move || kind.get().code().into(),
                    move || UnitKind::ALL.into_iter().map(|k| option(k.code(), messages::unit_kind(i18n, k))).collect(),
                    move |v: String| {
                        if let Some(k) = UnitKind::from_code(&v) {
                            kind.set(k)
                        }
                    },
                )
                .view()}
            <div class="field">
                <label for="unit-above">{tr!(i18n, unit_above)}</label>
                <input
                    id="unit-above"
                    type="text"
                    autocomplete="off"
                    placeholder=move || t_string!(i18n, unit_above_hint)
                    prop:value=move || above.get()
                    on:input=move |ev| above.set(event_target_value(&ev))
                />
            </div>
            {Choice::new(
                    "unit-parent",
                    tr!(i18n, unit_parent),
                    move || parent.get(),
                    parent_options,
                    move |v| parent.set(v),
                )
                .view()}
            <ScopeFields kind=kind parent=parent scope=scope />
            <p id="unit-error" class="field__error" role="alert">
                {move || error.get().map(|err| messages::unit_error(i18n, &err))}
            </p>
            <div class="unit-form__actions">
                <button type="submit" class="button button--primary" data-testid="unit-submit">
                    {move || {
                        if editing.get().is_some() { t_string!(i18n, unit_save) } else { t_string!(i18n, unit_add) }
                    }}
                </button>
                <When when=move || editing.get().is_some()>
                    <button type="button" class="button" on:click=move |_| reset()>
                        {tr!(i18n, unit_cancel)}
                    </button>
                </When>
            </div>
        </form>
    }
}

/// The facts that decide whether TT 124 covers the unit and whether the
/// commune above counts it (`domain::scope`): each may stay "chưa khai báo".
#[component]
fn ScopeFields(
    kind: RwSignal<UnitKind>,
    parent: RwSignal<String>,
    scope: RwSignal<Scope>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unknown = move || option("", t_string!(i18n, scope_unknown));
    let yes_no = move || {
        vec![
            unknown(),
            option("true", t_string!(i18n, scope_yes)),
            option("false", t_string!(i18n, scope_no)),
        ]
    };
    let flag = |value: Option<bool>| value.map(|on| on.to_string()).unwrap_or_default();
    let read_flag = |value: &str| value.parse::<bool>().ok();
    view! {
        <When when=move || {
            kind.get() == UnitKind::School
        }>
            {Choice::new(
                    "unit-school-level",
                    tr!(i18n, scope_school_level),
                    move || scope.get().school_level.map(named_value).unwrap_or_default(),
                    move || {
                        let mut options = vec![unknown()];
                        options.extend(named_options(|level| messages::school_level(i18n, level)));
                        options
                    },
                    move |v: String| scope.update(|s| s.school_level = named_variant(&v)),
                )
                .view()}
        </When>
        <When when=move || {
            kind.get() == UnitKind::Enterprise
        }>
            {Choice::new(
                    "unit-enterprise-size",
                    tr!(i18n, scope_enterprise_size),
                    move || scope.get().enterprise_size.map(named_value).unwrap_or_default(),
                    move || {
                        let mut options = vec![unknown()];
                        options.extend(named_options(|size| messages::enterprise_size(i18n, size)));
                        options
                    },
                    move |v: String| scope.update(|s| s.enterprise_size = named_variant(&v)),
                )
                .view()}
        </When>
        <When when=move || {
            kind.get() == UnitKind::Agency
        }>
            {Choice::new(
                    "unit-armed-forces",
                    tr!(i18n, scope_armed_forces),
                    move || flag(scope.get().armed_forces),
                    yes_no,
                    move |v: String| scope.update(|s| s.armed_forces = read_flag(&v)),
                )
                .view()}
        </When>
        <When when=move || {
            !parent.get().is_empty() && !kind.get().is_commune_level()
        }>
            {Choice::new(
                    "unit-managed",
                    tr!(i18n, scope_managed),
                    move || flag(scope.get().managed),
                    yes_no,
                    move |v: String| scope.update(|s| s.managed = read_flag(&v)),
                )
                .view()}
        </When>
    }
}

#[component]
fn UnitList(
    editing: RwSignal<Option<UnitId>>,
    announcement: RwSignal<Announcement>,
) -> impl IntoView {
    let state = use_app_state();
    let confirming = RwSignal::new(None::<UnitId>);
    // Typed once, on every card made in this visit.
    let contact = RwSignal::new(String::new());
    let ids = move || {
        state
            .workspace
            .with(|ws| ws.units().iter().map(|u| u.id.clone()).collect::<Vec<_>>())
    };
    view! {
        <ul class="unit-list" data-testid="unit-list">
            <For each=ids key=|id| id.clone() let:id>
                <UnitRow id=id editing=editing confirming=confirming announcement=announcement contact=contact />
            </For>
        </ul>
    }
}

#[component]
fn UnitRow(
    id: UnitId,
    editing: RwSignal<Option<UnitId>>,
    confirming: RwSignal<Option<UnitId>>,
    announcement: RwSignal<Announcement>,
    contact: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let unit = {
        let id = id.clone();
        move || state.workspace.with(|ws| ws.units().get(&id).cloned())
    };
    let parent_name = {
        let unit = unit.clone();
        move || {
            let parent = unit().and_then(|u| u.parent)?;
            state
                .workspace
                .with(|ws| ws.units().get(&parent).map(|p| p.name.clone()))
        }
    };
    let children = {
        let id = id.clone();
        move || state.workspace.with(|ws| ws.units().children(&id).count())
    };
    let is_active = {
        let id = id.clone();
        move || state.workspace.with(|ws| ws.active_unit_id() == Some(&id))
    };
    let is_confirming = {
        let id = id.clone();
        move || confirming.get().as_ref() == Some(&id)
    };
    let confirm_button = NodeRef::<html::Button>::new();
    let unit_for_count = id.clone();
    Effect::new(move |_| {
        if let Some(button) = confirm_button.get() {
            let _ = button.focus();
        }
    });
    let edit = {
        let id = id.clone();
        move |_| editing.set(Some(id.clone()))
    };
    let ask_delete = {
        let id = id.clone();
        move |_| confirming.set(Some(id.clone()))
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let name = state.workspace.with_untracked(|ws| {
                ws.units()
                    .get(&id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default()
            });
            match state.edit(|ws| ws.remove_unit(&id)) {
                Ok(_) => {
                    announcement.set(Announcement::Deleted(name));
                    if editing.get_untracked().as_ref() == Some(&id) {
                        editing.set(None);
                    }
                }
                Err(err) => announcement.set(Announcement::Failed(err)),
            }
            confirming.set(None);
        }
    };
    let name_text = {
        let unit = unit.clone();
        move || unit().map(|u| u.name).unwrap_or_default()
    };
    let card_open = RwSignal::new(false);
    let card_made = RwSignal::new(String::new());
    let card_field = format!("unit-card-contact-{}", id.as_str());
    let download_card = {
        let id = id.clone();
        move |_| {
            let card = state.workspace.with_untracked(|ws| {
                crate::domain::rollup::UnitCard::of(ws, &id, &contact.get_untracked())
            });
            let Some(card) = card else { return };
            then(offer_unit_card(card), move |offered| {
                card_made.set(match offered {
                    Ok(Ok(name)) => tp!(i18n, unit_card_made, name).get_untracked(),
                    Ok(Err(error)) => error,
                    Err(NotLoaded) => tr!(i18n, part_not_loaded).get_untracked().to_owned(),
                })
            });
        }
    };
    view! {
        <li class="unit-list__item" data-unit-id=id.as_str().to_owned()>
            <div class="unit-list__main">
                <span class="unit-list__name">{name_text.clone()}</span>
                <When when=is_active.clone()>
                    <span class="badge">{tr!(i18n, unit_in_use)}</span>
                </When>
                <span class="unit-list__meta">
                    {
                        let unit = unit.clone();
                        move || unit().map(|u| messages::unit_kind(i18n, u.kind))
                    }
                    {
                        let unit = unit.clone();
                        move || { unit().map(|u| u.above).filter(|a| !a.is_empty()).map(|a| format!(" · {a}")) }
                    }
                    {
                        let parent_name = parent_name.clone();
                        move || {
                            parent_name()
                                .map(|name| {
                                    view! {
                                        " · "
                                        {tp!(i18n, unit_under, name)}
                                    }
                                })
                        }
                    }
                </span>
                {
                    let unit = unit.clone();
                    let parent_name = parent_name.clone();
                    move || unit().map(|u| scope_note(i18n, &u, parent_name().is_some()))
                }
            </div>
            <div class="unit-list__actions">
                {
                    let parent_name = parent_name.clone();
                    let name_text = name_text.clone();
                    move || {
                        parent_name()
                            .map(|_| {
                                let name_text = name_text.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="button button--small"
                                        aria-expanded=move || card_open.get().to_string()
                                        data-testid="unit-card"
                                        on:click=move |_| card_open.update(|o| *o = !*o)
                                    >
                                        {tr!(i18n, unit_card)}
                                        <span class="visually-hidden">" " {name_text()}</span>
                                    </button>
                                }
                            })
                    }
                } <button type="button" class="button button--small" on:click=edit>
                    {tr!(i18n, unit_edit)}
                    <span class="visually-hidden">" " {name_text.clone()}</span>
                </button> <button type="button" class="button button--small button--danger" on:click=ask_delete>
                    {tr!(i18n, unit_delete)}
                    <span class="visually-hidden">" " {name_text.clone()}</span>
                </button>
            </div>
            <When when=move || card_open.get()>
                <div class="unit-card" role="group" aria-label=t_string!(i18n, unit_card) data-testid="unit-card-panel">
                    <p class="muted">{tr!(i18n, unit_card_help)}</p>
                    <div class="field">
                        <label for=card_field.clone()>{tr!(i18n, unit_card_contact)}</label>
                        <input
                            id=card_field.clone()
                            type="text"
                            prop:value=move || contact.get()
                            on:input=move |ev| contact.set(event_target_value(&ev))
                        />
                    </div>
                    <button
                        type="button"
                        class="button"
                        on:click=download_card.clone()
                        data-testid="unit-card-download"
                    >
                        {tr!(i18n, unit_card_download)}
                    </button>
                    <p role="status" data-testid="unit-card-made">
                        {move || card_made.get()}
                    </p>
                </div>
            </When>
            <When when=is_confirming.clone()>
                <div class="confirm" role="group" aria-label=t_string!(i18n, unit_delete)>
                    <p>
                        {
                            let name_text = name_text.clone();
                            tp!(i18n, unit_delete_confirm, name = name_text())
                        }
                    </p>
                    {
                        let children = children.clone();
                        move || {
                            let count = children();
                            (count > 0).then(|| view! { <p>{tp!(i18n, unit_delete_children, count)}</p> })
                        }
                    }
                    {
                        let id = unit_for_count.clone();
                        move || {
                            let count = state
                                .workspace
                                .with(|ws| ws.assessments().iter().filter(|a| *a.unit() == id).count());
                            (count > 0)
                                .then(|| {
                                    view! {
                                        <p>
                                            <strong>{tp!(i18n, unit_delete_assessments, count)}</strong>
                                        </p>
                                    }
                                })
                        }
                    }
                    <button type="button" class="button button--danger" node_ref=confirm_button on:click=delete.clone()>
                        {tr!(i18n, unit_delete_yes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(None)>
                        {tr!(i18n, unit_cancel)}
                    </button>
                </div>
            </When>
        </li>
    }
}

// Writing a file (and reading it back before it is offered) is not what the
// overview opens with: its code comes with the unit cards' (overview/mod.rs).
split!(
    overview_later,
    fn offer_unit_card(card: crate::domain::rollup::UnitCard) -> Result<String, String> {
        let file = crate::format::exchange::export_unit_card(
            &card,
            &crate::ui::shell::export::now_stamp(),
        );
        crate::ui::shell::export::offer(&file).map(|()| file.file_name)
    }
);
