//! Festival rules: the window at its edges, due dates counted back, budget
//! totals, the programme, and the calendar file's text.

use antq::domain::calendar::{Date, MonthDay};
use antq::domain::festival::*;
use antq::domain::{Language, UnitId};

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

fn plan() -> FestivalPlan {
    FestivalPlan::new(
        "p".into(),
        UnitId::new("xa"),
        2025,
        "Ngày hội toàn dân bảo vệ ANTQ năm 2025".into(),
    )
}

#[test]
fn the_window_runs_from_1_july_to_19_august_inclusive() {
    let window = FestivalWindow::default();
    let from = date(2025, 7, 1);
    let to = date(2025, 8, 19);
    assert_eq!(
        window.check(date(2025, 6, 30), 2025),
        Err(WindowError::Outside { from, to })
    );
    assert_eq!(window.check(date(2025, 7, 1), 2025), Ok(()));
    assert_eq!(window.check(date(2025, 8, 19), 2025), Ok(()));
    assert_eq!(
        window.check(date(2025, 8, 20), 2025),
        Err(WindowError::Outside { from, to })
    );
    assert_eq!(
        window.check(date(2024, 8, 1), 2025),
        Err(WindowError::OtherYear { year: 2025 })
    );
}

#[test]
fn a_province_may_set_a_tighter_window() {
    let window = FestivalWindow {
        from: MonthDay::new(7, 2),
        to: MonthDay::new(8, 10),
    };
    assert!(window.check(date(2024, 7, 1), 2024).is_err());
    assert!(window.check(date(2024, 7, 2), 2024).is_ok());
    assert!(window.check(date(2024, 8, 10), 2024).is_ok());
    assert!(window.check(date(2024, 8, 11), 2024).is_err());
}

#[test]
fn the_template_gives_eleven_ceremony_steps_and_counts_due_dates_back() {
    let template = antq::catalog::festival_template();
    assert_eq!(template.ceremony.len(), 11);
    assert_eq!(template.ceremony[1].id, "chao-co");
    assert!(template.ceremony[0].optional && template.ceremony[9].optional);
    let mut p = plan();
    p.date = Some(date(2025, 8, 15));
    p.time = Some(7 * 60 + 30);
    template.apply(&mut p, Language::Vi);
    let due = |id: &str| p.tasks.iter().find(|t| t.id == id).unwrap().due.unwrap();
    assert_eq!(due("viec-ban-hanh-ke-hoach"), date(2025, 7, 1));
    assert_eq!(due("viec-an-ninh"), date(2025, 8, 15));
    assert_eq!(due("viec-bao-cao-sau"), date(2025, 8, 20));
    // The ceremony is scheduled back to back from 07:30.
    assert_eq!(p.programme[0].start, Some(450));
    assert_eq!(p.programme[1].start, Some(465));
    assert!(p.clashes().is_empty());
    // Moving the date moves the deadlines.
    p.date = Some(date(2025, 8, 19));
    template.recount_due_dates(&mut p);
    assert_eq!(p.tasks[0].due, Some(date(2025, 7, 5)));
    // As the plan's own step, the same.
    p.set_date(Some(date(2025, 8, 10)), template);
    assert_eq!(p.date, Some(date(2025, 8, 10)));
    assert_eq!(p.tasks[0].due, Some(date(2025, 6, 26)));
}

#[test]
fn clashes_key_tasks_after_the_day_and_same_day_plans_are_warned_about() {
    let template = antq::catalog::festival_template();
    let mut p = plan();
    p.date = Some(date(2025, 8, 15));
    template.apply(&mut p, Language::Vi);
    p.programme[0].start = Some(450);
    p.programme[1].start = Some(460);
    let mut other = FestivalPlan::new("q".into(), UnitId::new("thon"), 2025, "x".into());
    other.date = Some(date(2025, 8, 15));
    let warnings = p.warnings([other.clone()].iter(), template);
    assert!(warnings.contains(&PlanWarning::SameDay {
        unit: UnitId::new("thon")
    }));
    // The report is due after the day by design: no warning. A preparation
    // task moved after the day is warned about.
    assert!(!warnings.contains(&PlanWarning::KeyTaskAfter {
        task: "viec-bao-cao-sau".into()
    }));
    let security = p.tasks.iter_mut().find(|t| t.id == "viec-an-ninh").unwrap();
    security.due = Some(date(2025, 8, 16));
    let warnings = p.warnings([other.clone()].iter(), template);
    assert!(warnings.contains(&PlanWarning::KeyTaskAfter {
        task: "viec-an-ninh".into()
    }));
    assert!(!warnings.contains(&PlanWarning::KeyTaskAfter {
        task: "viec-bao-cao-sau".into()
    }));
    assert!(warnings.contains(&PlanWarning::Clash {
        first: "le-van-nghe-chao-mung".into(),
        second: "le-chao-co".into()
    }));
}

#[test]
fn programme_items_move_by_keyboard_and_by_dragging() {
    let mut p = plan();
    antq::catalog::festival_template().apply(&mut p, Language::Vi);
    let ids = |p: &FestivalPlan| {
        p.programme
            .iter()
            .take(3)
            .map(|i| i.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(!p.move_item("le-van-nghe-chao-mung", true));
    assert!(p.move_item("le-chao-co", true));
    assert_eq!(
        ids(&p),
        ["le-chao-co", "le-van-nghe-chao-mung", "le-tuyen-bo-ly-do"]
    );
    assert!(p.move_item_to("le-tuyen-bo-ly-do", "le-chao-co"));
    assert_eq!(
        ids(&p),
        ["le-tuyen-bo-ly-do", "le-chao-co", "le-van-nghe-chao-mung"]
    );
    assert_eq!(
        p.total_minutes(),
        p.programme.iter().map(|i| i.minutes).sum::<u32>()
    );
}

#[test]
fn budget_totals_add_up_by_source() {
    let mut p = plan();
    let line = |id: &str, source, planned, actual| BudgetLine {
        id: id.into(),
        category: id.into(),
        source,
        planned,
        actual,
    };
    p.budget = vec![
        line("a", FundSource::StateBudget, 1_500_000, Some(1_200_000)),
        line("b", FundSource::StateBudget, 500_000, None),
        line("c", FundSource::Voluntary, 3_000_000, Some(3_500_000)),
    ];
    assert_eq!(
        p.budget_totals(),
        vec![
            (FundSource::StateBudget, 2_000_000, 1_200_000),
            (FundSource::OtherProgrammes, 0, 0),
            (FundSource::Voluntary, 3_000_000, 3_500_000),
        ]
    );
    assert_eq!(antq::support::numbers::grouped(1_500_000, '.'), "1.500.000");
}

#[test]
fn ics_escapes_folds_at_75_octets_and_ends_lines_with_crlf() {
    assert_eq!(
        escape_text("Hội trường, thôn 1; tầng 2\\ngoài"),
        "Hội trường\\, thôn 1\\; tầng 2\\\\ngoài"
    );
    let long = format!(
        "SUMMARY:{}",
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025 ở xã Tân Lập, tỉnh Phú Thọ"
    );
    let folded = fold_line(&long);
    assert!(folded.ends_with("\r\n"));
    let lines: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(lines.len() > 1);
    for pair in lines.windows(2) {
        assert!(pair[0].len() <= 75, "{} octets: {}", pair[0].len(), pair[0]);
        // Folded as late as it can be: the next character would not fit.
        let next = pair[1].strip_prefix(' ').unwrap().chars().next().unwrap();
        assert!(
            pair[0].len() + next.len_utf8() > 75,
            "folded early: {}",
            pair[0]
        );
    }
    assert_eq!(folded.replace("\r\n ", "").trim_end(), long);

    let mut p = plan();
    p.date = Some(date(2025, 8, 15));
    p.venue = "Nhà văn hóa xã, thôn Đồng".into();
    antq::catalog::festival_template().apply(&mut p, Language::Vi);
    let ics = to_ics(&p, "Xã Tân Lập", "20250801T000000Z");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'));
    // Without a time the festival is a day.
    assert!(ics.contains("DTSTART;VALUE=DATE:20250815\r\n"));
    assert!(ics.contains("LOCATION:Nhà văn hóa xã\\, thôn Đồng\r\n"));
    let calendar = parse_ics(&ics);
    assert_eq!(calendar.of("VEVENT").len(), 1);
    assert_eq!(calendar.of("VTODO").len(), p.tasks.len());
}

/// One component of a parsed calendar: its name and its properties as
/// (name, parameters, value), after unfolding.
#[derive(Debug)]
struct Component {
    name: String,
    properties: Vec<(String, String, String)>,
}

impl Component {
    fn get(&self, name: &str) -> Vec<(&str, &str)> {
        self.properties
            .iter()
            .filter(|(n, _, _)| n == name)
            .map(|(_, params, value)| (params.as_str(), value.as_str()))
            .collect()
    }
}

struct Calendar(Vec<Component>);

impl Calendar {
    fn of(&self, name: &str) -> Vec<&Component> {
        self.0.iter().filter(|c| c.name == name).collect()
    }
}

/// A strict reader of the RFC 5545 rules the writer promises: CRLF only,
/// physical lines of at most 75 octets, folds on character boundaries,
/// BEGIN/END balanced, UID and DTSTAMP once in each event and to-do, every
/// TZID parameter naming a VTIMEZONE of the file, date-times well formed.
fn parse_ics(ics: &str) -> Calendar {
    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains(['\r', '\n']),
        "bare CR or LF"
    );
    let mut logical: Vec<String> = Vec::new();
    for physical in ics.trim_end_matches("\r\n").split("\r\n") {
        assert!(
            physical.len() <= 75,
            "{} octets: {physical}",
            physical.len()
        );
        match physical.strip_prefix(' ') {
            Some(rest) => logical
                .last_mut()
                .expect("a fold follows a line")
                .push_str(rest),
            None => logical.push(physical.to_owned()),
        }
    }
    let mut stack: Vec<Component> = Vec::new();
    let mut done = Vec::new();
    for line in logical {
        let (head, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("no colon: {line}"));
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "{name}"
        );
        match name {
            "BEGIN" => stack.push(Component {
                name: value.to_owned(),
                properties: Vec::new(),
            }),
            "END" => {
                let component = stack.pop().expect("END after BEGIN");
                assert_eq!(component.name, value, "END matches BEGIN");
                done.push(component);
            }
            _ => stack
                .last_mut()
                .expect("a property inside a component")
                .properties
                .push((name.to_owned(), params.to_owned(), value.to_owned())),
        }
    }
    assert!(stack.is_empty(), "unbalanced BEGIN/END");
    let calendar = Calendar(done);
    assert_eq!(calendar.of("VCALENDAR").len(), 1);
    let zones: Vec<String> = calendar
        .of("VTIMEZONE")
        .iter()
        .map(|z| z.get("TZID")[0].1.to_owned())
        .collect();
    for component in calendar
        .of("VEVENT")
        .into_iter()
        .chain(calendar.of("VTODO"))
    {
        assert_eq!(component.get("UID").len(), 1, "{component:?}");
        let stamp = component.get("DTSTAMP");
        assert_eq!(stamp.len(), 1);
        assert!(stamp[0].1.len() == 16 && stamp[0].1.ends_with('Z'));
        for (_, params, value) in &component.properties {
            if let Some(zone) = params.strip_prefix("TZID=") {
                assert!(zones.iter().any(|z| z == zone), "{zone} has no VTIMEZONE");
                let (day, time) = value.split_once('T').expect("a date-time");
                assert!(day.len() == 8 && time.len() == 6, "{value}");
                assert!(day.chars().chain(time.chars()).all(|c| c.is_ascii_digit()));
            }
        }
    }
    calendar
}

#[test]
fn ics_gives_the_festival_and_its_programme_their_times_and_the_tasks_their_owners() {
    let mut p = plan();
    p.date = Some(date(2025, 8, 15));
    p.time = Some(7 * 60 + 30);
    p.venue = "Nhà văn hóa xã".into();
    antq::catalog::festival_template().apply(&mut p, Language::Vi);
    p.people.push(Person {
        id: "ng-1".into(),
        name: "Nguyễn Văn An".into(),
        role: Role::Head,
        position: "Trưởng Công an xã".into(),
        phone: "0912 345 678".into(),
    });
    p.tasks[0].owner = Some("ng-1".into());
    p.tasks[1].status = TaskStatus::Done;
    p.programme[1].responsible = Some("ng-1".into());
    let ics = to_ics(&p, "Xã Tân Lập", "20250801T000000Z");
    let calendar = parse_ics(&ics);
    let zone = calendar.of("VTIMEZONE");
    assert_eq!(zone[0].get("TZID")[0].1, "Asia/Ho_Chi_Minh");
    let standard = &calendar.of("STANDARD")[0];
    assert_eq!(standard.get("TZOFFSETTO")[0].1, "+0700");
    assert_eq!(standard.get("TZOFFSETFROM")[0].1, "+0700");
    assert!(calendar.of("DAYLIGHT").is_empty());

    let events = calendar.of("VEVENT");
    let festival = events
        .iter()
        .find(|e| e.get("UID")[0].1 == "p-ngay-hoi@antq")
        .unwrap();
    assert_eq!(
        festival.get("DTSTART"),
        vec![("TZID=Asia/Ho_Chi_Minh", "20250815T073000")]
    );
    // It ends when the last timed item of the programme ends.
    let last_end = p
        .programme
        .iter()
        .filter_map(|i| i.start.map(|s| s + i.minutes))
        .max()
        .unwrap();
    let end = format!("20250815T{:02}{:02}00", last_end / 60, last_end % 60);
    assert_eq!(
        festival.get("DTEND"),
        vec![("TZID=Asia/Ho_Chi_Minh", end.as_str())]
    );
    // Every item with a time is an event of its own, at its time.
    let timed: Vec<_> = p.programme.iter().filter(|i| i.start.is_some()).collect();
    assert!(!timed.is_empty());
    assert_eq!(events.len(), 1 + timed.len());
    let second = events
        .iter()
        .find(|e| e.get("UID")[0].1 == format!("p-{}@antq", p.programme[1].id))
        .unwrap();
    let start = p.programme[1].start.unwrap();
    assert_eq!(
        second.get("DTSTART")[0].1,
        format!("20250815T{:02}{:02}00", start / 60, start % 60)
    );
    assert!(second.get("DESCRIPTION")[0].1.contains("Nguyễn Văn An"));

    // Tasks are to-dos with their deadline, owner and state.
    let todos = calendar.of("VTODO");
    assert_eq!(todos.len(), p.tasks.len());
    let first = todos
        .iter()
        .find(|t| t.get("UID")[0].1 == format!("p-{}@antq", p.tasks[0].id))
        .unwrap();
    let due = p.tasks[0].due.unwrap();
    assert_eq!(
        first.get("DUE"),
        vec![(
            "VALUE=DATE",
            format!("{:04}{:02}{:02}", due.year(), due.month(), due.day()).as_str()
        )]
    );
    assert_eq!(
        first.get("DESCRIPTION")[0].1,
        "Người phụ trách: Nguyễn Văn An (Trưởng Công an xã\\, 0912 345 678)"
    );
    assert_eq!(first.get("STATUS")[0].1, "NEEDS-ACTION");
    let second = todos
        .iter()
        .find(|t| t.get("UID")[0].1 == format!("p-{}@antq", p.tasks[1].id))
        .unwrap();
    assert_eq!(second.get("STATUS")[0].1, "COMPLETED");

    // A programme running past midnight lands on the next day.
    p.programme[0].start = Some(23 * 60 + 30);
    p.programme[0].minutes = 60;
    let calendar = parse_ics(&to_ics(&p, "Xã Tân Lập", "20250801T000000Z"));
    let first_item = calendar
        .of("VEVENT")
        .into_iter()
        .find(|e| e.get("UID")[0].1 == format!("p-{}@antq", p.programme[0].id))
        .unwrap();
    assert_eq!(first_item.get("DTEND")[0].1, "20250816T003000");
}

#[test]
fn commendations_are_counted_by_award() {
    let mut p = plan();
    let c = |id: &str, collective, award: &str| Commendation {
        id: id.into(),
        collective,
        name: id.into(),
        achievement: String::new(),
        award: award.into(),
    };
    p.commendations = vec![
        c("a", true, "Giấy khen"),
        c("b", false, "Giấy khen"),
        c("c", false, "Bằng khen"),
    ];
    assert_eq!(
        p.commendations_by_award(),
        vec![
            ("Giấy khen".to_string(), 1, 1),
            ("Bằng khen".to_string(), 0, 1)
        ]
    );
}
