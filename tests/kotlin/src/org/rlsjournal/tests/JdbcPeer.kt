package org.rlsjournal.tests

import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.sql.PreparedStatement
import java.sql.ResultSet
import java.sql.SQLException
import java.time.Instant
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.util.UUID
import java.util.concurrent.ThreadLocalRandom
import org.rlsjournal.core.Entry
import org.rlsjournal.core.Journal
import org.rlsjournal.core.Side

// The peer an Android developer would otherwise write by hand: the same `entries` table, the same
// SQL and the same pragmas as the core, through SQLite JDBC (xerial, Debian's
// libxerial-sqlite-jdbc-java, which links the system libsqlite3) from Kotlin. Only
// `java.sql.DriverManager` is used, so nothing here needs the driver at compile time; `run.sh
// bench` puts it on the runtime classpath. Statements are prepared once per benchmark (the
// core's `prepare_cached`), and every result is materialised into Kotlin objects.

/**
 * Opens a journal file through SQLite JDBC with the core's connection pragmas
 * (core/src/store/connection.rs): WAL, synchronous=FULL, foreign keys, busy timeout 5 s, temp
 * store in memory. Not `trusted_schema=OFF`: the system SQLite (3.40) does not yet mark
 * `json_valid` innocuous, so the table's `CHECK (json_valid(data))` would refuse every INSERT
 * ("unsafe use of json_valid()"); the core's bundled SQLite does. Nor `SQLITE_DBCONFIG_DEFENSIVE`
 * (not settable through JDBC). Neither changes the cost of these statements. Auto-commit stays
 * on: writes run explicit `BEGIN IMMEDIATE` … `COMMIT`, as the core does.
 */
fun openJdbc(path: Path): Connection {
    val conn = try {
        DriverManager.getConnection("jdbc:sqlite:$path")
    } catch (e: SQLException) {
        throw IllegalStateException(
            "SQLite JDBC is not usable (run.sh bench puts /usr/share/java/sqlite-jdbc.jar from " +
                "libxerial-sqlite-jdbc-java on the classpath): ${e.message}",
            e,
        )
    }
    conn.createStatement().use { st ->
        st.executeQuery("PRAGMA journal_mode = WAL").use { rs ->
            check(rs.next() && rs.getString(1).equals("wal", ignoreCase = true)) { "the JDBC connection is not in WAL mode" }
        }
        st.execute("PRAGMA synchronous = FULL")
        st.execute("PRAGMA foreign_keys = ON")
        st.execute("PRAGMA busy_timeout = 5000")
        st.execute("PRAGMA temp_store = MEMORY")
    }
    return conn
}

/** The core's row read (`SELECT_ROWS` in core/src/store/entries.rs): the parent join gives its name and liveness. */
const val JDBC_SELECT_ROWS = "SELECT e.id, e.kind, e.parent_id, json_extract(p.data, '\$.name'), e.night, e.data, " +
    "e.created_ms, e.updated_ms, e.deleted_ms, e.sort_ms FROM entries e LEFT JOIN entries p ON p.id = e.parent_id"

/** The core's `LIVE`: the row is live and so is its parent, if any. */
const val JDBC_LIVE = "e.deleted_ms IS NULL AND (e.parent_id IS NULL OR p.deleted_ms IS NULL)"

/** One row of [JDBC_SELECT_ROWS] as a hand-written DAO holds it: every column, the record JSON as text. */
data class JdbcRow(
    val id: String,
    val kind: String,
    val parentId: String?,
    val parentName: String?,
    val night: LocalDate,
    val data: String,
    val createdMs: Long,
    val updatedMs: Long,
    val deletedMs: Long?,
    val sortMs: Long,
)

/** A page of history, as the hand-written peer returns it. */
data class JdbcHistoryPage(val rows: List<JdbcRow>, val nextCursor: String?)

/** A row of the bare scans (the columns the core's summary reads). */
data class JdbcScanRow(val kind: String, val night: String, val id: String, val parentId: String?, val sortMs: Long, val data: String)

/** The episode a quick log wrote. */
data class JdbcEpisode(val id: String, val night: LocalDate, val startedMs: Long, val peakIntensity: Int, val side: String, val data: String)

private fun ResultSet.longOrNull(column: Int): Long? = getLong(column).takeUnless { wasNull() }

/** Runs [statement] and materialises every row of [JDBC_SELECT_ROWS]. */
fun readRows(statement: PreparedStatement): MutableList<JdbcRow> {
    val rows = ArrayList<JdbcRow>()
    statement.executeQuery().use { rs ->
        while (rs.next()) {
            rows += JdbcRow(
                id = rs.getString(1),
                kind = rs.getString(2),
                parentId = rs.getString(3),
                parentName = rs.getString(4),
                night = LocalDate.parse(rs.getString(5)),
                data = rs.getString(6),
                createdMs = rs.getLong(7),
                updatedMs = rs.getLong(8),
                deletedMs = rs.longOrNull(9),
                sortMs = rs.getLong(10),
            )
        }
    }
    return rows
}

/** A UUID v7 (time-ordered, as the core's ids): 48 bits of epoch ms, then random bits. */
fun uuidV7(ms: Long): String {
    val random = ThreadLocalRandom.current()
    val msb = (ms shl 16) or 0x7000L or (random.nextLong() and 0x0FFFL)
    val lsb = (random.nextLong() and 0x3FFF_FFFF_FFFF_FFFFL) or Long.MIN_VALUE
    return UUID(msb, lsb).toString()
}

/** The core's night rule (`Moment::night`, default cutover 12:00): the local date 12 hours earlier. */
private const val CUTOVER_HOURS = 12L

/**
 * The peers of [jvmBenchmarks], one each, on their own copy of the same journal. What one timed
 * call does:
 *
 * - `jdbc.insert` (peer of `jvm.quickLog`): `BEGIN IMMEDIATE`; the core's open-episode SELECT
 *   (`LIMIT 1`, read into a [JdbcRow]) and its 3-hour merge check; the episode JSON built with a
 *   string template (the same fields and format as the core's serde output); the core's INSERT
 *   (all indexed columns + JSON) through a prepared statement; `COMMIT` (a WAL fsync). It returns
 *   the [JdbcEpisode] it built. It does not do the core's relief lookups nor the re-read of the
 *   new row. The setup checks that the core reads such a row back as the episode quick log writes.
 * - `jdbc.historyPage`: the core's page SELECT (live, not relief, `(sort_ms, id) < cursor`,
 *   `ORDER BY sort_ms DESC, id DESC LIMIT 51`), every column of each row into a [JdbcRow], the
 *   record JSON kept as a string (not parsed), the next cursor. No relief lookup.
 * - `jdbc.night`: the SELECT of one night's live rows (all kinds, so relief attempts come in the
 *   same query), into [JdbcRow]s, ordered as the core's. No treatments query.
 * - `jdbc.summaryScan14` / `jdbc.scanAllRows`: a bare read of the live rows of the summary's
 *   nights (14 / every night) into [JdbcScanRow]s: the summary's input with none of its work.
 */
fun jdbcBenchmarks(): List<Benchmark> = listOf(
    Benchmark("jdbc.insert") {
        val copy = journalCopy()
        val conn = test.closeAfter(openJdbc(copy))
        val begin = conn.prepareStatement("BEGIN IMMEDIATE")
        val commit = conn.prepareStatement("COMMIT")
        val rollback = conn.prepareStatement("ROLLBACK")
        val openEpisode = conn.prepareStatement(
            "$JDBC_SELECT_ROWS WHERE e.kind = 'episode' AND e.end_ms IS NULL AND $JDBC_LIVE " +
                "ORDER BY e.sort_ms DESC, e.id DESC LIMIT 1",
        )
        val insert = conn.prepareStatement(
            "INSERT INTO entries (id, kind, parent_id, night, sort_ms, end_ms, intensity, data, " +
                "created_ms, updated_ms, deleted_ms) VALUES (?, 'episode', NULL, ?, ?, NULL, ?, ?, ?, ?, NULL)",
        )
        val offset = ZoneOffset.ofTotalSeconds(60 * 60)
        var at = data.facts.quickLogStartMs
        val insertOne = {
            val intensity = 6
            val started = OffsetDateTime.ofInstant(Instant.ofEpochMilli(at), offset)
            val json = """{"started_at":"${started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)}","ended_at":null,""" +
                """"peak_intensity":$intensity,"latency_minutes":null,"setting":null,"side":"both",""" +
                """"body_areas":[],"sensations":[],"woke_from_sleep":false,"note":null}"""
            val now = System.currentTimeMillis()
            val episode = JdbcEpisode(uuidV7(now), started.minusHours(CUTOVER_HOURS).toLocalDate(), at, intensity, "both", json)
            begin.execute()
            try {
                val open = readRows(openEpisode).firstOrNull()
                // The core raises an open episode started less than 3 hours before instead; the
                // benchmark's times go back 4 hours per call, so that never happens here.
                check(open == null || at - open.sortMs !in 0 until 3 * 3_600_000L) { "would merge" }
                insert.setString(1, episode.id)
                insert.setString(2, episode.night.toString())
                insert.setLong(3, episode.startedMs)
                insert.setInt(4, episode.peakIntensity)
                insert.setString(5, episode.data)
                insert.setLong(6, now)
                insert.setLong(7, now)
                check(insert.executeUpdate() == 1)
                commit.execute()
            } catch (e: Throwable) {
                runCatching { rollback.execute() }
                throw e
            }
            at -= QUICK_LOG_STEP_MS
            episode
        }
        // The row written by hand reads back through the core as the episode quick log writes.
        val first = insertOne()
        Journal.open(copy.toString()).use { journal ->
            val entry = journal.entry(first.id)
            check(entry is Entry.Episode) { "the core does not read the JDBC row as an episode: $entry" }
            val e = entry.episode
            check(e.night == first.night && e.data.startedAt.instant.toEpochMilli() == first.startedMs &&
                e.data.peakIntensity.toInt() == first.peakIntensity && e.data.side == Side.BOTH && e.data.endedAt == null) {
                "the core reads the JDBC row differently: $e"
            }
        }
        val call = { insertOne().let {} }
        call
    },
    Benchmark("jdbc.historyPage") {
        val conn = test.closeAfter(openJdbc(journalCopy()))
        val page = conn.prepareStatement(
            "$JDBC_SELECT_ROWS WHERE e.deleted_ms IS NULL AND e.kind <> 'relief' AND (e.sort_ms, e.id) < (?, ?) " +
                "AND $JDBC_LIVE ORDER BY e.sort_ms DESC, e.id DESC LIMIT ?",
        )
        val limit = 50
        val read = {
            page.setLong(1, Long.MAX_VALUE)
            page.setString(2, "")
            page.setInt(3, limit + 1)
            val rows = readRows(page)
            val hasMore = rows.size > limit
            val items = if (hasMore) rows.subList(0, limit) else rows
            JdbcHistoryPage(items, if (hasMore) items.last().let { "${it.sortMs}:${it.id}" } else null)
        }
        check(read().rows.size == limit) { "the first page should hold $limit rows" }
        val call = { read().rows.size.let {} }
        call
    },
    Benchmark("jdbc.night") {
        val conn = test.closeAfter(openJdbc(journalCopy()))
        val night = conn.prepareStatement("$JDBC_SELECT_ROWS WHERE e.night = ? AND $JDBC_LIVE ORDER BY e.sort_ms, e.id")
        val date = data.facts.episodeNight.toString()
        val read = {
            night.setString(1, date)
            readRows(night)
        }
        check(read().size.toLong() == data.facts.episodeNightRows) { "night $date: unexpected row count" }
        val call = { read().size.let {} }
        call
    },
    Benchmark("jdbc.summaryScan14", iterations = 1_000, warmup = 100) {
        scanBenchmark(data.facts.range14.first, data.facts.range14.last)
    },
    Benchmark("jdbc.scanAllRows", iterations = 60, warmup = 6, needsDataFile = true) {
        scanBenchmark(data.facts.allNights.first, data.facts.allNights.last)
    },
)

/** A bare read of every live row of the nights [first]–[last] (all kinds, relief included). */
private fun BenchContext.scanBenchmark(first: LocalDate, last: LocalDate): () -> Unit {
    val conn = test.closeAfter(openJdbc(journalCopy()))
    val scan = conn.prepareStatement(
        "SELECT e.kind, e.night, e.id, e.parent_id, e.sort_ms, e.data FROM entries e " +
            "LEFT JOIN entries p ON p.id = e.parent_id WHERE e.night >= ? AND e.night <= ? AND $JDBC_LIVE",
    )
    val call = {
        scan.setString(1, first.toString())
        scan.setString(2, last.toString())
        val rows = ArrayList<JdbcScanRow>()
        scan.executeQuery().use { rs ->
            while (rs.next()) {
                rows += JdbcScanRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6))
            }
        }
        rows.size.let {}
    }
    return call
}
