//! Field validation helpers shared by every entity: text, numbers, sets.

use crate::error::{JournalError, Result};

/// Longest free text (notes), in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;
/// Longest short text (names, units), in characters.
pub const MAX_NAME_CHARS: usize = 200;

// The ranges of the numbers a person types. They cross the FFI as signed integers (`i32`), so
// a wrong number (263, -1) reaches these checks and becomes `InvalidInput` instead of wrapping
// around in Kotlin's `toUByte()` or trapping in Swift's `UInt8(_:)`.

/// Lowest peak intensity of an episode (barely noticeable).
pub const INTENSITY_MIN: i32 = 1;
/// Highest peak intensity of an episode (worst imaginable).
pub const INTENSITY_MAX: i32 = 10;
/// Lowest "helped" score of a relief attempt (did not help).
pub const HELPED_MIN: i32 = 0;
/// Highest "helped" score of a relief attempt (complete relief).
pub const HELPED_MAX: i32 = 3;
/// Lowest sleep quality (very poor).
pub const QUALITY_MIN: i32 = 1;
/// Highest sleep quality (very good).
pub const QUALITY_MAX: i32 = 5;
/// Most awakenings one night's diary may count.
pub const MAX_AWAKENINGS: i32 = 100;
/// Most minutes any duration field may hold: one week.
pub const MAX_MINUTES: i32 = 7 * 24 * 60;
/// Last hour of the day (hours are 0–23).
pub const MAX_HOUR: i32 = 23;

/// Trims optional one-line text (a name, a unit, a label); empty becomes `None`; longer than
/// `max` characters, or holding any control character (line breaks, tabs, escape sequences that
/// could drive a terminal), is rejected.
pub fn optional_text(field: &str, text: &Option<String>, max: usize) -> Result<Option<String>> {
    checked_text(field, text.as_deref(), max, false)
}

/// Trims required one-line text: empty, longer than `max` characters or holding a control
/// character is rejected.
pub fn required_text(field: &str, text: &str, max: usize) -> Result<String> {
    checked_text(field, Some(text), max, false)?
        .ok_or_else(|| JournalError::invalid(field, "is required"))
}

/// Trims an optional note: like [`optional_text`], but line breaks and tabs are kept (a Windows
/// or old Mac line break becomes `\n`). Every other control character is rejected.
pub fn optional_note(field: &str, text: &Option<String>, max: usize) -> Result<Option<String>> {
    let normalized = text
        .as_deref()
        .map(|t| t.replace("\r\n", "\n").replace('\r', "\n"));
    checked_text(field, normalized.as_deref(), max, true)
}

fn checked_text(
    field: &str,
    text: Option<&str>,
    max: usize,
    multi_line: bool,
) -> Result<Option<String>> {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.chars().count() > max {
        return Err(JournalError::invalid(
            field,
            format!("is longer than {max} characters"),
        ));
    }
    let allowed = |c: char| multi_line && (c == '\n' || c == '\t');
    if let Some(c) = t.chars().find(|&c| c.is_control() && !allowed(c)) {
        let what = match c {
            '\0' => "a NUL character".to_string(),
            '\n' | '\r' => "a line break (one line only)".to_string(),
            '\t' => "a tab (one line only)".to_string(),
            '\u{1b}' => "an escape character".to_string(),
            other => format!("the control character U+{:04X}", u32::from(other)),
        };
        return Err(JournalError::invalid(field, format!("contains {what}")));
    }
    Ok(Some(t.to_string()))
}

/// Checks that `value` lies in `min..=max`.
pub fn in_range<T: PartialOrd + std::fmt::Display + Copy>(
    field: &str,
    value: T,
    min: T,
    max: T,
) -> Result<T> {
    if value < min || value > max {
        Err(JournalError::invalid(
            field,
            format!("must be between {min} and {max}, got {value}"),
        ))
    } else {
        Ok(value)
    }
}

/// Checks an amount: finite and greater than zero.
pub fn positive_amount(field: &str, value: f64) -> Result<f64> {
    if !value.is_finite() {
        Err(JournalError::invalid(field, "must be a finite number"))
    } else if value <= 0.0 {
        Err(JournalError::invalid(field, "must be greater than zero"))
    } else if value > 1e9 {
        Err(JournalError::invalid(field, "is implausibly large"))
    } else {
        Ok(value)
    }
}

/// An optional amount with its optional unit: a unit needs an amount.
pub fn amount_with_unit(
    amount_field: &str,
    amount: Option<f64>,
    unit_field: &str,
    unit: &Option<String>,
) -> Result<(Option<f64>, Option<String>)> {
    let amount = amount
        .map(|a| positive_amount(amount_field, a))
        .transpose()?;
    let unit = optional_text(unit_field, unit, MAX_NAME_CHARS)?;
    if amount.is_none() && unit.is_some() {
        return Err(JournalError::invalid(unit_field, "a unit needs an amount"));
    }
    Ok((amount, unit))
}

/// Sorts and de-duplicates a set given as a list.
pub fn as_set<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut set = items.to_vec();
    set.sort();
    set.dedup();
    set
}

/// Minutes as a count: 0 to [`MAX_MINUTES`] (one week).
pub fn minutes(field: &str, value: Option<i32>) -> Result<Option<i32>> {
    value
        .map(|m| in_range(field, m, 0, MAX_MINUTES))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(r: Result<Option<String>>) -> String {
        match r {
            Err(JournalError::InvalidInput { reason, .. }) => reason,
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn one_line_text_refuses_every_control_character() {
        for (text, why) in [
            ("a\u{1b}]0;title\u{7}", "contains an escape character"),
            ("a\nb", "contains a line break (one line only)"),
            ("a\tb", "contains a tab (one line only)"),
            ("a\0b", "contains a NUL character"),
            ("a\u{9b}31m", "contains the control character U+009B"),
            ("a\u{7f}", "contains the control character U+007F"),
        ] {
            assert_eq!(reason(optional_text("unit", &Some(text.into()), 50)), why);
        }
        assert_eq!(
            optional_text("unit", &Some(" Σοφία 李 محمد ".into()), 50).unwrap(),
            Some("Σοφία 李 محمد".into())
        );
    }

    #[test]
    fn notes_keep_line_breaks_and_tabs_only() {
        assert_eq!(
            optional_note("note", &Some("one\r\ntwo\rthree\tfour".into()), 50).unwrap(),
            Some("one\ntwo\nthree\tfour".into())
        );
        assert_eq!(
            reason(optional_note("note", &Some("a\u{1b}[2J".into()), 50)),
            "contains an escape character"
        );
        assert_eq!(
            reason(optional_note("note", &Some("a\u{8}".into()), 50)),
            "contains the control character U+0008"
        );
    }
}
