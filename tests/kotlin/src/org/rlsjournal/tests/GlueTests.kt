package org.rlsjournal.tests

import java.io.ByteArrayInputStream
import java.io.File
import java.io.FileNotFoundException
import java.nio.file.Files
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.util.Locale
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertSame
import kotlin.test.assertTrue
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.errorMessage
import org.rlsjournal.core.formRules
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.presenters.CacheExportSink
import org.rlsjournal.presenters.DateInputs
import org.rlsjournal.presenters.NOTIFICATION_PERMISSION_SDK
import org.rlsjournal.presenters.NotificationPermissionRules
import org.rlsjournal.presenters.NotificationStatus
import org.rlsjournal.presenters.REPORT_FILE_NAME
import org.rlsjournal.presenters.ReminderIds
import org.rlsjournal.presenters.ReminderKind
import org.rlsjournal.presenters.Routes
import org.rlsjournal.presenters.SharePresenter
import org.rlsjournal.presenters.Startup
import org.rlsjournal.presenters.isNightThemeHour
import org.rlsjournal.presenters.quickLogIntensities
import org.rlsjournal.presenters.startupOf
import org.rlsjournal.presenters.withTemporaryCopy

// What used to be decided inside the Android glue (android/app), now plain Kotlin in
// android/presenters: the export folder, routes, reminder ids, the notification permission's
// moments, the start-up screen, the date inputs, the night theme's hours, the picked file's copy.
// Real files in the test's temporary directory; the real core where a journal is involved.

private const val DAY_MS = 24L * 60 * 60 * 1000

/** A clock the test sets by hand (milliseconds since the epoch). */
private class MillisClock(var now: Long) {
    val read: () -> Long = { now }
}

/** Every file under [root], as paths relative to it (links listed, not followed). */
private fun filesUnder(root: File): Set<String> =
    root.walkTopDown().onEnter { !Files.isSymbolicLink(it.toPath()) || it == root }
        .filter { it != root }.map { it.relativeTo(root).path }.toSet()

private class NamedFarBeyondSixtyCharactersSoTheStartupScreenMustCutItShortError : Error("long")

/** The glue's decisions, moved to android/presenters and run here. */
fun glueTests() = suite("glue") {
    // ---- the export folder (was share/ShareViewModel.kt) ----

    test("exportSinkNeverReplacesAnEarlierExportEvenInTheSameMillisecond") {
        val cache = dir.resolve("cache").toFile()
        val clock = MillisClock(1_750_000_000_000)
        val sink = CacheExportSink(cache, clock.read)
        val first = runBlocking { sink.write(REPORT_FILE_NAME, "application/pdf", "first".toByteArray()) }
        val second = runBlocking { sink.write(REPORT_FILE_NAME, "application/pdf", "second".toByteArray()) }
        assertNotEquals(first.path, second.path, "each export has a file of its own")
        assertEquals("first", File(first.path).readText(), "the earlier file is untouched")
        assertEquals("second", File(second.path).readText())
        assertEquals("application/pdf", second.mimeType)
        val exports = File(cache, CacheExportSink.EXPORT_DIR).canonicalFile
        for (written in listOf(first, second)) {
            val file = File(written.path).canonicalFile
            assertEquals(REPORT_FILE_NAME, file.name)
            assertEquals(exports, file.parentFile.parentFile, "in a folder of its own under exports/ (the FileProvider's path)")
        }
    }

    test("exportSinkRemovesFoldersOlderThanADayByItsClock") {
        val cache = dir.resolve("cache").toFile()
        val t0 = 1_750_000_000_000
        val clock = MillisClock(t0)
        val sink = CacheExportSink(cache, clock.read)
        val old = File(runBlocking { sink.write("a.zip", "application/zip", byteArrayOf(1)) }.path)
        clock.now = t0 + 23 * 60 * 60 * 1000L
        val recent = File(runBlocking { sink.write("b.zip", "application/zip", byteArrayOf(2)) }.path)
        assertTrue(old.exists(), "23 hours later the first export is still kept for a slow share target")
        clock.now = t0 + DAY_MS + 1
        val newest = File(runBlocking { sink.write("c.zip", "application/zip", byteArrayOf(3)) }.path)
        assertFalse(old.parentFile.exists(), "a day later the first export's folder is gone")
        assertTrue(recent.exists(), "the export made 23 hours in stays")
        assertTrue(newest.exists())
        assertEquals(2, File(cache, CacheExportSink.EXPORT_DIR).listFiles()!!.size)
    }

    test("exportSinkTouchesNothingOutsideExportsAndFollowsNoLink") {
        val cache = dir.resolve("cache").toFile().apply { mkdirs() }
        val journalSide = File(cache, "journal.db-wal").apply { writeText("keep") }
        journalSide.setLastModified(0)
        val otherFolder = File(cache, "images").apply { mkdirs() }
        File(otherFolder, "x.png").writeText("keep")
        otherFolder.setLastModified(0)
        val outside = dir.resolve("outside").toFile().apply { mkdirs() }
        File(outside, "precious.txt").writeText("keep")
        val exports = File(cache, CacheExportSink.EXPORT_DIR).apply { mkdirs() }
        Files.createSymbolicLink(File(exports, "link").toPath(), outside.toPath())
        fun outsideExports() = filesUnder(cache).filterNot { it == "exports" || it.startsWith("exports/") }.toSet()
        val before = outsideExports()
        assertEquals(setOf("journal.db-wal", "images", "images/x.png"), before)
        // Two days on the clock: everything already in exports/ is old.
        val sink = CacheExportSink(cache, { System.currentTimeMillis() + 2 * DAY_MS })
        val written = File(runBlocking { sink.write("t.zip", "application/zip", byteArrayOf(9)) }.path)
        assertFalse(Files.exists(File(exports, "link").toPath(), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the old link itself is removed")
        assertEquals("keep", File(outside, "precious.txt").readText(), "what the link pointed at is untouched")
        assertEquals(before, outsideExports(), "nothing outside exports/ changed")
        assertEquals("keep", journalSide.readText())
        assertTrue(written.exists())
    }

    test("exportSinkRefusesAPathForAFileName") {
        val cache = dir.resolve("cache").toFile()
        val sink = CacheExportSink(cache)
        for (name in listOf("../escape.zip", "sub/name.zip", "..", "", "/tmp/abs.zip")) {
            assertFailsWith<IllegalArgumentException>(name) { runBlocking { sink.write(name, "application/zip", byteArrayOf(1)) } }
        }
        assertFalse(dir.resolve("escape.zip").toFile().exists())
        assertFalse(File(cache, "escape.zip").exists())
    }

    test("exportSinkUnderTheSharePresenterKeepsEveryReportOfTheRealCore") {
        val store = closeAfter(runBlocking { JournalStore.open(dbPath.toString()) })
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default).also { s -> closeAfter(AutoCloseable { s.cancel() }) }
        openJournal().seed()
        val p = SharePresenter({ store }, scope, CacheExportSink(dir.resolve("cache").toFile()))
        runBlocking { p.shareReport().join() }
        val first = assertNotNull(p.state.value.ready)
        p.shared()
        runBlocking { p.shareCsv().join() }
        val second = assertNotNull(p.state.value.ready)
        assertNull(p.state.value.error)
        assertEquals("%PDF", String(File(first.path).readBytes().copyOfRange(0, 4)), "the first export is still whole")
        assertEquals("PK", String(File(second.path).readBytes().copyOfRange(0, 2)))
    }

    // ---- restore from a picked file (was ShareViewModel.restore / BackupViewModel.restore) ----

    test("shareRestoreShowsAPickedFileThatCannotBeReadAndChangesNothing") {
        val store = closeAfter(runBlocking { JournalStore.open(dbPath.toString()) })
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default).also { s -> closeAfter(AutoCloseable { s.cancel() }) }
        val file = openJournal()
        file.addExposure(exposureData("2025-03-20T20:00:00+01:00"))
        val before = file.allItems()
        assertEquals(1, before.size)
        val p = SharePresenter({ store }, scope, CacheExportSink(dir.resolve("cache").toFile()))
        runBlocking { p.restore { throw FileNotFoundException("the picked document is gone") }.join() }
        assertIs<FileNotFoundException>(p.state.value.error, "shown, not a crash")
        assertEquals("the picked document is gone", p.state.value.errorText)
        assertFalse(p.state.value.busy)
        assertEquals(before, file.allItems())
        val source = openJournal(dir.resolve("other.db"))
        source.seed()
        val bytes = source.backupZip()
        runBlocking { p.restore { bytes }.join() }
        assertNull(p.state.value.error)
        assertEquals(source.allItems().map { it.id }.toSet() + before.map { it.id }, file.allItems().map { it.id }.toSet())
    }

    test("temporaryCopyHandsOverTheBytesAndLeavesNothingBehind") {
        val cache = dir.resolve("cache").toFile()
        var seen: ByteArray? = null
        var seenPath: String? = null
        val failure = runBlocking {
            withTemporaryCopy(cache, { ByteArrayInputStream("backup bytes".toByteArray()) }) { path ->
                seenPath = path
                seen = File(path).readBytes()
            }
        }
        assertNull(failure)
        assertEquals("backup bytes", String(assertNotNull(seen)))
        assertEquals(cache.canonicalFile, File(assertNotNull(seenPath)).canonicalFile.parentFile)
        assertEquals(emptyList(), cache.list()!!.toList(), "the copy is deleted")
    }

    test("temporaryCopyReturnsWhyAFileCouldNotBeReadAndNeverCallsOn") {
        val cache = dir.resolve("cache").toFile()
        var called = false
        val gone = runBlocking { withTemporaryCopy(cache, { null }) { called = true } }
        assertIs<FileNotFoundException>(gone)
        val denied = runBlocking { withTemporaryCopy(cache, { throw SecurityException("permission withdrawn") }) { called = true } }
        assertIs<SecurityException>(denied)
        assertFalse(called, "nothing to restore from")
        assertEquals(emptyList(), cache.list()!!.toList(), "no half copy left")
        assertFailsWith<IllegalStateException> {
            runBlocking { withTemporaryCopy(cache, { ByteArrayInputStream(byteArrayOf(1)) }) { error("restore failed") } }
        }
        assertEquals(emptyList(), cache.list()!!.toList(), "deleted when the restore throws too")
        val copies = mutableListOf<String>()
        runBlocking {
            withTemporaryCopy(cache, { ByteArrayInputStream(byteArrayOf(1)) }) { outer ->
                withTemporaryCopy(cache, { ByteArrayInputStream(byteArrayOf(2)) }) { inner -> copies += listOf(outer, inner) }
            }
        }
        assertEquals(2, copies.toSet().size, "two restores at once never share a copy")
    }

    // ---- routes (was Navigation.kt, MainActivity.kt, Reminders.kt) ----

    test("routesEditADiaryOnTheCheckInAndEverythingElseOnAdd") {
        assertEquals("checkin/d1", Routes.edit(EntryKind.SLEEP_DIARY, "d1"))
        for (kind in EntryKind.values().filter { it != EntryKind.SLEEP_DIARY }) {
            val route = Routes.edit(kind, "id-1")
            val parts = route.split('/')
            assertEquals(listOf(Routes.ADD, kind.name, "id-1"), parts, route)
            assertEquals(kind, Routes.kindOf(parts[1]), "the edit route's kind reads back")
        }
        assertNull(Routes.kindOf("NOT_A_KIND"))
        assertNull(Routes.kindOf(null))
        assertNull(Routes.kindOf("episode"), "names are exact")
        assertEquals("add/{kind}/{id}", Routes.EDIT_ENTRY)
        assertEquals("checkin/{id}", Routes.EDIT_DIARY)
    }

    test("routesReadANightAndFallBackToTodayOnAnythingElse") {
        val today = LocalDate.of(2025, 3, 27)
        val night = LocalDate.of(2025, 3, 30)
        assertEquals("night/2025-03-30", Routes.night(night))
        assertEquals(night, Routes.nightOf(Routes.night(night).removePrefix("night/"), today))
        for (bad in listOf(null, "", "2025-13-01", "30/03/2025", "2025-02-29", "tomorrow")) {
            assertEquals(today, Routes.nightOf(bad, today), "'$bad'")
        }
    }

    test("routesFollowOnlyATabFromAnIntent") {
        for (tab in Routes.tabs) assertEquals(tab, Routes.requestedTab(tab))
        for (other in listOf(null, "", "night/2025-03-30", "add/EPISODE/x", "settings", "TONIGHT")) {
            assertNull(Routes.requestedTab(other), "'$other' is not opened from outside")
        }
        assertEquals(Routes.TONIGHT, Routes.forReminder(ReminderKind.EVENING))
        assertEquals(Routes.CHECK_IN, Routes.forReminder(ReminderKind.MORNING))
        assertEquals(5, Routes.tabs.toSet().size)
    }

    // ---- reminder ids (was reminders/Reminders.kt, ReminderReceiver.kt, QuickLogReceiver.kt) ----

    test("reminderIdsReadBackAndNeverCollide") {
        for (kind in ReminderKind.values()) assertEquals(kind, ReminderIds.kindOf(ReminderIds.extra(kind)))
        assertNull(ReminderIds.kindOf(null))
        assertNull(ReminderIds.kindOf("noon"), "an unknown extra shows nothing (it used to be a morning reminder)")
        val notifications = ReminderKind.values().map(ReminderIds::notificationId) + ReminderIds.NOTIFICATION_LOGGED
        assertEquals(notifications.size, notifications.toSet().size)
        val codes = notifications + quickLogIntensities.map(ReminderIds::quickLogRequestCode)
        assertEquals(codes.size, codes.toSet().size, "every pending intent has its own request code")
        for (i in quickLogIntensities) assertEquals(i, ReminderIds.quickLogIntensityOf(i))
        for (i in listOf(0, -1, 11, 4)) assertNull(ReminderIds.quickLogIntensityOf(i), "$i is not offered")
    }

    // ---- the notification permission (was reminders/NotificationPermission.kt) ----

    test("notificationPermissionIsAskedOnlyWhenItCanBeAndOnceAfterALog") {
        val api33 = NOTIFICATION_PERMISSION_SDK
        val api32 = NOTIFICATION_PERMISSION_SDK - 1
        assertTrue(NotificationPermissionRules.askAfterLog(logged = true, sdk = api33, allowed = false, askedBefore = false))
        assertFalse(NotificationPermissionRules.askAfterLog(logged = false, sdk = api33, allowed = false, askedBefore = false), "nothing logged yet")
        assertFalse(NotificationPermissionRules.askAfterLog(logged = true, sdk = api33, allowed = false, askedBefore = true), "once only")
        assertFalse(NotificationPermissionRules.askAfterLog(logged = true, sdk = api33, allowed = true, askedBefore = false), "already allowed")
        assertFalse(NotificationPermissionRules.askAfterLog(logged = true, sdk = api32, allowed = false, askedBefore = false), "no permission before 13")
        assertTrue(NotificationPermissionRules.canAsk(api33, allowed = false))
        assertFalse(NotificationPermissionRules.canAsk(api33, allowed = true))
        assertFalse(NotificationPermissionRules.canAsk(api32, allowed = false))
        assertEquals(NotificationStatus.ALLOWED, NotificationPermissionRules.status(api32, allowed = true))
        assertEquals(NotificationStatus.ALLOWED, NotificationPermissionRules.status(api33, allowed = true))
        assertEquals(NotificationStatus.ASK, NotificationPermissionRules.status(api33, allowed = false))
        assertEquals(NotificationStatus.SETTINGS_ONLY, NotificationPermissionRules.status(api32, allowed = false))
    }

    // ---- the start-up screen (was StartupGate.kt) ----

    test("startupIsReadyOnAJournalTheCoreOpens") {
        val opened = runBlocking { startupOf { closeAfter(JournalStore.open(dbPath.toString())) } }
        val ready = assertIs<Startup.Ready>(opened)
        val settings = runBlocking { ready.store.read { journal -> journal.settings() } }
        assertEquals(openJournal().settings(), settings, "the store reads the file the core opened")
        assertTrue(dbPath.toFile().exists(), "the journal file was created")
    }

    test("startupShowsTheCoresReasonForAJournalItCannotOpen") {
        val notAJournal = dir.resolve("notes.db").toFile().apply { writeText("these are not SQLite pages ".repeat(200)) }
        val direct = assertFailsWith<JournalException> { runBlocking { JournalStore.open(notAJournal.path) } }
        val shown = runBlocking { startupOf { JournalStore.open(notAJournal.path) } }
        assertEquals(Startup.JournalFailed(errorMessage(direct)), shown)
        assertEquals("these are not SQLite pages ".repeat(200), notAJournal.readText(), "the file is left alone")
    }

    test("startupNamesAnEngineFailureShortlyAndPassesCancellationOn") {
        assertEquals(Startup.EngineFailed("UnsatisfiedLinkError"), runBlocking { startupOf { throw UnsatisfiedLinkError("no librlsjournal_core.so") } })
        val long = assertIs<Startup.EngineFailed>(runBlocking { startupOf { throw NamedFarBeyondSixtyCharactersSoTheStartupScreenMustCutItShortError() } })
        assertEquals(Startup.ENGINE_NAME_MAX, long.name.length)
        assertTrue(NamedFarBeyondSixtyCharactersSoTheStartupScreenMustCutItShortError::class.java.simpleName.startsWith(long.name))
        val cancel = CancellationException("screen left")
        val thrown = assertFailsWith<CancellationException> { runBlocking { startupOf { throw cancel } } }
        assertSame(cancel, thrown)
    }

    // ---- date inputs (was ui/DateFields.kt) ----

    test("dateInputsCountThePickersMonthsFromZero") {
        for (date in listOf(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2025, 12, 31))) {
            assertEquals(date, DateInputs.fromPicker(date.year, DateInputs.pickerMonth(date), date.dayOfMonth))
        }
        assertEquals(0, DateInputs.pickerMonth(LocalDate.of(2025, 1, 15)))
        assertEquals(11, DateInputs.pickerMonth(LocalDate.of(2025, 12, 15)))
        assertEquals(LocalDate.of(2025, 3, 30), DateInputs.fromPicker(2025, 2, 30))
        val at = LocalDateTime.of(2025, 3, 29, 23, 45)
        assertEquals(LocalDateTime.of(2025, 3, 30, 23, 45), DateInputs.withDate(at, LocalDate.of(2025, 3, 30)), "the time stays")
        assertEquals(LocalDateTime.of(2025, 3, 29, 2, 30), DateInputs.withTime(at, LocalTime.of(2, 30)), "the date stays")
    }

    test("dateInputsShowTheLocalesFormats") {
        val date = LocalDate.of(2025, 3, 27)
        assertEquals("27 Mar 2025", DateInputs.formatDate(date, Locale.UK))
        assertEquals("Mar 27, 2025", DateInputs.formatDate(date, Locale.US))
        assertEquals("13:05", DateInputs.formatTime(LocalTime.of(13, 5), Locale.UK))
        val us = DateInputs.formatTime(LocalTime.of(13, 5), Locale.US)
        assertTrue(us.startsWith("1:05") && us.endsWith("PM"), us)
    }

    // ---- the night theme (was ui/Rules.kt, used by ui/Theme.kt) ----

    test("nightThemeHoursComeFromTheCoreAndCrossMidnight") {
        val rules = formRules()
        assertTrue(rules.nightThemeFromHour > rules.nightThemeUntilHour, "the core's night spans midnight")
        val night = (0 until 24).filter { isNightThemeHour(it, rules) }
        val expected = (rules.nightThemeFromHour until 24) + (0 until rules.nightThemeUntilHour)
        assertEquals(expected.sorted(), night)
        assertTrue(isNightThemeHour(0))
        assertFalse(isNightThemeHour(12))
    }
}
