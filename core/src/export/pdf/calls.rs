//! The exported report call on `Journal`.

use rusqlite::Connection;

use crate::error::Result;
use crate::export::pdf::gather;
use crate::export::pdf::options::ReportOptions;
use crate::export::pdf::render_report_with_fonts;
use crate::export::pdf::visit;
use crate::export::pdf::ReportContent;
use crate::journal::Journal;
use crate::settings::{PaperSize, Settings};
use crate::summary;
use crate::time::Moment;

impl Journal {
    /// What the report made at `now` would show (for tests and for previews in Rust).
    pub fn report_content_at(&self, options: &ReportOptions, now: Moment) -> Result<ReportContent> {
        self.report_content_pausing(options, now, || ())
    }

    /// [`Journal::report_content_at`], calling `pause` after both periods' summaries are built
    /// and before the notes are read. The whole report is read in one
    /// transaction, so nothing another handle writes during `pause` shows in it: a test checks
    /// that with this hook. Not for anything else.
    #[doc(hidden)]
    pub fn report_content_pausing(
        &self,
        options: &ReportOptions,
        now: Moment,
        pause: impl FnOnce(),
    ) -> Result<ReportContent> {
        self.read(|conn, settings| content_in(conn, settings, options, &now, pause))
            .map(|(content, _)| content)
    }

    /// [`Journal::report_pdf`] as if it were `now` ("generated on" and the default range depend
    /// on it): the same journal, options and `now` always give the same bytes.
    pub fn report_pdf_at(&self, options: ReportOptions, now: Moment) -> Result<Vec<u8>> {
        let (content, paper) =
            self.read(|conn, settings| content_in(conn, settings, &options, &now, || ()))?;
        render_report_with_fonts(&content, paper, &options.fallback_fonts)
    }
}

/// The report's content and paper size, every part read from the one snapshot `conn` is in.
fn content_in(
    conn: &Connection,
    settings: &Settings,
    options: &ReportOptions,
    now: &Moment,
    pause: impl FnOnce(),
) -> Result<(ReportContent, PaperSize)> {
    let period = summary::visit_period::build(conn, settings, now)?;
    let resolved = options.resolve_with_default(settings, period.range)?;
    let summary = summary::build(conn, settings, Some(resolved.range), now)?;
    pause();
    let mut extras = gather::extras(conn, &resolved.range)?;
    // The dose–onset strip reads only the nights it shows (issue 21).
    extras.strip = summary::dose_onset::build(
        conn,
        &resolved.range,
        &crate::views::night::all_treatments(conn)?,
        settings.morning_hour,
    )?;
    let mut content = gather::content(&resolved, &summary, &extras, now);
    visit::fill(&mut content, &period, &resolved.range, &summary);
    Ok((content, resolved.paper))
}

#[uniffi::export]
impl Journal {
    /// The one-page clinician report as PDF bytes (A4 or US Letter): period, key figures with
    /// the change against the previous period of the same length, points to discuss (iron,
    /// augmentation watch, frequency), a night-by-night heat map, onset times, weekly symptom
    /// nights (partial weeks marked) and sleep efficiency, the dose–onset strip (with a
    /// dopaminergic or alpha-2-delta treatment), patterns to test, relief, treatments, labs,
    /// and the definitions used. With `detail_page`, a second page holds the detail, every
    /// note and the definitions at a readable size. Both apps get the same bytes for the same journal and options.
    ///
    /// Errors: `InvalidInput` for bad options — a range that ends before it starts or is longer
    /// than 366 nights (fields `first`, `last`, `range`), a patient name over 120 characters
    /// (field `patient_name`), fallback fonts that are not usable fonts, more than 8 or one
    /// over 64 MB (field `fallback_fonts`).
    pub fn report_pdf(&self, options: ReportOptions) -> Result<Vec<u8>> {
        self.report_pdf_at(options, self.now())
    }
}
