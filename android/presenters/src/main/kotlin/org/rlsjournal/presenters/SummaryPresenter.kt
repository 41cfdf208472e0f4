package org.rlsjournal.presenters

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.core.Summary
import org.rlsjournal.core.formRules

/** The range lengths (nights) the Summary screen offers: the core's `formRules().summaryLengths`. */
val summaryLengths: List<Int> get() = formRules().summaryLengths

/** What the Summary screen shows. */
data class SummaryState(
    /** Nights covered: null for the core's default range. */
    val nights: Int? = null,
    /** The core's `summary(range)`. */
    val summary: Summary? = null,
    val loading: Boolean = true,
    val error: Throwable? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** The summary as the screen's blocks, in reading order (empty until loaded). */
    val blocks: List<SummaryBlock> get() = summary?.let(::summaryBlocks).orEmpty()
}

/** The pattern summary: filled by the core's `summary(range)` (`lastNights(n)` for a length). */
class SummaryPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(SummaryState())

    /** The screen's state. */
    val state: StateFlow<SummaryState> = mutableState.asStateFlow()

    /** The lengths offered. */
    val lengths: List<Int> = summaryLengths

    /** Loads the summary of the last [nights] nights (null: the core's default range). */
    fun load(nights: Int?): Job {
        mutableState.update { it.copy(nights = nights, loading = true, error = null) }
        return scope.launch {
            val failure = attempt {
                val store = openStore()
                val summary = store.read { journal ->
                    journal.summary(if (nights == null) null else journal.lastNights(nights))
                }
                mutableState.update { if (it.nights == nights) it.copy(summary = summary, loading = false) else it }
            }
            if (failure != null) mutableState.update { it.copy(loading = false, error = failure) }
        }
    }
}
