//! The app's pure core without a single view: every pipeline the app runs
//! (read, migrate, validate, preview, merge, save, evaluate, roll up, write),
//! exported to JavaScript so none of it is dropped at link time. Its size,
//! beside the minimal Leptos page's, is the part of the app's size that no
//! change to the views can remove.

#[cfg(target_arch = "wasm32")]
mod exports {
    use antq::domain::context::context_for;
    use antq::domain::criteria::evaluate;
    use antq::domain::rollup::{figures, table, Shelf};
    use antq::format::{self, exchange, merge, rollup};
    use wasm_bindgen::prelude::*;

    /// A file through the import: read, preview and merge into a backup.
    #[wasm_bindgen]
    pub fn import(backup: &str, file: &str) -> String {
        let builtin = antq::catalog::builtin_sets();
        let workspace = format::decode_workspace(backup)
            .map(|d| d.workspace)
            .unwrap_or_default();
        match exchange::read_file(file) {
            Ok(incoming) => {
                let changes = merge::preview(&workspace, &builtin, &incoming);
                let merged = merge::apply(&workspace, &builtin, &incoming, &changes);
                format::encode_workspace(&merged)
            }
            Err(_) => String::new(),
        }
    }

    /// Every assessment of a backup evaluated, and the backup written back out.
    #[wasm_bindgen]
    pub fn evaluate_all(backup: &str, year: i32) -> String {
        let builtin = antq::catalog::builtin_sets();
        let Ok(decoded) = format::decode_workspace(backup) else {
            return String::new();
        };
        let workspace = decoded.workspace;
        let mut out = String::new();
        for assessment in workspace.assessments() {
            let set = workspace
                .criteria_sets()
                .iter()
                .chain(builtin.iter())
                .find(|s| s.id == assessment.set().id);
            if let Some(set) = set {
                let context = context_for(&workspace, assessment, set);
                let result = evaluate(set, assessment.answers(), &context, year);
                let met = result.conformity.answered;
                out.push_str(&format!(
                    "{} {} {met};",
                    result.progress.answered, result.progress.total
                ));
            }
        }
        out.push_str(&exchange::export_workspace(&workspace, "", (year, 1, 1)).text);
        out
    }

    /// Files received by a commune, tabulated and counted.
    #[wasm_bindgen]
    pub fn roll_up(files: Vec<String>, set_id: &str, year: i32) -> String {
        let mut records = Vec::new();
        for text in &files {
            if let Ok(incoming) = exchange::read_file(text) {
                if let Ok(mut received) = rollup::received_from(&incoming, "f.json", "") {
                    records.append(&mut received);
                }
            }
        }
        let mut shelf = Shelf::new(Vec::new());
        shelf.add(records);
        let table = table::table(&shelf, set_id, year);
        let stored: Vec<String> = shelf
            .records()
            .iter()
            .map(rollup::encode_received)
            .collect();
        let back: Vec<_> = stored
            .iter()
            .filter_map(|t| rollup::decode_received(t).ok())
            .collect();
        let kinds: usize = figures::by_kind(&shelf, year)
            .iter()
            .map(|k| k.passed)
            .sum();
        let failing: usize = figures::failed_most(&shelf, year, 5)
            .iter()
            .map(|f| f.failed)
            .sum();
        format!("{} {kinds} {failing} {}", table.rows.len(), back.len())
    }

    /// A criteria-set file read and exported again, as the library does.
    #[wasm_bindgen]
    pub fn criteria_set(text: &str) -> String {
        match exchange::read_criteria_set_file(text) {
            Ok(valid) => exchange::export_criteria_set(&valid, "").text,
            Err(_) => String::new(),
        }
    }
}

fn main() {}
