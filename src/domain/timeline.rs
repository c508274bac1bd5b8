//! The yearly timeline of the "An toàn về ANTT" work (BRIEF-2 §3, §8).

use super::calendar::Date;
use super::unit::UnitKind;

/// A dated step of the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Resolution, plan and registration in the first quarter (TT 124 Art. 4–7 cl. 1).
    Registration,
    /// The festival window opens (1 July).
    FestivalOpens,
    /// The festival day, 19 August (QĐ 521/QĐ-TTg).
    FestivalDay,
    /// The evaluation period ends (TT 124 Art. 8 cl. 2).
    PeriodEnds,
    /// Recognition decided (TT 124 Art. 9 cl. 1).
    Recognition,
    /// Movement classification due (QĐ 510 Art. 11 cl. 3).
    Classification,
}

impl Step {
    /// The law sets this step "trước ngày …": its date is the first day that
    /// is already late (TT 124 Art. 9 cl. 1; QĐ 510 Art. 11 cl. 3), so it is
    /// worded "trước {date}", never as the last day.
    pub fn is_before(self) -> bool {
        matches!(self, Step::Recognition | Step::Classification)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub step: Step,
    pub date: Date,
}

fn day(year: i32, month: u32, day: u32) -> Date {
    Date::new(year, month, day).expect("fixed dates of the timeline exist")
}

/// The steps of `year` for a unit of `kind`, in date order.
pub fn milestones(kind: UnitKind, year: i32) -> Vec<Milestone> {
    // Residential areas close and are decided earlier (TT 124 Art. 8, 9; QĐ 510 Art. 11).
    let (period_end, recognition, classification) = if kind == UnitKind::ResidentialArea {
        ((10, 31), (11, 15), (11, 20))
    } else {
        ((11, 15), (11, 20), (11, 30))
    };
    let mut steps: Vec<Milestone> = [
        (Step::Registration, (3, 31)),
        (Step::FestivalOpens, (7, 1)),
        (Step::FestivalDay, (8, 19)),
        (Step::PeriodEnds, period_end),
        (Step::Recognition, recognition),
        (Step::Classification, classification),
    ]
    .into_iter()
    .map(|(step, (month, d))| Milestone {
        step,
        date: day(year, month, d),
    })
    .collect();
    crate::support::order::sort_by_key(&mut steps, |m| (m.date, m.step));
    steps
}

/// The next `count` steps on or after `today`, running into next year.
pub fn next_due(kind: UnitKind, today: Date, count: usize) -> Vec<Milestone> {
    milestones(kind, today.year())
        .into_iter()
        .chain(milestones(kind, today.year() + 1))
        .filter(|m| m.date >= today)
        .take(count)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residential_areas_close_on_31_october_and_are_decided_by_15_november() {
        let steps = milestones(UnitKind::ResidentialArea, 2025);
        let date_of = |step| steps.iter().find(|m| m.step == step).unwrap().date;
        assert_eq!(date_of(Step::PeriodEnds), day(2025, 10, 31));
        assert_eq!(date_of(Step::Recognition), day(2025, 11, 15));
        assert_eq!(date_of(Step::Classification), day(2025, 11, 20));
        let commune = milestones(UnitKind::Commune, 2025);
        assert_eq!(
            commune
                .iter()
                .find(|m| m.step == Step::Recognition)
                .unwrap()
                .date,
            day(2025, 11, 20)
        );
        assert_eq!(commune.last().unwrap().date, day(2025, 11, 30));
    }

    #[test]
    fn recognition_and_classification_are_due_before_their_day() {
        assert!(Step::Recognition.is_before());
        assert!(Step::Classification.is_before());
        assert!(!Step::PeriodEnds.is_before());
        assert!(!Step::Registration.is_before());
    }

    #[test]
    fn after_the_last_step_the_next_year_begins() {
        let next = next_due(UnitKind::School, day(2025, 12, 1), 2);
        assert_eq!(next[0].step, Step::Registration);
        assert_eq!(next[0].date, day(2026, 3, 31));
        let next = next_due(UnitKind::ResidentialArea, day(2025, 11, 15), 1);
        assert_eq!(next[0].step, Step::Recognition);
    }
}
