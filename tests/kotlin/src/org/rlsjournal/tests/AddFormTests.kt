package org.rlsjournal.tests

import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZonedDateTime
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
import kotlinx.coroutines.runBlocking
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.FieldInput
import org.rlsjournal.core.FormField
import org.rlsjournal.core.HistoryItem
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.ShownWhen
import org.rlsjournal.core.entryFormFields
import org.rlsjournal.core.errorMessage
import org.rlsjournal.core.formRules
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.presenters.AddPresenter
import org.rlsjournal.presenters.AddState
import org.rlsjournal.presenters.AppClock

// The Add/Edit form as the core describes it (`entryFormFields`) and the Add presenter shows it
// (`AddState.fields`), driven field by field as a generic screen would, through the real core on
// the test's journal file; what was saved is read back through a second handle.

private val ZONE: ZoneId = ZoneId.of("Europe/Berlin")

/** A fixed clock: 27 March 2025, 10:00 in Berlin. */
private object MorningClock : AppClock {
    override fun now(): ZonedDateTime = ZonedDateTime.of(LocalDateTime.parse("2025-03-27T10:00"), ZONE)
}

/** A presenter on the test's file, and a second handle on the same file (what is really stored). */
private class AddRig(ctx: TestContext) {
    val store: JournalStore = ctx.closeAfter(runBlocking { JournalStore.open(ctx.dbPath.toString()) })
    val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default).also { s -> ctx.closeAfter(AutoCloseable { s.cancel() }) }
    val file: Journal = ctx.openJournal()

    fun presenter(kind: EntryKind?, editId: String? = null): AddPresenter {
        val p = AddPresenter({ store }, scope, MorningClock)
        runBlocking { assertNotNull(p.load(kind, editId)).join() }
        return p
    }

    fun stored(): List<HistoryItem> = file.history(HistoryQuery(emptyList(), null, 200)).items
}

private fun AddPresenter.saved() = runBlocking { save().join() }

/** What a field shows, whatever its input: compared between the filled form and the edit of what was saved. */
private fun AddState.shown(field: FormField): Any? = when (field.input()) {
    is FieldInput.MomentPicker -> form.momentOf(field)?.moment(ZONE)
    is FieldInput.DatePicker -> form.dateOf(field)
    is FieldInput.Toggle -> form.isOn(field)
    is FieldInput.Text, is FieldInput.Number -> form.textOf(field)
    is FieldInput.Minutes, is FieldInput.IrlsSlider -> form.countOf(field)
    is FieldInput.SingleChoice, is FieldInput.MultiChoice, is FieldInput.IntensitySteps,
    is FieldInput.TreatmentPicker, is FieldInput.SafetyQuestions -> choices(field)
    is FieldInput.PlainText -> field.label()
}

/** Fills [field] as a person would, through the presenter's actions for its input. */
private fun AddPresenter.fill(field: FormField) {
    val state = state.value
    when (val input = field.input()) {
        is FieldInput.MomentPicker -> setMoment(
            field,
            assertNotNull(state.form.momentOf(field)).changedTo(
                LocalDateTime.parse(if (field == FormField.ENDED_AT) "2025-03-26T23:40" else "2025-03-26T22:00"),
            ),
        )
        is FieldInput.DatePicker -> setDate(field, date(if (field == FormField.STOPPED_ON) "2025-03-25" else "2025-03-20"))
        is FieldInput.Toggle -> setToggle(field, true)
        is FieldInput.SingleChoice -> choose(field, state.choices(field).size - 1)
        is FieldInput.MultiChoice -> chooseAll(field, listOf(0, 2))
        is FieldInput.Text -> setText(field, if (field == FormField.NOTE) "line one\nline two" else "µg/L ${field.name.length}")
        is FieldInput.Number -> setText(field, "2.5")
        is FieldInput.Minutes -> setCount(field, input.range.min + 20)
        is FieldInput.IntensitySteps -> choose(field, state.choices(field).size - 3)
        is FieldInput.IrlsSlider -> setCount(field, input.range.max - 18)
        is FieldInput.TreatmentPicker -> choose(field, 0)
        is FieldInput.SafetyQuestions -> setChosen(field, 1, true)
        is FieldInput.PlainText -> Unit
    }
}

/** The Add form's field lists, visibility rules and saves, through the real core. */
fun addFormTests() = suite("addForm") {
    test("eachKindShowsTheCoresFieldsInItsOrder") {
        val r = AddRig(this)
        val p = r.presenter(EntryKind.EPISODE)
        for (kind in formRules().addKinds) {
            p.edit { it.copy(kind = kind) }
            val expected = entryFormFields(kind).filter {
                it.shownWhen() == ShownWhen.Always || it == FormField.NO_TREATMENTS_YET // no treatment recorded yet
            }
            assertEquals(expected, p.state.value.fields, "$kind")
            assertTrue(p.state.value.fields.all { it.label().isNotBlank() }, "$kind")
        }
        p.edit { it.copy(kind = EntryKind.EXPOSURE) }
        assertEquals(
            listOf(FormField.AT, FormField.EXPOSURE_KIND, FormField.AMOUNT, FormField.UNIT, FormField.NOTE),
            p.state.value.fields,
            "an exposure, in the core's order",
        )
        assertFalse(FormField.NOTE in entryFormFields(EntryKind.DOSE), "a dose has no note")
        assertEquals(listOf(FormField.ON_MORNING_CHECK_IN), entryFormFields(EntryKind.SLEEP_DIARY))
    }

    test("togglesShowTheFieldsThatDependOnThem") {
        val r = AddRig(this)
        val p = r.presenter(EntryKind.EPISODE)
        assertFalse(FormField.ENDED_AT in p.state.value.fields)
        p.setToggle(FormField.HAS_ENDED, true)
        val fields = p.state.value.fields
        assertEquals(fields.indexOf(FormField.HAS_ENDED) + 1, fields.indexOf(FormField.ENDED_AT), "ended at follows the toggle")
        val start = assertNotNull(p.state.value.form.momentOf(FormField.STARTED_AT)).local
        assertEquals(start.plusMinutes(formRules().defaultEpisodeMinutes.toLong()), p.state.value.form.momentOf(FormField.ENDED_AT)?.local)
        p.setToggle(FormField.HAS_ENDED, false)
        assertFalse(FormField.ENDED_AT in p.state.value.fields)
        assertNull(p.state.value.form.endAt)

        p.setToggle(FormField.LATENCY_KNOWN, true)
        assertTrue(FormField.LATENCY_MINUTES in p.state.value.fields)
        assertEquals(formRules().defaultLatencyMinutes, p.state.value.form.countOf(FormField.LATENCY_MINUTES))
        p.setToggle(FormField.WOKE_FROM_SLEEP, true)
        assertTrue(p.state.value.form.isOn(FormField.WOKE_FROM_SLEEP))

        p.edit { it.copy(kind = EntryKind.TREATMENT) }
        assertFalse(FormField.STOPPED_ON in p.state.value.fields)
        p.setToggle(FormField.HAS_STOPPED, true)
        assertTrue(FormField.STOPPED_ON in p.state.value.fields)
        assertEquals(date("2025-03-27"), p.state.value.form.dateOf(FormField.STOPPED_ON), "stopped today, by the clock")
    }

    test("choosingOtherShowsItsLabelFieldAndKeepsTheLabel") {
        val r = AddRig(this)
        val p = r.presenter(EntryKind.EXPOSURE)
        val cases = listOf(
            Triple(EntryKind.EXPOSURE, FormField.EXPOSURE_KIND, FormField.OTHER_EXPOSURE_LABEL),
            Triple(EntryKind.TREATMENT, FormField.TREATMENT_CATEGORY, FormField.OTHER_CATEGORY_LABEL),
            Triple(EntryKind.LAB_RESULT, FormField.ANALYTE, FormField.OTHER_ANALYTE_LABEL),
        )
        for ((kind, choice, label) in cases) {
            p.edit { it.copy(kind = kind) }
            val choices = p.state.value.choices(choice)
            assertEquals("Other", choices.last().label, "$kind: the core's blank other, last")
            assertFalse(label in p.state.value.fields)
            p.choose(choice, choices.lastIndex)
            assertTrue(label in p.state.value.fields, "$kind")
            assertEquals(p.state.value.fields.indexOf(choice) + 1, p.state.value.fields.indexOf(label))
            p.setText(label, "Sauna")
            assertEquals("Other", p.state.value.choices(choice).last().label, "the chip stays Other; the label field holds the words")
            assertTrue(p.state.value.choices(choice).last().chosen, "a labelled other is the other chip")
            p.choose(choice, choices.lastIndex)
            assertEquals("Sauna", p.state.value.form.textOf(label), "choosing other again keeps the label")
            p.choose(choice, 0)
            assertFalse(label in p.state.value.fields, "$kind: a fixed choice hides the label field")
            assertTrue(p.state.value.choices(choice).first().chosen)
            assertFalse(p.state.value.form.isOtherChosen(choice))
        }
    }

    test("aDoseShowsNoTreatmentsYetOnlyWhenThereAreNone") {
        val r = AddRig(this)
        assertTrue(FormField.NO_TREATMENTS_YET in r.presenter(EntryKind.DOSE).state.value.fields)
        val regimen = r.file.addTreatment(treatmentData())
        val p = r.presenter(EntryKind.DOSE)
        assertFalse(FormField.NO_TREATMENTS_YET in p.state.value.fields)
        assertEquals(listOf("Pramipexole"), p.state.value.choices(FormField.WHICH_TREATMENT).map { it.label })
        p.choose(FormField.WHICH_TREATMENT, 0)
        assertEquals(regimen.id, p.state.value.form.treatmentId)
        p.choose(FormField.WHICH_TREATMENT, null)
        assertNull(p.state.value.form.treatmentId, "cleared")
        p.choose(FormField.WHICH_TREATMENT, 7)
        assertNull(p.state.value.form.treatmentId, "an index not offered changes nothing")
    }

    test("fillingTheVisibleFieldsOfEachKindSavesIt") {
        val r = AddRig(this)
        r.file.addTreatment(treatmentData())
        for (kind in formRules().addKinds) {
            val p = r.presenter(kind)
            // Field by field in the order shown; a toggle or an "other" may show the next one.
            var i = 0
            while (i < p.state.value.fields.size) {
                p.fill(p.state.value.fields[i])
                i += 1
            }
            val filled = p.state.value
            assertTrue(filled.fields.containsAll(entryFormFields(kind).filter { it != FormField.NO_TREATMENTS_YET }), "$kind: every field was reached")
            val before = r.stored().map { it.id }.toSet()
            p.saved()
            assertNull(p.state.value.error, "$kind: ${p.state.value.errorText}")
            val entry = r.stored().single { it.id !in before }
            assertEquals(kind, entry.kind)
            // The same form, opened again from what the core stored, shows every field as filled.
            val edit = r.presenter(null, entry.id)
            assertEquals(filled.fields, edit.state.value.fields, "$kind")
            for (field in filled.fields) {
                assertEquals(filled.shown(field), edit.state.value.shown(field), "$kind $field")
            }
        }
        val episode = assertIs<Entry.Episode>(r.stored().single { it.kind == EntryKind.EPISODE }.entry).episode.data
        assertEquals(moment("2025-03-26T22:00:00+01:00"), episode.startedAt)
        assertEquals(moment("2025-03-26T23:40:00+01:00"), episode.endedAt)
        assertEquals("line one\nline two", episode.note)
        assertTrue(episode.wokeFromSleep)
    }

    test("anInvalidValueShowsTheCoresSentenceAndChangesNothing") {
        val r = AddRig(this)
        val p = r.presenter(EntryKind.LAB_RESULT)
        p.setText(FormField.LAB_VALUE, "-3")
        p.setText(FormField.LAB_UNIT, "µg/L")
        p.saved()
        val error = assertIs<JournalException.InvalidInput>(p.state.value.error)
        assertEquals(errorMessage(error), p.state.value.errorText)
        assertEquals("-3", p.state.value.form.textOf(FormField.LAB_VALUE), "the form keeps the input")
        assertEquals(emptyList(), r.stored().map { it.id })

        val stored = r.file.addLabResult(labData())
        val edit = r.presenter(null, stored.id)
        edit.setText(FormField.LAB_UNIT, "")
        edit.saved()
        assertEquals(errorMessage(assertIs<JournalException.InvalidInput>(edit.state.value.error)), edit.state.value.errorText)
        assertEquals(Entry.LabResult(stored), r.file.entry(stored.id), "the stored entry is unchanged")
    }
}
