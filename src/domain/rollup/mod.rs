//! The roll-up: files received from the units below, kept apart from the
//! receiver's own records, and what the level above reads from them.
//!
//! A [`Shelf`] holds [`Received`] records (one unit's assessment with its
//! criteria set, or one festival plan). Nothing on the shelf is ever merged
//! into the receiver's workspace. [`table`] builds the consolidated table,
//! [`figures`] the figures reported upward, [`festival`] the festival totals
//! and [`csv`] the spreadsheet text.

pub mod card;
pub mod csv;
pub mod decision;
pub mod festival;
pub mod figures;
pub mod identity;
pub mod table;

use crate::support::decode::named_enum;
use crate::support::map::Map;

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::criteria::CriteriaSet;
use super::festival::FestivalPlan;
use super::{UnitId, UnitInfo};
use crate::support::decode::{deserialize_tagged, required, Tagged};
pub use card::UnitCard;
pub use decision::{DecisionError, Notice, Recognition};
use std::collections::HashMap;
use std::sync::Arc;

/// The criteria sets of records, each held once: a record read or
/// received takes the set of an earlier record with an equal one, so ten
/// thousand villages on one set hold one copy of it, as they are read.
#[derive(Default)]
pub struct SetPool {
    held: HashMap<(String, u32), Vec<Arc<CriteriaSet>>>,
}

impl SetPool {
    /// Gives `record` the held set equal to its own, or holds its own.
    pub fn share(&mut self, record: &mut Received) {
        if let Body::Assessment { criteria_set, .. } = &mut record.body {
            *criteria_set = self.held_or_hold(criteria_set);
        }
    }

    /// Holds `record`'s set, leaving the record as it is.
    fn hold(&mut self, record: &Received) {
        if let Body::Assessment { criteria_set, .. } = &record.body {
            self.held_or_hold(criteria_set);
        }
    }

    /// The held set equal to `set`, or `set`, held from now on.
    fn held_or_hold(&mut self, set: &Arc<CriteriaSet>) -> Arc<CriteriaSet> {
        let same = self.held.entry((set.id.clone(), set.version)).or_default();
        match same.iter().find(|s| Arc::ptr_eq(s, set) || ***s == **set) {
            Some(held) => held.clone(),
            None => {
                same.push(set.clone());
                set.clone()
            }
        }
    }
}

/// Where a received file stands in the receiver's review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Review {
    /// Just received: not yet counted.
    #[default]
    Received,
    /// "Có vấn đề": sent back with a comment, not counted.
    Problem { comment: String },
    /// Accepted: counted in the table and the figures.
    Accepted,
}

/// What a received record holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
// A plan is a few hundred bytes larger than an assessment beside its
// shared set; a shelf holds mostly assessments, whose heap (answers,
// evidence) outweighs that many times over: boxing buys nothing.
#[allow(clippy::large_enum_variant)]
pub enum Body {
    /// A unit's assessment for a year, with the criteria set it was made on.
    Assessment {
        assessment: Assessment,
        /// Shared by every record made on an equal set (`Shelf` sees to
        /// it): a province's thousands of files hold a handful of sets.
        criteria_set: Arc<CriteriaSet>,
    },
    /// A unit's festival plan and its after-festival report.
    Festival { festival_plan: FestivalPlan },
}

// Read without buffering (see `support::decode`).

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(crate) enum ReviewTag {
        Received = "received",
        Problem = "problem",
        Accepted = "accepted",
    }
}

#[derive(Deserialize)]
pub struct ReviewFields {
    state: Option<ReviewTag>,
    comment: Option<String>,
}

impl Tagged for Review {
    type Fields = ReviewFields;
    const EXPECTING: &'static str = "internally tagged enum Review";

    fn from_fields<E: serde::de::Error>(f: ReviewFields) -> Result<Review, E> {
        Ok(match required(f.state, "state")? {
            ReviewTag::Received => Review::Received,
            ReviewTag::Problem => Review::Problem {
                comment: required(f.comment, "comment")?,
            },
            ReviewTag::Accepted => Review::Accepted,
        })
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(crate) enum BodyTag {
        Assessment = "assessment",
        Festival = "festival",
    }
}

#[derive(Deserialize)]
pub struct BodyFields {
    #[serde(rename = "type")]
    tag: Option<BodyTag>,
    assessment: Option<Assessment>,
    criteria_set: Option<CriteriaSet>,
    festival_plan: Option<FestivalPlan>,
}

impl Tagged for Body {
    type Fields = BodyFields;
    const EXPECTING: &'static str = "internally tagged enum Body";

    fn from_fields<E: serde::de::Error>(f: BodyFields) -> Result<Body, E> {
        Ok(match required(f.tag, "type")? {
            BodyTag::Assessment => Body::Assessment {
                assessment: required(f.assessment, "assessment")?,
                criteria_set: Arc::new(required(f.criteria_set, "criteria_set")?),
            },
            BodyTag::Festival => Body::Festival {
                festival_plan: required(f.festival_plan, "festival_plan")?,
            },
        })
    }
}

deserialize_tagged!(Review, Body);

/// One record received from another unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    /// Made from the file's checksum: the same file received twice has the same id.
    pub id: String,
    pub file_name: String,
    /// When the sender exported it (RFC 3339), as the file says.
    pub exported_at: String,
    /// When it was received here (RFC 3339).
    pub received_at: String,
    pub unit: UnitInfo,
    /// The unit whose roll-up file carried it, when it came through one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<UnitInfo>,
    #[serde(default)]
    pub review: Review,
    pub body: Body,
    /// The unit as the file named it, when the officer matched it to one of
    /// the receiver's own units (`unit` is then that one), or confirmed it
    /// stands for itself (see [`identity`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_as: Option<UnitInfo>,
    /// The recognition decision the receiver recorded on it, apart from the
    /// unit's own answers (see [`decision`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Recognition>,
}

/// What makes two records copies of one another: the unit, the criteria set
/// (none for a festival plan) and the year.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub unit: UnitId,
    pub set: Option<String>,
    pub year: i32,
}

impl Received {
    pub fn year(&self) -> i32 {
        match &self.body {
            Body::Assessment { assessment, .. } => assessment.year(),
            Body::Festival { festival_plan } => festival_plan.year,
        }
    }

    pub fn key(&self) -> Key {
        Key {
            unit: self.unit.id.clone(),
            set: self.set().map(|set| set.id.clone()),
            year: self.year(),
        }
    }

    pub fn set(&self) -> Option<&CriteriaSet> {
        match &self.body {
            Body::Assessment { criteria_set, .. } => Some(criteria_set),
            Body::Festival { .. } => None,
        }
    }

    pub fn assessment(&self) -> Option<&Assessment> {
        match &self.body {
            Body::Assessment { assessment, .. } => Some(assessment),
            Body::Festival { .. } => None,
        }
    }

    pub fn festival_plan(&self) -> Option<&FestivalPlan> {
        match &self.body {
            Body::Festival { festival_plan } => Some(festival_plan),
            Body::Assessment { .. } => None,
        }
    }

    pub fn is_accepted(&self) -> bool {
        self.review == Review::Accepted
    }

    /// Recognised, by the decision recorded here or by the one the unit's
    /// own file carries.
    pub fn is_recognised(&self) -> bool {
        match &self.decision {
            Some(decision) => decision.recognised,
            None => self.assessment().is_some_and(|a| {
                matches!(
                    a.status(),
                    super::assessment::Status::Decided {
                        recognised: true,
                        ..
                    }
                )
            }),
        }
    }

    /// The id the file gave its unit.
    pub fn sent_id(&self) -> &UnitId {
        &self.sent_as.as_ref().unwrap_or(&self.unit).id
    }
}

/// How a record stands against other copies of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Copies {
    /// The only copy.
    Unique,
    /// The newest of several (by the sender's export time).
    Newest { others: usize },
    /// An older copy: `newest` is the id of the newest.
    Older { newest: String },
}

/// Why a change to the shelf was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShelfError {
    Unknown,
    /// Another copy of the same unit, set and year is on the shelf: keep one first.
    Duplicate,
    /// A file with a problem needs a comment saying what is wrong.
    CommentRequired,
    /// The decision was not recorded.
    Decision(DecisionError),
}

/// What receiving a batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// Ids of the records added.
    pub added: Vec<String>,
    /// Ids of records that were on the shelf already (the same file again).
    pub already: Vec<String>,
}

/// The received records, in the order they came, with where each id is:
/// a province's shelf holds thousands, and finding one by its id is asked
/// for each of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shelf {
    records: Vec<Received>,
    index: HashMap<String, usize>,
}

impl Shelf {
    pub fn new(records: Vec<Received>) -> Shelf {
        let mut shelf = Shelf {
            records,
            index: HashMap::new(),
        };
        shelf.reindex();
        shelf.share_sets(0);
        shelf
    }

    /// Makes the records from `from` on share the criteria set of any
    /// record with an equal one, so each set is held once.
    fn share_sets(&mut self, from: usize) {
        let mut pool = SetPool::default();
        for (at, record) in self.records.iter_mut().enumerate() {
            if at >= from {
                pool.share(record);
            } else {
                pool.hold(record);
            }
        }
    }

    /// Where each id is, the first record of an id winning.
    fn reindex(&mut self) {
        self.index.clear();
        for (at, record) in self.records.iter().enumerate() {
            self.index.entry(record.id.clone()).or_insert(at);
        }
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Received> {
        let at = *self.index.get(id)?;
        self.records.get_mut(at)
    }

    pub fn records(&self) -> &[Received] {
        &self.records
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Received> {
        self.records.get(*self.index.get(id)?)
    }

    /// The accepted records: what the table and figures count.
    pub fn accepted(&self) -> impl Iterator<Item = &Received> {
        self.records.iter().filter(|r| r.is_accepted())
    }

    /// Adds what is not on the shelf yet; the same file again is reported,
    /// not doubled. A file sent under an id already matched to one of the
    /// receiver's units follows that match.
    pub fn add(&mut self, records: Vec<Received>) -> Added {
        let mut out = Added::default();
        // The unit each settled sender id stands for: the first record's.
        let mut settled: HashMap<UnitId, UnitInfo> = HashMap::new();
        for r in self.records.iter().filter(|r| r.sent_as.is_some()) {
            settled
                .entry(r.sent_id().clone())
                .or_insert_with(|| r.unit.clone());
        }
        for mut record in records {
            if self.index.contains_key(&record.id) {
                out.already.push(record.id);
                continue;
            }
            if let Some(unit) = settled.get(&record.unit.id) {
                record.sent_as = Some(std::mem::replace(&mut record.unit, unit.clone()));
                settled
                    .entry(record.sent_id().clone())
                    .or_insert_with(|| record.unit.clone());
            }
            out.added.push(record.id.clone());
            self.index.insert(record.id.clone(), self.records.len());
            self.records.push(record);
        }
        let first_new = self.records.len() - out.added.len();
        self.share_sets(first_new);
        out
    }

    fn copies_of(&self, key: &Key) -> Vec<&Received> {
        let mut copies: Vec<&Received> = self.records.iter().filter(|r| &r.key() == key).collect();
        // Newest first; equal export times keep the order received.
        crate::support::order::sort_by(&mut copies, |a, b| b.exported_at.cmp(&a.exported_at));
        copies
    }

    /// Whether `id` has other copies, and which is the newest.
    pub fn copies(&self, id: &str) -> Copies {
        let Some(record) = self.get(id) else {
            return Copies::Unique;
        };
        let copies = self.copies_of(&record.key());
        match copies.as_slice() {
            [] | [_] => Copies::Unique,
            [newest, ..] if newest.id == id => Copies::Newest {
                others: copies.len() - 1,
            },
            [newest, ..] => Copies::Older {
                newest: newest.id.clone(),
            },
        }
    }

    /// [`Shelf::copies`] of every record at once, by id.
    pub fn all_copies(&self) -> Map<String, Copies> {
        // In one go, not record by record: a province's shelf can hold
        // thousands (see `support::map`).
        let by_key = Map::grouped(
            self.records
                .iter()
                .map(|record| (record.key(), record))
                .collect(),
        );
        let mut out = Vec::with_capacity(self.records.len());
        for mut copies in by_key.into_iter().map(|(_, v)| v) {
            crate::support::order::sort_by(&mut copies, |a, b| b.exported_at.cmp(&a.exported_at));
            let newest = copies[0].id.clone();
            let others = copies.len() - 1;
            for (i, record) in copies.iter().enumerate() {
                let state = match (others, i) {
                    (0, _) => Copies::Unique,
                    (_, 0) => Copies::Newest { others },
                    _ => Copies::Older {
                        newest: newest.clone(),
                    },
                };
                out.push((record.id.clone(), state));
            }
        }
        Map::from_entries(out)
    }

    /// Keeps `id` and removes its other copies; returns what was removed.
    pub fn keep(&mut self, id: &str) -> Result<Vec<Received>, ShelfError> {
        let key = self.get(id).ok_or(ShelfError::Unknown)?.key();
        let (removed, kept): (Vec<Received>, Vec<Received>) = std::mem::take(&mut self.records)
            .into_iter()
            .partition(|r| r.key() == key && r.id != id);
        self.records = kept;
        self.reindex();
        Ok(removed)
    }

    pub fn remove(&mut self, id: &str) -> Option<Received> {
        let at = *self.index.get(id)?;
        let removed = self.records.remove(at);
        self.reindex();
        Some(removed)
    }

    /// Marks a record. Accepting is refused while another copy is on the
    /// shelf; a problem needs its comment.
    pub fn review(&mut self, id: &str, review: Review) -> Result<(), ShelfError> {
        if let Review::Problem { comment } = &review {
            if comment.trim().is_empty() {
                return Err(ShelfError::CommentRequired);
            }
        }
        if review == Review::Accepted && self.copies(id) != Copies::Unique {
            return Err(ShelfError::Duplicate);
        }
        let record = self.get_mut(id).ok_or(ShelfError::Unknown)?;
        record.review = review;
        Ok(())
    }

    /// Settles which unit the files sent under `id`'s unit id are about:
    /// `to` (one of the receiver's units) or, with none, the unit as the
    /// file named it. Every record sent under that id follows, now and later.
    pub fn confirm(&mut self, id: &str, to: Option<&UnitInfo>) -> Result<(), ShelfError> {
        let sent = self.get(id).ok_or(ShelfError::Unknown)?.sent_id().clone();
        for record in self.records.iter_mut().filter(|r| r.sent_id() == &sent) {
            let sent_as = record.sent_as.take().unwrap_or_else(|| record.unit.clone());
            record.unit = match to {
                Some(unit) => UnitInfo {
                    kind: sent_as.kind,
                    ..unit.clone()
                },
                None => sent_as.clone(),
            };
            record.sent_as = Some(sent_as);
        }
        Ok(())
    }

    /// Records (or, with none, clears) the recognition decision on an
    /// accepted assessment.
    pub fn decide(&mut self, id: &str, decision: Option<Recognition>) -> Result<(), ShelfError> {
        let record = self.get_mut(id).ok_or(ShelfError::Unknown)?;
        if !record.is_accepted() || record.assessment().is_none() {
            return Err(ShelfError::Decision(DecisionError::NotAccepted));
        }
        record.decision = match decision {
            Some(decision) => Some(decision.checked().map_err(ShelfError::Decision)?),
            None => None,
        };
        Ok(())
    }

    /// Accepts every record just received that has no other copy; returns their ids.
    pub fn accept_all(&mut self) -> Vec<String> {
        // Every record's copies at once: a province's shelf holds thousands.
        let copies = self.all_copies();
        let ids: Vec<String> = self
            .records
            .iter()
            .filter(|r| r.review == Review::Received)
            .map(|r| r.id.clone())
            .filter(|id| copies.get(id).is_none_or(|c| *c == Copies::Unique))
            .collect();
        for id in &ids {
            if let Some(record) = self.get_mut(id) {
                record.review = Review::Accepted;
            }
        }
        ids
    }

    /// The years of the accepted records, newest first.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.accepted().map(Received::year).collect();
        crate::support::order::sort_by(&mut years, |a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The criteria sets of the accepted assessments of `year`, by id, with
    /// the newest version's set and how many records use the id.
    pub fn sets_in(&self, year: i32) -> Vec<(&CriteriaSet, usize)> {
        let mut by_id: Map<&str, (&CriteriaSet, usize)> = Map::new();
        for set in self
            .accepted()
            .filter(|r| r.year() == year)
            .filter_map(Received::set)
        {
            let entry = by_id.entry(set.id.as_str()).or_insert((set, 0));
            entry.1 += 1;
            if set.version > entry.0.version {
                entry.0 = set;
            }
        }
        by_id.into_iter().map(|(_, v)| v).collect()
    }

    /// The set most files of `year` were assessed against (the first by id
    /// of those with as many): the table opens on it.
    pub fn main_set_in(&self, year: i32) -> Option<&CriteriaSet> {
        self.sets_in(year)
            .into_iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .map(|(set, _)| set)
    }
}
