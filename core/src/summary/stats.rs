//! Small, panic-free statistics (median, quantiles, means, percentages) and the number formats
//! the summary shows. Every function returns `None` instead of NaN or infinity.

use chrono::{Datelike, NaiveDate};

use crate::views::describe::duration_text;

/// `Some(x)` if `x` is finite.
pub(crate) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The mean of `sum` over `count` values; `None` without values.
pub(crate) fn mean_of(sum: f64, count: u32) -> Option<f64> {
    if count == 0 {
        None
    } else {
        finite(sum / f64::from(count))
    }
}

/// The mean of the values; `None` without values.
pub(crate) fn mean(values: &[f64]) -> Option<f64> {
    let count = u32::try_from(values.len()).ok()?;
    mean_of(values.iter().sum(), count)
}

/// `part` as a percentage of `whole`; `None` when `whole` is zero.
pub(crate) fn percent(part: u32, whole: u32) -> Option<f64> {
    mean_of(f64::from(part) * 100.0, whole)
}

/// Sorts values (NaN-safe total order) for the quantile functions.
pub(crate) fn sorted(mut values: Vec<f64>) -> Vec<f64> {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    values
}

/// The `q`-quantile (0–1) of sorted values, interpolating between neighbours (Hyndman–Fan type 7,
/// the default of R and NumPy); `None` without values.
pub(crate) fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    let n = sorted.len();
    let last = n.checked_sub(1)?;
    let h = (last as f64) * q.clamp(0.0, 1.0);
    let lo = h.floor();
    let lo_index = (lo as usize).min(last);
    let hi_index = (lo_index + 1).min(last);
    let a = *sorted.get(lo_index)?;
    let b = *sorted.get(hi_index)?;
    finite(a + (h - lo) * (b - a))
}

/// The median of sorted values (the mean of the two middle values for an even count).
pub(crate) fn median_sorted(sorted: &[f64]) -> Option<f64> {
    quantile_sorted(sorted, 0.5)
}

/// The median of the values.
pub(crate) fn median(values: Vec<f64>) -> Option<f64> {
    median_sorted(&sorted(values))
}

/// A count as `u32` (saturating; counts in a journal never come near the limit).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An amount as entered, up to 3 decimals without trailing zeros (`0.125`, `300`, `1.5`):
/// doses like 0.125 mg must not be rounded to 0.13.
pub(crate) fn amount_text(x: f64) -> String {
    let text = format!("{x:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// One decimal: `5.2`, `0.0`.
pub(crate) fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

/// A whole percentage: `83 %`.
pub(crate) fn percent_text(x: f64) -> String {
    format!("{x:.0} %")
}

/// Minutes (possibly fractional, e.g. a median) as `1 h 05 min`, rounded to the minute.
pub(crate) fn minutes_text(minutes: f64) -> String {
    duration_text(minutes.round() as i64)
}

/// A minute of the day (0–1439, any real number is wrapped) as a clock time `HH:MM`.
pub(crate) fn clock_text(minute_of_day: f64) -> String {
    let m = wrap_minute(minute_of_day);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Rounds to a whole minute of the day, wrapped into 0–1439.
pub(crate) fn wrap_minute(minute_of_day: f64) -> u32 {
    let rounded = if minute_of_day.is_finite() {
        minute_of_day.round() as i64
    } else {
        0
    };
    rounded.rem_euclid(1440) as u32
}

/// `5 Oct`.
pub(crate) fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), crate::time::month_abbr(date))
}

/// `Mon 2 Mar`.
pub(crate) fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        crate::time::weekday_abbr(date),
        date.day(),
        crate::time::month_abbr(date)
    )
}

/// `Mon 2 Mar – Sun 15 Mar 2026` (one date if both are the same).
pub(crate) fn range_text(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        crate::views::describe::date_text(first)
    } else {
        format!(
            "{} – {}",
            short_date(first),
            crate::views::describe::date_text(last)
        )
    }
}

/// `1 night`, `3 nights`.
pub(crate) fn nights_text(n: u32) -> String {
    plural(n, "night", "nights")
}

/// `1 episode`, `3 episodes` and the like.
pub(crate) fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_quantiles() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0]), Some(3.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
        let s = sorted(vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(quantile_sorted(&s, 0.25), Some(2.0));
        assert_eq!(quantile_sorted(&s, 0.75), Some(4.0));
        assert_eq!(median(vec![f64::NAN, 1.0]), Some(1.0));
    }

    #[test]
    fn means_never_divide_by_zero() {
        assert_eq!(mean(&[]), None);
        assert_eq!(percent(1, 0), None);
        assert_eq!(percent(1, 4), Some(25.0));
        assert_eq!(mean_of(f64::INFINITY, 2), None);
    }

    #[test]
    fn amounts_keep_their_precision() {
        assert_eq!(amount_text(0.125), "0.125");
        assert_eq!(amount_text(300.0), "300");
        assert_eq!(amount_text(1.5), "1.5");
        assert_eq!(amount_text(0.0), "0");
    }

    #[test]
    fn clock_times_wrap() {
        assert_eq!(clock_text(1440.0), "00:00");
        assert_eq!(clock_text(-30.0), "23:30");
        assert_eq!(clock_text(1425.4), "23:45");
        assert_eq!(clock_text(f64::NAN), "00:00");
    }
}
