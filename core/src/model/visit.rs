//! Clinician visits (issue 21): the day of a visit, optionally who and a note, and the person's
//! own question for it.
//!
//! The question lives on the visit it is for: a visit dated today or later is the upcoming one,
//! and its question is printed at the top of the report. One record kind keeps "which visit is
//! this question for" answered by the data itself (no second record to pair up, nothing left
//! over when a visit is deleted), and a past visit keeps the question that was asked at it.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::error::{JournalError, Result};
use crate::model::meta::RecordMeta;
use crate::model::validate::{optional_note, optional_text, MAX_NOTE_CHARS};
use crate::time::{today_local, LocalDate, Moment};

/// Longest "who" of a visit (a clinician's or clinic's name), in characters.
pub const MAX_CLINICIAN_CHARS: usize = 120;
/// Longest question for a visit, in characters: a question, not a letter (it is printed at the
/// top of a one-page report).
pub const MAX_QUESTION_CHARS: usize = 300;
/// How far ahead a visit may be planned, in days (a year and a day).
pub const MAX_VISIT_DAYS_AHEAD: i64 = 366;

/// What a person records about a clinician visit, past or planned.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitData {
    /// The day of the visit (from 1900 to a year ahead: a planned visit may be in the future).
    pub visit_on: LocalDate,
    /// Who the visit is with, in the person's words (at most 120 characters, one line).
    #[serde(default)]
    pub clinician: Option<String>,
    /// The person's question for this visit (at most 300 characters, one line); printed at the
    /// top of the report while the visit is upcoming.
    #[serde(default)]
    pub question: Option<String>,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl VisitData {
    /// Checks every field; blank text becomes `None`.
    ///
    /// Errors: `InvalidInput` for a date before 1900 or more than a year ahead (`visit_on`), a
    /// name or question too long or holding a line break (`clinician`, `question`), a note over
    /// 4,000 characters (`note`).
    pub fn validated(&self, now: &Moment) -> Result<VisitData> {
        if self.visit_on.year() < 1900 {
            return Err(JournalError::invalid("visit_on", "is before 1900"));
        }
        let latest = today_local(now) + chrono::Duration::days(MAX_VISIT_DAYS_AHEAD);
        if self.visit_on > latest {
            return Err(JournalError::invalid(
                "visit_on",
                format!("is more than {MAX_VISIT_DAYS_AHEAD} days ahead"),
            ));
        }
        Ok(VisitData {
            visit_on: self.visit_on,
            clinician: optional_text("clinician", &self.clinician, MAX_CLINICIAN_CHARS)?,
            question: optional_text("question", &self.question, MAX_QUESTION_CHARS)?,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }
}

/// A stored clinician visit.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Visit {
    /// The record id (UUID v7).
    pub id: String,
    /// What was recorded.
    #[serde(flatten)]
    pub data: VisitData,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}
