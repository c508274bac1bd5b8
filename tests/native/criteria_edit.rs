//! Editing a local set's tree (`domain::criteria::edit`): what a user adds
//! starts from, where it goes, what a typed threshold does.

use antq::catalog::FILES;
use antq::domain::criteria::{CriteriaSet, IndicatorAt, IndicatorKind, Text, Verification};
use antq::format::criteria::{decode_criteria_set, validate};
use antq::format::ProblemKind;

fn commune() -> CriteriaSet {
    decode_criteria_set(FILES[1].1).unwrap().into_inner()
}

#[test]
fn an_added_criterion_and_indicator_are_unconfirmed_cite_the_set_and_take_fresh_ids() {
    let mut set = commune();
    let before = set.groups[0].criteria.len();
    let first = set.add_criterion(0, Text::vi("Tiêu chí mới")).unwrap();
    let second = set.add_criterion(0, Text::vi("Tiêu chí mới nữa")).unwrap();
    assert_eq!(first, format!("{}-moi-1", set.id));
    assert_eq!(second, format!("{}-moi-2", set.id));
    let added = set.criterion_at(0, before).unwrap();
    assert_eq!(
        (added.id.as_str(), added.label.vi.as_str()),
        (first.as_str(), "Tiêu chí mới")
    );
    assert_eq!(added.status, Verification::Unconfirmed);
    assert!(added.indicators.is_empty());
    assert_eq!(added.citation.document, set.legal_basis[0].document);

    let indicator = set
        .add_indicator(0, before, Text::vi("Chỉ tiêu mới"))
        .unwrap();
    assert_eq!(indicator, format!("{first}-moi-1"));
    let at = IndicatorAt {
        group: 0,
        criterion: before,
        indicator: 0,
    };
    let added = set.indicator_at(at).unwrap();
    assert_eq!(added.id, indicator);
    assert_eq!(added.kind, IndicatorKind::YesNo { window: None });
    assert_eq!(
        (added.status, added.na_allowed),
        (Verification::Unconfirmed, false)
    );
    assert_eq!(added.citation.document, set.legal_basis[0].document);
    // However many are added, no id is taken twice.
    for n in 0..3 {
        set.add_indicator(0, before, Text::vi(&format!("Chỉ tiêu {n}")))
            .unwrap();
    }
    let duplicates: Vec<_> = validate(&set)
        .into_iter()
        .filter(|p| matches!(p.kind, ProblemKind::DuplicateId { .. }))
        .collect();
    assert_eq!(duplicates, vec![]);
}

#[test]
fn nothing_is_added_or_removed_where_the_tree_has_no_such_place() {
    let mut set = commune();
    let groups = set.groups.len();
    let before = set.clone();
    assert_eq!(set.add_criterion(groups, Text::vi("x")), None);
    assert_eq!(set.add_indicator(0, 999, Text::vi("x")), None);
    let past = IndicatorAt {
        group: 0,
        criterion: 0,
        indicator: 999,
    };
    assert_eq!(set.remove_indicator(past), None);
    assert_eq!(set.indicator_at(past), None);
    assert_eq!(set, before);
}

#[test]
fn removing_an_indicator_returns_it_and_the_next_takes_its_place() {
    let mut set = commune();
    let at = IndicatorAt {
        group: 0,
        criterion: 0,
        indicator: 0,
    };
    let (first, second) = {
        let c = set.criterion_at(0, 0).unwrap();
        assert!(
            c.indicators.len() >= 2,
            "the commune set's first criterion has two indicators"
        );
        (c.indicators[0].clone(), c.indicators[1].clone())
    };
    let count = set.indicators().count();
    assert_eq!(set.remove_indicator(at), Some(first));
    assert_eq!(set.indicator_at(at), Some(&second));
    assert_eq!(set.indicators().count(), count - 1);
}

#[test]
fn a_typed_threshold_sets_what_the_kind_can_hold_and_keeps_it_otherwise() {
    let mut number = IndicatorKind::starting("number").unwrap();
    assert_eq!(number.threshold_text().as_deref(), Some("1"));
    number.set_threshold(" 12 ");
    assert_eq!(number.threshold_text().as_deref(), Some("12"));
    number.set_threshold("mười");
    assert_eq!(number.threshold_text().as_deref(), Some("12"));

    let mut percent = IndicatorKind::starting("percent").unwrap();
    assert_eq!(percent.threshold_text().as_deref(), Some("100"));
    percent.set_threshold("80");
    assert_eq!(percent.threshold_text().as_deref(), Some("80"));
    percent.set_threshold("-5");
    assert_eq!(percent.threshold_text().as_deref(), Some("80"));

    // The most points may be none.
    let mut points = IndicatorKind::starting("points").unwrap();
    assert_eq!(points.threshold_text().as_deref(), Some(""));
    points.set_threshold("7");
    assert_eq!(points, IndicatorKind::Points { max: Some(7) });
    points.set_threshold("");
    assert_eq!(points, IndicatorKind::Points { max: None });

    // A kind without one has none, and typing changes nothing.
    let mut yes_no = IndicatorKind::starting("yes_no").unwrap();
    assert_eq!(yes_no.threshold_text(), None);
    yes_no.set_threshold("3");
    assert_eq!(yes_no, IndicatorKind::YesNo { window: None });
}

#[test]
fn every_kind_a_user_can_pick_starts_as_itself_and_no_other_kind_can_be_picked() {
    for code in IndicatorKind::EDITABLE {
        let kind = IndicatorKind::starting(code).unwrap_or_else(|| panic!("{code} has no start"));
        assert_eq!(kind.code(), code);
    }
    let others: Vec<&str> = commune()
        .indicators()
        .map(|i| i.kind.code())
        .filter(|code| !IndicatorKind::EDITABLE.contains(code))
        .collect();
    assert!(
        !others.is_empty(),
        "the commune set has kinds only a file sets"
    );
    for code in others {
        assert_eq!(IndicatorKind::starting(code), None, "{code}");
    }
}

#[test]
fn the_shape_follows_a_kind_and_an_added_indicator_not_a_label() {
    let mut set = commune();
    let shape = set.shape();
    assert_eq!(shape.len(), set.groups.len());
    let at = IndicatorAt {
        group: 0,
        criterion: 0,
        indicator: 0,
    };
    set.indicator_at_mut(at)
        .unwrap()
        .label
        .vi
        .push_str(" (sửa)");
    assert_eq!(set.shape(), shape);
    set.indicator_at_mut(at).unwrap().kind = IndicatorKind::Note;
    assert_ne!(set.shape(), shape);
    assert_eq!(set.shape()[0][0][0], "note");
    set.add_indicator(0, 0, Text::vi("x"));
    assert_eq!(set.shape()[0][0].len(), shape[0][0].len() + 1);
}
