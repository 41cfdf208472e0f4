package org.rlsjournal.tests

import java.io.RandomAccessFile
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.exists
import kotlin.io.path.readBytes
import kotlin.io.path.writeBytes
import kotlin.io.path.writeText
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.PaperSize
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Settings
import org.rlsjournal.journal.toMoment

/** Writes a big-endian 32-bit integer into the SQLite header of a closed database file. */
private fun patchHeader(file: Path, offset: Long, value: Int) {
    RandomAccessFile(file.toFile(), "rw").use {
        it.seek(offset)
        it.writeInt(value)
    }
}

/** Creates a closed journal file with a little data in it. */
private fun TestContext.closedJournalFile(): Path {
    Journal.open(dbPath.toString()).use { it.seed() }
    assertFalse(Path.of("$dbPath-wal").exists(), "closing the journal checkpoints and removes the WAL")
    return dbPath
}

/** Soft delete and undo, settings, reopening, files that are not journals, close and use. */
fun lifecycleTests() = suite("lifecycle") {
    test("deleteHidesAndRestoreBringsBack") {
        val journal = openJournal()
        journal.seed()
        val exposure = journal.addExposure(exposureData("2025-03-26T18:00:00+01:00"))
        val before = journal.calendarMonth(2025, 3).days[25].entryCount
        journal.deleteEntry(exposure.id)
        journal.notFound { entry(exposure.id) }
        assertFalse(journal.allItems().any { it.id == exposure.id })
        assertFalse(journal.night(date("2025-03-26")).exposures.any { it.id == exposure.id })
        assertEquals(before - 1u, journal.calendarMonth(2025, 3).days[25].entryCount)
        journal.notFound { deleteEntry(exposure.id) }
        journal.notFound { editExposure(exposure.id, exposure.data) }
        journal.restoreEntry(exposure.id)
        val back = journal.entry(exposure.id) as Entry.Exposure
        assertEquals(exposure.data, back.exposure.data)
        assertNull(back.exposure.meta.deletedAt)
        assertEquals(before, journal.calendarMonth(2025, 3).days[25].entryCount)
        journal.notFound { restoreEntry(exposure.id) }
    }

    test("undoDeleteIsLastInFirstOut") {
        val journal = openJournal()
        assertNull(journal.undoDelete(), "nothing to undo")
        val ids = (1..3).map { journal.addExposure(exposureData("2025-03-2${it}T20:00:00+01:00")).id }
        for (id in ids) {
            journal.deleteEntry(id)
            Thread.sleep(3) // distinct deletion times (gaps.undoAfterDeletesInTheSameMillisecond)
        }
        assertTrue(journal.allItems().isEmpty())
        assertEquals(ids.reversed(), listOf(journal.undoDelete(), journal.undoDelete(), journal.undoDelete()))
        assertNull(journal.undoDelete())
        assertEquals(ids.toSet(), journal.allItems().map { it.id }.toSet())
    }

    test("deletedEpisodeHidesItsRelief") {
        val journal = openJournal()
        val episode = journal.addEpisode(episodeData("2025-03-26T23:10:00+01:00"))
        val keep = journal.addReliefAttempt(episode.id, ReliefData(ReliefMethod.Walking, 2, 5, moment("2025-03-26T23:15:00+01:00")))
        val drop = journal.addReliefAttempt(episode.id, ReliefData(ReliefMethod.Cold, 0, null, moment("2025-03-26T23:20:00+01:00")))
        journal.deleteEntry(drop.id)
        assertEquals(listOf(keep.id), (journal.entry(episode.id) as Entry.Episode).episode.relief.map { it.id })
        Thread.sleep(3) // distinct deletion times (gaps.undoAfterDeletesInTheSameMillisecond)
        journal.deleteEntry(episode.id)
        journal.notFound { addReliefAttempt(episode.id, keep.data) }
        journal.notFound { editReliefAttempt(keep.id, keep.data.copy(helped = 3)) }
        assertTrue(journal.night(date("2025-03-26")).episodes.isEmpty())
        assertEquals(episode.id, journal.undoDelete())
        assertEquals(listOf(keep.id), (journal.entry(episode.id) as Entry.Episode).episode.relief.map { it.id })
    }

    test("deletedTreatmentHidesItsDoses") {
        val journal = openJournal()
        val treatment = journal.addTreatment(treatmentData())
        val dose = journal.addDose(doseData(treatment.id, "2025-03-26T21:30:00+01:00"))
        journal.deleteEntry(treatment.id)
        assertTrue(journal.treatments().isEmpty())
        assertTrue(journal.allItems(listOf(EntryKind.DOSE)).isEmpty(), "doses of a deleted treatment are hidden")
        assertTrue(journal.night(date("2025-03-26")).doses.isEmpty())
        journal.notFound { addDose(doseData(treatment.id, "2025-03-26T22:00:00+01:00")) }
        journal.restoreEntry(treatment.id)
        assertEquals(listOf(dose.id), journal.allItems(listOf(EntryKind.DOSE)).map { it.id })
    }

    test("restoringAReplacedSleepDiaryIsRejected") {
        val journal = openJournal()
        val first = journal.addSleepDiary(sleepData(quality = 2))
        journal.deleteEntry(first.id)
        val second = journal.addSleepDiary(sleepData(quality = 4))
        journal.rejects("id") { restoreEntry(first.id) }
        assertEquals(second, journal.night(date("2025-03-26")).sleepDiary)
    }

    test("settingsDefaultsUpdateAndPersist") {
        val journal = openJournal()
        assertEquals(Settings(12, 5, null, PaperSize.A4), journal.settings())
        val wanted = Settings(nightCutoverHour = 14, morningHour = 7, eveningReminderHour = 21, paperSize = PaperSize.LETTER)
        assertEquals(wanted, journal.updateSettings(wanted))
        assertEquals(wanted, journal.settings())
        journal.close()
        assertEquals(wanted, openJournal().settings())
    }

    test("cutoverChangeReattributesNights") {
        val journal = openJournal()
        val episode = journal.addEpisode(episodeData("2025-03-27T10:00:00+01:00"))
        val exposure = journal.addExposure(exposureData("2025-03-27T05:30:00+01:00"))
        val diary = journal.addSleepDiary(sleepData())
        assertEquals(date("2025-03-26"), episode.night)
        journal.updateSettings(journal.settings().copy(nightCutoverHour = 6))
        assertEquals(date("2025-03-27"), (journal.entry(episode.id) as Entry.Episode).episode.night)
        assertEquals(date("2025-03-26"), (journal.entry(exposure.id) as Entry.Exposure).exposure.night)
        assertEquals(date("2025-03-27"), journal.nightOf(moment("2025-03-27T10:00:00+01:00")))
        val night26 = journal.night(date("2025-03-26"))
        assertTrue(night26.episodes.isEmpty())
        assertEquals(listOf(exposure.id), night26.exposures.map { it.id })
        assertEquals(diary, night26.sleepDiary, "a sleep diary names its night and keeps it")
        assertEquals(listOf(episode.id), journal.night(date("2025-03-27")).episodes.map { it.id })
        assertEquals(1u, journal.calendarMonth(2025, 3).days[26].episodeCount)
        journal.close()
        val reopened = openJournal()
        assertEquals(date("2025-03-27"), (reopened.entry(episode.id) as Entry.Episode).episode.night)
        reopened.updateSettings(reopened.settings().copy(nightCutoverHour = 12))
        assertEquals(date("2025-03-26"), (reopened.entry(episode.id) as Entry.Episode).episode.night)
    }

    test("reopenKeepsEverything") {
        val journal = openJournal()
        journal.seed()
        journal.addEpisode(fullEpisodeData().copy(startedAt = moment("2025-03-20T23:05:00.123+01:00"), endedAt = null))
        val gone = journal.addExposure(exposureData("2025-03-25T20:00:00+01:00"))
        journal.deleteEntry(gone.id)
        journal.updateSettings(journal.settings().copy(morningHour = 6, paperSize = PaperSize.LETTER))
        val before = journal.state()
        val night = journal.night(date("2025-03-26"))
        journal.close()
        val reopened = openJournal()
        assertEquals(before, reopened.state())
        assertEquals(night, reopened.night(date("2025-03-26")))
        assertEquals(gone.id, reopened.undoDelete(), "tombstones persist, so undo works after a restart")
    }

    test("notAJournalIsCorruptAndUntouched") {
        val text = dir.resolve("notes.db")
        text.writeText("Tuesday: legs bad again around midnight.\n".repeat(200))
        val bytes = text.readBytes()
        val error = assertFailsWith<JournalException.Corrupt> { Journal.open(text.toString()) }
        assertTrue(error.detail.isNotBlank())
        assertContentEquals(bytes, text.readBytes(), "the file is byte-for-byte unchanged")
        assertFalse(Path.of("$text-wal").exists() || Path.of("$text-journal").exists())
        // An SQLite database of another application is not ours either.
        val other = closedJournalFile()
        patchHeader(other, 68, 0x12345678) // PRAGMA application_id
        val otherBytes = other.readBytes()
        assertFailsWith<JournalException.Corrupt> { Journal.open(other.toString()) }
        assertContentEquals(otherBytes, other.readBytes())
    }

    test("newerVersionIsIncompatibleAndUntouched") {
        val file = closedJournalFile()
        patchHeader(file, 60, 999) // PRAGMA user_version
        val bytes = file.readBytes()
        val error = assertFailsWith<JournalException.IncompatibleVersion> { Journal.open(file.toString()) }
        assertEquals(999u, error.found)
        assertTrue(error.supported in 1u..998u, "supported ${error.supported}")
        assertContentEquals(bytes, file.readBytes())
    }

    test("emptyAndMissingFilesBecomeJournals") {
        val empty = dir.resolve("empty.db")
        Files.createFile(empty)
        closeAfter(Journal.open(empty.toString())).quickLog(4, null, moment("2025-03-27T01:00:00+01:00"))
        val nested = dir.resolve("fresh.db")
        val journal = closeAfter(Journal.open(nested.toString()))
        assertTrue(journal.allItems().isEmpty())
        assertTrue(nested.exists())
        val inMemory = closeAfter(Journal.openInMemory())
        inMemory.seed()
        assertTrue(closeAfter(Journal.openInMemory()).allItems().isEmpty(), "in-memory journals are separate")
        assertTrue(journal.allItems().isEmpty())
    }

    test("closeThenCallThrowsIllegalState") {
        val journal = openJournal()
        journal.quickLog(5, null, moment("2025-03-27T01:00:00+01:00"))
        journal.close()
        assertFailsWith<IllegalStateException> { journal.settings() }
        assertFailsWith<IllegalStateException> { journal.quickLog(5, null, null) }
        journal.close() // a second close does nothing
        assertEquals(1, openJournal().allItems().size)
    }

    test("useClosesEvenOnError") {
        val path = dbPath.toString()
        val kept = Journal.open(path).use { it.quickLog(7, null, moment("2025-03-27T01:00:00+01:00")) }
        var leaked: Journal? = null
        assertFailsWith<JournalException.InvalidInput> {
            Journal.open(path).use {
                leaked = it
                it.quickLog(42, null, null)
            }
        }
        assertFailsWith<IllegalStateException> { leaked!!.openEpisode() }
        assertEquals(kept, openJournal().openEpisode())
    }

    test("twoHandlesOnOneFile") {
        val writer = openJournal()
        val reader = openJournal()
        val episode = writer.quickLog(6, null, moment("2025-03-27T01:00:00+01:00"))
        assertEquals(episode, reader.openEpisode(), "a second handle sees committed writes")
        reader.addExposure(exposureData("2025-03-26T20:00:00+01:00"))
        assertEquals(2, writer.allItems().size)
    }

    test("momentsKeepTheirOffset") {
        val journal = openJournal()
        val zoned = java.time.ZonedDateTime.of(2025, 7, 1, 2, 10, 0, 0, java.time.ZoneId.of("America/New_York"))
        val episode = journal.quickLog(5, null, zoned.toMoment())
        assertEquals(-240, episode.data.startedAt.offsetMinutes)
        assertEquals(zoned.toInstant(), episode.data.startedAt.instant)
        assertEquals(date("2025-06-30"), episode.night)
        val withNanos = moment("2025-03-27T01:00:00.123456789+05:30")
        val stored = journal.addExposure(exposureData("2025-03-26T20:00:00+01:00").copy(at = withNanos))
        assertEquals(java.time.Instant.parse("2025-03-26T19:30:00.123Z"), stored.data.at.instant, "stored to the millisecond")
        assertEquals(330, stored.data.at.offsetMinutes)
    }

    test("undoAfterDeletesInTheSameMillisecond") {
        val journal = openJournal()
        val ids = (1..40).map { journal.addExposure(exposureData("2025-03-26T20:00:00+01:00", amount = it.toDouble())).id }
        val deletionOrder = ids.reversed() // newest created first, as a "select all, delete" would
        for (id in deletionOrder) journal.deleteEntry(id)
        val undone = deletionOrder.map { journal.undoDelete() }
        assertEquals(deletionOrder.reversed(), undone, "undo restores the most recently deleted entry first")
    }

    test("settingsChangedThroughAnotherHandle") {
        val first = openJournal()
        val second = openJournal()
        first.updateSettings(first.settings().copy(nightCutoverHour = 6))
        assertEquals(6u, second.settings().nightCutoverHour.toUInt(), "the second handle sees the new settings")
        val episode = second.addEpisode(episodeData("2025-03-27T10:00:00+01:00"))
        assertEquals(date("2025-03-27"), episode.night, "10:00 is after a 06:00 cutover")
    }
}
