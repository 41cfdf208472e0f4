//! The journal's recorded changes, one function per exported write call (add, edit, delete,
//! restore, undo, settings): each runs inside the one transaction `journal.rs` opens, writes its
//! rows and reads the record back. The bedside calls are in `bedside.rs`; the rules that tie
//! relief attempts to their episode are in `model/bedside.rs`.

use rusqlite::Connection;

use crate::error::{JournalError, Result};
use crate::model::answer::{NoSymptoms, NoSymptomsData};
use crate::model::bedside;
use crate::model::entry::Entry;
use crate::model::episode::{check_relief_time, Episode, EpisodeData, ReliefAttempt, ReliefData};
use crate::model::exposure::{Exposure, ExposureData};
use crate::model::lab::{LabResult, LabResultData, SeverityRating, SeverityRatingData};
use crate::model::safety_check::{SafetyCheck, SafetyCheckData};
use crate::model::sleep::{SleepDiary, SleepDiaryData};
use crate::model::treatment::{Dose, DoseData, Treatment, TreatmentData};
use crate::model::visit::{Visit, VisitData};
use crate::settings::Settings;
use crate::store::entries::{self, RowKind, RowValues};
use crate::store::records::Renight;
use crate::store::{lookups, records, settings as settings_store, trigger_nights};

/// Reads back the live entry `id` as one variant of [`Entry`]; `NotFound` otherwise.
macro_rules! typed_entry {
    ($conn:expr, $id:expr, $variant:ident, $field:ident) => {
        match records::expect_entry($conn, $id)? {
            Entry::$variant { $field } => Ok($field),
            _ => Err(JournalError::not_found(format!("entry {}", $id))),
        }
    };
}

/// Inserts a row with a new id, stamped now, and returns the id.
fn insert_new(conn: &Connection, values: &RowValues, now_ms: i64) -> Result<String> {
    let id = entries::new_id();
    entries::insert(conn, &id, values, now_ms)?;
    Ok(id)
}

/// Checks that `id` is a live row of `kind` (for parents).
fn require_live(conn: &Connection, id: &str, kind: RowKind) -> Result<()> {
    match entries::live_kind(conn, id)? {
        Some(k) if k == kind => Ok(()),
        _ => Err(JournalError::not_found(format!("{} {id}", kind.noun()))),
    }
}

/// Adds a complete episode.
pub fn add_episode(
    conn: &Connection,
    data: &EpisodeData,
    cutover: i32,
    now_ms: i64,
) -> Result<Episode> {
    let id = insert_new(conn, &records::episode_row(data, cutover)?, now_ms)?;
    records::episode_by_id(conn, &id)
}

/// Replaces an episode's data; its relief attempts stay, so it may not start after one.
pub fn edit_episode(
    conn: &Connection,
    id: &str,
    data: &EpisodeData,
    cutover: i32,
    now_ms: i64,
) -> Result<Episode> {
    let current = records::episode_by_id(conn, id)?;
    bedside::check_new_start(&data.started_at, &current.relief)?;
    entries::update(conn, id, &records::episode_row(data, cutover)?, now_ms)?;
    records::episode_by_id(conn, id)
}

/// Adds a relief attempt to the live episode `episode_id`.
pub fn add_relief_attempt(
    conn: &Connection,
    episode_id: &str,
    data: &ReliefData,
    cutover: i32,
    now_ms: i64,
) -> Result<ReliefAttempt> {
    let episode = records::episode_by_id(conn, episode_id)?;
    check_relief_time(&episode.data.started_at, &data.at)?;
    let id = insert_new(
        conn,
        &records::relief_row(episode_id, data, cutover)?,
        now_ms,
    )?;
    records::relief_by_id(conn, &id)
}

/// Replaces a relief attempt's data (it stays on its episode).
pub fn edit_relief_attempt(
    conn: &Connection,
    id: &str,
    data: &ReliefData,
    cutover: i32,
    now_ms: i64,
) -> Result<ReliefAttempt> {
    let current = records::relief_by_id(conn, id)?;
    let episode = records::episode_by_id(conn, &current.episode_id)?;
    check_relief_time(&episode.data.started_at, &data.at)?;
    let values = records::relief_row(&current.episode_id, data, cutover)?;
    entries::update(conn, id, &values, now_ms)?;
    records::relief_by_id(conn, id)
}

/// Adds a night's sleep diary; `InvalidInput` (field `night_of`) if the night has one. Its final
/// awakening ends that night for the exposures and doses around it, which are re-attributed.
pub fn add_sleep_diary(
    conn: &Connection,
    data: &SleepDiaryData,
    settings: &Settings,
    now_ms: i64,
) -> Result<SleepDiary> {
    if lookups::sleep_diary_exists(conn, data.night_of, "")? {
        return Err(JournalError::invalid(
            "night_of",
            "this night already has a sleep diary; edit it instead",
        ));
    }
    let id = insert_new(conn, &records::sleep_row(data)?, now_ms)?;
    trigger_nights::renight_around(conn, data.night_of, settings)?;
    typed_entry!(conn, &id, SleepDiary, diary)
}

/// Replaces a sleep diary; `InvalidInput` (field `night_of`) if it moves to a night that has
/// another one. The exposures and doses around its old and its new night are re-attributed.
pub fn edit_sleep_diary(
    conn: &Connection,
    id: &str,
    data: &SleepDiaryData,
    settings: &Settings,
    now_ms: i64,
) -> Result<SleepDiary> {
    if lookups::sleep_diary_exists(conn, data.night_of, id)? {
        return Err(JournalError::invalid(
            "night_of",
            "that night already has another sleep diary",
        ));
    }
    let old_night = match trigger_nights::kind_and_night(conn, id)? {
        Some((RowKind::Sleep, night)) => Some(night),
        _ => None,
    };
    entries::update(conn, id, &records::sleep_row(data)?, now_ms)?;
    if let Some(old) = old_night.filter(|old| *old != data.night_of) {
        trigger_nights::renight_around(conn, old, settings)?;
    }
    trigger_nights::renight_around(conn, data.night_of, settings)?;
    typed_entry!(conn, id, SleepDiary, diary)
}

/// Adds an exposure, counted for the night it can affect (see [`trigger_nights`]).
pub fn add_exposure(
    conn: &Connection,
    data: &ExposureData,
    settings: &Settings,
    now_ms: i64,
) -> Result<Exposure> {
    let night = trigger_nights::trigger_night(conn, &data.at, settings)?;
    let id = insert_new(conn, &records::exposure_row(data, night)?, now_ms)?;
    typed_entry!(conn, &id, Exposure, exposure)
}

/// Replaces an exposure.
pub fn edit_exposure(
    conn: &Connection,
    id: &str,
    data: &ExposureData,
    settings: &Settings,
    now_ms: i64,
) -> Result<Exposure> {
    let night = trigger_nights::trigger_night(conn, &data.at, settings)?;
    entries::update(conn, id, &records::exposure_row(data, night)?, now_ms)?;
    typed_entry!(conn, id, Exposure, exposure)
}

/// Adds a treatment regimen.
pub fn add_treatment(conn: &Connection, data: &TreatmentData, now_ms: i64) -> Result<Treatment> {
    let id = insert_new(conn, &records::treatment_row(data)?, now_ms)?;
    typed_entry!(conn, &id, Treatment, treatment)
}

/// Replaces a treatment regimen.
pub fn edit_treatment(
    conn: &Connection,
    id: &str,
    data: &TreatmentData,
    now_ms: i64,
) -> Result<Treatment> {
    entries::update(conn, id, &records::treatment_row(data)?, now_ms)?;
    typed_entry!(conn, id, Treatment, treatment)
}

/// Adds a dose of a live treatment, counted for the night it can affect (see
/// [`trigger_nights`]); `NotFound` if the treatment is not there.
pub fn add_dose(
    conn: &Connection,
    data: &DoseData,
    settings: &Settings,
    now_ms: i64,
) -> Result<Dose> {
    require_live(conn, &data.treatment_id, RowKind::Treatment)?;
    let night = trigger_nights::trigger_night(conn, &data.at, settings)?;
    let id = insert_new(conn, &records::dose_row(data, night)?, now_ms)?;
    typed_entry!(conn, &id, Dose, dose)
}

/// Replaces a dose (of a live treatment).
pub fn edit_dose(
    conn: &Connection,
    id: &str,
    data: &DoseData,
    settings: &Settings,
    now_ms: i64,
) -> Result<Dose> {
    require_live(conn, &data.treatment_id, RowKind::Treatment)?;
    let night = trigger_nights::trigger_night(conn, &data.at, settings)?;
    entries::update(conn, id, &records::dose_row(data, night)?, now_ms)?;
    typed_entry!(conn, id, Dose, dose)
}

/// Adds a lab result.
pub fn add_lab_result(conn: &Connection, data: &LabResultData, now_ms: i64) -> Result<LabResult> {
    let id = insert_new(conn, &records::lab_row(data)?, now_ms)?;
    typed_entry!(conn, &id, LabResult, lab)
}

/// Replaces a lab result.
pub fn edit_lab_result(
    conn: &Connection,
    id: &str,
    data: &LabResultData,
    now_ms: i64,
) -> Result<LabResult> {
    entries::update(conn, id, &records::lab_row(data)?, now_ms)?;
    typed_entry!(conn, id, LabResult, lab)
}

/// Adds an IRLS severity rating.
pub fn add_severity_rating(
    conn: &Connection,
    data: &SeverityRatingData,
    now_ms: i64,
) -> Result<SeverityRating> {
    let id = insert_new(conn, &records::rating_row(data)?, now_ms)?;
    typed_entry!(conn, &id, SeverityRating, rating)
}

/// Replaces an IRLS severity rating.
pub fn edit_severity_rating(
    conn: &Connection,
    id: &str,
    data: &SeverityRatingData,
    now_ms: i64,
) -> Result<SeverityRating> {
    entries::update(conn, id, &records::rating_row(data)?, now_ms)?;
    typed_entry!(conn, id, SeverityRating, rating)
}

/// Adds a clinician visit.
pub fn add_visit(conn: &Connection, data: &VisitData, now_ms: i64) -> Result<Visit> {
    let id = insert_new(conn, &records::visit_row(data)?, now_ms)?;
    typed_entry!(conn, &id, Visit, visit)
}

/// Replaces a clinician visit.
pub fn edit_visit(conn: &Connection, id: &str, data: &VisitData, now_ms: i64) -> Result<Visit> {
    entries::update(conn, id, &records::visit_row(data)?, now_ms)?;
    typed_entry!(conn, id, Visit, visit)
}

/// Adds a drug-safety check-in.
pub fn add_safety_check(
    conn: &Connection,
    data: &SafetyCheckData,
    now_ms: i64,
) -> Result<SafetyCheck> {
    let id = insert_new(conn, &records::safety_check_row(data)?, now_ms)?;
    typed_entry!(conn, &id, SafetyCheck, check)
}

/// Replaces a drug-safety check-in.
pub fn edit_safety_check(
    conn: &Connection,
    id: &str,
    data: &SafetyCheckData,
    now_ms: i64,
) -> Result<SafetyCheck> {
    entries::update(conn, id, &records::safety_check_row(data)?, now_ms)?;
    typed_entry!(conn, id, SafetyCheck, check)
}

/// Records the morning's "no symptoms" answer for a night. One tap twice changes nothing: if the
/// night already has a live answer, that answer is returned as it is.
pub fn add_no_symptoms(
    conn: &Connection,
    data: &NoSymptomsData,
    now_ms: i64,
) -> Result<NoSymptoms> {
    let id = match lookups::no_symptoms_answer_on(conn, data.night_of)? {
        Some(id) => id,
        None => insert_new(conn, &records::no_symptoms_row(data)?, now_ms)?,
    };
    typed_entry!(conn, &id, NoSymptoms, answer)
}

/// Moves a "no symptoms" answer to another night; `InvalidInput` (field `night_of`) if that
/// night has an answer already.
pub fn edit_no_symptoms(
    conn: &Connection,
    id: &str,
    data: &NoSymptomsData,
    now_ms: i64,
) -> Result<NoSymptoms> {
    if let Some(other) = lookups::no_symptoms_answer_on(conn, data.night_of)? {
        if other != id {
            return Err(JournalError::invalid(
                "night_of",
                "that night already has a \"no symptoms\" answer",
            ));
        }
    }
    entries::update(conn, id, &records::no_symptoms_row(data)?, now_ms)?;
    typed_entry!(conn, id, NoSymptoms, answer)
}

/// Deletes an entry or relief attempt (a tombstone). Deleting a sleep diary re-attributes the
/// exposures and doses around its night.
pub fn delete(conn: &Connection, id: &str, settings: &Settings, now_ms: i64) -> Result<()> {
    entries::tombstone(conn, id, now_ms)?;
    trigger_nights::after_delete_or_restore(conn, id, settings)
}

/// Restores a deleted entry, unless its night now has another sleep diary or (a relief attempt)
/// its episode's start has moved past it. A restored sleep diary re-attributes the exposures and
/// doses around its night; a restored exposure or dose gets the night the diaries give it now.
pub fn restore(conn: &Connection, id: &str, settings: &Settings, now_ms: i64) -> Result<()> {
    if lookups::sleep_diary_night_taken(conn, id)? {
        return Err(JournalError::invalid(
            "id",
            "that night has a newer sleep diary; delete it first",
        ));
    }
    if lookups::no_symptoms_night_taken(conn, id)? {
        return Err(JournalError::invalid(
            "id",
            "that night has a newer \"no symptoms\" answer; delete it first",
        ));
    }
    if let Some((relief, episode)) = lookups::deleted_relief_and_episode(conn, id)? {
        let relief: ReliefData = serde_json::from_str(&relief)?;
        let episode: EpisodeData = serde_json::from_str(&episode)?;
        bedside::check_restored_relief(&episode.started_at, &relief.at)?;
    }
    entries::restore(conn, id, now_ms)?;
    trigger_nights::after_delete_or_restore(conn, id, settings)
}

/// Restores the most recently deleted entry and returns its id; `None` if nothing is deleted
/// (night-clash losers of a sync are not deletions: `entries::last_deleted`).
/// Finding and restoring it happen in the caller's one transaction, so another handle cannot
/// restore or delete something in between.
pub fn undo_delete(conn: &Connection, settings: &Settings, now_ms: i64) -> Result<Option<String>> {
    match entries::last_deleted(conn)? {
        Some(id) => {
            restore(conn, &id, settings, now_ms)?;
            Ok(Some(id))
        }
        None => Ok(None),
    }
}

/// Saves new settings over `current`; a new cutover hour re-attributes every timed entry to its
/// night, a new morning hour every exposure and dose.
pub fn update_settings(
    conn: &Connection,
    settings: Settings,
    current: &mut Settings,
    now_ms: i64,
) -> Result<()> {
    settings_store::save(conn, &settings, now_ms)?;
    if current.night_cutover_hour != settings.night_cutover_hour {
        records::renight_all(conn, &settings, Renight::AllTimed)?;
    } else if current.morning_hour != settings.morning_hour {
        records::renight_all(conn, &settings, Renight::Triggers)?;
    }
    *current = settings;
    Ok(())
}
