//! The roll-up's summary report ("Báo cáo tổng hợp kết quả xây dựng, công
//! nhận…"), made by the level that receives the units' files.

use super::{plain, Block, Closing, Document, Fields, Letterhead, Row, Table};
use crate::domain::assessment::ReportText;
use crate::domain::calendar::Date;
use crate::domain::criteria::{Outcome, Pending};
use crate::domain::rollup::figures::YearFigures;
use crate::domain::rollup::table::Table as Grid;
use crate::domain::rollup::Shelf;
use crate::domain::UnitKind;
use crate::support::numbers::{grouped, share};

/// The receiving unit, as its documents name it.
pub struct Receiver<'a> {
    pub name: &'a str,
    /// The level above, named when the document fields do not name one.
    pub above: &'a str,
    /// The unit's documents' fields.
    pub fields: &'a Fields,
    /// The summary's own: its date, and the fields typed for it before
    /// they were the unit's.
    pub texts: &'a ReportText,
}

fn kind_word(k: UnitKind) -> &'static str {
    match k {
        UnitKind::ResidentialArea => "Khu dân cư",
        UnitKind::Commune => "Xã",
        UnitKind::Ward => "Phường",
        UnitKind::Town => "Thị trấn",
        UnitKind::SpecialZone => "Đặc khu",
        UnitKind::Agency => "Cơ quan",
        UnitKind::Enterprise => "Doanh nghiệp",
        UnitKind::School => "Cơ sở giáo dục",
    }
}

/// The summary of `f`'s year, from the accepted files of `shelf` and the
/// table `grid` of the main set, dated `date`.
pub fn summary(
    receiver: &Receiver,
    shelf: &Shelf,
    f: &YearFigures,
    grid: Option<&Grid>,
    date: Date,
) -> Document {
    let year = f.year;
    let mut texts = receiver.fields.clone();
    if texts.superior_body.trim().is_empty() {
        texts.superior_body = receiver.above.to_owned();
    }
    let letterhead = Letterhead::from_texts(
        &texts,
        receiver.name,
        ("BC", "BÁO CÁO"),
        format!("Tổng hợp kết quả xây dựng, công nhận “An toàn về an ninh, trật tự” năm {year}"),
        &[],
        date,
    );
    let issuer = letterhead.issuer.clone();
    let accepted: Vec<_> = shelf.accepted().filter(|r| r.year() == year).collect();
    let mut units: Vec<_> = accepted.iter().map(|r| r.unit.id.clone()).collect();
    crate::support::order::sort(&mut units);
    units.dedup();
    let (files, units) = (accepted.len(), units.len());
    let kinds = f
        .kinds
        .iter()
        .map(|k| {
            Row::of([
                vec![plain(k.kind.map(kind_word).unwrap_or_default())],
                vec![plain(k.units.to_string())],
                vec![plain(share(k.passed, k.units, ','))],
                vec![plain(share(k.recognised, k.units, ','))],
            ])
        })
        .collect();
    let derived = f.derived.iter().flat_map(|(_, list)| list).map(|d| {
        let result = match d.status {
            Outcome::Passed => "đạt",
            Outcome::Failed => "chưa đạt",
            _ => "chưa đủ thông tin",
        };
        // The units behind the figure that it does not count, and why, as
        // the receiver's own assessment names them.
        let pending: Vec<String> = d
            .figures()
            .map(|f| {
                f.not_counted
                    .iter()
                    .map(|n| {
                        let why = match &n.why {
                            Pending::NoAssessment => "chưa gửi tệp".to_owned(),
                            Pending::NoDecision => "chưa có quyết định công nhận".to_owned(),
                            Pending::FileProblem { comment } => format!("tệp có vấn đề: {comment}"),
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
        let pending = if pending.is_empty() {
            String::new()
        } else {
            format!(" Chưa tính: {}.", pending.join("; "))
        };
        Block::Para(vec![plain(format!(
            "- {}: {} (cần {} đơn vị, ngưỡng {}%): {result}.{pending}",
            d.label.vi,
            share(d.numerator as usize, d.denominator as usize, ','),
            d.required,
            d.threshold,
        ))])
    });
    let mut decisions: Vec<(String, String)> = accepted
        .iter()
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
            let line = format!(
                "{}: {word}, Quyết định số {} ngày {} ({}){note}.",
                r.unit.name,
                d.number,
                d.on.vietnamese(),
                d.signer
            );
            Some((r.unit.name.clone(), line))
        })
        .collect();
    crate::support::order::sort_by_key(&mut decisions, |(name, _)| {
        crate::support::text::sort_key(name)
    });
    let failing = grid
        .map(|t| {
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
                    vec![plain(format!("{}: {}", r.unit.name, criteria.join("; ")))]
                })
                .collect()
        })
        .unwrap_or_default();
    let most = f
        .failed_most
        .iter()
        .map(|c| {
            vec![plain(format!(
                "{} {}: {} đơn vị chưa đạt",
                c.criterion, c.label.vi, c.failed
            ))]
        })
        .collect();
    let mut body = vec![
        Block::Heading("I. TÌNH HÌNH TIẾP NHẬN HỒ SƠ".into()),
        Block::Para(vec![plain(format!(
            "{issuer} đã tiếp nhận và chấp nhận {files} tệp của {units} đơn vị trực thuộc cho năm {year}."
        ))]),
        Block::Heading("II. KẾT QUẢ".into()),
        Block::Table(
            Table::new(&[("Loại đơn vị", 34), ("Số đơn vị", 16), ("Tự đánh giá đạt", 25), ("Được công nhận", 25)], kinds)
                .tagged("rollup-summary-kinds"),
        ),
    ];
    body.extend(derived);
    if !decisions.is_empty() {
        body.push(Block::Para(vec![plain(
            "Quyết định công nhận đã ghi nhận:",
        )]));
        body.push(Block::List {
            items: decisions
                .into_iter()
                .map(|(_, line)| vec![plain(line)])
                .collect(),
            tag: Some("rollup-summary-decisions"),
        });
    }
    body.extend([
        Block::Heading("III. NHỮNG TIÊU CHÍ, ĐƠN VỊ CHƯA ĐẠT".into()),
        Block::List {
            items: most,
            tag: None,
        },
        Block::List {
            items: failing,
            tag: Some("rollup-summary-failing"),
        },
    ]);
    let t = &f.festival;
    if t.plans > 0 {
        body.extend([
            Block::Heading("IV. NGÀY HỘI TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC".into()),
            Block::Para(vec![plain(format!(
                "{}/{} đơn vị đã tổ chức và báo cáo kết quả; {} lượt người tham gia; {} suất quà, trị giá {} đồng; {} mô hình ra mắt; {} bản cam kết được ký.",
                t.held,
                t.plans,
                grouped(t.participants, '.'),
                grouped(t.gifts, '.'),
                grouped(t.gifts_value, '.'),
                t.models_launched,
                t.commitments_signed
            ))]),
            Block::List {
                items: t
                    .awards
                    .iter()
                    .map(|a| vec![plain(format!("{}: {} tập thể, {} cá nhân", a.award, a.collectives, a.individuals))])
                    .collect(),
                tag: None,
            },
        ]);
    }
    Document {
        letterhead,
        body,
        closing: Closing::Signature,
        name: super::file_name("bao-cao-tong-hop", receiver.name, year),
        working_paper: false,
    }
}
