//! Exchange files: envelopes, round trips, a golden fixture per schema
//! version, the preview of an import, and a corpus of bad inputs.

use antq::catalog::builtin_sets;
use antq::domain::assessment::Evidence;
use antq::domain::calendar::Date;
use antq::domain::context::context_for;
use antq::domain::criteria::{evaluate, Answer, Outcome};
use antq::domain::unit::UnitFields;
use antq::domain::{UnitId, UnitKind, Workspace};
use antq::format::exchange::{
    export_assessment, export_workspace, read_file, FileKind, EXCHANGE_SCHEMA_VERSION,
    MAX_IMPORT_BYTES,
};
use antq::format::merge::{apply, preview, Decision, Target};
use antq::format::{LoadError, ProblemKind};

const AT: &str = "2025-11-01T08:00:00Z";

fn village_workspace() -> Workspace {
    let mut ws = Workspace::new();
    ws.add_unit(
        UnitId::new("u-thon-dong"),
        UnitFields {
            name: "Thôn Đồng".into(),
            kind: UnitKind::ResidentialArea,
            above: "xã Tân Lập".into(),
            parent: None,
            scope: Default::default(),
        },
    )
    .unwrap();
    // The first version of the set, which the golden files name: still built in.
    let kdc = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu" && s.version == 1)
        .unwrap();
    ws.start_assessment(
        "a-2025".into(),
        &UnitId::new("u-thon-dong"),
        &kdc,
        2025,
        false,
    )
    .unwrap();
    ws.edit_assessment("a-2025", |a| {
        a.set_answer(
            "kdc-1a",
            Some(Answer::YesNo {
                value: true,
                date: Date::new(2025, 2, 15),
            }),
        )?;
        a.set_answer(
            "kdc-3a",
            Some(Answer::Count {
                count: 0,
                handled: false,
            }),
        )?;
        a.set_evidence(
            "kdc-1a",
            Evidence {
                notes: "Nghị quyết số 02-NQ/CB; \"trích\" <b>".into(),
                documents: vec![],
            },
        )
    })
    .unwrap();
    ws
}

#[test]
fn a_workspace_backup_round_trips_and_matches_its_golden_file() {
    let ws = village_workspace();
    let exported = export_workspace(&ws, AT, (2025, 11, 1));
    assert_eq!(exported.file_name, "antq_sao-luu_2025-11-01.json");
    assert_eq!(
        (
            exported.summary.units,
            exported.summary.assessments,
            exported.summary.notes
        ),
        (1, 1, 1)
    );
    let back = read_file(&exported.text).unwrap();
    assert_eq!(back.kind, FileKind::Workspace);
    assert_eq!(back.workspace.as_ref(), Some(&ws));
    // The golden file of the current schema version is exactly what this
    // build writes; it opens, and exporting it again gives the same text.
    let fixture = |version: u32| {
        format!(
            "{}/tests/fixtures/v{version}-workspace.json",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let golden_path = fixture(EXCHANGE_SCHEMA_VERSION);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&golden_path, &exported.text).unwrap();
    }
    let golden = std::fs::read_to_string(&golden_path).unwrap();
    let opened = read_file(&golden).unwrap().workspace.unwrap();
    assert_eq!(opened, ws);
    assert_eq!(export_workspace(&opened, AT, (2025, 11, 1)).text, golden);
    // The golden files of every older version still open to the same workspace.
    let content =
        |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap()["content"].clone();
    for version in 1..EXCHANGE_SCHEMA_VERSION {
        let old = std::fs::read_to_string(fixture(version)).unwrap();
        assert_eq!(
            read_file(&old).unwrap().workspace.unwrap(),
            ws,
            "v{version}"
        );
        assert_eq!(content(&old), content(&golden), "v{version}");
    }
}

#[test]
fn the_checksum_covers_the_content_bytes_as_written() {
    use antq::format::exchange::{open_file, sha256_hex};
    let file = export_workspace(&village_workspace(), AT, (2025, 11, 1)).text;
    let opened = open_file(&file).unwrap();
    let bytes = opened
        .to_hash()
        .expect("a current file is hashed by the caller");
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["checksum"], sha256_hex(bytes));
    // Where they lie in the text, for hashing the bytes it was read from;
    // a byte-order mark before the file moves them.
    assert_eq!(&file.as_bytes()[opened.hash_range().unwrap()], bytes);
    let marked = format!("\u{feff}{file}");
    let range = open_file(&marked).unwrap().hash_range().unwrap();
    assert_eq!(&marked.as_bytes()[range.clone()], bytes);
    assert_eq!(range.start, opened.hash_range().unwrap().start + 3);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(bytes).unwrap(),
        value["content"]
    );
    // A wrong digest, or none, is a damaged file; the right one reads.
    assert_eq!(
        open_file(&file)
            .unwrap()
            .finish(Some(&"0".repeat(64)))
            .err(),
        Some(LoadError::ChecksumMismatch)
    );
    assert_eq!(
        open_file(&file).unwrap().finish(None).err(),
        Some(LoadError::ChecksumMismatch)
    );
    let digest = sha256_hex(bytes);
    assert!(open_file(&file).unwrap().finish(Some(&digest)).is_ok());
    // In a current file even white space inside the content counts...
    let spaced = file.replacen("\"units\":[", "\"units\": [", 1);
    assert_ne!(spaced, file);
    assert_eq!(read_file(&spaced).err(), Some(LoadError::ChecksumMismatch));
    // ...while white space around it does not.
    let roomy = file.replacen("\"content\": ", "\"content\":\n\n   ", 1);
    assert_ne!(roomy, file);
    assert!(read_file(&roomy).is_ok());
    // A version-1 file's checksum was of the content written canonically,
    // so its own white space never mattered.
    let mut v1: serde_json::Value = value.clone();
    v1["schema_version"] = 1.into();
    v1["checksum"] = antq::format::exchange::checksum(&v1["content"]).into();
    let v1 = serde_json::to_string_pretty(&v1).unwrap();
    assert!(open_file(&v1).unwrap().to_hash().is_none());
    assert!(open_file(&v1).unwrap().hash_range().is_none());
    assert_eq!(
        read_file(&v1).unwrap().workspace,
        read_file(&file).unwrap().workspace
    );
    // A repeated field in a current envelope is named, never guessed.
    let twice = file.replacen(
        "\"kind\": \"workspace\"",
        "\"kind\": \"workspace\", \"kind\": \"workspace\"",
        1,
    );
    assert!(matches!(read_file(&twice), Err(LoadError::Invalid { .. })));
}

#[test]
fn an_assessment_travels_with_its_set_and_is_evaluated_by_the_receiver() {
    let village = village_workspace();
    let a = village.assessment("a-2025").unwrap();
    let kdc = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu" && s.version == 1)
        .unwrap();
    let file = export_assessment(&village, &kdc, a, AT).unwrap();
    assert_eq!(file.file_name, "2025_thon-dong_tu-danh-gia.json");
    assert_eq!(file.summary.criteria, 5);

    let commune = super::support::commune();
    let incoming = read_file(&file.text).unwrap();
    let changes = preview(&commune, &builtin_sets(), &incoming);
    let decisions: Vec<_> = changes
        .iter()
        .map(|c| (c.target.clone(), c.decision))
        .collect();
    assert_eq!(
        decisions,
        vec![
            (Target::Unit(UnitId::new("u-thon-dong")), Decision::New),
            (Target::CriteriaSet(kdc.key()), Decision::Identical),
            (Target::Assessment("a-2025".into()), Decision::New),
        ]
    );
    let after = apply(&commune, &builtin_sets(), &incoming, &changes);
    assert_eq!(
        commune.assessments().len(),
        0,
        "the preview changes nothing"
    );
    let received = after.assessment("a-2025").unwrap();
    let eval = evaluate(
        &kdc,
        received.answers(),
        &context_for(&after, received, &kdc),
        2025,
    );
    assert_eq!(
        eval.indicators[&"kdc-3a".to_owned()].status,
        Outcome::Passed
    );
    // The same file again changes nothing.
    let again = preview(&after, &builtin_sets(), &incoming);
    assert!(again
        .iter()
        .all(|c| c.decision == Decision::Identical && !c.apply));
}

#[test]
fn a_later_status_is_newer_an_earlier_one_older() {
    let mut village = village_workspace();
    let kdc = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu" && s.version == 1)
        .unwrap();
    let draft =
        export_assessment(&village, &kdc, village.assessment("a-2025").unwrap(), AT).unwrap();
    village
        .edit_assessment("a-2025", |a| {
            a.lock("Trưởng thôn", Date::new(2025, 11, 1).unwrap())
        })
        .unwrap();
    let locked =
        export_assessment(&village, &kdc, village.assessment("a-2025").unwrap(), AT).unwrap();
    let mut other = village_workspace();
    let newer = preview(&other, &builtin_sets(), &read_file(&locked.text).unwrap());
    assert_eq!(newer.last().unwrap().decision, Decision::Newer);
    assert!(newer.last().unwrap().apply);
    other = apply(
        &other,
        &builtin_sets(),
        &read_file(&locked.text).unwrap(),
        &newer,
    );
    let older = preview(&other, &builtin_sets(), &read_file(&draft.text).unwrap());
    assert_eq!(older.last().unwrap().decision, Decision::Older);
    assert!(!older.last().unwrap().apply);
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let good = export_workspace(&village_workspace(), AT, (2025, 11, 1)).text;
    type Expect = fn(&LoadError) -> bool;
    let cases: Vec<(String, Expect)> = vec![
        (good[..good.len() / 2].to_owned(), |e| {
            matches!(e, LoadError::NotJson { .. })
        }),
        ("{\"type\":\"excalidraw\"}".into(), |e| {
            matches!(e, LoadError::NotOurs { .. })
        }),
        (
            good.replace(
                &format!("\"schema_version\": {EXCHANGE_SCHEMA_VERSION}"),
                "\"schema_version\": 9",
            ),
            |e| matches!(e, LoadError::NewerSchema { found: 9, .. }),
        ),
        (
            good.replace("\"kind\": \"workspace\"", "\"kind\": \"spreadsheet\""),
            |e| matches!(e, LoadError::Invalid { .. }),
        ),
        (good.replace("Thôn Đồng", "Thôn Đông"), |e| {
            matches!(e, LoadError::ChecksumMismatch)
        }),
        ("[".repeat(10_000), |e| {
            matches!(e, LoadError::NotJson { .. })
        }),
        (" ".repeat(MAX_IMPORT_BYTES + 1), |e| {
            matches!(e, LoadError::TooLarge { .. })
        }),
        ("\"antq\"".into(), |e| {
            matches!(e, LoadError::NotOurs { .. })
        }),
    ];
    for (text, expected) in cases {
        let error = read_file(&text)
            .err()
            .unwrap_or_else(|| panic!("accepted: {}", &text[..text.len().min(80)]));
        assert!(expected(&error), "{error:?}");
    }
    // Wrong types inside the content name their path.
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["content"]["units"][0]["name"] = 42.into();
    value["checksum"] = antq::format::exchange::checksum(&value["content"]).into();
    match read_file(&value.to_string()) {
        Err(LoadError::Invalid { problems }) => {
            assert_eq!(problems[0].path, "content.units[0].name");
            assert_eq!(
                problems[0].kind,
                ProblemKind::WrongType { expected: "text" }
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_byte_order_mark_html_and_decomposed_text_are_accepted_as_text() {
    let mut ws = Workspace::new();
    ws.add_unit(
        UnitId::new("u1"),
        UnitFields {
            name: "<script>alert(1)</script>".into(),
            kind: UnitKind::Agency,
            above: String::new(),
            parent: None,
            scope: Default::default(),
        },
    )
    .unwrap();
    let text = format!("\u{feff}{}", export_workspace(&ws, AT, (2025, 1, 1)).text);
    let back = read_file(&text).unwrap().workspace.unwrap();
    assert_eq!(
        back.units().iter().next().unwrap().name,
        "<script>alert(1)</script>"
    );

    // A unit name in NFD from another keyboard is stored in NFC when applied.
    let village = village_workspace();
    let kdc = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu" && s.version == 1)
        .unwrap();
    let file =
        export_assessment(&village, &kdc, village.assessment("a-2025").unwrap(), AT).unwrap();
    let nfd = file
        .text
        .replace("Thôn Đồng", "Tho\u{302}n \u{110}o\u{302}\u{300}ng");
    let mut value: serde_json::Value = serde_json::from_str(&nfd).unwrap();
    value["checksum"] = antq::format::exchange::checksum(&value["content"]).into();
    let incoming = read_file(&value.to_string()).unwrap();
    let after = apply(
        &Workspace::new(),
        &builtin_sets(),
        &incoming,
        &preview(&Workspace::new(), &builtin_sets(), &incoming),
    );
    assert_eq!(after.units().iter().next().unwrap().name, "Thôn Đồng");
}

#[test]
fn files_of_the_first_version_without_an_envelope_still_open() {
    let ws = village_workspace();
    let legacy = antq::format::encode_workspace(&ws);
    assert_eq!(read_file(&legacy).unwrap().workspace.unwrap(), ws);
    let set = antq::format::criteria::encode_criteria_set(&builtin_sets()[0]);
    assert_eq!(read_file(&set).unwrap().criteria_sets.len(), 1);
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = UnitKind> {
        proptest::sample::select(UnitKind::ALL.to_vec())
    }

    fn answer() -> impl Strategy<Value = Answer> {
        prop_oneof![
            (
                any::<bool>(),
                proptest::option::of((2020i32..2030, 1u32..13, 1u32..29))
            )
                .prop_map(|(value, d)| Answer::YesNo {
                    value,
                    date: d.and_then(|(y, m, d)| Date::new(y, m, d))
                }),
            (any::<u64>(), any::<bool>())
                .prop_map(|(count, handled)| Answer::Count { count, handled }),
            (any::<u64>(), any::<u64>()).prop_map(|(numerator, denominator)| Answer::Ratio {
                numerator,
                denominator
            }),
            (any::<u64>(), proptest::option::of(any::<u64>()))
                .prop_map(|(current, previous)| Answer::trend(current, previous)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Whatever is exported reads back equal: export(import(x)) is x.
        #[test]
        fn export_then_import_gives_the_same_workspace(
            units in proptest::collection::vec(("\\PC{1,30}", kind(), "\\PC{0,20}"), 0..6),
            answers in proptest::collection::vec(("kdc-[1-5][a-d]", answer()), 0..8),
            notes in "\\PC{0,40}",
        ) {
            let mut ws = Workspace::new();
            for (n, (name, kind, above)) in units.into_iter().enumerate() {
                let _ = ws.add_unit(UnitId::new(format!("u{n}")), UnitFields { name, kind, above, parent: None, scope: Default::default() });
            }
            let kdc = builtin_sets().into_iter().find(|s| s.id == "tt124-khu-dan-cu").unwrap();
            let village = ws.units().iter().find(|u| u.kind == UnitKind::ResidentialArea).map(|u| u.id.clone());
            if let Some(village) = village {
                ws.start_assessment("a".into(), &village, &kdc, 2025, false).unwrap();
                ws.edit_assessment("a", |a| {
                    for (id, answer) in &answers {
                        a.set_answer(id, Some(answer.clone()))?;
                    }
                    a.set_evidence("kdc-1a", Evidence { notes: notes.clone(), documents: vec![] })
                }).unwrap();
            }
            let file = export_workspace(&ws, AT, (2025, 1, 1));
            let back = read_file(&file.text).unwrap().workspace.unwrap();
            prop_assert_eq!(&back, &ws);
            prop_assert_eq!(export_workspace(&back, AT, (2025, 1, 1)).text, file.text);
            // The direct reading and the layered one agree on every document.
            let stored = antq::format::encode_workspace(&ws);
            let direct = antq::format::decode_workspace(&stored).unwrap();
            prop_assert_eq!(&direct, &antq::format::workspace::decode_layered(&stored).unwrap());
            prop_assert_eq!(&direct.workspace, &ws);
        }
    }
}

#[test]
fn a_criteria_set_file_has_the_envelope_and_first_release_sets_still_open() {
    use antq::format::exchange::{export_criteria_set, read_criteria_set_file};
    let set = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-xa-phuong")
        .unwrap();
    let file = export_criteria_set(&set, AT);
    assert_eq!(
        file.file_name,
        format!("bo-tieu-chi_tt124-xa-phuong_v{}.json", set.version)
    );
    assert_eq!(file.summary.criteria, set.criteria().count());
    let back = read_criteria_set_file(&file.text).unwrap();
    assert_eq!(*back, set);
    // The first release wrote a bare document: it still opens.
    let bare = antq::format::criteria::encode_criteria_set(&set);
    assert_eq!(*read_criteria_set_file(&bare).unwrap(), set);
    // A bare document of a newer version says so.
    let newer = bare.replacen("\"schema_version\": 1", "\"schema_version\": 7", 1);
    assert_ne!(newer, bare);
    assert_eq!(
        read_criteria_set_file(&newer).unwrap_err(),
        LoadError::NewerSchema {
            found: 7,
            supported: 1
        }
    );
    // Another kind of file is named as such.
    let backup = export_workspace(&Workspace::new(), AT, (2025, 1, 1)).text;
    assert_eq!(
        read_criteria_set_file(&backup).unwrap_err(),
        LoadError::WrongKind {
            found: "workspace".into()
        }
    );
}

#[test]
fn a_file_claiming_a_newer_built_in_set_is_only_a_local_variant_and_never_applied_by_default() {
    let mut ws = village_workspace();
    let mut lax = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu")
        .unwrap();
    lax.version = 99;
    for group in &mut lax.groups {
        for criterion in &mut group.criteria {
            for indicator in &mut criterion.indicators {
                if let antq::domain::criteria::IndicatorKind::Percent { threshold, .. } =
                    &mut indicator.kind
                {
                    *threshold = 0;
                }
            }
        }
    }
    let lax = antq::format::criteria::validated(lax).unwrap();
    let assessment = {
        super::support::altered(
            &ws.assessments()[0],
            &[
                ("id", "a-lax".into()),
                ("year", 2026.into()),
                ("set", serde_json::to_value(lax.key()).unwrap()),
            ],
        )
    };
    ws.put_criteria_set(lax.clone());
    ws.put_assessment(assessment.clone());
    let file = antq::format::exchange::export_assessment(&ws, &lax, &assessment, AT).unwrap();
    let incoming = read_file(&file.text).unwrap();
    let here = village_workspace();
    let changes = preview(&here, &builtin_sets(), &incoming);
    let of = |target: &Target| changes.iter().find(|c| &c.target == target).unwrap();
    let set_change = of(&Target::CriteriaSet(lax.key()));
    assert_eq!(set_change.decision, Decision::LocalVariant);
    assert!(!set_change.apply);
    assert!(set_change.label.ends_with("→ tt124-khu-dan-cu-dia-phuong"));
    let a_change = of(&Target::Assessment("a-lax".into()));
    assert_eq!(
        (a_change.decision, a_change.apply),
        (Decision::LocalVariant, false)
    );
    // By default nothing of it is stored.
    assert_eq!(apply(&here, &builtin_sets(), &incoming, &changes), here);
    // Chosen, both arrive under the local id; the built-in set is untouched.
    let chosen: Vec<_> = changes
        .iter()
        .cloned()
        .map(|mut c| {
            c.apply = true;
            c
        })
        .collect();
    let after = apply(&here, &builtin_sets(), &incoming, &chosen);
    let local = &after.criteria_sets()[0];
    assert_eq!(
        (local.id.as_str(), local.version),
        ("tt124-khu-dan-cu-dia-phuong", 1)
    );
    assert_eq!(*after.assessment("a-lax").unwrap().set(), local.key());
}

#[test]
fn files_that_together_make_units_each_others_parents_are_refused_whole() {
    use antq::format::merge::{apply_all, ImportRefusal};
    let kdc = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu")
        .unwrap();
    let names = ["Thôn A", "Thôn B", "Thôn C"];
    let fields = |n: usize, parent: Option<usize>, suffix: &str| UnitFields {
        name: format!("{}{suffix}", names[n]),
        kind: UnitKind::ResidentialArea,
        above: String::new(),
        parent: parent.map(|p| UnitId::new(format!("u{p}"))),
        scope: Default::default(),
    };
    let mut here = Workspace::new();
    for n in 0..3 {
        here.add_unit(UnitId::new(format!("u{n}")), fields(n, None, ""))
            .unwrap();
    }
    // Each file renames one unit and puts it under the next: alone, each is fine.
    let file = |n: usize| {
        let mut ws = here.clone();
        let parent = (n + 1) % 3;
        ws.update_unit(
            &UnitId::new(format!("u{n}")),
            fields(n, Some(parent), " mới"),
        )
        .unwrap();
        ws.start_assessment(
            format!("a{n}"),
            &UnitId::new(format!("u{n}")),
            &kdc,
            2025,
            false,
        )
        .unwrap();
        let assessment = ws.assessments()[0].clone();
        let text = antq::format::exchange::export_assessment(&ws, &kdc, &assessment, AT)
            .unwrap()
            .text;
        let incoming = read_file(&text).unwrap();
        let mut changes = preview(&here, &builtin_sets(), &incoming);
        for change in &mut changes {
            change.apply = true;
        }
        (incoming, changes)
    };
    let files: Vec<_> = (0..3).map(file).collect();
    for one in &files {
        assert!(apply_all(&here, &builtin_sets(), std::slice::from_ref(one)).is_ok());
    }
    let two = apply_all(&here, &builtin_sets(), &files[..2]).unwrap().0;
    assert_eq!(two.units().on_parent_circles().len(), 0);
    assert_eq!(
        apply_all(&here, &builtin_sets(), &files),
        Err(ImportRefusal::ParentCircle {
            names: vec![
                "Thôn A mới".into(),
                "Thôn B mới".into(),
                "Thôn C mới".into()
            ]
        })
    );
}

#[test]
fn records_that_break_the_rules_are_refused_by_every_door_with_their_path() {
    use antq::format::records::YEARS;
    let village = village_workspace();
    let kdc = builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu" && s.version == 1)
        .unwrap();
    let text = export_assessment(&village, &kdc, village.assessment("a-2025").unwrap(), AT)
        .unwrap()
        .text;
    // The file as exported comes in; each change below is refused, naming where.
    assert!(read_file(&text).is_ok());
    let refused = |change: &dyn Fn(&mut serde_json::Value)| -> Vec<(String, ProblemKind)> {
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        change(&mut value);
        value["checksum"] = antq::format::exchange::checksum(&value["content"]).into();
        // Dữ liệu and Tổng hợp both read a file through `read_file`.
        let refusal = read_file(&value.to_string()).unwrap_err();
        match refusal {
            LoadError::Invalid { problems } => {
                problems.into_iter().map(|p| (p.path, p.kind)).collect()
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        refused(&|v| v["content"]["assessment"]["unit"] = "u-xa-tan-lap".into()),
        [(
            "content.assessment.unit".into(),
            ProblemKind::UnknownReference {
                id: "u-xa-tan-lap".into()
            }
        )]
    );
    assert_eq!(
        refused(&|v| v["content"]["assessment"]["set"]["version"] = 7.into()),
        [(
            "content.assessment.set".into(),
            ProblemKind::UnknownReference {
                id: "tt124-khu-dan-cu v7".into()
            }
        )]
    );
    assert_eq!(
        refused(&|v| {
            v["content"]["unit"]["kind"] = "co-quan".into();
            v["unit"]["kind"] = "co-quan".into();
        }),
        [(
            "content.assessment.set".into(),
            ProblemKind::SetNotForKind {
                set: "tt124-khu-dan-cu".into(),
                kind: "co-quan"
            }
        )]
    );
    assert_eq!(
        refused(&|v| v["content"]["assessment"]["answers"]["kdc-3a"] =
            serde_json::json!({"type": "yes_no", "value": true})),
        [(
            "content.assessment.answers.kdc-3a".into(),
            ProblemKind::AnswerKindMismatch {
                expected: "count_zero"
            }
        )]
    );
    assert_eq!(
        refused(&|v| v["year"] = 2024.into()),
        [(
            "year".into(),
            ProblemKind::YearMismatch {
                envelope: 2024,
                content: 2025
            }
        )]
    );
    for year in [1800, 3000] {
        assert!(!YEARS.contains(&year));
        assert_eq!(
            refused(&|v| {
                v["year"] = year.into();
                v["content"]["assessment"]["year"] = year.into();
            }),
            [(
                "content.assessment.year".into(),
                ProblemKind::YearOutOfRange { year }
            )]
        );
    }
}

#[test]
fn a_backup_whose_content_is_an_assessment_is_the_apps_file_of_the_wrong_shape() {
    let village = village_workspace();
    let backup = export_workspace(&village, AT, (2025, 11, 1)).text;
    let mut value: serde_json::Value = serde_json::from_str(&backup).unwrap();
    value["content"] = serde_json::json!({"assessment": {"id": "a"}});
    value["checksum"] = antq::format::exchange::checksum(&value["content"]).into();
    assert_eq!(
        read_file(&value.to_string()).unwrap_err(),
        LoadError::Invalid {
            problems: vec![antq::format::Problem {
                path: "content.format".into(),
                kind: ProblemKind::Missing
            }]
        }
    );
    // A foreign file stays "not ours".
    assert!(matches!(
        read_file(r#"{"type": "excalidraw", "elements": []}"#),
        Err(LoadError::NotOurs { .. })
    ));
}
