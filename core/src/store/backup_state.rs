//! The automatic backup's own state (when it last wrote, its last failure), kept in the
//! journal's `settings` table under its own key, so the debounce and the status survive app
//! restarts. It is not part of the journal's settings and no backup carries it.

use rusqlite::Connection;

use crate::error::Result;
use crate::export::auto_backup::AutoBackupState;
use crate::store::device_state;

const KEY: &str = "auto_backup";

/// The stored state, or the empty one if no automatic backup ever ran (a state that no longer
/// decodes counts as none: it only delays or hurries one backup).
pub fn load(conn: &Connection) -> Result<AutoBackupState> {
    device_state::load(conn, KEY)
}

/// Saves the state.
pub fn save(conn: &Connection, state: &AutoBackupState, now_ms: i64) -> Result<()> {
    device_state::save(conn, KEY, state, now_ms)
}
