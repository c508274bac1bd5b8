//! A [`Document`] as a Word file (Office Open XML), in the layout of Nghị
//! định 30/2020 (Appendix I): A4; margins 20 mm top and bottom, 30 mm left,
//! 15 mm right; Times New Roman, the body in 14 pt; the header as a
//! borderless two-column table; "Nơi nhận" in 12 pt and its lines in 11 pt;
//! the page number centred at the top from page 2 (a first page of its
//! own). Tables are Word tables whose header row repeats on each page and
//! whose rows never break. All of it stays editable text.
//!
//! The parts are written here, not with docx-rs: that crate cannot repeat a
//! table's header row (`w:tblHeader`), and these parts are a few hundred
//! lines of XML (docs/size.md).

use std::fmt::Write as _;
use std::io::Write as _;

use super::xml::escape;
use crate::domain::document::{Block, Closing, Document, Line, Row, Table, MOTTO, NATION};

/// The text width: A4 (11906 twips) less the left and right margins.
const WIDTH: u32 = 11906 - LEFT - RIGHT;
/// 30 mm and 15 mm, in twips (1 mm = 56.7 twips).
const LEFT: u32 = 1701;
const RIGHT: u32 = 850;
/// 20 mm.
const TOP: u32 = 1134;
const BOTTOM: u32 = 1134;

/// Font sizes in half-points.
const BODY: u32 = 28;
/// The issuing body and the national name: 12 pt, so that the national
/// name holds on one line.
const HEADER: u32 = 24;
const TABLE: u32 = 26;
const RECIPIENTS_LABEL: u32 = 24;
const RECIPIENTS: u32 = 22;

/// The Word file of `doc`.
pub fn docx(doc: &Document) -> Vec<u8> {
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document(doc)),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/header1.xml", header(true)),
        ("word/header2.xml", header(false)),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        // Writing to memory cannot fail.
        zip.start_file(name, options).expect("a zip in memory");
        zip.write_all(text.as_bytes()).expect("a zip in memory");
    }
    zip.finish().expect("a zip in memory").into_inner()
}

/// Paragraph properties.
#[derive(Clone, Copy, Default)]
struct P {
    center: bool,
    justify: bool,
    indent: bool,
    keep_next: bool,
    /// Space after, in twips.
    after: u32,
    /// A short rule over the paragraph, a third of its width (under the issuer).
    rule: bool,
}

/// Run properties.
#[derive(Clone, Copy)]
struct R {
    size: u32,
    bold: bool,
    italic: bool,
    underline: bool,
}

const fn r(size: u32) -> R {
    R {
        size,
        bold: false,
        italic: false,
        underline: false,
    }
}

impl R {
    const fn bold(mut self) -> R {
        self.bold = true;
        self
    }
    const fn italic(mut self) -> R {
        self.italic = true;
        self
    }
    const fn underline(mut self) -> R {
        self.underline = true;
        self
    }
}

fn para(out: &mut String, p: P, runs: &[(&str, R)]) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.rule {
        out.push_str(
            r#"<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
        );
    }
    let _ = write!(out, r#"<w:spacing w:before="0" w:after="{}"/>"#, p.after);
    if p.indent {
        out.push_str(r#"<w:ind w:firstLine="567"/>"#);
    } else if p.rule {
        out.push_str(r#"<w:ind w:left="1000" w:right="1000"/>"#);
    }
    if p.center {
        out.push_str(r#"<w:jc w:val="center"/>"#);
    } else if p.justify {
        out.push_str(r#"<w:jc w:val="both"/>"#);
    }
    out.push_str("</w:pPr>");
    for (text, props) in runs {
        run(out, text, *props);
    }
    out.push_str("</w:p>");
}

fn run(out: &mut String, text: &str, p: R) {
    out.push_str("<w:r><w:rPr>");
    if p.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if p.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if p.underline {
        out.push_str(r#"<w:u w:val="single"/>"#);
    }
    let _ = write!(
        out,
        r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/></w:rPr>"#,
        p.size
    );
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("<w:br/>");
        }
        let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t>"#, escape(line));
    }
    out.push_str("</w:r>");
}

/// A line of spans as runs of `size`.
fn line_runs(line: &Line, size: u32) -> Vec<(&str, R)> {
    line.iter()
        .map(|s| {
            (
                s.text.as_str(),
                if s.strong { r(size).bold() } else { r(size) },
            )
        })
        .collect()
}

/// A table's start: its width, borders, fixed layout and columns.
fn table_start(out: &mut String, widths: &[u32], borders: bool) {
    let border = if borders { "single" } else { "nil" };
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{WIDTH}" w:type="dxa"/><w:tblBorders>"#
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            r#"<w:{side} w:val="{border}" w:sz="4" w:space="0" w:color="000000"/>"#
        );
    }
    out.push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#);
    for w in widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");
}

/// A row start: a header row repeats on each page; no row breaks across pages.
fn row_start(out: &mut String, header: bool) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
}

fn cell_start(out: &mut String, width: u32) {
    let _ = write!(
        out,
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
    );
}

/// Column widths in twips from their shares, the last taking the rest.
fn widths(shares: &[u8]) -> Vec<u32> {
    let mut out: Vec<u32> = shares.iter().map(|&s| WIDTH * s as u32 / 100).collect();
    if let Some(last) = out.last_mut() {
        *last += WIDTH - shares.iter().map(|&s| WIDTH * s as u32 / 100).sum::<u32>();
    }
    out
}

fn table(out: &mut String, t: &Table) {
    let widths = widths(&t.columns.iter().map(|c| c.width).collect::<Vec<_>>());
    table_start(out, &widths, true);
    row_start(out, true);
    for (column, &w) in t.columns.iter().zip(&widths) {
        cell_start(out, w);
        para(
            out,
            P {
                center: true,
                ..P::default()
            },
            &[(column.title, r(TABLE).bold())],
        );
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
    for row in t.rows.iter().chain(&t.foot) {
        table_row(out, row, &widths);
    }
    out.push_str("</w:tbl>");
}

fn table_row(out: &mut String, row: &Row, widths: &[u32]) {
    row_start(out, false);
    for (cell, &w) in row.cells.iter().zip(widths) {
        cell_start(out, w);
        if cell.is_empty() {
            // A cell holds at least one paragraph.
            para(out, P::default(), &[]);
        }
        for line in cell {
            let mut runs = line_runs(line, TABLE);
            if row.group {
                for (_, props) in &mut runs {
                    props.bold = true;
                }
            }
            para(out, P::default(), &runs);
        }
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
}

/// The header table: the issuing body left, the national name right.
fn letterhead(out: &mut String, doc: &Document) {
    let l = &doc.letterhead;
    let centre = P {
        center: true,
        ..P::default()
    };
    let widths = widths(&[40, 60]);
    table_start(out, &widths, false);
    row_start(out, false);
    cell_start(out, widths[0]);
    para(out, centre, &[(&l.superior.to_uppercase(), r(HEADER))]);
    para(out, centre, &[(&l.issuer.to_uppercase(), r(HEADER).bold())]);
    para(
        out,
        P {
            rule: true,
            after: 60,
            ..centre
        },
        &[],
    );
    para(out, centre, &[(&l.number(), r(HEADER))]);
    out.push_str("</w:tc>");
    cell_start(out, widths[1]);
    para(out, centre, &[(NATION, r(HEADER).bold())]);
    para(
        out,
        P {
            after: 120,
            ..centre
        },
        &[(MOTTO, r(BODY).bold().underline())],
    );
    para(out, centre, &[(&l.place_date(), r(BODY).italic())]);
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// The signature table: "Nơi nhận" left and the signer right, or the
/// secretary left and the chair right for minutes.
fn closing(out: &mut String, doc: &Document) {
    let l = &doc.letterhead;
    let centre = P {
        center: true,
        keep_next: true,
        ..P::default()
    };
    let (left, right): (Vec<(String, R)>, Vec<String>) = match &doc.closing {
        Closing::None => return,
        Closing::Signature => (
            std::iter::once(("Nơi nhận:".to_owned(), r(RECIPIENTS_LABEL).bold().italic()))
                .chain(l.recipients.iter().map(|x| (x.clone(), r(RECIPIENTS))))
                .collect(),
            vec![l.signer()],
        ),
        Closing::Minutes { .. } => (vec![("THƯ KÝ".to_owned(), r(BODY).bold())], l.chair()),
    };
    let widths = widths(&[50, 50]);
    out.push_str(r#"<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>"#);
    table_start(out, &widths, false);
    row_start(out, false);
    cell_start(out, widths[0]);
    let minutes = matches!(doc.closing, Closing::Minutes { .. });
    for (text, props) in &left {
        let p = if minutes {
            centre
        } else {
            P {
                keep_next: true,
                ..P::default()
            }
        };
        para(out, p, &[(text, *props)]);
    }
    if let Closing::Minutes { secretary } = &doc.closing {
        signature_space(out);
        para(out, centre, &[(secretary, r(BODY).bold())]);
    }
    out.push_str("</w:tc>");
    cell_start(out, widths[1]);
    for title in &right {
        para(out, centre, &[(title, r(BODY).bold())]);
    }
    signature_space(out);
    para(out, centre, &[(&l.signer_name, r(BODY).bold())]);
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// Room to sign and stamp: four empty lines.
fn signature_space(out: &mut String) {
    for _ in 0..4 {
        para(
            out,
            P {
                keep_next: true,
                ..P::default()
            },
            &[],
        );
    }
}

fn document(doc: &Document) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
    ));
    let l = &doc.letterhead;
    if !doc.working_paper {
        letterhead(&mut out, doc);
    }
    let title = P {
        center: true,
        keep_next: true,
        ..P::default()
    };
    out.push_str(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>"#);
    para(
        &mut out,
        P { after: 0, ..title },
        &[(l.type_name, r(BODY).bold())],
    );
    para(
        &mut out,
        P {
            after: 240,
            ..title
        },
        &[(&l.summary, r(BODY).bold())],
    );
    let last = doc.body.len().saturating_sub(1);
    for (n, block) in doc.body.iter().enumerate() {
        // The closing paragraph stays on the page of the signature.
        let keep = n == last && doc.closing != Closing::None;
        let body = P {
            justify: true,
            indent: true,
            after: 120,
            keep_next: keep,
            ..P::default()
        };
        match block {
            Block::Heading(text) => para(
                &mut out,
                P {
                    keep_next: true,
                    after: 120,
                    ..P::default()
                },
                &[(text, r(BODY).bold())],
            ),
            Block::To(text) => para(
                &mut out,
                P {
                    after: 120,
                    ..title
                },
                &[(text, r(BODY))],
            ),
            Block::Para(line) => para(&mut out, body, &line_runs(line, BODY)),
            Block::List { items, .. } => {
                for item in items {
                    let mut runs = vec![("- ", r(BODY))];
                    runs.extend(line_runs(item, BODY));
                    para(&mut out, P { after: 60, ..body }, &runs);
                }
            }
            Block::Table(t) => table(&mut out, t),
        }
    }
    closing(&mut out, doc);
    let _ = write!(
        out,
        concat!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdFirst"/>"#,
            r#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" w:header="567" w:footer="567" w:gutter="0"/>"#,
            r#"<w:titlePg/></w:sectPr></w:body></w:document>"#
        ),
        TOP = TOP,
        RIGHT = RIGHT,
        BOTTOM = BOTTOM,
        LEFT = LEFT
    );
    out
}

/// The page header: the page number, centred, or nothing (the first page).
fn header(numbered: bool) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#
    ));
    if numbered {
        let size = format!(r#"<w:rPr><w:sz w:val="{BODY}"/></w:rPr>"#);
        let _ = write!(
            out,
            concat!(
                r#"<w:r>{0}<w:fldChar w:fldCharType="begin"/></w:r>"#,
                r#"<w:r>{0}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
                r#"<w:r>{0}<w:fldChar w:fldCharType="separate"/></w:r>"#,
                r#"<w:r>{0}<w:t>2</w:t></w:r>"#,
                r#"<w:r>{0}<w:fldChar w:fldCharType="end"/></w:r>"#
            ),
            size
        );
    }
    out.push_str("</w:p></w:hdr>");
    out
}

/// The file's title, in its properties.
fn core(doc: &Document) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#,
            r#"<dc:title>{}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>"#
        ),
        escape(&format!(
            "{} {}",
            doc.letterhead.type_name, doc.letterhead.summary
        ))
    )
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"</Types>"#
);

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"</Relationships>"#
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#,
    r#"<Relationship Id="rIdFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>"#,
    r#"</Relationships>"#
);

/// Times New Roman, 14 pt, Vietnamese, single spacing.
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
    r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#,
    r#"<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/>"#,
    r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
    r#"</w:styles>"#
);
