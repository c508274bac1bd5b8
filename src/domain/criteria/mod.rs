//! Criteria sets as data, and the pure engine that evaluates answers against them.
//!
//! A [`CriteriaSet`] is a versioned document (see `src/catalog/` for the
//! built-in ones) holding groups of criteria, each made of indicators of one
//! [`IndicatorKind`]. [`evaluate`] turns a set, a unit's [`Answers`] and a
//! [`Context`] into an [`Evaluation`] that explains every result as data.

mod answer;
mod edit;
mod evaluate;
mod library;
mod set;

pub use answer::{Answer, Answers, Context, Figures, LeftOut, NotCounted, Pending};
pub use edit::IndicatorAt;
pub use evaluate::{
    evaluate, required_count, trend_holds, CriterionReason, CriterionResult, Evaluation,
    FigureSource, IndicatorResult, Outcome, Progress, Reason, SetReason, SetResult,
};
pub use library::{ImportDecision, Library};
pub use set::{
    Bound, ChecklistItem, Citation, CriteriaSet, Criterion, CriterionRule, DateWindow,
    DerivedMeasure, Escape, Group, Indicator, IndicatorKind, LegalBasis, PeriodRule, PointsClass,
    Rounding, SetRef, SetRule, Text, ValidSet, Verification,
};
#[cfg(test)]
pub(crate) use {
    answer::AnswerTag,
    set::{CriterionRuleTag, IndicatorTag, SetRuleTag},
};
