//! The exported file roles (`sync_file_role`, `is_own_backup_file`) against what the core really
//! does in a real folder: an app that pulls only the files the core calls `ToMerge` into a
//! folder of its own (Android's Storage Access Framework mirror) merges exactly what a sync of
//! the whole folder merges, pushes back only the file the core wrote, and leaves every other
//! file alone.

mod common;

use common::*;
use rlsjournal_core::export::auto_backup::BackupOccasion;
use rlsjournal_core::*;

/// 2026-12-02T12:00:00Z.
const NOON_MS: i64 = 1_796_212_800_000;

fn contents(journal: &Journal) -> String {
    journal
        .backup_json_at(&Moment::from_millis(NOON_MS, 0))
        .unwrap()
}

fn role(name: &str, own: &str) -> SyncFileRole {
    sync_file_role(name.to_string(), Some(own.to_string())).unwrap()
}

#[test]
fn pulling_only_the_files_to_merge_merges_what_the_whole_folder_does() {
    let shared = tempfile::tempdir().unwrap();
    let f = shared.path();
    // B writes its file twice: the older version survives as a Syncthing conflict copy, the
    // newer one also as an iCloud "name 2" copy.
    let (_bd, _bp, b) = file_journal();
    b.add_episode(full_episode(
        "2026-11-05T23:00:00+01:00",
        "2026-11-05T23:40:00+01:00",
        5,
    ))
    .unwrap();
    b.sync_folder(f.to_string_lossy().into_owned(), None)
        .unwrap();
    let b_id = b.device_id().unwrap();
    let b_name = format!("rlsjournal-device-{b_id}.json");
    let b_old = std::fs::read(f.join(&b_name)).unwrap();
    b.add_sleep_diary(diary("2026-11-06")).unwrap();
    b.sync_folder(f.to_string_lossy().into_owned(), None)
        .unwrap();
    let conflict = format!("rlsjournal-device-{b_id}.sync-conflict-20261202-120000-ABCDEFG.json");
    std::fs::write(f.join(&conflict), &b_old).unwrap();
    let duplicate = format!("rlsjournal-device-{b_id} 2.json");
    std::fs::copy(f.join(&b_name), f.join(&duplicate)).unwrap();
    // Files that are not the sync's: a placeholder, temporary files, a backup, the person's.
    let ignored = [
        format!(".rlsjournal-device-{b_id}.json.icloud"),
        format!(".syncthing.{b_name}.tmp"),
        format!("{b_name}.part"),
        "rlsjournal-auto-20261202T120000Z.zip".to_string(),
        "notes.txt".to_string(),
    ];
    for name in &ignored {
        std::fs::write(f.join(name), format!("not for the sync: {name}")).unwrap();
    }

    // A, first sync, reaching the folder directly.
    let (_ad, _ap, a) = file_journal();
    let a_id = a.device_id().unwrap();
    // C, as empty as A, through a mirror that pulls only what the core calls ToMerge.
    let (_cd, _cp, c) = file_journal();
    let c_id = c.device_id().unwrap();

    let to_merge: Vec<String> = names(f)
        .into_iter()
        .filter(|n| role(n, &c_id) == SyncFileRole::ToMerge)
        .collect();
    let mut expected = vec![b_name.clone(), conflict.clone(), duplicate.clone()];
    expected.sort();
    assert_eq!(to_merge, expected);
    for name in &ignored {
        assert_eq!(role(name, &c_id), SyncFileRole::Ignored, "{name}");
    }

    let staging = tempfile::tempdir().unwrap();
    for name in &to_merge {
        std::fs::copy(f.join(name), staging.path().join(name)).unwrap();
    }
    let through_mirror = c
        .sync_folder(staging.path().to_string_lossy().into_owned(), None)
        .unwrap();
    let direct = a
        .sync_folder(f.to_string_lossy().into_owned(), None)
        .unwrap();
    assert_eq!(
        through_mirror.merged, direct.merged,
        "the same files merged"
    );
    assert_eq!(direct.merged, expected);
    assert_eq!(
        direct.skipped.len(),
        1,
        "only the placeholder is skipped directly: {:?}",
        direct.skipped
    );
    assert!(
        direct.skipped[0].contains("not downloaded"),
        "{:?}",
        direct.skipped
    );
    assert!(
        through_mirror.skipped.is_empty(),
        "{:?}",
        through_mirror.skipped
    );
    assert_eq!(contents(&c), contents(&a), "the same journal either way");

    // What the mirror pushes back: the one file the core wrote, which is this device's own.
    let written = through_mirror.written.clone().unwrap();
    let pushed: Vec<String> = names(staging.path())
        .into_iter()
        .filter(|n| role(n, &c_id) == SyncFileRole::Own)
        .collect();
    assert_eq!(pushed, vec![written]);
    assert_eq!(
        role(&direct.written.unwrap(), &a_id),
        SyncFileRole::Own,
        "the direct sync's file is A's own"
    );
    // The others' files are ToMerge to C, never Own: nothing of theirs is pushed back.
    assert!(to_merge.iter().all(|n| role(n, &c_id) != SyncFileRole::Own));
    for name in &ignored {
        assert_eq!(
            std::fs::read_to_string(f.join(name)).unwrap(),
            format!("not for the sync: {name}")
        );
    }
}

#[test]
fn the_automatic_backups_the_core_writes_are_ours_and_its_temporary_files_are_not() {
    let (_d, _p, journal) = file_journal();
    journal
        .add_sleep_diary(diary("2026-11-06"))
        .expect("a diary");
    let folder = tempfile::tempdir().unwrap();
    let outcome = journal
        .auto_backup(
            folder.path().to_string_lossy().into_owned(),
            None,
            BackupOccasion::Now,
        )
        .unwrap();
    let written = outcome.written.unwrap();
    assert!(is_own_backup_file(written.clone()), "{written}");
    assert_eq!(
        names(folder.path())
            .into_iter()
            .filter(|n| is_own_backup_file(n.clone()))
            .collect::<Vec<_>>(),
        vec![written]
    );
    for other in [
        ".rlsjournal-auto-1-abc.tmp",
        "rlsjournal-device-0193e4a0-0000-4000-8000-000000000001.json",
        "notes.txt",
    ] {
        assert!(!is_own_backup_file(other.into()), "{other}");
    }
}
