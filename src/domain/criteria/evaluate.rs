//! The evaluation engine: pure, total, and explaining every result as data.

use crate::support::map::Map;

use super::answer::{Answer, Answers, Context, Figures, LeftOut, NotCounted};
use super::set::{
    Bound, ChecklistItem, CriteriaSet, Criterion, CriterionRule, DateWindow, Escape, Indicator,
    IndicatorKind, Rounding, SetRule,
};
use crate::domain::calendar::Date;

/// The result of an indicator, a criterion or a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    Passed,
    Failed,
    /// Not enough answered to decide.
    Incomplete,
    /// "Không áp dụng".
    NotApplicable,
    /// A note: nothing to decide.
    NotEvaluated,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 5] = [
        Outcome::Passed,
        Outcome::Failed,
        Outcome::Incomplete,
        Outcome::NotApplicable,
        Outcome::NotEvaluated,
    ];

    /// Its code, as a filter's choice or a table's cell names it.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::Incomplete => "incomplete",
            Outcome::NotApplicable => "na",
            Outcome::NotEvaluated => "note",
        }
    }

    /// The outcome of code `code`.
    pub fn from_code(code: &str) -> Option<Outcome> {
        Outcome::ALL
            .into_iter()
            .find(|outcome| outcome.code() == code)
    }
}

/// Where the figures of a ratio came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureSource {
    /// Typed by the assessor.
    Manual,
    /// Counted from the child units' assessments in the workspace.
    ChildUnits,
}

/// Why an indicator has its status, with the numbers that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Unanswered,
    NotApplicable,
    /// "Không áp dụng" was stated where the set does not allow it.
    NotApplicableRefused,
    /// The answer is of another kind than the indicator (after an edit of the set).
    AnswerKindMismatch,
    Note,
    YesNo {
        value: bool,
    },
    /// Done, but the date the window requires is missing.
    DateMissing {
        from: Date,
        to: Date,
    },
    DateWithin {
        date: Date,
        from: Date,
        to: Date,
    },
    DateOutside {
        date: Date,
        from: Date,
        to: Date,
    },
    Count {
        count: u64,
        escape: Option<Escape>,
        handled: bool,
    },
    Rating {
        level: Option<usize>,
        min_level: usize,
        title: Option<usize>,
    },
    Number {
        value: i64,
        bound: Bound,
        threshold: i64,
    },
    Ratio {
        numerator: u64,
        denominator: u64,
        threshold: u32,
        required: u64,
        rounding: Rounding,
        source: FigureSource,
        /// Units under the assessed one that are not counted, and why.
        left_out: Vec<LeftOut>,
        /// Units counted in the denominator only, and why.
        not_counted: Vec<NotCounted>,
    },
    DenominatorZero {
        source: FigureSource,
        left_out: Vec<LeftOut>,
    },
    NumeratorAboveDenominator {
        numerator: u64,
        denominator: u64,
    },
    Trend {
        current: u64,
        previous: u64,
        allow_equal: bool,
    },
    PreviousMissing {
        current: u64,
    },
    Checklist {
        checked: usize,
        total: usize,
        missing: Vec<String>,
        /// Items stated "không áp dụng" with a reason, where the set allows it.
        not_applicable: Vec<String>,
    },
    Composite {
        failed: Vec<String>,
        incomplete: Vec<String>,
    },
    /// Composite indicators name each other in a circle: the set is invalid.
    CompositeCycle,
    Points {
        points: u32,
        max: Option<u32>,
    },
    PointsAboveMax {
        points: u32,
        max: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorResult {
    pub status: Outcome,
    pub reason: Reason,
}

/// Why a criterion has its status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CriterionReason {
    /// Rule "all": the indicators that failed and that are not decided.
    All {
        failed: Vec<String>,
        incomplete: Vec<String>,
    },
    /// Rule "any": the indicators that passed.
    Any {
        passed: Vec<String>,
        incomplete: Vec<String>,
    },
    Points {
        total: u32,
        min: u32,
        incomplete: Vec<String>,
    },
    NotApplicable,
    /// The criterion has no indicator yet (a skeleton to be completed).
    Empty,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    pub status: Outcome,
    pub reason: CriterionReason,
}

/// Why the set has its status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetReason {
    /// All criteria must pass: those failed and those not decided.
    AllCriteria {
        failed: Vec<String>,
        incomplete: Vec<String>,
    },
    /// A scored instrument: the total, and the class when the cut-offs are known.
    Points {
        total: u32,
        class: Option<usize>,
        incomplete: Vec<String>,
    },
    /// The set has no criteria yet.
    Empty,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetResult {
    pub status: Outcome,
    pub reason: SetReason,
}

/// How much is answered: separate from how much is met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

/// The whole evaluation of a set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub indicators: Map<String, IndicatorResult>,
    pub criteria: Map<String, CriterionResult>,
    pub set: SetResult,
    pub progress: Progress,
    /// Indicators met, out of those decided (passed or failed).
    pub conformity: Progress,
}

/// The smallest count that reaches `threshold` percent of `total`.
pub fn required_count(threshold: u32, total: u64, rounding: Rounding) -> u64 {
    let product = u128::from(threshold) * u128::from(total);
    let needed = match rounding {
        Rounding::Up => product.div_ceil(100),
        Rounding::Down => product / 100,
    };
    u64::try_from(needed).unwrap_or(u64::MAX)
}

/// Whether a trend holds: the count fell, or there was nothing to reduce
/// (zero both years), or it stayed equal where the set lets equal pass.
/// TT 124 Article 4 clause 4 point a ("kiềm chế, kéo giảm … so với năm
/// trước") sets no strict-decrease rule; how an equal non-zero count is
/// judged is the set's reading (`allow_equal`).
pub fn trend_holds(current: u64, previous: u64, allow_equal: bool) -> bool {
    current < previous || (current == previous && (current == 0 || allow_equal))
}

/// Evaluates `answers` to `set` for the assessment `year`. Pure and total:
/// any set and any answers give an evaluation, never a panic.
pub fn evaluate(set: &CriteriaSet, answers: &Answers, context: &Context, year: i32) -> Evaluation {
    let all: Vec<&Indicator> = set.indicators().collect();
    let mut engine = Engine {
        answers,
        context,
        year,
        done: Done::of(set),
        visiting: vec![false; all.len()],
        on_circle: vec![false; all.len()],
        all,
    };
    let mut progress = Progress::default();
    let mut conformity = Progress::default();
    for indicator in set.indicators() {
        let result = engine.indicator(indicator);
        if !matches!(
            indicator.kind,
            IndicatorKind::Note | IndicatorKind::Composite { .. }
        ) {
            progress.total += 1;
            if result.reason != Reason::Unanswered {
                progress.answered += 1;
            }
        }
        match result.status {
            Outcome::Passed => {
                conformity.answered += 1;
                conformity.total += 1;
            }
            Outcome::Failed => conformity.total += 1,
            _ => {}
        }
    }
    let criteria = Map::from_entries(
        set.criteria()
            .map(|criterion| (criterion.id.clone(), engine.criterion(criterion)))
            .collect(),
    );
    let indicators = engine.done.into_map();
    let set_result = set_result(set, &criteria, &indicators);
    Evaluation {
        indicators,
        criteria,
        set: set_result,
        progress,
        conformity,
    }
}

struct Engine<'a> {
    answers: &'a Answers,
    context: &'a Context,
    year: i32,
    done: Done<'a>,
    /// The set's indicators, by their place.
    all: Vec<&'a Indicator>,
    /// Composites whose parts are being walked.
    visiting: Vec<bool>,
    /// Composites found naming one of those: on a circle.
    on_circle: Vec<bool>,
}

/// Each indicator's result once computed. Its places are built once, sorted
/// in n log n, then only looked up: filling a sorted map in the set's order
/// would take n² for a huge set whose ids are not in order.
struct Done<'a> {
    places: Map<&'a str, usize>,
    results: Vec<Option<IndicatorResult>>,
}

impl<'a> Done<'a> {
    fn of(set: &'a CriteriaSet) -> Done<'a> {
        let places: Map<&str, usize> = Map::from_entries(
            set.indicators()
                .enumerate()
                .map(|(n, i)| (i.id.as_str(), n))
                .collect(),
        );
        Done {
            places,
            results: vec![None; set.indicators().count()],
        }
    }

    fn get(&self, id: &str) -> Option<&IndicatorResult> {
        self.places.get(id).and_then(|&n| self.results[n].as_ref())
    }

    fn insert(&mut self, id: &str, result: IndicatorResult) {
        if let Some(&n) = self.places.get(id) {
            self.results[n] = Some(result);
        }
    }

    /// The results by id, already in order.
    fn into_map(self) -> Map<String, IndicatorResult> {
        let mut results = self.results;
        Map::from_entries(
            self.places
                .iter()
                .filter_map(|(id, &n)| results[n].take().map(|r| ((*id).to_owned(), r)))
                .collect(),
        )
    }
}

/// The rule "all must pass": a failure decides, then anything undecided.
fn all_must_pass(failed: &[String], incomplete: &[String]) -> Outcome {
    if !failed.is_empty() {
        Outcome::Failed
    } else if !incomplete.is_empty() {
        Outcome::Incomplete
    } else {
        Outcome::Passed
    }
}

fn result(status: Outcome, reason: Reason) -> IndicatorResult {
    IndicatorResult { status, reason }
}

fn passed_if(ok: bool, reason: Reason) -> IndicatorResult {
    result(if ok { Outcome::Passed } else { Outcome::Failed }, reason)
}

impl Engine<'_> {
    fn indicator(&mut self, indicator: &Indicator) -> IndicatorResult {
        if let Some(done) = self.done.get(&indicator.id) {
            return done.clone();
        }
        if matches!(indicator.kind, IndicatorKind::Composite { .. }) {
            return self.composite(indicator);
        }
        let result = self.compute(indicator);
        self.done.insert(&indicator.id, result.clone());
        result
    }

    fn compute(&mut self, indicator: &Indicator) -> IndicatorResult {
        let answer = self.answers.get(&indicator.id);
        if answer == Some(&Answer::NotApplicable) {
            return if indicator.na_allowed {
                result(Outcome::NotApplicable, Reason::NotApplicable)
            } else {
                result(Outcome::Incomplete, Reason::NotApplicableRefused)
            };
        }
        match &indicator.kind {
            IndicatorKind::Note => result(Outcome::NotEvaluated, Reason::Note),
            // Composites are walked by `composite`, never computed alone.
            IndicatorKind::Composite { .. } => result(Outcome::Incomplete, Reason::CompositeCycle),
            IndicatorKind::Derived {
                threshold,
                rounding,
                ..
            } => {
                if let Some(figures) = self.context.derived.get(&indicator.id) {
                    return ratio(
                        figures.clone(),
                        *threshold,
                        *rounding,
                        FigureSource::ChildUnits,
                    );
                }
                match answer {
                    None => result(Outcome::Incomplete, Reason::Unanswered),
                    Some(Answer::Ratio {
                        numerator,
                        denominator,
                    }) => ratio(
                        Figures::typed(*numerator, *denominator),
                        *threshold,
                        *rounding,
                        FigureSource::Manual,
                    ),
                    Some(_) => result(Outcome::Incomplete, Reason::AnswerKindMismatch),
                }
            }
            kind => match answer {
                None => {
                    // A trend with no answer still has nothing to compare.
                    result(Outcome::Incomplete, Reason::Unanswered)
                }
                Some(answer) => self.measure(&indicator.id, kind, answer),
            },
        }
    }

    fn measure(&self, id: &str, kind: &IndicatorKind, answer: &Answer) -> IndicatorResult {
        match (kind, answer) {
            (IndicatorKind::YesNo { window }, Answer::YesNo { value, date }) => {
                yes_no(*value, *date, *window, self.year)
            }
            (IndicatorKind::CountZero { escape }, Answer::Count { count, handled }) => {
                let handled = *handled && escape.is_some();
                passed_if(
                    *count == 0 || handled,
                    Reason::Count {
                        count: *count,
                        escape: *escape,
                        handled,
                    },
                )
            }
            (
                IndicatorKind::Rating {
                    levels,
                    min_level,
                    titles,
                },
                Answer::Rating { level, title },
            ) => {
                let level = level.filter(|l| *l < levels.len());
                let title = title.filter(|t| *t < titles.len());
                let reason = Reason::Rating {
                    level,
                    min_level: *min_level,
                    title,
                };
                if title.is_some() || level.is_some_and(|l| l <= *min_level) {
                    result(Outcome::Passed, reason)
                } else if level.is_none() {
                    result(Outcome::Incomplete, reason)
                } else {
                    result(Outcome::Failed, reason)
                }
            }
            (IndicatorKind::Number { bound, threshold }, Answer::Number { value }) => {
                let ok = match bound {
                    Bound::AtLeast => value >= threshold,
                    Bound::AtMost => value <= threshold,
                };
                passed_if(
                    ok,
                    Reason::Number {
                        value: *value,
                        bound: *bound,
                        threshold: *threshold,
                    },
                )
            }
            (
                IndicatorKind::Percent {
                    threshold,
                    rounding,
                },
                Answer::Ratio {
                    numerator,
                    denominator,
                },
            ) => ratio(
                Figures::typed(*numerator, *denominator),
                *threshold,
                *rounding,
                FigureSource::Manual,
            ),
            (
                IndicatorKind::Trend { allow_equal, .. },
                Answer::Trend {
                    current, previous, ..
                },
            ) => match previous.or_else(|| self.context.previous.get(id).copied()) {
                None => result(
                    Outcome::Incomplete,
                    Reason::PreviousMissing { current: *current },
                ),
                Some(previous) => passed_if(
                    trend_holds(*current, previous, *allow_equal),
                    Reason::Trend {
                        current: *current,
                        previous,
                        allow_equal: *allow_equal,
                    },
                ),
            },
            (
                IndicatorKind::Checklist { items },
                Answer::Checklist {
                    checked,
                    not_applicable,
                },
            ) => {
                let stated_na = |item: &ChecklistItem| {
                    item.na_allowed
                        && not_applicable
                            .get(&item.id)
                            .is_some_and(|why| !why.trim().is_empty())
                };
                let missing: Vec<String> = items
                    .iter()
                    .filter(|item| !checked.contains(&item.id) && !stated_na(item))
                    .map(|item| item.id.clone())
                    .collect();
                let not_applicable: Vec<String> = items
                    .iter()
                    .filter(|item| !checked.contains(&item.id) && stated_na(item))
                    .map(|item| item.id.clone())
                    .collect();
                passed_if(
                    missing.is_empty(),
                    Reason::Checklist {
                        checked: items.len() - missing.len() - not_applicable.len(),
                        total: items.len(),
                        missing,
                        not_applicable,
                    },
                )
            }
            (IndicatorKind::Points { max }, Answer::Points { points }) => match max {
                Some(max) if points > max => result(
                    Outcome::Incomplete,
                    Reason::PointsAboveMax {
                        points: *points,
                        max: *max,
                    },
                ),
                _ => result(
                    Outcome::Passed,
                    Reason::Points {
                        points: *points,
                        max: *max,
                    },
                ),
            },
            _ => result(Outcome::Incomplete, Reason::AnswerKindMismatch),
        }
    }

    /// A composite's result from its parts', computed depth first without
    /// recursion, so that a chain of any length is evaluated in linear time
    /// on a small stack: each composite is finished once every part it names
    /// is. A composite on a circle, or naming one, is undecided.
    fn composite(&mut self, root: &Indicator) -> IndicatorResult {
        let Some(&root_at) = self.done.places.get(root.id.as_str()) else {
            return result(Outcome::Incomplete, Reason::CompositeCycle);
        };
        // Each composite on the walk: where it is, and whether its parts are pushed.
        let mut stack: Vec<(usize, bool)> = vec![(root_at, false)];
        while let Some((at, expanded)) = stack.pop() {
            if self.done.results[at].is_some() {
                continue;
            }
            let indicator = self.all[at];
            let IndicatorKind::Composite { all_of } = &indicator.kind else {
                let computed = self.compute(indicator);
                self.done.results[at] = Some(computed);
                continue;
            };
            if !expanded {
                self.visiting[at] = true;
                stack.push((at, true));
                for target in all_of {
                    match self.done.places.get(target.as_str()) {
                        Some(&part) if self.visiting[part] => self.on_circle[at] = true,
                        Some(&part) if self.done.results[part].is_none() => {
                            stack.push((part, false))
                        }
                        _ => {}
                    }
                }
                continue;
            }
            let mut failed = Vec::new();
            let mut incomplete = Vec::new();
            let mut cycle = self.on_circle[at];
            for target in all_of {
                let part = self
                    .done
                    .places
                    .get(target.as_str())
                    .and_then(|&part| self.done.results[part].as_ref());
                match part {
                    None => incomplete.push(target.clone()),
                    Some(part) => {
                        cycle |= part.reason == Reason::CompositeCycle;
                        match part.status {
                            Outcome::Failed => failed.push(target.clone()),
                            Outcome::Incomplete => incomplete.push(target.clone()),
                            _ => {}
                        }
                    }
                }
            }
            self.visiting[at] = false;
            self.done.results[at] = Some(if cycle {
                result(Outcome::Incomplete, Reason::CompositeCycle)
            } else {
                let status = all_must_pass(&failed, &incomplete);
                result(status, Reason::Composite { failed, incomplete })
            });
        }
        self.done.results[root_at]
            .clone()
            .unwrap_or_else(|| result(Outcome::Incomplete, Reason::CompositeCycle))
    }

    fn criterion(&mut self, criterion: &Criterion) -> CriterionResult {
        if criterion.indicators.is_empty() {
            return CriterionResult {
                status: Outcome::Incomplete,
                reason: CriterionReason::Empty,
            };
        }
        let parts: Vec<(String, IndicatorResult)> = criterion
            .indicators
            .iter()
            .map(|indicator| (indicator.id.clone(), self.indicator(indicator)))
            .collect();
        let ids = |status: Outcome| -> Vec<String> {
            parts
                .iter()
                .filter(|(_, r)| r.status == status)
                .map(|(id, _)| id.clone())
                .collect()
        };
        let decided = parts
            .iter()
            .filter(|(_, r)| !matches!(r.status, Outcome::NotApplicable | Outcome::NotEvaluated))
            .count();
        if decided == 0 {
            let all_notes = parts.iter().all(|(_, r)| r.status == Outcome::NotEvaluated);
            return CriterionResult {
                status: if all_notes {
                    Outcome::NotEvaluated
                } else {
                    Outcome::NotApplicable
                },
                reason: CriterionReason::NotApplicable,
            };
        }
        let failed = ids(Outcome::Failed);
        let incomplete = ids(Outcome::Incomplete);
        match criterion.rule {
            CriterionRule::All => {
                let status = all_must_pass(&failed, &incomplete);
                CriterionResult {
                    status,
                    reason: CriterionReason::All { failed, incomplete },
                }
            }
            CriterionRule::Any => {
                let passed = ids(Outcome::Passed);
                let status = if !passed.is_empty() {
                    Outcome::Passed
                } else if !incomplete.is_empty() {
                    Outcome::Incomplete
                } else {
                    Outcome::Failed
                };
                CriterionResult {
                    status,
                    reason: CriterionReason::Any { passed, incomplete },
                }
            }
            CriterionRule::PointsAtLeast { min } => {
                let total = points_of(criterion.indicators.iter().map(|i| i.id.as_str()), |id| {
                    self.done.get(id)
                });
                let status = if total >= min {
                    Outcome::Passed
                } else if !incomplete.is_empty() {
                    Outcome::Incomplete
                } else {
                    Outcome::Failed
                };
                CriterionResult {
                    status,
                    reason: CriterionReason::Points {
                        total,
                        min,
                        incomplete,
                    },
                }
            }
        }
    }
}

fn points_of<'a, 'r>(
    ids: impl Iterator<Item = &'a str>,
    done: impl Fn(&str) -> Option<&'r IndicatorResult>,
) -> u32 {
    ids.filter_map(|id| match done(id).map(|r| &r.reason) {
        Some(Reason::Points { points, .. }) => Some(*points),
        _ => None,
    })
    .fold(0u32, u32::saturating_add)
}

fn yes_no(
    value: bool,
    date: Option<Date>,
    window: Option<DateWindow>,
    year: i32,
) -> IndicatorResult {
    if !value {
        return result(Outcome::Failed, Reason::YesNo { value });
    }
    let Some(window) = window else {
        return result(Outcome::Passed, Reason::YesNo { value });
    };
    let from = window.from.in_year(year);
    let to = window.to.in_year(year);
    match date {
        None => result(Outcome::Incomplete, Reason::DateMissing { from, to }),
        Some(date) => passed_if(
            from <= date && date <= to,
            if from <= date && date <= to {
                Reason::DateWithin { date, from, to }
            } else {
                Reason::DateOutside { date, from, to }
            },
        ),
    }
}

fn ratio(
    figures: Figures,
    threshold: u32,
    rounding: Rounding,
    source: FigureSource,
) -> IndicatorResult {
    let Figures {
        numerator,
        denominator,
        left_out,
        not_counted,
    } = figures;
    if denominator == 0 {
        return result(
            Outcome::Incomplete,
            Reason::DenominatorZero { source, left_out },
        );
    }
    if numerator > denominator {
        return result(
            Outcome::Incomplete,
            Reason::NumeratorAboveDenominator {
                numerator,
                denominator,
            },
        );
    }
    let required = required_count(threshold, denominator, rounding);
    passed_if(
        numerator >= required,
        Reason::Ratio {
            numerator,
            denominator,
            threshold,
            required,
            rounding,
            source,
            left_out,
            not_counted,
        },
    )
}

fn set_result(
    set: &CriteriaSet,
    criteria: &Map<String, CriterionResult>,
    indicators: &Map<String, IndicatorResult>,
) -> SetResult {
    if set.criteria().next().is_none() {
        return SetResult {
            status: Outcome::Incomplete,
            reason: SetReason::Empty,
        };
    }
    let ids = |status: Outcome| -> Vec<String> {
        set.criteria()
            .filter(|c| criteria.get(&c.id).map(|r| r.status) == Some(status))
            .map(|c| c.id.clone())
            .collect()
    };
    let failed = ids(Outcome::Failed);
    let incomplete = ids(Outcome::Incomplete);
    match set.pass_rule {
        SetRule::AllCriteria => {
            let status = all_must_pass(&failed, &incomplete);
            SetResult {
                status,
                reason: SetReason::AllCriteria { failed, incomplete },
            }
        }
        SetRule::Points => {
            let total = points_of(set.indicators().map(|i| i.id.as_str()), |id| {
                indicators.get(id)
            });
            let complete = incomplete.is_empty();
            // The best class whose cut-off is known and reached; unknown
            // cut-offs classify nothing.
            let class = set
                .classes
                .iter()
                .enumerate()
                .filter_map(|(index, class)| class.min_points.map(|min| (index, min)))
                .filter(|(_, min)| total >= *min)
                .max_by_key(|(_, min)| *min)
                .map(|(index, _)| index);
            let status = if !complete {
                Outcome::Incomplete
            } else if class.is_some() {
                Outcome::Passed
            } else {
                Outcome::NotEvaluated
            };
            SetResult {
                status,
                reason: SetReason::Points {
                    total,
                    class,
                    incomplete,
                },
            }
        }
    }
}
