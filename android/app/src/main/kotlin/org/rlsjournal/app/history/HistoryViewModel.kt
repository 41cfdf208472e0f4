package org.rlsjournal.app.history

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import java.time.YearMonth
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.CalendarMonth
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
    val month: YearMonth = YearMonth.now(),
    /** The month on the calendar, from the core's `calendarMonth`. */
    val calendar: CalendarMonth? = null,
    /** Set after a delete, for the "Undo" snackbar. */
    val deletedId: String? = null,
    val error: String? = null,
)

/**
 * History: the paged list (the core's `history(HistoryQuery)` through the store's first page and
 * `olderHistory(cursor)` for infinite scroll) and the month heat map (`calendarMonth`). Writes:
 * `deleteEntry` and `undoDelete`.
 */
class HistoryViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(HistoryState())
    val state: StateFlow<HistoryState> = mutableState.asStateFlow()

    init {
        viewModelScope.launch {
            val failure = attempt {
                val store = getApplication<Application>().journalStore()
                store.history.collect { page ->
                    mutableState.update { it.copy(items = page.items, nextCursor = page.nextCursor) }
                }
            }
            if (failure != null) {
                showError(failure)
            }
        }
    }

    /** Re-reads the first page (the screen became visible). */
    fun refresh() = launchCall { store ->
        store.refresh()
        if (state.value.showCalendar) loadMonth(state.value.month)
    }

    /** Loads the next page when the list is scrolled near its end. */
    fun loadMore() {
        val cursor = state.value.nextCursor ?: return
        if (state.value.loadingMore) return
        mutableState.update { it.copy(loadingMore = true) }
        launchCall { store ->
            val page = store.olderHistory(cursor)
            mutableState.update {
                // A refresh while this page loaded replaced the list: this page belongs to the old one.
                if (it.nextCursor != cursor) it else it.copy(items = it.items + page.items, nextCursor = page.nextCursor)
            }
        }
    }

    fun showCalendar(show: Boolean) {
        mutableState.update { it.copy(showCalendar = show) }
        if (show) loadMonth(state.value.month)
    }

    fun previousMonth() = loadMonth(state.value.month.minusMonths(1))

    fun nextMonth() = loadMonth(state.value.month.plusMonths(1))

    private fun loadMonth(month: YearMonth) {
        mutableState.update { it.copy(month = month) }
        launchCall { store ->
            val calendar = store.calendarMonth(month.year, month.monthValue)
            mutableState.update { if (it.month == month) it.copy(calendar = calendar) else it }
        }
    }

    /** Deletes an entry (a tombstone); the screen offers "Undo". */
    fun delete(id: String) = launchCall { store ->
        store.deleteEntry(id)
        mutableState.update { it.copy(deletedId = id) }
        if (state.value.showCalendar) loadMonth(state.value.month)
    }

    /** Brings back the most recently deleted entry. */
    fun undo() = launchCall { store ->
        mutableState.update { it.copy(deletedId = null) }
        store.undoDelete()
        if (state.value.showCalendar) loadMonth(state.value.month)
    }

    fun undoOffered() = mutableState.update { it.copy(deletedId = null) }

    private fun launchCall(block: suspend (JournalStore) -> Unit) {
        viewModelScope.launch {
            val failure = attempt { block(getApplication<Application>().journalStore()) }
            mutableState.update { it.copy(loadingMore = false) }
            if (failure != null) {
                showError(failure)
            }
        }
    }

    private fun showError(failure: Exception) {
        mutableState.update { it.copy(error = errorText(getApplication(), failure)) }
    }
}
