//! Editing a local set's tree: where an item sits, fresh ids, the items a
//! user adds (with what they start from) and the kinds a user can pick.
//! Nothing here checks the set: `format::criteria::validated` does, before
//! an edited set is stored.

use super::set::{
    Bound, Citation, CriteriaSet, Criterion, CriterionRule, Indicator, IndicatorKind, Rounding,
    Text, Verification,
};

/// Where an indicator sits in a set's tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndicatorAt {
    pub group: usize,
    pub criterion: usize,
    pub indicator: usize,
}

impl IndicatorKind {
    /// The kinds a user can pick in the editor, by code; others (a window,
    /// a checklist, a rating…) come from a set's file and stay as they are.
    pub const EDITABLE: [&'static str; 7] = [
        "yes_no",
        "count_zero",
        "number",
        "percent",
        "trend",
        "points",
        "note",
    ];

    /// The kind of code `code` as a user starts from it, if one can be picked.
    pub fn starting(code: &str) -> Option<IndicatorKind> {
        Some(match code {
            "yes_no" => IndicatorKind::YesNo { window: None },
            "count_zero" => IndicatorKind::CountZero { escape: None },
            "number" => IndicatorKind::Number {
                bound: Bound::AtLeast,
                threshold: 1,
            },
            "percent" => IndicatorKind::Percent {
                threshold: 100,
                rounding: Rounding::Up,
            },
            "trend" => IndicatorKind::Trend {
                allow_equal: false,
                parts: Vec::new(),
            },
            "points" => IndicatorKind::Points { max: None },
            "note" => IndicatorKind::Note,
            _ => return None,
        })
    }

    /// The number a user sets for this kind, as typed: a number's or a
    /// percentage's threshold, or the most points ("" for none); `None`
    /// for a kind without one.
    pub fn threshold_text(&self) -> Option<String> {
        match self {
            IndicatorKind::Number { threshold, .. } => Some(threshold.to_string()),
            IndicatorKind::Percent { threshold, .. } | IndicatorKind::Derived { threshold, .. } => {
                Some(threshold.to_string())
            }
            IndicatorKind::Points { max } => Some(max.map(|m| m.to_string()).unwrap_or_default()),
            _ => None,
        }
    }

    /// Sets that number from what was typed. A threshold keeps its value
    /// when the text is not a number it can hold; the most points becomes
    /// none.
    pub fn set_threshold(&mut self, typed: &str) {
        let number: Option<i64> = typed.trim().parse().ok();
        let unsigned = number.and_then(|n| u32::try_from(n).ok());
        match self {
            IndicatorKind::Number { threshold, .. } => {
                if let Some(n) = number {
                    *threshold = n;
                }
            }
            IndicatorKind::Percent { threshold, .. } | IndicatorKind::Derived { threshold, .. } => {
                if let Some(n) = unsigned {
                    *threshold = n;
                }
            }
            IndicatorKind::Points { max } => *max = unsigned,
            _ => {}
        }
    }
}

impl CriteriaSet {
    /// The criterion `criterion` of the group `group`.
    pub fn criterion_at(&self, group: usize, criterion: usize) -> Option<&Criterion> {
        self.groups.get(group)?.criteria.get(criterion)
    }

    pub fn criterion_at_mut(&mut self, group: usize, criterion: usize) -> Option<&mut Criterion> {
        self.groups.get_mut(group)?.criteria.get_mut(criterion)
    }

    pub fn indicator_at(&self, at: IndicatorAt) -> Option<&Indicator> {
        self.criterion_at(at.group, at.criterion)?
            .indicators
            .get(at.indicator)
    }

    pub fn indicator_at_mut(&mut self, at: IndicatorAt) -> Option<&mut Indicator> {
        self.criterion_at_mut(at.group, at.criterion)?
            .indicators
            .get_mut(at.indicator)
    }

    /// The tree's shape, what an editor lays out: each indicator's kind,
    /// by criterion, by group. Typing a label leaves it as it was.
    pub fn shape(&self) -> Vec<Vec<Vec<&'static str>>> {
        self.groups
            .iter()
            .map(|g| {
                g.criteria
                    .iter()
                    .map(|c| c.indicators.iter().map(|i| i.kind.code()).collect())
                    .collect()
            })
            .collect()
    }

    /// `BASE-moi-N`, with the first N that no group, criterion or indicator
    /// of the set has as its id.
    pub fn fresh_id(&self, base: &str) -> String {
        (1..)
            .map(|n| format!("{base}-moi-{n}"))
            .find(|id| {
                !(self.groups.iter().any(|g| &g.id == id)
                    || self.criteria().any(|c| &c.id == id)
                    || self.indicators().any(|i| &i.id == id))
            })
            .expect("a set has finitely many ids")
    }

    /// A new item's citation: the set's first legal document, no article.
    fn new_citation(&self) -> Citation {
        Citation {
            document: self
                .legal_basis
                .first()
                .map(|b| b.document.clone())
                .unwrap_or_default(),
            ..Citation::default()
        }
    }

    /// Adds to the group `group` a criterion labelled `label`, with no
    /// indicator yet: met when all of them are, unconfirmed, citing the
    /// set's first legal document. Its id, or `None` without such a group.
    pub fn add_criterion(&mut self, group: usize, label: Text) -> Option<String> {
        let id = self.fresh_id(&self.id);
        let citation = self.new_citation();
        self.groups.get_mut(group)?.criteria.push(Criterion {
            id: id.clone(),
            label,
            guidance: Text::default(),
            citation,
            status: Verification::Unconfirmed,
            rule: CriterionRule::All,
            indicators: Vec::new(),
        });
        Some(id)
    }

    /// Adds to a criterion an indicator labelled `label`: a yes/no question,
    /// unconfirmed, citing the set's first legal document, its id after the
    /// criterion's. Its id, or `None` without such a criterion.
    pub fn add_indicator(&mut self, group: usize, criterion: usize, label: Text) -> Option<String> {
        let id = self.fresh_id(&self.criterion_at(group, criterion)?.id);
        let citation = self.new_citation();
        self.criterion_at_mut(group, criterion)?
            .indicators
            .push(Indicator {
                id: id.clone(),
                label,
                guidance: Text::default(),
                citation,
                status: Verification::Unconfirmed,
                na_allowed: false,
                kind: IndicatorKind::YesNo { window: None },
            });
        Some(id)
    }

    /// Removes the indicator at `at`; returns it, or `None` if there is none.
    pub fn remove_indicator(&mut self, at: IndicatorAt) -> Option<Indicator> {
        let indicators = &mut self.criterion_at_mut(at.group, at.criterion)?.indicators;
        (at.indicator < indicators.len()).then(|| indicators.remove(at.indicator))
    }
}
