//! CSV text that Excel opens with Vietnamese intact: UTF-8 with a byte-order
//! mark, CRLF line ends, fields quoted when they hold the separator, a quote
//! or a line break, and text that a spreadsheet would run as a formula
//! (`=`, `+`, `-`, `@`, tab) defused with a leading apostrophe.

use super::table::Table;
use crate::domain::criteria::Outcome;
use crate::domain::UnitKind;

/// The separators a user may choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Separator {
    /// Excel in Vietnamese and most European locales expects a semicolon.
    #[default]
    Semicolon,
    Comma,
}

impl Separator {
    pub fn char(self) -> char {
        match self {
            Separator::Semicolon => ';',
            Separator::Comma => ',',
        }
    }
}

fn field(text: &str, separator: char) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The CSV text of a header and rows.
pub fn write(header: &[String], rows: &[Vec<String>], separator: Separator) -> String {
    let sep = separator.char();
    let mut out = String::from('\u{feff}');
    for line in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let fields: Vec<String> = line.iter().map(|f| field(f, sep)).collect();
        out.push_str(&fields.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// The words a table's CSV needs, in the user's language.
pub struct Words<'a> {
    pub unit: &'a str,
    pub kind: &'a str,
    pub version: &'a str,
    pub overall: &'a str,
    pub failed_count: &'a str,
    pub kind_name: &'a dyn Fn(UnitKind) -> String,
    /// A cell's word; `None` is a criterion the file's set lacks.
    pub status: &'a dyn Fn(Option<Outcome>) -> String,
    pub label: &'a dyn Fn(&crate::domain::criteria::Text) -> String,
}

/// The table's rows in `order` (from [`Table::view`]), as CSV.
pub fn table_csv(table: &Table, order: &[usize], words: &Words, separator: Separator) -> String {
    let mut header = vec![
        words.unit.to_owned(),
        words.kind.to_owned(),
        words.version.to_owned(),
        words.overall.to_owned(),
        words.failed_count.to_owned(),
    ];
    header.extend(
        table
            .columns
            .iter()
            .map(|c| format!("{} {}", c.id, (words.label)(&c.label))),
    );
    let rows: Vec<Vec<String>> = order
        .iter()
        .map(|&i| {
            let row = &table.rows[i];
            let mut line = vec![
                row.unit.name.clone(),
                (words.kind_name)(row.unit.kind),
                row.version.to_string(),
                (words.status)(Some(row.overall)),
                row.count(Outcome::Failed).to_string(),
            ];
            line.extend(row.cells.iter().map(|c| (words.status)(*c)));
            line
        })
        .collect();
    write(&header, &rows, separator)
}
