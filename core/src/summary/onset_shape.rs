//! The shape of the onset times (issue 21): the earliest and latest onset on the day clock, and
//! whether the onsets fall into two (or more) clusters, in which case one median describes no
//! night and the summary says so instead.
//!
//! Our rule (not a published one; stated in the definitions): take the hourly onset counts in
//! day-clock order (from the morning hour, [`crate::summary::day_clock`]); a cluster is a run of
//! hours that holds onsets, with empty stretches shorter than [`MIN_GAP_HOURS`] inside it; the
//! last and first clusters of the day join when the empty hours around the morning hour are
//! fewer than that. Onsets are bimodal when at least [`MIN_ONSETS`] onsets fall into at least
//! two clusters that each hold at least [`MIN_CLUSTER_PERCENT`] of them.

use serde::Serialize;

use crate::format::{clock_text, percent_text};
use crate::summary::day_clock::{clock_minute, minutes_since_morning};
use crate::summary::stats::count;

/// Empty hours that separate two clusters.
pub const MIN_GAP_HOURS: usize = 3;
/// The share of all onsets each of two clusters needs, percent.
pub const MIN_CLUSTER_PERCENT: f64 = 25.0;
/// Onsets needed before the shape is judged (fewer say nothing about two clusters).
pub const MIN_ONSETS: u32 = 8;

/// One cluster of onset hours.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct OnsetCluster {
    /// The first hour of the cluster (local, 0–23).
    pub first_hour: u8,
    /// The last hour of the cluster (local, 0–23; earlier than `first_hour` across midnight).
    pub last_hour: u8,
    /// Onsets in it.
    pub onsets: u32,
    /// `19:00–22:00 (6 of 14 onsets)`.
    pub text: String,
}

/// The earliest and latest onsets and the clusters of a range's onsets.
pub(crate) struct OnsetShape {
    pub earliest_minute: u32,
    pub latest_minute: u32,
    pub clusters: Vec<OnsetCluster>,
    pub bimodal: bool,
}

/// The shape of `minutes` (local minutes after midnight, one per onset); `None` without onsets.
pub(crate) fn of(minutes: &[u32], morning_hour: i32) -> Option<OnsetShape> {
    let on_day_clock: Vec<f64> = minutes
        .iter()
        .map(|&m| minutes_since_morning(f64::from(m), morning_hour))
        .collect();
    let earliest = on_day_clock.iter().copied().reduce(f64::min)?;
    let latest = on_day_clock.iter().copied().reduce(f64::max)?;
    // Hour bins in day-clock order: bin 0 is the morning hour.
    let mut bins = [0u32; 24];
    for &d in &on_day_clock {
        if let Some(b) = bins.get_mut((d / 60.0) as usize) {
            *b += 1;
        }
    }
    let total = count(minutes.len());
    let clusters = clusters(&bins, total, morning_hour);
    let big = clusters
        .iter()
        .filter(|c| f64::from(c.onsets) * 100.0 >= MIN_CLUSTER_PERCENT * f64::from(total))
        .count();
    Some(OnsetShape {
        earliest_minute: crate::format::wrap_minute(clock_minute(earliest, morning_hour)),
        latest_minute: crate::format::wrap_minute(clock_minute(latest, morning_hour)),
        bimodal: total >= MIN_ONSETS && big >= 2,
        clusters,
    })
}

/// The clusters of day-clock hour bins (bin 0 = the morning hour), in day-clock order.
fn clusters(bins: &[u32; 24], total: u32, morning_hour: i32) -> Vec<OnsetCluster> {
    // (first bin, last bin, onsets) in day-clock order.
    let mut runs: Vec<(usize, usize, u32)> = Vec::new();
    let mut empty = MIN_GAP_HOURS;
    for (i, &n) in bins.iter().enumerate() {
        if n == 0 {
            empty += 1;
            continue;
        }
        match runs.last_mut() {
            Some(run) if empty < MIN_GAP_HOURS => {
                run.1 = i;
                run.2 += n;
            }
            _ => runs.push((i, i, n)),
        }
        empty = 0;
    }
    // Across the morning hour: the empty hours after the last cluster and before the first.
    if runs.len() > 1 {
        if let (Some(&(first, _, _)), Some(&(_, last, n))) = (runs.first(), runs.last()) {
            if (23 - last) + first < MIN_GAP_HOURS {
                runs.pop();
                if let Some(head) = runs.first_mut() {
                    head.0 = last_start(bins, last);
                    head.2 += n;
                }
            }
        }
    }
    runs.into_iter()
        .map(|(first, last, onsets)| {
            let hour = |bin: usize| {
                let m = clock_minute(bin as f64 * 60.0, morning_hour);
                (m / 60.0) as u8
            };
            let (first_hour, last_hour) = (hour(first), hour(last));
            OnsetCluster {
                first_hour,
                last_hour,
                onsets,
                text: format!(
                    "{}–{} ({} of {} onsets, {})",
                    clock_text(f64::from(first_hour) * 60.0),
                    clock_text(f64::from(last_hour) * 60.0 + 60.0),
                    onsets,
                    total,
                    percent_text(f64::from(onsets) * 100.0 / f64::from(total.max(1)))
                ),
            }
        })
        .collect()
}

/// The first bin of the run that ends at bin `last` (the wrapped cluster starts there).
fn last_start(bins: &[u32; 24], last: usize) -> usize {
    let mut start = last;
    let mut empty = 0;
    for i in (0..last).rev() {
        match bins.get(i) {
            Some(0) => {
                empty += 1;
                if empty >= MIN_GAP_HOURS {
                    break;
                }
            }
            Some(_) => {
                start = i;
                empty = 0;
            }
            None => break,
        }
    }
    start
}

/// `Onsets fall into two clusters, 19:00–22:00 (6 of 14 onsets, 43 %) and 02:00–05:00 (…), so
/// no single median is given`.
pub(crate) fn bimodal_sentence(shape: &OnsetShape) -> String {
    let texts: Vec<&str> = shape.clusters.iter().map(|c| c.text.as_str()).collect();
    let how_many = match shape.clusters.len() {
        2 => "two".to_string(),
        n => n.to_string(),
    };
    format!(
        "Onsets fall into {how_many} clusters, {}, so no single median onset is given",
        texts.join(" and ")
    )
}

/// The definition of the earliest onset, the range and the cluster rule.
pub(crate) fn definition_text() -> String {
    format!(
        "Earliest and latest onset are read on the day clock (from the morning hour), so the \
         range runs through the evening and night. Onsets are called bimodal by our own rule, \
         not a published one: with at least {MIN_ONSETS} onsets, the hours holding onsets are \
         grouped into clusters separated by at least {MIN_GAP_HOURS} empty hours, and at least \
         two clusters each hold at least {} of the onsets. Then the clusters are given instead \
         of one median, which would describe no night.",
        percent_text(MIN_CLUSTER_PERCENT)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> u32 {
        h * 60 + m
    }

    #[test]
    fn two_clusters_three_empty_hours_apart_are_bimodal() {
        // 4 onsets 19:00–20:59, 4 onsets 02:00–03:59: empty 21–01 (5 hours). Morning 05:00.
        let m = [
            at(19, 0),
            at(19, 30),
            at(20, 10),
            at(20, 50),
            at(2, 0),
            at(2, 40),
            at(3, 5),
            at(3, 50),
        ];
        let s = of(&m, 5).expect("onsets");
        assert!(s.bimodal);
        assert_eq!(s.clusters.len(), 2);
        assert_eq!(
            (s.clusters[0].first_hour, s.clusters[0].last_hour),
            (19, 20)
        );
        assert_eq!(s.clusters[0].text, "19:00–21:00 (4 of 8 onsets, 50 %)");
        assert_eq!(s.clusters[1].text, "02:00–04:00 (4 of 8 onsets, 50 %)");
        assert_eq!((s.earliest_minute, s.latest_minute), (at(19, 0), at(3, 50)));
    }

    #[test]
    fn a_gap_of_two_empty_hours_keeps_one_cluster() {
        // 22:xx and 01:xx: 23 and 00 empty (2 hours) → one cluster 22:00–02:00.
        let m = [
            at(22, 0),
            at(22, 30),
            at(22, 40),
            at(22, 50),
            at(1, 0),
            at(1, 10),
            at(1, 20),
            at(1, 30),
        ];
        let s = of(&m, 5).expect("onsets");
        assert!(!s.bimodal);
        assert_eq!(s.clusters.len(), 1);
        assert_eq!(s.clusters[0].text, "22:00–02:00 (8 of 8 onsets, 100 %)");
    }

    #[test]
    fn a_small_second_cluster_or_few_onsets_is_not_bimodal() {
        // 7 at 22:00, 1 at 14:00: 1 of 8 = 12.5 % < 25 %.
        let mut m = vec![at(22, 0); 7];
        m.push(at(14, 0));
        let s = of(&m, 5).expect("onsets");
        assert_eq!(s.clusters.len(), 2);
        assert!(!s.bimodal);
        // 3 + 3 onsets: two clusters of 50 %, but fewer than 8 onsets.
        let s = of(
            &[
                at(19, 0),
                at(19, 0),
                at(19, 0),
                at(3, 0),
                at(3, 0),
                at(3, 0),
            ],
            5,
        )
        .expect("onsets");
        assert!(!s.bimodal);
    }

    #[test]
    fn clusters_join_across_the_morning_hour() {
        // Morning hour 05:00; onsets at 04:xx and 05:xx (bins 23 and 0): one cluster.
        let m = [
            at(4, 10),
            at(4, 20),
            at(4, 30),
            at(4, 40),
            at(5, 10),
            at(5, 20),
            at(5, 30),
            at(5, 40),
        ];
        let s = of(&m, 5).expect("onsets");
        assert_eq!(s.clusters.len(), 1, "{:?}", s.clusters);
        assert_eq!(s.clusters[0].text, "04:00–06:00 (8 of 8 onsets, 100 %)");
        assert!(!s.bimodal);
    }
}
