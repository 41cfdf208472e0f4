//! Display text for entries: the core formats, the shells display. The formats themselves
//! (numbers, dates, durations) are in [`crate::format`]; they are re-exported here for the
//! views and the terminal that have always imported them from this module.

pub use crate::format::{capitalized, date_text, duration_text, number_text};

use crate::format::short_date;
use crate::model::entry::Entry;
use crate::model::episode::{helped_words, Episode};
use crate::model::lab::irls_band;
use crate::time::{hh_mm, Moment, MINUTE_MS};

/// `Thu 26 Nov, 02:10` in the moment's own local time.
pub fn moment_text(m: &Moment) -> String {
    let local = m.local();
    format!("{}, {}", short_date(local.date()), hh_mm(local))
}

/// An amount with its optional unit.
fn amount_text(amount: Option<f64>, unit: Option<&str>) -> Option<String> {
    amount.map(|a| match unit {
        Some(u) => format!("{} {u}", number_text(a)),
        None => number_text(a),
    })
}

/// The time span of an episode: `02:10–03:05 (55 min)` or `02:10, in progress`.
pub fn episode_span(episode: &Episode) -> String {
    let start = episode.data.started_at;
    match episode.data.ended_at {
        Some(end) => format!(
            "{}–{} ({})",
            start.clock(),
            end.clock(),
            duration_text((end.millis() - start.millis()) / MINUTE_MS)
        ),
        None => format!("{}, in progress", start.clock()),
    }
}

/// A title and a one-line detail for an entry, for lists.
pub fn describe(entry: &Entry) -> (String, String) {
    match entry {
        Entry::Episode { episode } => {
            let d = &episode.data;
            let mut parts = vec![episode_span(episode)];
            if let Some(side) = d.side {
                parts.push(side.display_name());
            }
            if !d.body_areas.is_empty() {
                let areas: Vec<String> = d.body_areas.iter().map(|a| a.display_name()).collect();
                parts.push(areas.join(", "));
            }
            if d.woke_from_sleep {
                parts.push("woke me".into());
            }
            for r in &episode.relief {
                parts.push(format!(
                    "{} ({})",
                    r.data.method.display_name(),
                    helped_words(r.data.helped)
                ));
            }
            (
                format!("Symptoms {}/10", d.peak_intensity),
                parts.join(" · "),
            )
        }
        Entry::SleepDiary { diary } => {
            let d = &diary.data;
            let mut detail = format!(
                "in bed {}–{} · slept {} · quality {}/5",
                d.got_into_bed_at.clock(),
                d.out_of_bed_at.clock(),
                duration_text(d.total_sleep_minutes()),
                d.quality
            );
            if d.awakenings > 0 {
                detail.push_str(&format!(" · woke {}×", d.awakenings));
            }
            ("Sleep diary".into(), detail)
        }
        Entry::NoSymptoms { answer } => (
            "No symptoms".into(),
            format!("answered {}", answer.data.answered_at.clock()),
        ),
        Entry::Exposure { exposure } => {
            let d = &exposure.data;
            let mut detail = d.at.clock();
            if let Some(a) = amount_text(d.amount, d.unit.as_deref()) {
                detail.push_str(&format!(" · {a}"));
            }
            (capitalized(&d.kind.display_name()), detail)
        }
        Entry::Treatment { treatment } => {
            let d = &treatment.data;
            let title = match amount_text(d.dose, d.dose_unit.as_deref()) {
                Some(dose) => format!("{} {dose}", d.name),
                None => d.name.clone(),
            };
            let mut detail = format!("{} · from {}", d.category.display_name(), d.started_on);
            if let Some(stop) = d.stopped_on {
                detail.push_str(&format!(" to {stop}"));
            }
            (title, detail)
        }
        Entry::Dose { dose } => {
            let mut detail = format!("dose at {}", dose.data.at.clock());
            if let Some(a) = dose.data.amount {
                detail.push_str(&format!(" · {}", number_text(a)));
            }
            (dose.treatment_name.clone(), detail)
        }
        Entry::LabResult { lab } => {
            let d = &lab.data;
            (
                format!(
                    "{} {} {}",
                    capitalized(&d.analyte.display_name()),
                    number_text(d.value),
                    d.unit
                ),
                format!("taken {}", date_text(d.taken_on)),
            )
        }
        Entry::SeverityRating { rating } => {
            let d = &rating.data;
            (
                format!("IRLS {} ({})", d.irls_total, irls_band(d.irls_total)),
                format!("rated {}", date_text(d.rated_on)),
            )
        }
        Entry::Visit { visit } => {
            let d = &visit.data;
            let title = match &d.clinician {
                Some(who) => format!("Visit with {who}"),
                None => "Clinician visit".to_string(),
            };
            let mut detail = date_text(d.visit_on);
            if let Some(q) = &d.question {
                detail.push_str(&format!(" · question: {q}"));
            }
            (title, detail)
        }
        Entry::SafetyCheck { check } => {
            let d = &check.data;
            let answers = if d.answered_yes.is_empty() {
                "all answers no".to_string()
            } else {
                let items: Vec<String> = d.answered_yes.iter().map(|i| i.display_name()).collect();
                format!("yes: {}", items.join(", "))
            };
            (
                "Drug-safety check-in".into(),
                format!("{} · {answers}", date_text(d.checked_on)),
            )
        }
    }
}
