//! One criteria set, read-only: its source, its tree, its badges, and the
//! actions on it (copy, export, edit, delete).

use leptos::prelude::*;

use super::{find_set, with_library};
use crate::domain::criteria::{CriteriaSet, CriterionRule, SetRef};
use crate::format::criteria::validated;
use crate::format::exchange::export_criteria_set;
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::When;
use crate::ui::words::messages;
use crate::ui::words::reasons::{self as words, text};

#[component]
pub fn SetView(
    key: SetRef,
    selected: RwSignal<Option<SetRef>>,
    editing: RwSignal<Option<CriteriaSet>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let set = {
        let key = key.clone();
        move || find_set(state, &key)
    };
    let builtin = {
        let key = key.clone();
        move || with_library(state, |library| library.is_builtin(&key))
    };
    let notice = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let copy = {
        let set = set.clone();
        move |_| {
            let Some(source) = set() else { return };
            let variant = with_library(state, |library| library.variant_of(&source));
            if let Ok(valid) = validated(variant.clone()) {
                let _ = state.edit(|ws| {
                    ws.put_criteria_set(valid);
                    Ok::<(), ()>(())
                });
                selected.set(Some(variant.key()));
                editing.set(Some(variant));
            }
        }
    };
    let export = {
        let set = set.clone();
        move |_| {
            if let Some(set) = set() {
                let file = export_criteria_set(&set, &crate::ui::shell::export::now_stamp());
                notice.set(crate::ui::shell::export::offer(&file).err());
            }
        }
    };
    let edit = {
        let set = set.clone();
        move |_| editing.set(set())
    };
    let delete = {
        let key = key.clone();
        move |_| {
            let _ = state.edit(|ws| {
                if ws.remove_criteria_set(&key) {
                    Ok(())
                } else {
                    Err(())
                }
            });
            confirming.set(false);
            selected.set(None);
        }
    };
    view! {
        {move || {
            let Some(set) = set() else { return ().into_any() };
            let is_builtin = builtin();
            let (copy, export, edit, delete) = (copy.clone(), export.clone(), edit.clone(), delete.clone());
            let title = text(&set.title);
            view! {
                <article class="set-view" data-testid="set-view" aria-labelledby="set-view-title">
                    <header class="set-view__header">
                        <h3 id="set-view-title">{title.clone()}</h3>
                        {words::status_badge(i18n, set.status)}
                        <button type="button" class="button button--small" on:click=move |_| selected.set(None)>
                            {tr!(i18n, library_close)}
                        </button>
                    </header>
                    {(!set.description.is_empty()).then(|| view! { <p>{text(&set.description)}</p> })}
                    <SetFacts set=set.clone() />
                    <div class="set-view__actions">
                        <button type="button" class="button button--primary" on:click=copy.clone()>
                            {tr!(i18n, library_copy)}
                        </button>
                        <button type="button" class="button" on:click=export.clone()>
                            {tr!(i18n, library_export)}
                        </button>
                        {(!is_builtin)
                            .then(|| {
                                view! {
                                    <button type="button" class="button" on:click=edit.clone()>
                                        {tr!(i18n, library_edit)}
                                    </button>
                                    <button
                                        type="button"
                                        class="button button--danger"
                                        on:click=move |_| confirming.set(true)
                                    >
                                        {tr!(i18n, library_delete)}
                                    </button>
                                }
                            })}
                    </div>
                    <When when=move || confirming.get()>
                        <div class="confirm" role="group">
                            <p>
                                {
                                    let title = title.clone();
                                    tp!(i18n, library_delete_confirm, title)
                                }
                            </p>
                            <button type="button" class="button button--danger" on:click=delete.clone()>
                                {tr!(i18n, library_delete)}
                            </button>
                            <button type="button" class="button" on:click=move |_| confirming.set(false)>
                                {tr!(i18n, unit_cancel)}
                            </button>
                        </div>
                    </When>
                    {move || {
                        notice
                            .get()
                            .map(|err| {
                                view! {
                                    <p class="field__error" role="alert">
                                        {err}
                                    </p>
                                }
                            })
                    }}
                    <SetTree set=set />
                </article>
            }
                .into_any()
        }}
    }
}

/// Who the set is for, its period, deadline and legal basis.
#[component]
fn SetFacts(set: CriteriaSet) -> impl IntoView {
    let i18n = use_i18n();
    let kinds = messages::unit_kinds(i18n, &set.applies_to);
    let period = set.period.map(|p| {
        let start = format!("{:02}/{:02}", p.start.day, p.start.month);
        let end = format!("{:02}/{:02}", p.end.day, p.end.month);
        if p.start > p.end {
            tp!(i18n, library_period, start, end).into_any()
        } else {
            tp!(i18n, library_period_same_year, start, end).into_any()
        }
    });
    let deadline = set.recognition_deadline.map(|d| {
        let date = format!("{:02}/{:02}", d.day, d.month);
        tp!(i18n, library_deadline, date)
    });
    let classification = set.classification_deadline.map(|d| {
        let date = format!("{:02}/{:02}", d.day, d.month);
        tp!(i18n, library_classification, date)
    });
    let notice = (!set.notice.is_empty()).then(|| {
        view! {
            <li data-testid="set-notice">
                <strong>{tr!(i18n, set_notice_title)}</strong>
                " "
                {text(&set.notice)}
            </li>
        }
    });
    let variant = set.variant_of.clone().map(|source| {
        let (id, version) = (source.id, source.version);
        view! { <li>{tp!(i18n, library_variant_of, id, version)}</li> }
    });
    view! {
        <ul class="set-view__facts">
            <li>
                <strong>{tr!(i18n, library_applies_to)} ": "</strong>
                {kinds}
            </li>
            {period.map(|p| view! { <li>{p}</li> })}
            {deadline.map(|d| view! { <li>{d}</li> })}
            {classification.map(|d| view! { <li>{d}</li> })}
            {notice}
            {variant}
            <li>
                <strong>{tr!(i18n, library_basis)} ": "</strong>
                <ul>
                    {set
                        .legal_basis
                        .iter()
                        .map(|basis| {
                            let date = basis.date.map(|d| format!(" ({})", d.vietnamese()));
                            let note = (!basis.note.is_empty()).then(|| format!(" — {}", text(&basis.note)));
                            view! { <li>{basis.document.clone()} {date} {note}</li> }
                        })
                        .collect_view()}
                </ul>
            </li>
        </ul>
    }
}

/// Groups → criteria → indicators, with citations, kinds and badges.
#[component]
fn SetTree(set: CriteriaSet) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="set-tree">
            {set
                .groups
                .iter()
                .map(|group| {
                    let empty = group.criteria.is_empty();
                    view! {
                        <section class="set-tree__group">
                            <h4>{text(&group.label)}</h4>
                            {empty
                                .then(|| {
                                    view! {
                                        <p class="note">
                                            {words::status_badge(
                                                i18n,
                                                crate::domain::criteria::Verification::Unconfirmed,
                                            )} " " {tr!(i18n, library_empty_group)}
                                        </p>
                                    }
                                })}
                            <ol class="set-tree__criteria">
                                {group
                                    .criteria
                                    .iter()
                                    .map(|criterion| {
                                        let rule = match criterion.rule {
                                            CriterionRule::All => None,
                                            CriterionRule::Any => Some(tr!(i18n, rule_any).into_any()),
                                            CriterionRule::PointsAtLeast { min } => {
                                                Some(tp!(i18n, rule_points, min).into_any())
                                            }
                                        };
                                        view! {
                                            <li class="set-tree__criterion" data-criterion-id=criterion.id.clone()>
                                                <p class="set-tree__criterion-label">
                                                    <strong>{text(&criterion.label)}</strong>
                                                    " "
                                                    {words::status_badge(i18n, criterion.status)}
                                                </p>
                                                <p class="set-tree__meta">
                                                    {words::citation(i18n, &criterion.citation)}
                                                </p>
                                                {rule.map(|r| view! { <p class="set-tree__meta">{r}</p> })}
                                                <ul class="set-tree__indicators">
                                                    {criterion
                                                        .indicators
                                                        .iter()
                                                        .map(|indicator| indicator_item(i18n, indicator))
                                                        .collect_view()}
                                                </ul>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One indicator of the set's tree: its label, kind, citation and guidance.
fn indicator_item(i18n: I18n, indicator: &crate::domain::criteria::Indicator) -> impl IntoView {
    let guidance = (!indicator.guidance.is_empty()).then(|| text(&indicator.guidance));
    view! {
        <li class="set-tree__indicator" data-indicator-id=indicator.id.clone()>
            <p>
                <span class="set-tree__id">{indicator.id.clone()}</span>
                " "
                {text(&indicator.label)}
                " "
                {words::status_badge(i18n, indicator.status)}
            </p>
            <p class="set-tree__meta">
                {words::kind(i18n, &indicator.kind)}
                {indicator
                    .na_allowed
                    .then(|| {
                        view! {
                            " · "
                            {tr!(i18n, library_na_allowed)}
                        }
                    })}
            </p>
            <p class="set-tree__meta">{words::citation(i18n, &indicator.citation)}</p>
            {guidance
                .map(|g| {
                    view! {
                        <details class="set-tree__guidance">
                            <summary>{tr!(i18n, library_guidance)}</summary>
                            <p>{g}</p>
                        </details>
                    }
                })}
        </li>
    }
}
