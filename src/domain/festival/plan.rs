//! A festival plan and its rules: the window, clashes in the programme,
//! deadlines, budget totals.

use crate::support::decode::named_enum;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{Date, MonthDay};

use crate::domain::unit::UnitId;

/// When the festival may be held: 1 July to 19 August (BRIEF §7.2), or a
/// province's tighter window (2 July to 10 August).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FestivalWindow {
    pub from: MonthDay,
    pub to: MonthDay,
}

impl Default for FestivalWindow {
    fn default() -> Self {
        FestivalWindow {
            from: MonthDay::new(7, 1),
            to: MonthDay::new(8, 19),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowError {
    /// The date is outside the window of the plan's year.
    Outside { from: Date, to: Date },
    /// The date is in another year than the plan's.
    OtherYear { year: i32 },
}

impl FestivalWindow {
    /// Checks a festival date of the plan's `year`.
    pub fn check(&self, date: Date, year: i32) -> Result<(), WindowError> {
        let (from, to) = (self.from.in_year(year), self.to.in_year(year));
        if date.year() != year {
            Err(WindowError::OtherYear { year })
        } else if date < from || date > to {
            Err(WindowError::Outside { from, to })
        } else {
            Ok(())
        }
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub enum FestivalKind {
        #[default]
        Ordinary = "ordinary",
        /// A model ("điểm") festival at its level.
        Model = "model",
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub enum Role {
        /// Trưởng ban.
        Head = "head",
        /// Phó trưởng ban.
        Deputy = "deputy",
        /// Thành viên.
        #[default]
        Member = "member",
        /// Not on the committee: a task owner only.
        None = "none",
    }
}

/// A person of the organising committee or a task owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub phone: String,
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Part {
        /// Phần lễ.
        Ceremony = "ceremony",
        /// Phần hội.
        Festivity = "festivity",
    }
}

/// One item of the programme, starting at `start` minutes after midnight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeItem {
    pub id: String,
    pub part: Part,
    #[serde(default)]
    pub start: Option<u32>,
    pub minutes: u32,
    pub item: String,
    #[serde(default)]
    pub responsible: Option<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub optional: bool,
}

/// Chưa làm, đang làm, xong: the same three states as an action of an
/// assessment's plan.
pub use crate::domain::assessment::ActionStatus as TaskStatus;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: TaskStatus,
    #[serde(default)]
    pub notes: String,
    /// A key task: warned about when it falls due after the festival.
    #[serde(default)]
    pub key: bool,
}

impl Task {
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != TaskStatus::Done && self.due.is_some_and(|due| due < today)
    }
}

named_enum! {
    /// Where money comes from (Thông tư 40/2023/TT-BTC).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    pub enum FundSource {
        /// Ngân sách nhà nước.
        StateBudget = "state_budget",
        /// Lồng ghép từ chương trình, dự án khác.
        OtherProgrammes = "other_programmes",
        /// Xã hội hoá: voluntary contributions.
        Voluntary = "voluntary",
    }
}

impl FundSource {
    pub const ALL: [FundSource; 3] = [
        FundSource::StateBudget,
        FundSource::OtherProgrammes,
        FundSource::Voluntary,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub id: String,
    pub category: String,
    pub source: FundSource,
    /// Planned amount in đồng.
    pub planned: u64,
    #[serde(default)]
    pub actual: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guest {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub confirmed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commendation {
    pub id: String,
    /// A collective (tập thể) or an individual (cá nhân).
    pub collective: bool,
    pub name: String,
    #[serde(default)]
    pub achievement: String,
    #[serde(default)]
    pub award: String,
}

/// The after-festival report (BRIEF §7.6).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AfterReport {
    #[serde(default)]
    pub participants: Option<u64>,
    #[serde(default)]
    pub gifts: Option<u64>,
    /// Value of the gifts, in đồng.
    #[serde(default)]
    pub gifts_value: Option<u64>,
    #[serde(default)]
    pub models_launched: Option<u64>,
    #[serde(default)]
    pub commitments_signed: Option<u64>,
    #[serde(default)]
    pub propaganda: String,
    #[serde(default)]
    pub went_well: String,
    #[serde(default)]
    pub lessons: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FestivalPlan {
    pub id: String,
    pub unit: UnitId,
    pub year: i32,
    pub title: String,
    #[serde(default)]
    pub kind: FestivalKind,
    #[serde(default)]
    pub date: Option<Date>,
    /// Start of the ceremony, minutes after midnight.
    #[serde(default)]
    pub time: Option<u32>,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub window: FestivalWindow,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub programme: Vec<ProgrammeItem>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub budget: Vec<BudgetLine>,
    #[serde(default)]
    pub guests: Vec<Guest>,
    #[serde(default)]
    pub commendations: Vec<Commendation>,
    #[serde(default)]
    pub report: AfterReport,
    /// Issuing body, place and signer of the printed plan and report.
    #[serde(default)]
    pub document: crate::domain::assessment::ReportText,
}

/// Something to look at, without blocking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanWarning {
    /// Another unit of the workspace holds its festival the same day.
    SameDay { unit: UnitId },
    /// A key task of the preparation falls due after the festival (the
    /// report, due after the day by design, is not warned about).
    KeyTaskAfter { task: String },
    /// Two programme items of the same part overlap.
    Clash { first: String, second: String },
}

impl FestivalPlan {
    pub fn new(id: String, unit: UnitId, year: i32, title: String) -> FestivalPlan {
        FestivalPlan {
            id,
            unit,
            year,
            title,
            kind: FestivalKind::Ordinary,
            date: None,
            time: None,
            venue: String::new(),
            window: FestivalWindow::default(),
            people: Vec::new(),
            programme: Vec::new(),
            tasks: Vec::new(),
            budget: Vec::new(),
            guests: Vec::new(),
            commendations: Vec::new(),
            report: AfterReport::default(),
            document: Default::default(),
        }
    }

    /// The date's problem with the window, if any.
    pub fn date_problem(&self) -> Option<WindowError> {
        self.date
            .and_then(|date| self.window.check(date, self.year).err())
    }

    /// Total minutes of the programme.
    pub fn total_minutes(&self) -> u32 {
        self.programme
            .iter()
            .map(|i| i.minutes)
            .fold(0, u32::saturating_add)
    }

    /// Gives consecutive start times to the items of `part`, from `start`.
    pub fn schedule(&mut self, part: Part, start: u32) {
        let mut at = start;
        for item in self.programme.iter_mut().filter(|i| i.part == part) {
            item.start = Some(at);
            at = at.saturating_add(item.minutes);
        }
    }

    /// Items of the same part whose times overlap.
    pub fn clashes(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (n, a) in self.programme.iter().enumerate() {
            for b in &self.programme[n + 1..] {
                if let (Some(sa), Some(sb)) = (a.start, b.start) {
                    let overlap =
                        sa < sb.saturating_add(b.minutes) && sb < sa.saturating_add(a.minutes);
                    if a.part == b.part && overlap && a.minutes > 0 && b.minutes > 0 {
                        out.push((a.id.clone(), b.id.clone()));
                    }
                }
            }
        }
        out
    }

    /// Moves a programme item one place up or down; false at an end.
    pub fn move_item(&mut self, id: &str, up: bool) -> bool {
        let Some(n) = self.programme.iter().position(|i| i.id == id) else {
            return false;
        };
        let target = if up { n.checked_sub(1) } else { Some(n + 1) };
        match target {
            Some(t) if t < self.programme.len() => {
                self.programme.swap(n, t);
                true
            }
            _ => false,
        }
    }

    /// Moves a programme item to the place of another (drag and drop).
    pub fn move_item_to(&mut self, id: &str, before: &str) -> bool {
        let Some(from) = self.programme.iter().position(|i| i.id == id) else {
            return false;
        };
        let item = self.programme.remove(from);
        let to = self
            .programme
            .iter()
            .position(|i| i.id == before)
            .unwrap_or(self.programme.len());
        self.programme.insert(to, item);
        true
    }

    /// Tasks by due date (undated last), as the list shows them.
    pub fn tasks_by_due(&self) -> Vec<&Task> {
        let mut tasks: Vec<&Task> = self.tasks.iter().collect();
        crate::support::order::sort_by_key(&mut tasks, |t| (t.due.is_none(), t.due));
        tasks
    }

    /// Days from `today` to the festival; negative once it has passed.
    pub fn countdown(&self, today: Date) -> Option<i64> {
        self.date.map(|date| today.days_until(date))
    }

    /// Planned and actual totals by source, in đồng.
    pub fn budget_totals(&self) -> Vec<(FundSource, u64, u64)> {
        FundSource::ALL
            .into_iter()
            .map(|source| {
                let lines = self.budget.iter().filter(|l| l.source == source);
                let planned = lines
                    .clone()
                    .map(|l| l.planned)
                    .fold(0, u64::saturating_add);
                let actual = lines
                    .map(|l| l.actual.unwrap_or(0))
                    .fold(0, u64::saturating_add);
                (source, planned, actual)
            })
            .collect()
    }

    /// Planned and actual spending over every source, in đồng.
    pub fn budget_total(&self) -> (u64, u64) {
        self.budget_totals()
            .into_iter()
            .fold((0, 0), |(planned, actual), (_, p, a)| {
                (planned.saturating_add(p), actual.saturating_add(a))
            })
    }

    /// The person a task or an item names, when the plan still holds them.
    pub fn person(&self, id: Option<&String>) -> Option<&Person> {
        id.and_then(|id| self.people.iter().find(|p| &p.id == id))
    }

    /// Commendations counted by award, for the report.
    pub fn commendations_by_award(&self) -> Vec<(String, usize, usize)> {
        let mut out: Vec<(String, usize, usize)> = Vec::new();
        for c in &self.commendations {
            let award = if c.award.trim().is_empty() {
                "—".to_owned()
            } else {
                c.award.trim().to_owned()
            };
            let slot = match out.iter_mut().find(|(a, _, _)| *a == award) {
                Some(slot) => slot,
                None => {
                    out.push((award, 0, 0));
                    out.last_mut().expect("just pushed")
                }
            };
            if c.collective {
                slot.1 += 1;
            } else {
                slot.2 += 1;
            }
        }
        out
    }

    /// Warnings that do not block saving: key tasks after the day (those
    /// `template` puts after it by design aside), clashes, and other plans
    /// of the workspace on the same day.
    pub fn warnings<'a>(
        &self,
        others: impl Iterator<Item = &'a FestivalPlan>,
        template: &super::FestivalTemplate,
    ) -> Vec<PlanWarning> {
        let mut out = Vec::new();
        if let Some(date) = self.date {
            for other in others {
                if other.id != self.id && other.date == Some(date) && other.unit != self.unit {
                    out.push(PlanWarning::SameDay {
                        unit: other.unit.clone(),
                    });
                }
            }
            for task in &self.tasks {
                let late = task.due.is_some_and(|due| due > date);
                if task.key && late && !template.is_after_festival(task) {
                    out.push(PlanWarning::KeyTaskAfter {
                        task: task.id.clone(),
                    });
                }
            }
        }
        for (first, second) in self.clashes() {
            out.push(PlanWarning::Clash { first, second });
        }
        out
    }
}

/// Reads "07:30" as minutes after midnight.
pub fn parse_time(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Writes minutes after midnight as "07:30".
pub fn time_text(minutes: u32) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}
