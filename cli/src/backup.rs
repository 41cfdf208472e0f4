//! `rlsjournal backup --folder DIR [--encrypt] [--passphrase-file F]`: writes a backup now into
//! a folder with the core's `auto_backup` (atomic; this device's older backups pruned to 7
//! daily and 4 weekly; other devices' and other files never touched), and says where, or why
//! not, on one line.

use std::path::Path;

use rlsjournal_core::export::auto_backup::BackupOccasion;
use rlsjournal_core::{JournalError, Moment};

use crate::commands::open;
use crate::error::{CliError, CliResult};
use crate::{passphrase, Context};

/// Runs `backup`.
pub fn run(
    ctx: &Context,
    folder: &Path,
    encrypt: bool,
    passphrase_file: Option<&Path>,
) -> CliResult<String> {
    if passphrase_file.is_some() && !encrypt {
        return Err(CliError::invalid(
            "passphrase-file",
            "is only used with --encrypt",
        ));
    }
    let journal = open(ctx)?;
    let secret = if encrypt {
        Some(passphrase::read(passphrase_file, "Backup passphrase: ")?)
    } else {
        None
    };
    let outcome = journal
        .auto_backup_at(
            folder,
            secret.as_deref(),
            BackupOccasion::Now,
            &Moment::now(),
        )
        .map_err(|err| match err {
            JournalError::BackupFailed { reason } => CliError::Other(format!(
                "cannot back up to {}: {reason}; the backups already there are intact",
                folder.display()
            )),
            other => CliError::Journal(other),
        })?;
    let written = outcome.written.unwrap_or_default();
    let path = folder.join(&written);
    if ctx.json {
        return Ok(format!(
            "{}\n",
            serde_json::json!({
                "path": path.display().to_string(),
                "encrypted": encrypt,
                "removed": outcome.removed,
            })
        ));
    }
    let removed = match outcome.removed.len() {
        0 => String::new(),
        1 => "; 1 older backup removed".to_string(),
        n => format!("; {n} older backups removed"),
    };
    let kind = if encrypt {
        "Encrypted backup"
    } else {
        "Backup"
    };
    Ok(format!("{kind} written to {}{removed}.\n", path.display()))
}
