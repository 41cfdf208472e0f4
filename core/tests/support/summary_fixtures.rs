//! Fixtures for the summary tests: journals on real files, compact builders for every entity,
//! and a serde walker that collects every `f64` of a record (NaN and infinity included, which
//! JSON would hide as `null`).
#![allow(dead_code)]

use std::sync::Arc;

use rlsjournal_core::summary::{NightRange, Summary};
use rlsjournal_core::*;

/// A journal on a real file in a fresh temp dir (kept alive by the returned guard).
pub fn file_journal() -> (tempfile::TempDir, Arc<Journal>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal.db");
    let journal = Journal::open(path.to_string_lossy().into_owned()).expect("open journal");
    (dir, journal)
}

/// Parses an RFC 3339 time with offset.
pub fn at(text: &str) -> Moment {
    Moment::parse_rfc3339(text).expect("valid test time")
}

/// Parses a date.
pub fn date(text: &str) -> LocalDate {
    rlsjournal_core::time::parse_iso_date(text).expect("valid test date")
}

/// `first..=last`.
pub fn range(first: &str, last: &str) -> NightRange {
    NightRange {
        first: date(first),
        last: date(last),
    }
}

/// `date + days` as ISO text.
pub fn plus(day: &str, days: i64) -> String {
    (date(day) + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A fixed "now" long after the fixtures (summaries take it only for the default range and the
/// wording of open episodes).
pub fn now() -> Moment {
    at("2026-11-01T12:00:00+01:00")
}

/// Summarises `range` at [`now`].
pub fn summarize(journal: &Journal, r: NightRange) -> Summary {
    journal.summary_at(Some(r), now()).expect("summary")
}

/// A minimal ended episode: `start` (RFC 3339), `minutes` long, peak `peak`.
pub fn episode(start: &str, minutes: i64, peak: i32) -> EpisodeData {
    let started = at(start);
    let ended = Moment::from_millis(started.millis() + minutes * 60_000, started.offset_minutes);
    EpisodeData {
        started_at: started,
        ended_at: Some(ended),
        peak_intensity: peak,
        latency_minutes: None,
        setting: None,
        side: None,
        body_areas: Vec::new(),
        sensations: Vec::new(),
        woke_from_sleep: false,
        note: None,
    }
}

/// Adds an episode and returns its id.
pub fn add_episode(journal: &Journal, data: EpisodeData) -> String {
    journal.add_episode(data).expect("add episode").id
}

/// Adds a relief attempt to an episode.
pub fn add_relief(
    journal: &Journal,
    episode_id: &str,
    method: ReliefMethod,
    helped: i32,
    minutes: Option<i32>,
    when: &str,
) {
    journal
        .add_relief_attempt(
            episode_id.to_string(),
            ReliefData {
                method,
                helped,
                minutes_to_relief: minutes,
                at: at(when),
            },
        )
        .expect("add relief");
}

/// Adds an exposure of `kind` at `when`.
pub fn add_exposure(journal: &Journal, when: &str, kind: ExposureKind) {
    journal
        .add_exposure(ExposureData {
            at: at(when),
            kind,
            amount: None,
            unit: None,
            note: None,
        })
        .expect("add exposure");
}

/// A sleep diary for the night of `night`: in bed at `bed` (HH:MM on the night's date),
/// trying to sleep at `tried`, final awakening `woke` and out of bed `up` (HH:MM the next day),
/// with SOL and WASO minutes, all at UTC offset `offset` (e.g. `+01:00`).
#[allow(clippy::too_many_arguments)]
pub fn diary(
    night: &str,
    bed: &str,
    tried: &str,
    sol: i32,
    waso: i32,
    woke: &str,
    up: &str,
    offset: &str,
) -> SleepDiaryData {
    let next = plus(night, 1);
    SleepDiaryData {
        night_of: date(night),
        got_into_bed_at: at(&format!("{night}T{bed}:00{offset}")),
        tried_to_sleep_at: at(&format!("{night}T{tried}:00{offset}")),
        sleep_onset_minutes: sol,
        awakenings: 1,
        wake_after_sleep_onset_minutes: waso,
        final_awakening_at: at(&format!("{next}T{woke}:00{offset}")),
        out_of_bed_at: at(&format!("{next}T{up}:00{offset}")),
        quality: 3,
        note: None,
    }
}

/// Adds a plain diary (in bed 23:00–07:00, +01:00) so the night counts as logged.
pub fn add_plain_diary(journal: &Journal, night: &str) {
    journal
        .add_sleep_diary(diary(
            night, "23:00", "23:00", 10, 20, "07:00", "07:00", "+01:00",
        ))
        .expect("add diary");
}

/// Adds a treatment and returns its id.
pub fn add_treatment(
    journal: &Journal,
    name: &str,
    category: TreatmentCategory,
    started: &str,
    stopped: Option<&str>,
) -> String {
    journal
        .add_treatment(TreatmentData {
            name: name.into(),
            category,
            dose: Some(0.25),
            dose_unit: Some("mg".into()),
            started_on: date(started),
            stopped_on: stopped.map(date),
            note: None,
            times_per_day: None,
            dose_changes: Vec::new(),
        })
        .expect("add treatment")
        .id
}

/// Adds a dose of a treatment at `when`.
pub fn add_dose(journal: &Journal, treatment_id: &str, when: &str) {
    journal
        .add_dose(DoseData {
            treatment_id: treatment_id.to_string(),
            at: at(when),
            amount: None,
        })
        .expect("add dose");
}

/// Adds a lab result.
pub fn add_lab(journal: &Journal, taken: &str, analyte: Analyte, value: f64, unit: &str) {
    journal
        .add_lab_result(LabResultData {
            taken_on: date(taken),
            analyte,
            value,
            unit: unit.into(),
            note: None,
        })
        .expect("add lab");
}

/// Adds an IRLS rating.
pub fn add_rating(journal: &Journal, rated: &str, total: i32) {
    journal
        .add_severity_rating(SeverityRatingData {
            rated_on: date(rated),
            irls_total: total,
            note: None,
        })
        .expect("add rating");
}

/// Asserts two floats agree to 1e-9.
#[track_caller]
pub fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// Asserts an optional float is present and agrees to 1e-9.
#[track_caller]
pub fn close_some(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => close(a, expected),
        None => panic!("expected {expected}, got None"),
    }
}

// ---- every f64 of a record ----

/// Every `f64` (and `f32`) in a serializable value, in order.
pub fn floats<T: serde::Serialize>(value: &T) -> Vec<f64> {
    let mut walker = FloatWalker(Vec::new());
    value.serialize(&mut walker).expect("walk");
    walker.0
}

/// A serializer that keeps only the floats it sees.
pub struct FloatWalker(pub Vec<f64>);

/// The walker's error (it never fails on its own).
#[derive(Debug)]
pub struct WalkError(String);

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WalkError {}

impl serde::ser::Error for WalkError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        WalkError(msg.to_string())
    }
}

macro_rules! ignore {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, _v: $ty) -> Result<(), WalkError> { Ok(()) })*
    };
}

impl serde::Serializer for &mut FloatWalker {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    ignore!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str, serialize_bytes: &[u8]);

    fn serialize_f32(self, v: f32) -> Result<(), WalkError> {
        self.0.push(f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), WalkError> {
        self.0.push(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, v: &T) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, WalkError> {
        Ok(self)
    }
}

macro_rules! compound {
    ($trait:ident, $method:ident $(, $key:ident)?) => {
        impl serde::ser::$trait for &mut FloatWalker {
            type Ok = ();
            type Error = WalkError;
            fn $method<T: serde::Serialize + ?Sized>(
                &mut self,
                $($key: &'static str,)?
                v: &T,
            ) -> Result<(), WalkError> {
                $(let _ = $key;)?
                v.serialize(&mut **self)
            }
            fn end(self) -> Result<(), WalkError> {
                Ok(())
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);
compound!(SerializeStruct, serialize_field, key);
compound!(SerializeStructVariant, serialize_field, key);

impl serde::ser::SerializeMap for &mut FloatWalker {
    type Ok = ();
    type Error = WalkError;
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, k: &T) -> Result<(), WalkError> {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WalkError> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}
