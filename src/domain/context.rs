//! What the engine needs beyond an assessment's own answers, read from the
//! workspace: figures derived from the child units' own assessments, and
//! last year's counts.

use super::assessment::{Assessment, Status};
use super::criteria::{Answer, Context, CriteriaSet, DerivedMeasure, Figures, IndicatorKind};
use super::workspace::Workspace;

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
    let mut context = Context::default();
    for indicator in set.indicators() {
        match &indicator.kind {
            IndicatorKind::Derived {
                measure,
                child_kinds,
                ..
            } => {
                let children: Vec<_> = workspace
                    .units()
                    .children(&assessment.unit)
                    .filter(|unit| child_kinds.contains(&unit.kind))
                    .collect();
                if children.is_empty() {
                    continue;
                }
                let counted = children
                    .iter()
                    .filter(|child| {
                        workspace
                            .assessments()
                            .iter()
                            .filter(|a| a.unit == child.id && a.year == assessment.year)
                            .any(|a| match measure {
                                DerivedMeasure::Registered => true,
                                DerivedMeasure::Recognised => matches!(
                                    a.status,
                                    Status::Decided {
                                        recognised: true,
                                        ..
                                    }
                                ),
                            })
                    })
                    .count();
                context.derived.insert(
                    indicator.id.clone(),
                    Figures {
                        numerator: counted as u64,
                        denominator: children.len() as u64,
                    },
                );
            }
            IndicatorKind::Trend { .. } => {
                let last_year =
                    workspace.assessment_for(&assessment.unit, &set.id, assessment.year - 1);
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
