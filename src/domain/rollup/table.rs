//! The consolidated table: the units as rows, the criteria of one set as
//! columns, every cell a criterion's result for that unit.
//!
//! Files made on different versions of a set are compared on the criteria
//! they share: the columns follow the newest version, then any criterion
//! only older versions have; a file whose set lacks a column's criterion has
//! no result there, and its row says so.

use crate::support::map::Map;
use std::collections::HashMap;

use super::{Received, Shelf};
use crate::domain::assessment::Assessment;
use crate::domain::context::{context_from, Child};
use crate::domain::criteria::{evaluate, CriteriaSet, Evaluation, Outcome, Text};
use crate::domain::{UnitId, UnitInfo, UnitKind};

/// One criterion of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub id: String,
    pub label: Text,
    /// How many rows' sets lack this criterion.
    pub lacking: usize,
}

/// One unit's file in the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The received record's id.
    pub record: String,
    pub unit: UnitInfo,
    pub version: u32,
    /// The whole set's result.
    pub overall: Outcome,
    /// A result per column; `None` where this file's set lacks the criterion.
    pub cells: Vec<Option<Outcome>>,
    pub evaluation: Evaluation,
}

impl Row {
    pub fn count(&self, status: Outcome) -> usize {
        self.cells.iter().filter(|c| **c == Some(status)).count()
    }

    /// The ids of the columns this file's set lacks.
    pub fn lacking<'a>(&self, columns: &'a [Column]) -> Vec<&'a str> {
        self.cells
            .iter()
            .zip(columns)
            .filter(|(cell, _)| cell.is_none())
            .map(|(_, column)| column.id.as_str())
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub set_id: String,
    pub year: i32,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Each row's place in the order of the units' names (the record's id
    /// between equal names), found once: sorting compares numbers.
    name_rank: Vec<usize>,
}

/// Which rows to show. A result filter applies to the chosen criterion, or
/// to the whole set when no criterion is chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<UnitKind>,
    pub result: Option<Outcome>,
    pub criterion: Option<String>,
}

/// What to sort the rows by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Unit,
    Kind,
    Overall,
    /// The number of criteria failed.
    Failed,
    Criterion(String),
}

/// Worst first: failed, not decided, passed, not applicable, then lacking.
fn rank(status: Option<Outcome>) -> u8 {
    match status {
        Some(Outcome::Failed) => 0,
        Some(Outcome::Incomplete) => 1,
        Some(Outcome::Passed) => 2,
        Some(Outcome::NotApplicable) => 3,
        Some(Outcome::NotEvaluated) => 4,
        None => 5,
    }
}

/// The evaluation of one received assessment, with the figures the shelf
/// can give: last year's file of the same unit and set, and the files of
/// the units under it. For one record; for many, an [`Evaluator`].
pub fn evaluate_record(shelf: &Shelf, record: &Received) -> Option<Evaluation> {
    Evaluator::new(shelf).evaluate(record)
}

/// Evaluates the records of one shelf: what each needs from the others
/// (last year's file, the files of the units under it) is looked up in
/// indexes made once, so evaluating every record costs n log n, not n².
pub struct Evaluator<'a> {
    /// The first accepted assessment of each unit, year and set.
    assessments: HashMap<(&'a UnitId, i32, &'a str), &'a Assessment>,
    /// The accepted records of each parent unit and year, in shelf order.
    children: HashMap<(&'a UnitId, i32), Vec<&'a Received>>,
}

impl<'a> Evaluator<'a> {
    pub fn new(shelf: &'a Shelf) -> Evaluator<'a> {
        let mut assessments = HashMap::new();
        let mut children: HashMap<_, Vec<_>> = HashMap::new();
        for r in shelf.accepted() {
            if let (Some(assessment), Some(set)) = (r.assessment(), r.set()) {
                assessments
                    .entry((&r.unit.id, r.year(), set.id.as_str()))
                    .or_insert(assessment);
            }
            if let Some(parent) = &r.unit.parent {
                children.entry((parent, r.year())).or_default().push(r);
            }
        }
        Evaluator {
            assessments,
            children,
        }
    }

    pub fn evaluate(&self, record: &Received) -> Option<Evaluation> {
        let (assessment, set) = (record.assessment()?, record.set()?);
        let year = assessment.year();
        let last_year = self
            .assessments
            .get(&(&record.unit.id, year - 1, set.id.as_str()))
            .copied();
        let mut children: Map<&UnitId, Child> = Map::new();
        for child in self
            .children
            .get(&(&record.unit.id, year))
            .into_iter()
            .flatten()
        {
            let entry = children.entry(&child.unit.id).or_insert(Child {
                name: &child.unit.name,
                kind: child.unit.kind,
                scope: child.unit.scope,
                assessments: Vec::new(),
            });
            entry.assessments.extend(child.assessment());
        }
        let children: Vec<Child> = children.into_iter().map(|(_, v)| v).collect();
        let context = context_from(set, &children, last_year);
        Some(evaluate(set, assessment.answers(), &context, year))
    }
}

/// The table of the accepted assessments made on set `set_id` for `year`.
pub fn table(shelf: &Shelf, set_id: &str, year: i32) -> Table {
    let records: Vec<&Received> = shelf
        .accepted()
        .filter(|r| r.year() == year && r.set().is_some_and(|s| s.id == set_id))
        .collect();
    let mut sets: Vec<&CriteriaSet> = records.iter().filter_map(|r| r.set()).collect();
    crate::support::order::sort_by_key(&mut sets, |s| std::cmp::Reverse(s.version));
    let mut columns: Vec<Column> = Vec::new();
    for set in &sets {
        for criterion in set.criteria() {
            if !columns.iter().any(|c| c.id == criterion.id) {
                columns.push(Column {
                    id: criterion.id.clone(),
                    label: criterion.label.clone(),
                    lacking: 0,
                });
            }
        }
    }
    let mut rows = Vec::new();
    let evaluator = Evaluator::new(shelf);
    for record in records {
        let (Some(set), Some(evaluation)) = (record.set(), evaluator.evaluate(record)) else {
            continue;
        };
        let cells: Vec<Option<Outcome>> = columns
            .iter()
            .map(|column| {
                set.criteria()
                    .any(|c| c.id == column.id)
                    .then(|| evaluation.criteria.get(&column.id).map(|r| r.status))
                    .flatten()
            })
            .collect();
        rows.push(Row {
            record: record.id.clone(),
            unit: record.unit.clone(),
            version: set.version,
            overall: evaluation.set.status,
            cells,
            evaluation,
        });
    }
    for (i, column) in columns.iter_mut().enumerate() {
        column.lacking = rows.iter().filter(|r| r.cells[i].is_none()).count();
    }
    let mut by_name: Vec<_> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (crate::support::text::sort_key(&row.unit.name), i))
        .collect();
    crate::support::order::sort_by(&mut by_name, |(ka, a), (kb, b)| {
        ka.cmp(kb)
            .then_with(|| rows[*a].record.cmp(&rows[*b].record))
    });
    let mut name_rank = vec![0; rows.len()];
    for (rank, (_, i)) in by_name.into_iter().enumerate() {
        name_rank[i] = rank;
    }
    Table {
        set_id: set_id.to_owned(),
        year,
        columns,
        rows,
        name_rank,
    }
}

/// The table of each set the accepted assessments of `year` were made on,
/// with the set's title.
pub fn tables_in(shelf: &Shelf, year: i32) -> Vec<(String, Table)> {
    shelf
        .sets_in(year)
        .into_iter()
        .map(|(set, _)| (set.title.vi.clone(), table(shelf, &set.id, year)))
        .collect()
}

impl Table {
    fn column(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    /// The rows to show, as indices into `rows`, filtered and sorted.
    pub fn view(&self, filter: &Filter, sort: &SortKey, descending: bool) -> Vec<usize> {
        let criterion = filter.criterion.as_deref().and_then(|id| self.column(id));
        let shown: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                let row = &self.rows[i];
                let result = match criterion {
                    Some(c) => row.cells[c],
                    None => Some(row.overall),
                };
                filter.kind.is_none_or(|kind| row.unit.kind == kind)
                    && (criterion.is_none() || result.is_some())
                    && filter.result.is_none_or(|wanted| result == Some(wanted))
            })
            .collect();
        // Each shown row's key is found once, then the keys are compared:
        // the column's result (or what else is sorted by), then the name.
        let column = match sort {
            SortKey::Criterion(id) => self.column(id),
            _ => None,
        };
        let mut codes: Vec<&str> = UnitKind::ALL.iter().map(|k| k.code()).collect();
        crate::support::order::sort(&mut codes);
        let primary = |row: &Row| -> usize {
            match sort {
                SortKey::Unit => 0,
                SortKey::Kind => codes
                    .iter()
                    .position(|c| *c == row.unit.kind.code())
                    .unwrap_or(0),
                SortKey::Overall => rank(Some(row.overall)).into(),
                // The most failures first.
                SortKey::Failed => usize::MAX - row.count(Outcome::Failed),
                SortKey::Criterion(_) => column.map_or(0, |c| rank(row.cells[c]).into()),
            }
        };
        let mut keyed: Vec<((usize, usize), usize)> = shown
            .into_iter()
            .map(|i| ((primary(&self.rows[i]), self.name_rank[i]), i))
            .collect();
        crate::support::order::sort_by(
            &mut keyed,
            |(a, _), (b, _)| {
                if descending {
                    b.cmp(a)
                } else {
                    a.cmp(b)
                }
            },
        );
        keyed.into_iter().map(|(_, i)| i).collect()
    }

    /// How many of `rows` fail each column.
    pub fn failing(&self, rows: &[usize]) -> Vec<usize> {
        (0..self.columns.len())
            .map(|c| {
                rows.iter()
                    .filter(|&&r| self.rows[r].cells[c] == Some(Outcome::Failed))
                    .count()
            })
            .collect()
    }
}
