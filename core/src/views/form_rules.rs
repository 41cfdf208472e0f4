//! The numbers the entry forms are built from (issue 16): ranges, defaults, the night theme's
//! hours and the kinds the Add screen offers, so no app keeps a `1..10` of its own.
//!
//! Every value here is one of the core's own constants (the ones validation uses), so a form
//! cannot offer a value the core then refuses.

use crate::model::episode::MAX_EPISODE_HOURS;
use crate::model::kinds::EntryKind;
use crate::model::lab::IRLS_MAX_TOTAL;
use crate::model::validate::{
    HELPED_MAX, HELPED_MIN, INTENSITY_MAX, INTENSITY_MIN, MAX_AWAKENINGS, MAX_HOUR, MAX_MINUTES,
    QUALITY_MAX, QUALITY_MIN,
};
use crate::views::history::MAX_PAGE;
use crate::views::sleep_draft::DEFAULT_QUALITY;

/// The intensity a new episode form starts at.
pub const DEFAULT_INTENSITY: i32 = 5;
/// The length a backdated episode gets when the person says it has ended, in minutes.
pub const DEFAULT_EPISODE_MINUTES: i32 = 30;
/// The hour (local, 0–23) from which the apps switch to their dark night theme.
pub const NIGHT_THEME_FROM_HOUR: i32 = 20;
/// The hour (local, 0–23) at which the night theme ends.
pub const NIGHT_THEME_UNTIL_HOUR: i32 = 8;
/// The hour an evening reminder is set to when the person turns it on.
pub const DEFAULT_EVENING_HOUR: i32 = 21;
/// The minutes between lying down and the first symptoms an episode form proposes when the person
/// says symptoms came some time after lying down (then adjusted by the person).
pub const DEFAULT_LATENCY_MINUTES: i32 = 15;
/// The range lengths (nights) the Summary screen offers: the core's default fortnight, about a
/// month between visits, and a quarter.
pub const SUMMARY_LENGTHS: [i32; 3] = [14, 30, 90];
/// The entry kinds the Add screen offers, in its order (sleep diaries and "no symptoms" answers
/// have the morning check-in; the drug-safety check-in has its weekly prompt and is offered here
/// too, so it can be made without one).
pub const ADD_KINDS: [EntryKind; 8] = [
    EntryKind::Episode,
    EntryKind::Exposure,
    EntryKind::Treatment,
    EntryKind::Dose,
    EntryKind::LabResult,
    EntryKind::SeverityRating,
    EntryKind::Visit,
    EntryKind::SafetyCheck,
];

/// An inclusive range of whole numbers a form field accepts (not named `IntRange`, which would
/// shadow Kotlin's own `kotlin.ranges.IntRange` in any file importing `org.rlsjournal.core.*`).
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputRange {
    /// The lowest accepted value.
    pub min: i32,
    /// The highest accepted value.
    pub max: i32,
}

/// The ranges, defaults and choices the entry forms use, all from the core's own constants.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct FormRules {
    /// Peak intensity of an episode (1–10).
    pub intensity: InputRange,
    /// The intensity a new episode form starts at.
    pub default_intensity: i32,
    /// How much a relief attempt helped (0–3).
    pub helped: InputRange,
    /// The IRLS total (0–40).
    pub irls_total: InputRange,
    /// Sleep quality (1–5).
    pub sleep_quality: InputRange,
    /// The sleep quality a new diary starts at.
    pub default_sleep_quality: i32,
    /// Any minutes field (0 to one week).
    pub minutes: InputRange,
    /// Awakenings in one night (0–100).
    pub awakenings: InputRange,
    /// Any hour setting (0–23).
    pub hour: InputRange,
    /// The length a backdated episode gets when it is marked as ended, in minutes.
    pub default_episode_minutes: i32,
    /// The latency (minutes after lying down) a form proposes when symptoms came later.
    pub default_latency_minutes: i32,
    /// The longest an episode may last, in hours.
    pub max_episode_hours: i32,
    /// From this local hour the apps use their night theme…
    pub night_theme_from_hour: i32,
    /// …until this local hour.
    pub night_theme_until_hour: i32,
    /// The hour an evening reminder starts at when turned on.
    pub default_evening_hour: i32,
    /// History items per page (1–200).
    pub history_page_size: InputRange,
    /// The entry kinds the Add screen offers, in order.
    pub add_kinds: Vec<EntryKind>,
    /// The range lengths (nights) the Summary screen offers, each one `last_nights` accepts.
    pub summary_lengths: Vec<i32>,
}

/// The ranges, defaults and choices of the entry forms.
#[uniffi::export]
pub fn form_rules() -> FormRules {
    FormRules {
        intensity: InputRange {
            min: INTENSITY_MIN,
            max: INTENSITY_MAX,
        },
        default_intensity: DEFAULT_INTENSITY,
        helped: InputRange {
            min: HELPED_MIN,
            max: HELPED_MAX,
        },
        irls_total: InputRange {
            min: 0,
            max: IRLS_MAX_TOTAL,
        },
        sleep_quality: InputRange {
            min: QUALITY_MIN,
            max: QUALITY_MAX,
        },
        default_sleep_quality: DEFAULT_QUALITY,
        minutes: InputRange {
            min: 0,
            max: MAX_MINUTES,
        },
        awakenings: InputRange {
            min: 0,
            max: MAX_AWAKENINGS,
        },
        hour: InputRange {
            min: 0,
            max: MAX_HOUR,
        },
        default_episode_minutes: DEFAULT_EPISODE_MINUTES,
        default_latency_minutes: DEFAULT_LATENCY_MINUTES,
        max_episode_hours: i32::try_from(MAX_EPISODE_HOURS).unwrap_or(i32::MAX),
        night_theme_from_hour: NIGHT_THEME_FROM_HOUR,
        night_theme_until_hour: NIGHT_THEME_UNTIL_HOUR,
        default_evening_hour: DEFAULT_EVENING_HOUR,
        history_page_size: InputRange {
            min: 1,
            max: MAX_PAGE,
        },
        add_kinds: ADD_KINDS.to_vec(),
        summary_lengths: SUMMARY_LENGTHS.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_ranges_are_exactly_what_validation_accepts() {
        let rules = form_rules();
        let check = |field: &str, range: InputRange| {
            let ok = |v: i32| crate::model::validate::in_range(field, v, range.min, range.max);
            assert!(ok(range.min).is_ok() && ok(range.max).is_ok(), "{field}");
            assert!(
                ok(range.min - 1).is_err() && ok(range.max + 1).is_err(),
                "{field}"
            );
        };
        check("peak_intensity", rules.intensity);
        assert_eq!((rules.intensity.min, rules.intensity.max), (1, 10));
        assert_eq!((rules.irls_total.min, rules.irls_total.max), (0, 40));
        assert_eq!((rules.sleep_quality.min, rules.sleep_quality.max), (1, 5));
        assert_eq!((rules.helped.min, rules.helped.max), (0, 3));
        assert!((rules.intensity.min..=rules.intensity.max).contains(&rules.default_intensity));
        assert!((rules.sleep_quality.min..=rules.sleep_quality.max)
            .contains(&rules.default_sleep_quality));
        assert!(!rules.add_kinds.contains(&EntryKind::SleepDiary));
        assert!(rules.default_episode_minutes < rules.max_episode_hours * 60);
        assert!((rules.minutes.min..=rules.minutes.max).contains(&rules.default_latency_minutes));
    }

    #[test]
    fn every_summary_length_offered_is_one_the_summary_accepts() {
        let journal = crate::journal::Journal::open_in_memory().unwrap();
        let rules = form_rules();
        assert_eq!(rules.summary_lengths, vec![14, 30, 90]);
        for nights in rules.summary_lengths {
            let range = journal.last_nights(nights).unwrap();
            journal.summary(Some(range)).unwrap();
        }
    }
}
