//! Trigger associations (issue 14 item 3, design §4): at least 5 observed nights with and 5
//! without, the 2×2 table and Fisher's exact p on symptom nights, the mean-peak difference, an
//! "association" only for an effect of at least 20 points or 1 peak point with p < 0.05, the
//! strongest named only among those. Every number is hand-computed through a real journal file.
//! Also what the text export carries (item 5): each comparison behind a trigger or treatment
//! statement.

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

const FIRST: &str = "2026-03-02";

/// `nights` nights from [`FIRST`], each observed by a diary; an episode (23:00, 30 min) of the
/// given peak on the listed nights; each exposure at 16:00 on the listed nights (after the
/// morning and the cutover, so it belongs to that evening's night under any attribution rule).
fn journal_with(
    nights: i64,
    peaks: &[(i64, i32)],
    exposures: &[(ExposureKind, &[i64])],
) -> (tempfile::TempDir, std::sync::Arc<Journal>, NightRange) {
    let (dir, j) = file_journal();
    for i in 0..nights {
        add_plain_diary(&j, &plus(FIRST, i));
    }
    for &(i, peak) in peaks {
        add_episode(
            &j,
            episode(&format!("{}T23:00:00+01:00", plus(FIRST, i)), 30, peak),
        );
    }
    for (kind, on) in exposures {
        for &i in *on {
            add_exposure(
                &j,
                &format!("{}T16:00:00+01:00", plus(FIRST, i)),
                kind.clone(),
            );
        }
    }
    let r = range(FIRST, &plus(FIRST, nights - 1));
    (dir, j, r)
}

/// Symptoms on nights 0–4 (peaks 6, 5, 7, 4, 8) and night 6 (peak 3) of 14.
const FOURTEEN_NIGHT_PEAKS: [(i64, i32); 6] = [(0, 6), (1, 5), (2, 7), (3, 4), (4, 8), (6, 3)];

#[test]
fn a_known_table_gives_its_exact_p_and_a_significant_association() {
    // Caffeine on nights 0–5. With: 6 nights, symptoms on 5 (0–4), none on 1 (5). Without:
    // nights 6–13, symptoms on 1 (6), none on 7.
    // Fisher: margins 6/8 rows, 6/8 columns, n = 14, C(14,6) = 3003; P(a) = C(6,a)·C(8,6−a):
    // a = 0..6 → 28, 336, 1050, 1120, 420, 48, 1. Observed a = 5 (48); as or less likely:
    // a = 0 (28), 5 (48), 6 (1) → p = 77/3003 = 0.02564.
    // Symptom nights 5/6 = 83.3 % vs 1/8 = 12.5 %: +70.8 points. Mean peak (symptom-free
    // nights 0): (6+5+7+4+8+0)/6 = 5.0 vs 3/8 = 0.375: +4.625. Both effects are large and
    // p < 0.05 → an association with worse nights.
    let caffeine: &[i64] = &[0, 1, 2, 3, 4, 5];
    let (_dir, j, r) = journal_with(
        14,
        &FOURTEEN_NIGHT_PEAKS,
        &[(ExposureKind::Caffeine, caffeine)],
    );
    let s = summarize(&j, r);
    let t = &s.triggers;
    assert_eq!(t.exposures_compared, 1);
    let a = &t.associations[0];
    assert_eq!(a.key, "caffeine");
    assert_eq!((a.nights_with, a.nights_without), (6, 8));
    assert_eq!(
        (
            a.symptom_nights_with,
            a.symptom_free_nights_with,
            a.symptom_nights_without,
            a.symptom_free_nights_without
        ),
        (5, 1, 1, 7)
    );
    close(a.fisher_p, 77.0 / 3003.0);
    assert_eq!(a.p_text, "p = 0.026");
    close(a.symptom_percent_difference, 500.0 / 6.0 - 12.5);
    close(a.mean_peak_with, 5.0);
    close(a.mean_peak_without, 0.375);
    close(a.mean_peak_difference, 4.625);
    assert_eq!(a.verdict, TriggerVerdict::Worse);
    assert!(a.text.contains("symptoms on 5 of 6"), "{}", a.text);
    assert!(a.text.contains("without: 1 of 8"), "{}", a.text);
    assert!(
        a.text.contains("symptom-free nights count as 0"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("p = 0.026 (Fisher's exact test)"),
        "{}",
        a.text
    );
    assert!(a.text.contains("+4.6 in mean peak"), "{}", a.text);
    assert!(
        a.text.contains("not proof that caffeine causes symptoms"),
        "{}",
        a.text
    );
    assert_eq!(t.strongest, vec!["caffeine".to_string()]);
    assert!(
        t.text.starts_with(
            "1 exposure compared: 1 exposure went with worse nights; strongest association: \
             caffeine (symptoms on 5 of 6 observed nights with it, 1 of 8 without; p = 0.026)."
        ),
        "{}",
        t.text
    );
    assert!(t.text.contains("not proof of a cause"), "{}", t.text);
    // The points to discuss carry it, for information, with the strongest one's counts.
    let point = s
        .discuss
        .iter()
        .find(|p| p.topic == DiscussTopic::Triggers)
        .expect("a triggers point");
    assert_eq!(point.level, DiscussLevel::Info);
    assert_eq!((point.count, point.out_of), (Some(5), Some(6)));
    assert!(
        point.text.contains("of 1 exposure compared"),
        "{}",
        point.text
    );
    // The text export shows the comparison behind the sentence.
    let text = j.summary_text_at(Some(r), now()).expect("text");
    assert!(
        text.contains(&format!("\n  - {}\n", a.text)),
        "the comparison's line in\n{text}"
    );
}

#[test]
fn a_large_effect_on_few_nights_is_no_clear_difference_yet() {
    // Stress on nights 0–4, symptoms (peak 6) on nights 0–6 of 10: with 5 of 5, without 2 of 5
    // (nights 5, 6): 100 % vs 40 %, +60 points; mean peak 6.0 vs 12/5 = 2.4, +3.6.
    // Fisher: margins 5/5, 7/3, C(10,7) = 120; P(a) = C(5,a)·C(5,7−a) for a = 2..5: 10, 50,
    // 50, 10. Observed a = 5 (10); a = 2 is as likely → p = 20/120 = 0.1667: not below 0.05.
    let stress: &[i64] = &[0, 1, 2, 3, 4];
    let peaks: Vec<(i64, i32)> = (0..7).map(|i| (i, 6)).collect();
    let (_dir, j, r) = journal_with(10, &peaks, &[(ExposureKind::Stress, stress)]);
    let s = summarize(&j, r);
    let t = &s.triggers;
    let a = &t.associations[0];
    assert_eq!((a.nights_with, a.nights_without), (5, 5));
    assert_eq!((a.symptom_nights_with, a.symptom_nights_without), (5, 2));
    close(a.symptom_percent_difference, 60.0);
    close(a.mean_peak_difference, 3.6);
    close(a.fisher_p, 20.0 / 120.0);
    assert_eq!(a.p_text, "p = 0.167");
    assert_eq!(a.verdict, TriggerVerdict::NoClearDifference);
    assert!(
        a.text
            .ends_with("p = 0.167 (Fisher's exact test): no clear difference yet."),
        "{}",
        a.text
    );
    assert!(t.strongest.is_empty());
    assert!(
        t.text
            .starts_with("1 exposure compared: no clear difference yet for any"),
        "{}",
        t.text
    );
    assert!(
        !t.text.contains("Strongest") && !t.text.contains("strongest"),
        "{}",
        t.text
    );
    assert!(s.discuss.iter().all(|p| p.topic != DiscussTopic::Triggers));
}

#[test]
fn equal_effects_are_named_together_and_better_nights_never_strongest() {
    // As in the known table: caffeine and alcohol both on nights 0–5 (5/6 vs 1/8, p = 77/3003,
    // +4.625 peak) — an exact tie. Exercise on nights 6–13: with 1 of 8, without 5 of 6;
    // margins 8/6 rows, 6/8 columns; P(a) = C(8,a)·C(6,6−a) over 3003: a = 0..6 → 1, 48, 420,
    // 1120, 1050, 336, 28; observed a = 1 (48); as or less likely: a = 0, 1, 6 → 77/3003 again.
    // −70.8 points, mean peak 3/8 − 30/6 = −4.625: an association with better nights.
    let before: &[i64] = &[0, 1, 2, 3, 4, 5];
    let after: &[i64] = &[6, 7, 8, 9, 10, 11, 12, 13];
    let (_dir, j, r) = journal_with(
        14,
        &FOURTEEN_NIGHT_PEAKS,
        &[
            (ExposureKind::Caffeine, before),
            (ExposureKind::Exercise, after),
            (ExposureKind::Alcohol, before),
        ],
    );
    let s = summarize(&j, r);
    let t = &s.triggers;
    assert_eq!(t.exposures_compared, 3);
    let keys: Vec<&str> = t.associations.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["alcohol", "caffeine", "exercise"]);
    let exercise = &t.associations[2];
    assert_eq!(
        (
            exercise.symptom_nights_with,
            exercise.symptom_nights_without
        ),
        (1, 5)
    );
    close(exercise.fisher_p, 77.0 / 3003.0);
    close(exercise.mean_peak_difference, -4.625);
    assert_eq!(exercise.verdict, TriggerVerdict::Better);
    assert!(
        exercise.text.contains("association with better nights"),
        "{}",
        exercise.text
    );
    assert_eq!(
        t.strongest,
        vec!["alcohol".to_string(), "caffeine".to_string()]
    );
    assert!(
        t.text.starts_with(
            "3 exposures compared: 2 exposures went with worse nights; strongest associations, \
             equal: alcohol and caffeine. Nights with exercise were better."
        ),
        "{}",
        t.text
    );
}

#[test]
fn fewer_than_five_observed_nights_on_one_side_are_not_compared() {
    // 10 observed nights, symptoms (peak 5) on nights 0–3. Caffeine on 4 nights (4 with, 6
    // without) and exercise on 6 (6 with, 4 without): one side short of 5 each time, though
    // the old rule (3 of each) compared both. Stress on 5 (5 and 5) is compared.
    let caffeine: &[i64] = &[0, 1, 2, 3];
    let exercise: &[i64] = &[4, 5, 6, 7, 8, 9];
    let stress: &[i64] = &[0, 2, 4, 6, 8];
    let peaks: Vec<(i64, i32)> = (0..4).map(|i| (i, 5)).collect();
    let (_dir, j, r) = journal_with(
        10,
        &peaks,
        &[
            (ExposureKind::Caffeine, caffeine),
            (ExposureKind::Exercise, exercise),
            (ExposureKind::Stress, stress),
        ],
    );
    let s = summarize(&j, r);
    let t = &s.triggers;
    assert_eq!(t.exposures_compared, 1);
    assert_eq!(t.associations[0].key, "stress");
    // Stress: with nights 0, 2 (symptoms), 4, 6, 8 → 2 of 5; without 1, 3 → 2 of 5: p = 1.
    close(t.associations[0].fisher_p, 1.0);
    let short: Vec<(&str, u32, u32)> = t
        .not_enough_data
        .iter()
        .map(|x| (x.key.as_str(), x.nights_with, x.nights_without))
        .collect();
    assert_eq!(short, [("caffeine", 4, 6), ("exercise", 6, 4)]);
    assert!(
        t.not_enough_data[0]
            .text
            .contains("needs 5 observed nights of each"),
        "{}",
        t.not_enough_data[0].text
    );
    let line = details::shortfalls_line(&t.not_enough_data).expect("a line");
    assert_eq!(
        line,
        "Not compared (needs 5 observed nights with and 5 without): caffeine (4 with, 6 \
         without), exercise (6 with, 4 without)."
    );
    let text = j.summary_text_at(Some(r), now()).expect("text");
    assert!(text.contains(&format!("\n  - {line}\n")), "{text}");
}

#[test]
fn the_definition_states_the_rule_from_the_constants() {
    let (_dir, j, r) = journal_with(1, &[], &[]);
    let s = summarize(&j, r);
    let d = s
        .definitions
        .iter()
        .find(|d| d.term == "Trigger association")
        .expect("definition");
    for part in [
        "at least 5 of each",
        "Fisher's exact test",
        "symptom-free observed nights count as 0",
        "at least 20 points in symptom nights or at least 1 in mean peak, and p < 0.05",
        "\"no clear difference yet\"",
        "not a cause",
    ] {
        assert!(d.text.contains(part), "{part:?} in {}", d.text);
    }
}

#[test]
fn the_text_export_lists_each_treatment_comparison_with_its_counts() {
    // 28 observed nights, symptoms (peak 5) on nights 0–9; a routine from the 15th (night 14):
    // 14 nights before (10 with symptoms), 14 after (none). A routine is judged from its start;
    // a drug with a titration period would have no "after" nights inside this range.
    let peaks: Vec<(i64, i32)> = (0..10).map(|i| (i, 5)).collect();
    let (_dir, j, r) = journal_with(28, &peaks, &[]);
    add_treatment(
        &j,
        "leg stretches before bed",
        TreatmentCategory::Routine,
        &plus(FIRST, 14),
        None,
    );
    let s = summarize(&j, r);
    let c = s.treatments.comparisons.first().expect("a comparison");
    assert_eq!((c.before.nights_logged, c.before.symptom_nights), (14, 10));
    assert_eq!((c.after.nights_logged, c.after.symptom_nights), (14, 0));
    let text = j.summary_text_at(Some(r), now()).expect("text");
    assert!(
        text.contains(&format!("\n  - {}\n", c.text)),
        "{} in\n{text}",
        c.text
    );
}
