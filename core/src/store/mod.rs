//! Local SQLite storage: opening files safely, the schema and its upgrades, rows and records.

pub mod connection;
pub mod entries;
pub mod records;
pub mod schema;
pub mod settings;
