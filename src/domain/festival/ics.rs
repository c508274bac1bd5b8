//! The calendar file of a plan (RFC 5545): the festival and its programme
//! as timed events in Vietnam's time zone, and the tasks as to-dos with their
//! owner. CRLF line ends; commas, semicolons and backslashes escaped; lines
//! folded at 75 octets without splitting a UTF-8 character.

use super::plan::{FestivalPlan, Person, TaskStatus};
use crate::domain::calendar::Date;

/// Vietnam keeps UTC+7 all year, with no daylight saving.
const TIME_ZONE: &str = "Asia/Ho_Chi_Minh";

/// Escapes TEXT values (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line into lines of at most 75 octets, continuation
/// lines starting with a space (§3.1), each ending in CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

fn date_value(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A local time on `date`, `minutes` after its midnight (past 24:00 runs
/// into the next day), as a value with the plan's time zone.
fn local_time(date: Date, minutes: u32) -> String {
    let day = date.add_days(i64::from(minutes / 1440));
    let minutes = minutes % 1440;
    format!(
        ";TZID={TIME_ZONE}:{}T{:02}{:02}00",
        date_value(day),
        minutes / 60,
        minutes % 60
    )
}

/// "Name (position, phone)", the way a to-do names its owner.
fn person_text(person: &Person) -> String {
    let details: Vec<&str> = [person.position.as_str(), person.phone.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if details.is_empty() {
        person.name.clone()
    } else {
        format!("{} ({})", person.name, details.join(", "))
    }
}

/// The non-empty texts, one per line.
fn paragraphs<const N: usize>(texts: [&str; N]) -> String {
    texts
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lines of one component, from BEGIN to END.
struct Component {
    lines: Vec<String>,
}

impl Component {
    fn new(kind: &str, uid: &str, stamp: &str) -> Component {
        Component {
            lines: vec![
                format!("BEGIN:{kind}"),
                format!("UID:{uid}@antq"),
                format!("DTSTAMP:{stamp}"),
            ],
        }
    }

    fn text(mut self, name: &str, value: &str) -> Component {
        if !value.trim().is_empty() {
            self.lines.push(format!("{name}:{}", escape_text(value)));
        }
        self
    }

    fn raw(mut self, line: String) -> Component {
        self.lines.push(line);
        self
    }

    fn end(mut self, kind: &str, out: &mut Vec<String>) {
        self.lines.push(format!("END:{kind}"));
        out.append(&mut self.lines);
    }
}

/// The whole calendar. `stamp` is the time of export as "YYYYMMDDTHHMMSSZ".
pub fn to_ics(plan: &FestivalPlan, unit_name: &str, stamp: &str) -> String {
    let mut lines: Vec<String> = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//antq//Ngay hoi toan dan bao ve ANTQ//VI",
        "CALSCALE:GREGORIAN",
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Ho_Chi_Minh",
        "BEGIN:STANDARD",
        "DTSTART:19750613T000000",
        "TZOFFSETFROM:+0700",
        "TZOFFSETTO:+0700",
        "TZNAME:+07",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    .map(str::to_owned)
    .into();
    let person = |id: &Option<String>| {
        plan.person(id.as_ref())
            .map(person_text)
            .unwrap_or_default()
    };
    if let Some(date) = plan.date {
        let festival = Component::new("VEVENT", &format!("{}-ngay-hoi", plan.id), stamp);
        let festival = match plan.time {
            Some(start) => {
                // Until the last timed item ends, when the programme has times.
                let end = plan
                    .programme
                    .iter()
                    .filter_map(|i| i.start.map(|s| s.saturating_add(i.minutes)))
                    .max()
                    .filter(|&end| end > start);
                let festival = festival.raw(format!("DTSTART{}", local_time(date, start)));
                match end {
                    Some(end) => festival.raw(format!("DTEND{}", local_time(date, end))),
                    None => festival,
                }
            }
            None => festival
                .raw(format!("DTSTART;VALUE=DATE:{}", date_value(date)))
                .raw(format!("DTEND;VALUE=DATE:{}", date_value(date.add_days(1)))),
        };
        festival
            .text("SUMMARY", &format!("{} ({unit_name})", plan.title))
            .text("LOCATION", &plan.venue)
            .end("VEVENT", &mut lines);
        for item in &plan.programme {
            let Some(start) = item.start else { continue };
            let mut event = Component::new("VEVENT", &format!("{}-{}", plan.id, item.id), stamp)
                .raw(format!("DTSTART{}", local_time(date, start)));
            if item.minutes > 0 {
                let end = start.saturating_add(item.minutes);
                event = event.raw(format!("DTEND{}", local_time(date, end)));
            }
            let description = paragraphs([&person(&item.responsible), &item.notes]);
            event
                .text("SUMMARY", &item.item)
                .text("DESCRIPTION", &description)
                .text("LOCATION", &plan.venue)
                .end("VEVENT", &mut lines);
        }
    }
    for task in &plan.tasks {
        let status = match task.status {
            TaskStatus::Todo => "NEEDS-ACTION",
            TaskStatus::Doing => "IN-PROCESS",
            TaskStatus::Done => "COMPLETED",
        };
        let mut todo = Component::new("VTODO", &format!("{}-{}", plan.id, task.id), stamp);
        if let Some(due) = task.due {
            todo = todo.raw(format!("DUE;VALUE=DATE:{}", date_value(due)));
        }
        let owner = person(&task.owner);
        let owner = if owner.is_empty() {
            owner
        } else {
            format!("Người phụ trách: {owner}")
        };
        let description = paragraphs([&owner, &task.notes]);
        todo.text("SUMMARY", &task.title)
            .text("DESCRIPTION", &description)
            .raw(format!("STATUS:{status}"))
            .end("VTODO", &mut lines);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold_line(line)).collect()
}
