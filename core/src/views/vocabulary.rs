//! The closed vocabularies with their display text, for the apps' chips and pickers.
//!
//! The names come from the vocabularies themselves (`display_name()` in `model/kinds.rs`,
//! `helped_words`, `PaperSize::display_name`): this file only lists them and gives each value
//! its chip text and "other" flag as methods the bindings carry (`label()`, `is_other()`), so
//! the apps need no label tables of their own. A vocabulary with an "other" choice lists it last,
//! with an empty label for the person to fill in, shown as [`OTHER_LABEL`] until then.

use crate::model::episode::helped_words;
use crate::model::kinds::{
    Analyte, BodyArea, EntryKind, ExposureKind, ReliefMethod, Sensation, Setting, Side,
    TreatmentCategory,
};
use crate::settings::PaperSize;
use crate::views::describe::capitalized;

/// The chip text of an "other" choice whose label the person has not typed yet.
pub const OTHER_LABEL: &str = "Other";

/// Exports the chip text and "other" flag of a vocabulary without an "other" choice.
macro_rules! plain_labels {
    ($($name:ident),*) => {$(
        #[uniffi::export]
        impl $name {
            /// Its name on its own, as a chip shows it (`Vibration device`).
            pub fn label(&self) -> String {
                capitalized(&self.display_name())
            }

            /// Whether this is the free-text "other" choice (never, in this vocabulary).
            pub fn is_other(&self) -> bool {
                false
            }
        }
    )*};
}

/// Exports the chip text and "other" flag of a vocabulary whose last choice is `Other`.
macro_rules! labelled_labels {
    ($($name:ident),*) => {$(
        #[uniffi::export]
        impl $name {
            /// Its name on its own, as a chip shows it (`Vibration device`); an `Other` shows
            /// the person's label as typed, or [`OTHER_LABEL`] while that is blank.
            pub fn label(&self) -> String {
                match self.other_label() {
                    Some(label) if label.trim().is_empty() => OTHER_LABEL.to_string(),
                    Some(label) => label.to_string(),
                    None => capitalized(&self.display_name()),
                }
            }

            /// Whether this is the free-text "other" choice, whatever its label.
            pub fn is_other(&self) -> bool {
                self.other_label().is_some()
            }
        }
    )*};
}

plain_labels!(Side, BodyArea, EntryKind, PaperSize);
labelled_labels!(
    Sensation,
    Setting,
    ReliefMethod,
    ExposureKind,
    TreatmentCategory,
    Analyte
);

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
            /// Its name on its own, e.g. on a chip (`Vibration device`; `Other` for "other").
            pub label: String,
            /// Whether this is the free-text "other" choice: the app asks for its label.
            pub is_other: bool,
        }

        impl $name {
            fn of(value: &$value) -> $name {
                let name = value.display_name();
                $name {
                    // The blank "other" choice reads "other" inside a sentence.
                    name: if name.is_empty() { OTHER_LABEL.to_lowercase() } else { name },
                    label: value.label(),
                    is_other: value.is_other(),
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
/// Vocabularies with an "other" choice list it last, with an empty label (`is_other` set, chip
/// text [`OTHER_LABEL`]): an app shows it like any value and asks for the person's label.
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
        sensations: with_other(
            Sensation::PLAIN,
            Sensation::Other {
                label: String::new(),
            },
        )
        .iter()
        .map(SensationChoice::of)
        .collect(),
        settings: with_other(
            Setting::PLAIN,
            Setting::Other {
                label: String::new(),
            },
        )
        .iter()
        .map(SettingChoice::of)
        .collect(),
        relief_methods: with_other(
            ReliefMethod::PLAIN,
            ReliefMethod::Other {
                label: String::new(),
            },
        )
        .iter()
        .map(ReliefMethodChoice::of)
        .collect(),
        exposure_kinds: with_other(
            ExposureKind::PLAIN,
            ExposureKind::Other {
                label: String::new(),
            },
        )
        .iter()
        .map(ExposureKindChoice::of)
        .collect(),
        treatment_categories: with_other(
            TreatmentCategory::PLAIN,
            TreatmentCategory::Other {
                label: String::new(),
            },
        )
        .iter()
        .map(TreatmentCategoryChoice::of)
        .collect(),
        analytes: with_other(
            Analyte::PLAIN,
            Analyte::Other {
                label: String::new(),
            },
        )
        .iter()
        .map(AnalyteChoice::of)
        .collect(),
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

/// The fixed values of a vocabulary followed by its blank "other" choice.
fn with_other<T: Clone>(plain: &[T], other: T) -> Vec<T> {
    plain
        .iter()
        .cloned()
        .chain(std::iter::once(other))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::fmt::Debug;
    use std::hash::Hash;

    use super::*;

    /// One listed choice: value, name, label, "other" flag.
    type Row<T> = (T, String, String, bool);

    /// Every value appears exactly once, in the vocabulary's own order, with non-empty text:
    /// its display name and the value's own `label()` and `is_other()`.
    fn check<T: Clone + Debug + Eq + Hash>(
        what: &str,
        all: &[T],
        listed: &[Row<T>],
        display_name: impl Fn(&T) -> String,
        label: impl Fn(&T) -> String,
        is_other: impl Fn(&T) -> bool,
    ) {
        let values: Vec<T> = listed.iter().map(|(v, _, _, _)| v.clone()).collect();
        assert_eq!(values, all.to_vec(), "{what}: values or order differ");
        let unique: HashSet<&T> = values.iter().collect();
        assert_eq!(unique.len(), values.len(), "{what}: a value appears twice");
        for (value, name, chip, other) in listed {
            assert!(!name.is_empty() && !chip.is_empty(), "{what}: {value:?}");
            assert_eq!(*chip, label(value), "{what}: {value:?}");
            assert_eq!(*other, is_other(value), "{what}: {value:?}");
            if *other {
                assert_eq!((name.as_str(), chip.as_str()), ("other", OTHER_LABEL));
            } else {
                assert_eq!(*name, display_name(value), "{what}: {value:?}");
                assert_eq!(*chip, capitalized(name), "{what}: {value:?}");
            }
        }
    }

    macro_rules! rows {
        ($list:expr) => {
            $list
                .iter()
                .map(|c| (c.value.clone(), c.name.clone(), c.label.clone(), c.is_other))
                .collect::<Vec<_>>()
        };
    }

    macro_rules! check_plain {
        ($what:literal, $ty:ident, $list:expr) => {
            check(
                $what,
                $ty::ALL,
                &rows!($list),
                $ty::display_name,
                $ty::label,
                $ty::is_other,
            )
        };
    }

    macro_rules! check_labelled {
        ($what:literal, $ty:ident, $list:expr) => {
            check(
                $what,
                &with_other(
                    $ty::PLAIN,
                    $ty::Other {
                        label: String::new(),
                    },
                ),
                &rows!($list),
                $ty::display_name,
                $ty::label,
                $ty::is_other,
            )
        };
    }

    #[test]
    fn every_value_appears_once_with_its_display_name_and_other_last() {
        let v = vocabularies();
        check_plain!("sides", Side, v.sides);
        check_plain!("body areas", BodyArea, v.body_areas);
        check_plain!("entry kinds", EntryKind, v.entry_kinds);
        check_labelled!("sensations", Sensation, v.sensations);
        check_labelled!("settings", Setting, v.settings);
        check_labelled!("relief methods", ReliefMethod, v.relief_methods);
        check_labelled!("exposure kinds", ExposureKind, v.exposure_kinds);
        check_labelled!(
            "treatment categories",
            TreatmentCategory,
            v.treatment_categories
        );
        check_labelled!("analytes", Analyte, v.analytes);
        assert_eq!(v.paper_sizes.len(), PaperSize::ALL.len());
        for (choice, size) in v.paper_sizes.iter().zip(PaperSize::ALL) {
            assert_eq!(choice.value, *size);
            assert_eq!(choice.name, size.display_name());
            assert_eq!(choice.label, size.label());
            assert!(!choice.label.is_empty() && !choice.is_other);
        }
        let helped: Vec<(i32, String, String)> = v
            .helped
            .iter()
            .map(|c| (c.value, c.name.clone(), c.label.clone()))
            .collect();
        for (value, name, label) in &helped {
            assert_eq!(*name, helped_words(*value));
            assert_eq!(*label, capitalized(name));
        }
        assert_eq!(helped.iter().map(|h| h.0).collect::<Vec<_>>(), [0, 1, 2, 3]);
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

    #[test]
    fn plain_values_label_themselves_and_are_never_other() {
        assert_eq!(Side::Both.label(), "Both");
        assert_eq!(ReliefMethod::Vibration.label(), "Vibration device");
        assert_eq!(TreatmentCategory::IvIron.label(), "IV iron");
        assert_eq!(Analyte::Tibc.label(), "TIBC");
        assert_eq!(PaperSize::Letter.label(), "US Letter");
        assert_eq!(PaperSize::A4.label(), "A4");
        for side in Side::ALL {
            assert!(!side.is_other());
        }
        for area in BodyArea::ALL {
            assert!(!area.is_other() && !area.label().is_empty());
        }
        for kind in EntryKind::ALL {
            assert!(!kind.is_other() && !kind.label().is_empty());
        }
        for size in PaperSize::ALL {
            assert!(!size.is_other());
        }
        for value in Sensation::PLAIN {
            assert!(!value.is_other());
        }
        for value in Setting::PLAIN {
            assert!(!value.is_other());
        }
        for value in ReliefMethod::PLAIN {
            assert!(!value.is_other());
        }
        for value in ExposureKind::PLAIN {
            assert!(!value.is_other());
        }
        for value in TreatmentCategory::PLAIN {
            assert!(!value.is_other());
        }
        for value in Analyte::PLAIN {
            assert!(!value.is_other());
        }
    }

    #[test]
    fn an_other_shows_the_persons_label_or_other_while_blank() {
        let typed = |label: &str| label.to_string();
        assert_eq!(
            ExposureKind::Other {
                label: typed("late cheese")
            }
            .label(),
            "late cheese"
        );
        assert!(ExposureKind::Other {
            label: typed("late cheese")
        }
        .is_other());
        assert_eq!(
            Sensation::Other {
                label: typed("fizzing")
            }
            .label(),
            "fizzing"
        );
        assert_eq!(
            Setting::Other {
                label: typed("train")
            }
            .label(),
            "train"
        );
        assert_eq!(
            ReliefMethod::Other {
                label: typed("yoga")
            }
            .label(),
            "yoga"
        );
        assert_eq!(
            TreatmentCategory::Other {
                label: typed("magnesium")
            }
            .label(),
            "magnesium"
        );
        assert_eq!(
            Analyte::Other {
                label: typed("B12")
            }
            .label(),
            "B12"
        );
        assert_eq!(
            Analyte::Other {
                label: String::new()
            }
            .label(),
            OTHER_LABEL
        );
        assert_eq!(
            Setting::Other {
                label: typed("   ")
            }
            .label(),
            OTHER_LABEL
        );
        assert!(Analyte::Other {
            label: String::new()
        }
        .is_other());
        assert!(Sensation::Other {
            label: String::new()
        }
        .is_other());
        assert!(Setting::Other {
            label: String::new()
        }
        .is_other());
        assert!(ReliefMethod::Other {
            label: String::new()
        }
        .is_other());
        assert!(TreatmentCategory::Other {
            label: String::new()
        }
        .is_other());
    }
}
