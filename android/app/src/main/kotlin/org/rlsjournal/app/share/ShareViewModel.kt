package org.rlsjournal.app.share

import android.app.Application
import android.net.Uri
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.ExportSink
import org.rlsjournal.presenters.ExportedFile
import org.rlsjournal.presenters.SharePresenter
import org.rlsjournal.presenters.ShareState

/**
 * Holds the Share screen's [SharePresenter] (android/presenters). The Android parts: exports go
 * to [CacheExportSink], and a picked backup is read from its content Uri here.
 */
class ShareViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = SharePresenter({ application.journalStore() }, viewModelScope, CacheExportSink(application.cacheDir))
    val state: StateFlow<ShareState> = presenter.state

    /** Restores the backup the person picked. */
    fun restore(uri: Uri) {
        val resolver = getApplication<Application>().contentResolver
        viewModelScope.launch {
            val bytes = withContext(Dispatchers.IO) { resolver.openInputStream(uri)?.use { it.readBytes() } ?: ByteArray(0) }
            presenter.restore(bytes)
        }
    }
}

/**
 * Writes exports into the cache's exports/ folder (shared through the FileProvider,
 * res/xml/export_paths.xml), each in its own folder: an earlier file may still be read by a slow
 * share target, so it is never replaced; folders older than [EXPORT_KEEP_MS] are removed.
 */
class CacheExportSink(private val cacheDir: File) : ExportSink {
    override suspend fun write(fileName: String, mimeType: String, bytes: ByteArray): ExportedFile =
        withContext(Dispatchers.IO) {
            val exports = File(cacheDir, EXPORT_DIR)
            val cutoff = System.currentTimeMillis() - EXPORT_KEEP_MS
            exports.listFiles()?.filter { it.lastModified() < cutoff }?.forEach { it.deleteRecursively() }
            val dir = File(exports, System.currentTimeMillis().toString())
            dir.mkdirs()
            val file = File(dir, fileName).also { it.writeBytes(bytes) }
            ExportedFile(file.path, mimeType)
        }

    companion object {
        /** How long an exported file is kept for the app it was shared with (one day). */
        const val EXPORT_KEEP_MS = 24L * 60 * 60 * 1000

        /** The cache folder the FileProvider shares (res/xml/export_paths.xml). */
        const val EXPORT_DIR = "exports"
    }
}
