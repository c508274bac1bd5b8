//! Exporting files: the whole workspace, or one record for the level above.
//! Every file is read back through the import pipeline before it is offered.

use crate::domain::Workspace;
use crate::format::exchange::{export_workspace, read_file, Exported};
use crate::platform::{clock, download};

/// The time of export, as "YYYY-MM-DDTHH:MM:SSZ".
pub fn now_stamp() -> String {
    clock::iso_stamp()
}

/// The whole workspace as an exchange file, named after today.
pub fn workspace_file(workspace: &Workspace) -> Exported {
    export_workspace(workspace, &now_stamp(), clock::today())
}

/// Checks that the file reads back, then starts its download.
pub fn offer(file: &Exported) -> Result<(), String> {
    read_file(&file.text).map_err(|err| format!("{err:?}"))?;
    download::download_text(&file.file_name, "application/json", &file.text)
}

/// Offers the whole workspace as a file named after today's date.
pub fn download_workspace(workspace: &Workspace) -> Result<(), String> {
    offer(&workspace_file(workspace))
}
