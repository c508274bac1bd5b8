//! The roll-up's outputs: the CSV of the table as shown, the Excel
//! workbook (`format::office::xlsx`), the summary report
//! (`domain::document::rollup`, printed or as a Word file), and the roll-up
//! file the level above receives in turn.

use leptos::prelude::*;

use super::figures::year_figures;
use super::table::use_selection;
use super::{use_rollup, Rollup};
use crate::domain::assessment::ReportText;
use crate::domain::criteria::{IndicatorKind, Outcome, Reason};
use crate::domain::document::{self, rollup::Receiver, Document};
use crate::domain::rollup::csv::{table_csv, Separator, Words};
use crate::domain::rollup::figures::YearFigures;
use crate::domain::rollup::table::{tables_in, Table};
use crate::domain::rollup::Shelf;
use crate::domain::UnitInfo;
use crate::format::exchange::Exported;
use crate::format::office::xlsx;
use crate::format::rollup::export_rollup;
use crate::format::rollup::{decode_document_fields, encode_document_fields};
use crate::platform::archive::ROLLUP_DOCUMENT;
use crate::platform::{clock, download};
use crate::support::text::slug;
use crate::ui::i18n::*;
use crate::ui::shell::export::{now_stamp, offer};
use crate::ui::shell::split::{split, then};
use crate::ui::shell::state::{use_app_state, AppState};
use crate::ui::widgets::choice::{option, Choice};
use crate::ui::widgets::document_fields::{date_field, unit_fields};
use crate::ui::widgets::documents::{offer_made, DocOverlay, XLSX};
use crate::ui::words::messages;
use crate::ui::words::reasons as words;

#[component]
pub fn Outputs() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let rollup = use_rollup();
    let selection = use_selection();
    let figures = year_figures();
    let separator = RwSignal::new(Separator::Semicolon);
    let printing = RwSignal::new(false);
    let result = RwSignal::new(None::<Result<Exported, String>>);
    let sender = move || {
        state
            .workspace
            .with(|ws| ws.active_unit().map(UnitInfo::of))
    };
    // The summary's header and signature, kept in IndexedDB between visits.
    let fields = RwSignal::new(ReportText::default());
    let fields_failed = RwSignal::new(false);
    {
        let archive = state.archive.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(Some(text)) = archive.snapshot(ROLLUP_DOCUMENT).await {
                fields.set(decode_document_fields(&text));
            }
        });
    }
    // The summary's own date, kept with the fields typed for it before
    // they were the unit's.
    let set_date = move |date: Option<crate::domain::calendar::Date>| {
        fields.update(|f| f.date = date);
        let text = encode_document_fields(&fields.get_untracked());
        let archive = state.archive.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            fields_failed.set(archive.put_snapshot(ROLLUP_DOCUMENT, &text).await.is_err());
        });
    };
    let summary_date = move || fields.with(|f| document::date_of(f, None, clock::today_date()));
    let unit = Signal::derive(move || {
        state
            .workspace
            .with(|ws| ws.active_unit().map(|u| u.id.clone()))
    });
    let csv = move |_| {
        let Some(table) = selection.table.get_untracked() else {
            return;
        };
        let (key, desc) = selection.sort.get_untracked();
        let order = table.view(&selection.filter.get_untracked(), &key, desc);
        let kind_name = move |k| messages::unit_kind(i18n, k);
        // Words a spreadsheet can filter on: "Đạt", "Chưa đạt", no marks.
        let status = move |s: Option<Outcome>| match s {
            Some(s) => messages::result_string(i18n, s),
            None => t_string!(i18n, rollup_lacking).to_owned(),
        };
        let label = |t: &crate::domain::criteria::Text| words::text(t);
        let words = Words {
            unit: t_string!(i18n, rollup_col_unit),
            kind: t_string!(i18n, rollup_col_kind),
            version: t_string!(i18n, rollup_col_version),
            overall: t_string!(i18n, rollup_col_overall),
            failed_count: t_string!(i18n, rollup_col_failed),
            kind_name: &kind_name,
            status: &status,
            label: &label,
        };
        let text = table_csv(&table, &order, &words, separator.get_untracked());
        let name = format!("{}_{}_bang-tong-hop.csv", table.year, slug(&table.set_id));
        let _ = download::download_text(&name, "text/csv;charset=utf-8", &text);
    };
    let excel_failed = RwSignal::new(false);
    let excel = move |_| {
        let Some(f) = figures.get_untracked() else {
            return;
        };
        let year = f.year;
        let (shelf, grids) = rollup
            .shelf
            .with_untracked(|shelf| (shelf.clone(), tables_in(shelf, year)));
        let unit = sender().map(|u| u.name).unwrap_or_default();
        let name = format!(
            "{}.xlsx",
            crate::domain::document::file_name("bang-tong-hop", &unit, year)
        );
        let book = ExcelInput {
            year,
            shelf,
            grids,
            threshold: f.recognised_threshold(),
        };
        then(excel_file(book), offer_made(name, XLSX, excel_failed));
    };
    let export = move |_| {
        let Some(unit) = sender() else {
            return;
        };
        let Some(year) = figures.get_untracked().map(|f| f.year) else {
            return;
        };
        let file = rollup.shelf.with_untracked(|shelf| {
            let records: Vec<_> = shelf.accepted().filter(|r| r.year() == year).collect();
            let assessments: Vec<_> = records
                .iter()
                .filter_map(|r| Some((&r.unit, r.assessment()?, r.set()?)))
                .collect();
            let plans: Vec<_> = records
                .iter()
                .filter_map(|r| Some((&r.unit, r.festival_plan()?)))
                .collect();
            export_rollup(&unit, year, &assessments, &plans, &now_stamp())
        });
        result.set(Some(offer(&file).map(|()| file)));
    };
    view! {
        <section aria-labelledby="rollup-outputs-title" class="screen-only">
            <h2 id="rollup-outputs-title">{tr!(i18n, rollup_outputs_title)}</h2>
            <div class="rollup-controls">
                {Choice::new(
                        "rollup-separator",
                        tr!(i18n, rollup_separator),
                        move || if separator.get() == Separator::Comma { "comma" } else { "semicolon" }.into(),
                        move || {
                            vec![
                                option("semicolon", t_string!(i18n, rollup_semicolon)),
                                option("comma", t_string!(i18n, rollup_comma)),
                            ]
                        },
                        move |v| separator.set(if v == "comma" { Separator::Comma } else { Separator::Semicolon }),
                    )
                    .testid("rollup-separator")
                    .view()}
                <button
                    type="button"
                    class="button"
                    data-testid="rollup-csv"
                    on:click=csv
                    disabled=move || selection.table.with(|t| t.is_none())
                >
                    {tr!(i18n, rollup_csv)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="rollup-xlsx"
                    on:click=excel
                    disabled=move || figures.with(|f| f.is_none())
                >
                    {tr!(i18n, rollup_xlsx)}
                </button>
                <button
                    type="button"
                    class="button button--primary"
                    data-testid="rollup-print"
                    on:click=move |_| printing.set(true)
                    disabled=move || figures.with(|f| f.is_none())
                >
                    {tr!(i18n, rollup_print)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="rollup-export"
                    on:click=export
                    disabled=move || sender().is_none() || figures.with(|f| f.is_none())
                >
                    {tr!(i18n, rollup_export)}
                </button>
            </div>
            {move || {
                excel_failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="field__error" role="alert">
                                {tr!(i18n, rollup_xlsx_failed)}
                            </p>
                        }
                    })
            }}
            {move || sender().is_none().then(|| view! { <p class="note">{tr!(i18n, rollup_need_unit)}</p> })}
            <details class="rollup-document-fields">
                <summary>{tr!(i18n, rollup_document_fields)}</summary>
                {unit_fields("rollup-doc", unit, fields.into(), Signal::stored(false))}
                {date_field("rollup-doc-date", summary_date, set_date, Signal::stored(false))}
                {move || {
                    fields_failed
                        .get()
                        .then(|| {
                            view! {
                                <p class="field__error" role="alert">
                                    {tr!(i18n, rollup_document_fields_failed)}
                                </p>
                            }
                        })
                }}
            </details>
            {move || {
                result
                    .get()
                    .map(|r| match r {
                        Ok(file) => {
                            let (name, units, assessments, plans) = (
                                file.file_name.clone(),
                                file.summary.units,
                                file.summary.assessments,
                                file.summary.festival_plans,
                            );
                            view! {
                                <p class="banner banner--info" role="status" data-testid="rollup-exported">
                                    {tp!(i18n, rollup_exported, name, units, assessments, plans)}
                                </p>
                            }
                                .into_any()
                        }
                        Err(err) => {
                            view! {
                                <p class="field__error" role="alert">
                                    {tr!(i18n, data_export_failed)}
                                    " "
                                    {err}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
        {move || {
            (printing.get())
                .then(|| {
                    figures
                        .get()
                        .map(|f| {
                            let table = selection.table.get();
                            let doc = summary(state, rollup, &f, table.as_ref(), &fields.get());
                            view! { <DocOverlay on_back=move || printing.set(false) doc=doc /> }
                        })
                })
                .flatten()
        }}
    }
}

/// The summary report of the year of `f`, of the unit this browser is,
/// with the summary's own `texts` (its date).
fn summary(
    state: AppState,
    rollup: Rollup,
    f: &YearFigures,
    table: Option<&Table>,
    texts: &ReportText,
) -> Document {
    let (name, above, fields) = state.workspace.with_untracked(|ws| {
        ws.active_unit()
            .map(|u| (u.name.clone(), u.above.clone(), u.document.clone()))
            .unwrap_or_default()
    });
    let receiver = Receiver {
        name: &name,
        above: &above,
        fields: &fields,
        texts,
    };
    rollup.shelf.with_untracked(|shelf| {
        document::rollup::summary(&receiver, shelf, f, table, clock::today_date())
    })
}

split!(
    excel,
    fn excel_file(book: ExcelInput) -> Result<Vec<u8>, String> {
        let i18n = I18n::vietnamese();
        let reason = move |r: &Reason, kind: &IndicatorKind| words::reason_text(i18n, r, kind);
        let ExcelInput {
            year,
            shelf,
            grids,
            threshold,
        } = book;
        xlsx::workbook(&xlsx::Rollup {
            year,
            shelf: &shelf,
            grids,
            threshold,
            reason: &reason,
        })
        .map_err(|e| e.to_string())
    }
);

/// What the workbook is made of, handed to its chunk.
struct ExcelInput {
    year: i32,
    shelf: Shelf,
    grids: Vec<(String, Table)>,
    threshold: Option<u32>,
}
