//! The augmentation watch (issue 15 item 1, design §4) on real SQLite files: the day clock, the
//! first onset of the night, daytime symptoms, spread beyond the legs, the inconclusive status,
//! the baseline before the start, levodopa, and the onset key figure. Every expected value is
//! computed by hand in the comment above it. Settings are the defaults: night cutover 12:00,
//! morning hour 05:00, so the day clock starts at 05:00 (23:00 is 18 h = 1080 min into the day).

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

/// An episode at `time` on `night` (+01:00), 60 min, with a latency, body areas and a peak.
fn ep(night: &str, time: &str, latency: Option<i32>, areas: &[BodyArea], peak: i32) -> EpisodeData {
    let mut e = episode(&format!("{night}T{time}:00+01:00"), 60, peak);
    e.latency_minutes = latency;
    e.body_areas = areas.to_vec();
    e
}

/// A treatment started on `start`, with 14 baseline nights from `base_first` and 14 latest
/// nights from `recent_first`; each night gets the episodes `base` / `recent` return and a dose
/// at 21:00 when `doses`.
#[allow(clippy::too_many_arguments)]
fn journal_with(
    category: TreatmentCategory,
    start: &str,
    base_first: &str,
    recent_first: &str,
    doses: bool,
    base: impl Fn(&str) -> Vec<EpisodeData>,
    recent: impl Fn(&str) -> Vec<EpisodeData>,
) -> (tempfile::TempDir, std::sync::Arc<Journal>, String) {
    let (dir, j) = file_journal();
    let id = add_treatment(&j, "drug", category, start, None);
    for (first, make) in [
        (base_first, &base as &dyn Fn(&str) -> Vec<EpisodeData>),
        (recent_first, &recent),
    ] {
        for i in 0..14 {
            let night = plus(first, i);
            for e in make(&night) {
                add_episode(&j, e);
            }
            if doses && date(&night) >= date(start) {
                add_dose(&j, &id, &format!("{night}T21:00:00+01:00"));
            }
        }
    }
    (dir, j, id)
}

fn calves() -> Vec<BodyArea> {
    vec![BodyArea::Calves]
}

/// The range whose latest 14 nights are Feb 16 – Mar 1.
fn latest() -> NightRange {
    range("2026-02-16", "2026-03-01")
}

fn sign(w: &AugmentationWatch, kind: AugmentationSignKind) -> &AugmentationSign {
    w.signs
        .iter()
        .find(|s| s.kind == kind)
        .unwrap_or_else(|| panic!("sign {kind:?}"))
}

#[test]
fn a_morning_onset_is_earlier_in_the_day_and_raises_the_sign() {
    // Baseline (first 14 nights on it, Jan 1–14): onset 23:00. Latest 14 (Feb 16 – Mar 1):
    // onset 10:00 the next morning (the night before, by the 12:00 cutover).
    // The short way round the clock: 23:00 → 10:00 is 11 h *later* (no sign; the old watch).
    // Day clock from 05:00: 23:00 = 1080 min, 10:00 = 300 min: 1080 − 300 = 780 min = 13 h
    // earlier ≥ 4 h: a sign on its own.
    let (_d, j, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-01-01",
        "2026-01-01",
        "2026-02-16",
        false,
        |n| vec![ep(n, "23:00", Some(30), &calves(), 4)],
        |n| vec![ep(&plus(n, 1), "10:00", Some(30), &calves(), 4)],
    );
    let s = summarize(&j, latest());
    let w = &s.augmentation.watches[0];
    assert_eq!(w.status, AugmentationStatus::PossibleSigns, "{}", w.text);
    assert_eq!(s.augmentation.status, AugmentationStatus::PossibleSigns);
    close_some(w.onset_earlier_minutes, 780.0);
    let onset = sign(w, AugmentationSignKind::EarlierOnset);
    assert!(onset.met);
    assert_eq!(
        (onset.baseline_text.as_str(), onset.recent_text.as_str()),
        ("23:00", "10:00")
    );
    assert!(w.text.contains("13 h earlier in the day"), "{}", w.text);
    // 10:00 is between 05:00 and 18:00: 14 days with daytime symptoms in 14 observed nights
    // = 7.0 a week, against 0 at baseline: +7 ≥ 1.
    let day = sign(w, AugmentationSignKind::DaytimeSymptoms);
    assert!(day.met);
    close_some(day.baseline_value, 0.0);
    close_some(day.recent_value, 7.0);
    assert_eq!(day.recent_text, "7.0 a week");
    assert!(
        day.text.contains("14 days in 14 observed nights (7.0 a week) now against 0 days in 14 observed nights (0.0 a week)"),
        "{}",
        day.text
    );
    // The report's sentence carries onset and daytime symptoms, and which baseline.
    assert!(
        s.augmentation
            .text
            .contains("first onset 23:00 at baseline, 10:00 now"),
        "{}",
        s.augmentation.text
    );
    assert!(s
        .augmentation
        .text
        .contains("days with daytime symptoms 0.0 → 7.0 a week"));
    assert!(s.augmentation.text.contains("baseline on it"));
}

#[test]
fn the_onset_key_figure_uses_the_day_clock() {
    // Previous period Feb 2–15: onset 23:00; this range Feb 16 – Mar 1: 10:00 next morning.
    // Day clock: 300 − 1080 = −780 min: 13 h earlier, which is worse (≥ 60 min).
    // The short way round would have said 11 h later, better.
    let (_d, j) = file_journal();
    for i in 0..14 {
        add_episode(&j, ep(&plus("2026-02-02", i), "23:00", None, &[], 4));
        add_episode(&j, ep(&plus("2026-02-17", i), "10:00", None, &[], 4));
    }
    let s = summarize(&j, latest());
    let k = s
        .key_figures
        .iter()
        .find(|k| k.kind == KeyFigureKind::MedianOnset)
        .expect("onset figure");
    let c = k.change.as_ref().expect("change");
    close(c.delta, -780.0);
    assert_eq!(c.direction, ChangeDirection::Down);
    assert_eq!(c.verdict, ChangeVerdict::Worse);
    assert_eq!(c.text, "13 h earlier (was 23:00)");
    assert!(s
        .definitions
        .iter()
        .any(|d| d.term == "Earlier or later" && d.text.contains("05:00")));
}

#[test]
fn the_first_onset_of_the_night_counts_and_awakenings_do_not() {
    // Baseline: 23:00 each night, plus an awakening at 03:00 ("woke from sleep", left out).
    // Latest: a nap awakening at 18:00 ("woke from sleep", left out), then 19:00 (the first
    // onset), 23:30 and 00:30 (later episodes of the same night, not counted).
    // First onsets: 23:00 (1080) against 19:00 (840): 240 min = 4 h earlier, a sign on its own.
    // Taking the nap (18:00, 780) would say 5 h; the median of every latest episode (780, 840,
    // 1110, 1170 → 975) would say 1 h 45 min.
    let (_d, j, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-01-01",
        "2026-01-01",
        "2026-02-16",
        false,
        |n| {
            let mut woke = ep(&plus(n, 1), "03:00", None, &calves(), 4);
            woke.woke_from_sleep = true;
            vec![ep(n, "23:00", None, &calves(), 4), woke]
        },
        |n| {
            let mut nap = ep(n, "18:00", None, &calves(), 4);
            nap.woke_from_sleep = true;
            vec![
                nap,
                ep(n, "19:00", None, &calves(), 4),
                ep(n, "23:30", None, &calves(), 4),
                ep(&plus(n, 1), "00:30", None, &calves(), 4),
            ]
        },
    );
    let s = summarize(&j, latest());
    let w = &s.augmentation.watches[0];
    close_some(w.onset_earlier_minutes, 240.0);
    let onset = sign(w, AugmentationSignKind::EarlierOnset);
    assert_eq!(
        (onset.baseline_text.as_str(), onset.recent_text.as_str()),
        ("23:00", "19:00")
    );
    assert_eq!(w.status, AugmentationStatus::PossibleSigns);
}

#[test]
fn spread_counts_the_trunk_and_daytime_days_are_counted_per_week() {
    // Onset 23:00 → 20:00: 3 h earlier (2–4 h), so it needs one other sign.
    // Baseline: calves only. Latest: trunk and calves (no arms): 14 of 14 episodes beyond the
    // legs against 0 of 14: spread, met.
    let (_d, j, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-01-01",
        "2026-01-01",
        "2026-02-16",
        true,
        |n| vec![ep(n, "23:00", Some(30), &calves(), 4)],
        |n| {
            vec![ep(
                n,
                "20:00",
                Some(30),
                &[BodyArea::Trunk, BodyArea::Calves],
                4,
            )]
        },
    );
    let s = summarize(&j, latest());
    let w = &s.augmentation.watches[0];
    let spread = sign(w, AugmentationSignKind::SpreadBeyondLegs);
    assert!(spread.met);
    assert_eq!(spread.recent_text, "14 of 14 episodes");
    assert_eq!(spread.baseline_text, "0 of 14 episodes");
    assert_eq!(w.status, AugmentationStatus::PossibleSigns);

    // Daytime: baseline 1 day with a 14:00 episode, latest 4 such days (14 observed nights
    // each): 1 × 7 / 14 = 0.5 and 4 × 7 / 14 = 2.0 a week; 2.0 − 0.5 = 1.5 ≥ 1: met. The
    // 14:00 episodes are the first onset of 4 of 14 nights (day clock 540); the median of
    // 4 × 540 and 10 × 1080 stays 1080: onset unchanged, no signs, but worth mentioning.
    let (_d2, j2, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-01-01",
        "2026-01-01",
        "2026-02-16",
        true,
        |n| {
            let mut v = vec![ep(n, "23:00", Some(30), &calves(), 4)];
            if n == "2026-01-05" {
                v.push(ep(n, "14:00", Some(30), &calves(), 4));
            }
            v
        },
        |n| {
            let mut v = vec![ep(n, "23:00", Some(30), &calves(), 4)];
            if ["2026-02-16", "2026-02-18", "2026-02-20", "2026-02-22"].contains(&n) {
                v.push(ep(n, "14:00", Some(30), &calves(), 4));
            }
            v
        },
    );
    let s = summarize(&j2, latest());
    let w = &s.augmentation.watches[0];
    let day = sign(w, AugmentationSignKind::DaytimeSymptoms);
    close_some(day.baseline_value, 0.5);
    close_some(day.recent_value, 2.0);
    close_some(day.change, 1.5);
    assert!(day.met);
    assert_eq!(
        (day.baseline_text.as_str(), day.recent_text.as_str()),
        ("0.5 a week", "2.0 a week")
    );
    close_some(w.onset_earlier_minutes, 0.0);
    assert_eq!(w.status, AugmentationStatus::NoSigns);
    assert!(w.text.contains("Still worth mentioning"), "{}", w.text);
}

#[test]
fn two_to_four_hours_earlier_without_measurable_companions_is_inconclusive() {
    // 23:00 → 20:00: 3 h earlier. No latency, no body areas, no doses: latency, spread and
    // relief cannot be measured; intensity (peak 4 → 4) and daytime (0 → 0) are measured and
    // not met. Not "no signs": inconclusive — discuss.
    let (_d, j, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-01-01",
        "2026-01-01",
        "2026-02-16",
        false,
        |n| vec![ep(n, "23:00", None, &[], 4)],
        |n| vec![ep(n, "20:00", None, &[], 4)],
    );
    let s = summarize(&j, latest());
    let a = &s.augmentation;
    let w = &a.watches[0];
    assert_eq!(w.status, AugmentationStatus::Inconclusive, "{}", w.text);
    assert_eq!(a.status, AugmentationStatus::Inconclusive);
    assert!(!sign(w, AugmentationSignKind::ShorterLatency).measured);
    assert!(sign(w, AugmentationSignKind::HigherIntensity).measured);
    assert!(w.text.contains("inconclusive — discuss"), "{}", w.text);
    assert!(
        w.text.contains("not measurable: shorter latency at rest"),
        "{}",
        w.text
    );
    assert!(a.text.starts_with("Inconclusive — discuss"), "{}", a.text);
    let point = s
        .discuss
        .iter()
        .find(|p| p.topic == DiscussTopic::Augmentation)
        .expect("point");
    assert_eq!(point.level, DiscussLevel::Discuss);

    // The same with every companion measured and none met: no signs. Latency 30 → 30 min,
    // calves only, peak 4 → 4, no daytime days; relief: baseline dose 21:00 → episode 23:00
    // = 2 h; latest, the 20:00 episode comes before the 21:00 dose, so the next is the
    // following night's, 23 h later (24 h cap on the last night): longer, not shorter.
    let (_d2, j2, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-01-01",
        "2026-01-01",
        "2026-02-16",
        true,
        |n| vec![ep(n, "23:00", Some(30), &calves(), 4)],
        |n| vec![ep(n, "20:00", Some(30), &calves(), 4)],
    );
    let s = summarize(&j2, latest());
    assert_eq!(
        s.augmentation.watches[0].status,
        AugmentationStatus::NoSigns
    );
}

#[test]
fn the_baseline_is_the_observed_nights_before_the_start_when_they_exist() {
    // Started Feb 1. Nights Jan 10–23 observed (23:00), before the start: the 14 observed
    // nights before it (Jan 10 – Jan 31, the last 8 not observed). Latest Feb 16 – Mar 1 at
    // 18:30: 1080 − 810 = 270 min earlier. With the old rule (first 14 nights on it, Feb 1–14,
    // none observed) there would be nothing to compare.
    let (_d, j, _) = journal_with(
        TreatmentCategory::Levodopa,
        "2026-02-01",
        "2026-01-10",
        "2026-02-16",
        false,
        |n| vec![ep(n, "23:00", None, &calves(), 4)],
        |n| vec![ep(n, "18:30", None, &calves(), 4)],
    );
    let s = summarize(&j, latest());
    let w = &s.augmentation.watches[0];
    assert_eq!(w.baseline_source, Some(AugmentationBaseline::BeforeStart));
    let b = w.baseline.as_ref().expect("baseline");
    assert_eq!((b.first, b.last), (date("2026-01-10"), date("2026-01-31")));
    assert_eq!(b.nights_logged, 14);
    assert!(
        w.baseline_text
            .starts_with("Baseline: the 14 observed nights before the start ("),
        "{}",
        w.baseline_text
    );
    close_some(w.onset_earlier_minutes, 270.0);
    assert_eq!(w.status, AugmentationStatus::PossibleSigns);
    assert!(s.augmentation.text.contains("baseline before the start"));
    // With pre-treatment nights, the scope sentence does not say they are missing.
    assert!(!w
        .scope_text
        .contains("nothing here compares with before treatment"));
    assert!(w.scope_text.contains("Not judged"));
    assert!(s.augmentation.scope_text.contains("paradoxical response"));

    // 13 observed nights before the start are not enough: the first 14 observed nights on it.
    // Started Jan 14: Jan 1–13 before (13), Jan 14 – Jan 27 on it.
    let (_d2, j2, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-01-14",
        "2026-01-01",
        "2026-02-16",
        false,
        |n| vec![ep(n, "23:00", None, &calves(), 4)],
        |n| vec![ep(n, "23:00", None, &calves(), 4)],
    );
    let s = summarize(&j2, latest());
    let w = &s.augmentation.watches[0];
    assert_eq!(
        w.baseline_source,
        Some(AugmentationBaseline::FirstNightsOnIt)
    );
    let b = w.baseline.as_ref().expect("baseline");
    // Jan 14 on it: Jan 14 observed (the 14th fixture night), then nothing until Feb 16;
    // the span ends the night before the latest window (Feb 15): 1 observed night < 7.
    assert_eq!((b.first, b.last), (date("2026-01-14"), date("2026-02-15")));
    assert_eq!(b.nights_logged, 1);
    assert_eq!(w.status, AugmentationStatus::NotEnoughData);
    assert!(w
        .scope_text
        .contains("nothing here compares with before treatment"));

    // Started inside the latest 14 nights (Feb 20), even with nights before it: too early.
    let (_d3, j3, _) = journal_with(
        TreatmentCategory::DopamineAgonist,
        "2026-02-20",
        "2026-01-10",
        "2026-02-16",
        false,
        |n| vec![ep(n, "23:00", None, &calves(), 4)],
        |n| vec![ep(n, "23:00", None, &calves(), 4)],
    );
    let s = summarize(&j3, latest());
    assert_eq!(s.augmentation.status, AugmentationStatus::TooEarly);
    let w = &s.augmentation.watches[0];
    assert!(w.baseline.is_none());
    // Feb 20 – Mar 1: 10 nights on it.
    assert_eq!(
        w.text,
        "drug started Fri 20 Feb 2026 (10 nights on it so far): the latest 14 nights must all \
         be on it."
    );
}

#[test]
fn levodopa_is_watched_like_a_dopamine_agonist() {
    assert!(TreatmentCategory::Levodopa.is_dopaminergic());
    assert!(TreatmentCategory::DopamineAgonist.is_dopaminergic());
    assert!(!TreatmentCategory::Alpha2DeltaLigand.is_dopaminergic());
    assert!(!TreatmentCategory::Other { label: "x".into() }.is_dopaminergic());
    assert_eq!(TreatmentCategory::Levodopa.code(), "levodopa");
    let (_d, j, id) = journal_with(
        TreatmentCategory::Levodopa,
        "2026-01-01",
        "2026-01-01",
        "2026-02-16",
        true,
        |n| vec![ep(n, "23:00", Some(30), &calves(), 4)],
        |n| vec![ep(n, "23:00", Some(30), &calves(), 4)],
    );
    let s = summarize(&j, latest());
    assert_eq!(s.augmentation.watches.len(), 1);
    assert_eq!(s.augmentation.watches[0].treatment_id, id);
    assert_eq!(s.augmentation.status, AugmentationStatus::NoSigns);
    let def = s
        .definitions
        .iter()
        .find(|d| d.term == "Augmentation watch")
        .expect("definition");
    for source in [
        augmentation::MPI_SOURCE,
        augmentation::ASRS_SOURCE,
        augmentation::AASM_SOURCE,
    ] {
        assert!(def.text.contains(source), "{source}: {}", def.text);
    }
    assert!(def.text.contains("levodopa"));
}

#[test]
fn backups_with_and_without_levodopa_import() {
    // A current-version backup written before levodopa existed still imports.
    let (_d, j) = file_journal();
    let fixture = include_str!("fixtures/journal-v1-backup.json");
    j.import_backup_at(fixture.as_bytes(), &now())
        .expect("v1 backup without levodopa imports");

    // One with levodopa round-trips: export, import into a new file, the category is back.
    let (_d1, a) = file_journal();
    add_treatment(
        &a,
        "carbidopa/levodopa",
        TreatmentCategory::Levodopa,
        "2026-01-01",
        None,
    );
    let json = a.backup_json_at(&now()).expect("backup");
    assert!(json.contains("\"levodopa\""), "{json}");
    let (_d2, b) = file_journal();
    b.import_backup_at(json.as_bytes(), &now()).expect("import");
    let again = b.backup_json_at(&now()).expect("backup again");
    assert!(
        again.contains("\"category\":\"levodopa\"") || again.contains("\"category\": \"levodopa\"")
    );

    // What an older build sees in a new backup: a category code it does not know. The import
    // is refused as a whole ("import rejected: treatment … is malformed: unknown
    // TreatmentCategory …"); nothing is written.
    let unknown = json.replace("\"levodopa\"", "\"a_future_category\"");
    let (_d3, c) = file_journal();
    let err = c
        .import_backup_at(unknown.as_bytes(), &now())
        .expect_err("unknown category");
    assert!(
        err.to_string().contains("unknown TreatmentCategory"),
        "{err}"
    );
    let empty = c.backup_json_at(&now()).expect("backup");
    assert!(!empty.contains("carbidopa"), "nothing imported");
}
