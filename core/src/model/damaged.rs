//! A stored record that no longer decodes (a damaged file, a hand edit, a bug in an older
//! version): views and exports leave it out and say so, instead of failing as a whole.

use serde::Serialize;

use crate::time::LocalDate;

/// A record that could not be read. Views and exports skip it and list it here so the app can
/// say which record is affected; the backup still carries it unchanged, for repair.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DamagedRecord {
    /// The record's id.
    pub id: String,
    /// What kind of record it is, in words (`episode`, `relief attempt`, `sleep diary`, …).
    pub kind: String,
    /// The night it is filed under.
    pub night: LocalDate,
    /// What is wrong, in words (`the field "peak_intensity" is missing`).
    pub problem: String,
}

impl DamagedRecord {
    /// One line for a person: `episode 0193… (night of 2026-11-26): the field … is missing`.
    pub fn line(&self) -> String {
        format!(
            "{} {} (night of {}): {}",
            self.kind, self.id, self.night, self.problem
        )
    }
}
