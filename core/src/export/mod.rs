//! Exports the person asked for: the clinician report (PDF), CSV tables, the lossless backup
//! (and its import), and a plain-text summary. Nothing leaves the device any other way.

pub mod age_v1;
pub mod archive;
pub mod auto_backup;
pub mod backup;
pub mod backup_folder;
pub mod calls;
pub mod csv;
pub mod encrypt;
pub mod pdf;
pub mod target;
pub mod text;
