//! Prompts due now: the morning check-in, the weekly IRLS rating, an episode left open, the
//! optional evening check, the weekly drug-safety check-in while on a dopamine agonist or
//! levodopa. The apps show (and schedule reminders from) exactly this list.

use chrono::Timelike;
use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::settings::Settings;
use crate::store::{bedside, lookups};
use crate::summary::safety::dopaminergic_between;
use crate::time::{LocalDate, Moment, HOUR_MS};
use crate::views::describe::{date_text, duration_text};

/// An episode open longer than this is flagged.
pub const OPEN_EPISODE_PROMPT_HOURS: i64 = 3;
/// Days between IRLS ratings.
pub const RATING_INTERVAL_DAYS: i64 = 7;
/// Days between drug-safety check-ins (weekly, while a dopamine agonist or levodopa is taken).
pub const SAFETY_CHECK_INTERVAL_DAYS: i64 = 7;

/// What a prompt asks for.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromptKind {
    /// Last night has neither a sleep diary nor a "no symptoms" answer.
    MorningCheckIn,
    /// The weekly IRLS rating is due.
    SeverityRating,
    /// An episode is still open after 3 hours.
    OpenEpisode,
    /// The evening reminder hour has passed and nothing is logged for tonight.
    EveningCheckIn,
    /// The weekly drug-safety check-in is due (a dopamine agonist or levodopa is taken today).
    SafetyCheck,
}

/// One thing the person should do now.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Prompt {
    /// What it asks for.
    pub kind: PromptKind,
    /// A short title (`Morning check-in`).
    pub title: String,
    /// One sentence.
    pub message: String,
    /// The night it is about (morning check-in, evening check-in).
    pub night: Option<LocalDate>,
    /// The open episode (open episode prompts).
    pub episode_id: Option<String>,
}

/// The night whose morning check-in is due at `now`: the latest night whose next morning
/// (`morning_hour` local) has begun.
pub fn last_night(now: &Moment, morning_hour: i32) -> LocalDate {
    let local = now.local();
    let shifted = local
        .checked_sub_signed(chrono::Duration::hours(i64::from(morning_hour)))
        .unwrap_or(local);
    shifted.date().pred_opt().unwrap_or(shifted.date())
}

/// Every prompt due at `now`.
pub fn due(conn: &Connection, settings: &Settings, now: &Moment) -> Result<Vec<Prompt>> {
    let mut prompts = Vec::new();
    let now_ms = now.millis();

    let open = bedside::open_episodes_started_by(
        conn,
        now_ms.saturating_sub(OPEN_EPISODE_PROMPT_HOURS * HOUR_MS),
    )?;
    for (id, started_ms) in open {
        prompts.push(Prompt {
            kind: PromptKind::OpenEpisode,
            title: "Episode still open".into(),
            message: format!(
                "An episode started {} ago is still open. End it, or edit when it ended.",
                duration_text(now_ms.saturating_sub(started_ms) / 60_000)
            ),
            night: None,
            episode_id: Some(id),
        });
    }

    let night = last_night(now, settings.morning_hour);
    // The check-in is done once the person has told us about the night: a sleep diary, or the
    // one-tap "no symptoms last night" answer (nobody is asked again after that tap).
    let told = lookups::sleep_diary_exists(conn, night, "")?
        || lookups::no_symptoms_answer_on(conn, night)?.is_some();
    if !told {
        prompts.push(Prompt {
            kind: PromptKind::MorningCheckIn,
            title: "Morning check-in".into(),
            message: format!("How did you sleep on the night of {}?", date_text(night)),
            night: Some(night),
            episode_id: None,
        });
    }

    let today = now.local().date();
    let rating_due = match lookups::last_rating_night(conn)? {
        Some(date) => (today - date).num_days() >= RATING_INTERVAL_DAYS,
        None => true,
    };
    if rating_due {
        prompts.push(Prompt {
            kind: PromptKind::SeverityRating,
            title: "Weekly severity rating".into(),
            message: "Enter this week's IRLS total from your clinician's form.".into(),
            night: None,
            episode_id: None,
        });
    }

    // Asked only while a dopamine agonist or levodopa is taken today, once a week.
    let treatments = crate::views::night::all_treatments(conn)?;
    if dopaminergic_between(&treatments, today, today) {
        let check_due = match lookups::last_safety_check_night(conn)? {
            Some(date) => (today - date).num_days() >= SAFETY_CHECK_INTERVAL_DAYS,
            None => true,
        };
        if check_due {
            prompts.push(Prompt {
                kind: PromptKind::SafetyCheck,
                title: "Weekly drug-safety check-in".into(),
                message: "Five yes/no questions about new urges and daytime sleepiness, for \
                          your clinician."
                    .into(),
                night: None,
                episode_id: None,
            });
        }
    }

    if let Some(hour) = settings.evening_reminder_hour {
        let tonight = now.night(settings.night_cutover_hour);
        let local_hour = now.local().hour();
        let logged = lookups::night_has_evening_entries(conn, tonight)?;
        if i64::from(local_hour) >= i64::from(hour) && !logged {
            prompts.push(Prompt {
                kind: PromptKind::EveningCheckIn,
                title: "Evening check-in".into(),
                message: "Anything to note tonight: caffeine, alcohol, long sitting, a dose?"
                    .into(),
                night: Some(tonight),
                episode_id: None,
            });
        }
    }
    Ok(prompts)
}
