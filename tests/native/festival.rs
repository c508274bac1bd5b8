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
    let template = FestivalTemplate::builtin();
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
    p.set_date(Some(date(2025, 8, 10)));
    assert_eq!(p.date, Some(date(2025, 8, 10)));
    assert_eq!(p.tasks[0].due, Some(date(2025, 6, 26)));
}

#[test]
fn clashes_key_tasks_after_the_day_and_same_day_plans_are_warned_about() {
    let template = FestivalTemplate::builtin();
    let mut p = plan();
    p.date = Some(date(2025, 8, 15));
    template.apply(&mut p, Language::Vi);
    p.programme[0].start = Some(450);
    p.programme[1].start = Some(460);
    let mut other = FestivalPlan::new("q".into(), UnitId::new("thon"), 2025, "x".into());
    other.date = Some(date(2025, 8, 15));
    let warnings = p.warnings([other].iter());
    assert!(warnings.contains(&PlanWarning::SameDay {
        unit: UnitId::new("thon")
    }));
    assert!(warnings.contains(&PlanWarning::KeyTaskAfter {
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
    FestivalTemplate::builtin().apply(&mut p, Language::Vi);
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
    assert_eq!(antq::domain::numbers::grouped(1_500_000, '.'), "1.500.000");
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
    for line in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
    }
    assert_eq!(folded.replace("\r\n ", "").trim_end(), long);

    let mut p = plan();
    p.date = Some(date(2025, 8, 15));
    p.venue = "Nhà văn hóa xã, thôn Đồng".into();
    FestivalTemplate::builtin().apply(&mut p, Language::Vi);
    let ics = to_ics(&p, "Xã Tân Lập", "20250801T000000Z");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'));
    assert!(ics.contains("DTSTART;VALUE=DATE:20250815\r\n"));
    assert!(ics.contains("LOCATION:Nhà văn hóa xã\\, thôn Đồng\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1 + p.tasks.len());
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
