//! Time as it was lived: a UTC instant plus the device's UTC offset, and night attribution.
//!
//! Every moment in the journal keeps the offset the device had when it happened, so 02:10 stays
//! 02:10 in history after travel or a DST change. Nights are computed from the instant and that
//! moment's own offset, never from the device's current zone.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{
    DateTime, Datelike, FixedOffset, Local, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike,
    Utc,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{JournalError, Result};

/// A calendar date (a night, a lab day). Crosses the FFI as an ISO 8601 `YYYY-MM-DD` string;
/// Kotlin sees `java.time.LocalDate`, Swift a `String` in that format.
pub type LocalDate = NaiveDate;

// A malformed date string (possible from Swift, where dates are strings) becomes the typed
// `InvalidInput` error of the call, not a panic: uniffi hands errors of the call's own error type
// from a failed argument lift back to the caller.
uniffi::custom_type!(LocalDate, String, {
    remote,
    lower: |date| iso_date(date),
    try_lift: |text| parse_plain_iso(&text)
        .or_else(|| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
        .ok_or_else(|| {
            uniffi::deps::anyhow::Error::new(JournalError::invalid(
                "date",
                format!("{text:?} is not a date YYYY-MM-DD"),
            ))
        }),
});

/// Milliseconds in one minute, hour and day.
pub const MINUTE_MS: i64 = 60_000;
/// Milliseconds in one hour.
pub const HOUR_MS: i64 = 60 * MINUTE_MS;
/// Milliseconds in one day.
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// The largest UTC offset a device can report, in minutes (±18 h, as in ISO 8601).
const MAX_OFFSET_MINUTES: i32 = 18 * 60;

/// A moment as it was lived: the UTC instant and the device's UTC offset (minutes east of UTC)
/// at that instant. Kotlin sees `java.time.Instant`, Swift `Date`, plus the offset.
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// The UTC instant.
    pub instant: SystemTime,
    /// The device's UTC offset at that instant, in minutes east of UTC (e.g. 60 for CET).
    pub offset_minutes: i32,
}

impl Moment {
    /// Now, with the device's current UTC offset.
    pub fn now() -> Moment {
        let now = Local::now();
        Moment {
            instant: SystemTime::from(now),
            offset_minutes: now.offset().fix().local_minus_utc() / 60,
        }
    }

    /// A moment from epoch milliseconds and an offset (no validation; see [`Moment::checked`]).
    pub fn from_millis(ms: i64, offset_minutes: i32) -> Moment {
        let instant = if ms >= 0 {
            UNIX_EPOCH + Duration::from_millis(ms.unsigned_abs())
        } else {
            UNIX_EPOCH - Duration::from_millis(ms.unsigned_abs())
        };
        Moment {
            instant,
            offset_minutes,
        }
    }

    /// Milliseconds since the Unix epoch (UTC), truncated to whole milliseconds.
    pub fn millis(&self) -> i64 {
        match self.instant.duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
            Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
        }
    }

    /// The same moment at whole-millisecond precision, as it is stored.
    pub fn truncated(&self) -> Moment {
        Moment::from_millis(self.millis(), self.offset_minutes)
    }

    /// Refuses an offset no device can have (beyond ±18 hours).
    fn check_offset(&self, field: &str) -> Result<()> {
        if self.offset_minutes.abs() > MAX_OFFSET_MINUTES {
            return Err(JournalError::invalid(
                field,
                format!(
                    "UTC offset {} minutes is outside ±18 hours",
                    self.offset_minutes
                ),
            ));
        }
        Ok(())
    }

    /// Validates a moment coming from outside: a real offset, not before 1970, and not more than
    /// 24 h after `now`.
    pub fn checked(&self, field: &str, now_ms: i64) -> Result<Moment> {
        self.check_offset(field)?;
        let ms = self.millis();
        if ms < 0 {
            return Err(JournalError::invalid(field, "is before 1970"));
        }
        if ms > now_ms + DAY_MS {
            return Err(JournalError::invalid(
                field,
                "is more than 24 hours in the future",
            ));
        }
        Ok(self.truncated())
    }

    /// Validates a moment that only looks something up (`night_of`, `prompts`): a real offset and
    /// a local time in the years 1 to 9999, so nothing downstream saturates into a wrong date.
    pub fn checked_lookup(&self, field: &str) -> Result<Moment> {
        self.check_offset(field)?;
        let local_ms = self
            .millis()
            .checked_add(i64::from(self.offset_minutes) * MINUTE_MS)
            .and_then(DateTime::<Utc>::from_timestamp_millis)
            .map(|t| t.year());
        match local_ms {
            Some(year) if (1..=9999).contains(&year) => Ok(self.truncated()),
            _ => Err(JournalError::invalid(
                field,
                "is outside the years 1 to 9999",
            )),
        }
    }

    /// The wall-clock time on the device at this moment.
    pub fn local(&self) -> NaiveDateTime {
        let local_ms = self
            .millis()
            .saturating_add(i64::from(self.offset_minutes) * MINUTE_MS);
        DateTime::<Utc>::from_timestamp_millis(local_ms)
            .unwrap_or_default()
            .naive_utc()
    }

    /// Minutes after local midnight (0–1439), for clock-time statistics.
    pub fn local_minute_of_day(&self) -> u32 {
        let local = self.local();
        local.hour() * 60 + local.minute()
    }

    /// The night this moment belongs to: the night of date D runs from the cutover hour on D to
    /// the cutover hour on D+1, in the moment's own local time.
    pub fn night(&self, cutover_hour: i32) -> NaiveDate {
        let local = self.local();
        // Out-of-range instants (never stored: validation rejects them) must not panic here.
        local
            .checked_sub_signed(chrono::Duration::hours(i64::from(cutover_hour)))
            .unwrap_or(local)
            .date()
    }

    /// The night an exposure or a dose at this moment counts for: the night it falls in by the
    /// cutover rule ([`Moment::night`]), or the coming night once the person's night is over.
    /// That night is over from its final awakening when `final_awakening_of` gives one (the
    /// sleep diary of the night), otherwise from `morning_hour` in this moment's own local time;
    /// a moment exactly at either boundary is already past it (the person is up). Morning coffee
    /// after a bad night counts for the coming night; alcohol at 01:30 while still up counts for
    /// the night in progress. The rule only ever moves a moment to the night after its cutover
    /// night, never back.
    pub fn trigger_night<E>(
        &self,
        cutover_hour: i32,
        morning_hour: i32,
        final_awakening_of: impl FnOnce(NaiveDate) -> std::result::Result<Option<Moment>, E>,
    ) -> std::result::Result<NaiveDate, E> {
        let night = self.night(cutover_hour);
        let over = match final_awakening_of(night)? {
            Some(woke) => self.millis() >= woke.millis(),
            None => {
                let local = self.local();
                local.date() > night && i64::from(local.hour()) >= i64::from(morning_hour)
            }
        };
        Ok(match (over, night.succ_opt()) {
            (true, Some(coming)) => coming,
            _ => night,
        })
    }

    /// RFC 3339 in the moment's own offset, e.g. `2026-11-27T02:10:00+01:00`.
    pub fn to_rfc3339(&self) -> String {
        match self.fixed() {
            Some(dt) => dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
            None => String::from("invalid time"),
        }
    }

    /// Parses RFC 3339 with an explicit offset (`Z` counts as +00:00).
    pub fn parse_rfc3339(text: &str) -> std::result::Result<Moment, String> {
        // Summary speed (issue 13): the form the journal itself writes, without chrono.
        if let Some(moment) = parse_plain_rfc3339(text) {
            return Ok(moment);
        }
        let dt = DateTime::parse_from_rfc3339(text.trim()).map_err(|e| {
            format!(
                "{} is not an RFC 3339 time with offset: {e}",
                crate::error::quoted(text)
            )
        })?;
        Ok(Moment::from_millis(
            dt.timestamp_millis(),
            dt.offset().local_minus_utc() / 60,
        ))
    }

    /// Local clock time `HH:MM`.
    pub fn clock(&self) -> String {
        hh_mm(self.local())
    }

    fn fixed(&self) -> Option<DateTime<FixedOffset>> {
        let offset = FixedOffset::east_opt(self.offset_minutes * 60)?;
        let utc = DateTime::<Utc>::from_timestamp_millis(self.millis())?;
        Some(offset.from_utc_datetime(&utc.naive_utc()))
    }
}

/// Today's date on the device.
pub fn today_local(now: &Moment) -> NaiveDate {
    now.local().date()
}

/// Validates a date coming from outside: from 1900 on, not after tomorrow.
pub fn check_date(field: &str, date: NaiveDate, now: &Moment) -> Result<NaiveDate> {
    if date.year() < 1900 {
        return Err(JournalError::invalid(field, "is before 1900"));
    }
    let latest = today_local(now) + chrono::Duration::days(1);
    if date > latest {
        return Err(JournalError::invalid(
            field,
            "is more than 24 hours in the future",
        ));
    }
    Ok(date)
}

/// A sort key for date-only records: noon UTC of that date, in epoch milliseconds.
pub fn date_sort_ms(date: NaiveDate) -> i64 {
    date.and_hms_opt(12, 0, 0)
        .map(|dt| dt.and_utc().timestamp_millis())
        .unwrap_or(0)
}

// Dates and clock times are written and read by hand on the hot paths (every row read, every
// history line): chrono's strftime re-parses its format string on each call, and that was the
// largest single cost of a history page. Years outside 0–9999 fall back to chrono.

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// ISO `YYYY-MM-DD`, as dates are stored and exported.
pub fn iso_date(date: NaiveDate) -> String {
    if (0..=9999).contains(&date.year()) {
        format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
    } else {
        date.format("%Y-%m-%d").to_string()
    }
}

/// `Thu`: the English short name of the date's weekday.
pub fn weekday_abbr(date: NaiveDate) -> &'static str {
    let index = date.weekday().num_days_from_monday() as usize;
    WEEKDAYS.get(index).copied().unwrap_or_default()
}

/// `Nov`: the English short name of the date's month.
pub fn month_abbr(date: NaiveDate) -> &'static str {
    let index = date.month0() as usize;
    MONTHS.get(index).copied().unwrap_or_default()
}

/// `HH:MM` of a wall-clock time.
pub fn hh_mm(time: NaiveDateTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Parses exactly `YYYY-MM-DD` (four, two and two ASCII digits); `None` for anything else,
/// including dates that do not exist.
fn parse_plain_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

// Summary speed (issue 13): every stored time is read when a summary decodes its records.

/// Parses exactly `YYYY-MM-DDTHH:MM:SS+HH:MM` (or `-HH:MM`), the form [`Moment::to_rfc3339`]
/// writes, as chrono's RFC 3339 parser would; `None` for anything else (other forms, leap
/// seconds, offsets of 24 hours or more), which the caller then hands to chrono. Six times
/// cheaper than chrono's parser, which was a twentieth of a ten-year summary.
fn parse_plain_rfc3339(text: &str) -> Option<Moment> {
    let b = text.as_bytes();
    if b.len() != 25 {
        return None;
    }
    let digits = |at: usize, n: usize| -> Option<u32> {
        let mut value = 0u32;
        for i in at..at + n {
            let d = *b.get(i)?;
            if !d.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(d - b'0');
        }
        Some(value)
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(at(4, b'-') && at(7, b'-') && at(13, b':') && at(16, b':') && at(22, b':')) {
        return None;
    }
    if !(at(10, b'T') || at(10, b't') || at(10, b' ')) {
        return None;
    }
    let sign = match b.get(19) {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let (offset_hours, offset_minutes) = (digits(20, 2)?, digits(23, 2)?);
    if offset_hours > 23 || offset_minutes > 59 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(digits(0, 4)?).ok()?,
        digits(5, 2)?,
        digits(8, 2)?,
    )?;
    let time = chrono::NaiveTime::from_hms_opt(digits(11, 2)?, digits(14, 2)?, digits(17, 2)?)?;
    let offset = sign * i32::try_from(offset_hours * 60 + offset_minutes).ok()?;
    let local_ms = date.and_time(time).and_utc().timestamp_millis();
    Some(Moment::from_millis(
        local_ms - i64::from(offset) * MINUTE_MS,
        offset,
    ))
}

/// Parses ISO `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> std::result::Result<NaiveDate, String> {
    let text = text.trim();
    if let Some(date) = parse_plain_iso(text) {
        return Ok(date);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        format!(
            "{} is not a date YYYY-MM-DD: {e}",
            crate::error::quoted(text)
        )
    })
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Moment, D::Error> {
        // Summary speed (issue 13): parsed from the borrowed text, no String per time.
        deserializer.deserialize_str(MomentVisitor)
    }
}

/// Reads a [`Moment`] from a string; other JSON types get serde's "expected a string" error, as
/// `String`'s own deserializer words it.
struct MomentVisitor;

impl serde::de::Visitor<'_> for MomentVisitor {
    type Value = Moment;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<Moment, E> {
        Moment::parse_rfc3339(text).map_err(E::custom)
    }
}

/// Serde helpers for `SystemTime` as RFC 3339 UTC (record metadata in JSON exports).
pub mod rfc3339_utc {
    use super::*;

    /// Serializes as RFC 3339 UTC.
    pub fn serialize<S: Serializer>(t: &SystemTime, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(
            &Moment {
                instant: *t,
                offset_minutes: 0,
            }
            .to_rfc3339(),
        )
    }

    /// Parses RFC 3339.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<SystemTime, D::Error> {
        let text = String::deserialize(d)?;
        Moment::parse_rfc3339(&text)
            .map(|m| m.instant)
            .map_err(serde::de::Error::custom)
    }

    /// The same for optional times.
    pub mod option {
        use super::*;

        /// Serializes as RFC 3339 UTC or null.
        pub fn serialize<S: Serializer>(
            t: &Option<SystemTime>,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            match t {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        /// Parses RFC 3339 or null.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Option<SystemTime>, D::Error> {
            let text: Option<String> = Option::deserialize(d)?;
            text.map(|t| {
                Moment::parse_rfc3339(&t)
                    .map(|m| m.instant)
                    .map_err(serde::de::Error::custom)
            })
            .transpose()
        }
    }
}

/// Epoch milliseconds of a `SystemTime`.
pub fn system_millis(t: SystemTime) -> i64 {
    Moment {
        instant: t,
        offset_minutes: 0,
    }
    .millis()
}

/// A `SystemTime` from epoch milliseconds.
pub fn system_from_millis(ms: i64) -> SystemTime {
    Moment::from_millis(ms, 0).instant
}

#[cfg(test)]
mod tests {
    use super::*;

    // Summary speed (issue 13): the plain RFC 3339 reader agrees with chrono's.
    proptest::proptest! {
        #[test]
        fn the_plain_rfc3339_reader_agrees_with_chrono(
            year in 0u32..10_000, month in 0u32..14, day in 0u32..33, hour in 0u32..26,
            minute in 0u32..61, second in 0u32..62, sign in proptest::sample::select(vec!['+', '-']),
            offset_hours in 0u32..26, offset_minutes in 0u32..61,
            separator in proptest::sample::select(vec!['T', 't', ' ']),
        ) {
            let text = format!(
                "{year:04}-{month:02}-{day:02}{separator}{hour:02}:{minute:02}:{second:02}\
                 {sign}{offset_hours:02}:{offset_minutes:02}"
            );
            let chrono = DateTime::parse_from_rfc3339(&text)
                .ok()
                .map(|dt| (dt.timestamp_millis(), dt.offset().local_minus_utc() / 60));
            let plain = parse_plain_rfc3339(&text).map(|m| (m.millis(), m.offset_minutes));
            // The plain reader may decline (chrono then decides), never disagree.
            if plain.is_some() {
                proptest::prop_assert_eq!(plain, chrono, "{}", text);
            }
            let parsed = Moment::parse_rfc3339(&text).ok().map(|m| (m.millis(), m.offset_minutes));
            proptest::prop_assert_eq!(parsed, chrono, "{}", text);
        }
    }

    #[test]
    fn the_plain_rfc3339_reader_takes_what_the_journal_writes() {
        let moment = Moment::from_millis(1_478_226_180_000, 60);
        let text = moment.to_rfc3339();
        assert_eq!(text, "2016-11-04T03:23:00+01:00");
        let plain = parse_plain_rfc3339(&text).expect("the journal's own form");
        assert_eq!(
            (plain.millis(), plain.offset_minutes),
            (1_478_226_180_000, 60)
        );
        // Other forms go to chrono: fractions, `Z`, surrounding spaces.
        for other in [
            "2016-11-04T02:23:00.5Z",
            "2016-11-04T02:23:00Z",
            " 2016-11-04T03:23:00+01:00",
        ] {
            assert!(parse_plain_rfc3339(other).is_none(), "{other}");
            assert!(Moment::parse_rfc3339(other).is_ok(), "{other}");
        }
        // A time that is not a string is refused in serde's words for a string.
        let err = serde_json::from_str::<Moment>("5").expect_err("not a string");
        assert!(err.to_string().contains("expected a string"), "{err}");
        let read: Moment = serde_json::from_str("\"2016-11-04T03:23:00+01:00\"").expect("a time");
        assert_eq!(read.millis(), 1_478_226_180_000);
    }

    #[test]
    fn a_malformed_date_from_the_ffi_is_a_typed_invalid_input() {
        use uniffi::{Lift, Lower};
        let lowered = <String as Lower<crate::UniFfiTag>>::lower("27/11/2026".to_string());
        let error = <NaiveDate as Lift<crate::UniFfiTag>>::try_lift(lowered)
            .expect_err("a malformed date must not lift");
        match error.downcast::<JournalError>() {
            Ok(JournalError::InvalidInput { field, reason }) => {
                assert_eq!(field, "date");
                assert!(reason.contains("27/11/2026"));
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
        let good = <String as Lower<crate::UniFfiTag>>::lower("2026-11-27".to_string());
        assert_eq!(
            <NaiveDate as Lift<crate::UniFfiTag>>::try_lift(good).ok(),
            NaiveDate::from_ymd_opt(2026, 11, 27)
        );
    }

    /// `checked("at", 0)`'s refusal reason, or `None` when it accepts the moment.
    fn refusal(m: &Moment) -> Option<String> {
        match m.checked("at", 0) {
            Ok(_) => None,
            Err(JournalError::InvalidInput { field, reason }) => {
                assert_eq!(field, "at");
                Some(reason)
            }
            Err(other) => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn extreme_instants_do_not_panic() {
        // The ends of the millisecond range: no panic anywhere, and validation refuses both.
        for (ms, reason) in [
            (i64::MAX, "is more than 24 hours in the future"),
            (i64::MIN + 1, "is before 1970"),
        ] {
            let m = Moment::from_millis(ms, 840);
            let _ = (
                m.night(12),
                m.local_minute_of_day(),
                m.clock(),
                m.to_rfc3339(),
            );
            assert_eq!(refusal(&m).as_deref(), Some(reason), "{ms}");
            assert!(m.checked_lookup("at").is_err(), "{ms}");
        }
        // One millisecond before 1970 is refused too, yet reads as a plain local time
        // (1970-01-01 13:59:59.999 at +14:00); the epoch itself is the first accepted instant.
        let before = Moment::from_millis(-1, 840);
        assert_eq!(
            before.night(12),
            NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
        );
        assert_eq!(before.local_minute_of_day(), 13 * 60 + 59);
        assert_eq!(refusal(&before).as_deref(), Some("is before 1970"));
        let epoch = Moment::from_millis(0, 840);
        assert_eq!(refusal(&epoch), None);
        assert_eq!(epoch.checked("at", 0).map(|m| m.millis()), Ok(0));
    }

    #[test]
    fn trigger_night_moves_only_after_the_night_is_over() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let night = |text: &str, cutover: i32, morning: i32, woke: Option<&str>| {
            let woke = woke.map(|w| Moment::parse_rfc3339(w).unwrap());
            Moment::parse_rfc3339(text)
                .unwrap()
                .trigger_night(cutover, morning, |_| Ok::<_, ()>(woke))
                .unwrap()
        };
        // Cutover 12, morning 5, no diary: 04:59 the night of the 2nd, 05:00 the coming night.
        assert_eq!(night("2026-03-03T04:59:00+01:00", 12, 5, None), day(2));
        assert_eq!(night("2026-03-03T05:00:00+01:00", 12, 5, None), day(3));
        // A morning hour at or after the cutover moves nothing: 11:00 is the night of the 2nd.
        assert_eq!(night("2026-03-03T11:00:00+01:00", 12, 12, None), day(2));
        // Cutover 0: every time of the 3rd is already the night of the 3rd.
        assert_eq!(night("2026-03-03T08:00:00+01:00", 0, 5, None), day(3));
        // The diary decides over the morning hour, both ways.
        let woke = Some("2026-03-03T09:00:00+01:00");
        assert_eq!(night("2026-03-03T08:00:00+01:00", 12, 5, woke), day(2));
        assert_eq!(night("2026-03-03T09:00:00+01:00", 12, 5, woke), day(3));
        let early = Some("2026-03-03T04:00:00+01:00");
        assert_eq!(night("2026-03-03T04:30:00+01:00", 12, 5, early), day(3));
        // The evening before the night's end stays on its night.
        assert_eq!(night("2026-03-02T20:00:00+01:00", 12, 5, woke), day(2));
    }

    #[test]
    fn rfc3339_round_trips_with_the_offset() {
        let m = Moment::parse_rfc3339("2026-11-27T02:10:00+01:00").unwrap();
        assert_eq!(m.offset_minutes, 60);
        assert_eq!(m.clock(), "02:10");
        assert_eq!(m.to_rfc3339(), "2026-11-27T02:10:00+01:00");
        assert_eq!(m.night(12), NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    }
}

#[cfg(test)]
mod hand_formatting_tests {
    use super::*;

    /// The hand-written formats and parser agree with chrono's strftime on every day of several
    /// centuries, leap days included, and the parser refuses what chrono refuses.
    #[test]
    fn hand_formatting_matches_chrono() {
        let mut date = NaiveDate::from_ymd_opt(1890, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2110, 12, 31).unwrap();
        while date <= end {
            let iso = iso_date(date);
            assert_eq!(iso, date.format("%Y-%m-%d").to_string());
            assert_eq!(parse_iso_date(&iso), Ok(date));
            assert_eq!(
                crate::views::describe::date_text(date),
                date.format("%a %-d %b %Y").to_string()
            );
            let moment = Moment::from_millis(date_sort_ms(date) + 37 * MINUTE_MS, 90);
            assert_eq!(
                crate::views::describe::moment_text(&moment),
                moment.local().format("%a %-d %b, %H:%M").to_string()
            );
            assert_eq!(moment.clock(), moment.local().format("%H:%M").to_string());
            date = date.succ_opt().unwrap();
        }
        for year in [1, 999, 9999] {
            let d = NaiveDate::from_ymd_opt(year, 2, 28).unwrap();
            assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
            assert_eq!(parse_iso_date(&iso_date(d)), Ok(d));
        }
        for bad in ["2026-02-30", "2026-13-01", "20260101", "2026-01-0a", ""] {
            assert!(parse_iso_date(bad).is_err(), "{bad}");
        }
        // What chrono accepted before (surrounding spaces) still parses.
        assert_eq!(
            parse_iso_date(" 2026-11-27 "),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        );
    }
}
