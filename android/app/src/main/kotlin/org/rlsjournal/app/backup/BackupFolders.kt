package org.rlsjournal.app.backup

import android.content.Context
import android.content.Intent
import android.net.Uri
import java.io.File
import org.rlsjournal.presenters.BackupFolder
import org.rlsjournal.presenters.MirroredBackupFolder

/**
 * The backup folder the person picked (a Storage Access Framework tree): its Uri in the app's
 * private preferences, with a persisted read/write permission so it survives restarts. The core
 * writes into [STAGING_DIR] in the app's files; MirroredBackupFolder copies into the tree.
 */
object BackupFolders {
    private const val PREFS = "backup-folder"
    private const val KEY_TREE = "tree-uri"
    private const val KEY_SYNC = "sync-enabled"

    /** The app-private folder the core writes backups into before they are mirrored. */
    const val STAGING_DIR = "backup-staging"

    /** The folder chosen earlier, or null. */
    fun current(context: Context): BackupFolder? {
        val uri = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).getString(KEY_TREE, null) ?: return null
        return folder(context, Uri.parse(uri))
    }

    /** Keeps the permission on the picked tree [uri], remembers it, and returns the folder. */
    fun remember(context: Context, uri: Uri): BackupFolder {
        val flags = Intent.FLAG_GRANT_READ_URI_PERMISSION or Intent.FLAG_GRANT_WRITE_URI_PERMISSION
        context.contentResolver.takePersistableUriPermission(uri, flags)
        val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
        val before = prefs.getString(KEY_TREE, null)
        prefs.edit().putString(KEY_TREE, uri.toString()).commit()
        if (before != null && before != uri.toString()) release(context, Uri.parse(before))
        return folder(context, uri)
    }

    /** Forgets the folder and gives its permission back. */
    /** Whether this device syncs through the chosen folder (the person's choice, kept here). */
    fun syncEnabled(context: Context): Boolean =
        context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).getBoolean(KEY_SYNC, false)

    /** Keeps the sync choice. */
    fun rememberSync(context: Context, enabled: Boolean) {
        context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).edit().putBoolean(KEY_SYNC, enabled).commit()
    }

    fun forget(context: Context) {
        val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
        prefs.getString(KEY_TREE, null)?.let { release(context, Uri.parse(it)) }
        prefs.edit().remove(KEY_TREE).commit()
    }

    private fun release(context: Context, uri: Uri) {
        val flags = Intent.FLAG_GRANT_READ_URI_PERMISSION or Intent.FLAG_GRANT_WRITE_URI_PERMISSION
        runCatching { context.contentResolver.releasePersistableUriPermission(uri, flags) }
    }

    private fun folder(context: Context, uri: Uri): BackupFolder =
        MirroredBackupFolder(SafDocumentTree(context.applicationContext, uri), File(context.filesDir, STAGING_DIR))
}
