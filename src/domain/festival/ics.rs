//! The calendar file of a plan (RFC 5545): the festival and the task
//! deadlines. CRLF line ends; commas, semicolons and backslashes escaped;
//! lines folded at 75 octets without splitting a UTF-8 character.

use super::plan::FestivalPlan;

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

fn date_value(date: crate::domain::calendar::Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// The whole calendar. `stamp` is the time of export as "YYYYMMDDTHHMMSSZ".
pub fn to_ics(plan: &FestivalPlan, unit_name: &str, stamp: &str) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//antq//Ngay hoi toan dan bao ve ANTQ//VI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    let mut event = |uid: String,
                     date: crate::domain::calendar::Date,
                     summary: String,
                     description: String,
                     location: &str| {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{uid}@antq"));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", date_value(date)));
        lines.push(format!("DTEND;VALUE=DATE:{}", date_value(date.add_days(1))));
        lines.push(format!("SUMMARY:{}", escape_text(&summary)));
        if !description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
        }
        if !location.is_empty() {
            lines.push(format!("LOCATION:{}", escape_text(location)));
        }
        lines.push("END:VEVENT".to_owned());
    };
    if let Some(date) = plan.date {
        event(
            format!("{}-ngay-hoi", plan.id),
            date,
            format!("{} ({unit_name})", plan.title),
            String::new(),
            &plan.venue,
        );
    }
    for task in &plan.tasks {
        if let Some(due) = task.due {
            event(
                format!("{}-{}", plan.id, task.id),
                due,
                format!("Hạn: {}", task.title),
                task.notes.clone(),
                "",
            );
        }
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold_line(line)).collect()
}
