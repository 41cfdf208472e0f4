package org.rlsjournal.tests

import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.OffsetDateTime
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.BodyArea
import org.rlsjournal.core.DoseData
import org.rlsjournal.core.Entry
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.EpisodeData
import org.rlsjournal.core.ExposureData
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.HistoryItem
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Journal
import org.rlsjournal.core.JournalException
import org.rlsjournal.core.LabResultData
import org.rlsjournal.core.Moment
import org.rlsjournal.core.Sensation
import org.rlsjournal.core.Setting
import org.rlsjournal.core.Settings
import org.rlsjournal.core.SeverityRatingData
import org.rlsjournal.core.Side
import org.rlsjournal.core.SleepDiaryData
import org.rlsjournal.core.TreatmentCategory
import org.rlsjournal.core.TreatmentData
import org.rlsjournal.journal.toMoment

// Test data lives in March 2025 (CET, +01:00): the night of Wed 26 March 2025 is the main night.

/** A moment from RFC 3339 text with offset, e.g. `2025-03-27T02:10:00+01:00`. */
fun moment(text: String): Moment = OffsetDateTime.parse(text).toMoment()

/** A date from `YYYY-MM-DD`. */
fun date(text: String): LocalDate = LocalDate.parse(text)

/** The same moment shifted by [minutes] (keeping its offset). */
fun Moment.plusMinutes(minutes: Long): Moment = Moment(instant.plus(Duration.ofMinutes(minutes)), offsetMinutes)

/** A moment [hours] from the real now, with offset 0. */
fun fromNow(hours: Long): Moment = Moment(Instant.now().plus(Duration.ofHours(hours)), 0)

/** A minimal complete episode. */
fun episodeData(
    start: String,
    peak: Int = 5,
    minutes: Long? = 30,
    side: Side? = null,
    note: String? = null,
): EpisodeData {
    val started = moment(start)
    return EpisodeData(
        startedAt = started,
        endedAt = minutes?.let { started.plusMinutes(it) },
        peakIntensity = peak,
        latencyMinutes = null,
        setting = null,
        side = side,
        bodyAreas = emptyList(),
        sensations = emptyList(),
        wokeFromSleep = false,
        note = note,
    )
}

/** An episode with every field set (sets given in their normalized, sorted order). */
fun fullEpisodeData(): EpisodeData = EpisodeData(
    startedAt = moment("2025-03-26T23:05:00.123+01:00"),
    endedAt = moment("2025-03-27T00:20:00+01:00"),
    peakIntensity = 8,
    latencyMinutes = 25,
    setting = Setting.Other("airplane seat"),
    side = Side.ALTERNATING,
    bodyAreas = listOf(BodyArea.FEET, BodyArea.CALVES, BodyArea.ARMS),
    sensations = listOf(Sensation.Crawling, Sensation.Electric, Sensation.Other("fizzing")),
    wokeFromSleep = true,
    note = "Woke at 00:05, walked the hallway. Ünïcødé ✓ 🦵",
)

/** A consistent sleep diary for the night of [night] (bed 22:30 that evening, up 06:50). */
fun sleepData(night: String = "2025-03-26", quality: Int = 3, note: String? = null): SleepDiaryData {
    val evening = LocalDate.parse(night)
    val morning = evening.plusDays(1)
    return SleepDiaryData(
        nightOf = evening,
        gotIntoBedAt = moment("${evening}T22:30:00+01:00"),
        triedToSleepAt = moment("${evening}T22:45:00+01:00"),
        sleepOnsetMinutes = 20,
        awakenings = 2,
        wakeAfterSleepOnsetMinutes = 35,
        finalAwakeningAt = moment("${morning}T06:30:00+01:00"),
        outOfBedAt = moment("${morning}T06:50:00+01:00"),
        quality = quality,
        note = note,
    )
}

/** An exposure. */
fun exposureData(
    at: String,
    kind: ExposureKind = ExposureKind.Caffeine,
    amount: Double? = 2.0,
    unit: String? = "cups",
    note: String? = null,
) = ExposureData(at = moment(at), kind = kind, amount = amount, unit = unit, note = note)

/** A treatment regimen. */
fun treatmentData(
    name: String = "Pramipexole",
    category: TreatmentCategory = TreatmentCategory.DopamineAgonist,
    startedOn: String = "2025-02-01",
    stoppedOn: String? = null,
) = TreatmentData(
    name = name,
    category = category,
    dose = 0.125,
    doseUnit = "mg",
    startedOn = date(startedOn),
    stoppedOn = stoppedOn?.let(::date),
    note = "evening, 2 h before bed",
)

/** A dose of [treatmentId]. */
fun doseData(treatmentId: String, at: String, amount: Double? = 0.125) =
    DoseData(treatmentId = treatmentId, at = moment(at), amount = amount)

/** A lab result. */
fun labData(
    takenOn: String = "2025-03-20",
    analyte: Analyte = Analyte.Ferritin,
    value: Double = 42.5,
    unit: String = "µg/L",
) = LabResultData(takenOn = date(takenOn), analyte = analyte, value = value, unit = unit, note = "fasting")

/** An IRLS rating. */
fun ratingData(ratedOn: String = "2025-03-20", total: Int = 24) =
    SeverityRatingData(ratedOn = date(ratedOn), irlsTotal = total, note = "clinic form")

/** Every live history item, paging through with [pageSize] items a page. */
fun Journal.allItems(kinds: List<EntryKind> = emptyList(), pageSize: Int = 200): List<HistoryItem> {
    val items = mutableListOf<HistoryItem>()
    var cursor: String? = null
    var pages = 0
    do {
        val page = history(HistoryQuery(kinds = kinds, cursor = cursor, limit = pageSize))
        items += page.items
        cursor = page.nextCursor
        check(++pages < 10_000) { "history paging does not end" }
    } while (cursor != null)
    return items
}

/** Everything observable about a journal, to check that a rejected call changed nothing. */
data class JournalState(
    val entries: List<Entry>,
    val openEpisode: org.rlsjournal.core.Episode?,
    val settings: Settings,
    val treatments: List<org.rlsjournal.core.Treatment>,
)

/** Reads the [JournalState]. */
fun Journal.state() = JournalState(allItems().map { it.entry }, openEpisode(), settings(), treatments())

/**
 * Checks that [block] is rejected with `InvalidInput` naming [field] (and, if given, a reason
 * containing [reason]), and that the journal is exactly as before.
 */
fun Journal.rejects(field: String, reason: String? = null, block: Journal.() -> Unit): JournalException.InvalidInput {
    val before = state()
    val error = assertFailsWith<JournalException.InvalidInput> { block() }
    assertEquals(field, error.field, "field of $error (reason: ${error.reason})")
    assertTrue(error.reason.isNotBlank(), "the reason is empty")
    if (reason != null) {
        assertTrue(reason in error.reason, "reason \"${error.reason}\" should mention \"$reason\"")
    }
    assertEquals(before, state(), "the journal changed after a rejected call")
    return error
}

/** Checks that [block] fails with `NotFound` and leaves the journal exactly as before. */
fun Journal.notFound(block: Journal.() -> Unit): JournalException.NotFound {
    val before = state()
    val error = assertFailsWith<JournalException.NotFound> { block() }
    assertTrue(error.what.isNotBlank(), "NotFound says what was looked for")
    assertEquals(before, state(), "the journal changed after a NotFound")
    return error
}

/** Adds a little of everything (for "unchanged" checks and persistence). Returns the episode id. */
fun Journal.seed(): String {
    val treatment = addTreatment(treatmentData())
    addDose(doseData(treatment.id, "2025-03-26T21:30:00+01:00"))
    addExposure(exposureData("2025-03-26T20:00:00+01:00"))
    val episode = addEpisode(episodeData("2025-03-26T23:10:00+01:00", peak = 5))
    addSleepDiary(sleepData())
    addLabResult(labData())
    addSeverityRating(ratingData())
    quickLog(6, Side.BOTH, moment("2025-03-27T02:10:00+01:00"))
    return episode.id
}
