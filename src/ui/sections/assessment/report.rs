//! The printed dossier of TT 124 Article 9 clause 2, in the layout of
//! Nghị định 30/2020: the self-assessment report ("Báo cáo"), the submission
//! ("Tờ trình") and the minutes of the review meeting ("Biên bản").
//! Official documents are written in Vietnamese whatever the interface language.

use leptos::prelude::*;

use super::input::Data;
use crate::domain::assessment::{meeting_roles, ActionStatus, ReportText};
use crate::domain::criteria::Outcome;
use crate::platform::clock;
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::documents::{self, Letterhead};
use crate::ui::words::reasons::{self as words, text};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Doc {
    Report,
    Submission,
    Minutes,
}

fn result_word(status: Outcome) -> &'static str {
    match status {
        Outcome::Passed => "Đạt",
        Outcome::Failed => "Chưa đạt",
        Outcome::Incomplete => "Chưa đủ thông tin",
        Outcome::NotApplicable => "Không áp dụng",
        Outcome::NotEvaluated => "—",
    }
}

#[component]
pub fn ReportTab(id: String, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let preview = RwSignal::new(None::<Doc>);
    let report = move || {
        data.with(|d| {
            d.as_ref()
                .map(|(a, _, _)| a.report.clone())
                .unwrap_or_default()
        })
    };
    // Locking fixes the answers; the dossier's texts stay open until a decision.
    let locked = move || data.with(|d| d.as_ref().is_some_and(|(a, _, _)| a.report_closed()));
    let verdict = move || data.with(|d| d.as_ref().map(|(_, _, e)| e.set.status));
    let edit = {
        let id = id.clone();
        move |apply: Box<dyn Fn(&mut ReportText)>| {
            let mut r = report();
            apply(&mut r);
            let _ = state.edit(|ws| ws.edit_assessment(&id, |a| a.set_report(r)));
        }
    };
    let edit_roles = edit.clone();
    let input = {
        let edit = edit.clone();
        move |key: &'static str,
              label: AnyView,
              read: fn(&ReportText) -> String,
              write: fn(&mut ReportText, String),
              multiline: bool| {
            let field = format!("report-{key}");
            let edit = edit.clone();
            let value = move || read(&report());
            let on_input = move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                edit(Box::new(move |r| write(r, v.clone())))
            };
            view! {
                <div class="field">
                    <label for=field.clone()>{label}</label>
                    {if multiline {
                        view! { <textarea id=field rows="3" disabled=locked prop:value=value on:input=on_input></textarea> }.into_any()
                    } else {
                        view! { <input id=field type="text" disabled=locked prop:value=value on:input=on_input /> }.into_any()
                    }}
                </div>
            }
        }
    };
    view! {
        <div class="report-tab">
            <form class="report-fields" on:submit=|ev| ev.prevent_default()>
                <h3>{tr!(i18n, report_fields)}</h3>
                <p class="field__hint" data-testid="report-lock-note">{tr!(i18n, report_lock_note)}</p>
                {input("superior", tr!(i18n, report_superior).into_any(), |r| r.superior_body.clone(), |r, v| r.superior_body = v, false)}
                {input("issuer", tr!(i18n, report_issuer).into_any(), |r| r.issuing_body.clone(), |r, v| r.issuing_body = v, false)}
                {input("place", tr!(i18n, report_place).into_any(), |r| r.place.clone(), |r, v| r.place = v, false)}
                {input("signer-title", tr!(i18n, report_signer_title).into_any(), |r| r.signer_title.clone(), |r, v| r.signer_title = v, false)}
                {input("signer-name", tr!(i18n, report_signer_name).into_any(), |r| r.signer_name.clone(), |r, v| r.signer_name = v, false)}
                {input("participants", tr!(i18n, report_participants).into_any(), |r| r.participants.clone(), |r, v| r.participants = v, true)}
                {move || {
                    // The roles Article 9 names, offered while the list is empty.
                    let roles = data.with(|d| d.as_ref().and_then(|(a, _, _)| {
                        state.workspace.with(|ws| ws.units().get(&a.unit).map(|u| meeting_roles(u.kind)))
                    })).unwrap_or_default();
                    let fill = edit_roles.clone();
                    (report().participants.trim().is_empty() && !roles.is_empty() && !locked()).then(|| view! {
                        <button type="button" class="button button--small" data-testid="report-fill-roles"
                            on:click=move |_| fill(Box::new(move |r| r.participants = roles.join("\n")))>
                            {tr!(i18n, report_fill_roles)}
                        </button>
                    })
                }}
                {input("secretary", tr!(i18n, report_secretary).into_any(), |r| r.secretary.clone(), |r, v| r.secretary = v, false)}
                {input("situation", tr!(i18n, report_situation).into_any(), |r| r.situation.clone(), |r, v| r.situation = v, true)}
                {input("shortcomings", tr!(i18n, report_shortcomings).into_any(), |r| r.shortcomings.clone(), |r, v| r.shortcomings = v, true)}
                {input("direction", tr!(i18n, report_direction).into_any(), |r| r.direction.clone(), |r, v| r.direction = v, true)}
                {input("proposal", tr!(i18n, report_proposal).into_any(), |r| r.proposal.clone(), |r, v| r.proposal = v, true)}
            </form>
            <div class="report-actions">
                <button type="button" class="button button--primary" on:click=move |_| preview.set(Some(Doc::Report))>{tr!(i18n, report_preview_report)}</button>
                <button type="button" class="button" aria-describedby="report-submission-warning" on:click=move |_| preview.set(Some(Doc::Submission))>{tr!(i18n, report_preview_submission)}</button>
                <button type="button" class="button" on:click=move |_| preview.set(Some(Doc::Minutes))>{tr!(i18n, report_preview_minutes)}</button>
            </div>
            // Asking for recognition of a unit that does not meet the standard.
            <p id="report-submission-warning" class="banner banner--warning" role="note" data-testid="report-submission-warning"
                hidden=move || verdict() == Some(Outcome::Passed)>
                <span aria-hidden="true">"⚠ "</span>
                {move || {
                    let result = verdict().map(result_word).unwrap_or("—");
                    tp!(i18n, report_submission_warning, result = result)
                }}
            </p>
            {move || preview.get().map(|doc| view! {
                <crate::ui::widgets::documents::DocOverlay on_back=move || preview.set(None)>
                    <Document doc=doc data=data />
                </crate::ui::widgets::documents::DocOverlay>
            })}
        </div>
    }
}

#[component]
fn Document(doc: Doc, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let Some((assessment, set, evaluation)) = data.get_untracked() else {
        return ().into_any();
    };
    let unit = state
        .workspace
        .with_untracked(|ws| ws.units().get(&assessment.unit).cloned());
    let unit_name = unit.as_ref().map(|u| u.name.clone()).unwrap_or_default();
    let r = assessment.report.clone();
    let today = clock::today_date();
    let (type_name, code, summary) = match doc {
        Doc::Report => ("BÁO CÁO", "BC", format!("Kết quả tự đánh giá {unit_name} theo tiêu chuẩn “An toàn về an ninh, trật tự” năm {}", assessment.year)),
        Doc::Submission => ("TỜ TRÌNH", "TTr", format!("Đề nghị xét, công nhận {unit_name} đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {}", assessment.year)),
        Doc::Minutes => ("BIÊN BẢN", "BB", format!("Họp đánh giá, đề nghị công nhận {unit_name} đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {}", assessment.year)),
    };
    let overall = evaluation.set.status;
    let criteria_total = set.criteria().count();
    let criteria_met = set
        .criteria()
        .filter(|c| evaluation.criteria.get(&c.id).map(|r| r.status) == Some(Outcome::Passed))
        .count();
    let conclusion = format!(
        "Đối chiếu với {} tiêu chí của {}, {} đạt {}/{} tiêu chí; tự đánh giá: {}.",
        criteria_total,
        text(&set.title),
        unit_name,
        criteria_met,
        criteria_total,
        match overall {
            Outcome::Passed => "ĐẠT tiêu chuẩn",
            Outcome::Failed => "CHƯA ĐẠT tiêu chuẩn",
            _ => "chưa đủ thông tin để kết luận",
        }
    );
    let basis = set
        .legal_basis
        .first()
        .map(|b| {
            let date = b
                .date
                .map(|d| format!(" ngày {}", d.vietnamese()))
                .unwrap_or_default();
            format!("{}{date}", b.document)
        })
        .unwrap_or_default();
    let mut letterhead = Letterhead::from_texts(&r, &unit_name, (code, type_name), summary, &[]);
    letterhead.date = Some(today);
    if doc == Doc::Submission {
        letterhead.recipients = vec!["- Như trên;".to_owned(), "- Lưu: VT.".to_owned()];
    }
    let body = match doc {
        Doc::Report => {
            let rows = set.groups.iter().flat_map(|g| g.criteria.iter()).enumerate().map(|(n, c)| {
                let status = evaluation.criteria.get(&c.id).map(|r| r.status).unwrap_or(Outcome::Incomplete);
                let indicator_rows = c.indicators.iter().map(|i| {
                    let result = evaluation.indicators.get(&i.id).cloned();
                    let evidence = assessment.evidence.get(&i.id).cloned().unwrap_or_default();
                    let docs = evidence.documents.iter().map(|d| {
                        let date = d.date.map(|x| format!(" ngày {}", x.vietnamese())).unwrap_or_default();
                        let issuer = if d.issuer.is_empty() { String::new() } else { format!(" của {}", d.issuer) };
                        format!("Văn bản số {}{date}{issuer}", d.number)
                    }).collect::<Vec<_>>().join("; ");
                    let kind = i.kind.clone();
                    view! {
                        <tr>
                            <td></td>
                            <td>{text(&i.label)}</td>
                            <td>{evidence.notes.clone()} {(!docs.is_empty()).then(|| view! { <br /> {docs} })}</td>
                            <td>{result.map(|r| view! { <strong>{result_word(r.status)}</strong> <br /> <span class="reason">{words::reason(i18n, &r.reason, &kind)}</span> })}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <tr class="nd30-table__criterion">
                        <td>{n + 1}</td>
                        <td><strong>{text(&c.label)}</strong></td>
                        <td></td>
                        <td><strong>{result_word(status)}</strong></td>
                    </tr>
                    {indicator_rows}
                }
            }).collect_view();
            let failing: Vec<String> = set.criteria().filter(|c| matches!(evaluation.criteria.get(&c.id).map(|r| r.status), Some(Outcome::Failed | Outcome::Incomplete))).map(|c| text(&c.label)).collect();
            let actions = assessment.actions.clone();
            view! {
                <h2 class="nd30-heading">"I. ĐẶC ĐIỂM TÌNH HÌNH"</h2>
                <p class="nd30-para">{r.situation.clone()}</p>
                <h2 class="nd30-heading">"II. KẾT QUẢ THỰC HIỆN"</h2>
                <table class="nd30-table" data-testid="report-table">
                    <thead><tr><th scope="col">"STT"</th><th scope="col">"Tiêu chí, chỉ tiêu"</th><th scope="col">"Minh chứng"</th><th scope="col">"Kết quả"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="nd30-para"><strong>{conclusion.clone()}</strong></p>
                <h2 class="nd30-heading">"III. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN"</h2>
                <p class="nd30-para">{r.shortcomings.clone()}</p>
                {(!failing.is_empty()).then(|| view! { <ul>{failing.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul> })}
                <h2 class="nd30-heading">"IV. PHƯƠNG HƯỚNG"</h2>
                <p class="nd30-para">{r.direction.clone()}</p>
                {(!actions.is_empty()).then(|| view! {
                    <table class="nd30-table">
                        <thead><tr><th scope="col">"Việc cần làm"</th><th scope="col">"Người thực hiện"</th><th scope="col">"Hạn"</th><th scope="col">"Tình trạng"</th></tr></thead>
                        <tbody>{actions.into_iter().map(|a| view! {
                            <tr><td>{a.what}</td><td>{a.who}</td><td>{a.due.map(|d| d.vietnamese())}</td>
                            <td>{match a.status { ActionStatus::Todo => "Chưa làm", ActionStatus::Doing => "Đang làm", ActionStatus::Done => "Xong" }}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                })}
                <h2 class="nd30-heading">"V. ĐỀ XUẤT, KIẾN NGHỊ"</h2>
                <p class="nd30-para">{r.proposal.clone()}</p>
            }
            .into_any()
        }
        Doc::Submission => view! {
            <p class="nd30-to">"Kính gửi: " {r.superior_body.clone()}</p>
            <p class="nd30-para">{format!("Căn cứ {basis} quy định khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự”;")}</p>
            <p class="nd30-para">{format!("Căn cứ kết quả tự đánh giá năm {} của {unit_name};", assessment.year)}</p>
            <p class="nd30-para">{conclusion.clone()}</p>
            <p class="nd30-para">{r.proposal.clone()}</p>
            <p class="nd30-para">{format!("Kính đề nghị {} xem xét, công nhận {unit_name} đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {}./.", if r.superior_body.trim().is_empty() { "cấp có thẩm quyền".to_owned() } else { r.superior_body.trim().to_owned() }, assessment.year)}</p>
        }
        .into_any(),
        Doc::Minutes => {
            let participants: Vec<String> = r.participants.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
            view! {
                <p class="nd30-para">{format!("Hôm nay, {}, tại {}, {} tổ chức họp đánh giá kết quả năm {}.", today.long_vietnamese(), if r.place.trim().is_empty() { unit_name.clone() } else { r.place.trim().to_owned() }, unit_name, assessment.year)}</p>
                <p class="nd30-para"><strong>"Thành phần tham dự gồm:"</strong></p>
                <ul>{participants.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                <p class="nd30-para"><strong>"Nội dung:"</strong>{format!(" Hội nghị đã đánh giá từng tiêu chí theo {}:", text(&set.title))}</p>
                <ul>
                    {set.criteria().map(|c| {
                        let status = evaluation.criteria.get(&c.id).map(|r| r.status).unwrap_or(Outcome::Incomplete);
                        view! { <li>{text(&c.label)} ": " <strong>{result_word(status)}</strong></li> }
                    }).collect_view()}
                </ul>
                <p class="nd30-para"><strong>"Kết luận: "</strong>{conclusion.clone()}</p>
                <p class="nd30-para">"Biên bản kết thúc vào hồi ... giờ ... cùng ngày, đã thông qua cho các thành viên dự họp./."</p>
            }
            .into_any()
        }
    };
    // The minutes are signed by their secretary and the meeting's chair.
    let signature = match doc {
        Doc::Minutes => documents::minutes_signature(&r.secretary, &letterhead).into_any(),
        _ => documents::signature(&letterhead).into_any(),
    };
    view! {
        <article class="print-doc" lang="vi">
            {documents::header(&letterhead)}
            {body}
            {signature}
        </article>
    }
    .into_any()
}
