//! The person's settings: night cutover, reminder hours, report paper size.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::validate::{in_range, MAX_HOUR};

/// Paper size of the clinician report.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl PaperSize {
    /// Every value, in display order.
    pub const ALL: &'static [PaperSize] = &[PaperSize::A4, PaperSize::Letter];

    /// The name shown to a person.
    pub fn display_name(&self) -> String {
        match self {
            PaperSize::A4 => "A4",
            PaperSize::Letter => "US Letter",
        }
        .to_string()
    }
}

/// Settings that change how the journal is read and reported.
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The hour (0–23, local) at which one night ends and the next begins. Default 12: an
    /// episode at 02:10 on the 27th belongs to the night of the 26th.
    pub night_cutover_hour: i32,
    /// The local hour (0–23) from which the morning check-in for last night is due. Default 5.
    pub morning_hour: i32,
    /// The local hour (0–23) of an optional evening reminder; `None` for no evening reminder.
    pub evening_reminder_hour: Option<i32>,
    /// Paper size of the clinician report. Default A4.
    pub paper_size: PaperSize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            night_cutover_hour: 12,
            morning_hour: 5,
            evening_reminder_hour: None,
            paper_size: PaperSize::A4,
        }
    }
}

impl Settings {
    /// Checks every field.
    pub fn validated(&self) -> Result<Settings> {
        in_range("night_cutover_hour", self.night_cutover_hour, 0, MAX_HOUR)?;
        in_range("morning_hour", self.morning_hour, 0, MAX_HOUR)?;
        if let Some(h) = self.evening_reminder_hour {
            in_range("evening_reminder_hour", h, 0, MAX_HOUR)?;
        }
        Ok(*self)
    }
}
