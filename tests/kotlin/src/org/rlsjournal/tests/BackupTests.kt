package org.rlsjournal.tests

import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.rlsjournal.core.BackupOccasion
import org.rlsjournal.core.JournalException

/** A passphrase long enough for writing (8 characters or more). */
private const val PASS = "correct horse battery"

/** Encrypted backups and automatic backups to a folder (issue 17 items 1 and 2), through the bindings. */
fun backupTests() = suite("backups") {
    test("encryptedBackupRoundTripsAndAsksForItsPassphrase") {
        val journal = openJournal()
        journal.seed()
        val sealed = journal.backupEncrypted(PASS)
        assertTrue(sealed.copyOfRange(0, 21).decodeToString() == "age-encryption.org/v1")
        val fresh = openJournal(dir.resolve("fresh.db"))
        assertFailsWith<JournalException.PassphraseNeeded> { fresh.importBackup(sealed) }
        assertFailsWith<JournalException.WrongPassphrase> {
            fresh.importBackupWithPassphrase(sealed, "not the passphrase")
        }
        val cut = sealed.copyOfRange(0, sealed.size - 1)
        assertFailsWith<JournalException.ImportRejected> { fresh.importBackupWithPassphrase(cut, PASS) }
        assertTrue(fresh.allItems().isEmpty(), "a refused import changed nothing")
        val summary = fresh.importBackupWithPassphrase(sealed, PASS)
        assertTrue(summary.added > 0u)
        assertEquals(journal.allItems().map { it.entry }, fresh.allItems().map { it.entry })
        val file = dir.resolve("backup.zip.age")
        Files.write(file, sealed)
        assertFailsWith<JournalException.PassphraseNeeded> { fresh.importBackupFile(file.toString()) }
        assertEquals(summary.added, fresh.importBackupFileWithPassphrase(file.toString(), PASS).unchanged)
    }

    test("autoBackupDebouncesAndReportsItsStatus") {
        val journal = openJournal()
        journal.seed()
        val folder = Files.createDirectory(dir.resolve("backups"))
        assertEquals("No automatic backup has been written yet.", journal.autoBackupStatus().sentence)
        val first = journal.autoBackup(folder.toString(), null, BackupOccasion.CHANGED)
        val name = assertNotNull(first.written)
        assertTrue(Files.exists(folder.resolve(name)))
        // Within 10 minutes of the last one, a change writes nothing.
        assertNull(journal.autoBackup(folder.toString(), null, BackupOccasion.CHANGED).written)
        val status = journal.autoBackupStatus()
        assertEquals(name, status.lastFile)
        assertNotNull(status.lastWritten)
        assertTrue(status.sentence.startsWith("The last backup was written on "), status.sentence)
        assertTrue(status.policy.contains("10 minutes"), status.policy)
        val encrypted = journal.autoBackup(folder.toString(), PASS, BackupOccasion.BACKGROUND)
        assertTrue(assertNotNull(encrypted.written).endsWith(".zip.age"))
        // A folder that is gone: a typed error with a sentence, and the status keeps it.
        val gone = dir.resolve("gone").toString()
        val failed = assertFailsWith<JournalException.BackupFailed> {
            journal.autoBackup(gone, null, BackupOccasion.NOW)
        }
        assertTrue(failed.reason.contains("the backup folder is gone"), failed.reason)
        assertEquals(failed.reason, journal.autoBackupStatus().failure)
    }
}
