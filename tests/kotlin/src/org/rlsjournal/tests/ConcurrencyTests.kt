package org.rlsjournal.tests

import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import kotlin.concurrent.thread
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Journal

private const val THREADS = 8
private const val PER_THREAD = 50

/** Runs [body] on [count] threads started together; returns the errors they threw. */
private fun together(count: Int, body: (Int) -> Unit): List<Throwable> {
    val start = CountDownLatch(1)
    val errors = Collections.synchronizedList(mutableListOf<Throwable>())
    val threads = (0 until count).map { t ->
        thread(name = "worker-$t") {
            start.await()
            try {
                body(t)
            } catch (e: Throwable) {
                errors += e
            }
        }
    }
    start.countDown()
    threads.forEach { it.join() }
    return errors
}

/** Calls from several threads at once on one journal (the core is `Send + Sync`). */
fun concurrencyTests() = suite("threads") {
    test("eightHandlesOpenANewJournalAtOnce") {
        // The app, a widget and a notification action open the same new journal at once (first
        // open race, issue #12.6): every open succeeds and every handle writes to one schema.
        repeat(10) { round ->
            val path = dir.resolve("first-open-$round.db").toString()
            val journals = Collections.synchronizedList(mutableListOf<Journal>())
            val errors = together(THREADS) { _ -> journals += closeAfter(Journal.open(path)) }
            assertEquals(emptyList(), errors.map { it.toString() }, "round $round")
            journals.forEachIndexed { i, journal ->
                journal.addExposure(exposureData("2025-03-26T20:00:00+01:00", kind = ExposureKind.Other("h$i")))
            }
            assertEquals(THREADS, journals[0].allItems(listOf(EntryKind.EXPOSURE)).size, "round $round")
        }
    }

    test("eightThreadsQuickLogAndAdd") {
        val journal = openJournal()
        val at = moment("2025-03-27T01:00:00+01:00")
        val episodeIds = Collections.synchronizedSet(mutableSetOf<String>())
        val errors = together(THREADS) { t ->
            repeat(PER_THREAD) { i ->
                val n = t * PER_THREAD + i
                // Every quick log is at the same moment, so all of them are one episode.
                episodeIds += journal.quickLog((1 + n % 10), null, at).id
                journal.addExposure(
                    exposureData("2025-03-26T20:00:00+01:00", kind = ExposureKind.Other("t$t-$i"), amount = n + 1.0),
                )
            }
        }
        assertEquals(emptyList(), errors.map { it.toString() })
        assertEquals(1, episodeIds.size, "every quick log merged into one episode")
        val episode = journal.openEpisode()!!
        assertEquals(10u, episode.data.peakIntensity.toUInt(), "the highest of all logs")
        val exposures = journal.allItems(listOf(EntryKind.EXPOSURE))
        assertEquals(THREADS * PER_THREAD, exposures.size)
        assertEquals(THREADS * PER_THREAD, exposures.map { it.id }.toSet().size)
        assertEquals(1, journal.allItems(listOf(EntryKind.EPISODE)).size)
        assertEquals(THREADS * PER_THREAD + 1, journal.calendarMonth(2025, 3).days[25].entryCount.toInt())
    }

    test("readersWhileWriting") {
        val journal = openJournal()
        val writing = AtomicBoolean(true)
        val writersLeft = AtomicInteger(4)
        val reads = AtomicInteger()
        val errors = together(8) { t ->
            if (t < 4) {
                try {
                    repeat(PER_THREAD) { i ->
                        journal.addEpisode(episodeData("2025-03-%02dT23:%02d:00+01:00".format(1 + t, i), peak = 1 + i % 10))
                    }
                } finally {
                    if (writersLeft.decrementAndGet() == 0) writing.set(false)
                }
            } else {
                var last = 0
                while (writing.get()) {
                    val total = journal.calendarMonth(2025, 3).days.sumOf { it.episodeCount.toInt() }
                    assertTrue(total >= last, "a reader saw the count go back from $last to $total")
                    last = total
                    journal.history(HistoryQuery(listOf(EntryKind.EPISODE), null, 20))
                    journal.night(date("2025-03-0${t - 3}"))
                    journal.openEpisode()
                    reads.incrementAndGet()
                }
            }
        }
        assertEquals(emptyList(), errors.map { it.toString() })
        assertEquals(4 * PER_THREAD, journal.allItems(listOf(EntryKind.EPISODE)).size)
        assertTrue(reads.get() > 0)
    }

    // uniffi's close() frees the Rust object once no call is running: calls that start while
    // others are still in flight may still succeed, later ones throw IllegalStateException.
    // Either way no call may crash, fail otherwise, or use a freed journal.
    test("closeWhileOtherThreadsCall") {
        val journal = openJournal()
        journal.seed()
        val calls = AtomicInteger()
        val stop = AtomicBoolean(false)
        val refused = AtomicInteger()
        val started = CountDownLatch(4)
        val errors = Collections.synchronizedList(mutableListOf<Throwable>())
        val threads = (0 until 4).map {
            thread(name = "caller-$it") {
                started.countDown()
                try {
                    while (!stop.get()) {
                        assertEquals(8, journal.history(HistoryQuery(emptyList(), null, 50)).items.size)
                        calls.incrementAndGet()
                    }
                } catch (e: IllegalStateException) {
                    refused.incrementAndGet()
                } catch (e: Throwable) {
                    errors += e
                }
            }
        }
        started.await()
        while (calls.get() < 20) Thread.sleep(1)
        journal.close()
        Thread.sleep(50)
        stop.set(true)
        threads.forEach { it.join(10_000) }
        assertTrue(threads.none { it.isAlive }, "every caller stopped")
        assertEquals(emptyList(), errors.map { it.toString() })
        assertTrue(journal.uniffiIsDestroyed)
        assertFailsWith<IllegalStateException> { journal.settings() }
        assertEquals(8, openJournal().allItems().size, "the data is intact")
    }
}
