//! The weekly drug-safety check-in while on a dopamine agonist or levodopa (issue 21): five
//! plain yes/no questions on new or stronger urges (gambling, shopping, eating, sexual) and on
//! falling asleep unintentionally in the daytime. Impulse-control disorders and sudden sleep
//! onset are labelled adverse effects of these drugs (AASM 2024 guideline, Winkelman et al.;
//! the product labelling of pramipexole, ropinirole, rotigotine and levodopa). The journal
//! records the answers and shows them to the clinician; it never advises a change of treatment.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::kinds::SafetyItem;
use crate::model::meta::RecordMeta;
use crate::model::validate::{as_set, optional_note, MAX_NOTE_CHARS};
use crate::time::{check_date, LocalDate, Moment};

/// What the person answered in one check-in: every item was asked; those in `answered_yes`
/// were answered "yes", the others "no".
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SafetyCheckData {
    /// The day of the check-in (it covers the week up to that day).
    pub checked_on: LocalDate,
    /// The items answered "yes" (a set; empty when every answer was "no").
    #[serde(default)]
    pub answered_yes: Vec<SafetyItem>,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl SafetyCheckData {
    /// Checks every field; `answered_yes` becomes a sorted set.
    ///
    /// Errors: `InvalidInput` for a date before 1900 or after tomorrow (`checked_on`) or a note
    /// over 4,000 characters (`note`).
    pub fn validated(&self, now: &Moment) -> Result<SafetyCheckData> {
        Ok(SafetyCheckData {
            checked_on: check_date("checked_on", self.checked_on, now)?,
            answered_yes: as_set(&self.answered_yes),
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }

    /// Whether any answer was "yes".
    pub fn any_yes(&self) -> bool {
        !self.answered_yes.is_empty()
    }
}

/// A stored drug-safety check-in.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct SafetyCheck {
    /// The record id (UUID v7).
    pub id: String,
    /// What was answered.
    #[serde(flatten)]
    pub data: SafetyCheckData,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}

#[uniffi::export]
impl SafetyItem {
    /// The question the check-in asks, in plain words (written for this journal, not taken
    /// from a licensed questionnaire).
    pub fn question(&self) -> String {
        match self {
            SafetyItem::Gambling => "In the past week, have you had new or stronger urges to gamble?",
            SafetyItem::Shopping => {
                "In the past week, have you had new or stronger urges to shop or spend money?"
            }
            SafetyItem::Eating => {
                "In the past week, have you had new or stronger urges to eat, or eaten much more than usual?"
            }
            SafetyItem::Sexual => "In the past week, have you had new or stronger sexual urges?",
            SafetyItem::FallingAsleep => {
                "In the past week, have you fallen asleep during the day without meaning to (for example while talking, eating or driving)?"
            }
        }
        .to_string()
    }
}

/// The check-in's questions in the order to ask them, for the apps and the terminal.
#[uniffi::export]
pub fn safety_check_items() -> Vec<SafetyItem> {
    SafetyItem::ALL.to_vec()
}
