//! The folder sync's own state (this device's id, what it last wrote, the fingerprints of the
//! files it merged, the last round's outcome), kept in the journal's `settings` table under its
//! own key. It is not part of the journal's settings and no backup or export carries it, so a
//! journal restored from a backup on a new phone is a new device.

use rusqlite::Connection;

use crate::error::Result;
use crate::store::device_state;
use crate::sync::state::SyncState;

const KEY: &str = "folder_sync";

/// The stored state, or the empty one if this journal never synced (a state that no longer
/// decodes counts as none: the next round re-reads every file once and picks a new device id).
pub fn load(conn: &Connection) -> Result<SyncState> {
    device_state::load(conn, KEY)
}

/// Saves the state.
pub fn save(conn: &Connection, state: &SyncState, now_ms: i64) -> Result<()> {
    device_state::save(conn, KEY, state, now_ms)
}

/// A cheap mark of the journal's content: it changes whenever a record is added, changed,
/// deleted or restored (every write raises the row's `updated_ms`, and a merge only replaces a
/// record by a newer one) or the settings change. One pass over the rows' stamp columns, never
/// their data: this decides whether our snapshot needs writing again.
pub fn change_mark(conn: &Connection) -> Result<String> {
    let (count, updated, deleted): (i64, i64, i64) = conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(updated_ms), 0), coalesce(sum(deleted_ms), 0) \
             FROM entries",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let settings: Option<i64> = crate::store::settings::updated_ms(conn)?;
    Ok(format!(
        "{count}:{updated}:{deleted}:{}",
        settings.unwrap_or_default()
    ))
}

/// Whether the journal holds any record at all (deleted ones included): a restore goes only
/// into a journal that holds none.
pub fn has_records(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM entries)")?
        .query_row([], |r| r.get(0))?)
}
