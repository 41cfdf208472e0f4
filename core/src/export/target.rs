//! Where an export may be written: never over a journal.
//!
//! A report, CSV zip or backup written to the wrong path must not destroy a journal: not the
//! open one (a typo such as `--out journal.db`), not its `-wal`/`-shm` files, not another RLS
//! Journal database. Files are compared by device and inode (symlinks and `..` resolved), and
//! the content of an existing target is identified by its SQLite header and `application_id`.
//! An existing target that is not a regular file (a directory, a device such as `/dev/stdout`,
//! a FIFO, a socket) is refused: renaming a temporary file over it would replace it.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{JournalError, Result};
use crate::store::schema::APPLICATION_ID;
use crate::Journal;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// Where SQLite keeps `PRAGMA application_id` in the database header (big-endian).
const APPLICATION_ID_OFFSET: usize = 68;
/// The files SQLite keeps beside a database.
const SIDE_FILE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

fn refused(target: &Path, why: &str) -> JournalError {
    JournalError::invalid(
        "path",
        format!("{} {why}; choose another file name", target.display()),
    )
}

/// Checks that an export may be written at `target`, for the journal whose database file is
/// `journal_file` (`None` for a journal in memory), and returns the path to write: `target`
/// itself, or for a symlink to a regular file the file it points to (so the link stays).
///
/// Refused (`InvalidInput`, field `path`): the journal's own file or its `-wal`/`-shm`, any RLS
/// Journal database or its side files, and an existing target that is not a regular file.
pub fn check_target(target: &Path, journal_file: Option<&Path>) -> Result<PathBuf> {
    let meta = match fs::metadata(target) {
        Ok(meta) => meta,
        // Nothing there yet (or a dangling link): nothing to overwrite. The writer creates it.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(target.to_path_buf()),
        Err(e) => {
            return Err(refused(
                target,
                &format!("cannot be checked ({})", e.kind()),
            ))
        }
    };
    if meta.is_dir() {
        return Err(refused(target, "is a folder, not a file"));
    }
    if !meta.is_file() {
        return Err(refused(
            target,
            "is not a regular file (a device, a pipe or a socket)",
        ));
    }
    let resolved = fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    if let Some(journal) = journal_file {
        for suffix in std::iter::once("").chain(SIDE_FILE_SUFFIXES) {
            let mut name = journal.as_os_str().to_owned();
            name.push(suffix);
            if same_file(&resolved, Path::new(&name)) {
                return Err(refused(
                    target,
                    if suffix.is_empty() {
                        "is the journal itself"
                    } else {
                        "is one of the journal's own files"
                    },
                ));
            }
        }
    }
    if is_journal_database(&resolved) {
        return Err(refused(target, "is an RLS Journal database"));
    }
    let name = resolved.as_os_str().to_string_lossy();
    for suffix in SIDE_FILE_SUFFIXES {
        if let Some(database) = name.strip_suffix(suffix) {
            if is_journal_database(Path::new(database)) {
                return Err(refused(target, "belongs to an RLS Journal database"));
            }
        }
    }
    Ok(resolved)
}

impl Journal {
    /// Checks that an export may be written at `target` (see [`check_target`]) and returns the
    /// path to write. For Rust callers that write files (the terminal, automatic backups).
    pub fn export_target(&self, target: &Path) -> Result<PathBuf> {
        let journal_file =
            self.read(|conn, _| Ok(conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)))?;
        check_target(target, journal_file.as_deref())
    }
}

/// Whether `a` and `b` are the same file (device and inode on Unix; elsewhere the same
/// canonical path). A file that does not exist is nobody's twin.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// Whether `path` is an SQLite database with the journal's `application_id`.
fn is_journal_database(path: &Path) -> bool {
    let mut header = [0u8; APPLICATION_ID_OFFSET + 4];
    let read = File::open(path).and_then(|mut f| f.read_exact(&mut header));
    if read.is_err() || !header.starts_with(SQLITE_HEADER) {
        return false;
    }
    header
        .get(APPLICATION_ID_OFFSET..)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .is_some_and(|b| i32::from_be_bytes(b) == APPLICATION_ID)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(r: Result<PathBuf>) -> String {
        match r {
            Err(JournalError::InvalidInput { field, reason }) => {
                assert_eq!(field, "path");
                reason
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn a_journal_and_its_files_are_never_a_target() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("j.db");
        let journal = Journal::open_path(&db).unwrap();
        journal.quick_log(5, None, None).unwrap();
        for name in ["j.db", "j.db-wal", "j.db-shm"] {
            let target = dir.path().join(name);
            assert!(target.exists(), "{name}");
            assert!(reason(check_target(&target, Some(&db))).contains("journal"));
        }
        // Through a symlink and a `..` detour too.
        let link = dir.path().join("report.pdf");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        assert!(reason(check_target(&link, Some(&db))).contains("is the journal itself"));
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        let detour = sub.join("..").join("j.db");
        assert!(reason(check_target(&detour, Some(&db))).contains("journal"));
        // Another journal, seen from this one (or from none).
        let other = dir.path().join("other.db");
        drop(Journal::open_path(&other).unwrap());
        assert!(reason(check_target(&other, Some(&db))).contains("RLS Journal database"));
        assert!(reason(check_target(&other, None)).contains("RLS Journal database"));
    }

    #[test]
    fn only_regular_files_or_new_names_are_targets() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("report.pdf");
        assert_eq!(check_target(&new, None).unwrap(), new);
        fs::write(&new, b"%PDF-1.7 an older report").unwrap();
        assert_eq!(
            check_target(&new, None).unwrap(),
            new.canonicalize().unwrap()
        );
        // A link to a regular file resolves to the file, so writing keeps the link.
        let link = dir.path().join("latest.pdf");
        std::os::unix::fs::symlink(&new, &link).unwrap();
        assert_eq!(
            check_target(&link, None).unwrap(),
            new.canonicalize().unwrap()
        );
        assert!(reason(check_target(dir.path(), None)).contains("is a folder"));
        assert!(reason(check_target(Path::new("/dev/null"), None)).contains("not a regular file"));
        // Another app's SQLite database is not ours to protect, but a plain file is fine.
        let foreign = dir.path().join("foreign.db");
        rusqlite::Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert!(check_target(&foreign, None).is_ok());
    }
}
