package org.rlsjournal.presenters

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.rlsjournal.core.ImportSummary
import org.rlsjournal.core.Journal
import org.rlsjournal.core.ReportOptions

/** The file name of the PDF report. */
const val REPORT_FILE_NAME = "rls-journal-report.pdf"

/** The file name of the CSV tables. */
const val CSV_FILE_NAME = "rls-journal-tables.zip"

/** The file name of the backup. */
const val BACKUP_FILE_NAME = "rls-journal-backup.zip"

/** What the Share screen shows. */
data class ShareState(
    /** Print the person's notes in the report and the CSV tables (off by default: privacy). */
    val includeNotes: Boolean = false,
    /** Add page 2 to the report: the detail and every note (off by default: page 1 stands alone). */
    val detailPage: Boolean = false,
    /** A name to print on the report (optional). */
    val patientName: String = "",
    val busy: Boolean = false,
    /** The file to hand to the share sheet next. */
    val ready: ExportedFile? = null,
    /** What the last restore did (added, updated, unchanged). */
    val restored: ImportSummary? = null,
    val error: Throwable? = null,
    /**
     * The report's default period as the core words it ("Since the last visit on Sat 11 Oct
     * 2025: 50 nights, …"), after [SharePresenter.load]; null before.
     */
    val periodText: String? = null,
    /** The exact ranges the report compares ("12 Oct – 30 Nov 2025 vs 23 Aug – 11 Oct 2025"). */
    val comparisonText: String? = null,
    /** The person's question for the next visit, printed at the top of the report; null if none. */
    val question: String? = null,
) {
    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)
}

/**
 * Share and restore. Each button is one core call: `reportPdf(options)`, `csvZip(includeNotes)`,
 * `backupZip()`; restoring is `importBackup(bytes)` (all or nothing, merged by id). The bytes go
 * to the [sink] (Android: a file in the cache shared through a FileProvider).
 */
class SharePresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
    private val sink: ExportSink,
) {
    private val mutableState = MutableStateFlow(ShareState())

    /** The screen's state. */
    val state: StateFlow<ShareState> = mutableState.asStateFlow()

    /** Reads the report's default period ("since the last visit") from the core's `visitPeriod()`. */
    fun load(): Job = scope.launch {
        val failure = attempt {
            val period = openStore().read { journal -> journal.visitPeriod() }
            mutableState.update {
                it.copy(
                    periodText = period.text,
                    comparisonText = period.comparison.ifBlank { null },
                    question = period.nextVisit?.data?.question,
                )
            }
        }
        if (failure != null) mutableState.update { it.copy(error = failure) }
    }

    /** Whether notes are printed. */
    fun setIncludeNotes(value: Boolean) = mutableState.update { it.copy(includeNotes = value) }

    /** Whether the report gets page 2 (the detail). */
    fun setDetailPage(value: Boolean) = mutableState.update { it.copy(detailPage = value) }

    /** The name printed on the report. */
    fun setPatientName(value: String) = mutableState.update { it.copy(patientName = value) }

    /** The PDF report for a clinician. */
    fun shareReport(): Job {
        val current = state.value
        val options = ReportOptions(
            range = null,
            paperSize = null,
            includeNotes = current.includeNotes,
            patientName = current.patientName.ifBlank { null },
            detailPage = current.detailPage,
        )
        return export(REPORT_FILE_NAME, "application/pdf") { journal -> journal.reportPdf(options) }
    }

    /** The CSV tables. */
    fun shareCsv(): Job {
        val includeNotes = state.value.includeNotes
        return export(CSV_FILE_NAME, "application/zip") { journal -> journal.csvZip(includeNotes) }
    }

    /** The backup. */
    fun shareBackup(): Job = export(BACKUP_FILE_NAME, "application/zip") { journal -> journal.backupZip() }

    /** The share sheet was shown. */
    fun shared() = mutableState.update { it.copy(ready = null) }

    /** Restores a backup the person picked (its bytes): all or nothing, merged by id. */
    fun restore(bytes: ByteArray): Job = restore { bytes }

    /**
     * Restores the backup that [read] returns (Android: the picked content Uri's bytes; iOS:
     * `restore(bytes:)` alike). A file that cannot be read is shown as the error, like the core's.
     */
    fun restore(read: suspend () -> ByteArray): Job = scope.launch {
        mutableState.update { it.copy(busy = true, error = null, restored = null) }
        val failure = attempt {
            val bytes = read()
            val store = openStore()
            val result = store.write { journal -> journal.importBackup(bytes) }
            mutableState.update { it.copy(restored = result) }
        }
        mutableState.update { it.copy(busy = false, error = failure) }
    }

    private fun export(
        name: String,
        mimeType: String,
        produce: (Journal) -> ByteArray,
    ): Job = scope.launch {
        mutableState.update { it.copy(busy = true, error = null, restored = null) }
        val failure = attempt {
            val store = openStore()
            val bytes = store.read(produce)
            val file = sink.write(name, mimeType, bytes)
            mutableState.update { it.copy(ready = file) }
        }
        mutableState.update { it.copy(busy = false, error = failure) }
    }
}
