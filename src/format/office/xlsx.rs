//! The roll-up as an Excel workbook: a sheet per criteria set (a row per
//! unit, a column per criterion, each result's reason in the cell's note),
//! a figures sheet whose counts and shares are formulas over those sheets,
//! and the festival figures summed by formulas. Made with rust_xlsxwriter.

use rust_xlsxwriter::{Format, FormatAlign, Formula, Note, Workbook, Worksheet, XlsxError};

use crate::domain::criteria::{IndicatorKind, Outcome, Reason};
use crate::domain::document::{quotes, result_word};
use crate::domain::rollup::table::Table as Grid;
use crate::domain::rollup::Shelf;

/// What the workbook is made of.
pub struct Rollup<'a> {
    pub year: i32,
    pub shelf: &'a Shelf,
    /// The table of each set of the year, with the set's title.
    pub grids: Vec<(String, Grid)>,
    /// The share of units recognised that the receiver's own set asks for
    /// (TT 124 Article 5 clause 4), when it has such an indicator.
    pub threshold: Option<u32>,
    /// An indicator's reason as a Vietnamese sentence.
    pub reason: &'a dyn Fn(&Reason, &IndicatorKind) -> String,
}

/// The fixed columns before the criteria of a set's sheet.
const UNIT: u16 = 0;
const OVERALL: u16 = 1;
const RECOGNISED: u16 = 2;
const FIRST_CRITERION: u16 = 3;

/// A sheet's name: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { ' ' } else { c })
        .collect();
    let mut name: String = clean.trim().chars().take(28).collect();
    let base = name.clone();
    let mut n = 2;
    while name.is_empty() || taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{} {n}", base.chars().take(25).collect::<String>());
        n += 1;
    }
    name
}

/// "'Khu dân cư'!B2:B40": a range of another sheet, quoted.
fn range(sheet: &str, col: u16, rows: u32) -> String {
    let letter = rust_xlsxwriter::utility::column_number_to_name(col);
    format!("'{sheet}'!{letter}2:{letter}{}", rows + 1)
}

/// The workbook of `r`.
pub fn workbook(r: &Rollup) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("D9E2F3");
    let percent = Format::new().set_num_format("0.0%");
    let bold = Format::new().set_bold();
    let mut names: Vec<String> = Vec::new();
    let mut figures: Vec<(String, String, &Grid)> = Vec::new();
    for (title, grid) in &r.grids {
        let name = sheet_name(&quotes(title), &names);
        names.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        set_sheet(sheet, r, grid, &header)?;
        figures.push((quotes(title), name, grid));
    }
    // The figures: formulas over the sets' sheets, so an edited result is
    // counted again.
    let sheet = book.add_worksheet();
    sheet.set_name("Số liệu")?;
    let titles = [
        "Bộ tiêu chí",
        "Số đơn vị",
        "Tự đánh giá đạt",
        "Tỷ lệ tự đánh giá đạt",
        "Được công nhận",
        "Tỷ lệ được công nhận",
        "Ngưỡng",
        "Kết luận",
    ];
    for (c, t) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *t, &header)?;
    }
    for (n, (title, name, grid)) in figures.iter().enumerate() {
        let row = n as u32 + 1;
        let excel = row + 1;
        let rows = grid.rows.len() as u32;
        // Each formula carries the value it gives now: an office suite that
        // does not recompute on opening (LibreOffice) shows it; any edit of
        // a result recomputes it.
        let units = grid.rows.len();
        let passed = grid
            .rows
            .iter()
            .filter(|x| x.overall == Outcome::Passed)
            .count();
        let recognised = grid
            .rows
            .iter()
            .filter(|x| r.shelf.get(&x.record).is_some_and(|x| x.is_recognised()))
            .count();
        let ratio = |part: usize| {
            if units > 0 {
                part as f64 / units as f64
            } else {
                0.0
            }
        };
        let formula = |text: String, result: String| Formula::new(text).set_result(result);
        sheet.write_string(row, 0, title)?;
        sheet.write_formula(
            row,
            1,
            formula(
                format!("=COUNTA({})", range(name, UNIT, rows)),
                units.to_string(),
            ),
        )?;
        sheet.write_formula(
            row,
            2,
            formula(
                format!("=COUNTIF({},\"Đạt\")", range(name, OVERALL, rows)),
                passed.to_string(),
            ),
        )?;
        sheet.write_formula_with_format(
            row,
            3,
            formula(
                format!("=IF(B{excel}>0,C{excel}/B{excel},0)"),
                ratio(passed).to_string(),
            ),
            &percent,
        )?;
        sheet.write_formula(
            row,
            4,
            formula(
                format!("=COUNTIF({},\"Có\")", range(name, RECOGNISED, rows)),
                recognised.to_string(),
            ),
        )?;
        sheet.write_formula_with_format(
            row,
            5,
            formula(
                format!("=IF(B{excel}>0,E{excel}/B{excel},0)"),
                ratio(recognised).to_string(),
            ),
            &percent,
        )?;
        match r.threshold {
            Some(t) => {
                sheet.write_number_with_format(row, 6, f64::from(t) / 100.0, &percent)?;
                let met = ratio(recognised) * 100.0 >= f64::from(t);
                let word = if met { "Đạt" } else { "Chưa đạt" };
                sheet.write_formula(
                    row,
                    7,
                    formula(
                        format!("=IF(F{excel}>=G{excel},\"Đạt\",\"Chưa đạt\")"),
                        word.to_owned(),
                    ),
                )?;
            }
            None => {
                sheet.write_string(row, 7, "Không có ngưỡng trong bộ tiêu chí của đơn vị")?;
            }
        }
    }
    sheet.set_column_width(0, 40)?;
    for c in 1..8 {
        sheet.set_column_width(c, 16)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    festival_sheet(book.add_worksheet(), r, &header, &bold)?;
    book.save_to_buffer()
}

fn set_sheet(
    sheet: &mut Worksheet,
    r: &Rollup,
    grid: &Grid,
    header: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, UNIT, "Đơn vị", header)?;
    sheet.write_string_with_format(0, OVERALL, "Kết quả chung", header)?;
    sheet.write_string_with_format(0, RECOGNISED, "Được công nhận", header)?;
    for (c, column) in grid.columns.iter().enumerate() {
        let col = FIRST_CRITERION + c as u16;
        sheet.write_string_with_format(
            0,
            col,
            format!("{} {}", column.id, column.label.vi),
            header,
        )?;
        sheet.set_column_width(col, 14)?;
    }
    for (n, row) in grid.rows.iter().enumerate() {
        let line = n as u32 + 1;
        let record = r.shelf.get(&row.record);
        sheet.write_string(line, UNIT, &row.unit.name)?;
        sheet.write_string(line, OVERALL, result_word(row.overall))?;
        let recognised = record.is_some_and(|x| x.is_recognised());
        sheet.write_string(line, RECOGNISED, if recognised { "Có" } else { "Không" })?;
        let set = record.and_then(|x| x.set());
        for (c, (cell, column)) in row.cells.iter().zip(&grid.columns).enumerate() {
            let col = FIRST_CRITERION + c as u16;
            let Some(status) = cell else {
                sheet.write_string(line, col, "Không có trong phiên bản này")?;
                continue;
            };
            sheet.write_string(line, col, result_word(*status))?;
            // The reason: each indicator of the criterion with its result.
            let criterion = set.and_then(|s| s.criteria().find(|x| x.id == column.id));
            let lines: Vec<String> = criterion
                .map(|c| {
                    c.indicators
                        .iter()
                        .filter_map(|i| {
                            let result = row.evaluation.indicators.get(&i.id)?;
                            Some(format!(
                                "{}: {}. {}",
                                i.label.vi,
                                result_word(result.status),
                                (r.reason)(&result.reason, &i.kind)
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default();
            if !lines.is_empty() {
                let note = Note::new(lines.join("\n"))
                    .set_author("antq")
                    .set_width(420);
                sheet.insert_note(line, col, &note)?;
            }
        }
    }
    sheet.set_column_width(UNIT, 32)?;
    sheet.set_column_width(OVERALL, 16)?;
    sheet.set_column_width(RECOGNISED, 14)?;
    sheet.set_row_height(0, 60)?;
    sheet.set_freeze_panes(1, 1)?;
    let last_col = FIRST_CRITERION + grid.columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, grid.rows.len() as u32, last_col.max(RECOGNISED))?;
    Ok(())
}

/// The festival reports of the year, a row per unit and their sums.
fn festival_sheet(
    sheet: &mut Worksheet,
    r: &Rollup,
    header: &Format,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("Ngày hội")?;
    let titles = [
        "Đơn vị",
        "Số người tham dự",
        "Số suất quà",
        "Trị giá quà (đồng)",
        "Mô hình ra mắt",
        "Bản cam kết đã ký",
    ];
    for (c, t) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *t, header)?;
    }
    let mut plans: Vec<_> = r
        .shelf
        .accepted()
        .filter(|x| x.year() == r.year)
        .filter_map(|x| Some((x.unit.name.clone(), x.festival_plan()?)))
        .collect();
    crate::support::order::sort_by_key(&mut plans, |(name, _)| {
        crate::support::text::sort_key(name)
    });
    for (n, (unit, plan)) in plans.iter().enumerate() {
        let row = n as u32 + 1;
        sheet.write_string(row, 0, unit)?;
        for (c, value) in figures(&plan.report).iter().enumerate() {
            if let Some(v) = value {
                sheet.write_number(row, c as u16 + 1, *v as f64)?;
            }
        }
    }
    let total = plans.len() as u32 + 1;
    sheet.write_string_with_format(total, 0, "Tổng cộng", bold)?;
    for c in 1..6u16 {
        let letter = rust_xlsxwriter::utility::column_number_to_name(c);
        let sum = format!("=SUM({letter}2:{letter}{total})");
        let value: u64 = plans
            .iter()
            .map(|(_, p)| figures(&p.report)[c as usize - 1].unwrap_or(0))
            .sum();
        sheet.write_formula_with_format(
            total,
            c,
            Formula::new(sum).set_result(value.to_string()),
            bold,
        )?;
    }
    sheet.set_column_width(0, 32)?;
    for c in 1..6 {
        sheet.set_column_width(c, 18)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The figures of an after-festival report, in the sheet's order.
fn figures(report: &crate::domain::festival::AfterReport) -> [Option<u64>; 5] {
    [
        report.participants,
        report.gifts,
        report.gifts_value,
        report.models_launched,
        report.commitments_signed,
    ]
}
