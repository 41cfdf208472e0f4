//! `rlsjournal import FILE`: merges a backup (JSON, or the zip `export backup` writes) into the
//! journal with the core's `import_backup`, all or nothing.

use std::path::Path;

use rlsjournal_core::export::backup::{ImportSummary, MAX_BACKUP_BYTES};
use rlsjournal_core::JournalError;

use crate::commands::open;
use crate::error::{CliError, CliResult};
use crate::json::{self, ImportJson};
use crate::{files, Context};

/// Runs `import FILE`.
///
/// The file is read before the journal is opened, so a missing or unreadable file never
/// creates a journal. A backup the core rejects leaves the journal exactly as it was, and the
/// message says so.
pub fn run(ctx: &Context, file: &Path) -> CliResult<String> {
    let bytes = files::read_limited(file, MAX_BACKUP_BYTES)?;
    let journal = open(ctx)?;
    let summary = journal.import_backup(bytes).map_err(|err| match err {
        JournalError::ImportRejected { reason } => CliError::Other(format!(
            "cannot import {}: {reason}; nothing was imported, the journal is unchanged",
            file.display()
        )),
        other => CliError::Journal(other),
    })?;
    if ctx.json {
        return Ok(json::to_text(&ImportJson::of(file, &summary))?);
    }
    Ok(describe(file, &summary))
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
