//! The roll-up's outputs: the CSV of the table as shown, the printed
//! summary report in the Nghị định 30/2020 layout (in Vietnamese), and the
//! roll-up file the level above receives in turn.

use leptos::prelude::*;

use super::figures::{share, year_figures, YearFigures};
use super::table::use_selection;
use super::{use_rollup, Rollup};
use crate::domain::assessment::ReportText;
use crate::domain::criteria::{Outcome, Pending};
use crate::domain::rollup::csv::{table_csv, Separator, Words};
use crate::domain::rollup::table::Table;
use crate::domain::UnitInfo;
use crate::format::exchange::{slug, Exported};
use crate::format::rollup::export_rollup;
use crate::format::rollup::{decode_document_fields, encode_document_fields};
use crate::platform::archive::ROLLUP_DOCUMENT;
use crate::platform::download;
use crate::support::numbers::grouped;
use crate::ui::i18n::*;
use crate::ui::shell::export::{now_stamp, offer};
use crate::ui::shell::state::{use_app_state, AppState};
use crate::ui::widgets::choice::{option, Choice};
use crate::ui::widgets::documents::{self, Letterhead};
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
    let field = move |id: &'static str,
                      label: AnyView,
                      get: fn(&ReportText) -> String,
                      put: fn(&mut ReportText, String)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" prop:value=move || fields.with(get) on:change=move |ev| {
                    fields.update(|f| put(f, event_target_value(&ev)));
                    let text = encode_document_fields(&fields.get_untracked());
                    let archive = state.archive.get_value();
                    wasm_bindgen_futures::spawn_local(async move {
                        fields_failed.set(archive.put_snapshot(ROLLUP_DOCUMENT, &text).await.is_err());
                    });
                } />
            </div>
        }
    };
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
                {Choice::new("rollup-separator", tr!(i18n, rollup_separator),
                    move || if separator.get() == Separator::Comma { "comma" } else { "semicolon" }.into(),
                    move || vec![option("semicolon", t_string!(i18n, rollup_semicolon)), option("comma", t_string!(i18n, rollup_comma))],
                    move |v| separator.set(if v == "comma" { Separator::Comma } else { Separator::Semicolon })).testid("rollup-separator").view()}
                <button type="button" class="button" data-testid="rollup-csv" on:click=csv disabled=move || selection.table.with(|t| t.is_none())>{tr!(i18n, rollup_csv)}</button>
                <button type="button" class="button button--primary" data-testid="rollup-print" on:click=move |_| printing.set(true) disabled=move || figures.with(|f| f.is_none())>{tr!(i18n, rollup_print)}</button>
                <button type="button" class="button" data-testid="rollup-export" on:click=export disabled=move || sender().is_none() || figures.with(|f| f.is_none())>{tr!(i18n, rollup_export)}</button>
            </div>
            {move || sender().is_none().then(|| view! { <p class="note">{tr!(i18n, rollup_need_unit)}</p> })}
            <details class="rollup-document-fields">
                <summary>{tr!(i18n, rollup_document_fields)}</summary>
                {field("rollup-doc-superior", tr!(i18n, report_superior).into_any(), |f| f.superior_body.clone(), |f, v| f.superior_body = v)}
                {field("rollup-doc-issuer", tr!(i18n, report_issuer).into_any(), |f| f.issuing_body.clone(), |f, v| f.issuing_body = v)}
                {field("rollup-doc-place", tr!(i18n, report_place).into_any(), |f| f.place.clone(), |f, v| f.place = v)}
                {field("rollup-doc-signer-title", tr!(i18n, report_signer_title).into_any(), |f| f.signer_title.clone(), |f, v| f.signer_title = v)}
                {field("rollup-doc-signer-name", tr!(i18n, report_signer_name).into_any(), |f| f.signer_name.clone(), |f, v| f.signer_name = v)}
                {move || fields_failed.get().then(|| view! { <p class="field__error" role="alert">{tr!(i18n, rollup_document_fields_failed)}</p> })}
            </details>
            {move || result.get().map(|r| match r {
                Ok(file) => {
                    let (name, units, assessments, plans) = (file.file_name.clone(), file.summary.units, file.summary.assessments, file.summary.festival_plans);
                    view! { <p class="banner banner--info" role="status" data-testid="rollup-exported">{tp!(i18n, rollup_exported, name, units, assessments, plans)}</p> }.into_any()
                }
                Err(err) => view! { <p class="field__error" role="alert">{tr!(i18n, data_export_failed)} " " {err}</p> }.into_any(),
            })}
        </section>
        {move || (printing.get()).then(|| figures.get().map(|f| {
            let table = selection.table.get();
            view! {
                <documents::DocOverlay on_back=move || printing.set(false)>
                    {summary(state, rollup, &f, table.as_ref(), &fields.get())}
                </documents::DocOverlay>
            }
        })).flatten()}
    }
}

fn summary(
    state: AppState,
    rollup: Rollup,
    f: &YearFigures,
    table: Option<&Table>,
    fields: &ReportText,
) -> impl IntoView {
    let (unit_name, above) = state.workspace.with_untracked(|ws| {
        ws.active_unit()
            .map(|u| (u.name.clone(), u.above.clone()))
            .unwrap_or_default()
    });
    let kind_word = |k: crate::domain::UnitKind| match k {
        crate::domain::UnitKind::ResidentialArea => "Khu dân cư",
        crate::domain::UnitKind::Commune => "Xã",
        crate::domain::UnitKind::Ward => "Phường",
        crate::domain::UnitKind::Town => "Thị trấn",
        crate::domain::UnitKind::SpecialZone => "Đặc khu",
        crate::domain::UnitKind::Agency => "Cơ quan",
        crate::domain::UnitKind::Enterprise => "Doanh nghiệp",
        crate::domain::UnitKind::School => "Cơ sở giáo dục",
    };
    let year = f.year;
    // The unit's "above" stands in for a superior body not typed.
    let mut texts = fields.clone();
    if texts.superior_body.trim().is_empty() {
        texts.superior_body = above;
    }
    let letterhead = Letterhead::from_texts(
        &texts,
        &unit_name,
        ("BC", "BÁO CÁO"),
        format!("Tổng hợp kết quả xây dựng, công nhận “An toàn về an ninh, trật tự” năm {year}"),
        &[],
    );
    let unit_name = letterhead.issuer.clone();
    let (files, units) = rollup.shelf.with_untracked(|shelf| {
        let accepted: Vec<_> = shelf.accepted().filter(|r| r.year() == year).collect();
        let mut units: Vec<_> = accepted.iter().map(|r| r.unit.id.clone()).collect();
        crate::support::order::sort(&mut units);
        units.dedup();
        (accepted.len(), units.len())
    });
    let kinds = f
        .kinds
        .iter()
        .map(|k| {
            view! {
                <tr>
                    <td>{k.kind.map(kind_word).unwrap_or_default()}</td>
                    <td>{k.units}</td>
                    <td>{share(k.passed, k.units, ',')}</td>
                    <td>{share(k.recognised, k.units, ',')}</td>
                </tr>
            }
        })
        .collect_view();
    let derived = f
        .derived
        .iter()
        .flat_map(|(_, list)| list.iter())
        .map(|d| {
            let result = match d.status {
                Outcome::Passed => "đạt",
                Outcome::Failed => "chưa đạt",
                _ => "chưa đủ thông tin",
            };
            // The units behind the figure that it does not count, and why,
            // as the commune's own assessment names them.
            let pending: Vec<String> = d
                .figures()
                .map(|f| {
                    f.not_counted
                        .iter()
                        .map(|n| {
                            let why = match &n.why {
                                Pending::NoAssessment => "chưa gửi tệp".to_owned(),
                                Pending::NoDecision => "chưa có quyết định công nhận".to_owned(),
                                Pending::FileProblem { comment } => {
                                    format!("tệp có vấn đề: {comment}")
                                }
                            };
                            format!("{} ({why})", n.name)
                        })
                        .chain(
                            f.left_out
                                .iter()
                                .map(|l| format!("{} (ngoài phạm vi, không tính)", l.name)),
                        )
                        .collect()
                })
                .unwrap_or_default();
            let pending =
                (!pending.is_empty()).then(|| format!(" Chưa tính: {}.", pending.join("; ")));
            view! {
                <p class="nd30-para">{format!(
                    "- {}: {} (cần {} đơn vị, ngưỡng {}%): {}.{}",
                    d.label.vi,
                    share(d.numerator as usize, d.denominator as usize, ','),
                    d.required,
                    d.threshold,
                    result,
                    pending.unwrap_or_default()
                )}</p>
            }
        })
        .collect_view();
    let decisions = rollup.shelf.with_untracked(|shelf| {
        let mut lines: Vec<(String, String)> = shelf
            .accepted()
            .filter(|r| r.year() == year)
            .filter_map(|r| {
                let d = r.decision.as_ref()?;
                let word = if d.recognised {
                    "được công nhận"
                } else {
                    "không được công nhận"
                };
                let note = if d.note.is_empty() {
                    String::new()
                } else {
                    format!("; lý do: {}", d.note)
                };
                Some((
                    r.unit.name.clone(),
                    format!(
                        "{}: {word}, Quyết định số {} ngày {} ({}){note}.",
                        r.unit.name,
                        d.number,
                        d.on.vietnamese(),
                        d.signer
                    ),
                ))
            })
            .collect();
        crate::support::order::sort_by_key(&mut lines, |(name, _)| {
            crate::support::text::sort_key(name)
        });
        lines
    });
    let decisions = (!decisions.is_empty()).then(|| view! {
        <p class="nd30-para">"Quyết định công nhận đã ghi nhận:"</p>
        <ul data-testid="rollup-summary-decisions">{decisions.into_iter().map(|(_, line)| view! { <li>{line}</li> }).collect_view()}</ul>
    });
    let failing_units = table.map(|t| {
        t.rows
            .iter()
            .filter(|r| r.overall == Outcome::Failed)
            .map(|r| {
                let criteria: Vec<String> = r
                    .cells
                    .iter()
                    .zip(&t.columns)
                    .filter(|(c, _)| **c == Some(Outcome::Failed))
                    .map(|(_, col)| format!("{} {}", col.id, col.label.vi))
                    .collect();
                view! { <li>{format!("{}: {}", r.unit.name, criteria.join("; "))}</li> }
            })
            .collect_view()
    });
    let most = f
        .failed_most
        .iter()
        .map(|c| view! { <li>{format!("{} {}: {} đơn vị chưa đạt", c.criterion, c.label.vi, c.failed)}</li> })
        .collect_view();
    let festival = (f.festival.plans > 0).then(|| {
        let t = &f.festival;
        view! {
            <h2 class="nd30-heading">"IV. NGÀY HỘI TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"</h2>
            <p class="nd30-para">{format!(
                "{}/{} đơn vị đã tổ chức và báo cáo kết quả; {} lượt người tham gia; {} suất quà, trị giá {} đồng; {} mô hình ra mắt; {} bản cam kết được ký.",
                t.held, t.plans, grouped(t.participants, '.'), grouped(t.gifts, '.'), grouped(t.gifts_value, '.'), t.models_launched, t.commitments_signed
            )}</p>
            <ul>{t.awards.iter().map(|a| view! { <li>{format!("{}: {} tập thể, {} cá nhân", a.award, a.collectives, a.individuals)}</li> }).collect_view()}</ul>
        }
    });
    view! {
        <article class="print-doc" lang="vi" data-testid="rollup-summary">
            {documents::header(&letterhead)}
            <h2 class="nd30-heading">"I. TÌNH HÌNH TIẾP NHẬN HỒ SƠ"</h2>
            <p class="nd30-para">{format!("{unit_name} đã tiếp nhận và chấp nhận {files} tệp của {units} đơn vị trực thuộc cho năm {year}.")}</p>
            <h2 class="nd30-heading">"II. KẾT QUẢ"</h2>
            <table class="nd30-table" data-testid="rollup-summary-kinds">
                <thead><tr><th scope="col">"Loại đơn vị"</th><th scope="col">"Số đơn vị"</th><th scope="col">"Tự đánh giá đạt"</th><th scope="col">"Được công nhận"</th></tr></thead>
                <tbody>{kinds}</tbody>
            </table>
            {derived}
            {decisions}
            <h2 class="nd30-heading">"III. NHỮNG TIÊU CHÍ, ĐƠN VỊ CHƯA ĐẠT"</h2>
            <ol>{most}</ol>
            <ul data-testid="rollup-summary-failing">{failing_units}</ul>
            {festival}
            {documents::signature(&letterhead)}
        </article>
    }
}
