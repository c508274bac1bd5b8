//! The wall clock, read from the browser.

/// The local date as (year, month 1–12, day 1–31).
pub fn today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// The local time as "HH:MM", for "Đã lưu lúc HH:MM".
pub fn now_hh_mm() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// Today's local date.
pub fn today_date() -> crate::domain::calendar::Date {
    let (year, month, day) = today();
    crate::domain::calendar::Date::new(year, month, day).expect("the browser's date exists")
}
