package org.rlsjournal.tests

import java.io.File
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime
import java.time.LocalDateTime
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.rlsjournal.core.DoseChange
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.FormField
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.Prompt
import org.rlsjournal.core.PromptKind
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.SafetyItem
import org.rlsjournal.core.Side
import org.rlsjournal.core.VisitData
import org.rlsjournal.core.safetyCheckItems
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.journal.toMoment
import org.rlsjournal.presenters.AddPresenter
import org.rlsjournal.presenters.AppClock
import org.rlsjournal.presenters.CheckInPresenter
import org.rlsjournal.core.errorMessage
import org.rlsjournal.core.formRules
import org.rlsjournal.presenters.ExportSink
import org.rlsjournal.presenters.ExportedFile
import org.rlsjournal.presenters.HistoryPresenter
import org.rlsjournal.presenters.NightPresenter
import org.rlsjournal.presenters.Notice
import org.rlsjournal.presenters.QuickLogAction
import org.rlsjournal.presenters.ReminderKind
import org.rlsjournal.presenters.ReminderNotifier
import org.rlsjournal.presenters.ReminderPlanner
import org.rlsjournal.presenters.ReminderScheduler
import org.rlsjournal.presenters.RemindersPresenter
import org.rlsjournal.presenters.SharePresenter
import org.rlsjournal.presenters.SummaryBlock
import org.rlsjournal.presenters.stepAwakenings
import org.rlsjournal.presenters.stepMinutes
import org.rlsjournal.presenters.summaryBlocks
import org.rlsjournal.core.NightRange
import org.rlsjournal.presenters.SummaryPresenter
import org.rlsjournal.core.SummaryPart
import org.rlsjournal.presenters.TonightPresenter

// The apps' presenters (android/presenters), driven as a screen would, through the real core on
// the test's journal file. Each test reads back what the presenter shows AND what the file holds
// (through a second handle), never a mock of the core. Times: Europe/Berlin, March 2025 (summer
// time starts Sunday 30 March at 02:00 -> 03:00).

private val BERLIN: ZoneId = ZoneId.of("Europe/Berlin")

/** A clock the test moves by hand, in a zone with daylight saving time. */
private class FakeClock(var now: ZonedDateTime) : AppClock {
    override fun now(): ZonedDateTime = now
    fun advanceMinutes(minutes: Long) {
        now = now.plusMinutes(minutes)
    }
}

/** Records what a presenter armed, cancelled and showed. */
private class FakeReminders : ReminderScheduler, ReminderNotifier {
    val armed = mutableMapOf<ReminderKind, ZonedDateTime>()
    val cancelled = mutableListOf<ReminderKind>()
    val shown = mutableListOf<Pair<ReminderKind, Prompt>>()
    val logged = mutableListOf<Pair<String?, Throwable?>>()
    override fun arm(kind: ReminderKind, at: ZonedDateTime) {
        armed[kind] = at
    }
    override fun cancel(kind: ReminderKind) {
        armed.remove(kind)
        cancelled += kind
    }
    override fun showDue(kind: ReminderKind, prompt: Prompt) {
        shown += kind to prompt
    }
    override fun showLogged(title: String?, error: Throwable?) {
        logged += title to error
    }
}

/** Writes exports into the test's directory. */
private class DirSink(private val dir: File) : ExportSink {
    override suspend fun write(fileName: String, mimeType: String, bytes: ByteArray): ExportedFile {
        val file = File(dir, fileName)
        file.writeBytes(bytes)
        return ExportedFile(file.path, mimeType)
    }
}

/** What each test drives: a store on the test's file, a fake clock, a scope cancelled at the end. */
private class Rig(ctx: TestContext, start: String, pageSize: Int) {
    val clock = FakeClock(ZonedDateTime.of(LocalDateTime.parse(start), BERLIN))
    val store: JournalStore = ctx.closeAfter(runBlocking { JournalStore.open(ctx.dbPath.toString(), historyPageSize = pageSize) })
    val scope: CoroutineScope = CoroutineScope(SupervisorJob() + Dispatchers.Default).also { s ->
        ctx.closeAfter(AutoCloseable { s.cancel() })
    }
    val source: suspend () -> JournalStore = { store }

    /** A second handle on the same file: what is really stored. */
    val file: Journal = ctx.openJournal()
}

private fun TestContext.rig(start: String = "2025-03-27T01:00", pageSize: Int = 50) = Rig(this, start, pageSize)

/** Waits (bounded) until [predicate] holds for the presenter's state. */
private fun <T> awaitState(flow: kotlinx.coroutines.flow.StateFlow<T>, predicate: (T) -> Boolean): T =
    runBlocking { withTimeout(20_000) { flow.first(predicate) } }

private fun join(job: kotlinx.coroutines.Job?) = runBlocking { assertNotNull(job, "the action started").join() }

private fun Journal.allItems(): List<org.rlsjournal.core.HistoryItem> =
    history(HistoryQuery(emptyList(), null, 200)).items

/** The presenters, through the real core on real journal files. */
fun presenterTests() = suite("presenters") {
    // ---- the rule that keeps them testable ----

    test("noPresenterImportsAndroid") {
        val root = File(System.getProperty("rlsjournal.root"), "android/presenters/src/main/kotlin")
        val files = root.walkTopDown().filter { it.isFile && it.name.endsWith(".kt") }.toList()
        assertTrue(files.size >= 9, "the presenter sources are where the check looks: ${files.size} files in $root")
        val offending = files.flatMap { f ->
            f.readLines().filter { it.trim().startsWith("import android.") || it.trim().startsWith("import androidx.") }
                .map { "${f.name}: $it" }
        }
        assertEquals(emptyList(), offending, "presenters must stay plain Kotlin")
    }

    // ---- Tonight ----

    test("tonightStartsWithNothingOpen") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        val s = awaitState(p.state) { !it.loading }
        assertNull(s.openEpisode)
        assertFalse(s.hasOpenEpisode)
        assertNull(s.error)
    }

    test("tonightTapShowsTheOpenEpisodeWithTheCoresTitle") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(7))
        val s = p.state.value
        val open = assertNotNull(s.openEpisode)
        assertEquals(7, open.data.peakIntensity.toInt())
        assertEquals(r.file.openEpisodeItem()?.title, s.openTitle)
        assertNotNull(s.openTitle)
        assertEquals(Notice.LOGGED, s.notice)
        assertEquals(r.clock.now.toMoment(), open.data.startedAt, "logged at the clock's now")
        assertEquals(listOf(open.id), r.file.allItems().map { it.id })
    }

    test("tonightSecondTapWithinThreeHoursRaisesThePeak") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(4))
        val first = assertNotNull(p.state.value.openEpisode)
        r.clock.advanceMinutes(90)
        join(p.log(7))
        val second = assertNotNull(p.state.value.openEpisode)
        assertEquals(first.id, second.id, "the same episode")
        assertEquals(7, second.data.peakIntensity.toInt())
        assertEquals(1, r.file.allItems().count { it.kind == EntryKind.EPISODE }, "no second episode")
    }

    test("tonightLowerSecondTapKeepsThePeak") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(7))
        r.clock.advanceMinutes(30)
        join(p.log(3))
        assertEquals(7, assertNotNull(p.state.value.openEpisode).data.peakIntensity.toInt(), "the peak never falls")
        assertEquals(7, assertNotNull(r.file.openEpisode()).data.peakIntensity.toInt())
    }

    test("tonightTapThreeHoursLaterStartsANewEpisode") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(5))
        val first = assertNotNull(p.state.value.openEpisode).id
        // QUICK_LOG_MERGE_HOURS = 3: a tap exactly 3 h after the start is a new episode.
        r.clock.advanceMinutes(180)
        join(p.log(6))
        val second = assertNotNull(p.state.value.openEpisode)
        assertNotEquals(first, second.id)
        assertEquals(r.file.openEpisodeItem()?.title, p.state.value.openTitle)
        assertEquals(2, r.file.allItems().count { it.kind == EntryKind.EPISODE })
    }

    test("tonightEndClosesTheEpisode") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(5))
        val id = assertNotNull(p.state.value.openEpisode).id
        r.clock.advanceMinutes(40)
        join(p.end())
        assertNull(p.state.value.openEpisode)
        assertNull(p.state.value.openTitle)
        assertEquals(Notice.EPISODE_ENDED, p.state.value.notice)
        val stored = assertIs<Entry.Episode>(r.file.entry(id)).episode
        assertEquals(r.clock.now.toMoment(), stored.data.endedAt)
        assertNull(r.file.openEpisode())
    }

    test("tonightReliefAttachesToTheOpenEpisode") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(6))
        p.chooseRelief(ReliefMethod.Walking)
        assertEquals(ReliefMethod.Walking, p.state.value.reliefMethod)
        r.clock.advanceMinutes(10)
        join(p.relief(2))
        assertNull(p.state.value.reliefMethod, "the relief buttons close")
        assertEquals(Notice.RELIEF_SAVED, p.state.value.notice)
        val id = assertNotNull(p.state.value.openEpisode).id
        val relief = assertIs<Entry.Episode>(r.file.entry(id)).episode.relief
        assertEquals(1, relief.size)
        assertEquals(ReliefMethod.Walking, relief[0].data.method)
        assertEquals(2, relief[0].data.helped.toInt())
    }

    test("tonightReliefWithoutAMethodDoesNothing") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(6))
        assertNull(p.relief(2))
        val id = assertNotNull(p.state.value.openEpisode).id
        assertEquals(0, assertIs<Entry.Episode>(r.file.entry(id)).episode.relief.size)
    }

    test("tonightChosenSideGoesToTheCore") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        p.chooseSide(Side.LEFT)
        join(p.log(5))
        assertEquals(Side.LEFT, assertNotNull(r.file.openEpisode()).data.side)
    }

    test("tonightShowsAnotherHandlesWriteAfterRefresh") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        awaitState(p.state) { !it.loading }
        val other = r.file.quickLog(8, null, moment("2025-03-27T00:50:00+01:00"))
        assertNull(p.state.value.openEpisode, "not seen before a refresh")
        join(p.refresh())
        assertEquals(other.id, p.state.value.openEpisode?.id)
        assertEquals(r.file.openEpisodeItem()?.title, p.state.value.openTitle)
    }

    test("tonightInvalidIntensityShowsTheCoresReasonAndChangesNothing") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.log(11))
        val s = p.state.value
        val error = assertIs<JournalException.InvalidInput>(s.error)
        assertEquals(errorMessage(error), s.errorText, "the core's sentence is shown")
        assertTrue(assertNotNull(s.errorText).contains("11"), "it quotes what was typed: ${s.errorText}")
        assertNull(s.notice)
        assertFalse(s.busy)
        assertNull(s.openEpisode)
        assertEquals(0, r.file.allItems().size)
    }

    test("tonightEndWithNothingOpenSaysWhy") {
        val r = rig()
        val p = TonightPresenter(r.source, r.scope, r.clock)
        join(p.end())
        assertNotNull(p.state.value.error)
        assertNotNull(p.state.value.errorText)
        assertEquals(0, r.file.allItems().size)
        p.dismissMessage()
        assertNull(p.state.value.error)
    }

    // ---- Morning check-in ----

    test("checkInStartsFromTheCoresDraft") {
        val r = rig(start = "2025-03-27T09:00")
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(null))
        val s = p.state.value
        val prompt = r.file.prompts(r.clock.now.toMoment()).first { it.kind == PromptKind.MORNING_CHECK_IN }
        assertEquals(date("2025-03-26"), s.night)
        assertEquals(prompt.title, s.title)
        assertEquals(prompt.message, s.message)
        assertEquals(org.rlsjournal.presenters.DiaryForm.of(r.file.sleepDiaryDraft(date("2025-03-26"))), s.form)
        assertTrue(s.offersNoSymptoms)
    }

    test("checkInSavesTheDiaryAndNothingIsDueAfter") {
        val r = rig(start = "2025-03-27T09:00")
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(null))
        p.edit { it.copy(quality = 4, note = "slept ok") }
        join(p.save())
        val s = p.state.value
        assertNull(s.error)
        assertEquals(Notice.DIARY_SAVED, s.notice)
        assertTrue(s.showsNothingDue)
        val diary = assertNotNull(r.file.night(date("2025-03-26")).sleepDiary)
        assertEquals(4, diary.data.quality.toInt())
        assertEquals("slept ok", diary.data.note)
        assertTrue(r.file.prompts(r.clock.now.toMoment()).none { it.kind == PromptKind.MORNING_CHECK_IN })
    }

    test("checkInNoSymptomsRecordsAnObservedNight") {
        val r = rig(start = "2025-03-27T09:00")
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(null))
        join(p.noSymptoms())
        val s = p.state.value
        assertNull(s.error)
        assertEquals(Notice.NO_SYMPTOMS_SAVED, s.notice)
        assertFalse(s.offersNoSymptoms, "asked once")
        val answer = assertNotNull(r.file.night(date("2025-03-26")).noSymptoms)
        assertEquals(date("2025-03-26"), answer.data.nightOf)
        assertTrue(r.file.prompts(r.clock.now.toMoment()).none { it.kind == PromptKind.MORNING_CHECK_IN })
    }

    test("checkInNothingDueWhenTheDiaryIsDone") {
        val r = rig(start = "2025-03-27T09:00")
        r.file.addSleepDiary(sleepData("2025-03-26"))
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(null))
        assertTrue(p.state.value.showsNothingDue)
        assertNull(p.state.value.form)
        assertFalse(p.state.value.offersNoSymptoms)
    }

    test("checkInEditKeepsUntouchedTimesAndOffersNoNoSymptoms") {
        val r = rig(start = "2025-03-28T09:00")
        val stored = r.file.addSleepDiary(sleepData("2025-03-26", quality = 2))
        // The device has since moved to New York: untouched times keep their +01:00 offsets.
        r.clock.now = ZonedDateTime.of(LocalDateTime.parse("2025-03-28T09:00"), ZoneId.of("America/New_York"))
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(stored.id))
        assertTrue(p.state.value.isEditing)
        assertFalse(p.state.value.offersNoSymptoms)
        p.edit { it.copy(quality = 5) }
        join(p.save())
        assertNull(p.state.value.error)
        val after = assertIs<Entry.SleepDiary>(r.file.entry(stored.id)).diary.data
        assertEquals(5, after.quality.toInt())
        assertEquals(stored.data.gotIntoBedAt, after.gotIntoBedAt)
        assertEquals(stored.data.outOfBedAt, after.outOfBedAt)
        assertEquals(60, after.finalAwakeningAt.offsetMinutes)
    }

    test("checkInInvalidDiaryShowsTheCoresReasonAndSavesNothing") {
        val r = rig(start = "2025-03-27T09:00")
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(null))
        p.edit { it.copy(quality = 9) }
        join(p.save())
        val error = assertIs<JournalException.InvalidInput>(p.state.value.error)
        assertEquals(errorMessage(error), p.state.value.errorText)
        assertNotNull(p.state.value.form, "the form stays for a correction")
        assertNull(r.file.night(date("2025-03-26")).sleepDiary)
    }

    test("checkInOtherKindOfIdIsNotADiary") {
        val r = rig(start = "2025-03-27T09:00")
        val exposure = r.file.addExposure(exposureData("2025-03-26T20:00:00+01:00"))
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(exposure.id))
        assertTrue(p.state.value.notADiary)
        assertNull(p.state.value.form)
    }

    test("checkInComingBackKeepsUnsavedInput") {
        val r = rig(start = "2025-03-27T09:00")
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(null))
        p.edit { it.copy(note = "half written") }
        assertNull(p.load(null), "no reload")
        assertEquals("half written", p.state.value.form?.note)
    }

    // ---- Add / edit ----

    test("addBackdatedEpisodeWithDefaultLength") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.EPISODE, null))
        p.edit { it.copy(at = it.at.changedTo(LocalDateTime.parse("2025-03-26T23:00")), intensity = 6) }
        p.setToggle(FormField.HAS_ENDED, true)
        join(p.save())
        assertNull(p.state.value.error)
        assertEquals(Notice.ENTRY_SAVED, p.state.value.notice)
        val episode = r.file.night(date("2025-03-26")).episodes.single()
        assertEquals(moment("2025-03-26T23:00:00+01:00"), episode.data.startedAt)
        // 23:00 + 30 min (the core's default episode length) = 23:30.
        assertEquals(30, formRules().defaultEpisodeMinutes)
        assertEquals(moment("2025-03-26T23:30:00+01:00"), episode.data.endedAt)
        assertEquals(6, episode.data.peakIntensity.toInt())
    }

    test("addAfterSaveStartsAFreshFormOfTheSameKind") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.EXPOSURE, null))
        p.edit { it.copy(amount = "2", unit = "cups", note = "late coffee") }
        join(p.save())
        assertEquals(EntryKind.EXPOSURE, p.state.value.form.kind)
        assertEquals("", p.state.value.form.note)
        assertEquals(1, r.file.allItems().size)
    }

    test("addAmountWithADecimalComma") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.EXPOSURE, null))
        p.edit { it.copy(amount = "1,5", unit = "glasses") }
        join(p.save())
        val stored = assertIs<Entry.Exposure>(r.file.allItems().single().entry).exposure.data
        assertEquals(1.5, stored.amount)
    }

    test("addAmountThatIsNotANumberShowsTheCoresReason") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.EXPOSURE, null))
        p.edit { it.copy(amount = "lots") }
        join(p.save())
        val error = assertIs<JournalException.InvalidInput>(p.state.value.error)
        assertEquals(errorMessage(error), p.state.value.errorText)
        assertEquals("lots", p.state.value.form.amount, "the form keeps the input")
        assertEquals(0, r.file.allItems().size)
    }

    test("addIrlsOutOfRangeIsRejected") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.SEVERITY_RATING, null))
        p.edit { it.copy(irlsTotal = 41) }
        join(p.save())
        assertIs<JournalException.InvalidInput>(p.state.value.error)
        assertEquals(0, r.file.allItems().size)
        p.edit { it.copy(irlsTotal = 22) }
        join(p.save())
        assertNull(p.state.value.error)
        assertEquals(22, assertIs<Entry.SeverityRating>(r.file.allItems().single().entry).rating.data.irlsTotal.toInt())
    }

    test("addTreatmentEditKeepsStoredDoseStepsAndTimesPerDay") {
        val r = rig(start = "2025-03-27T10:00")
        val steps = listOf(DoseChange(date("2025-03-01"), 0.25, 2))
        val stored = r.file.addTreatment(treatmentData().copy(timesPerDay = 1, doseChanges = steps))
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(null, stored.id))
        assertEquals("Pramipexole", p.state.value.form.name)
        p.edit { it.copy(name = "Pramipexole ER") }
        join(p.save())
        assertNull(p.state.value.error)
        val after = assertIs<Entry.Treatment>(r.file.entry(stored.id)).treatment.data
        assertEquals("Pramipexole ER", after.name)
        assertEquals(1, after.timesPerDay)
        assertEquals(steps, after.doseChanges)
    }

    test("addEditKeepsAnUntouchedMomentAndItsOffset") {
        val r = rig(start = "2025-03-27T10:00")
        // Recorded while travelling (+05:30); the device is now in Berlin.
        val stored = r.file.addExposure(exposureData("2025-03-26T20:00:00+05:30"))
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(null, stored.id))
        p.edit { it.copy(note = "edited") }
        join(p.save())
        val after = assertIs<Entry.Exposure>(r.file.entry(stored.id)).exposure.data
        assertEquals(stored.data.at, after.at)
        assertEquals(330, after.at.offsetMinutes)
        assertEquals("edited", after.note)
    }

    test("addChangedTimeTakesTheZonesOffsetOnEachSideOfTheDstChange") {
        val r = rig(start = "2025-03-31T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.EXPOSURE, null))
        p.edit { it.copy(at = it.at.changedTo(LocalDateTime.parse("2025-03-29T12:00"))) }
        join(p.save())
        join(p.load(EntryKind.EPISODE, null))
        join(p.load(EntryKind.EXPOSURE, null))
        p.edit { it.copy(at = it.at.changedTo(LocalDateTime.parse("2025-03-30T12:00"))) }
        join(p.save())
        val offsets = r.file.allItems().map { assertIs<Entry.Exposure>(it.entry).exposure.data.at.offsetMinutes }
        // Newest first: 30 March is summer time (+02:00), 29 March winter time (+01:00).
        assertEquals(listOf(120, 60), offsets)
    }

    test("addDoseNeedsATreatmentThenSaves") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.DOSE, null))
        assertTrue(FormField.NO_TREATMENTS_YET in p.state.value.fields)
        val treatment = r.file.addTreatment(treatmentData())
        join(p.load(EntryKind.EPISODE, null))
        join(p.load(EntryKind.DOSE, null))
        assertFalse(FormField.NO_TREATMENTS_YET in p.state.value.fields)
        assertEquals(listOf(treatment.id), p.state.value.treatments.map { it.id })
        p.edit { it.copy(treatmentId = treatment.id, amount = "0.125") }
        join(p.save())
        assertNull(p.state.value.error)
        val dose = assertIs<Entry.Dose>(r.file.allItems().first { it.kind == EntryKind.DOSE }.entry).dose.data
        assertEquals(treatment.id, dose.treatmentId)
        assertEquals(r.clock.now.withSecond(0).withNano(0).toMoment(), dose.at)
    }

    test("addEditEpisodeChangesThePeakWithoutASecondEpisode") {
        val r = rig(start = "2025-03-27T10:00")
        val stored = r.file.addEpisode(episodeData("2025-03-26T23:10:00+01:00", peak = 5))
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(null, stored.id))
        assertFalse(p.state.value.offersKindPicker)
        assertEquals(5, p.state.value.form.intensity)
        p.edit { it.copy(intensity = 9) }
        join(p.save())
        assertEquals(listOf(stored.id), r.file.allItems().map { it.id })
        assertEquals(9, assertIs<Entry.Episode>(r.file.entry(stored.id)).episode.data.peakIntensity.toInt())
        assertEquals(stored.data.startedAt, assertIs<Entry.Episode>(r.file.entry(stored.id)).episode.data.startedAt)
    }

    test("addLatencyAndStopToggles") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.TREATMENT, null))
        assertTrue(p.state.value.offersKindPicker)
        p.setToggle(FormField.HAS_STOPPED, true)
        assertEquals(date("2025-03-27"), p.state.value.form.stopDate, "stopped today, by the clock")
        p.setToggle(FormField.HAS_STOPPED, false)
        assertNull(p.state.value.form.stopDate)
        p.setToggle(FormField.LATENCY_KNOWN, true)
        assertEquals(formRules().defaultLatencyMinutes, p.state.value.form.latencyMinutes, "the core's default latency (15 min)")
        assertEquals(15, formRules().defaultLatencyMinutes)
        p.setToggle(FormField.LATENCY_KNOWN, false)
        assertNull(p.state.value.form.latencyMinutes)
    }

    // ---- History ----

    test("historyPagesThrough500EntriesEachExactlyOnce") {
        val r = rig(pageSize = 50)
        val start = moment("2025-01-01T20:00:00+01:00")
        for (i in 0 until 500) {
            r.file.addExposure(exposureData("2025-01-01T20:00:00+01:00").copy(at = start.plusMinutes(i * 37L)))
        }
        runBlocking { r.store.refresh() }
        val p = HistoryPresenter(r.source, r.scope, r.clock)
        awaitState(p.state) { it.items.size == 50 }
        var pages = 1
        while (p.state.value.hasMore) {
            join(p.loadMore())
            pages++
            assertTrue(pages <= 11, "no endless paging")
        }
        val ids = p.state.value.items.map { it.id }
        assertEquals(500, ids.size)
        assertEquals(500, ids.toSet().size, "each entry exactly once")
        assertEquals(10, pages)
        val all = generateSequence(r.file.history(HistoryQuery(emptyList(), null, 200))) { page ->
            page.nextCursor?.let { r.file.history(HistoryQuery(emptyList(), it, 200)) }
        }.flatMap { it.items }.map { it.id }.toList()
        assertEquals(all, ids, "the same order as the core's")
    }

    test("historyDeleteThenUndoRestores") {
        val r = rig()
        r.file.seed()
        val p = HistoryPresenter(r.source, r.scope, r.clock)
        join(p.refresh())
        val before = p.state.value.items.map { it.id }
        val victim = before[2]
        join(p.delete(victim))
        assertEquals(victim, p.state.value.deletedId)
        assertFalse(victim in p.state.value.items.map { it.id })
        assertFalse(victim in r.file.allItems().map { it.id })
        join(p.undo())
        assertNull(p.state.value.deletedId)
        assertEquals(before, p.state.value.items.map { it.id })
        assertEquals(before, r.file.allItems().map { it.id })
    }

    test("historyFilterShowsOnlyTheChosenKinds") {
        val r = rig()
        r.file.seed()
        val p = HistoryPresenter(r.source, r.scope, r.clock)
        join(p.filter(listOf(EntryKind.EPISODE)))
        val kinds = p.state.value.items.map { it.kind }.toSet()
        assertEquals(setOf(EntryKind.EPISODE), kinds)
        assertEquals(r.file.allItems().count { it.kind == EntryKind.EPISODE }, p.state.value.items.size)
        join(p.filter(emptyList()))
        assertEquals(r.file.allItems().size, p.state.value.items.size)
    }

    test("historyCalendarStartsAtTheClocksMonth") {
        val r = rig()
        r.file.seed()
        val p = HistoryPresenter(r.source, r.scope, r.clock)
        join(p.showCalendar(true))
        val march = assertNotNull(p.state.value.calendar)
        assertEquals(2025, march.year)
        assertEquals(3, march.month.toInt())
        assertEquals(r.file.calendarMonth(2025, 3), march)
        // 1 March 2025 is a Saturday: five blank cells, then every night once, in order, in weeks of 7.
        val weeks = p.state.value.weeks
        assertEquals(6, march.firstWeekday)
        assertTrue(weeks.all { it.size == 7 })
        assertEquals(List(5) { null }, weeks.first().take(5))
        assertEquals(march.days, weeks.flatten().filterNotNull())
        assertEquals(6, weeks.size)
        assertEquals(march.days.last(), weeks.last().first())
        join(p.previousMonth())
        // February 2025 starts on a Saturday too and has 28 nights: 5 weeks.
        assertEquals(5, p.state.value.weeks.size)
        assertEquals(2, p.state.value.calendar?.month?.toInt())
        assertNull(p.showCalendar(false))
    }

    test("historyShowsAnotherHandlesWriteAfterRefresh") {
        val r = rig()
        val p = HistoryPresenter(r.source, r.scope, r.clock)
        join(p.refresh())
        assertTrue(p.state.value.isEmpty)
        val added = r.file.addExposure(exposureData("2025-03-26T20:00:00+01:00"))
        join(p.refresh())
        assertEquals(listOf(added.id), p.state.value.items.map { it.id })
    }

    // ---- Night ----

    test("nightShowsTheCoresViewAndUndoesADelete") {
        val r = rig()
        r.file.seed()
        val p = NightPresenter(r.source, r.scope)
        join(p.load(date("2025-03-26")))
        val view = assertNotNull(p.state.value.view)
        assertEquals(r.file.night(date("2025-03-26")), view)
        assertEquals(view.activeTreatments.isNotEmpty(), p.state.value.showsTreatments)
        val episodes = view.episodes.map { it.id }
        join(p.delete(episodes[0]))
        assertEquals(episodes.drop(1), p.state.value.view?.episodes?.map { it.id })
        join(p.undo())
        assertEquals(episodes, p.state.value.view?.episodes?.map { it.id })
        assertEquals(episodes, r.file.night(date("2025-03-26")).episodes.map { it.id })
    }

    // ---- Steppers ----

    test("steppersStayInsideTheCoresRanges") {
        val rules = formRules()
        assertEquals(20, stepMinutes(15, 1))
        assertEquals(10, stepMinutes(15, -1))
        assertEquals(rules.minutes.min, stepMinutes(3, -1), "never below the core's minimum")
        assertEquals(rules.minutes.max, stepMinutes(rules.minutes.max - 2, 1), "never above the core's maximum")
        assertEquals(1, stepAwakenings(0, 1))
        assertEquals(rules.awakenings.min, stepAwakenings(rules.awakenings.min, -1))
        assertEquals(rules.awakenings.max, stepAwakenings(rules.awakenings.max, 1))
    }

    test("aSteppedDiaryIsOneTheCoreAccepts") {
        val r = rig(start = "2025-03-27T09:00")
        val p = CheckInPresenter(r.source, r.scope, r.clock)
        join(p.load(null))
        assertNotNull(p.state.value.form)
        // Press "fewer" well past zero and "more awakenings" well past the core's maximum.
        repeat(50) { p.edit { it.copy(sleepOnsetMinutes = stepMinutes(it.sleepOnsetMinutes, -1)) } }
        repeat(formRules().awakenings.max + 5) { p.edit { it.copy(awakenings = stepAwakenings(it.awakenings, 1)) } }
        join(p.save())
        assertNull(p.state.value.error, "the core accepts every value a stepper offers")
        val stored = assertNotNull(r.file.night(date("2025-03-26")).sleepDiary).data
        assertEquals(0, stored.sleepOnsetMinutes)
        assertEquals(formRules().awakenings.max, stored.awakenings)
    }

    // ---- Summary ----

    test("summaryShowsTheCoresSummaryForEachLength") {
        val r = rig()
        r.file.seed()
        val p = SummaryPresenter(r.source, r.scope)
        join(p.load(null))
        assertEquals(r.file.summary(null).title, p.state.value.summary?.title)
        assertEquals(r.file.summary(null).range, p.state.value.summary?.range)
        join(p.load(30))
        assertFalse(p.state.value.loading)
        assertEquals(30, p.state.value.nights)
        assertEquals(r.file.summary(r.file.lastNights(30)).range, p.state.value.summary?.range)
        assertEquals(listOf(14, 30, 90), p.lengths)
    }

    test("summaryBlocksPutEveryPartUnderItsTitleInOrder") {
        val r = rig()
        r.file.seed()
        val p = SummaryPresenter(r.source, r.scope)
        assertEquals(emptyList(), p.state.value.blocks, "nothing before the summary is loaded")
        join(p.load(null))
        assertEquals(summaryBlocks(assertNotNull(p.state.value.summary)), p.state.value.blocks)
        // The seeded nights, so every part has something to show.
        val summary = r.file.summary(NightRange(date("2025-03-20"), date("2025-03-27")))
        val blocks = summaryBlocks(summary)
        assertEquals(SummaryBlock.Title(summary.title), blocks.first())
        val parts = listOf(
            SummaryPart.COVERAGE, SummaryPart.SEVERITY, SummaryPart.TIMING, SummaryPart.WHERE_AND_HOW,
            SummaryPart.TRIGGERS, SummaryPart.RELIEF, SummaryPart.SLEEP, SummaryPart.TREATMENTS,
            SummaryPart.IRON, SummaryPart.RATING, SummaryPart.AUGMENTATION, SummaryPart.DEFINITIONS,
        )
        assertEquals(parts.map { it.title() }, blocks.filterIsInstance<SummaryBlock.Heading>().map { it.text })
        // Each part's sentence follows its title.
        val coverage = blocks.indexOf(SummaryBlock.Heading(SummaryPart.COVERAGE.title()))
        assertEquals(SummaryBlock.Paragraph(summary.coverage.text), blocks[coverage + 1])
        val sleep = blocks.indexOf(SummaryBlock.Heading(SummaryPart.SLEEP.title()))
        assertEquals(SummaryBlock.Paragraph(summary.sleep.text), blocks[sleep + 1])
        // Every list line of the core is a bullet, once.
        val lines = summary.triggers.associations.map { it.text } + summary.triggers.notEnoughData.map { it.text } +
            summary.relief.methods.map { it.text } + summary.relief.tiers.map { it.text } +
            summary.treatments.active.map { it.text } + summary.treatments.comparisons.map { it.text } +
            summary.mayWorsenRls.map { it.text } + listOfNotNull(summary.iron.crpText, summary.iron.trendText) +
            summary.augmentation.watches.flatMap { w -> w.signs.map { it.text } }
        assertTrue(lines.isNotEmpty(), "the seeded journal has list lines")
        assertEquals(lines, blocks.filterIsInstance<SummaryBlock.Bullet>().map { it.text })
        // Every definition, term then text, after the last heading.
        val definitions = blocks.drop(blocks.indexOf(SummaryBlock.Heading(SummaryPart.DEFINITIONS.title())) + 1)
        assertEquals(
            summary.definitions.flatMap { listOf(SummaryBlock.Term(it.term), SummaryBlock.Small(it.text)) },
            definitions,
        )
        // The charts carry the core's series; an hour with no onset is not drawn.
        assertEquals(summary.severity.nights, blocks.filterIsInstance<SummaryBlock.NightBars>().single().nights)
        val hours = blocks.filterIsInstance<SummaryBlock.HourBars>().single().bins
        assertEquals(summary.timing.onsetHistogram.filter { it.count > 0u }, hours)
        assertTrue(hours.isNotEmpty())
    }

    test("summaryBlocksOfAnEmptyJournalDrawNoOnsetChart") {
        val r = rig()
        val p = SummaryPresenter(r.source, r.scope)
        join(p.load(null))
        val blocks = p.state.value.blocks
        assertNotNull(p.state.value.summary)
        assertTrue(blocks.none { it is SummaryBlock.HourBars }, "no onsets: no chart")
        assertTrue(blocks.none { it is SummaryBlock.Shares }, "no episodes: no breakdown lines")
        assertEquals(12, blocks.count { it is SummaryBlock.Heading })
    }

    test("summaryInvalidLengthSaysWhy") {
        val r = rig()
        val p = SummaryPresenter(r.source, r.scope)
        join(p.load(0))
        assertNotNull(p.state.value.error)
        assertFalse(p.state.value.loading)
    }

    // ---- Visits and drug-safety check-ins (issue 21) ----

    test("addVisitWithAQuestionThenEditIt") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.VISIT, null))
        p.edit { it.copy(date = date("2025-04-02"), clinician = "Dr Rossi", question = "Is my ferritin enough?") }
        join(p.save())
        assertNull(p.state.value.error)
        val stored = assertIs<Entry.Visit>(r.file.allItems().single().entry).visit
        assertEquals(date("2025-04-02"), stored.data.visitOn)
        assertEquals("Is my ferritin enough?", stored.data.question)
        val edit = AddPresenter(r.source, r.scope, r.clock)
        join(edit.load(null, stored.id))
        assertEquals("Dr Rossi", edit.state.value.form.clinician)
        edit.edit { it.copy(question = "") }
        join(edit.save())
        assertNull(assertIs<Entry.Visit>(r.file.entry(stored.id)).visit.data.question, "cleared")
    }

    test("addSafetyCheckInAnswersEachQuestionInTheCoresWords") {
        val r = rig(start = "2025-03-27T10:00")
        val p = AddPresenter(r.source, r.scope, r.clock)
        join(p.load(EntryKind.SAFETY_CHECK, null))
        val questions = p.state.value.choices(FormField.SAFETY_QUESTIONS)
        assertEquals(safetyCheckItems().map { it.question() }, questions.map { it.label })
        assertTrue(questions.none { it.chosen })
        p.setChosen(FormField.SAFETY_QUESTIONS, safetyCheckItems().indexOf(SafetyItem.FALLING_ASLEEP), true)
        p.setChosen(FormField.SAFETY_QUESTIONS, safetyCheckItems().indexOf(SafetyItem.GAMBLING), true)
        p.setChosen(FormField.SAFETY_QUESTIONS, safetyCheckItems().indexOf(SafetyItem.GAMBLING), false)
        assertEquals(listOf(SafetyItem.FALLING_ASLEEP), p.state.value.form.safetyYes)
        join(p.save())
        assertNull(p.state.value.error)
        val stored = assertIs<Entry.SafetyCheck>(r.file.allItems().single().entry).check.data
        assertEquals(listOf(SafetyItem.FALLING_ASLEEP), stored.answeredYes)
        assertEquals(date("2025-03-27"), stored.checkedOn)
    }

    test("shareLoadsTheSinceLastVisitPeriodAndTheQuestion") {
        val r = rig()
        val today = LocalDate.now()
        r.file.addVisit(VisitData(today.minusDays(30), null, null, null))
        r.file.addVisit(VisitData(today.plusDays(2), "Dr Rossi", "Could the dose move earlier?", null))
        val p = SharePresenter(r.source, r.scope, DirSink(dir.toFile()))
        join(p.load())
        assertNull(p.state.value.error)
        assertEquals(r.file.visitPeriod().text, p.state.value.periodText)
        assertTrue(assertNotNull(p.state.value.periodText).startsWith("Since the last visit on"))
        assertTrue(assertNotNull(p.state.value.comparisonText).contains(" vs "))
        assertEquals("Could the dose move earlier?", p.state.value.question)
        join(p.shareReport())
        val ready = assertNotNull(p.state.value.ready)
        val process = ProcessBuilder("pdftotext", ready.path, "-").redirectErrorStream(true).start()
        val text = process.inputStream.bufferedReader().readText().replace(Regex("\\s+"), " ")
        assertEquals(0, process.waitFor(), text)
        assertTrue(text.contains("Could the dose move earlier?"), "the question is printed: $text")
        assertTrue(text.contains("Since the last visit on"), text)
    }

    // ---- Share ----

    test("shareReportIsAPdfWhoseTextPdftotextReads") {
        val r = rig()
        r.file.seed()
        val p = SharePresenter(r.source, r.scope, DirSink(dir.toFile()))
        p.setPatientName("Ada Example")
        join(p.shareReport())
        assertNull(p.state.value.error)
        val ready = assertNotNull(p.state.value.ready)
        assertEquals("application/pdf", ready.mimeType)
        val process = ProcessBuilder("pdftotext", ready.path, "-").redirectErrorStream(true).start()
        val text = process.inputStream.bufferedReader().readText()
        assertEquals(0, process.waitFor(), text)
        assertTrue(text.contains("Ada Example"), "the name is printed: $text")
        val irls = assertIs<Entry.SeverityRating>(r.file.allItems().first { it.kind == EntryKind.SEVERITY_RATING }.entry)
        assertTrue(text.lines().any { it.trim() == irls.rating.data.irlsTotal.toString() }, "the latest IRLS total is printed")
        p.shared()
        assertNull(p.state.value.ready)
        p.setPatientName(" ")
        join(p.shareReport())
        val again = ProcessBuilder("pdftotext", assertNotNull(p.state.value.ready).path, "-").start()
        val unnamed = again.inputStream.bufferedReader().readText()
        assertEquals(0, again.waitFor())
        assertFalse(unnamed.contains("Ada Example"), "a blank name prints no name")
    }

    test("shareCsvAndBackupAreZips") {
        val r = rig()
        r.file.seed()
        val p = SharePresenter(r.source, r.scope, DirSink(dir.toFile()))
        join(p.shareCsv())
        val csv = File(assertNotNull(p.state.value.ready).path).readBytes()
        assertEquals("PK", String(csv.copyOfRange(0, 2)))
        join(p.shareBackup())
        val backup = assertNotNull(p.state.value.ready)
        assertEquals("application/zip", backup.mimeType)
        assertEquals("PK", String(File(backup.path).readBytes().copyOfRange(0, 2)))
        assertTrue(backup.path.endsWith(org.rlsjournal.presenters.BACKUP_FILE_NAME))
    }

    test("shareRestoreBringsABackupIntoAnotherJournal") {
        val source = openJournal(dir.resolve("other.db"))
        source.seed()
        val bytes = source.backupZip()
        val r = rig()
        val p = SharePresenter(r.source, r.scope, DirSink(dir.toFile()))
        join(p.restore(bytes))
        assertNull(p.state.value.error)
        val restored = assertNotNull(p.state.value.restored)
        assertEquals(source.allItems().size, restored.added.toInt())
        assertEquals(source.allItems().map { it.id }.toSet(), r.file.allItems().map { it.id }.toSet())
    }

    test("shareRejectedBackupLeavesTheJournalUnchangedAndSaysWhy") {
        val r = rig()
        r.file.seed()
        val before = r.file.allItems()
        val p = SharePresenter(r.source, r.scope, DirSink(dir.toFile()))
        join(p.restore("not a backup".toByteArray()))
        val error = assertNotNull(p.state.value.error)
        assertIs<JournalException>(error)
        assertNotNull(p.state.value.errorText)
        assertTrue(p.state.value.errorText!!.isNotBlank())
        assertNull(p.state.value.restored)
        assertFalse(p.state.value.busy)
        assertEquals(before, r.file.allItems())
    }

    // ---- Reminders ----

    test("remindersArmAtTheWallClockHourAcrossTheDstChange") {
        val r = rig(start = "2025-03-29T09:00")
        val fake = FakeReminders()
        val planner = ReminderPlanner(r.source, fake, fake, r.clock)
        val settings = r.file.updateSettings(r.file.settings().copy(morningHour = 8, eveningReminderHour = 21))
        planner.schedule(settings)
        // Saturday 09:00 CET: the next 08:00 is Sunday, already summer time: 08:00+02:00 = 06:00Z.
        assertEquals(ZonedDateTime.of(LocalDateTime.parse("2025-03-30T08:00"), BERLIN), fake.armed[ReminderKind.MORNING])
        assertEquals("2025-03-30T06:00:00Z", fake.armed[ReminderKind.MORNING]?.toInstant().toString())
        assertEquals("2025-03-29T20:00:00Z", fake.armed[ReminderKind.EVENING]?.toInstant().toString())
    }

    test("remindersShowExactlyWhatPromptsSaysIsDue") {
        val r = rig(start = "2025-03-30T08:00")
        val fake = FakeReminders()
        r.file.updateSettings(r.file.settings().copy(morningHour = 8))
        val planner = ReminderPlanner(r.source, fake, fake, r.clock)
        val due = r.file.prompts(r.clock.now.toMoment()).filter { it.kind == PromptKind.MORNING_CHECK_IN }
        assertEquals(1, due.size)
        runBlocking { planner.onAlarm(ReminderKind.MORNING) }
        assertEquals(due.map { ReminderKind.MORNING to it }, fake.shown)
        assertEquals(date("2025-03-29"), fake.shown.single().second.night)
        // Re-armed for Monday 08:00 summer time.
        assertEquals("2025-03-31T06:00:00Z", fake.armed[ReminderKind.MORNING]?.toInstant().toString())
        r.file.addSleepDiary(sleepData("2025-03-29"))
        runBlocking { planner.onAlarm(ReminderKind.MORNING) }
        assertEquals(1, fake.shown.size, "nothing new once the diary is done")
    }

    test("remindersEveningShowsOnlyWhileNothingIsLogged") {
        val r = rig(start = "2025-03-26T21:00")
        val fake = FakeReminders()
        r.file.updateSettings(r.file.settings().copy(eveningReminderHour = 21))
        val planner = ReminderPlanner(r.source, fake, fake, r.clock)
        runBlocking { planner.onAlarm(ReminderKind.EVENING) }
        assertEquals(listOf(PromptKind.EVENING_CHECK_IN), fake.shown.map { it.second.kind })
        r.file.addExposure(exposureData("2025-03-26T20:30:00+01:00"))
        runBlocking { planner.onAlarm(ReminderKind.EVENING) }
        assertEquals(1, fake.shown.size)
    }

    test("remindersSavingSettingsRearmsFromWhatTheCoreStored") {
        val r = rig(start = "2025-03-27T10:00")
        val fake = FakeReminders()
        val planner = ReminderPlanner(r.source, fake, fake, r.clock)
        val p = RemindersPresenter(r.source, r.scope, planner)
        join(p.load())
        p.setEvening(true)
        assertTrue(p.state.value.eveningOn)
        p.setHour(morning = true, hour = 6)
        join(p.save())
        assertNull(p.state.value.error)
        assertEquals(Notice.SETTINGS_SAVED, p.state.value.notice)
        assertEquals(6, r.file.settings().morningHour.toInt())
        assertEquals(p.state.value.settings?.eveningReminderHour, r.file.settings().eveningReminderHour)
        assertEquals(ZonedDateTime.of(LocalDateTime.parse("2025-03-28T06:00"), BERLIN), fake.armed[ReminderKind.MORNING])
        assertNotNull(fake.armed[ReminderKind.EVENING])
        p.setEvening(false)
        join(p.save())
        assertNull(r.file.settings().eveningReminderHour)
        assertNull(fake.armed[ReminderKind.EVENING])
        assertEquals(listOf(ReminderKind.EVENING), fake.cancelled)
    }

    test("remindersInvalidHourShowsTheCoresReasonAndChangesNothing") {
        val r = rig(start = "2025-03-27T10:00")
        val fake = FakeReminders()
        val p = RemindersPresenter(r.source, r.scope, ReminderPlanner(r.source, fake, fake, r.clock))
        join(p.load())
        val before = r.file.settings()
        p.setHour(morning = true, hour = 25)
        join(p.save())
        val error = assertIs<JournalException.InvalidInput>(p.state.value.error)
        assertEquals(errorMessage(error), p.state.value.errorText)
        assertEquals(before, r.file.settings())
        assertTrue(fake.armed.isEmpty(), "nothing armed")
    }

    test("remindersHourSteppersGoRoundTheClock") {
        val r = rig(start = "2025-03-27T10:00")
        val fake = FakeReminders()
        val p = RemindersPresenter(r.source, r.scope, ReminderPlanner(r.source, fake, fake, r.clock))
        join(p.load())
        p.setHour(morning = true, hour = 0)
        p.stepHour(morning = true, delta = -1)
        assertEquals(23, p.state.value.morningHour)
        p.stepHour(morning = true, delta = 1)
        assertEquals(0, p.state.value.morningHour)
        p.stepHour(morning = false, delta = 1)
        assertNull(p.state.value.eveningHour, "no evening hour to step while it is off")
        p.setEvening(true)
        p.stepHour(morning = false, delta = 3)
        // 21 + 3 = 24, which is 0 on the clock.
        assertEquals(0, p.state.value.eveningHour)
        join(p.save())
        assertEquals(0, r.file.settings().eveningReminderHour?.toInt())
        assertEquals(0, r.file.settings().morningHour.toInt())
    }

    // ---- The notification's quick log ----

    test("quickLogActionLogsAndConfirmsWithTheCoresTitle") {
        val r = rig()
        val fake = FakeReminders()
        val action = QuickLogAction(r.source, fake, r.clock)
        val title = runBlocking { action.log(5) }
        assertNotNull(title)
        assertEquals(r.file.openEpisodeItem()?.title, title)
        assertEquals(listOf<Pair<String?, Throwable?>>(title to null), fake.logged)
        assertEquals(5, assertNotNull(r.file.openEpisode()).data.peakIntensity.toInt())
    }

    test("quickLogActionReportsTheCoresRefusal") {
        val r = rig()
        val fake = FakeReminders()
        val action = QuickLogAction(r.source, fake, r.clock)
        assertNull(runBlocking { action.log(12) })
        val (title, error) = fake.logged.single()
        assertNull(title)
        assertIs<JournalException.InvalidInput>(error)
        assertNull(r.file.openEpisode())
        assertNull(runBlocking { action.log(0) }, "no intensity: nothing logged, nothing shown")
        assertEquals(1, fake.logged.size)
    }
}
