//! Opening a journal file: refuse anything that is not ours without touching it, pick how to
//! open it (for writing; for reading only; on a full disk), set the pragmas, and create or
//! upgrade the schema safely when several processes open a new journal at once.
//!
//! How each kind of file is opened:
//! - a writable journal (or a new one): read-write, WAL, the schema created or upgraded inside
//!   one `BEGIN IMMEDIATE` transaction that re-checks the version under the lock;
//! - a full disk: SQLite cannot grow the `-shm` file that maps the WAL index, so the first read
//!   fails with an I/O error; the journal is reopened with `locking_mode=EXCLUSIVE`, which keeps
//!   the WAL index in memory (no `-shm`), so reading and exporting still work;
//! - a read-only journal (no write permission, a read-only disk or folder): opened with
//!   `SQLITE_OPEN_READONLY`; when its WAL is empty it is opened `immutable`, which creates no
//!   `-wal`/`-shm` at all (a read-only folder cannot hold them, and a `-shm` created by root
//!   next to a 0444 journal would carry 0444 and break later writes). Writes then fail with
//!   "the journal is read-only".

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::ffi::ErrorCode;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{JournalError, Result};
use crate::store::file_access::{self, shown, Existing};
use crate::store::{pragmas, schema};

/// How long an opener waits for another one (creating the schema, switching to WAL).
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(5_000);

/// What a database says it is, read in one snapshot.
struct Identity {
    user_version: i64,
    application_id: i32,
    objects: i64,
}

/// How the journal ended up open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Read-write, WAL index in the shared `-shm` file.
    Shared,
    /// Read-write, WAL index in memory: the disk is full (see the module comment).
    Exclusive,
    /// Reading only.
    ReadOnly,
}

/// Opens (or creates) the journal at `path`.
///
/// A path that is not a regular file, a file that is not an SQLite database, an SQLite
/// database that is not a journal, or a journal from a newer version is refused with a typed
/// error before anything is written to it. The path is always a path (never an SQLite URI).
pub fn open_file(path: &Path) -> Result<Connection> {
    let path = file_access::absolute(path)?;
    match file_access::inspect(&path)? {
        Existing::Absent => {
            file_access::create_private(&path)?;
            open_writable(&path)
        }
        Existing::Empty => open_writable(&path),
        Existing::Database { read_only } => {
            // Journals from before 0600 (or copied in) lose group/other access if ours.
            file_access::tighten_modes(&path);
            if read_only {
                open_read_only(&path)
            } else {
                open_writable(&path)
            }
        }
    }
}

/// Opens a new journal that lives in memory only (tests, previews).
pub fn open_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    pragmas::configure(&conn)?;
    let identity = identify(&conn).map_err(JournalError::from)?;
    migrate(conn, identity, Path::new(":memory:"))
}

/// SQLite's `data_version`: it changes when another connection to the same file commits (and
/// never for this connection's own commits).
pub fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?)
}

/// Whether this connection can only read (the journal was opened read-only).
pub fn is_read_only(conn: &Connection) -> bool {
    conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
}

/// The error for a write on a read-only journal: names the file, says nothing changed.
pub fn read_only_error(conn: &Connection) -> JournalError {
    let path = conn.path().map(Path::new).map(shown).unwrap_or_default();
    JournalError::Storage {
        detail: format!(
            "the journal {path} is read-only (its file, folder or disk cannot be written); \
             nothing was changed"
        ),
    }
}

fn open_writable(path: &Path) -> Result<Connection> {
    let conn = sqlite_open(path, Access::Shared)?;
    if is_read_only(&conn) {
        // SQLite fell back to reading: the file cannot be written (another user's file, a
        // read-only disk).
        drop(conn);
        return open_read_only(path);
    }
    match identify(&conn) {
        Ok(identity) => finish(conn, identity, Access::Shared, path),
        Err(e)
            if code(&e) == Some(ErrorCode::CannotOpen) || code(&e) == Some(ErrorCode::ReadOnly) =>
        {
            // The file is writable but its folder is not: no `-wal`/`-shm` can be created.
            drop(conn);
            open_read_only(path)
        }
        Err(e)
            if code(&e) == Some(ErrorCode::SystemIoFailure)
                || code(&e) == Some(ErrorCode::DiskFull) =>
        {
            // Most likely a full disk (the `-shm` cannot grow); if not, the retry fails too
            // and its error is reported.
            drop(conn);
            let conn = sqlite_open(path, Access::Exclusive)?;
            let identity = identify(&conn).map_err(|e| open_error(path, &e))?;
            finish(conn, identity, Access::Exclusive, path)
        }
        Err(e) => Err(open_error(path, &e)),
    }
}

fn open_read_only(path: &Path) -> Result<Connection> {
    let conn = sqlite_open(path, Access::ReadOnly)?;
    let identity = identify(&conn).map_err(|e| open_error(path, &e))?;
    finish(conn, identity, Access::ReadOnly, path)
}

/// Opens the SQLite connection; no statement has run yet.
fn sqlite_open(path: &Path, access: Access) -> Result<Connection> {
    let base = OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let opened = match access {
        Access::Shared | Access::Exclusive => {
            // No SQLITE_OPEN_CREATE: the file exists (created 0600 above); SQLite must not
            // create one elsewhere.
            Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE)
        }
        Access::ReadOnly => match immutable_uri(path) {
            // Nothing in the WAL: read the file as it is, creating no `-wal`/`-shm`.
            Some(uri) if !file_access::wal_has_content(path) => Connection::open_with_flags(
                uri,
                base | OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
            ),
            _ => Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY),
        },
    };
    let conn = opened.map_err(|e| open_error(path, &e))?;
    // First, so every step below waits for other openers instead of failing.
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| open_error(path, &e))?;
    if access == Access::Exclusive {
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(|e| open_error(path, &e))?;
    }
    Ok(conn)
}

/// An SQLite URI naming `path` read-only and immutable, every byte that is not a plain path
/// character percent-encoded (so `?`, `#` and `%` in a name stay part of the name).
#[cfg(unix)]
fn immutable_uri(path: &Path) -> Option<String> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    if bytes.first() != Some(&b'/') {
        return None;
    }
    let mut uri = String::from("file://");
    for &b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Some(uri)
}

#[cfg(not(unix))]
fn immutable_uri(_path: &Path) -> Option<String> {
    None
}

/// Reads what the database says it is, in one read transaction (one snapshot: another opener
/// creating the schema meanwhile is seen entirely or not at all).
fn identify(conn: &Connection) -> rusqlite::Result<Identity> {
    conn.execute_batch("BEGIN DEFERRED")?;
    let read = identify_in(conn);
    let end = conn.execute_batch(if read.is_ok() { "COMMIT" } else { "ROLLBACK" });
    let identity = read?;
    end?;
    Ok(identity)
}

/// Refuses a foreign or newer database; returns the schema version otherwise.
fn check(identity: &Identity, path: &Path) -> Result<u32> {
    if identity.objects > 0 && identity.application_id != schema::APPLICATION_ID {
        return Err(JournalError::Corrupt {
            detail: format!(
                "{} is an SQLite database but not an RLS Journal; it was left untouched",
                shown(path)
            ),
        });
    }
    let version = u32::try_from(identity.user_version).map_err(|_| JournalError::Corrupt {
        detail: format!("{} has an invalid schema version", shown(path)),
    })?;
    if version > schema::CURRENT_VERSION {
        return Err(JournalError::IncompatibleVersion {
            found: version,
            supported: schema::CURRENT_VERSION,
        });
    }
    Ok(version)
}

/// Sets the pragmas and brings the schema to the current version (writable journals).
fn finish(conn: Connection, identity: Identity, access: Access, path: &Path) -> Result<Connection> {
    let version = check(&identity, path)?;
    if access == Access::ReadOnly {
        if version < schema::CURRENT_VERSION {
            return Err(JournalError::Storage {
                detail: if identity.objects == 0 {
                    format!(
                        "{} is empty and read-only: there is no journal to read",
                        shown(path)
                    )
                } else {
                    format!(
                        "{} is read-only and needs an upgrade to this version; \
                         make it writable once",
                        shown(path)
                    )
                },
            });
        }
        pragmas::configure(&conn).map_err(|e| with_path(e, path))?;
        return Ok(conn);
    }
    pragmas::use_wal(&conn, path)?;
    pragmas::configure(&conn).map_err(|e| with_path(e, path))?;
    migrate(conn, identity, path)
}

/// Creates or upgrades the schema if needed, inside one `BEGIN IMMEDIATE` transaction that
/// identifies the database again under the write lock: when several processes open a new
/// journal at once, exactly one creates the schema and the others find it done.
fn migrate(mut conn: Connection, identity: Identity, path: &Path) -> Result<Connection> {
    if check(&identity, path)? == schema::CURRENT_VERSION {
        return Ok(conn);
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| open_error(path, &e))?;
    let locked = identify_in(&tx).map_err(|e| open_error(path, &e))?;
    let version = check(&locked, path)?;
    if version < schema::CURRENT_VERSION {
        if version == 0 && locked.objects == 0 {
            schema::create(&tx)?;
        } else {
            schema::upgrade(&tx, version)?;
        }
    }
    tx.commit().map_err(|e| open_error(path, &e))?;
    Ok(conn)
}

/// [`identify`] inside a transaction that is already open.
fn identify_in(conn: &Connection) -> rusqlite::Result<Identity> {
    Ok(Identity {
        user_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        application_id: conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
        objects: conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?,
    })
}

/// Retries `f` while SQLite reports the database busy, up to [`BUSY_TIMEOUT`] (for steps the
/// busy handler does not cover, such as switching to WAL while another opener holds a lock).
pub(crate) fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let started = Instant::now();
    loop {
        match f() {
            Err(e)
                if matches!(
                    code(&e),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

fn code(e: &rusqlite::Error) -> Option<ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(err, _) => Some(err.code),
        _ => None,
    }
}

/// An SQLite failure while opening, as a sentence naming the path (no raw SQLite text).
pub(crate) fn open_error(path: &Path, e: &rusqlite::Error) -> JournalError {
    let p = shown(path);
    let detail = match code(e) {
        Some(ErrorCode::DiskFull) => format!("the disk holding the journal {p} is full"),
        Some(ErrorCode::CannotOpen) => {
            format!("cannot open the journal {p}: the file or its folder cannot be read or written")
        }
        Some(ErrorCode::ReadOnly) => format!("the journal {p} is read-only"),
        Some(ErrorCode::PermissionDenied) => {
            format!("cannot open the journal {p}: permission denied")
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            format!("the journal {p} is in use by another program; try again")
        }
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            return JournalError::Corrupt {
                detail: format!("{p} is damaged or not an RLS Journal file; it was left untouched"),
            }
        }
        Some(ErrorCode::SystemIoFailure) => {
            format!("cannot read or write the journal {p}: the disk reported an error")
        }
        _ => format!("cannot open the journal {p}: {}", short(e)),
    };
    JournalError::Storage { detail }
}

/// Adds the path to a storage error raised while configuring the connection.
fn with_path(e: JournalError, path: &Path) -> JournalError {
    match e {
        JournalError::Storage { detail } => JournalError::Storage {
            detail: format!("cannot open the journal {}: {detail}", shown(path)),
        },
        other => other,
    }
}

/// An error's text, cut to a bounded length.
fn short(e: &rusqlite::Error) -> String {
    e.to_string().chars().take(80).collect()
}
