//! Turning command-line text into the core's types, with errors that name the API field.
//!
//! Only the form is checked here (is it a time, a number, a known word); ranges and every other
//! rule are the core's, so the terminal and the apps reject exactly the same input.

use chrono::{Datelike, NaiveDate};
use rlsjournal_core::summary::NightRange;
use rlsjournal_core::time::parse_iso_date;
use rlsjournal_core::{
    Analyte, BodyArea, EntryKind, ExposureKind, Moment, PaperSize, ReliefMethod, Sensation,
    Setting, Settings, Side, TreatmentCategory,
};

use crate::error::{quoted, CliError, CliResult};

/// An optional RFC 3339 time (`None` lets the core use now).
pub fn moment(field: &str, text: Option<&str>) -> CliResult<Option<Moment>> {
    text.map(|t| Moment::parse_rfc3339(t).map_err(|reason| CliError::invalid(field, reason)))
        .transpose()
}

/// An RFC 3339 time, or now.
pub fn moment_or_now(field: &str, text: Option<&str>) -> CliResult<Moment> {
    Ok(moment(field, text)?.unwrap_or_else(Moment::now))
}

/// A `YYYY-MM-DD` date.
pub fn date(field: &str, text: &str) -> CliResult<NaiveDate> {
    parse_iso_date(text).map_err(|reason| CliError::invalid(field, reason))
}

/// An optional date, or today on this device.
pub fn date_or_today(field: &str, text: Option<&str>) -> CliResult<NaiveDate> {
    match text {
        Some(t) => date(field, t),
        None => Ok(Moment::now().local().date()),
    }
}

/// A `YYYY-MM` month, or this month.
pub fn month(text: Option<&str>) -> CliResult<(i32, u8)> {
    let Some(text) = text else {
        let today = Moment::now().local().date();
        return Ok((today.year(), today.month() as u8));
    };
    let bad = || CliError::invalid("month", format!("{} is not a month YYYY-MM", quoted(text)));
    let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    Ok((year, month))
}

/// `--from`/`--to` as a range of nights, for `summary` and `export`.
///
/// A missing `--to` is the core's default last night (the last completed night, by the
/// `morning_hour` setting); a missing `--from` is `default_nights` nights ending with `--to`.
/// The range is not checked here: the core rejects one that ends before it starts (field
/// `first`) or is too long, with the same words the apps show.
pub fn night_range(
    from: Option<&str>,
    to: Option<&str>,
    settings: &Settings,
    default_nights: i64,
) -> CliResult<NightRange> {
    let last = match to {
        Some(t) => date("to", t)?,
        None => NightRange::default_at(&Moment::now(), settings).last,
    };
    let first = match from {
        Some(f) => date("from", f)?,
        None => last - chrono::Duration::days(default_nights.max(1) - 1),
    };
    Ok(NightRange { first, last })
}

/// `a4` or `letter` (any case).
pub fn paper_size(text: &str) -> CliResult<PaperSize> {
    match text.trim().to_ascii_lowercase().as_str() {
        "a4" => Ok(PaperSize::A4),
        "letter" => Ok(PaperSize::Letter),
        _ => Err(CliError::invalid(
            "paper_size",
            format!("{} is not one of a4, letter", quoted(text)),
        )),
    }
}

/// A whole number in the range of the target type; the core checks the real range.
pub fn number<T: TryFrom<i64>>(field: &str, value: i64) -> CliResult<T> {
    T::try_from(value).map_err(|_| CliError::invalid(field, format!("{value} is out of range")))
}

/// An optional whole number (see [`number`]).
pub fn optional_number<T: TryFrom<i64>>(field: &str, value: Option<i64>) -> CliResult<Option<T>> {
    value.map(|v| number(field, v)).transpose()
}

/// A word from a vocabulary, with the choices in the error.
fn word<T>(field: &str, text: &str, parse: Option<T>, choices: &[&str]) -> CliResult<T> {
    parse.ok_or_else(|| {
        CliError::invalid(
            field,
            format!("{} is not one of {}", quoted(text), choices.join(", ")),
        )
    })
}

/// Codes of a labelled vocabulary, plus the `other:<label>` form.
fn with_other(codes: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    codes.chain(std::iter::once("other:<label>")).collect()
}

/// `left`, `right`, `both`, `alternating`.
pub fn side(text: &str) -> CliResult<Side> {
    let codes: Vec<&str> = Side::ALL.iter().map(|s| s.code()).collect();
    word("side", text, Side::from_code(text.trim()), &codes)
}

/// A body area.
pub fn body_area(text: &str) -> CliResult<BodyArea> {
    let codes: Vec<&str> = BodyArea::ALL.iter().map(|s| s.code()).collect();
    word("body_areas", text, BodyArea::from_code(text.trim()), &codes)
}

/// An entry kind for history filters.
pub fn entry_kind(text: &str) -> CliResult<EntryKind> {
    let codes: Vec<&str> = EntryKind::ALL.iter().map(|s| s.code()).collect();
    word("kind", text, EntryKind::from_code(text.trim()), &codes)
}

/// `in_bed`, `sitting`, `travelling` or `other:<label>`.
pub fn setting(text: &str) -> CliResult<Setting> {
    let codes = with_other(Setting::PLAIN.iter().map(|s| s.code()));
    word("setting", text, Setting::parse(text), &codes)
}

/// A sensation or `other:<label>`.
pub fn sensation(text: &str) -> CliResult<Sensation> {
    let codes = with_other(Sensation::PLAIN.iter().map(|s| s.code()));
    word("sensations", text, Sensation::parse(text), &codes)
}

/// A relief method or `other:<label>`.
pub fn relief_method(text: &str) -> CliResult<ReliefMethod> {
    let codes = with_other(ReliefMethod::PLAIN.iter().map(|s| s.code()));
    word("method", text, ReliefMethod::parse(text), &codes)
}

/// An exposure kind or `other:<label>`.
pub fn exposure_kind(text: &str) -> CliResult<ExposureKind> {
    let codes = with_other(ExposureKind::PLAIN.iter().map(|s| s.code()));
    word("kind", text, ExposureKind::parse(text), &codes)
}

/// A treatment category or `other:<label>`.
pub fn treatment_category(text: &str) -> CliResult<TreatmentCategory> {
    let codes = with_other(TreatmentCategory::PLAIN.iter().map(|s| s.code()));
    word("category", text, TreatmentCategory::parse(text), &codes)
}

/// A lab analyte or `other:<label>`.
pub fn analyte(text: &str) -> CliResult<Analyte> {
    let codes = with_other(Analyte::PLAIN.iter().map(|s| s.code()));
    word("analyte", text, Analyte::parse(text), &codes)
}

/// A drug-safety check-in item (`gambling`, `shopping`, `eating`, `sexual`, `falling_asleep`).
pub fn safety_item(text: &str) -> CliResult<rlsjournal_core::SafetyItem> {
    use rlsjournal_core::SafetyItem;
    let codes: Vec<&str> = SafetyItem::ALL.iter().map(|s| s.code()).collect();
    word(
        "answered_yes",
        text,
        SafetyItem::from_code(text.trim()),
        &codes,
    )
}

// Dose timeline (issue 15 item 4).

/// A dose step, `DATE=DOSE` or `DATE=DOSExTIMES` (`2026-03-01=0.25x2`): only the form is
/// checked here, the core checks the dates and amounts against the regimen.
pub fn dose_change(field: &str, text: &str) -> CliResult<rlsjournal_core::DoseChange> {
    let form = || {
        CliError::invalid(
            field,
            format!(
                "expected DATE=DOSE or DATE=DOSExTIMES, got {}",
                quoted(text)
            ),
        )
    };
    let (day, rest) = text.split_once('=').ok_or_else(form)?;
    let (dose, times) = match rest.split_once(['x', '×']) {
        Some((d, t)) => (d, Some(t.trim().parse::<i32>().map_err(|_| form())?)),
        None => (rest, None),
    };
    Ok(rlsjournal_core::DoseChange {
        from: date(field, day.trim())?,
        dose: dose.trim().parse::<f64>().map_err(|_| form())?,
        times_per_day: times,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field_and_the_choices() {
        let err = side("up").expect_err("not a side").to_string();
        assert_eq!(
            err,
            "invalid side: \"up\" is not one of left, right, both, alternating"
        );
        let err = moment("started_at", Some("tonight"))
            .expect_err("not a time")
            .to_string();
        assert!(err.starts_with("invalid started_at: \"tonight\""), "{err}");
        assert!(number::<u8>("peak_intensity", 300)
            .expect_err("too big")
            .to_string()
            .contains("peak_intensity"));
    }

    #[test]
    fn other_choices_keep_their_label() {
        assert_eq!(
            exposure_kind("other:hot bath").expect("parses"),
            ExposureKind::Other {
                label: "hot bath".into()
            }
        );
        assert_eq!(month(Some("2026-11")).expect("month"), (2026, 11));
        assert!(month(Some("2026/11")).is_err());
    }

    #[test]
    fn night_ranges_fill_a_missing_end() {
        let settings = Settings::default();
        let r = night_range(None, Some("2026-11-26"), &settings, 30).expect("range");
        assert_eq!(r.first.to_string(), "2026-10-28");
        assert_eq!(r.nights(), 30);
        let r = night_range(Some("2026-11-20"), Some("2026-11-26"), &settings, 30).expect("range");
        assert_eq!(r.nights(), 7);
        let err = night_range(Some("20-11-2026"), None, &settings, 14)
            .expect_err("not a date")
            .to_string();
        assert!(err.starts_with("invalid from:"), "{err}");
        assert_eq!(paper_size(" Letter ").expect("paper"), PaperSize::Letter);
        assert!(paper_size("a5").is_err());
    }
}
