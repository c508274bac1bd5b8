//! What the engine needs beyond an assessment's own answers, read from the
//! workspace: figures derived from the child units' own assessments, and
//! last year's counts.

use super::assessment::{Assessment, Status};
use super::criteria::{Answer, Context, CriteriaSet, DerivedMeasure, Figures, IndicatorKind};
use super::workspace::Workspace;
use super::UnitKind;

/// The context for evaluating `assessment` against `set` in `workspace`.
///
/// A derived indicator counts the units directly under the assessed unit
/// whose kind it names (TT 124 Article 5 clause 4 counts residential areas,
/// agencies, enterprises and schools together). A child unit has
/// *registered* when it has an assessment for the same year (starting one is
/// how the app records registering), and is *recognised* when that
/// assessment carries a decision recognising it. With no such child units
/// in the workspace, no figures are given and the assessor types them.
pub fn context_for(workspace: &Workspace, assessment: &Assessment, set: &CriteriaSet) -> Context {
    let children: Vec<Child> = workspace
        .units()
        .children(&assessment.unit)
        .map(|unit| Child {
            kind: unit.kind,
            assessments: workspace
                .assessments()
                .iter()
                .filter(|a| a.unit == unit.id && a.year == assessment.year)
                .collect(),
        })
        .collect();
    let last_year = workspace.assessment_for(&assessment.unit, &set.id, assessment.year - 1);
    context_from(set, &children, last_year)
}

/// A unit directly under the assessed one, with its assessments of the
/// year (any set).
#[derive(Clone, Debug)]
pub struct Child<'a> {
    pub kind: UnitKind,
    pub assessments: Vec<&'a Assessment>,
}

/// Whether a child unit's assessments of the year count for `measure`:
/// starting one is registering; a decision recognising it is recognition.
pub fn counts_for(measure: DerivedMeasure, assessments: &[&Assessment]) -> bool {
    assessments.iter().any(|a| match measure {
        DerivedMeasure::Registered => true,
        DerivedMeasure::Recognised => matches!(
            a.status,
            Status::Decided {
                recognised: true,
                ..
            }
        ),
    })
}

/// The context from the units under the assessed one and its own assessment
/// of last year: the one rule behind the workspace and the roll-up.
pub fn context_from(
    set: &CriteriaSet,
    children: &[Child],
    last_year: Option<&Assessment>,
) -> Context {
    let mut context = Context::default();
    for indicator in set.indicators() {
        match &indicator.kind {
            IndicatorKind::Derived {
                measure,
                child_kinds,
                ..
            } => {
                let under: Vec<&Child> = children
                    .iter()
                    .filter(|child| child_kinds.contains(&child.kind))
                    .collect();
                if under.is_empty() {
                    continue;
                }
                let counted = under
                    .iter()
                    .filter(|child| counts_for(*measure, &child.assessments))
                    .count();
                context.derived.insert(
                    indicator.id.clone(),
                    Figures {
                        numerator: counted as u64,
                        denominator: under.len() as u64,
                    },
                );
            }
            IndicatorKind::Trend { .. } => {
                if let Some(Answer::Trend { current, .. }) =
                    last_year.and_then(|a| a.answers.get(&indicator.id))
                {
                    context.previous.insert(indicator.id.clone(), *current);
                }
            }
            _ => {}
        }
    }
    context
}

/// The counts that matter in a year (incidents, crimes): every count and
/// every trend figure answered, added up, for the history chart.
pub fn incident_total(assessment: &Assessment) -> u64 {
    assessment
        .answers
        .0
        .values()
        .map(|answer| match answer {
            Answer::Count { count, .. } => *count,
            Answer::Trend { current, .. } => *current,
            _ => 0,
        })
        .fold(0, u64::saturating_add)
}
