//! `rlsjournal sync --folder DIR` (merge the other devices' files in, write this device's file
//! out) and `rlsjournal restore --from PATH` (the new phone: a journal from a sync folder or a
//! backup file), on the core's `sync_folder` and `restore`; the passphrase from a file or
//! standard input, never from the command line; one line for every error.

use std::path::Path;

use rlsjournal_core::export::encrypt;
use rlsjournal_core::sync::names::DEVICE_PREFIX;
use rlsjournal_core::{Journal, JournalError, Moment, SyncReport};
use serde::Serialize;

use crate::commands::open;
use crate::error::{CliError, CliResult};
use crate::{json, passphrase, paths, Context};

/// Where the passphrase comes from, if one is used.
pub struct PassphraseFrom<'a> {
    /// `--passphrase-file F`.
    pub file: Option<&'a Path>,
    /// `--passphrase-stdin`.
    pub stdin: bool,
}

impl PassphraseFrom<'_> {
    fn given(&self) -> bool {
        self.file.is_some() || self.stdin
    }

    fn read(&self) -> CliResult<String> {
        passphrase::read(self.file, "Sync passphrase: ")
    }
}

/// Runs `sync --folder DIR`.
pub fn run_sync(ctx: &Context, folder: &Path, from: &PassphraseFrom<'_>) -> CliResult<String> {
    let secret = from.given().then(|| from.read()).transpose()?;
    let journal = open(ctx)?;
    let report = journal
        .sync_folder_at(folder, secret.as_deref(), &Moment::now())
        .map_err(|err| match err {
            JournalError::SyncFailed { reason } => CliError::Other(format!(
                "cannot sync with {}: {reason}; the journal and the folder's files are intact",
                folder.display()
            )),
            other => CliError::Journal(other),
        })?;
    if ctx.json {
        return Ok(json::to_text(&report)?);
    }
    Ok(describe(&report))
}

/// The round in words: its sentence, then each skipped file's sentence on its own line.
fn describe(report: &SyncReport) -> String {
    let mut out = format!("{}\n", report.sentence);
    for line in &report.skipped {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

/// What `restore --json` prints.
#[derive(Serialize)]
struct RestoreJson<'a> {
    path: String,
    from: String,
    merged: &'a [String],
    skipped: &'a [String],
}

/// Whether restoring from `source` needs a passphrase: an encrypted backup file, or a folder
/// holding an encrypted device file.
fn needs_passphrase(source: &Path) -> bool {
    if source.is_dir() {
        return std::fs::read_dir(source)
            .map(|entries| {
                entries.flatten().any(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with(DEVICE_PREFIX) && name.ends_with(".age")
                })
            })
            .unwrap_or(false);
    }
    encrypt::file_is_encrypted(source)
}

/// Runs `restore --from PATH`: a new journal at `--db` (or the default path), refused where a
/// journal with records already is.
pub fn run_restore(ctx: &Context, source: &Path, from: &PassphraseFrom<'_>) -> CliResult<String> {
    if let Err(e) = std::fs::metadata(source) {
        return Err(CliError::Other(format!(
            "cannot restore from {}: {e}",
            source.display()
        )));
    }
    let secret = (from.given() || needs_passphrase(source))
        .then(|| from.read())
        .transpose()?;
    let path = paths::journal(ctx.db.as_ref())?;
    let journal =
        Journal::restore_at(&path, source, secret.as_deref(), &Moment::now()).map_err(|err| {
            match err {
                JournalError::RestoreRefused { .. } => CliError::Other(format!(
                "cannot restore into {}: it already holds records, and restore never overwrites \
                 them (to merge a backup or a folder into it, use import or sync)",
                path.display()
            )),
                JournalError::WrongPassphrase => CliError::Other(format!(
                "cannot restore from {}: the passphrase does not open it; no journal was created",
                source.display()
            )),
                JournalError::ImportRejected { reason } => CliError::Other(format!(
                    "cannot restore from {}: {reason}; no journal was created",
                    source.display()
                )),
                JournalError::SyncFailed { reason } => CliError::Other(format!(
                    "cannot restore from {}: {reason}; no journal was created",
                    source.display()
                )),
                other => CliError::Journal(other),
            }
        })?;
    let status = journal.sync_status()?;
    if ctx.json {
        return Ok(json::to_text(&RestoreJson {
            path: path.display().to_string(),
            from: source.display().to_string(),
            merged: &status.merged,
            skipped: &status.skipped,
        })?);
    }
    let mut out = format!(
        "Restored the journal at {} from {}",
        path.display(),
        source.display()
    );
    if source.is_dir() {
        out.push_str(&format!(
            " ({} merged",
            match status.merged.len() {
                1 => "1 device file".to_string(),
                n => format!("{n} device files"),
            }
        ));
        if !status.skipped.is_empty() {
            out.push_str(&format!(", {} skipped", status.skipped.len()));
        }
        out.push(')');
    }
    out.push_str("; its next sync joins the folder as a new device.\n");
    for line in &status.skipped {
        out.push_str(&format!("  {line}\n"));
    }
    Ok(out)
}
