//! The figures the level above reports, counted from the accepted files:
//! units recognised per kind, the receiving unit's own derived indicators
//! (TT 124 Article 5 clause 4: the share of residential areas, agencies,
//! enterprises and schools under a commune recognised; all registered), and
//! the criteria failed most.

use std::collections::{HashMap, HashSet};

use crate::support::map::Map;

use super::festival::FestivalTotals;
use super::table::Evaluator;
use super::{Received, Review, Shelf};
use crate::domain::assessment::Assessment;
use crate::domain::context::counts_for;
use crate::domain::criteria::{
    required_count, CriteriaSet, DerivedMeasure, Figures, IndicatorKind, LeftOut, NotCounted,
    Outcome, Pending, Rounding, Text,
};
use crate::domain::scope::Exclusion;
use crate::domain::{UnitId, UnitInfo, UnitKind};

/// Everything the figures show for one year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearFigures {
    pub year: i32,
    pub kinds: Vec<KindFigure>,
    pub previous: Option<(i32, Vec<KindFigure>)>,
    pub derived: Vec<(String, Vec<DerivedFigure>)>,
    pub failed_most: Vec<Failing>,
    /// Last year's count of files failing each of those criteria, when its files are here.
    pub failed_before: Option<Vec<usize>>,
    pub festival: FestivalTotals,
}

impl YearFigures {
    /// The share of units recognised that the receiver's own set asks for
    /// (TT 124 Article 5 clause 4), when one of its sets has such an indicator.
    pub fn recognised_threshold(&self) -> Option<u32> {
        self.derived
            .iter()
            .flat_map(|(_, list)| list)
            .find(|d| d.measure == DerivedMeasure::Recognised)
            .map(|d| d.threshold)
    }
}

/// The accepted files of one kind of unit in a year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindFigure {
    pub kind: Option<UnitKind>,
    /// Units with at least one accepted assessment.
    pub units: usize,
    /// Units whose self-assessment meets a whole set.
    pub passed: usize,
    /// Units with a decision recognising them.
    pub recognised: usize,
}

/// Units, self-assessed passes and recognitions per kind, in the order of
/// the kinds, for `year`.
pub fn by_kind(shelf: &Shelf, year: i32) -> Vec<KindFigure> {
    // Per unit: its kind, whether any set passed, whether it was recognised.
    // Grouped in one go, not unit by unit (see `support::map`).
    let mut by_unit = Vec::new();
    let evaluator = Evaluator::new(shelf);
    for record in shelf.accepted().filter(|r| r.year() == year) {
        if record.assessment().is_none() {
            continue;
        }
        let passed = evaluator
            .evaluate(record)
            .is_some_and(|e| e.set.status == Outcome::Passed);
        by_unit.push((
            &record.unit.id,
            (record.unit.kind, passed, record.is_recognised()),
        ));
    }
    let units: Map<&UnitId, (UnitKind, bool, bool)> = Map::grouped(by_unit)
        .into_iter()
        .map(|(id, facts)| {
            let kind = facts[0].0;
            (
                id,
                (kind, facts.iter().any(|f| f.1), facts.iter().any(|f| f.2)),
            )
        })
        .collect();
    UnitKind::ALL
        .iter()
        .filter_map(|&kind| {
            let of_kind: Vec<_> = units.values().filter(|(k, ..)| *k == kind).collect();
            (!of_kind.is_empty()).then(|| KindFigure {
                kind: Some(kind),
                units: of_kind.len(),
                passed: of_kind.iter().filter(|(_, p, _)| *p).count(),
                recognised: of_kind.iter().filter(|(.., r)| *r).count(),
            })
        })
        .collect()
}

/// One unit behind a derived figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Behind {
    pub name: String,
    pub kind: UnitKind,
    /// A file of the year arrived from it (and was not marked "có vấn đề"),
    /// or it was assessed in this browser.
    pub has_file: bool,
    /// Its file of the year was marked "có vấn đề", with the comment.
    pub problem: Option<String>,
    /// It counts in the numerator.
    pub counted: bool,
    /// Left out of both figures: outside TT 124, or not the receiver's to manage.
    pub left_out: Option<Exclusion>,
}

impl Behind {
    /// Why it is in the denominator but not the numerator; none when it
    /// counts or is left out.
    pub fn pending(&self) -> Option<Pending> {
        if self.counted || self.left_out.is_some() {
            return None;
        }
        Some(match &self.problem {
            Some(comment) if !self.has_file => Pending::FileProblem {
                comment: comment.clone(),
            },
            _ => crate::domain::context::pending(self.has_file),
        })
    }
}

/// One derived indicator of the receiving unit's set, computed from the files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivedFigure {
    pub indicator: String,
    pub label: Text,
    pub measure: DerivedMeasure,
    pub threshold: u32,
    pub rounding: Rounding,
    pub numerator: u64,
    pub denominator: u64,
    pub required: u64,
    pub status: Outcome,
    pub units: Vec<Behind>,
}

/// What is known of one unit under the receiver for a derived figure.
struct Facts {
    unit: UnitInfo,
    /// A file arrived, or it was assessed here.
    arrived: bool,
    recognised: bool,
    problem: Option<String>,
}

/// The units behind one derived figure, found by id and by kind and name
/// in constant time, so that a province's files count in linear time.
#[derive(Default)]
struct Units {
    facts: Vec<Facts>,
    by_id: HashMap<UnitId, usize>,
    /// By kind and folded name, of the units not settled by the officer.
    by_name: HashMap<(UnitKind, String), Vec<usize>>,
}

impl Units {
    /// Adds `unit`, whose name folded ([`super::identity::folded`]) is
    /// `folded`.
    fn push(&mut self, unit: &UnitInfo, folded: String, settled: &HashSet<&UnitId>) -> usize {
        let index = self.facts.len();
        self.by_id.entry(unit.id.clone()).or_insert(index);
        if !settled.contains(&unit.id) {
            self.by_name
                .entry((unit.kind, folded))
                .or_default()
                .push(index);
        }
        self.facts.push(Facts {
            unit: unit.clone(),
            arrived: false,
            recognised: false,
            problem: None,
        });
        index
    }

    /// The first unit with `child`'s id, or its kind and name (`folded`)
    /// and no settled file ([`super::identity::same_kind_and_name`]).
    fn first_like(&self, child: &UnitInfo, folded: &str) -> Option<usize> {
        let by_id = self.by_id.get(&child.id).copied();
        let by_name = self
            .by_name
            .get(&(child.kind, folded.to_owned()))
            .and_then(|found| found.first().copied());
        by_id.into_iter().chain(by_name).min()
    }
}

impl Facts {
    fn counts_for(&self, measure: DerivedMeasure) -> bool {
        match measure {
            DerivedMeasure::Registered => self.arrived,
            DerivedMeasure::Recognised => self.recognised,
        }
    }
}

/// The derived indicators of `set` for `year`. The units under the
/// receiving unit are those of the kinds the indicator names that sent a
/// file of the year, together with `own_children` (the units the receiver
/// keeps under itself, matched to files by id, or by kind and name while
/// the officer has not settled the match) that sent none. A unit has
/// registered when its file of the year has arrived (unless marked "có vấn
/// đề") or `own_assessments` (this browser's) hold one of it; it is
/// recognised when a decision on an accepted file, or on its assessment
/// here, says so.
pub fn derived(
    shelf: &Shelf,
    set: &CriteriaSet,
    year: i32,
    own_children: &[UnitInfo],
    own_assessments: &[&Assessment],
) -> Vec<DerivedFigure> {
    let files: Vec<&Received> = shelf
        .records()
        .iter()
        .filter(|r| r.year() == year && r.assessment().is_some())
        .collect();
    // Units whose file the officer settled are matched by id only.
    let settled: HashSet<&UnitId> = files
        .iter()
        .filter(|r| r.sent_as.is_some())
        .map(|r| &r.unit.id)
        .collect();
    let mut here: HashMap<&UnitId, Vec<&Assessment>> = HashMap::new();
    for assessment in own_assessments.iter().filter(|a| a.year() == year) {
        here.entry(assessment.unit()).or_default().push(assessment);
    }
    // Each name folded once, whatever the number of derived indicators.
    let children: Vec<(&UnitInfo, String)> = own_children
        .iter()
        .map(|child| (child, super::identity::folded(&child.name)))
        .collect();
    let mut out = Vec::new();
    for indicator in set.indicators() {
        let IndicatorKind::Derived {
            measure,
            threshold,
            rounding,
            child_kinds,
        } = &indicator.kind
        else {
            continue;
        };
        let mut units = Units::default();
        for record in files.iter().filter(|r| child_kinds.contains(&r.unit.kind)) {
            let index = match units.by_id.get(&record.unit.id) {
                Some(&index) => index,
                None => units.push(
                    &record.unit,
                    super::identity::folded(&record.unit.name),
                    &settled,
                ),
            };
            let facts = &mut units.facts[index];
            match &record.review {
                Review::Problem { comment } => facts.problem = Some(comment.clone()),
                Review::Received => facts.arrived = true,
                Review::Accepted => {
                    facts.arrived = true;
                    facts.recognised |= record.is_recognised();
                }
            }
        }
        for (child, folded) in children
            .iter()
            .filter(|(c, _)| child_kinds.contains(&c.kind))
        {
            // By id, or by kind and name while the officer has not settled
            // which unit the file is (`identity`).
            let index = match units.first_like(child, folded) {
                Some(index) => {
                    // What the receiver states of its own unit wins over the file.
                    let facts = &mut units.facts[index];
                    facts.unit.scope = child.scope.or(facts.unit.scope);
                    index
                }
                None => units.push(child, folded.clone(), &settled),
            };
            let facts = &mut units.facts[index];
            let here = here.get(&child.id).map(Vec::as_slice).unwrap_or_default();
            facts.arrived |= !here.is_empty();
            facts.recognised |= counts_for(DerivedMeasure::Recognised, here);
        }
        let mut units = units.facts;
        crate::support::order::sort_by_key(&mut units, |f| {
            crate::support::text::sort_key(&f.unit.name)
        });
        let behind: Vec<Behind> = units
            .iter()
            .map(|facts| {
                let left_out = facts.unit.scope.not_counted(facts.unit.kind);
                Behind {
                    name: facts.unit.name.clone(),
                    kind: facts.unit.kind,
                    has_file: facts.arrived,
                    problem: facts.problem.clone(),
                    counted: left_out.is_none() && facts.counts_for(*measure),
                    left_out,
                }
            })
            .collect();
        let numerator = behind.iter().filter(|b| b.counted).count() as u64;
        let denominator = behind.iter().filter(|b| b.left_out.is_none()).count() as u64;
        let required = required_count(*threshold, denominator, *rounding);
        let status = if denominator == 0 {
            Outcome::Incomplete
        } else if numerator >= required {
            Outcome::Passed
        } else {
            Outcome::Failed
        };
        out.push(DerivedFigure {
            indicator: indicator.id.clone(),
            label: indicator.label.clone(),
            measure: *measure,
            threshold: *threshold,
            rounding: *rounding,
            numerator,
            denominator,
            required,
            status,
            units: behind,
        });
    }
    out
}

impl DerivedFigure {
    /// The figures as the evaluation takes them, with the units left out;
    /// none when no unit stands behind them, so the assessor types them.
    pub fn figures(&self) -> Option<Figures> {
        (!self.units.is_empty()).then(|| Figures {
            numerator: self.numerator,
            denominator: self.denominator,
            left_out: self
                .units
                .iter()
                .filter_map(|b| {
                    b.left_out.map(|why| LeftOut {
                        name: b.name.clone(),
                        why,
                    })
                })
                .collect(),
            not_counted: self
                .units
                .iter()
                .filter_map(|b| {
                    b.pending().map(|why| NotCounted {
                        name: b.name.clone(),
                        why,
                    })
                })
                .collect(),
        })
    }
}

/// A criterion and how many accepted files of `year` fail it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failing {
    pub set_id: String,
    pub criterion: String,
    pub label: Text,
    pub failed: usize,
}

/// The criteria failed by the most files in `year`, most first, at most `limit`.
pub fn failed_most(shelf: &Shelf, year: i32, limit: usize) -> Vec<Failing> {
    let mut counts: Map<(String, String), Failing> = Map::new();
    let evaluator = Evaluator::new(shelf);
    for record in shelf.accepted().filter(|r| r.year() == year) {
        let (Some(set), Some(evaluation)) = (record.set(), evaluator.evaluate(record)) else {
            continue;
        };
        for criterion in set.criteria() {
            if evaluation.criteria.get(&criterion.id).map(|r| r.status) == Some(Outcome::Failed) {
                counts
                    .entry((set.id.clone(), criterion.id.clone()))
                    .or_insert_with(|| Failing {
                        set_id: set.id.clone(),
                        criterion: criterion.id.clone(),
                        label: criterion.label.clone(),
                        failed: 0,
                    })
                    .failed += 1;
            }
        }
    }
    let mut list: Vec<Failing> = counts.into_iter().map(|(_, v)| v).collect();
    crate::support::order::sort_by_key(&mut list, |b| std::cmp::Reverse(b.failed));
    list.truncate(limit);
    list
}

/// How many accepted files of `year` fail each of `criteria` (last year's
/// figures beside this year's list).
pub fn failed_in(shelf: &Shelf, year: i32, criteria: &[Failing]) -> Vec<usize> {
    let all = failed_most(shelf, year, usize::MAX);
    criteria
        .iter()
        .map(|c| {
            all.iter()
                .find(|b| b.set_id == c.set_id && b.criterion == c.criterion)
                .map_or(0, |b| b.failed)
        })
        .collect()
}
