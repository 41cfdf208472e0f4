//! What a file in a shared folder is to this device, asked by apps that copy files in and out of
//! a folder the core cannot reach by a path (Android's Storage Access Framework mirror): which
//! files to pull in for a sync, which to push back, which automatic backups are ours. The names
//! are the core's (`sync/names.rs`, `export/auto_backup.rs`), so no app keeps a copy of them.

use crate::error::{JournalError, Result};
use crate::export::auto_backup;
use crate::sync::names::{classify, FolderFile};

/// What a file in a sync folder is to this device, for an app that copies files between the
/// shared folder and a folder the core syncs in.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncFileRole {
    /// This device's own file (plain or encrypted): the only file to copy back into the shared
    /// folder after a sync; never pulled in.
    Own,
    /// A file the sync merges: another device's file, or a copy a sync tool made of a device
    /// file (a Syncthing conflict copy, an iCloud `name 2` copy). Pull it in whole.
    ToMerge,
    /// Anything else (a placeholder of a file not downloaded yet, a sync tool's or the core's
    /// temporary file, a backup, another app's or the person's file): never pulled, pushed,
    /// changed or removed.
    Ignored,
}

/// Whether `id` is a device id as the core makes them (a lowercase hyphenated UUID).
fn is_device_id(id: &str) -> bool {
    uuid::Uuid::try_parse(id).is_ok_and(|u| u.hyphenated().to_string() == id)
}

/// What the file `name` in a sync folder is to the device whose id is `own_device_id` (the
/// journal's `device_id`, or the `device_id` of the last `SyncReport`). Without an id (a device
/// that has not synced yet) no file is `Own`. `InvalidInput` when `own_device_id` is not a
/// device id.
#[uniffi::export]
pub fn sync_file_role(name: String, own_device_id: Option<String>) -> Result<SyncFileRole> {
    let own = match own_device_id {
        Some(id) if is_device_id(&id) => id,
        Some(_) => {
            return Err(JournalError::invalid(
                "own_device_id",
                "is not a device id (a lowercase UUID made by the journal)",
            ))
        }
        // No id matches no file: `classify` finds a device id in every device file's name.
        None => String::new(),
    };
    Ok(match classify(&name, &own) {
        FolderFile::Own => SyncFileRole::Own,
        FolderFile::Snapshot { .. } => SyncFileRole::ToMerge,
        FolderFile::NotDownloaded { .. } | FolderFile::Other => SyncFileRole::Ignored,
    })
}

/// Whether `name` is one of this app's automatic backups (`rlsjournal-auto-<device>-<time>…`, or
/// an earlier version's `rlsjournal-auto-<time>…`), the only files a backup folder's mirror copies
/// out of the app-private folder the core writes them to (only this device writes there).
/// Temporary files and every other name are not.
#[uniffi::export]
pub fn is_own_backup_file(name: String) -> bool {
    auto_backup::parse_name(&name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "0193e4a0-0000-4000-8000-000000000001";
    const THEIRS: &str = "0193e4a0-0000-4000-8000-0000000000ff";

    fn role(name: &str) -> SyncFileRole {
        sync_file_role(name.to_string(), Some(OURS.to_string())).unwrap()
    }

    #[test]
    fn every_name_form_has_its_role() {
        for own in [
            format!("rlsjournal-device-{OURS}.json"),
            format!("rlsjournal-device-{OURS}.json.age"),
        ] {
            assert_eq!(role(&own), SyncFileRole::Own, "{own}");
        }
        for merged in [
            format!("rlsjournal-device-{THEIRS}.json"),
            format!("rlsjournal-device-{THEIRS}.json.age"),
            format!("rlsjournal-device-{THEIRS}.sync-conflict-20261202-120000-ABCDEFG.json"),
            format!("rlsjournal-device-{THEIRS}.json.sync-conflict-20261202-120000-ABCDEFG.age"),
            format!("rlsjournal-device-{THEIRS} 2.json"),
            format!("rlsjournal-device-{THEIRS} 2.json.age"),
            // A sync tool's copy of our own file is another version to merge, not ours to push.
            format!("rlsjournal-device-{OURS}.sync-conflict-20261202-120000-ABCDEFG.json"),
            format!("rlsjournal-device-{OURS} 2.json.age"),
        ] {
            assert_eq!(role(&merged), SyncFileRole::ToMerge, "{merged}");
        }
        for ignored in [
            format!(".rlsjournal-device-{THEIRS}.json.icloud"),
            format!(".rlsjournal-device-{THEIRS}.json.age.icloud"),
            format!(".syncthing.rlsjournal-device-{THEIRS}.json.tmp"),
            format!("~syncthing~rlsjournal-device-{THEIRS}.json.tmp"),
            format!(".rlsjournal-device-{OURS}.json.partial"),
            format!("rlsjournal-device-{THEIRS}.json.part"),
            "rlsjournal-auto-20261202T120000Z.zip".to_string(),
            ".rlsjournal-auto-12-abc.tmp".to_string(),
            "rlsjournal-device-not-a-uuid.json".to_string(),
            format!("my-rlsjournal-device-{THEIRS}.json"),
            "notes.txt".to_string(),
            String::new(),
        ] {
            assert_eq!(role(&ignored), SyncFileRole::Ignored, "{ignored:?}");
        }
    }

    #[test]
    fn without_an_id_yet_no_file_is_ours_and_every_device_file_is_merged() {
        let no_id = |name: String| sync_file_role(name, None).unwrap();
        assert_eq!(
            no_id(format!("rlsjournal-device-{OURS}.json")),
            SyncFileRole::ToMerge
        );
        assert_eq!(
            no_id(format!(".rlsjournal-device-{OURS}.json.icloud")),
            SyncFileRole::Ignored
        );
    }

    #[test]
    fn an_own_id_that_is_no_device_id_is_refused() {
        for bad in [
            "",
            "not-a-uuid",
            "0193E4A0-0000-4000-8000-000000000001",
            "0193e4a0000040008000000000000001",
        ] {
            let err = sync_file_role("x.json".into(), Some(bad.into())).unwrap_err();
            assert!(
                matches!(&err, JournalError::InvalidInput { field, .. } if field == "own_device_id"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn only_our_automatic_backups_are_ours() {
        assert!(is_own_backup_file(
            "rlsjournal-auto-20261202T120000Z.zip".into()
        ));
        assert!(is_own_backup_file(
            "rlsjournal-auto-20261202T120000Z.zip.age".into()
        ));
        assert!(is_own_backup_file(
            "rlsjournal-auto-0193e4a0-0000-4000-8000-000000000001-20261202T120000Z.zip".into()
        ));
        for other in [
            ".rlsjournal-auto-12-abc.tmp",
            ".rlsjournal-auto-20261202T120000Z.zip.partial",
            "rlsjournal-auto-20261202T120000Z.zip.bak",
            "rlsjournal-device-0193e4a0-0000-4000-8000-000000000001.json",
            "notes.txt",
            "",
        ] {
            assert!(!is_own_backup_file(other.into()), "{other}");
        }
    }
}
