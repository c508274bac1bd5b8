//! The consolidated table: units as rows, criteria as columns, the reason
//! of a cell on hover or focus, totals, filters and sorting.

use leptos::prelude::*;

use super::use_rollup;
use crate::domain::criteria::{CriterionReason, Outcome};
use crate::domain::rollup::table::{table, Column, Filter, SortKey, Table};
use crate::domain::UnitKind;
use crate::ui::i18n::*;
use crate::ui::widgets::choice::{option, Choice};
use crate::ui::widgets::pages::Pages;
use crate::ui::words::messages::{self, I18n};
use crate::ui::words::reasons::{self as words, ReasonText};

/// The year and set the table and the outputs show.
#[derive(Clone, Copy)]
pub(crate) struct Selection {
    pub year: RwSignal<Option<i32>>,
    pub set: RwSignal<Option<String>>,
    pub filter: RwSignal<Filter>,
    pub sort: RwSignal<(SortKey, bool)>,
    pub table: Memo<Option<Table>>,
}

pub(crate) fn use_selection() -> Selection {
    expect_context::<Selection>()
}

/// "Đạt", "Chưa đạt"… with a symbol, so that no colour is needed.
fn cell_word(i18n: I18n, status: Option<Outcome>) -> String {
    match status {
        None => t_string!(i18n, rollup_lacking).to_owned(),
        Some(s) => {
            let mark = match s {
                Outcome::Passed => "✓ ",
                Outcome::Failed => "✗ ",
                Outcome::Incomplete => "… ",
                _ => "",
            };
            format!("{mark}{}", messages::result_string(i18n, s))
        }
    }
}

fn cell_class(status: Option<Outcome>) -> &'static str {
    match status {
        Some(Outcome::Passed) => "rollup-cell rollup-cell--passed",
        Some(Outcome::Failed) => "rollup-cell rollup-cell--failed",
        Some(Outcome::Incomplete) => "rollup-cell rollup-cell--incomplete",
        _ => "rollup-cell",
    }
}

/// Provides the selection; called once by the section.
pub(crate) fn provide_selection() -> Selection {
    let rollup = use_rollup();
    let year = RwSignal::new(None::<i32>);
    let set = RwSignal::new(None::<String>);
    let chosen_year = Memo::new(move |_| {
        let years = rollup.shelf.with(|s| s.years());
        year.get()
            .filter(|y| years.contains(y))
            .or_else(|| years.first().copied())
    });
    let chosen_set = Memo::new(move |_| {
        let year = chosen_year.get()?;
        let (ids, main): (Vec<String>, Option<String>) = rollup.shelf.with(|s| {
            let ids = s
                .sets_in(year)
                .into_iter()
                .map(|(set, _)| set.id.clone())
                .collect();
            (ids, s.main_set_in(year).map(|set| set.id.clone()))
        });
        set.get().filter(|id| ids.contains(id)).or(main)
    });
    let table = Memo::new(move |_| {
        let (year, set) = (chosen_year.get()?, chosen_set.get()?);
        Some(rollup.shelf.with(|s| table(s, &set, year)))
    });
    let selection = Selection {
        year,
        set,
        filter: RwSignal::new(Filter::default()),
        sort: RwSignal::new((SortKey::Unit, false)),
        table,
    };
    provide_context(selection);
    selection
}

#[component]
pub fn Consolidated() -> impl IntoView {
    let i18n = use_i18n();
    let rollup = use_rollup();
    let selection = use_selection();
    let years = move || rollup.shelf.with(|s| s.years());
    let sets = move || {
        let year = selection.table.with(|t| t.as_ref().map(|t| t.year));
        year.map(|y| {
            rollup.shelf.with(|s| {
                s.sets_in(y)
                    .into_iter()
                    .map(|(set, n)| (set.id.clone(), format!("{} ({n})", words::text(&set.title))))
                    .collect::<Vec<_>>()
            })
        })
        .unwrap_or_default()
    };
    // A new filter or order starts again from the first page.
    let pages = Pages::new();
    Effect::watch(
        move || (selection.filter.track(), selection.sort.track()),
        move |_, _, _| pages.page.set(0),
        false,
    );
    let view_rows = Memo::new(move |_| {
        selection.table.with(|t| {
            t.as_ref().map(|t| {
                let (key, desc) = selection.sort.get();
                t.view(&selection.filter.get(), &key, desc)
            })
        })
    });
    let shown = move || view_rows.with(|rows| rows.as_ref().map_or(0, Vec::len));
    // The cell whose reason is shown, and where: the reason is laid over
    // the page, outside the table's scroll box, which would clip it.
    let focused = RwSignal::new(None::<Hover>);
    // The page scrolled (focus moving to a cell scrolls it too): the reason
    // follows its cell.
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if focused.with_untracked(Option::is_some) {
            let cell = document()
                .query_selector("td[aria-describedby='rollup-reason']")
                .ok()
                .flatten();
            let at = cell.as_ref().map(anchor);
            focused.update(|h| match (h.as_mut(), at) {
                (Some(h), Some(at)) => h.at = at,
                _ => *h = None,
            });
        }
    });
    on_cleanup(move || on_scroll.remove());
    // The cell an event of the table's body is about, with a reason to show.
    let cell_of = |target: Option<web_sys::EventTarget>| {
        target
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|t| t.closest("td[data-cell]").ok().flatten())
    };
    let show = move |ev: &web_sys::Event| {
        let Some(cell) = cell_of(ev.target()) else {
            return;
        };
        let attr = |name: &str| cell.get_attribute(name).unwrap_or_default();
        let Some((row, column)) = attr("data-cell")
            .split_once(':')
            .and_then(|(r, c)| Some((r.parse().ok()?, c.parse().ok()?)))
        else {
            return;
        };
        if focused.with_untracked(|h| {
            h.as_ref()
                .is_some_and(|h| (h.row, h.column) == (row, column))
        }) {
            return;
        }
        described(Some(&cell));
        focused.set(Some(Hover {
            row,
            column,
            record: attr("data-record"),
            criterion: attr("data-criterion"),
            at: anchor(&cell),
        }));
    };
    let hide = move |ev: &web_sys::Event| {
        // Moving within the cell, or from it to its reason, keeps it.
        let from = cell_of(ev.target());
        let to = wasm_bindgen::JsCast::dyn_ref::<web_sys::FocusEvent>(ev)
            .and_then(|e| e.related_target())
            .or_else(|| {
                wasm_bindgen::JsCast::dyn_ref::<web_sys::MouseEvent>(ev)
                    .and_then(|e| e.related_target())
            });
        if from.is_some() && from == cell_of(to) {
            return;
        }
        described(None);
        focused.set(None);
    };
    let sort_by = move |key: SortKey| {
        selection.sort.update(|(k, desc)| {
            if *k == key {
                *desc = !*desc;
            } else {
                *k = key;
                *desc = false;
            }
        })
    };
    let sort_mark = move |key: SortKey| {
        move || {
            let (k, desc) = selection.sort.get();
            (k == key).then_some(if desc { " ▼" } else { " ▲" })
        }
    };
    let aria_sort = move |key: SortKey| {
        move || {
            let (k, desc) = selection.sort.get();
            if k == key {
                if desc {
                    "descending"
                } else {
                    "ascending"
                }
            } else {
                "none"
            }
        }
    };
    // A column header that sorts by `key`, and says how it sorts.
    let sortable = move |key: SortKey, label: AnyView, testid: Option<&'static str>| {
        let (by, mark) = (StoredValue::new(key.clone()), sort_mark(key.clone()));
        view! {
            <th scope="col" aria-sort=aria_sort(key)>
                <button type="button" class="rollup-sort" data-testid=testid on:click=move |_| sort_by(by.get_value())>
                    {label}
                    {mark}
                </button>
            </th>
        }
    };
    // A criterion's column header: its id sorts; its label is read out,
    // with how many of the rows' sets lack it.
    let criterion_header = move |c: &Column| {
        let key = StoredValue::new(SortKey::Criterion(c.id.clone()));
        let title = words::text(&c.label);
        let hint = title.clone();
        let lacking = c.lacking;
        let lacking = (lacking > 0).then(|| {
            view! {
                <br />
                <span class="muted">{tp!(i18n, rollup_lacking_count, lacking)}</span>
            }
        });
        view! {
            <th scope="col" title=hint aria-sort=aria_sort(key.get_value()) data-criterion=c.id.clone()>
                <button type="button" class="rollup-sort" on:click=move |_| sort_by(key.get_value())>
                    {c.id.clone()}
                    {sort_mark(key.get_value())}
                </button>
                <span class="visually-hidden">{title}</span>
                {lacking}
            </th>
        }
    };
    // How many of the rows shown fail each criterion.
    let failing_totals = move || {
        let failing = selection
            .table
            .with(|t| view_rows.with(|rows| Some(t.as_ref()?.failing(rows.as_deref()?))));
        failing
            .unwrap_or_default()
            .into_iter()
            .map(|n| view! { <td data-testid="rollup-total">{n}</td> })
            .collect_view()
    };
    view! {
        <section aria-labelledby="rollup-table-title">
            <h2 id="rollup-table-title">{tr!(i18n, rollup_table_title)}</h2>
            {move || {
                selection
                    .table
                    .with(|t| t.is_none())
                    .then(|| view! { <p class="note">{tr!(i18n, rollup_table_empty)}</p> })
            }}
            <div class="rollup-controls">
                {Choice::new(
                        "rollup-year",
                        tr!(i18n, rollup_year),
                        move || selection.table.with(|t| t.as_ref().map(|t| t.year.to_string())).unwrap_or_default(),
                        move || years().into_iter().map(|y| option(y.to_string(), y.to_string())).collect(),
                        move |v| selection.year.set(v.parse().ok()),
                    )
                    .testid("rollup-year")
                    .view()}
                {Choice::new(
                        "rollup-set",
                        tr!(i18n, rollup_set),
                        move || selection.table.with(|t| t.as_ref().map(|t| t.set_id.clone())).unwrap_or_default(),
                        move || sets().into_iter().map(|(id, label)| option(id, label)).collect(),
                        move |v| selection.set.set(Some(v)),
                    )
                    .testid("rollup-set")
                    .view()}
                {Choice::new(
                        "rollup-filter-kind",
                        tr!(i18n, rollup_filter_kind),
                        move || selection.filter.with(|f| f.kind.map(|k| k.code()).unwrap_or_default()).into(),
                        move || {
                            let mut options = vec![option("", t_string!(i18n, rollup_all))];
                            options
                                .extend(
                                    UnitKind::ALL.into_iter().map(|k| option(k.code(), messages::unit_kind(i18n, k))),
                                );
                            options
                        },
                        move |code| selection.filter.update(|f| f.kind = UnitKind::from_code(&code)),
                    )
                    .testid("rollup-filter-kind")
                    .view()}
                {Choice::new(
                        "rollup-filter-result",
                        tr!(i18n, rollup_filter_result),
                        move || selection.filter.with(|f| f.result.map(Outcome::code).unwrap_or_default()).into(),
                        move || {
                            let mut options = vec![option("", t_string!(i18n, rollup_all))];
                            options
                                .extend(
                                    [Outcome::Passed, Outcome::Failed, Outcome::Incomplete, Outcome::NotApplicable]
                                        .into_iter()
                                        .map(|s| option(s.code(), messages::result_string(i18n, s))),
                                );
                            options
                        },
                        move |code| selection.filter.update(|f| f.result = Outcome::from_code(&code)),
                    )
                    .testid("rollup-filter-result")
                    .view()}
                {Choice::new(
                        "rollup-filter-criterion",
                        tr!(i18n, rollup_filter_criterion),
                        move || selection.filter.with(|f| f.criterion.clone()).unwrap_or_default(),
                        move || {
                            let mut options = vec![option("", t_string!(i18n, rollup_whole_set))];
                            selection
                                .table
                                .with(|t| {
                                    if let Some(t) = t {
                                        options
                                            .extend(
                                                t
                                                    .columns
                                                    .iter()
                                                    .map(|c| option(
                                                        &*c.id,
                                                        format!("{} {}", c.id, words::text(&c.label)),
                                                    )),
                                            )
                                    }
                                });
                            options
                        },
                        move |id| selection.filter.update(|f| f.criterion = (!id.is_empty()).then_some(id)),
                    )
                    .testid("rollup-filter-criterion")
                    .view()}
            </div>
            {move || {
                selection
                    .table
                    .with(|t| {
                        t.as_ref()
                            .map(|t| {
                                let total = t.rows.len();
                                let columns = t.columns.clone();
                                // The table's frame is laid out once per table; a
                                // filter, an order or a page changes its body.
                                view! {
                                    <p role="status" data-testid="rollup-shown">
                                        {move || {
                                            let shown = shown();
                                            tp!(i18n, rollup_shown, shown, total)
                                        }}
                                    </p>
                                    {pages.nav("rollup-table", Signal::derive(shown))}
                                    <div class="table-scroll">
                                        <table class="rollup-table" data-testid="rollup-table">
                                            <caption class="visually-hidden">{tr!(i18n, rollup_table_title)}</caption>
                                            <thead>
                                                <tr>
                                                    {sortable(
                                                        SortKey::Unit,
                                                        tr!(i18n, rollup_col_unit).into_any(),
                                                        None,
                                                    )}
                                                    {sortable(
                                                        SortKey::Kind,
                                                        tr!(i18n, rollup_col_kind).into_any(),
                                                        None,
                                                    )}
                                                    {sortable(
                                                        SortKey::Overall,
                                                        tr!(i18n, rollup_col_overall).into_any(),
                                                        None,
                                                    )}
                                                    {sortable(
                                                        SortKey::Failed,
                                                        tr!(i18n, rollup_col_failed).into_any(),
                                                        Some("rollup-sort-failed"),
                                                    )} {columns.iter().map(criterion_header).collect_view()}
                                                </tr>
                                            </thead>
                                            // The cells' reasons follow focus and the pointer
                                            // through the body's events, not four per cell.
                                            <tbody
                                                on:focusin=move |ev| show(&ev)
                                                on:mouseover=move |ev| show(&ev)
                                                on:focusout=move |ev| hide(&ev)
                                                on:mouseout=move |ev| hide(&ev)
                                            >
                                                {move || {
                                                    selection
                                                        .table
                                                        .with(|t| {
                                                            let t = t.as_ref()?;
                                                            let page = pages.window(shown()).rows;
                                                            view_rows
                                                                .with(|rows| Some(
                                                                    page_rows(i18n, t, &rows.as_deref()?[page]),
                                                                ))
                                                        })
                                                }}
                                            </tbody>
                                            <tfoot>
                                                <tr>
                                                    <th scope="row" colspan="4">
                                                        {tr!(i18n, rollup_total_failing)}
                                                    </th>
                                                    {failing_totals}
                                                </tr>
                                            </tfoot>
                                        </table>
                                    </div>
                                }
                            })
                    })
            }}
            {move || {
                focused
                    .get()
                    .map(|h| {
                        let (left, top, bottom) = h.at;
                        view! {
                            <div
                                class="rollup-reason-anchor"
                                style:left=format!("{left}px")
                                style:top=top.map(|t| format!("{t}px"))
                                style:bottom=bottom.map(|b| format!("{b}px"))
                            >
                                <CellReason record=h.record criterion=h.criterion />
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// A cell whose reason is shown, and where on the page: (left, top) below
/// the cell, or (left, bottom) above it near the foot of the window.
#[derive(Clone, PartialEq)]
struct Hover {
    row: usize,
    column: usize,
    record: String,
    criterion: String,
    at: (f64, Option<f64>, Option<f64>),
}

/// Ties the reason to `cell` (`aria-describedby`), and to no other.
fn described(cell: Option<&web_sys::Element>) {
    if let Ok(Some(was)) = document().query_selector("td[aria-describedby='rollup-reason']") {
        let _ = was.remove_attribute("aria-describedby");
    }
    if let Some(cell) = cell {
        let _ = cell.set_attribute("aria-describedby", "rollup-reason");
    }
}

/// Where to lay a cell's reason: under the cell, or over it when the window
/// has too little room below; never past the window's right edge.
fn anchor(cell: &web_sys::Element) -> (f64, Option<f64>, Option<f64>) {
    const WIDTH: f64 = 384.0;
    const ROOM: f64 = 240.0;
    let rect = cell.get_bounding_client_rect();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (width, height) = (size(window().inner_width()), size(window().inner_height()));
    let left = rect.left().min(width - WIDTH).max(0.0);
    if rect.bottom() + ROOM > height && rect.top() > ROOM {
        (left, None, Some(height - rect.top()))
    } else {
        (left, Some(rect.bottom()), None)
    }
}

/// Why a cell has its result: the indicators of the criterion that failed
/// or are not decided, each with its reason and numbers.
#[component]
fn CellReason(record: String, criterion: String) -> impl IntoView {
    let rollup = use_rollup();
    let i18n = use_i18n();
    let content = rollup.shelf.with_untracked(|shelf| {
        let record = shelf.get(&record)?;
        let set = record.set()?;
        let evaluation = crate::domain::rollup::table::evaluate_record(shelf, record)?;
        let criterion = set.criteria().find(|c| c.id == criterion)?;
        let lines: Vec<_> = criterion
            .indicators
            .iter()
            .filter_map(|indicator| {
                let result = evaluation.indicators.get(&indicator.id)?;
                matches!(result.status, Outcome::Failed | Outcome::Incomplete).then(|| {
                    let label = format!("{} {}", indicator.id, words::text(&indicator.label));
                    let reason = result.reason.clone();
                    let kind = indicator.kind.clone();
                    view! {
                        <li>
                            <strong>{label}</strong>
                            ": "
                            <ReasonText reason=reason kind=kind />
                        </li>
                    }
                })
            })
            .collect();
        Some((words::text(&criterion.label), lines))
    });
    content.map(|(label, lines)| {
        let empty = lines.is_empty();
        view! {
            <div class="rollup-reason" id="rollup-reason" role="tooltip" data-testid="rollup-reason">
                <p>
                    <strong>{label}</strong>
                </p>
                {(!empty).then(|| view! { <ul>{lines}</ul> })}
                {empty.then(|| view! { <p>{tr!(i18n, rollup_reason_met)}</p> })}
            </div>
        }
    })
}

/// The rows of the table's page shown: `rows` are indices into `t.rows`.
fn page_rows(i18n: I18n, t: &Table, rows: &[usize]) -> AnyView {
    rows.iter()
        .map(|&i| {
            let row = &t.rows[i];
            let failed = row.count(Outcome::Failed);
            let lacking: Vec<String> = row
                .lacking(&t.columns)
                .into_iter()
                .map(str::to_owned)
                .collect();
            let record = row.record.clone();
            view! {
                <tr data-testid="rollup-row" data-unit=row.unit.name.clone()>
                    <th scope="row">
                        {row.unit.name.clone()}
                        {(!lacking.is_empty())
                            .then(|| {
                                let ids = lacking.join(", ");
                                view! {
                                    <br />
                                    <span class="muted">{tp!(i18n, rollup_row_lacks, ids)}</span>
                                }
                            })}
                    </th>
                    <td>{messages::unit_kind(i18n, row.unit.kind)} " · v" {row.version}</td>
                    <td class=cell_class(Some(row.overall)) data-status=row.overall.code()>
                        {cell_word(i18n, Some(row.overall))}
                    </td>
                    <td data-testid="rollup-row-failed">{failed}</td>
                    {row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(c, cell)| {
                            let cell = *cell;
                            let criterion = t.columns[c].id.clone();
                            let record = record.clone();
                            let reason = row.evaluation.criteria.get(&criterion).map(|r| r.reason.clone());
                            let title = match &reason {
                                Some(
                                    CriterionReason::All { failed, incomplete },
                                ) if !failed.is_empty() || !incomplete.is_empty() => {
                                    failed.iter().chain(incomplete).cloned().collect::<Vec<_>>().join(", ")
                                }
                                _ => String::new(),
                            };
                            view! {
                                <td
                                    class=cell_class(cell)
                                    tabindex="0"
                                    title=title
                                    data-status=cell.map(Outcome::code).unwrap_or("lacking")
                                    data-criterion=criterion
                                    data-cell=cell.map(|_| format!("{i}:{c}"))
                                    data-record=cell.map(|_| record)
                                >
                                    {cell_word(i18n, cell)}
                                </td>
                            }
                        })
                        .collect_view()}
                </tr>
            }
        })
        .collect_view()
        .into_any()
}
