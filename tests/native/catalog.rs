//! The built-in catalogue: every set loads, cites its sources, and has a
//! fully passing and a failing example.

use antq::catalog::{builtin_sets, FILES, PAST};
use antq::domain::calendar::Date;
use antq::domain::criteria::*;
use antq::domain::UnitKind;
use antq::format::criteria::decode_criteria_set;

use super::support::{all_passing, YEAR};

fn set(id: &str) -> CriteriaSet {
    builtin_sets()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no built-in set {id}"))
}

#[test]
fn the_festival_template_file_is_read_by_the_format_decoder() {
    let template =
        antq::format::festival::decode_festival_template(antq::catalog::FESTIVAL_TEMPLATE)
            .unwrap_or_else(|err| panic!("festival-template.json: {err:?}"));
    assert_eq!(&template, antq::catalog::festival_template());
    assert!(!template.tasks.is_empty() && !template.ceremony.is_empty());
}

#[test]
fn every_built_in_file_is_a_valid_set() {
    for (name, text) in FILES {
        let set = decode_criteria_set(text).unwrap_or_else(|err| panic!("{name}: {err:?}"));
        assert_eq!(format!("{}.json", set.id), name, "file name and id differ");
    }
    for (name, text) in PAST {
        let set = decode_criteria_set(text).unwrap_or_else(|err| panic!("{name}: {err:?}"));
        assert_eq!(format!("{}.v{}.json", set.id, set.version), name);
        let current = self::set(&set.id);
        assert!(
            current.version > set.version,
            "{name} is not a past version"
        );
    }
    assert_eq!(builtin_sets().len(), FILES.len() + PAST.len());
}

#[test]
fn every_item_cites_a_document_and_unverified_items_say_so() {
    for set in builtin_sets() {
        assert!(!set.legal_basis.is_empty(), "{} has no legal basis", set.id);
        for indicator in set.indicators() {
            assert!(
                !indicator.citation.document.is_empty(),
                "{} has no citation",
                indicator.id
            );
            if indicator.status == Verification::Unconfirmed {
                let words =
                    format!("{} {}", indicator.label.vi, indicator.guidance.vi).to_lowercase();
                assert!(
                    words.contains("chưa xác minh"),
                    "{} is unconfirmed but its wording does not say so",
                    indicator.id
                );
            }
        }
    }
}

#[test]
fn every_built_in_set_passes_when_everything_is_met_and_fails_on_one_breach() {
    for set in builtin_sets() {
        if set.criteria().next().is_none() {
            // The model ward police skeleton: nothing to evaluate yet.
            let eval = evaluate(&set, &Answers::new(), &Context::default(), YEAR);
            assert_eq!(eval.set.reason, SetReason::Empty, "{}", set.id);
            continue;
        }
        let answers = all_passing(&set);
        let eval = evaluate(&set, &answers, &Context::default(), YEAR);
        match set.pass_rule {
            SetRule::AllCriteria => {
                assert_eq!(
                    eval.set.status,
                    Outcome::Passed,
                    "{}: {:?}",
                    set.id,
                    eval.set.reason
                );
                // Breaking the first count-zero or yes/no indicator fails the set.
                let target = set
                    .indicators()
                    .find(|i| {
                        matches!(
                            i.kind,
                            IndicatorKind::CountZero { .. } | IndicatorKind::YesNo { .. }
                        )
                    })
                    .expect("every built-in set has a yes/no or count");
                let breach = match target.kind {
                    IndicatorKind::YesNo { .. } => Answer::YesNo {
                        value: false,
                        date: None,
                    },
                    _ => Answer::Count {
                        count: 1,
                        handled: false,
                    },
                };
                let failing = answers.clone().with(&target.id, breach);
                let eval = evaluate(&set, &failing, &Context::default(), YEAR);
                assert_eq!(eval.set.status, Outcome::Failed, "{}", set.id);
            }
            SetRule::Points => {
                // QĐ 510: the total is computed, but no class is claimed
                // while the cut-offs are unknown.
                let SetReason::Points { total, class, .. } = eval.set.reason else {
                    panic!("{} is scored", set.id);
                };
                assert!(total > 0);
                assert_eq!(class, None);
                assert_eq!(eval.set.status, Outcome::NotEvaluated);
            }
        }
        assert_eq!(eval.progress.answered, eval.progress.total, "{}", set.id);
    }
}

#[test]
fn the_commune_set_applies_the_worked_example_16_and_18_of_25() {
    let commune = set("tt124-xa-phuong");
    let answers = all_passing(&commune);
    let with = |n| {
        answers.clone().with(
            "xa-4b",
            Answer::Ratio {
                numerator: n,
                denominator: 25,
            },
        )
    };
    let eval = evaluate(&commune, &with(16), &Context::default(), YEAR);
    assert_eq!(eval.indicators[&"xa-4b".to_owned()].status, Outcome::Failed);
    assert_eq!(eval.criteria[&"xa-4".to_owned()].status, Outcome::Failed);
    assert_eq!(
        eval.set.reason,
        SetReason::AllCriteria {
            failed: vec!["xa-4".into()],
            incomplete: vec![]
        }
    );
    let eval = evaluate(&commune, &with(18), &Context::default(), YEAR);
    assert_eq!(eval.set.status, Outcome::Passed);
}

#[test]
fn the_residential_area_set_has_the_five_clauses_of_article_4() {
    let kdc = set("tt124-khu-dan-cu");
    let clauses: Vec<_> = kdc.criteria().map(|c| c.citation.clause.as_str()).collect();
    assert_eq!(clauses, ["1", "2", "3", "4", "5"]);
    let points: Vec<_> = kdc
        .criteria()
        .find(|c| c.id == "kdc-3")
        .unwrap()
        .indicators
        .iter()
        .map(|i| i.citation.point.as_str())
        .collect();
    assert_eq!(points, ["a", "b", "c", "d", "đ", "e", "g"]);
    assert_eq!(
        kdc.period.unwrap().period(YEAR).0,
        Date::new(2024, 11, 1).unwrap()
    );
    // A resolution dated in April fails clause 1.
    let late = all_passing(&kdc).with(
        "kdc-1a",
        Answer::YesNo {
            value: true,
            date: Date::new(YEAR, 4, 2),
        },
    );
    let eval = evaluate(&kdc, &late, &Context::default(), YEAR);
    assert_eq!(eval.criteria[&"kdc-1".to_owned()].status, Outcome::Failed);
}

#[test]
fn special_zones_are_offered_the_commune_level_sets() {
    let offered: Vec<String> = builtin_sets()
        .into_iter()
        .filter(|s| s.applies_to_kind(UnitKind::SpecialZone))
        .map(|s| s.id)
        .collect();
    assert!(offered.contains(&"tt124-xa-phuong".to_string()));
}

#[test]
fn an_enterprise_without_a_party_organisation_may_answer_not_applicable() {
    let cq = set("tt124-co-quan-doanh-nghiep");
    let answers = all_passing(&cq).with("cq-1a", Answer::NotApplicable);
    let eval = evaluate(&cq, &answers, &Context::default(), YEAR);
    assert_eq!(
        eval.indicators[&"cq-1a".to_owned()].status,
        Outcome::NotApplicable
    );
    assert_eq!(eval.set.status, Outcome::Passed);
}

#[test]
fn the_2021_2025_new_rural_sets_are_marked_historical() {
    assert!(set("ntm-19-2-2021-2025").historical);
    assert!(!set("ntm-2026-2030-tieu-chi-10").historical);
    assert!(set("cong-an-phuong-kieu-mau").unverified_count() == 0);
    assert!(set("do-thi-van-minh-tieu-chi-4").unverified_count() >= 5);
}

// The library: built-in sets beside the browser's own.

#[test]
fn a_variant_gets_a_free_id_and_names_its_source() {
    let builtin = builtin_sets();
    let mut local = Vec::new();
    let first = Library::new(&builtin, &local).variant_of(&builtin[0]);
    assert_eq!(first.id, "tt124-khu-dan-cu-dia-phuong");
    assert_eq!(first.variant_of, Some(builtin[0].key()));
    assert_eq!(first.version, 1);
    local.push(first);
    let second = Library::new(&builtin, &local).variant_of(&builtin[0]);
    assert_eq!(second.id, "tt124-khu-dan-cu-dia-phuong-2");
}

#[test]
fn imports_are_new_present_newer_or_older() {
    let builtin = builtin_sets();
    let library = Library::new(&builtin, &[]);
    let same = builtin[0].clone();
    assert_eq!(
        library.import_decision(&same),
        ImportDecision::AlreadyPresent { identical: true }
    );
    // A built-in id with other content, or another version, is only a local variant.
    let mut changed = same.clone();
    changed.title.vi.push('!');
    let variant = ImportDecision::LocalVariant {
        id: format!("{}-dia-phuong", same.id),
    };
    assert_eq!(library.import_decision(&changed), variant);
    let mut newer = same.clone();
    newer.version = 99;
    assert_eq!(library.import_decision(&newer), variant);
    let local = library.as_local_variant(&newer);
    assert_eq!(
        (local.id.as_str(), local.version),
        ("tt124-khu-dan-cu-dia-phuong", 1)
    );
    assert_eq!(local.variant_of, Some(same.key()));
    // A local set's versions follow each other as before.
    let mut own = same.clone();
    own.id = "tinh-x".into();
    assert_eq!(library.import_decision(&own), ImportDecision::New);
    let stored = vec![own.clone()];
    let library = Library::new(&builtin, &stored);
    let mut own_next = own.clone();
    own_next.version += 1;
    assert_eq!(
        library.import_decision(&own_next),
        ImportDecision::Newer {
            current: own.version
        }
    );
    assert_eq!(
        library.import_decision(&own),
        ImportDecision::AlreadyPresent { identical: true }
    );
}

#[test]
fn the_sets_that_count_units_below_are_the_current_ones_with_a_derived_indicator() {
    let builtin = builtin_sets();
    let library = Library::new(&builtin, &[]);
    let ids = |kind| {
        let mut ids: Vec<String> = library
            .counting_units_below(kind)
            .iter()
            .map(|s| s.id.clone())
            .collect();
        ids.sort();
        ids
    };
    // A commune's own TT 124 set counts its villages; a village's counts nothing.
    assert!(
        ids(UnitKind::Commune).contains(&"tt124-xa-phuong".to_owned()),
        "{:?}",
        ids(UnitKind::Commune)
    );
    assert!(
        ids(UnitKind::ResidentialArea).is_empty(),
        "{:?}",
        ids(UnitKind::ResidentialArea)
    );
    for set in library.counting_units_below(UnitKind::Commune) {
        assert!(!set.historical);
        assert!(set
            .indicators()
            .any(|i| matches!(i.kind, IndicatorKind::Derived { .. })));
    }
}
