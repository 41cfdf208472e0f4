//! The journal's file before SQLite sees it: what kind of file the path names, creating a new
//! journal file private to its owner, tightening the modes of an existing one, and naming the
//! path in errors without letting a long path make the message long.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use crate::error::{JournalError, Result};

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Paths longer than this many characters are shortened (from the front) in error messages.
const PATH_IN_MESSAGE_CHARS: usize = 120;

/// The mode of journal files: readable and writable by their owner only (health data).
#[cfg(unix)]
pub const FILE_MODE: u32 = 0o600;

/// What the path names, as far as opening a journal is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Nothing yet: a new journal is created there.
    Absent,
    /// A regular file that is empty (a journal created a moment ago by another opener, or by
    /// the caller to know whether it created the file).
    Empty,
    /// A regular file starting with the SQLite header.
    Database {
        /// The file's permissions allow no writes (e.g. `chmod 0444`): the person made it
        /// read-only, so it is opened for reading only, even by a user (root) who could write.
        read_only: bool,
    },
}

/// The path for messages: at most [`PATH_IN_MESSAGE_CHARS`] characters, shortened from the
/// front (the file name is the part a person recognises).
pub fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    let count = text.chars().count();
    if count <= PATH_IN_MESSAGE_CHARS {
        return text;
    }
    let tail: String = text
        .chars()
        .skip(count - (PATH_IN_MESSAGE_CHARS - 1))
        .collect();
    format!("…{tail}")
}

/// The path made absolute without touching the file system. SQLite (built with
/// `SQLITE_USE_URI`) reads any name starting with `file:` as a URI; an absolute path never
/// starts so, so the journal's path is always a path.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| JournalError::Storage {
        detail: format!(
            "cannot find the journal {}: the current folder is unknown ({})",
            shown(path),
            io_reason(&e)
        ),
    })
}

/// Looks at the path without opening anything that could block (a FIFO) or that is not ours:
/// refuses whatever is not a regular file or absent, and a regular file that is not SQLite.
pub fn inspect(path: &Path) -> Result<Existing> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            match std::fs::symlink_metadata(path) {
                // A symbolic link to nothing: SQLite would create the target somewhere else.
                Ok(link) if link.file_type().is_symlink() => {
                    return Err(JournalError::Storage {
                        detail: format!(
                            "{} is a link to a file that does not exist; give the journal's own \
                             path",
                            shown(path)
                        ),
                    });
                }
                // Another opener (the app, a widget) created it a moment ago: look again.
                Ok(_) => std::fs::metadata(path).map_err(|e| JournalError::Storage {
                    detail: format!("cannot look at {}: {}", shown(path), io_reason(&e)),
                })?,
                Err(_) => return Ok(Existing::Absent),
            }
        }
        Err(e) => {
            return Err(JournalError::Storage {
                detail: format!("cannot look at {}: {}", shown(path), io_reason(&e)),
            })
        }
    };
    if !meta.is_file() {
        return Err(JournalError::Storage {
            detail: format!(
                "{} is {}, not a journal file; give the path of a journal file",
                shown(path),
                kind_of(&meta)
            ),
        });
    }
    if meta.len() == 0 {
        return Ok(Existing::Empty);
    }
    if read_header(path)? != *SQLITE_HEADER {
        return Err(JournalError::Corrupt {
            detail: format!(
                "{} is not an RLS Journal file (not an SQLite database)",
                shown(path)
            ),
        });
    }
    Ok(Existing::Database {
        read_only: meta.permissions().readonly(),
    })
}

/// Creates a new, empty journal file private to its owner (0600 whatever the umask), unless a
/// file is already there. SQLite gives the `-wal` and `-shm` files the database file's mode,
/// so creating this file first makes all three private. Returns whether this call created it.
pub fn create_private(path: &Path) -> Result<bool> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    match options.open(path) {
        Ok(file) => {
            // The umask may have removed bits from the mode asked for (0277 gives 0400).
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))
                    .map_err(|e| create_error(path, &e))?;
            }
            drop(file);
            Ok(true)
        }
        // Another opener created it a moment ago: open it as theirs.
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(create_error(path, &e)),
    }
}

/// Removes group and other permissions from the journal and its `-wal`/`-shm`, for files
/// this user owns (a journal written by an older version under umask 022 was 0644). Files of
/// other users are left alone, even when running as root; failures (a read-only disk) are
/// ignored: the modes are a protection, not a condition for reading.
pub fn tighten_modes(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        for file in with_companions(path) {
            let Ok(meta) = std::fs::symlink_metadata(&file) else {
                continue;
            };
            let mode = meta.mode() & 0o777;
            if meta.is_file() && is_mine(&meta) && mode & 0o077 != 0 {
                let _ =
                    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode & 0o700));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Whether this user owns the file or folder `meta` describes (always true off Unix).
pub fn is_mine(meta: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        meta.uid() == unsafe { libc::geteuid() }
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        true
    }
}

/// The journal file and its SQLite companions (`-wal`, `-shm`).
pub fn with_companions(path: &Path) -> [PathBuf; 3] {
    [
        path.to_path_buf(),
        companion(path, "-wal"),
        companion(path, "-shm"),
    ]
}

/// `path` with `suffix` appended to its file name (`journal.db-wal`).
pub fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether the journal's write-ahead log holds anything (a connection is open, or one ended
/// without cleaning up). A reader that ignores the log must only be used when it is empty.
pub fn wal_has_content(path: &Path) -> bool {
    std::fs::metadata(companion(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

/// The first 16 bytes (fewer if the file is shorter), read without blocking.
fn read_header(path: &Path) -> Result<[u8; 16]> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A file swapped for a FIFO after the check above must not hang the open.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file: File = options.open(path).map_err(|e| JournalError::Storage {
        detail: format!("cannot read {}: {}", shown(path), io_reason(&e)),
    })?;
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(header.get_mut(read..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(JournalError::Storage {
                    detail: format!("cannot read {}: {}", shown(path), io_reason(&e)),
                })
            }
        }
    }
    Ok(header)
}

fn kind_of(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn create_error(path: &Path, e: &std::io::Error) -> JournalError {
    JournalError::Storage {
        detail: format!(
            "cannot create the journal {}: {}",
            shown(path),
            io_reason(e)
        ),
    }
}

/// An I/O error as a few plain words (the OS text without Rust's "(os error N)" suffix).
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "its folder does not exist".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk or folder is read-only".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::NotADirectory => "a part of the path is not a folder".into(),
        _ => {
            let text = e.to_string();
            let text = text
                .split(" (os error")
                .next()
                .unwrap_or_default()
                .to_string();
            text.chars().take(80).collect()
        }
    }
}
