//! The names in a sync folder: our own device file, the other devices' files and the copies
//! synced folders make of them (Syncthing `.sync-conflict-…` copies, iCloud `name 2.json`
//! duplicates), iCloud placeholders of files not downloaded yet, and everything else (writers'
//! temporary files, files that are not ours), which is never read, changed or removed.

/// The first part of every device file's name; the device id follows.
pub const DEVICE_PREFIX: &str = "rlsjournal-device-";

/// The end of a plain device file's name (the backup document).
pub const PLAIN_SUFFIX: &str = ".json";

/// The end of an encrypted device file's name (the backup document in an age file).
pub const ENCRYPTED_SUFFIX: &str = ".json.age";

/// How many characters of a device id name it in sentences.
const SHORT_ID_CHARS: usize = 8;

/// What a file in the sync folder is to this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderFile {
    /// This device's own file (plain or encrypted): written, never merged.
    Own,
    /// A snapshot written by a device (another one, or a copy of ours a sync tool made):
    /// merged. Every version is a whole snapshot, so extra copies are harmless.
    Snapshot {
        /// The id of the device that wrote it.
        device: String,
    },
    /// An iCloud placeholder (`.name.json.icloud`): the file is not downloaded yet.
    NotDownloaded {
        /// The id of the device that wrote it.
        device: String,
    },
    /// Anything else: temporary files being written, other apps' files. Left alone.
    Other,
}

/// The name of this device's file.
pub fn own_file_name(device_id: &str, encrypted: bool) -> String {
    let suffix = if encrypted {
        ENCRYPTED_SUFFIX
    } else {
        PLAIN_SUFFIX
    };
    format!("{DEVICE_PREFIX}{device_id}{suffix}")
}

/// The device id at the start of `rest` (a hyphenated UUID), if there is one.
fn device_at_start(rest: &str) -> Option<String> {
    let id = rest.get(..36)?;
    let parsed = uuid::Uuid::try_parse(id).ok()?;
    (parsed.hyphenated().to_string() == id.to_ascii_lowercase()).then(|| id.to_ascii_lowercase())
}

/// What `name` is, for the device whose id is `own_id`.
pub fn classify(name: &str, own_id: &str) -> FolderFile {
    if let Some(hidden) = name.strip_prefix('.') {
        // iCloud keeps a file not downloaded yet as `.<name>.icloud`.
        return match hidden
            .strip_suffix(".icloud")
            .and_then(|inner| inner.strip_prefix(DEVICE_PREFIX))
            .and_then(device_at_start)
        {
            Some(device) => FolderFile::NotDownloaded { device },
            None => FolderFile::Other,
        };
    }
    let Some(device) = name.strip_prefix(DEVICE_PREFIX).and_then(device_at_start) else {
        return FolderFile::Other;
    };
    if name == own_file_name(own_id, false) || name == own_file_name(own_id, true) {
        return FolderFile::Own;
    }
    // Copies keep the document's extension at the end: `….sync-conflict-….json`,
    // `….json.sync-conflict-….age`, `… 2.json`. Anything else (`.tmp`, `.part`) is being written.
    if name.ends_with(".json") || name.ends_with(".age") {
        FolderFile::Snapshot { device }
    } else {
        FolderFile::Other
    }
}

/// A device named in a sentence: `device 1a2b3c4d`.
pub fn device_words(device: &str) -> String {
    let short: String = device.chars().take(SHORT_ID_CHARS).collect();
    format!("device {short}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "0193e4a0-0000-4000-8000-000000000001";
    const THEIRS: &str = "0193e4a0-0000-4000-8000-0000000000ff";

    #[test]
    fn every_kind_of_name_is_told_apart() {
        let snapshot = FolderFile::Snapshot {
            device: THEIRS.into(),
        };
        assert_eq!(classify(&own_file_name(OURS, false), OURS), FolderFile::Own);
        assert_eq!(classify(&own_file_name(OURS, true), OURS), FolderFile::Own);
        for name in [
            format!("rlsjournal-device-{THEIRS}.json"),
            format!("rlsjournal-device-{THEIRS}.json.age"),
            format!("rlsjournal-device-{THEIRS}.sync-conflict-20261202-120000-ABCDEFG.json"),
            format!("rlsjournal-device-{THEIRS}.json.sync-conflict-20261202-120000-ABCDEFG.age"),
            format!("rlsjournal-device-{THEIRS} 2.json"),
            format!("rlsjournal-device-{THEIRS} 2.json.age"),
        ] {
            assert_eq!(classify(&name, OURS), snapshot, "{name}");
        }
        assert_eq!(
            classify(
                &format!(".rlsjournal-device-{THEIRS}.json.age.icloud"),
                OURS
            ),
            FolderFile::NotDownloaded {
                device: THEIRS.into()
            }
        );
        for other in [
            "notes.txt".to_string(),
            "rlsjournal-auto-20261202T120000Z.zip".to_string(),
            ".rlsjournal-auto-12-abc.tmp".to_string(),
            format!(".syncthing.rlsjournal-device-{THEIRS}.json.tmp"),
            format!("~syncthing~rlsjournal-device-{THEIRS}.json.tmp"),
            format!("rlsjournal-device-{THEIRS}.json.part"),
            "rlsjournal-device-not-a-uuid.json".to_string(),
            format!("my-rlsjournal-device-{THEIRS}.json"),
        ] {
            assert_eq!(classify(&other, OURS), FolderFile::Other, "{other}");
        }
    }
}
