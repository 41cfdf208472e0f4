//! Every display format of the core in one place: numbers, percentages, signed changes, clock
//! times, durations, dates, ranges of nights and plurals. The summary, the entry descriptions,
//! the plain-text export, the PDF report and the terminal all format through these functions, so
//! a date or a number reads the same wherever it is shown.
//!
//! It sits at the top of the crate (not under `summary/`) because `views/` and `export/` use it
//! as much as the summary does, and views must not depend on the summary.

use chrono::{Datelike, NaiveDate};

use crate::time::{month_abbr, weekday_abbr};

/// Minutes in a day, for wrapping clock times.
const DAY_MINUTES: i64 = 1440;

/// A number as entered, up to 3 decimals without trailing zeros (`2`, `0.25`, `0.125`, `300`):
/// doses like 0.125 mg must read as written, not rounded to 0.13.
pub fn number_text(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    // `-0.0001` rounds to `-0`: show `0`.
    if text.is_empty() || text == "-" || text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// One decimal: `5.2`, `0.0`.
pub fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

/// One decimal without a useless `.0`: `2`, `1.5`.
pub fn trimmed_decimal(x: f64) -> String {
    let text = one_decimal(x);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// A whole percentage: `83 %`.
pub fn percent_text(x: f64) -> String {
    format!("{x:.0} %")
}

/// A p-value with three decimals: `p = 0.167`, `p = 0.008`; `p < 0.001` below that. A value
/// under 0.05 never reads as `0.050` (it shows `p < 0.05`), so the words and the rule agree.
pub fn p_value_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_string()
    } else if (0.0495..0.05).contains(&p) {
        "p < 0.05".to_string()
    } else {
        format!("p = {p:.3}")
    }
}

/// A signed number with `decimals` decimals and a real minus sign: `+1.3`, `−0.4`, `0.0` (zero
/// has no sign).
pub fn signed(x: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, x.abs());
    let zero = text.chars().all(|c| c == '0' || c == '.');
    if zero {
        text
    } else if x > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

/// Whole minutes as a duration: `55 min`, `1 h 05 min`, `7 h` (negative counts as 0).
pub fn duration_text(minutes: i64) -> String {
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

/// Minutes (possibly fractional, e.g. a median) as a duration rounded to the minute.
pub fn minutes_text(minutes: f64) -> String {
    if minutes.is_finite() {
        duration_text(minutes.round() as i64)
    } else {
        duration_text(0)
    }
}

/// Rounds to a whole minute of the day, wrapped into 0–1439 (anything not finite is 0).
pub fn wrap_minute(minute_of_day: f64) -> u32 {
    let rounded = if minute_of_day.is_finite() {
        minute_of_day.round() as i64
    } else {
        0
    };
    u32::try_from(rounded.rem_euclid(DAY_MINUTES)).unwrap_or(0)
}

/// A minute of the day (any real number is wrapped) as a clock time `HH:MM`.
pub fn clock_text(minute_of_day: f64) -> String {
    let m = wrap_minute(minute_of_day);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// `Thu 26 Nov 2026`.
pub fn date_text(date: NaiveDate) -> String {
    if (0..=9999).contains(&date.year()) {
        format!(
            "{} {} {} {:04}",
            weekday_abbr(date),
            date.day(),
            month_abbr(date),
            date.year()
        )
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}

/// `Mon 2 Mar` (no year).
pub fn short_date(date: NaiveDate) -> String {
    format!("{} {} {}", weekday_abbr(date), date.day(), month_abbr(date))
}

/// `5 Oct` (no weekday, no year).
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_abbr(date))
}

/// `5 Oct 2026` (no weekday).
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {:04}", day_month(date), date.year())
}

/// `Mon 2 Mar – Sun 15 Mar 2026`; the first date names its year too when the years differ
/// (`Sat 20 Dec 2025 – Sat 10 Jan 2026`); one date when both are the same.
pub fn range_text(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        date_text(last)
    } else if first.year() == last.year() {
        format!("{} – {}", short_date(first), date_text(last))
    } else {
        format!("{} – {}", date_text(first), date_text(last))
    }
}

/// `1 episode`, `3 episodes` and the like.
pub fn plural(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `1 night`, `3 nights`.
pub fn nights_text(n: impl Into<i64>) -> String {
    plural(n, "night", "nights")
}

/// `1 point`, `6 points`.
pub fn points_text(n: impl Into<i64>) -> String {
    plural(n, "point", "points")
}

/// Names joined for a sentence: `a`, `a and b`, `a, b and c`.
pub fn and_list(names: &[String]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// `text` with its first letter in upper case (`Vibration device`).
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// Dose timeline (issue 15 item 4).

/// A dose with its unit: `0.25 mg`, or `0.25` without a unit.
pub fn dose_text(dose: f64, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{} {u}", number_text(dose)),
        None => number_text(dose),
    }
}

/// A dose step: `0.25 mg`, `0.25 mg once a day`, or `0.25 mg × 2 a day` when the intakes a day
/// are known.
pub fn dose_schedule_text(dose: f64, unit: Option<&str>, times_per_day: Option<i32>) -> String {
    match times_per_day {
        Some(1) => format!("{} once a day", dose_text(dose, unit)),
        Some(n) => format!("{} × {n} a day", dose_text(dose, unit)),
        None => dose_text(dose, unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn names_join_for_a_sentence() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&names(&[])), "");
        assert_eq!(and_list(&names(&["a"])), "a");
        assert_eq!(and_list(&names(&["a", "b"])), "a and b");
        assert_eq!(and_list(&names(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn p_values_read_with_three_decimals() {
        assert_eq!(p_value_text(20.0 / 120.0), "p = 0.167");
        assert_eq!(p_value_text(0.007_937), "p = 0.008");
        assert_eq!(p_value_text(0.000_5), "p < 0.001");
        assert_eq!(p_value_text(0.049_8), "p < 0.05");
        assert_eq!(p_value_text(1.0), "p = 1.000");
    }

    #[test]
    fn numbers_keep_their_precision() {
        assert_eq!(number_text(2.0), "2");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(0.125), "0.125");
        assert_eq!(number_text(300.0), "300");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(-0.0001), "0");
        assert_eq!(trimmed_decimal(2.0), "2");
        assert_eq!(trimmed_decimal(1.46), "1.5");
        assert_eq!(percent_text(83.4), "83 %");
    }

    #[test]
    fn signed_numbers_use_a_real_minus() {
        assert_eq!(signed(1.26, 1), "+1.3");
        assert_eq!(signed(-0.4, 1), "−0.4");
        assert_eq!(signed(0.01, 1), "0.0");
        assert_eq!(signed(-0.01, 0), "0");
    }

    #[test]
    fn durations_and_clock_times() {
        assert_eq!(duration_text(55), "55 min");
        assert_eq!(duration_text(65), "1 h 05 min");
        assert_eq!(duration_text(420), "7 h");
        assert_eq!(duration_text(-5), "0 min");
        assert_eq!(minutes_text(64.6), "1 h 05 min");
        assert_eq!(minutes_text(f64::NAN), "0 min");
        assert_eq!(clock_text(1440.0), "00:00");
        assert_eq!(clock_text(-30.0), "23:30");
        assert_eq!(clock_text(1425.4), "23:45");
        assert_eq!(clock_text(f64::NAN), "00:00");
    }

    #[test]
    fn dates_and_ranges() {
        assert_eq!(date_text(date(2026, 11, 26)), "Thu 26 Nov 2026");
        assert_eq!(day_month(date(2026, 10, 5)), "5 Oct");
        assert_eq!(day_month_year(date(2026, 10, 5)), "5 Oct 2026");
        assert_eq!(
            range_text(date(2026, 3, 2), date(2026, 3, 15)),
            "Mon 2 Mar – Sun 15 Mar 2026"
        );
        assert_eq!(
            range_text(date(2025, 12, 20), date(2026, 1, 10)),
            "Sat 20 Dec 2025 – Sat 10 Jan 2026"
        );
        assert_eq!(
            range_text(date(2026, 3, 2), date(2026, 3, 2)),
            "Mon 2 Mar 2026"
        );
    }

    #[test]
    fn plurals_and_capitals() {
        assert_eq!(nights_text(1u32), "1 night");
        assert_eq!(nights_text(0u32), "0 nights");
        assert_eq!(nights_text(22i64), "22 nights");
        assert_eq!(points_text(1), "1 point");
        assert_eq!(capitalized("vibration device"), "Vibration device");
        assert_eq!(capitalized("ärger"), "Ärger");
        assert_eq!(capitalized(""), "");
    }
}
