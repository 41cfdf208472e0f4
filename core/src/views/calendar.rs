//! The month calendar: per night, whether it was observed (design §4: an episode, a sleep diary
//! or a "no symptoms" answer), its state, the peak intensity, episode count and whether the
//! diary is done. A night that is not observed is "not logged", never "no symptoms", even when
//! it holds an exposure, a dose, a lab result or a rating.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::error::{JournalError, Result};
use crate::store::queries;
use crate::time::LocalDate;

/// What a calendar cell shows for a night.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NightState {
    /// Not observed: no episode, sleep diary or "no symptoms" answer (missing, not zero).
    NotLogged,
    /// Observed without an episode: a sleep diary or a "no symptoms" answer.
    NoSymptoms,
    /// At least one episode (it outweighs a "no symptoms" answer).
    Symptoms,
}

impl NightState {
    /// The state of a night from what it holds.
    pub fn of(episodes: u32, has_sleep_diary: bool, has_no_symptoms_answer: bool) -> NightState {
        if episodes > 0 {
            NightState::Symptoms
        } else if has_sleep_diary || has_no_symptoms_answer {
            NightState::NoSymptoms
        } else {
            NightState::NotLogged
        }
    }
}

/// One night of the calendar.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CalendarDay {
    /// The night (the evening's date).
    pub night: LocalDate,
    /// The highest peak intensity; `None` without episodes.
    pub peak_intensity: Option<i32>,
    /// How many episodes.
    pub episode_count: u32,
    /// Whether the morning sleep diary was done.
    pub has_sleep_diary: bool,
    /// How many entries of any kind (0: nothing at all that night).
    pub entry_count: u32,
    /// Whether the morning's "no symptoms" answer was given.
    pub has_no_symptoms_answer: bool,
    /// Whether the night was observed (state other than "not logged").
    pub observed: bool,
    /// Symptoms, no symptoms, or not logged.
    pub state: NightState,
}

/// One month of nights.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CalendarMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: i32,
    /// `November 2026`.
    pub title: String,
    /// The weekday of the 1st, 1 = Monday … 7 = Sunday (for laying out the grid).
    pub first_weekday: i32,
    /// Every night of the month, in order.
    pub days: Vec<CalendarDay>,
}

/// Reads a month.
pub fn month(conn: &Connection, year: i32, month: i32) -> Result<CalendarMonth> {
    if !(1..=12).contains(&month) {
        return Err(JournalError::invalid("month", "must be between 1 and 12"));
    }
    let first = NaiveDate::from_ymd_opt(year, month.unsigned_abs(), 1)
        .filter(|_| (1900..=9999).contains(&year))
        .ok_or_else(|| JournalError::invalid("year", "must be between 1900 and 9999"))?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .ok_or_else(|| JournalError::invalid("year", "is out of range"))?;
    let mut days: Vec<CalendarDay> = first
        .iter_days()
        .take_while(|d| *d < next)
        .map(|night| CalendarDay {
            night,
            peak_intensity: None,
            episode_count: 0,
            has_sleep_diary: false,
            entry_count: 0,
            has_no_symptoms_answer: false,
            observed: false,
            state: NightState::NotLogged,
        })
        .collect();
    for counts in queries::night_counts(conn, first, next)? {
        if let Some(day) = days.iter_mut().find(|d| d.night == counts.night) {
            day.peak_intensity = counts.peak_intensity;
            day.episode_count = counts.episodes;
            day.has_sleep_diary = counts.has_sleep_diary;
            day.entry_count = counts.entries;
            day.has_no_symptoms_answer = counts.has_no_symptoms_answer;
            day.state = NightState::of(
                counts.episodes,
                counts.has_sleep_diary,
                counts.has_no_symptoms_answer,
            );
            day.observed = day.state != NightState::NotLogged;
        }
    }
    Ok(CalendarMonth {
        year,
        month,
        title: first.format("%B %Y").to_string(),
        first_weekday: i32::try_from(first.weekday().number_from_monday()).unwrap_or(1),
        days,
    })
}
