//! Read views for screens: history, a night, a month, prompts, the sleep-diary draft, the form
//! rules, the Add/Edit form's fields, the vocabularies with their display names, and the display text they share.

pub mod calendar;
pub mod describe;
pub mod entry_form;
pub mod form_rules;
pub mod history;
pub mod night;
pub mod prompts;
pub mod sleep_draft;
pub mod vocabulary;
