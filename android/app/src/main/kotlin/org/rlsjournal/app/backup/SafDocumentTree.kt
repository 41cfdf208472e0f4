package org.rlsjournal.app.backup

import android.content.Context
import android.net.Uri
import android.provider.DocumentsContract
import androidx.documentfile.provider.DocumentFile
import java.io.FileNotFoundException
import java.io.InputStream
import java.io.OutputStream
import org.rlsjournal.presenters.BackupFolderException
import org.rlsjournal.presenters.DocumentTree
import org.rlsjournal.presenters.TreeFile

/**
 * The folder the person picked with ACTION_OPEN_DOCUMENT_TREE, through DocumentFile and the
 * ContentResolver. Only forwarding: what to copy and what to remove is FolderMirror's
 * (android/presenters), tested on the JVM with an in-memory tree.
 */
class SafDocumentTree(private val context: Context, private val uri: Uri) : DocumentTree {
    override val id: String = uri.toString()

    override val displayName: String
        get() = DocumentFile.fromTreeUri(context, uri)?.name ?: uri.lastPathSegment ?: uri.toString()

    private fun root(): DocumentFile {
        val granted = context.contentResolver.persistedUriPermissions.any { it.uri == uri && it.isWritePermission }
        if (!granted) throw BackupFolderException(PERMISSION_GONE)
        val root = DocumentFile.fromTreeUri(context, uri)
        if (root == null || !root.exists() || !root.isDirectory) throw BackupFolderException(FOLDER_GONE)
        return root
    }

    private fun file(name: String): DocumentFile? = root().findFile(name)

    override fun list(): List<TreeFile> = guarded {
        root().listFiles().filter { it.isFile }.mapNotNull { f -> f.name?.let { TreeFile(it, f.length()) } }
    }

    override fun openWrite(name: String): OutputStream = guarded {
        val target = file(name) ?: root().createFile(MIME, name) ?: throw BackupFolderException(FOLDER_GONE)
        context.contentResolver.openOutputStream(target.uri, "wt") ?: throw BackupFolderException(FOLDER_GONE)
    }

    override fun openRead(name: String): InputStream = guarded {
        val source = file(name) ?: throw FileNotFoundException(name)
        context.contentResolver.openInputStream(source.uri) ?: throw FileNotFoundException(name)
    }

    override fun rename(from: String, to: String) = guarded {
        val source = file(from) ?: throw FileNotFoundException(from)
        val renamed = DocumentsContract.renameDocument(context.contentResolver, source.uri, to)
        val name = renamed?.let { DocumentFile.fromSingleUri(context, it)?.name }
        if (name != to) throw java.io.IOException("the folder's provider named the file $name, not $to")
    }

    override fun delete(name: String) = guarded {
        file(name)?.delete()
        Unit
    }

    /** A withdrawn permission surfaces as a SecurityException: said as a sentence. */
    private fun <T> guarded(block: () -> T): T =
        try {
            block()
        } catch (e: SecurityException) {
            throw BackupFolderException(PERMISSION_GONE, e)
        }

    private companion object {
        const val MIME = "application/octet-stream"
        const val FOLDER_GONE = "the backup folder is gone (moved, deleted, or its drive removed); choose a backup folder again"
        const val PERMISSION_GONE = "this app may no longer write to the backup folder (permission withdrawn); choose the folder again to give permission"
    }
}
