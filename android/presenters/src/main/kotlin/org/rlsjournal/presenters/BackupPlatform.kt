package org.rlsjournal.presenters

import org.rlsjournal.core.AutoBackupOutcome
import org.rlsjournal.core.SyncReport

/**
 * Keeps the backup passphrase outside the journal and outside plain preferences (Android: encrypted
 * with a key in the Android Keystore; iOS: the Keychain, this device only). The core never stores
 * it; the presenter reads it for each backup call.
 */
interface SecretStore {
    /** The passphrase kept, or null when backups are not encrypted. */
    fun passphrase(): String?

    /** Keeps [passphrase], replacing the one kept before. */
    fun setPassphrase(passphrase: String)

    /** Forgets the passphrase: later backups are written unencrypted. */
    fun clearPassphrase()
}

/**
 * The backup folder the person chose, as the device reaches it (Android: a Storage Access
 * Framework tree, through [MirroredBackupFolder]; iOS: a security-scoped bookmark, opened around
 * the call; tests and desktops: [PathBackupFolder]).
 */
interface BackupFolder {
    /** The folder's name to show ("Backups", "Nextcloud/RLS"). */
    val displayName: String

    /**
     * Runs [write] (the core's `autoBackup`) with the path of a folder it may write, then brings
     * the chosen folder in step with what the core wrote and removed. Throws what [write] throws;
     * throws [BackupFolderException] when the core's write succeeded but the chosen folder could
     * not be brought in step (the next call tries again).
     */
    suspend fun backUp(write: suspend (folderPath: String) -> AutoBackupOutcome): AutoBackupOutcome

    /**
     * Runs [sync] (the core's `syncFolder`) with the path of a folder holding the other devices'
     * files as the chosen folder has them, then brings this device's own file into the chosen
     * folder. Throws what [sync] throws; [BackupFolderException] when the chosen folder could not
     * be read or written.
     */
    suspend fun sync(sync: suspend (folderPath: String) -> SyncReport): SyncReport
}

/** The chosen folder could not be reached or written; [message] is a sentence to show. */
class BackupFolderException(message: String, cause: Throwable? = null) : Exception(message, cause)

/** A folder the core writes directly, by its path (a desktop folder, the JVM tests). */
class PathBackupFolder(private val path: String, override val displayName: String = path) : BackupFolder {
    override suspend fun backUp(write: suspend (folderPath: String) -> AutoBackupOutcome): AutoBackupOutcome =
        write(path)

    override suspend fun sync(sync: suspend (folderPath: String) -> SyncReport): SyncReport = sync(path)
}
