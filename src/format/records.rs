//! The rules every record a file brings must meet, whichever door it comes
//! in by (Dữ liệu's import, Tổng hợp's receiving, the library): an
//! assessment belongs to the file's unit and names a set the file holds,
//! that set is for the unit's kind, each answer is of its indicator's kind,
//! and a record's year is the envelope's and a plausible one.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use super::exchange::{FileKind, Incoming};
use super::problem::{problem, LoadError, Problem, ProblemKind};
use crate::domain::UnitId;

/// The years a record may be of: the standard dates from 2021; a year far
/// from today is a typing or a forging mistake.
pub const YEARS: RangeInclusive<i32> = 2000..=2100;

/// Every broken rule of the file's records, each with its path; nothing
/// when all hold. A whole backup is checked as a workspace, not here.
pub fn check(incoming: &Incoming, envelope_year: Option<i32>) -> Result<(), LoadError> {
    let mut problems = Vec::new();
    let one_unit = matches!(
        incoming.kind,
        FileKind::Assessment | FileKind::FestivalPlan | FileKind::Decision
    );
    let unit_of = |id: &UnitId| incoming.units.iter().find(|u| &u.id == id);
    let year = |path: String, year: i32, problems: &mut Vec<Problem>| {
        if !YEARS.contains(&year) {
            problems.push(problem(
                format!("{path}.year"),
                ProblemKind::YearOutOfRange { year },
            ));
        }
        if let Some(envelope) = envelope_year.filter(|_| one_unit) {
            if envelope != year {
                problems.push(problem(
                    "year",
                    ProblemKind::YearMismatch {
                        envelope,
                        content: year,
                    },
                ));
            }
        }
    };
    for (i, assessment) in incoming.assessments.iter().enumerate() {
        let path = match incoming.kind {
            FileKind::Rollup => format!("content.assessments[{i}].assessment"),
            _ => "content.assessment".to_owned(),
        };
        year(path.clone(), assessment.year(), &mut problems);
        let unit = unit_of(assessment.unit());
        if unit.is_none() {
            problems.push(problem(
                format!("{path}.unit"),
                ProblemKind::UnknownReference {
                    id: assessment.unit().as_str().to_owned(),
                },
            ));
        }
        let Some(set) = incoming
            .criteria_sets
            .iter()
            .find(|s| s.key() == *assessment.set())
        else {
            problems.push(problem(
                format!("{path}.set"),
                ProblemKind::UnknownReference {
                    id: format!("{} v{}", assessment.set().id, assessment.set().version),
                },
            ));
            continue;
        };
        if let Some(unit) = unit.filter(|u| !set.applies_to_kind(u.kind)) {
            problems.push(problem(
                format!("{path}.set"),
                ProblemKind::SetNotForKind {
                    set: set.id.clone(),
                    kind: unit.kind.code(),
                },
            ));
        }
        let indicators: HashMap<&str, _> =
            set.indicators().map(|i| (i.id.as_str(), &i.kind)).collect();
        for (id, answer) in assessment.answers().0.iter() {
            if let Some(kind) = indicators.get(id.as_str()) {
                if !answer.fits(kind) {
                    problems.push(problem(
                        format!("{path}.answers.{id}"),
                        ProblemKind::AnswerKindMismatch {
                            expected: kind.code(),
                        },
                    ));
                }
            }
        }
    }
    for (i, plan) in incoming.festival_plans.iter().enumerate() {
        let path = match incoming.kind {
            FileKind::Rollup => format!("content.festival_plans[{i}].festival_plan"),
            _ => "content.festival_plan".to_owned(),
        };
        year(path.clone(), plan.year, &mut problems);
        if unit_of(&plan.unit).is_none() {
            problems.push(problem(
                format!("{path}.unit"),
                ProblemKind::UnknownReference {
                    id: plan.unit.as_str().to_owned(),
                },
            ));
        }
    }
    for notice in &incoming.decisions {
        year("content".to_owned(), notice.year, &mut problems);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError::Invalid { problems })
    }
}
