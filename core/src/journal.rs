//! The exported `Journal` object: the one entry point for Kotlin, Swift and the terminal.
//!
//! Every method is synchronous and takes `&self`; the journal is `Send + Sync` (one SQLite
//! connection behind a mutex), so apps call it from any background thread.
//!
//! This file is a facade: each exported call validates its arguments, opens one transaction
//! (`Journal::read` or `Journal::write`) and calls one named function. A write either fully
//! happens or changes nothing; a read sees one snapshot. The SQL lives in `store/`, the bedside
//! rules in `model/bedside.rs`, the screens in `views/`.

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{JournalError, Result};
use crate::model::answer::{NoSymptoms, NoSymptomsData};
use crate::model::entry::Entry;
use crate::model::entry_data::EntryData;
use crate::model::episode::{Episode, EpisodeData, ReliefAttempt, ReliefData};
use crate::model::exposure::{Exposure, ExposureData};
use crate::model::kinds::{ReliefMethod, Side};
use crate::model::lab::{LabResult, LabResultData, SeverityRating, SeverityRatingData};
use crate::model::meta::canonical_id;
use crate::model::safety_check::{SafetyCheck, SafetyCheckData};
use crate::model::sleep::{SleepDiary, SleepDiaryData};
use crate::model::treatment::{Dose, DoseData, Treatment, TreatmentData};
use crate::model::visit::{Visit, VisitData};
use crate::settings::Settings;
use crate::store::{bedside, connection, records, settings as settings_store, writes};
use crate::time::{LocalDate, Moment};
use crate::views::calendar::{self, CalendarMonth};
use crate::views::history::{self, HistoryItem, HistoryPage, HistoryQuery};
use crate::views::night::{self, NightView};
use crate::views::prompts::{self, Prompt};
use crate::views::sleep_draft;

struct Inner {
    conn: Connection,
    settings: Settings,
    /// `PRAGMA data_version` when `settings` was read: it changes when another connection
    /// (a second handle, a widget, another process) commits, and then the settings are re-read.
    data_version: i64,
}

impl Inner {
    /// The settings, re-read first if another connection committed since they were read, so a
    /// second handle on the same file never files entries under a stale cutover hour.
    fn fresh_settings(
        conn: &Connection,
        settings: &mut Settings,
        data_version: &mut i64,
    ) -> Result<Settings> {
        let version = connection::data_version(conn)?;
        if version != *data_version {
            *settings = settings_store::load(conn)?;
            *data_version = version;
        }
        Ok(*settings)
    }
}

/// A symptom journal stored in one SQLite file (or in memory).
#[derive(uniffi::Object)]
pub struct Journal {
    inner: Mutex<Inner>,
    /// Added to the system clock wherever this handle reads the time (tests that simulate
    /// devices whose clocks differ; always 0 in the apps).
    clock_skew_ms: AtomicI64,
}

impl Journal {
    fn from_connection(conn: Connection) -> Result<Arc<Journal>> {
        let settings = settings_store::load(&conn)?;
        let data_version = connection::data_version(&conn)?;
        Ok(Arc::new(Journal {
            inner: Mutex::new(Inner {
                conn,
                settings,
                data_version,
            }),
            clock_skew_ms: AtomicI64::new(0),
        }))
    }

    /// Opens the journal at a file path (for Rust callers).
    pub fn open_path(path: &Path) -> Result<Arc<Journal>> {
        Journal::from_connection(connection::open_file(path)?)
    }

    /// The connection's effective pragmas as SQLite reports them (name, value), for tests and
    /// diagnostics: see `store/pragmas.rs`.
    pub fn effective_pragmas(&self) -> Result<Vec<(String, String)>> {
        crate::store::pragmas::effective(&self.lock().conn)
    }

    /// Makes this handle's clock run `ms` milliseconds ahead of the system clock (behind when
    /// negative), for tests that simulate devices whose clocks differ. Not exported: the apps
    /// always use the device clock.
    #[doc(hidden)]
    pub fn set_clock_skew_ms(&self, ms: i64) {
        self.clock_skew_ms.store(ms, Ordering::Relaxed);
    }

    /// Now by this handle's clock: the system clock plus the test skew. Every stamp and every
    /// "not in the future" check of this handle reads the time here.
    pub(crate) fn now(&self) -> Moment {
        let now = Moment::now();
        match self.clock_skew_ms.load(Ordering::Relaxed) {
            0 => now,
            skew => Moment::from_millis(now.millis().saturating_add(skew), now.offset_minutes),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave a half-written transaction (rusqlite rolls
        // back on drop), so a poisoned lock is still safe to use.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs a read with the current settings, in one read transaction: the call sees one
    /// consistent snapshot, and SQLite takes its file locks once instead of once per statement.
    /// Every exported read runs all its queries inside one `read`.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection, &Settings) -> Result<T>) -> Result<T> {
        let mut inner = self.lock();
        let Inner {
            conn,
            settings,
            data_version,
        } = &mut *inner;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let settings = Inner::fresh_settings(&tx, settings, data_version)?;
        let value = f(&tx, &settings)?;
        tx.commit()?;
        Ok(value)
    }

    /// [`Journal::sleep_diary_draft`] as if it were `now` (its UTC offset places the times).
    pub fn sleep_diary_draft_at(&self, night: LocalDate, now: Moment) -> Result<SleepDiaryData> {
        let now = now.checked_lookup("now")?;
        let night = crate::time::check_date("night", night, &now)?;
        self.read(|conn, _| sleep_draft::sleep_diary_draft(conn, night, &now))
    }

    /// Runs `f` in one immediate transaction with the current settings and commits if it
    /// succeeds. `f` may change the settings (settings update, backup import); the cached
    /// settings follow only if the transaction commits.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>, &mut Settings) -> Result<T>,
    ) -> Result<T> {
        let mut inner = self.lock();
        let Inner {
            conn,
            settings: cached,
            data_version,
        } = &mut *inner;
        if connection::is_read_only(conn) {
            return Err(connection::read_only_error(conn));
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read the settings inside the write lock: nobody can change them before this commits.
        let mut settings = Inner::fresh_settings(&tx, cached, data_version)?;
        let value = f(&tx, &mut settings)?;
        tx.commit()?;
        *cached = settings;
        Ok(value)
    }
}

/// The canonical spelling of a record id handed to the API (upper case, braces and `urn:uuid:`
/// name the same record); `NotFound` if it is not a record id at all.
fn record_id(id: &str) -> Result<String> {
    canonical_id(id).ok_or_else(|| {
        JournalError::not_found(format!(
            "a record with the id “{}”",
            crate::export::backup::excerpt(id)
        ))
    })
}

#[uniffi::export]
impl Journal {
    /// Opens the journal at `path`, creating it (and its schema, readable by its owner only)
    /// if the file does not exist. `path` is always a file path, never an SQLite URI. Several
    /// processes may open (and create) the same journal at once.
    ///
    /// A journal that cannot be written (no write permission, a read-only folder or disk) is
    /// opened for reading: views and exports work, writes fail with a `Storage` error saying
    /// the journal is read-only. On a full disk the journal still opens for reading and export.
    ///
    /// Errors: `Corrupt` if the file is not a journal, `IncompatibleVersion` if a newer app wrote
    /// it (both leave the file untouched), `Storage` if the path is not a regular file (a
    /// folder, a device, a pipe) or cannot be opened.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Journal>> {
        Journal::open_path(Path::new(&path))
    }

    /// Opens a new, empty journal that lives in memory only (tests, previews).
    #[uniffi::constructor]
    pub fn open_in_memory() -> Result<Arc<Journal>> {
        Journal::from_connection(connection::open_memory()?)
    }

    // ---- bedside ----

    /// Logs symptoms now (or at `at`) with a peak intensity 1–10 and an optional side.
    ///
    /// If an episode is open and started less than 3 hours before, it is the same episode: its
    /// peak is raised to `intensity` if higher (and its side set if given). Otherwise a new
    /// episode starts. Returns the episode.
    #[uniffi::method(default(side = None, at = None))]
    pub fn quick_log(
        &self,
        intensity: i32,
        side: Option<Side>,
        at: Option<Moment>,
    ) -> Result<Episode> {
        let data = EpisodeData::quick(at.unwrap_or_else(|| self.now()), intensity, side)
            .validated(self.now().millis())?;
        self.write(|tx, s| bedside::quick_log(tx, &data, s.night_cutover_hour, self.now().millis()))
    }

    /// Ends the open episode now (or at `at`): the latest open episode that started by then (or
    /// by now, for a backdated `at`). `NotFound` if none is open. An open episode dated after `at` is left alone (see
    /// [`Journal::open_episode`]).
    #[uniffi::method(default(at = None))]
    pub fn end_episode(&self, at: Option<Moment>) -> Result<Episode> {
        let at = at
            .unwrap_or_else(|| self.now())
            .checked("ended_at", self.now().millis())?;
        self.write(|tx, s| bedside::end_episode(tx, at, s.night_cutover_hour, self.now().millis()))
    }

    /// Records what was tried for relief, on the open episode (or, if none is open, the latest
    /// episode started in the last 12 hours). Returns that episode with its relief attempts.
    #[uniffi::method(default(minutes_to_relief = None, at = None))]
    pub fn add_relief(
        &self,
        method: ReliefMethod,
        helped: i32,
        minutes_to_relief: Option<i32>,
        at: Option<Moment>,
    ) -> Result<Episode> {
        let data = ReliefData {
            method,
            helped,
            minutes_to_relief,
            at: at.unwrap_or_else(|| self.now()),
        }
        .validated(self.now().millis())?;
        self.write(|tx, s| {
            bedside::add_relief(tx, &data, s.night_cutover_hour, self.now().millis())
        })
    }

    /// The open episode: the most recent one without an end that has started by now, if any.
    ///
    /// An open episode dated in the future (a mistyped time, a wrong clock) is not the bedside
    /// episode until its start has come, so it never blocks logging, relief or `end`.
    pub fn open_episode(&self) -> Result<Option<Episode>> {
        self.read(|conn, _| bedside::open_episode(conn, self.now().millis()))
    }

    /// The open episode as the history list shows it (`at`, `title`, `detail`, intensity),
    /// for the Tonight screen; `None` when no episode is open.
    pub fn open_episode_item(&self) -> Result<Option<HistoryItem>> {
        self.read(|conn, _| {
            let open = bedside::open_episode(conn, self.now().millis())?;
            Ok(open.map(|episode| {
                let night = episode.night;
                history::item(Entry::Episode { episode }, night)
            }))
        })
    }

    // ---- episodes and relief ----

    /// Adds a complete (possibly backdated) episode.
    pub fn add_episode(&self, data: EpisodeData) -> Result<Episode> {
        let data = data.validated(self.now().millis())?;
        self.write(|tx, s| {
            writes::add_episode(tx, &data, s.night_cutover_hour, self.now().millis())
        })
    }

    /// Replaces what was recorded for an episode (its relief attempts stay).
    pub fn edit_episode(&self, id: String, data: EpisodeData) -> Result<Episode> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(now_ms)?;
        self.write(|tx, s| writes::edit_episode(tx, &id, &data, s.night_cutover_hour, now_ms))
    }

    /// Adds a relief attempt to a given episode.
    pub fn add_relief_attempt(
        &self,
        episode_id: String,
        data: ReliefData,
    ) -> Result<ReliefAttempt> {
        let episode_id = record_id(&episode_id)?;
        let data = data.validated(self.now().millis())?;
        self.write(|tx, s| {
            writes::add_relief_attempt(
                tx,
                &episode_id,
                &data,
                s.night_cutover_hour,
                self.now().millis(),
            )
        })
    }

    /// Replaces what was recorded for a relief attempt.
    pub fn edit_relief_attempt(&self, id: String, data: ReliefData) -> Result<ReliefAttempt> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(now_ms)?;
        self.write(|tx, s| {
            writes::edit_relief_attempt(tx, &id, &data, s.night_cutover_hour, now_ms)
        })
    }

    // ---- sleep diary ----

    /// Adds the morning sleep diary of a night. `InvalidInput` (field `night_of`) if that night
    /// already has one: edit it instead.
    pub fn add_sleep_diary(&self, data: SleepDiaryData) -> Result<SleepDiary> {
        let data = data.validated(&self.now())?;
        self.write(|tx, s| writes::add_sleep_diary(tx, &data, s, self.now().millis()))
    }

    /// Replaces a sleep diary.
    pub fn edit_sleep_diary(&self, id: String, data: SleepDiaryData) -> Result<SleepDiary> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(&self.now())?;
        self.write(|tx, s| writes::edit_sleep_diary(tx, &id, &data, s, now_ms))
    }

    // ---- the morning's "no symptoms" answer ----

    /// The one-tap morning answer "No symptoms last night": records that the night before
    /// today (local date) had no RLS symptoms, which makes it an observed symptom-free night
    /// (design §4). Tapping again returns the answer already recorded.
    pub fn no_symptoms_last_night(&self) -> Result<NoSymptoms> {
        self.add_no_symptoms(NoSymptomsData::last_night(&self.now()))
    }

    /// Records "no symptoms" for a chosen night, answered at `data.answered_at`. `InvalidInput`
    /// (field `night_of`) for a night whose morning has not come; a night that already has an
    /// answer keeps it (returned as it is). An episode on the same night outweighs the answer in
    /// every measure.
    pub fn add_no_symptoms(&self, data: NoSymptomsData) -> Result<NoSymptoms> {
        let data = data.validated(&self.now())?;
        self.write(|tx, _| writes::add_no_symptoms(tx, &data, self.now().millis()))
    }

    /// Moves a "no symptoms" answer to another night (or changes when it was given);
    /// `InvalidInput` (field `night_of`) if that night has an answer already.
    pub fn edit_no_symptoms(&self, id: String, data: NoSymptomsData) -> Result<NoSymptoms> {
        let id = record_id(&id)?;
        let now = self.now();
        let data = data.validated(&now)?;
        self.write(|tx, _| writes::edit_no_symptoms(tx, &id, &data, now.millis()))
    }

    // ---- exposures ----

    /// Adds an exposure (a possible trigger).
    pub fn add_exposure(&self, data: ExposureData) -> Result<Exposure> {
        let data = data.validated(self.now().millis())?;
        self.write(|tx, s| writes::add_exposure(tx, &data, s, self.now().millis()))
    }

    /// Replaces an exposure.
    pub fn edit_exposure(&self, id: String, data: ExposureData) -> Result<Exposure> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(now_ms)?;
        self.write(|tx, s| writes::edit_exposure(tx, &id, &data, s, now_ms))
    }

    // ---- treatments and doses ----

    /// Adds a treatment regimen.
    pub fn add_treatment(&self, data: TreatmentData) -> Result<Treatment> {
        let data = data.validated(&self.now())?;
        self.write(|tx, _| writes::add_treatment(tx, &data, self.now().millis()))
    }

    /// Replaces a treatment regimen.
    pub fn edit_treatment(&self, id: String, data: TreatmentData) -> Result<Treatment> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(&self.now())?;
        self.write(|tx, _| writes::edit_treatment(tx, &id, &data, now_ms))
    }

    /// Every live treatment, oldest start first (for the dose picker and treatment lists).
    pub fn treatments(&self) -> Result<Vec<Treatment>> {
        self.read(|conn, _| night::all_treatments(conn))
    }

    /// Records a dose of a treatment. `NotFound` if the treatment does not exist.
    pub fn add_dose(&self, data: DoseData) -> Result<Dose> {
        let data = data.validated(self.now().millis())?;
        self.write(|tx, s| writes::add_dose(tx, &data, s, self.now().millis()))
    }

    /// Replaces a dose.
    pub fn edit_dose(&self, id: String, data: DoseData) -> Result<Dose> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(now_ms)?;
        self.write(|tx, s| writes::edit_dose(tx, &id, &data, s, now_ms))
    }

    // ---- labs and ratings ----

    /// Adds a lab result.
    pub fn add_lab_result(&self, data: LabResultData) -> Result<LabResult> {
        let data = data.validated(&self.now())?;
        self.write(|tx, _| writes::add_lab_result(tx, &data, self.now().millis()))
    }

    /// Replaces a lab result.
    pub fn edit_lab_result(&self, id: String, data: LabResultData) -> Result<LabResult> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(&self.now())?;
        self.write(|tx, _| writes::edit_lab_result(tx, &id, &data, now_ms))
    }

    /// Adds an IRLS severity rating (the total from the clinician's form).
    pub fn add_severity_rating(&self, data: SeverityRatingData) -> Result<SeverityRating> {
        let data = data.validated(&self.now())?;
        self.write(|tx, _| writes::add_severity_rating(tx, &data, self.now().millis()))
    }

    /// Replaces an IRLS severity rating.
    pub fn edit_severity_rating(
        &self,
        id: String,
        data: SeverityRatingData,
    ) -> Result<SeverityRating> {
        let id = record_id(&id)?;
        let now_ms = self.now().millis();
        let data = data.validated(&self.now())?;
        self.write(|tx, _| writes::edit_severity_rating(tx, &id, &data, now_ms))
    }

    // ---- clinician visits and drug-safety check-ins (issue 21) ----

    /// Adds a clinician visit, past or planned (up to a year ahead), with optionally who, the
    /// person's question for it and a note.
    pub fn add_visit(&self, data: VisitData) -> Result<Visit> {
        let now = self.now();
        let data = data.validated(&now)?;
        self.write(|tx, _| writes::add_visit(tx, &data, now.millis()))
    }

    /// Replaces a clinician visit.
    pub fn edit_visit(&self, id: String, data: VisitData) -> Result<Visit> {
        let id = record_id(&id)?;
        let now = self.now();
        let data = data.validated(&now)?;
        self.write(|tx, _| writes::edit_visit(tx, &id, &data, now.millis()))
    }

    /// Adds a drug-safety check-in (the weekly yes/no questions while on a dopamine agonist or
    /// levodopa; `safety_check_items()` lists them).
    pub fn add_safety_check(&self, data: SafetyCheckData) -> Result<SafetyCheck> {
        let now = self.now();
        let data = data.validated(&now)?;
        self.write(|tx, _| writes::add_safety_check(tx, &data, now.millis()))
    }

    /// Replaces a drug-safety check-in.
    pub fn edit_safety_check(&self, id: String, data: SafetyCheckData) -> Result<SafetyCheck> {
        let id = record_id(&id)?;
        let now = self.now();
        let data = data.validated(&now)?;
        self.write(|tx, _| writes::edit_safety_check(tx, &id, &data, now.millis()))
    }

    // ---- any entry ----

    /// One live entry by id (relief attempts come with their episode).
    pub fn entry(&self, id: String) -> Result<Entry> {
        let id = record_id(&id)?;
        self.read(|conn, _| records::expect_entry(conn, &id))
    }

    /// Deletes an entry or relief attempt (a tombstone: `restore_entry` or `undo_delete` bring it
    /// back). A deleted episode hides its relief attempts; a deleted treatment hides its doses.
    pub fn delete_entry(&self, id: String) -> Result<()> {
        let id = record_id(&id)?;
        self.write(|tx, s| writes::delete(tx, &id, s, self.now().millis()))
    }

    /// Restores a deleted entry.
    pub fn restore_entry(&self, id: String) -> Result<()> {
        let id = record_id(&id)?;
        self.write(|tx, s| writes::restore(tx, &id, s, self.now().millis()))
    }

    /// Restores the most recently deleted entry and returns its id; `None` if nothing is deleted.
    /// A sleep diary or "no symptoms" answer that a sync set aside because another device's one
    /// for that night won is not a deletion, and is never offered.
    pub fn undo_delete(&self) -> Result<Option<String>> {
        self.write(|tx, s| writes::undo_delete(tx, s, self.now().millis()))
    }

    // ---- views ----

    /// A page of history, newest first.
    pub fn history(&self, query: HistoryQuery) -> Result<HistoryPage> {
        self.read(|conn, _| history::page(conn, &query))
    }

    /// Everything recorded for one night.
    pub fn night(&self, night: LocalDate) -> Result<NightView> {
        self.read(|conn, _| night::night_view(conn, night))
    }

    /// A proposed morning sleep diary for `night`, to prefill the check-in: the person's usual
    /// times (medians of the local clock times of their last 7 diaries before that night, placed
    /// on that night's dates with the device's current UTC offset) and usual minutes to fall
    /// asleep, no awakenings, quality 3; without diaries, into bed at 23:00, 15 minutes to fall
    /// asleep, up at 07:00. It is not saved. A draft for a night whose morning has come (the
    /// morning check-in's night) passes validation as it is; for a later night its morning times
    /// may still be more than 24 hours ahead.
    ///
    /// Errors: `InvalidInput` (field `night`) for a night before 1900 or after tomorrow.
    pub fn sleep_diary_draft(&self, night: LocalDate) -> Result<SleepDiaryData> {
        self.sleep_diary_draft_at(night, self.now())
    }

    /// One month of nights for the calendar heat map.
    pub fn calendar_month(&self, year: i32, month: i32) -> Result<CalendarMonth> {
        self.read(|conn, _| calendar::month(conn, year, month))
    }

    /// The prompts due now (or at `now`): morning check-in, weekly rating, open episode,
    /// evening check-in.
    #[uniffi::method(default(now = None))]
    pub fn prompts(&self, now: Option<Moment>) -> Result<Vec<Prompt>> {
        let now = now.unwrap_or_else(|| self.now()).checked_lookup("now")?;
        self.read(|conn, settings| prompts::due(conn, settings, &now))
    }

    /// The night a moment belongs to under the current cutover hour.
    pub fn night_of(&self, at: Moment) -> Result<LocalDate> {
        let at = at.checked_lookup("at")?;
        self.read(|_, s| Ok(at.night(s.night_cutover_hour)))
    }

    // ---- settings ----

    /// The current settings.
    pub fn settings(&self) -> Result<Settings> {
        self.read(|_, s| Ok(*s))
    }

    /// Changes the settings. A new cutover hour re-attributes every timed entry to its night.
    pub fn update_settings(&self, settings: Settings) -> Result<Settings> {
        let settings = settings.validated()?;
        self.write(|tx, current| {
            writes::update_settings(tx, settings, current, self.now().millis())
        })?;
        Ok(settings)
    }
}

// ---- one save call for every form (issue 16) ----

#[uniffi::export]
impl Journal {
    /// Saves what a form filled in: adds a new entry when `id` is `None`, otherwise replaces the
    /// entry with that id (which must be of the same kind: `NotFound` if there is no such entry
    /// of that kind). The same checks, errors and results as the per-kind `add_…`/`edit_…` calls
    /// it stands for; returns the saved entry.
    pub fn save_entry(&self, id: Option<String>, data: EntryData) -> Result<Entry> {
        Ok(match (id, data) {
            (None, EntryData::Episode { data }) => Entry::Episode {
                episode: self.add_episode(data)?,
            },
            (Some(id), EntryData::Episode { data }) => Entry::Episode {
                episode: self.edit_episode(id, data)?,
            },
            (None, EntryData::SleepDiary { data }) => Entry::SleepDiary {
                diary: self.add_sleep_diary(data)?,
            },
            (Some(id), EntryData::SleepDiary { data }) => Entry::SleepDiary {
                diary: self.edit_sleep_diary(id, data)?,
            },
            (None, EntryData::Exposure { data }) => Entry::Exposure {
                exposure: self.add_exposure(data)?,
            },
            (Some(id), EntryData::Exposure { data }) => Entry::Exposure {
                exposure: self.edit_exposure(id, data)?,
            },
            (None, EntryData::Treatment { data }) => Entry::Treatment {
                treatment: self.add_treatment(data)?,
            },
            (Some(id), EntryData::Treatment { data }) => Entry::Treatment {
                treatment: self.edit_treatment(id, data)?,
            },
            (None, EntryData::Dose { data }) => Entry::Dose {
                dose: self.add_dose(data)?,
            },
            (Some(id), EntryData::Dose { data }) => Entry::Dose {
                dose: self.edit_dose(id, data)?,
            },
            (None, EntryData::LabResult { data }) => Entry::LabResult {
                lab: self.add_lab_result(data)?,
            },
            (Some(id), EntryData::LabResult { data }) => Entry::LabResult {
                lab: self.edit_lab_result(id, data)?,
            },
            (None, EntryData::SeverityRating { data }) => Entry::SeverityRating {
                rating: self.add_severity_rating(data)?,
            },
            (Some(id), EntryData::SeverityRating { data }) => Entry::SeverityRating {
                rating: self.edit_severity_rating(id, data)?,
            },
            (None, EntryData::NoSymptoms { data }) => Entry::NoSymptoms {
                answer: self.add_no_symptoms(data)?,
            },
            (Some(id), EntryData::NoSymptoms { data }) => Entry::NoSymptoms {
                answer: self.edit_no_symptoms(id, data)?,
            },
            (None, EntryData::Visit { data }) => Entry::Visit {
                visit: self.add_visit(data)?,
            },
            (Some(id), EntryData::Visit { data }) => Entry::Visit {
                visit: self.edit_visit(id, data)?,
            },
            (None, EntryData::SafetyCheck { data }) => Entry::SafetyCheck {
                check: self.add_safety_check(data)?,
            },
            (Some(id), EntryData::SafetyCheck { data }) => Entry::SafetyCheck {
                check: self.edit_safety_check(id, data)?,
            },
        })
    }
}
