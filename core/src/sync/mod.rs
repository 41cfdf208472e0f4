//! Two or more devices in step through a folder the person's own sync tool shares (Syncthing,
//! Google Drive, iCloud Drive), with no account and no server: each device writes only its own
//! file, a full snapshot of its journal, and merges the others' files with the backup import's
//! merge by id. Also the new phone's one-call restore.

pub mod calls;
pub mod file_roles;
pub mod fingerprint;
pub mod merge_file;
pub mod names;
pub mod restore;
pub mod round;
pub mod state;
pub mod status;
pub mod write_own;
