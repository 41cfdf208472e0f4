//! Small, panic-free statistics (median, quantiles, means, percentages). Every function returns
//! `None` instead of NaN or infinity. Their display formats are in [`crate::format`].

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
}
