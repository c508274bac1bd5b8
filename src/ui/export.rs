//! Downloading the workspace as a backup file.

use crate::domain::Workspace;
use crate::format::{backup_file_name, encode_workspace};
use crate::platform::{clock, download};

/// Offers the whole workspace as a JSON file named after today's date.
pub fn download_workspace(workspace: &Workspace) -> Result<(), String> {
    let (year, month, day) = clock::today();
    download::download_text(
        &backup_file_name(year, month, day),
        "application/json",
        &encode_workspace(workspace),
    )
}
