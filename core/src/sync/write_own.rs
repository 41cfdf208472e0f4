//! Writing this device's own file: its full snapshot (the backup document, encrypted when a
//! passphrase is given), atomically, and only when the journal changed since it was last
//! written (the change mark of `store::sync_state`) or the file is missing. The snapshot is the
//! compaction: the file never grows beyond the journal itself.

use std::path::Path;

use crate::error::{JournalError, Result};
use crate::export::backup;
use crate::export::backup_folder;
use crate::export::encrypt;
use crate::journal::Journal;
use crate::store::sync_state;
use crate::sync::names::own_file_name;
use crate::sync::state::SyncState;
use crate::time::Moment;

/// The sentence for a sync folder that cannot be read or written.
pub fn folder_failure(err: &std::io::Error) -> JournalError {
    JournalError::SyncFailed {
        reason: backup_folder::folder_failure_sentence(err, "sync folder", "sync"),
    }
}

/// Writes our snapshot into `folder` if the journal changed since `state` says it was last
/// written; updates `state` and returns the file name when it wrote. `SyncFailed` with a
/// sentence when the folder cannot be written (the previous file is then intact).
pub fn write_if_changed(
    journal: &Journal,
    folder: &Path,
    state: &mut SyncState,
    device_id: &str,
    passphrase: Option<&str>,
    now: &Moment,
) -> Result<Option<String>> {
    let name = own_file_name(device_id, passphrase.is_some());
    remove_stale_temps(folder, device_id, now);
    let present = folder.join(&name).is_file();
    let same_file = state.written_file.as_deref() == Some(name.as_str()) && present;
    let (mark, json) = journal.read(|conn, settings| {
        let mark = sync_state::change_mark(conn)?;
        if same_file && state.written_mark.as_deref() == Some(mark.as_str()) {
            return Ok((mark, None));
        }
        Ok((mark, Some(backup::export_json(conn, settings, now)?)))
    })?;
    let Some(json) = json else {
        return Ok(None);
    };
    let bytes = match passphrase {
        Some(p) => encrypt::encrypt(json.as_bytes(), p)?,
        None => json.into_bytes(),
    };
    backup_folder::write_atomically(folder, &name, &bytes).map_err(|e| folder_failure(&e))?;
    // Our file in the other form (plain before a passphrase was set, or the reverse) is stale:
    // a plain copy must not stay in a cloud folder once the person chose encryption.
    let _ = std::fs::remove_file(folder.join(own_file_name(device_id, passphrase.is_none())));
    state.written_mark = Some(mark);
    state.written_file = Some(name.clone());
    state.written_ms = Some(now.millis());
    Ok(Some(name))
}

/// Removes the temporary files a crash left while this device wrote its own file (either form);
/// other devices' temporary files are theirs to remove. Best effort: a folder that cannot be
/// listed fails the write that follows with its sentence.
fn remove_stale_temps(folder: &Path, device_id: &str, now: &Moment) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    for encrypted in [false, true] {
        let own = own_file_name(device_id, encrypted);
        for stale in backup_folder::stale_temps(folder, &names, &own, now.instant) {
            let _ = std::fs::remove_file(folder.join(stale));
        }
    }
}
