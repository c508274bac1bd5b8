//! What an open assessment must say about its set and its unit: the set's
//! notice (TT 48/2025 amended TT 124's procedure), a unit TT 124 does not
//! cover, and a newer version of the set, with the move to it and its undo.

use leptos::prelude::*;

use super::input::Data;
use crate::domain::assessment::{Assessment, AssessmentError, VersionMove};
use crate::domain::criteria::CriteriaSet;
use crate::ui::i18n::*;
use crate::ui::sections::assessment::library::with_library;
use crate::ui::shell::state::use_app_state;
use crate::ui::words::messages;
use crate::ui::words::reasons as words;

#[component]
pub fn SetNotices(id: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // The set, the unit's exclusion and the newest version of the set: not
    // the answers, so typing leaves these alone.
    let facts = Memo::new(move |_| {
        data.with(|d| {
            let (assessment, set, _) = d.as_ref()?;
            let outside = state.workspace.with(|ws| {
                let unit = ws.units().get(assessment.unit())?;
                unit.scope.outside_set(unit.kind, set)
            });
            let newer = with_library(state, |library| {
                library
                    .latest()
                    .into_iter()
                    .find(|s| s.id == set.id && s.version > set.version)
                    .cloned()
            });
            Some((set.clone(), outside, newer, assessment.status().is_locked()))
        })
    });
    // The assessment as it was before a move, for the undo.
    let before = RwSignal::new(None::<(Assessment, u32)>);
    let outcome = RwSignal::new(None::<Result<(u32, VersionMove), AssessmentError>>);
    let move_to = {
        let id = id.clone();
        move |from: CriteriaSet, to: CriteriaSet| {
            let was = state
                .workspace
                .with_untracked(|ws| ws.assessment(&id).cloned());
            let result =
                state.edit(|ws| ws.edit_assessment(&id, |a| a.move_to_version(&from, &to)));
            if result.is_ok() {
                before.set(was.map(|a| (a, from.version)));
            }
            outcome.set(Some(result.map(|moved| (to.version, moved))));
        }
    };
    let undone = RwSignal::new(None::<u32>);
    let undo = move |_| {
        if let Some((was, version)) = before.get_untracked() {
            state
                .edit(|ws| {
                    ws.put_assessment(was);
                    Ok::<(), AssessmentError>(())
                })
                .ok();
            before.set(None);
            outcome.set(None);
            undone.set(Some(version));
        }
    };
    view! {
        {move || {
            facts
                .get()
                .map(|(set, outside, newer, locked)| {
                    let notice = (!set.notice.is_empty())
                        .then(|| {
                            view! {
                                <div class="banner banner--info" role="note" data-testid="set-notice">
                                    <p>
                                        <strong>{tr!(i18n, set_notice_title)}</strong>
                                        " "
                                        {words::text(&set.notice)}
                                    </p>
                                </div>
                            }
                        });
                    let outside = outside
                        .map(|why| {
                            let why = words::exclusion(i18n, why);
                            view! {
                                <div class="banner banner--warning" role="note" data-testid="assessment-out-of-scope">
                                    <p>
                                        <span aria-hidden="true">"⚠ "</span>
                                        {tp!(i18n, assessment_out_of_scope_note, why)}
                                    </p>
                                </div>
                            }
                        });
                    let newer = newer
                        .map(|to| {
                            let (version, current) = (to.version, set.version);
                            let from = set.clone();
                            let move_to = move_to.clone();
                            view! {
                                <div class="banner banner--warning" data-testid="newer-version">
                                    <p>{tp!(i18n, assessment_newer_version, version, current)}</p>
                                    <button
                                        type="button"
                                        class="button"
                                        data-testid="move-version"
                                        disabled=locked
                                        on:click=move |_| move_to(from.clone(), to.clone())
                                    >
                                        {tp!(i18n, assessment_move_version, version)}
                                    </button>
                                    {locked.then(|| view! { <p>{tr!(i18n, assessment_move_locked)}</p> })}
                                </div>
                            }
                        });
                    view! {
                        {notice}
                        {outside}
                        {newer}
                    }
                })
        }}
        <div role="status" data-testid="move-status">
            {move || match outcome.get() {
                Some(Ok((version, moved))) => {
                    let (kept, added, changed, removed) = (
                        moved.kept,
                        moved.added.len(),
                        moved.changed.len(),
                        moved.removed.len(),
                    );
                    view! {
                        <p>{tp!(i18n, assessment_moved, version, kept, added, changed, removed)}</p>
                        <button type="button" class="button" data-testid="move-undo" on:click=undo>
                            {tr!(i18n, assessment_move_undo)}
                        </button>
                    }
                        .into_any()
                }
                Some(Err(err)) => view! { <p role="alert">{messages::assessment_error(i18n, &err)}</p> }.into_any(),
                None => {
                    undone.get().map(|version| view! { <p>{tp!(i18n, assessment_move_undone, version)}</p> }).into_any()
                }
            }}
        </div>
    }
}
