//! Filling [`ReportContent`] from the pattern summary of the range (its key figures, their
//! changes and the points to discuss are the summary's: nothing here judges a number) and the
//! few things the summary does not carry (sleep efficiency per week, other lab results, the
//! patient's notes), read from the journal.

use rusqlite::Connection;

use crate::error::Result;
use crate::export::pdf::content::{
    Column, Direction, Flag, FlagLevel, KeyFigure, NightMark, NoteLine, OnsetChart, ReportContent,
    Row, Table, Tone, WeekPoint,
};
use crate::export::pdf::options::Resolved;
use crate::format::{
    and_list, capitalized, day_month, day_month_year, number_text, percent_text, plural, range_text,
};
use crate::model::entry::Entry;
use crate::model::kinds::Analyte;
use crate::model::worsening::SOURCES_TEXT;
use crate::store::{queries, records};
use crate::summary::details;
use crate::summary::discuss::MAY_WORSEN_TITLE;
use crate::summary::sleep::LOW_EFFICIENCY_PERCENT;
use crate::summary::triggers::{self, TriggerVerdict, MIN_NIGHTS_EACH_SIDE};
use crate::summary::DiscussTopic;
use crate::summary::{
    ChangeDirection, ChangeVerdict, DiscussLevel, NightRange, NoteKind, Summary, SummaryPart,
    ThresholdCheck,
};
use crate::time::{LocalDate, Moment};

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
    /// Lab results taken in the range other than ferritin, transferrin saturation and CRP.
    pub other_labs: Vec<(LocalDate, String, String)>,
    /// The patient's notes in the range: night, what the note is on, the note.
    pub notes: Vec<(LocalDate, String, String)>,
    /// The dose–onset strip's nights (issue 21), when the range has a dopaminergic or
    /// alpha-2-delta treatment (`calls.rs` reads it).
    pub strip: Option<crate::summary::dose_onset::DoseOnset>,
}

/// Reads the extras of `range` in one query.
pub(crate) fn extras(conn: &Connection, range: &NightRange) -> Result<Extras> {
    let rows = queries::night_range_rows(conn, range.first, range.last)?;
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
            Entry::Dose { .. } | Entry::NoSymptoms { .. } => continue,
            Entry::LabResult { lab } => {
                let d = &lab.data;
                // Ferritin, saturation and CRP come from the summary's iron part.
                if !matches!(
                    d.analyte,
                    Analyte::Ferritin | Analyte::TransferrinSaturation | Analyte::Crp
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
            Entry::Visit { visit } => (
                visit.data.visit_on,
                "Clinician visit".to_string(),
                &visit.data.note,
            ),
            Entry::SafetyCheck { check } => (
                check.data.checked_on,
                "Drug-safety check-in".to_string(),
                &check.data.note,
            ),
        };
        if let Some(note) = note {
            extras.notes.push((night, what, note.clone()));
        }
    }
    Ok(extras)
}

fn direction(d: ChangeDirection) -> Direction {
    match d {
        ChangeDirection::Up => Direction::Up,
        ChangeDirection::Down => Direction::Down,
        ChangeDirection::Same => Direction::Same,
    }
}

fn tone(v: ChangeVerdict) -> Tone {
    match v {
        ChangeVerdict::Better => Tone::Better,
        ChangeVerdict::Worse => Tone::Worse,
        ChangeVerdict::Same => Tone::Neutral,
    }
}

/// The summary's key figures as the report draws them.
fn key_figures(s: &Summary) -> Vec<KeyFigure> {
    s.key_figures
        .iter()
        .map(|f| KeyFigure {
            label: f.label.clone(),
            value: f.value_text.clone(),
            detail: f.detail.clone(),
            change: f.change.as_ref().map(|c| c.text.clone()),
            direction: f
                .change
                .as_ref()
                .map_or(Direction::Same, |c| direction(c.direction)),
            tone: f.change.as_ref().map_or(Tone::Neutral, |c| tone(c.verdict)),
        })
        .collect()
}

/// The summary's points to discuss as the report draws them.
fn flags(s: &Summary) -> Vec<Flag> {
    s.discuss
        .iter()
        // A response not yet readable (too early, too few nights) is for information: the
        // treatments table lists the treatment, and page 1 has no room to say so twice.
        .filter(|p| !(p.topic == DiscussTopic::TreatmentResponse && p.level == DiscussLevel::Info))
        .map(|p| Flag {
            topic: p.title.clone(),
            text: p.text.clone(),
            level: match p.level {
                DiscussLevel::Discuss => FlagLevel::Discuss,
                DiscussLevel::Info => FlagLevel::Info,
            },
        })
        .collect()
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

/// The most dose-timeline lines under the treatments table.
const MAX_DOSE_FOOTNOTES: usize = 2;

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
            // Dose timeline (issue 15 item 4): a step after the start falls on this night.
            dose_change: s
                .dose_timelines
                .iter()
                .any(|t| t.steps.iter().skip(1).any(|step| step.from == n.night)),
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
            let mut parts = vec![if t.bimodal_onsets {
                // Two clusters: the clusters, not one median (issue 21).
                let clusters: Vec<&str> =
                    t.onset_clusters.iter().map(|c| c.text.as_str()).collect();
                format!(
                    "{} episodes in clusters {}",
                    t.episodes,
                    clusters.join(" and ")
                )
            } else {
                format!(
                    "{} episodes; half began between {} and {}",
                    t.episodes, o.q1_text, o.q3_text
                )
            }];
            if let (Some(e), Some(l)) = (&t.earliest_onset_text, &t.latest_onset_text) {
                parts.push(format!("earliest {e}, range {e}–{l}"));
            }
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
        median_minute: t
            .onset
            .as_ref()
            .filter(|_| !t.bimodal_onsets)
            .map(|o| o.median_minute),
        caption,
    }
}

/// The summary's weeks (Monday to Sunday, cut to the range: `summary/severity.rs`), each with
/// its symptom nights and observed nights as counted: a week with fewer than 7 observed nights
/// is partial and is drawn so (issue 21), never scaled up to a whole week.
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
                // A partial week has no per-week rate (never scaled up as if complete).
                symptom_nights_per_week: w.symptom_nights_per_week,
                symptom_nights: w.symptom_nights,
                observed: w.nights_logged,
                partial: w.partial_week,
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

/// The title of the trigger comparisons on the report (issue 21).
pub(crate) const PATTERNS_TITLE: &str = "Patterns to test: nights with and without";

fn triggers(s: &Summary) -> Table {
    let t = &s.triggers;
    let rows = t
        .associations
        .iter()
        .take(MAX_ROWS)
        .map(|a| {
            let mut r = row(details::trigger_cells(a).to_vec());
            r.alert = a.verdict == TriggerVerdict::Worse;
            r
        })
        .collect();
    let strongest: Vec<String> = t
        .associations
        .iter()
        .filter(|a| t.strongest.contains(&a.key))
        .map(|a| a.label.clone())
        .collect();
    let strongest = match strongest.as_slice() {
        [] => String::new(),
        [one] => format!("Strongest association: {one}. "),
        many => format!("Strongest associations, equal: {}. ", and_list(many)),
    };
    let mut footnotes = vec![format!(
        "{strongest}{} compared. {} (each ≥ {MIN_NIGHTS_EACH_SIDE} observed nights; mean peak: \
         symptom-free nights 0). Association: {} (two-sided Fisher's exact test), in the \
         patient's own data, not a cause.",
        plural(t.exposures_compared, "exposure", "exposures"),
        details::TRIGGER_CELLS_NOTE,
        triggers::rule_short_text()
    )];
    if !t.not_enough_data.is_empty() {
        let names: Vec<String> = t
            .not_enough_data
            .iter()
            .map(|x| {
                format!(
                    "{} ({} with, {} without)",
                    x.label, x.nights_with, x.nights_without
                )
            })
            .collect();
        footnotes.push(format!("Too few nights to compare: {}.", names.join(", ")));
    }
    let [exposure, symptoms, peak, p, reading] = details::trigger_columns();
    Table {
        // Issue 21: comparisons to test, not "triggers" (one person's associations).
        title: PATTERNS_TITLE.into(),
        columns: vec![
            column(&capitalized(exposure), 1.6, false),
            column(&capitalized(symptoms), 1.3, true),
            column(&capitalized(peak), 1.05, true),
            column(p, 0.75, true),
            column(&capitalized(reading), 1.9, false),
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
        title: SummaryPart::Relief.title(),
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
            // Dose timeline (issue 15 item 4): after a dose change, the dose in effect.
            let changed = s
                .dose_timelines
                .iter()
                .find(|d| d.treatment_id == a.treatment_id && d.steps.len() > 1);
            let dose = match changed.and_then(|d| d.current_dose.map(|c| (c, &d.unit))) {
                Some((current, unit)) => Some(crate::format::dose_text(current, unit.as_deref())),
                None => a.dose_text.clone(),
            };
            let mut r = row(vec![
                capitalized(&a.name),
                dose.unwrap_or_else(|| "–".into()),
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
    // Dose timeline (issue 15 item 4): the steps of regimens whose dose changed, and the daily
    // totals of dopaminergic ones, first.
    let mut footnotes: Vec<String> = s
        .dose_timelines
        .iter()
        .filter(|d| d.steps.len() > 1 || d.dopaminergic)
        .take(MAX_DOSE_FOOTNOTES)
        .map(|d| capitalized(&d.short_text))
        .collect();
    // The before/after comparisons are points under "To discuss" (treatment response, issue
    // 21), not repeated here.
    if t.active.iter().any(|a| a.category.is_dopaminergic()) {
        footnotes.push("Dopaminergic drug: see the augmentation watch above.".into());
    }
    Table {
        title: SummaryPart::Treatments.title(),
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
                ThresholdCheck::IvIronRange => "IV iron: discuss",
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
            r.alert = matches!(l.check, ThresholdCheck::Low | ThresholdCheck::IvIronRange);
            rows.push(r);
        }
        // The latest CRP next to ferritin: ferritin rises with inflammation.
        if let (Some(c), "Ferritin") = (&s.iron.crp, name) {
            rows.push(row(vec![
                "CRP".to_string(),
                c.value_text.clone(),
                day_month_year(c.taken_on),
                "–".into(),
                "read beside ferritin".into(),
            ]));
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
        footnotes: labs_footnotes(),
    }
}

/// The labs' footnote: the thresholds' source with the drawing conditions and why CRP is shown.
/// (The iron trend is in the iron point to discuss, which the page always keeps.)
fn labs_footnotes() -> Vec<String> {
    vec![format!(
        "TSAT: transferrin saturation. Thresholds: AASM 2024 guideline for iron therapy in RLS, \
         on blood drawn in the morning with no iron supplements or food for {} h. CRP: {}.",
        crate::summary::iron::DRAWING_NO_IRON_HOURS,
        crate::summary::iron::INFLAMMATION_TEXT
    )]
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
                "{t}; {} of {} nights < {}",
                sl.nights_below_85_percent,
                sl.efficiency_nights,
                percent_text(LOW_EFFICIENCY_PERCENT)
            )
        }),
    );
    add("Total sleep time (TST)", sl.mean_total_sleep_text.clone());
    // What a sleep specialist asks next (issue 14 item 6), before the measures SE and TST
    // already imply, so the table's row limit keeps them.
    for (name, value) in crate::summary::details::sleep_specialist_rows(sl) {
        add(&name, Some(value));
    }
    add(
        "Time to fall asleep (SOL)",
        sl.mean_sleep_onset_text.clone(),
    );
    add(
        "Awake after falling asleep (WASO)",
        sl.mean_wake_after_sleep_onset_text.clone(),
    );
    add("Time in bed (TIB)", sl.mean_time_in_bed_text.clone());
    add(
        "Awakenings per night",
        sl.mean_awakenings.map(|a| format!("{a:.1}")),
    );
    add("Quality (1–5)", sl.mean_quality.map(|q| format!("{q:.1}")));
    Table {
        title: format!(
            "{}: means of {}",
            SummaryPart::Sleep.title_str(),
            plural(sl.diaries, "diary", "diaries")
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
            "{}: {}",
            SummaryPart::WhereAndHow.title_str(),
            plural(w.episodes, "episode", "episodes")
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
    // Issue 15: where the list of medicines that may worsen RLS comes from, when one is flagged
    // (the whole list is in the summary's definitions; the page has no room for it).
    let medicines = (!s.may_worsen_rls.is_empty())
        .then(|| format!("{MAY_WORSEN_TITLE}: sources: {SOURCES_TEXT}."));
    // The watch's long definition only when it compared something: the page has no room to
    // define what it does not show (the summary keeps every definition).
    let watch_compared = matches!(
        s.augmentation.status,
        crate::summary::AugmentationStatus::NoSigns
            | crate::summary::AugmentationStatus::PossibleSigns
            | crate::summary::AugmentationStatus::Inconclusive
    );
    let parts: Vec<String> = USED
        .iter()
        .filter(|term| watch_compared || **term != "Augmentation watch")
        .filter_map(|term| s.definitions.iter().find(|d| d.term == *term))
        .map(|d| format!("{}: {}", d.term, d.text))
        .chain(medicines)
        .collect();
    vec![format!("Definitions. {}", parts.join("  ·  "))]
}

/// Builds the page content.
pub(crate) fn content(
    options: &Resolved,
    summary: &Summary,
    extras: &Extras,
    now: &Moment,
) -> ReportContent {
    let markers = treatment_markers(summary);
    let range = &options.range;
    ReportContent {
        title: "RLS symptom report".into(),
        patient_name: options.patient_name.clone(),
        period_text: format!(
            "{} · {}",
            range_text(range.first, range.last),
            summary.coverage.coverage_text
        ),
        generated_text: format!("Generated on {}", now.local().format("%a %-d %b %Y, %H:%M")),
        generated_at: *now,
        attribution: "Self-reported by the patient (RLS Journal diary). Patterns are \
                      associations in the patient's own data, not a diagnosis."
            .into(),
        // Filled by `visit::fill` from the visit period.
        visit_lines: Vec::new(),
        question: None,
        figures: key_figures(summary),
        comparison_text: summary.previous.text.clone(),
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
        strip: extras.strip.as_ref().map(super::strip_content::strip),
        detail_page: options.detail_page,
    }
}
