//! The Word and Excel files, opened as the zip packages they are: the parts
//! that make the Nghị định 30/2020 layout (page, margins, fonts, the header
//! table, the page number from page 2, repeated table headers, rows that
//! do not break), the text of the document, and the workbook's formulas.

use std::io::Read;

use antq::domain::assessment::{Assessment, ReportText};
use antq::domain::calendar::Date;
use antq::domain::criteria::{evaluate, Context, CriteriaSet};
use antq::domain::document::{self, assessment::Paper, Document, Fields};
use antq::domain::festival::FestivalPlan;
use antq::domain::rollup::figures::{by_kind, failed_most, YearFigures};
use antq::domain::rollup::table::table;
use antq::domain::rollup::Shelf;
use antq::domain::UnitId;
use antq::format::office::{docx::docx, xlsx};

use super::rollup::{plain, receive, set, village};
use super::support::{all_passing, YEAR};

fn day() -> Date {
    Date::new(2025, 11, 20).unwrap()
}

fn reason(_: &antq::domain::criteria::Reason, _: &antq::domain::criteria::IndicatorKind) -> String {
    "lý do có số".to_owned()
}

/// The report of a village whose texts carry characters XML must escape.
fn report(paper: Paper) -> (Document, CriteriaSet) {
    let kdc = set("tt124-khu-dan-cu");
    let mut a = answered(
        Assessment::new("a".into(), UnitId::new("u"), kdc.key(), YEAR),
        &kdc,
    );
    a.set_report(ReportText {
        situation: "Thôn có 320 hộ <dân> & 1.250 nhân khẩu, \"đoàn kết\".".into(),
        superior_body: "UBND xã Tân Lập".into(),
        signer_title: "Trưởng thôn".into(),
        signer_name: "Nguyễn Văn An".into(),
        secretary: "Lê Thị Hoa".into(),
        participants: "Bí thư chi bộ\nTrưởng thôn".into(),
        place: "Đông Tâm".into(),
        ..ReportText::default()
    })
    .unwrap();
    let evaluation = evaluate(&kdc, a.answers(), &Context::default(), YEAR);
    let doc = document::assessment::paper(
        paper,
        &document::assessment::Dossier {
            assessment: &a,
            set: &kdc,
            evaluation: &evaluation,
            unit: "Thôn Đông Tâm",
            fields: &Fields::default(),
            today: day(),
            reason: &reason,
        },
    );
    (doc, kdc)
}

/// The parts of a zip package, by name.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).expect("UTF-8 XML");
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or_else(|| panic!("no part {name}"))
}

/// Well-formed XML: every tag closed in order, every `&` an entity.
fn well_formed(xml: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..text[i..].find(';').map(|e| i + e + 1).unwrap_or(text.len())];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                "bare & in {text}"
            );
        }
        let end = rest[start..].find('>').expect("a closed tag") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        let name = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap();
        if tag.starts_with('/') {
            assert_eq!(stack.pop(), Some(name), "closing {name}");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

/// The text of each paragraph of a part, its runs joined.
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("<w:p>")
        .skip(1)
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap();
            p.split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .map(|t| t.split("</w:t>").next().unwrap())
                .collect::<Vec<_>>()
                .join("")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
        })
        .collect()
}

#[test]
fn the_report_is_a4_with_nd30_margins_fonts_header_table_and_page_numbers_from_page_2() {
    let (doc, _) = report(Paper::Report);
    let parts = parts(&docx(&doc));
    for (_, xml) in &parts {
        well_formed(xml);
    }
    let body = part(&parts, "word/document.xml");
    // A4, margins: top and bottom 20 mm, left 30 mm, right 15 mm.
    assert!(body.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(body.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#));
    // A first page of its own, numbered from the second: the default header
    // holds the PAGE field, the first page's is empty.
    assert!(body.contains("<w:titlePg/>"));
    assert!(body.contains(r#"<w:headerReference w:type="default" r:id="rIdHeader"/>"#));
    assert!(body.contains(r#"<w:headerReference w:type="first" r:id="rIdFirst"/>"#));
    let rels = part(&parts, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rIdHeader""#) && rels.contains(r#"Target="header1.xml""#));
    assert!(part(&parts, "word/header1.xml").contains("> PAGE <"));
    assert!(part(&parts, "word/header1.xml").contains(r#"<w:jc w:val="center"/>"#));
    assert!(!part(&parts, "word/header2.xml").contains("PAGE"));
    // Times New Roman, 14 pt.
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));
    assert!(styles.contains(r#"<w:sz w:val="28"/>"#));
    // The header: a borderless table of two cells, the issuing body left,
    // the national name and the underlined motto right.
    let header = body.split("</w:tbl>").next().unwrap();
    assert!(header.contains(r#"<w:top w:val="nil""#));
    let cells: Vec<&str> = header.split("<w:tc>").skip(1).collect();
    assert_eq!(cells.len(), 2);
    assert!(paragraphs(cells[0]).contains(&"UBND XÃ TÂN LẬP".to_owned()));
    assert!(paragraphs(cells[0]).contains(&"THÔN ĐÔNG TÂM".to_owned()));
    assert!(paragraphs(cells[0]).contains(&"Số:        /BC".to_owned()));
    assert!(cells[1].contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    let motto = cells[1]
        .split("Độc lập - Tự do - Hạnh phúc")
        .next()
        .unwrap();
    assert!(motto
        .rsplit("<w:r>")
        .next()
        .unwrap()
        .contains(r#"<w:u w:val="single"/>"#));
    let place_date = cells[1]
        .split("Đông Tâm, ngày 20 tháng 11 năm 2025")
        .next()
        .unwrap();
    assert!(place_date
        .rsplit("<w:r>")
        .next()
        .unwrap()
        .contains("<w:i/>"));
    // "Nơi nhận" in 12 pt bold italic.
    let label = body
        .split("Nơi nhận:")
        .next()
        .unwrap()
        .rsplit("<w:r>")
        .next()
        .unwrap();
    assert!(
        label.contains(r#"<w:sz w:val="24"/>"#)
            && label.contains("<w:b/>")
            && label.contains("<w:i/>")
    );
}

#[test]
fn the_reports_tables_repeat_their_header_row_and_no_row_breaks_across_pages() {
    let (doc, kdc) = report(Paper::Report);
    let body = part(&parts(&docx(&doc)), "word/document.xml").to_owned();
    let tables: Vec<&str> = body.split("<w:tbl>").skip(1).collect();
    // Header, results, signature.
    assert_eq!(tables.len(), 3);
    let results = tables[1];
    let rows: Vec<&str> = results.split("<w:tr>").skip(1).collect();
    // A row per criterion and per indicator, under the header row.
    let indicators: usize = kdc.criteria().map(|c| c.indicators.len()).sum();
    assert_eq!(rows.len(), 1 + kdc.criteria().count() + indicators);
    assert!(rows[0].contains("<w:tblHeader/>"));
    assert!(rows.iter().skip(1).all(|r| !r.contains("<w:tblHeader/>")));
    assert!(rows.iter().all(|r| r.contains("<w:cantSplit/>")));
    // Columns by what they hold: the number's narrow, the criteria wide.
    let grid: Vec<u32> = results
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|w| w.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.iter().sum::<u32>(), 11906 - 1701 - 850);
    assert!(grid[0] < grid[1] / 4, "{grid:?}");
    // The closing paragraph keeps with the signature.
    let before_signature = tables[1].rsplit("</w:tbl>").next().unwrap();
    assert!(before_signature.contains("<w:keepNext/>"));
}

#[test]
fn every_text_of_every_document_is_in_its_word_file_as_editable_text() {
    let (plan, unit) = festival();
    let mut documents: Vec<Document> = Paper::ALL.iter().map(|p| report(*p).0).collect();
    documents.extend(
        document::festival::Paper::ALL
            .iter()
            .map(|p| document::festival::paper(*p, &plan, unit, &Fields::default(), day())),
    );
    for doc in &documents {
        let parts = parts(&docx(doc));
        let body = part(&parts, "word/document.xml");
        let text = paragraphs(body).join("\n");
        for line in doc.text() {
            assert!(text.contains(&line), "{}: «{line}» is missing", doc.name);
        }
        assert!(!body.contains("<w:drawing") && !body.contains("<w:pict"));
    }
    // The escaped characters come back as they were typed.
    let report = &documents[0];
    assert!(report.text().iter().any(|l| l.contains("<dân> & 1.250")));
    assert_eq!(report.name, "bao-cao-tu-danh-gia_thon-dong-tam_2025");
    // The minutes are signed by the secretary and the chair; the run-sheet by no one.
    let minutes = paragraphs(part(&parts(&docx(&documents[2])), "word/document.xml"));
    for line in [
        "THƯ KÝ",
        "Lê Thị Hoa",
        "CHỦ TRÌ",
        "TRƯỞNG THÔN",
        "Nguyễn Văn An",
    ] {
        assert!(minutes.contains(&line.to_owned()), "{line}");
    }
    let run_sheet = part(&parts(&docx(&documents[5])), "word/document.xml").to_owned();
    assert!(!run_sheet.contains("Nơi nhận") && !run_sheet.contains("CỘNG HÒA"));
    assert!(run_sheet.contains("CHƯƠNG TRÌNH VÀ PHÂN CÔNG"));
}

#[test]
fn a_document_has_one_kind_of_quotation_marks() {
    let (mut plan, unit) = festival();
    plan.title = "Ngày hội «Toàn dân bảo vệ an ninh Tổ quốc»".into();
    let doc = document::festival::paper(
        document::festival::Paper::Plan,
        &plan,
        unit,
        &Fields::default(),
        day(),
    );
    let text = doc.text().join("\n");
    assert!(text.contains("“Toàn dân bảo vệ an ninh Tổ quốc”"));
    assert!(text.contains("“Ngày hội toàn dân bảo vệ an ninh Tổ quốc”"));
    assert!(!text.contains('«') && !text.contains('»'));
}

fn festival() -> (FestivalPlan, &'static str) {
    let mut plan = FestivalPlan::new(
        "p".into(),
        UnitId::new("u"),
        2025,
        "Ngày hội toàn dân bảo vệ ANTQ năm 2025".into(),
    );
    plan.venue = "Nhà văn hóa thôn".into();
    plan.date = Some(Date::new(2025, 8, 15).unwrap());
    plan.time = Some(7 * 60 + 30);
    antq::catalog::festival_template().apply(&mut plan, antq::domain::Language::Vi);
    plan.report.participants = Some(250);
    (plan, "Thôn Đông Tâm")
}

/// A commune's shelf of 2025: four villages, one failing, two recognised.
fn shelf() -> Shelf {
    let kdc = set("tt124-khu-dan-cu");
    let mut shelf = Shelf::default();
    for (i, failing) in [&[][..], &["kdc-3a"][..], &[][..], &[][..]]
        .into_iter()
        .enumerate()
    {
        let mut v = plain(&format!("u-{i}"), &format!("Thôn {i}"), failing);
        v.recognised = i % 2 == 0 && failing.is_empty();
        receive(&mut shelf, &village(&v, &kdc), "f.json").unwrap();
    }
    shelf.accept_all();
    shelf
}

#[test]
fn the_rollup_workbook_counts_with_formulas_and_keeps_reasons_in_notes() {
    let shelf = shelf();
    let kdc = set("tt124-khu-dan-cu");
    let grid = table(&shelf, &kdc.id, 2025);
    let bytes = xlsx::workbook(&xlsx::Rollup {
        year: 2025,
        shelf: &shelf,
        grids: vec![(kdc.title.vi.clone(), grid)],
        threshold: Some(70),
        reason: &reason,
    })
    .unwrap();
    let parts = parts(&bytes);
    for (_, xml) in &parts {
        well_formed(xml);
    }
    let workbook = part(&parts, "xl/workbook.xml");
    assert!(workbook.contains("name=\"Số liệu\"") && workbook.contains("name=\"Ngày hội\""));
    let strings = part(&parts, "xl/sharedStrings.xml");
    for word in ["Đơn vị", "Được công nhận", "Thôn 1", "Chưa đạt"] {
        assert!(strings.contains(word), "{word}");
    }
    // The set's sheet: frozen header and unit column, filters on the header.
    let sheet = part(&parts, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("state=\"frozen\""));
    assert!(sheet.contains("<autoFilter ref=\"A1:"));
    assert!(sheet.contains("<cols>"));
    // The figures: formulas over the set's sheet, not pasted numbers.
    let figures = part(&parts, "xl/worksheets/sheet2.xml");
    for formula in ["COUNTA(", "COUNTIF(", "\"Có\"", "E2/B2", "IF(F2&gt;=G2"] {
        assert!(figures.contains(formula), "{formula} in {figures}");
    }
    assert!(figures.contains("<f>"));
    // The reasons, in notes.
    let notes = parts
        .iter()
        .find(|(n, _)| n.starts_with("xl/comments"))
        .map(|(_, t)| t.clone())
        .expect("a notes part");
    assert!(notes.contains("lý do có số"));
    // The festival sheet sums with formulas.
    assert!(part(&parts, "xl/worksheets/sheet3.xml").contains("<f>SUM(B2:B"));
    // The tables and counts it makes agree with the domain's.
    let kinds = by_kind(&shelf, 2025);
    assert_eq!(
        (kinds[0].units, kinds[0].passed, kinds[0].recognised),
        (4, 3, 2)
    );
    let figures = YearFigures {
        year: 2025,
        kinds,
        previous: None,
        derived: Vec::new(),
        failed_most: failed_most(&shelf, 2025, 5),
        failed_before: None,
        festival: Default::default(),
    };
    // The summary report names the failing village and its criterion.
    let grid = table(&shelf, &kdc.id, 2025);
    let (fields, texts) = (Fields::default(), ReportText::default());
    let receiver = document::rollup::Receiver {
        name: "Xã Tân Lập",
        above: "Công an huyện",
        fields: &fields,
        texts: &texts,
    };
    let summary = document::rollup::summary(&receiver, &shelf, &figures, Some(&grid), day());
    let text = paragraphs(part(&parts_of(&summary), "word/document.xml")).join("\n");
    assert!(text.contains("Thôn 1: kdc-3"), "{text}");
    assert!(text.contains("đã tiếp nhận và chấp nhận 4 tệp của 4 đơn vị"));
    assert!(text.contains("- Công an huyện;"));
    assert_eq!(summary.name, "bao-cao-tong-hop_xa-tan-lap_2025");
}

fn parts_of(doc: &Document) -> Vec<(String, String)> {
    parts(&docx(doc))
}

#[test]
fn the_units_fields_head_every_paper_its_date_is_the_meetings_and_its_symbol_names_the_issuer() {
    let kdc = set("tt124-khu-dan-cu");
    let mut a = answered(
        Assessment::new("a".into(), UnitId::new("u"), kdc.key(), YEAR),
        &kdc,
    );
    // Typed on the report's own form before the fields were the unit's.
    let mut typed = a.report().clone();
    typed.signer_name = "Người ký cũ".into();
    typed.place = "Đông Tâm".into();
    a.set_report(typed).unwrap();
    let evaluation = evaluate(&kdc, a.answers(), &Context::default(), YEAR);
    let fields = Fields {
        issuing_body: "Ban công tác Mặt trận thôn Đông Tâm".into(),
        abbreviation: "BCTMT".into(),
        signer_name: "Nguyễn Văn An".into(),
        ..Fields::default()
    };
    let paper = |a: &Assessment| {
        document::assessment::paper(
            Paper::Report,
            &document::assessment::Dossier {
                assessment: a,
                set: &kdc,
                evaluation: &evaluation,
                unit: "Thôn Đông Tâm",
                fields: &fields,
                today: day(),
                reason: &reason,
            },
        )
    };
    let doc = paper(&a);
    let l = &doc.letterhead;
    // The unit's own fields win; what it has not typed comes from the form.
    assert_eq!(l.issuer, "Ban công tác Mặt trận thôn Đông Tâm");
    assert_eq!(l.signer_name, "Nguyễn Văn An");
    assert_eq!(l.place, "Đông Tâm");
    assert_eq!(l.number(), "Số:        /BC-BCTMT");
    // Not yet reviewed: today.
    assert_eq!(l.date, Some(day()));
    // Locked after the review meeting: the meeting's day, not the day of printing.
    let meeting = Date::new(2025, 10, 28).unwrap();
    a.lock("Nguyễn Văn An", meeting).unwrap();
    assert_eq!(paper(&a).letterhead.date, Some(meeting));
    assert_eq!(
        paper(&a).letterhead.place_date(),
        "Đông Tâm, ngày 28 tháng 10 năm 2025"
    );
    // A date set on the dossier wins over both.
    let set_on = Date::new(2025, 11, 2).unwrap();
    let mut dated = a.report().clone();
    dated.date = Some(set_on);
    a.set_report(dated).unwrap();
    assert_eq!(paper(&a).letterhead.date, Some(set_on));
    // The festival's papers take the same fields.
    let (plan, unit) = festival();
    let festival =
        document::festival::paper(document::festival::Paper::Plan, &plan, unit, &fields, day());
    assert_eq!(festival.letterhead.issuer, fields.issuing_body);
    assert_eq!(festival.letterhead.number(), "Số:        /KH-BCTMT");
}

/// A draft that meets every indicator of `set`.
fn answered(a: Assessment, set: &CriteriaSet) -> Assessment {
    let answers = serde_json::to_value(all_passing(set)).unwrap();
    super::support::altered(&a, &[("answers", answers)])
}
