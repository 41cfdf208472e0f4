//! Settings storage: one JSON document under the key `settings`.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{JournalError, Result};
use crate::model::meta::own_stamp;
use crate::settings::Settings;

const KEY: &str = "settings";

/// Reads the settings, or the defaults if none were saved.
pub fn load(conn: &Connection) -> Result<Settings> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([KEY], |r| r.get(0))
        .optional()?;
    match text {
        None => Ok(Settings::default()),
        Some(t) => serde_json::from_str::<Settings>(&t)
            .map_err(|e| JournalError::Corrupt {
                detail: format!("stored settings could not be read: {e}"),
            })?
            .validated(),
    }
}

/// Saves the settings changed here now, stamped later than the version they replace even when
/// this device's clock is behind (merge rule 2 in `model::meta`).
pub fn save(conn: &Connection, settings: &Settings, now_ms: i64) -> Result<()> {
    let stamp = match updated_ms(conn)? {
        Some(previous) => own_stamp(now_ms).max(previous.saturating_add(1)),
        None => own_stamp(now_ms),
    };
    put(conn, settings, stamp)
}

/// Writes the settings with exactly this stamp (an import).
pub fn put(conn: &Connection, settings: &Settings, stamp_ms: i64) -> Result<()> {
    // The same row write as the device state's: one JSON value under its key, stamped.
    super::device_state::save(conn, KEY, settings, stamp_ms)
}

/// When the settings were last changed (epoch ms), if they ever were.
pub fn updated_ms(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT updated_ms FROM settings WHERE key = ?1")?
        .query_row([KEY], |r| r.get(0))
        .optional()?)
}
