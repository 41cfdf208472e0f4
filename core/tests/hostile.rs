//! Hostile input: random records of every kind, valid and invalid. Each is either accepted and
//! reads back as returned, or rejected with `InvalidInput` and the journal unchanged. Never a
//! panic, never another error.

mod common;

use common::*;
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rlsjournal_core::*;

fn base_ms() -> i64 {
    at("2026-09-01T00:00:00Z").millis()
}

fn arb_moment() -> impl Strategy<Value = Moment> {
    // From before 1970 to three days in the future, with offsets up to ±20 h (±18 h is valid).
    (
        prop_oneof![
            8 => 0i64..(80 * 24 * 60),
            1 => Just(-60i64 * 24 * 365 * 60),
            1 => (Moment::now().millis() - base_ms()) / 60_000..(Moment::now().millis() - base_ms()) / 60_000 + 3 * 24 * 60,
        ],
        -1200i32..=1200,
    )
        .prop_map(|(minutes, offset)| Moment::from_millis(base_ms() + minutes * 60_000, offset))
}

fn arb_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        3 => prop::option::of("[ a-zA-Zµ≥–\\n\"',=]{0,30}"),
        1 => (3990usize..4010).prop_map(|n| Some("ä".repeat(n))),
        1 => Just(Some("nul\0byte".to_string())),
    ]
}

fn arb_label() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("  ".to_string()),
        "[a-z ]{1,12}",
        Just("y".repeat(101))
    ]
}

fn arb_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.001f64..500.0,
        1 => Just(0.0),
        1 => Just(-2.5),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(1e12),
    ]
}

fn arb_date() -> impl Strategy<Value = LocalDate> {
    prop_oneof![
        8 => (0i64..90).prop_map(|d| date("2026-09-01") + chrono::Duration::days(d)),
        1 => Just(date("1850-01-01")),
        1 => Just(date("2030-01-01")),
    ]
}

#[derive(Debug, Clone)]
enum Input {
    Episode(EpisodeData),
    Sleep(SleepDiaryData),
    Exposure(ExposureData),
    Treatment(TreatmentData),
    Lab(LabResultData),
    Rating(SeverityRatingData),
    Relief(ReliefData),
    Dose(Option<f64>, Moment),
    Settings(u8, u8, Option<u8>),
}

fn arb_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        (
            arb_moment(),
            prop::option::of(-60i64..3000),
            0u8..=12,
            prop::option::of(0u32..20_000),
            prop::option::of(arb_label()),
            prop::sample::subsequence(BodyArea::ALL.to_vec(), 0..5),
            prop::option::of(arb_label()),
            any::<bool>(),
            arb_text()
        )
            .prop_map(
                |(start, dur, peak, latency, setting_label, areas, other_sensation, woke, note)| {
                    Input::Episode(EpisodeData {
                        started_at: start,
                        ended_at: dur.map(|d| {
                            Moment::from_millis(start.millis() + d * 60_000, start.offset_minutes)
                        }),
                        peak_intensity: peak,
                        latency_minutes: latency,
                        setting: setting_label.map(|label| Setting::Other { label }),
                        side: Some(Side::Left),
                        body_areas: areas,
                        sensations: other_sensation
                            .map(|label| vec![Sensation::Other { label }])
                            .unwrap_or_default(),
                        woke_from_sleep: woke,
                        note,
                    })
                }
            ),
        (
            arb_date(),
            -120i64..600,
            0i64..200,
            0u32..200,
            0u32..40,
            0u32..300,
            0i64..900,
            0i64..200,
            0u8..=7
        )
            .prop_map(
                |(night, bed_min, tried_gap, sol, awakenings, waso, asleep, up_gap, quality)| {
                    let bed = Moment::from_millis(
                        at(&format!("{night}T21:00:00+01:00")).millis() + bed_min * 60_000,
                        60,
                    );
                    let tried = Moment::from_millis(bed.millis() + tried_gap * 60_000, 60);
                    let woke = Moment::from_millis(tried.millis() + asleep * 60_000, 60);
                    let up = Moment::from_millis(woke.millis() + up_gap * 60_000, 60);
                    Input::Sleep(SleepDiaryData {
                        night_of: night,
                        got_into_bed_at: bed,
                        tried_to_sleep_at: tried,
                        sleep_onset_minutes: sol,
                        awakenings,
                        wake_after_sleep_onset_minutes: waso,
                        final_awakening_at: woke,
                        out_of_bed_at: up,
                        quality,
                        note: None,
                    })
                }
            ),
        (
            arb_moment(),
            prop::option::of(arb_label()),
            prop::option::of(arb_f64()),
            prop::option::of("[a-z]{0,5}"),
            arb_text()
        )
            .prop_map(
                |(at, label, amount, unit, note)| Input::Exposure(ExposureData {
                    at,
                    kind: label
                        .map(|label| ExposureKind::Other { label })
                        .unwrap_or(ExposureKind::Alcohol),
                    amount,
                    unit,
                    note,
                })
            ),
        (
            "[a-z ]{0,10}",
            prop::option::of(arb_f64()),
            arb_date(),
            prop::option::of(arb_date())
        )
            .prop_map(|(name, dose, started_on, stopped_on)| Input::Treatment(
                TreatmentData {
                    name,
                    category: TreatmentCategory::Alpha2DeltaLigand,
                    dose,
                    dose_unit: dose.map(|_| "mg".to_string()),
                    started_on,
                    stopped_on,
                    note: None,
                }
            )),
        (
            arb_date(),
            arb_f64(),
            "[a-zµ/%]{0,4}",
            prop::option::of(arb_label())
        )
            .prop_map(|(taken_on, value, unit, label)| Input::Lab(LabResultData {
                taken_on,
                analyte: label
                    .map(|label| Analyte::Other { label })
                    .unwrap_or(Analyte::Ferritin),
                value,
                unit,
                note: None,
            })),
        (arb_date(), 0u8..=45, arb_text()).prop_map(|(rated_on, irls_total, note)| Input::Rating(
            SeverityRatingData {
                rated_on,
                irls_total,
                note
            }
        )),
        (
            0u8..=5,
            prop::option::of(0u32..20_000),
            arb_moment(),
            prop::option::of(arb_label())
        )
            .prop_map(|(helped, minutes, at, label)| Input::Relief(ReliefData {
                method: label
                    .map(|label| ReliefMethod::Other { label })
                    .unwrap_or(ReliefMethod::Heat),
                helped,
                minutes_to_relief: minutes,
                at,
            })),
        (prop::option::of(arb_f64()), arb_moment())
            .prop_map(|(amount, at)| Input::Dose(amount, at)),
        (0u8..=30, 0u8..=30, prop::option::of(0u8..=30))
            .prop_map(|(c, m, e)| Input::Settings(c, m, e)),
    ]
}

/// Applies an input; returns the id it created (if any) and the record as returned.
fn apply(
    journal: &Journal,
    input: Input,
    episode: &str,
    treatment: &str,
) -> Result<Option<(String, Entry)>, JournalError> {
    Ok(match input {
        Input::Episode(d) => {
            let e = journal.add_episode(d)?;
            Some((e.id.clone(), Entry::Episode { episode: e }))
        }
        Input::Sleep(d) => {
            let diary = journal.add_sleep_diary(d)?;
            Some((diary.id.clone(), Entry::SleepDiary { diary }))
        }
        Input::Exposure(d) => {
            let exposure = journal.add_exposure(d)?;
            Some((exposure.id.clone(), Entry::Exposure { exposure }))
        }
        Input::Treatment(d) => {
            let treatment = journal.add_treatment(d)?;
            Some((treatment.id.clone(), Entry::Treatment { treatment }))
        }
        Input::Lab(d) => {
            let lab = journal.add_lab_result(d)?;
            Some((lab.id.clone(), Entry::LabResult { lab }))
        }
        Input::Rating(d) => {
            let rating = journal.add_severity_rating(d)?;
            Some((rating.id.clone(), Entry::SeverityRating { rating }))
        }
        Input::Relief(d) => {
            journal.add_relief_attempt(episode.to_string(), d)?;
            None
        }
        Input::Dose(amount, at) => {
            let dose = journal.add_dose(DoseData {
                treatment_id: treatment.to_string(),
                at,
                amount,
            })?;
            Some((dose.id.clone(), Entry::Dose { dose }))
        }
        Input::Settings(c, m, e) => {
            journal.update_settings(Settings {
                night_cutover_hour: c,
                morning_hour: m,
                evening_reminder_hour: e,
                paper_size: PaperSize::A4,
            })?;
            None
        }
    })
}

static ACCEPTED: AtomicUsize = AtomicUsize::new(0);
static REJECTED: AtomicUsize = AtomicUsize::new(0);

fn check_sequence(inputs: Vec<Input>) -> Result<(), TestCaseError> {
    let journal = Journal::open_in_memory().unwrap();
    let episode = journal
        .add_episode(full_episode(
            "2026-09-02T23:00:00+01:00",
            "2026-09-02T23:30:00+01:00",
            5,
        ))
        .unwrap();
    let treatment = journal.add_treatment(treatment("2026-09-01")).unwrap();
    for input in inputs {
        let before = fingerprint(&journal);
        match apply(&journal, input.clone(), &episode.id, &treatment.id) {
            Ok(returned) => {
                ACCEPTED.fetch_add(1, Ordering::Relaxed);
                if let Some((id, returned)) = returned {
                    prop_assert_eq!(journal.entry(id).unwrap(), returned);
                }
            }
            Err(JournalError::InvalidInput { field, reason }) => {
                REJECTED.fetch_add(1, Ordering::Relaxed);
                prop_assert!(!field.is_empty() && !reason.is_empty());
                prop_assert_eq!(
                    &fingerprint(&journal),
                    &before,
                    "changed after rejecting {:?}",
                    input
                );
            }
            Err(other) => prop_assert!(false, "unexpected error {:?} for {:?}", other, input),
        }
    }
    Ok(())
}

#[test]
fn every_input_is_accepted_and_reads_back_or_rejected_without_change() {
    let config = ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(arb_input(), 1..25), check_sequence);
    if let Err(e) = result {
        panic!("{e}");
    }
    let (accepted, rejected) = (
        ACCEPTED.load(Ordering::Relaxed),
        REJECTED.load(Ordering::Relaxed),
    );
    eprintln!("hostile input: {accepted} accepted and read back, {rejected} rejected with the journal unchanged");
    assert!(
        accepted > 50 && rejected > 50,
        "the generator must produce both kinds"
    );
}
