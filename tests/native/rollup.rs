//! The roll-up: receiving files, duplicates, the consolidated table on mixed
//! versions, the derived figures, the CSV, festival totals, the roll-up
//! file and the stored record.

use antq::catalog::builtin_sets;
use antq::domain::calendar::Date;
use antq::domain::criteria::{Answer, CriteriaSet, IndicatorKind, Outcome, Text};
use antq::domain::festival::FestivalPlan;
use antq::domain::rollup::csv::{table_csv, write, Separator, Words};
use antq::domain::rollup::figures::{by_kind, derived, failed_most};
use antq::domain::rollup::table::{table, Filter, SortKey};
use antq::domain::rollup::{festival, Copies, Received, Review, Shelf, ShelfError};
use antq::domain::unit::UnitFields;
use antq::domain::{UnitId, UnitInfo, UnitKind, Workspace};
use antq::format::exchange::{
    export_assessment, export_festival_plan, export_workspace, read_file,
};
use antq::format::rollup::{decode_received, encode_received, received_from};
use antq::format::{LoadError, ProblemKind};

pub(super) fn set(id: &str) -> CriteriaSet {
    builtin_sets().into_iter().find(|s| s.id == id).unwrap()
}

pub(super) struct Village<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: UnitKind,
    pub year: i32,
    /// Indicators answered so that they fail (a count of 1, or "no").
    pub failing: &'a [&'a str],
    pub recognised: bool,
    pub exported_at: &'a str,
}

pub(super) fn village(v: &Village, set: &CriteriaSet) -> String {
    let mut ws = Workspace::new();
    let id = UnitId::new(v.id);
    ws.add_unit(
        id.clone(),
        UnitFields {
            name: v.name.into(),
            kind: v.kind,
            above: "xã Tân Lập".into(),
            parent: None,
            scope: Default::default(),
        },
    )
    .unwrap();
    let aid = format!("a-{}-{}", v.id, v.year);
    ws.start_assessment(aid.clone(), &id, set, v.year, false)
        .unwrap();
    ws.edit_assessment(&aid, |a| {
        for indicator in set.indicators() {
            let answer = if v.failing.contains(&indicator.id.as_str()) {
                match indicator.kind {
                    IndicatorKind::CountZero { .. } => Some(Answer::Count {
                        count: 1,
                        handled: false,
                    }),
                    _ => Some(Answer::YesNo {
                        value: false,
                        date: None,
                    }),
                }
            } else {
                super::support::passing(indicator, v.year)
            };
            a.set_answer(&indicator.id, answer)?;
        }
        if v.recognised {
            let on = Date::new(v.year, 10, 1).unwrap();
            a.lock("Trưởng thôn", on)?;
            a.decide(true, "12/QĐ-UBND", on)?;
        }
        Ok(())
    })
    .unwrap();
    let assessment = ws.assessments()[0].clone();
    export_assessment(&ws, set, &assessment, v.exported_at)
        .unwrap()
        .text
}

pub(super) fn receive(shelf: &mut Shelf, text: &str, name: &str) -> Result<Vec<String>, LoadError> {
    let incoming = read_file(text)?;
    let records = received_from(&incoming, name, "2025-12-01T08:00:00Z")?;
    Ok(shelf.add(records).added)
}

const AT: &str = "2025-11-01T08:00:00Z";

pub(super) fn plain(id: &str, name: &str, failing: &'static [&'static str]) -> Village<'static> {
    Village {
        id: Box::leak(id.to_owned().into_boxed_str()),
        name: Box::leak(name.to_owned().into_boxed_str()),
        kind: UnitKind::ResidentialArea,
        year: 2025,
        failing,
        recognised: false,
        exported_at: AT,
    }
}

#[test]
fn thirty_villages_make_a_table_with_totals_filters_and_sorting() {
    let kdc = set("tt124-khu-dan-cu");
    let mut shelf = Shelf::default();
    for i in 0..30 {
        // Every third fails criterion 3 (an incident); every fifth fails 2.
        let mut failing: Vec<&'static str> = Vec::new();
        if i % 3 == 0 {
            failing.push("kdc-3a");
        }
        if i % 5 == 0 {
            failing.push("kdc-2a");
        }
        let failing: &'static [&'static str] = Box::leak(failing.into_boxed_slice());
        let v = plain(&format!("u-{i}"), &format!("Thôn {i:02}"), failing);
        let added = receive(&mut shelf, &village(&v, &kdc), "f.json").unwrap();
        assert_eq!(added.len(), 1);
    }
    // Nothing counts before it is accepted.
    assert!(table(&shelf, "tt124-khu-dan-cu", 2025).rows.is_empty());
    assert_eq!(shelf.accept_all().len(), 30);
    let t = table(&shelf, "tt124-khu-dan-cu", 2025);
    assert_eq!(t.rows.len(), 30);
    let ids: Vec<&str> = t.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["kdc-1", "kdc-2", "kdc-3", "kdc-4", "kdc-5"]);
    let all = t.view(&Filter::default(), &SortKey::Unit, false);
    assert_eq!(t.failing(&all), vec![0, 6, 10, 0, 0]);
    // Overall: failed when either fails: i%3==0 or i%5==0 → 14 of 30.
    let failed = t.view(
        &Filter {
            result: Some(Outcome::Failed),
            ..Filter::default()
        },
        &SortKey::Unit,
        false,
    );
    assert_eq!(failed.len(), 14);
    let by_criterion = t.view(
        &Filter {
            result: Some(Outcome::Failed),
            criterion: Some("kdc-2".into()),
            ..Filter::default()
        },
        &SortKey::Unit,
        false,
    );
    let names: Vec<&str> = by_criterion
        .iter()
        .map(|&i| t.rows[i].unit.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Thôn 00", "Thôn 05", "Thôn 10", "Thôn 15", "Thôn 20", "Thôn 25"]
    );
    // Sorting by the number failed puts the two-criteria failures first.
    let sorted = t.view(&Filter::default(), &SortKey::Failed, false);
    assert_eq!(t.rows[sorted[0]].unit.name, "Thôn 00");
    assert_eq!(t.rows[sorted[1]].unit.name, "Thôn 15");
    assert_eq!(t.rows[sorted[0]].count(Outcome::Failed), 2);
    let by_name_desc = t.view(&Filter::default(), &SortKey::Unit, true);
    assert_eq!(t.rows[by_name_desc[0]].unit.name, "Thôn 29");
    // Every order, either way, is the one its comparison of the rows gives
    // (the view finds each row's keys once; this compares them pairwise).
    let rank = |s: Option<Outcome>| match s {
        Some(Outcome::Failed) => 0,
        Some(Outcome::Incomplete) => 1,
        Some(Outcome::Passed) => 2,
        Some(Outcome::NotApplicable) => 3,
        Some(Outcome::NotEvaluated) => 4,
        None => 5,
    };
    for key in [
        SortKey::Unit,
        SortKey::Kind,
        SortKey::Overall,
        SortKey::Failed,
        SortKey::Criterion("kdc-3".into()),
    ] {
        for descending in [false, true] {
            let mut expected: Vec<usize> = (0..t.rows.len()).collect();
            expected.sort_by(|&a, &b| {
                let (ra, rb) = (&t.rows[a], &t.rows[b]);
                let primary = match &key {
                    SortKey::Unit => std::cmp::Ordering::Equal,
                    SortKey::Kind => ra.unit.kind.code().cmp(rb.unit.kind.code()),
                    SortKey::Overall => rank(Some(ra.overall)).cmp(&rank(Some(rb.overall))),
                    SortKey::Failed => rb.count(Outcome::Failed).cmp(&ra.count(Outcome::Failed)),
                    SortKey::Criterion(_) => rank(ra.cells[2]).cmp(&rank(rb.cells[2])),
                };
                let by_name = antq::support::text::sort_key(&ra.unit.name)
                    .cmp(&antq::support::text::sort_key(&rb.unit.name))
                    .then_with(|| ra.record.cmp(&rb.record));
                let ordering = primary.then(by_name);
                if descending {
                    ordering.reverse()
                } else {
                    ordering
                }
            });
            assert_eq!(
                t.view(&Filter::default(), &key, descending),
                expected,
                "{key:?} {descending}"
            );
        }
    }
    // Kind filter: none of another kind.
    let schools = t.view(
        &Filter {
            kind: Some(UnitKind::School),
            ..Filter::default()
        },
        &SortKey::Unit,
        false,
    );
    assert!(schools.is_empty());
    let most = failed_most(&shelf, 2025, 5);
    assert_eq!(
        antq::domain::rollup::figures::failed_in(&shelf, 2025, &most),
        vec![10, 6]
    );
    assert_eq!(
        antq::domain::rollup::figures::failed_in(&shelf, 2024, &most),
        vec![0, 0]
    );
    assert_eq!(most[0].criterion, "kdc-3");
    assert_eq!(most[0].failed, 10);
    assert_eq!(most[1].failed, 6);
    let kinds = by_kind(&shelf, 2025);
    assert_eq!(kinds.len(), 1);
    assert_eq!(kinds[0].units, 30);
    assert_eq!(kinds[0].passed, 16);
}

/// A byte index near the middle of `text` that cuts no character.
fn half_way(text: &str) -> usize {
    (0..=text.len() / 2)
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0)
}

#[test]
fn mixed_versions_are_compared_on_the_criteria_they_share() {
    let v1 = set("tt124-khu-dan-cu");
    let mut v2 = v1.clone();
    v2.version = v1.version + 1;
    // The next version drops criterion 5 and adds a criterion 6.
    let mut extra = v2.groups[0].criteria[0].clone();
    extra.id = "kdc-6".into();
    extra.label = Text::vi("Tiêu chí mới của tỉnh");
    for indicator in &mut extra.indicators {
        indicator.id = format!("{}-6", indicator.id);
    }
    for group in &mut v2.groups {
        group.criteria.retain(|c| c.id != "kdc-5");
    }
    v2.groups[0].criteria.push(extra);
    let mut shelf = Shelf::default();
    receive(&mut shelf, &village(&plain("u-a", "Thôn A", &[]), &v1), "a").unwrap();
    receive(
        &mut shelf,
        &village(&plain("u-b", "Thôn B", &["kdc-3a"]), &v2),
        "b",
    )
    .unwrap();
    shelf.accept_all();
    let t = table(&shelf, "tt124-khu-dan-cu", 2025);
    let ids: Vec<&str> = t.columns.iter().map(|c| c.id.as_str()).collect();
    // The newest version's order first, then what only older versions have.
    assert_eq!(ids, ["kdc-1", "kdc-2", "kdc-3", "kdc-4", "kdc-6", "kdc-5"]);
    let a = t.rows.iter().find(|r| r.unit.name == "Thôn A").unwrap();
    let b = t.rows.iter().find(|r| r.unit.name == "Thôn B").unwrap();
    assert_eq!(a.version, v1.version);
    assert_eq!(a.lacking(&t.columns), ["kdc-6"]);
    assert_eq!(b.lacking(&t.columns), ["kdc-5"]);
    assert_eq!(b.cells[2], Some(Outcome::Failed));
    assert_eq!(a.cells[4], None);
    assert_eq!(t.columns[4].lacking, 1);
    assert_eq!(t.columns[5].lacking, 1);
    // Filtering on a criterion leaves out the files that lack it.
    let with_5 = t.view(
        &Filter {
            criterion: Some("kdc-5".into()),
            ..Filter::default()
        },
        &SortKey::Unit,
        false,
    );
    assert_eq!(with_5.len(), 1);
    assert_eq!(shelf.sets_in(2025)[0].0.version, v2.version);
}

#[test]
fn duplicates_show_the_newer_copy_and_the_user_keeps_one() {
    let kdc = set("tt124-khu-dan-cu");
    let mut shelf = Shelf::default();
    let old = Village {
        exported_at: "2025-10-01T08:00:00Z",
        ..plain("u-a", "Thôn A", &["kdc-3a"])
    };
    let new = Village {
        exported_at: "2025-11-02T08:00:00Z",
        ..plain("u-a", "Thôn A", &[])
    };
    let old_id = receive(&mut shelf, &village(&old, &kdc), "cu.json").unwrap()[0].clone();
    let new_text = village(&new, &kdc);
    let new_id = receive(&mut shelf, &new_text, "moi.json").unwrap()[0].clone();
    // The same file again is not doubled.
    assert!(receive(&mut shelf, &new_text, "moi (1).json")
        .unwrap()
        .is_empty());
    assert_eq!(shelf.len(), 2);
    assert_eq!(shelf.copies(&new_id), Copies::Newest { others: 1 });
    assert_eq!(
        shelf.copies(&old_id),
        Copies::Older {
            newest: new_id.clone()
        }
    );
    let all = shelf.all_copies();
    assert_eq!(all[&new_id], shelf.copies(&new_id));
    assert_eq!(all[&old_id], shelf.copies(&old_id));
    assert_eq!(
        shelf.review(&new_id, Review::Accepted),
        Err(ShelfError::Duplicate)
    );
    assert!(shelf.accept_all().is_empty());
    let removed = shelf.keep(&new_id).unwrap();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].id, old_id);
    assert_eq!(shelf.copies(&new_id), Copies::Unique);
    assert_eq!(shelf.review(&new_id, Review::Accepted), Ok(()));
    assert_eq!(
        shelf.review(
            &new_id,
            Review::Problem {
                comment: "  ".into()
            }
        ),
        Err(ShelfError::CommentRequired)
    );
}

#[test]
fn the_communes_derived_figures_come_from_received_files() {
    let kdc = set("tt124-khu-dan-cu");
    let xa = set("tt124-xa-phuong");
    let mut shelf = Shelf::default();
    // Ten villages sent files; seven of them were recognised.
    for i in 0..10 {
        let v = Village {
            recognised: i < 7,
            ..plain(&format!("u-{i}"), &format!("Thôn {i}"), &[])
        };
        receive(&mut shelf, &village(&v, &kdc), "f").unwrap();
    }
    shelf.accept_all();
    let figures = derived(&shelf, &xa, 2025, &[], &[]);
    let recognised = figures
        .iter()
        .find(|f| f.measure == antq::domain::criteria::DerivedMeasure::Recognised)
        .unwrap();
    assert_eq!((recognised.numerator, recognised.denominator), (7, 10));
    assert_eq!(recognised.threshold, 70);
    assert_eq!(recognised.status, Outcome::Passed);
    assert_eq!(recognised.units.len(), 10);
    let registered = figures
        .iter()
        .find(|f| f.measure == antq::domain::criteria::DerivedMeasure::Registered)
        .unwrap();
    assert_eq!((registered.numerator, registered.denominator), (10, 10));
    assert_eq!(registered.status, Outcome::Passed);
    // Two more villages the commune keeps, without files: 7 of 12 is not 70%,
    // and not all registered. A village matched by name is not counted twice.
    let own = |id: &str, name: &str| UnitInfo {
        id: UnitId::new(id),
        name: name.into(),
        kind: UnitKind::ResidentialArea,
        above: String::new(),
        parent: None,
        scope: Default::default(),
    };
    let own_children = [
        own("x-1", "Thôn Mới"),
        own("x-2", "Thôn Xa"),
        own("x-3", "thôn 3"),
    ];
    let figures = derived(&shelf, &xa, 2025, &own_children, &[]);
    let recognised = figures
        .iter()
        .find(|f| f.measure == antq::domain::criteria::DerivedMeasure::Recognised)
        .unwrap();
    assert_eq!((recognised.numerator, recognised.denominator), (7, 12));
    assert_eq!(recognised.required, 9);
    assert_eq!(recognised.status, Outcome::Failed);
    let missing: Vec<&str> = recognised
        .units
        .iter()
        .filter(|b| !b.has_file)
        .map(|b| b.name.as_str())
        .collect();
    assert_eq!(missing, ["Thôn Mới", "Thôn Xa"]);
    let kinds = by_kind(&shelf, 2025);
    assert_eq!((kinds[0].units, kinds[0].recognised), (10, 7));
}

#[test]
fn a_backup_or_a_broken_file_is_refused_and_the_shelf_is_unchanged() {
    let mut shelf = Shelf::default();
    let backup = export_workspace(&Workspace::new(), AT, (2025, 11, 1)).text;
    let err = receive(&mut shelf, &backup, "b").unwrap_err();
    assert_eq!(
        err,
        LoadError::WrongKind {
            found: "workspace".into()
        }
    );
    let kdc = set("tt124-khu-dan-cu");
    let good = village(&plain("u-a", "Thôn A", &[]), &kdc);
    assert!(matches!(
        receive(&mut shelf, &good[..half_way(&good)], "t"),
        Err(LoadError::NotJson { .. })
    ));
    let tampered = good.replacen("Thôn A", "Thôn B", 1);
    assert!(receive(&mut shelf, &tampered, "x").is_err());
    assert!(shelf.is_empty());
}

#[test]
fn a_rollup_file_carries_the_accepted_records_to_the_level_above() {
    let kdc = set("tt124-khu-dan-cu");
    let mut shelf = Shelf::default();
    for i in 0..3 {
        let v = plain(&format!("u-{i}"), &format!("Thôn {i}"), &[]);
        receive(&mut shelf, &village(&v, &kdc), "f").unwrap();
    }
    shelf.accept_all();
    let commune = UnitInfo {
        id: UnitId::new("u-xa"),
        name: "Xã Tân Lập".into(),
        kind: UnitKind::Commune,
        above: "huyện Yên Lập".into(),
        parent: None,
        scope: Default::default(),
    };
    let assessments: Vec<_> = shelf
        .accepted()
        .map(|r| (&r.unit, r.assessment().unwrap(), r.set().unwrap()))
        .collect();
    let exported = antq::format::rollup::export_rollup(&commune, 2025, &assessments, &[], AT);
    assert_eq!(exported.file_name, "2025_xa-tan-lap_tong-hop.json");
    assert_eq!(exported.summary.units, 3);
    assert_eq!(exported.summary.assessments, 3);
    // The criteria set travels once.
    assert_eq!(exported.text.matches("\"legal_basis\"").count(), 1);
    let mut above = Shelf::default();
    let added = receive(&mut above, &exported.text, &exported.file_name).unwrap();
    assert_eq!(added.len(), 3);
    let first = above.get(&added[0]).unwrap();
    assert_eq!(first.via.as_ref().unwrap().name, "Xã Tân Lập");
    assert_eq!(first.unit.name, "Thôn 0");
    above.accept_all();
    assert_eq!(table(&above, "tt124-khu-dan-cu", 2025).rows.len(), 3);
    // A roll-up whose assessment names a set it does not carry is refused with the path.
    let mut value: serde_json::Value = serde_json::from_str(&exported.text).unwrap();
    value["content"]["criteria_sets"] = serde_json::json!([]);
    value["checksum"] = antq::format::exchange::checksum(&value["content"]).into();
    match read_file(&value.to_string()) {
        Err(LoadError::Invalid { problems }) => {
            assert_eq!(problems[0].path, "content.assessments[0].assessment.set");
            assert!(matches!(
                problems[0].kind,
                ProblemKind::UnknownReference { .. }
            ));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn festival_reports_add_up() {
    let mut shelf = Shelf::default();
    for (i, participants) in [Some(120), Some(80), None].into_iter().enumerate() {
        let mut ws = Workspace::new();
        let unit = UnitId::new(format!("u-{i}"));
        ws.add_unit(
            unit.clone(),
            UnitFields {
                name: format!("Thôn {i}"),
                kind: UnitKind::ResidentialArea,
                above: String::new(),
                parent: None,
                scope: Default::default(),
            },
        )
        .unwrap();
        let mut plan = FestivalPlan::new(format!("p-{i}"), unit, 2025, "Ngày hội".into());
        plan.report.participants = participants;
        plan.report.gifts = Some(10);
        plan.report.gifts_value = Some(5_000_000);
        plan.report.models_launched = Some(1);
        plan.commendations
            .push(antq::domain::festival::Commendation {
                id: "c".into(),
                collective: i == 0,
                name: "Ông A".into(),
                achievement: String::new(),
                award: "Giấy khen".into(),
            });
        ws.add_festival_plan(plan.clone()).unwrap();
        let text = export_festival_plan(&ws, &plan, AT).unwrap().text;
        receive(&mut shelf, &text, "f").unwrap();
    }
    shelf.accept_all();
    let totals = festival::totals(&shelf, 2025);
    assert_eq!((totals.plans, totals.held), (3, 2));
    assert_eq!(totals.participants, 200);
    assert_eq!(totals.gifts, 30);
    assert_eq!(totals.gifts_value, 15_000_000);
    assert_eq!(totals.models_launched, 3);
    assert_eq!(totals.awards.len(), 1);
    assert_eq!(
        (totals.awards[0].collectives, totals.awards[0].individuals),
        (1, 2)
    );
    assert!(festival::totals(&shelf, 2024).lines.is_empty());
}

#[test]
fn csv_opens_in_excel_with_vietnamese_and_defused_formulas() {
    let header = vec!["Đơn vị".to_owned(), "Kết quả".to_owned()];
    let rows = vec![
        vec!["Thôn \"Đồng\"; A".to_owned(), "Đạt".to_owned()],
        vec!["=HYPERLINK(\"x\")".to_owned(), "dòng\nhai".to_owned()],
    ];
    let text = write(&header, &rows, Separator::Semicolon);
    assert_eq!(
        text.as_bytes()[..3],
        [0xEF, 0xBB, 0xBF],
        "a byte-order mark first"
    );
    assert_eq!(
        text,
        "\u{feff}Đơn vị;Kết quả\r\n\"Thôn \"\"Đồng\"\"; A\";Đạt\r\n\"'=HYPERLINK(\"\"x\"\")\";\"dòng\nhai\"\r\n"
    );
    let comma = write(&header, &rows[..1], Separator::Comma);
    assert_eq!(
        comma,
        "\u{feff}Đơn vị,Kết quả\r\n\"Thôn \"\"Đồng\"\"; A\",Đạt\r\n"
    );

    let kdc = set("tt124-khu-dan-cu");
    let mut shelf = Shelf::default();
    receive(
        &mut shelf,
        &village(&plain("u-a", "Thôn A", &["kdc-3a"]), &kdc),
        "a",
    )
    .unwrap();
    shelf.accept_all();
    let t = table(&shelf, "tt124-khu-dan-cu", 2025);
    let order = t.view(&Filter::default(), &SortKey::Unit, false);
    let status = |s: Option<Outcome>| match s {
        Some(Outcome::Passed) => "Đạt".to_owned(),
        Some(Outcome::Failed) => "Không đạt".to_owned(),
        Some(_) => "Chưa đủ".to_owned(),
        None => "Không có".to_owned(),
    };
    let words = Words {
        unit: "Đơn vị",
        kind: "Loại",
        version: "Phiên bản",
        overall: "Kết quả",
        failed_count: "Số tiêu chí không đạt",
        kind_name: &|_| "Khu dân cư".to_owned(),
        status: &status,
        label: &|t: &Text| t.vi.clone(),
    };
    let csv = table_csv(&t, &order, &words, Separator::Semicolon);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].starts_with("Đơn vị;Loại;Phiên bản;Kết quả;Số tiêu chí không đạt;kdc-1 "));
    assert_eq!(
        lines[1],
        format!(
            "Thôn A;Khu dân cư;{};Không đạt;1;Đạt;Đạt;Không đạt;Đạt;Đạt",
            kdc.version
        )
    );
}

#[test]
fn stored_records_round_trip_and_bad_ones_are_named() {
    let kdc = set("tt124-khu-dan-cu");
    let mut shelf = Shelf::default();
    receive(
        &mut shelf,
        &village(&plain("u-a", "Thôn A", &[]), &kdc),
        "a",
    )
    .unwrap();
    let record: &Received = &shelf.records()[0];
    let text = encode_received(record);
    assert_eq!(&decode_received(&text).unwrap(), record);
    assert!(matches!(
        decode_received("{"),
        Err(LoadError::NotJson { .. })
    ));
    assert!(matches!(
        decode_received("{\"format\":\"khac\"}"),
        Err(LoadError::NotOurs { .. })
    ));
    assert!(matches!(
        decode_received(&text.replace("\"schema_version\":1", "\"schema_version\":9")),
        Err(LoadError::NewerSchema { found: 9, .. })
    ));
    assert!(matches!(
        decode_received(&text.replace("\"file_name\":\"a\"", "\"file_name\":7")),
        Err(LoadError::Invalid { .. })
    ));
}

#[test]
fn a_rollup_file_written_by_another_program_reads_as_the_format_says() {
    // The fuzz seed is written by e2e/villages.mjs's checksum, following
    // docs/file-format.md alone: this build must read it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/corpus/import/rollup-xa-tan-lap.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let incoming = read_file(&text).unwrap();
    assert_eq!(incoming.kind, antq::format::exchange::FileKind::Rollup);
    let records = received_from(&incoming, "rollup.json", "2025-12-02T08:00:00Z").unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].via.as_ref().unwrap().name, "Xã Tân Lập");
    assert_eq!(records[0].unit.name, "Thôn 01");
    let mut shelf = Shelf::new(records);
    shelf.accept_all();
    let t = table(&shelf, "tt124-khu-dan-cu", 2025);
    assert_eq!(t.rows[0].overall, Outcome::Failed);
    assert_eq!(t.rows[0].count(Outcome::Failed), 1);
}

#[test]
fn files_of_the_first_and_second_built_in_versions_sit_in_one_table() {
    let past = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-co-quan-doanh-nghiep" && s.version == 1)
        .unwrap();
    let current = set("tt124-co-quan-doanh-nghiep");
    assert!(current.version > past.version);
    let firm = |id, name| Village {
        kind: UnitKind::Enterprise,
        ..plain(id, name, &[])
    };
    let mut shelf = Shelf::default();
    receive(&mut shelf, &village(&firm("u-a", "Công ty A"), &past), "a").unwrap();
    receive(
        &mut shelf,
        &village(&firm("u-b", "Công ty B"), &current),
        "b",
    )
    .unwrap();
    shelf.accept_all();
    let t = table(&shelf, "tt124-co-quan-doanh-nghiep", 2025);
    let a = t.rows.iter().find(|r| r.unit.name == "Công ty A").unwrap();
    let b = t.rows.iter().find(|r| r.unit.name == "Công ty B").unwrap();
    assert_eq!((a.version, b.version), (past.version, current.version));
    // Both meet their own version; the criteria are the same five.
    assert_eq!(t.columns.len(), 5);
    assert!(a.lacking(&t.columns).is_empty() && b.lacking(&t.columns).is_empty());
    assert_eq!(a.cells, b.cells);
}

#[test]
fn the_communes_own_assessment_counts_the_received_files_as_tong_hop_does() {
    use antq::domain::context::{context_for, context_with_received};
    let kdc = set("tt124-khu-dan-cu");
    let xa = set("tt124-xa-phuong");
    let mut ws = Workspace::new();
    let add = |ws: &mut Workspace, id: &str, name: &str, kind, parent: Option<&str>| {
        ws.add_unit(
            UnitId::new(id),
            UnitFields {
                name: name.into(),
                kind,
                above: String::new(),
                parent: parent.map(UnitId::new),
                scope: Default::default(),
            },
        )
        .unwrap();
    };
    add(&mut ws, "u-xa", "Xã Tân Lập", UnitKind::Commune, None);
    for (id, name) in [("u-a", "Thôn A"), ("u-b", "Thôn B"), ("u-c", "Thôn C")] {
        add(&mut ws, id, name, UnitKind::ResidentialArea, Some("u-xa"));
    }
    // Thôn C assessed itself in this browser; Thôn A and B sent files, A recognised.
    ws.start_assessment("a-c".into(), &UnitId::new("u-c"), &kdc, 2025, false)
        .unwrap();
    let mut shelf = Shelf::default();
    let a = Village {
        recognised: true,
        ..plain("u-a", "Thôn A", &[])
    };
    receive(&mut shelf, &village(&a, &kdc), "a").unwrap();
    receive(
        &mut shelf,
        &village(&plain("u-b", "Thôn B", &[]), &kdc),
        "b",
    )
    .unwrap();
    shelf.accept_all();
    ws.start_assessment("a-xa".into(), &UnitId::new("u-xa"), &xa, 2025, false)
        .unwrap();
    let commune = ws.assessment("a-xa").unwrap();
    let figure = |context: &antq::domain::criteria::Context, id: &str| {
        context
            .derived
            .get(id)
            .map(|f| (f.numerator, f.denominator))
    };
    // Without the files, only the unit assessed here has registered.
    let alone = context_for(&ws, commune, &xa);
    assert_eq!(figure(&alone, "xa-4a"), Some((1, 3)));
    // With them, the same numbers as Tổng hợp's: all three registered, one recognised.
    let counted = context_with_received(&ws, commune, &xa, &shelf);
    assert_eq!(figure(&counted, "xa-4a"), Some((3, 3)));
    assert_eq!(figure(&counted, "xa-4b"), Some((1, 3)));
    let own: Vec<UnitInfo> = ws
        .units()
        .children(&UnitId::new("u-xa"))
        .map(UnitInfo::of)
        .collect();
    let own_assessments: Vec<_> = ws.assessments().iter().collect();
    let tong_hop = derived(&shelf, &xa, 2025, &own, &own_assessments);
    for figure_there in &tong_hop {
        assert_eq!(
            figure(&counted, &figure_there.indicator),
            Some((figure_there.numerator, figure_there.denominator))
        );
    }
}

/// A commune here with its villages (id, name), and their units as the
/// roll-up's matching sees them.
fn commune_with(villages: &[(&str, &str)]) -> (Workspace, Vec<UnitInfo>) {
    let mut ws = super::support::commune();
    for (id, name) in villages {
        ws.add_unit(
            UnitId::new(*id),
            UnitFields {
                name: (*name).into(),
                kind: UnitKind::ResidentialArea,
                above: String::new(),
                parent: Some(UnitId::new("u-xa")),
                scope: Default::default(),
            },
        )
        .unwrap();
    }
    let units = ws.units().iter().map(UnitInfo::of).collect();
    (ws, units)
}

#[test]
fn a_village_set_up_in_its_own_browser_meets_the_communes_record_once_and_is_counted_once() {
    use antq::domain::rollup::identity::{candidates, identify, Identity};
    let kdc = set("tt124-khu-dan-cu");
    let xa = set("tt124-xa-phuong");
    let (ws, units) = commune_with(&[("c-dong", "Thôn Đông"), ("c-tay", "Thôn Tây")]);
    let mut shelf = Shelf::default();
    // Thôn Đông set itself up twice, in two browsers, with other ids and
    // another way of typing its name; the later file is the newer copy.
    let first = Village {
        recognised: true,
        ..plain("v-dong", "thôn  đông", &[])
    };
    let second = Village {
        exported_at: "2025-11-05T08:00:00Z",
        ..plain("v-dong-2", "Thôn Đông", &["kdc-1a"])
    };
    receive(&mut shelf, &village(&first, &kdc), "dong-1").unwrap();
    receive(&mut shelf, &village(&second, &kdc), "dong-2").unwrap();
    let ids: Vec<String> = shelf.records().iter().map(|r| r.id.clone()).collect();
    for id in &ids {
        let record = shelf.get(id).unwrap();
        assert_eq!(
            identify(record, &units),
            Identity::Suggested(UnitId::new("c-dong"))
        );
        // The officer may pick another village of the same kind, never the commune.
        let names: Vec<&str> = candidates(record, &units)
            .iter()
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(names, ["Thôn Đông", "Thôn Tây"]);
    }
    // Before the officer confirms, two files of other ids are two records, not copies.
    assert_eq!(shelf.copies(&ids[0]), Copies::Unique);
    let dong = units.iter().find(|u| u.id.as_str() == "c-dong").unwrap();
    for id in &ids {
        shelf.confirm(id, Some(dong)).unwrap();
    }
    let record = shelf.get(&ids[0]).unwrap();
    assert_eq!(identify(record, &units), Identity::Confirmed);
    assert_eq!(record.unit.id.as_str(), "c-dong");
    assert_eq!(record.sent_id().as_str(), "v-dong");
    // Now they are copies of one record: the later export is the newest.
    assert_eq!(shelf.copies(&ids[1]), Copies::Newest { others: 1 });
    assert!(matches!(shelf.copies(&ids[0]), Copies::Older { .. }));
    assert_eq!(
        shelf.review(&ids[1], Review::Accepted),
        Err(ShelfError::Duplicate)
    );
    // The officer keeps the older one (the recognised file) instead.
    shelf.keep(&ids[0]).unwrap();
    shelf.review(&ids[0], Review::Accepted).unwrap();
    // A later file from the first browser follows the remembered match.
    let again = Village {
        exported_at: "2025-11-20T08:00:00Z",
        ..plain("v-dong", "thôn  đông", &["kdc-1b"])
    };
    let added = receive(&mut shelf, &village(&again, &kdc), "dong-3").unwrap();
    let later = shelf.get(&added[0]).unwrap();
    assert_eq!(later.unit.id.as_str(), "c-dong");
    assert_eq!(identify(later, &units), Identity::Confirmed);
    shelf.remove(&added[0]);
    // Counted once, as the commune's Thôn Đông, beside Thôn Tây without a file.
    let own: Vec<UnitInfo> = ws
        .units()
        .children(&UnitId::new("u-xa"))
        .map(UnitInfo::of)
        .collect();
    let figures = derived(&shelf, &xa, 2025, &own, &[]);
    let registered = figures.iter().find(|f| f.indicator == "xa-4a").unwrap();
    assert_eq!((registered.numerator, registered.denominator), (1, 2));
    let names: Vec<(&str, bool)> = registered
        .units
        .iter()
        .map(|b| (b.name.as_str(), b.has_file))
        .collect();
    assert_eq!(names, [("Thôn Đông", true), ("Thôn Tây", false)]);
    let kinds = by_kind(&shelf, 2025);
    assert_eq!(kinds[0].units, 1);
}

#[test]
fn a_village_the_officer_says_is_none_of_the_communes_stands_for_itself() {
    use antq::domain::rollup::identity::{identify, Identity};
    let kdc = set("tt124-khu-dan-cu");
    let xa = set("tt124-xa-phuong");
    let (ws, units) = commune_with(&[("c-dong", "Thôn Đông")]);
    let mut shelf = Shelf::default();
    let added = receive(
        &mut shelf,
        &village(&plain("v-dong", "Thôn Đông", &[]), &kdc),
        "f",
    )
    .unwrap();
    shelf.confirm(&added[0], None).unwrap();
    shelf.accept_all();
    let record = shelf.get(&added[0]).unwrap();
    assert_eq!(identify(record, &units), Identity::Confirmed);
    assert_eq!(record.unit.id.as_str(), "v-dong");
    // Not matched by name any more: two units, one with a file.
    let own: Vec<UnitInfo> = ws
        .units()
        .children(&UnitId::new("u-xa"))
        .map(UnitInfo::of)
        .collect();
    let figures = derived(&shelf, &xa, 2025, &own, &[]);
    let registered = figures.iter().find(|f| f.indicator == "xa-4a").unwrap();
    assert_eq!((registered.numerator, registered.denominator), (1, 2));
    // A file of an unknown id and an unknown name matches nothing.
    let other = receive(
        &mut shelf,
        &village(&plain("v-bac", "Thôn Bắc", &[]), &kdc),
        "g",
    )
    .unwrap();
    assert_eq!(
        identify(shelf.get(&other[0]).unwrap(), &units),
        Identity::Unmatched
    );
}

fn decision(recognised: bool, note: &str) -> antq::domain::rollup::Recognition {
    antq::domain::rollup::Recognition {
        recognised,
        number: "15/QĐ-UBND".into(),
        on: Date::new(2025, 11, 10).unwrap(),
        signer: "Nguyễn Văn A, Chủ tịch UBND xã".into(),
        note: note.into(),
    }
}

#[test]
fn the_communes_decision_is_kept_apart_counts_and_goes_back_down_to_the_village() {
    use antq::domain::rollup::{DecisionError, Notice};
    use antq::format::exchange::export_decision;
    use antq::format::merge::{apply, preview, Decision};
    let kdc = set("tt124-khu-dan-cu");
    let xa = set("tt124-xa-phuong");
    let mut shelf = Shelf::default();
    let ids: Vec<String> = ["Thôn A", "Thôn B", "Thôn C"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let failing: &'static [&'static str] = if i == 2 { &["kdc-1a"] } else { &[] };
            receive(
                &mut shelf,
                &village(&plain(&format!("u-{i}"), name, failing), &kdc),
                name,
            )
            .unwrap()
            .remove(0)
        })
        .collect();
    // Only an accepted file is decided on; a refusal says why.
    assert_eq!(
        shelf.decide(&ids[0], Some(decision(true, ""))),
        Err(ShelfError::Decision(DecisionError::NotAccepted))
    );
    shelf.accept_all();
    assert_eq!(
        shelf.decide(&ids[2], Some(decision(false, "  "))),
        Err(ShelfError::Decision(DecisionError::NoteRequired))
    );
    let before = shelf.get(&ids[0]).unwrap().assessment().unwrap().clone();
    shelf.decide(&ids[0], Some(decision(true, ""))).unwrap();
    shelf.decide(&ids[1], Some(decision(true, ""))).unwrap();
    shelf
        .decide(&ids[2], Some(decision(false, "Còn 1 vụ trọng án")))
        .unwrap();
    // The village's answers and status are as it sent them.
    assert_eq!(shelf.get(&ids[0]).unwrap().assessment().unwrap(), &before);
    // 2 of 3 recognised: 67% < 70%, and the reason names the refused one.
    let figures = derived(&shelf, &xa, 2025, &[], &[]);
    let recognised = figures.iter().find(|f| f.indicator == "xa-4b").unwrap();
    assert_eq!((recognised.numerator, recognised.denominator), (2, 3));
    assert_eq!(recognised.status, Outcome::Failed);
    let figures_of = recognised.figures().unwrap();
    assert_eq!(figures_of.not_counted.len(), 1);
    assert_eq!(figures_of.not_counted[0].name, "Thôn C");
    assert_eq!(
        figures_of.not_counted[0].why,
        antq::domain::criteria::Pending::NoDecision
    );
    let kinds = by_kind(&shelf, 2025);
    assert_eq!(kinds[0].recognised, 2);

    // The decision goes back down: Thôn A imports it and shows it, without retyping.
    let commune = UnitInfo {
        id: UnitId::new("u-xa"),
        name: "Xã Tân Lập".into(),
        kind: UnitKind::Commune,
        above: String::new(),
        parent: None,
        scope: Default::default(),
    };
    let record = shelf.get(&ids[0]).unwrap();
    let notice = Notice::of(record, &commune).unwrap();
    let file = export_decision(&notice, record.sent_as.as_ref().unwrap_or(&record.unit), AT);
    assert_eq!(file.file_name, "2025_thon-a_quyet-dinh.json");
    let incoming = read_file(&file.text).unwrap();
    // The village's own workspace, with the assessment it sent, self-assessed.
    let mut village_ws = Workspace::new();
    village_ws
        .add_unit(
            UnitId::new("u-0"),
            UnitFields {
                name: "Thôn A".into(),
                kind: UnitKind::ResidentialArea,
                above: "xã Tân Lập".into(),
                parent: None,
                scope: Default::default(),
            },
        )
        .unwrap();
    village_ws.put_assessment(before.clone());
    let changes = preview(&village_ws, &builtin_sets(), &incoming);
    let on_decision: Vec<Decision> = changes
        .iter()
        .filter(|c| matches!(c.target, antq::format::merge::Target::Decision(_)))
        .map(|c| c.decision)
        .collect();
    assert_eq!(on_decision, [Decision::New]);
    let after = apply(&village_ws, &builtin_sets(), &incoming, &changes);
    let decided = after.assessment(before.id()).unwrap();
    assert_eq!(
        decided.status().stage(),
        antq::domain::assessment::Stage::Recognised
    );
    assert!(matches!(
        &decided.status(),
        antq::domain::assessment::Status::Decided { decision, .. } if decision == "15/QĐ-UBND"
    ));
    assert_eq!(decided.answers(), before.answers());
    // Imported again: nothing to do. A village without that assessment: nothing applied.
    let again = preview(&after, &builtin_sets(), &incoming);
    assert!(again.iter().any(
        |c| matches!(c.target, antq::format::merge::Target::Decision(_))
            && c.decision == Decision::Identical
    ));
    let empty = preview(&Workspace::new(), &builtin_sets(), &incoming);
    let missing = empty
        .iter()
        .find(|c| matches!(c.target, antq::format::merge::Target::Decision(_)))
        .unwrap();
    assert_eq!(missing.decision, Decision::NoAssessment);
    assert!(!missing.apply && !missing.decision.choosable());
    // The roll-up refuses a decision file: it is for the village.
    assert!(matches!(
        received_from(&incoming, "q.json", AT),
        Err(LoadError::WrongKind { .. })
    ));
}

#[test]
fn a_file_marked_with_a_problem_is_named_with_its_comment_and_not_counted() {
    let kdc = set("tt124-khu-dan-cu");
    let xa = set("tt124-xa-phuong");
    let mut shelf = Shelf::default();
    let a = receive(
        &mut shelf,
        &village(&plain("u-a", "Thôn A", &[]), &kdc),
        "a",
    )
    .unwrap();
    let b = receive(
        &mut shelf,
        &village(&plain("u-b", "Thôn B", &[]), &kdc),
        "b",
    )
    .unwrap();
    // A file that arrived counts as registered before it is reviewed.
    let figures = derived(&shelf, &xa, 2025, &[], &[]);
    let registered = figures.iter().find(|f| f.indicator == "xa-4a").unwrap();
    assert_eq!((registered.numerator, registered.denominator), (2, 2));
    shelf
        .review(
            &b[0],
            Review::Problem {
                comment: "thiếu biên bản họp".into(),
            },
        )
        .unwrap();
    shelf.review(&a[0], Review::Accepted).unwrap();
    let figures = derived(&shelf, &xa, 2025, &[], &[]);
    let registered = figures.iter().find(|f| f.indicator == "xa-4a").unwrap();
    assert_eq!((registered.numerator, registered.denominator), (1, 2));
    assert_eq!(registered.status, Outcome::Failed);
    let why = registered.figures().unwrap().not_counted;
    assert_eq!(why.len(), 1);
    assert_eq!(why[0].name, "Thôn B");
    assert_eq!(
        why[0].why,
        antq::domain::criteria::Pending::FileProblem {
            comment: "thiếu biên bản họp".into()
        }
    );
}

#[test]
fn a_unit_card_gives_the_village_the_communes_id_so_its_file_needs_no_matching() {
    use antq::domain::rollup::identity::{identify, Identity};
    use antq::domain::rollup::UnitCard;
    use antq::format::exchange::{export_assessment, export_unit_card};
    use antq::format::merge::{apply, preview, Decision, Target};
    let kdc = set("tt124-khu-dan-cu");
    let (commune, units) = commune_with(&[("c-dong", "Thôn Đông"), ("c-tay", "Thôn Tây")]);
    let card = UnitCard::of(
        &commune,
        &UnitId::new("c-dong"),
        " Công an xã, 0912 345 678 ",
    )
    .unwrap();
    assert_eq!(card.contact, "Công an xã, 0912 345 678");
    // The commune itself has no card: it is under no unit here.
    assert!(UnitCard::of(&commune, &UnitId::new("u-xa"), "").is_none());
    let file = export_unit_card(&card, AT);
    assert_eq!(file.file_name, "the-don-vi_thon-dong.json");
    let incoming = read_file(&file.text).unwrap();
    // The roll-up refuses it: it is for the village.
    assert!(matches!(
        received_from(&incoming, "the.json", AT),
        Err(LoadError::WrongKind { .. })
    ));

    // A new browser: both units are added, and the village is the unit in use.
    let changes = preview(&Workspace::new(), &builtin_sets(), &incoming);
    let labels: Vec<(&str, Decision)> = changes
        .iter()
        .map(|c| (c.label.as_str(), c.decision))
        .collect();
    assert_eq!(
        labels,
        [
            ("Xã Tân Lập (Công an xã, 0912 345 678)", Decision::New),
            ("Thôn Đông", Decision::New)
        ]
    );
    let mut village = apply(&Workspace::new(), &builtin_sets(), &incoming, &changes);
    assert_eq!(village.active_unit_id(), Some(&UnitId::new("c-dong")));
    assert_eq!(
        village.units().get(&UnitId::new("c-dong")).unwrap().parent,
        Some(UnitId::new("u-xa"))
    );
    // Its file then carries the commune's id: known at once, no match to confirm.
    village
        .start_assessment("a-dong".into(), &UnitId::new("c-dong"), &kdc, 2025, false)
        .unwrap();
    let sent = export_assessment(&village, &kdc, village.assessment("a-dong").unwrap(), AT)
        .unwrap()
        .text;
    let mut shelf = Shelf::default();
    let ids = receive(&mut shelf, &sent, "dong").unwrap();
    assert_eq!(
        identify(shelf.get(&ids[0]).unwrap(), &units),
        Identity::Known
    );

    // A browser that set the village up before the card: it takes the card's
    // id, and its assessment follows; the other units stay as they were.
    let mut before = Workspace::new();
    before
        .add_unit(
            UnitId::new("v-own"),
            UnitFields {
                name: "thôn đông".into(),
                kind: UnitKind::ResidentialArea,
                above: String::new(),
                parent: None,
                scope: Default::default(),
            },
        )
        .unwrap();
    before
        .start_assessment("a-own".into(), &UnitId::new("v-own"), &kdc, 2025, false)
        .unwrap();
    let changes = preview(&before, &builtin_sets(), &incoming);
    let on_unit = changes
        .iter()
        .find(|c| c.target == Target::Unit(UnitId::new("c-dong")))
        .unwrap();
    assert_eq!(on_unit.decision, Decision::SameUnit);
    assert!(on_unit.apply && on_unit.decision.choosable());
    let after = apply(&before, &builtin_sets(), &incoming, &changes);
    assert!(after.units().get(&UnitId::new("v-own")).is_none());
    assert_eq!(after.units().len(), 2);
    assert_eq!(after.assessment("a-own").unwrap().unit().as_str(), "c-dong");
    assert_eq!(after.active_unit_id(), Some(&UnitId::new("c-dong")));
    // Declining keeps the village's own id and adds only the commune.
    let declined: Vec<_> = changes
        .iter()
        .cloned()
        .map(|mut c| {
            if c.decision == Decision::SameUnit {
                c.apply = false;
            }
            c
        })
        .collect();
    let kept = apply(&before, &builtin_sets(), &incoming, &declined);
    assert_eq!(kept.assessment("a-own").unwrap().unit().as_str(), "v-own");
    assert!(kept.units().get(&UnitId::new("c-dong")).is_none());
}

#[test]
fn the_table_opens_on_the_set_most_files_were_assessed_against() {
    let (agencies, villages) = (set("tt124-co-quan-doanh-nghiep"), set("tt124-khu-dan-cu"));
    let mut shelf = Shelf::default();
    let agency = Village {
        kind: UnitKind::Agency,
        ..plain("u-cq", "Trường THCS Tân Lập", &[])
    };
    receive(&mut shelf, &village(&agency, &agencies), "cq").unwrap();
    for (id, name) in [("u-a", "Thôn A"), ("u-b", "Thôn B")] {
        receive(&mut shelf, &village(&plain(id, name, &[]), &villages), id).unwrap();
    }
    shelf.accept_all();
    // By id the agencies' set comes first; the villages' holds more files.
    assert_eq!(shelf.sets_in(2025)[0].0.id, "tt124-co-quan-doanh-nghiep");
    assert_eq!(shelf.main_set_in(2025).unwrap().id, "tt124-khu-dan-cu");
    assert!(shelf.main_set_in(2024).is_none());
}

#[test]
fn a_provinces_files_share_their_criteria_set_and_are_evaluated_alike_in_bulk() {
    use antq::domain::rollup::table::{evaluate_record, Evaluator};
    use antq::domain::rollup::Body;
    let kdc = set("tt124-khu-dan-cu");
    let mut shelf = Shelf::default();
    for i in 0..12 {
        let failing: &'static [&'static str] = if i % 4 == 0 { &["kdc-3a"] } else { &[] };
        let v = plain(&format!("u-{i}"), &format!("Thôn {i:02}"), failing);
        receive(&mut shelf, &village(&v, &kdc), "f.json").unwrap();
    }
    // A set that differs (a local variant under the same id and version) is kept apart.
    let mut variant = kdc.clone();
    variant.title.vi.push_str(" (bản địa phương)");
    receive(
        &mut shelf,
        &village(&plain("u-x", "Thôn X", &[]), &variant),
        "x.json",
    )
    .unwrap();
    let sets: Vec<&std::sync::Arc<CriteriaSet>> = shelf
        .records()
        .iter()
        .filter_map(|r| match &r.body {
            Body::Assessment { criteria_set, .. } => Some(criteria_set),
            Body::Festival { .. } => None,
        })
        .collect();
    assert_eq!(sets.len(), 13);
    assert!(sets[1..12]
        .iter()
        .all(|s| std::sync::Arc::ptr_eq(s, sets[0])));
    assert!(!std::sync::Arc::ptr_eq(sets[12], sets[0]));
    assert_eq!(sets[12].title.vi, variant.title.vi);
    // So does a shelf read back from storage.
    let again = Shelf::new(
        shelf
            .records()
            .to_vec()
            .into_iter()
            .map(|r| decode_received(&encode_received(&r)).unwrap())
            .collect(),
    );
    let first = match &again.records()[0].body {
        Body::Assessment { criteria_set, .. } => criteria_set.clone(),
        Body::Festival { .. } => unreachable!(),
    };
    assert!(again.records()[1..12].iter().all(|r| matches!(&r.body, Body::Assessment { criteria_set, .. } if std::sync::Arc::ptr_eq(criteria_set, &first))));
    // The bulk evaluation gives each record's own.
    assert_eq!(shelf.accept_all().len(), 13);
    let evaluator = Evaluator::new(&shelf);
    for record in shelf.records() {
        assert_eq!(evaluator.evaluate(record), evaluate_record(&shelf, record));
    }
    let failed = shelf
        .records()
        .iter()
        .filter(|r| evaluator.evaluate(r).unwrap().set.status == Outcome::Failed)
        .count();
    assert_eq!(failed, 3);
}
