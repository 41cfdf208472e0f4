package org.rlsjournal.app.ui

import android.content.Context
import android.net.Uri
import java.io.FileNotFoundException
import java.io.InputStream
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

// A file the person picked with the system's document picker is a content Uri, not a path: these
// open it. What a failure means is the presenters' (SharePresenter.restore, withTemporaryCopy).

/** Opens the picked document [uri], or null when its provider has nothing there any more. */
fun openPicked(context: Context, uri: Uri): InputStream? = context.contentResolver.openInputStream(uri)

/** The picked document's bytes, read off the main thread; throws when it cannot be read. */
suspend fun readPicked(context: Context, uri: Uri): ByteArray = withContext(Dispatchers.IO) {
    val input = openPicked(context, uri) ?: throw FileNotFoundException("the picked file is no longer there")
    input.use { it.readBytes() }
}
