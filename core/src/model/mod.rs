//! The journal model (design §3): entities, their vocabularies and validation.

pub mod answer;
pub mod bedside;
pub mod damaged;
pub mod entry;
pub mod entry_data;
pub mod episode;
pub mod exposure;
pub mod kinds;
pub mod lab;
pub mod meta;
pub mod safety_check;
pub mod sleep;
pub mod treatment;
pub mod validate;
pub mod visit;
pub mod worsening;
