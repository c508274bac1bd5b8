//! The official documents the app makes, as data: what each says, in the
//! layout of Nghị định 30/2020, whatever it is shown or written as. One
//! model, read by the print preview (`ui::widgets::documents`) and by the
//! Word writer (`format::office::docx`), so the printed page and the Word
//! file say the same. Official documents are Vietnamese whatever the
//! language of the screen.

pub mod assessment;
pub mod festival;
pub mod rollup;

use crate::domain::assessment::ReportText;
use crate::domain::calendar::Date;

/// One official document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The header, the type and the summary, and the signer.
    pub letterhead: Letterhead,
    pub body: Vec<Block>,
    pub closing: Closing,
    /// The file name without its extension: what it is, for whom and when
    /// ("bao-cao-tu-danh-gia_thon-dong-tam_2025").
    pub name: String,
    /// A working paper (the run-sheet): a title and a summary, no header,
    /// number or signature.
    pub working_paper: bool,
}

/// What every official document of a unit says the same way, typed once
/// and kept with the unit: who issues it, under whom, where, and who signs.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fields {
    /// The body that issues the documents ("Công an xã Tân Lập"); the unit's
    /// name when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issuing_body: String,
    /// Its abbreviation in a document's symbol ("CAX": "Số: …/BC-CAX").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub abbreviation: String,
    /// The body directly above, over the issuer in the header and first of
    /// the recipients.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub superior_body: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer_title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer_name: String,
}

impl Fields {
    pub fn is_empty(&self) -> bool {
        *self == Fields::default()
    }

    /// These fields, each empty one taken from `texts` (what a document's
    /// own form held before the fields were the unit's).
    pub fn or(&self, texts: &ReportText) -> Fields {
        let pick = |mine: &String, theirs: &String| {
            if mine.trim().is_empty() {
                theirs.clone()
            } else {
                mine.clone()
            }
        };
        Fields {
            issuing_body: pick(&self.issuing_body, &texts.issuing_body),
            abbreviation: self.abbreviation.clone(),
            superior_body: pick(&self.superior_body, &texts.superior_body),
            place: pick(&self.place, &texts.place),
            signer_title: pick(&self.signer_title, &texts.signer_title),
            signer_name: pick(&self.signer_name, &texts.signer_name),
        }
    }
}

/// What a document's header and signature need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letterhead {
    pub superior: String,
    pub issuer: String,
    /// The type abbreviation of Appendix III: BC, KH, TTr, BB.
    pub code: &'static str,
    /// The issuer's abbreviation, after the type's in the symbol.
    pub abbreviation: String,
    pub place: String,
    pub date: Option<Date>,
    /// "BÁO CÁO", "KẾ HOẠCH"…
    pub type_name: &'static str,
    pub summary: String,
    pub signer_title: String,
    pub signer_name: String,
    pub recipients: Vec<String>,
}

impl Letterhead {
    /// A document of `unit` from its fields, dated `date`: the issuer is
    /// the unit unless another body is named, sent to the superior body, to
    /// `also`, and filed ("Lưu: VT.").
    pub fn from_texts(
        texts: &Fields,
        unit: &str,
        (code, type_name): (&'static str, &'static str),
        summary: String,
        also: &[&str],
        date: Date,
    ) -> Letterhead {
        let issuer = if texts.issuing_body.trim().is_empty() {
            unit.to_owned()
        } else {
            texts.issuing_body.clone()
        };
        let superior = if texts.superior_body.trim().is_empty() {
            "- Cấp trên trực tiếp;".to_owned()
        } else {
            format!("- {};", texts.superior_body.trim())
        };
        let recipients = std::iter::once(superior)
            .chain(also.iter().map(|line| (*line).to_owned()))
            .chain(std::iter::once("- Lưu: VT.".to_owned()))
            .collect();
        Letterhead {
            superior: texts.superior_body.clone(),
            issuer,
            code,
            abbreviation: texts.abbreviation.trim().to_owned(),
            place: texts.place.clone(),
            date: Some(date),
            type_name,
            summary: quotes(&summary),
            signer_title: texts.signer_title.clone(),
            signer_name: texts.signer_name.clone(),
            recipients,
        }
    }

    /// "Số:        /BC-CAX": the number is written in when the document
    /// is issued, by hand or in Word; the symbol is the type's abbreviation
    /// and the issuer's.
    pub fn number(&self) -> String {
        match self.abbreviation.as_str() {
            "" => format!("Số:        /{}", self.code),
            issuer => format!("Số:        /{}-{issuer}", self.code),
        }
    }

    /// "Thôn Đông, ngày 20 tháng 11 năm 2026".
    pub fn place_date(&self) -> String {
        match (self.place.trim(), self.date) {
            ("", Some(d)) => d.long_vietnamese(),
            (place, Some(d)) => format!("{place}, {}", d.long_vietnamese()),
            (place, None) => place.to_owned(),
        }
    }

    /// The signer's title as signed: upper case, "NGƯỜI ĐẠI DIỆN" when none
    /// is given.
    pub fn signer(&self) -> String {
        if self.signer_title.trim().is_empty() {
            "NGƯỜI ĐẠI DIỆN".to_owned()
        } else {
            self.signer_title.to_uppercase()
        }
    }

    /// The chair's title over the minutes: "CHỦ TRÌ", then the signer's.
    pub fn chair(&self) -> Vec<String> {
        std::iter::once("CHỦ TRÌ".to_owned())
            .chain((!self.signer_title.trim().is_empty()).then(|| self.signer_title.to_uppercase()))
            .collect()
    }
}

/// How a document ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Closing {
    /// "Nơi nhận" on the left, the signer on the right.
    Signature,
    /// Minutes: the secretary's signature on the left, the chair's on the right.
    Minutes { secretary: String },
    /// A working paper, unsigned.
    None,
}

/// A piece of text, bold or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
}

/// A line of text: spans side by side.
pub type Line = Vec<Span>;

pub fn plain(text: impl AsRef<str>) -> Span {
    Span {
        text: quotes(text.as_ref()),
        strong: false,
    }
}

pub fn strong(text: impl AsRef<str>) -> Span {
    Span {
        text: quotes(text.as_ref()),
        strong: true,
    }
}

/// One block of a document's body, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// "I. ĐẶC ĐIỂM TÌNH HÌNH": bold, kept with what follows.
    Heading(String),
    /// A paragraph, justified with its first line indented.
    Para(Line),
    /// "Kính gửi: …", centred.
    To(String),
    /// A bulleted list ("- …"), `tag` naming it for tests.
    List {
        items: Vec<Line>,
        tag: Option<&'static str>,
    },
    Table(Table),
}

/// A table whose header row repeats on every page and whose rows never
/// break across pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// A total row at the foot.
    pub foot: Option<Row>,
    pub tag: Option<&'static str>,
}

/// A column: its title and its share of the width, in percent, set by what
/// it holds (a number's column narrow, a name's wide).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub title: &'static str,
    pub width: u8,
}

/// A row: a cell per column, each one or more lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Vec<Line>>,
    /// A group's row (a criterion over its indicators), set apart.
    pub group: bool,
}

impl Row {
    /// A row of one-line cells.
    pub fn of(cells: impl IntoIterator<Item = Line>) -> Row {
        Row {
            cells: cells.into_iter().map(|line| vec![line]).collect(),
            group: false,
        }
    }
}

impl Table {
    /// A table of `columns` (title, width in percent), summing to 100.
    pub fn new(columns: &[(&'static str, u8)], rows: Vec<Row>) -> Table {
        debug_assert_eq!(columns.iter().map(|(_, w)| *w as u32).sum::<u32>(), 100);
        Table {
            columns: columns
                .iter()
                .map(|&(title, width)| Column { title, width })
                .collect(),
            rows,
            foot: None,
            tag: None,
        }
    }

    pub fn tagged(mut self, tag: &'static str) -> Table {
        self.tag = Some(tag);
        self
    }

    pub fn with_foot(mut self, foot: Row) -> Table {
        self.foot = Some(foot);
        self
    }
}

impl Document {
    /// Every text of the document in reading order, one line each: what a
    /// reader of the printed page or of the Word file sees.
    pub fn text(&self) -> Vec<String> {
        let line = |l: &Line| l.iter().map(|s| s.text.as_str()).collect::<String>();
        let mut out = Vec::new();
        let l = &self.letterhead;
        if !self.working_paper {
            out.extend([
                l.superior.to_uppercase(),
                l.issuer.to_uppercase(),
                l.number(),
            ]);
            out.extend([NATION.to_owned(), MOTTO.to_owned(), l.place_date()]);
        }
        out.extend([l.type_name.to_owned(), l.summary.clone()]);
        for block in &self.body {
            match block {
                Block::Heading(text) | Block::To(text) => out.push(text.clone()),
                Block::Para(l) => out.push(line(l)),
                Block::List { items, .. } => out.extend(items.iter().map(line)),
                Block::Table(t) => {
                    out.extend(t.columns.iter().map(|c| c.title.to_owned()));
                    for row in t.rows.iter().chain(&t.foot) {
                        out.extend(row.cells.iter().flatten().map(line));
                    }
                }
            }
        }
        match &self.closing {
            Closing::Signature => {
                out.push("Nơi nhận:".to_owned());
                out.extend(l.recipients.iter().cloned());
                out.extend([l.signer(), l.signer_name.clone()]);
            }
            Closing::Minutes { secretary } => {
                out.extend(["THƯ KÝ".to_owned(), secretary.clone()]);
                out.extend(l.chair());
                out.push(l.signer_name.clone());
            }
            Closing::None => {}
        }
        out.retain(|t| !t.trim().is_empty());
        out
    }
}

pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// One kind of quotation mark in a document: “ ” (Vietnamese official
/// documents), where a text came with « » (as some criteria sets write).
pub fn quotes(text: &str) -> String {
    text.replace('«', "“").replace('»', "”")
}

/// "bao-cao-tu-danh-gia_thon-dong-tam_2025": what, for whom, when.
pub fn file_name(what: &str, whom: &str, year: i32) -> String {
    format!("{what}_{}_{year}", crate::support::text::slug(whom))
}

/// A document's date: the one its user set, else the day its work was done
/// (`done`: an assessment's review meeting), else `today`.
pub fn date_of(texts: &ReportText, done: Option<Date>, today: Date) -> Date {
    texts.date.or(done).unwrap_or(today)
}

/// A result word in a document.
pub fn result_word(status: crate::domain::criteria::Outcome) -> &'static str {
    use crate::domain::criteria::Outcome;
    match status {
        Outcome::Passed => "Đạt",
        Outcome::Failed => "Chưa đạt",
        Outcome::Incomplete => "Chưa đủ thông tin",
        Outcome::NotApplicable => "Không áp dụng",
        Outcome::NotEvaluated => "—",
    }
}
