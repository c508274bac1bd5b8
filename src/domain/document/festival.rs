//! The festival's papers: the plan ("Kế hoạch tổ chức Ngày hội…"), the
//! after-festival report ("Báo cáo kết quả tổ chức Ngày hội…") and the
//! one-page run-sheet.

use super::{plain, strong, Block, Closing, Document, Fields, Letterhead, Row, Table};
use crate::domain::calendar::Date;
use crate::domain::festival::{time_text, FestivalKind, FestivalPlan, FundSource, Part, Role};
use crate::support::numbers::{dong, grouped};

/// The festival's papers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    Plan,
    Report,
    RunSheet,
}

impl Paper {
    pub const ALL: [Paper; 3] = [Paper::Plan, Paper::Report, Paper::RunSheet];

    pub fn slug(self) -> &'static str {
        match self {
            Paper::Plan => "ke-hoach-ngay-hoi",
            Paper::Report => "bao-cao-ket-qua-ngay-hoi",
            Paper::RunSheet => "chuong-trinh-ngay-hoi",
        }
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

/// `paper` of the festival `p` of `unit` whose documents' fields are
/// `fields`, dated as set on the plan or else `today`.
pub fn paper(paper: Paper, p: &FestivalPlan, unit: &str, fields: &Fields, today: Date) -> Document {
    let date = super::date_of(&p.document, None, today);
    let fields = fields.or(&p.document);
    let letterhead = |type_name: &'static str, code: &'static str, summary: String| {
        Letterhead::from_texts(
            &fields,
            unit,
            (code, type_name),
            summary,
            &["- Các thành viên Ban tổ chức;"],
            date,
        )
    };
    let name_of = |person: &Option<String>, phone: bool| match p.person(person.as_ref()) {
        Some(x) if phone && !x.phone.trim().is_empty() => {
            format!("{} – {}", x.name, x.phone.trim())
        }
        Some(x) => x.name.clone(),
        None => String::new(),
    };
    let when = match (p.date, p.time) {
        (Some(date), Some(t)) => format!("{}, {}", time_text(t), date.long_vietnamese()),
        (Some(date), None) => date.long_vietnamese(),
        _ => "(chưa định ngày)".to_owned(),
    };
    // The run-sheet gives each person's phone: who to call on the day.
    let programme = |part: Part, phones: bool| {
        let rows = p
            .programme
            .iter()
            .filter(|i| i.part == part)
            .map(|i| {
                Row::of([
                    vec![plain(i.start.map(time_text).unwrap_or_default())],
                    vec![plain(format!("{} phút", i.minutes))],
                    vec![plain(&i.item)],
                    vec![plain(name_of(&i.responsible, phones))],
                    vec![plain(&i.notes)],
                ])
            })
            .collect();
        Block::Table(
            Table::new(
                &[
                    ("Giờ", 9),
                    ("Thời lượng", 13),
                    ("Nội dung", 38),
                    ("Phụ trách", 24),
                    ("Ghi chú", 16),
                ],
                rows,
            )
            .tagged("programme-table"),
        )
    };
    let para = |text: String| Block::Para(vec![plain(text)]);
    let bold = |text: &str| Block::Para(vec![strong(text)]);
    let heading = |text: &str| Block::Heading(text.to_owned());
    let (letterhead, body, closing) = match paper {
        Paper::Plan => {
            let committee = p
                .people
                .iter()
                .filter(|x| x.role != Role::None)
                .map(|x| {
                    let role = match x.role {
                        Role::Head => "Trưởng ban",
                        Role::Deputy => "Phó Trưởng ban",
                        _ => "Thành viên",
                    };
                    let position = if x.position.is_empty() {
                        String::new()
                    } else {
                        format!("{}, ", x.position)
                    };
                    vec![plain(format!("{} – {position}{role}", x.name))]
                })
                .collect();
            let guests = p
                .guests
                .iter()
                .map(|g| {
                    let mut line = g.name.clone();
                    for extra in [&g.position, &g.body].into_iter().filter(|x| !x.is_empty()) {
                        line.push_str(", ");
                        line.push_str(extra);
                    }
                    vec![plain(line)]
                })
                .collect();
            let budget = p
                .budget_totals()
                .into_iter()
                .filter(|(_, planned, _)| *planned > 0)
                .map(|(s, planned, _)| vec![plain(format!("{}: {}", source(s), dong(planned)))])
                .chain(std::iter::once(vec![strong(format!(
                    "Tổng cộng: {}",
                    dong(p.budget_total().0)
                ))]))
                .collect();
            let tasks = p
                .tasks_by_due()
                .into_iter()
                .map(|t| {
                    Row::of([
                        vec![plain(&t.title)],
                        vec![plain(name_of(&t.owner, false))],
                        vec![plain(t.due.map(|d| d.vietnamese()).unwrap_or_default())],
                    ])
                })
                .collect();
            let body = vec![
                para("Căn cứ Quyết định số 521/QĐ-TTg ngày 13/6/2005 của Thủ tướng Chính phủ lấy ngày 19 tháng 8 hằng năm là “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”; Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư và Kết luận số 44-KL/TW ngày 22/01/2019; Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an; kế hoạch của cấp trên;".into()),
                para(format!("{unit} xây dựng Kế hoạch tổ chức {} như sau:", p.title)),
                heading("I. MỤC ĐÍCH, YÊU CẦU"),
                para("Giáo dục lòng yêu nước, nâng cao trách nhiệm, ý thức cảnh giác của cán bộ, đảng viên và Nhân dân trong bảo vệ an ninh Tổ quốc; biểu dương, khen thưởng, nhân rộng điển hình tiên tiến; đánh giá kết quả phong trào. Tổ chức trang trọng, thiết thực, tiết kiệm, hướng về cơ sở.".into()),
                heading("II. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM"),
                para(format!(
                    "Hình thức: {}. Thời gian: {when}. Địa điểm: {}.",
                    if p.kind == FestivalKind::Model { "Ngày hội điểm" } else { "Ngày hội" },
                    p.venue
                )),
                bold("1. Phần lễ"),
                programme(Part::Ceremony, false),
                bold("2. Phần hội"),
                programme(Part::Festivity, false),
                heading("III. THÀNH PHẦN THAM DỰ"),
                Block::List { items: guests, tag: None },
                heading("IV. KINH PHÍ"),
                para("Theo Thông tư số 40/2023/TT-BTC ngày 09/6/2023 của Bộ Tài chính:".into()),
                Block::List { items: budget, tag: Some("plan-budget") },
                heading("V. TỔ CHỨC THỰC HIỆN"),
                bold("Ban tổ chức:"),
                Block::List { items: committee, tag: None },
                Block::Table(
                    Table::new(&[("Công việc", 56), ("Người thực hiện", 28), ("Hạn", 16)], tasks).tagged("plan-tasks"),
                ),
            ];
            (
                letterhead("KẾ HOẠCH", "KH", format!("Tổ chức {}", p.title)),
                body,
                Closing::Signature,
            )
        }
        Paper::Report => {
            let r = &p.report;
            let num = |v: Option<u64>| v.map(|x| grouped(x, '.')).unwrap_or_else(|| "…".to_owned());
            let awards = p
                .commendations_by_award()
                .into_iter()
                .map(|(award, collectives, individuals)| {
                    Row::of([
                        vec![plain(award)],
                        vec![plain(collectives.to_string())],
                        vec![plain(individuals.to_string())],
                    ])
                })
                .collect();
            let budget = p
                .budget_totals()
                .into_iter()
                .filter(|(_, planned, actual)| planned + actual > 0)
                .map(|(s, planned, actual)| {
                    Row::of([
                        vec![plain(source(s))],
                        vec![plain(dong(planned))],
                        vec![plain(dong(actual))],
                    ])
                })
                .collect();
            let (planned, actual) = p.budget_total();
            let figures = [
                format!("Số người tham dự: {}", num(r.participants)),
                format!(
                    "Số suất quà: {}; trị giá: {}",
                    num(r.gifts),
                    r.gifts_value.map(dong).unwrap_or_else(|| "…".to_owned())
                ),
                format!("Số mô hình ra mắt: {}", num(r.models_launched)),
                format!(
                    "Số bản cam kết, giao ước đã ký: {}",
                    num(r.commitments_signed)
                ),
                format!("Tuyên truyền: {}", r.propaganda),
            ]
            .into_iter()
            .map(|x| vec![plain(x)])
            .collect();
            let body = vec![
                heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
                para(format!(
                    "{unit} đã tổ chức {} vào {when} tại {}.",
                    p.title, p.venue
                )),
                heading("II. KẾT QUẢ THỰC HIỆN"),
                Block::List {
                    items: figures,
                    tag: Some("report-figures"),
                },
                bold("Khen thưởng:"),
                Block::Table(
                    Table::new(
                        &[("Hình thức", 60), ("Tập thể", 20), ("Cá nhân", 20)],
                        awards,
                    )
                    .tagged("report-commendations"),
                ),
                bold("Kinh phí:"),
                Block::Table(
                    Table::new(&[("Nguồn", 46), ("Dự kiến", 27), ("Thực chi", 27)], budget)
                        .with_foot(Row::of([
                            vec![strong("Tổng cộng")],
                            vec![plain(dong(planned))],
                            vec![plain(dong(actual))],
                        ]))
                        .tagged("report-budget"),
                ),
                para(r.went_well.clone()),
                heading("III. TỒN TẠI, HẠN CHẾ, BÀI HỌC KINH NGHIỆM"),
                para(r.lessons.clone()),
            ];
            (
                letterhead("BÁO CÁO", "BC", format!("Kết quả tổ chức {}", p.title)),
                body,
                Closing::Signature,
            )
        }
        Paper::RunSheet => {
            let mut l = letterhead(
                "CHƯƠNG TRÌNH VÀ PHÂN CÔNG",
                "",
                format!("{} – {when} – {}", p.title, p.venue),
            );
            l.recipients.clear();
            let body = vec![
                bold("Phần lễ"),
                programme(Part::Ceremony, true),
                bold("Phần hội"),
                programme(Part::Festivity, true),
            ];
            (l, body, Closing::None)
        }
    };
    Document {
        letterhead,
        body,
        closing,
        name: super::file_name(paper.slug(), unit, p.year),
        working_paper: paper == Paper::RunSheet,
    }
}
