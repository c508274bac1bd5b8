//! What the engine needs beyond an assessment's own answers, read from the
//! workspace: figures derived from the child units' own assessments, and
//! last year's counts.

use std::collections::HashMap;

use super::assessment::{Assessment, Status};
use super::criteria::{
    Answer, Context, CriteriaSet, DerivedMeasure, Figures, IndicatorKind, LeftOut, NotCounted,
    Pending,
};
use super::scope::Scope;
use super::workspace::Workspace;
use super::UnitKind;

/// The context for evaluating `assessment` against `set` in `workspace`.
///
/// A derived indicator counts the units directly under the assessed unit
/// whose kind it names (TT 124 Article 5 clause 4 counts residential areas,
/// agencies, enterprises and schools together), less those outside TT 124
/// or not the commune's to manage (`Scope::not_counted`). A child unit has
/// *registered* when it has an assessment for the same year (starting one is
/// how the app records registering), and is *recognised* when that
/// assessment carries a decision recognising it. With no such child units
/// in the workspace, no figures are given and the assessor types them.
pub fn context_for(workspace: &Workspace, assessment: &Assessment, set: &CriteriaSet) -> Context {
    // The year's assessments by unit, in one pass (this runs on every
    // keystroke of the assessment's form).
    let mut of_year: HashMap<&super::UnitId, Vec<&Assessment>> = HashMap::new();
    for a in workspace.assessments() {
        if a.year() == assessment.year() {
            of_year.entry(a.unit()).or_default().push(a);
        }
    }
    let children: Vec<Child> = workspace
        .units()
        .children(assessment.unit())
        .map(|unit| Child {
            name: &unit.name,
            kind: unit.kind,
            scope: unit.scope,
            assessments: of_year.remove(&unit.id).unwrap_or_default(),
        })
        .collect();
    let last_year = workspace.assessment_for(assessment.unit(), &set.id, assessment.year() - 1);
    context_from(set, &children, last_year)
}

/// The context for the assessment of a unit that receives files from the
/// units under it: its derived figures counted as Tổng hợp counts them,
/// from the accepted files of the year on `shelf` together with the units
/// under it here and their own assessments in this browser, so the
/// commune's self-assessment, its Tổng hợp and its printed summary say the
/// same numbers.
pub fn context_with_received(
    workspace: &Workspace,
    assessment: &Assessment,
    set: &CriteriaSet,
    shelf: &super::rollup::Shelf,
) -> Context {
    let mut context = context_for(workspace, assessment, set);
    let own_children: Vec<super::UnitInfo> = workspace
        .units()
        .children(assessment.unit())
        .map(super::UnitInfo::of)
        .collect();
    let own_assessments: Vec<&Assessment> = workspace.assessments().iter().collect();
    for figure in super::rollup::figures::derived(
        shelf,
        set,
        assessment.year(),
        &own_children,
        &own_assessments,
    ) {
        if let Some(figures) = figure.figures() {
            context.derived.insert(figure.indicator.clone(), figures);
        }
    }
    context
}

/// A unit directly under the assessed one, with its assessments of the
/// year (any set).
#[derive(Clone, Debug)]
pub struct Child<'a> {
    pub name: &'a str,
    pub kind: UnitKind,
    /// Its facts of scope: a unit TT 124 does not cover, or that is not the
    /// commune's to manage, is left out of the figures and named in them.
    pub scope: Scope,
    pub assessments: Vec<&'a Assessment>,
}

/// Whether a child unit's assessments of the year count for `measure`:
/// starting one is registering; a decision recognising it is recognition.
pub fn counts_for(measure: DerivedMeasure, assessments: &[&Assessment]) -> bool {
    assessments.iter().any(|a| match measure {
        DerivedMeasure::Registered => true,
        DerivedMeasure::Recognised => matches!(
            a.status(),
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
                let mut left_out = Vec::new();
                let mut not_counted = Vec::new();
                let mut counted = 0;
                let mut denominator = 0;
                for child in under {
                    if let Some(why) = child.scope.not_counted(child.kind) {
                        left_out.push(LeftOut {
                            name: child.name.to_owned(),
                            why,
                        });
                        continue;
                    }
                    denominator += 1;
                    if counts_for(*measure, &child.assessments) {
                        counted += 1;
                    } else {
                        not_counted.push(NotCounted {
                            name: child.name.to_owned(),
                            why: pending(!child.assessments.is_empty()),
                        });
                    }
                }
                context.derived.insert(
                    indicator.id.clone(),
                    Figures {
                        numerator: counted,
                        denominator,
                        left_out,
                        not_counted,
                    },
                );
            }
            IndicatorKind::Trend { .. } => {
                if let Some(Answer::Trend { current, .. }) =
                    last_year.and_then(|a| a.answers().get(&indicator.id))
                {
                    context.previous.insert(indicator.id.clone(), *current);
                }
            }
            _ => {}
        }
    }
    context
}

/// Why a unit in a derived figure's denominator is not in its numerator:
/// it has no assessment of the year, or none recognised.
pub fn pending(assessed: bool) -> Pending {
    if assessed {
        Pending::NoDecision
    } else {
        Pending::NoAssessment
    }
}

/// The counts that matter in a year (incidents, crimes): every count and
/// every trend figure answered, added up, for the history chart.
pub fn incident_total(assessment: &Assessment) -> u64 {
    assessment
        .answers()
        .0
        .values()
        .map(|answer| match answer {
            Answer::Count { count, .. } => *count,
            Answer::Trend { current, .. } => *current,
            _ => 0,
        })
        .fold(0, u64::saturating_add)
}
