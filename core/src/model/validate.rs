//! Field validation helpers shared by every entity: text, numbers, sets.

use crate::error::{JournalError, Result};

/// Longest free text (notes), in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;
/// Longest short text (names, units), in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Trims optional text; empty becomes `None`; longer than `max` characters is rejected.
pub fn optional_text(field: &str, text: &Option<String>, max: usize) -> Result<Option<String>> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => {
            if t.chars().count() > max {
                Err(JournalError::invalid(
                    field,
                    format!("is longer than {max} characters"),
                ))
            } else if t.chars().any(|c| c == '\0') {
                Err(JournalError::invalid(field, "contains a NUL character"))
            } else {
                Ok(Some(t.to_string()))
            }
        }
    }
}

/// Trims required text: empty or longer than `max` characters is rejected.
pub fn required_text(field: &str, text: &str, max: usize) -> Result<String> {
    optional_text(field, &Some(text.to_string()), max)?
        .ok_or_else(|| JournalError::invalid(field, "is required"))
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

/// Minutes as a count: at most one week.
pub fn minutes(field: &str, value: Option<u32>) -> Result<Option<u32>> {
    value
        .map(|m| in_range(field, m, 0, 7 * 24 * 60))
        .transpose()
}
