//! Local SQLite storage: opening files safely, the schema and its upgrades, rows and records.

pub mod backup_state;
pub mod bedside;
pub mod connection;
pub mod device_state;
pub mod entries;
pub mod file_access;
pub mod lookups;
pub mod pragmas;
pub mod queries;
pub mod records;
pub mod schema;
pub mod settings;
pub mod sync_state;
pub mod trigger_nights;
pub mod writes;
