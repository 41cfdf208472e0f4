package org.rlsjournal.tests

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.LocalTime
import java.time.ZoneId
import java.time.ZonedDateTime
import java.util.concurrent.Executors
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertSame
import kotlin.test.assertTrue
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.yield
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.Episode
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.PromptKind
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Side
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.journal.nowMoment
import org.rlsjournal.journal.toMoment
import org.rlsjournal.journal.toOffsetDateTime

/** Opens a store on the test's journal file (closed after the test). */
private suspend fun TestContext.openStore(pageSize: Int = 50): JournalStore =
    closeAfter(JournalStore.open(dbPath.toString(), historyPageSize = pageSize))

/** The hand-written Kotlin layer: `JournalStore` (coroutines, flows) and the moment helpers. */
fun storeTests() = suite("store") {
    test("openLoadsTheFlows") {
        Journal.open(dbPath.toString()).use { it.seed() }
        runBlocking {
            val store = openStore()
            val open = assertNotNull(store.openEpisode.value)
            assertEquals(6u, open.data.peakIntensity.toUInt())
            assertEquals(8, store.history.value.items.size)
            assertNull(store.history.value.nextCursor)
            assertNull(store.refreshFailure.value)
        }
    }

    test("callsRunOnTheInjectedDispatcher") {
        val executor = Executors.newSingleThreadExecutor { Thread(it, "journal-io").apply { isDaemon = true } }
        val dispatcher = closeAfter(executor.asCoroutineDispatcher())
        val store = closeAfter(JournalStore(Journal.open(dbPath.toString()), dispatcher))
        runBlocking {
            val caller = Thread.currentThread().name
            assertEquals("journal-io", store.read { Thread.currentThread().name })
            assertEquals("journal-io", store.write { Thread.currentThread().name })
            assertEquals(caller, Thread.currentThread().name, "the caller's thread is back after the call")
            assertNull(store.openEpisode.value, "the constructor does not load the flows")
            store.quickLog(4, null, moment("2025-03-27T01:00:00+01:00"))
            assertNotNull(store.openEpisode.value)
        }
    }

    test("openEpisodeFlowFollowsTheBedsideFlow") {
        runBlocking {
            val store = openStore()
            val t0 = moment("2025-03-27T01:00:00+01:00")
            val seen = mutableListOf<Episode?>()
            // Collects on this (runBlocking) thread: it sees each state, since every write suspends.
            val collector = launch(start = CoroutineStart.UNDISPATCHED) {
                store.openEpisode.collect { seen += it }
            }
            assertNull(store.openEpisode.value)
            val started = store.quickLog(5, Side.LEFT, t0)
            assertEquals(started, store.openEpisode.value, "refreshed before quickLog returns")
            store.quickLog(8, null, t0.plusMinutes(20))
            assertEquals(8u, store.openEpisode.value?.data?.peakIntensity?.toUInt())
            store.addRelief(ReliefMethod.Walking, 2, 10, t0.plusMinutes(25))
            assertEquals(1, store.openEpisode.value?.relief?.size)
            val ended = store.endEpisode(t0.plusMinutes(40))
            assertNull(store.openEpisode.value)
            assertEquals(started.id, ended.id)
            withTimeout(5_000) {
                while (seen.size < 2 || seen.last() != null) yield()
            }
            collector.cancel()
            assertNull(seen.first(), "starts with no open episode")
            assertTrue(seen.any { it?.id == started.id }, "saw the episode open: $seen")
            assertEquals(8u, seen.mapNotNull { it?.data?.peakIntensity?.toUInt() }.maxOrNull(), "saw the merge")
        }
    }

    test("historyFlowAfterWritesDeleteAndUndo") {
        runBlocking {
            val store = openStore()
            assertTrue(store.history.value.items.isEmpty())
            val exposure = store.write { it.addExposure(exposureData("2025-03-26T20:00:00+01:00")) }
            assertEquals(listOf(exposure.id), store.history.value.items.map { it.id })
            val waiter = async(Dispatchers.Default) { store.history.first { it.items.isEmpty() } }
            store.deleteEntry(exposure.id)
            assertTrue(withTimeout(5_000) { waiter.await() }.items.isEmpty(), "the flow emitted the empty page")
            assertEquals(exposure.id, store.undoDelete())
            assertEquals(listOf(exposure.id), store.history.value.items.map { it.id })
            store.write { it.addSleepDiary(sleepData()) }
            assertEquals(listOf(EntryKind.SLEEP_DIARY, EntryKind.EXPOSURE), store.history.value.items.map { it.kind })
        }
    }

    test("historyFilterAndOlderPages") {
        Journal.open(dbPath.toString()).use { journal ->
            journal.seed()
            repeat(7) { journal.addExposure(exposureData("2025-03-1${it}T20:00:00+01:00")) }
        }
        runBlocking {
            val store = openStore(pageSize = 3)
            assertEquals(3, store.history.value.items.size)
            store.setHistoryFilter(listOf(EntryKind.EXPOSURE))
            assertEquals(listOf(EntryKind.EXPOSURE), store.historyFilter.value)
            val ids = store.history.value.items.map { it.id }.toMutableList()
            var cursor = store.history.value.nextCursor
            while (cursor != null) {
                val page = store.olderHistory(cursor)
                assertTrue(page.items.all { it.kind == EntryKind.EXPOSURE })
                ids += page.items.map { it.id }
                cursor = page.nextCursor
            }
            assertEquals(8, ids.size)
            assertEquals(8, ids.toSet().size)
            store.setHistoryFilter(emptyList())
            assertEquals(3, store.history.value.items.size)
        }
    }

    test("typedErrorsThroughSuspendCalls") {
        runBlocking {
            val store = openStore()
            store.quickLog(3, null, moment("2025-03-27T01:00:00+01:00"))
            val open = store.openEpisode.value
            val history = store.history.value
            val error = assertFailsWith<JournalException.InvalidInput> { store.quickLog(11) }
            assertEquals("peak_intensity", error.field)
            assertFailsWith<JournalException.NotFound> { store.deleteEntry("no-such-id") }
            assertFailsWith<JournalException.InvalidInput> { store.calendarMonth(2025, 0) }
            assertSame(open, store.openEpisode.value, "a rejected write does not touch the flows")
            assertSame(history, store.history.value)
        }
    }

    test("concurrentCoroutineWrites") {
        runBlocking {
            val store = openStore(pageSize = 200)
            (0 until 100).map { i ->
                async(Dispatchers.Default) {
                    store.write { it.addExposure(exposureData("2025-03-26T20:00:00+01:00", amount = i + 1.0)) }
                }
            }.awaitAll()
            assertEquals(100, store.history.value.items.size, "the last refresh saw every write")
            assertEquals(100, store.history.value.items.map { it.id }.toSet().size)
        }
    }

    test("viewsThroughTheStore") {
        Journal.open(dbPath.toString()).use { it.seed() }
        runBlocking {
            val store = openStore()
            val night = store.night(date("2025-03-26"))
            assertEquals(2, night.episodes.size)
            assertEquals(5u, store.calendarMonth(2025, 3).days[25].entryCount)
            val prompts = store.prompts(moment("2025-03-27T08:30:00+01:00"))
            // The seed takes pramipexole (a dopamine agonist): the weekly drug-safety check-in is due too.
            assertEquals(
                setOf(PromptKind.OPEN_EPISODE, PromptKind.SEVERITY_RATING, PromptKind.SAFETY_CHECK),
                prompts.map { it.kind }.toSet(),
            )
            assertTrue(store.prompts().isNotEmpty(), "now: the weekly rating is due")
        }
    }

    test("refreshSeesWritesFromAnotherHandle") {
        runBlocking {
            val store = openStore()
            val other = openJournal()
            other.quickLog(6, null, moment("2025-03-27T01:00:00+01:00"))
            assertNull(store.openEpisode.value, "not refreshed yet")
            store.refresh()
            assertNotNull(store.openEpisode.value)
            assertEquals(1, store.history.value.items.size)
        }
    }

    test("closeClosesTheJournal") {
        runBlocking {
            val store = openStore()
            store.quickLog(5, null, moment("2025-03-27T01:00:00+01:00"))
            store.close()
            assertTrue(store.isClosed)
            assertFailsWith<IllegalStateException> { store.read { it.settings() } }
            store.close()
        }
        assertEquals(1, openJournal().allItems().size)
    }

    test("nowMomentAndConversions") {
        val winter = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneId.of("Europe/Berlin"))
        assertEquals(60, nowMoment(winter).offsetMinutes)
        assertEquals(Instant.parse("2025-01-15T10:00:00Z"), nowMoment(winter).instant)
        val summer = Clock.fixed(Instant.parse("2025-07-15T10:00:00Z"), ZoneId.of("Europe/Berlin"))
        assertEquals(120, nowMoment(summer).offsetMinutes)
        assertEquals(330, nowMoment(Clock.fixed(Instant.EPOCH, ZoneId.of("Asia/Kolkata"))).offsetMinutes)
        assertEquals(-210, nowMoment(Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneId.of("America/St_Johns"))).offsetMinutes)
        val now = nowMoment()
        assertTrue(Duration.between(now.instant, Instant.now()).abs() < Duration.ofSeconds(5))
        val m = moment("2025-03-27T02:10:00+01:00")
        assertEquals(m, m.toOffsetDateTime().toMoment())
        assertEquals(LocalTime.of(2, 10), m.toOffsetDateTime().toLocalTime())
        val zoned = ZonedDateTime.of(2025, 3, 30, 3, 30, 0, 0, ZoneId.of("Europe/Berlin"))
        assertEquals(120, zoned.toMoment().offsetMinutes, "after the change to summer time")
        // The core agrees on the night of a moment made by these helpers.
        val journal = openJournal()
        assertEquals(date("2025-03-29"), journal.nightOf(zoned.toMoment()))
        assertNotEquals(nowMoment(winter), nowMoment(summer))
    }
}
