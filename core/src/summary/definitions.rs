//! The definitions a summary uses (design §4), stated in the record so that the report and the
//! apps print exactly what was computed.

use serde::Serialize;

use crate::format::{number_text, percent_text};
use crate::summary::worsening;
use crate::summary::{
    augmentation, changes, coverage, iron, notes, rating, relief, sleep, treatments, triggers,
};

/// A term and what it means in this summary.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    /// The term (`Sleep efficiency (SE)`).
    pub term: String,
    /// Its definition, one or two sentences.
    pub text: String,
}

fn def(term: &str, text: String) -> Definition {
    Definition {
        term: term.to_string(),
        text,
    }
}

/// Every definition, in the order of the summary's parts.
pub(crate) fn all(cutover_hour: i32, morning_hour: i32) -> Vec<Definition> {
    vec![
        def(
            "Night",
            format!(
                "The night of date D runs from {cutover_hour:02}:00 on D to {cutover_hour:02}:00 \
                 on D+1, in the local time the entry was made in; an episode at 02:10 on the 27th \
                 belongs to the night of the 26th."
            ),
        ),
        def(
            "Night of an exposure or dose",
            format!(
                "An exposure or a dose counts for the night it can still affect. Once the \
                 person's night is over (from that night's final awakening in the morning sleep \
                 diary, or without a diary from {morning_hour:02}:00 local time) it counts for \
                 the coming night: morning coffee after a bad night is not counted as that \
                 night's trigger, while alcohol at 01:30 while still up counts for the night in \
                 progress. Final awakening as in the Consensus Sleep Diary (Carney et al. 2012)."
            ),
        ),
        def("Observed night", coverage::observed_definition_text()),
        def(
            "Symptom night",
            "An observed night with at least one episode. Observed nights without an episode \
             count as symptom-free (peak 0); nights not observed are missing, not 0. \
             \"Logged\" in this summary means observed."
                .into(),
        ),
        def("Frequency per week", coverage::definition_text()),
        def(
            "Week",
            "Weeks run Monday to Sunday (ISO 8601; the phone's first day of the week is not \
             known to the summary), cut to the range. A week with fewer than 7 observed nights \
             is marked \"partial week\" and shows its symptom nights out of its observed \
             nights, never scaled up to a rate per week."
                .into(),
        ),
        def(
            "Nightly peak",
            "The highest peak intensity (1–10) of the night's episodes; 0 on an observed night \
             without symptoms. The one severity measure of this summary is the mean nightly \
             peak over observed nights (symptom-free nights 0, nights not observed left out): \
             the key figure, the weekly rows, the trend, the before/after comparisons and the \
             trigger comparisons all use it; the calendar shows each night's peak. A mean over \
             symptom nights only is named as such wherever it appears."
                .into(),
        ),
        def(
            "Onset time",
            "Clock times are circular: the median of 23:30 and 00:30 is 00:00. The 24 hours are \
             cut at the widest stretch without any onset, and the median and quartiles are taken \
             from there; IQR is the span holding the middle half of onsets."
                .into(),
        ),
        def(
            "Onset range and clusters",
            crate::summary::onset_shape::definition_text(),
        ),
        def(
            "Earlier or later",
            crate::summary::day_clock::definition_text(morning_hour),
        ),
        def(
            "Trend",
            format!(
                "The mean nightly peak of the first half of the range against the second half \
                 (the middle night of an odd range belongs to neither): \"higher\" or \
                 \"lower\" only with {}; otherwise \"about the same\". The key figures' \
                 changes against the previous period are called better or worse (and \
                 coloured) by the same rule, and a smaller difference is neither coloured \
                 nor worded as better or worse; the onset time needs a shift of at least {} \
                 minutes, the IRLS its own threshold.",
                changes::change_rule_text(),
                changes::ONSET_SHIFT_MINUTES
            ),
        ),
        def(
            "Trigger association",
            format!(
                "For each exposure, observed nights with it against observed nights without it, \
                 only when there are at least {n} of each: the 2×2 table (with / without × \
                 symptoms / none), a two-sided Fisher's exact test on symptom nights (Fisher \
                 1935, computed exactly as R's fisher.test) and the difference in mean peak, in \
                 which symptom-free observed nights count as 0. It is called an association only \
                 with {rule}; otherwise \"no clear difference yet\". The strongest is named only \
                 among those. Comparing several exposures in one person's diary makes a chance \
                 finding likely, so the number compared is stated. An association in this \
                 person's data, not a cause.",
                n = triggers::MIN_NIGHTS_EACH_SIDE,
                rule = triggers::rule_text()
            ),
        ),
        def(
            "Relief toolkit",
            format!(
                "Help is scored 0 none, 1 some, 2 much, 3 complete. Severity tiers by the \
                 episode's peak: {}; a method is the most helpful, or among a tier's best, only \
                 when tried at least {} times (in that tier) with a median help of at least {}.",
                relief::tiers_text(),
                relief::MIN_USES_PER_TIER,
                number_text(relief::MIN_MEDIAN_HELP)
            ),
        ),
        def(
            "Time in bed (TIB)",
            "Out of bed − got into bed (Consensus Sleep Diary, Carney et al. 2012).".into(),
        ),
        def(
            "Total sleep time (TST)",
            "(Final awakening − tried to sleep) − minutes to fall asleep (SOL) − minutes awake \
             after first falling asleep (WASO)."
                .into(),
        ),
        def(
            "Sleep efficiency (SE)",
            format!(
                "TST ÷ TIB × 100; nights below {} are counted.",
                percent_text(sleep::LOW_EFFICIENCY_PERCENT)
            ),
        ),
        def("Treatment before/after", treatments::definition_text()),
        // Dose timeline (issue 15 item 4).
        def("Dose timeline", crate::summary::doses::definition_text()),
        def("Iron (AASM 2024)", iron::definition_text()),
        def(
            crate::summary::discuss::MAY_WORSEN_TITLE,
            worsening::definition_text(),
        ),
        def("IRLS bands", rating::definition_text()),
        def(
            "Augmentation watch",
            augmentation::definition_text(morning_hour),
        ),
        def(
            "Augmentation watch: scope",
            augmentation::words::scope_text(),
        ),
        def(
            "Gap",
            format!(
                "A run of at least {} nights not observed.",
                notes::MIN_GAP_NIGHTS
            ),
        ),
    ]
}
