package org.rlsjournal.presenters

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.rlsjournal.core.AutoBackupStatus
import org.rlsjournal.core.BackupOccasion
import org.rlsjournal.core.ImportSummary
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.SyncReport
import org.rlsjournal.core.SyncStatus

/** The source `Journal.restore` is given when no folder is chosen: the core says what to do. */
private const val NO_SOURCE: String = ""

/** What the Backup screen shows. */
data class BackupState(
    /** The chosen folder's name, or null when none is chosen (no automatic backups). */
    val folderName: String? = null,
    /** Whether backups are encrypted (a passphrase is kept in the [SecretStore]). */
    val encrypted: Boolean = false,
    /** The core's status: when the last backup was written, why the last attempt failed. */
    val status: AutoBackupStatus? = null,
    /**
     * Why the chosen folder could not be brought in step after the core wrote its backup (a
     * Storage Access Framework folder gone or its permission withdrawn), or null.
     */
    val folderProblem: String? = null,
    /** The file the last backup of this screen's actions wrote (null: none was due). */
    val lastWrittenNow: String? = null,
    val busy: Boolean = false,
    /** What the last restore did (added, updated, unchanged). */
    val restored: ImportSummary? = null,
    /**
     * Whether this device syncs with the other devices through the chosen folder (each device
     * writes only its own file there and merges the others': docs/sync.md).
     */
    val syncEnabled: Boolean = false,
    /** The core's sync status: when the last sync ran, what it merged and skipped, why it failed. */
    val sync: SyncStatus? = null,
    /** The error of the last action (a wrong passphrase, a passphrase too short, a failed backup). */
    val error: Throwable? = null,
) {
    /** The core's status sentence ("The last backup was written on …", "… failed: …"), or null. */
    val statusText: String? get() = status?.sentence

    /** The error as a sentence for the person, or null. */
    val errorText: String? get() = error?.let(::sentenceOf)

    /** The core's sync sentence ("Synced on … with 2 devices", "… failed: …"), or null. */
    val syncText: String? get() = sync?.sentence
}

/**
 * Automatic backups to a folder the person chose, and restoring a backup file.
 *
 * One per process (it must hear every write and the app going to the background, whichever screen
 * is shown). Each backup is one core call, `autoBackup(folder, passphrase, occasion)`, through the
 * [BackupFolder] (which may stage and mirror, Android) with the passphrase from the [SecretStore]
 * (the core keeps none). When one is due is the core's debounce; the presenter adds only that
 * going to the background with nothing written through the store since its last backup asks for
 * none (the journal is the same). The core's `autoBackupStatus()` gives the sentence shown.
 *
 * The backup runs through `store.read`, not `store.write`: it changes only the core's own backup
 * state, and must not count as a change that asks for another backup.
 */
class BackupPresenter(
    private val openStore: StoreSource,
    private val scope: CoroutineScope,
    private val secrets: SecretStore,
    folder: BackupFolder?,
    syncEnabled: Boolean = false,
) {
    private val mutableState = MutableStateFlow(BackupState(folderName = folder?.displayName, syncEnabled = syncEnabled))
    private val backupLock = Mutex()
    private var folder: BackupFolder? = folder

    /** The store's write count when the last backup was written (null: none by this process). */
    private var backedUpAtWrite: Long? = null

    /** The screen's state. */
    val state: StateFlow<BackupState> = mutableState.asStateFlow()

    /**
     * Reads the status and whether a passphrase is kept, then asks for a backup after every write
     * through the store (`CHANGED`: the core writes at most one every 10 minutes). Call once.
     */
    fun start(): Job = scope.launch {
        val failure = attempt {
            val store = openStore()
            // Counted before anything else: a write made while the status loads still asks.
            val startedAt = store.writeCount.value
            refreshStatus()
            store.writeCount.filter { it != startedAt }.collect {
                // A failed backup is shown (the core's status says why) and the watching goes on.
                val failed = attempt { backUp(BackupOccasion.CHANGED) }
                if (failed != null) mutableState.update { it.copy(error = failed) }
            }
        }
        if (failure != null) mutableState.update { it.copy(error = failure) }
    }

    /** Re-reads the core's status and whether backups are encrypted. */
    fun refresh(): Job = scope.launch {
        val failure = attempt { refreshStatus() }
        if (failure != null) mutableState.update { it.copy(error = failure) }
    }

    /**
     * The person chose [chosen] (the device has already kept its permission: Android's persisted
     * tree Uri, iOS's bookmark). A backup is written into it at once.
     */
    fun chooseFolder(chosen: BackupFolder): Job {
        folder = chosen
        mutableState.update { it.copy(folderName = chosen.displayName, folderProblem = null) }
        return action { backUp(BackupOccasion.NOW) }
    }

    /** No folder any more: no automatic backups (files already written stay where they are). */
    fun forgetFolder() {
        folder = null
        mutableState.update { it.copy(folderName = null, folderProblem = null) }
    }

    /**
     * Encrypts backups with [passphrase] from now on, kept in the [SecretStore], and writes one at
     * once when a folder is chosen. When the core refuses it (too short), the passphrase kept
     * before is kept and the core's reason is shown.
     */
    fun setPassphrase(passphrase: String): Job = action {
        val before = secrets.passphrase()
        secrets.setPassphrase(passphrase)
        try {
            if (folder != null) backUp(BackupOccasion.NOW)
        } catch (e: JournalException.InvalidInput) {
            if (before == null) secrets.clearPassphrase() else secrets.setPassphrase(before)
            throw e
        } finally {
            mutableState.update { it.copy(encrypted = secrets.passphrase() != null) }
        }
    }

    /** Backups are written unencrypted from now on (the person's choice). */
    fun clearPassphrase(): Job = action {
        secrets.clearPassphrase()
        mutableState.update { it.copy(encrypted = false) }
    }

    /** "Back up now": always written. */
    fun backUpNow(): Job = action { backUp(BackupOccasion.NOW) }

    /** Something changed in the journal through another path than the store (rare). */
    fun journalChanged(): Job = action { backUp(BackupOccasion.CHANGED) }

    /**
     * The app goes to the background: a backup is written (the core's `BACKGROUND`: always)
     * unless nothing was written through the store since this process's last backup.
     */
    fun wentToBackground(): Job = action {
        val writes = openStore().writeCount.value
        if (backedUpAtWrite != writes) backUp(BackupOccasion.BACKGROUND)
        if (mutableState.value.syncEnabled) sync()
    }

    /**
     * Restores the backup file at [path] (plain, zip or encrypted): merged by id, all or nothing.
     * An encrypted file is opened with [passphrase] if given, else with the one kept; a wrong one
     * gives the core's sentence and changes nothing.
     */
    fun restore(path: String, passphrase: String? = null): Job = action {
        val store = openStore()
        val key = passphrase?.takeIf { it.isNotEmpty() } ?: secrets.passphrase()
        val summary = store.write { journal ->
            if (key != null) journal.importBackupFileWithPassphrase(path, key) else journal.importBackupFile(path)
        }
        mutableState.update { it.copy(restored = summary) }
    }

    /**
     * Sync on or off (the device keeps the choice; the person's other devices choose for
     * themselves). Turning it on syncs at once when a folder is chosen.
     */
    fun setSyncEnabled(enabled: Boolean): Job? {
        mutableState.update { it.copy(syncEnabled = enabled) }
        return if (enabled && folder != null) syncNow() else null
    }

    /**
     * "Sync now": merges the other devices' files from the chosen folder into the journal (last
     * change wins per record), then writes this device's own file; the core's sentence says what
     * happened. With a passphrase kept, our file is encrypted and the others' are opened with it.
     */
    fun syncNow(): Job = action { sync() }

    /**
     * The new phone: fills the (empty) journal at [journalPath] from the chosen folder's device
     * files, opened with the passphrase kept, in one core call (`Journal.restore`, all or
     * nothing, refused where records already are); this device then syncs as a new device.
     * With no folder chosen the same call is made with no source: the core refuses it with its
     * sentence ("choose the folder your other phone syncs with first") and creates nothing.
     */
    fun restoreFromFolder(journalPath: String): Job = action {
        val store = openStore()
        val passphrase = secrets.passphrase()
        val restoreAndSync: suspend (String) -> SyncReport = { path ->
            Journal.restore(journalPath, path, passphrase).use { restored -> restored.syncFolder(path, passphrase) }
        }
        val chosen = folder
        if (chosen == null) restoreAndSync(NO_SOURCE) else chosen.sync(restoreAndSync)
        store.refresh()
        mutableState.update { it.copy(syncEnabled = true) }
        refreshStatus()
    }

    /** The last error was shown. */
    fun errorShown() = mutableState.update { it.copy(error = null) }

    private fun action(block: suspend () -> Unit): Job = scope.launch {
        mutableState.update { it.copy(busy = true, error = null, restored = null) }
        val failure = attempt(block)
        mutableState.update { it.copy(busy = false, error = failure) }
    }

    /** One backup through the chosen folder; the status is re-read whatever happens. */
    private suspend fun backUp(occasion: BackupOccasion) {
        val chosen = folder ?: return
        backupLock.withLock {
            val store = openStore()
            val writes = store.writeCount.value
            val passphrase = secrets.passphrase()
            try {
                val outcome = chosen.backUp { path -> store.read { journal -> journal.autoBackup(path, passphrase, occasion) } }
                if (outcome.written != null) backedUpAtWrite = writes
                mutableState.update { it.copy(lastWrittenNow = outcome.written, folderProblem = null) }
            } catch (e: BackupFolderException) {
                // The core wrote its backup (staged); the folder the person sees did not get it.
                backedUpAtWrite = writes
                mutableState.update { it.copy(folderProblem = e.message) }
                throw e
            } finally {
                refreshStatus()
            }
        }
    }

    /** One sync through the chosen folder (none without one); the status is re-read whatever happens. */
    private suspend fun sync() {
        val chosen = folder ?: return
        backupLock.withLock {
            val store = openStore()
            try {
                chosen.sync { path -> store.write { journal -> journal.syncFolder(path, secrets.passphrase()) } }
            } finally {
                refreshStatus()
            }
        }
    }

    private suspend fun refreshStatus() {
        val (status, sync) = openStore().read { journal -> journal.autoBackupStatus() to journal.syncStatus() }
        mutableState.update { it.copy(status = status, sync = sync, encrypted = secrets.passphrase() != null) }
    }
}
