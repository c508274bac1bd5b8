//! The stored shapes are frozen by golden files that hold every field of
//! every stored type with a value that is not its default, and every
//! variant: each answer kind, each status with its history, each indicator
//! kind of a local set, a festival plan with every list filled, a received
//! record under review, a roll-up file. Writing the same records must give
//! each file byte for byte, and reading it back the same records: so a
//! renamed field (or variant) fails here, whether it is written or read.
//! `UPDATE_FIXTURES=1 cargo test golden` rewrites them, for a change of
//! shape that comes with a new schema version and its migration.

use antq::catalog::builtin_sets;
use antq::domain::assessment::{Action, ActionStatus, DocumentRef, Evidence, ReportText};
use antq::domain::calendar::{Date, MonthDay};
use antq::domain::criteria::*;
use antq::domain::festival::*;
use antq::domain::rollup::{Body, Received, Recognition, Review};
use antq::domain::scope::{EnterpriseSize, SchoolLevel};
use antq::domain::unit::UnitFields;
use antq::domain::{Scope, UnitId, UnitInfo, UnitKind, Workspace};
use antq::format::exchange::read_file;
use antq::format::rollup::export_rollup;
use antq::format::rollup::{decode_received, encode_received};
use antq::format::{decode_workspace, encode_workspace};
use antq::support::map::Map;

fn day(month: u32, d: u32) -> Date {
    Date::new(2025, month, d).unwrap()
}

fn text(vi: &str) -> Text {
    Text {
        vi: vi.into(),
        en: format!("{vi} (en)"),
    }
}

fn indicator(id: &str, kind: IndicatorKind) -> Indicator {
    Indicator {
        id: id.into(),
        label: text(id),
        guidance: text("Hướng dẫn"),
        citation: Citation {
            document: "Thông tư 124/2021/TT-BCA".into(),
            article: "4".into(),
            clause: "3".into(),
            point: "a".into(),
        },
        status: Verification::Partial,
        na_allowed: true,
        kind,
    }
}

/// A local set with every indicator kind, every rule and every optional field.
fn every_kind_set() -> CriteriaSet {
    let indicators = vec![
        indicator(
            "yes-no",
            IndicatorKind::YesNo {
                window: Some(DateWindow {
                    from: MonthDay::new(1, 1),
                    to: MonthDay::new(3, 31),
                }),
            },
        ),
        indicator(
            "count",
            IndicatorKind::CountZero {
                escape: Some(Escape::Handled),
            },
        ),
        indicator(
            "count-fm",
            IndicatorKind::CountZero {
                escape: Some(Escape::ForceMajeure),
            },
        ),
        indicator(
            "rating",
            IndicatorKind::Rating {
                levels: vec![text("Tốt"), text("Khá")],
                min_level: 1,
                titles: vec![text("Tiên tiến")],
            },
        ),
        indicator(
            "number",
            IndicatorKind::Number {
                bound: Bound::AtMost,
                threshold: -3,
            },
        ),
        indicator(
            "percent",
            IndicatorKind::Percent {
                threshold: 70,
                rounding: Rounding::Down,
            },
        ),
        indicator(
            "trend",
            IndicatorKind::Trend {
                allow_equal: true,
                parts: vec![text("Tội phạm"), text("Tệ nạn")],
            },
        ),
        indicator(
            "checklist",
            IndicatorKind::Checklist {
                items: vec![
                    ChecklistItem {
                        id: "a".into(),
                        label: text("Mục a"),
                        na_allowed: true,
                    },
                    ChecklistItem {
                        id: "b".into(),
                        label: text("Mục b"),
                        na_allowed: false,
                    },
                ],
            },
        ),
        indicator(
            "derived",
            IndicatorKind::Derived {
                measure: DerivedMeasure::Recognised,
                threshold: 70,
                rounding: Rounding::Up,
                child_kinds: vec![UnitKind::ResidentialArea, UnitKind::School],
            },
        ),
        indicator(
            "composite",
            IndicatorKind::Composite {
                all_of: vec!["yes-no".into(), "count".into()],
            },
        ),
        indicator("points", IndicatorKind::Points { max: Some(10) }),
        indicator("note", IndicatorKind::Note),
    ];
    let criterion = |id: &str, rule, indicators| Criterion {
        id: id.into(),
        label: text(id),
        guidance: text("Hướng dẫn tiêu chí"),
        citation: Citation {
            document: "Thông tư 124/2021/TT-BCA".into(),
            article: "4".into(),
            clause: "1".into(),
            point: String::new(),
        },
        status: Verification::Unconfirmed,
        rule,
        indicators,
    };
    CriteriaSet {
        id: "tinh-x".into(),
        version: 3,
        title: text("Bộ tiêu chí của tỉnh"),
        description: text("Mô tả"),
        notice: text("Lưu ý"),
        applies_to: vec![UnitKind::ResidentialArea, UnitKind::Commune],
        period: Some(PeriodRule {
            start: MonthDay::new(11, 1),
            end: MonthDay::new(10, 31),
        }),
        recognition_deadline: Some(MonthDay::new(11, 15)),
        classification_deadline: Some(MonthDay::new(11, 30)),
        legal_basis: vec![LegalBasis {
            document: "Quyết định 1/QĐ-UBND".into(),
            date: Some(day(1, 2)),
            note: text("Ghi chú"),
        }],
        status: Verification::Partial,
        historical: true,
        variant_of: Some(SetRef {
            id: "tt124-khu-dan-cu".into(),
            version: 2,
        }),
        pass_rule: SetRule::Points,
        classes: vec![PointsClass {
            label: text("Xuất sắc"),
            min_points: Some(90),
        }],
        groups: vec![Group {
            id: "g".into(),
            label: text("Nhóm"),
            criteria: vec![
                criterion("c-all", CriterionRule::All, indicators[..6].to_vec()),
                criterion("c-any", CriterionRule::Any, indicators[6..9].to_vec()),
                criterion(
                    "c-points",
                    CriterionRule::PointsAtLeast { min: 5 },
                    indicators[9..].to_vec(),
                ),
            ],
        }],
    }
}

/// One answer of each kind.
fn every_answer() -> Answers {
    Answers::new()
        .with(
            "yes-no",
            Answer::YesNo {
                value: true,
                date: Some(day(2, 3)),
            },
        )
        .with(
            "count",
            Answer::Count {
                count: 1,
                handled: true,
            },
        )
        .with("count-fm", Answer::NotApplicable)
        .with(
            "rating",
            Answer::Rating {
                level: Some(1),
                title: Some(0),
            },
        )
        .with("number", Answer::Number { value: -4 })
        .with(
            "percent",
            Answer::Ratio {
                numerator: 7,
                denominator: 10,
            },
        )
        .with("trend", Answer::trend_of_parts(vec![1, 2], Some(4)))
        .with(
            "checklist",
            Answer::Checklist {
                checked: ["b".to_owned()].into_iter().collect(),
                not_applicable: Map::from_entries(vec![("a".into(), "Không có".into())]),
            },
        )
        .with("points", Answer::Points { points: 8 })
}

fn unit_fields(name: &str, kind: UnitKind, parent: Option<&str>, scope: Scope) -> UnitFields {
    UnitFields {
        name: name.into(),
        kind,
        above: "tỉnh Phú Thọ".into(),
        parent: parent.map(UnitId::new),
        scope,
    }
}

pub(crate) fn every_plan() -> FestivalPlan {
    FestivalPlan {
        id: "p".into(),
        unit: UnitId::new("u-thon"),
        year: 2025,
        title: "Ngày hội".into(),
        kind: FestivalKind::Model,
        date: Some(day(8, 15)),
        time: Some(450),
        venue: "Nhà văn hóa".into(),
        window: FestivalWindow {
            from: MonthDay::new(7, 2),
            to: MonthDay::new(8, 10),
        },
        people: vec![Person {
            id: "ps".into(),
            name: "Nguyễn Văn An".into(),
            role: Role::Head,
            position: "Trưởng thôn".into(),
            phone: "0912345678".into(),
        }],
        programme: vec![ProgrammeItem {
            id: "pi".into(),
            part: Part::Festivity,
            start: Some(480),
            minutes: 30,
            item: "Văn nghệ".into(),
            responsible: Some("ps".into()),
            notes: "Sân khấu".into(),
            optional: true,
        }],
        tasks: vec![Task {
            id: "t".into(),
            title: "Chuẩn bị".into(),
            owner: Some("ps".into()),
            due: Some(day(8, 1)),
            status: TaskStatus::Doing,
            notes: "Ghi chú".into(),
            key: true,
        }],
        budget: vec![BudgetLine {
            id: "b".into(),
            category: "Khen thưởng".into(),
            source: FundSource::Voluntary,
            planned: 1_500_000,
            actual: Some(1_200_000),
        }],
        guests: vec![Guest {
            id: "g".into(),
            name: "Trần Thị Bình".into(),
            position: "Phó Chủ tịch".into(),
            body: "UBND xã".into(),
            confirmed: true,
        }],
        commendations: vec![Commendation {
            id: "c".into(),
            collective: true,
            name: "Tổ bảo vệ ANTT".into(),
            achievement: "Xuất sắc".into(),
            award: "Giấy khen".into(),
        }],
        report: AfterReport {
            participants: Some(300),
            gifts: Some(20),
            gifts_value: Some(10_000_000),
            models_launched: Some(1),
            commitments_signed: Some(50),
            propaganda: "Loa".into(),
            went_well: "Đông vui".into(),
            lessons: "Chuẩn bị sớm".into(),
        },
        document: every_report(),
    }
}

fn every_report() -> ReportText {
    ReportText {
        situation: "Tình hình".into(),
        shortcomings: "Hạn chế".into(),
        direction: "Phương hướng".into(),
        proposal: "Đề xuất".into(),
        issuing_body: "BAN CÔNG TÁC MẶT TRẬN".into(),
        superior_body: "UBND xã Tân Lập".into(),
        place: "Tân Lập".into(),
        signer_title: "TRƯỞNG THÔN".into(),
        signer_name: "Nguyễn Văn An".into(),
        participants: "Bí thư chi bộ".into(),
        secretary: "Lê Thị Hoa".into(),
        date: Date::new(2025, 10, 28),
    }
}

/// A workspace with every record and every field filled.
pub(crate) fn every_field_workspace() -> Workspace {
    let mut ws = Workspace::new();
    let set = antq::format::criteria::validated(every_kind_set()).unwrap();
    let kdc = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu" && s.version == 2)
        .unwrap();
    ws.add_unit(
        UnitId::new("u-xa"),
        unit_fields("Xã Tân Lập", UnitKind::Commune, None, Scope::default()),
    )
    .unwrap();
    ws.set_unit_document(
        &UnitId::new("u-xa"),
        antq::domain::document::Fields {
            issuing_body: "Công an xã Tân Lập".into(),
            abbreviation: "CAX".into(),
            superior_body: "Công an huyện Đoan Hùng".into(),
            place: "Tân Lập".into(),
            signer_title: "Trưởng Công an xã".into(),
            signer_name: "Nguyễn Văn An".into(),
        },
    )
    .unwrap();
    ws.add_unit(
        UnitId::new("u-thon"),
        unit_fields(
            "Thôn Đồng",
            UnitKind::ResidentialArea,
            Some("u-xa"),
            Scope {
                managed: Some(true),
                ..Scope::default()
            },
        ),
    )
    .unwrap();
    ws.add_unit(
        UnitId::new("u-mn"),
        unit_fields(
            "Trường Mầm non",
            UnitKind::School,
            Some("u-xa"),
            Scope {
                school_level: Some(SchoolLevel::Preschool),
                managed: Some(false),
                ..Scope::default()
            },
        ),
    )
    .unwrap();
    ws.add_unit(
        UnitId::new("u-cty"),
        unit_fields(
            "Công ty May",
            UnitKind::Enterprise,
            Some("u-xa"),
            Scope {
                enterprise_size: Some(EnterpriseSize::Medium),
                ..Scope::default()
            },
        ),
    )
    .unwrap();
    ws.add_unit(
        UnitId::new("u-cq"),
        unit_fields(
            "Đồn Biên phòng",
            UnitKind::Agency,
            None,
            Scope {
                armed_forces: Some(true),
                ..Scope::default()
            },
        ),
    )
    .unwrap();
    ws.put_criteria_set(set.clone());
    // One assessment per status; the decided one was reopened once before.
    for (id, year) in [
        ("a-draft", 2022),
        ("a-self", 2023),
        ("a-sent", 2024),
        ("a-done", 2025),
    ] {
        ws.start_assessment(id.into(), &UnitId::new("u-thon"), &set, year, false)
            .unwrap();
        ws.edit_assessment(id, |a| {
            for (indicator, answer) in every_answer().0.iter() {
                a.set_answer(indicator, Some(answer.clone()))?;
            }
            a.set_evidence(
                "yes-no",
                Evidence {
                    notes: "Nghị quyết số 2".into(),
                    documents: vec![DocumentRef {
                        number: "02-NQ/CB".into(),
                        date: Some(day(2, 3)),
                        issuer: "Chi bộ".into(),
                        link: "https://example.invalid/nq".into(),
                    }],
                },
            )?;
            a.set_report(every_report())?;
            for (n, status) in [ActionStatus::Todo, ActionStatus::Doing, ActionStatus::Done]
                .into_iter()
                .enumerate()
            {
                a.put_action(Action {
                    id: format!("act-{n}"),
                    criterion: "c-all".into(),
                    what: "Tuần tra".into(),
                    who: "Tổ bảo vệ".into(),
                    due: Some(day(9, 1)),
                    status,
                });
            }
            if id == "a-draft" {
                return Ok(());
            }
            a.lock("Nguyễn Văn An", day(10, 20))?;
            if id == "a-done" {
                a.reopen("Nguyễn Văn An", day(10, 21), "Bổ sung minh chứng")?;
                a.lock("Nguyễn Văn An", day(10, 22))?;
            }
            if id == "a-self" {
                return Ok(());
            }
            a.submit(day(10, 25))?;
            if id == "a-done" {
                a.decide(true, "25/QĐ-UBND", day(11, 10))?;
            }
            Ok(())
        })
        .unwrap();
    }
    ws.start_assessment("a-kdc".into(), &UnitId::new("u-thon"), &kdc, 2025, false)
        .unwrap();
    ws.add_festival_plan(every_plan()).unwrap();
    ws
}

fn golden(name: &str, written: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/golden/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, written).unwrap();
    }
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no golden file {path}"))
}

#[test]
fn the_stored_workspace_with_every_field_is_written_and_read_as_its_golden_file() {
    let ws = every_field_workspace();
    let written = encode_workspace(&ws);
    let golden = golden("workspace-every-field.json", &written);
    assert_eq!(written, golden, "the stored workspace's shape changed");
    assert_eq!(decode_workspace(&golden).unwrap().workspace, ws);
    // Every answer kind and every status stands in the file.
    for code in [
        "\"type\":\"not_applicable\"",
        "\"type\":\"yes_no\"",
        "\"type\":\"count\"",
        "\"type\":\"rating\"",
        "\"type\":\"number\"",
        "\"type\":\"ratio\"",
        "\"type\":\"trend\"",
        "\"type\":\"checklist\"",
        "\"type\":\"points\"",
        "\"state\":\"draft\"",
        "\"state\":\"self_assessed\"",
        "\"state\":\"submitted\"",
        "\"state\":\"decided\"",
    ] {
        assert!(golden.contains(code), "{code} is missing");
    }
}

#[test]
fn a_received_record_under_review_is_stored_as_its_golden_file() {
    let ws = every_field_workspace();
    let assessment = ws.assessment("a-done").unwrap().clone();
    let set = ws.criteria_sets()[0].clone();
    let unit = UnitInfo::of(ws.units().get(&UnitId::new("u-thon")).unwrap());
    let via = UnitInfo::of(ws.units().get(&UnitId::new("u-xa")).unwrap());
    let sent_as = UnitInfo {
        id: UnitId::new("u-thon-o-thon"),
        name: "thôn Đồng".into(),
        parent: None,
        ..unit.clone()
    };
    let records = [
        Received {
            id: "r-1".into(),
            file_name: "2025_thon-dong_tu-danh-gia.json".into(),
            exported_at: "2025-11-01T08:00:00Z".into(),
            received_at: "2025-11-02T08:00:00Z".into(),
            unit: unit.clone(),
            via: Some(via),
            review: Review::Problem {
                comment: "Thiếu minh chứng".into(),
            },
            body: Body::Assessment {
                assessment: assessment.clone(),
                criteria_set: std::sync::Arc::new(set.clone()),
            },
            sent_as: None,
            decision: None,
        },
        Received {
            id: "r-3".into(),
            file_name: "2025_thon-dong_tu-danh-gia (2).json".into(),
            exported_at: "2025-11-03T08:00:00Z".into(),
            received_at: "2025-11-04T08:00:00Z".into(),
            unit: unit.clone(),
            via: None,
            review: Review::Accepted,
            body: Body::Assessment {
                assessment,
                criteria_set: std::sync::Arc::new(set),
            },
            sent_as: Some(sent_as),
            decision: Some(Recognition {
                recognised: false,
                number: "15/QĐ-UBND".into(),
                on: Date::new(2025, 11, 10).unwrap(),
                signer: "Chủ tịch UBND xã".into(),
                note: "Còn 2 vụ việc chưa giải quyết".into(),
            }),
        },
        Received {
            id: "r-2".into(),
            file_name: "2025_thon-dong_ngay-hoi.json".into(),
            exported_at: "2025-11-01T08:00:00Z".into(),
            received_at: "2025-11-02T08:00:00Z".into(),
            unit,
            via: None,
            review: Review::Accepted,
            body: Body::Festival {
                festival_plan: every_plan(),
            },
            sent_as: None,
            decision: None,
        },
    ];
    let written: Vec<String> = records.iter().map(encode_received).collect();
    let golden = golden("received-every-field.json", &(written.join("\n") + "\n"));
    assert_eq!(
        written.join("\n") + "\n",
        golden,
        "the received record's shape changed"
    );
    for (line, record) in golden.lines().zip(&records) {
        assert_eq!(&decode_received(line).unwrap(), record);
    }
}

#[test]
fn a_rollup_file_is_written_and_read_as_its_golden_file() {
    let ws = every_field_workspace();
    let sender = UnitInfo::of(ws.units().get(&UnitId::new("u-xa")).unwrap());
    let unit = UnitInfo::of(ws.units().get(&UnitId::new("u-thon")).unwrap());
    let set = ws.criteria_sets()[0].clone();
    let assessment = ws.assessment("a-done").unwrap().clone();
    let plan = every_plan();
    let file = export_rollup(
        &sender,
        2025,
        &[(&unit, &assessment, &set)],
        &[(&unit, &plan)],
        "2025-11-20T08:00:00Z",
    );
    let golden = golden("rollup-every-field.json", &file.text);
    assert_eq!(file.text, golden, "the roll-up file's shape changed");
    let back = read_file(&golden).unwrap();
    assert_eq!(back.sender, Some(sender));
    assert_eq!(back.assessments, [assessment]);
    assert_eq!(back.festival_plans, [plan]);
    assert_eq!(*back.criteria_sets[0], set);
}
