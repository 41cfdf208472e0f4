//! Opening a journal file: refuse anything that is not ours without touching it, set the
//! pragmas, create or upgrade the schema.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{config::DbConfig, Connection, OpenFlags, TransactionBehavior};

use crate::error::{JournalError, Result};
use crate::store::schema;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Opens (or creates) the journal at `path`.
///
/// A file that is not an SQLite database, an SQLite database that is not a journal, or a journal
/// from a newer version is refused with a typed error before anything is written to it.
pub fn open_file(path: &Path) -> Result<Connection> {
    check_existing_file(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| JournalError::Storage {
        detail: format!("cannot open {}: {e}", path.display()),
    })?;
    prepare(conn, true)
}

/// Opens a new journal that lives in memory only (tests, previews).
pub fn open_memory() -> Result<Connection> {
    prepare(Connection::open_in_memory()?, false)
}

/// SQLite's `data_version`: it changes when another connection to the same file commits (and
/// never for this connection's own commits).
pub fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?)
}

/// Checks a file before SQLite opens it for writing: if it exists and is not empty, it must start
/// with the SQLite header (otherwise SQLite might later treat it as a new database).
fn check_existing_file(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(JournalError::Storage {
                detail: format!("cannot read {}: {e}", path.display()),
            })
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(header.get_mut(read..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(JournalError::Storage {
                    detail: format!("cannot read {}: {e}", path.display()),
                })
            }
        }
    }
    if read == 0 || &header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(JournalError::Corrupt {
            detail: format!("{} is not an SQLite database", path.display()),
        })
    }
}

/// Identifies the database, then sets pragmas and brings the schema to the current version.
fn prepare(mut conn: Connection, durable_file: bool) -> Result<Connection> {
    // Reads only: nothing below writes until the file is known to be ours and not too new.
    let version = schema::version(&conn)?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if objects > 0 && app_id != schema::APPLICATION_ID {
        return Err(JournalError::Corrupt {
            detail: "the file is an SQLite database but not an RLS Journal".into(),
        });
    }
    if version > schema::CURRENT_VERSION {
        return Err(JournalError::IncompatibleVersion {
            found: version,
            supported: schema::CURRENT_VERSION,
        });
    }
    configure(&conn, durable_file)?;
    if version < schema::CURRENT_VERSION {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version == 0 && objects == 0 {
            schema::create(&tx)?;
        } else {
            schema::upgrade(&tx, version)?;
        }
        tx.commit()?;
    }
    Ok(conn)
}

/// Sets every connection pragma, in one place.
///
/// - `journal_mode=WAL`: readers never block the writer, and a commit is one append.
/// - `synchronous=FULL`: a commit is on disk before the call returns, so an entry the core
///   acknowledged survives a power cut (WAL with NORMAL could lose the last commits).
/// - `foreign_keys=ON`: a relief attempt or dose cannot point at a missing record.
/// - `busy_timeout=5000`: a second connection (a backup, a test) waits instead of failing.
/// - `temp_store=MEMORY`: sorts for summaries never touch the disk.
/// - `trusted_schema=OFF` and `SQLITE_DBCONFIG_DEFENSIVE`: a damaged or hostile file cannot use
///   schema tricks or direct writes to corrupt itself further.
fn configure(conn: &Connection, durable_file: bool) -> Result<()> {
    if durable_file {
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(JournalError::Storage {
                detail: format!("the journal could not switch to WAL mode (got {mode})"),
            });
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(Duration::from_millis(5_000))?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}
