package org.rlsjournal.app.share

import android.app.Application
import android.net.Uri
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.rlsjournal.app.R
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.ReportOptions

/** A file ready for the share sheet. */
data class ExportFile(val file: File, val mimeType: String)

/** What the Share screen shows. */
data class ShareState(
    /** Print the person's notes in the report and the CSV tables (off by default: privacy). */
    val includeNotes: Boolean = false,
    /** A name to print on the report (optional). */
    val patientName: String = "",
    val busy: Boolean = false,
    /** The file to hand to the share sheet next. */
    val ready: ExportFile? = null,
    val message: String? = null,
    val error: String? = null,
)

/**
 * Share and restore. Each button is one core call: `reportPdf(options)`, `csvZip(includeNotes)`,
 * `backupZip()`; restoring is `importBackup(bytes)`. The bytes go to a file in the app's cache
 * (exports/ only, shared through a FileProvider) and from there to the system share sheet.
 */
class ShareViewModel(application: Application) : AndroidViewModel(application) {

    private val mutableState = MutableStateFlow(ShareState())
    val state: StateFlow<ShareState> = mutableState.asStateFlow()

    fun setIncludeNotes(value: Boolean) = mutableState.update { it.copy(includeNotes = value) }

    fun setPatientName(value: String) = mutableState.update { it.copy(patientName = value) }

    fun shareReport() {
        val options = ReportOptions(
            range = null,
            paperSize = null,
            includeNotes = state.value.includeNotes,
            patientName = state.value.patientName.ifBlank { null },
        )
        export(REPORT_FILE_NAME, "application/pdf") { app ->
            val store = app.journalStore()
            store.read { journal -> journal.reportPdf(options) }
        }
    }

    fun shareCsv() {
        val includeNotes = state.value.includeNotes
        export(CSV_FILE_NAME, "application/zip") { app ->
            val store = app.journalStore()
            store.read { journal -> journal.csvZip(includeNotes) }
        }
    }

    fun shareBackup() = export(BACKUP_FILE_NAME, "application/zip") { app ->
        val store = app.journalStore()
        store.read { journal -> journal.backupZip() }
    }

    /** The share sheet was shown; the file stays in the cache until the next export. */
    fun shared() = mutableState.update { it.copy(ready = null) }

    /** Restores a backup the person picked: all or nothing, merged by id (the core's rules). */
    fun restore(uri: Uri) {
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.update { it.copy(busy = true, error = null, message = null) }
            val failure = attempt {
                val bytes = withContext(Dispatchers.IO) {
                    app.contentResolver.openInputStream(uri)?.use { it.readBytes() } ?: ByteArray(0)
                }
                val store = app.journalStore()
                val result = store.write { journal -> journal.importBackup(bytes) }
                val message = app.getString(
                    R.string.restore_done,
                    result.added.toInt(),
                    result.updated.toInt(),
                    result.unchanged.toInt(),
                )
                mutableState.update { it.copy(message = message) }
            }
            mutableState.update {
                it.copy(busy = false, error = if (failure == null) null else errorText(app, failure))
            }
        }
    }

    private fun export(name: String, mimeType: String, produce: suspend (Application) -> ByteArray) {
        viewModelScope.launch {
            val app = getApplication<Application>()
            mutableState.update { it.copy(busy = true, error = null, message = null) }
            val failure = attempt {
                val bytes = produce(app)
                val file = withContext(Dispatchers.IO) {
                    val exports = File(app.cacheDir, EXPORT_DIR)
                    removeOldExports(exports)
                    // Each export in its own folder: an earlier file may still be read by a slow
                    // share target (a mail app uploading later), so it is never replaced here.
                    val dir = File(exports, System.currentTimeMillis().toString())
                    dir.mkdirs()
                    File(dir, name).also { it.writeBytes(bytes) }
                }
                mutableState.update { it.copy(ready = ExportFile(file, mimeType)) }
            }
            mutableState.update {
                it.copy(busy = false, error = if (failure == null) null else errorText(app, failure))
            }
        }
    }

    /** Removes export folders older than [EXPORT_KEEP_MS]: by then every share target has read them. */
    private fun removeOldExports(exports: File) {
        val cutoff = System.currentTimeMillis() - EXPORT_KEEP_MS
        exports.listFiles()?.filter { it.lastModified() < cutoff }?.forEach { it.deleteRecursively() }
    }

    companion object {
        /** How long an exported file is kept for the app it was shared with (one day). */
        const val EXPORT_KEEP_MS = 24L * 60 * 60 * 1000

        /** The cache folder the FileProvider shares (res/xml/export_paths.xml). */
        const val EXPORT_DIR = "exports"
        const val REPORT_FILE_NAME = "rls-journal-report.pdf"
        const val CSV_FILE_NAME = "rls-journal-tables.zip"
        const val BACKUP_FILE_NAME = "rls-journal-backup.zip"
    }
}
