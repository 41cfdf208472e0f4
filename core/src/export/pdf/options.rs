//! The options of the clinician report, and their validation.

use crate::error::{JournalError, Result};
use crate::model::validate::optional_text;
use crate::settings::{PaperSize, Settings};
use crate::summary::NightRange;

/// Nights in the default report range.
pub const DEFAULT_REPORT_NIGHTS: i64 = 30;
/// The longest range one report may cover (a year); the page stays readable up to there.
pub const MAX_REPORT_NIGHTS: i64 = 366;
/// The longest patient name printed, in characters.
pub const MAX_PATIENT_NAME_CHARS: usize = 120;
/// The most fallback fonts one report takes.
pub const MAX_FALLBACK_FONTS: usize = 8;
/// The largest fallback font file, bytes (system CJK collections are about 20–30 MB).
pub const MAX_FALLBACK_FONT_BYTES: usize = 64 * 1024 * 1024;

/// A font file the platform supplies for the scripts the report's own font lacks (Chinese,
/// Japanese, Korean, Arabic, Hebrew, Thai…): the bytes of a TrueType or OpenType font (`.ttf`,
/// `.otf`) or collection (`.ttc`, `.otc`), e.g. Android's
/// `/system/fonts/NotoSansCJK-Regular.ttc` or an iOS system font's data. Only the glyphs the
/// report uses are embedded.
#[derive(uniffi::Record, Clone, Default, PartialEq, Eq)]
pub struct ReportFont {
    /// The font file's bytes.
    pub data: Vec<u8>,
    /// Which face of a collection to use (0, the first, for a single font).
    #[uniffi(default)]
    pub face_index: u32,
}

impl std::fmt::Debug for ReportFont {
    // Fonts are megabytes: debug output names the size, not the bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportFont")
            .field("bytes", &self.data.len())
            .field("face_index", &self.face_index)
            .finish()
    }
}

/// What the clinician report covers and how it is printed. Every field has a default, so
/// `ReportOptions::default()` (or an empty record in Kotlin/Swift) gives the usual report.
#[derive(uniffi::Record, Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// The nights to report on; `None` for the period since the last clinician visit (see
    /// `Journal::visit_period`: the 30 nights ending with the last completed night without a
    /// past visit or when it is less than 14 nights ago). At most 366 nights.
    #[uniffi(default)]
    pub range: Option<NightRange>,
    /// The paper size; `None` for the one in the settings.
    #[uniffi(default)]
    pub paper_size: Option<PaperSize>,
    /// Whether to print the patient's own notes. Off by default: notes can be private.
    #[uniffi(default)]
    pub include_notes: bool,
    /// The patient's name to print in the header; `None` (or blank) prints no name.
    #[uniffi(default)]
    pub patient_name: Option<String>,
    /// Fonts for characters the report's own font lacks, tried in order (at most 8, each at
    /// most 64 MB). The report's font covers Latin (Vietnamese included), Greek and Cyrillic;
    /// other scripts need a font here, and characters no font can draw are shown as "□" with a
    /// line saying so.
    #[uniffi(default)]
    pub fallback_fonts: Vec<ReportFont>,
    /// Whether to add the second page with the detail: the relief toolkit, where and how,
    /// patterns to test, the sleep diary means, every one of the patient's notes in the range
    /// (when notes are included) and the definitions in a readable size. Off by default: page
    /// 1 stands alone.
    #[uniffi(default)]
    pub detail_page: bool,
}

/// Options with every default filled in and every field checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The nights reported on.
    pub range: NightRange,
    /// The paper size.
    pub paper: PaperSize,
    /// Whether notes are printed.
    pub include_notes: bool,
    /// The name to print.
    pub patient_name: Option<String>,
    /// Whether the second page (the detail) is added.
    pub detail_page: bool,
}

impl ReportOptions {
    /// Fills in the defaults at `now` and checks every field.
    ///
    /// Errors: `InvalidInput` for a range that ends before it starts, lies outside the years
    /// 1900–9999 (fields `first`, `last`) or is longer than 366 nights (field `range`), and for
    /// a patient name longer than 120 characters (field `patient_name`).
    #[cfg(test)]
    pub(crate) fn resolve(
        &self,
        settings: &Settings,
        now: &crate::time::Moment,
    ) -> Result<Resolved> {
        let last = NightRange::default_at(now, settings).last;
        let default = NightRange {
            first: last - chrono::Duration::days(DEFAULT_REPORT_NIGHTS - 1),
            last,
        };
        self.resolve_with_default(settings, default)
    }

    /// [`ReportOptions::resolve`] with `default` as the range when none is given (the journal's
    /// "since the last visit" period, `summary::visit_period`).
    pub(crate) fn resolve_with_default(
        &self,
        settings: &Settings,
        default: NightRange,
    ) -> Result<Resolved> {
        let range = self.range.unwrap_or(default).validated()?;
        if range.nights() > MAX_REPORT_NIGHTS {
            return Err(JournalError::invalid(
                "range",
                format!(
                    "a one-page report covers at most {MAX_REPORT_NIGHTS} nights; this range has {}",
                    range.nights()
                ),
            ));
        }
        let patient_name =
            optional_text("patient_name", &self.patient_name, MAX_PATIENT_NAME_CHARS)?;
        Ok(Resolved {
            range,
            paper: self.paper_size.unwrap_or(settings.paper_size),
            include_notes: self.include_notes,
            patient_name,
            detail_page: self.detail_page,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Moment;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn now() -> Moment {
        Moment::parse_rfc3339("2026-10-28T08:00:00+01:00").expect("time")
    }

    #[test]
    fn defaults_are_the_last_30_nights_on_the_settings_paper() {
        let settings = Settings {
            paper_size: PaperSize::Letter,
            ..Settings::default()
        };
        let r = ReportOptions::default()
            .resolve(&settings, &now())
            .expect("resolve");
        assert_eq!(r.range.last, date(2026, 10, 27));
        assert_eq!(r.range.nights(), 30);
        // The previous range of the changes is the summary's (`summary::changes`).
        let previous = crate::summary::changes::previous_range(&r.range).expect("previous");
        assert_eq!(previous.last, date(2026, 9, 27));
        assert_eq!(previous.nights(), 30);
        assert_eq!(r.paper, PaperSize::Letter);
        assert!(!r.include_notes);
        assert_eq!(r.patient_name, None);
        assert!(!r.detail_page, "page 2 is off by default");
    }

    #[test]
    fn bad_options_are_invalid_input() {
        let s = Settings::default();
        let backwards = ReportOptions {
            range: Some(NightRange {
                first: date(2026, 10, 2),
                last: date(2026, 10, 1),
            }),
            ..ReportOptions::default()
        };
        assert!(matches!(
            backwards.resolve(&s, &now()),
            Err(JournalError::InvalidInput { field, .. }) if field == "first"
        ));
        let long = ReportOptions {
            range: Some(NightRange {
                first: date(2024, 1, 1),
                last: date(2026, 1, 1),
            }),
            ..ReportOptions::default()
        };
        assert!(matches!(
            long.resolve(&s, &now()),
            Err(JournalError::InvalidInput { field, .. }) if field == "range"
        ));
        let name = ReportOptions {
            patient_name: Some("x".repeat(121)),
            ..ReportOptions::default()
        };
        assert!(matches!(
            name.resolve(&s, &now()),
            Err(JournalError::InvalidInput { field, .. }) if field == "patient_name"
        ));
        let blank = ReportOptions {
            patient_name: Some("  ".into()),
            paper_size: Some(PaperSize::A4),
            ..ReportOptions::default()
        };
        assert_eq!(blank.resolve(&s, &now()).expect("ok").patient_name, None);
    }
}
