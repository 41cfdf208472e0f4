//! The watch's sentences: its rules and scope as the definitions state them, the baseline
//! sentence and the short per-treatment line of the report, all filled from the constants.

use crate::format::{
    minutes_text, nights_text, number_text, one_decimal, percent_text, plural, range_text,
};
use crate::summary::augmentation::{
    AugmentationBaseline, AugmentationSign, AugmentationSignKind, AugmentationStatus,
    AugmentationWatch, BASELINE_LOOKBACK_NIGHTS, DAYTIME_END_HOUR, DAYTIME_MORE_DAYS_PER_WEEK,
    INTENSITY_HIGHER_POINTS, LATENCY_SHORTER_MINUTES, LATENCY_SHORTER_SHARE, MIN_LOGGED_PER_WINDOW,
    MIN_VALUES_PER_SIGN, ONSET_MODERATE_MINUTES, ONSET_STRONG_MINUTES, RELIEF_SHORTER_HOURS,
    RELIEF_SHORTER_SHARE, WATCH_NIGHTS,
};
use crate::time::LocalDate;

/// The MPI criteria (the source of the watch's rules).
pub const MPI_SOURCE: &str = "MPI criteria: García-Borreguero et al. 2007, Sleep Med 8:520–530";
/// The Augmentation Severity Rating Scale (the source of the daytime measure).
pub const ASRS_SOURCE: &str = "ASRS: García-Borreguero et al. 2007, Sleep Med 8:455–463";
/// The AASM guideline that advises against the standard use of dopaminergic drugs.
pub const AASM_SOURCE: &str = "Winkelman et al., J Clin Sleep Med 2025";

/// Minutes as whole or fractional hours: `4 h`, `2.5 h`.
pub(super) fn hours_text(minutes: f64) -> String {
    format!("{} h", number_text(minutes / 60.0))
}

/// `2–4 h`: the onset change that is a sign together with one other.
pub(super) fn onset_moderate_text() -> String {
    format!(
        "{}–{}",
        number_text(ONSET_MODERATE_MINUTES / 60.0),
        hours_text(ONSET_STRONG_MINUTES)
    )
}

/// The watch's rules, in plain words with their sources (the definitions part).
pub(crate) fn definition_text(morning_hour: i32) -> String {
    format!(
        "While a dopamine agonist or levodopa is taken, the latest {n} nights are compared with a \
         baseline: the {n} observed nights before the start (looked for in the \
         {lookback} before it) when they exist, else the first {n} observed nights on it. Onset \
         is the first onset of each observed night (episodes that woke the person left out), \
         timed from {morning_hour:02}:00, so 10:00 counts as earlier than 23:00. Possible signs \
         ({MPI_SOURCE}): onset {strong} or more earlier, or {moderate} earlier plus one of: \
         latency at rest shorter (by ≥ {lat_share} and ≥ {lat_min}), spread beyond the legs \
         (arms or trunk, none at baseline), mean peak on symptom nights higher (by ≥ {peak}), \
         time from a dose to the next episode shorter (by ≥ {rel_share} and ≥ {rel_h}), or days \
         with symptoms starting {morning_hour:02}:00–{DAYTIME_END_HOUR:02}:00 up by ≥ {day} a \
         week (how early in the day symptoms start is rated by the {ASRS_SOURCE}; counting it \
         here is this journal's addition). {moderate} earlier with none of these met and one \
         of them not measurable: inconclusive — discuss. Each window needs \
         {MIN_LOGGED_PER_WINDOW} observed nights and each measure {MIN_VALUES_PER_SIGN} \
         values. The AASM 2024 guideline ({AASM_SOURCE}) advises against the standard use of dopamine agonists and \
         levodopa, largely because of augmentation. Possible signs to discuss, never a \
         diagnosis.",
        n = WATCH_NIGHTS,
        lookback = nights_text(BASELINE_LOOKBACK_NIGHTS),
        strong = hours_text(ONSET_STRONG_MINUTES),
        moderate = onset_moderate_text(),
        lat_share = percent_text(LATENCY_SHORTER_SHARE * 100.0),
        lat_min = minutes_text(LATENCY_SHORTER_MINUTES),
        peak = plural(INTENSITY_HIGHER_POINTS as i64, "point", "points"),
        rel_share = percent_text(RELIEF_SHORTER_SHARE * 100.0),
        rel_h = hours_text(RELIEF_SHORTER_HOURS * 60.0),
        day = plural(DAYTIME_MORE_DAYS_PER_WEEK as i64, "day", "days"),
    )
}

/// What the watch assesses and what it cannot judge (the definitions part and the watch).
pub(crate) fn scope_text() -> String {
    "Assessed from the journal: the MPI criteria's measurable items (earlier onset, shorter \
     latency at rest, spread to other body parts, higher intensity, shorter relief after a dose) \
     and daytime symptoms. Not judged: whether symptoms are worse on at least 5 days a week \
     than before treatment, a paradoxical response to dose changes (worse after an increase, \
     better after a decrease), whether the drug helped at first, and whether another cause \
     (low iron, another medicine, another illness) explains a change: these need a clinician."
        .into()
}

/// The scope sentence of one watch: [`scope_text`], and without nights before the start, that
/// the comparison with before treatment is not possible.
pub(super) fn watch_scope_text(source: Option<AugmentationBaseline>) -> String {
    let mut text = scope_text();
    if source != Some(AugmentationBaseline::BeforeStart) {
        text.push_str(&format!(
            " There are not {WATCH_NIGHTS} observed nights before the start, so nothing here \
             compares with before treatment."
        ));
    }
    text
}

/// `Baseline: the 14 observed nights before the start (…).` or the first nights on it.
pub(super) fn baseline_text(
    source: AugmentationBaseline,
    first: LocalDate,
    last: LocalDate,
    observed: u32,
) -> String {
    let dates = range_text(first, last);
    match source {
        AugmentationBaseline::BeforeStart => {
            format!("Baseline: the {observed} observed nights before the start ({dates}).")
        }
        AugmentationBaseline::FirstNightsOnIt => format!(
            "Baseline: the first {} on it ({dates}), as fewer than {WATCH_NIGHTS} nights were \
             observed in the {} before the start.",
            plural(observed, "observed night", "observed nights"),
            nights_text(BASELINE_LOOKBACK_NIGHTS)
        ),
    }
}

/// `the 14 observed nights before the start` / `the first 14 observed nights on it`.
pub(super) fn baseline_short(source: AugmentationBaseline) -> String {
    match source {
        AugmentationBaseline::BeforeStart => {
            format!("the {WATCH_NIGHTS} observed nights before the start")
        }
        AugmentationBaseline::FirstNightsOnIt => {
            format!("the first {WATCH_NIGHTS} observed nights on it")
        }
    }
}

/// The part's sentence for the report: the most notable status, then one short line per watch
/// whose measures were compared (onset and daytime symptoms, and which baseline).
pub(super) fn summary_text(status: AugmentationStatus, watches: &[AugmentationWatch]) -> String {
    let mut text = match status {
        AugmentationStatus::NotApplicable => {
            "No dopamine agonist or levodopa is active, so there is no augmentation watch."
                .to_string()
        }
        AugmentationStatus::PossibleSigns => {
            "Possible signs of augmentation by the MPI criteria's measurable items (not a diagnosis)."
                .to_string()
        }
        AugmentationStatus::Inconclusive => format!(
            "Inconclusive — discuss: onset moved {} earlier, and the other signs could not all \
             be measured (not a diagnosis).",
            onset_moderate_text()
        ),
        AugmentationStatus::NoSigns => "No signs of augmentation in these measures.".to_string(),
        AugmentationStatus::NotEnoughData | AugmentationStatus::TooEarly => {
            "Not enough data yet for the augmentation watch.".to_string()
        }
    };
    for w in watches.iter().filter(|w| !w.signs.is_empty()) {
        let by = |k: AugmentationSignKind| w.signs.iter().find(|s| s.kind == k && s.measured);
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = by(AugmentationSignKind::EarlierOnset) {
            parts.push(format!(
                "first onset {} at baseline, {} now",
                s.baseline_text, s.recent_text
            ));
        }
        if let Some((b, r)) = by(AugmentationSignKind::DaytimeSymptoms)
            .and_then(|s| s.baseline_value.zip(s.recent_value))
        {
            parts.push(format!(
                "days with daytime symptoms {} → {} a week",
                one_decimal(b),
                one_decimal(r)
            ));
        }
        let base = match w.baseline_source {
            Some(AugmentationBaseline::BeforeStart) => "baseline before the start",
            _ => "baseline on it",
        };
        parts.push(base.to_string());
        text.push_str(&format!(" {}: {}.", w.name, parts.join("; ")));
    }
    text
}

/// The met signs' sentences, joined: `median first onset … ; symptoms start …`.
pub(super) fn met_sentences<'a>(signs: impl Iterator<Item = &'a AugmentationSign>) -> String {
    signs
        .filter(|s| s.met)
        .map(|s| s.text.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
