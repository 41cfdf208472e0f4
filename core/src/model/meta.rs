//! Bookkeeping every stored record carries: creation, last change, tombstone; the rules those
//! stamps obey wherever they come from; and the one canonical spelling of a record id.
//!
//! # Merging under skewed clocks
//!
//! Two copies of a record are merged by their `updated_at` stamp: the later stamp wins, an equal
//! one changes nothing. Stamps come from device clocks, which can be wrong, so three rules keep
//! a wrong clock from doing lasting harm:
//!
//! 1. A stamp is accepted only inside a window: not before [`EARLIEST_STAMP_MS`], and not more
//!    than [`CLOCK_SKEW_ALLOWANCE_MS`] after the importing device's own clock. A backup stamped
//!    in the year 9999 is refused, not merged; a device whose clock runs ahead by less than the
//!    allowance wins merges against honest devices only for that long.
//! 2. A change made here is always stamped later than the version it changed (`max(now, old +
//!    1 ms)`), so an edit of a record imported with a clock-ahead stamp still wins the next merge
//!    and is never undone by re-importing the older backup. Settings follow the same rule.
//! 3. The journal never writes a stamp outside the window: its own stamps are at least
//!    [`EARLIEST_STAMP_MS`] (a phone whose clock reset to 1970 still writes importable stamps),
//!    and they move past `now` only by the 1 ms steps of rule 2 over a stamp that was itself
//!    inside the window.
//!
//! Within a record, `created_at <= updated_at` and `created_at <= deleted_at`.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::error::{JournalError, Result};
use crate::time::{rfc3339_utc, HOUR_MS};

/// The earliest record or settings stamp accepted: 2000-01-01T00:00:00Z, in epoch ms. Nothing in
/// this journal was saved earlier; a stamp before it is a broken clock or a broken file.
pub const EARLIEST_STAMP_MS: i64 = 946_684_800_000;

/// How far into the future (by this device's clock) a stamp from elsewhere may lie: 24 hours,
/// enough for a device set to the wrong day or time zone, too little for a stale stamp to
/// outlive the edits made after it.
pub const CLOCK_SKEW_ALLOWANCE_MS: i64 = 24 * HOUR_MS;

/// When a record was created, last changed and (soft-)deleted.
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    /// When the record was first saved.
    #[serde(with = "rfc3339_utc")]
    pub created_at: SystemTime,
    /// When the record was last changed (a later change wins when merging backups).
    #[serde(with = "rfc3339_utc")]
    pub updated_at: SystemTime,
    /// When the record was deleted; `None` while it is live. Deleted records can be restored.
    // Left out of JSON while live: the records the views show are live, and `cli/README.md`
    // promises only `created_at` and `updated_at`.
    #[serde(
        with = "rfc3339_utc::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<SystemTime>,
}

/// The stamp the journal writes for a change made now: the clock, but never before
/// [`EARLIEST_STAMP_MS`].
pub fn own_stamp(now_ms: i64) -> i64 {
    now_ms.max(EARLIEST_STAMP_MS)
}

/// Checks one stamp from elsewhere against the window (rule 1 above); `what` names it in the
/// error ("the change time").
pub fn check_stamp(what: &str, stamp_ms: i64, clock_ms: i64) -> Result<i64> {
    if stamp_ms < EARLIEST_STAMP_MS {
        return Err(JournalError::invalid(what, "is before the year 2000"));
    }
    if stamp_ms > clock_ms.saturating_add(CLOCK_SKEW_ALLOWANCE_MS) {
        return Err(JournalError::invalid(
            what,
            "is more than 24 hours ahead of this device's clock",
        ));
    }
    Ok(stamp_ms)
}

/// Checks a record's three stamps from elsewhere: each inside the window, changed and deleted
/// no earlier than created.
pub fn check_record_stamps(
    created_ms: i64,
    updated_ms: i64,
    deleted_ms: Option<i64>,
    clock_ms: i64,
) -> Result<()> {
    check_stamp("created_at", created_ms, clock_ms)?;
    check_stamp("updated_at", updated_ms, clock_ms)?;
    if updated_ms < created_ms {
        return Err(JournalError::invalid(
            "updated_at",
            "is before created_at: the record was updated before it was created",
        ));
    }
    if let Some(deleted) = deleted_ms {
        check_stamp("deleted_at", deleted, clock_ms)?;
        if deleted < created_ms {
            return Err(JournalError::invalid(
                "deleted_at",
                "is before created_at: the record was deleted before it was created",
            ));
        }
    }
    Ok(())
}

/// The canonical spelling of a record id: a UUID in lower-case hyphenated form. Every other way
/// of writing the same UUID (upper case, braces, `urn:uuid:`, no hyphens) maps to it, so the
/// same record is never stored twice under two spellings. `None` if `text` is not a UUID.
pub fn canonical_id(text: &str) -> Option<String> {
    // A UUID is at most 45 characters in any accepted form; do not parse megabytes.
    if text.len() > 64 {
        return None;
    }
    uuid::Uuid::parse_str(text.trim())
        .ok()
        .map(|u| u.hyphenated().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_uuid_has_one_canonical_form() {
        let canonical = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        for spelling in [
            canonical,
            "0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B",
            "{0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}",
            "urn:uuid:0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
            "0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
        ] {
            assert_eq!(
                canonical_id(spelling).as_deref(),
                Some(canonical),
                "{spelling}"
            );
        }
        assert_eq!(canonical_id("not-a-uuid"), None);
        assert_eq!(canonical_id(&"0".repeat(10_000)), None);
    }

    #[test]
    fn stamps_outside_the_window_are_refused() {
        let clock = 1_800_000_000_000;
        assert!(check_stamp("t", clock + CLOCK_SKEW_ALLOWANCE_MS, clock).is_ok());
        assert!(check_stamp("t", clock + CLOCK_SKEW_ALLOWANCE_MS + 1, clock).is_err());
        assert!(check_stamp("t", EARLIEST_STAMP_MS - 1, clock).is_err());
        assert!(check_record_stamps(clock, clock - 1, None, clock).is_err());
        assert!(check_record_stamps(clock, clock, Some(clock - 1), clock).is_err());
        assert!(check_record_stamps(clock, clock + 5, Some(clock + 1), clock).is_ok());
        assert_eq!(own_stamp(0), EARLIEST_STAMP_MS);
    }
}
