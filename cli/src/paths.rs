//! Where the journal files live: the person's journal in the platform data directory, the demo
//! journal in the cache directory (so it can never be mistaken for, or replace, the real one).
//!
//! The platform rules are few enough to write out here rather than add a dependency:
//! Linux and other Unix follow the XDG base directory spec, macOS uses `~/Library`, Windows
//! `%APPDATA%` and `%LOCALAPPDATA%`.

use std::env;
use std::path::PathBuf;

use rlsjournal_core::store::file_access;

use crate::error::{CliError, CliResult};

/// The journal's file name inside the data directory.
pub const JOURNAL_FILE: &str = "journal.db";
/// The demo journal's file name inside the cache directory.
pub const DEMO_FILE: &str = "rlsjournal-demo.db";
/// The directory the app uses inside the platform directories.
const APP_DIR: &str = "rlsjournal";

/// An absolute directory from an environment variable (relative values are ignored, as the XDG
/// spec asks).
fn env_dir(name: &str) -> Option<PathBuf> {
    env::var_os(name)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

fn home() -> Option<PathBuf> {
    env_dir("HOME").or_else(|| env_dir("USERPROFILE"))
}

/// The platform's per-user data directory.
fn data_dir() -> Option<PathBuf> {
    if cfg!(windows) {
        env_dir("APPDATA")
    } else if cfg!(target_os = "macos") {
        home().map(|h| h.join("Library").join("Application Support"))
    } else {
        env_dir("XDG_DATA_HOME").or_else(|| home().map(|h| h.join(".local").join("share")))
    }
}

/// The platform's per-user cache directory.
fn cache_dir() -> Option<PathBuf> {
    if cfg!(windows) {
        env_dir("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        home().map(|h| h.join("Library").join("Caches"))
    } else {
        env_dir("XDG_CACHE_HOME").or_else(|| home().map(|h| h.join(".cache")))
    }
}

/// Creates the app's directory (and missing parents) private to this user: 0700 whatever the
/// umask, since it holds health data. An existing app directory this user owns that others can
/// enter (made by an older version under umask 022) is tightened to 0700.
fn create_dir(dir: PathBuf) -> CliResult<PathBuf> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(&dir)
        .map_err(|e| CliError::Other(format!("cannot create the folder {}: {e}", dir.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(&dir) {
            let mode = meta.permissions().mode() & 0o777;
            if file_access::is_mine(&meta) && mode & 0o077 != 0 {
                // Best effort: a folder we cannot tighten still works.
                let _ =
                    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode & 0o700));
            }
        }
    }
    Ok(dir)
}

/// The person's journal: `--db`, or `<data dir>/rlsjournal/journal.db` (its directory is
/// created on first use).
pub fn journal(db: Option<&PathBuf>) -> CliResult<PathBuf> {
    if let Some(path) = db {
        return Ok(path.clone());
    }
    let dir = data_dir().ok_or_else(|| {
        CliError::Other("cannot find a data directory (no HOME); pass --db PATH".into())
    })?;
    Ok(create_dir(dir.join(APP_DIR))?.join(JOURNAL_FILE))
}

/// The demo journal without `--db`: `<cache dir>/rlsjournal/rlsjournal-demo.db`, or the temp
/// directory if there is no cache directory.
pub fn demo() -> CliResult<PathBuf> {
    let dir = cache_dir().unwrap_or_else(env::temp_dir).join(APP_DIR);
    Ok(create_dir(dir)?.join(DEMO_FILE))
}

/// Removes the previous demo journal and its WAL files, so each run starts afresh.
pub fn remove_demo(path: &std::path::Path) -> CliResult<()> {
    remove_journal_files(path)
}

/// Removes a journal file and its `-wal`/`-shm` (those that exist).
pub fn remove_journal_files(path: &std::path::Path) -> CliResult<()> {
    for file in file_access::with_companions(path) {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(CliError::Other(format!(
                    "cannot remove {}: {e}",
                    file.display()
                )))
            }
        }
    }
    Ok(())
}
