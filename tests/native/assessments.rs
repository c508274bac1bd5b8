//! Assessments in a workspace: one per unit, set and year; copying last
//! year's; figures derived from the child units' own assessments.

use antq::catalog::builtin_sets;
use antq::domain::assessment::{AssessmentError, Status};
use antq::domain::calendar::Date;
use antq::domain::context::{context_for, incident_total};
use antq::domain::criteria::*;
use antq::domain::unit::UnitFields;
use antq::domain::{UnitId, UnitKind, Workspace};

fn set(id: &str) -> CriteriaSet {
    builtin_sets().into_iter().find(|s| s.id == id).unwrap()
}

fn add(ws: &mut Workspace, id: &str, kind: UnitKind, parent: Option<&str>) {
    ws.add_unit(
        UnitId::new(id),
        UnitFields {
            name: id.into(),
            kind,
            above: String::new(),
            parent: parent.map(UnitId::new),
            scope: Default::default(),
        },
    )
    .unwrap();
}

fn date(m: u32, d: u32) -> Date {
    Date::new(2025, m, d).unwrap()
}

#[test]
fn one_assessment_per_unit_set_and_year() {
    let mut ws = Workspace::new();
    add(&mut ws, "thon", UnitKind::ResidentialArea, None);
    let kdc = set("tt124-khu-dan-cu");
    ws.start_assessment("a1".into(), &UnitId::new("thon"), &kdc, 2025, false)
        .unwrap();
    assert_eq!(
        ws.start_assessment("a2".into(), &UnitId::new("thon"), &kdc, 2025, false)
            .err(),
        Some(AssessmentError::AlreadyExists { id: "a1".into() })
    );
    assert!(ws
        .start_assessment("a3".into(), &UnitId::new("thon"), &kdc, 2026, false)
        .is_ok());
    // A set for communes is not offered to a village.
    assert_eq!(
        ws.start_assessment(
            "a4".into(),
            &UnitId::new("thon"),
            &set("tt124-xa-phuong"),
            2025,
            false
        )
        .err(),
        Some(AssessmentError::SetNotForKind)
    );
    assert_eq!(
        ws.start_assessment("a5".into(), &UnitId::new("nowhere"), &kdc, 2025, false)
            .err(),
        Some(AssessmentError::UnknownUnit)
    );
}

#[test]
fn next_year_can_start_from_last_years_answers_and_compare_with_them() {
    let mut ws = Workspace::new();
    add(&mut ws, "thon", UnitKind::ResidentialArea, None);
    let kdc = set("tt124-khu-dan-cu");
    let unit = UnitId::new("thon");
    ws.start_assessment("y1".into(), &unit, &kdc, 2024, false)
        .unwrap();
    ws.edit_assessment("y1", |a| {
        a.set_answer("kdc-4a", Some(Answer::trend(7, Some(9))))?;
        a.set_answer(
            "kdc-3a",
            Some(Answer::Count {
                count: 0,
                handled: false,
            }),
        )
    })
    .unwrap();
    ws.start_assessment("y2".into(), &unit, &kdc, 2025, true)
        .unwrap();
    let y2 = ws.assessment("y2").unwrap();
    assert_eq!(
        y2.answers().get("kdc-3a"),
        Some(&Answer::Count {
            count: 0,
            handled: false
        })
    );
    // Without copying, last year's figure still reaches the trend through the context.
    ws.start_assessment("z".into(), &unit, &kdc, 2026, false)
        .unwrap();
    ws.edit_assessment("z", |a| {
        a.set_answer("kdc-4a", Some(Answer::trend(5, None)))
    })
    .unwrap();
    ws.edit_assessment("y2", |a| {
        a.set_answer("kdc-4a", Some(Answer::trend(6, None)))
    })
    .unwrap();
    let z = ws.assessment("z").unwrap();
    let context = context_for(&ws, z, &kdc);
    assert_eq!(context.previous.get("kdc-4a"), Some(&6));
    let eval = evaluate(&kdc, z.answers(), &context, 2026);
    assert_eq!(
        eval.indicators[&"kdc-4a".to_owned()].status,
        Outcome::Passed
    );
    assert_eq!(incident_total(ws.assessment("y1").unwrap()), 7);
}

use antq::domain::criteria::Outcome;

/// A commune with five villages, one enterprise and one school, each with its own assessment.
fn commune_with_children(recognised: usize) -> Workspace {
    let mut ws = Workspace::new();
    add(&mut ws, "xa", UnitKind::Commune, None);
    let children = [
        ("t1", UnitKind::ResidentialArea, "tt124-khu-dan-cu"),
        ("t2", UnitKind::ResidentialArea, "tt124-khu-dan-cu"),
        ("t3", UnitKind::ResidentialArea, "tt124-khu-dan-cu"),
        ("t4", UnitKind::ResidentialArea, "tt124-khu-dan-cu"),
        ("t5", UnitKind::ResidentialArea, "tt124-khu-dan-cu"),
        ("dn", UnitKind::Enterprise, "tt124-co-quan-doanh-nghiep"),
        ("tr", UnitKind::School, "tt124-co-so-giao-duc"),
    ];
    for (n, (id, kind, set_id)) in children.into_iter().enumerate() {
        add(&mut ws, id, kind, Some("xa"));
        let aid = format!("a-{id}");
        ws.start_assessment(aid.clone(), &UnitId::new(id), &set(set_id), 2025, false)
            .unwrap();
        ws.edit_assessment(&aid, |a| {
            a.lock("Trưởng thôn", date(11, 1))?;
            a.submit(date(11, 2))?;
            a.decide(n < recognised, "12/QĐ-UBND", date(11, 14))
        })
        .unwrap();
    }
    ws.start_assessment(
        "a-xa".into(),
        &UnitId::new("xa"),
        &set("tt124-xa-phuong"),
        2025,
        false,
    )
    .unwrap();
    ws
}

#[test]
fn the_commune_70_percent_is_computed_from_the_units_under_it() {
    let commune = set("tt124-xa-phuong");
    for (recognised, expected) in [(5, Outcome::Passed), (4, Outcome::Failed)] {
        let ws = commune_with_children(recognised);
        let a = ws.assessment("a-xa").unwrap();
        let context = context_for(&ws, a, &commune);
        let recognised_figure = &context.derived[&"xa-4b".to_owned()];
        assert_eq!(
            (recognised_figure.numerator, recognised_figure.denominator),
            (recognised as u64, 7)
        );
        // The units behind the gap are named: assessed, but not recognised.
        assert_eq!(recognised_figure.not_counted.len(), 7 - recognised);
        assert!(recognised_figure
            .not_counted
            .iter()
            .all(|n| n.why == antq::domain::criteria::Pending::NoDecision));
        assert_eq!(context.derived[&"xa-4a".to_owned()], Figures::typed(7, 7));
        let eval = evaluate(&commune, a.answers(), &context, 2025);
        assert_eq!(
            eval.indicators[&"xa-4b".to_owned()].status,
            expected,
            "{recognised} of 7"
        );
        assert_eq!(eval.indicators[&"xa-4a".to_owned()].status, Outcome::Passed);
    }
}

#[test]
fn a_child_without_an_assessment_has_not_registered() {
    let mut ws = commune_with_children(7);
    add(&mut ws, "t6", UnitKind::ResidentialArea, Some("xa"));
    let commune = set("tt124-xa-phuong");
    let context = context_for(&ws, ws.assessment("a-xa").unwrap(), &commune);
    let registered = &context.derived[&"xa-4a".to_owned()];
    assert_eq!((registered.numerator, registered.denominator), (7, 8));
    assert_eq!(
        registered.not_counted,
        [antq::domain::criteria::NotCounted {
            name: "t6".into(),
            why: antq::domain::criteria::Pending::NoAssessment
        }]
    );
    let eval = evaluate(&commune, &Answers::new(), &context, 2025);
    assert_eq!(eval.indicators[&"xa-4a".to_owned()].status, Outcome::Failed);
}

#[test]
fn deleting_a_unit_deletes_its_assessments_and_locking_is_kept_through_a_save() {
    let mut ws = commune_with_children(3);
    assert!(matches!(
        ws.assessment("a-t1").unwrap().status(),
        Status::Decided {
            recognised: true,
            ..
        }
    ));
    let text = antq::format::encode_workspace(&ws);
    assert_eq!(antq::format::decode_workspace(&text).unwrap().workspace, ws);
    ws.remove_unit(&UnitId::new("t1")).unwrap();
    assert!(ws.assessment("a-t1").is_none());
}

fn version(id: &str, version: u32) -> CriteriaSet {
    builtin_sets()
        .into_iter()
        .find(|s| s.id == id && s.version == version)
        .unwrap_or_else(|| panic!("no {id} v{version}"))
}

#[test]
fn an_assessment_of_the_first_version_evaluates_as_it_did_and_moves_to_the_second() {
    let (v1, v2) = (
        version("tt124-khu-dan-cu", 1),
        version("tt124-khu-dan-cu", 2),
    );
    let mut ws = Workspace::new();
    add(&mut ws, "thon", UnitKind::ResidentialArea, None);
    ws.start_assessment("a".into(), &UnitId::new("thon"), &v1, 2025, false)
        .unwrap();
    ws.edit_assessment("a", |a| {
        a.set_answer("kdc-4a", Some(Answer::trend(3, Some(3))))?;
        a.set_answer(
            "kdc-3a",
            Some(Answer::Count {
                count: 0,
                handled: false,
            }),
        )?;
        a.set_evidence("kdc-3a", Default::default())
    })
    .unwrap();
    let before = ws.assessment("a").unwrap().clone();
    let result = |set: &CriteriaSet, ws: &Workspace| {
        let a = ws.assessment("a").unwrap();
        evaluate(set, a.answers(), &context_for(ws, a, set), 2025)
            .indicators
            .get("kdc-4a")
            .unwrap()
            .status
    };
    // Version 1 held "equal to last year" a failure; it still does.
    assert_eq!(result(&v1, &ws), antq::domain::criteria::Outcome::Failed);
    let moved = ws
        .edit_assessment("a", |a| a.move_to_version(&v1, &v2))
        .unwrap();
    let after = ws.assessment("a").unwrap();
    assert_eq!(*after.set(), v2.key());
    // Both answers still fit their indicators and are kept; the trend's rule changed.
    assert_eq!(moved.kept, 2);
    assert!(moved.changed.contains(&"kdc-4a".to_owned()));
    assert!(moved.changed.contains(&"kdc-3g".to_owned()));
    assert!(moved.removed.is_empty());
    assert_eq!(result(&v2, &ws), antq::domain::criteria::Outcome::Passed);
    // Moving again from a version it no longer uses is refused; undo restores it.
    assert_eq!(
        ws.edit_assessment("a", |a| a.move_to_version(&v1, &v2))
            .err(),
        Some(AssessmentError::WrongStep)
    );
    ws.put_assessment(before.clone());
    assert_eq!(ws.assessment("a"), Some(&before));
}

#[test]
fn a_move_keeps_only_answers_that_still_fit_and_never_touches_a_locked_assessment() {
    let (v1, v2) = (
        version("tt124-co-quan-doanh-nghiep", 1),
        version("tt124-co-quan-doanh-nghiep", 2),
    );
    let mut changed_kind = v2.clone();
    for group in &mut changed_kind.groups {
        for criterion in &mut group.criteria {
            for indicator in &mut criterion.indicators {
                if indicator.id == "cq-3a" {
                    indicator.kind = IndicatorKind::YesNo { window: None };
                }
            }
        }
    }
    let mut ws = Workspace::new();
    add(&mut ws, "cty", UnitKind::Enterprise, None);
    ws.start_assessment("a".into(), &UnitId::new("cty"), &v1, 2025, false)
        .unwrap();
    ws.edit_assessment("a", |a| {
        a.set_answer(
            "cq-3a",
            Some(Answer::Count {
                count: 0,
                handled: false,
            }),
        )?;
        a.set_answer(
            "cq-3b",
            Some(Answer::Count {
                count: 0,
                handled: false,
            }),
        )
    })
    .unwrap();
    let moved = ws
        .edit_assessment("a", |a| a.move_to_version(&v1, &changed_kind))
        .unwrap();
    assert_eq!(moved.kept, 1, "a count cannot answer a yes/no");
    assert_eq!(moved.added, ["cq-5b"]);
    assert!(ws.assessment("a").unwrap().answers().get("cq-3a").is_none());
    let mut locked = Workspace::new();
    add(&mut locked, "cty", UnitKind::Enterprise, None);
    locked
        .start_assessment("b".into(), &UnitId::new("cty"), &v1, 2025, false)
        .unwrap();
    locked
        .edit_assessment("b", |a| a.lock("An", date(11, 1)))
        .unwrap();
    assert_eq!(
        locked
            .edit_assessment("b", |a| a.move_to_version(&v1, &v2))
            .err(),
        Some(AssessmentError::Locked)
    );
}

#[test]
fn a_commune_leaves_out_the_units_tt124_does_not_cover_and_names_them() {
    let mut ws = Workspace::new();
    add(&mut ws, "xa", UnitKind::Commune, None);
    for n in 0..3 {
        add(
            &mut ws,
            &format!("thon-{n}"),
            UnitKind::ResidentialArea,
            Some("xa"),
        );
    }
    ws.add_unit(
        UnitId::new("mam-non"),
        UnitFields {
            name: "Trường Mầm non Hoa Sen".into(),
            kind: UnitKind::School,
            above: String::new(),
            parent: Some(UnitId::new("xa")),
            scope: antq::domain::Scope {
                school_level: Some(antq::domain::scope::SchoolLevel::Preschool),
                // A fact of another kind of unit is not kept.
                enterprise_size: Some(antq::domain::scope::EnterpriseSize::Large),
                ..Default::default()
            },
        },
    )
    .unwrap();
    let school = ws.units().get(&UnitId::new("mam-non")).unwrap();
    assert_eq!(school.scope.enterprise_size, None);
    let xa = set("tt124-xa-phuong");
    for n in 0..3 {
        ws.start_assessment(
            format!("t{n}"),
            &UnitId::new(format!("thon-{n}")),
            &set("tt124-khu-dan-cu"),
            2025,
            false,
        )
        .unwrap();
    }
    ws.start_assessment("x".into(), &UnitId::new("xa"), &xa, 2025, false)
        .unwrap();
    let a = ws.assessment("x").unwrap();
    let context = context_for(&ws, a, &xa);
    let registered = context.derived.get("xa-4a").unwrap();
    assert_eq!((registered.numerator, registered.denominator), (3, 3));
    assert_eq!(registered.left_out.len(), 1);
    assert_eq!(registered.left_out[0].name, "Trường Mầm non Hoa Sen");
    let result = evaluate(&xa, a.answers(), &context, 2025);
    assert_eq!(
        result.indicators.get("xa-4a").unwrap().status,
        antq::domain::criteria::Outcome::Passed
    );
}

#[test]
fn where_the_dossier_goes_is_remembered_per_unit_as_free_text() {
    let mut ws = Workspace::new();
    add(&mut ws, "thon", UnitKind::ResidentialArea, None);
    let kdc = set("tt124-khu-dan-cu");
    ws.start_assessment("a1".into(), &UnitId::new("thon"), &kdc, 2025, false)
        .unwrap();
    ws.edit_assessment("a1", |a| {
        let mut report = a.report().clone();
        report.superior_body = "Công an xã Tân Lập".into();
        report.signer_name = "Nguyễn Văn An".into();
        report.situation = "Tình hình năm 2025".into();
        a.set_report(report)
    })
    .unwrap();
    // A new year, not copied from the last: the addresses come along, the year's texts do not.
    let next = ws
        .start_assessment("a2".into(), &UnitId::new("thon"), &kdc, 2026, false)
        .unwrap();
    assert_eq!(next.report().superior_body, "Công an xã Tân Lập");
    assert_eq!(next.report().signer_name, "Nguyễn Văn An");
    assert_eq!(next.report().situation, "");
}

#[test]
fn the_dossiers_texts_stay_open_after_locking_and_close_with_the_decision() {
    let mut ws = Workspace::new();
    add(&mut ws, "thon", UnitKind::ResidentialArea, None);
    ws.start_assessment(
        "a".into(),
        &UnitId::new("thon"),
        &set("tt124-khu-dan-cu"),
        2025,
        false,
    )
    .unwrap();
    let report = |participants: &str| antq::domain::assessment::ReportText {
        participants: participants.into(),
        ..Default::default()
    };
    ws.edit_assessment("a", |a| a.lock("An", date(10, 1)))
        .unwrap();
    // The answers are fixed, the dossier's texts are not.
    assert_eq!(
        ws.edit_assessment("a", |a| a.set_answer("kdc-3a", None)),
        Err(AssessmentError::Locked)
    );
    assert!(ws
        .edit_assessment("a", |a| a.set_report(report("Bí thư chi bộ")))
        .is_ok());
    ws.edit_assessment("a", |a| a.decide(true, "25/QĐ-UBND", date(11, 10)))
        .unwrap();
    assert_eq!(
        ws.edit_assessment("a", |a| a.set_report(report("Người khác"))),
        Err(AssessmentError::Locked)
    );
    assert_eq!(
        ws.assessment("a").unwrap().report().participants,
        "Bí thư chi bộ"
    );
}

#[test]
fn the_review_meeting_calls_whom_article_9_names() {
    use antq::domain::assessment::meeting_roles;
    let village = meeting_roles(UnitKind::ResidentialArea);
    assert_eq!(village[0], "Trưởng khu dân cư (chủ trì)");
    assert!(village.contains(&"Bí thư chi bộ"));
    assert!(village.contains(&"Đại diện Công an cấp cơ sở"));
    assert!(meeting_roles(UnitKind::School).contains(&"Đại diện cơ quan có thẩm quyền quản lý"));
    // The commune's committee was renamed in 2025 (wording unverified): none is offered.
    assert!(meeting_roles(UnitKind::Commune).is_empty());
}
