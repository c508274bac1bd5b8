//! The roll-up's cost as the number of received records grows, for `make
//! bench` (issue 23): at 1,000, 10,000 and 100,000 village files, the time
//! of reading them (each file through `read_file` and `received_from`),
//! checking them onto the shelf (duplicates, then "accept all"), the
//! consolidated table and the figures. Prints each step's time and its
//! growth per 10× as JSON; asserts nothing timed. n log n grows about 13×
//! per 10× here, n² 100×.
//!
//! `cargo run --release --example rollup_curve [SIZES…]`

use std::time::Instant;

use antq::catalog::builtin_sets;
use antq::domain::criteria::{Answer, IndicatorKind};
use antq::domain::rollup::figures::{by_kind, failed_most};
use antq::domain::rollup::table::table;
use antq::domain::rollup::{festival, Shelf};
use antq::domain::unit::UnitFields;
use antq::domain::{UnitId, UnitKind, Workspace};
use antq::format::exchange::{export_assessment, read_file};
use antq::format::rollup::received_from;

const YEAR: i32 = 2025;

/// The file of village `i`: every indicator met, but every seventh fails
/// one incident count.
fn village(i: usize, set: &antq::domain::criteria::CriteriaSet) -> String {
    let mut ws = Workspace::new();
    let id = UnitId::new(format!("u-thon-{i}"));
    ws.add_unit(
        id.clone(),
        UnitFields {
            name: format!("Thôn {i:06}"),
            kind: UnitKind::ResidentialArea,
            above: "xã Tân Lập".into(),
            parent: None,
            scope: Default::default(),
        },
    )
    .expect("a new unit");
    let aid = format!("a-{i}");
    ws.start_assessment(aid.clone(), &id, set, YEAR, false)
        .expect("a new assessment");
    ws.edit_assessment(&aid, |a| {
        for indicator in set.indicators() {
            let answer = match &indicator.kind {
                IndicatorKind::CountZero { .. } => Answer::Count {
                    count: u64::from(i.is_multiple_of(7) && indicator.id == "kdc-3a"),
                    handled: false,
                },
                IndicatorKind::YesNo { window } => Answer::YesNo {
                    value: true,
                    date: window.map(|w| w.from.in_year(YEAR)),
                },
                IndicatorKind::Rating { min_level, .. } => Answer::Rating {
                    level: Some(*min_level),
                    title: None,
                },
                IndicatorKind::Trend { .. } => Answer::trend(3, Some(4)),
                IndicatorKind::Percent { .. } | IndicatorKind::Derived { .. } => Answer::Ratio {
                    numerator: 25,
                    denominator: 25,
                },
                _ => continue,
            };
            a.set_answer(&indicator.id, Some(answer))?;
        }
        Ok(())
    })
    .expect("answers that fit");
    let assessment = ws.assessments()[0].clone();
    export_assessment(&ws, set, &assessment, "2025-11-01T08:00:00Z")
        .expect("an export")
        .text
}

fn seconds(start: Instant) -> f64 {
    start.elapsed().as_secs_f64()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number of records"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    let set = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu")
        .expect("the residential set");
    let mut rows = Vec::new();
    for &n in &sizes {
        let texts: Vec<String> = (0..n).map(|i| village(i, &set)).collect();
        let start = Instant::now();
        let mut records = Vec::with_capacity(n);
        for (i, text) in texts.iter().enumerate() {
            let incoming = read_file(text).expect("a good file");
            records.extend(
                received_from(&incoming, &format!("{i}.json"), "2025-12-01T08:00:00Z")
                    .expect("a record"),
            );
        }
        let reading = seconds(start);
        drop(texts);
        let start = Instant::now();
        let mut shelf = Shelf::default();
        let added = shelf.add(records).added.len();
        let accepted = shelf.accept_all().len();
        let checking = seconds(start);
        assert_eq!((added, accepted), (n, n));
        let start = Instant::now();
        let grid = table(&shelf, &set.id, YEAR);
        let tabling = seconds(start);
        assert_eq!(grid.rows.len(), n);
        let start = Instant::now();
        std::hint::black_box((
            by_kind(&shelf, YEAR),
            failed_most(&shelf, YEAR, 5),
            festival::totals(&shelf, YEAR),
        ));
        let figures = seconds(start);
        eprintln!("{n:>7} records: reading {reading:.3} s, checking {checking:.3} s, table {tabling:.3} s, figures {figures:.3} s");
        rows.push((n, [reading, checking, tabling, figures]));
    }
    // Each step's growth from one size to the next, per 10× more records.
    let steps = ["reading", "checking", "table", "figures"];
    let mut out = String::from("{\"sizes\":[");
    for (k, (n, times)) in rows.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&format!("{{\"records\":{n}"));
        for (name, t) in steps.iter().zip(times) {
            out.push_str(&format!(",\"{name}\":{t:.6}"));
        }
        out.push('}');
    }
    out.push_str("],\"growth_per_10x\":{");
    for (s, name) in steps.iter().enumerate() {
        let factors: Vec<String> = rows
            .windows(2)
            .map(|w| {
                let (n0, t0) = (w[0].0 as f64, w[0].1[s]);
                let (n1, t1) = (w[1].0 as f64, w[1].1[s]);
                // Normalised to a step of exactly 10×.
                let per10 = (t1 / t0.max(1e-9)).powf(1.0 / (n1 / n0).log10());
                format!("{per10:.2}")
            })
            .collect();
        if s > 0 {
            out.push(',');
        }
        out.push_str(&format!("\"{name}\":[{}]", factors.join(",")));
    }
    out.push_str("}}");
    println!("{out}");
}
