//! Issue 15 items 2 and 3 on real SQLite files: iron as AASM 2024 says it (three states, the
//! exact boundaries, CRP beside ferritin, the drawing conditions, the iron trend with IV iron
//! dates), CRP in backups and CSV, and medicines that may worsen RLS under "To discuss".

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::model::worsening::{WorseningClass, WorseningMatch};
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

const FIXTURE: &str = include_str!("fixtures/journal-v1-backup.json");

/// The summary of 2–15 Mar 2026 of a journal holding these ferritin (µg/L) and saturation (%)
/// results, taken on 10 Feb 2026.
fn iron_of(ferritin: Option<f64>, tsat: Option<f64>) -> IronStatus {
    let (_dir, j) = file_journal();
    if let Some(f) = ferritin {
        add_lab(&j, "2026-02-10", Analyte::Ferritin, f, "µg/L");
    }
    if let Some(t) = tsat {
        add_lab(&j, "2026-02-10", Analyte::TransferrinSaturation, t, "%");
    }
    summarize(&j, range("2026-03-02", "2026-03-15")).iron
}

fn checks(i: &IronStatus) -> (Option<ThresholdCheck>, Option<ThresholdCheck>) {
    (
        i.ferritin.as_ref().map(|r| r.check),
        i.transferrin_saturation.as_ref().map(|r| r.check),
    )
}

#[test]
fn the_three_aasm_states_turn_at_exactly_75_100_and_20() {
    use IronBand::*;
    use ThresholdCheck::*;
    // (ferritin, TSAT) → (ferritin check, TSAT check, band, discuss). The rule: ferritin ≤ 75
    // or TSAT < 20 → oral or IV iron; else 75 < ferritin ≤ 100 → IV iron may be considered;
    // else (ferritin > 100 and TSAT ≥ 20) → neither.
    let cases = [
        // 75 ≤ 75: low, whatever the saturation.
        ((75.0, 30.0), (Low, NotLow, OralOrIvIron, true)),
        // 75.1 > 75 and ≤ 100, TSAT 30 ≥ 20: IV iron may be considered.
        (
            (75.1, 30.0),
            (IvIronRange, NotLow, IvIronMayBeConsidered, true),
        ),
        // 100 ≤ 100: still the IV range.
        (
            (100.0, 20.0),
            (IvIronRange, NotLow, IvIronMayBeConsidered, true),
        ),
        // 100.1 > 100 and TSAT 20 is not < 20: neither.
        ((100.1, 20.0), (NotLow, NotLow, Neither, false)),
        // TSAT 19.9 < 20 makes it oral or IV iron even with ferritin 150.
        ((150.0, 19.9), (NotLow, Low, OralOrIvIron, true)),
        // TSAT 19.9 < 20 wins over the IV range too.
        ((90.0, 19.9), (IvIronRange, Low, OralOrIvIron, true)),
    ];
    for ((f, t), (fc, tc, band, discuss)) in cases {
        let i = iron_of(Some(f), Some(t));
        assert_eq!(checks(&i), (Some(fc), Some(tc)), "ferritin {f}, TSAT {t}");
        assert_eq!(i.band, band, "ferritin {f}, TSAT {t}");
        assert_eq!(i.discuss_iron_therapy, discuss, "ferritin {f}, TSAT {t}");
    }
    assert_eq!(
        iron_of(Some(75.0), Some(30.0)).text,
        "Discuss iron therapy with your clinician: oral or IV iron (AASM 2024: ferritin ≤ 75 \
         µg/L or transferrin saturation < 20 %)."
    );
    assert_eq!(
        iron_of(Some(75.1), Some(30.0)).text,
        "Discuss iron therapy with your clinician: IV iron may be considered (AASM 2024: \
         ferritin > 75 and ≤ 100 µg/L, transferrin saturation not < 20 %)."
    );
    assert_eq!(
        iron_of(Some(100.1), Some(20.0)).text,
        "Neither iron value is in the AASM 2024 ranges for iron therapy (ferritin ≤ 100 µg/L, \
         transferrin saturation < 20 %)."
    );
    let iv = iron_of(Some(80.0), Some(30.0));
    let f = iv.ferritin.as_ref().expect("ferritin");
    assert_eq!(f.threshold_text, "≤ 100 µg/L");
    assert_eq!(
        f.text,
        "Ferritin 80 µg/L on Tue 10 Feb 2026: in the AASM 2024 range where IV iron may be \
         considered (> 75 and ≤ 100 µg/L)."
    );
}

#[test]
fn a_missing_value_leaves_the_state_incomplete_unless_something_is_low() {
    // Ferritin 150 alone: not in a range, but TSAT (< 20 %) could still place it.
    let i = iron_of(Some(150.0), None);
    assert_eq!(i.band, IronBand::Incomplete);
    assert!(!i.discuss_iron_therapy);
    assert!(
        i.text.ends_with("; no transferrin saturation recorded."),
        "{}",
        i.text
    );
    // Ferritin 90 alone: the IV range stands, and the missing TSAT is said.
    let i = iron_of(Some(90.0), None);
    assert_eq!(i.band, IronBand::IvIronMayBeConsidered);
    assert!(i.text.ends_with("; no transferrin saturation recorded."));
    // TSAT 12 alone: low, oral or IV iron.
    assert_eq!(iron_of(None, Some(12.0)).band, IronBand::OralOrIvIron);
    // Nothing at all.
    let i = iron_of(None, None);
    assert_eq!(i.band, IronBand::Incomplete);
    assert!(i
        .text
        .starts_with("No ferritin or transferrin saturation recorded"));
    assert_eq!(i.crp_text, None);
    assert_eq!(i.trend_text, None);
    assert!(i.trend.is_empty() && i.iv_iron.is_empty());
}

#[test]
fn the_drawing_conditions_and_the_crp_beside_ferritin_are_stated_with_dates() {
    let (_dir, j) = file_journal();
    add_lab(&j, "2026-02-10", Analyte::Ferritin, 120.0, "µg/L");
    add_lab(&j, "2026-01-01", Analyte::Crp, 3.0, "mg/L");
    add_lab(&j, "2026-02-03", Analyte::Crp, 14.0, "mg/L");
    add_lab(&j, "2026-03-20", Analyte::Crp, 2.0, "mg/L"); // after the range: not read
    let i = summarize(&j, range("2026-03-02", "2026-03-15")).iron;
    assert_eq!(
        i.drawing_conditions_text,
        "AASM 2024 reads iron studies drawn in the morning, with no iron-containing supplements \
         or food for 24 h before."
    );
    let c = i.crp.as_ref().expect("crp");
    assert_eq!(c.taken_on, date("2026-02-03"));
    assert_eq!(c.value_text, "14 mg/L");
    // 10 Feb − 3 Feb = 7 days before the ferritin; 2 CRP results on or before 15 Mar.
    assert_eq!(c.days_before_ferritin, Some(7));
    assert_eq!(c.results, 2);
    assert_eq!(
        i.crp_text.as_deref(),
        Some(
            "CRP 14 mg/L on Tue 3 Feb 2026 (the latest of 2 CRP results), 7 days before the \
             ferritin of Tue 10 Feb 2026: ferritin rises with inflammation, so it reads higher \
             when CRP is raised."
        )
    );
    // The same day, and a CRP taken after the ferritin.
    let (_d2, j2) = file_journal();
    add_lab(&j2, "2026-02-10", Analyte::Ferritin, 60.0, "µg/L");
    add_lab(&j2, "2026-02-10", Analyte::Crp, 1.0, "mg/L");
    let i = summarize(&j2, range("2026-03-02", "2026-03-15")).iron;
    assert!(i
        .crp_text
        .as_deref()
        .is_some_and(|t| t.contains("1 mg/L on Tue 10 Feb 2026, the same day as the ferritin")));
    let (_d3, j3) = file_journal();
    add_lab(&j3, "2026-02-10", Analyte::Ferritin, 60.0, "µg/L");
    add_lab(&j3, "2026-02-12", Analyte::Crp, 1.0, "mg/L");
    let i = summarize(&j3, range("2026-03-02", "2026-03-15")).iron;
    assert_eq!(
        i.crp.as_ref().and_then(|c| c.days_before_ferritin),
        Some(-2)
    );
    assert!(i
        .crp_text
        .as_deref()
        .is_some_and(|t| t.contains(", 2 days after the ferritin of Tue 10 Feb 2026")));
    // A ferritin without CRP says why one helps.
    let i = iron_of(Some(60.0), None);
    assert_eq!(
        i.crp_text.as_deref(),
        Some(
            "No CRP recorded: ferritin rises with inflammation, so it reads higher when CRP is \
             raised, and a CRP drawn with it helps read it."
        )
    );
}

#[test]
fn the_iron_trend_lists_every_value_and_the_iv_iron_dates() {
    let (_dir, j) = file_journal();
    add_lab(&j, "2025-10-05", Analyte::TransferrinSaturation, 15.0, "%");
    add_lab(&j, "2025-10-05", Analyte::Ferritin, 38.0, "µg/L");
    add_lab(&j, "2026-01-20", Analyte::Ferritin, 90.0, "ng/mL");
    add_lab(&j, "2026-01-20", Analyte::Hemoglobin, 13.0, "g/dL"); // not iron: left out
    add_lab(&j, "2026-04-10", Analyte::Ferritin, 130.0, "µg/L"); // after the range
    let fcm = j
        .add_treatment(TreatmentData {
            name: "ferric carboxymaltose".into(),
            category: TreatmentCategory::IvIron,
            dose: Some(500.0),
            dose_unit: Some("mg".into()),
            started_on: date("2025-11-01"),
            stopped_on: Some(date("2025-11-08")),
            note: None,
            times_per_day: None,
            dose_changes: vec![],
        })
        .expect("iv iron")
        .id;
    add_dose(&j, &fcm, "2025-11-01T10:00:00+01:00");
    j.add_dose(DoseData {
        treatment_id: fcm.clone(),
        at: at("2025-11-08T10:30:00+01:00"),
        amount: Some(250.0),
    })
    .expect("second infusion");
    // An IV iron regimen without doses counts by its start; oral iron is not IV iron.
    add_treatment(
        &j,
        "iron sucrose",
        TreatmentCategory::IvIron,
        "2026-02-01",
        None,
    );
    add_treatment(
        &j,
        "ferrous sulfate",
        TreatmentCategory::OralIron,
        "2025-10-10",
        None,
    );
    let i = summarize(&j, range("2026-03-02", "2026-03-15")).iron;
    let points: Vec<(String, Analyte, String, ThresholdCheck)> = i
        .trend
        .iter()
        .map(|p| {
            (
                p.taken_on.to_string(),
                p.analyte.clone(),
                p.value_text.clone(),
                p.check,
            )
        })
        .collect();
    assert_eq!(
        points,
        vec![
            (
                "2025-10-05".into(),
                Analyte::Ferritin,
                "38 µg/L".into(),
                ThresholdCheck::Low
            ),
            (
                "2025-10-05".into(),
                Analyte::TransferrinSaturation,
                "15 %".into(),
                ThresholdCheck::Low
            ),
            (
                "2026-01-20".into(),
                Analyte::Ferritin,
                "90 ng/mL".into(),
                ThresholdCheck::IvIronRange
            ),
        ]
    );
    let iv: Vec<(String, String, Option<String>)> = i
        .iv_iron
        .iter()
        .map(|d| (d.on.to_string(), d.name.clone(), d.dose_text.clone()))
        .collect();
    assert_eq!(
        iv,
        vec![
            (
                "2025-11-01".into(),
                "ferric carboxymaltose".into(),
                Some("500 mg".into())
            ),
            (
                "2025-11-08".into(),
                "ferric carboxymaltose".into(),
                Some("250 mg".into())
            ),
            (
                "2026-02-01".into(),
                "iron sucrose".into(),
                Some("0.25 mg".into())
            ),
        ]
    );
    assert_eq!(
        i.trend_text.as_deref(),
        Some(
            "Ferritin: 38 µg/L (5 Oct 2025), 90 ng/mL (20 Jan 2026). TSAT: 15 % (5 Oct 2025). \
             IV iron: 1 Nov 2025 (ferric carboxymaltose 500 mg), 8 Nov 2025 (ferric \
             carboxymaltose 250 mg), 1 Feb 2026 (iron sucrose 0.25 mg)."
        )
    );
    // The latest ferritin (90, IV range) with the latest TSAT (15 < 20): oral or IV iron.
    assert_eq!(i.band, IronBand::OralOrIvIron);
    // The plain-text summary carries the trend and the drawing conditions.
    let text = j
        .summary_text_at(Some(range("2026-03-02", "2026-03-15")), now())
        .expect("text");
    assert!(
        text.contains("\n  - Iron trend: Ferritin: 38 µg/L (5 Oct 2025)"),
        "{text}"
    );
    assert!(text.contains("no iron-containing supplements or food for 24 h"));
}

#[test]
fn the_definitions_state_the_iron_states_and_the_medicines_list_with_sources() {
    let (_dir, j) = file_journal();
    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    let def = |term: &str| {
        s.definitions
            .iter()
            .find(|d| d.term == term)
            .map(|d| d.text.clone())
            .unwrap_or_else(|| panic!("no definition {term}"))
    };
    let iron = def("Iron (AASM 2024)");
    for part in [
        "Ferritin ≤ 75 µg/L (= ng/mL) or transferrin saturation < 20 % → oral or IV iron",
        "ferritin > 75 and ≤ 100 µg/L with saturation not low → IV iron may be considered",
        "ferritin > 100 µg/L with saturation not low → neither",
        "in the morning, with no iron-containing supplements or food for 24 h",
        "The latest CRP is shown beside ferritin",
        "Winkelman et al., J Clin Sleep Med 2025",
    ] {
        assert!(iron.contains(part), "{part:?} not in {iron}");
    }
    let meds = def("Medicines that may worsen RLS");
    for part in [
        "sedating antihistamine (diphenhydramine",
        "SSRI (fluoxetine, sertraline",
        "SNRI (venlafaxine",
        "; mirtazapine;",
        "dopamine-blocking antiemetic (metoclopramide",
        "\"other medicine (may worsen RLS)\"",
        "never advice to stop",
        "Silber et al., Mayo Clin Proc 2021",
        "Hoque & Chesson, J Clin Sleep Med 2010",
    ] {
        assert!(meds.contains(part), "{part:?} not in {meds}");
    }
}

#[test]
fn medicines_that_may_worsen_rls_are_raised_with_their_dates_never_as_advice() {
    let (_dir, j) = file_journal();
    // Matched by name whatever the category (any case), or by the category; gabapentin is
    // neither; mirtazapine stopped before the range is not active in it.
    add_treatment(
        &j,
        "Sertraline",
        TreatmentCategory::Other {
            label: "antidepressant".into(),
        },
        "2026-02-02",
        None,
    );
    add_treatment(
        &j,
        "Sleepwell",
        TreatmentCategory::MayWorsenRls,
        "2026-03-05",
        Some("2026-03-08"),
    );
    add_treatment(
        &j,
        "gabapentin",
        TreatmentCategory::Alpha2DeltaLigand,
        "2026-01-01",
        None,
    );
    add_treatment(
        &j,
        "MIRTAZAPINE",
        TreatmentCategory::Other { label: "x".into() },
        "2025-01-01",
        Some("2026-03-01"),
    );
    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    let flagged: Vec<(&str, &WorseningMatch)> = s
        .may_worsen_rls
        .iter()
        .map(|m| (m.name.as_str(), &m.matched))
        .collect();
    assert_eq!(
        flagged,
        vec![
            (
                "Sertraline",
                &WorseningMatch::Listed {
                    generic: "sertraline".into(),
                    drug_class: WorseningClass::Ssri
                }
            ),
            ("Sleepwell", &WorseningMatch::Category),
        ]
    );
    let point = s
        .discuss
        .iter()
        .find(|p| p.topic == DiscussTopic::MayWorsenRls)
        .expect("a point to discuss");
    assert_eq!(point.level, DiscussLevel::Discuss);
    assert_eq!(point.title, "Medicines that may worsen RLS");
    assert_eq!((point.count, point.out_of), (Some(2), None));
    assert_eq!(
        point.text,
        "Taken in this period, on the list of medicines that may worsen RLS (see definitions): \
         Sertraline 0.25 mg (SSRI), since Mon 2 Feb 2026; Sleepwell 0.25 mg (recorded as may \
         worsen RLS), since Thu 5 Mar 2026, stopped Sun 8 Mar 2026. Recorded by the patient; \
         the journal flags, it advises no change of treatment."
    );
    // It comes after iron (drug safety follows iron and treatment response, issue 21); the
    // text export lists it under "To discuss".
    assert_eq!(s.discuss.first().map(|p| p.topic), Some(DiscussTopic::Iron));
    assert!(s
        .discuss
        .iter()
        .any(|p| p.topic == DiscussTopic::MayWorsenRls));
    let text = j
        .summary_text_at(Some(range("2026-03-02", "2026-03-15")), now())
        .expect("text");
    let to_discuss = text.split("To discuss:").nth(1).expect("to discuss");
    assert!(to_discuss.contains("- Medicines that may worsen RLS: Taken in this period"));

    // Nothing flagged: no point.
    let (_d2, j2) = file_journal();
    add_treatment(
        &j2,
        "gabapentin",
        TreatmentCategory::Alpha2DeltaLigand,
        "2026-01-01",
        None,
    );
    let s = summarize(&j2, range("2026-03-02", "2026-03-15"));
    assert!(s.may_worsen_rls.is_empty());
    assert!(!s
        .discuss
        .iter()
        .any(|p| p.topic == DiscussTopic::MayWorsenRls));
}

#[test]
fn crp_and_the_new_category_round_trip_and_an_older_backup_still_imports() {
    // The committed v1 backup predates CRP and the category: it imports, with no CRP.
    let now = at("2026-11-20T09:00:00+01:00");
    let (_d, old) = file_journal();
    old.import_backup_at(FIXTURE.as_bytes(), &now)
        .expect("the old backup imports");
    assert!(!FIXTURE.contains("\"crp\"") && !FIXTURE.contains("may_worsen_rls"));
    let s = old.summary_at(Some(range("2026-10-01", "2026-10-20")), now);
    assert_eq!(s.expect("summary").iron.crp, None);

    // A journal with a CRP and a medicine under the category: backup, restore, same backup.
    add_lab(&old, "2026-10-02", Analyte::Crp, 8.5, "mg/L");
    add_treatment(
        &old,
        "Sleepwell",
        TreatmentCategory::MayWorsenRls,
        "2026-10-01",
        None,
    );
    let first = old.backup_json_at(&now).expect("backup");
    assert!(
        first.contains("\"analyte\":\"crp\""),
        "CRP is stored by its code"
    );
    assert!(first.contains("\"category\":\"may_worsen_rls\""));
    let (_d2, copy) = file_journal();
    copy.import_backup_at(first.as_bytes(), &now)
        .expect("restore");
    assert_eq!(copy.backup_json_at(&now).expect("backup again"), first);
    let s = copy
        .summary_at(Some(range("2026-10-01", "2026-10-20")), now)
        .expect("summary");
    assert_eq!(
        s.iron.crp.as_ref().map(|c| c.value_text.as_str()),
        Some("8.5 mg/L")
    );
    assert_eq!(s.may_worsen_rls.len(), 1);
    // The CSV names them in words, in the same columns as before.
    let tables = copy.csv_tables(true).expect("csv");
    let labs = tables
        .iter()
        .find(|t| t.file_name.contains("lab"))
        .expect("labs table");
    assert!(labs.content.contains(",CRP,8.5,mg/L,"), "{}", labs.content);
    let treatments = tables
        .iter()
        .find(|t| t.file_name.contains("treatment"))
        .expect("treatments table");
    assert!(treatments
        .content
        .contains("other medicine (may worsen RLS)"));
}
