//! What the report shows, already worded and formatted: the input of the page layout.
//!
//! [`ReportContent`] is filled from the journal and its summary (see `gather.rs`) and drawn by
//! [`crate::export::pdf::render_report`]; the layout decides only where things go and how much
//! of a long list fits, never what a number means.

use crate::time::{LocalDate, Moment};

/// Everything printed on the one-page clinician report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportContent {
    /// The title, e.g. `RLS symptom report`.
    pub title: String,
    /// The patient's name, if they chose to print it.
    pub patient_name: Option<String>,
    /// The nights covered, e.g. `Mon 28 Sep – Tue 27 Oct 2026 (30 nights)`.
    pub period_text: String,
    /// When the report was made, e.g. `Generated on Tue 27 Oct 2026, 08:00`.
    pub generated_text: String,
    /// When the report was made (the PDF's creation date).
    pub generated_at: Moment,
    /// Who recorded the data, e.g. `Self-reported by the patient with RLS Journal.`
    pub attribution: String,
    /// The visit lines under the period, e.g. `Since the last visit on Sat 11 Oct 2025` and
    /// `Visit: Thu 3 Dec 2026 with Dr Rossi` (issue 21); empty without visits.
    pub visit_lines: Vec<String>,
    /// The person's own question for the next visit, printed at the top when set.
    pub question: Option<String>,
    /// The key figures, each with its change against the previous period.
    pub figures: Vec<KeyFigure>,
    /// What the changes compare with, e.g. `Changes: against the previous 30 nights (…).`
    pub comparison_text: String,
    /// What to discuss with the clinician (iron, augmentation watch, frequency…).
    pub flags: Vec<Flag>,
    /// Notes on the data (few nights, gaps, open episodes).
    pub data_notes: Vec<String>,
    /// Every night of the period, oldest first, for the heat-map calendar.
    pub nights: Vec<NightMark>,
    /// Onset times of day.
    pub onset: OnsetChart,
    /// Week by week: symptom nights and sleep efficiency.
    pub weeks: Vec<WeekPoint>,
    /// Possible triggers, as associations.
    pub triggers: Table,
    /// What was tried for relief, and how well it helped.
    pub relief: Table,
    /// Treatments with dates and doses; their `marker` numbers mark starts in the calendar.
    pub treatments: Table,
    /// Lab results against the iron thresholds.
    pub labs: Table,
    /// Sleep from the morning diaries (means of TIB, TST, SOL, WASO, SE…).
    pub sleep: Table,
    /// Where and how symptoms were felt (body areas, side, sensations, setting).
    pub where_and_how: Table,
    /// The patient's notes (only when they chose to include them).
    pub notes: Vec<NoteLine>,
    /// The definitions used, for the footer.
    pub definitions: Vec<String>,
    /// The dose–onset strip (issue 21), when a dopaminergic or alpha-2-delta treatment falls in
    /// the range.
    pub strip: Option<DoseOnsetStrip>,
    /// Whether the report has its optional second page (the detail; see
    /// [`crate::export::pdf::ReportOptions::detail_page`]).
    pub detail_page: bool,
}

/// The dose–onset strip: one row a night, doses and onsets on one day clock, in groups.
#[derive(Clone, Debug, PartialEq)]
pub struct DoseOnsetStrip {
    /// The title, e.g. `Dose and onset times, one row a night: pramipexole`.
    pub title: String,
    /// What the marks mean.
    pub legend: String,
    /// The clock axis: each tick's place (0–1 across the day from the morning hour) and label.
    pub ticks: Vec<(f32, String)>,
    /// The groups, left to right.
    pub groups: Vec<StripGroupView>,
}

/// One group of the strip.
#[derive(Clone, Debug, PartialEq)]
pub struct StripGroupView {
    /// The group's name: `baseline`, `first weeks` or `latest weeks`.
    pub label: String,
    /// Its nights and how many were observed, e.g. `1–14 Oct · 12 of 14 logged`.
    pub detail: String,
    /// One row a night, oldest first.
    pub rows: Vec<StripRowView>,
}

/// One night of the strip.
#[derive(Clone, Debug, PartialEq)]
pub struct StripRowView {
    /// The night's label, e.g. `Mo 6` (drawn on the first night of each week).
    pub label: String,
    /// Whether the night was observed (an unobserved row is shaded: missing, not calm).
    pub observed: bool,
    /// Onsets: place (0–1 across the day) and peak (1–10).
    pub onsets: Vec<(f32, u8)>,
    /// Doses: place (0–1 across the day) and whether of the strip's own treatment.
    pub doses: Vec<(f32, bool)>,
}

/// Whether a change is good or bad news for the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Neither (or not comparable).
    Neutral,
    /// Better than before.
    Better,
    /// Worse than before.
    Worse,
}

/// One key figure.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    /// What it is, e.g. `Symptom nights per week`.
    pub label: String,
    /// The value, e.g. `4.2`, or `–` without data.
    pub value: String,
    /// A short qualifier under the value, e.g. `18 of 30 nights logged` or `moderate`.
    pub detail: String,
    /// The change against the previous period, e.g. `+1.3 vs 2.9 before`; `None` if there is
    /// nothing to compare.
    pub change: Option<String>,
    /// Which way the number moved (drawn as an arrow).
    pub direction: Direction,
    /// Whether the change is good or bad news (the arrow's colour).
    pub tone: Tone,
}

/// Which way a key figure moved against the previous period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// It went up (or, for a clock time, later).
    Up,
    /// It went down (or earlier).
    Down,
    /// It stayed the same.
    Same,
}

/// How urgent a point to discuss is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagLevel {
    /// Worth raising with the clinician.
    Discuss,
    /// For information (nothing of concern, or a check that could not be made).
    Info,
}

/// One point to discuss.
#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    /// The topic, e.g. `Iron`.
    pub topic: String,
    /// What was found, in one or two sentences.
    pub text: String,
    /// How urgent.
    pub level: FlagLevel,
}

/// One night of the heat-map calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct NightMark {
    /// The night (the evening's date).
    pub night: LocalDate,
    /// Whether anything was logged that night (unlogged nights are missing, not symptom-free).
    pub logged: bool,
    /// The highest peak intensity, 0 for a logged night without symptoms.
    pub peak: u8,
    /// Markers of the treatments started that night (see [`Table`] rows' `marker`).
    pub treatment_starts: Vec<u8>,
    /// Whether a regimen's dose changed that night (a dose step from that day; issue 15 item 4).
    pub dose_change: bool,
}

/// Episodes by hour of onset.
#[derive(Clone, Debug, PartialEq)]
pub struct OnsetChart {
    /// Episodes that started in each local hour, 00 to 23 (24 values).
    pub bins: Vec<u32>,
    /// The circular median onset, minutes after midnight.
    pub median_minute: Option<u32>,
    /// A caption, e.g. `median 22:40, half between 21:50 and 23:30`.
    pub caption: String,
}

/// One week of the weekly chart.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekPoint {
    /// The week's label, e.g. `5 Oct` (its Monday, or the range's first night).
    pub label: String,
    /// Symptom nights per week (symptom nights ÷ nights logged × 7); `None` if nothing logged.
    /// Drawn only for a complete week (7 observed nights), where it equals `symptom_nights`.
    pub symptom_nights_per_week: Option<f64>,
    /// Symptom nights counted in the week.
    pub symptom_nights: u32,
    /// Observed nights of the week (0–7).
    pub observed: u32,
    /// Fewer than 7 observed nights: drawn as counted and marked, never scaled up to a week.
    pub partial: bool,
    /// The mean sleep efficiency of the week's diaries, percent; `None` without diaries.
    pub sleep_efficiency: Option<f64>,
}

/// A table: a title, columns and rows of already formatted cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The section title, e.g. `Possible triggers`.
    pub title: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, most important first (the layout may show only the first ones).
    pub rows: Vec<Row>,
    /// What to print when there are no rows.
    pub empty_text: String,
    /// Lines under the table (a caveat, the best relief per severity tier).
    pub footnotes: Vec<String>,
}

/// How a column is laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header.
    pub header: String,
    /// Its share of the table's width.
    pub weight: f32,
    /// Whether its cells are right-aligned (numbers).
    pub numeric: bool,
}

/// One row of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The cells, one per column.
    pub cells: Vec<String>,
    /// A number drawn as a marker before the first cell (treatments: it marks their start in
    /// the calendar).
    pub marker: Option<u8>,
    /// Whether the row needs attention (e.g. a lab value past its threshold).
    pub alert: bool,
}

/// One of the patient's notes.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteLine {
    /// When, e.g. `Night of 12 Oct`.
    pub when: String,
    /// The note.
    pub text: String,
}
