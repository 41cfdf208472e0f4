package org.rlsjournal.presenters

import java.io.File
import java.io.IOException
import java.io.InputStream
import java.io.OutputStream
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import org.rlsjournal.core.AutoBackupOutcome
import org.rlsjournal.core.SyncFileRole
import org.rlsjournal.core.SyncReport
import org.rlsjournal.core.isOwnBackupFile
import org.rlsjournal.core.syncFileRole

/** One file directly in a [DocumentTree]. */
data class TreeFile(
    /** Its name in the folder. */
    val name: String,
    /** Its size in bytes, or -1 when the provider does not say. */
    val size: Long,
)

/**
 * A folder the app may reach only through a document API, not by a path (Android: the Storage
 * Access Framework tree the person picked, through `DocumentFile`/`ContentResolver`; the JVM tests:
 * an in-memory fake). Only forwarding: every decision is [FolderMirror]'s. Each call throws
 * [BackupFolderException] with a sentence when the folder is gone or the permission was withdrawn,
 * or an [IOException].
 */
interface DocumentTree {
    /** A stable identity of the folder (Android: the tree Uri), so a change of folder is seen. */
    val id: String

    /** The folder's name to show. */
    val displayName: String

    /** The files directly in the folder (not in sub-folders). */
    fun list(): List<TreeFile>

    /** Creates the file [name] (or empties it, if it exists) and opens it for writing. */
    fun openWrite(name: String): OutputStream

    /** Opens the file [name] for reading. */
    fun openRead(name: String): InputStream

    /** Renames the file [from] to [to] (which does not exist). */
    fun rename(from: String, to: String)

    /** Deletes the file [name]; nothing if it does not exist. */
    fun delete(name: String)
}

/** What one [FolderMirror.push] did in the tree. */
data class MirrorResult(
    /** Files copied into the tree. */
    val copied: List<String>,
    /** Files removed from the tree (backups of ours the core's retention removed). */
    val deleted: List<String>,
)

/**
 * Brings a [DocumentTree] in step with the app-private staging folder the core writes its backups
 * into (the core writes to a path; a Storage Access Framework tree has none).
 *
 * - Each file in the staging folder that the tree lacks is copied in, under a temporary name then
 *   renamed, so a copy cut short never shows under a backup's name.
 * - A file is removed from the tree only if this mirror put it there (its name is in the ledger,
 *   a small file beside the staging folder) and the core has since removed it from the staging
 *   folder (its retention). Every other file in the tree, another device's or the person's, is
 *   never removed or replaced, whatever its name.
 * - The ledger belongs to one tree ([DocumentTree.id]): after a change of folder it starts empty.
 *
 * Staging files whose names start with "." (the core's own temporary files) are not copied.
 */
class FolderMirror(
    private val staging: File,
    private val ledgerFile: File,
    private val tree: DocumentTree,
) {
    /**
     * Copies new staged files that [only] takes into the tree and removes from it the ones the
     * core removed. (For sync, [only] takes this device's own file: the other devices' files in
     * the staging folder are copies pulled from the tree, never pushed back.)
     */
    fun push(only: (String) -> Boolean = { true }): MirrorResult {
        val inTree = tree.list().associate { it.name to it.size }
        val ledger = readLedger()
        val staged = stagedFiles().filter { it.name in ledger || only(it.name) }
        val copied = mutableListOf<String>()
        for (file in staged) {
            val ours = file.name in ledger
            val present = file.name in inTree
            // Someone else's file with this name: leave it alone.
            if (present && !ours) continue
            if (present && inTree[file.name] == file.length()) continue
            copyIn(file, replacing = present, ledger = ledger)
            copied += file.name
        }
        val stagedNames = staged.map { it.name }.toSet()
        val deleted = mutableListOf<String>()
        for (name in ledger.toList()) {
            if (name in stagedNames) continue
            if (name in inTree) {
                tree.delete(name)
                deleted += name
            }
            ledger -= name
            writeLedger(ledger)
        }
        return MirrorResult(copied, deleted)
    }

    /**
     * Copies into [into] the tree's files that [accept] takes, that this mirror did not write,
     * and that [into] does not already hold at the same size (for sync: other devices' files).
     * Each arrives under a temporary name and is renamed, so [into] never holds half a file.
     * Returns the names copied.
     */
    fun pull(into: File, accept: (String) -> Boolean): List<String> {
        val ledger = readLedger()
        into.mkdirs()
        val copied = mutableListOf<String>()
        for (file in tree.list()) {
            if (file.name in ledger || !accept(file.name) || file.name.startsWith(".")) continue
            val target = File(into, file.name)
            if (target.isFile && target.length() == file.size) continue
            val partial = File(into, ".${file.name}$PARTIAL_SUFFIX")
            tree.openRead(file.name).use { input -> partial.outputStream().use { input.copyTo(it) } }
            if (!partial.renameTo(target)) {
                partial.delete()
                throw IOException("could not rename ${partial.name} in ${into.path}")
            }
            copied += file.name
        }
        return copied
    }

    private fun stagedFiles(): List<File> =
        (staging.listFiles() ?: emptyArray()).filter { it.isFile && !it.name.startsWith(".") }.sortedBy { it.name }

    private fun copyIn(file: File, replacing: Boolean, ledger: MutableSet<String>) {
        val partial = ".${file.name}$PARTIAL_SUFFIX"
        // In the ledger before it exists: a copy cut short by a kill is removed by the next push.
        ledger += partial
        writeLedger(ledger)
        tree.delete(partial)
        file.inputStream().use { input -> tree.openWrite(partial).use { input.copyTo(it) } }
        if (replacing) tree.delete(file.name)
        tree.rename(partial, file.name)
        ledger -= partial
        ledger += file.name
        writeLedger(ledger)
    }

    private fun readLedger(): MutableSet<String> {
        val lines = if (ledgerFile.isFile) ledgerFile.readLines() else emptyList()
        if (lines.firstOrNull() != LEDGER_HEADER + tree.id) return mutableSetOf()
        return lines.drop(1).filter { it.isNotEmpty() }.toMutableSet()
    }

    private fun writeLedger(names: Set<String>) {
        ledgerFile.parentFile?.mkdirs()
        val partial = File(ledgerFile.path + ".new")
        partial.writeText((listOf(LEDGER_HEADER + tree.id) + names.sorted()).joinToString("\n", postfix = "\n"))
        if (!partial.renameTo(ledgerFile)) throw IOException("could not replace ${ledgerFile.path}")
    }

    /** Names of the mirror's files. */
    companion object {
        /** The end of a file's name while it is being copied. */
        const val PARTIAL_SUFFIX: String = ".partial"

        /** The ledger's first line, followed by the tree's id. */
        const val LEDGER_HEADER: String = "tree "
    }
}

/**
 * A backup folder reached through a [DocumentTree] (Android's Storage Access Framework): the core
 * writes into `staging` (app-private), then [FolderMirror] copies what it wrote into the tree and
 * removes what its retention removed. The ledger is kept beside `staging`. Which files are the
 * core's is the core's answer, never a name kept here: `isOwnBackupFile` for the backups pushed,
 * `syncFileRole` for the sync files pulled (`TO_MERGE`) and pushed (`OWN`).
 */
class MirroredBackupFolder(
    private val tree: DocumentTree,
    private val staging: File,
) : BackupFolder {
    override val displayName: String get() = tree.displayName

    /** The mirror between [staging] and the tree. */
    val mirror: FolderMirror = FolderMirror(staging, File(staging.parentFile, "${staging.name}.mirrored"), tree)

    override suspend fun backUp(write: suspend (folderPath: String) -> AutoBackupOutcome): AutoBackupOutcome {
        withContext(Dispatchers.IO) { staging.mkdirs() }
        val outcome = write(staging.path)
        withContext(Dispatchers.IO) {
            try {
                // Only the core's automatic backups, never its temporary files.
                mirror.push { isOwnBackupFile(it) }
            } catch (e: CancellationException) {
                throw e
            } catch (e: BackupFolderException) {
                throw e
            } catch (e: Exception) {
                throw BackupFolderException("the backup folder could not be written (${e.message ?: e})", e)
            }
        }
        return outcome
    }

    /** The staging folder of sync: other devices' files pulled in, this device's own file pushed out. */
    private val syncStaging = File(staging.parentFile, "${staging.name}.sync")

    /** The mirror between [syncStaging] and the tree (its own ledger: only our device file). */
    private val syncMirror = FolderMirror(syncStaging, File(staging.parentFile, "${staging.name}.sync.mirrored"), tree)

    override suspend fun sync(sync: suspend (folderPath: String) -> SyncReport): SyncReport {
        withContext(Dispatchers.IO) {
            // The other devices' files and the copies sync tools made of them; our own file is
            // in the sync ledger, so it is never pulled back (and no id is known before the sync).
            folderStep { syncMirror.pull(syncStaging) { syncFileRole(it, null) == SyncFileRole.TO_MERGE } }
        }
        val report = sync(syncStaging.path)
        withContext(Dispatchers.IO) {
            folderStep { syncMirror.push { syncFileRole(it, report.deviceId) == SyncFileRole.OWN } }
        }
        return report
    }

    private fun <T> folderStep(step: () -> T): T =
        try {
            step()
        } catch (e: CancellationException) {
            throw e
        } catch (e: BackupFolderException) {
            throw e
        } catch (e: Exception) {
            throw BackupFolderException("the sync folder could not be read or written (${e.message ?: e})", e)
        }
}
