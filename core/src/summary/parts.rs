//! The parts of a summary and their titles: one title per part, used by the terminal, the
//! plain-text export, the clinician report and the apps (issue 13: the same part was "Nights and
//! frequency", "Symptoms" and "How often" depending on the front end).
//!
//! An exported enum with a `title()` method rather than a `title` field on every part record:
//! the notes and definitions are lists, not records, and a front end can title a part before it
//! has a summary (an empty screen, a settings list of parts).

use serde::Serialize;

/// One part of a [`crate::summary::Summary`], in the order the summary lists them.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryPart {
    /// Part 1: nights logged, symptom nights, frequency per week (`coverage`).
    Coverage,
    /// Part 2: onset clock time, latency, duration, waking (`timing`).
    Timing,
    /// Part 3: per-night peaks and their trend (`severity`).
    Severity,
    /// Part 4: side, body areas, sensations, settings (`where_and_how`).
    WhereAndHow,
    /// Part 5: exposures associated with worse or better nights (`triggers`).
    Triggers,
    /// Part 6: what helps, per method and per severity tier (`relief`).
    Relief,
    /// Part 7: the morning sleep diary measures (`sleep`).
    Sleep,
    /// Part 8: regimens active, before/after a start (`treatments`).
    Treatments,
    /// Part 9: ferritin and transferrin saturation (`iron`).
    Iron,
    /// Part 10: the IRLS rating, band and change (`rating`).
    Rating,
    /// Part 11: the augmentation watch (`augmentation`).
    Augmentation,
    /// Part 12: data-quality notes (`notes`).
    Notes,
    /// The definitions used (`definitions`).
    Definitions,
}

impl SummaryPart {
    /// Every part, in the order the summary lists them.
    pub const ALL: [SummaryPart; 13] = [
        SummaryPart::Coverage,
        SummaryPart::Timing,
        SummaryPart::Severity,
        SummaryPart::WhereAndHow,
        SummaryPart::Triggers,
        SummaryPart::Relief,
        SummaryPart::Sleep,
        SummaryPart::Treatments,
        SummaryPart::Iron,
        SummaryPart::Rating,
        SummaryPart::Augmentation,
        SummaryPart::Notes,
        SummaryPart::Definitions,
    ];

    /// The title as a string slice, for the core's own exports.
    pub fn title_str(self) -> &'static str {
        match self {
            SummaryPart::Coverage => "Nights and frequency",
            SummaryPart::Timing => "When symptoms start",
            SummaryPart::Severity => "Severity",
            SummaryPart::WhereAndHow => "Where and how",
            SummaryPart::Triggers => "Patterns to test",
            SummaryPart::Relief => "What helps",
            SummaryPart::Sleep => "Sleep (morning diary)",
            SummaryPart::Treatments => "Treatments",
            SummaryPart::Iron => "Iron (AASM 2024)",
            SummaryPart::Rating => "IRLS severity rating",
            SummaryPart::Augmentation => "Augmentation watch",
            SummaryPart::Notes => "Notes on the data",
            SummaryPart::Definitions => "Definitions used",
        }
    }
}

#[uniffi::export]
impl SummaryPart {
    /// The part's title, the same on every screen and in every export (`Nights and frequency`).
    pub fn title(&self) -> String {
        self.title_str().to_string()
    }
}
