//! Errors: rich internal errors, and the one public FFI error enum they map to (in one place).

use std::fmt::Display;

/// Every error a `Journal` call can return to Kotlin, Swift or the terminal front end.
///
/// Each variant carries enough for the app to show a clear message; none of them means the
/// journal was changed: a rejected call leaves the journal exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum JournalError {
    /// An argument was rejected. `field` names it (e.g. `peak_intensity`), `reason` says why.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The name of the rejected field, as in the API (snake_case).
        field: String,
        /// Why it was rejected, in plain words.
        reason: String,
    },
    /// No live record has this id (it never existed or it is deleted).
    #[error("not found: {what}")]
    NotFound {
        /// What was looked for, e.g. `episode 0193…`.
        what: String,
    },
    /// SQLite failed (disk full, I/O error, locked database…). Earlier entries are intact.
    #[error("storage error: {detail}")]
    Storage {
        /// What SQLite reported.
        detail: String,
    },
    /// The file was written by a newer version of the app; it was left untouched.
    #[error("the journal file has version {found}, newer than this app supports ({supported}); it was left untouched")]
    IncompatibleVersion {
        /// The schema version in the file.
        found: u32,
        /// The newest schema version this build understands.
        supported: u32,
    },
    /// The file is not an RLS Journal database (or is damaged); it was left untouched.
    #[error("not a journal file or damaged: {detail}")]
    Corrupt {
        /// What was wrong with the file.
        detail: String,
    },
    /// A backup could not be imported; the journal is unchanged.
    #[error("import rejected: {reason}")]
    ImportRejected {
        /// What is wrong with the backup.
        reason: String,
    },
}

/// The crate-internal result type; it already uses the public error.
pub type Result<T, E = JournalError> = std::result::Result<T, E>;

impl JournalError {
    /// An `InvalidInput` error for `field`.
    pub fn invalid(field: impl Into<String>, reason: impl Display) -> Self {
        JournalError::InvalidInput {
            field: field.into(),
            reason: reason.to_string(),
        }
    }

    /// A `NotFound` error.
    pub fn not_found(what: impl Display) -> Self {
        JournalError::NotFound {
            what: what.to_string(),
        }
    }
}

// The one place where storage errors become public errors.
impl From<rusqlite::Error> for JournalError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match &err {
            rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::NotADatabase => {
                JournalError::Corrupt {
                    detail: err.to_string(),
                }
            }
            rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::DatabaseCorrupt => {
                JournalError::Corrupt {
                    detail: err.to_string(),
                }
            }
            _ => JournalError::Storage {
                detail: err.to_string(),
            },
        }
    }
}

impl From<serde_json::Error> for JournalError {
    fn from(err: serde_json::Error) -> Self {
        JournalError::Storage {
            detail: format!("stored value could not be read: {err}"),
        }
    }
}
