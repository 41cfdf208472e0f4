//! `rlsjournal import FILE`: merges a backup (JSON, or the zip `export backup` writes) into the
//! journal with the core's `import_backup_file`, all or nothing, reading the file as a stream.

use std::path::Path;

use rlsjournal_core::export::backup::ImportSummary;
use rlsjournal_core::export::encrypt;
use rlsjournal_core::{JournalError, Moment};

use crate::commands::open_existing_or_new;
use crate::error::{CliError, CliResult};
use crate::json::{self, ImportJson};
use crate::passphrase;
use crate::Context;

/// Runs `import FILE`.
///
/// The file is checked before the journal is opened, so a missing or unreadable file never
/// creates a journal. A backup the core rejects leaves the journal exactly as it was, and the
/// message says so.
pub fn run(ctx: &Context, file: &Path, passphrase_file: Option<&Path>) -> CliResult<String> {
    check_readable(file)?;
    // An encrypted backup (issue 17): the passphrase from the file given, else asked for.
    let secret = if encrypt::file_is_encrypted(file) {
        Some(passphrase::read(passphrase_file, "Backup passphrase: ")?)
    } else {
        None
    };
    // A rejected import into a path that held no journal leaves no new file behind.
    let summary = open_existing_or_new(ctx)?.run_or_discard(|journal| {
        let imported = match &secret {
            Some(secret) => {
                journal.import_backup_file_with_passphrase_at(file, secret, &Moment::now())
            }
            None => journal.import_backup_file_at(file, &Moment::now()),
        };
        imported.map_err(|err| match err {
            JournalError::WrongPassphrase => CliError::Other(format!(
                "cannot import {}: the passphrase does not open it; nothing was imported, \
                     the journal is unchanged",
                file.display()
            )),
            JournalError::ImportRejected { reason } => CliError::Other(format!(
                "cannot import {}: {reason}; nothing was imported, the journal is unchanged",
                file.display()
            )),
            other => CliError::Journal(other),
        })
    })?;
    if ctx.json {
        return Ok(json::to_text(&ImportJson {
            path: file.display().to_string(),
            summary: &summary,
        })?);
    }
    Ok(describe(file, &summary))
}

/// Refuses what cannot be a backup file before anything else happens: a missing or unreadable
/// path, a directory, and anything that is not a regular file (a FIFO would block the reader).
fn check_readable(file: &Path) -> CliResult<()> {
    let cannot =
        |reason: String| CliError::Other(format!("cannot read {}: {reason}", file.display()));
    let meta = std::fs::metadata(file).map_err(|e| cannot(e.to_string()))?;
    if meta.is_dir() {
        return Err(cannot("it is a directory, not a file".into()));
    }
    if !meta.is_file() {
        return Err(cannot("it is not a regular file".into()));
    }
    std::fs::File::open(file).map_err(|e| cannot(e.to_string()))?;
    Ok(())
}

/// `Imported backup.json: 120 records added, 3 updated, 2 unchanged; settings updated.`
fn describe(file: &Path, s: &ImportSummary) -> String {
    let settings = if s.settings_updated {
        "settings updated"
    } else {
        "settings unchanged"
    };
    format!(
        "Imported {}: {} records added, {} updated, {} unchanged; {settings}.\n",
        file.display(),
        s.added,
        s.updated,
        s.unchanged
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_every_count() {
        let s = ImportSummary {
            added: 120,
            updated: 3,
            unchanged: 2,
            settings_updated: true,
        };
        assert_eq!(
            describe(Path::new("b.json"), &s),
            "Imported b.json: 120 records added, 3 updated, 2 unchanged; settings updated.\n"
        );
    }
}
