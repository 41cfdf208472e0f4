package org.rlsjournal.tests

import java.time.Instant
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Moment
import org.rlsjournal.core.Side

/** Four hours, in milliseconds: the step between quick logs, so none merges into an open episode. */
const val QUICK_LOG_STEP_MS = 4 * 3_600_000L

/**
 * The calls an app makes, through the real generated bindings (JNA + the release cdylib), each on
 * its own copy of the benchmark journal. What one timed call does:
 *
 * - `jvm.quickLog`: `quickLog(6, BOTH, at)`, `at` going back 4 h per call from an hour ago
 *   ([BenchFacts.quickLogStartMs]), so every call starts a new episode (none merges into an open one). In the core: validation, one
 *   immediate transaction with the open-episode SELECT (+ its relief lookup), the JSON encode and
 *   the INSERT, the re-read of the new row (+ its relief lookup), COMMIT (a WAL fsync); the
 *   `Episode` record is lowered into a RustBuffer and lifted into Kotlin objects.
 * - `jvm.historyPage`: `history(kinds = all, cursor = null, limit = 50)`: the page SELECT (51 rows),
 *   the relief lookup of the page's episodes, the JSON decode of each record, the display strings,
 *   and 50 `HistoryItem`s lifted into Kotlin.
 * - `jvm.nightView`: `night(d)` for the night of the newest episode: the night's SELECT, the relief
 *   lookup, the treatments SELECT (active treatments), decode, the `NightView` record.
 * - `jvm.summary14`: `summary(range)` for the default 14 nights ([BenchFacts.range14]).
 * - `jvm.summaryTenYears` (only with a DATA_FILE): `summary(range)` for every night of the journal.
 */
fun jvmBenchmarks(): List<Benchmark> = listOf(
    Benchmark("jvm.quickLog") {
        val journal = test.openJournal(journalCopy())
        var at = data.facts.quickLogStartMs
        val call = {
            journal.quickLog(6, Side.BOTH, Moment(Instant.ofEpochMilli(at), 60))
            at -= QUICK_LOG_STEP_MS
        }
        call
    },
    Benchmark("jvm.historyPage") {
        val journal = test.openJournal(journalCopy())
        val query = HistoryQuery(kinds = emptyList(), cursor = null, limit = 50)
        check(journal.history(query).items.size == 50) { "the first page should hold 50 items" }
        val call = { journal.history(query).items.size.let {} }
        call
    },
    Benchmark("jvm.nightView") {
        val journal = test.openJournal(journalCopy())
        val night = data.facts.episodeNight
        check(journal.night(night).episodes.isNotEmpty()) { "night $night has no episodes" }
        val call = { journal.night(night).episodes.size.let {} }
        call
    },
    Benchmark("jvm.summary14", iterations = 1_000, warmup = 100) {
        val journal = test.openJournal(journalCopy())
        val range = data.facts.range14
        val call = { journal.summary(range).coverage.let {} }
        call
    },
    Benchmark("jvm.summaryTenYears", iterations = 60, warmup = 6, needsDataFile = true) {
        val journal = test.openJournal(journalCopy())
        val range = data.facts.allNights
        val call = { journal.summary(range).coverage.let {} }
        call
    },
)
