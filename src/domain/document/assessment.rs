//! The dossier of TT 124 Article 9 clause 2: the self-assessment report
//! ("Báo cáo"), the submission ("Tờ trình") and the minutes of the review
//! meeting ("Biên bản").

use super::{plain, result_word, strong, Block, Closing, Document, Fields, Letterhead, Row, Table};
use crate::domain::assessment::{ActionStatus, Assessment, Stage};
use crate::domain::calendar::Date;
use crate::domain::criteria::{CriteriaSet, Evaluation, IndicatorKind, Outcome, Reason};

/// The three papers of the dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    Report,
    Submission,
    Minutes,
}

impl Paper {
    pub const ALL: [Paper; 3] = [Paper::Report, Paper::Submission, Paper::Minutes];

    /// Its file name's first part.
    pub fn slug(self) -> &'static str {
        match self {
            Paper::Report => "bao-cao-tu-danh-gia",
            Paper::Submission => "to-trinh",
            Paper::Minutes => "bien-ban-hop",
        }
    }
}

/// What the dossier is made of.
pub struct Dossier<'a> {
    pub assessment: &'a Assessment,
    pub set: &'a CriteriaSet,
    pub evaluation: &'a Evaluation,
    pub unit: &'a str,
    /// The unit's documents' fields.
    pub fields: &'a Fields,
    /// Today, for a dossier whose meeting is not recorded yet.
    pub today: Date,
    /// An indicator's reason as a Vietnamese sentence with its numbers.
    pub reason: &'a dyn Fn(&Reason, &IndicatorKind) -> String,
}

/// `paper` of the dossier.
pub fn paper(paper: Paper, d: &Dossier) -> Document {
    let (a, set, evaluation, unit) = (d.assessment, d.set, d.evaluation, d.unit);
    let r = a.report();
    let year = a.year();
    let standard = "tiêu chuẩn “An toàn về an ninh, trật tự”";
    let (type_name, code, summary) = match paper {
        Paper::Report => (
            "BÁO CÁO",
            "BC",
            format!("Kết quả tự đánh giá {unit} theo {standard} năm {year}"),
        ),
        Paper::Submission => (
            "TỜ TRÌNH",
            "TTr",
            format!("Đề nghị xét, công nhận {unit} đạt {standard} năm {year}"),
        ),
        Paper::Minutes => (
            "BIÊN BẢN",
            "BB",
            format!("Họp đánh giá, đề nghị công nhận {unit} đạt {standard} năm {year}"),
        ),
    };
    let date = document_date(a, d.today);
    let fields = d.fields.or(r);
    let mut letterhead =
        Letterhead::from_texts(&fields, unit, (code, type_name), summary, &[], date);
    if paper == Paper::Submission {
        letterhead.recipients = vec!["- Như trên;".to_owned(), "- Lưu: VT.".to_owned()];
    }
    let status_of = |id: &str| {
        evaluation
            .criteria
            .get(id)
            .map(|r| r.status)
            .unwrap_or(Outcome::Incomplete)
    };
    let total = set.criteria().count();
    let met = set
        .criteria()
        .filter(|c| status_of(&c.id) == Outcome::Passed)
        .count();
    let conclusion = format!(
        "Đối chiếu với {total} tiêu chí của {}, {unit} đạt {met}/{total} tiêu chí; tự đánh giá: {}.",
        set.title.vi,
        match evaluation.set.status {
            Outcome::Passed => "ĐẠT tiêu chuẩn",
            Outcome::Failed => "CHƯA ĐẠT tiêu chuẩn",
            _ => "chưa đủ thông tin để kết luận",
        }
    );
    let para = |text: &str| Block::Para(vec![plain(text)]);
    let body = match paper {
        Paper::Report => {
            let mut rows = Vec::new();
            for (n, c) in set.groups.iter().flat_map(|g| &g.criteria).enumerate() {
                rows.push(Row {
                    group: true,
                    ..Row::of([
                        vec![plain((n + 1).to_string())],
                        vec![strong(&c.label.vi)],
                        vec![],
                        vec![strong(result_word(status_of(&c.id)))],
                    ])
                });
                for i in &c.indicators {
                    let evidence = a.evidence().get(&i.id).cloned().unwrap_or_default();
                    let documents = evidence
                        .documents
                        .iter()
                        .map(|x| {
                            let date = x
                                .date
                                .map(|x| format!(" ngày {}", x.vietnamese()))
                                .unwrap_or_default();
                            let issuer = if x.issuer.is_empty() {
                                String::new()
                            } else {
                                format!(" của {}", x.issuer)
                            };
                            format!("Văn bản số {}{date}{issuer}", x.number)
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    let proof = [evidence.notes.clone(), documents]
                        .into_iter()
                        .filter(|t| !t.trim().is_empty())
                        .map(|t| vec![plain(t)])
                        .collect();
                    let result = evaluation.indicators.get(&i.id).map(|x| {
                        vec![
                            vec![strong(result_word(x.status))],
                            vec![plain((d.reason)(&x.reason, &i.kind))],
                        ]
                    });
                    rows.push(Row {
                        cells: vec![
                            vec![],
                            vec![vec![plain(&i.label.vi)]],
                            proof,
                            result.unwrap_or_default(),
                        ],
                        group: false,
                    });
                }
            }
            let failing: Vec<_> = set
                .criteria()
                .filter(|c| matches!(status_of(&c.id), Outcome::Failed | Outcome::Incomplete))
                .map(|c| vec![plain(&c.label.vi)])
                .collect();
            let mut body = vec![
                Block::Heading("I. ĐẶC ĐIỂM TÌNH HÌNH".into()),
                para(&r.situation),
                Block::Heading("II. KẾT QUẢ THỰC HIỆN".into()),
                Block::Table(
                    Table::new(
                        &[
                            ("STT", 7),
                            ("Tiêu chí, chỉ tiêu", 38),
                            ("Minh chứng", 30),
                            ("Kết quả", 25),
                        ],
                        rows,
                    )
                    .tagged("report-table"),
                ),
                Block::Para(vec![strong(&conclusion)]),
                Block::Heading("III. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN".into()),
                para(&r.shortcomings),
            ];
            if !failing.is_empty() {
                body.push(Block::List {
                    items: failing,
                    tag: None,
                });
            }
            body.extend([
                Block::Heading("IV. PHƯƠNG HƯỚNG".into()),
                para(&r.direction),
            ]);
            if !a.actions().is_empty() {
                let rows = a
                    .actions()
                    .iter()
                    .map(|x| {
                        Row::of([
                            vec![plain(&x.what)],
                            vec![plain(&x.who)],
                            vec![plain(x.due.map(|d| d.vietnamese()).unwrap_or_default())],
                            vec![plain(match x.status {
                                ActionStatus::Todo => "Chưa làm",
                                ActionStatus::Doing => "Đang làm",
                                ActionStatus::Done => "Xong",
                            })],
                        ])
                    })
                    .collect();
                body.push(Block::Table(
                    Table::new(
                        &[
                            ("Việc cần làm", 46),
                            ("Người thực hiện", 24),
                            ("Hạn", 15),
                            ("Tình trạng", 15),
                        ],
                        rows,
                    )
                    .tagged("report-actions"),
                ));
            }
            body.extend([
                Block::Heading("V. ĐỀ XUẤT, KIẾN NGHỊ".into()),
                para(&r.proposal),
            ]);
            body
        }
        Paper::Submission => {
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
            let superior = match fields.superior_body.trim() {
                "" => "cấp có thẩm quyền",
                body => body,
            };
            vec![
                Block::To(format!("Kính gửi: {}", fields.superior_body)),
                para(&format!("Căn cứ {basis} quy định khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt {standard};")),
                para(&format!("Căn cứ kết quả tự đánh giá năm {year} của {unit};")),
                para(&conclusion),
                para(&r.proposal),
                para(&format!("Kính đề nghị {superior} xem xét, công nhận {unit} đạt {standard} năm {year}./.")),
            ]
        }
        Paper::Minutes => {
            let place = match fields.place.trim() {
                "" => unit,
                place => place,
            };
            let participants = r
                .participants
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|p| vec![plain(p)])
                .collect();
            let criteria = set
                .criteria()
                .map(|c| {
                    vec![
                        plain(format!("{}: ", c.label.vi)),
                        strong(result_word(status_of(&c.id))),
                    ]
                })
                .collect();
            vec![
                para(&format!("Hôm nay, {}, tại {place}, {unit} tổ chức họp đánh giá kết quả năm {year}.", date.long_vietnamese())),
                Block::Para(vec![strong("Thành phần tham dự gồm:")]),
                Block::List { items: participants, tag: None },
                Block::Para(vec![strong("Nội dung:"), plain(format!(" Hội nghị đã đánh giá từng tiêu chí theo {}:", set.title.vi))]),
                Block::List { items: criteria, tag: None },
                Block::Para(vec![strong("Kết luận: "), plain(&conclusion)]),
                para("Biên bản kết thúc vào hồi ... giờ ... cùng ngày, đã thông qua cho các thành viên dự họp./."),
            ]
        }
    };
    Document {
        letterhead,
        body,
        closing: match paper {
            Paper::Minutes => Closing::Minutes {
                secretary: r.secretary.clone(),
            },
            _ => Closing::Signature,
        },
        name: super::file_name(paper.slug(), unit, year),
        working_paper: false,
    }
}

/// The dossier's date: the one set on it, else the day of the review
/// meeting (when the assessment was locked), else `today`.
pub fn document_date(a: &Assessment, today: Date) -> Date {
    let locked = a
        .history()
        .iter()
        .rev()
        .find(|change| change.to == Stage::SelfAssessed)
        .map(|change| change.on);
    super::date_of(a.report(), locked, today)
}
