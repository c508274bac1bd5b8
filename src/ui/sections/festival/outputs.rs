//! The printed plan ("Kế hoạch tổ chức Ngày hội…"), the after-festival report
//! ("Báo cáo kết quả tổ chức Ngày hội…"), the one-page run-sheet, and the
//! calendar file. Official documents stay Vietnamese.

use leptos::prelude::*;

use super::{text_input, PlanMemo};
use crate::domain::festival::{
    time_text, to_ics, FestivalKind, FestivalPlan, FundSource, Part, Role,
};
use crate::format::exchange::slug;
use crate::platform::{clock, download};
use crate::support::numbers::{dong, grouped};
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::documents::{self, Letterhead};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Doc {
    Plan,
    Report,
    RunSheet,
}

#[component]
pub fn Outputs(plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let preview = RwSignal::new(None::<Doc>);
    let id = plan.get_untracked().map(|p| p.id).unwrap_or_default();
    let ics = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let unit = state.workspace.with_untracked(|ws| {
            ws.units()
                .get(&p.unit)
                .map(|u| u.name.clone())
                .unwrap_or_default()
        });
        let stamp = clock::utc_stamp();
        let name = format!("{}_{}_ngay-hoi.ics", p.year, slug(&unit));
        let _ = download::download_text(
            &name,
            "text/calendar;charset=utf-8",
            &to_ics(&p, &unit, &stamp),
        );
    };
    view! {
        <div class="report-tab">
            <form class="report-fields" on:submit=|ev| ev.prevent_default()>
                <h3>{tr!(i18n, festival_doc_fields)}</h3>
                {text_input(id.clone(), plan, "festival-doc-superior".into(), tr!(i18n, report_superior).into_any(), |p| p.document.superior_body.clone(), |p, v| p.document.superior_body = v, "text")}
                {text_input(id.clone(), plan, "festival-doc-issuer".into(), tr!(i18n, report_issuer).into_any(), |p| p.document.issuing_body.clone(), |p, v| p.document.issuing_body = v, "text")}
                {text_input(id.clone(), plan, "festival-doc-place".into(), tr!(i18n, report_place).into_any(), |p| p.document.place.clone(), |p, v| p.document.place = v, "text")}
                {text_input(id.clone(), plan, "festival-doc-signer-title".into(), tr!(i18n, report_signer_title).into_any(), |p| p.document.signer_title.clone(), |p, v| p.document.signer_title = v, "text")}
                {text_input(id.clone(), plan, "festival-doc-signer-name".into(), tr!(i18n, report_signer_name).into_any(), |p| p.document.signer_name.clone(), |p, v| p.document.signer_name = v, "text")}
            </form>
            <div class="report-actions">
                <button type="button" class="button button--primary" on:click=move |_| preview.set(Some(Doc::Plan))>{tr!(i18n, festival_print_plan)}</button>
                <button type="button" class="button" on:click=move |_| preview.set(Some(Doc::Report))>{tr!(i18n, festival_print_report)}</button>
                <button type="button" class="button" on:click=move |_| preview.set(Some(Doc::RunSheet))>{tr!(i18n, festival_print_runsheet)}</button>
                <button type="button" class="button" on:click=ics data-testid="ics">{tr!(i18n, festival_ics)}</button>
            </div>
            {move || preview.get().zip(plan.get()).map(|(doc, p)| view! {
                <documents::DocOverlay on_back=move || preview.set(None)>
                    {document(doc, &p)}
                </documents::DocOverlay>
            })}
        </div>
    }
}

fn name_of(plan: &FestivalPlan, person: &Option<String>) -> String {
    plan.person(person.as_ref())
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

/// "Nguyễn Văn An – 0912 345 678": who to call, on the run-sheet.
fn name_and_phone(plan: &FestivalPlan, person: &Option<String>) -> String {
    match plan.person(person.as_ref()) {
        Some(p) if !p.phone.trim().is_empty() => format!("{} – {}", p.name, p.phone.trim()),
        Some(p) => p.name.clone(),
        None => String::new(),
    }
}

/// A source of money as the printed documents name it.
fn source(s: FundSource) -> &'static str {
    match s {
        FundSource::StateBudget => "Ngân sách nhà nước",
        FundSource::OtherProgrammes => "Lồng ghép chương trình, dự án khác",
        FundSource::Voluntary => "Xã hội hóa",
    }
}

fn document(doc: Doc, p: &FestivalPlan) -> AnyView {
    let state = use_app_state();
    let unit = state.workspace.with_untracked(|ws| {
        ws.units()
            .get(&p.unit)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    });
    let d = &p.document;
    let letterhead = |type_name: &'static str, code: &'static str, summary: String| {
        Letterhead::from_texts(
            d,
            &unit,
            (code, type_name),
            summary,
            &["- Các thành viên Ban tổ chức;"],
        )
    };
    let when = match (p.date, p.time) {
        (Some(date), Some(t)) => format!("{}, {}", time_text(t), date.long_vietnamese()),
        (Some(date), None) => date.long_vietnamese(),
        _ => "(chưa định ngày)".to_owned(),
    };
    let programme = |part: Part, phones: bool| {
        p.programme
            .iter()
            .filter(|i| i.part == part)
            .map(|i| {
                let responsible = if phones {
                    name_and_phone(p, &i.responsible)
                } else {
                    name_of(p, &i.responsible)
                };
                view! {
                    <tr>
                        <td>{i.start.map(time_text)}</td>
                        <td>{i.minutes} " phút"</td>
                        <td>{i.item.clone()}</td>
                        <td>{responsible}</td>
                        <td>{i.notes.clone()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let table = |part: Part, phones: bool| {
        view! {
            <table class="nd30-table" data-testid="programme-table">
                <thead><tr><th scope="col">"Giờ"</th><th scope="col">"Thời lượng"</th><th scope="col">"Nội dung"</th><th scope="col">"Phụ trách"</th><th scope="col">"Ghi chú"</th></tr></thead>
                <tbody>{programme(part, phones)}</tbody>
            </table>
        }
    };
    match doc {
        Doc::Plan => {
            let l = letterhead("KẾ HOẠCH", "KH", format!("Tổ chức {}", p.title));
            let committee = p.people.iter().filter(|x| x.role != Role::None).map(|x| {
                let role = match x.role { Role::Head => "Trưởng ban", Role::Deputy => "Phó Trưởng ban", _ => "Thành viên" };
                view! { <li>{format!("{} – {}{}", x.name, if x.position.is_empty() { String::new() } else { format!("{}, ", x.position) }, role)}</li> }
            }).collect_view();
            let totals = p.budget_totals();
            let tasks = p.tasks_by_due().into_iter().map(|t| view! {
                <tr><td>{t.title.clone()}</td><td>{name_of(p, &t.owner)}</td><td>{t.due.map(|d| d.vietnamese())}</td></tr>
            }).collect_view();
            view! {
                <article class="print-doc" lang="vi">
                    {documents::header(&l)}
                    <p class="nd30-para">"Căn cứ Quyết định số 521/QĐ-TTg ngày 13/6/2005 của Thủ tướng Chính phủ lấy ngày 19 tháng 8 hằng năm là “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”; Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư và Kết luận số 44-KL/TW ngày 22/01/2019; Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an; kế hoạch của cấp trên;"</p>
                    <p class="nd30-para">{format!("{} xây dựng Kế hoạch tổ chức {} như sau:", unit, p.title)}</p>
                    <h2 class="nd30-heading">"I. MỤC ĐÍCH, YÊU CẦU"</h2>
                    <p class="nd30-para">"Giáo dục lòng yêu nước, nâng cao trách nhiệm, ý thức cảnh giác của cán bộ, đảng viên và Nhân dân trong bảo vệ an ninh Tổ quốc; biểu dương, khen thưởng, nhân rộng điển hình tiên tiến; đánh giá kết quả phong trào. Tổ chức trang trọng, thiết thực, tiết kiệm, hướng về cơ sở."</p>
                    <h2 class="nd30-heading">"II. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM"</h2>
                    <p class="nd30-para">{format!("Hình thức: {}. Thời gian: {}. Địa điểm: {}.", if p.kind == FestivalKind::Model { "Ngày hội điểm" } else { "Ngày hội" }, when, p.venue)}</p>
                    <p class="nd30-para"><strong>"1. Phần lễ"</strong></p>
                    {table(Part::Ceremony, false)}
                    <p class="nd30-para"><strong>"2. Phần hội"</strong></p>
                    {table(Part::Festivity, false)}
                    <h2 class="nd30-heading">"III. THÀNH PHẦN THAM DỰ"</h2>
                    <ul>{p.guests.iter().map(|g| view! { <li>{format!("{}{}{}", g.name, if g.position.is_empty() { String::new() } else { format!(", {}", g.position) }, if g.body.is_empty() { String::new() } else { format!(", {}", g.body) })}</li> }).collect_view()}</ul>
                    <h2 class="nd30-heading">"IV. KINH PHÍ"</h2>
                    <p class="nd30-para">"Theo Thông tư số 40/2023/TT-BTC ngày 09/6/2023 của Bộ Tài chính:"</p>
                    <ul data-testid="plan-budget">
                        {totals.into_iter().filter(|(_, planned, _)| *planned > 0).map(|(s, planned, _)| view! { <li>{format!("{}: {}", source(s), dong(planned))}</li> }).collect_view()}
                        <li><strong>{format!("Tổng cộng: {}", dong(p.budget_total().0))}</strong></li>
                    </ul>
                    <h2 class="nd30-heading">"V. TỔ CHỨC THỰC HIỆN"</h2>
                    <p class="nd30-para"><strong>"Ban tổ chức:"</strong></p>
                    <ul>{committee}</ul>
                    <table class="nd30-table" data-testid="plan-tasks">
                        <thead><tr><th scope="col">"Công việc"</th><th scope="col">"Người thực hiện"</th><th scope="col">"Hạn"</th></tr></thead>
                        <tbody>{tasks}</tbody>
                    </table>
                    {documents::signature(&l)}
                </article>
            }
            .into_any()
        }
        Doc::Report => {
            let l = letterhead("BÁO CÁO", "BC", format!("Kết quả tổ chức {}", p.title));
            let r = &p.report;
            let num = |v: Option<u64>| v.map(|x| grouped(x, '.')).unwrap_or_else(|| "…".to_owned());
            let by_award = p
                .commendations_by_award()
                .into_iter()
                .map(|(award, collectives, individuals)| {
                    view! {
                        <tr><td>{award}</td><td>{collectives}</td><td>{individuals}</td></tr>
                    }
                })
                .collect_view();
            let budget = p
                .budget_totals()
                .into_iter()
                .filter(|(_, planned, actual)| planned + actual > 0)
                .map(|(s, planned, actual)| view! {
                    <tr><th scope="row">{source(s)}</th><td>{dong(planned)}</td><td>{dong(actual)}</td></tr>
                })
                .collect_view();
            let (planned, actual) = p.budget_total();
            view! {
                <article class="print-doc" lang="vi">
                    {documents::header(&l)}
                    <h2 class="nd30-heading">"I. ĐẶC ĐIỂM TÌNH HÌNH"</h2>
                    <p class="nd30-para">{format!("{} đã tổ chức {} vào {} tại {}.", unit, p.title, when, p.venue)}</p>
                    <h2 class="nd30-heading">"II. KẾT QUẢ THỰC HIỆN"</h2>
                    <ul data-testid="report-figures">
                        <li>{format!("Số người tham dự: {}", num(r.participants))}</li>
                        <li>{format!("Số suất quà: {}; trị giá: {}", num(r.gifts), r.gifts_value.map(dong).unwrap_or_else(|| "…".to_owned()))}</li>
                        <li>{format!("Số mô hình ra mắt: {}", num(r.models_launched))}</li>
                        <li>{format!("Số bản cam kết, giao ước đã ký: {}", num(r.commitments_signed))}</li>
                        <li>{format!("Tuyên truyền: {}", r.propaganda)}</li>
                    </ul>
                    <p class="nd30-para"><strong>"Khen thưởng:"</strong></p>
                    <table class="nd30-table" data-testid="report-commendations">
                        <thead><tr><th scope="col">"Hình thức"</th><th scope="col">"Tập thể"</th><th scope="col">"Cá nhân"</th></tr></thead>
                        <tbody>{by_award}</tbody>
                    </table>
                    <p class="nd30-para"><strong>"Kinh phí:"</strong></p>
                    <table class="nd30-table" data-testid="report-budget">
                        <thead><tr><th scope="col">"Nguồn"</th><th scope="col">"Dự kiến"</th><th scope="col">"Thực chi"</th></tr></thead>
                        <tbody>{budget}</tbody>
                        <tfoot><tr><th scope="row">"Tổng cộng"</th><td>{dong(planned)}</td><td>{dong(actual)}</td></tr></tfoot>
                    </table>
                    <p class="nd30-para">{r.went_well.clone()}</p>
                    <h2 class="nd30-heading">"III. TỒN TẠI, HẠN CHẾ, BÀI HỌC KINH NGHIỆM"</h2>
                    <p class="nd30-para">{r.lessons.clone()}</p>
                    {documents::signature(&l)}
                </article>
            }
            .into_any()
        }
        Doc::RunSheet => view! {
            <article class="print-doc" lang="vi">
                <p class="nd30-type">"CHƯƠNG TRÌNH VÀ PHÂN CÔNG"</p>
                <p class="nd30-summary">{format!("{} – {} – {}", p.title, when, p.venue)}</p>
                <p class="nd30-para"><strong>"Phần lễ"</strong></p>
                {table(Part::Ceremony, true)}
                <p class="nd30-para"><strong>"Phần hội"</strong></p>
                {table(Part::Festivity, true)}
            </article>
        }
        .into_any(),
    }
}
