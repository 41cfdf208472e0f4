//! The morning sleep diary (Consensus Sleep Diary core items, Carney et al. 2012).

use serde::{Deserialize, Serialize};

use crate::error::{JournalError, Result};
use crate::model::meta::RecordMeta;
use crate::model::validate::{
    in_range, optional_note, MAX_AWAKENINGS, MAX_MINUTES, MAX_NOTE_CHARS, QUALITY_MAX, QUALITY_MIN,
};
use crate::time::{check_date, LocalDate, Moment, DAY_MS, MINUTE_MS};

/// What a person records in the morning about last night.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SleepDiaryData {
    /// The night this diary is about (the evening's date).
    pub night_of: LocalDate,
    /// When they got into bed.
    pub got_into_bed_at: Moment,
    /// When they tried to go to sleep.
    pub tried_to_sleep_at: Moment,
    /// Minutes it took to fall asleep (sleep onset latency, SOL).
    pub sleep_onset_minutes: i32,
    /// How many times they woke, not counting the final awakening.
    pub awakenings: i32,
    /// Minutes awake after first falling asleep, in total (WASO).
    pub wake_after_sleep_onset_minutes: i32,
    /// The final awakening.
    pub final_awakening_at: Moment,
    /// When they got out of bed for the day.
    pub out_of_bed_at: Moment,
    /// Sleep quality, 1 (very poor) to 5 (very good).
    pub quality: i32,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl SleepDiaryData {
    /// Checks every field and the order of the four times.
    pub fn validated(&self, now: &Moment) -> Result<SleepDiaryData> {
        let now_ms = now.millis();
        let night_of = check_date("night_of", self.night_of, now)?;
        let bed = self.got_into_bed_at.checked("got_into_bed_at", now_ms)?;
        let tried = self
            .tried_to_sleep_at
            .checked("tried_to_sleep_at", now_ms)?;
        let woke = self
            .final_awakening_at
            .checked("final_awakening_at", now_ms)?;
        let up = self.out_of_bed_at.checked("out_of_bed_at", now_ms)?;
        if tried.millis() < bed.millis() {
            return Err(JournalError::invalid(
                "tried_to_sleep_at",
                "is before got_into_bed_at",
            ));
        }
        if woke.millis() < tried.millis() {
            return Err(JournalError::invalid(
                "final_awakening_at",
                "is before tried_to_sleep_at",
            ));
        }
        if up.millis() < woke.millis() {
            return Err(JournalError::invalid(
                "out_of_bed_at",
                "is before final_awakening_at",
            ));
        }
        if up.millis() - bed.millis() > DAY_MS {
            return Err(JournalError::invalid(
                "out_of_bed_at",
                "is more than 24 hours after got_into_bed_at",
            ));
        }
        let bed_date = bed.local().date();
        let gap = (bed_date - night_of).num_days();
        if !(0..=1).contains(&gap) {
            return Err(JournalError::invalid(
                "got_into_bed_at",
                "is not in the evening or night of night_of",
            ));
        }
        let sol = in_range(
            "sleep_onset_minutes",
            self.sleep_onset_minutes,
            0,
            MAX_MINUTES,
        )?;
        let waso = in_range(
            "wake_after_sleep_onset_minutes",
            self.wake_after_sleep_onset_minutes,
            0,
            MAX_MINUTES,
        )?;
        let asleep_window = (woke.millis() - tried.millis()) / MINUTE_MS;
        let sol_waso = i64::from(sol) + i64::from(waso);
        if sol_waso > asleep_window {
            return Err(JournalError::invalid(
                "wake_after_sleep_onset_minutes",
                format!(
                    "minutes to fall asleep plus minutes awake ({sol_waso}) exceed the time from trying to sleep to the final awakening ({asleep_window})"
                ),
            ));
        }
        Ok(SleepDiaryData {
            night_of,
            got_into_bed_at: bed,
            tried_to_sleep_at: tried,
            sleep_onset_minutes: self.sleep_onset_minutes,
            awakenings: in_range("awakenings", self.awakenings, 0, MAX_AWAKENINGS)?,
            wake_after_sleep_onset_minutes: self.wake_after_sleep_onset_minutes,
            final_awakening_at: woke,
            out_of_bed_at: up,
            quality: in_range("quality", self.quality, QUALITY_MIN, QUALITY_MAX)?,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }

    /// Time in bed, minutes: out of bed − got into bed.
    pub fn time_in_bed_minutes(&self) -> i64 {
        (self.out_of_bed_at.millis() - self.got_into_bed_at.millis()) / MINUTE_MS
    }

    /// Total sleep time, minutes: (final awakening − tried to sleep) − SOL − WASO.
    pub fn total_sleep_minutes(&self) -> i64 {
        (self.final_awakening_at.millis() - self.tried_to_sleep_at.millis()) / MINUTE_MS
            - i64::from(self.sleep_onset_minutes)
            - i64::from(self.wake_after_sleep_onset_minutes)
    }

    /// Sleep efficiency, percent: TST / TIB × 100; `None` when time in bed is zero.
    pub fn sleep_efficiency_percent(&self) -> Option<f64> {
        let tib = self.time_in_bed_minutes();
        if tib <= 0 {
            None
        } else {
            Some(self.total_sleep_minutes() as f64 / tib as f64 * 100.0)
        }
    }
}

/// A stored sleep diary.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct SleepDiary {
    /// The record id (UUID v7).
    pub id: String,
    /// What was recorded.
    pub data: SleepDiaryData,
    /// Creation, change and deletion times.
    pub meta: RecordMeta,
}

// JSON: what was recorded, then the derived Consensus Sleep Diary measures (sleep efficiency
// to one decimal), then the stamps.
impl Serialize for SleepDiary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            id: &'a str,
            #[serde(flatten)]
            data: &'a SleepDiaryData,
            time_in_bed_minutes: i64,
            total_sleep_minutes: i64,
            sleep_efficiency_percent: Option<f64>,
            #[serde(flatten)]
            meta: &'a RecordMeta,
        }
        Json {
            id: &self.id,
            data: &self.data,
            time_in_bed_minutes: self.data.time_in_bed_minutes(),
            total_sleep_minutes: self.data.total_sleep_minutes(),
            sleep_efficiency_percent: self
                .data
                .sleep_efficiency_percent()
                .map(|p| (p * 10.0).round() / 10.0),
            meta: &self.meta,
        }
        .serialize(s)
    }
}
