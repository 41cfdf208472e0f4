package org.rlsjournal.tests

import java.nio.file.Path
import java.time.LocalDate
import kotlin.random.Random
import org.rlsjournal.core.Analyte
import org.rlsjournal.core.ExposureKind
import org.rlsjournal.core.Journal
import org.rlsjournal.core.NightRange
import org.rlsjournal.core.ReliefData
import org.rlsjournal.core.ReliefMethod
import org.rlsjournal.core.Side

/** What the benchmarks read, found once on a copy of the benchmark journal. */
data class BenchFacts(
    val liveRows: Long,
    val liveEpisodes: Long,
    val firstNight: LocalDate,
    val lastNight: LocalDate,
    /** The night of the newest live episode (the night view benchmarks read it). */
    val episodeNight: LocalDate,
    val episodeNightRows: Long,
    /** What `summary()` without a range covers now. */
    val defaultRange: NightRange,
    /** The default range, or the 14 nights ending with the last night logged if that is earlier. */
    val range14: NightRange,
    /** Every night of the journal, first to last. */
    val allNights: NightRange,
    /**
     * Where the quick log benchmarks start (epoch ms; each call then goes 4 h back): an hour ago,
     * or just before the journal's open episode if it has one, so that no call merges into it.
     */
    val quickLogStartMs: Long,
) {
    companion object {
        fun read(copy: Path): BenchFacts {
            val defaultRange = Journal.open(copy.toString()).use { it.summary(null).range }
            openJdbc(copy).use { conn ->
                fun <T> one(sql: String, vararg params: Any, read: (java.sql.ResultSet) -> T): T =
                    conn.prepareStatement(sql).use { st ->
                        params.forEachIndexed { i, p -> st.setObject(i + 1, p) }
                        st.executeQuery().use { rs ->
                            check(rs.next()) { "no row for $sql" }
                            read(rs)
                        }
                    }
                val (rows, episodes) = one(
                    "SELECT count(*), count(*) FILTER (WHERE kind = 'episode') FROM entries WHERE deleted_ms IS NULL",
                ) { it.getLong(1) to it.getLong(2) }
                check(episodes > 0) { "the benchmark journal has no episodes" }
                val (first, last) = one("SELECT min(night), max(night) FROM entries WHERE deleted_ms IS NULL") {
                    LocalDate.parse(it.getString(1)) to LocalDate.parse(it.getString(2))
                }
                val episodeNight = one(
                    "SELECT night FROM entries WHERE kind = 'episode' AND deleted_ms IS NULL " +
                        "ORDER BY sort_ms DESC, id DESC LIMIT 1",
                ) { LocalDate.parse(it.getString(1)) }
                val nightRows = one("SELECT count(*) FROM entries WHERE night = ? AND deleted_ms IS NULL", episodeNight.toString()) {
                    it.getLong(1)
                }
                val openStart = one(
                    "SELECT max(sort_ms) FROM entries WHERE kind = 'episode' AND end_ms IS NULL AND deleted_ms IS NULL",
                ) { rs -> rs.getLong(1).takeUnless { rs.wasNull() } }
                val anHourAgo = System.currentTimeMillis() - 3_600_000L
                val last14 = minOf(defaultRange.last, last)
                return BenchFacts(
                    liveRows = rows,
                    liveEpisodes = episodes,
                    firstNight = first,
                    lastNight = last,
                    episodeNight = episodeNight,
                    episodeNightRows = nightRows,
                    defaultRange = defaultRange,
                    range14 = NightRange(last14.minusDays(13), last14),
                    allNights = NightRange(first, last),
                    quickLogStartMs = if (openStart == null) anHourAgo else minOf(anHourAgo, openStart - 60_000L),
                )
            }
        }
    }
}

/**
 * Writes a small synthetic journal to [path] through the bindings (in memory, then one backup
 * import): [nights] nights ending last night, each with a dose of one treatment, a sleep diary,
 * one or two exposures and (about 60 % of nights) an episode with a relief attempt; a lab result
 * and an IRLS rating every 30 nights. Times are in +01:00; the data is the same every run.
 */
fun writeSyntheticJournal(path: Path, nights: Int): Path {
    val random = Random(7)
    val last = LocalDate.now().minusDays(1)
    val first = last.minusDays(nights - 1L)
    Journal.openInMemory().use { memory ->
        val treatment = memory.addTreatment(treatmentData(startedOn = first.toString()))
        for (i in 0 until nights) {
            val night = first.plusDays(i.toLong())
            val next = night.plusDays(1)
            memory.addDose(doseData(treatment.id, "${night}T21:00:00+01:00"))
            memory.addExposure(exposureData("${night}T16:30:00+01:00"))
            if (random.nextInt(3) == 0) {
                memory.addExposure(exposureData("${night}T20:15:00+01:00", kind = ExposureKind.Alcohol, amount = 1.0, unit = "glasses"))
            }
            if (random.nextInt(10) < 6) {
                val late = random.nextInt(3) == 0
                val start = if (late) "${next}T0${random.nextInt(1, 4)}:${10 + random.nextInt(40)}:00+01:00"
                else "${night}T2${random.nextInt(1, 4)}:${10 + random.nextInt(40)}:00+01:00"
                val episode = memory.addEpisode(
                    episodeData(start, peak = random.nextInt(3, 10), minutes = 20L + random.nextInt(70), side = Side.BOTH),
                )
                memory.addReliefAttempt(
                    episode.id,
                    ReliefData(ReliefMethod.Walking, random.nextInt(0, 4), 15, episode.data.startedAt.plusMinutes(10)),
                )
            }
            memory.addSleepDiary(sleepData(night.toString(), quality = random.nextInt(1, 6)))
            if (i % 30 == 0) {
                memory.addLabResult(labData(takenOn = night.toString(), analyte = Analyte.Ferritin, value = 40.0 + i))
                memory.addSeverityRating(ratingData(ratedOn = night.toString(), total = 15 + random.nextInt(15)))
            }
        }
        val backup = memory.backupJson()
        Journal.open(path.toString()).use { it.importBackup(backup.toByteArray()) }
    }
    return path
}
