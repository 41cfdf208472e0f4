//! `rlsjournal add <kind>`: a complete entry of any kind, with a flag for every field.

use clap::Subcommand;
use rlsjournal_core::{
    DoseData, Entry, EpisodeData, ExposureData, Journal, LabResultData, ReliefData,
    SafetyCheckData, SeverityRatingData, SleepDiaryData, Treatment, TreatmentData, VisitData,
};

use crate::commands::{open, saved};
use crate::error::{quoted, CliError, CliResult};
use crate::{args, Context};

/// The kinds of entry `add` can write.
#[derive(Subcommand, Debug)]
pub enum AddCommand {
    /// A complete episode (backdated or ended).
    Episode {
        /// Peak intensity 1–10.
        #[arg(long, allow_negative_numbers = true)]
        intensity: i64,
        /// When symptoms began [default: now].
        #[arg(long)]
        start: Option<String>,
        /// When they ended [default: still in progress].
        #[arg(long)]
        end: Option<String>,
        /// Minutes from lying or sitting down to onset.
        #[arg(long, allow_negative_numbers = true)]
        latency: Option<i64>,
        /// in_bed, sitting, travelling or other:<label>.
        #[arg(long)]
        setting: Option<String>,
        /// left, right, both or alternating.
        #[arg(long)]
        side: Option<String>,
        /// feet, calves, knees, thighs, hips, arms, trunk (comma-separated or repeated).
        #[arg(long = "areas", alias = "area", value_delimiter = ',')]
        areas: Vec<String>,
        /// crawling, tingling, burning, electric, aching, itching, pulling, throbbing or
        /// other:<label> (comma-separated or repeated).
        #[arg(long = "sensations", alias = "sensation", value_delimiter = ',')]
        sensations: Vec<String>,
        /// The symptoms woke me from sleep.
        #[arg(long)]
        woke: bool,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
    },
    /// A relief attempt on a given episode.
    Relief {
        /// The episode id.
        episode: String,
        /// The method (see `rlsjournal relief --help`).
        method: String,
        /// 0 none, 1 some, 2 much, 3 complete.
        #[arg(long, allow_negative_numbers = true)]
        helped: i64,
        /// Minutes until relief came.
        #[arg(long, allow_negative_numbers = true)]
        minutes: Option<i64>,
        /// When it was tried [default: now].
        #[arg(long)]
        at: Option<String>,
    },
    /// The morning sleep diary (Consensus Sleep Diary core items).
    Sleep {
        /// The night it is about [default: the night of --got-into-bed].
        #[arg(long)]
        night: Option<String>,
        /// When you got into bed.
        #[arg(long, visible_alias = "bed")]
        got_into_bed: String,
        /// When you tried to go to sleep [default: --got-into-bed].
        #[arg(long, visible_alias = "tried")]
        tried_to_sleep: Option<String>,
        /// Minutes it took to fall asleep (SOL).
        #[arg(
            long,
            visible_alias = "sol",
            default_value_t = 0,
            allow_negative_numbers = true
        )]
        sleep_onset_minutes: i64,
        /// Times you woke, not counting the final awakening.
        #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
        awakenings: i64,
        /// Minutes awake after first falling asleep (WASO).
        #[arg(
            long,
            visible_alias = "waso",
            default_value_t = 0,
            allow_negative_numbers = true
        )]
        wake_after_sleep_onset_minutes: i64,
        /// Your final awakening.
        #[arg(long, visible_alias = "woke")]
        final_awakening: String,
        /// When you got out of bed [default: --final-awakening].
        #[arg(long, visible_alias = "up")]
        out_of_bed: Option<String>,
        /// Sleep quality 1 (very poor) – 5 (very good).
        #[arg(long, allow_negative_numbers = true)]
        quality: i64,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
    },
    /// A possible trigger: caffeine, alcohol, nicotine, exercise, prolonged_sitting, late_sugar,
    /// screen_time, stress, heat, sedating_antihistamine or other:<label>.
    Exposure {
        /// What it was.
        kind: String,
        /// When [default: now].
        #[arg(long)]
        at: Option<String>,
        /// How much.
        #[arg(long, allow_negative_numbers = true)]
        amount: Option<f64>,
        /// Unit of --amount (cups, drinks, min…).
        #[arg(long)]
        unit: Option<String>,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
    },
    /// A treatment regimen.
    Treatment {
        /// Its name (e.g. pramipexole).
        name: String,
        /// dopamine_agonist, alpha2delta_ligand, opioid, oral_iron, iv_iron, magnesium,
        /// other_supplement, device, routine, may_worsen_rls or other:<label>.
        #[arg(long)]
        category: String,
        /// Dose per intake.
        #[arg(long, allow_negative_numbers = true)]
        dose: Option<f64>,
        /// Unit of --dose (mg…).
        #[arg(long, visible_alias = "dose-unit")]
        unit: Option<String>,
        /// First day [default: today].
        #[arg(long)]
        started: Option<String>,
        /// Last day, if stopped.
        #[arg(long)]
        stopped: Option<String>,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
        /// Intakes a day at the starting dose (1–24).
        #[arg(long)]
        times_per_day: Option<i32>,
        /// A later dose step, DATE=DOSE or DATE=DOSExTIMES (2026-03-01=0.25x2); repeat for
        /// each step, oldest first.
        #[arg(long = "dose-change")]
        dose_changes: Vec<String>,
    },
    /// A dose taken of a treatment.
    Dose {
        /// The treatment: its id or its name.
        treatment: String,
        /// When [default: now].
        #[arg(long)]
        at: Option<String>,
        /// How much [default: the regimen's dose].
        #[arg(long, allow_negative_numbers = true)]
        amount: Option<f64>,
    },
    /// A lab result: ferritin, transferrin_saturation, hemoglobin, serum_iron, tibc, vitamin_d,
    /// magnesium, creatinine, crp or other:<label>.
    Lab {
        /// What was measured.
        analyte: String,
        /// The value.
        #[arg(allow_negative_numbers = true)]
        value: f64,
        /// The unit as on the report (µg/L, %, g/dL…).
        #[arg(long)]
        unit: String,
        /// The day the sample was taken [default: today].
        #[arg(long)]
        on: Option<String>,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
    },
    /// An IRLS severity rating: the total 0–40 from your clinician's form.
    Rating {
        /// The IRLS total.
        #[arg(allow_negative_numbers = true)]
        irls_total: i64,
        /// The day of the rating [default: today].
        #[arg(long)]
        on: Option<String>,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
    },
    /// A clinician visit, past or planned (up to a year ahead), with your question for it.
    Visit {
        /// The day of the visit, YYYY-MM-DD [default: today].
        #[arg(long)]
        on: Option<String>,
        /// Who the visit is with.
        #[arg(long)]
        with: Option<String>,
        /// Your question for this visit (printed at the top of the report while it is upcoming).
        #[arg(long)]
        question: Option<String>,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
    },
    /// The weekly drug-safety check-in: name the questions you answer "yes" (gambling,
    /// shopping, eating, sexual, falling_asleep; comma-separated or repeated); every other
    /// answer is "no". `rlsjournal add safety-check` alone records "no" to all.
    SafetyCheck {
        /// The questions answered "yes".
        #[arg(long = "yes", value_delimiter = ',')]
        yes: Vec<String>,
        /// The day of the check-in [default: today].
        #[arg(long)]
        on: Option<String>,
        /// Free note.
        #[arg(long)]
        note: Option<String>,
    },
}

/// Runs `add <kind>`.
pub fn run(ctx: &Context, command: AddCommand) -> CliResult<String> {
    match command {
        AddCommand::Episode {
            intensity,
            start,
            end,
            latency,
            setting,
            side,
            areas,
            sensations,
            woke,
            note,
        } => {
            let data = EpisodeData {
                started_at: args::moment_or_now("started_at", start.as_deref())?,
                ended_at: args::moment("ended_at", end.as_deref())?,
                peak_intensity: args::number("peak_intensity", intensity)?,
                latency_minutes: args::optional_number("latency_minutes", latency)?,
                setting: setting.as_deref().map(args::setting).transpose()?,
                side: side.as_deref().map(args::side).transpose()?,
                body_areas: areas
                    .iter()
                    .map(|a| args::body_area(a))
                    .collect::<CliResult<_>>()?,
                sensations: sensations
                    .iter()
                    .map(|s| args::sensation(s))
                    .collect::<CliResult<_>>()?,
                woke_from_sleep: woke,
                note,
            };
            let episode = open(ctx)?.add_episode(data)?;
            saved(ctx, "Added", Entry::Episode { episode })
        }
        AddCommand::Relief {
            episode,
            method,
            helped,
            minutes,
            at,
        } => {
            let data = ReliefData {
                method: args::relief_method(&method)?,
                helped: args::number("helped", helped)?,
                minutes_to_relief: args::optional_number("minutes_to_relief", minutes)?,
                at: args::moment_or_now("at", at.as_deref())?,
            };
            let journal = open(ctx)?;
            let attempt = journal.add_relief_attempt(episode, data)?;
            let entry = journal.entry(attempt.episode_id)?;
            saved(ctx, "Relief added to", entry)
        }
        AddCommand::Sleep {
            night,
            got_into_bed,
            tried_to_sleep,
            sleep_onset_minutes,
            awakenings,
            wake_after_sleep_onset_minutes,
            final_awakening,
            out_of_bed,
            quality,
            note,
        } => {
            let bed = args::moment_or_now("got_into_bed_at", Some(&got_into_bed))?;
            let woke = args::moment_or_now("final_awakening_at", Some(&final_awakening))?;
            let journal = open(ctx)?;
            let night_of = match night {
                Some(n) => args::date("night_of", &n)?,
                None => journal.night_of(bed)?,
            };
            let data = SleepDiaryData {
                night_of,
                got_into_bed_at: bed,
                tried_to_sleep_at: args::moment("tried_to_sleep_at", tried_to_sleep.as_deref())?
                    .unwrap_or(bed),
                sleep_onset_minutes: args::number("sleep_onset_minutes", sleep_onset_minutes)?,
                awakenings: args::number("awakenings", awakenings)?,
                wake_after_sleep_onset_minutes: args::number(
                    "wake_after_sleep_onset_minutes",
                    wake_after_sleep_onset_minutes,
                )?,
                final_awakening_at: woke,
                out_of_bed_at: args::moment("out_of_bed_at", out_of_bed.as_deref())?
                    .unwrap_or(woke),
                quality: args::number("quality", quality)?,
                note,
            };
            let diary = journal.add_sleep_diary(data)?;
            saved(ctx, "Added", Entry::SleepDiary { diary })
        }
        AddCommand::Exposure {
            kind,
            at,
            amount,
            unit,
            note,
        } => {
            let data = ExposureData {
                at: args::moment_or_now("at", at.as_deref())?,
                kind: args::exposure_kind(&kind)?,
                amount,
                unit,
                note,
            };
            let exposure = open(ctx)?.add_exposure(data)?;
            saved(ctx, "Added", Entry::Exposure { exposure })
        }
        AddCommand::Treatment {
            name,
            category,
            dose,
            unit,
            started,
            stopped,
            note,
            times_per_day,
            dose_changes,
        } => {
            let data = TreatmentData {
                name,
                category: args::treatment_category(&category)?,
                dose,
                dose_unit: unit,
                started_on: args::date_or_today("started_on", started.as_deref())?,
                stopped_on: stopped
                    .as_deref()
                    .map(|d| args::date("stopped_on", d))
                    .transpose()?,
                note,
                times_per_day,
                dose_changes: dose_changes
                    .iter()
                    .map(|c| args::dose_change("dose_changes", c))
                    .collect::<CliResult<_>>()?,
            };
            let treatment = open(ctx)?.add_treatment(data)?;
            saved(ctx, "Added", Entry::Treatment { treatment })
        }
        AddCommand::Dose {
            treatment,
            at,
            amount,
        } => {
            let at = args::moment_or_now("at", at.as_deref())?;
            let journal = open(ctx)?;
            let treatment_id = find_treatment(&journal, &treatment, at.local().date())?;
            let dose = journal.add_dose(DoseData {
                treatment_id,
                at,
                amount,
            })?;
            saved(ctx, "Added", Entry::Dose { dose })
        }
        AddCommand::Lab {
            analyte,
            value,
            unit,
            on,
            note,
        } => {
            let data = LabResultData {
                taken_on: args::date_or_today("taken_on", on.as_deref())?,
                analyte: args::analyte(&analyte)?,
                value,
                unit,
                note,
            };
            let lab = open(ctx)?.add_lab_result(data)?;
            saved(ctx, "Added", Entry::LabResult { lab })
        }
        AddCommand::Rating {
            irls_total,
            on,
            note,
        } => {
            let data = SeverityRatingData {
                rated_on: args::date_or_today("rated_on", on.as_deref())?,
                irls_total: args::number("irls_total", irls_total)?,
                note,
            };
            let rating = open(ctx)?.add_severity_rating(data)?;
            saved(ctx, "Added", Entry::SeverityRating { rating })
        }
        AddCommand::Visit {
            on,
            with,
            question,
            note,
        } => {
            let data = VisitData {
                visit_on: args::date_or_today("visit_on", on.as_deref())?,
                clinician: with,
                question,
                note,
            };
            let visit = open(ctx)?.add_visit(data)?;
            saved(ctx, "Added", Entry::Visit { visit })
        }
        AddCommand::SafetyCheck { yes, on, note } => {
            let data = SafetyCheckData {
                checked_on: args::date_or_today("checked_on", on.as_deref())?,
                answered_yes: yes
                    .iter()
                    .map(|t| args::safety_item(t))
                    .collect::<CliResult<_>>()?,
                note,
            };
            let check = open(ctx)?.add_safety_check(data)?;
            saved(ctx, "Added", Entry::SafetyCheck { check })
        }
    }
}

/// A treatment by id, or by name (case-insensitive): the one active on `day`, else the latest
/// started.
fn find_treatment(journal: &Journal, key: &str, day: chrono::NaiveDate) -> CliResult<String> {
    let all: Vec<Treatment> = journal.treatments()?;
    if let Some(t) = all.iter().find(|t| t.id == key) {
        return Ok(t.id.clone());
    }
    let named: Vec<&Treatment> = all
        .iter()
        .filter(|t| t.data.name.eq_ignore_ascii_case(key.trim()))
        .collect();
    named
        .iter()
        .rev()
        .find(|t| t.data.active_on(day))
        .or_else(|| named.last())
        .map(|t| t.id.clone())
        .ok_or_else(|| {
            CliError::invalid(
                "treatment_id",
                format!(
                    "no treatment with the id or name {}; add it with `rlsjournal add treatment`",
                    quoted(key)
                ),
            )
        })
}
