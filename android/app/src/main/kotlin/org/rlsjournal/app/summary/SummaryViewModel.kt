package org.rlsjournal.app.summary

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.Summary

/** What the Summary screen shows. */
data class SummaryState(
    /** Nights covered: null for the core's default (the 14 nights ending with last night). */
    val nights: Int? = null,
    /** The core's `summary(range)`. */
    val summary: Summary? = null,
    val loading: Boolean = true,
    val error: String? = null,
)

/** The pattern summary: filled by the core's `summary(range)`. */
class SummaryViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(SummaryState())
    val state: StateFlow<SummaryState> = mutableState.asStateFlow()

    /** The range lengths offered besides the default. */
    val lengths: List<Int> = listOf(14, 30, 90)

    /**
     * Loads the summary of the last [nights] nights (null: the core's default range). A longer
     * range ends on the same last night as the default one, which the core chose.
     */
    fun load(nights: Int?) {
        val last = state.value.summary?.range?.last
        val range = if (nights == null || last == null) null else NightRange(first = last.minusDays((nights - 1).toLong()), last = last)
        mutableState.update { it.copy(nights = nights, loading = true, error = null) }
        viewModelScope.launch {
            val app = getApplication<Application>()
            val failure = attempt {
                val store = app.journalStore()
                val summary = store.read { journal -> journal.summary(range) }
                mutableState.update { it.copy(summary = summary, loading = false) }
            }
            if (failure != null) {
                mutableState.update { it.copy(loading = false, error = errorText(app, failure)) }
            }
        }
    }
}
