//! The bedside rules: which episode a quick log, an "end" or a relief attempt means, when a quick
//! log is the same episode as the open one, and which relief times still fit their episode.
//!
//! Pure functions over plain values: `store/bedside.rs` fetches the candidates and writes the
//! outcome, in the one transaction `journal.rs` opens.

use crate::error::{JournalError, Result};
use crate::model::episode::{check_end, check_relief_time, EpisodeData, ReliefAttempt};
use crate::time::{Moment, HOUR_MS};

/// A quick log within this many hours of an open episode's start raises that episode's peak
/// instead of starting a second one.
pub const QUICK_LOG_MERGE_HOURS: i64 = 3;
/// Bedside relief with no open episode goes to the latest episode started this many hours ago.
pub const RELIEF_ATTACH_HOURS: i64 = 12;

/// The latest start a bedside call for `at_ms` considers: `at_ms`, or now when `at_ms` is
/// earlier (a backdated "ended at 02:00" still finds the episode that started at 02:10, and is
/// then refused for ending before its start).
///
/// An open episode that starts after this (a typo, a clock that was wrong, an entry from another
/// device) is not the one the person means at the bedside: it must not absorb a quick log, take
/// a relief attempt or block `end` for ever. It becomes "the open episode" once its start has
/// come.
pub fn cutoff_ms(at_ms: i64, now_ms: i64) -> i64 {
    at_ms.max(now_ms)
}

/// The open episode's data after a quick log `quick` merges into it, or `None` when the quick
/// log starts a new episode: it merges when it comes less than [`QUICK_LOG_MERGE_HOURS`] after
/// the open episode's start (and not before it). The peak rises to the quick log's if higher;
/// the side is the quick log's when it gives one.
pub fn merge_quick_log(open: &EpisodeData, quick: &EpisodeData) -> Option<EpisodeData> {
    let since = quick.started_at.millis() - open.started_at.millis();
    if !(0..QUICK_LOG_MERGE_HOURS * HOUR_MS).contains(&since) {
        return None;
    }
    let mut merged = open.clone();
    merged.peak_intensity = merged.peak_intensity.max(quick.peak_intensity);
    merged.side = quick.side.or(merged.side);
    Some(merged)
}

/// The open episode's data once it ends at `at`; `InvalidInput` (field `ended_at`) if that is
/// before its start or too long after it.
pub fn ended(open: &EpisodeData, at: Moment) -> Result<EpisodeData> {
    check_end(&open.started_at, &at)?;
    let mut data = open.clone();
    data.ended_at = Some(at);
    Ok(data)
}

/// The earliest start (epoch ms) of an episode a relief attempt at `at_ms` attaches to when no
/// episode is open: [`RELIEF_ATTACH_HOURS`] before it.
pub fn relief_window_start(at_ms: i64) -> i64 {
    at_ms.saturating_sub(RELIEF_ATTACH_HOURS * HOUR_MS)
}

/// The episode bedside relief goes to: the open one, or else the latest one started in the
/// window (`recent`, asked only when none is open); `NotFound` when there is neither.
pub fn relief_episode<T>(open: Option<T>, recent: impl FnOnce() -> Result<Option<T>>) -> Result<T> {
    match open {
        Some(episode) => Ok(episode),
        None => recent()?.ok_or_else(|| {
            JournalError::not_found(format!(
                "an episode in the last {RELIEF_ATTACH_HOURS} hours to add relief to"
            ))
        }),
    }
}

/// An edited episode may not start after one of its relief attempts (move or delete that
/// attempt first).
pub fn check_new_start(started_at: &Moment, relief: &[ReliefAttempt]) -> Result<()> {
    match relief.iter().min_by_key(|r| r.data.at.millis()) {
        Some(first) => check_relief_time(started_at, &first.data.at).map_err(|_| {
            JournalError::invalid(
                "started_at",
                "is after a relief attempt of this episode: move or delete that attempt first",
            )
        }),
        None => Ok(()),
    }
}

/// A deleted relief attempt comes back only if it still fits its episode: the episode's start
/// may have moved past it while it was deleted (the same rule as adding one).
pub fn check_restored_relief(episode_start: &Moment, relief_at: &Moment) -> Result<()> {
    check_relief_time(episode_start, relief_at).map_err(|_| {
        JournalError::invalid(
            "id",
            "that relief attempt is now before its episode's start: edit the episode first",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::episode::ReliefData;
    use crate::model::kinds::{ReliefMethod, Side};
    use crate::model::meta::RecordMeta;
    use crate::time::MINUTE_MS;

    const START: i64 = 1_760_000_000_000;

    fn at(ms: i64) -> Moment {
        Moment::from_millis(ms, 60)
    }

    fn quick(ms: i64, intensity: i32, side: Option<Side>) -> EpisodeData {
        EpisodeData::quick(at(ms), intensity, side)
    }

    fn relief_at(ms: i64) -> ReliefAttempt {
        ReliefAttempt {
            id: "r".into(),
            episode_id: "e".into(),
            data: ReliefData {
                method: ReliefMethod::Walking,
                helped: 2,
                minutes_to_relief: None,
                at: at(ms),
            },
            meta: RecordMeta {
                created_at: std::time::SystemTime::UNIX_EPOCH,
                updated_at: std::time::SystemTime::UNIX_EPOCH,
                deleted_at: None,
            },
        }
    }

    #[test]
    fn the_cutoff_is_now_for_a_backdated_call_and_the_moment_for_a_later_one() {
        assert_eq!(cutoff_ms(START - HOUR_MS, START), START);
        assert_eq!(cutoff_ms(START + HOUR_MS, START), START + HOUR_MS);
    }

    #[test]
    fn a_quick_log_within_three_hours_raises_the_peak_and_sets_the_side() {
        let open = quick(START, 6, Some(Side::Left));
        let merged = merge_quick_log(&open, &quick(START + 2 * HOUR_MS, 8, Some(Side::Both)))
            .expect("merges");
        assert_eq!(merged.peak_intensity, 8);
        assert_eq!(merged.side, Some(Side::Both));
        assert_eq!(merged.started_at, open.started_at);
        // A lower intensity and no side keep what the open episode has.
        let kept = merge_quick_log(&open, &quick(START + HOUR_MS, 3, None)).expect("merges");
        assert_eq!(kept.peak_intensity, 6);
        assert_eq!(kept.side, Some(Side::Left));
    }

    #[test]
    fn a_quick_log_three_hours_later_or_before_the_start_is_a_new_episode() {
        let open = quick(START, 6, None);
        let limit = START + QUICK_LOG_MERGE_HOURS * HOUR_MS;
        assert!(merge_quick_log(&open, &quick(limit - MINUTE_MS, 7, None)).is_some());
        assert!(merge_quick_log(&open, &quick(limit, 7, None)).is_none());
        assert!(merge_quick_log(&open, &quick(START - MINUTE_MS, 7, None)).is_none());
    }

    #[test]
    fn ending_before_the_start_is_refused() {
        let open = quick(START, 6, None);
        assert_eq!(
            ended(&open, at(START + HOUR_MS))
                .expect("ends")
                .ended_at
                .map(|m| m.millis()),
            Some(START + HOUR_MS)
        );
        let err = ended(&open, at(START - MINUTE_MS)).expect_err("before its start");
        assert!(matches!(err, JournalError::InvalidInput { ref field, .. } if field == "ended_at"));
    }

    #[test]
    fn relief_goes_to_the_open_episode_then_a_recent_one_else_not_found() {
        assert_eq!(
            relief_episode(Some(1), || panic!("not asked")).ok(),
            Some(1)
        );
        assert_eq!(relief_episode(None, || Ok(Some(2))).ok(), Some(2));
        let err = relief_episode::<i32>(None, || Ok(None)).expect_err("no episode");
        assert!(matches!(err, JournalError::NotFound { .. }));
        assert_eq!(
            relief_window_start(START),
            START - RELIEF_ATTACH_HOURS * HOUR_MS
        );
    }

    #[test]
    fn an_episode_may_not_start_after_its_first_relief_attempt() {
        let relief = [relief_at(START + 2 * HOUR_MS), relief_at(START + HOUR_MS)];
        assert!(check_new_start(&at(START + HOUR_MS), &relief).is_ok());
        let err = check_new_start(&at(START + HOUR_MS + MINUTE_MS), &relief).expect_err("after");
        assert!(
            matches!(err, JournalError::InvalidInput { ref field, .. } if field == "started_at")
        );
        assert!(check_new_start(&at(START + 9 * HOUR_MS), &[]).is_ok());
    }

    #[test]
    fn a_restored_relief_attempt_must_still_fit_its_episode() {
        assert!(check_restored_relief(&at(START), &at(START)).is_ok());
        let err = check_restored_relief(&at(START), &at(START - MINUTE_MS)).expect_err("before");
        assert!(matches!(err, JournalError::InvalidInput { ref field, .. } if field == "id"));
    }
}
