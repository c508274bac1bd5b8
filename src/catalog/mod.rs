//! The built-in criteria sets and the festival template, one JSON file
//! each, embedded at build time.
//!
//! They are read through the same decoders as an imported file, so a
//! built-in set is held to every rule a user's set is.

use crate::domain::criteria::CriteriaSet;
use crate::domain::festival::FestivalTemplate;
use crate::format::criteria::decode_criteria_set;
use crate::format::festival::decode_festival_template;

/// The festival template's file.
pub const FESTIVAL_TEMPLATE: &str = include_str!("festival-template.json");

/// The built-in festival template, read once.
pub fn festival_template() -> &'static FestivalTemplate {
    static TEMPLATE: std::sync::OnceLock<FestivalTemplate> = std::sync::OnceLock::new();
    TEMPLATE.get_or_init(|| {
        decode_festival_template(FESTIVAL_TEMPLATE)
            .expect("the built-in festival template is valid (a test checks it)")
    })
}

/// The embedded files, by file name.
pub const FILES: [(&str, &str); 10] = [
    (
        "tt124-khu-dan-cu.json",
        include_str!("tt124-khu-dan-cu.json"),
    ),
    ("tt124-xa-phuong.json", include_str!("tt124-xa-phuong.json")),
    (
        "tt124-co-quan-doanh-nghiep.json",
        include_str!("tt124-co-quan-doanh-nghiep.json"),
    ),
    (
        "tt124-co-so-giao-duc.json",
        include_str!("tt124-co-so-giao-duc.json"),
    ),
    (
        "ntm-19-2-2021-2025.json",
        include_str!("ntm-19-2-2021-2025.json"),
    ),
    (
        "ntm-nang-cao-19-2-2021-2025.json",
        include_str!("ntm-nang-cao-19-2-2021-2025.json"),
    ),
    (
        "ntm-2026-2030-tieu-chi-10.json",
        include_str!("ntm-2026-2030-tieu-chi-10.json"),
    ),
    (
        "do-thi-van-minh-tieu-chi-4.json",
        include_str!("do-thi-van-minh-tieu-chi-4.json"),
    ),
    (
        "cong-an-phuong-kieu-mau.json",
        include_str!("cong-an-phuong-kieu-mau.json"),
    ),
    (
        "qd510-co-quan-doanh-nghiep.json",
        include_str!("qd510-co-quan-doanh-nghiep.json"),
    ),
];

/// Earlier versions of built-in sets, kept as they shipped so that an
/// assessment made with one still opens and evaluates as it did.
pub const PAST: [(&str, &str); 6] = [
    (
        "tt124-khu-dan-cu.v1.json",
        include_str!("past/tt124-khu-dan-cu.v1.json"),
    ),
    (
        "tt124-xa-phuong.v1.json",
        include_str!("past/tt124-xa-phuong.v1.json"),
    ),
    (
        "tt124-co-quan-doanh-nghiep.v1.json",
        include_str!("past/tt124-co-quan-doanh-nghiep.v1.json"),
    ),
    (
        "tt124-co-so-giao-duc.v1.json",
        include_str!("past/tt124-co-so-giao-duc.v1.json"),
    ),
    (
        "qd510-co-quan-doanh-nghiep.v1.json",
        include_str!("past/qd510-co-quan-doanh-nghiep.v1.json"),
    ),
    (
        "cong-an-phuong-kieu-mau.v1.json",
        include_str!("past/cong-an-phuong-kieu-mau.v1.json"),
    ),
];

/// Every built-in set, the current versions first (in `FILES`' order),
/// then the past ones. A file that fails its checks is left out rather than
/// break the app; `tests` make sure none does.
pub fn builtin_sets() -> Vec<CriteriaSet> {
    FILES
        .iter()
        .chain(PAST.iter())
        .filter_map(|(_, text)| decode_criteria_set(text).ok())
        .map(|set| set.into_inner())
        .collect()
}
