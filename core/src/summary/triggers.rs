//! Part 5, triggers: for each exposure kind, observed nights with it against observed nights
//! without it — only with at least 5 of each — with the 2×2 table (with / without × symptoms /
//! none), the two-sided Fisher's exact p on symptom nights ([`TwoByTwo::fisher_p`]) and the
//! difference in mean peak (design §4). Something is called an association only when the effect
//! is large enough and p < 0.05; otherwise "no clear difference yet", with the counts. Always an
//! association in this person's data, never a cause. An exposure counts for the night it is
//! attributed to (as the window gives it).

use std::collections::HashMap;

use serde::Serialize;

use crate::format::{
    and_list, one_decimal, p_value_text, percent_text, plural, signed, trimmed_decimal,
};
use crate::summary::fisher::TwoByTwo;
use crate::summary::nights::Window;
use crate::summary::stats::{mean_of, percent};

/// Observed nights needed with, and without, an exposure before comparing them.
pub const MIN_NIGHTS_EACH_SIDE: u32 = 5;
/// An association needs a difference in symptom nights of at least this many percentage
/// points (or a mean-peak difference of at least [`MIN_PEAK_DIFFERENCE`]).
pub const MIN_PERCENT_DIFFERENCE: f64 = 20.0;
/// An association needs a mean-peak difference of at least this many points (or a difference in
/// symptom nights of at least [`MIN_PERCENT_DIFFERENCE`]).
pub const MIN_PEAK_DIFFERENCE: f64 = 1.0;
/// An association needs a two-sided Fisher's exact p below this.
pub const SIGNIFICANCE_LEVEL: f64 = 0.05;
/// Effects closer than this count as equal when naming the strongest association (ties).
const TIE_TOLERANCE: f64 = 1e-9;

/// What a comparison shows.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerVerdict {
    /// Nights with the exposure were worse: an effect of at least [`MIN_PERCENT_DIFFERENCE`]
    /// points or [`MIN_PEAK_DIFFERENCE`] peak points and p < [`SIGNIFICANCE_LEVEL`].
    Worse,
    /// Nights with the exposure were better, by the same rule.
    Better,
    /// The effect is smaller or p is not below [`SIGNIFICANCE_LEVEL`]: no clear difference yet.
    NoClearDifference,
}

impl TriggerVerdict {
    /// A table cell: `worse`, `better`, `no clear difference` (nights with the exposure).
    pub fn short_text(self) -> &'static str {
        match self {
            TriggerVerdict::Worse => "worse",
            TriggerVerdict::Better => "better",
            TriggerVerdict::NoClearDifference => "no clear difference",
        }
    }
}

/// Observed nights with an exposure against observed nights without it: the 2×2 table, Fisher's
/// exact p on symptom nights and the mean-peak difference.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TriggerAssociation {
    /// The exposure kind's code (`caffeine`, `other:chocolate`).
    pub key: String,
    /// Its name (`caffeine`).
    pub label: String,
    /// Observed nights with at least one such exposure (at least [`MIN_NIGHTS_EACH_SIDE`]).
    pub nights_with: u32,
    /// Observed nights without one (at least [`MIN_NIGHTS_EACH_SIDE`]).
    pub nights_without: u32,
    /// Symptom nights among the nights with it (the table's "with × symptoms" cell).
    pub symptom_nights_with: u32,
    /// Symptom nights among the nights without it ("without × symptoms").
    pub symptom_nights_without: u32,
    /// Symptom-free nights among the nights with it ("with × none").
    pub symptom_free_nights_with: u32,
    /// Symptom-free nights among the nights without it ("without × none").
    pub symptom_free_nights_without: u32,
    /// Symptom nights with it, percent of `nights_with`.
    pub symptom_percent_with: f64,
    /// Symptom nights without it, percent of `nights_without`.
    pub symptom_percent_without: f64,
    /// `symptom_percent_with − symptom_percent_without`, percentage points.
    pub symptom_percent_difference: f64,
    /// Mean per-night peak on nights with it; symptom-free observed nights count as 0.
    pub mean_peak_with: f64,
    /// Mean per-night peak on nights without it; symptom-free observed nights count as 0.
    pub mean_peak_without: f64,
    /// `mean_peak_with − mean_peak_without`, points.
    pub mean_peak_difference: f64,
    /// The two-sided Fisher's exact p of the 2×2 table (symptom nights with / without).
    pub fisher_p: f64,
    /// `p = 0.167`, `p < 0.001`.
    pub p_text: String,
    /// Worse, better or no clear difference yet.
    pub verdict: TriggerVerdict,
    /// One or two sentences with the counts, the p-value and the reading, worded as an
    /// association.
    pub text: String,
}

/// An exposure kind seen in the range, but on too few (or too many) observed nights to compare.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TriggerShortfall {
    /// The exposure kind's code.
    pub key: String,
    /// Its name.
    pub label: String,
    /// Observed nights with it.
    pub nights_with: u32,
    /// Observed nights without it.
    pub nights_without: u32,
    /// Why it is not compared.
    pub text: String,
}

/// Part 5: possible triggers in this person's data.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Triggers {
    /// Exposure kinds with enough nights on both sides: associations with worse nights first,
    /// then those with no clear difference, then associations with better nights; within each,
    /// largest mean-peak difference first, then largest symptom-night difference, then by name.
    pub associations: Vec<TriggerAssociation>,
    /// Exposure kinds seen but not compared.
    pub not_enough_data: Vec<TriggerShortfall>,
    /// How many exposure kinds were compared (`associations.len()`).
    pub exposures_compared: u32,
    /// The keys of the strongest association(s) with worse nights — several when their effects
    /// are equal; empty when no comparison is an association with worse nights.
    pub strongest: Vec<String>,
    /// How many were compared, the strongest association if any, and the caveat.
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
                    "{label}: {} with and {} without (needs {MIN_NIGHTS_EACH_SIDE} observed \
                     nights of each to compare)",
                    plural(with.nights, "observed night", "observed nights"),
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
        rank(a.verdict)
            .cmp(&rank(b.verdict))
            .then(b.mean_peak_difference.total_cmp(&a.mean_peak_difference))
            .then(
                b.symptom_percent_difference
                    .total_cmp(&a.symptom_percent_difference),
            )
            .then(a.label.cmp(&b.label))
    });
    let strongest: Vec<&TriggerAssociation> = match associations.first() {
        Some(top) if top.verdict == TriggerVerdict::Worse => associations
            .iter()
            .take_while(|a| {
                a.verdict == TriggerVerdict::Worse
                    && (a.mean_peak_difference - top.mean_peak_difference).abs() < TIE_TOLERANCE
                    && (a.symptom_percent_difference - top.symptom_percent_difference).abs()
                        < TIE_TOLERANCE
            })
            .collect(),
        _ => Vec::new(),
    };
    let compared = u32::try_from(associations.len()).unwrap_or(u32::MAX);
    let text = summary_text(&associations, &strongest);
    let strongest = strongest.iter().map(|a| a.key.clone()).collect();
    Triggers {
        associations,
        not_enough_data: shortfalls,
        exposures_compared: compared,
        strongest,
        text,
    }
}

/// Sort rank of a verdict: worse first, better last.
fn rank(v: TriggerVerdict) -> u8 {
    match v {
        TriggerVerdict::Worse => 0,
        TriggerVerdict::NoClearDifference => 1,
        TriggerVerdict::Better => 2,
    }
}

/// The part's sentence: how many were compared, the rule, the strongest association(s) with
/// worse nights (or none), and the caveat.
fn summary_text(associations: &[TriggerAssociation], strongest: &[&TriggerAssociation]) -> String {
    if associations.is_empty() {
        return format!(
            "No exposure was logged on at least {MIN_NIGHTS_EACH_SIDE} observed nights and absent \
             on at least {MIN_NIGHTS_EACH_SIDE} others, so there is nothing to compare yet."
        );
    }
    let compared = format!(
        "{} compared",
        plural(
            u32::try_from(associations.len()).unwrap_or(u32::MAX),
            "exposure",
            "exposures"
        )
    );
    let count = |v: TriggerVerdict| associations.iter().filter(|a| a.verdict == v).count();
    let (worse, better) = (count(TriggerVerdict::Worse), count(TriggerVerdict::Better));
    let finding = match strongest {
        [] if better == 0 => format!(
            "no clear difference yet for any (an association needs {})",
            rule_text()
        ),
        [] => "none went with worse nights".to_string(),
        [one] => format!(
            "{} went with worse nights; strongest association: {} ({})",
            plural(
                u32::try_from(worse).unwrap_or(u32::MAX),
                "exposure",
                "exposures"
            ),
            one.label,
            table_text(one)
        ),
        many => format!(
            "{} went with worse nights; strongest associations, equal: {}",
            plural(
                u32::try_from(worse).unwrap_or(u32::MAX),
                "exposure",
                "exposures"
            ),
            and_list(&many.iter().map(|a| a.label.clone()).collect::<Vec<_>>())
        ),
    };
    let better_text = if better > 0 {
        let names: Vec<String> = associations
            .iter()
            .filter(|a| a.verdict == TriggerVerdict::Better)
            .map(|a| a.label.clone())
            .collect();
        format!(" Nights with {} were better.", and_list(&names))
    } else {
        String::new()
    };
    format!(
        "{compared}: {finding}.{better_text} These are associations in your own data, not proof of \
         a cause."
    )
}

/// The rule an association must meet, filled from the constants.
pub(crate) fn rule_text() -> String {
    format!(
        "a difference of at least {} points in symptom nights or at least {} in mean peak, and {}",
        trimmed_decimal(MIN_PERCENT_DIFFERENCE),
        trimmed_decimal(MIN_PEAK_DIFFERENCE),
        p_threshold_text()
    )
}

/// The rule in short, for a table's footnote: `≥ 20 points or ≥ 1 peak point, and p < 0.05`.
pub(crate) fn rule_short_text() -> String {
    format!(
        "≥ {} points or ≥ {} peak point, and {}",
        trimmed_decimal(MIN_PERCENT_DIFFERENCE),
        trimmed_decimal(MIN_PEAK_DIFFERENCE),
        p_threshold_text()
    )
}

/// `p < 0.05`, from [`SIGNIFICANCE_LEVEL`].
pub(crate) fn p_threshold_text() -> String {
    format!("p < {SIGNIFICANCE_LEVEL}")
}

/// `symptoms on 5 of 6 observed nights with it, 1 of 6 without; p = 0.080`.
fn table_text(a: &TriggerAssociation) -> String {
    format!(
        "symptoms on {} of {} observed nights with it, {} of {} without; {}",
        a.symptom_nights_with, a.nights_with, a.symptom_nights_without, a.nights_without, a.p_text
    )
}

/// The verdict of a comparison by the rule: a large enough effect and p below the level.
fn verdict(percent_difference: f64, peak_difference: f64, p: f64) -> TriggerVerdict {
    let large = percent_difference.abs() >= MIN_PERCENT_DIFFERENCE
        || peak_difference.abs() >= MIN_PEAK_DIFFERENCE;
    if !(large && p < SIGNIFICANCE_LEVEL) {
        return TriggerVerdict::NoClearDifference;
    }
    // Fisher's test is on symptom nights, so their difference gives the direction; the peak's
    // only when the symptom nights are equal.
    let direction = if percent_difference != 0.0 {
        percent_difference
    } else {
        peak_difference
    };
    if direction > 0.0 {
        TriggerVerdict::Worse
    } else if direction < 0.0 {
        TriggerVerdict::Better
    } else {
        TriggerVerdict::NoClearDifference
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
    let table = TwoByTwo {
        with_symptoms: with.symptom,
        with_none: with.nights.saturating_sub(with.symptom),
        without_symptoms: without.symptom,
        without_none: without.nights.saturating_sub(without.symptom),
    };
    let p = table.fisher_p();
    let p_text = p_value_text(p);
    let verdict = verdict(pw - po, mw - mo, p);
    let reading = match verdict {
        TriggerVerdict::Worse => format!(
            "an association with worse nights in your data, not proof that {label} causes \
             symptoms"
        ),
        TriggerVerdict::Better => format!(
            "an association with better nights in your data, not proof that {label} prevents \
             symptoms"
        ),
        TriggerVerdict::NoClearDifference => "no clear difference yet".to_string(),
    };
    let text = format!(
        "Nights with {label}: symptoms on {} of {} ({}), mean peak {}; without: {} of {} ({}), \
         mean peak {} (symptom-free nights count as 0). Difference {} points in symptom nights, \
         {} in mean peak; {} (Fisher's exact test): {reading}.",
        with.symptom,
        with.nights,
        percent_text(pw),
        one_decimal(mw),
        without.symptom,
        without.nights,
        percent_text(po),
        one_decimal(mo),
        signed(pw - po, 0),
        signed(mw - mo, 1),
        p_text,
    );
    Some(TriggerAssociation {
        key: key.to_string(),
        label: label.to_string(),
        nights_with: with.nights,
        nights_without: without.nights,
        symptom_nights_with: table.with_symptoms,
        symptom_nights_without: table.without_symptoms,
        symptom_free_nights_with: table.with_none,
        symptom_free_nights_without: table.without_none,
        symptom_percent_with: pw,
        symptom_percent_without: po,
        symptom_percent_difference: pw - po,
        mean_peak_with: mw,
        mean_peak_without: mo,
        mean_peak_difference: mw - mo,
        fisher_p: p,
        p_text,
        verdict,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_association_needs_a_large_effect_and_p_below_the_level() {
        use TriggerVerdict::*;
        // Either effect is enough when p < 0.05 …
        assert_eq!(verdict(20.0, 0.0, 0.049), Worse);
        assert_eq!(verdict(19.9, 1.0, 0.049), Worse);
        assert_eq!(verdict(-20.0, -0.5, 0.01), Better);
        // … neither effect large enough: no clear difference, however small p.
        assert_eq!(verdict(19.9, 0.99, 0.000_1), NoClearDifference);
        assert_eq!(verdict(-19.9, -0.99, 0.000_1), NoClearDifference);
        // A large effect without p < 0.05 (exactly 0.05 is not below it).
        assert_eq!(verdict(60.0, 3.6, 0.05), NoClearDifference);
        assert_eq!(verdict(60.0, 3.6, 20.0 / 120.0), NoClearDifference);
        // The direction follows the symptom nights Fisher tests; the peak when they are equal.
        assert_eq!(verdict(25.0, -0.2, 0.01), Worse);
        assert_eq!(verdict(0.0, 1.5, 0.01), Worse);
        assert_eq!(verdict(0.0, 0.0, 0.01), NoClearDifference);
    }
}
