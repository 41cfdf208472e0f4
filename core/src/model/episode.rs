//! Episodes (bouts of symptoms) and the relief attempts made during them.

use serde::{Deserialize, Serialize};

use crate::error::{JournalError, Result};
use crate::model::kinds::{BodyArea, ReliefMethod, Sensation, Setting, Side};
use crate::model::meta::RecordMeta;
use crate::model::validate::{
    as_set, in_range, minutes, optional_note, HELPED_MAX, HELPED_MIN, INTENSITY_MAX, INTENSITY_MIN,
    MAX_NOTE_CHARS,
};
use crate::time::{LocalDate, Moment};

/// Longest plausible episode: an episode open longer than this is rejected when ended.
pub const MAX_EPISODE_HOURS: i64 = 48;

/// What a person records about a bout of symptoms.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpisodeData {
    /// When the symptoms began.
    pub started_at: Moment,
    /// When they ended; `None` while the episode is in progress.
    #[serde(default)]
    pub ended_at: Option<Moment>,
    /// Peak intensity, 1 (barely) to 10 (worst imaginable).
    pub peak_intensity: i32,
    /// Minutes from lying or sitting down to onset ("latency at rest").
    #[serde(default)]
    pub latency_minutes: Option<i32>,
    /// Where the person was when symptoms began.
    #[serde(default)]
    pub setting: Option<Setting>,
    /// Which side.
    #[serde(default)]
    pub side: Option<Side>,
    /// Where on the body (a set; order and duplicates do not matter).
    #[serde(default)]
    pub body_areas: Vec<BodyArea>,
    /// How it felt (a set).
    #[serde(default)]
    pub sensations: Vec<Sensation>,
    /// Whether the symptoms woke the person from sleep.
    #[serde(default)]
    pub woke_from_sleep: bool,
    /// Free note (at most 4,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

impl EpisodeData {
    /// A minimal episode, as the bedside quick log creates it.
    pub fn quick(started_at: Moment, peak_intensity: i32, side: Option<Side>) -> EpisodeData {
        EpisodeData {
            started_at,
            ended_at: None,
            peak_intensity,
            latency_minutes: None,
            setting: None,
            side,
            body_areas: Vec::new(),
            sensations: Vec::new(),
            woke_from_sleep: false,
            note: None,
        }
    }

    /// The peak intensity as the summary's small counters hold it (1–10 once validated; an
    /// out-of-range value, which validation never lets through, is held at the nearest end).
    pub fn peak(&self) -> u8 {
        u8::try_from(self.peak_intensity.clamp(0, i32::from(u8::MAX))).unwrap_or(u8::MAX)
    }

    /// Checks every field and returns the normalized episode (sets sorted, text trimmed).
    pub fn validated(&self, now_ms: i64) -> Result<EpisodeData> {
        let started_at = self.started_at.checked("started_at", now_ms)?;
        let ended_at = self
            .ended_at
            .map(|m| m.checked("ended_at", now_ms))
            .transpose()?;
        if let Some(end) = ended_at {
            check_end(&started_at, &end)?;
        }
        let mut sensations = Vec::with_capacity(self.sensations.len());
        for s in &self.sensations {
            sensations.push(s.validated("sensations")?);
        }
        Ok(EpisodeData {
            started_at,
            ended_at,
            peak_intensity: in_range(
                "peak_intensity",
                self.peak_intensity,
                INTENSITY_MIN,
                INTENSITY_MAX,
            )?,
            latency_minutes: minutes("latency_minutes", self.latency_minutes)?,
            setting: self
                .setting
                .as_ref()
                .map(|s| s.validated("setting"))
                .transpose()?,
            side: self.side,
            body_areas: as_set(&self.body_areas),
            sensations: as_set(&sensations),
            woke_from_sleep: self.woke_from_sleep,
            note: optional_note("note", &self.note, MAX_NOTE_CHARS)?,
        })
    }
}

/// Checks that an end is not before its start and not absurdly long after it.
pub fn check_end(start: &Moment, end: &Moment) -> Result<()> {
    let span = end.millis() - start.millis();
    if span < 0 {
        return Err(JournalError::invalid("ended_at", "is before started_at"));
    }
    if span > MAX_EPISODE_HOURS * crate::time::HOUR_MS {
        return Err(JournalError::invalid(
            "ended_at",
            format!("is more than {MAX_EPISODE_HOURS} hours after started_at"),
        ));
    }
    Ok(())
}

/// Checks that a relief attempt was not tried before its episode started.
pub fn check_relief_time(episode_start: &Moment, at: &Moment) -> Result<()> {
    if at.millis() < episode_start.millis() {
        return Err(JournalError::invalid(
            "at",
            "is before the episode started: relief is tried during an episode",
        ));
    }
    Ok(())
}

/// A stored episode with its relief attempts.
// JSON (the `--json` contract in `cli/README.md`): one flat object, the data's fields between
// `night` and `relief`, the stamps last.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Episode {
    /// The record id (UUID v7).
    pub id: String,
    /// The night it belongs to (from `started_at` and the cutover hour).
    pub night: LocalDate,
    /// What was recorded.
    #[serde(flatten)]
    pub data: EpisodeData,
    /// Relief attempts made during this episode, oldest first (live ones only).
    pub relief: Vec<ReliefAttempt>,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}

/// What a person records about one thing they tried for relief.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReliefData {
    /// What was tried.
    pub method: ReliefMethod,
    /// How much it helped: 0 none, 1 some, 2 much, 3 complete.
    pub helped: i32,
    /// Minutes until relief came, if it did.
    #[serde(default)]
    pub minutes_to_relief: Option<i32>,
    /// When it was tried.
    pub at: Moment,
}

impl ReliefData {
    /// Checks every field and returns the normalized attempt.
    pub fn validated(&self, now_ms: i64) -> Result<ReliefData> {
        Ok(ReliefData {
            method: self.method.validated("method")?,
            helped: in_range("helped", self.helped, HELPED_MIN, HELPED_MAX)?,
            minutes_to_relief: minutes("minutes_to_relief", self.minutes_to_relief)?,
            at: self.at.checked("at", now_ms)?,
        })
    }
}

/// The words for a relief score 0–3.
pub fn helped_words(helped: i32) -> &'static str {
    match helped {
        0 => "did not help",
        1 => "helped some",
        2 => "helped much",
        _ => "complete relief",
    }
}

/// A stored relief attempt.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct ReliefAttempt {
    /// The record id (UUID v7).
    pub id: String,
    /// The episode it belongs to.
    pub episode_id: String,
    /// What was recorded.
    #[serde(flatten)]
    pub data: ReliefData,
    /// Creation, change and deletion times.
    #[serde(flatten)]
    pub meta: RecordMeta,
}
