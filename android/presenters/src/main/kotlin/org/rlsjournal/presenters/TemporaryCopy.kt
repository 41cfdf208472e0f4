package org.rlsjournal.presenters

import java.io.File
import java.io.FileNotFoundException
import java.io.InputStream
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext

/**
 * Copies what [open] reads (Android: a picked content Uri) into a new file of its own in [dir],
 * runs [use] on the copy's path, and deletes the copy whatever happens: the core reads backups
 * from a path, and a picked document has none. Returns null when [use] ran, else why the file
 * could not be copied (a gone document, a withdrawn permission, a full disk); nothing is left
 * behind either way. Cancellation is passed on.
 */
suspend fun withTemporaryCopy(dir: File, open: () -> InputStream?, use: suspend (path: String) -> Unit): Throwable? {
    var copy: File? = null
    try {
        val failure = attempt {
            withContext(Dispatchers.IO) {
                dir.mkdirs()
                // A unique name: two restores started together never share (or delete) one copy.
                val file = File.createTempFile("restore-", ".tmp", dir)
                copy = file
                val input = open() ?: throw FileNotFoundException("the picked file is no longer there")
                input.use { source -> file.outputStream().use { source.copyTo(it) } }
            }
        }
        if (failure != null) return failure
        val path = copy?.path ?: return FileNotFoundException("the picked file was not copied")
        use(path)
        return null
    } finally {
        withContext(NonCancellable + Dispatchers.IO) { copy?.delete() }
    }
}
