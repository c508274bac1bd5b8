//! Fuzzes the whole import pipeline: any bytes must give a value or an
//! error, never a panic, and whatever it accepts must survive a round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(incoming) = antq::format::exchange::read_file(text) {
        if let Some(workspace) = incoming.workspace {
            let again = antq::format::exchange::export_workspace(&workspace, "2025-01-01T00:00:00Z", (2025, 1, 1));
            let back = antq::format::exchange::read_file(&again.text).expect("an export reads back");
            assert_eq!(back.workspace.as_ref(), Some(&workspace));
        }
    }
});
