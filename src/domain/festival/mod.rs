//! The "Ngày hội toàn dân bảo vệ an ninh Tổ quốc": a unit's plan for a
//! year, its template, its rules, and its calendar file.

mod ics;
mod plan;
mod template;

pub use ics::{escape_text, fold_line, to_ics};
pub use plan::{
    parse_time, time_text, AfterReport, BudgetLine, Commendation, FestivalKind, FestivalPlan,
    FestivalWindow, FundSource, Guest, Part, Person, PlanWarning, ProgrammeItem, Role, Task,
    TaskStatus, WindowError,
};
pub use template::{FestivalTemplate, TemplateItem, TemplateTask};
