//! The drug-safety check-ins of a range (issue 21): how many weekly check-ins were made while a
//! dopamine agonist or levodopa was taken, and every "yes" with its date. Impulse-control
//! disorders (gambling, shopping, eating, sexual urges) and sudden sleep onset are labelled
//! adverse effects of these drugs (AASM 2024 guideline, Winkelman et al.; product labelling of
//! pramipexole, ropinirole, rotigotine and levodopa). The part records and counts; it never
//! advises a change of treatment.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::format::{date_text, plural};
use crate::model::entry::Entry;
use crate::model::kinds::SafetyItem;
use crate::model::treatment::Treatment;
use crate::store::entries::RowKind;
use crate::store::{queries, records};
use crate::summary::stats::count;
use crate::summary::NightRange;
use crate::time::LocalDate;

/// Where the part's source is named (the discuss point and the definitions).
pub const SAFETY_SOURCE: &str = "AASM 2024 guideline; product labelling";

/// One check-in with at least one "yes".
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct SafetyYes {
    /// The day of the check-in.
    pub checked_on: LocalDate,
    /// The items answered "yes".
    pub items: Vec<SafetyItem>,
}

/// The drug-safety check-ins of a range.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct SafetyChecks {
    /// Whether a dopamine agonist or levodopa was taken on any day of the range (the check-ins
    /// are asked for while one is).
    pub on_dopaminergic: bool,
    /// Check-ins made in the range.
    pub check_ins: u32,
    /// The check-ins with any "yes", oldest first.
    pub with_yes: Vec<SafetyYes>,
    /// One sentence with the counts, e.g. `4 weekly check-ins; 1 with a yes: urges to gamble
    /// (Mon 3 Nov 2025).`; empty when there is neither a check-in nor such a treatment.
    pub text: String,
}

impl SafetyChecks {
    /// Whether any answer in the range was "yes" (then it is a point to discuss).
    pub fn any_yes(&self) -> bool {
        !self.with_yes.is_empty()
    }
}

/// Whether a dopamine agonist or levodopa is taken on some day of `first..=last`.
pub fn dopaminergic_between(treatments: &[Treatment], first: LocalDate, last: LocalDate) -> bool {
    treatments.iter().any(|t| {
        let d = &t.data;
        d.category.is_dopaminergic()
            && d.started_on <= last
            && d.stopped_on.is_none_or(|stop| stop >= first)
    })
}

/// The check-ins of `range`.
pub(crate) fn build(
    conn: &Connection,
    range: &NightRange,
    treatments: &[Treatment],
) -> Result<SafetyChecks> {
    let rows = queries::kind_rows_between(conn, RowKind::SafetyCheck, range.first, range.last)?;
    // A damaged check-in is listed by the summary's notes on damaged records; it is left out here.
    let checks: Vec<_> = records::entries_from(conn, &rows)?
        .entries
        .into_iter()
        .filter_map(|e| match e {
            Entry::SafetyCheck { check } => Some(check.data),
            _ => None,
        })
        .collect();
    let with_yes: Vec<SafetyYes> = checks
        .iter()
        .filter(|c| c.any_yes())
        .map(|c| SafetyYes {
            checked_on: c.checked_on,
            items: c.answered_yes.clone(),
        })
        .collect();
    let on_dopaminergic = dopaminergic_between(treatments, range.first, range.last);
    let check_ins = count(checks.len());
    let text = words(on_dopaminergic, check_ins, &with_yes);
    Ok(SafetyChecks {
        on_dopaminergic,
        check_ins,
        with_yes,
        text,
    })
}

/// Each item answered "yes" with its dates: `urges to gamble (Mon 3 Nov 2025, Mon 10 Nov
/// 2025); sexual urges (Mon 10 Nov 2025)`.
pub fn yes_items_text(with_yes: &[SafetyYes]) -> String {
    let mut parts = Vec::new();
    for item in SafetyItem::ALL {
        let dates: Vec<String> = with_yes
            .iter()
            .filter(|y| y.items.contains(item))
            .map(|y| date_text(y.checked_on))
            .collect();
        if !dates.is_empty() {
            parts.push(format!("{} ({})", item.display_name(), dates.join(", ")));
        }
    }
    parts.join("; ")
}

fn words(on_dopaminergic: bool, check_ins: u32, with_yes: &[SafetyYes]) -> String {
    let made = plural(check_ins, "drug-safety check-in", "drug-safety check-ins");
    match (check_ins, with_yes.is_empty()) {
        (0, _) if on_dopaminergic => "No drug-safety check-in was recorded in this period \
             while a dopamine agonist or levodopa was taken."
            .to_string(),
        (0, _) => String::new(),
        (_, true) => format!("{made}; every answer no."),
        (_, false) => format!(
            "{made}; {} with a yes: {}.",
            with_yes.len(),
            yes_items_text(with_yes)
        ),
    }
}

/// The point to discuss when any answer was "yes": worded to the clinician, with its source and
/// counts, never advice.
pub fn discuss_text(s: &SafetyChecks) -> String {
    format!(
        "Yes in {} of {} weekly check-ins: {}. Impulse-control disorders and sudden sleep onset \
         are labelled adverse effects of dopamine agonists and levodopa ({SAFETY_SOURCE}).",
        s.with_yes.len(),
        s.check_ins,
        yes_items_text(&s.with_yes)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> LocalDate {
        LocalDate::from_ymd_opt(2025, 11, d).unwrap_or_default()
    }

    #[test]
    fn words_carry_counts_and_dates() {
        assert_eq!(words(false, 0, &[]), "");
        assert!(words(true, 0, &[]).starts_with("No drug-safety check-in"));
        assert_eq!(
            words(true, 2, &[]),
            "2 drug-safety check-ins; every answer no."
        );
        let yes = vec![
            SafetyYes {
                checked_on: day(3),
                items: vec![SafetyItem::Gambling],
            },
            SafetyYes {
                checked_on: day(10),
                items: vec![SafetyItem::Gambling, SafetyItem::FallingAsleep],
            },
        ];
        assert_eq!(
            words(true, 3, &yes),
            "3 drug-safety check-ins; 2 with a yes: urges to gamble (Mon 3 Nov 2025, \
             Mon 10 Nov 2025); falling asleep unintentionally in the daytime (Mon 10 Nov 2025)."
        );
    }
}
