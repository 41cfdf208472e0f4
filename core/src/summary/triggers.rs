//! Part 5, triggers: for each exposure kind, nights with it against logged nights without it —
//! only with at least 3 of each (design §4) — as an association in this person's data, never a
//! cause. An exposure counts for the night it falls in (the cutover rule, as stored).

use std::collections::HashMap;

use serde::Serialize;

use crate::format::{one_decimal, percent_text};
use crate::summary::nights::Window;
use crate::summary::stats::{mean_of, percent};

/// Nights needed with, and without, an exposure before comparing them.
pub const MIN_NIGHTS_EACH_SIDE: u32 = 3;
/// A mean peak at least this many points higher on nights with an exposure marks it as going
/// with clearly worse nights (the report highlights its row).
pub const WORSE_PEAK_DIFFERENCE: f64 = 1.0;

/// Nights with an exposure against logged nights without it.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TriggerAssociation {
    /// The exposure kind's code (`caffeine`, `other:chocolate`).
    pub key: String,
    /// Its name (`caffeine`).
    pub label: String,
    /// Logged nights with at least one such exposure (at least 3).
    pub nights_with: u32,
    /// Logged nights without one (at least 3).
    pub nights_without: u32,
    /// Symptom nights among the nights with it.
    pub symptom_nights_with: u32,
    /// Symptom nights among the nights without it.
    pub symptom_nights_without: u32,
    /// Symptom nights with it, percent of `nights_with`.
    pub symptom_percent_with: f64,
    /// Symptom nights without it, percent of `nights_without`.
    pub symptom_percent_without: f64,
    /// `symptom_percent_with − symptom_percent_without`, percentage points.
    pub symptom_percent_difference: f64,
    /// Mean per-night peak (symptom-free nights 0) on nights with it.
    pub mean_peak_with: f64,
    /// Mean per-night peak on nights without it.
    pub mean_peak_without: f64,
    /// `mean_peak_with − mean_peak_without`, points: the effect the list is sorted by.
    pub mean_peak_difference: f64,
    /// Whether `mean_peak_difference` is at least [`WORSE_PEAK_DIFFERENCE`]: nights with it
    /// were clearly worse.
    pub clearly_worse: bool,
    /// One sentence, worded as an association.
    pub text: String,
}

/// An exposure kind seen in the range, but on too few (or too many) nights to compare.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TriggerShortfall {
    /// The exposure kind's code.
    pub key: String,
    /// Its name.
    pub label: String,
    /// Logged nights with it.
    pub nights_with: u32,
    /// Logged nights without it.
    pub nights_without: u32,
    /// Why it is not compared.
    pub text: String,
}

/// Part 5: possible triggers in this person's data.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Triggers {
    /// Exposure kinds with enough nights on both sides, largest mean-peak difference first
    /// (then largest symptom-rate difference): worsening associations first, apparently
    /// protective ones last.
    pub associations: Vec<TriggerAssociation>,
    /// Exposure kinds seen but not compared.
    pub not_enough_data: Vec<TriggerShortfall>,
    /// The caveat and a one-line reading.
    pub text: String,
}

struct Side {
    nights: u32,
    symptom: u32,
    peak_sum: u32,
}

/// Builds part 5.
pub(crate) fn build(window: &Window) -> Triggers {
    // Night positions per exposure kind, in first-seen order.
    let mut order: Vec<(String, String)> = Vec::new();
    let mut nights_of: HashMap<String, Vec<usize>> = HashMap::new();
    for x in &window.exposures {
        let Some(i) = window.index_of(x.night) else {
            continue;
        };
        let key = x.kind.to_text();
        let list = nights_of.entry(key.clone()).or_insert_with(|| {
            order.push((key, x.kind.display_name()));
            Vec::new()
        });
        list.push(i);
    }
    let mut total = Side {
        nights: 0,
        symptom: 0,
        peak_sum: 0,
    };
    for c in window.cells.iter().filter(|c| c.observed) {
        total.nights += 1;
        total.symptom += u32::from(c.episodes > 0);
        total.peak_sum += u32::from(c.peak);
    }
    let mut associations = Vec::new();
    let mut shortfalls = Vec::new();
    for (key, label) in order {
        let mut nights = nights_of.remove(&key).unwrap_or_default();
        nights.sort_unstable();
        nights.dedup();
        let mut with = Side {
            nights: 0,
            symptom: 0,
            peak_sum: 0,
        };
        // Only observed nights count: an exposure on a night nobody described is no "night
        // with" (issue 14 item 1).
        for c in nights
            .iter()
            .filter_map(|&i| window.cells.get(i))
            .filter(|c| c.observed)
        {
            with.nights += 1;
            with.symptom += u32::from(c.episodes > 0);
            with.peak_sum += u32::from(c.peak);
        }
        let without = Side {
            nights: total.nights.saturating_sub(with.nights),
            symptom: total.symptom.saturating_sub(with.symptom),
            peak_sum: total.peak_sum.saturating_sub(with.peak_sum),
        };
        match compare(&key, &label, &with, &without) {
            Some(a) => associations.push(a),
            None => shortfalls.push(TriggerShortfall {
                text: format!(
                    "{label}: {} with and {} without (needs {MIN_NIGHTS_EACH_SIDE} of each to compare)",
                    crate::format::nights_text(with.nights),
                    without.nights
                ),
                key,
                label,
                nights_with: with.nights,
                nights_without: without.nights,
            }),
        }
    }
    associations.sort_by(|a, b| {
        b.mean_peak_difference
            .total_cmp(&a.mean_peak_difference)
            .then(
                b.symptom_percent_difference
                    .total_cmp(&a.symptom_percent_difference),
            )
            .then(a.label.cmp(&b.label))
    });
    let text = match associations.first() {
        _ if associations.is_empty() => format!(
            "No exposure was logged on at least {MIN_NIGHTS_EACH_SIDE} nights and absent on at \
             least {MIN_NIGHTS_EACH_SIDE} others, so there is nothing to compare yet."
        ),
        Some(a) if a.mean_peak_difference > 0.0 => format!(
            "Strongest association: {}. These are associations in your own data, not proof of a \
             cause.",
            a.label
        ),
        _ => "No exposure went with worse nights. These are associations in your own data, not \
              proof of a cause."
            .to_string(),
    };
    Triggers {
        associations,
        not_enough_data: shortfalls,
        text,
    }
}

fn compare(key: &str, label: &str, with: &Side, without: &Side) -> Option<TriggerAssociation> {
    if with.nights < MIN_NIGHTS_EACH_SIDE || without.nights < MIN_NIGHTS_EACH_SIDE {
        return None;
    }
    let pw = percent(with.symptom, with.nights)?;
    let po = percent(without.symptom, without.nights)?;
    let mw = mean_of(f64::from(with.peak_sum), with.nights)?;
    let mo = mean_of(f64::from(without.peak_sum), without.nights)?;
    let text = format!(
        "Nights with {label}: symptoms on {} of {} ({}), mean peak {}; without: {} of {} ({}), \
         mean peak {}. An association in your data, not proof that {label} causes symptoms.",
        with.symptom,
        with.nights,
        percent_text(pw),
        one_decimal(mw),
        without.symptom,
        without.nights,
        percent_text(po),
        one_decimal(mo),
    );
    Some(TriggerAssociation {
        key: key.to_string(),
        label: label.to_string(),
        nights_with: with.nights,
        nights_without: without.nights,
        symptom_nights_with: with.symptom,
        symptom_nights_without: without.symptom,
        symptom_percent_with: pw,
        symptom_percent_without: po,
        symptom_percent_difference: pw - po,
        mean_peak_with: mw,
        mean_peak_without: mo,
        mean_peak_difference: mw - mo,
        clearly_worse: mw - mo >= WORSE_PEAK_DIFFERENCE,
        text,
    })
}
