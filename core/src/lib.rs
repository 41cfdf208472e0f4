//! RLS Journal core: the journal model, local SQLite storage, views for screens, pattern
//! summaries and exports, exported to Kotlin and Swift through uniffi.
//!
//! Start at [`journal::Journal`]; `ARCHITECTURE.md` maps every file to its concern.

// No panics may cross the FFI: outside tests, these are compile errors under clippy.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

uniffi::setup_scaffolding!();

pub mod error;
pub mod export;
pub mod format;
pub mod journal;
pub mod messages;
pub mod model;
#[cfg(test)]
mod reliability_tests;
pub mod settings;
pub mod store;
pub mod summary;
// Folder sync and restore on a new phone (issue 17 §3-§4).
pub mod sync;
pub mod time;
// Release, schema and backup format versions (engineer K, issue 20).
pub mod versions;
pub mod views;

pub use error::JournalError;
pub use journal::Journal;
pub use model::answer::{NoSymptoms, NoSymptomsData};
pub use model::damaged::DamagedRecord;
pub use model::entry::Entry;
pub use model::episode::{Episode, EpisodeData, ReliefAttempt, ReliefData};
pub use model::exposure::{Exposure, ExposureData};
pub use model::kinds::{
    Analyte, BodyArea, EntryKind, ExposureKind, ReliefMethod, SafetyItem, Sensation, Setting, Side,
    TreatmentCategory,
};
pub use model::lab::{LabResult, LabResultData, SeverityRating, SeverityRatingData};
pub use model::meta::RecordMeta;
pub use model::safety_check::{safety_check_items, SafetyCheck, SafetyCheckData};
pub use model::sleep::{SleepDiary, SleepDiaryData};
pub use model::treatment::{Dose, DoseChange, DoseData, Treatment, TreatmentData};
pub use model::visit::{Visit, VisitData};
pub use settings::{PaperSize, Settings};
pub use time::{LocalDate, Moment};
pub use views::calendar::{CalendarDay, CalendarMonth, NightState};
pub use views::history::{HistoryItem, HistoryPage, HistoryQuery};
pub use views::night::{NightLine, NightView};
pub use views::prompts::{Prompt, PromptKind};
pub use views::vocabulary::{vocabularies, Vocabularies, OTHER_LABEL};
// Issue 16: error sentences, form rules, one save call.
pub use messages::error_message;
pub use model::entry_data::EntryData;
pub use views::entry_form::{entry_form_fields, FieldInput, FormField, ShownWhen};
pub use views::form_rules::{form_rules, FormRules, InputRange};
// Versions (issue 20).
pub use versions::{core_versions, CoreVersions};
// Folder sync (issue 17).
pub use sync::file_roles::{is_own_backup_file, sync_file_role, SyncFileRole};
pub use sync::state::{SyncReport, SyncStatus};
