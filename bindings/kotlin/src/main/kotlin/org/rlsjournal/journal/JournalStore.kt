package org.rlsjournal.journal

import java.util.concurrent.atomic.AtomicBoolean
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import org.rlsjournal.core.CalendarMonth
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.Episode
import org.rlsjournal.core.HistoryPage
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.LocalDate
import org.rlsjournal.core.Moment
import org.rlsjournal.core.NightView
import org.rlsjournal.core.Prompt
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Side

/**
 * The app's handle on one journal.
 *
 * Every call into the core runs on [dispatcher] (default [Dispatchers.IO]), never on the caller's
 * thread, so screens call these suspend functions from the main thread. The two things most
 * screens watch are [StateFlow]s: [openEpisode] (the bedside screen) and [history] (the newest
 * page of history under [historyFilter]). The store refreshes both after every write it performs;
 * [refresh] re-reads them on demand (for example after a write made through another handle on the
 * same file, or when the app comes to the foreground).
 *
 * The store is thin on purpose: validation, night attribution, display text and summaries are the
 * core's. A rejected call throws the core's typed [JournalException] (for example
 * [JournalException.InvalidInput] with its field and reason) and changes nothing. Any core call
 * without a shortcut here goes through [read] or [write].
 *
 * The store owns its [Journal]: [close] closes it. Create one with [open], which also loads the
 * flows, or wrap an already opened journal with the constructor and call [refresh].
 *
 * @param journal the journal to use; the store takes ownership and closes it in [close].
 * @param dispatcher where core calls run; inject a test dispatcher or a single thread if needed.
 * @param historyPageSize how many items the [history] flow and [olderHistory] pages hold (1–200).
 */
class JournalStore(
    private val journal: Journal,
    private val dispatcher: CoroutineDispatcher = Dispatchers.IO,
    val historyPageSize: Int = DEFAULT_HISTORY_PAGE_SIZE,
) : AutoCloseable {

    private val refreshLock = Mutex()
    private val closed = AtomicBoolean(false)

    private val openEpisodeState = MutableStateFlow<Episode?>(null)
    private val historyState = MutableStateFlow(HistoryPage(items = emptyList(), nextCursor = null, damaged = emptyList()))
    private val historyFilterState = MutableStateFlow<List<EntryKind>>(emptyList())
    private val refreshFailureState = MutableStateFlow<JournalException?>(null)
    private val writeCountState = MutableStateFlow(0L)

    /** The episode in progress, if any (`null` before the first [refresh]). */
    val openEpisode: StateFlow<Episode?> = openEpisodeState.asStateFlow()

    /**
     * The newest page of history (newest first) under [historyFilter]; empty before the first
     * [refresh]. Load older pages with [olderHistory] and the page's `nextCursor`.
     */
    val history: StateFlow<HistoryPage> = historyState.asStateFlow()

    /** The kinds the [history] flow shows; empty for every kind. Change it with [setHistoryFilter]. */
    val historyFilter: StateFlow<List<EntryKind>> = historyFilterState.asStateFlow()

    /**
     * The error of the last automatic refresh after a write, or `null` once a refresh succeeds.
     * A write that succeeded is never reported as failed because the refresh after it failed.
     */
    val refreshFailure: StateFlow<JournalException?> = refreshFailureState.asStateFlow()

    /**
     * How many writes through this store have succeeded (0 after opening). It rises after each
     * [write] that did not throw, before the flows are refreshed; a screen that must know the
     * journal changed (the automatic backup) watches it. Writes through another handle do not
     * count.
     */
    val writeCount: StateFlow<Long> = writeCountState.asStateFlow()

    /** Whether [close] was called. */
    val isClosed: Boolean get() = closed.get()

    /**
     * Runs [block] with the journal on [dispatcher] and returns its result, without refreshing the
     * flows. For any read the store has no shortcut for.
     */
    suspend fun <T> read(block: (Journal) -> T): T = withContext(dispatcher) { block(journal) }

    /**
     * Runs [block] with the journal on [dispatcher], then refreshes [openEpisode] and [history].
     * For any write the store has no shortcut for, e.g. `store.write { it.addSleepDiary(data) }`.
     * If [block] throws, nothing is refreshed (a rejected call changes nothing).
     */
    suspend fun <T> write(block: (Journal) -> T): T {
        val result = withContext(dispatcher) { block(journal) }
        writeCountState.update { it + 1 }
        withContext(NonCancellable) {
            try {
                refresh()
            } catch (e: JournalException) {
                refreshFailureState.value = e
            }
        }
        return result
    }

    /** Re-reads the open episode and the newest history page into the flows. */
    suspend fun refresh() {
        refreshLock.withLock {
            val kinds = historyFilterState.value
            val (episode, page) = withContext(dispatcher) {
                journal.openEpisode() to journal.history(HistoryQuery(kinds, null, historyPageSize))
            }
            openEpisodeState.value = episode
            historyState.value = page
            refreshFailureState.value = null
        }
    }

    // ---- bedside ----

    /** Logs symptoms now (or at [at]); see [Journal.quickLog]. Refreshes the flows. */
    suspend fun quickLog(intensity: Int, side: Side? = null, at: Moment? = null): Episode =
        write { it.quickLog(intensity, side, at) }

    /** Ends the open episode now (or at [at]); see [Journal.endEpisode]. Refreshes the flows. */
    suspend fun endEpisode(at: Moment? = null): Episode = write { it.endEpisode(at) }

    /** Records a relief attempt on the open (or latest) episode; see [Journal.addRelief]. */
    suspend fun addRelief(
        method: ReliefMethod,
        helped: Int,
        minutesToRelief: Int? = null,
        at: Moment? = null,
    ): Episode = write { it.addRelief(method, helped, minutesToRelief, at) }

    // ---- delete and undo ----

    /** Deletes an entry (a tombstone, so [undoDelete] can bring it back). Refreshes the flows. */
    suspend fun deleteEntry(id: String) = write { it.deleteEntry(id) }

    /** Restores a deleted entry. Refreshes the flows. */
    suspend fun restoreEntry(id: String) = write { it.restoreEntry(id) }

    /** Restores the most recently deleted entry; returns its id, or `null` if none. */
    suspend fun undoDelete(): String? = write { it.undoDelete() }

    // ---- views ----

    /** Shows only [kinds] in [history] (empty for all) and reloads it. */
    suspend fun setHistoryFilter(kinds: List<EntryKind>) {
        historyFilterState.value = kinds.toList()
        refresh()
    }

    /** The page of history after [cursor] (a `nextCursor`), under the current [historyFilter]. */
    suspend fun olderHistory(cursor: String): HistoryPage =
        read { it.history(HistoryQuery(historyFilterState.value, cursor, historyPageSize)) }

    /** Everything recorded for one night. */
    suspend fun night(night: LocalDate): NightView = read { it.night(night) }

    /** One month of nights for the calendar (month 1–12). */
    suspend fun calendarMonth(year: Int, month: Int): CalendarMonth =
        read { it.calendarMonth(year, month) }

    /** The prompts due at [now] (default: [nowMoment] from the device clock and zone). */
    suspend fun prompts(now: Moment = nowMoment()): List<Prompt> = read { it.prompts(now) }

    /**
     * Closes the journal. Calls already running finish first, and the journal is released once
     * none is running; calls made after that fail with [IllegalStateException] (uniffi's object
     * lifecycle). Closing twice does nothing. Close only when no screen uses the store any more.
     */
    override fun close() {
        if (closed.compareAndSet(false, true)) {
            journal.close()
        }
    }

    /** Opening a store. */
    companion object {
        /** The default number of items in a history page. */
        const val DEFAULT_HISTORY_PAGE_SIZE: Int = 50

        /**
         * Opens (or creates) the journal file at [path] on [dispatcher] and loads the flows.
         *
         * @throws JournalException.Corrupt if the file is not a journal (it is left untouched).
         * @throws JournalException.IncompatibleVersion if a newer app wrote it (left untouched).
         */
        suspend fun open(
            path: String,
            dispatcher: CoroutineDispatcher = Dispatchers.IO,
            historyPageSize: Int = DEFAULT_HISTORY_PAGE_SIZE,
        ): JournalStore {
            val journal = withContext(dispatcher) { Journal.open(path) }
            val store = JournalStore(journal, dispatcher, historyPageSize)
            try {
                store.refresh()
            } catch (e: Throwable) {
                store.close()
                throw e
            }
            return store
        }
    }
}
