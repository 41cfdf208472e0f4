//! Part 10, severity rating: the latest IRLS total (on or before the range's last night), its
//! band ([`crate::model::lab::IRLS_BANDS`]), the change since the rating before it and since
//! the first rating in the range. A change of [`RELEVANT_CHANGE`] points or more is marked as
//! reaching a threshold studies have used; it is not stated as clinically relevant, because
//! published minimal important changes of the IRLS range from about
//! [`PUBLISHED_MIC_LOW_POINTS`] to [`PUBLISHED_MIC_HIGH_POINTS`] points.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
pub use crate::model::lab::IrlsBand;

use crate::format::points_text;
use crate::format::{date_text, day_month_year};
use crate::model::kinds::TreatmentCategory;
use crate::model::lab::{irls_bands_text, SeverityRatingData};
use crate::store::queries;
use crate::summary::notes::{missing, Note};
use crate::summary::treatments::ActiveTreatment;
use crate::summary::NightRange;
use crate::time::LocalDate;

/// A change of at least this many IRLS points is marked: a threshold studies have used, inside
/// the published range of minimal important changes ([`PUBLISHED_MIC_LOW_POINTS`]–
/// [`PUBLISHED_MIC_HIGH_POINTS`]), not a fact about this person.
pub const RELEVANT_CHANGE: i32 = 5;
/// The low end of published minimal important changes of the IRLS total (points).
pub const PUBLISHED_MIC_LOW_POINTS: i32 = 3;
/// The high end of published minimal important changes of the IRLS total (points).
pub const PUBLISHED_MIC_HIGH_POINTS: i32 = 9;

/// One IRLS rating.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct RatingPoint {
    /// The day of the rating.
    pub rated_on: LocalDate,
    /// The IRLS total, 0–40.
    pub total: i32,
    /// Its band.
    pub band: IrlsBand,
    /// `moderate`.
    pub band_label: String,
    /// `IRLS 18 (moderate) on Mon 9 Mar 2026`.
    pub text: String,
    /// `before pramipexole (started Mon 9 Mar 2026)`: set on the last rating on or before the
    /// start of a drug or iron treatment active in the range (the pre-treatment rating);
    /// `None` otherwise.
    pub before_treatment: Option<String>,
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
    /// Whether |change| ≥ [`RELEVANT_CHANGE`] (a threshold studies have used).
    pub relevant_change: bool,
    /// `down 6 points since Mon 2 Mar 2026: 5 points or more, a threshold studies have used`.
    pub change_text: Option<String>,
    /// The first rating made within the range, when the latest is a later one.
    pub first_in_range: Option<RatingPoint>,
    /// Latest minus the first rating in the range, points; `None` without such a rating.
    pub change_since_first: Option<i32>,
    /// `up 2 points since the first rating in this range (Mon 23 Feb 2026)`.
    pub change_since_first_text: Option<String>,
    /// The ratings made within the range, oldest first.
    pub in_range: Vec<RatingPoint>,
    /// The IRLS series (issue 21): every rating within the range, and the pre-treatment rating
    /// of each treatment active in the range (marked `before_treatment`, even when it was made
    /// before the range), oldest first; no colour or better/worse judgement.
    pub series: Vec<RatingPoint>,
    /// `IRLS 24 (2 Mar 2026, before pramipexole), 18 (16 Mar 2026), 15 (30 Mar 2026)`, or
    /// `None` without ratings in the series.
    pub series_text: Option<String>,
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
        before_treatment: None,
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
    active: &[ActiveTreatment],
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
        .map(|(l, p)| l.total - p.total);
    let relevant = change.is_some_and(|c| c.abs() >= RELEVANT_CHANGE);
    let change_text = change.zip(previous.as_ref()).map(|(c, p)| {
        format!(
            "{} since {}: {}",
            direction_text(c),
            date_text(p.rated_on),
            threshold_words(relevant)
        )
    });
    // The first rating of the range, when the latest is a later one (and not also the previous
    // rating, which the change above already compares with).
    let first_in_range = in_range
        .first()
        .filter(|f| {
            latest.as_ref().is_some_and(|l| f.rated_on < l.rated_on)
                && previous.as_ref().is_none_or(|p| p.rated_on != f.rated_on)
        })
        .cloned();
    let change_since_first = latest
        .as_ref()
        .zip(first_in_range.as_ref())
        .map(|(l, f)| l.total - f.total);
    let change_since_first_text = change_since_first
        .zip(first_in_range.as_ref())
        .map(|(c, f)| {
            format!(
                "{} since the first rating in this range ({})",
                direction_text(c),
                date_text(f.rated_on)
            )
        });
    let text = match (&latest, &change_text) {
        (Some(l), Some(c)) => match &change_since_first_text {
            Some(first) => format!("{}; {c}; {first}.", l.text),
            None => format!("{}; {c}.", l.text),
        },
        (Some(l), None) => format!("{}; no earlier rating to compare with.", l.text),
        (None, _) => {
            notes.push(missing(
                "rating",
                "No IRLS rating recorded; enter the total from your clinician's form weekly.",
            ));
            "No IRLS rating recorded.".to_string()
        }
    };
    let series = series(conn, &in_range, active)?;
    let series_text = (!series.is_empty()).then(|| {
        let items: Vec<String> = series
            .iter()
            .map(|p| match &p.before_treatment {
                Some(b) => format!("{} ({}, {b})", p.total, day_month_year(p.rated_on)),
                None => format!("{} ({})", p.total, day_month_year(p.rated_on)),
            })
            .collect();
        format!("IRLS {}", items.join(", "))
    });
    Ok(RatingSummary {
        latest,
        previous,
        change,
        relevant_change: relevant,
        change_text,
        first_in_range,
        change_since_first,
        change_since_first_text,
        in_range,
        series,
        series_text,
        text,
    })
}

/// Whether a treatment's start marks a pre-treatment IRLS rating: the drug and iron treatments
/// a response is judged on (not supplements, routines, devices or medicines that may worsen
/// RLS, which would mark nearly every rating).
fn marks_a_baseline(category: &TreatmentCategory) -> bool {
    matches!(
        category,
        TreatmentCategory::DopamineAgonist
            | TreatmentCategory::Levodopa
            | TreatmentCategory::Alpha2DeltaLigand
            | TreatmentCategory::Opioid
            | TreatmentCategory::OralIron
            | TreatmentCategory::IvIron
    )
}

/// The ratings of the range with each treatment's pre-treatment rating marked (and added when
/// it precedes the range), oldest first.
fn series(
    conn: &Connection,
    in_range: &[RatingPoint],
    active: &[ActiveTreatment],
) -> Result<Vec<RatingPoint>> {
    let mut series: Vec<RatingPoint> = in_range.to_vec();
    for t in active.iter().filter(|t| marks_a_baseline(&t.category)) {
        let Some(before) = decoded(queries::latest_ratings(conn, t.started_on)?)
            .first()
            .map(point)
        else {
            continue;
        };
        let mark = format!("before {} (started {})", t.name, date_text(t.started_on));
        match series.iter_mut().find(|p| p.rated_on == before.rated_on) {
            Some(p) => {
                p.before_treatment = Some(match p.before_treatment.take() {
                    Some(earlier) => format!("{earlier}; {mark}"),
                    None => mark,
                })
            }
            None => series.push(RatingPoint {
                before_treatment: Some(mark),
                ..before
            }),
        }
    }
    series.sort_by_key(|p| p.rated_on);
    Ok(series)
}

/// `down 6 points`, `up 1 point`, `no change`.
fn direction_text(change: i32) -> String {
    match change {
        0 => "no change".to_string(),
        c if c < 0 => format!("down {}", points_text(-c)),
        c => format!("up {}", points_text(c)),
    }
}

/// Whether a change reaches [`RELEVANT_CHANGE`], worded as a threshold studies have used.
fn threshold_words(reaches: bool) -> String {
    if reaches {
        format!("{RELEVANT_CHANGE} points or more, a threshold studies have used")
    } else {
        format!("less than the {RELEVANT_CHANGE} points studies have used")
    }
}

/// The bands and the change threshold as the definitions state them: `0 none, 1–10 mild, …;
/// published minimal important changes range from about 3 to 9 points; …`.
pub(crate) fn definition_text() -> String {
    format!(
        "{}. Changes are shown since the previous rating and since the first rating in the \
         range. Published minimal important changes of the IRLS total range from about \
         {PUBLISHED_MIC_LOW_POINTS} to {PUBLISHED_MIC_HIGH_POINTS} points, depending on the \
         study and method; a change of {RELEVANT_CHANGE} points or more is marked as reaching a \
         threshold studies have used, not as proof of a real change. Scale: IRLSSG rating \
         scale (Walters et al. 2003); its responsiveness: Abetz et al. 2006.",
        irls_bands_text()
    )
}
