//! The exported export and import calls on `Journal`.

use std::path::Path;

use crate::error::JournalError;
use crate::error::Result;
use crate::export::archive::{self, BackupSource};
use crate::export::auto_backup::{self, AutoBackupOutcome, AutoBackupStatus, BackupOccasion};
use crate::export::backup::{self, ImportSummary, BACKUP_FILE_NAME, MAX_BACKUP_BYTES};
use crate::export::csv::{self, CsvTable};
use crate::export::encrypt;
use crate::journal::Journal;
use crate::store::backup_state;
use crate::time::Moment;

impl Journal {
    /// The backup document as of `now` (deterministic, for tests).
    pub fn backup_json_at(&self, now: &Moment) -> Result<String> {
        self.read(|conn, settings| backup::export_json(conn, settings, now))
    }

    /// Imports a backup with an explicit `now` for validating records (tests). Record stamps
    /// are checked against this device's clock, or `now` if that is later.
    pub fn import_backup_at(&self, bytes: &[u8], now: &Moment) -> Result<ImportSummary> {
        if encrypt::is_encrypted(bytes) {
            return Err(JournalError::PassphraseNeeded);
        }
        self.write(|tx, settings| backup::import(tx, settings, BackupSource::Bytes(bytes), now))
    }

    /// Merges another device's snapshot (a backup document, JSON or zipped) with the sync rules
    /// ([`backup::import_sync`]), validating against `now` (this handle's clock for the folder
    /// sync; an explicit one in tests). Rust only: the apps sync through the folder calls.
    pub fn import_sync_at(&self, bytes: &[u8], now: &Moment) -> Result<ImportSummary> {
        if encrypt::is_encrypted(bytes) {
            return Err(JournalError::PassphraseNeeded);
        }
        self.write(|tx, settings| {
            backup::import_sync(tx, settings, BackupSource::Bytes(bytes), now)
        })
    }

    /// [`Journal::import_sync_at`] at this handle's clock.
    pub fn import_sync_bytes(&self, bytes: &[u8]) -> Result<ImportSummary> {
        self.import_sync_at(bytes, &self.now())
    }

    /// [`Journal::import_backup_file`] with an explicit `now` (tests).
    pub fn import_backup_file_at(&self, path: &Path, now: &Moment) -> Result<ImportSummary> {
        if encrypt::file_is_encrypted(path) {
            return Err(JournalError::PassphraseNeeded);
        }
        self.write(|tx, settings| backup::import(tx, settings, BackupSource::File(path), now))
    }

    // Encrypted and automatic backups (issue 17).

    /// [`Journal::import_backup_with_passphrase`] with an explicit `now` (tests).
    pub fn import_backup_with_passphrase_at(
        &self,
        bytes: &[u8],
        passphrase: &str,
        now: &Moment,
    ) -> Result<ImportSummary> {
        if !encrypt::is_encrypted(bytes) {
            return self.import_backup_at(bytes, now);
        }
        let plain = encrypt::decrypt(bytes, passphrase, MAX_BACKUP_BYTES)?;
        self.import_backup_at(&plain, now)
    }

    /// [`Journal::import_backup_file_with_passphrase`] with an explicit `now` (tests).
    pub fn import_backup_file_with_passphrase_at(
        &self,
        path: &Path,
        passphrase: &str,
        now: &Moment,
    ) -> Result<ImportSummary> {
        if !encrypt::file_is_encrypted(path) {
            return self.import_backup_file_at(path, now);
        }
        let file = std::fs::File::open(path).map_err(|_| JournalError::ImportRejected {
            reason: "the backup file could not be read".into(),
        })?;
        let plain = encrypt::decrypt(file, passphrase, MAX_BACKUP_BYTES)?;
        self.import_backup_at(&plain, now)
    }

    /// [`Journal::auto_backup`] as if it were `now` (tests, the terminal's clock).
    pub fn auto_backup_at(
        &self,
        folder: &Path,
        passphrase: Option<&str>,
        occasion: BackupOccasion,
        now: &Moment,
    ) -> Result<AutoBackupOutcome> {
        let now = now.checked_lookup("now")?;
        auto_backup::run(self, folder, passphrase, occasion, &now)
    }
}

#[uniffi::export]
impl Journal {
    /// The lossless backup: a versioned JSON document of every record (deleted ones included)
    /// and the settings. Import it with `import_backup`.
    pub fn backup_json(&self) -> Result<String> {
        self.backup_json_at(&self.now())
    }

    /// The backup as a zip holding `rlsjournal-backup.json` (smaller, for a share sheet).
    pub fn backup_zip(&self) -> Result<Vec<u8>> {
        let json = self.backup_json()?;
        archive::write_zip(&[(BACKUP_FILE_NAME, json.as_bytes())])
    }

    /// Imports a backup (JSON or zipped JSON), merging by id: a record newer in the backup
    /// replaces the one here, an older one is skipped. All or nothing: any problem rejects the
    /// whole import with `ImportRejected` naming it, and the journal is unchanged.
    pub fn import_backup(&self, bytes: Vec<u8>) -> Result<ImportSummary> {
        self.import_backup_at(&bytes, &self.now())
    }

    /// Imports the backup in the file at `path` (JSON or zipped JSON), exactly as
    /// `import_backup` does, but reading the file as a stream: the app need not hold the whole
    /// backup in memory as one byte array. Memory stays bounded whatever the backup's size (up
    /// to the 1 GiB a backup may hold). `ImportRejected` if the file cannot be read.
    pub fn import_backup_file(&self, path: String) -> Result<ImportSummary> {
        self.import_backup_file_at(Path::new(&path), &self.now())
    }

    /// One CSV table per entity (episodes, relief attempts, sleep diary, exposures, treatments,
    /// doses, lab results, severity ratings), live records only, oldest first.
    #[uniffi::method(default(include_notes = true))]
    pub fn csv_tables(&self, include_notes: bool) -> Result<Vec<CsvTable>> {
        self.read(|conn, _| csv::tables(conn, include_notes))
    }

    /// The CSV tables as one zip, for a share sheet.
    #[uniffi::method(default(include_notes = true))]
    pub fn csv_zip(&self, include_notes: bool) -> Result<Vec<u8>> {
        let tables = self.csv_tables(include_notes)?;
        let files: Vec<(&str, &[u8])> = tables
            .iter()
            .map(|t| (t.file_name.as_str(), t.content.as_bytes()))
            .collect();
        archive::write_zip(&files)
    }

    // Encrypted and automatic backups (issue 17).

    /// The backup encrypted with `passphrase` in the `age` format (scrypt), as the zip that
    /// `backup_zip` gives, sealed: the `age` tool opens it with the same passphrase. The core
    /// does not keep the passphrase. `InvalidInput` for a passphrase under 8 characters.
    pub fn backup_encrypted(&self, passphrase: String) -> Result<Vec<u8>> {
        encrypt::encrypt(&self.backup_zip()?, &passphrase)
    }

    /// Imports a backup that may be encrypted (an `age` file with a passphrase, ours or the
    /// `age` tool's); a plain one imports as `import_backup` does. `WrongPassphrase` when the
    /// passphrase does not open it, `ImportRejected` when it is cut short or changed; the
    /// journal is then unchanged. (`import_backup` answers `PassphraseNeeded` for an
    /// encrypted file.)
    pub fn import_backup_with_passphrase(
        &self,
        bytes: Vec<u8>,
        passphrase: String,
    ) -> Result<ImportSummary> {
        self.import_backup_with_passphrase_at(&bytes, &passphrase, &self.now())
    }

    /// [`Journal::import_backup_with_passphrase`] reading the file at `path`.
    pub fn import_backup_file_with_passphrase(
        &self,
        path: String,
        passphrase: String,
    ) -> Result<ImportSummary> {
        self.import_backup_file_with_passphrase_at(Path::new(&path), &passphrase, &self.now())
    }

    /// Writes an automatic backup into `folder` when one is due: the apps call this after each
    /// change (`Changed`: at most once every 10 minutes) and when going to the background
    /// (`Background`: always); `Now` always writes. Encrypted when `passphrase` is given (the
    /// core does not keep it). The file is `rlsjournal-auto-<device id>-<UTC time>.zip[.age]`
    /// (`device_id`); the write is atomic; this device's older backups are pruned to 7 daily +
    /// 4 weekly, other devices' backups, earlier versions' and other files are never touched. `BackupFailed` with a sentence when
    /// the folder cannot be written; `auto_backup_status` then says so too.
    pub fn auto_backup(
        &self,
        folder: String,
        passphrase: Option<String>,
        occasion: BackupOccasion,
    ) -> Result<AutoBackupOutcome> {
        self.auto_backup_at(
            Path::new(&folder),
            passphrase.as_deref(),
            occasion,
            &self.now(),
        )
    }

    /// When the last automatic backup was written, or why the last attempt failed, as a
    /// sentence to show; kept in the journal, so it survives app restarts.
    pub fn auto_backup_status(&self) -> Result<AutoBackupStatus> {
        let state = self.read(|conn, _| backup_state::load(conn))?;
        Ok(auto_backup::status(&state))
    }
}
