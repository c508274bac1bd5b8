//! Festival reports received from the units, added up.

use crate::support::map::Map;

use super::Shelf;

/// One unit's festival in the totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FestivalLine {
    pub unit: String,
    /// Its after-festival report gives the number of participants.
    pub held: bool,
    pub participants: u64,
}

/// Commendations of one award: collectives and individuals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardCount {
    pub award: String,
    pub collectives: usize,
    pub individuals: usize,
}

/// The accepted festival plans of a year, added up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FestivalTotals {
    pub plans: usize,
    /// Plans whose after-festival report is filled in (participants given).
    pub held: usize,
    pub participants: u64,
    pub gifts: u64,
    /// In đồng.
    pub gifts_value: u64,
    pub models_launched: u64,
    pub commitments_signed: u64,
    pub awards: Vec<AwardCount>,
    pub lines: Vec<FestivalLine>,
}

/// The totals of the accepted festival plans of `year`.
pub fn totals(shelf: &Shelf, year: i32) -> FestivalTotals {
    let mut out = FestivalTotals::default();
    let mut awards: Map<String, (usize, usize)> = Map::new();
    for record in shelf.accepted().filter(|r| r.year() == year) {
        let Some(plan) = record.festival_plan() else {
            continue;
        };
        let report = &plan.report;
        out.plans += 1;
        let held = report.participants.is_some();
        out.held += usize::from(held);
        let add = |total: &mut u64, value: Option<u64>| {
            *total = total.saturating_add(value.unwrap_or(0));
        };
        add(&mut out.participants, report.participants);
        add(&mut out.gifts, report.gifts);
        add(&mut out.gifts_value, report.gifts_value);
        add(&mut out.models_launched, report.models_launched);
        add(&mut out.commitments_signed, report.commitments_signed);
        for (award, collectives, individuals) in plan.commendations_by_award() {
            let entry = awards.entry(award).or_insert((0, 0));
            entry.0 += collectives;
            entry.1 += individuals;
        }
        out.lines.push(FestivalLine {
            unit: record.unit.name.clone(),
            held,
            participants: report.participants.unwrap_or(0),
        });
    }
    out.awards = awards
        .into_iter()
        .map(|(award, (collectives, individuals))| AwardCount {
            award,
            collectives,
            individuals,
        })
        .collect();
    crate::support::order::sort_by_key(&mut out.lines, |a| crate::support::text::sort_key(&a.unit));
    out
}
