//! The festival template: the ceremony's eleven steps in order, typical
//! festivity activities, and the preparation checklist with due dates
//! counted back from the festival date. Data, not code: the catalogue holds
//! the built-in one (`catalog::festival_template`).

use serde::{Deserialize, Serialize};

use super::plan::{FestivalPlan, Part, ProgrammeItem, Task, TaskStatus};
use crate::domain::calendar::Date;
use crate::domain::criteria::Text;
use crate::domain::Language;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateItem {
    pub id: String,
    pub label: Text,
    pub minutes: u32,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateTask {
    pub id: String,
    pub label: Text,
    /// Due this many days before the festival (negative: after it).
    pub days_before: i64,
    #[serde(default)]
    pub key: bool,
}

impl TemplateTask {
    /// The id of the plan's task made from this one.
    fn task_id(&self) -> String {
        format!("viec-{}", self.id)
    }

    /// Whether the plan's `task` was made from this one.
    fn is(&self, task: &Task) -> bool {
        task.id == self.task_id()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FestivalTemplate {
    pub id: String,
    pub version: u32,
    pub title: Text,
    #[serde(default)]
    pub note: Text,
    pub ceremony: Vec<TemplateItem>,
    pub festivity: Vec<TemplateItem>,
    pub tasks: Vec<TemplateTask>,
}

impl FestivalTemplate {
    /// Whether the task came from this template as work done after the
    /// festival (the report): its deadline falls after the day by design.
    pub fn is_after_festival(&self, task: &Task) -> bool {
        self.tasks.iter().any(|t| t.days_before < 0 && t.is(task))
    }

    /// Fills an empty plan's programme and tasks; due dates are counted back
    /// from the festival date when it is set. Items keep the template's ids.
    pub fn apply(&self, plan: &mut FestivalPlan, language: Language) {
        let items = self
            .ceremony
            .iter()
            .map(|i| (Part::Ceremony, i))
            .chain(self.festivity.iter().map(|i| (Part::Festivity, i)));
        plan.programme = items
            .map(|(part, i)| ProgrammeItem {
                id: format!(
                    "{}-{}",
                    if part == Part::Ceremony { "le" } else { "hoi" },
                    i.id
                ),
                part,
                start: None,
                minutes: i.minutes,
                item: i.label.get(language).to_owned(),
                responsible: None,
                notes: String::new(),
                optional: i.optional,
            })
            .collect();
        plan.tasks = self
            .tasks
            .iter()
            .map(|t| Task {
                id: t.task_id(),
                title: t.label.get(language).to_owned(),
                owner: None,
                due: plan.date.map(|d| d.add_days(-t.days_before)),
                status: TaskStatus::Todo,
                notes: String::new(),
                key: t.key,
            })
            .collect();
        if let Some(start) = plan.time {
            plan.schedule(Part::Ceremony, start);
        }
    }

    /// Re-counts the due dates of template tasks after the date changed.
    pub fn recount_due_dates(&self, plan: &mut FestivalPlan) {
        let Some(date) = plan.date else { return };
        for task in &mut plan.tasks {
            if let Some(t) = self.tasks.iter().find(|t| t.is(task)) {
                task.due = Some(date.add_days(-t.days_before));
            }
        }
    }
}

impl FestivalPlan {
    /// Moves the festival to `date`: the tasks that came from `template`
    /// keep their deadlines, counted back from the new date.
    pub fn set_date(&mut self, date: Option<Date>, template: &FestivalTemplate) {
        self.date = date;
        template.recount_due_dates(self);
    }
}
