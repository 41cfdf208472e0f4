//! Bookkeeping every stored record carries: creation, last change, tombstone.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::time::rfc3339_utc;

/// When a record was created, last changed and (soft-)deleted.
#[derive(uniffi::Record, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    /// When the record was first saved.
    #[serde(with = "rfc3339_utc")]
    pub created_at: SystemTime,
    /// When the record was last changed (a later change wins when merging backups).
    #[serde(with = "rfc3339_utc")]
    pub updated_at: SystemTime,
    /// When the record was deleted; `None` while it is live. Deleted records can be restored.
    #[serde(with = "rfc3339_utc::option", default)]
    pub deleted_at: Option<SystemTime>,
}
