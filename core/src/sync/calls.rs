//! The exported folder-sync calls on `Journal`.

use std::path::Path;
use std::sync::Arc;

use crate::error::Result;
use crate::journal::Journal;
use crate::store::sync_state;
use crate::sync::state::{SyncReport, SyncStatus};
use crate::sync::{restore, round, status};
use crate::time::Moment;

impl Journal {
    /// [`Journal::sync_folder`] as if it were `now` (tests, the terminal's clock).
    pub fn sync_folder_at(
        &self,
        folder: &Path,
        passphrase: Option<&str>,
        now: &Moment,
    ) -> Result<SyncReport> {
        let now = now.checked_lookup("now")?;
        round::run(self, folder, passphrase, &now)
    }

    /// [`Journal::restore`] for Rust callers, as if it were `now`.
    pub fn restore_at(
        path: &Path,
        source: &Path,
        passphrase: Option<&str>,
        now: &Moment,
    ) -> Result<Arc<Journal>> {
        let now = now.checked_lookup("now")?;
        restore::restore(path, source, passphrase, &now)
    }
}

#[uniffi::export]
impl Journal {
    /// Restores a journal on a new phone in one call: creates the journal at `path` from
    /// `source`, a sync folder (every device's file is merged; a folder with no device file but
    /// automatic backups: the newest backup) or one backup file (plain JSON, zip, or encrypted
    /// with `passphrase`). Only into a new or empty journal
    /// (`RestoreRefused` if `path` holds records); all or nothing: on any failure a journal
    /// this call created is removed again. The restored journal then syncs as a new device.
    #[uniffi::constructor(default(passphrase = None))]
    pub fn restore(
        path: String,
        source: String,
        passphrase: Option<String>,
    ) -> Result<Arc<Journal>> {
        Journal::restore_at(
            Path::new(&path),
            Path::new(&source),
            passphrase.as_deref(),
            &Moment::now(),
        )
    }

    /// Syncs with a folder shared by the person's devices (Syncthing, Google Drive, iCloud
    /// Drive): merges every other device's file in (last change wins per record; each file all
    /// or nothing; unchanged files are not read again), then writes this device's own file
    /// (`rlsjournal-device-<id>.json`, or `.json.age` encrypted with `passphrase`, which the
    /// core does not keep) if the journal changed. Files that cannot be merged now (not
    /// downloaded, cut short, another passphrase) are skipped with a sentence and tried again
    /// next time. `SyncFailed` with a sentence when the folder cannot be read or written.
    #[uniffi::method(default(passphrase = None))]
    pub fn sync_folder(&self, folder: String, passphrase: Option<String>) -> Result<SyncReport> {
        self.sync_folder_at(Path::new(&folder), passphrase.as_deref(), &self.now())
    }

    /// When the last sync ran, which files it merged and skipped (with sentences) and why the
    /// last one failed, if it did; kept in the journal, so it survives app restarts.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let state = self.read(|conn, _| sync_state::load(conn))?;
        Ok(status::status(&state))
    }

    /// This device's id in sync folders (a random UUID made on first use and kept in this
    /// journal only: never in a backup, so a restored journal is a new device).
    pub fn device_id(&self) -> Result<String> {
        let state = self.read(|conn, _| sync_state::load(conn))?;
        if let Some(id) = state.device_id {
            return Ok(id);
        }
        self.write(|tx, _| {
            let mut state = sync_state::load(tx)?;
            let id = round::device_id(&mut state);
            sync_state::save(tx, &state, self.now().millis())?;
            Ok(id)
        })
    }
}
