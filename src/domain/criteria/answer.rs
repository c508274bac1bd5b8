//! What an assessor states for each indicator, and what the workspace knows besides.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::calendar::Date;

/// The answer to one indicator. No entry means not answered yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    /// "Không áp dụng", where the indicator allows it.
    NotApplicable,
    YesNo {
        value: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<Date>,
    },
    /// How many happened; `handled` states the law's escape, with evidence.
    Count {
        count: u64,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        handled: bool,
    },
    /// A level index (0 is best) and/or a title index.
    Rating {
        #[serde(default)]
        level: Option<usize>,
        #[serde(default)]
        title: Option<usize>,
    },
    Number {
        value: i64,
    },
    /// A numerator over a denominator: also the manual figures of a derived indicator.
    Ratio {
        numerator: u64,
        denominator: u64,
    },
    /// This period's count; last period's when typed rather than taken from last year.
    Trend {
        current: u64,
        #[serde(default)]
        previous: Option<u64>,
    },
    Checklist {
        checked: BTreeSet<String>,
    },
    Points {
        points: u32,
    },
}

/// A unit's answers to a set, by indicator id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    pub fn set(&mut self, id: &str, answer: Answer) {
        self.0.insert(id.to_owned(), answer);
    }

    pub fn clear(&mut self, id: &str) {
        self.0.remove(id);
    }

    /// Builder form, for tests and examples.
    pub fn with(mut self, id: &str, answer: Answer) -> Answers {
        self.set(id, answer);
        self
    }
}

/// Counted figures: so many of so many units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    pub numerator: u64,
    pub denominator: u64,
}

/// What the engine may know beyond the answers: figures derived from the
/// child units' own assessments in the workspace, and last period's counts
/// from last year's assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    pub derived: BTreeMap<String, Figures>,
    pub previous: BTreeMap<String, u64>,
}
