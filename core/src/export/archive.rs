//! Zip files: writing CSV tables or a backup as one file for a share sheet, and reading a backup
//! (plain or zipped, from memory or a file) as a stream with a bounded size: a zip bomb is
//! refused after reading one byte past the limit, never unpacked into memory.

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read, Seek, SeekFrom, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;

use crate::error::{JournalError, Result};

/// The first bytes of a zip file.
pub const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// Whether `bytes` look like a zip file.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC)
}

/// Writes named files into one zip (deflate), in the given order, with a fixed timestamp so the
/// same content gives the same bytes.
pub fn write_zip(files: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let storage = |e: zip::result::ZipError| JournalError::Storage {
        detail: format!("could not write the zip: {e}"),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, content) in files {
        zip.start_file(*name, options).map_err(storage)?;
        zip.write_all(content).map_err(|e| JournalError::Storage {
            detail: format!("could not write the zip: {e}"),
        })?;
    }
    Ok(zip.finish().map_err(storage)?.into_inner())
}

/// Where a backup is read from: bytes handed over (the apps' share sheet) or a file path (the
/// terminal, and apps that would rather not hold the whole file as one byte array).
#[derive(Clone, Copy, Debug)]
pub enum BackupSource<'a> {
    /// The backup's bytes, JSON or zip.
    Bytes(&'a [u8]),
    /// A file holding the backup, JSON or zip.
    File(&'a Path),
}

/// A reader that fails once more than `limit` bytes came through, and remembers that it did.
pub struct Limited<R> {
    inner: R,
    left: u64,
    /// Whether the limit was passed.
    pub exceeded: bool,
}

impl<R: Read> Limited<R> {
    /// Wraps `inner`, allowing `limit` bytes.
    pub fn new(inner: R, limit: usize) -> Limited<R> {
        Limited {
            inner,
            left: limit as u64,
            exceeded: false,
        }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        // Ask for one byte more than is left, so passing the limit is seen, not cut off.
        let want = buf
            .len()
            .min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = match buf.get_mut(..want) {
            Some(part) => self.inner.read(part)?,
            None => self.inner.read(buf)?,
        };
        if n as u64 > self.left {
            self.exceeded = true;
            return Err(io::Error::other("the backup is larger than the limit"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

fn rejected(reason: impl Into<String>) -> JournalError {
    JournalError::ImportRejected {
        reason: reason.into(),
    }
}

fn too_large(limit: usize) -> JournalError {
    rejected(format!(
        "the backup is larger than {} MB, the most this app reads",
        limit / (1024 * 1024)
    ))
}

/// Whether a name in a zip could be the backup document: a `.json` file that is not a folder
/// and not the metadata macOS adds to zips it writes (`__MACOSX/`, `._name`).
fn is_candidate(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.to_ascii_lowercase().ends_with(".json")
        && !name.ends_with('/')
        && !name.starts_with("__MACOSX/")
        && !base.starts_with("._")
}

/// Opens the source and runs `parse` on a buffered stream of the backup document (the JSON
/// itself, or the one `.json` file inside a zip), refusing more than `limit` bytes of JSON.
/// `parse` may be called on a fresh stream once per call of this function.
pub fn with_backup_reader<T>(
    source: BackupSource<'_>,
    limit: usize,
    parse: impl FnOnce(&mut dyn Read) -> Result<T>,
) -> Result<T> {
    match source {
        BackupSource::Bytes(bytes) if is_zip(bytes) => from_zip(Cursor::new(bytes), limit, parse),
        BackupSource::Bytes(bytes) => {
            if bytes.len() > limit {
                return Err(too_large(limit));
            }
            parse(&mut BufReader::new(bytes))
        }
        BackupSource::File(path) => {
            let unreadable = |_| rejected("the backup file could not be read");
            let mut file = File::open(path).map_err(unreadable)?;
            let mut magic = Vec::with_capacity(ZIP_MAGIC.len());
            (&mut file)
                .take(ZIP_MAGIC.len() as u64)
                .read_to_end(&mut magic)
                .map_err(unreadable)?;
            file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
            if is_zip(&magic) {
                return from_zip(file, limit, parse);
            }
            let len = file.metadata().map_err(unreadable)?.len();
            if len > limit as u64 {
                return Err(too_large(limit));
            }
            limited(BufReader::new(file), limit, parse)
        }
    }
}

/// Runs `parse` on `reader` behind a [`Limited`], turning a passed limit into its own error.
fn limited<T>(
    reader: impl Read,
    limit: usize,
    parse: impl FnOnce(&mut dyn Read) -> Result<T>,
) -> Result<T> {
    let mut limited = Limited::new(reader, limit);
    let result = parse(&mut limited);
    if limited.exceeded {
        return Err(too_large(limit));
    }
    result
}

/// Streams the one candidate document of a zip; an archive with none or several is refused.
fn from_zip<T, R: Read + Seek>(
    reader: R,
    limit: usize,
    parse: impl FnOnce(&mut dyn Read) -> Result<T>,
) -> Result<T> {
    let damaged = |_| rejected("the zip file is damaged or incomplete");
    let mut archive = zip::ZipArchive::new(reader).map_err(damaged)?;
    let candidates: Vec<usize> = (0..archive.len())
        .filter(|&i| {
            archive
                .name_for_index(i)
                .is_some_and(|name| name.is_ok_and(|name| is_candidate(&name)))
        })
        .collect();
    let index = match candidates.as_slice() {
        [] => return Err(rejected("the zip file holds no backup (.json) document")),
        [one] => *one,
        several => {
            return Err(rejected(format!(
                "the zip file holds {} .json documents, so it is unclear which one is the \
                 backup; a backup zip holds exactly one",
                several.len()
            )))
        }
    };
    let file = archive.by_index(index).map_err(damaged)?;
    // Decompression errors surface as read errors: the parser reports them as a damaged file.
    limited(BufReader::new(file), limit, parse)
}
