//! Part 10, severity rating: the latest IRLS total (on or before the range's last night), its
//! band ([`crate::model::lab::IRLS_BANDS`]) and the change from the rating before it
//! ([`RELEVANT_CHANGE`] points or more is clinically relevant).

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
pub use crate::model::lab::IrlsBand;

use crate::format::date_text;
use crate::format::points_text;
use crate::model::lab::{irls_bands_text, SeverityRatingData};
use crate::store::queries;
use crate::summary::notes::{missing, Note};
use crate::summary::NightRange;
use crate::time::LocalDate;

/// A change of at least this many IRLS points is clinically relevant.
pub const RELEVANT_CHANGE: i32 = 5;

/// One IRLS rating.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct RatingPoint {
    /// The day of the rating.
    pub rated_on: LocalDate,
    /// The IRLS total, 0–40.
    pub total: u8,
    /// Its band.
    pub band: IrlsBand,
    /// `moderate`.
    pub band_label: String,
    /// `IRLS 18 (moderate) on Mon 9 Mar 2026`.
    pub text: String,
}

/// Part 10: the IRLS rating and how it changed.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct RatingSummary {
    /// The latest rating on or before the range's last night.
    pub latest: Option<RatingPoint>,
    /// The rating before it.
    pub previous: Option<RatingPoint>,
    /// Latest minus previous, points; `None` without two ratings.
    pub change: Option<i32>,
    /// Whether |change| ≥ [`RELEVANT_CHANGE`].
    pub relevant_change: bool,
    /// `down 6 points since Mon 2 Mar 2026: a clinically relevant change`.
    pub change_text: Option<String>,
    /// The ratings made within the range, oldest first.
    pub in_range: Vec<RatingPoint>,
    /// One sentence for the report.
    pub text: String,
}

fn point(r: &SeverityRatingData) -> RatingPoint {
    let band = IrlsBand::of(r.irls_total);
    let band_label = band.label().to_string();
    RatingPoint {
        rated_on: r.rated_on,
        total: r.irls_total,
        band,
        text: format!(
            "IRLS {} ({band_label}) on {}",
            r.irls_total,
            date_text(r.rated_on)
        ),
        band_label,
    }
}

/// Decodes stored ratings; a rating whose data no longer decodes is left out (history and the
/// night view list it as damaged): one bad row must not take the whole summary down.
fn decoded(stored: Vec<String>) -> Vec<SeverityRatingData> {
    stored
        .iter()
        .filter_map(|data| serde_json::from_str(data).ok())
        .collect()
}

/// Builds part 10.
pub(crate) fn build(
    conn: &Connection,
    range: &NightRange,
    notes: &mut Vec<Note>,
) -> Result<RatingSummary> {
    let recent = decoded(queries::latest_ratings(conn, range.last)?);
    let in_range: Vec<RatingPoint> =
        decoded(queries::ratings_between(conn, range.first, range.last)?)
            .iter()
            .map(point)
            .collect();
    let latest = recent.first().map(point);
    let previous = recent.get(1).map(point);
    let change = latest
        .as_ref()
        .zip(previous.as_ref())
        .map(|(l, p)| i32::from(l.total) - i32::from(p.total));
    let relevant = change.is_some_and(|c| c.abs() >= RELEVANT_CHANGE);
    let change_text = change.zip(previous.as_ref()).map(|(c, p)| {
        let dir = match c {
            0 => "no change".to_string(),
            c if c < 0 => format!("down {}", points_text(-c)),
            c => format!("up {}", points_text(c)),
        };
        format!(
            "{dir} since {}: {}",
            date_text(p.rated_on),
            if relevant {
                format!("a clinically relevant change ({RELEVANT_CHANGE} points or more)")
            } else {
                format!("less than the {RELEVANT_CHANGE} points that count as clinically relevant")
            }
        )
    });
    let text = match (&latest, &change_text) {
        (Some(l), Some(c)) => format!("{}; {c}.", l.text),
        (Some(l), None) => format!("{}; no earlier rating to compare with.", l.text),
        (None, _) => {
            notes.push(missing(
                "rating",
                "No IRLS rating recorded; enter the total from your clinician's form weekly.",
            ));
            "No IRLS rating recorded.".to_string()
        }
    };
    Ok(RatingSummary {
        latest,
        previous,
        change,
        relevant_change: relevant,
        change_text,
        in_range,
        text,
    })
}

/// The bands and the relevant change as the definitions state them: `0 none, 1–10 mild, …;
/// a change of 5 points or more is clinically relevant.`
pub(crate) fn definition_text() -> String {
    format!(
        "{}; a change of {RELEVANT_CHANGE} points or more is clinically relevant.",
        irls_bands_text()
    )
}
