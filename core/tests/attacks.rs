//! Attacks from the adversarial pass (issue #12) that are not about files or imports: each test
//! here failed before its fix.

mod common;

use common::*;
use rlsjournal_core::*;

fn minutes_from_now(minutes: i64) -> Moment {
    Moment::from_millis(Moment::now().millis() + minutes * 60_000, 60)
}

/// `quick 5 --at <now+20h>`, `quick 6`, `end` used to fail for ever with "ended_at is before
/// started_at": the future episode was "the open episode". Bedside calls now only see episodes
/// that have started by the moment they are about.
#[test]
fn a_future_open_episode_does_not_block_the_bedside() {
    let (_d, _p, journal) = file_journal();
    let future = journal
        .quick_log(5, None, Some(minutes_from_now(20 * 60)))
        .unwrap();
    // Not the bedside episode before it starts.
    assert!(journal.open_episode().unwrap().is_none());
    assert!(journal.open_episode_item().unwrap().is_none());
    // A tap now starts its own episode instead of raising the future one.
    let now = journal.quick_log(6, None, None).unwrap();
    assert_ne!(now.id, future.id);
    assert_eq!(journal.open_episode().unwrap().unwrap().id, now.id);
    // Relief goes to the episode of now.
    let relieved = journal
        .add_relief(ReliefMethod::Walking, 2, None, None)
        .unwrap();
    assert_eq!(relieved.id, now.id);
    // `end` ends it, and a second `end` finds nothing to end instead of failing on the future one.
    let ended = journal.end_episode(None).unwrap();
    assert_eq!(ended.id, now.id);
    assert!(ended.data.ended_at.is_some());
    assert!(matches!(
        journal.end_episode(None),
        Err(JournalError::NotFound { .. })
    ));
    // The future episode is untouched and still open, for the person to edit or delete.
    match journal.entry(future.id.clone()).unwrap() {
        Entry::Episode { episode } => {
            assert_eq!(episode.data, future.data);
            assert!(episode.data.ended_at.is_none());
        }
        other => panic!("expected the episode, got {other:?}"),
    }
    // Ending it at a time after its start works as for any episode.
    let at_its_end = Moment::from_millis(future.data.started_at.millis() + 30 * 60_000, 60);
    let ended_future = journal.end_episode(Some(at_its_end)).unwrap();
    assert_eq!(ended_future.id, future.id);
}
