//! Zip files: writing CSV tables or a backup as one file for a share sheet, and reading a zipped
//! backup with bounded memory (a zip bomb is rejected, not unpacked).

use std::io::{Cursor, Read, Write};

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

/// Reads the one `.json` file of a zipped backup, refusing more than `limit` bytes unpacked.
pub fn read_backup_json(bytes: &[u8], limit: usize) -> Result<Vec<u8>> {
    let rejected = |reason: String| JournalError::ImportRejected { reason };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| rejected(format!("the zip file is damaged: {e}")))?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .collect();
    let name = names
        .iter()
        .find(|n| n.ends_with(".json"))
        .ok_or_else(|| rejected("the zip file holds no backup (.json) document".into()))?;
    let file = archive
        .by_name(name)
        .map_err(|e| rejected(format!("the zip file is damaged: {e}")))?;
    let mut json = Vec::new();
    let read = file
        .take(limit as u64 + 1)
        .read_to_end(&mut json)
        .map_err(|e| rejected(format!("the zip file is damaged: {e}")))?;
    if read > limit {
        return Err(rejected(format!(
            "the backup unpacks to more than {} MB",
            limit / (1024 * 1024)
        )));
    }
    Ok(json)
}
