//! Browser tests, run by wasm-bindgen-test in headless Chromium: the
//! storage adapter against the real localStorage, and the mounted app.
#![cfg(target_arch = "wasm32")]

use antq::domain::unit::UnitFields;
use antq::domain::{UnitId, UnitKind, Workspace};
use antq::format::LoadError;
use antq::platform::storage::{Loaded, StoreError, WorkspaceStore};
use antq::ui::app_with_store;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn village(name: &str) -> UnitFields {
    UnitFields {
        name: name.into(),
        kind: UnitKind::ResidentialArea,
        above: "xã Tân Lập".into(),
        parent: None,
        scope: Default::default(),
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Writes at once a save the autosave holds back for its pause, as leaving
/// the page does: what a test checks as "not saved" then cannot be on its way.
fn flush_saves() {
    let hide = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&hide).unwrap();
}

/// A poll's pause, for the helpers that look again until what they wait for
/// has happened (`until`, `opened`); no test waits for time itself.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Makes every `localStorage.setItem` throw, as a full storage does, until `restore`.
struct FullStorage;

impl FullStorage {
    fn start() -> FullStorage {
        js_sys::eval(
            "window.__antqSetItem = Storage.prototype.setItem;\
             Storage.prototype.setItem = function () {\
               throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');\
             };",
        )
        .unwrap();
        FullStorage
    }
}

impl Drop for FullStorage {
    fn drop(&mut self) {
        js_sys::eval("Storage.prototype.setItem = window.__antqSetItem;").unwrap();
    }
}

#[wasm_bindgen_test]
fn a_saved_workspace_loads_back_equal() {
    let store = WorkspaceStore::with_prefix("test-roundtrip");
    store.clear();
    assert!(matches!(store.load(), Ok(Loaded::Empty)));
    let mut workspace = Workspace::new();
    workspace
        .add_unit(UnitId::new("a"), village("Thôn Hiếu"))
        .unwrap();
    store.save(&workspace).unwrap();
    match store.load() {
        Ok(Loaded::Found(decoded)) => assert_eq!(decoded.workspace, workspace),
        _ => panic!("the saved workspace did not load"),
    }
    store.clear();
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_quota_and_keeps_the_old_copy() {
    let store = WorkspaceStore::with_prefix("test-quota");
    store.clear();
    let mut workspace = Workspace::new();
    workspace
        .add_unit(UnitId::new("a"), village("Thôn A"))
        .unwrap();
    store.save(&workspace).unwrap();
    workspace
        .add_unit(UnitId::new("b"), village("Thôn B"))
        .unwrap();
    {
        let _full = FullStorage::start();
        assert_eq!(store.save(&workspace), Err(StoreError::Quota));
    }
    match store.load() {
        Ok(Loaded::Found(decoded)) => assert_eq!(decoded.workspace.units().len(), 1),
        _ => panic!("the earlier copy is gone"),
    }
    store.clear();
}

#[wasm_bindgen_test]
fn unreadable_stored_text_is_copied_aside_before_anything_else() {
    let store = WorkspaceStore::with_prefix("test-rescue");
    store.clear();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(&store.workspace_key(), "{ not json")
        .unwrap();
    match store.load() {
        Ok(Loaded::Unreadable { error, raw, kept }) => {
            assert!(matches!(error, LoadError::NotJson { line: 1, .. }));
            assert_eq!(raw, "{ not json");
            assert!(kept);
        }
        _ => panic!("unreadable text was not reported"),
    }
    assert_eq!(
        storage.get_item(&store.rescue_key()).unwrap().as_deref(),
        Some("{ not json")
    );
    store.clear();
}

fn query(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = query(root, selector).unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn click(root: &web_sys::Element, selector: &str) {
    query(root, selector)
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// Waits until `look` finds something, and gives it: looks again after
/// each poll's pause (the one pause of these tests); fails naming `what`
/// after five seconds.
async fn until_found<T, F: std::future::Future<Output = Option<T>>>(
    what: &str,
    mut look: impl FnMut() -> F,
) -> T {
    for _ in 0..250 {
        if let Some(found) = look().await {
            return found;
        }
        sleep(20).await;
    }
    panic!("never happened: {what}");
}

/// Waits until `check` holds (see [`until_found`]).
async fn until(what: &str, check: impl Fn() -> bool) {
    until_found(what, || std::future::ready(check().then_some(()))).await
}

/// Waits until the app has read its storage, just after its first paint:
/// the section is shown, or the mounted component has content.
async fn opened(host: &web_sys::HtmlElement) {
    until("the app opens", || {
        let app = host.query_selector(".section").ok().flatten().is_some();
        let component = host.query_selector(".header").ok().flatten().is_none()
            && host
                .text_content()
                .is_some_and(|text| !text.trim().is_empty());
        app || component
    })
    .await
}

/// Mounts the app on keys of its own; dropping the handle unmounts it.
fn mount(prefix: &str) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let store = WorkspaceStore::with_prefix(prefix);
    let handle = leptos::mount::mount_to(host.clone(), move || app_with_store(store));
    (host, Box::new(handle))
}

#[wasm_bindgen_test]
async fn the_mounted_app_adds_a_unit_saves_it_and_shows_the_time() {
    let prefix = "test-mounted";
    WorkspaceStore::with_prefix(prefix).clear();
    let (host, handle) = mount(prefix);
    opened(&host).await;

    // Typed with combining marks, stored precomposed (NFC).
    type_into(&host, "#unit-name", "  Tổ Hie\u{0302}\u{0301}u ");
    click(&host, "[data-testid=unit-submit]");
    leptos::task::tick().await;
    let list = query(&host, "[data-testid=unit-list]")
        .text_content()
        .unwrap();
    assert!(list.contains("Tổ Hi\u{1EBF}u"), "{list}");
    assert!(query(&host, "#active-unit")
        .text_content()
        .unwrap()
        .contains("Tổ Hiếu"));

    until("the save status says it saved", || {
        query(&host, "[data-testid=save-status]")
            .text_content()
            .is_some_and(|status| status.starts_with("Đã lưu lúc "))
    })
    .await;
    match WorkspaceStore::with_prefix(prefix).load() {
        Ok(Loaded::Found(decoded)) => {
            assert_eq!(
                decoded.workspace.units().iter().next().unwrap().name,
                "Tổ Hiếu"
            )
        }
        _ => panic!("the unit was not saved"),
    }

    // An empty name is refused with a message and nothing is added.
    type_into(&host, "#unit-name", "   ");
    click(&host, "[data-testid=unit-submit]");
    leptos::task::tick().await;
    assert_eq!(
        query(&host, "#unit-error").text_content().unwrap(),
        "Hãy nhập tên đơn vị."
    );
    assert_eq!(
        host.query_selector_all(".unit-list__item")
            .unwrap()
            .length(),
        1
    );

    drop(handle);
    host.remove();
    WorkspaceStore::with_prefix(prefix).clear();
}

#[wasm_bindgen_test]
async fn a_failed_save_shows_the_error_and_the_export_button() {
    let prefix = "test-failed-save";
    WorkspaceStore::with_prefix(prefix).clear();
    let (host, handle) = mount(prefix);
    opened(&host).await;
    assert!(host
        .query_selector("[data-testid=save-failed]")
        .unwrap()
        .is_none());

    let full = FullStorage::start();
    type_into(&host, "#unit-name", "Thôn Đồng");
    click(&host, "[data-testid=unit-submit]");
    until("the save-failed banner", || {
        host.query_selector("[data-testid=save-failed]")
            .unwrap()
            .is_some()
    })
    .await;
    let banner = query(&host, "[data-testid=save-failed]");
    let text = banner.text_content().unwrap();
    assert!(text.contains("bộ nhớ của trình duyệt đã đầy"), "{text}");
    assert!(text.contains("Xuất dữ liệu ngay"), "{text}");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));

    // Once storage works again, the next change saves and the banner goes.
    drop(full);
    type_into(&host, "#unit-name", "Thôn Bắc");
    click(&host, "[data-testid=unit-submit]");
    until("the banner goes once a save succeeds", || {
        host.query_selector("[data-testid=save-failed]")
            .unwrap()
            .is_none()
    })
    .await;

    drop(handle);
    host.remove();
    WorkspaceStore::with_prefix(prefix).clear();
}

/// Mounts `child` inside the app's providers, on keys of its own.
fn mount_in_app<V: leptos::IntoView + 'static>(
    prefix: &str,
    child: impl Fn() -> V + Send + Sync + 'static,
) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    use leptos::prelude::*;
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let store = WorkspaceStore::with_prefix(prefix);
    let child = std::sync::Arc::new(child);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let child = child.clone();
        let children = std::sync::Arc::new(move || {
            let child = child.clone();
            let state = antq::ui::shell::state::use_app_state();
            (move || state.ready.get().then(|| child())).into_any()
        });
        view! { <antq::ui::shell::app::AppProviders store=store.clone() children=children /> }
    });
    (host, Box::new(handle))
}

#[wasm_bindgen_test]
async fn a_ratio_reason_names_the_units_left_out_and_why() {
    use antq::domain::criteria::{FigureSource, IndicatorKind, LeftOut, Reason, Rounding};
    use antq::domain::scope::{EnterpriseSize, Exclusion, SchoolLevel};
    let prefix = "test-left-out";
    WorkspaceStore::with_prefix(prefix).clear();
    let reason = Reason::Ratio {
        numerator: 18,
        denominator: 25,
        threshold: 70,
        required: 18,
        rounding: Rounding::Up,
        source: FigureSource::ChildUnits,
        left_out: vec![
            LeftOut {
                name: "Trường Mầm non Hoa Sen".into(),
                why: Exclusion::SchoolLevel(SchoolLevel::Preschool),
            },
            LeftOut {
                name: "Cửa hàng Minh Anh".into(),
                why: Exclusion::SmallEnterprise(EnterpriseSize::Small),
            },
        ],
        not_counted: vec![],
    };
    let kind = IndicatorKind::Percent {
        threshold: 70,
        rounding: Rounding::Up,
    };
    let (host, handle) = mount_in_app(prefix, move || {
        leptos::view! { <antq::ui::words::reasons::ReasonText reason=reason.clone() kind=kind.clone() /> }
    });
    opened(&host).await;
    assert_eq!(
        host.text_content().unwrap(),
        "18/25 đơn vị = 72% ≥ 70% (cần ít nhất 18). Không tính 2 đơn vị ngoài phạm vi: \
         Trường Mầm non Hoa Sen (mầm non, nhà trẻ), Cửa hàng Minh Anh (doanh nghiệp nhỏ)."
    );
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_ratio_reason_names_the_numbers_in_both_languages() {
    use antq::domain::criteria::{FigureSource, IndicatorKind, Reason, Rounding};
    use antq::domain::{Language, Prefs};
    let prefix = "test-reason";
    let store = WorkspaceStore::with_prefix(prefix);
    store.clear();
    let reason = Reason::Ratio {
        numerator: 16,
        denominator: 25,
        threshold: 70,
        required: 18,
        rounding: Rounding::Up,
        source: FigureSource::ChildUnits,
        left_out: vec![],
        not_counted: vec![],
    };
    let kind = IndicatorKind::Percent {
        threshold: 70,
        rounding: Rounding::Up,
    };
    let (host, handle) = {
        let (reason, kind) = (reason.clone(), kind.clone());
        mount_in_app(prefix, move || {
            leptos::view! { <antq::ui::words::reasons::ReasonText reason=reason.clone() kind=kind.clone() /> }
        })
    };
    opened(&host).await;
    assert_eq!(
        host.text_content().unwrap(),
        "16/25 đơn vị = 64% < 70% (cần ít nhất 18)."
    );
    drop(handle);
    host.remove();

    store
        .save_prefs(&Prefs {
            language: Language::En,
            storage_notice_dismissed: true,
            last_backup: None,
        })
        .unwrap();
    let (host, handle) = mount_in_app(prefix, move || {
        leptos::view! { <antq::ui::words::reasons::ReasonText reason=reason.clone() kind=kind.clone() /> }
    });
    opened(&host).await;
    assert_eq!(
        host.text_content().unwrap(),
        "16/25 units = 64% < 70% (at least 18 needed)."
    );
    drop(handle);
    host.remove();
    store.clear();
}

#[wasm_bindgen_test]
async fn the_library_copies_a_set_and_refuses_an_invalid_edit() {
    let prefix = "test-library";
    let store = WorkspaceStore::with_prefix(prefix);
    store.clear();
    let (host, handle) = mount_in_app(prefix, || {
        leptos::view! { <antq::ui::sections::assessment::library::CriteriaLibrary /> }
    });
    opened(&host).await;
    click(&host, "[data-set-id='tt124-xa-phuong'] button");
    leptos::task::tick().await;
    let copy = host
        .query_selector_all(".set-view__actions button")
        .unwrap()
        .get(0)
        .unwrap();
    copy.unchecked_into::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert!(host
        .query_selector("[data-testid=set-editor]")
        .unwrap()
        .is_some());

    // The copy is stored at once, unchanged.
    until(
        "the variant is stored",
        || matches!(store.load(), Ok(Loaded::Found(d)) if d.workspace.criteria_sets().len() == 1),
    )
    .await;
    let stored = match store.load() {
        Ok(Loaded::Found(decoded)) => decoded.workspace,
        _ => panic!("the variant was not saved"),
    };
    assert_eq!(stored.criteria_sets().len(), 1);
    assert_eq!(stored.criteria_sets()[0].id, "tt124-xa-phuong-dia-phuong");

    // An empty label is refused with its path, and nothing is saved.
    type_into(&host, "#indicator-0-0-0-label", "   ");
    click(&host, "[data-testid=set-editor] button[type=submit]");
    leptos::task::tick().await;
    let problems = query(&host, "[data-testid=editor-problems]")
        .text_content()
        .unwrap();
    assert!(
        problems.contains("groups[0].criteria[0].indicators[0].label.vi: không được để trống."),
        "{problems}"
    );
    // A save waiting for its pause would be written now.
    flush_saves();
    let again = match store.load() {
        Ok(Loaded::Found(decoded)) => decoded.workspace,
        _ => panic!("the workspace is gone"),
    };
    assert_eq!(again, stored);

    // A valid edit is saved.
    type_into(
        &host,
        "#indicator-0-0-0-label",
        "Đảng ủy ra nghị quyết trước 15/3",
    );
    click(&host, "[data-testid=set-editor] button[type=submit]");
    until("the edit is saved", || {
        matches!(store.load(), Ok(Loaded::Found(d))
            if d.workspace.criteria_sets()[0].indicator("xa-1a").is_some_and(|i| i.label.vi == "Đảng ủy ra nghị quyết trước 15/3"))
    })
    .await;
    let saved = match store.load() {
        Ok(Loaded::Found(decoded)) => decoded.workspace,
        _ => panic!("the workspace is gone"),
    };
    assert_eq!(
        saved.criteria_sets()[0]
            .indicator("xa-1a")
            .unwrap()
            .label
            .vi,
        "Đảng ủy ra nghị quyết trước 15/3"
    );
    assert!(host
        .query_selector("[data-testid=set-view]")
        .unwrap()
        .is_some());

    drop(handle);
    host.remove();
    store.clear();
}

#[wasm_bindgen_test]
fn a_save_refuses_to_overwrite_another_tabs_newer_data() {
    use antq::format::revision::Revision;
    let store = WorkspaceStore::with_prefix("test-revision");
    store.clear();
    let mut mine = Workspace::new();
    mine.add_unit(UnitId::new("a"), village("Thôn A")).unwrap();
    let start = store.revision();
    assert_eq!(start, Revision::legacy(0));
    let first = store.save_checked(&mine, &start, "aaa".into()).unwrap();
    assert_eq!((first.counter, first.id.as_str()), (1, "aaa"));
    assert_eq!(store.revision(), first);
    // Saving the same again writes nothing and keeps the revision.
    assert_eq!(
        store.save_checked(&mine, &first, "bbb".into()),
        Ok(first.clone())
    );
    // Another tab saves over it.
    let mut theirs = mine.clone();
    theirs
        .add_unit(UnitId::new("b"), village("Thôn B"))
        .unwrap();
    let second = store.save_checked(&theirs, &first, "ccc".into()).unwrap();
    assert!(second.follows(&first));
    // This tab, still holding the first save, may not write over the second.
    mine.add_unit(UnitId::new("c"), village("Thôn C")).unwrap();
    assert_eq!(
        store.save_checked(&mine, &first, "ddd".into()),
        Err(StoreError::Conflict)
    );
    // Two saves over the same revision are told apart by their ids.
    let rival = first.next("eee".into());
    assert_ne!(rival, second);
    assert_eq!(
        store.save_checked(&mine, &rival, "fff".into()),
        Err(StoreError::Conflict)
    );
    match store.load() {
        Ok(Loaded::Found(decoded)) => assert_eq!(decoded.workspace, theirs),
        _ => panic!("the other tab's data is gone"),
    }
    store.clear();
}

#[wasm_bindgen_test]
async fn a_change_while_another_tab_saved_is_merged_with_theirs() {
    let prefix = "test-merge";
    let store = WorkspaceStore::with_prefix(prefix);
    store.clear();
    let (host, handle) = mount(prefix);
    opened(&host).await;
    type_into(&host, "#unit-name", "Thôn Của Tôi");
    click(&host, "[data-testid=unit-submit]");
    // Before this tab's save fires, another tab writes its own unit.
    let mut theirs = Workspace::new();
    theirs
        .add_unit(UnitId::new("x"), village("Thôn Của Thẻ Kia"))
        .unwrap();
    store
        .save_checked(&theirs, &store.revision(), "other".into())
        .unwrap();
    let names = || match store.load() {
        Ok(Loaded::Found(decoded)) => decoded
            .workspace
            .units()
            .iter()
            .map(|u| u.name.clone())
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    // Both units end up stored, the other tab's first; no conflict is shown.
    until("both units stored", || names().len() == 2).await;
    assert_eq!(names(), ["Thôn Của Thẻ Kia", "Thôn Của Tôi"]);
    assert!(host
        .query_selector("[data-testid=save-failed]")
        .unwrap()
        .is_none());
    drop(handle);
    host.remove();
    store.clear();
}

#[wasm_bindgen_test]
async fn one_unit_renamed_in_two_tabs_shows_the_conflict_and_keeps_their_data() {
    let prefix = "test-conflict";
    let store = WorkspaceStore::with_prefix(prefix);
    store.clear();
    let mut start = Workspace::new();
    start.add_unit(UnitId::new("a"), village("Thôn A")).unwrap();
    let first = store
        .save_checked(&start, &store.revision(), "first".into())
        .unwrap();
    let (host, handle) = mount(prefix);
    opened(&host).await;
    // This tab renames the unit...
    click(&host, ".unit-list__actions .button");
    leptos::task::tick().await;
    type_into(&host, "#unit-name", "Thôn Một");
    click(&host, "[data-testid=unit-submit]");
    // ...and so does another tab, differently, before this one saves.
    let mut theirs = Workspace::new();
    theirs
        .add_unit(UnitId::new("a"), village("Thôn Hai"))
        .unwrap();
    store.save_checked(&theirs, &first, "other".into()).unwrap();
    let banner = || {
        host.query_selector("[data-testid=save-failed]")
            .unwrap()
            .and_then(|b| b.text_content())
            .unwrap_or_default()
    };
    until("the conflict shown", || !banner().is_empty()).await;
    assert!(
        banner().contains("Một thẻ hoặc cửa sổ khác vừa lưu dữ liệu mới hơn"),
        "{}",
        banner()
    );
    match store.load() {
        Ok(Loaded::Found(decoded)) => assert_eq!(decoded.workspace, theirs),
        _ => panic!("overwritten"),
    }
    drop(handle);
    host.remove();
    store.clear();
}

fn received_record() -> antq::domain::rollup::Received {
    let mut ws = Workspace::new();
    ws.add_unit(UnitId::new("u-thon"), village("Thôn Đồng"))
        .unwrap();
    let set = antq::catalog::builtin_sets()
        .into_iter()
        .find(|s| s.id == "tt124-khu-dan-cu")
        .unwrap();
    ws.start_assessment("a".into(), &UnitId::new("u-thon"), &set, 2025, false)
        .unwrap();
    let assessment = ws.assessments()[0].clone();
    let file =
        antq::format::exchange::export_assessment(&ws, &set, &assessment, "2025-11-01T08:00:00Z")
            .unwrap();
    let incoming = antq::format::exchange::read_file(&file.text).unwrap();
    antq::format::rollup::received_from(&incoming, "f.json", "2025-12-01T08:00:00Z")
        .unwrap()
        .remove(0)
}

#[wasm_bindgen_test]
async fn the_archive_keeps_received_records_and_snapshots_in_indexeddb() {
    use antq::domain::rollup::Review;
    use antq::platform::archive::{Archive, BEFORE_IMPORT};
    let archive = Archive::named("test-archive");
    archive.delete().await.unwrap();
    let first = received_record();
    let mut second = first.clone();
    second.id = "other".into();
    archive
        .store_received(&[&first, &second], &[])
        .await
        .unwrap();
    let shelved = archive.load_received().await.unwrap();
    assert_eq!(shelved.records.len(), 2);
    assert!(shelved.unreadable.is_empty());
    assert!(shelved.records.contains(&first));
    // A change and a removal in one transaction.
    let mut accepted = first.clone();
    accepted.review = Review::Accepted;
    archive
        .store_received(&[&accepted], &["other".to_owned()])
        .await
        .unwrap();
    let shelved = archive.load_received().await.unwrap();
    assert_eq!(shelved.records, vec![accepted]);
    // Snapshots: kept, replaced, removed.
    assert_eq!(archive.snapshot(BEFORE_IMPORT).await.unwrap(), None);
    archive.put_snapshot(BEFORE_IMPORT, "một").await.unwrap();
    archive.put_snapshot(BEFORE_IMPORT, "hai").await.unwrap();
    assert_eq!(
        archive.snapshot(BEFORE_IMPORT).await.unwrap().as_deref(),
        Some("hai")
    );
    archive.remove_snapshot(BEFORE_IMPORT).await.unwrap();
    assert_eq!(archive.snapshot(BEFORE_IMPORT).await.unwrap(), None);
    archive.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn recovery_mode_offers_the_original_then_starts_fresh() {
    let prefix = "test-recovery";
    let store = WorkspaceStore::with_prefix(prefix);
    store.clear();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(&store.workspace_key(), "{\"format\":\"antq.workspace\",")
        .unwrap();
    let (host, handle) = mount(prefix);
    opened(&host).await;
    let banner = query(&host, "[data-testid=load-failed]");
    let text = banner.text_content().unwrap();
    assert!(text.contains("Tải bản gốc"), "{text}");
    assert!(text.contains("Bắt đầu với dữ liệu trống"), "{text}");
    // The raw text is kept aside before anything else.
    assert_eq!(
        storage.get_item(&store.rescue_key()).unwrap().as_deref(),
        Some("{\"format\":\"antq.workspace\",")
    );
    click(&host, "[data-testid=recovery-start-fresh]");
    leptos::task::tick().await;
    assert!(host
        .query_selector("[data-testid=load-failed]")
        .unwrap()
        .is_none());
    assert_eq!(storage.get_item(&store.workspace_key()).unwrap(), None);
    // The rescued copy stays until the user removes it.
    assert!(storage.get_item(&store.rescue_key()).unwrap().is_some());
    // And the app works again: a new unit is saved.
    type_into(&host, "#unit-name", "Thôn Mới");
    click(&host, "[data-testid=unit-submit]");
    until(
        "the new unit is saved after starting fresh",
        || matches!(store.load(), Ok(Loaded::Found(d)) if d.workspace.units().len() == 1),
    )
    .await;
    drop(handle);
    host.remove();
    store.clear();
}

#[wasm_bindgen_test]
async fn stored_text_rewritten_by_this_version_is_kept_before_the_next_save() {
    use antq::platform::archive::{Archive, BEFORE_MIGRATION};
    let prefix = "test-migrate";
    let store = WorkspaceStore::with_prefix(prefix);
    store.clear();
    let archive = Archive::named(prefix);
    archive.delete().await.unwrap();
    // Written by hand, as an older or foreign writer would: not the form
    // this version writes (spacing, key order), but readable.
    let mut ws = Workspace::new();
    ws.add_unit(UnitId::new("u1"), village("Thôn Cũ")).unwrap();
    let canonical = antq::format::encode_workspace(&ws);
    let value: serde_json::Value = serde_json::from_str(&canonical).unwrap();
    let older = serde_json::to_string_pretty(&value).unwrap();
    assert_ne!(older, canonical);
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(&store.workspace_key(), &older).unwrap();
    let (host, handle) = mount(prefix);
    opened(&host).await;
    // Kept in IndexedDB as the app opens: looked for until it is there.
    let kept = until_found("the copy kept before the migration", || async {
        archive.snapshot(BEFORE_MIGRATION).await.unwrap()
    })
    .await;
    assert_eq!(kept, older);
    drop(handle);
    host.remove();
    store.clear();
    archive.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn the_browser_hashes_an_import_as_the_core_does() {
    use antq::format::exchange::{export_workspace, read_file, sha256_hex};
    // Web Crypto (this page is a secure context) and the core agree, on
    // empty input, the standard vector and bytes of every value.
    let all: Vec<u8> = (0..=255u8).cycle().take(70_001).collect();
    for bytes in [&b""[..], b"abc", &all] {
        assert_eq!(
            antq::platform::hash::sha256_hex(bytes).await,
            sha256_hex(bytes)
        );
    }
    assert_eq!(
        antq::platform::hash::sha256_hex(b"abc").await,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    // The browser's pipeline reads an export as the core does, and names a
    // damaged one.
    let mut ws = Workspace::new();
    ws.add_unit(UnitId::new("u-thon"), village("Thôn Đồng"))
        .unwrap();
    let file = export_workspace(&ws, "2025-11-01T08:00:00Z", (2025, 11, 1)).text;
    let read = antq::platform::hash::read_file(picked(&file))
        .await
        .unwrap();
    assert_eq!(read, read_file(&file).unwrap());
    assert_eq!(read.workspace.as_ref(), Some(&ws));
    let damaged = file.replace("Thôn Đồng", "Thôn Đông");
    assert_eq!(
        antq::platform::hash::read_file(picked(&damaged))
            .await
            .err(),
        Some(LoadError::ChecksumMismatch)
    );
    // A file of schema version 1, checked on opening, reads the same way.
    let v1 = include_str!("fixtures/v1-workspace.json");
    let read = antq::platform::hash::read_file(picked(v1)).await.unwrap();
    assert_eq!(read, read_file(v1).unwrap());
    assert!(read.workspace.is_some_and(|ws| !ws.units().is_empty()));
}

/// A file's text as the browser hands it over: its bytes, read as text.
fn picked(text: &str) -> antq::platform::files::FileText {
    antq::platform::files::FileText::of(js_sys::Uint8Array::from(text.as_bytes()).buffer())
}

#[wasm_bindgen_test]
async fn without_its_worker_a_large_file_is_hashed_in_place() {
    use antq::format::exchange::{export_workspace, read_file};
    // The test page serves no hash-worker.js: the worker's start settles
    // as absent rather than hanging, and large files are hashed here.
    wasm_bindgen_futures::JsFuture::from(antq::platform::hash::prepare())
        .await
        .unwrap();
    let mut ws = Workspace::new();
    for n in 0..5_000 {
        ws.add_unit(
            UnitId::new(format!("u-thon-{n}")),
            village(&format!("Thôn Đồng số {n} của xã Tân Lập, huyện Thanh Sơn")),
        )
        .unwrap();
    }
    let file = export_workspace(&ws, "2025-11-01T08:00:00Z", (2025, 11, 1)).text;
    assert!(
        file.len() > antq::platform::hash::HASHED_ELSEWHERE_FROM,
        "{} bytes",
        file.len()
    );
    let read = antq::platform::hash::read_file(picked(&file))
        .await
        .unwrap();
    assert_eq!(read, read_file(&file).unwrap());
    let damaged = file.replace("Thôn Đồng số 7 ", "Thôn Đông số 7 ");
    assert_ne!(damaged, file);
    assert_eq!(
        antq::platform::hash::read_file(picked(&damaged))
            .await
            .err(),
        Some(LoadError::ChecksumMismatch)
    );
    // Bytes that are not UTF-8 are read as the browser reads text, and
    // their checksum no longer fits.
    let mut bytes = file.clone().into_bytes();
    let at = file.find("Đồng").unwrap();
    bytes[at] = 0xff;
    let lossy = antq::platform::files::FileText::of(js_sys::Uint8Array::from(&bytes[..]).buffer());
    assert!(lossy.bytes.is_none());
    assert_eq!(
        antq::platform::hash::read_file(lossy).await.err(),
        Some(LoadError::ChecksumMismatch)
    );
}

#[wasm_bindgen_test]
async fn a_choice_shows_its_value_when_the_options_come_later_and_reports_a_change() {
    use antq::ui::widgets::choice::{option, Choice};
    use leptos::prelude::*;
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let options = RwSignal::new(Vec::<(String, String)>::new());
    let value = RwSignal::new(String::from("b"));
    let locked = RwSignal::new(false);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        Choice::new(
            "pick",
            "Chọn",
            move || value.get(),
            move || options.get(),
            move |v| value.set(v),
        )
        .disabled(move || locked.get())
        .testid("pick")
        .view()
    });
    let select = || -> web_sys::HtmlSelectElement { query(&host, "select").unchecked_into() };
    assert_eq!(
        query(&host, "label").get_attribute("for").as_deref(),
        Some("pick")
    );
    assert_eq!(select().id(), "pick");
    assert_eq!(
        select().get_attribute("data-testid").as_deref(),
        Some("pick")
    );

    // The list arrives after the value: the chosen option is still shown.
    leptos::task::tick().await;
    assert_eq!(select().length(), 0);
    options.set(vec![
        option("a", "Một"),
        option("b", "Hai"),
        option("c", "Ba"),
    ]);
    leptos::task::tick().await;
    assert_eq!(select().length(), 3);
    assert_eq!(select().value(), "b");
    assert_eq!(select().selected_index(), 1);

    // A change by the user is handed on, and the value follows it.
    select().set_value("c");
    select()
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), "c");
    assert_eq!(select().value(), "c");

    // A change of the value elsewhere is shown; the lock follows its signal.
    value.set("a".into());
    locked.set(true);
    leptos::task::tick().await;
    assert_eq!(select().value(), "a");
    assert!(select().disabled());
    locked.set(false);
    leptos::task::tick().await;
    assert!(!select().disabled());

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_input_and_a_check_show_their_values_and_hand_on_a_change() {
    use antq::ui::widgets::field::{Check, Input};
    use leptos::prelude::*;
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let count = RwSignal::new(String::from("3"));
    let on = RwSignal::new(false);
    let locked = RwSignal::new(false);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            {Input::count("n", "Số", move || count.get(), move |v| count.set(v)).disabled(move || locked.get()).view()}
            {Check::new("c", "Đã xử lý", move || on.get(), move |v| on.set(v)).disabled(move || locked.get()).view()}
        }
    });
    leptos::task::tick().await;
    let input = || -> web_sys::HtmlInputElement { query(&host, "#n").unchecked_into() };
    let check = || -> web_sys::HtmlInputElement { query(&host, "#c").unchecked_into() };
    assert_eq!(
        query(&host, "label[for=n]").text_content().as_deref(),
        Some("Số")
    );
    assert_eq!(
        query(&host, "label[for=c]").text_content().as_deref(),
        Some("Đã xử lý")
    );
    assert_eq!(input().type_(), "number");
    assert_eq!(input().get_attribute("min").as_deref(), Some("0"));
    assert_eq!(
        input().get_attribute("inputmode").as_deref(),
        Some("numeric")
    );
    assert!(query(&host, ".field--narrow").contains(Some(&input())));
    assert_eq!(input().value(), "3");
    assert!(!check().checked());

    type_into(&host, "#n", "12");
    click(&host, "#c");
    leptos::task::tick().await;
    assert_eq!(count.get_untracked(), "12");
    assert!(on.get_untracked());

    count.set("7".into());
    on.set(false);
    locked.set(true);
    leptos::task::tick().await;
    assert_eq!(input().value(), "7");
    assert!(!check().checked());
    assert!(input().disabled() && check().disabled());

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_part_that_cannot_be_loaded_says_so_and_opens_on_a_retry() {
    use antq::ui::shell::split::NotLoaded;
    use leptos::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // The first load fails, as a chunk fetched offline does; the retry works.
    static ATTEMPTS: AtomicUsize = AtomicUsize::new(0);
    let prefix = "test-part";
    WorkspaceStore::with_prefix(prefix).clear();
    let (host, handle) = mount_in_app(prefix, || {
        antq::ui::shell::split::shown(|done| {
            if ATTEMPTS.fetch_add(1, Ordering::SeqCst) == 0 {
                done(Err(NotLoaded));
            } else {
                done(Ok(
                    view! { <p data-testid="the-part">"Phần đã tải"</p> }.into_any()
                ));
            }
        })
    });
    opened(&host).await;
    let alert = query(&host, "[data-testid=part-not-loaded]");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("Không tải được phần này của ứng dụng"));
    assert!(host
        .query_selector("[data-testid=the-part]")
        .unwrap()
        .is_none());

    click(&host, "[data-testid=part-not-loaded] button");
    leptos::task::tick().await;
    assert_eq!(ATTEMPTS.load(Ordering::SeqCst), 2);
    assert_eq!(
        query(&host, "[data-testid=the-part]")
            .text_content()
            .as_deref(),
        Some("Phần đã tải")
    );
    assert!(host
        .query_selector("[data-testid=part-not-loaded]")
        .unwrap()
        .is_none());

    drop(handle);
    host.remove();
    WorkspaceStore::with_prefix(prefix).clear();
}

#[wasm_bindgen_test]
async fn a_fan_wakes_only_the_views_whose_part_changed() {
    use antq::ui::widgets::fan::Fan;
    use leptos::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let source = RwSignal::new((1u32, 10u32));
    let shown = RwSignal::new(true);
    // How often each part's view ran.
    let (runs_a, runs_b) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (count_a, count_b) = (runs_a.clone(), runs_b.clone());
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let fan = Fan::new(Memo::new(move |_| source.get()));
        let a = fan.part(|v| v.0);
        let b = fan.part(|v| v.1);
        view! {
            <p id="a">
                {move || {
                    count_a.fetch_add(1, Ordering::SeqCst);
                    a.get()
                }}
            </p>
            {move || {
                shown
                    .get()
                    .then(|| {
                        let count_b = count_b.clone();
                        view! {
                            <p id="b">
                                {move || {
                                    count_b.fetch_add(1, Ordering::SeqCst);
                                    b.get()
                                }}
                            </p>
                        }
                    })
            }}
        }
    });
    leptos::task::tick().await;
    let text = |id: &str| query(&host, id).text_content().unwrap_or_default();
    assert_eq!((text("#a"), text("#b")), ("1".into(), "10".into()));
    let (a0, b0) = (runs_a.load(Ordering::SeqCst), runs_b.load(Ordering::SeqCst));

    // The first part changes: its view runs again, the other's does not.
    source.set((2, 10));
    until("the first part is shown", || text("#a") == "2").await;
    assert_eq!(runs_a.load(Ordering::SeqCst), a0 + 1);
    assert_eq!(runs_b.load(Ordering::SeqCst), b0);
    // The second part changes: the first's view stays as it was.
    source.set((2, 11));
    until("the second part is shown", || text("#b") == "11").await;
    assert_eq!(runs_a.load(Ordering::SeqCst), a0 + 1);
    assert_eq!(runs_b.load(Ordering::SeqCst), b0 + 1);
    // A part whose view is gone is dropped; the others still follow.
    shown.set(false);
    until("the second view is gone", || {
        host.query_selector("#b").unwrap().is_none()
    })
    .await;
    source.set((3, 12));
    until("the first part follows", || text("#a") == "3").await;

    drop(handle);
    host.remove();
}

/// index.html's static first screen, as the page shows it: a form with a
/// name, a choice and a field, `shown` or not.
fn static_first_screen(shown: bool) -> web_sys::Element {
    let doc = document();
    let screen = doc.create_element("div").unwrap();
    screen.set_id("first-screen");
    screen.set_inner_html(
        r#"<form><input id="fs-name" value="Thôn Đông"><select id="fs-kind">
           <option value="khu-dan-cu">K</option><option value="xa" selected>X</option></select>
           <input id="fs-above"></form>"#,
    );
    doc.body().unwrap().append_child(&screen).unwrap();
    let root = doc.document_element().unwrap();
    if shown {
        root.set_attribute("data-first-screen", "").unwrap();
    }
    screen
}

#[wasm_bindgen_test]
fn the_static_first_screen_is_lifted_and_what_was_done_on_it_is_taken_once() {
    use antq::platform::first_screen::{self, Focus};
    let screen = static_first_screen(true);
    let name: web_sys::HtmlInputElement = query(&screen, "#fs-name").unchecked_into();
    name.focus().unwrap();
    name.set_selection_range(4, 6).unwrap();
    query(&screen, "form")
        .set_attribute("data-pending", "")
        .unwrap();

    let typed = first_screen::take_typed().expect("it was shown");
    assert_eq!(typed.value("fs-name"), Some("Thôn Đông"));
    assert_eq!(typed.value("fs-kind"), Some("xa"));
    assert_eq!(typed.value("fs-above"), Some(""));
    assert_eq!(typed.value("unit-name"), None);
    assert_eq!(
        typed.focus,
        Some(Focus {
            id: "fs-name".into(),
            selection: Some((4, 6))
        })
    );
    assert!(typed.submitted);
    // Gone, and the app under it shown.
    assert!(document().get_element_by_id("first-screen").is_none());
    let root = document().document_element().unwrap();
    assert!(!root.has_attribute("data-first-screen"));
    // Once.
    assert_eq!(first_screen::take_typed(), None);

    // Lifted by the shell first, it is kept for the form.
    let screen = static_first_screen(true);
    first_screen::lift();
    assert!(!screen.is_connected());
    let typed = first_screen::take_typed().expect("kept when lifted");
    assert!(!typed.submitted && typed.focus.is_none());

    // Never shown (another section, or English): lifted, nothing to take.
    let screen = static_first_screen(false);
    first_screen::lift();
    assert!(!screen.is_connected());
    assert_eq!(first_screen::take_typed(), None);
}
