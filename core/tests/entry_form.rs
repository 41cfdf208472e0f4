//! Issue 16: the Add/Edit form of each kind is described by the core (`entry_form_fields`), and
//! each kind's list covers exactly what its saved data holds, so a form drawn from the list can
//! fill in everything the core needs to save the entry.

mod common;

use std::collections::BTreeSet;

use common::*;
use rlsjournal_core::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The keys of `sample` as the API names them, and those the data cannot be read without
/// (removing one makes decoding fail: no default).
fn keys<T: Serialize + DeserializeOwned>(sample: &T) -> (BTreeSet<String>, BTreeSet<String>) {
    let value = serde_json::to_value(sample).unwrap();
    let object = value.as_object().unwrap();
    let all: BTreeSet<String> = object.keys().cloned().collect();
    let required = all
        .iter()
        .filter(|key| {
            let mut without = object.clone();
            without.remove(key.as_str());
            serde_json::from_value::<T>(serde_json::Value::Object(without)).is_err()
        })
        .cloned()
        .collect();
    (all, required)
}

/// Every addable kind with the keys of its data (all, required).
fn data_keys() -> Vec<(EntryKind, BTreeSet<String>, BTreeSet<String>)> {
    let (e_all, e_req) = keys(&full_episode(
        "2026-11-20T22:00:00+01:00",
        "2026-11-20T23:00:00+01:00",
        6,
    ));
    let (x_all, x_req) = keys(&exposure(
        "2026-11-20T20:00:00+01:00",
        ExposureKind::Caffeine,
    ));
    let (t_all, t_req) = keys(&treatment("2026-11-01"));
    let (d_all, d_req) = keys(&DoseData {
        treatment_id: "019300000000700080000000000000aa".into(),
        at: at("2026-11-20T21:00:00+01:00"),
        amount: Some(0.25),
    });
    let (l_all, l_req) = keys(&ferritin("2026-11-10", 40.0));
    let (r_all, r_req) = keys(&rating("2026-11-15", 18));
    let (v_all, v_req) = keys(&VisitData {
        visit_on: date("2026-12-01"),
        clinician: Some("Dr Rossi".into()),
        question: Some("Is my ferritin enough?".into()),
        note: None,
    });
    let (s_all, s_req) = keys(&SafetyCheckData {
        checked_on: date("2026-11-20"),
        answered_yes: vec![SafetyItem::Gambling],
        note: None,
    });
    vec![
        (EntryKind::Episode, e_all, e_req),
        (EntryKind::Exposure, x_all, x_req),
        (EntryKind::Treatment, t_all, t_req),
        (EntryKind::Dose, d_all, d_req),
        (EntryKind::LabResult, l_all, l_req),
        (EntryKind::SeverityRating, r_all, r_req),
        (EntryKind::Visit, v_all, v_req),
        (EntryKind::SafetyCheck, s_all, s_req),
    ]
}

/// What a kind's data holds that its form does not edit (an edit keeps the stored values).
fn not_on_form(kind: EntryKind) -> BTreeSet<String> {
    match kind {
        EntryKind::Treatment => ["times_per_day", "dose_changes"].map(String::from).into(),
        _ => BTreeSet::new(),
    }
}

#[test]
fn every_addable_kind_has_a_field_list_with_words_for_every_field() {
    let kinds = form_rules().add_kinds;
    assert_eq!(kinds.len(), 8);
    for kind in kinds {
        let fields = entry_form_fields(kind);
        assert!(!fields.is_empty(), "{kind:?}");
        let distinct: BTreeSet<String> = fields.iter().map(|f| format!("{f:?}")).collect();
        assert_eq!(distinct.len(), fields.len(), "{kind:?}: a field twice");
        for field in &fields {
            let label = field.label();
            assert!(!label.trim().is_empty(), "{kind:?} {field:?}");
            assert!(
                label.chars().next().unwrap().is_uppercase(),
                "{field:?}: {label}"
            );
        }
    }
    // The morning check-in's kinds say where they are recorded, and nothing else.
    for kind in [EntryKind::SleepDiary, EntryKind::NoSymptoms] {
        assert_eq!(entry_form_fields(kind), vec![FormField::OnMorningCheckIn]);
        assert_eq!(FormField::OnMorningCheckIn.input(), FieldInput::PlainText);
    }
}

#[test]
fn each_kinds_fields_fill_exactly_its_saved_data_and_every_required_value_always_shows() {
    for (kind, all, required) in data_keys() {
        let fields = entry_form_fields(kind);
        let filled: BTreeSet<String> = fields
            .iter()
            .flat_map(|f| f.fills(kind).iter().map(|k| k.to_string()))
            .collect();
        let expected: BTreeSet<String> = all.difference(&not_on_form(kind)).cloned().collect();
        assert_eq!(
            filled, expected,
            "{kind:?}: the form's fields against its data"
        );
        assert!(!required.is_empty(), "{kind:?}");
        for key in &required {
            assert!(
                fields.iter().any(|f| f.fills(kind).contains(&key.as_str())
                    && f.shown_when() == ShownWhen::Always),
                "{kind:?}: required {key} has no field that always shows"
            );
        }
    }
    // The dose's data has no note, so its form has none.
    assert!(!entry_form_fields(EntryKind::Dose).contains(&FormField::Note));
}

#[test]
fn a_field_shown_after_another_comes_after_it_in_the_same_form() {
    for kind in form_rules().add_kinds {
        let fields = entry_form_fields(kind);
        for (i, field) in fields.iter().enumerate() {
            let (steer, input_ok) = match field.shown_when() {
                ShownWhen::Always => continue,
                ShownWhen::ToggleOn { toggle } => (toggle, toggle.input() == FieldInput::Toggle),
                ShownWhen::OtherChosen { choice } => (
                    choice,
                    matches!(
                        choice.input(),
                        FieldInput::SingleChoice {
                            offers_other: true,
                            ..
                        }
                    ),
                ),
                ShownWhen::NoChoices { picker } => {
                    (picker, picker.input() == FieldInput::TreatmentPicker)
                }
            };
            let at = fields.iter().position(|f| *f == steer);
            assert!(
                at.is_some_and(|at| at < i),
                "{kind:?}: {field:?} before {steer:?}"
            );
            assert!(input_ok, "{field:?} steered by {steer:?}");
        }
    }
}

#[test]
fn numbers_in_the_form_are_the_cores_ranges() {
    let rules = form_rules();
    assert_eq!(
        FormField::PeakIntensity.input(),
        FieldInput::IntensitySteps {
            range: rules.intensity
        }
    );
    assert_eq!(FormField::PeakIntensity.label(), "Worst intensity (1–10)");
    assert_eq!(
        FormField::IrlsTotal.input(),
        FieldInput::IrlsSlider {
            range: rules.irls_total
        }
    );
    assert_eq!(
        FormField::IrlsTotal.hint().as_deref(),
        Some("The total from your clinician's IRLS form (0–40).")
    );
    assert_eq!(
        FormField::LatencyMinutes.input(),
        FieldInput::Minutes {
            range: rules.minutes
        }
    );
    assert_eq!(FormField::Note.hint(), None);
}

#[test]
fn a_form_filled_field_by_field_saves_through_the_one_save_call() {
    // The exposure's form, filled in its order (an "other" with its label), is a valid entry.
    let (_dir, _path, j) = file_journal();
    let mut data = exposure("2026-11-20T20:00:00+01:00", ExposureKind::Caffeine);
    for field in entry_form_fields(EntryKind::Exposure) {
        match field {
            FormField::At => data.at = at("2026-11-20T19:00:00+01:00"),
            FormField::ExposureKind => {
                data.kind = ExposureKind::Other {
                    label: String::new(),
                }
            }
            FormField::OtherExposureLabel => {
                data.kind = ExposureKind::Other {
                    label: "Sauna".into(),
                }
            }
            FormField::Amount => data.amount = Some(20.0),
            FormField::Unit => data.unit = Some("min".into()),
            FormField::Note => data.note = Some("hot".into()),
            other => panic!("unexpected {other:?}"),
        }
    }
    let saved = j
        .save_entry(None, EntryData::Exposure { data: data.clone() })
        .unwrap();
    let Entry::Exposure { exposure } = j.entry(saved.id().to_string()).unwrap() else {
        panic!("not an exposure");
    };
    assert_eq!(exposure.data.kind.label(), "Sauna");
    assert_eq!(exposure.data.unit.as_deref(), Some("min"));
}
