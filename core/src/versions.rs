//! The versions an app shows in its "About" screen and checks against its own expectations: the
//! core library's release, the journal file's schema and the backup document's format.
//!
//! Each number comes from where it is defined (`Cargo.toml`, `store/schema.rs`,
//! `export/backup.rs`); this file only gathers them. `docs/compatibility.md` says what each one
//! means for an app that meets a newer file or backup.

use crate::export::backup::BACKUP_VERSION;
use crate::store::schema::CURRENT_VERSION;

/// The versions of this build of the core.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct CoreVersions {
    /// The core library's release (semantic versioning, e.g. `0.1.0`): the package version in
    /// `core/Cargo.toml`, the same as the Android library's and the Swift package's version.
    pub core: String,
    /// The journal file's schema version this build writes (`PRAGMA user_version`). It opens
    /// files of this version or older (upgrading them) and refuses newer ones with
    /// `IncompatibleVersion`, leaving them untouched.
    pub schema: u32,
    /// The backup document's `version` this build writes and imports; a backup with a newer
    /// version is rejected with `ImportRejected` (nothing imported).
    pub backup_format: u32,
}

/// The core's release, the journal schema version and the backup format version of this build.
#[uniffi::export]
pub fn core_versions() -> CoreVersions {
    CoreVersions {
        core: env!("CARGO_PKG_VERSION").to_string(),
        schema: CURRENT_VERSION,
        backup_format: BACKUP_VERSION,
    }
}
