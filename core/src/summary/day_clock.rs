//! The day clock: a clock time as minutes since the settings' morning hour (design §4).
//!
//! Comparing onset times the short way round the clock reads 10:00 against 23:00 as "11 h
//! later", so morning and afternoon symptoms (the hallmark of severe augmentation) would look
//! like an improvement. On the day clock the day starts at the morning hour: with a morning hour
//! of 05:00, 23:00 is 18 h into the day and 10:00 is 5 h into it, so 10:00 is 13 h *earlier in
//! the day*. Every comparison of onset times (the augmentation watch, the onset key figure)
//! goes through [`minutes_since_morning`] and [`minutes_later`].

use crate::summary::timing::DAY_MINUTES;

/// Minutes from the morning hour to the clock time `minute_of_day` (minutes after local
/// midnight; values outside 0–1439 are wrapped), in `[0, 1440)`.
pub(crate) fn minutes_since_morning(minute_of_day: f64, morning_hour: i32) -> f64 {
    (minute_of_day - f64::from(morning_hour) * 60.0).rem_euclid(DAY_MINUTES)
}

/// The clock time (minutes after midnight, `[0, 1440)`) that is `minutes` into the day.
pub(crate) fn clock_minute(minutes_since_morning: f64, morning_hour: i32) -> f64 {
    (minutes_since_morning + f64::from(morning_hour) * 60.0).rem_euclid(DAY_MINUTES)
}

/// How much later in the day the clock time `now` is than `before` (both minutes after
/// midnight), in minutes on the day clock: positive when later, negative when earlier
/// (−1439 to 1439). 23:00 before and 10:00 now, morning hour 05:00: 300 − 1080 = −780.
pub(crate) fn minutes_later(before: f64, now: f64, morning_hour: i32) -> f64 {
    minutes_since_morning(now, morning_hour) - minutes_since_morning(before, morning_hour)
}

/// How onset times are compared, for the definitions.
pub(crate) fn definition_text(morning_hour: i32) -> String {
    format!(
        "Onset times are compared on a day clock that starts at the morning hour \
         ({morning_hour:02}:00), never the short way round the clock: 10:00 is earlier in the \
         day than 23:00, so morning and afternoon symptoms read as earlier."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_starts_at_the_morning_hour() {
        // Morning hour 05:00: 05:00 is 0, 04:59 is the day's last minute (1439), 23:00 is
        // 18 h = 1080, 02:00 (after midnight) is 21 h = 1260.
        assert_eq!(minutes_since_morning(300.0, 5), 0.0);
        assert_eq!(minutes_since_morning(299.0, 5), 1439.0);
        assert_eq!(minutes_since_morning(1380.0, 5), 1080.0);
        assert_eq!(minutes_since_morning(120.0, 5), 1260.0);
        // Wrapped input and the way back.
        assert_eq!(minutes_since_morning(1440.0 + 120.0, 5), 1260.0);
        assert_eq!(clock_minute(1260.0, 5), 120.0);
        assert_eq!(clock_minute(0.0, 0), 0.0);
    }

    #[test]
    fn a_morning_onset_is_earlier_not_later() {
        // 23:00 before, 10:00 now, morning hour 05:00: 10:00 is 5 h into the day (300),
        // 23:00 is 18 h into it (1080): 300 − 1080 = −780 min, 13 h earlier. The short way
        // round the clock would say 11 h later.
        assert_eq!(minutes_later(1380.0, 600.0, 5), -780.0);
        // 23:00 before, 01:00 now: 20 h (1200) against 18 h (1080): 2 h later.
        assert_eq!(minutes_later(1380.0, 60.0, 5), 120.0);
        // 18:30 against 23:00: 810 − 1080 = −270 (4 h 30 min earlier).
        assert_eq!(minutes_later(1380.0, 1110.0, 5), -270.0);
    }
}
