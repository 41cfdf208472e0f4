//! The `--json` output: explicit structs with stable snake_case field names.
//!
//! These are the terminal's contract with scripts (documented in `cli/README.md`), written out
//! here so that a change inside the core cannot silently change them. Conventions: times are
//! RFC 3339 with the offset they were recorded at; `created_at`/`updated_at` are RFC 3339 UTC;
//! dates are `YYYY-MM-DD`; vocabulary values are their codes, `other:<label>` for "other";
//! absent optional values are `null`; sets are arrays.

use std::time::SystemTime;

use rlsjournal_core::export::backup::ImportSummary;
use rlsjournal_core::model::lab::irls_band;
use rlsjournal_core::{
    CalendarDay, CalendarMonth, DamagedRecord, Dose, Entry, Episode, Exposure, HistoryItem,
    HistoryPage, LabResult, LocalDate, Moment, NightView, PaperSize, Prompt, PromptKind,
    RecordMeta, ReliefAttempt, Settings, SeverityRating, SleepDiary, Treatment,
};
use rlsjournal_demo::DemoReport;
use serde::Serialize;

fn time(m: &Moment) -> String {
    m.to_rfc3339()
}

fn utc(t: SystemTime) -> String {
    Moment {
        instant: t,
        offset_minutes: 0,
    }
    .to_rfc3339()
}

fn date(d: LocalDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Record bookkeeping shared by every record.
#[derive(Serialize)]
pub struct MetaJson {
    /// When the record was first saved (UTC).
    pub created_at: String,
    /// When it was last changed (UTC).
    pub updated_at: String,
}

impl MetaJson {
    fn of(meta: &RecordMeta) -> MetaJson {
        MetaJson {
            created_at: utc(meta.created_at),
            updated_at: utc(meta.updated_at),
        }
    }
}

/// An episode with its relief attempts.
#[derive(Serialize)]
pub struct EpisodeJson {
    /// Record id.
    pub id: String,
    /// The night it belongs to.
    pub night: String,
    /// When symptoms began.
    pub started_at: String,
    /// When they ended; null while in progress.
    pub ended_at: Option<String>,
    /// 1–10.
    pub peak_intensity: u8,
    /// Minutes from lying or sitting down to onset.
    pub latency_minutes: Option<u32>,
    /// `in_bed`, `sitting`, `travelling`, `other:<label>`.
    pub setting: Option<String>,
    /// `left`, `right`, `both`, `alternating`.
    pub side: Option<String>,
    /// Body area codes.
    pub body_areas: Vec<String>,
    /// Sensation codes.
    pub sensations: Vec<String>,
    /// Whether it woke the person.
    pub woke_from_sleep: bool,
    /// Free note.
    pub note: Option<String>,
    /// Relief attempts, oldest first.
    pub relief: Vec<ReliefJson>,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl EpisodeJson {
    /// From the core record.
    pub fn of(e: &Episode) -> EpisodeJson {
        let d = &e.data;
        EpisodeJson {
            id: e.id.clone(),
            night: date(e.night),
            started_at: time(&d.started_at),
            ended_at: d.ended_at.as_ref().map(time),
            peak_intensity: d.peak_intensity,
            latency_minutes: d.latency_minutes,
            setting: d.setting.as_ref().map(|s| s.to_text()),
            side: d.side.map(|s| s.code().to_string()),
            body_areas: d.body_areas.iter().map(|a| a.code().to_string()).collect(),
            sensations: d.sensations.iter().map(|s| s.to_text()).collect(),
            woke_from_sleep: d.woke_from_sleep,
            note: d.note.clone(),
            relief: e.relief.iter().map(ReliefJson::of).collect(),
            meta: MetaJson::of(&e.meta),
        }
    }
}

/// A relief attempt.
#[derive(Serialize)]
pub struct ReliefJson {
    /// Record id.
    pub id: String,
    /// The episode.
    pub episode_id: String,
    /// Method code or `other:<label>`.
    pub method: String,
    /// 0 none, 1 some, 2 much, 3 complete.
    pub helped: u8,
    /// Minutes until relief.
    pub minutes_to_relief: Option<u32>,
    /// When it was tried.
    pub at: String,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl ReliefJson {
    /// From the core record.
    pub fn of(r: &ReliefAttempt) -> ReliefJson {
        ReliefJson {
            id: r.id.clone(),
            episode_id: r.episode_id.clone(),
            method: r.data.method.to_text(),
            helped: r.data.helped,
            minutes_to_relief: r.data.minutes_to_relief,
            at: time(&r.data.at),
            meta: MetaJson::of(&r.meta),
        }
    }
}

/// A morning sleep diary, with the derived Consensus Sleep Diary measures.
#[derive(Serialize)]
pub struct SleepDiaryJson {
    /// Record id.
    pub id: String,
    /// The night it is about.
    pub night_of: String,
    /// Got into bed.
    pub got_into_bed_at: String,
    /// Tried to sleep.
    pub tried_to_sleep_at: String,
    /// SOL, minutes.
    pub sleep_onset_minutes: u32,
    /// Awakenings, not counting the final one.
    pub awakenings: u32,
    /// WASO, minutes.
    pub wake_after_sleep_onset_minutes: u32,
    /// Final awakening.
    pub final_awakening_at: String,
    /// Out of bed.
    pub out_of_bed_at: String,
    /// 1–5.
    pub quality: u8,
    /// Free note.
    pub note: Option<String>,
    /// TIB = out of bed − got into bed, minutes.
    pub time_in_bed_minutes: i64,
    /// TST = (final awakening − tried to sleep) − SOL − WASO, minutes.
    pub total_sleep_minutes: i64,
    /// SE = TST / TIB × 100; null when TIB is zero.
    pub sleep_efficiency_percent: Option<f64>,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl SleepDiaryJson {
    /// From the core record.
    pub fn of(s: &SleepDiary) -> SleepDiaryJson {
        let d = &s.data;
        SleepDiaryJson {
            id: s.id.clone(),
            night_of: date(d.night_of),
            got_into_bed_at: time(&d.got_into_bed_at),
            tried_to_sleep_at: time(&d.tried_to_sleep_at),
            sleep_onset_minutes: d.sleep_onset_minutes,
            awakenings: d.awakenings,
            wake_after_sleep_onset_minutes: d.wake_after_sleep_onset_minutes,
            final_awakening_at: time(&d.final_awakening_at),
            out_of_bed_at: time(&d.out_of_bed_at),
            quality: d.quality,
            note: d.note.clone(),
            time_in_bed_minutes: d.time_in_bed_minutes(),
            total_sleep_minutes: d.total_sleep_minutes(),
            sleep_efficiency_percent: d
                .sleep_efficiency_percent()
                .map(|p| (p * 10.0).round() / 10.0),
            meta: MetaJson::of(&s.meta),
        }
    }
}

/// An exposure (possible trigger).
#[derive(Serialize)]
pub struct ExposureJson {
    /// Record id.
    pub id: String,
    /// The night it counts for.
    pub night: String,
    /// When.
    pub at: String,
    /// Kind code or `other:<label>`.
    pub kind: String,
    /// How much.
    pub amount: Option<f64>,
    /// Unit of `amount`.
    pub unit: Option<String>,
    /// Free note.
    pub note: Option<String>,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl ExposureJson {
    /// From the core record.
    pub fn of(e: &Exposure) -> ExposureJson {
        ExposureJson {
            id: e.id.clone(),
            night: date(e.night),
            at: time(&e.data.at),
            kind: e.data.kind.to_text(),
            amount: e.data.amount,
            unit: e.data.unit.clone(),
            note: e.data.note.clone(),
            meta: MetaJson::of(&e.meta),
        }
    }
}

/// A treatment regimen.
#[derive(Serialize)]
pub struct TreatmentJson {
    /// Record id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Category code or `other:<label>`.
    pub category: String,
    /// Dose per intake.
    pub dose: Option<f64>,
    /// Unit of `dose`.
    pub dose_unit: Option<String>,
    /// First day.
    pub started_on: String,
    /// Last day, if stopped.
    pub stopped_on: Option<String>,
    /// Free note.
    pub note: Option<String>,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl TreatmentJson {
    /// From the core record.
    pub fn of(t: &Treatment) -> TreatmentJson {
        let d = &t.data;
        TreatmentJson {
            id: t.id.clone(),
            name: d.name.clone(),
            category: d.category.to_text(),
            dose: d.dose,
            dose_unit: d.dose_unit.clone(),
            started_on: date(d.started_on),
            stopped_on: d.stopped_on.map(date),
            note: d.note.clone(),
            meta: MetaJson::of(&t.meta),
        }
    }
}

/// A dose taken.
#[derive(Serialize)]
pub struct DoseJson {
    /// Record id.
    pub id: String,
    /// The night it counts for.
    pub night: String,
    /// The treatment's id.
    pub treatment_id: String,
    /// The treatment's name.
    pub treatment_name: String,
    /// When.
    pub at: String,
    /// How much; null means the regimen's dose.
    pub amount: Option<f64>,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl DoseJson {
    /// From the core record.
    pub fn of(d: &Dose) -> DoseJson {
        DoseJson {
            id: d.id.clone(),
            night: date(d.night),
            treatment_id: d.data.treatment_id.clone(),
            treatment_name: d.treatment_name.clone(),
            at: time(&d.data.at),
            amount: d.data.amount,
            meta: MetaJson::of(&d.meta),
        }
    }
}

/// A lab result.
#[derive(Serialize)]
pub struct LabResultJson {
    /// Record id.
    pub id: String,
    /// Day the sample was taken.
    pub taken_on: String,
    /// Analyte code or `other:<label>`.
    pub analyte: String,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Free note.
    pub note: Option<String>,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl LabResultJson {
    /// From the core record.
    pub fn of(l: &LabResult) -> LabResultJson {
        LabResultJson {
            id: l.id.clone(),
            taken_on: date(l.data.taken_on),
            analyte: l.data.analyte.to_text(),
            value: l.data.value,
            unit: l.data.unit.clone(),
            note: l.data.note.clone(),
            meta: MetaJson::of(&l.meta),
        }
    }
}

/// An IRLS rating.
#[derive(Serialize)]
pub struct SeverityRatingJson {
    /// Record id.
    pub id: String,
    /// Day of the rating.
    pub rated_on: String,
    /// IRLS total 0–40.
    pub irls_total: u8,
    /// `none`, `mild`, `moderate`, `severe`, `very severe`.
    pub band: String,
    /// Free note.
    pub note: Option<String>,
    /// Bookkeeping.
    #[serde(flatten)]
    pub meta: MetaJson,
}

impl SeverityRatingJson {
    /// From the core record.
    pub fn of(r: &SeverityRating) -> SeverityRatingJson {
        SeverityRatingJson {
            id: r.id.clone(),
            rated_on: date(r.data.rated_on),
            irls_total: r.data.irls_total,
            band: irls_band(r.data.irls_total).to_string(),
            note: r.data.note.clone(),
            meta: MetaJson::of(&r.meta),
        }
    }
}

/// Any record; its kind is given next to it.
#[derive(Serialize)]
#[serde(untagged)]
pub enum RecordJson {
    /// An episode.
    Episode(EpisodeJson),
    /// A sleep diary.
    SleepDiary(SleepDiaryJson),
    /// An exposure.
    Exposure(ExposureJson),
    /// A treatment.
    Treatment(TreatmentJson),
    /// A dose.
    Dose(DoseJson),
    /// A lab result.
    LabResult(LabResultJson),
    /// An IRLS rating.
    SeverityRating(SeverityRatingJson),
}

impl RecordJson {
    /// From any core entry.
    pub fn of(entry: &Entry) -> RecordJson {
        match entry {
            Entry::Episode { episode } => RecordJson::Episode(EpisodeJson::of(episode)),
            Entry::SleepDiary { diary } => RecordJson::SleepDiary(SleepDiaryJson::of(diary)),
            Entry::Exposure { exposure } => RecordJson::Exposure(ExposureJson::of(exposure)),
            Entry::Treatment { treatment } => RecordJson::Treatment(TreatmentJson::of(treatment)),
            Entry::Dose { dose } => RecordJson::Dose(DoseJson::of(dose)),
            Entry::LabResult { lab } => RecordJson::LabResult(LabResultJson::of(lab)),
            Entry::SeverityRating { rating } => {
                RecordJson::SeverityRating(SeverityRatingJson::of(rating))
            }
        }
    }
}

/// One history row (also what a write command prints).
#[derive(Serialize)]
pub struct ItemJson {
    /// Record id.
    pub id: String,
    /// `episode`, `sleep`, `exposure`, `treatment`, `dose`, `lab`, `rating`.
    pub kind: String,
    /// The night it belongs to.
    pub night: String,
    /// When, for display.
    pub when: String,
    /// Short title, for display.
    pub title: String,
    /// One line of detail, for display.
    pub detail: String,
    /// Peak intensity (episodes), else null.
    pub intensity: Option<u8>,
    /// The full record.
    pub record: RecordJson,
}

impl ItemJson {
    /// From a core history item.
    pub fn of(item: &HistoryItem) -> ItemJson {
        ItemJson {
            id: item.id.clone(),
            kind: item.kind.code().to_string(),
            night: date(item.night),
            when: item.when.clone(),
            title: item.title.clone(),
            detail: item.detail.clone(),
            intensity: item.intensity,
            record: RecordJson::of(&item.entry),
        }
    }
}

/// A history page.
#[derive(Serialize)]
pub struct HistoryJson {
    /// Newest first.
    pub items: Vec<ItemJson>,
    /// Pass to `--cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// Records of the page that could not be read (left out of `items`); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub damaged: Vec<DamagedRecord>,
}

impl HistoryJson {
    /// From a core page.
    pub fn of(page: &HistoryPage) -> HistoryJson {
        HistoryJson {
            items: page.items.iter().map(ItemJson::of).collect(),
            next_cursor: page.next_cursor.clone(),
            damaged: page.damaged.clone(),
        }
    }
}

/// One night.
#[derive(Serialize)]
pub struct NightJson {
    /// The night.
    pub night: String,
    /// `Night of Thu 26 Nov 2026`.
    pub title: String,
    /// One line.
    pub summary: String,
    /// Highest peak; null without episodes.
    pub peak_intensity: Option<u8>,
    /// Minutes with symptoms (ended episodes).
    pub symptom_minutes: u32,
    /// Episodes in time order.
    pub episodes: Vec<EpisodeJson>,
    /// The sleep diary, if done.
    pub sleep_diary: Option<SleepDiaryJson>,
    /// Exposures in time order.
    pub exposures: Vec<ExposureJson>,
    /// Doses in time order.
    pub doses: Vec<DoseJson>,
    /// Labs taken on this date.
    pub lab_results: Vec<LabResultJson>,
    /// Ratings made on this date.
    pub severity_ratings: Vec<SeverityRatingJson>,
    /// Treatments started on this date.
    pub treatments_started: Vec<TreatmentJson>,
    /// Treatments active on this date.
    pub active_treatments: Vec<TreatmentJson>,
    /// Records of the night that could not be read (left out above); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub damaged: Vec<DamagedRecord>,
}

impl NightJson {
    /// From the core view.
    pub fn of(v: &NightView) -> NightJson {
        NightJson {
            night: date(v.night),
            title: v.title.clone(),
            summary: v.summary.clone(),
            peak_intensity: v.peak_intensity,
            symptom_minutes: v.symptom_minutes,
            episodes: v.episodes.iter().map(EpisodeJson::of).collect(),
            sleep_diary: v.sleep_diary.as_ref().map(SleepDiaryJson::of),
            exposures: v.exposures.iter().map(ExposureJson::of).collect(),
            doses: v.doses.iter().map(DoseJson::of).collect(),
            lab_results: v.lab_results.iter().map(LabResultJson::of).collect(),
            severity_ratings: v
                .severity_ratings
                .iter()
                .map(SeverityRatingJson::of)
                .collect(),
            treatments_started: v.treatments_started.iter().map(TreatmentJson::of).collect(),
            active_treatments: v.active_treatments.iter().map(TreatmentJson::of).collect(),
            damaged: v.damaged.clone(),
        }
    }
}

/// One calendar night.
#[derive(Serialize)]
pub struct CalendarDayJson {
    /// The night.
    pub night: String,
    /// Highest peak; null without episodes.
    pub peak_intensity: Option<u8>,
    /// Episodes.
    pub episode_count: u32,
    /// Whether the sleep diary was done.
    pub has_sleep_diary: bool,
    /// Entries of any kind (0: nothing logged).
    pub entry_count: u32,
}

impl CalendarDayJson {
    fn of(d: &CalendarDay) -> CalendarDayJson {
        CalendarDayJson {
            night: date(d.night),
            peak_intensity: d.peak_intensity,
            episode_count: d.episode_count,
            has_sleep_diary: d.has_sleep_diary,
            entry_count: d.entry_count,
        }
    }
}

/// A calendar month.
#[derive(Serialize)]
pub struct CalendarJson {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// `November 2026`.
    pub title: String,
    /// Weekday of the 1st, 1 = Monday … 7 = Sunday.
    pub first_weekday: u8,
    /// Every night of the month.
    pub days: Vec<CalendarDayJson>,
}

impl CalendarJson {
    /// From the core view.
    pub fn of(m: &CalendarMonth) -> CalendarJson {
        CalendarJson {
            year: m.year,
            month: m.month,
            title: m.title.clone(),
            first_weekday: m.first_weekday,
            days: m.days.iter().map(CalendarDayJson::of).collect(),
        }
    }
}

/// The settings.
#[derive(Serialize)]
pub struct SettingsJson {
    /// Night cutover hour 0–23.
    pub night_cutover_hour: u8,
    /// Morning check-in hour 0–23.
    pub morning_hour: u8,
    /// Evening reminder hour, or null.
    pub evening_reminder_hour: Option<u8>,
    /// `a4` or `letter`.
    pub paper_size: String,
}

impl SettingsJson {
    /// From the core settings.
    pub fn of(s: &Settings) -> SettingsJson {
        SettingsJson {
            night_cutover_hour: s.night_cutover_hour,
            morning_hour: s.morning_hour,
            evening_reminder_hour: s.evening_reminder_hour,
            paper_size: paper_code(s.paper_size).to_string(),
        }
    }
}

/// The code of a paper size.
pub fn paper_code(p: PaperSize) -> &'static str {
    match p {
        PaperSize::A4 => "a4",
        PaperSize::Letter => "letter",
    }
}

/// One prompt.
#[derive(Serialize)]
pub struct PromptJson {
    /// `morning_check_in`, `severity_rating`, `open_episode`, `evening_check_in`.
    pub kind: String,
    /// Short title.
    pub title: String,
    /// One sentence.
    pub message: String,
    /// The night it is about, or null.
    pub night: Option<String>,
    /// The open episode, or null.
    pub episode_id: Option<String>,
}

impl PromptJson {
    fn of(p: &Prompt) -> PromptJson {
        PromptJson {
            kind: match p.kind {
                PromptKind::MorningCheckIn => "morning_check_in",
                PromptKind::SeverityRating => "severity_rating",
                PromptKind::OpenEpisode => "open_episode",
                PromptKind::EveningCheckIn => "evening_check_in",
            }
            .to_string(),
            title: p.title.clone(),
            message: p.message.clone(),
            night: p.night.map(date),
            episode_id: p.episode_id.clone(),
        }
    }
}

/// The prompts due now.
#[derive(Serialize)]
pub struct PromptsJson {
    /// In the core's order.
    pub prompts: Vec<PromptJson>,
}

impl PromptsJson {
    /// From the core list.
    pub fn of(list: &[Prompt]) -> PromptsJson {
        PromptsJson {
            prompts: list.iter().map(PromptJson::of).collect(),
        }
    }
}

/// `delete` and `undo`.
#[derive(Serialize)]
pub struct ChangeJson {
    /// `deleted` or `restored`.
    pub action: String,
    /// The entry; null when `undo` had nothing to restore.
    pub id: Option<String>,
}

/// What `demo` wrote.
#[derive(Serialize)]
pub struct DemoJson {
    /// The demo journal file.
    pub path: String,
    /// The seed.
    pub seed: u64,
    /// First night.
    pub first_night: Option<String>,
    /// Last night.
    pub last_night: Option<String>,
    /// Nights in the range.
    pub nights: u32,
    /// Nights with anything logged.
    pub nights_logged: u32,
    /// Nights with at least one episode.
    pub symptom_nights: u32,
    /// Episodes.
    pub episodes: u32,
    /// Relief attempts.
    pub relief_attempts: u32,
    /// Sleep diaries.
    pub sleep_diaries: u32,
    /// Exposures.
    pub exposures: u32,
    /// Treatments.
    pub treatments: u32,
    /// Doses.
    pub doses: u32,
    /// Lab results.
    pub lab_results: u32,
    /// IRLS ratings.
    pub severity_ratings: u32,
    /// The demo's clinician report (PDF).
    pub report: String,
}

impl DemoJson {
    /// From the generator's report and the path of the PDF report.
    pub fn of(
        path: &std::path::Path,
        seed: u64,
        r: &DemoReport,
        report: &std::path::Path,
    ) -> DemoJson {
        DemoJson {
            path: path.display().to_string(),
            seed,
            first_night: r.first_night.map(date),
            last_night: r.last_night.map(date),
            nights: r.nights,
            nights_logged: r.nights_logged,
            symptom_nights: r.symptom_nights,
            episodes: r.episodes,
            relief_attempts: r.relief_attempts,
            sleep_diaries: r.sleep_diaries,
            exposures: r.exposures,
            treatments: r.treatments,
            doses: r.doses,
            lab_results: r.lab_results,
            severity_ratings: r.severity_ratings,
            report: report.display().to_string(),
        }
    }
}

/// `export`: what was written.
#[derive(Serialize)]
pub struct ExportJson {
    /// `pdf`, `csv`, `backup` or `text`.
    pub format: &'static str,
    /// The file or folder written (as given to `--out`).
    pub path: String,
    /// Bytes written (for a csv folder: all its tables together).
    pub bytes: usize,
    /// Pages of a PDF; `null` for other formats.
    pub pages: Option<usize>,
    /// The first night covered (pdf, text); `null` for csv and backup, which hold everything.
    pub first_night: Option<String>,
    /// The last night covered (pdf, text).
    pub last_night: Option<String>,
    /// The CSV tables (csv only; empty otherwise).
    pub tables: Vec<TableJson>,
}

/// One CSV table of an export.
#[derive(Serialize)]
pub struct TableJson {
    /// Its file name, e.g. `episodes.csv`.
    pub file_name: String,
    /// Data rows, not counting the header.
    pub rows: u32,
}

/// `import`: what the import did.
#[derive(Serialize)]
pub struct ImportJson {
    /// The backup file read.
    pub path: String,
    /// Records new to this journal.
    pub added: u32,
    /// Records that replaced an older version here.
    pub updated: u32,
    /// Records already here in the same or a newer version.
    pub unchanged: u32,
    /// Whether the backup's settings were newer and replaced these.
    pub settings_updated: bool,
}

impl ImportJson {
    /// From the core's summary.
    pub fn of(path: &std::path::Path, s: &ImportSummary) -> ImportJson {
        ImportJson {
            path: path.display().to_string(),
            added: s.added,
            updated: s.updated,
            unchanged: s.unchanged,
            settings_updated: s.settings_updated,
        }
    }
}

/// Pretty JSON with a final newline.
pub fn to_text<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}
