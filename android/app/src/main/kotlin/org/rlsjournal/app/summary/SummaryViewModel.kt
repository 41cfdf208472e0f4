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
     * Loads the summary of the last [nights] nights (null: the core's default range). The core's
     * `lastNights(n)` gives the range, ending on the same last night as the default one.
     */
    fun load(nights: Int?) {
        mutableState.update { it.copy(nights = nights, loading = true, error = null) }
        viewModelScope.launch {
            val app = getApplication<Application>()
            val failure = attempt {
                val store = app.journalStore()
                val summary = store.read { journal ->
                    journal.summary(if (nights == null) null else journal.lastNights(nights))
                }
                mutableState.update { it.copy(summary = summary, loading = false) }
            }
            if (failure != null) {
                mutableState.update { it.copy(loading = false, error = errorText(app, failure)) }
            }
        }
    }
}
