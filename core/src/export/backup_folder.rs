//! The backup folder on disk: writing one file atomically (a temporary file in the folder,
//! flushed to disk, renamed over the final name, the folder flushed), listing and removing
//! files, and what went wrong as a sentence a person can act on.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The last part of every temporary file this app writes in a folder. Its name is `.`, the
/// final name, then a unique part and this suffix (hidden on Unix-like systems), so it says
/// whose it is: a crash may leave one behind, and only the writer of that name removes it.
pub const TEMP_SUFFIX: &str = ".tmp";

/// The temporary file's name for writing `name`.
pub fn temp_name(name: &str) -> String {
    format!(
        ".{name}.{}-{}{TEMP_SUFFIX}",
        std::process::id(),
        uuid::Uuid::now_v7().simple()
    )
}

/// Writes `bytes` to `folder/name` so that the folder holds either the previous file of that
/// name (or none) or the complete new one, whatever happens: the bytes go to a temporary file in
/// the same folder, which is flushed to disk, renamed over `name`, and the folder's entry is
/// flushed too. On an error the temporary file is removed (a crash can leave it: see
/// [`temp_name`]).
pub fn write_atomically(folder: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let meta = fs::metadata(folder)?;
    if !meta.is_dir() {
        return Err(io::Error::from(io::ErrorKind::NotADirectory));
    }
    let temp = folder.join(temp_name(name));
    let target = folder.join(name);
    let written = write_temp(&temp, bytes).and_then(|()| fs::rename(&temp, &target));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    // The rename is durable only once the folder itself is flushed.
    sync_folder(folder)?;
    Ok(target)
}

/// A temporary file older than this is what a crash left behind (a younger one may be another
/// handle's write in progress).
pub const STALE_TEMP_HOURS: i64 = 1;

/// The temporary files among `names` that a crash left while writing a name starting with
/// `written` (see [`temp_name`]): ours, and older than [`STALE_TEMP_HOURS`]. Nobody else's.
pub fn stale_temps(folder: &Path, names: &[String], written: &str, now: SystemTime) -> Vec<String> {
    let own = format!(".{written}");
    let max_age = Duration::from_secs(u64::try_from(STALE_TEMP_HOURS).unwrap_or(1) * 3600);
    names
        .iter()
        .filter(|n| n.starts_with(&own) && n.ends_with(TEMP_SUFFIX))
        .filter(|n| {
            fs::metadata(folder.join(n))
                .and_then(|m| m.modified())
                .map(|t| now.duration_since(t).is_ok_and(|age| age > max_age))
                .unwrap_or(false)
        })
        .cloned()
        .collect()
}

fn write_temp(temp: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A backup holds health records: only this user may read it.
        options.mode(0o600);
    }
    let mut file = options.open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes a folder's entries (a rename in it) to disk. Platforms that cannot open a folder
/// for this (Windows) rely on the rename alone.
fn sync_folder(folder: &Path) -> io::Result<()> {
    match File::open(folder) {
        Ok(dir) => dir.sync_all().or_else(|e| {
            // Some file systems (and all of Windows) refuse fsync on a directory.
            if e.kind() == io::ErrorKind::InvalidInput || e.kind() == io::ErrorKind::Unsupported {
                Ok(())
            } else {
                Err(e)
            }
        }),
        Err(e) if cfg!(windows) && e.kind() == io::ErrorKind::PermissionDenied => Ok(()),
        Err(e) => Err(e),
    }
}

/// The names of the regular files directly in `folder`.
pub fn file_names(folder: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            if let Ok(name) = entry.file_name().into_string() {
                names.push(name);
            }
        }
    }
    Ok(names)
}

/// Why a backup could not be written to `folder`, as a sentence for the person.
pub fn failure_sentence(err: &io::Error) -> String {
    folder_failure_sentence(err, "backup folder", "backup")
}

/// Why a folder the person chose (`what`: "backup folder", "sync folder") could not be read
/// or written, as a sentence; `next` names what the next attempt writes ("backup", "sync").
pub fn folder_failure_sentence(err: &io::Error, what: &str, next: &str) -> String {
    if is_disk_full(err) {
        return format!(
            "the disk that holds the {what} is full; free some space and the next {next} will \
             be written"
        );
    }
    match err.kind() {
        io::ErrorKind::NotFound => format!(
            "the {what} is gone (moved, deleted, or its drive removed); choose a {what} again"
        ),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => format!(
            "this app may no longer write to the {what} (permission denied); choose the \
             folder again to give permission"
        ),
        io::ErrorKind::NotADirectory => {
            format!("the {what} is not a folder; choose a {what} again")
        }
        _ => format!("the {what} could not be written ({err})"),
    }
}

fn is_disk_full(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_its_own_sentence() {
        #[cfg(unix)]
        {
            let full = io::Error::from_raw_os_error(libc::ENOSPC);
            assert!(failure_sentence(&full).contains("is full"));
            let denied = io::Error::from_raw_os_error(libc::EACCES);
            assert!(failure_sentence(&denied).contains("permission denied"));
            let read_only = io::Error::from_raw_os_error(libc::EROFS);
            assert!(failure_sentence(&read_only).contains("permission denied"));
        }
        let gone = io::Error::from(io::ErrorKind::NotFound);
        assert!(failure_sentence(&gone).contains("is gone"));
    }

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        write_atomically(dir.path(), "b.zip", b"first").unwrap();
        let path = write_atomically(dir.path(), "b.zip", b"second").unwrap();
        assert_eq!(fs::read(path).unwrap(), b"second");
        assert_eq!(file_names(dir.path()).unwrap(), vec!["b.zip".to_string()]);
    }

    #[test]
    fn a_missing_folder_or_a_file_in_its_place_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let err = write_atomically(&gone, "b.zip", b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        let file = dir.path().join("file");
        fs::write(&file, b"").unwrap();
        let err = write_atomically(&file, "b.zip", b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotADirectory);
    }
}
