//! Part 6, the relief toolkit: for each method, how often it was tried, how much it helped
//! (median of 0–3) and how fast (median minutes to relief); and the best methods for each
//! severity tier of the episode ([`SeverityTier`]: mild 1–3, moderate 4–6, severe 7–10).

use std::collections::HashMap;

use serde::Serialize;

use crate::format::{minutes_text, one_decimal, plural};
use crate::summary::nights::Window;
use crate::summary::stats::{count, mean, median};

/// Uses before a method can be called the most helpful overall, or one of the best for a tier
/// (counted within that tier): design §4, "most helpful" needs at least 3 uses.
pub const MIN_USES_PER_TIER: u32 = 3;
/// The median help (0–3) a method needs to be among a tier's best: at least "some".
pub const MIN_MEDIAN_HELP: f64 = 1.0;
/// Methods listed as best per tier.
pub const BEST_PER_TIER: usize = 3;
/// The highest peak intensity of a mild episode (design §4: mild 1–3).
pub const MILD_MAX_PEAK: u8 = 3;
/// The highest peak intensity of a moderate episode (moderate 4–6; severe is above).
pub const MODERATE_MAX_PEAK: u8 = 6;
/// The highest peak intensity.
const MAX_PEAK: u8 = 10;

/// Severity tiers of an episode's peak intensity (design §4).
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeverityTier {
    /// Peak 1–3.
    Mild,
    /// Peak 4–6.
    Moderate,
    /// Peak 7–10.
    Severe,
}

impl SeverityTier {
    /// The tier of a peak intensity 1–10.
    pub fn of(peak: u8) -> SeverityTier {
        match peak {
            0..=MILD_MAX_PEAK => SeverityTier::Mild,
            _ if peak <= MODERATE_MAX_PEAK => SeverityTier::Moderate,
            _ => SeverityTier::Severe,
        }
    }

    /// The lowest and highest peak of the tier.
    fn peaks(self) -> (u8, u8) {
        match self {
            SeverityTier::Mild => (1, MILD_MAX_PEAK),
            SeverityTier::Moderate => (MILD_MAX_PEAK + 1, MODERATE_MAX_PEAK),
            SeverityTier::Severe => (MODERATE_MAX_PEAK + 1, MAX_PEAK),
        }
    }

    /// `mild`.
    fn word(self) -> &'static str {
        match self {
            SeverityTier::Mild => "mild",
            SeverityTier::Moderate => "moderate",
            SeverityTier::Severe => "severe",
        }
    }

    /// `mild (1–3)`.
    pub fn label(self) -> String {
        let (low, high) = self.peaks();
        format!("{} ({low}–{high})", self.word())
    }

    const ALL: [SeverityTier; 3] = [
        SeverityTier::Mild,
        SeverityTier::Moderate,
        SeverityTier::Severe,
    ];
}

/// How one relief method worked.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct ReliefMethodStats {
    /// The method's code (`walking`, `other:cold shower`).
    pub key: String,
    /// Its name.
    pub label: String,
    /// Times it was tried.
    pub times_used: u32,
    /// Median help, 0 (none) to 3 (complete); halves between two middle values.
    pub median_help: f64,
    /// `much`, `some to much`.
    pub median_help_text: String,
    /// Mean help, 0–3.
    pub mean_help: f64,
    /// Attempts with minutes to relief recorded.
    pub timed_uses: u32,
    /// Median minutes to relief; `None` if never recorded.
    pub median_minutes_to_relief: Option<f64>,
    /// `15 min`.
    pub median_minutes_text: Option<String>,
    /// One line.
    pub text: String,
}

/// The best methods for one severity tier.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct TierBest {
    /// The tier.
    pub tier: SeverityTier,
    /// `moderate (4–6)`.
    pub label: String,
    /// Relief attempts made during episodes of this tier.
    pub attempts: u32,
    /// Up to 3 methods tried at least [`MIN_USES_PER_TIER`] times in this tier that helped at least "some"
    /// (median ≥ 1), best first (median help, then mean help, then uses).
    pub best: Vec<ReliefMethodStats>,
    /// One line.
    pub text: String,
}

/// Part 6: what helps.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct ReliefToolkit {
    /// Relief attempts during the episodes of the range.
    pub attempts: u32,
    /// Every method tried, best median help first (then most used).
    pub methods: Vec<ReliefMethodStats>,
    /// Mild, moderate and severe, always in that order.
    pub tiers: Vec<TierBest>,
    /// One sentence for the report.
    pub text: String,
}

/// Words for a median help score (0–3 in halves).
pub fn help_words(median_help: f64) -> String {
    let halves = (median_help * 2.0).round() as i64;
    match halves {
        i64::MIN..=0 => "none",
        1 => "none to some",
        2 => "some",
        3 => "some to much",
        4 => "much",
        5 => "much to complete",
        _ => "complete",
    }
    .to_string()
}

#[derive(Default)]
struct Uses {
    help: Vec<f64>,
    minutes: Vec<f64>,
}

fn stats(key: &str, label: &str, uses: &Uses) -> Option<ReliefMethodStats> {
    let median_help = median(uses.help.clone())?;
    let mean_help = mean(&uses.help)?;
    let times_used = count(uses.help.len());
    let median_minutes = median(uses.minutes.clone());
    let mut text = format!(
        "{label}: tried {}, helped {} (median {}/3)",
        plural(times_used, "time", "times"),
        help_words(median_help),
        one_decimal(median_help).trim_end_matches(".0")
    );
    if let Some(m) = median_minutes {
        text.push_str(&format!(", relief after {} (median)", minutes_text(m)));
    }
    Some(ReliefMethodStats {
        key: key.to_string(),
        label: label.to_string(),
        times_used,
        median_help,
        median_help_text: help_words(median_help),
        mean_help,
        timed_uses: count(uses.minutes.len()),
        median_minutes_to_relief: median_minutes,
        median_minutes_text: median_minutes.map(minutes_text),
        text,
    })
}

fn ranked(mut list: Vec<ReliefMethodStats>) -> Vec<ReliefMethodStats> {
    list.sort_by(|a, b| {
        b.median_help
            .total_cmp(&a.median_help)
            .then(b.mean_help.total_cmp(&a.mean_help))
            .then(b.times_used.cmp(&a.times_used))
            .then(a.label.cmp(&b.label))
    });
    list
}

/// Builds part 6.
pub(crate) fn build(window: &Window) -> ReliefToolkit {
    let peaks: HashMap<&str, u8> = window
        .episodes
        .iter()
        .map(|e| (e.id.as_str(), e.data.peak()))
        .collect();
    let mut order: Vec<(String, String)> = Vec::new();
    let mut all: HashMap<String, Uses> = HashMap::new();
    let mut by_tier: HashMap<(SeverityTier, String), Uses> = HashMap::new();
    let mut tier_attempts: HashMap<SeverityTier, u32> = HashMap::new();
    let mut attempts = 0u32;
    for r in &window.relief {
        let Some(&peak) = peaks.get(r.episode_id.as_str()) else {
            continue;
        };
        attempts += 1;
        let key = r.data.method.to_text();
        let help = f64::from(r.data.helped);
        let minutes = r.data.minutes_to_relief.map(f64::from);
        let uses = all.entry(key.clone()).or_insert_with(|| {
            order.push((key.clone(), r.data.method.display_name()));
            Uses::default()
        });
        uses.help.push(help);
        uses.minutes.extend(minutes);
        let tier = SeverityTier::of(peak);
        *tier_attempts.entry(tier).or_default() += 1;
        let uses = by_tier.entry((tier, key)).or_default();
        uses.help.push(help);
        uses.minutes.extend(minutes);
    }
    let methods = ranked(
        order
            .iter()
            .filter_map(|(key, label)| stats(key, label, all.get(key)?))
            .collect(),
    );
    let tiers: Vec<TierBest> = SeverityTier::ALL
        .iter()
        .map(|&tier| {
            let best: Vec<ReliefMethodStats> = ranked(
                order
                    .iter()
                    .filter_map(|(key, label)| {
                        let uses = by_tier.get(&(tier, key.clone()))?;
                        (count(uses.help.len()) >= MIN_USES_PER_TIER)
                            .then(|| stats(key, label, uses))
                            .flatten()
                    })
                    .filter(|s| s.median_help >= MIN_MEDIAN_HELP)
                    .collect(),
            )
            .into_iter()
            .take(BEST_PER_TIER)
            .collect();
            let n = tier_attempts.get(&tier).copied().unwrap_or(0);
            let text = if n == 0 {
                format!("{}: no relief attempts logged", tier.label())
            } else if best.is_empty() {
                format!(
                    "{}: no method tried at least {MIN_USES_PER_TIER} times helped at least some",
                    tier.label()
                )
            } else {
                let names: Vec<String> = best
                    .iter()
                    .map(|b| format!("{} ({})", b.label, b.median_help_text))
                    .collect();
                format!("{}: {}", tier.label(), names.join(", "))
            };
            TierBest {
                tier,
                label: tier.label(),
                attempts: n,
                best,
                text,
            }
        })
        .collect();
    let text = overall_text(attempts, &methods);
    ReliefToolkit {
        attempts,
        methods,
        tiers,
        text,
    }
}

/// The part's sentence: the attempts and methods, and the most helpful method among those tried
/// at least [`MIN_USES_PER_TIER`] times that helped at least "some" (`methods` is ranked).
fn overall_text(attempts: u32, methods: &[ReliefMethodStats]) -> String {
    if methods.is_empty() {
        return "No relief attempts logged in this range.".to_string();
    }
    let lead = format!(
        "{} with {}",
        plural(attempts, "relief attempt", "relief attempts"),
        plural(count(methods.len()), "method", "methods")
    );
    let best = methods
        .iter()
        .find(|m| m.times_used >= MIN_USES_PER_TIER && m.median_help >= MIN_MEDIAN_HELP);
    match best {
        Some(m) => format!(
            "{lead}; most helpful: {} ({}, {}).",
            m.label,
            m.median_help_text,
            plural(m.times_used, "use", "uses")
        ),
        None => format!(
            "{lead}; no method tried at least {MIN_USES_PER_TIER} times helped at least some yet."
        ),
    }
}

/// The tiers as the definitions state them: `mild 1–3, moderate 4–6, severe 7–10`.
pub(crate) fn tiers_text() -> String {
    SeverityTier::ALL
        .iter()
        .map(|t| {
            let (low, high) = t.peaks();
            format!("{} {low}–{high}", t.word())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_and_words() {
        assert_eq!(SeverityTier::of(3), SeverityTier::Mild);
        assert_eq!(SeverityTier::of(4), SeverityTier::Moderate);
        assert_eq!(SeverityTier::of(6), SeverityTier::Moderate);
        assert_eq!(SeverityTier::of(7), SeverityTier::Severe);
        assert_eq!(help_words(1.5), "some to much");
        assert_eq!(help_words(3.0), "complete");
        assert_eq!(help_words(0.0), "none");
    }
}
