//! Every connection pragma, set in one place, and the effective values read back (tests assert
//! them on every open path, so a change that weakens durability fails).
//!
//! - `journal_mode=WAL`: readers never block the writer, and a commit is one append.
//! - `synchronous=FULL`: a commit is on disk before the call returns, so an entry the core
//!   acknowledged survives a power cut (WAL with NORMAL could lose the last commits).
//! - `foreign_keys=ON`: a relief attempt or dose cannot point at a missing record.
//! - `busy_timeout=5000`: a second connection (a backup, a widget, another opener) waits
//!   instead of failing (set first of all, in `connection.rs`).
//! - `temp_store=MEMORY`: sorts for summaries never touch the disk (a full disk can be read).
//! - `trusted_schema=OFF` and `SQLITE_DBCONFIG_DEFENSIVE`: a damaged or hostile file cannot use
//!   schema tricks or direct writes to corrupt itself further.

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::Connection;

use crate::error::{JournalError, Result};
use crate::store::connection::{open_error, retry_busy, BUSY_TIMEOUT};
use crate::store::file_access::shown;

/// Switches the journal to WAL. Switching needs a moment of exclusive access, which SQLite's
/// busy handler does not always wait for when several processes open a new journal at once,
/// so a busy answer is retried for up to the busy timeout.
pub fn use_wal(conn: &Connection, path: &Path) -> Result<()> {
    let current: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .map_err(|e| open_error(path, &e))?;
    if current.eq_ignore_ascii_case("wal") {
        return Ok(());
    }
    let mode: String = retry_busy(|| {
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            Ok(mode)
        } else {
            // Another connection held the file: SQLite kept the old mode; try again.
            Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                None,
            ))
        }
    })
    .map_err(|e| open_error(path, &e))?;
    if mode.eq_ignore_ascii_case("wal") {
        Ok(())
    } else {
        Err(JournalError::Storage {
            detail: format!("the journal {} could not switch to WAL mode", shown(path)),
        })
    }
}

/// The page cache per connection, in KiB (SQLite reads a negative `cache_size` as KiB; its
/// default is 2,000). A ten-year journal's records and night index are about 7 MB: with the
/// default, every long summary read most of them again from the file, a tenth of its time in
/// `pread`. SQLite allocates pages only as it reads them, so a small journal costs no more.
pub const PAGE_CACHE_KIB: i64 = 8_192;

/// Sets every other pragma (WAL is [`use_wal`]), the same on every connection: read-only ones
/// too, so that what the tests assert does not depend on how the journal was opened.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// The connection's effective settings, as SQLite reports them: `journal_mode`, `synchronous`
/// (0 off, 1 normal, 2 full, 3 extra), `foreign_keys`, `busy_timeout` (ms), `temp_store`
/// (2 memory), `cache_size` (negative: KiB), `trusted_schema`, `defensive`, `read_only`.
pub fn effective(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for name in [
        "journal_mode",
        "synchronous",
        "foreign_keys",
        "busy_timeout",
        "temp_store",
        "cache_size",
        "trusted_schema",
    ] {
        let value: rusqlite::types::Value = conn.pragma_query_value(None, name, |r| r.get(0))?;
        let text = match value {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t.to_ascii_lowercase(),
            other => format!("{other:?}"),
        };
        out.push((name.to_string(), text));
    }
    let defensive = conn.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE)?;
    out.push(("defensive".into(), u8::from(defensive).to_string()));
    let read_only = crate::store::connection::is_read_only(conn);
    out.push(("read_only".into(), u8::from(read_only).to_string()));
    Ok(out)
}
