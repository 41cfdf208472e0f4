package org.rlsjournal.tests

import java.time.Instant
import java.time.ZoneId
import java.time.temporal.ChronoUnit
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Side

/** The bedside flow: quick log, relief, end, and the open episode. */
fun bedsideTests() = suite("bedside") {
    test("quickLogStartsOpenEpisode") {
        val journal = openJournal()
        assertNull(journal.openEpisode())
        val at = moment("2025-03-27T02:10:00+01:00")
        val episode = journal.quickLog(6, Side.LEFT, at)
        assertEquals(6u, episode.data.peakIntensity.toUInt())
        assertEquals(Side.LEFT, episode.data.side)
        assertEquals(at, episode.data.startedAt)
        assertNull(episode.data.endedAt)
        assertTrue(episode.relief.isEmpty())
        assertEquals(date("2025-03-26"), episode.night, "02:10 on the 27th belongs to the night of the 26th")
        assertEquals(episode, journal.openEpisode())
        assertNull(episode.meta.deletedAt)
    }

    test("quickLogWithoutTimeIsNowInTheDeviceZone") {
        val journal = openJournal()
        val before = Instant.now().truncatedTo(ChronoUnit.MILLIS)
        val episode = journal.quickLog(3)
        val after = Instant.now()
        val started = episode.data.startedAt
        assertTrue(started.instant >= before && started.instant <= after, "started ${started.instant} not in [$before, $after]")
        val offset = ZoneId.systemDefault().rules.getOffset(started.instant).totalSeconds / 60
        assertEquals(offset, started.offsetMinutes)
        assertNull(episode.data.side)
        assertEquals(journal.nightOf(started), episode.night)
    }

    test("quickLogMergesIntoOpenEpisode") {
        val journal = openJournal()
        val t0 = moment("2025-03-26T23:40:00+01:00")
        val first = journal.quickLog(4, null, t0)
        val second = journal.quickLog(7, Side.RIGHT, t0.plusMinutes(45))
        assertEquals(first.id, second.id, "a log within 3 h of the open episode is the same episode")
        assertEquals(7u, second.data.peakIntensity.toUInt())
        assertEquals(Side.RIGHT, second.data.side)
        assertEquals(t0, second.data.startedAt, "the start stays")
        val third = journal.quickLog(2, null, t0.plusMinutes(120))
        assertEquals(first.id, third.id)
        assertEquals(7u, third.data.peakIntensity.toUInt(), "a lower log does not lower the peak")
        assertEquals(Side.RIGHT, third.data.side, "no side keeps the side")
        assertEquals(1, journal.allItems(listOf(EntryKind.EPISODE)).size)
    }

    test("quickLogThreeHoursLaterStartsNewEpisode") {
        val journal = openJournal()
        val t0 = moment("2025-03-26T22:00:00+01:00")
        val first = journal.quickLog(5, null, t0)
        val second = journal.quickLog(6, null, t0.plusMinutes(180))
        assertNotEquals(first.id, second.id)
        assertEquals(second.id, journal.openEpisode()?.id, "the open episode is the most recent one")
        assertEquals(listOf(second.id, first.id), journal.allItems().map { it.id })
    }

    test("reliefAndEndCompleteTheEpisode") {
        val journal = openJournal()
        val t0 = moment("2025-03-27T01:00:00+01:00")
        val started = journal.quickLog(7, Side.BOTH, t0)
        val withWalk = journal.addRelief(ReliefMethod.Walking, 2, 15, t0.plusMinutes(10))
        assertEquals(started.id, withWalk.id)
        assertEquals(1, withWalk.relief.size)
        val walk = withWalk.relief.single()
        assertEquals(started.id, walk.episodeId)
        assertEquals(ReliefData(ReliefMethod.Walking, 2, 15, t0.plusMinutes(10)), walk.data)
        journal.addRelief(ReliefMethod.Other("cold shower"), 1, null, t0.plusMinutes(30))
        val ended = journal.endEpisode(t0.plusMinutes(50))
        assertEquals(t0.plusMinutes(50), ended.data.endedAt)
        assertEquals(listOf(ReliefMethod.Walking, ReliefMethod.Other("cold shower")), ended.relief.map { it.data.method })
        assertNull(journal.openEpisode())
        assertEquals(50u, journal.night(ended.night).symptomMinutes)
    }

    test("reliefAfterEndGoesToLatestEpisode") {
        val journal = openJournal()
        val t0 = moment("2025-03-27T01:00:00+01:00")
        val episode = journal.quickLog(5, null, t0)
        journal.endEpisode(t0.plusMinutes(20))
        val updated = journal.addRelief(ReliefMethod.Stretching, 3, 5, t0.plusMinutes(60))
        assertEquals(episode.id, updated.id, "relief within 12 h goes to the latest episode")
        assertEquals(ReliefMethod.Stretching, updated.relief.single().data.method)
        assertNull(journal.openEpisode())
    }

    test("endOrReliefWithoutEpisodeIsNotFound") {
        val journal = openJournal()
        journal.notFound { endEpisode(null) }
        journal.notFound { addRelief(ReliefMethod.Massage, 1, null, null) }
        val t0 = moment("2025-03-27T01:00:00+01:00")
        journal.quickLog(4, null, t0)
        journal.endEpisode(t0.plusMinutes(5))
        journal.notFound { endEpisode(t0.plusMinutes(10)) }
        journal.notFound { addRelief(ReliefMethod.Massage, 1, null, t0.plusMinutes(13 * 60)) }
    }
}
