//! The closed vocabularies with their display text, for the apps' chips and pickers.
//!
//! The names come from the vocabularies themselves (`display_name()` in `model/kinds.rs`,
//! `helped_words`, `PaperSize::display_name`): this file only lists them, so the apps need no
//! label tables of their own. An "other" choice is not listed: it needs the person's label.

use crate::model::episode::helped_words;
use crate::model::kinds::{
    Analyte, BodyArea, EntryKind, ExposureKind, ReliefMethod, Sensation, Setting, Side,
    TreatmentCategory,
};
use crate::settings::PaperSize;
use crate::views::describe::capitalized;

/// Defines the record of one value of a vocabulary with its display text.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident($value:ty)) => {
        $(#[$meta])*
        #[derive(uniffi::Record, Clone, Debug, PartialEq)]
        pub struct $name {
            /// The value, as the journal's calls take it.
            pub value: $value,
            /// Its name inside a sentence, as the core's own text writes it (`vibration device`).
            pub name: String,
            /// Its name on its own, e.g. on a chip (`Vibration device`).
            pub label: String,
        }

        impl $name {
            fn of(value: &$value) -> $name {
                let name = value.display_name();
                $name {
                    label: capitalized(&name),
                    name,
                    value: value.clone(),
                }
            }
        }
    };
}

choice! {
    /// A side with its display text.
    SideChoice(Side)
}
choice! {
    /// A body area with its display text.
    BodyAreaChoice(BodyArea)
}
choice! {
    /// A sensation with its display text.
    SensationChoice(Sensation)
}
choice! {
    /// A setting (where symptoms began) with its display text.
    SettingChoice(Setting)
}
choice! {
    /// A relief method with its display text.
    ReliefMethodChoice(ReliefMethod)
}
choice! {
    /// An exposure kind (possible trigger) with its display text.
    ExposureKindChoice(ExposureKind)
}
choice! {
    /// A treatment category with its display text.
    TreatmentCategoryChoice(TreatmentCategory)
}
choice! {
    /// A lab analyte with its display text.
    AnalyteChoice(Analyte)
}
choice! {
    /// An entry kind with its display text.
    EntryKindChoice(EntryKind)
}
choice! {
    /// A paper size of the clinician report with its display text.
    PaperSizeChoice(PaperSize)
}

/// One step of the 0–3 "helped" scale of a relief attempt, with its display text.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct HelpedChoice {
    /// The score: 0 did not help, 1 some, 2 much, 3 complete relief.
    pub value: i32,
    /// Its words inside a sentence (`helped some`).
    pub name: String,
    /// Its words on their own, e.g. on a chip (`Helped some`).
    pub label: String,
}

/// Every closed vocabulary of the journal: its values in display order, with display text.
///
/// Vocabularies with an "other" choice list only their fixed values; an app offers "other"
/// itself, with the label the person types.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct Vocabularies {
    /// Which side the symptoms were on.
    pub sides: Vec<SideChoice>,
    /// Where on the body symptoms were felt.
    pub body_areas: Vec<BodyAreaChoice>,
    /// How the symptoms felt.
    pub sensations: Vec<SensationChoice>,
    /// Where the person was when symptoms began.
    pub settings: Vec<SettingChoice>,
    /// What the person tried for relief.
    pub relief_methods: Vec<ReliefMethodChoice>,
    /// Possible triggers.
    pub exposure_kinds: Vec<ExposureKindChoice>,
    /// Families of treatments.
    pub treatment_categories: Vec<TreatmentCategoryChoice>,
    /// What a lab result measured.
    pub analytes: Vec<AnalyteChoice>,
    /// Kinds of journal entry (history filters).
    pub entry_kinds: Vec<EntryKindChoice>,
    /// Paper sizes of the clinician report.
    pub paper_sizes: Vec<PaperSizeChoice>,
    /// The 0–3 scale of how much a relief attempt helped.
    pub helped: Vec<HelpedChoice>,
}

/// Every closed vocabulary with its values in display order and their display names, so the
/// apps show the core's words instead of keeping label tables of their own.
#[uniffi::export]
pub fn vocabularies() -> Vocabularies {
    Vocabularies {
        sides: Side::ALL.iter().map(SideChoice::of).collect(),
        body_areas: BodyArea::ALL.iter().map(BodyAreaChoice::of).collect(),
        sensations: Sensation::PLAIN.iter().map(SensationChoice::of).collect(),
        settings: Setting::PLAIN.iter().map(SettingChoice::of).collect(),
        relief_methods: ReliefMethod::PLAIN
            .iter()
            .map(ReliefMethodChoice::of)
            .collect(),
        exposure_kinds: ExposureKind::PLAIN
            .iter()
            .map(ExposureKindChoice::of)
            .collect(),
        treatment_categories: TreatmentCategory::PLAIN
            .iter()
            .map(TreatmentCategoryChoice::of)
            .collect(),
        analytes: Analyte::PLAIN.iter().map(AnalyteChoice::of).collect(),
        entry_kinds: EntryKind::ALL.iter().map(EntryKindChoice::of).collect(),
        paper_sizes: PaperSize::ALL.iter().map(PaperSizeChoice::of).collect(),
        helped: (0..=3)
            .map(|value| {
                let name = helped_words(value).to_string();
                HelpedChoice {
                    value,
                    label: capitalized(&name),
                    name,
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::fmt::Debug;
    use std::hash::Hash;

    use super::*;

    /// Every value appears exactly once, in the vocabulary's own order, with non-empty text
    /// equal to its display name.
    fn check<T: Clone + Debug + Eq + Hash>(
        what: &str,
        all: &[T],
        listed: &[(T, String, String)],
        display_name: impl Fn(&T) -> String,
    ) {
        let values: Vec<T> = listed.iter().map(|(v, _, _)| v.clone()).collect();
        assert_eq!(values, all.to_vec(), "{what}: values or order differ");
        let unique: HashSet<&T> = values.iter().collect();
        assert_eq!(unique.len(), values.len(), "{what}: a value appears twice");
        for (value, name, label) in listed {
            assert!(!name.is_empty() && !label.is_empty(), "{what}: {value:?}");
            assert_eq!(*name, display_name(value), "{what}: {value:?}");
            assert_eq!(*label, capitalized(name), "{what}: {value:?}");
            assert_eq!(label.to_lowercase(), name.to_lowercase());
        }
    }

    macro_rules! rows {
        ($list:expr) => {
            $list
                .iter()
                .map(|c| (c.value.clone(), c.name.clone(), c.label.clone()))
                .collect::<Vec<_>>()
        };
    }

    #[test]
    fn every_value_appears_once_with_its_display_name() {
        let v = vocabularies();
        check("sides", Side::ALL, &rows!(v.sides), Side::display_name);
        check(
            "body areas",
            BodyArea::ALL,
            &rows!(v.body_areas),
            BodyArea::display_name,
        );
        check(
            "sensations",
            Sensation::PLAIN,
            &rows!(v.sensations),
            Sensation::display_name,
        );
        check(
            "settings",
            Setting::PLAIN,
            &rows!(v.settings),
            Setting::display_name,
        );
        check(
            "relief methods",
            ReliefMethod::PLAIN,
            &rows!(v.relief_methods),
            ReliefMethod::display_name,
        );
        check(
            "exposure kinds",
            ExposureKind::PLAIN,
            &rows!(v.exposure_kinds),
            ExposureKind::display_name,
        );
        check(
            "treatment categories",
            TreatmentCategory::PLAIN,
            &rows!(v.treatment_categories),
            TreatmentCategory::display_name,
        );
        check(
            "analytes",
            Analyte::PLAIN,
            &rows!(v.analytes),
            Analyte::display_name,
        );
        check(
            "entry kinds",
            EntryKind::ALL,
            &rows!(v.entry_kinds),
            EntryKind::display_name,
        );
        assert_eq!(v.paper_sizes.len(), PaperSize::ALL.len());
        for (choice, size) in v.paper_sizes.iter().zip(PaperSize::ALL) {
            assert_eq!(choice.value, *size);
            assert_eq!(choice.name, size.display_name());
            assert!(!choice.label.is_empty());
        }
        check("helped", &[0i32, 1, 2, 3], &rows!(v.helped), |h: &i32| {
            helped_words(*h).to_string()
        });
    }

    #[test]
    fn labels_read_as_the_apps_showed_them() {
        let v = vocabularies();
        let label = |c: &ReliefMethodChoice| c.label.clone();
        assert!(v
            .relief_methods
            .iter()
            .map(label)
            .any(|l| l == "Vibration device"));
        assert!(v.analytes.iter().any(|c| c.label == "TIBC"));
        assert!(v.treatment_categories.iter().any(|c| c.label == "IV iron"));
        assert!(v.paper_sizes.iter().any(|c| c.label == "US Letter"));
        assert_eq!(
            v.helped.first().map(|c| c.label.as_str()),
            Some("Did not help")
        );
    }
}
