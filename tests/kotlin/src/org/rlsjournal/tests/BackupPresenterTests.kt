package org.rlsjournal.tests

import java.io.ByteArrayInputStream
import java.io.ByteArrayOutputStream
import java.io.File
import java.io.InputStream
import java.io.OutputStream
import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.rlsjournal.core.AutoBackupOutcome
import org.rlsjournal.core.BackupOccasion
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.SyncReport
import org.rlsjournal.core.errorMessage
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.presenters.BackupFolder
import org.rlsjournal.presenters.BackupFolderException
import org.rlsjournal.presenters.BackupPresenter
import org.rlsjournal.presenters.DocumentTree
import org.rlsjournal.presenters.FolderMirror
import org.rlsjournal.presenters.MirroredBackupFolder
import org.rlsjournal.presenters.PathBackupFolder
import org.rlsjournal.presenters.SecretStore
import org.rlsjournal.presenters.TreeFile

// The Backup presenter (android/presenters/BackupPresenter.kt) and the Storage Access Framework
// mirror (FolderMirror.kt), through the real core on real journal files and real temporary
// folders. The SAF tree is an in-memory fake of the DocumentTree interface (the Android glue only
// forwards to DocumentFile/ContentResolver); the passphrase store is a fake of SecretStore.

private const val PASSPHRASE = "correct horse battery staple"

/** The Keystore/Keychain stand-in: the passphrase lives only here. */
private class FakeSecrets(var value: String? = null) : SecretStore {
    override fun passphrase(): String? = value
    override fun setPassphrase(passphrase: String) {
        value = passphrase
    }
    override fun clearPassphrase() {
        value = null
    }
}

/** A folder by path that records every core outcome (written or not due). */
private class RecordingFolder(path: String) : BackupFolder {
    private val inner = PathBackupFolder(path, "Backups")
    val outcomes = java.util.Collections.synchronizedList(mutableListOf<AutoBackupOutcome>())
    override val displayName: String get() = inner.displayName
    override suspend fun backUp(write: suspend (folderPath: String) -> AutoBackupOutcome): AutoBackupOutcome =
        inner.backUp(write).also { outcomes += it }
    override suspend fun sync(sync: suspend (folderPath: String) -> SyncReport): SyncReport = inner.sync(sync)
}

/** An in-memory document tree; [unreachable] makes every call fail as a withdrawn permission does. */
private class FakeTree(override val id: String = "content://tree/backups") : DocumentTree {
    val files = sortedMapOf<String, ByteArray>()
    var unreachable = false
    override val displayName: String = "Backups"

    private fun check() {
        if (unreachable) throw BackupFolderException("this app may no longer write to the backup folder; choose it again")
    }

    override fun list(): List<TreeFile> {
        check()
        return synchronized(files) { files.map { (name, bytes) -> TreeFile(name, bytes.size.toLong()) } }
    }

    override fun openWrite(name: String): OutputStream {
        check()
        return object : ByteArrayOutputStream() {
            override fun close() {
                synchronized(files) { files[name] = toByteArray() }
            }
        }
    }

    override fun openRead(name: String): InputStream {
        check()
        return ByteArrayInputStream(synchronized(files) { files.getValue(name) })
    }

    override fun rename(from: String, to: String) {
        check()
        synchronized(files) {
            require(to !in files) { "$to exists" }
            files[to] = files.remove(from) ?: error("no $from")
        }
    }

    override fun delete(name: String) {
        check()
        synchronized(files) { files.remove(name) }
    }
}

/** A store on the test's journal, a scope cancelled at the end, and a second handle on the file. */
private class BackupRig(ctx: TestContext) {
    val store: JournalStore = ctx.closeAfter(runBlocking { JournalStore.open(ctx.dbPath.toString()) })
    val scope: CoroutineScope = CoroutineScope(SupervisorJob() + Dispatchers.Default).also { s ->
        ctx.closeAfter(AutoCloseable { s.cancel() })
    }
    val file: Journal = ctx.openJournal()
    val secrets = FakeSecrets()
    fun presenter(folder: BackupFolder? = null) = BackupPresenter({ store }, scope, secrets, folder)
}

private fun joinJob(job: kotlinx.coroutines.Job) = runBlocking { withTimeout(60_000) { job.join() } }

private fun await(what: String, condition: () -> Boolean) = runBlocking {
    withTimeout(20_000) {
        while (!condition()) delay(10)
    }
    assertTrue(condition(), what)
}

/**
 * This device's own automatic backup names (they carry its device id) on given days, old enough
 * for the retention to drop most.
 */
private fun oldBackupNames(device: String): List<String> =
    (1..12).map { day -> "rlsjournal-auto-$device-202501%02dT080000Z.zip".format(day) }

private fun Journal.entries() = allItems().map { it.entry }

/** The Backup presenter and the folder mirror, through the real core. */
fun backupPresenterTests() = suite("backupPresenter") {
    test("chooseFolderWritesAnAgeFileThatTheCoreImportsBackWithThePassphrase") {
        val r = BackupRig(this)
        r.file.seed()
        val folder = Files.createDirectory(dir.resolve("backups")).toFile()
        val p = r.presenter()
        assertNull(p.state.value.folderName)
        joinJob(p.setPassphrase(PASSPHRASE))
        assertTrue(p.state.value.encrypted)
        joinJob(p.chooseFolder(PathBackupFolder(folder.path, "Backups")))
        val s = p.state.value
        assertNull(s.error, s.errorText)
        assertEquals("Backups", s.folderName)
        val name = assertNotNull(s.lastWrittenNow)
        assertTrue(name.endsWith(".zip.age"), name)
        val written = File(folder, name)
        assertEquals("age-encryption.org/v1", written.readBytes().copyOfRange(0, 21).decodeToString())
        assertEquals(name, s.status?.lastFile)
        assertTrue(s.statusText!!.startsWith("The last backup was written on "), s.statusText)
        assertTrue(s.statusText!!.contains(name))
        val fresh = openJournal(dir.resolve("new-phone.db"))
        assertTrue(fresh.entries().isEmpty())
        fresh.importBackupFileWithPassphrase(written.path, PASSPHRASE)
        assertEquals(r.file.entries(), fresh.entries())
    }

    test("statusShowsTheCoresSentenceWhenTheFolderIsGone") {
        val r = BackupRig(this)
        r.file.seed()
        val folder = Files.createDirectory(dir.resolve("backups")).toFile()
        val p = r.presenter(PathBackupFolder(folder.path, "Backups"))
        joinJob(p.backUpNow())
        assertNull(p.state.value.error)
        assertTrue(folder.deleteRecursively())
        joinJob(p.backUpNow())
        val s = p.state.value
        assertIs<JournalException.BackupFailed>(s.error)
        val failure = assertNotNull(s.status?.failure)
        assertTrue(failure.contains("is gone"), failure)
        assertTrue(s.statusText!!.contains("failed: $failure"), s.statusText)
        assertTrue(s.statusText!!.contains("The last backup was written on"), "the earlier backup is still named: ${s.statusText}")
        assertEquals(r.file.autoBackupStatus().sentence, s.statusText, "the core's own sentence, as it is")
        assertFalse(s.busy)
    }

    test("statusShowsTheCoresSentenceWhenTheFolderIsNotWritable") {
        val r = BackupRig(this)
        r.file.seed()
        // root writes through file modes; /sys refuses even root (EACCES).
        val readOnly = if (System.getProperty("user.name") == "root") {
            File("/sys")
        } else {
            Files.createDirectory(dir.resolve("read-only")).toFile().also { it.setWritable(false, false) }
        }
        val p = r.presenter(PathBackupFolder(readOnly.path))
        joinJob(p.backUpNow())
        val s = p.state.value
        assertIs<JournalException.BackupFailed>(s.error)
        val failure = assertNotNull(s.status?.failure)
        assertTrue(failure.contains("permission denied"), failure)
        assertTrue(s.statusText!!.contains("No backup has been written yet"), s.statusText)
        assertTrue(s.errorText!!.isNotBlank())
    }

    test("goingToTheBackgroundTwiceWithinTenMinutesWritesOnce") {
        val r = BackupRig(this)
        val folder = RecordingFolder(Files.createDirectory(dir.resolve("backups")).toString())
        val p = r.presenter(folder)
        p.start()
        runBlocking { withTimeout(20_000) { p.state.first { it.status != null } } }
        joinJob(p.backUpNow())
        assertEquals(1, folder.outcomes.count { it.written != null })
        // A change: the core's CHANGED debounce writes none within 10 minutes of the last one.
        runBlocking { r.store.quickLog(5) }
        await("the change asked for a backup") { folder.outcomes.size == 2 }
        assertNull(folder.outcomes[1].written, "debounced")
        // Background: always written, as there is a change since the last backup ...
        joinJob(p.wentToBackground())
        assertEquals(3, folder.outcomes.size)
        assertNotNull(folder.outcomes[2].written)
        // ... and again a minute later with nothing new: nothing written, the core not even asked.
        joinJob(p.wentToBackground())
        assertEquals(3, folder.outcomes.size)
        assertEquals(2, folder.outcomes.count { it.written != null })
        // A further change, then background: written again (the core's "always on background").
        runBlocking { r.store.endEpisode() }
        await("the change asked for a backup") { folder.outcomes.size == 4 }
        joinJob(p.wentToBackground())
        assertEquals(3, folder.outcomes.count { it.written != null })
        assertNull(p.state.value.error, p.state.value.errorText)
    }

    test("restoreWithAWrongPassphraseSaysWhyAndLeavesTheJournalUnchanged") {
        val source = openJournal(dir.resolve("old-phone.db"))
        source.seed()
        val file = dir.resolve("backup.zip.age").toFile()
        file.writeBytes(source.backupEncrypted(PASSPHRASE))
        val r = BackupRig(this)
        r.file.addExposure(exposureData("2025-03-20T20:00:00+01:00"))
        val before = r.file.entries()
        val p = r.presenter()
        joinJob(p.restore(file.path, "not the passphrase"))
        assertIs<JournalException.WrongPassphrase>(p.state.value.error)
        assertTrue(p.state.value.errorText!!.isNotBlank())
        assertNull(p.state.value.restored)
        assertEquals(before, r.file.entries())
        // No passphrase typed and none kept: the core says one is needed.
        joinJob(p.restore(file.path))
        assertIs<JournalException.PassphraseNeeded>(p.state.value.error)
        assertEquals(before, r.file.entries())
        joinJob(p.restore(file.path, PASSPHRASE))
        assertNull(p.state.value.error, p.state.value.errorText)
        assertEquals(source.entries().size, assertNotNull(p.state.value.restored).added.toInt())
        assertEquals(source.entries().size + before.size, r.file.entries().size)
        assertEquals(before.size + source.entries().size, r.store.history.value.items.size, "the store's flows were refreshed")
    }

    test("tooShortAPassphraseIsRefusedByTheCoreAndTheOneKeptStays") {
        val r = BackupRig(this)
        val folder = Files.createDirectory(dir.resolve("backups")).toFile()
        val p = r.presenter(PathBackupFolder(folder.path))
        joinJob(p.setPassphrase(PASSPHRASE))
        joinJob(p.setPassphrase("short"))
        assertIs<JournalException.InvalidInput>(p.state.value.error)
        assertEquals(PASSPHRASE, r.secrets.value)
        assertTrue(p.state.value.encrypted)
        joinJob(p.clearPassphrase())
        assertNull(r.secrets.value)
        assertFalse(p.state.value.encrypted)
        joinJob(p.backUpNow())
        assertTrue(assertNotNull(p.state.value.lastWrittenNow).endsWith(".zip") , "plain once cleared")
    }

    test("thePassphraseIsOnlyInTheSecretStoreNeverInTheJournalFile") {
        val r = BackupRig(this)
        r.file.seed()
        val folder = Files.createDirectory(dir.resolve("backups")).toFile()
        val p = r.presenter(PathBackupFolder(folder.path))
        p.start()
        joinJob(p.setPassphrase(PASSPHRASE))
        runBlocking { r.store.quickLog(6) }
        joinJob(p.wentToBackground())
        joinJob(p.backUpNow())
        assertNull(p.state.value.error, p.state.value.errorText)
        assertEquals(PASSPHRASE, r.secrets.value)
        r.file.close()
        r.store.close()
        val needles = listOf(PASSPHRASE.toByteArray(Charsets.UTF_8), PASSPHRASE.toByteArray(Charsets.UTF_16LE))
        val files = dir.toFile().walkTopDown().filter { it.isFile }.toList()
        assertTrue(files.any { it.name == "journal.db" } && files.any { it.name.endsWith(".zip.age") }, "$files")
        for (file in files) {
            val bytes = file.readBytes()
            for (needle in needles) {
                assertFalse(bytes.contains(needle), "the passphrase is in ${file.name}")
            }
        }
    }

    // ---- the Storage Access Framework mirror ----

    test("mirrorCopiesOurBackupsAndRemovesOnlyWhatTheRetentionRemoved") {
        val r = BackupRig(this)
        r.file.seed()
        val staging = File(dir.toFile(), "staging").also { it.mkdirs() }
        val tree = FakeTree()
        // In the tree already: the person's file and another device's backup with our naming.
        tree.files["notes.txt"] = "mine".toByteArray()
        val foreign = "rlsjournal-auto-20240101T080000Z.zip"
        tree.files[foreign] = "another phone".toByteArray()
        val ours = oldBackupNames(r.file.deviceId())
        for (name in ours) File(staging, name).writeText("backup of $name")
        val folder = MirroredBackupFolder(tree, staging)
        val first = folder.mirror.push()
        assertEquals(ours, first.copied)
        assertEquals(emptyList(), first.deleted)
        assertEquals(ours.toSet() + setOf("notes.txt", foreign), tree.files.keys)
        // The core writes today's backup into staging and prunes its old ones there.
        val p = r.presenter(folder)
        joinJob(p.backUpNow())
        assertNull(p.state.value.error, p.state.value.errorText)
        val written = assertNotNull(p.state.value.lastWrittenNow)
        val stagedNow = staging.list()!!.filter { !it.startsWith(".") }.toSet()
        assertTrue(stagedNow.size < ours.size + 1, "the retention removed some: $stagedNow")
        assertEquals(stagedNow + setOf("notes.txt", foreign), tree.files.keys, "the tree holds what staging holds, and the others' files")
        assertTrue(written in tree.files.keys)
        assertTrue(File(staging, written).readBytes().contentEquals(tree.files.getValue(written)))
        assertEquals("mine", tree.files.getValue("notes.txt").decodeToString())
        // Pushing again changes nothing.
        assertEquals(emptyList(), folder.mirror.push().copied)
        assertEquals(emptyList(), folder.mirror.push().deleted)
    }

    test("mirrorNeverReplacesAFileItDidNotWriteAndForgetsAnotherFolder") {
        val staging = File(dir.toFile(), "staging").also { it.mkdirs() }
        val name = "rlsjournal-auto-20250301T080000Z.zip"
        File(staging, name).writeText("ours")
        val tree = FakeTree()
        tree.files[name] = "theirs, same name".toByteArray()
        val ledger = File(dir.toFile(), "ledger")
        assertEquals(emptyList(), FolderMirror(staging, ledger, tree).push().copied)
        assertEquals("theirs, same name", tree.files.getValue(name).decodeToString())
        // A new folder: what was copied to the old one is not "ours" there.
        val old = FakeTree("content://tree/old")
        File(staging, "rlsjournal-auto-20250302T080000Z.zip").writeText("second")
        FolderMirror(staging, ledger, old).push()
        val next = FakeTree("content://tree/new")
        next.files["rlsjournal-auto-20250302T080000Z.zip"] = "someone else's".toByteArray()
        File(staging, "rlsjournal-auto-20250302T080000Z.zip").delete()
        val result = FolderMirror(staging, ledger, next).push()
        assertEquals(emptyList(), result.deleted)
        assertEquals("someone else's", next.files.getValue("rlsjournal-auto-20250302T080000Z.zip").decodeToString())
        // A copy cut short leaves a partial name in the ledger; the next push removes it.
        val cut = FakeTree("content://tree/cut")
        val cutLedger = File(dir.toFile(), "cut-ledger")
        cutLedger.writeText("${FolderMirror.LEDGER_HEADER}${cut.id}\n.x${FolderMirror.PARTIAL_SUFFIX}\n")
        cut.files[".x${FolderMirror.PARTIAL_SUFFIX}"] = "half".toByteArray()
        cut.files[".y${FolderMirror.PARTIAL_SUFFIX}"] = "another device's half".toByteArray()
        FolderMirror(staging, cutLedger, cut).push()
        assertFalse(".x${FolderMirror.PARTIAL_SUFFIX}" in cut.files.keys)
        assertTrue(".y${FolderMirror.PARTIAL_SUFFIX}" in cut.files.keys)
    }

    test("anUnreachableTreeIsShownAndTheNextBackupCatchesUp") {
        val r = BackupRig(this)
        r.file.seed()
        val staging = File(dir.toFile(), "staging")
        val tree = FakeTree()
        val p = r.presenter(MirroredBackupFolder(tree, staging))
        tree.unreachable = true
        joinJob(p.backUpNow())
        val s = p.state.value
        assertIs<BackupFolderException>(s.error)
        assertTrue(assertNotNull(s.folderProblem).contains("choose it again"))
        val staged = assertNotNull(s.status?.lastFile)
        assertTrue(File(staging, staged).isFile, "the core's backup is kept in staging")
        tree.unreachable = false
        joinJob(p.backUpNow())
        assertNull(p.state.value.folderProblem)
        assertNull(p.state.value.error, p.state.value.errorText)
        assertEquals(staging.list()!!.filter { !it.startsWith(".") }.toSet(), tree.files.keys)
    }

    test("mirrorPullCopiesOtherDevicesFilesInWhole") {
        val staging = File(dir.toFile(), "staging").also { it.mkdirs() }
        File(staging, "rlsjournal-auto-20250301T080000Z.zip").writeText("ours")
        val tree = FakeTree()
        val mirror = FolderMirror(staging, File(dir.toFile(), "ledger"), tree)
        mirror.push()
        tree.files["device-b.rlsj"] = "b's changes".toByteArray()
        tree.files["notes.txt"] = "not for sync".toByteArray()
        val inbox = File(dir.toFile(), "inbox")
        val accept = { name: String -> name.endsWith(".rlsj") || name.startsWith("rlsjournal-auto-") }
        assertEquals(listOf("device-b.rlsj"), mirror.pull(inbox, accept))
        assertEquals("b's changes", File(inbox, "device-b.rlsj").readText())
        assertEquals(emptyList(), mirror.pull(inbox, accept), "a file already here at its size is not copied again")
        assertEquals(listOf("device-b.rlsj"), inbox.list()!!.toList())
    }

    test("syncNowCarriesOnePhonesEntriesToTheOtherThroughTheFolderBothWays") {
        val folder = Files.createDirectory(dir.resolve("shared")).toFile()
        val a = BackupRig(this)
        val bStore = closeAfter(runBlocking { JournalStore.open(dir.resolve("phone-b.db").toString()) })
        val bFile = openJournal(dir.resolve("phone-b.db"))
        a.file.seed()
        val pa = a.presenter(PathBackupFolder(folder.path, "Shared"))
        val pb = BackupPresenter({ bStore }, a.scope, FakeSecrets(), PathBackupFolder(folder.path, "Shared"))
        joinJob(pa.setSyncEnabled(true)!!)
        assertNull(pa.state.value.error, pa.state.value.errorText)
        assertTrue(pa.state.value.syncEnabled)
        joinJob(pb.setSyncEnabled(true)!!)
        assertNull(pb.state.value.error, pb.state.value.errorText)
        assertEquals(a.file.entries(), bFile.entries(), "B holds A's records after one sync")
        val sentence = assertNotNull(pb.state.value.syncText)
        assertTrue(sentence.isNotBlank() && pb.state.value.sync?.failure == null, sentence)
        // B's change travels back to A.
        bFile.noSymptomsLastNight()
        joinJob(pb.syncNow())
        joinJob(pa.syncNow())
        assertEquals(bFile.entries(), a.file.entries(), "A holds B's answer after both synced")
        val devices = folder.list()!!.filter { it.startsWith("rlsjournal-device-") }
        assertEquals(2, devices.size, devices.toString())
    }

    test("aSyncWithoutAFolderOrWithAGoneOneChangesNothingAndSaysWhy") {
        val r = BackupRig(this)
        r.file.seed()
        val before = r.file.entries()
        assertNull(r.presenter().setSyncEnabled(true), "no folder: nothing to sync")
        val folder = Files.createDirectory(dir.resolve("shared")).toFile()
        val p = r.presenter(PathBackupFolder(folder.path, "Shared"))
        joinJob(p.setSyncEnabled(true)!!)
        assertTrue(folder.deleteRecursively())
        joinJob(p.syncNow())
        val s = p.state.value
        assertIs<JournalException.SyncFailed>(s.error)
        assertNotNull(s.sync?.failure, "the core's status keeps the failure: ${s.syncText}")
        assertEquals(before, r.file.entries())
    }

    test("aNewPhoneRestoresFromTheFolderWithThePassphraseAndJoinsAsANewDevice") {
        val folder = Files.createDirectory(dir.resolve("shared")).toFile()
        val old = BackupRig(this)
        old.file.seed()
        old.secrets.value = PASSPHRASE
        val po = old.presenter(PathBackupFolder(folder.path, "Shared"))
        joinJob(po.setSyncEnabled(true)!!)
        assertNull(po.state.value.error, po.state.value.errorText)
        val ours = folder.list()!!.single { it.startsWith("rlsjournal-device-") }
        assertTrue(ours.endsWith(".json.age"), ours)
        // The new phone: an empty journal the app has opened, a wrong passphrase first.
        val newPath = dir.resolve("new-phone.db").toString()
        val newStore = closeAfter(runBlocking { JournalStore.open(newPath) })
        val wrong = BackupPresenter({ newStore }, old.scope, FakeSecrets("not the passphrase"), PathBackupFolder(folder.path, "Shared"))
        joinJob(wrong.restoreFromFolder(newPath))
        assertNotNull(wrong.state.value.error, "a wrong passphrase merges nothing and says so")
        val newFile = openJournal(dir.resolve("new-phone.db"))
        assertTrue(newFile.entries().isEmpty())
        val secrets = FakeSecrets(PASSPHRASE)
        val pn = BackupPresenter({ newStore }, old.scope, secrets, PathBackupFolder(folder.path, "Shared"))
        joinJob(pn.restoreFromFolder(newPath))
        assertNull(pn.state.value.error, pn.state.value.errorText)
        assertEquals(old.file.entries(), newFile.entries())
        assertTrue(pn.state.value.syncEnabled)
        val devices = folder.list()!!.filter { it.startsWith("rlsjournal-device-") }
        assertEquals(2, devices.size, "the new phone writes its own file: $devices")
        assertTrue(newFile.deviceId() != old.file.deviceId())
    }

    test("anAndroidFolderSyncPullsTheOthersFilesAndPushesOnlyOurOwn") {
        val a = BackupRig(this)
        a.file.seed()
        // Another phone's file, made by the core on a real second journal, sits in the tree.
        val other = openJournal(dir.resolve("other.db"))
        other.noSymptomsLastNight()
        val otherFolder = Files.createDirectory(dir.resolve("other-folder")).toFile()
        other.syncFolder(otherFolder.path, null)
        val tree = FakeTree()
        for (f in otherFolder.listFiles()!!) tree.files[f.name] = f.readBytes()
        tree.files["notes.txt"] = "the person's own file".toByteArray()
        val staging = File(dir.toFile(), "staging").also { it.mkdirs() }
        val p = a.presenter(MirroredBackupFolder(tree, staging))
        joinJob(p.setSyncEnabled(true)!!)
        assertNull(p.state.value.error, p.state.value.errorText)
        assertTrue(a.file.entries().containsAll(other.entries()), "the other phone's answer was merged")
        val ours = "rlsjournal-device-" + a.file.deviceId()
        val names = tree.files.keys.toSet()
        assertTrue(names.any { it.startsWith(ours) }, "our device file is in the tree: $names")
        assertEquals("the person's own file", tree.files.getValue("notes.txt").decodeToString())
        val others = otherFolder.list()!!.toSet()
        assertEquals(others + "notes.txt", names.filter { !it.startsWith(ours) }.toSet(), "nothing else was written into the tree")
    }

    test("anAndroidFolderSyncMergesAConflictCopyAndLeavesEveryFileNotTheSyncsAlone") {
        val a = BackupRig(this)
        a.file.seed()
        // Another phone's file, and a third device's only version, a Syncthing conflict copy.
        val treeFiles = sortedMapOf<String, ByteArray>()
        val other = openJournal(dir.resolve("other.db"))
        other.noSymptomsLastNight()
        val otherFolder = Files.createDirectory(dir.resolve("other-folder")).toFile()
        other.syncFolder(otherFolder.path, null)
        for (f in otherFolder.listFiles()!!) treeFiles[f.name] = f.readBytes()
        val third = openJournal(dir.resolve("third.db"))
        third.quickLog(6, null, null)
        val thirdFolder = Files.createDirectory(dir.resolve("third-folder")).toFile()
        third.syncFolder(thirdFolder.path, null)
        val thirdFile = thirdFolder.list()!!.single()
        val conflict = thirdFile.removeSuffix(".json") + ".sync-conflict-20261202-120000-ABCDEFG.json"
        treeFiles[conflict] = File(thirdFolder, thirdFile).readBytes()
        // Files that are not the sync's: the person's, a placeholder, a sync tool's temporary
        // file, a name that only looks like a device file, another app's backup.
        val notTheSyncs = listOf(
            "notes.txt",
            ".${otherFolder.list()!!.single()}.icloud",
            ".syncthing.$thirdFile.tmp",
            "rlsjournal-device-not-a-device.json",
            "rlsjournal-auto-20250101T080000Z.zip",
        )
        for (name in notTheSyncs) treeFiles[name] = "not for the sync: $name".toByteArray()
        val tree = FakeTree()
        tree.files.putAll(treeFiles)
        val staging = File(dir.toFile(), "staging").also { it.mkdirs() }
        val p = a.presenter(MirroredBackupFolder(tree, staging))
        joinJob(p.setSyncEnabled(true)!!)
        assertNull(p.state.value.error, p.state.value.errorText)
        val merged = assertNotNull(p.state.value.sync).merged
        assertTrue(conflict in merged, "the conflict copy was pulled and merged: $merged")
        val entries = a.file.entries()
        assertTrue(entries.containsAll(third.entries()), "the third device's episode arrived through its conflict copy")
        assertTrue(entries.containsAll(other.entries()), "the other phone's answer was merged")
        // Nothing that is not the sync's was pulled into the staging folder.
        val pulled = File(dir.toFile(), "staging.sync").list()!!.filter { !it.startsWith(".") }.toSet()
        assertTrue(pulled.none { it in notTheSyncs }, "pulled: $pulled")
        // The tree: every file as it was, and one new file, ours.
        val ours = assertNotNull(p.state.value.sync?.lastWrittenFile)
        assertEquals(treeFiles.keys + ours, tree.files.keys)
        for ((name, bytes) in treeFiles) assertTrue(bytes.contentEquals(tree.files.getValue(name)), "$name unchanged")
        assertEquals("rlsjournal-device-${a.file.deviceId()}", ours.substringBefore(".json"))
    }

    test("restoreWithNoFolderShowsTheCoresSentenceAndChangesNothing") {
        val r = BackupRig(this)
        r.file.seed()
        val before = r.file.entries()
        val p = r.presenter()
        // Into a new journal and into the one open: no folder chosen, nothing made or changed.
        val newPath = dir.resolve("new-phone.db")
        for (target in listOf(newPath.toString(), dbPath.toString())) {
            joinJob(p.restoreFromFolder(target))
            val s = p.state.value
            val error = assertIs<JournalException.InvalidInput>(s.error)
            assertEquals(errorMessage(error), s.errorText, "the core's sentence, as it is")
            assertTrue(
                assertNotNull(s.errorText).contains("choose the folder your other phone syncs with first"),
                s.errorText,
            )
            assertFalse(s.syncEnabled)
            assertFalse(s.busy)
        }
        assertFalse(Files.exists(newPath), "no journal was created")
        assertEquals(before, r.file.entries())
    }

    test("aMirroredBackupPushesOnlyTheCoresBackups") {
        val r = BackupRig(this)
        r.file.seed()
        val staging = File(dir.toFile(), "staging").also { it.mkdirs() }
        // Files in the staging folder that are not automatic backups (left by an older version,
        // or a pulled sync file): never copied out.
        val strays = listOf("leftover.json", "rlsjournal-auto-20250101T080000Z.zip.bak")
        for (name in strays) File(staging, name).writeText("not a backup")
        val tree = FakeTree()
        val p = r.presenter(MirroredBackupFolder(tree, staging))
        joinJob(p.backUpNow())
        assertNull(p.state.value.error, p.state.value.errorText)
        val written = assertNotNull(p.state.value.lastWrittenNow)
        assertEquals(setOf(written), tree.files.keys)
        assertTrue(File(staging, written).readBytes().contentEquals(tree.files.getValue(written)))
    }
}

private fun ByteArray.contains(needle: ByteArray): Boolean {
    if (needle.isEmpty() || needle.size > size) return needle.isEmpty()
    outer@ for (i in 0..size - needle.size) {
        for (j in needle.indices) if (this[i + j] != needle[j]) continue@outer
        return true
    }
    return false
}
