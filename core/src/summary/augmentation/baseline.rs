//! Which nights the augmentation watch compares with (design §4): the 14 observed nights before
//! the treatment started when they exist (within [`BASELINE_LOOKBACK_NIGHTS`]), else the
//! earliest 14 observed nights on it (within its first [`BASELINE_LOOKBACK_NIGHTS`] nights and
//! before the latest 14; all of them when there are fewer).

use rusqlite::Connection;

use crate::error::Result;
use crate::summary::augmentation::{AugmentationBaseline, BASELINE_LOOKBACK_NIGHTS, WATCH_NIGHTS};
use crate::summary::nights::{observed_at_most, Window};
use crate::time::LocalDate;

/// The chosen baseline: its nights and what they hold.
pub(super) struct Chosen {
    /// Before the start, or the first nights on the treatment.
    pub source: AugmentationBaseline,
    /// The first night of the baseline.
    pub first: LocalDate,
    /// The last night of the baseline (inclusive).
    pub last: LocalDate,
    /// Everything logged from `first` to `last`.
    pub window: Window,
}

/// What [`choose`] found.
pub(super) enum Found {
    /// A baseline to compare with (boxed: a window is large, `TooEarly` is nothing).
    Baseline(Box<Chosen>),
    /// No observed nights before the start and fewer than [`WATCH_NIGHTS`] nights on the
    /// treatment before the latest [`WATCH_NIGHTS`]: too early to compare.
    TooEarly,
}

/// The observed nights of `window`, in order.
fn observed_nights(window: &Window) -> Vec<LocalDate> {
    window
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.observed)
        .filter_map(|(i, _)| {
            i64::try_from(i)
                .ok()
                .map(|i| window.first + chrono::Duration::days(i))
        })
        .collect()
}

fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

/// The latest `want` observed nights of `lb_first..=lb_last`: the first of them and the window
/// from it to `lb_last`; `None` when there are fewer. Outside the summary's window, only the
/// nights from the `want`-th latest night holding an observing record (read from the night
/// index alone) are read, and all of the lookback only when damaged records leave those short.
fn latest_observed(
    conn: &Connection,
    main: &Window,
    lb_first: LocalDate,
    lb_last: LocalDate,
    want: usize,
) -> Result<Option<(LocalDate, Window)>> {
    let latest = |lookback: Window| {
        let observed = observed_nights(&lookback);
        observed
            .len()
            .checked_sub(want)
            .and_then(|i| observed.get(i))
            .map(|&first| (first, lookback.slice(first, lb_last)))
    };
    if !main.holds(lb_first, lb_last) {
        // Every observed night holds an observing record, so the `want`-th latest of these
        // nights is on or before the `want`-th latest observed one: with `want` observed
        // nights from it on, they are the same night.
        let candidates = observed_at_most(conn, lb_first, lb_last)?;
        let Some(&from) = candidates
            .len()
            .checked_sub(want)
            .and_then(|i| candidates.get(i))
        else {
            return Ok(None);
        };
        let found = latest(Window::load(conn, from, lb_last, false)?);
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(latest(main.part_or_load(conn, lb_first, lb_last)?))
}

/// Chooses the baseline of a treatment started on `start` whose latest window begins on
/// `recent_first` (`recent_first >= start`); `main` is the summary's window (nights it holds
/// are not read again).
pub(super) fn choose(
    conn: &Connection,
    main: &Window,
    start: LocalDate,
    recent_first: LocalDate,
) -> Result<Found> {
    let want = usize::try_from(WATCH_NIGHTS).unwrap_or(usize::MAX);
    let before_last = start.checked_sub_signed(days(1));
    let before_first = start.checked_sub_signed(days(BASELINE_LOOKBACK_NIGHTS));
    if let (Some(lb_first), Some(lb_last)) = (before_first, before_last) {
        if let Some((first, window)) = latest_observed(conn, main, lb_first, lb_last, want)? {
            return Ok(Found::Baseline(Box::new(Chosen {
                source: AugmentationBaseline::BeforeStart,
                first,
                last: lb_last,
                window,
            })));
        }
    }
    // The first nights on it: they must end before the latest window begins.
    if (recent_first - start).num_days() < WATCH_NIGHTS {
        return Ok(Found::TooEarly);
    }
    let span_last = (start + days(BASELINE_LOOKBACK_NIGHTS - 1)).min(recent_first - days(1));
    let span = main.part_or_load(conn, start, span_last)?;
    let observed = observed_nights(&span);
    let (last, window) = match observed.get(want - 1) {
        Some(&night) => (night, span.slice(start, night)),
        // Fewer than 14 observed: every observed night of the span (the watch says how few).
        None => (span_last, span),
    };
    Ok(Found::Baseline(Box::new(Chosen {
        source: AugmentationBaseline::FirstNightsOnIt,
        first: start,
        last,
        window,
    })))
}
