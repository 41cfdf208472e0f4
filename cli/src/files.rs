//! Writing export files so that a crash never leaves half a file, and naming their sizes.
//!
//! A file is written to a temporary file in the same directory, flushed to disk, then renamed
//! over the target: readers see the old file or the whole new one, never a part. An existing
//! file is replaced (exports are regenerated on demand); a directory never is. On Unix the
//! files are readable by their owner only, since they hold health data.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use rlsjournal_core::Journal;

use crate::error::{CliError, CliResult};

/// How many temporary names to try before giving up (another writer may hold one).
const TEMP_ATTEMPTS: u32 = 16;

/// A file error naming the path: `cannot write out.pdf: Permission denied (os error 13)`.
fn failed(verb: &str, path: &Path, err: impl std::fmt::Display) -> CliError {
    CliError::Other(format!("cannot {verb} {}: {err}", path.display()))
}

/// The directory a file named `path` goes in (`.` for a bare file name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// How old a temporary file of another process must be before it counts as left behind where
/// the system cannot tell whether that process still runs (no `/proc`).
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files an earlier, killed export of `name` left in `dir`
/// (`.<name>.<pid>-<n>.tmp` whose process is gone), so a kill never leaves hidden health data
/// behind for ever. Best effort: a file that cannot be read or removed is left alone.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(pid) = rest
            .split_once('-')
            .and_then(|(pid, n)| n.parse::<u32>().ok().and(pid.parse::<u32>().ok()))
        else {
            continue;
        };
        if pid != own && writer_gone(pid, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that wrote a temporary file is gone: on Linux, by `/proc`; elsewhere,
/// by the file's age.
fn writer_gone(pid: u32, entry: &fs::DirEntry) -> bool {
    if Path::new("/proc/self").exists() {
        return !Path::new(&format!("/proc/{pid}")).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE_TEMP_AGE)
}

/// Opens a new temporary file next to `path`, named `.<name>.<pid>-<n>.tmp`.
fn create_temp(dir: &Path, name: &str) -> CliResult<(PathBuf, File)> {
    remove_stale_temps(dir, name);
    let pid = std::process::id();
    let mut last_error = None;
    for n in 0..TEMP_ATTEMPTS {
        let temp = dir.join(format!(".{name}.{pid}-{n}.tmp"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(failed("write in", dir, e)),
        }
    }
    Err(failed(
        "write in",
        dir,
        last_error.map_or_else(|| "no temporary name".to_string(), |e| e.to_string()),
    ))
}

/// Writes an export of `journal` to `path` atomically, after the core's check that `path` is
/// not the journal, one of its files, another journal or anything but a regular file.
pub fn write_export(journal: &Journal, path: &Path, bytes: &[u8]) -> CliResult<()> {
    let target = journal.export_target(path)?;
    write_atomic(&target, bytes)
}

/// Writes `bytes` to `path` atomically, replacing an existing file but never a directory.
///
/// The parent directory must exist. After the rename the directory itself is flushed (on
/// Unix), so the new name survives a power cut too.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> CliResult<()> {
    if path.is_dir() {
        return Err(CliError::Other(format!(
            "{} is a directory; give a file name",
            path.display()
        )));
    }
    let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        CliError::invalid("out", format!("{} is not a file name", path.display()))
    })?;
    let dir = parent_of(path);
    if !dir.is_dir() {
        return Err(failed("write", path, "its directory does not exist"));
    }
    let (temp, mut file) = create_temp(&dir, name)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| failed("write", path, e))
        .and_then(|()| {
            drop(file);
            fs::rename(&temp, path).map_err(|e| failed("write", path, e))
        });
    if let Err(err) = written {
        // The temporary file is ours and incomplete; the target is untouched.
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    sync_dir(&dir);
    Ok(())
}

/// Flushes a directory's entries to disk (Unix); elsewhere the rename is as durable as the
/// platform makes it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        // Best effort: the file itself is already on disk.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Creates the directory `path` (and its parents) for a folder of files; refuses a file.
pub fn create_folder(path: &Path) -> CliResult<()> {
    if path.exists() && !path.is_dir() {
        return Err(CliError::Other(format!(
            "{} is a file, not a folder",
            path.display()
        )));
    }
    fs::create_dir_all(path).map_err(|e| failed("create", path, e))
}

/// A size in bytes as people read it: `512 B`, `23.4 kB`, `1.2 MB` (powers of 1000).
pub fn size(bytes: usize) -> String {
    // Sizes of exports are far below 2^52, so the conversion is exact.
    let b = bytes as f64;
    if bytes < 1000 {
        format!("{bytes} B")
    } else if b < 999_950.0 {
        format!("{:.1} kB", b / 1e3)
    } else if b < 999_950_000.0 {
        format!("{:.1} MB", b / 1e6)
    } else {
        format!("{:.1} GB", b / 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(999), "999 B");
        assert_eq!(size(1000), "1.0 kB");
        assert_eq!(size(23_400), "23.4 kB");
        assert_eq!(size(999_999), "1.0 MB");
        assert_eq!(size(1_234_567), "1.2 MB");
    }

    #[test]
    fn atomic_write_replaces_files_not_directories() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("out.txt");
        write_atomic(&file, b"one").expect("write");
        write_atomic(&file, b"two").expect("replace");
        assert_eq!(fs::read(&file).expect("read"), b"two");
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).expect("dir");
        let err = write_atomic(&sub, b"x")
            .expect_err("a directory")
            .to_string();
        assert!(err.contains("is a directory"), "{err}");
        let missing = dir.path().join("nowhere").join("out.txt");
        assert!(write_atomic(&missing, b"x").is_err());
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        assert!(
            names.iter().all(|n| !n.ends_with(".tmp")),
            "no temporary files left: {names:?}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&file).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn temporary_files_of_killed_exports_are_removed_on_the_next_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A pid no process has (above Linux's pid_max of 2^22), and one that runs: this one's
        // parent, which outlives this test.
        let dead = dir.path().join(".report.pdf.4999999-0.tmp");
        let parent = std::os::unix::process::parent_id();
        let alive = dir.path().join(format!(".report.pdf.{parent}-0.tmp"));
        let other = dir.path().join(".notes.txt.4999999-0.tmp");
        let unrelated = dir.path().join(".report.pdf.keep");
        for f in [&dead, &alive, &other, &unrelated] {
            fs::write(f, b"half a report").expect("write");
        }
        write_atomic(&dir.path().join("report.pdf"), b"%PDF").expect("write");
        assert!(!dead.exists(), "the killed export's temp file is gone");
        assert!(alive.exists(), "a running writer's temp file stays");
        assert!(
            other.exists(),
            "another file's temp file is not this write's business"
        );
        assert!(unrelated.exists());
    }
}
