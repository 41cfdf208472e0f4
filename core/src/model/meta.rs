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
//!
//! # Merge rules between devices (sync)
//!
//! Devices exchange whole snapshots (backup documents) and each merges the others' with
//! `export::backup::import_sync`. Whatever the order, the number of deliveries and which device
//! saw what first, every device ends with the same records, because every choice below depends
//! only on the versions themselves, never on which side is "here":
//!
//! 4. **One total order on the versions of a record** ([`version_order`]): the later
//!    `updated_at` wins; at an equal stamp a deleted version beats a live one; then the greater
//!    stored JSON (`data`, compared byte for byte); then the later `deleted_at`, then the later
//!    `created_at`. Versions equal in all of these are the same version: nothing changes.
//!    Settings likewise: the later stamp wins, at an equal stamp the greater JSON of the values.
//! 5. **One live record per night** (a sleep diary, a "no symptoms" answer): when a merge
//!    would leave two live ones on a night, the one with the greater (`updated_at`, id) stays
//!    live; the other is kept, not lost, as a deleted record stamped (`updated_at` and
//!    `deleted_at`) with the greater of the two `updated_at`s ([`night_clash`]), so every device
//!    computes the same tombstone. It can be restored like any deleted record once its night is
//!    free (delete the winner first), and that restore travels like any other change. Undo never
//!    offers it: it was not the person's delete (`store::entries::last_deleted` tells it by
//!    this rule: a tombstone stamped no earlier than the live winner was created).
//! 6. **Rules between records that concurrent valid edits can break** (a relief attempt now
//!    before its episode's edited start) do not refuse a peer's file: both records are kept and
//!    views, summaries and reports read them as they are. The manual import still refuses them.
//! 7. **Structural damage is refused whole**, in sync as in a manual import: an unknown kind,
//!    malformed data, a record changing kind, a relief attempt changing episode, a child
//!    without its parent, a record id twice, stamps outside the window of rule 1. The journal
//!    is then unchanged and the file can be retried later (a stamp ahead of this clock is
//!    accepted once this clock has caught up).

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

/// One version of a stored record, as [`version_order`] compares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version<'a> {
    /// When it was last changed, epoch ms.
    pub updated_ms: i64,
    /// When it was deleted, epoch ms; `None` while live.
    pub deleted_ms: Option<i64>,
    /// The stored record JSON.
    pub data: &'a str,
    /// When it was created, epoch ms.
    pub created_ms: i64,
}

/// The total order of two versions of one record (merge rule 4): `Greater` when `a` wins.
/// `Equal` only when every compared field is equal, so two devices never keep different
/// versions of a record with the same stamp.
pub fn version_order(a: &Version<'_>, b: &Version<'_>) -> std::cmp::Ordering {
    a.updated_ms
        .cmp(&b.updated_ms)
        .then(a.deleted_ms.is_some().cmp(&b.deleted_ms.is_some()))
        .then_with(|| a.data.as_bytes().cmp(b.data.as_bytes()))
        .then(a.deleted_ms.cmp(&b.deleted_ms))
        .then(a.created_ms.cmp(&b.created_ms))
}

/// The outcome of two live records on a night that holds one (merge rule 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NightClash {
    /// Whether the first record stays live (otherwise the second does).
    pub first_stays: bool,
    /// The `updated_at` and `deleted_at` the other one is kept with, as a deleted record.
    pub loser_stamp_ms: i64,
}

/// Decides which of two live records on one night stays live (the greater `updated_at`, then the
/// greater id) and the stamp of the other's tombstone (the greater `updated_at`), from the pair
/// alone, so every device decides the same.
pub fn night_clash(first: (i64, &str), second: (i64, &str)) -> NightClash {
    NightClash {
        first_stays: first > second,
        loser_stamp_ms: first.0.max(second.0),
    }
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
    fn versions_have_one_total_order() {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let v = |updated_ms, deleted_ms, data| Version {
            updated_ms,
            deleted_ms,
            data,
            created_ms: 1,
        };
        // The later stamp wins whatever else differs.
        assert_eq!(
            version_order(&v(6, None, "a"), &v(5, Some(5), "z")),
            Greater
        );
        // At an equal stamp a deletion beats a live version, then the greater data.
        assert_eq!(
            version_order(&v(5, Some(5), "a"), &v(5, None, "z")),
            Greater
        );
        assert_eq!(version_order(&v(5, None, "a"), &v(5, None, "b")), Less);
        assert_eq!(
            version_order(&v(5, Some(4), "a"), &v(5, Some(5), "a")),
            Less
        );
        assert_eq!(version_order(&v(5, None, "a"), &v(5, None, "a")), Equal);
        // Antisymmetric: whichever side is "here", the same version wins.
        let all = [
            v(5, None, "a"),
            v(5, None, "b"),
            v(5, Some(5), "a"),
            v(5, Some(3), "b"),
            v(4, None, "c"),
        ];
        for a in &all {
            for b in &all {
                assert_eq!(version_order(a, b), version_order(b, a).reverse());
            }
        }
    }

    #[test]
    fn a_night_clash_has_the_same_outcome_from_either_side() {
        let a = (10, "0193a1b2-0000-7000-8000-000000000001");
        let b = (10, "0193a1b2-0000-7000-8000-000000000002");
        let c = (12, "0193a1b2-0000-7000-8000-000000000000");
        assert!(!night_clash(a, b).first_stays);
        assert!(night_clash(b, a).first_stays);
        assert_eq!(night_clash(a, b).loser_stamp_ms, 10);
        assert!(night_clash(c, b).first_stays);
        assert_eq!(night_clash(b, c).loser_stamp_ms, 12);
        assert_eq!(night_clash(c, b).loser_stamp_ms, 12);
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
