//! Errors as sentences for a person (issue 16): what the apps show when a call is refused.
//!
//! `JournalError`'s own `Display` is the terminal's one-line form (`invalid peak_intensity: must
//! be between 1 and 10, got 11`), which names API fields. The apps show [`error_message`]
//! instead: the field in words from [`FIELD_LABELS`], then the reason, as one sentence
//! (`Intensity must be between 1 and 10 — you entered 11.`).

use crate::error::JournalError;

/// How an API field name (snake_case, as in `InvalidInput::field`) reads in a sentence. A field
/// that is not listed reads as its name with spaces (`dose_unit` → `Dose unit`).
pub const FIELD_LABELS: &[(&str, &str)] = &[
    ("peak_intensity", "Intensity"),
    ("latency_minutes", "Minutes from rest to symptoms"),
    ("started_at", "The start time"),
    ("ended_at", "The end time"),
    ("setting", "Where it began"),
    ("sensations", "How it felt"),
    ("method", "What was tried"),
    ("helped", "How much it helped"),
    ("minutes_to_relief", "Minutes until relief"),
    ("at", "The time"),
    ("night", "The night"),
    ("night_of", "The night"),
    ("got_into_bed_at", "The time you got into bed"),
    ("tried_to_sleep_at", "The time you tried to sleep"),
    ("sleep_onset_minutes", "Minutes to fall asleep"),
    ("awakenings", "The number of awakenings"),
    (
        "wake_after_sleep_onset_minutes",
        "Minutes awake in the night",
    ),
    ("final_awakening_at", "The time you woke for the day"),
    ("out_of_bed_at", "The time you got up"),
    ("quality", "Sleep quality"),
    ("answered_at", "The time of the answer"),
    ("kind", "The kind of exposure"),
    ("amount", "The amount"),
    ("unit", "The unit"),
    ("name", "The name"),
    ("category", "The kind of treatment"),
    ("dose", "The dose"),
    ("dose_unit", "The dose unit"),
    ("started_on", "The start date"),
    ("stopped_on", "The stop date"),
    ("times_per_day", "Times a day"),
    ("dose_changes", "The dose changes"),
    ("treatment_id", "The treatment"),
    ("taken_at", "The time it was taken"),
    ("taken_on", "The test date"),
    ("analyte", "The test"),
    ("value", "The result"),
    ("rated_on", "The rating date"),
    ("irls_total", "The IRLS total"),
    ("note", "The note"),
    ("visit_on", "The visit date"),
    ("clinician", "Who the visit is with"),
    ("question", "Your question for the visit"),
    ("checked_on", "The check-in date"),
    ("month", "The month"),
    ("year", "The year"),
    ("nights", "The number of nights"),
    ("limit", "The page size"),
    ("cursor", "The position in the history"),
    ("night_cutover_hour", "The hour a night ends"),
    ("morning_hour", "The morning hour"),
    ("evening_reminder_hour", "The evening reminder hour"),
    ("paper_size", "The paper size"),
    ("passphrase", "The passphrase"),
    ("path", "The file"),
    ("source", "The folder or backup file to restore from"),
    ("date", "The date"),
    ("first", "The first night"),
    ("last", "The last night"),
    ("range", "The range of nights"),
];

/// What `in_range` writes before the number a person entered (`…, got 11`).
const ENTERED_MARK: &str = ", got ";
/// What a sentence for a person says instead.
const ENTERED_WORDS: &str = " — you entered ";

/// The words for an API field name: [`FIELD_LABELS`], or the name with spaces, capitalised. A
/// listed field inside a list (`dose_changes[2].times_per_day`) reads as its last part.
pub fn field_label(field: &str) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    if let Some((_, label)) = FIELD_LABELS.iter().find(|(name, _)| *name == last) {
        return (*label).to_string();
    }
    capitalised(&last.replace('_', " "))
}

/// A sentence for the person who made the call that failed: what went wrong and, where there is
/// one, what to do. Never names an API field or a Rust type.
#[uniffi::export]
pub fn error_message(error: JournalError) -> String {
    let text = match &error {
        JournalError::InvalidInput { field, reason } => format!(
            "{} {}",
            field_label(field),
            reason.replace(ENTERED_MARK, ENTERED_WORDS)
        ),
        JournalError::NotFound { what } => {
            format!("Could not find {what}; it may have been deleted")
        }
        JournalError::Storage { detail } => capitalised(detail),
        JournalError::IncompatibleVersion { .. } => {
            "This journal was saved by a newer version of the app: update the app to open it. The file was left untouched".to_string()
        }
        JournalError::Corrupt { detail } => format!(
            "This file is not a journal or is damaged ({detail}); it was left untouched"
        ),
        JournalError::ImportRejected { reason } => {
            format!("The backup was not imported: {reason}. Your journal is unchanged")
        }
        JournalError::PassphraseNeeded => {
            "This backup is encrypted: enter its passphrase to import it".to_string()
        }
        JournalError::WrongPassphrase => {
            "The passphrase does not open this backup; check it and try again".to_string()
        }
        JournalError::BackupFailed { reason } => {
            format!("The backup was not written: {reason}. Earlier backups are intact")
        }
        JournalError::SyncFailed { reason } => format!(
            "The sync did not run: {reason}. Your journal and the files in the folder are intact"
        ),
        JournalError::RestoreRefused { .. } => {
            "This journal already holds records, so nothing was restored into it: restore only \
             into a new journal"
                .to_string()
        }
    };
    sentence(&text)
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` capitalised, ending with one full stop (or its own `?`/`!`/`.`).
fn sentence(text: &str) -> String {
    let text = capitalised(text.trim());
    if text.ends_with(['.', '?', '!']) {
        text
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_number_reads_as_a_sentence_with_the_number_entered() {
        let err = crate::model::validate::in_range("peak_intensity", 11, 1, 10).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid peak_intensity: must be between 1 and 10, got 11",
            "the terminal keeps its one-line form"
        );
        assert_eq!(
            error_message(err),
            "Intensity must be between 1 and 10 — you entered 11."
        );
    }

    #[test]
    fn fields_read_as_words_listed_or_not() {
        assert_eq!(field_label("irls_total"), "The IRLS total");
        assert_eq!(field_label("dose_changes[2].times_per_day"), "Times a day");
        assert_eq!(field_label("fallback_fonts"), "Fallback fonts");
    }

    #[test]
    fn every_error_is_one_sentence_without_api_names() {
        let errors = [
            JournalError::invalid("quality", "must be between 1 and 5, got 9"),
            JournalError::not_found("episode 0193"),
            JournalError::Storage {
                detail: "the disk is full, so nothing was changed".into(),
            },
            JournalError::IncompatibleVersion {
                found: 9,
                supported: 4,
            },
            JournalError::Corrupt {
                detail: "the header is wrong".into(),
            },
            JournalError::ImportRejected {
                reason: "it is not a backup".into(),
            },
            JournalError::PassphraseNeeded,
            JournalError::WrongPassphrase,
            JournalError::BackupFailed {
                reason: "the folder is gone".into(),
            },
            JournalError::SyncFailed {
                reason: "the sync folder is gone".into(),
            },
            JournalError::RestoreRefused {
                path: "/tmp/journal.db".into(),
            },
        ];
        for err in errors {
            let text = error_message(err.clone());
            assert!(text.ends_with('.'), "{text}");
            assert!(text.starts_with(char::is_uppercase), "{text}");
            assert!(!text.contains('_'), "{err:?} → {text}");
        }
        assert_eq!(
            error_message(JournalError::invalid(
                "quality",
                "must be between 1 and 5, got 9"
            )),
            "Sleep quality must be between 1 and 5 — you entered 9."
        );
    }

    #[test]
    fn every_validated_field_has_words() {
        // The fields the validation code names (model/, views/, settings): each is listed, so
        // no person ever reads a made-up label for them.
        for field in [
            "peak_intensity",
            "latency_minutes",
            "helped",
            "minutes_to_relief",
            "quality",
            "awakenings",
            "sleep_onset_minutes",
            "wake_after_sleep_onset_minutes",
            "irls_total",
            "times_per_day",
            "month",
            "limit",
            "nights",
            "morning_hour",
            "night_cutover_hour",
            "evening_reminder_hour",
        ] {
            assert!(
                FIELD_LABELS.iter().any(|(name, _)| *name == field),
                "{field} has no words"
            );
        }
    }
}
