//! "Since the last visit" (issue 21): the report's default range runs from the day after the
//! latest past clinician visit to the last completed night, and is compared with the previous
//! period of equal length. Without a past visit, or when the last one is too recent for a
//! period to say anything, the report keeps its usual 30 nights; a visit more than a year ago
//! gives the longest report (366 nights). The upcoming visit (today or later) carries the
//! person's question for it.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::export::pdf::options::{DEFAULT_REPORT_NIGHTS, MAX_REPORT_NIGHTS};
use crate::format::{date_text, day_month, day_month_year, nights_text};
use crate::journal::Journal;
use crate::model::entry::Entry;
use crate::model::visit::Visit;
use crate::settings::Settings;
use crate::store::entries::RowKind;
use crate::store::{queries, records};
use crate::summary::changes::previous_range;
use crate::summary::NightRange;
use crate::time::{today_local, Moment};
use chrono::Datelike;

/// The fewest nights a "since the last visit" period has; a more recent visit falls back to the
/// usual 30 nights. Two weeks: the key figures' change rule needs 5 observed nights a side
/// (`summary::changes`), the augmentation baseline and the default summary are 14 nights, and
/// the IRLS asks about the past week, so a shorter period leaves little to compare.
pub const MIN_SINCE_VISIT_NIGHTS: i64 = 14;

/// Why the report's default range is what it is.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodBasis {
    /// From the day after the last past visit to the last completed night.
    SinceLastVisit,
    /// No past visit is recorded: the usual 30 nights.
    NoPastVisit,
    /// The last visit is less than 14 nights ago: the usual 30 nights.
    LastVisitTooRecent,
    /// The last visit is more than 366 nights ago: the longest report, 366 nights.
    LastVisitLongAgo,
}

/// The report's default period and the visits around it.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct VisitPeriod {
    /// The nights the report covers by default.
    pub range: NightRange,
    /// The previous period of equal length it is compared with; `None` before the year 1900.
    pub previous: Option<NightRange>,
    /// Why the range is what it is.
    pub basis: PeriodBasis,
    /// The latest visit before today, if any.
    pub last_visit: Option<Visit>,
    /// The next visit (today or later, the earliest), if any: its question goes on the report.
    pub next_visit: Option<Visit>,
    /// One sentence naming the range and why, e.g. `Since the last visit on Sat 11 Oct 2025:
    /// 50 nights, Sun 12 Oct – Sun 30 Nov 2025.`
    pub text: String,
    /// The exact ranges compared, e.g. `12 Oct – 30 Nov 2025 vs 23 Aug – 11 Oct 2025`; empty
    /// without a previous period.
    pub comparison: String,
}

/// `12 Oct – 30 Nov 2025` (one year named once when both dates share it).
pub fn short_range(range: &NightRange) -> String {
    if range.first == range.last {
        day_month_year(range.last)
    } else if range.first.year() == range.last.year() {
        format!(
            "{} – {}",
            day_month(range.first),
            day_month_year(range.last)
        )
    } else {
        format!(
            "{} – {}",
            day_month_year(range.first),
            day_month_year(range.last)
        )
    }
}

/// The label of a comparison: `12 Oct – 30 Nov 2025 vs 23 Aug – 11 Oct 2025`; empty without a
/// previous range.
pub fn comparison_label(range: &NightRange, previous: Option<&NightRange>) -> String {
    previous.map_or_else(String::new, |p| {
        format!("{} vs {}", short_range(range), short_range(p))
    })
}

/// Every live visit, oldest first.
pub(crate) fn all_visits(conn: &Connection) -> Result<Vec<Visit>> {
    let rows = queries::rows_of_kind(conn, RowKind::Visit)?;
    Ok(records::entries_from(conn, &rows)?
        .entries
        .into_iter()
        .filter_map(|e| match e {
            Entry::Visit { visit } => Some(visit),
            _ => None,
        })
        .collect())
}

/// The default period at `now`.
pub(crate) fn build(conn: &Connection, settings: &Settings, now: &Moment) -> Result<VisitPeriod> {
    let today = today_local(now);
    let last = NightRange::default_at(now, settings).last;
    let visits = all_visits(conn)?;
    let last_visit = visits
        .iter()
        .filter(|v| v.data.visit_on < today)
        .max_by_key(|v| (v.data.visit_on, v.meta.created_at))
        .cloned();
    let next_visit = visits
        .iter()
        .filter(|v| v.data.visit_on >= today)
        .min_by_key(|v| (v.data.visit_on, v.meta.created_at))
        .cloned();
    let ending = |nights: i64| NightRange {
        first: last - chrono::Duration::days(nights - 1),
        last,
    };
    let (range, basis) = match &last_visit {
        None => (ending(DEFAULT_REPORT_NIGHTS), PeriodBasis::NoPastVisit),
        Some(v) => {
            let first = v.data.visit_on + chrono::Duration::days(1);
            let nights = (last - first).num_days() + 1;
            if nights < MIN_SINCE_VISIT_NIGHTS {
                (
                    ending(DEFAULT_REPORT_NIGHTS),
                    PeriodBasis::LastVisitTooRecent,
                )
            } else if nights > MAX_REPORT_NIGHTS {
                (ending(MAX_REPORT_NIGHTS), PeriodBasis::LastVisitLongAgo)
            } else {
                (NightRange { first, last }, PeriodBasis::SinceLastVisit)
            }
        }
    };
    let range = range.validated()?;
    let previous = previous_range(&range);
    let span = format!(
        "{}, {}",
        nights_text(range.nights()),
        crate::format::range_text(range.first, range.last)
    );
    let visit_day = last_visit
        .as_ref()
        .map(|v| date_text(v.data.visit_on))
        .unwrap_or_default();
    let text = match basis {
        PeriodBasis::SinceLastVisit => format!("Since the last visit on {visit_day}: {span}."),
        PeriodBasis::NoPastVisit => format!("No past visit recorded: the last {span}."),
        PeriodBasis::LastVisitTooRecent => format!(
            "The last visit ({visit_day}) is less than {} ago: the last {span}.",
            nights_text(MIN_SINCE_VISIT_NIGHTS)
        ),
        PeriodBasis::LastVisitLongAgo => format!(
            "The last visit ({visit_day}) is more than a year ago: the longest report, {span}."
        ),
    };
    Ok(VisitPeriod {
        comparison: comparison_label(&range, previous.as_ref()),
        range,
        previous,
        basis,
        last_visit,
        next_visit,
        text,
    })
}

#[uniffi::export]
impl Journal {
    /// The report's default period ("since the last visit") and the visits around it: from the
    /// day after the latest past visit to the last completed night, compared with the previous
    /// period of equal length; the usual 30 nights without a past visit or when the last one is
    /// less than 14 nights ago; 366 nights when it is more than a year ago. The Share screen's
    /// default and `report_pdf`'s range when none is given.
    pub fn visit_period(&self) -> Result<VisitPeriod> {
        self.visit_period_at(Moment::now())
    }
}

impl Journal {
    /// [`Journal::visit_period`] as if it were `now`.
    pub fn visit_period_at(&self, now: Moment) -> Result<VisitPeriod> {
        self.read(|conn, settings| build(conn, settings, &now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn labels_name_the_exact_ranges() {
        let range = NightRange {
            first: d(2025, 10, 12),
            last: d(2025, 11, 30),
        };
        let previous = previous_range(&range);
        assert_eq!(
            comparison_label(&range, previous.as_ref()),
            "12 Oct – 30 Nov 2025 vs 23 Aug – 11 Oct 2025"
        );
        let across = NightRange {
            first: d(2025, 12, 20),
            last: d(2026, 1, 10),
        };
        assert_eq!(short_range(&across), "20 Dec 2025 – 10 Jan 2026");
        assert_eq!(comparison_label(&range, None), "");
    }
}
