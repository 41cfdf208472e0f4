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
    // Encrypted and automatic backups (issue 17).
    /// The backup is encrypted (an `age` file) and no passphrase was given: ask for it and call
    /// the `…_with_passphrase` import. The journal is unchanged.
    #[error("this backup is encrypted — a passphrase is needed")]
    PassphraseNeeded,
    /// The passphrase does not open this encrypted backup (or the part of the file that holds
    /// the key was changed). The journal is unchanged.
    #[error("the passphrase does not open this backup; check it and try again")]
    WrongPassphrase,
    /// A backup could not be written; `reason` is a sentence for the person (folder gone,
    /// permission denied, disk full). The previous backups in the folder are intact.
    #[error("backup not written: {reason}")]
    BackupFailed {
        /// Why, in plain words.
        reason: String,
    },
    // Folder sync (issue 17 §3-§4).
    /// A sync with a folder could not run (the folder is gone, permission was revoked, the
    /// disk is full): `reason` is a sentence for the person. The journal is intact, and so are
    /// the files in the folder; `sync_status` says so too.
    #[error("sync failed: {reason}")]
    SyncFailed {
        /// Why, in plain words.
        reason: String,
    },
    /// A restore was asked into a journal that already holds records; nothing was changed.
    /// Restore goes only into a new or empty journal (merge into a journal with `sync_folder`
    /// or an import).
    #[error(
        "the journal at {path} already holds records; restore only into a new or empty journal"
    )]
    RestoreRefused {
        /// The journal's path.
        path: String,
    },
}

/// The longest excerpt of a person's input quoted in an error message, in characters: an error
/// about a 10 MB input must not be 10 MB long.
pub const MAX_QUOTED_CHARS: usize = 40;

/// A person's input quoted in an error (`"2026-13-01"`), cut to [`MAX_QUOTED_CHARS`]
/// characters with a note of how much was left out, and with control characters escaped.
pub fn quoted(input: &str) -> String {
    let total = input.chars().count();
    let kept: String = input
        .chars()
        .take(MAX_QUOTED_CHARS)
        .flat_map(char::escape_debug)
        .collect();
    if total <= MAX_QUOTED_CHARS {
        format!("\"{kept}\"")
    } else {
        format!("\"{kept}…\" ({} more characters)", total - MAX_QUOTED_CHARS)
    }
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

// The one place where storage errors become public errors: sentences a person can act on,
// never SQLite's own text ("attempt to write a readonly database"), which names internals.
impl From<rusqlite::Error> for JournalError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        let rusqlite::Error::SqliteFailure(e, _) = &err else {
            return JournalError::Storage {
                detail: "the journal could not be read or saved (an internal storage error)".into(),
            };
        };
        let detail = match e.code {
            ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
                return JournalError::Corrupt {
                    detail: "the journal file is damaged or is not a database".into(),
                }
            }
            ErrorCode::ReadOnly => {
                "the journal file is read-only, so nothing was changed".to_string()
            }
            ErrorCode::DiskFull => {
                "the disk is full, so nothing was changed; free some space and try again"
                    .to_string()
            }
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                "the journal is busy in another part of the app; try again".to_string()
            }
            ErrorCode::CannotOpen => "the journal file could not be opened".to_string(),
            ErrorCode::PermissionDenied => {
                "the journal file may not be read or written (permission denied)".to_string()
            }
            ErrorCode::SystemIoFailure => {
                "the journal file could not be read or written (a disk error)".to_string()
            }
            ErrorCode::TooBig => "the value is too large to store".to_string(),
            _ => format!(
                "the journal could not be read or saved (storage error {})",
                e.extended_code
            ),
        };
        JournalError::Storage { detail }
    }
}

/// What is wrong with a stored or imported record whose JSON did not decode, in words: serde's
/// own messages name Rust types ("expected u8"), which mean nothing to a person.
pub fn data_problem(err: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match err.classify() {
        Category::Syntax | Category::Eof => "its data is not valid JSON".into(),
        Category::Io => "its data could not be read".into(),
        Category::Data => {
            let text = err.to_string();
            let field = |prefix: &str| {
                text.strip_prefix(prefix)
                    .and_then(|rest| rest.split('`').next())
                    .map(quoted)
            };
            if let Some(name) = field("missing field `") {
                format!("the field {name} is missing")
            } else if let Some(name) = field("unknown field `") {
                format!("it has an unknown field {name}")
            } else if let Some(name) = field("unknown variant `") {
                format!("it has an unknown value {name}")
            } else {
                "a value has the wrong type or is out of range".into()
            }
        }
    }
}

impl From<serde_json::Error> for JournalError {
    fn from(err: serde_json::Error) -> Self {
        JournalError::Storage {
            detail: format!("a stored value could not be read: {}", data_problem(&err)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short_and_escaped() {
        assert_eq!(quoted("2026-13-01"), "\"2026-13-01\"");
        let long = quoted(&"x".repeat(10_000_000));
        assert!(long.len() < 80, "{long}");
        assert!(long.ends_with("(9999960 more characters)"), "{long}");
        assert_eq!(quoted("a\u{1b}b"), "\"a\\u{1b}b\"");
    }

    #[test]
    fn storage_errors_are_sentences_without_sqlite_text() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let err: JournalError = conn
            .execute("CREATE TABLE entries (x)", [])
            .map(|_| ())
            .and_then(|()| conn.execute("CREATE TABLE entries (x)", []).map(|_| ()))
            .unwrap_err()
            .into();
        let text = err.to_string();
        assert!(!text.contains("already exists"), "{text}");
        assert!(
            text.starts_with("storage error: the journal could not be read or saved"),
            "{text}"
        );
        let readonly = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            Some("attempt to write a readonly database".into()),
        );
        assert_eq!(
            JournalError::from(readonly).to_string(),
            "storage error: the journal file is read-only, so nothing was changed"
        );
    }

    #[test]
    fn data_problems_name_fields_not_types() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Record {
            peak: u8,
        }
        let problem = |json: &str| data_problem(&serde_json::from_str::<Record>(json).unwrap_err());
        assert_eq!(problem("{}"), "the field \"peak\" is missing");
        assert_eq!(
            problem(r#"{"peak": "high"}"#),
            "a value has the wrong type or is out of range"
        );
        assert_eq!(
            problem(r#"{"peak": 300}"#),
            "a value has the wrong type or is out of range"
        );
        assert_eq!(problem("{"), "its data is not valid JSON");
    }
}
