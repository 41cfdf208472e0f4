//! The exported export and import calls on `Journal`.

use std::path::Path;

use crate::error::Result;
use crate::export::archive::{self, BackupSource};
use crate::export::backup::{self, ImportSummary, BACKUP_FILE_NAME};
use crate::export::csv::{self, CsvTable};
use crate::journal::Journal;
use crate::time::Moment;

impl Journal {
    /// The backup document as of `now` (deterministic, for tests).
    pub fn backup_json_at(&self, now: &Moment) -> Result<String> {
        self.read(|conn, settings| backup::export_json(conn, settings, now))
    }

    /// Imports a backup with an explicit `now` for validating records (tests). Record stamps
    /// are checked against this device's clock, or `now` if that is later.
    pub fn import_backup_at(&self, bytes: &[u8], now: &Moment) -> Result<ImportSummary> {
        self.write(|tx, settings| backup::import(tx, settings, BackupSource::Bytes(bytes), now))
    }

    /// [`Journal::import_backup_file`] with an explicit `now` (tests).
    pub fn import_backup_file_at(&self, path: &Path, now: &Moment) -> Result<ImportSummary> {
        self.write(|tx, settings| backup::import(tx, settings, BackupSource::File(path), now))
    }
}

#[uniffi::export]
impl Journal {
    /// The lossless backup: a versioned JSON document of every record (deleted ones included)
    /// and the settings. Import it with `import_backup`.
    pub fn backup_json(&self) -> Result<String> {
        self.backup_json_at(&Moment::now())
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
        self.import_backup_at(&bytes, &Moment::now())
    }

    /// Imports the backup in the file at `path` (JSON or zipped JSON), exactly as
    /// `import_backup` does, but reading the file as a stream: the app need not hold the whole
    /// backup in memory as one byte array. Memory stays bounded whatever the backup's size (up
    /// to the 1 GiB a backup may hold). `ImportRejected` if the file cannot be read.
    pub fn import_backup_file(&self, path: String) -> Result<ImportSummary> {
        self.import_backup_file_at(Path::new(&path), &Moment::now())
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
}
