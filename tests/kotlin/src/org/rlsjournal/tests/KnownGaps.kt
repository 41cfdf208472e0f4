package org.rlsjournal.tests

import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.Moment

/**
 * Known gaps in the core, each written as the test that should pass once the core is fixed. They
 * are NOT part of the suite (the suite must pass); run them with `tests/kotlin/run.sh known-gaps`.
 * When the core fixes one, move its test into the suite file of its group.
 */
fun knownGapTests() = suite("gaps") {
    // undo_delete picks `ORDER BY deleted_ms DESC, id DESC`: deletes within the same millisecond
    // are undone in creation (id) order, not in reverse order of deletion.
    test("undoAfterDeletesInTheSameMillisecond") {
        val journal = openJournal()
        val ids = (1..40).map { journal.addExposure(exposureData("2025-03-26T20:00:00+01:00", amount = it.toDouble())).id }
        val deletionOrder = ids.reversed() // newest created first, as a "select all, delete" would
        for (id in deletionOrder) journal.deleteEntry(id)
        val undone = deletionOrder.map { journal.undoDelete() }
        assertEquals(deletionOrder.reversed(), undone, "undo restores the most recently deleted entry first")
    }

    // Each Journal handle caches the settings when opened: a second handle on the same file keeps
    // the old cutover hour, reports stale settings and attributes new entries to the wrong night.
    test("settingsChangedThroughAnotherHandle") {
        val first = openJournal()
        val second = openJournal()
        first.updateSettings(first.settings().copy(nightCutoverHour = 6u))
        assertEquals(6u, second.settings().nightCutoverHour.toUInt(), "the second handle sees the new settings")
        val episode = second.addEpisode(episodeData("2025-03-27T10:00:00+01:00"))
        assertEquals(date("2025-03-27"), episode.night, "10:00 is after a 06:00 cutover")
    }

    // prompts(now) and nightOf(at) do not validate their moment: extreme instants overflow i64
    // arithmetic and panic across the FFI (InternalException) instead of InvalidInput.
    test("extremeMomentsInViewsAreInvalidInput") {
        val journal = openJournal()
        assertFailsWith<JournalException.InvalidInput> { journal.nightOf(Moment(Instant.MAX, 60)) }
        assertFailsWith<JournalException.InvalidInput> { journal.nightOf(Moment(Instant.MIN, -60)) }
        assertFailsWith<JournalException.InvalidInput> { journal.prompts(Moment(Instant.MIN, 0)) }
        assertFailsWith<JournalException.InvalidInput> { journal.prompts(Moment(Instant.MAX, 0)) }
    }
}
