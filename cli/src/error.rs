//! The errors a command can end with, and the exit status each one gives.

use std::fmt;

use rlsjournal_core::JournalError;

use crate::wording::{in_typed_words, typed_as, CommandName};

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

impl CliError {
    /// The one-line message for `command`, in the words the person typed: API field names
    /// (`started_at`, `first`) become the flags or arguments that carried them (`--at`,
    /// `--from`).
    pub fn message(&self, command: CommandName) -> String {
        match self {
            CliError::Invalid { field, reason }
            | CliError::Journal(JournalError::InvalidInput { field, reason }) => format!(
                "invalid {}: {}",
                typed_as(command, field).unwrap_or(field),
                in_typed_words(command, reason)
            ),
            other => other.to_string(),
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

/// The longest error line printed, in characters: an error about a huge input must not be huge.
pub const MAX_ERROR_CHARS: usize = 300;

/// `message`, cut to [`MAX_ERROR_CHARS`] characters with a note of how much was left out.
pub fn bounded(message: &str) -> String {
    cut(message, MAX_ERROR_CHARS)
}

/// A person's input quoted in an error, cut short: the core's rule, so both say the same.
pub use rlsjournal_core::error::quoted;

fn cut(text: &str, max: usize) -> String {
    let total = text.chars().count();
    if total <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max).collect();
    format!("{kept}… ({} more characters)", total - max)
}

/// The result of a command.
pub type CliResult<T> = Result<T, CliError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_and_quotes_are_cut() {
        let huge = "x".repeat(10_000_000);
        let line = bounded(&format!("invalid --name: {huge}"));
        assert!(
            line.chars().count() < MAX_ERROR_CHARS + 40,
            "{}",
            line.len()
        );
        assert!(line.ends_with("… (9999716 more characters)"), "{line}");
        assert_eq!(quoted("2026-13-01"), "\"2026-13-01\"");
        assert_eq!(
            quoted(&"y".repeat(50)),
            format!("\"{}…\" (10 more characters)", "y".repeat(40))
        );
        assert_eq!(quoted("a\u{1b}[2J"), "\"a\\u{1b}[2J\"");
    }
}
