//! The errors a command can end with, and the exit status each one gives.

use std::fmt;

use rlsjournal_core::JournalError;

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// A command-line value was rejected before reaching the journal (exit status 2).
    Invalid {
        /// The field it was meant for, named as in the API (e.g. `peak_intensity`).
        field: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The journal refused or failed (exit status 2 for invalid input, else 1).
    Journal(JournalError),
    /// Anything else: files, directories (exit status 1).
    Other(String),
}

impl CliError {
    /// An [`CliError::Invalid`] for `field`.
    pub fn invalid(field: &str, reason: impl fmt::Display) -> CliError {
        CliError::Invalid {
            field: field.to_string(),
            reason: reason.to_string(),
        }
    }

    /// The process exit status: 2 for bad input, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Invalid { .. } | CliError::Journal(JournalError::InvalidInput { .. }) => 2,
            CliError::Journal(_) | CliError::Other(_) => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The same shape as the core's own `invalid <field>: <reason>`.
            CliError::Invalid { field, reason } => write!(f, "invalid {field}: {reason}"),
            CliError::Journal(err) => write!(f, "{err}"),
            CliError::Other(text) => write!(f, "{text}"),
        }
    }
}

impl From<JournalError> for CliError {
    fn from(err: JournalError) -> Self {
        CliError::Journal(err)
    }
}

impl From<serde_json::Error> for CliError {
    fn from(err: serde_json::Error) -> Self {
        CliError::Other(format!("cannot write JSON: {err}"))
    }
}

/// The result of a command.
pub type CliResult<T> = Result<T, CliError>;
