//! One input per indicator kind. Each change is saved at once; the result
//! and its reason are recomputed by the core as the user types.

use leptos::prelude::*;

use crate::domain::assessment::{Assessment, DocumentRef, Evidence};
use crate::domain::calendar::Date;
use crate::domain::criteria::{Answer, CriteriaSet, Escape, Evaluation, Indicator, IndicatorKind};
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::choice::Choice;
use crate::ui::widgets::fan::Fan;
use crate::ui::widgets::field::{Check, Input};
use crate::ui::words::messages::I18n;
use crate::ui::words::reasons::text;

/// The open assessment, its set and its evaluation; each view reads its part.
pub type Data = Fan<Option<(Assessment, CriteriaSet, Evaluation)>>;

fn save(id: &str, indicator: &str, answer: Option<Answer>) {
    let state = use_app_state();
    // Text typed that reads as the same answer ("00" for 0) changes nothing:
    // nothing to evaluate again, nothing to save.
    let same = state.workspace.with_untracked(|ws| {
        ws.assessment(id)
            .is_some_and(|a| a.answers().get(indicator) == answer.as_ref())
    });
    if same {
        return;
    }
    let _ = state.edit(|ws| ws.edit_assessment(id, |a| a.set_answer(indicator, answer)));
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    text.trim().replace(['.', ' '], "").parse().ok()
}

#[component]
pub fn AnswerInput(id: String, indicator: Indicator, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let ind = indicator.id.clone();
    // Parts: a keystroke elsewhere leaves this input alone.
    let answer = {
        let ind = ind.clone();
        let part = data.part(move |d| {
            d.as_ref()
                .and_then(|(a, _, _)| a.answers().get(&ind).cloned())
        });
        move || part.get()
    };
    let locked = {
        let part = data.part(|d| d.as_ref().is_some_and(|(a, _, _)| a.status().is_locked()));
        move || part.get()
    };
    let field = format!("input-{ind}");
    // Where this input's answer goes: `Copy`, so every handler below takes it as it is.
    let target = StoredValue::new((id, ind.clone()));
    let store = move |answer: Option<Answer>| target.with_value(|(id, ind)| save(id, ind, answer));
    let na = indicator.na_allowed.then(|| {
        let na_field = format!("{field}-na");
        view! {
            {Check::new(
                    na_field,
                    tr!(i18n, input_na),
                    move || answer() == Some(Answer::NotApplicable),
                    move |on| store(on.then_some(Answer::NotApplicable)),
                )
                .disabled(locked)
                .view()}
        }
    });
    let body = match indicator.kind.clone() {
        IndicatorKind::YesNo { window } => {
            let value = {
                move || match answer() {
                    Some(Answer::YesNo { value, .. }) => Some(value),
                    _ => None,
                }
            };
            let date = {
                move || match answer() {
                    Some(Answer::YesNo { date: Some(d), .. }) => d.iso(),
                    _ => String::new(),
                }
            };
            let choose = {
                move |value: bool| {
                    store(Some(Answer::YesNo {
                        value,
                        date: Date::parse_iso(&date()),
                    }))
                }
            };
            let set_date = {
                move |text: String| {
                    store(Some(Answer::YesNo {
                        value: value().unwrap_or(true),
                        date: Date::parse_iso(&text),
                    }))
                }
            };
            let name = format!("{field}-yn");
            let (yes_choose, no_choose) = (choose, choose);
            let (value_yes, value_no) = (value, value);
            view! {
                <fieldset class="answer answer--yes-no">
                    <legend class="visually-hidden">{text(&indicator.label)}</legend>
                    <label class="answer__choice">
                        <input
                            type="radio"
                            name=name.clone()
                            disabled=locked
                            prop:checked=move || value_yes() == Some(true)
                            on:change=move |_| yes_choose(true)
                        />
                        {tr!(i18n, input_yes)}
                    </label>
                    <label class="answer__choice">
                        <input
                            type="radio"
                            name=name
                            disabled=locked
                            prop:checked=move || value_no() == Some(false)
                            on:change=move |_| no_choose(false)
                        />
                        {tr!(i18n, input_no)}
                    </label>
                    {window
                        .map(|_| {
                            let date_field = format!("{field}-date");
                            view! {
                                <span class="answer__inline">
                                    <label for=date_field.clone()>{tr!(i18n, input_date)}</label>
                                    <input
                                        id=date_field
                                        type="date"
                                        disabled=locked
                                        prop:value=date
                                        on:input=move |ev| set_date(event_target_value(&ev))
                                    />
                                </span>
                            }
                        })}
                </fieldset>
            }
            .into_any()
        }
        IndicatorKind::CountZero { escape } => {
            let count = {
                move || match answer() {
                    Some(Answer::Count { count, .. }) => count.to_string(),
                    _ => String::new(),
                }
            };
            let handled = { move || matches!(answer(), Some(Answer::Count { handled: true, .. })) };
            let set_count = {
                move |text: String| {
                    store(number(&text).map(|count| Answer::Count {
                        count,
                        handled: handled(),
                    }))
                }
            };
            let set_handled = {
                move |on: bool| {
                    let count = number(&count()).unwrap_or(0);
                    store(Some(Answer::Count { count, handled: on }))
                }
            };
            let count_field = format!("{field}-count");
            let escape_field = format!("{field}-escape");
            view! {
                <div class="answer">
                    {Input::count(count_field, tr!(i18n, input_count), count, set_count).disabled(locked).view()}
                    {escape
                        .map(|escape| {
                            view! {
                                {Check::new(
                                        escape_field.clone(),
                                        match escape {
                                            Escape::Handled => tr!(i18n, input_handled),
                                            Escape::ForceMajeure => tr!(i18n, input_force_majeure),
                                        },
                                        handled,
                                        set_handled,
                                    )
                                    .disabled(locked)
                                    .view()}
                            }
                        })}
                </div>
            }
            .into_any()
        }
        IndicatorKind::Rating { levels, titles, .. } => {
            let current = {
                move || match answer() {
                    Some(Answer::Rating { level, title }) => (level, title),
                    _ => (None, None),
                }
            };
            let level_field = format!("{field}-level");
            let title_field = format!("{field}-title");
            let set_level = {
                move |text: String| {
                    let level = text.parse().ok();
                    store(Some(Answer::Rating {
                        level,
                        title: current().1,
                    }))
                }
            };
            let set_title = {
                move |text: String| {
                    let title = text.parse().ok();
                    store(Some(Answer::Rating {
                        level: current().0,
                        title,
                    }))
                }
            };
            let titled = !titles.is_empty();
            view! {
                <div class="answer">
                    {Choice::new(
                            level_field,
                            tr!(i18n, input_level),
                            move || current().0.map(|l| l.to_string()).unwrap_or_default(),
                            move || rating_options(i18n, &levels),
                            set_level,
                        )
                        .disabled(locked)
                        .view()}
                    {titled
                        .then(|| {
                            view! {
                                {Choice::new(
                                        title_field.clone(),
                                        tr!(i18n, input_title),
                                        move || current().1.map(|t| t.to_string()).unwrap_or_default(),
                                        move || rating_options(i18n, &titles),
                                        set_title,
                                    )
                                    .disabled(locked)
                                    .view()}
                            }
                        })}
                </div>
            }
            .into_any()
        }
        IndicatorKind::Number { .. } | IndicatorKind::Points { .. } => {
            let is_points = matches!(indicator.kind, IndicatorKind::Points { .. });
            let value = {
                move || match answer() {
                    Some(Answer::Number { value }) => value.to_string(),
                    Some(Answer::Points { points }) => points.to_string(),
                    _ => String::new(),
                }
            };
            let number_field = format!("{field}-value");
            Input::new(
                number_field,
                if is_points {
                    tr!(i18n, input_points)
                } else {
                    tr!(i18n, input_value)
                },
                "number",
                value,
                move |text| {
                    let answer = if is_points {
                        number(&text).map(|points| Answer::Points { points })
                    } else {
                        number(&text).map(|value| Answer::Number { value })
                    };
                    store(answer)
                },
            )
            .numeric()
            .disabled(locked)
            .view()
        }
        IndicatorKind::Percent { .. } | IndicatorKind::Derived { .. } => {
            let derived = matches!(indicator.kind, IndicatorKind::Derived { .. });
            let live = {
                let ind = ind.clone();
                let part = data.part(move |d| {
                    d.as_ref().and_then(|(_, _, e)| {
                        match e.indicators.get(&ind).map(|r| &r.reason) {
                            Some(crate::domain::criteria::Reason::Ratio {
                                source: crate::domain::criteria::FigureSource::ChildUnits,
                                denominator,
                                ..
                            }) => Some(*denominator),
                            Some(crate::domain::criteria::Reason::DenominatorZero {
                                source: crate::domain::criteria::FigureSource::ChildUnits,
                                ..
                            }) => Some(0),
                            _ => None,
                        }
                    })
                });
                move || part.get()
            };
            // Each figure is kept as typed, so the first one is not lost
            // while the other is still empty; the answer is saved once both are there.
            let (start_num, start_den) = match answer() {
                Some(Answer::Ratio {
                    numerator,
                    denominator,
                }) => (numerator.to_string(), denominator.to_string()),
                _ => (String::new(), String::new()),
            };
            let typed_num = RwSignal::new(start_num);
            let typed_den = RwSignal::new(start_den);
            let set_ratio = {
                move || {
                    let answer = match (
                        number(&typed_num.get_untracked()),
                        number(&typed_den.get_untracked()),
                    ) {
                        (Some(numerator), Some(denominator)) => Some(Answer::Ratio {
                            numerator,
                            denominator,
                        }),
                        _ => None,
                    };
                    store(answer)
                }
            };
            let num_field = format!("{field}-num");
            let den_field = format!("{field}-den");
            // Figures counted from the units below are shown as counted, never
            // as inputs that would ignore what is typed; by hand only without them.
            let pair = Memo::new(move |_| live().is_none());
            view! {
                <div class="answer">
                    {move || {
                        live()
                            .map(|denominator| {
                                view! {
                                    <p class="answer__note" data-testid="derived-live">
                                        {tp!(i18n, input_derived_live, denominator)}
                                    </p>
                                }
                            })
                    }}
                    {move || {
                        (derived && live().is_none())
                            .then(|| view! { <p class="answer__note">{tr!(i18n, input_derived_manual)}</p> })
                    }} <crate::ui::widgets::When when=move || pair.get()>
                        <div class="answer__pair">
                            {Input::count(
                                    num_field.clone(),
                                    tr!(i18n, input_numerator),
                                    move || typed_num.get(),
                                    move |v| {
                                        typed_num.set(v);
                                        set_ratio()
                                    },
                                )
                                .disabled(locked)
                                .view()}
                            {Input::count(
                                    den_field.clone(),
                                    tr!(i18n, input_denominator),
                                    move || typed_den.get(),
                                    move |v| {
                                        typed_den.set(v);
                                        set_ratio()
                                    },
                                )
                                .disabled(locked)
                                .view()}
                        </div>
                    </crate::ui::widgets::When>
                </div>
            }
            .into_any()
        }
        IndicatorKind::Trend { parts, .. } => {
            let (start_cur, start_prev, start_parts) = match answer() {
                Some(Answer::Trend {
                    current,
                    previous,
                    parts: typed,
                }) => (
                    current.to_string(),
                    previous.map(|p| p.to_string()).unwrap_or_default(),
                    typed,
                ),
                _ => (String::new(), String::new(), Vec::new()),
            };
            let typed_cur = RwSignal::new(start_cur);
            let typed_prev = RwSignal::new(start_prev);
            // One field per category where the set has them; the total is the core's sum.
            let typed_parts: Vec<RwSignal<String>> = (0..parts.len())
                .map(|n| {
                    RwSignal::new(
                        start_parts
                            .get(n)
                            .map(|count| count.to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect();
            let by_parts = !parts.is_empty();
            // A memo: the note is repainted only when last year's figure changes.
            let last_year = {
                let ind = ind.clone();
                let state = use_app_state();
                let memo = Memo::new(move |_| {
                    data.with(|d| {
                        let (a, set, _) = d.as_ref()?;
                        let ctx = state
                            .workspace
                            .with(|ws| crate::domain::context::context_for(ws, a, set));
                        ctx.previous.get(&ind).copied()
                    })
                });
                move || memo.get()
            };
            let held = StoredValue::new(typed_parts.clone());
            let set_trend = {
                move || {
                    let previous = number(&typed_prev.get_untracked());
                    let answer = if by_parts {
                        // Saved once every category is typed, as a ratio's pair is.
                        held.with_value(|typed_parts| {
                            typed_parts
                                .iter()
                                .map(|typed| number(&typed.get_untracked()))
                                .collect::<Option<Vec<u64>>>()
                                .map(|counts| Answer::trend_of_parts(counts, previous))
                        })
                    } else {
                        number(&typed_cur.get_untracked())
                            .map(|current| Answer::trend(current, previous))
                    };
                    store(answer)
                }
            };
            let cur_field = format!("{field}-current");
            let prev_field = format!("{field}-previous");
            let current_input = if by_parts {
                let inputs = parts
                    .iter()
                    .zip(typed_parts)
                    .enumerate()
                    .map(|(n, (label, typed))| {
                        let label = label.clone();
                        Input::count(
                            format!("{field}-part-{n}"),
                            tp!(
                                i18n,
                                input_part_current,
                                part = crate::ui::words::reasons::text(&label)
                            ),
                            move || typed.get(),
                            move |v| {
                                typed.set(v);
                                set_trend()
                            },
                        )
                        .disabled(locked)
                        .view()
                    })
                    .collect_view();
                let total = move || match answer() {
                    Some(Answer::Trend { current, .. }) => Some(current),
                    _ => None,
                };
                view! {
                    {inputs}
                    <p class="answer__note" data-testid=format!("{field}-total")>
                        {move || total().map(|current| tp!(i18n, input_parts_total, current))}
                    </p>
                }
                .into_any()
            } else {
                Input::count(
                    cur_field,
                    tr!(i18n, input_current),
                    move || typed_cur.get(),
                    move |v| {
                        typed_cur.set(v);
                        set_trend()
                    },
                )
                .disabled(locked)
                .view()
            };
            view! {
                <div class="answer__pair">
                    {current_input}
                    {Input::count(
                            prev_field,
                            tr!(i18n, input_previous),
                            move || typed_prev.get(),
                            move |v| {
                                typed_prev.set(v);
                                set_trend()
                            },
                        )
                        .disabled(locked)
                        .view()}
                    {move || {
                        last_year()
                            .map(|value| {
                                view! { <p class="answer__note">{tp!(i18n, input_previous_from_last_year, value)}</p> }
                            })
                    }}
                </div>
            }
            .into_any()
        }
        IndicatorKind::Checklist { items } => {
            let stated = move || match answer() {
                Some(Answer::Checklist {
                    checked,
                    not_applicable,
                }) => (checked, not_applicable),
                _ => Default::default(),
            };
            let checked = move || stated().0;
            view! {
                <fieldset class="answer answer--checklist">
                    <legend class="visually-hidden">{text(&indicator.label)}</legend>
                    {items
                        .into_iter()
                        .map(|item| {
                            let item_field = format!("{field}-{}", item.id);
                            let item_id = StoredValue::new(item.id.clone());
                            let na_reason = item
                                .na_allowed
                                .then(|| {
                                    let label = item.label.clone();
                                    Input::new(
                                            format!("{item_field}-na"),
                                            tp!(i18n, input_item_na, item = crate::ui::words::reasons::text(&label)),
                                            "text",
                                            move || {
                                                item_id.with_value(|id| stated().1.get(id).cloned().unwrap_or_default())
                                            },
                                            move |reason| {
                                                let (checked, mut not_applicable) = stated();
                                                item_id
                                                    .with_value(|id| {
                                                        if reason.trim().is_empty() {
                                                            not_applicable.remove(id);
                                                        } else {
                                                            not_applicable.insert(id.clone(), reason);
                                                        }
                                                    });
                                                store(
                                                    Some(Answer::Checklist {
                                                        checked,
                                                        not_applicable,
                                                    }),
                                                )
                                            },
                                        )
                                        .disabled(locked)
                                        .view()
                                });
                            // `Copy`, for the handlers below.
                            // Where the set allows it, the reason the item does not apply.
                            view! {
                                {Check::new(
                                        item_field,
                                        text(&item.label),
                                        move || item_id.with_value(|id| checked().contains(id)),
                                        move |on| {
                                            let (mut all, not_applicable) = stated();
                                            item_id
                                                .with_value(|id| {
                                                    if on {
                                                        all.insert(id.clone());
                                                    } else {
                                                        all.remove(id);
                                                    }
                                                });
                                            store(
                                                Some(Answer::Checklist {
                                                    checked: all,
                                                    not_applicable,
                                                }),
                                            )
                                        },
                                    )
                                    .disabled(locked)
                                    .view()}
                                {na_reason}
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
            .into_any()
        }
        IndicatorKind::Composite { .. } | IndicatorKind::Note => ().into_any(),
    };
    view! { <div class="answer-input">{body} {na}</div> }
}

/// Notes and cited documents for one indicator.
#[component]
pub fn EvidenceEditor(id: String, indicator: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let evidence = {
        let indicator = indicator.clone();
        let part = data.part(move |d| {
            d.as_ref()
                .and_then(|(a, _, _)| a.evidence().get(&indicator).cloned())
                .unwrap_or_default()
        });
        move || part.get()
    };
    let locked = {
        let part = data.part(|d| d.as_ref().is_some_and(|(a, _, _)| a.status().is_locked()));
        move || part.get()
    };
    // Every closure below is `Copy`: the ids live in stored values.
    let ids = StoredValue::new((id, indicator.clone()));
    let store = move |evidence: Evidence| {
        let state = use_app_state();
        ids.with_value(|(id, indicator)| {
            let _ =
                state.edit(|ws| ws.edit_assessment(id, |a| a.set_evidence(indicator, evidence)));
        });
    };
    let layout = { Memo::new(move |_| evidence().documents.len()) };
    let notes_field = format!("evidence-{indicator}-notes");
    view! {
        <div class="evidence">
            <div class="field">
                <label for=notes_field.clone()>{tr!(i18n, evidence_notes)}</label>
                <textarea
                    id=notes_field
                    rows="2"
                    disabled=locked
                    prop:value=move || evidence().notes
                    on:input=move |ev| {
                        let mut e = evidence();
                        e.notes = event_target_value(&ev);
                        store(e)
                    }
                ></textarea>
            </div>
            {move || {
                (0..layout.get())
                    .map(|n| {
                        let field = |name: &str| format!("evidence-{indicator}-{n}-{name}");
                        let edit = move |apply: &dyn Fn(&mut DocumentRef)| {
                            let mut all = evidence();
                            if let Some(doc) = all.documents.get_mut(n) {
                                apply(doc);
                            }
                            store(all)
                        };
                        let read = move || evidence().documents.get(n).cloned().unwrap_or_default();
                        view! {
                            <div class="evidence__doc">
                                {Input::new(
                                        field("number"),
                                        tr!(i18n, evidence_doc_number),
                                        "text",
                                        move || read().number,
                                        move |v| edit(&|d| d.number = v.clone()),
                                    )
                                    .disabled(locked)
                                    .view()}
                                {Input::new(
                                        field("date"),
                                        tr!(i18n, evidence_doc_date),
                                        "date",
                                        move || read().date.map(|d| d.iso()).unwrap_or_default(),
                                        move |v| {
                                            let v = Date::parse_iso(&v);
                                            edit(&|d| d.date = v)
                                        },
                                    )
                                    .disabled(locked)
                                    .view()}
                                {Input::new(
                                        field("issuer"),
                                        tr!(i18n, evidence_doc_issuer),
                                        "text",
                                        move || read().issuer,
                                        move |v| edit(&|d| d.issuer = v.clone()),
                                    )
                                    .disabled(locked)
                                    .view()}
                                {Input::new(
                                        field("link"),
                                        tr!(i18n, evidence_doc_link),
                                        "text",
                                        move || read().link,
                                        move |v| edit(&|d| d.link = v.clone()),
                                    )
                                    .disabled(locked)
                                    .view()}
                                <button
                                    type="button"
                                    class="button button--small"
                                    disabled=locked
                                    on:click=move |_| {
                                        let mut all = evidence();
                                        if n < all.documents.len() {
                                            all.documents.remove(n);
                                        }
                                        store(all)
                                    }
                                >
                                    {tr!(i18n, evidence_remove_doc)}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button
                type="button"
                class="button button--small"
                disabled=locked
                on:click=move |_| {
                    let mut all = evidence();
                    all.documents.push(DocumentRef::default());
                    store(all)
                }
            >
                {tr!(i18n, evidence_add_doc)}
            </button>
        </div>
    }
}

/// The options of a rating: none, then its levels or titles by position.
fn rating_options(i18n: I18n, names: &[crate::domain::criteria::Text]) -> Vec<(String, String)> {
    let mut options = vec![crate::ui::widgets::choice::option(
        "",
        t_string!(i18n, input_none),
    )];
    options.extend(
        names
            .iter()
            .enumerate()
            .map(|(i, name)| crate::ui::widgets::choice::option(i.to_string(), text(name))),
    );
    options
}
