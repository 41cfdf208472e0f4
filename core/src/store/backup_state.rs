//! The automatic backup's own state (when it last wrote, its last failure), kept in the
//! journal's `settings` table under its own key, so the debounce and the status survive app
//! restarts. It is not part of the journal's settings and no backup carries it.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{JournalError, Result};
use crate::export::auto_backup::AutoBackupState;

const KEY: &str = "auto_backup";

/// The stored state, or the empty one if no automatic backup ever ran (a state that no longer
/// decodes counts as none: it only delays or hurries one backup).
pub fn load(conn: &Connection) -> Result<AutoBackupState> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([KEY], |r| r.get(0))
        .optional()?;
    Ok(text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// Saves the state.
pub fn save(conn: &Connection, state: &AutoBackupState, now_ms: i64) -> Result<()> {
    let text = serde_json::to_string(state).map_err(|e| JournalError::Storage {
        detail: e.to_string(),
    })?;
    conn.prepare_cached(
        "INSERT INTO settings (key, value, updated_ms) VALUES (?1, ?2, ?3) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms",
    )?
    .execute(params![KEY, text, now_ms])?;
    Ok(())
}
