package org.rlsjournal.tests

import java.io.RandomAccessFile
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.coreVersions

/** The big-endian 4-byte integer at [offset] of the SQLite file header. */
private fun headerInt(path: java.nio.file.Path, offset: Long): Int =
    RandomAccessFile(path.toFile(), "r").use {
        it.seek(offset)
        it.readInt()
    }

/** `coreVersions()` through the bindings: each number is the one a real file and backup carry. */
fun versionTests() = suite("versions") {
    test("coreVersionIsSemver") {
        val core = coreVersions().core
        assertTrue(Regex("""\d+\.\d+\.\d+""").matches(core), "major.minor.patch: $core")
    }

    test("schemaVersionIsWhatANewFileCarriesAndANewerFileIsRefused") {
        val journal = Journal.open(dbPath.toString())
        journal.close()
        val schema = coreVersions().schema
        assertEquals(schema.toInt(), headerInt(dbPath, 60), "PRAGMA user_version in the file header")
        RandomAccessFile(dbPath.toFile(), "rw").use {
            it.seek(60)
            it.writeInt(schema.toInt() + 1)
        }
        val error = assertFailsWith<JournalException.IncompatibleVersion> { Journal.open(dbPath.toString()) }
        assertEquals(schema + 1u, error.found)
        assertEquals(schema, error.supported)
    }

    test("backupFormatVersionIsWhatABackupCarriesAndANewerOneIsRejected") {
        val journal = openJournal()
        val json = journal.backupJson()
        val format = coreVersions().backupFormat
        assertTrue("\"version\": $format," in json, json.take(200))
        val newer = json.replaceFirst("\"version\": $format,", "\"version\": ${format + 1u},")
        val error = assertFailsWith<JournalException.ImportRejected> { journal.importBackup(newer.toByteArray()) }
        assertTrue("${format + 1u}" in error.reason, error.reason)
    }
}
