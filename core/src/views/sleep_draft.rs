//! The proposed morning sleep diary of a night: the person's usual times, else fixed defaults.
//!
//! Clock times are taken from the last [`DRAFT_DIARIES`] diaries before the night, each read in
//! its own local time (its own UTC offset), as minutes after the local midnight that starts its
//! night: 23:30 is 1410 and 00:30 the next day is 1470, so bedtimes on both sides of midnight
//! have a sensible median. The medians are placed on the night's dates at those local clock
//! times, with the device's current UTC offset (a diary is saved with the device's offset too).

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;

use crate::error::Result;
use crate::model::entry::Entry;
use crate::model::sleep::SleepDiaryData;
use crate::store::{queries, records};
use crate::time::{LocalDate, Moment, MINUTE_MS};

/// How many recent diaries the draft looks at.
pub const DRAFT_DIARIES: u32 = 7;
/// Default into-bed and lights-out time: 23:00 on the night's date (minutes after its midnight).
pub const DEFAULT_BED_MINUTE: i64 = 23 * 60;
/// Default final awakening and out-of-bed time: 07:00 the next morning.
pub const DEFAULT_UP_MINUTE: i64 = 24 * 60 + 7 * 60;
/// Default minutes to fall asleep.
pub const DEFAULT_SLEEP_ONSET_MINUTES: u32 = 15;
/// Default sleep quality (1–5).
pub const DEFAULT_QUALITY: i32 = 3;

/// The four clock times and the minutes to fall asleep of one diary, as minutes after the local
/// midnight that starts its night.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Usual {
    bed: i64,
    tried: i64,
    woke: i64,
    up: i64,
    sleep_onset: i64,
}

impl Usual {
    const DEFAULT: Usual = Usual {
        bed: DEFAULT_BED_MINUTE,
        tried: DEFAULT_BED_MINUTE,
        woke: DEFAULT_UP_MINUTE,
        up: DEFAULT_UP_MINUTE,
        sleep_onset: DEFAULT_SLEEP_ONSET_MINUTES as i64,
    };

    fn of(diary: &SleepDiaryData) -> Usual {
        let minute = |m: &Moment| minutes_after_midnight(diary.night_of, m);
        Usual {
            bed: minute(&diary.got_into_bed_at),
            tried: minute(&diary.tried_to_sleep_at),
            woke: minute(&diary.final_awakening_at),
            up: minute(&diary.out_of_bed_at),
            sleep_onset: i64::from(diary.sleep_onset_minutes),
        }
    }
}

/// Minutes from the local midnight starting `night` to the moment's local time.
fn minutes_after_midnight(night: NaiveDate, m: &Moment) -> i64 {
    (m.local() - night.and_time(NaiveTime::MIN)).num_minutes()
}

/// The median; for an even count, the mean of the middle two (rounded down).
fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let mid = values.len() / 2;
    match (values.len() % 2, values.get(mid), mid.checked_sub(1)) {
        (1, Some(m), _) => Some(*m),
        (0, Some(high), Some(low)) => values.get(low).map(|l| (l + high).div_euclid(2)),
        _ => None,
    }
}

/// The medians of the diaries' times, kept in order (into bed ≤ lights out ≤ final awakening −
/// minutes to fall asleep ≤ out of bed); `None` without diaries.
fn usual(diaries: &[SleepDiaryData]) -> Option<Usual> {
    let all: Vec<Usual> = diaries.iter().map(Usual::of).collect();
    let pick = |f: fn(&Usual) -> i64| median(all.iter().map(f).collect());
    let bed = pick(|u| u.bed)?;
    let tried = pick(|u| u.tried)?.max(bed);
    let sleep_onset = pick(|u| u.sleep_onset)?.max(0);
    let woke = pick(|u| u.woke)?.max(tried + sleep_onset);
    let up = pick(|u| u.up)?.max(woke);
    Some(Usual {
        bed,
        tried,
        woke,
        up,
        sleep_onset,
    })
}

/// The moment at `minutes` after the local midnight starting `night`, at `offset_minutes`.
fn placed(night: NaiveDate, minutes: i64, offset_minutes: i32) -> Moment {
    let local_ms = night
        .and_time(NaiveTime::MIN)
        .and_utc()
        .timestamp_millis()
        .saturating_add(minutes.saturating_mul(MINUTE_MS));
    Moment::from_millis(
        local_ms.saturating_sub(i64::from(offset_minutes) * MINUTE_MS),
        offset_minutes,
    )
}

fn draft(night: NaiveDate, times: Usual, offset_minutes: i32) -> SleepDiaryData {
    SleepDiaryData {
        night_of: night,
        got_into_bed_at: placed(night, times.bed, offset_minutes),
        tried_to_sleep_at: placed(night, times.tried, offset_minutes),
        sleep_onset_minutes: i32::try_from(times.sleep_onset).unwrap_or(0),
        awakenings: 0,
        wake_after_sleep_onset_minutes: 0,
        final_awakening_at: placed(night, times.woke, offset_minutes),
        out_of_bed_at: placed(night, times.up, offset_minutes),
        quality: DEFAULT_QUALITY,
        note: None,
    }
}

/// The last [`DRAFT_DIARIES`] live diaries of nights before `night`, newest first.
fn recent_diaries(conn: &Connection, night: LocalDate) -> Result<Vec<SleepDiaryData>> {
    let rows = queries::sleep_diaries_before(conn, night, DRAFT_DIARIES)?;
    Ok(records::entries_from(conn, &rows)?
        .entries
        .into_iter()
        .filter_map(|e| match e {
            Entry::SleepDiary { diary } => Some(diary.data),
            _ => None,
        })
        .collect())
}

/// The proposed diary of `night` as of `now`: the medians of the recent diaries' local clock
/// times and minutes to fall asleep (no awakenings, quality 3), else into bed and lights out at
/// 23:00, 15 minutes to fall asleep, awake and up at 07:00. A proposal from history that would
/// not pass validation falls back to the defaults.
pub fn sleep_diary_draft(
    conn: &Connection,
    night: LocalDate,
    now: &Moment,
) -> Result<SleepDiaryData> {
    let offset = now.offset_minutes;
    let fallback = draft(night, Usual::DEFAULT, offset);
    let proposal = usual(&recent_diaries(conn, night)?).map(|times| draft(night, times, offset));
    Ok(match proposal {
        Some(p) if p.validated(now).is_ok() => p,
        _ => fallback,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5]), Some(5));
        assert_eq!(median(vec![9, 1, 5]), Some(5));
        assert_eq!(median(vec![1410, 1470]), Some(1440));
        assert_eq!(median(vec![4, 1, 3, 2]), Some(2));
    }
}
