//! Display text for entries: the core formats, the shells display.

use chrono::{Datelike, NaiveDate};

use crate::model::entry::Entry;
use crate::model::episode::{helped_words, Episode};
use crate::model::lab::irls_band;
use crate::time::{hh_mm, month_abbr, weekday_abbr, Moment, MINUTE_MS};

/// `55 min`, `1 h 05 min`, `7 h`.
pub fn duration_text(minutes: i64) -> String {
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

/// `Thu 26 Nov 2026`.
pub fn date_text(date: NaiveDate) -> String {
    if (0..=9999).contains(&date.year()) {
        format!(
            "{} {} {} {:04}",
            weekday_abbr(date),
            date.day(),
            month_abbr(date),
            date.year()
        )
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}

/// `Thu 26 Nov, 02:10` in the moment's own local time.
pub fn moment_text(m: &Moment) -> String {
    let local = m.local();
    let date = local.date();
    format!(
        "{} {} {}, {}",
        weekday_abbr(date),
        date.day(),
        month_abbr(date),
        hh_mm(local)
    )
}

/// A number without a useless `.0` (`2`, `0.25`).
pub fn number_text(value: f64) -> String {
    // Three decimals: doses like 0.125 mg must read as written.
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let text = format!("{rounded:.3}");
        text.trim_end_matches('0').to_string()
    }
}

/// An amount with its optional unit.
fn amount_text(amount: Option<f64>, unit: Option<&str>) -> Option<String> {
    amount.map(|a| match unit {
        Some(u) => format!("{} {u}", number_text(a)),
        None => number_text(a),
    })
}

/// `text` with its first letter in upper case (`Vibration device`).
pub(crate) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_numbers_read_naturally() {
        assert_eq!(duration_text(55), "55 min");
        assert_eq!(duration_text(65), "1 h 05 min");
        assert_eq!(duration_text(420), "7 h");
        assert_eq!(number_text(2.0), "2");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(0.5), "0.5");
        assert_eq!(number_text(0.125), "0.125");
    }
}
