package org.rlsjournal.presenters

import java.time.YearMonth
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.rlsjournal.core.CalendarDay
import org.rlsjournal.core.CalendarMonth
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.HistoryItem
import org.rlsjournal.journal.JournalStore

/** What the History screen shows. */
data class HistoryState(
    /** Items loaded so far, newest first: the store's first page plus older pages. */
    val items: List<HistoryItem> = emptyList(),
    /** Where the next page starts; null when the list is complete. */
    val nextCursor: String? = null,
    val loadingMore: Boolean = false,
    val showCalendar: Boolean = false,
    /** The month on the calendar (starts at the clock's month). */
    val month: YearMonth,
    /** The month on the calendar, from the core's `calendarMonth`. */
    val calendar: CalendarMonth? = null,
    /** The kinds shown (empty: all). */
    val filter: List<EntryKind> = emptyList(),
    /** Set after a delete, for the "Undo" offer. */
    val deletedId: String? = null,
    val error: Throwable? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** Whether older entries remain to load. */
    val hasMore: Boolean get() = nextCursor != null

    /** Whether the list is empty (the screen says "nothing recorded yet"). */
    val isEmpty: Boolean get() = items.isEmpty()

    /**
     * The calendar as weeks of seven cells, Monday first, null where a cell is outside the month:
     * the core says which weekday the 1st is (`firstWeekday`, 1 = Monday). Empty until loaded.
     */
    val weeks: List<List<CalendarDay?>>
        get() {
            val month = calendar ?: return emptyList()
            val blanks = (month.firstWeekday - 1).coerceIn(0, DAYS_PER_WEEK - 1)
            val cells: List<CalendarDay?> = List(blanks) { null } + month.days
            return cells.chunked(DAYS_PER_WEEK).map { week -> week + List(DAYS_PER_WEEK - week.size) { null } }
        }
}

/** Columns of the calendar grid. */
const val DAYS_PER_WEEK: Int = 7

/**
 * History: the paged list (the core's `history(HistoryQuery)` through the store's first page and
 * `olderHistory(cursor)` for infinite scroll) and the month heat map (`calendarMonth`). Writes:
 * `deleteEntry` and `undoDelete`.
 */
class HistoryPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
    clock: AppClock = SystemAppClock,
) {
    private val mutableState = MutableStateFlow(HistoryState(month = YearMonth.from(clock.now())))
    private val pageLock = Mutex()

    /** The screen's state. */
    val state: StateFlow<HistoryState> = mutableState.asStateFlow()

    init {
        scope.launch {
            val failure = attempt {
                val store = openStore()
                store.history.collect { page ->
                    pageLock.withLock {
                        mutableState.update { it.copy(items = page.items, nextCursor = page.nextCursor) }
                    }
                }
            }
            if (failure != null) mutableState.update { it.copy(error = failure) }
        }
    }

    /** Re-reads the first page (the screen became visible, or another handle wrote). */
    fun refresh(): Job = call { store ->
        store.refresh()
        showFirstPage(store)
        if (state.value.showCalendar) loadMonth(store, state.value.month)
    }

    /** Loads the next page (the list was scrolled near its end); null when there is none or one is loading. */
    fun loadMore(): Job? {
        val cursor = state.value.nextCursor ?: return null
        if (state.value.loadingMore) return null
        mutableState.update { it.copy(loadingMore = true) }
        return call { store ->
            val page = store.olderHistory(cursor)
            pageLock.withLock {
                mutableState.update {
                    // A refresh while this page loaded replaced the list: this page belongs to the old one.
                    if (it.nextCursor != cursor) it else it.copy(items = it.items + page.items, nextCursor = page.nextCursor)
                }
            }
        }
    }

    /** Shows only [kinds] (empty: all) and reloads the first page. */
    fun filter(kinds: List<EntryKind>): Job = call { store ->
        mutableState.update { it.copy(filter = kinds) }
        store.setHistoryFilter(kinds)
        showFirstPage(store)
    }

    /** Switches between the list and the calendar. */
    fun showCalendar(show: Boolean): Job? {
        mutableState.update { it.copy(showCalendar = show) }
        return if (show) call { store -> loadMonth(store, state.value.month) } else null
    }

    /** The month before the one shown. */
    fun previousMonth(): Job = call { store -> loadMonth(store, state.value.month.minusMonths(1)) }

    /** The month after the one shown. */
    fun nextMonth(): Job = call { store -> loadMonth(store, state.value.month.plusMonths(1)) }

    /** Deletes an entry (a tombstone); the screen offers "Undo". */
    fun delete(id: String): Job = call { store ->
        store.deleteEntry(id)
        showFirstPage(store)
        mutableState.update { it.copy(deletedId = id) }
        if (state.value.showCalendar) loadMonth(store, state.value.month)
    }

    /** Brings back the most recently deleted entry. */
    fun undo(): Job = call { store ->
        mutableState.update { it.copy(deletedId = null) }
        store.undoDelete()
        showFirstPage(store)
        if (state.value.showCalendar) loadMonth(store, state.value.month)
    }

    /** The undo offer was shown and dismissed. */
    fun undoOffered() = mutableState.update { it.copy(deletedId = null) }

    private suspend fun showFirstPage(store: JournalStore) {
        val page = store.history.value
        pageLock.withLock { mutableState.update { it.copy(items = page.items, nextCursor = page.nextCursor) } }
    }

    private suspend fun loadMonth(store: JournalStore, month: YearMonth) {
        mutableState.update { it.copy(month = month) }
        val calendar = store.calendarMonth(month.year, month.monthValue)
        mutableState.update { if (it.month == month) it.copy(calendar = calendar) else it }
    }

    private fun call(block: suspend (JournalStore) -> Unit): Job = scope.launch {
        val failure = attempt { block(openStore()) }
        mutableState.update { it.copy(loadingMore = false, error = failure ?: it.error) }
    }
}
