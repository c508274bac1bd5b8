//! Editing a local criteria set: labels, statuses, kinds and thresholds,
//! adding and removing items. Nothing is saved until the core's checks pass.

use leptos::prelude::*;

use crate::domain::criteria::{
    CriteriaSet, Indicator, IndicatorAt as At, IndicatorKind, SetRef, Text, Verification,
};
use crate::format::criteria::validated;
use crate::format::Problem;
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::choice::{named_options, named_value, named_variant, Choice};
use crate::ui::widgets::field::Check;
use crate::ui::widgets::field::Input;
use crate::ui::words::messages;

#[component]
pub fn SetEditor(
    draft: CriteriaSet,
    editing: RwSignal<Option<CriteriaSet>>,
    selected: RwSignal<Option<SetRef>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let original = draft.key();
    let draft = RwSignal::new(draft);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let layout = Memo::new(move |_| draft.with(CriteriaSet::shape));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validated(draft.get_untracked()) {
            Ok(valid) => {
                let key = valid.key();
                let _ = state.edit(|ws| {
                    if key != original {
                        ws.remove_criteria_set(&original);
                    }
                    ws.put_criteria_set(valid);
                    Ok::<(), ()>(())
                });
                problems.set(Vec::new());
                editing.set(None);
                selected.set(Some(key));
            }
            Err(found) => problems.set(found),
        }
    };

    view! {
        <form class="set-editor" on:submit=save novalidate data-testid="set-editor">
            <h3>{tr!(i18n, editor_title)}</h3>
            {Input::new(
                    "set-title",
                    tr!(i18n, editor_set_title),
                    "text",
                    move || draft.with(|d| d.title.vi.clone()),
                    move |v| draft.update(|d| d.title.vi = v),
                )
                .view()}
            {move || {
                layout
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(g, criteria)| {
                        let group_label = draft
                            .with_untracked(|d| d.groups.get(g).map(|x| x.label.vi.clone()).unwrap_or_default());
                        view! {
                            <fieldset class="set-editor__group">
                                <legend>{group_label}</legend>
                                {criteria
                                    .into_iter()
                                    .enumerate()
                                    .map(|(c, indicators)| {
                                        view! {
                                            <CriterionEditor
                                                draft=draft
                                                group=g
                                                criterion=c
                                                indicators=indicators.len()
                                            />
                                        }
                                    })
                                    .collect_view()}
                                <button
                                    type="button"
                                    class="button button--small"
                                    on:click=move |_| {
                                        draft
                                            .update(|d| {
                                                d.add_criterion(g, Text::vi(t_string!(i18n, editor_new_criterion)));
                                            })
                                    }
                                >
                                    {tr!(i18n, editor_add_criterion)}
                                </button>
                            </fieldset>
                        }
                    })
                    .collect_view()
            }}
            {move || {
                let found = problems.get();
                (!found.is_empty())
                    .then(|| {
                        let count = found.len();
                        view! {
                            <div class="banner banner--error" role="alert" data-testid="editor-problems">
                                <p class="banner__title">{tp!(i18n, editor_invalid, count)}</p>
                                <ul class="banner__list">
                                    {found
                                        .iter()
                                        .map(|p| view! { <li>{messages::problem(i18n, p)}</li> })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            <div class="set-editor__actions">
                <button type="submit" class="button button--primary">
                    {tr!(i18n, editor_save)}
                </button>
                <button type="button" class="button" on:click=move |_| editing.set(None)>
                    {tr!(i18n, editor_cancel)}
                </button>
            </div>
        </form>
    }
}

#[component]
fn CriterionEditor(
    draft: RwSignal<CriteriaSet>,
    group: usize,
    criterion: usize,
    indicators: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let label_id = format!("criterion-{group}-{criterion}");
    let add = move |_| {
        draft.update(|d| {
            d.add_indicator(
                group,
                criterion,
                Text::vi(t_string!(i18n, editor_new_indicator)),
            );
        })
    };
    view! {
        <div class="set-editor__criterion">
            {Input::new(
                    label_id,
                    tr!(i18n, editor_criterion_label),
                    "text",
                    move || {
                        draft.with(|d| d.criterion_at(group, criterion).map(|c| c.label.vi.clone()).unwrap_or_default())
                    },
                    move |value| {
                        draft
                            .update(|d| {
                                if let Some(c) = d.criterion_at_mut(group, criterion) {
                                    c.label.vi = value;
                                }
                            })
                    },
                )
                .view()}
            {(0..indicators)
                .map(|i| {
                    view! {
                        <IndicatorEditor
                            draft=draft
                            at=At {
                                group,
                                criterion,
                                indicator: i,
                            }
                        />
                    }
                })
                .collect_view()} <button type="button" class="button button--small" on:click=add>
                {tr!(i18n, editor_add_indicator)}
            </button>
        </div>
    }
}

#[component]
fn IndicatorEditor(draft: RwSignal<CriteriaSet>, at: At) -> impl IntoView {
    let i18n = use_i18n();
    let prefix = format!("indicator-{}-{}-{}", at.group, at.criterion, at.indicator);
    let field = move |f: fn(&Indicator) -> String| {
        move || draft.with(|d| d.indicator_at(at).map(f).unwrap_or_default())
    };
    let change = move |apply: Box<dyn Fn(&mut Indicator)>| {
        draft.update(|d| {
            if let Some(indicator) = d.indicator_at_mut(at) {
                apply(indicator);
            }
        })
    };
    let kind_code =
        move || draft.with(|d| d.indicator_at(at).map(|i| i.kind.code()).unwrap_or("note"));
    let current_kind =
        draft.with_untracked(|d| d.indicator_at(at).map(|i| i.kind.code()).unwrap_or("note"));
    let threshold =
        move || draft.with(|d| d.indicator_at(at).and_then(|i| i.kind.threshold_text()));
    let set_threshold =
        move |value: String| change(Box::new(move |i| i.kind.set_threshold(&value)));
    let remove = move |_| {
        draft.update(|d| {
            d.remove_indicator(at);
        })
    };
    let id_field = format!("{prefix}-id");
    let label_field = format!("{prefix}-label");
    let kind_field = format!("{prefix}-kind");
    let threshold_field = format!("{prefix}-threshold");
    let status_field = format!("{prefix}-status");
    let na_field = format!("{prefix}-na");
    let equal_field = format!("{prefix}-equal");
    view! {
        <div class="set-editor__indicator" data-indicator-index=at.indicator>
            <div class="field field--narrow">
                <label for=id_field.clone()>{tr!(i18n, editor_indicator_id)}</label>
                <input
                    id=id_field
                    type="text"
                    prop:value=field(|i| i.id.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        change(Box::new(move |i| i.id = value.clone()))
                    }
                />
            </div>
            {Input::new(
                    label_field,
                    tr!(i18n, editor_indicator_label),
                    "text",
                    field(|i| i.label.vi.clone()),
                    move |value| change(Box::new(move |i| i.label.vi = value.clone())),
                )
                .view()}
            <div class="field">
                <label for=kind_field.clone()>{tr!(i18n, editor_kind)}</label>
                <select
                    id=kind_field
                    prop:value=kind_code
                    on:change=move |ev| {
                        if let Some(kind) = IndicatorKind::starting(&event_target_value(&ev)) {
                            change(Box::new(move |i| i.kind = kind.clone()))
                        }
                    }
                >
                    {(!IndicatorKind::EDITABLE.contains(&current_kind))
                        .then(|| {
                            let kind = draft.with_untracked(|d| d.indicator_at(at).map(|i| i.kind.clone()));
                            view! {
                                <option value=current_kind selected=true>
                                    {kind.map(|k| crate::ui::words::reasons::kind(i18n, &k))}
                                </option>
                            }
                        })}
                    {IndicatorKind::EDITABLE
                        .into_iter()
                        .map(|code| {
                            let sample = IndicatorKind::starting(code).expect("an editable kind has a start");
                            view! {
                                <option value=code selected=move || kind_code() == code>
                                    {match code {
                                        "number" => tr!(i18n, editor_kind_number).into_any(),
                                        "percent" => tr!(i18n, editor_kind_percent).into_any(),
                                        "points" => tr!(i18n, kind_points_unknown).into_any(),
                                        _ => crate::ui::words::reasons::kind(i18n, &sample),
                                    }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {move || {
                threshold()
                    .map(|_| {
                        let threshold_field = threshold_field.clone();
                        view! {
                            <div class="field field--narrow">
                                <label for=threshold_field.clone()>{tr!(i18n, editor_threshold)}</label>
                                <input
                                    id=threshold_field
                                    type="number"
                                    inputmode="numeric"
                                    prop:value=move || threshold().unwrap_or_default()
                                    on:change=move |ev| set_threshold(event_target_value(&ev))
                                />
                            </div>
                        }
                    })
            }}
            {move || {
                (kind_code() == "trend")
                    .then(|| {
                        let equal_field = equal_field.clone();
                        Check::new(
                                equal_field,
                                tr!(i18n, editor_allow_equal),
                                move || {
                                    draft
                                        .with(|d| {
                                            matches!(
                                                d.indicator_at(at).map(|i| &i.kind),
                                                Some(IndicatorKind::Trend { allow_equal: true, .. })
                                            )
                                        })
                                },
                                move |on| change(
                                    Box::new(move |i| {
                                        if let IndicatorKind::Trend { allow_equal, .. } = &mut i.kind {
                                            *allow_equal = on;
                                        }
                                    }),
                                ),
                            )
                            .view()
                    })
            }}
            {Choice::new(
                    status_field,
                    tr!(i18n, editor_status),
                    move || draft.with(|d| d.indicator_at(at).map(|i| named_value(i.status))).unwrap_or_default(),
                    move || named_options(|status| {
                        match status {
                            Verification::Confirmed => t_string!(i18n, status_confirmed),
                            Verification::Partial => t_string!(i18n, status_partial),
                            Verification::Unconfirmed => t_string!(i18n, status_unconfirmed),
                        }
                            .into()
                    }),
                    move |v| {
                        if let Some(status) = named_variant::<Verification>(&v) {
                            change(Box::new(move |i| i.status = status))
                        }
                    },
                )
                .view()}
            {Check::new(
                    na_field,
                    tr!(i18n, editor_na),
                    move || draft.with(|d| d.indicator_at(at).is_some_and(|i| i.na_allowed)),
                    move |on| change(Box::new(move |i| i.na_allowed = on)),
                )
                .view()}
            <button type="button" class="button button--small button--danger" on:click=remove>
                {tr!(i18n, editor_remove)}
            </button>
        </div>
    }
}
