package org.rlsjournal.tests

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.Locale

/**
 * A registered benchmark. [setup] runs once, untimed, in a fresh temp dir (the [BenchContext]
 * gives it a private copy of the benchmark journal) and returns the call to time; that call then
 * runs [warmup] times (and at least [WARMUP_NANOS]) untimed and [iterations] times timed, one
 * `System.nanoTime()` pair per call.
 * With [needsDataFile] it runs only when a journal was given on the command line; with [optIn]
 * (the `profile.*` breakdowns) only when a filter on the command line that says `profile` selects it.
 */
class Benchmark(
    val name: String,
    val iterations: Int = 2_000,
    val warmup: Int = 200,
    val needsDataFile: Boolean = false,
    val optIn: Boolean = false,
    val setup: BenchContext.() -> () -> Unit,
)

/** A call through the bindings and the same work written by hand: printed as a `RATIO` line. */
class BenchPair(val subject: String, val peer: String)

/** What a benchmark's setup gets: a test context (temp dir, closing) and the benchmark data. */
class BenchContext(val test: TestContext, val data: BenchData) {
    /** A private copy of the benchmark journal in this benchmark's temp dir (written freely). */
    fun journalCopy(name: String = "journal.db"): Path = data.copyTo(test.dir.resolve(name))
}

/**
 * Every benchmark, in the order they run (each next to its peer, so both see the same machine
 * load). Issue 7: the JVM calls through the bindings ([jvmBenchmarks], BenchJournal.kt) and the
 * same work through SQLite JDBC ([jdbcBenchmarks], JdbcPeer.kt); then the opt-in breakdowns
 * ([profileBenchmarks], BenchProfile.kt).
 */
fun allBenchmarks(): List<Benchmark> {
    val jvm = jvmBenchmarks().associateBy { it.name }
    val jdbc = jdbcBenchmarks().associateBy { it.name }
    val ordered = benchPairs().flatMap { listOfNotNull(jvm[it.subject], jdbc[it.peer]) }
    return ordered + (jvm.values + jdbc.values).filter { it !in ordered } + profileBenchmarks()
}

/** The pairs printed as `RATIO <subject> / <peer>` lines (budget: within 2x). */
fun benchPairs(): List<BenchPair> = listOf(
    BenchPair("jvm.quickLog", "jdbc.insert"),
    BenchPair("jvm.historyPage", "jdbc.historyPage"),
    BenchPair("jvm.nightView", "jdbc.night"),
    BenchPair("jvm.summary14", "jdbc.summaryScan14"),
    BenchPair("jvm.summaryTenYears", "jdbc.scanAllRows"),
)

/** The shortest warm-up of each benchmark (on top of its `warmup` calls). */
const val WARMUP_NANOS = 2_000_000_000L

/** p50 and p99 of one benchmark, in microseconds. */
class BenchResult(val name: String, val p50: Double, val p99: Double, val runs: Int)

/** The nearest-rank percentile [q] (0–1) of sorted nanoseconds, in microseconds. */
fun percentileMicros(sortedNanos: LongArray, q: Double): Double {
    val rank = Math.ceil(q * sortedNanos.size).toInt().coerceIn(1, sortedNanos.size)
    return sortedNanos[rank - 1] / 1_000.0
}

private fun fmt(pattern: String, vararg args: Any?): String = String.format(Locale.ROOT, pattern, *args)

/**
 * Runs the selected benchmarks and prints, for each, exactly one line
 * `BENCH <name>: p50 <x> us, p99 <y> us (<n> runs)`, then for each pair that ran
 * `RATIO <subject> / <peer>: p50 <r>x, p99 <r>x`, then `<n> benchmarks`. Lines starting with
 * `data:` say what was measured on. Arguments that name an existing file are the data file (a
 * journal, e.g. ten years; it is copied, never written); the others are name filters. Returns the
 * exit code.
 */
fun runBenchmarks(args: List<String>): Int {
    val (files, filters) = args.partition { Files.isRegularFile(Path.of(it)) }
    val dataFile = files.lastOrNull()?.let { Path.of(it).toAbsolutePath() }
    // Opt-in benchmarks run only when a filter names them (`profile`, `profile.night*`, …).
    val selected = allBenchmarks().filter { bench ->
        if (bench.optIn) filters.any { "profile" in it && selected(bench.name, listOf(it)) } else selected(bench.name, filters)
    }
    if (selected.isEmpty()) {
        println("no benchmark matches ${filters.joinToString(" ")}; benchmarks: " +
            allBenchmarks().joinToString(" ") { it.name })
        return 2
    }
    val data = BenchData.prepare(dataFile)
    val results = linkedMapOf<String, BenchResult>()
    try {
        data.describe().forEach { println("data: $it") }
        System.out.flush()
        for (bench in selected) {
            if (bench.needsDataFile && dataFile == null) {
                println("data: ${bench.name} skipped (it needs a DATA_FILE journal)")
                continue
            }
            val result = runOne(bench, data)
            results[bench.name] = result
            println(fmt("BENCH %s: p50 %.1f us, p99 %.1f us (%d runs)", result.name, result.p50, result.p99, result.runs))
            System.out.flush()
        }
        for (pair in benchPairs()) {
            val a = results[pair.subject] ?: continue
            val b = results[pair.peer] ?: continue
            println(fmt("RATIO %s / %s: p50 %.2fx, p99 %.2fx", a.name, b.name, a.p50 / b.p50, a.p99 / b.p99))
        }
    } finally {
        data.close()
    }
    println("${results.size} benchmarks")
    return 0
}

private fun runOne(bench: Benchmark, data: BenchData): BenchResult {
    val dir = Files.createTempDirectory("rlsjournal-bench-")
    val test = TestContext(dir, data.dataFile)
    try {
        val call = BenchContext(test, data).(bench.setup)()
        // Warm-up: at least `warmup` calls and at least WARMUP_NANOS, so the JIT has compiled the
        // hot paths (JNA, the generated converters, the JDBC driver) before anything is timed.
        val warmStart = System.nanoTime()
        var warmed = 0
        while (warmed < bench.warmup || System.nanoTime() - warmStart < WARMUP_NANOS) {
            call()
            warmed++
        }
        System.gc()
        val nanos = LongArray(bench.iterations)
        for (i in nanos.indices) {
            val start = System.nanoTime()
            call()
            nanos[i] = System.nanoTime() - start
        }
        nanos.sort()
        return BenchResult(bench.name, percentileMicros(nanos, 0.50), percentileMicros(nanos, 0.99), bench.iterations)
    } finally {
        test.closeAll()
        dir.toFile().deleteRecursively()
    }
}

/**
 * The journal every benchmark copies: the DATA_FILE given on the command line, or (without one)
 * a small synthetic journal written through the bindings ([writeSyntheticJournal]). Each
 * benchmark works on its own copy, so writes never reach the given file or another benchmark.
 */
class BenchData private constructor(
    /** The file to copy (the DATA_FILE, or the synthetic journal in [ownDir]). */
    val source: Path,
    /** The DATA_FILE from the command line, if any. */
    val dataFile: Path?,
    private val ownDir: Path,
) : AutoCloseable {
    /** What the nights below were chosen from, for the `data:` lines. */
    lateinit var facts: BenchFacts
        private set

    /** Copies the journal (and its `-wal`, if it has one) to [target]. */
    fun copyTo(target: Path): Path {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
        val wal = Path.of("$source-wal")
        if (Files.isRegularFile(wal)) {
            Files.copy(wal, Path.of("$target-wal"), StandardCopyOption.REPLACE_EXISTING)
        }
        return target
    }

    fun describe(): List<String> = buildList {
        val f = facts
        if (dataFile != null) {
            add("journal $dataFile (copied for each benchmark; never written)")
        } else {
            add("no DATA_FILE: a synthetic journal of $SYNTHETIC_NIGHTS nights written through the bindings")
        }
        add("${f.liveRows} live rows (${f.liveEpisodes} episodes), nights ${f.firstNight} to ${f.lastNight}")
        add("night view and jdbc.night: night ${f.episodeNight} (${f.episodeNightRows} live rows)")
        add("summary14: nights ${f.range14.first} to ${f.range14.last}" +
            if (f.range14 == f.defaultRange) " (the default range)"
            else " (the default range ${f.defaultRange.first} to ${f.defaultRange.last} ends after the last night logged)")
        add("files in ${ownDir.parent} (journal_mode=WAL, synchronous=FULL on both sides)")
    }

    override fun close() {
        ownDir.toFile().deleteRecursively()
    }

    companion object {
        const val SYNTHETIC_NIGHTS = 90

        fun prepare(dataFile: Path?): BenchData {
            val dir = Files.createTempDirectory("rlsjournal-bench-data-")
            val source = dataFile ?: writeSyntheticJournal(dir.resolve("synthetic.db"), SYNTHETIC_NIGHTS)
            val data = BenchData(source, dataFile, dir)
            try {
                data.facts = BenchFacts.read(data.copyTo(dir.resolve("facts.db")))
            } catch (e: Throwable) {
                data.close()
                throw e
            }
            return data
        }
    }
}
