//! Filling [`ReportContent`] from the pattern summary of the range, the summary of the previous
//! range of the same length (for the changes), and the few things the summary does not carry
//! (sleep efficiency per week, other lab results, the patient's notes), read from the journal.

use rusqlite::Connection;

use crate::error::Result;
use crate::export::pdf::content::{
    Column, Direction, Flag, FlagLevel, KeyFigure, NightMark, NoteLine, OnsetChart, ReportContent,
    Row, Table, Tone, WeekPoint,
};
use crate::export::pdf::options::Resolved;
use crate::format::{
    capitalized, day_month, day_month_year, duration_text, nights_text, number_text, percent_text,
    range_text, signed,
};
use crate::model::entry::Entry;
use crate::model::kinds::{Analyte, TreatmentCategory};
use crate::store::entries::{self, LIVE};
use crate::store::records;
use crate::summary::{AugmentationStatus, NightRange, NoteKind, Summary, ThresholdCheck, Trend};
use crate::time::{iso_date, LocalDate, Moment};

/// Most rows any table offers (the page shows as many as fit).
const MAX_ROWS: usize = 8;
/// Treatments started in the range get markers 1–9 in the calendar.
const MAX_MARKERS: u8 = 9;
/// Data-quality notes printed.
const MAX_DATA_NOTES: usize = 3;

/// What the report needs from the journal beyond the summary.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extras {
    /// Sleep efficiency (percent) per night with a diary.
    pub sleep_efficiency: Vec<(LocalDate, f64)>,
    /// Lab results taken in the range other than ferritin and transferrin saturation.
    pub other_labs: Vec<(LocalDate, String, String)>,
    /// The patient's notes in the range: night, what the note is on, the note.
    pub notes: Vec<(LocalDate, String, String)>,
}

/// Reads the extras of `range` in one query.
pub(crate) fn extras(conn: &Connection, range: &NightRange) -> Result<Extras> {
    let rows = entries::select(
        conn,
        &format!("e.night >= ?1 AND e.night <= ?2 AND e.kind <> 'relief' AND {LIVE}"),
        "ORDER BY e.sort_ms, e.id",
        [iso_date(range.first), iso_date(range.last)],
    )?;
    let mut extras = Extras::default();
    // Damaged records are left out here; the summary's notes say which (the report prints them).
    for entry in records::entries_from(conn, &rows)?.entries {
        let (night, what, note) = match &entry {
            Entry::Episode { episode } => {
                (episode.night, "Episode".to_string(), &episode.data.note)
            }
            Entry::SleepDiary { diary } => {
                if let Some(se) = diary.data.sleep_efficiency_percent() {
                    extras.sleep_efficiency.push((diary.data.night_of, se));
                }
                (
                    diary.data.night_of,
                    "Sleep diary".to_string(),
                    &diary.data.note,
                )
            }
            Entry::Exposure { exposure } => (
                exposure.night,
                capitalized(&exposure.data.kind.display_name()),
                &exposure.data.note,
            ),
            Entry::Treatment { treatment } => (
                treatment.data.started_on,
                capitalized(&treatment.data.name),
                &treatment.data.note,
            ),
            Entry::Dose { .. } => continue,
            Entry::LabResult { lab } => {
                let d = &lab.data;
                if !matches!(
                    d.analyte,
                    Analyte::Ferritin | Analyte::TransferrinSaturation
                ) {
                    extras.other_labs.push((
                        d.taken_on,
                        capitalized(&d.analyte.display_name()),
                        format!("{} {}", number_text(d.value), d.unit),
                    ));
                }
                (d.taken_on, capitalized(&d.analyte.display_name()), &d.note)
            }
            Entry::SeverityRating { rating } => (
                rating.data.rated_on,
                format!("IRLS {}", rating.data.irls_total),
                &rating.data.note,
            ),
        };
        if let Some(note) = note {
            extras.notes.push((night, what, note.clone()));
        }
    }
    Ok(extras)
}

/// The direction and tone of a change where higher is worse (or better, with `higher_is_worse`
/// false), "the same" within `same_within`.
fn direction(delta: f64, same_within: f64, higher_is_worse: bool) -> (Direction, Tone) {
    if delta.abs() < same_within {
        (Direction::Same, Tone::Neutral)
    } else if (delta > 0.0) == higher_is_worse {
        (
            if delta > 0.0 {
                Direction::Up
            } else {
                Direction::Down
            },
            Tone::Worse,
        )
    } else {
        (
            if delta > 0.0 {
                Direction::Up
            } else {
                Direction::Down
            },
            Tone::Better,
        )
    }
}

fn figure(label: &str, value: String, detail: String) -> KeyFigure {
    KeyFigure {
        label: label.to_string(),
        value,
        detail,
        change: None,
        direction: Direction::Same,
        tone: Tone::Neutral,
    }
}

fn with_change(mut f: KeyFigure, change: Option<(String, Direction, Tone)>) -> KeyFigure {
    if let Some((text, direction, tone)) = change {
        f.change = Some(text);
        f.direction = direction;
        f.tone = tone;
    }
    f
}

/// A median that is whole or a half: `4`, `4.5`.
fn half_text(x: f64) -> String {
    number_text((x * 2.0).round() / 2.0)
}

/// The signed difference between two clock times (minutes after midnight), the short way
/// round: positive when `now` is later than `before`.
fn clock_delta(now: u32, before: u32) -> i64 {
    let d = (i64::from(now) - i64::from(before)).rem_euclid(1440);
    if d > 720 {
        d - 1440
    } else {
        d
    }
}

/// The median of the nightly peaks (1–10) of the symptom nights; `None` without any.
fn symptom_night_median(s: &Summary) -> Option<f64> {
    let mut peaks: Vec<u8> = s
        .severity
        .nights
        .iter()
        .filter_map(|n| n.peak)
        .filter(|&p| p > 0)
        .collect();
    peaks.sort_unstable();
    let n = peaks.len();
    let mid = |i: usize| peaks.get(i).map(|&p| f64::from(p));
    match n {
        0 => None,
        _ if n % 2 == 1 => mid(n / 2),
        _ => Some((mid(n / 2 - 1)? + mid(n / 2)?) / 2.0),
    }
}

fn key_figures(s: &Summary, p: Option<&Summary>) -> Vec<KeyFigure> {
    let mut figures = Vec::new();

    let c = &s.coverage;
    let per_week = c.symptom_nights_per_week;
    let f = figure(
        "Symptom nights per week",
        per_week
            .map(|x| format!("{x:.1}"))
            .unwrap_or_else(|| "–".into()),
        format!("{} of {} logged nights", c.symptom_nights, c.nights_logged),
    );
    let change = match (per_week, p.and_then(|p| p.coverage.symptom_nights_per_week)) {
        (Some(now), Some(before)) => {
            let (d, t) = direction(now - before, 0.05, true);
            Some((
                format!("{} (was {before:.1})", signed(now - before, 1)),
                d,
                t,
            ))
        }
        _ => None,
    };
    figures.push(with_change(f, change));

    let sev = &s.severity;
    let median = symptom_night_median(s);
    let f = figure(
        "Median peak, symptom nights",
        median.map(half_text).unwrap_or_else(|| "–".into()),
        match &sev.worst_night {
            Some(w) => format!("worst {} on {}", w.peak, day_month(w.night)),
            None => "no symptom nights".into(),
        },
    );
    let change = match (median, p.and_then(symptom_night_median)) {
        (Some(now), Some(before)) => {
            let (d, t) = direction(now - before, 0.25, true);
            let delta = signed(now - before, 1);
            Some((format!("{delta} (was {})", half_text(before)), d, t))
        }
        _ => None,
    };
    figures.push(with_change(f, change));

    let onset = s.timing.onset.as_ref();
    let f = figure(
        "Median onset time",
        onset
            .map(|o| o.median_text.clone())
            .unwrap_or_else(|| "–".into()),
        match onset {
            Some(o) => format!("half {}–{}", o.q1_text, o.q3_text),
            None => "no episodes".into(),
        },
    );
    let change = match (onset, p.and_then(|p| p.timing.onset.as_ref())) {
        (Some(now), Some(before)) => {
            let delta = clock_delta(now.median_minute, before.median_minute);
            let (d, t) = if delta == 0 {
                (Direction::Same, Tone::Neutral)
            } else if delta < 0 {
                (
                    Direction::Down,
                    if delta <= -60 {
                        Tone::Worse
                    } else {
                        Tone::Neutral
                    },
                )
            } else {
                (
                    Direction::Up,
                    if delta >= 60 {
                        Tone::Better
                    } else {
                        Tone::Neutral
                    },
                )
            };
            let words = match delta {
                0 => "same".to_string(),
                d if d < 0 => format!("{} earlier", duration_text(d.abs())),
                d => format!("{} later", duration_text(d.abs())),
            };
            Some((format!("{words} (was {})", before.median_text), d, t))
        }
        _ => None,
    };
    figures.push(with_change(f, change));

    let sleep = &s.sleep;
    let se = sleep.mean_sleep_efficiency_percent;
    let f = figure(
        "Sleep efficiency (mean)",
        se.map(|x| format!("{x:.0} %"))
            .unwrap_or_else(|| "–".into()),
        if sleep.efficiency_nights > 0 {
            format!(
                "{} of {} nights < 85 %",
                sleep.nights_below_85_percent, sleep.efficiency_nights
            )
        } else {
            "no sleep diaries".into()
        },
    );
    let change = match (se, p.and_then(|p| p.sleep.mean_sleep_efficiency_percent)) {
        (Some(now), Some(before)) => {
            let (d, t) = direction(now - before, 0.5, false);
            Some((
                format!("{} points (was {before:.0} %)", signed(now - before, 0)),
                d,
                t,
            ))
        }
        _ => None,
    };
    figures.push(with_change(f, change));

    let r = &s.rating;
    let f = figure(
        "Latest IRLS (0–40)",
        r.latest
            .as_ref()
            .map(|l| l.total.to_string())
            .unwrap_or_else(|| "–".into()),
        match &r.latest {
            Some(l) => format!("{} · {}", l.band_label, day_month(l.rated_on)),
            None => "no rating yet".into(),
        },
    );
    let change = match (r.change, &r.previous) {
        (Some(delta), Some(prev)) => {
            let (d, _) = direction(f64::from(delta), 0.5, true);
            let t = if !r.relevant_change {
                Tone::Neutral
            } else if delta > 0 {
                Tone::Worse
            } else {
                Tone::Better
            };
            let relevant = if r.relevant_change { ": relevant" } else { "" };
            Some((
                format!(
                    "{} since {}{relevant}",
                    signed(f64::from(delta), 0),
                    day_month(prev.rated_on)
                ),
                d,
                t,
            ))
        }
        _ => None,
    };
    figures.push(with_change(f, change));

    figures
}

fn flags(s: &Summary) -> Vec<Flag> {
    let mut flags = Vec::new();
    let c = &s.coverage;
    if let (Some(per_week), Some(reaches)) = (c.symptom_nights_per_week, c.two_or_more_per_week) {
        flags.push(Flag {
            topic: "Frequency".into(),
            text: if reaches {
                format!(
                    "Symptoms on {per_week:.1} nights per week ({} of {} logged nights): 2 or \
                     more per week is the frequency of chronic-persistent RLS (IRLSSG 2014).",
                    c.symptom_nights, c.nights_logged
                )
            } else {
                format!(
                    "Symptoms on {per_week:.1} nights per week ({} of {} logged nights): below \
                     the 2 per week of chronic-persistent RLS.",
                    c.symptom_nights, c.nights_logged
                )
            },
            level: if reaches {
                FlagLevel::Discuss
            } else {
                FlagLevel::Info
            },
        });
    }
    flags.push(Flag {
        topic: "Iron".into(),
        text: s.iron.text.clone(),
        level: if s.iron.discuss_iron_therapy {
            FlagLevel::Discuss
        } else {
            FlagLevel::Info
        },
    });
    if s.augmentation.status != AugmentationStatus::NotApplicable {
        flags.push(Flag {
            topic: "Augmentation watch".into(),
            text: s.augmentation.text.clone(),
            level: if s.augmentation.status == AugmentationStatus::PossibleSigns {
                FlagLevel::Discuss
            } else {
                FlagLevel::Info
            },
        });
    }
    if s.where_and_how.spread_to_arms {
        if let Some(text) = &s.where_and_how.arms_text {
            flags.push(Flag {
                topic: "Arms".into(),
                text: format!("{text} Spread beyond the legs is worth mentioning."),
                level: FlagLevel::Discuss,
            });
        }
    }
    if s.rating.relevant_change {
        if let Some(text) = &s.rating.change_text {
            let worse = s.rating.change.is_some_and(|c| c > 0);
            flags.push(Flag {
                topic: "IRLS".into(),
                text: format!("IRLS {text}."),
                level: if worse {
                    FlagLevel::Discuss
                } else {
                    FlagLevel::Info
                },
            });
        }
    }
    if s.severity.trend.direction == Trend::Higher {
        flags.push(Flag {
            topic: "Trend".into(),
            text: s.severity.trend.text.clone(),
            level: FlagLevel::Info,
        });
    }
    flags
}

fn data_notes(s: &Summary) -> Vec<String> {
    let mut notes: Vec<&crate::summary::Note> = s
        .notes
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                NoteKind::DamagedRecord
                    | NoteKind::FewNights
                    | NoteKind::Gap
                    | NoteKind::OpenEpisode
            )
        })
        .collect();
    notes.truncate(MAX_DATA_NOTES);
    notes.iter().map(|n| format!("Data: {}", n.text)).collect()
}

/// Markers of the treatments started within the range, in the order they are listed.
fn treatment_markers(s: &Summary) -> Vec<(String, u8)> {
    s.treatments
        .active
        .iter()
        .filter(|t| t.started_in_range)
        .zip(1..=MAX_MARKERS)
        .map(|(t, m)| (t.treatment_id.clone(), m))
        .collect()
}

fn nights(s: &Summary, markers: &[(String, u8)]) -> Vec<NightMark> {
    s.severity
        .nights
        .iter()
        .map(|n| NightMark {
            night: n.night,
            logged: n.logged,
            peak: n.peak.unwrap_or(0),
            treatment_starts: s
                .treatments
                .active
                .iter()
                .filter(|t| t.started_on == n.night)
                .filter_map(|t| {
                    markers
                        .iter()
                        .find(|(id, _)| *id == t.treatment_id)
                        .map(|(_, m)| *m)
                })
                .collect(),
        })
        .collect()
}

fn onset(s: &Summary) -> OnsetChart {
    let t = &s.timing;
    let mut bins = vec![0u32; 24];
    for b in &t.onset_histogram {
        if let Some(slot) = bins.get_mut(usize::from(b.hour)) {
            *slot = b.count;
        }
    }
    let caption = match &t.onset {
        Some(o) => {
            let mut parts = vec![format!(
                "{} episodes; half began between {} and {}",
                t.episodes, o.q1_text, o.q3_text
            )];
            if let Some(l) = &t.median_latency_text {
                parts.push(format!("median latency at rest {l}"));
            }
            if let Some(d) = &t.median_duration_text {
                parts.push(format!("median duration {d}"));
            }
            if let Some(w) = t.woke_percent {
                parts.push(format!("{w:.0} % woke the patient"));
            }
            format!("{}.", parts.join("; "))
        }
        None => "No episodes in this period.".into(),
    };
    OnsetChart {
        bins,
        median_minute: t.onset.as_ref().map(|o| o.median_minute),
        caption,
    }
}

fn weeks(s: &Summary, extras: &Extras) -> Vec<WeekPoint> {
    s.severity
        .weeks
        .iter()
        .map(|w| {
            let values: Vec<f64> = extras
                .sleep_efficiency
                .iter()
                .filter(|(night, _)| w.first <= *night && *night <= w.last)
                .map(|(_, se)| *se)
                .filter(|se| se.is_finite())
                .collect();
            let sleep_efficiency = if values.is_empty() {
                None
            } else {
                Some(values.iter().sum::<f64>() / values.len() as f64)
            };
            WeekPoint {
                label: day_month(w.first),
                symptom_nights_per_week: w.symptom_nights_per_week,
                sleep_efficiency,
            }
        })
        .collect()
}

fn column(header: &str, weight: f32, numeric: bool) -> Column {
    Column {
        header: header.to_string(),
        weight,
        numeric,
    }
}

fn row(cells: Vec<String>) -> Row {
    Row {
        cells,
        marker: None,
        alert: false,
    }
}

fn triggers(s: &Summary) -> Table {
    let t = &s.triggers;
    let rows = t
        .associations
        .iter()
        .take(MAX_ROWS)
        .map(|a| {
            let mut r = row(vec![
                capitalized(&a.label),
                format!("{} / {}", a.nights_with, a.nights_without),
                format!(
                    "{} vs {}",
                    percent_text(a.symptom_percent_with),
                    percent_text(a.symptom_percent_without)
                ),
                format!("{:.1} vs {:.1}", a.mean_peak_with, a.mean_peak_without),
            ]);
            r.alert = a.mean_peak_difference >= 1.0;
            r
        })
        .collect();
    let mut footnotes = vec![
        "Nights with the exposure against logged nights without it (at least 3 of each): an \
         association in the patient's own data, not proof of a cause."
            .to_string(),
    ];
    if !t.not_enough_data.is_empty() {
        let names: Vec<String> = t
            .not_enough_data
            .iter()
            .map(|x| format!("{} ({} with)", x.label, x.nights_with))
            .collect();
        footnotes.push(format!("Too few nights to compare: {}.", names.join(", ")));
    }
    Table {
        title: "Possible triggers".into(),
        columns: vec![
            column("Exposure", 1.5, false),
            column("Nights with / without", 1.35, true),
            column("Symptom nights with vs without", 1.75, true),
            column("Mean peak with vs without", 1.5, true),
        ],
        rows,
        empty_text: t.text.clone(),
        footnotes,
    }
}

fn relief(s: &Summary) -> Table {
    let r = &s.relief;
    let rows = r
        .methods
        .iter()
        .take(MAX_ROWS)
        .map(|m| {
            row(vec![
                capitalized(&m.label),
                m.times_used.to_string(),
                m.median_help_text.clone(),
                m.median_minutes_text.clone().unwrap_or_else(|| "–".into()),
            ])
        })
        .collect();
    let best: Vec<String> = r
        .tiers
        .iter()
        .filter(|t| !t.best.is_empty())
        .map(|t| {
            let names: Vec<String> = t.best.iter().map(|m| m.label.clone()).collect();
            format!("{}: {}", t.label, names.join(", "))
        })
        .collect();
    let footnotes = if best.is_empty() {
        Vec::new()
    } else {
        vec![format!("Best by severity — {}.", best.join("; "))]
    };
    Table {
        title: "Relief toolkit".into(),
        columns: vec![
            column("Method", 1.6, false),
            column("Times used", 0.9, true),
            column("Median help (0–3)", 1.4, true),
            column("Median time to relief", 1.5, true),
        ],
        rows,
        empty_text: "No relief attempts logged in this period.".into(),
        footnotes,
    }
}

fn treatments(s: &Summary, markers: &[(String, u8)]) -> Table {
    let t = &s.treatments;
    let rows = t
        .active
        .iter()
        .take(MAX_ROWS)
        .map(|a| {
            let dates = match a.stopped_on {
                Some(stop) => format!(
                    "{} – {}",
                    day_month_year(a.started_on),
                    day_month_year(stop)
                ),
                None => format!("since {}", day_month_year(a.started_on)),
            };
            let mut r = row(vec![
                capitalized(&a.name),
                a.dose_text.clone().unwrap_or_else(|| "–".into()),
                a.category_label.clone(),
                dates,
            ]);
            r.marker = markers
                .iter()
                .find(|(id, _)| *id == a.treatment_id)
                .map(|(_, m)| *m);
            r
        })
        .collect();
    let mut footnotes: Vec<String> = t
        .comparisons
        .iter()
        .filter(|c| c.comparable)
        .take(2)
        .map(|c| c.text.clone())
        .collect();
    if t.active
        .iter()
        .any(|a| a.category == TreatmentCategory::DopamineAgonist)
    {
        footnotes.push("Dopamine agonist: see the augmentation watch above.".into());
    }
    Table {
        title: "Treatments".into(),
        columns: vec![
            column("Treatment", 1.8, false),
            column("Dose", 0.75, false),
            column("Type", 1.45, false),
            column("Dates", 1.5, false),
        ],
        rows,
        empty_text: "No treatment recorded for this period.".into(),
        footnotes,
    }
}

fn labs(s: &Summary, extras: &Extras) -> Table {
    let mut rows = Vec::new();
    for (name, reading) in [
        ("Ferritin", &s.iron.ferritin),
        ("TSAT", &s.iron.transferrin_saturation),
    ] {
        if let Some(l) = reading {
            let reading = match l.check {
                ThresholdCheck::Low => "low: discuss iron",
                ThresholdCheck::NotLow => "above threshold",
                ThresholdCheck::UnitNotRecognised => "unit not compared",
            };
            let reading = if l.older_than_a_year {
                format!("{reading} (over a year old)")
            } else {
                reading.to_string()
            };
            let mut r = row(vec![
                name.to_string(),
                l.value_text.clone(),
                day_month_year(l.taken_on),
                l.threshold_text.clone(),
                reading,
            ]);
            r.alert = l.check == ThresholdCheck::Low;
            rows.push(r);
        }
    }
    for (date, name, value) in extras.other_labs.iter().rev() {
        if rows.len() >= MAX_ROWS {
            break;
        }
        rows.push(row(vec![
            name.clone(),
            value.clone(),
            day_month_year(*date),
            "–".into(),
            String::new(),
        ]));
    }
    Table {
        title: "Labs".into(),
        columns: vec![
            column("Test", 1.0, false),
            column("Value", 1.0, true),
            column("Date", 1.1, true),
            column("Threshold", 1.0, true),
            column("Reading", 1.5, false),
        ],
        rows,
        empty_text: "No ferritin or transferrin saturation on record: AASM 2024 advises \
                     checking iron status in RLS."
            .into(),
        footnotes: vec![
            "TSAT: transferrin saturation. Thresholds: AASM 2024 guideline for iron therapy in \
             RLS."
                .into(),
        ],
    }
}

fn sleep(s: &Summary) -> Table {
    let sl = &s.sleep;
    let mut rows = Vec::new();
    let mut add = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            rows.push(row(vec![name.to_string(), v]));
        }
    };
    add(
        "Sleep efficiency (SE)",
        sl.mean_sleep_efficiency_text.as_ref().map(|t| {
            format!(
                "{t}; {} of {} nights < 85 %",
                sl.nights_below_85_percent, sl.efficiency_nights
            )
        }),
    );
    add("Total sleep time (TST)", sl.mean_total_sleep_text.clone());
    add("Time in bed (TIB)", sl.mean_time_in_bed_text.clone());
    add(
        "Time to fall asleep (SOL)",
        sl.mean_sleep_onset_text.clone(),
    );
    add(
        "Awake after falling asleep (WASO)",
        sl.mean_wake_after_sleep_onset_text.clone(),
    );
    add(
        "Awakenings per night",
        sl.mean_awakenings.map(|a| format!("{a:.1}")),
    );
    add("Quality (1–5)", sl.mean_quality.map(|q| format!("{q:.1}")));
    Table {
        title: format!(
            "Sleep: means of {} morning diar{}",
            sl.diaries,
            if sl.diaries == 1 { "y" } else { "ies" }
        ),
        columns: vec![column("Measure", 1.5, false), column("Mean", 1.3, true)],
        rows,
        empty_text: "No morning sleep diaries in this period.".into(),
        footnotes: Vec::new(),
    }
}

fn breakdown_text(b: &crate::summary::Breakdown) -> Option<String> {
    let items: Vec<String> = b
        .items
        .iter()
        .take(4)
        .map(|i| format!("{} {}", i.label, i.percent_text))
        .collect();
    (!items.is_empty()).then(|| items.join(", "))
}

fn where_and_how(s: &Summary) -> Table {
    let w = &s.where_and_how;
    let mut rows = Vec::new();
    for (name, breakdown) in [
        ("Body areas", &w.body_areas),
        ("Side", &w.sides),
        ("Sensations", &w.sensations),
        ("Setting at onset", &w.settings),
    ] {
        if let Some(text) = breakdown_text(breakdown) {
            rows.push(row(vec![name.to_string(), text]));
        }
    }
    Table {
        title: format!(
            "Where and how: {} episode{}",
            w.episodes,
            if w.episodes == 1 { "" } else { "s" }
        ),
        columns: vec![
            column("", 1.0, false),
            column("Share of episodes", 3.2, false),
        ],
        rows,
        empty_text: "No body areas, sides, sensations or settings recorded.".into(),
        footnotes: w.arms_text.iter().cloned().collect(),
    }
}

fn notes(extras: &Extras) -> Vec<NoteLine> {
    extras
        .notes
        .iter()
        .map(|(night, what, text)| NoteLine {
            when: day_month(*night),
            text: format!(
                "{what}: {}",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
        })
        .collect()
}

/// The definitions the report uses, from the summary, as one paragraph for the footer.
fn definitions(s: &Summary) -> Vec<String> {
    const USED: [&str; 11] = [
        "Night",
        "Symptom night",
        "Frequency per week",
        "Nightly peak",
        "Onset time",
        "Sleep efficiency (SE)",
        "Total sleep time (TST)",
        "Time in bed (TIB)",
        "Iron (AASM 2024)",
        "IRLS bands",
        "Augmentation watch",
    ];
    let parts: Vec<String> = USED
        .iter()
        .filter_map(|term| s.definitions.iter().find(|d| d.term == *term))
        .map(|d| format!("{}: {}", d.term, d.text))
        .chain(std::iter::once(
            "Median peak, symptom nights (key figure): the median of the nightly peaks of the \
             nights with symptoms only."
                .to_string(),
        ))
        .collect();
    vec![format!("Definitions. {}", parts.join("  ·  "))]
}

/// Builds the page content.
pub(crate) fn content(
    options: &Resolved,
    summary: &Summary,
    previous: Option<&Summary>,
    extras: &Extras,
    now: &Moment,
) -> ReportContent {
    let markers = treatment_markers(summary);
    let range = &options.range;
    let comparison_text = match (&options.previous, previous) {
        (Some(r), Some(p)) if p.coverage.nights_logged > 0 => format!(
            "Changes compare with the previous {}, {}; IRLS with the rating before.",
            nights_text(r.nights()),
            range_text(r.first, r.last)
        ),
        (Some(r), _) => format!(
            "Nothing was logged in the previous {} ({}), so there are no changes to show.",
            nights_text(r.nights()),
            range_text(r.first, r.last)
        ),
        (None, _) => "No previous period to compare with.".into(),
    };
    let previous = previous.filter(|p| p.coverage.nights_logged > 0);
    ReportContent {
        title: "RLS symptom report".into(),
        patient_name: options.patient_name.clone(),
        period_text: format!(
            "{} ({}, {} logged)",
            range_text(range.first, range.last),
            nights_text(range.nights()),
            summary.coverage.nights_logged
        ),
        generated_text: format!("Generated on {}", now.local().format("%a %-d %b %Y, %H:%M")),
        generated_at: *now,
        attribution: "Self-reported by the patient (RLS Journal diary). Patterns are \
                      associations in the patient's own data, not a diagnosis."
            .into(),
        figures: key_figures(summary, previous),
        comparison_text,
        flags: flags(summary),
        data_notes: data_notes(summary),
        nights: nights(summary, &markers),
        onset: onset(summary),
        weeks: weeks(summary, extras),
        triggers: triggers(summary),
        relief: relief(summary),
        treatments: treatments(summary, &markers),
        labs: labs(summary, extras),
        sleep: sleep(summary),
        where_and_how: where_and_how(summary),
        notes: if options.include_notes {
            notes(extras)
        } else {
            Vec::new()
        },
        definitions: definitions(summary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_changes_take_the_short_way() {
        assert_eq!(clock_delta(23 * 60, 60), -120);
        assert_eq!(clock_delta(60, 23 * 60), 120);
        assert_eq!(clock_delta(600, 600), 0);
    }

    #[test]
    fn directions_and_tones() {
        assert_eq!(direction(1.0, 0.1, true), (Direction::Up, Tone::Worse));
        assert_eq!(direction(-1.0, 0.1, true), (Direction::Down, Tone::Better));
        assert_eq!(direction(-1.0, 0.1, false), (Direction::Down, Tone::Worse));
        assert_eq!(
            direction(0.05, 0.1, false),
            (Direction::Same, Tone::Neutral)
        );
    }
}
