//! Fixtures the native tests share: the year they assess, and answers that
//! meet any indicator.

use antq::domain::criteria::*;
use antq::domain::unit::UnitFields;
use antq::domain::{UnitId, UnitKind, Workspace};

/// The year the tests assess.
pub const YEAR: i32 = 2025;

/// An answer that meets the indicator, whatever its kind.
pub fn passing(indicator: &Indicator, year: i32) -> Option<Answer> {
    Some(match &indicator.kind {
        IndicatorKind::YesNo { window } => Answer::YesNo {
            value: true,
            date: window.map(|w| w.from.in_year(year)),
        },
        IndicatorKind::CountZero { .. } => Answer::Count {
            count: 0,
            handled: false,
        },
        IndicatorKind::Rating { min_level, .. } => Answer::Rating {
            level: Some(*min_level),
            title: None,
        },
        IndicatorKind::Number { threshold, .. } => Answer::Number { value: *threshold },
        IndicatorKind::Percent { .. } | IndicatorKind::Derived { .. } => Answer::Ratio {
            numerator: 25,
            denominator: 25,
        },
        IndicatorKind::Trend { .. } => Answer::trend(3, Some(4)),
        IndicatorKind::Checklist { items } => Answer::Checklist {
            checked: items.iter().map(|i| i.id.clone()).collect(),
            not_applicable: Default::default(),
        },
        IndicatorKind::Points { max } => Answer::Points {
            points: max.unwrap_or(10),
        },
        IndicatorKind::Composite { .. } | IndicatorKind::Note => return None,
    })
}

pub fn all_passing(set: &CriteriaSet) -> Answers {
    let mut answers = Answers::new();
    for indicator in set.indicators() {
        if let Some(answer) = passing(indicator, YEAR) {
            answers.set(&indicator.id, answer);
        }
    }
    answers
}

/// A workspace holding one commune, "Xã Tân Lập" (`u-xa`).
pub fn commune() -> Workspace {
    let mut ws = Workspace::new();
    ws.add_unit(
        UnitId::new("u-xa"),
        UnitFields {
            name: "Xã Tân Lập".into(),
            kind: UnitKind::Commune,
            above: String::new(),
            parent: None,
            scope: Default::default(),
        },
    )
    .unwrap();
    ws
}

/// `assessment` with `changes` made to its stored document (`"answers"`,
/// `"id"`, …), as a file could carry it: the app itself changes an
/// assessment only through its methods.
pub fn altered(
    assessment: &antq::domain::assessment::Assessment,
    changes: &[(&str, serde_json::Value)],
) -> antq::domain::assessment::Assessment {
    let mut value = serde_json::to_value(assessment).unwrap();
    for (field, to) in changes {
        value[*field] = to.clone();
    }
    serde_json::from_value(value).unwrap()
}
