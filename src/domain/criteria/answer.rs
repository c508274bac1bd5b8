//! What an assessor states for each indicator, and what the workspace knows besides.

use crate::support::decode::named_enum;
use crate::support::map::{Map, Set};

use serde::{Deserialize, Serialize};

use crate::domain::calendar::Date;
use crate::domain::scope::Exclusion;
use crate::support::decode::{deserialize_tagged, required, Tagged};

use super::set::IndicatorKind;

/// The answer to one indicator. No entry means not answered yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// This period's count; last period's when typed rather than taken from
    /// last year. Where the indicator has categories, `parts` holds this
    /// period's count of each and `current` is their sum.
    Trend {
        current: u64,
        #[serde(default)]
        previous: Option<u64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parts: Vec<u64>,
    },
    /// The items ticked, and those stated not applicable with the reason.
    Checklist {
        checked: Set<String>,
        #[serde(default, skip_serializing_if = "Map::is_empty")]
        not_applicable: Map<String, String>,
    },
    Points {
        points: u32,
    },
}

// Read without buffering (see `support::decode`).

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(crate) enum AnswerTag {
        NotApplicable = "not_applicable",
        YesNo = "yes_no",
        Count = "count",
        Rating = "rating",
        Number = "number",
        Ratio = "ratio",
        Trend = "trend",
        Checklist = "checklist",
        Points = "points",
    }
}

/// `value`: a yes or no for `yes_no`, a whole number for `number`.
enum Scalar {
    Bool(bool),
    Int(i64),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl serde::de::Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a boolean or an integer")
            }
            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(value))
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(value))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Scalar, E> {
                i64::try_from(value)
                    .map(Scalar::Int)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &"i64"))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

#[derive(Deserialize)]
pub struct AnswerFields {
    #[serde(rename = "type")]
    tag: Option<AnswerTag>,
    value: Option<Scalar>,
    date: Option<Date>,
    count: Option<u64>,
    handled: Option<bool>,
    level: Option<usize>,
    title: Option<usize>,
    numerator: Option<u64>,
    denominator: Option<u64>,
    current: Option<u64>,
    previous: Option<u64>,
    parts: Option<Vec<u64>>,
    checked: Option<Set<String>>,
    not_applicable: Option<Map<String, String>>,
    points: Option<u32>,
}

impl Tagged for Answer {
    type Fields = AnswerFields;
    const EXPECTING: &'static str = "internally tagged enum Answer";

    fn from_fields<E: serde::de::Error>(f: AnswerFields) -> Result<Answer, E> {
        use serde::de::Unexpected;
        Ok(match required(f.tag, "type")? {
            AnswerTag::NotApplicable => Answer::NotApplicable,
            AnswerTag::YesNo => Answer::YesNo {
                value: match required(f.value, "value")? {
                    Scalar::Bool(value) => value,
                    Scalar::Int(n) => {
                        return Err(E::invalid_type(Unexpected::Signed(n), &"a boolean"))
                    }
                },
                date: f.date,
            },
            AnswerTag::Count => Answer::Count {
                count: required(f.count, "count")?,
                handled: f.handled.unwrap_or_default(),
            },
            AnswerTag::Rating => Answer::Rating {
                level: f.level,
                title: f.title,
            },
            AnswerTag::Number => Answer::Number {
                value: match required(f.value, "value")? {
                    Scalar::Int(n) => n,
                    Scalar::Bool(b) => return Err(E::invalid_type(Unexpected::Bool(b), &"i64")),
                },
            },
            AnswerTag::Ratio => Answer::Ratio {
                numerator: required(f.numerator, "numerator")?,
                denominator: required(f.denominator, "denominator")?,
            },
            AnswerTag::Trend => Answer::Trend {
                current: required(f.current, "current")?,
                previous: f.previous,
                parts: f.parts.unwrap_or_default(),
            },
            AnswerTag::Checklist => Answer::Checklist {
                checked: required(f.checked, "checked")?,
                not_applicable: f.not_applicable.unwrap_or_default(),
            },
            AnswerTag::Points => Answer::Points {
                points: required(f.points, "points")?,
            },
        })
    }
}

deserialize_tagged!(Answer);

impl Answer {
    /// Whether this answer is of the kind `kind` asks for ("không áp dụng"
    /// fits any; whether it is allowed is the evaluation's question).
    pub fn fits(&self, kind: &IndicatorKind) -> bool {
        use IndicatorKind as K;
        matches!(
            (self, kind),
            (Answer::NotApplicable, _)
                | (Answer::YesNo { .. }, K::YesNo { .. })
                | (Answer::Count { .. }, K::CountZero { .. })
                | (Answer::Rating { .. }, K::Rating { .. })
                | (Answer::Number { .. }, K::Number { .. })
                | (Answer::Ratio { .. }, K::Percent { .. } | K::Derived { .. })
                | (Answer::Trend { .. }, K::Trend { .. })
                | (Answer::Checklist { .. }, K::Checklist { .. })
                | (Answer::Points { .. }, K::Points { .. })
        )
    }

    /// A trend entered as one total.
    pub fn trend(current: u64, previous: Option<u64>) -> Answer {
        Answer::Trend {
            current,
            previous,
            parts: Vec::new(),
        }
    }

    /// A trend entered by category: `current` is their sum.
    pub fn trend_of_parts(parts: Vec<u64>, previous: Option<u64>) -> Answer {
        Answer::Trend {
            current: parts.iter().copied().fold(0, u64::saturating_add),
            previous,
            parts,
        }
    }

    /// A checklist with these items ticked and none stated not applicable.
    pub fn checklist<'a>(checked: impl IntoIterator<Item = &'a str>) -> Answer {
        Answer::Checklist {
            checked: checked.into_iter().map(str::to_owned).collect(),
            not_applicable: Map::new(),
        }
    }
}

/// A unit's answers to a set, by indicator id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub Map<String, Answer>);

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

/// Counted figures: so many of so many units, and the units not counted
/// at all (outside TT 124, or not the commune's to manage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub numerator: u64,
    pub denominator: u64,
    pub left_out: Vec<LeftOut>,
    /// Units in the denominator but not the numerator, and why: what stands
    /// between the figure and its threshold.
    pub not_counted: Vec<NotCounted>,
}

/// A unit counted in a derived figure's denominator but not its numerator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotCounted {
    pub name: String,
    pub why: Pending,
}

/// Why a unit under the assessed one is not (yet) counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// No assessment of the year: not in this browser, no file received.
    NoAssessment,
    /// Assessed, but no decision recognising it.
    NoDecision,
    /// Its file arrived, but the receiver marked it "có vấn đề" (the comment).
    FileProblem { comment: String },
}

impl Figures {
    /// Figures typed by the assessor: nothing is left out by the app.
    pub fn typed(numerator: u64, denominator: u64) -> Figures {
        Figures {
            numerator,
            denominator,
            left_out: Vec::new(),
            not_counted: Vec::new(),
        }
    }
}

/// A unit left out of derived figures, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub name: String,
    pub why: Exclusion,
}

/// What the engine may know beyond the answers: figures derived from the
/// child units' own assessments in the workspace, and last period's counts
/// from last year's assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    pub derived: Map<String, Figures>,
    pub previous: Map<String, u64>,
}
