//! Part 4, where and how: episodes counted by side, body area (spread to the arms flagged),
//! sensation and setting at onset.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::format::{percent_text, plural};
use crate::model::kinds::{BodyArea, Sensation, Setting};
use crate::summary::nights::Window;
use crate::summary::stats::{count, percent};

/// One category and how many episodes had it.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct CountItem {
    /// The stable code (`calves`, `other:fizzing`).
    pub key: String,
    /// The name shown (`calves`, `fizzing`).
    pub label: String,
    /// Episodes with this value.
    pub count: u32,
    /// Their share of the episodes that recorded this attribute (`Breakdown::recorded`, the
    /// denominator), percent: an episode without a side says nothing about the side.
    pub percent: f64,
    /// `42 %`.
    pub percent_text: String,
}

/// Counts of one attribute over the episodes of the range.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    /// The values seen, most frequent first (ties in vocabulary order). For sets (body areas,
    /// sensations) one episode counts once for each of its values.
    pub items: Vec<CountItem>,
    /// Episodes with the attribute recorded.
    pub recorded: u32,
    /// Episodes without it (`recorded + not_recorded` = all episodes).
    pub not_recorded: u32,
}

/// Part 4: where in the body, on which side, how it felt, and where the person was.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct WhereAndHow {
    /// Episodes in the range.
    pub episodes: u32,
    /// By side (left, right, both, alternating).
    pub sides: Breakdown,
    /// By body area.
    pub body_areas: Breakdown,
    /// By sensation.
    pub sensations: Breakdown,
    /// By setting at onset.
    pub settings: Breakdown,
    /// Episodes that reached the arms.
    pub arms_episodes: u32,
    /// Whether symptoms spread to the arms in this range (worth telling a clinician; on a
    /// dopamine agonist, a possible sign of augmentation).
    pub spread_to_arms: bool,
    /// `Arms involved in 2 of 15 episodes.`, when they were.
    pub arms_text: Option<String>,
    /// One sentence for the report.
    pub text: String,
}

/// Counts values in first-seen vocabulary order.
struct Tally {
    order: Vec<(String, String)>,
    counts: HashMap<String, u32>,
    recorded: u32,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            order: Vec::new(),
            counts: HashMap::new(),
            recorded: 0,
        }
    }

    /// Registers vocabulary values so ties keep their display order.
    fn known(&mut self, key: &str, label: String) {
        if !self.counts.contains_key(key) {
            self.counts.insert(key.to_string(), 0);
            self.order.push((key.to_string(), label));
        }
    }

    /// Counts one `key`; its `label` is made only the first time the key is seen (the
    /// vocabularies' values are all known beforehand, so per episode no text is built).
    fn add(&mut self, key: &str, label: impl FnOnce() -> String) {
        match self.counts.get_mut(key) {
            Some(n) => *n += 1,
            None => {
                self.counts.insert(key.to_string(), 1);
                self.order.push((key.to_string(), label()));
            }
        }
    }

    /// The breakdown: shares are of the episodes that recorded the attribute.
    fn finish(self, episodes: u32) -> Breakdown {
        let recorded = self.recorded;
        let mut items: Vec<(usize, CountItem)> = self
            .order
            .into_iter()
            .enumerate()
            .filter_map(|(i, (key, label))| {
                let n = self.counts.get(&key).copied().unwrap_or(0);
                let p = percent(n, recorded)?;
                (n > 0).then(|| {
                    (
                        i,
                        CountItem {
                            key,
                            label,
                            count: n,
                            percent: p,
                            percent_text: percent_text(p),
                        },
                    )
                })
            })
            .collect();
        items.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
        Breakdown {
            items: items.into_iter().map(|(_, item)| item).collect(),
            recorded: self.recorded,
            not_recorded: episodes.saturating_sub(self.recorded),
        }
    }
}

/// Builds part 4.
pub(crate) fn build(window: &Window) -> WhereAndHow {
    let episodes = count(window.episodes.len());
    let mut sides = Tally::new();
    let mut areas = Tally::new();
    let mut sensations = Tally::new();
    let mut settings = Tally::new();
    for s in crate::model::kinds::Side::ALL {
        sides.known(s.code(), s.display_name());
    }
    for a in BodyArea::ALL {
        areas.known(a.code(), a.display_name());
    }
    for s in crate::model::kinds::Sensation::PLAIN {
        sensations.known(s.code(), s.display_name());
    }
    for s in crate::model::kinds::Setting::PLAIN {
        settings.known(s.code(), s.display_name());
    }
    let mut arms = 0u32;
    for e in &window.episodes {
        let d = &e.data;
        if let Some(side) = d.side {
            sides.recorded += 1;
            sides.add(side.code(), || side.display_name());
        }
        if !d.body_areas.is_empty() {
            areas.recorded += 1;
        }
        for a in &d.body_areas {
            areas.add(a.code(), || a.display_name());
        }
        if d.body_areas.contains(&BodyArea::Arms) {
            arms += 1;
        }
        if !d.sensations.is_empty() {
            sensations.recorded += 1;
        }
        for s in &d.sensations {
            let key = match s {
                Sensation::Other { .. } => Cow::Owned(s.to_text()),
                plain => Cow::Borrowed(plain.code()),
            };
            sensations.add(&key, || s.display_name());
        }
        if let Some(setting) = &d.setting {
            settings.recorded += 1;
            let key = match setting {
                Setting::Other { .. } => Cow::Owned(setting.to_text()),
                plain => Cow::Borrowed(plain.code()),
            };
            settings.add(&key, || setting.display_name());
        }
    }
    let sides = sides.finish(episodes);
    let body_areas = areas.finish(episodes);
    let sensations = sensations.finish(episodes);
    let settings = settings.finish(episodes);
    let arms_text = (arms > 0).then(|| {
        format!(
            "Arms involved in {arms} of {}.",
            plural(episodes, "episode", "episodes")
        )
    });
    let top = |b: &Breakdown| {
        b.items.first().map(|i| {
            format!(
                "{} ({} of {} that recorded it, {})",
                i.label,
                i.count,
                plural(b.recorded, "episode", "episodes"),
                i.percent_text
            )
        })
    };
    let mut parts = Vec::new();
    if let Some(t) = top(&body_areas) {
        parts.push(format!("mostly the {t}"));
    }
    if let Some(t) = top(&sides) {
        parts.push(format!("side: {t}"));
    }
    if let Some(t) = top(&sensations) {
        parts.push(format!("felt as {t}"));
    }
    if let Some(t) = top(&settings) {
        parts.push(format!("starting {t}"));
    }
    let mut text = if parts.is_empty() {
        "No body areas, sides, sensations or settings recorded.".to_string()
    } else {
        let mut t = parts.join("; ");
        if let Some(first) = t.get(..1) {
            t = format!("{}{}", first.to_uppercase(), t.get(1..).unwrap_or(""));
        }
        format!("{t}.")
    };
    if let Some(a) = &arms_text {
        text.push(' ');
        text.push_str(a);
    }
    WhereAndHow {
        episodes,
        sides,
        body_areas,
        sensations,
        settings,
        arms_episodes: arms,
        spread_to_arms: arms > 0,
        arms_text,
        text,
    }
}
