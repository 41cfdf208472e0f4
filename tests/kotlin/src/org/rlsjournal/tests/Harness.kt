package org.rlsjournal.tests

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import org.rlsjournal.core.Journal

/**
 * What a test gets: its own fresh temporary directory and a journal FILE path in it. Everything
 * opened through [openJournal] or registered with [closeAfter] is closed when the test ends, and
 * the directory is deleted (kept when `RLSJOURNAL_KEEP_TMP=1`, and printed on failure).
 */
class TestContext internal constructor(
    val dir: Path,
    /** A journal given on the command line (benchmarks: `run.sh bench PATH.db`); null in tests. */
    val dataFile: Path? = null,
) {
    /** The test's journal file (it does not exist until first opened). */
    val dbPath: Path = dir.resolve("journal.db")

    private val resources = ArrayDeque<AutoCloseable>()

    /** Opens (or creates) the journal at [path] (default: the test's journal file). */
    fun openJournal(path: Path = dbPath): Journal = closeAfter(Journal.open(path.toString()))

    /** Closes [resource] after the test (in reverse order of registration). */
    fun <T : AutoCloseable> closeAfter(resource: T): T {
        synchronized(resources) { resources.addLast(resource) }
        return resource
    }

    internal fun closeAll() {
        while (true) {
            val next = synchronized(resources) { resources.removeLastOrNull() } ?: return
            runCatching { next.close() }
        }
    }
}

/** One registered test: a unique dotted name (`group.whatItChecks`) and its body. */
class TestCase(val name: String, val body: TestContext.() -> Unit)

/** Builds the tests of one group; names become `<group>.<name>`. */
class Suite internal constructor(private val group: String) {
    internal val cases = mutableListOf<TestCase>()

    /** Registers a test. */
    fun test(name: String, body: TestContext.() -> Unit) {
        cases += TestCase("$group.$name", body)
    }
}

/** Declares a group of tests. */
fun suite(group: String, build: Suite.() -> Unit): List<TestCase> = Suite(group).apply(build).cases

/** Whether a test name is selected by the command-line filters (substring, or glob with `*`). */
fun selected(name: String, filters: List<String>): Boolean =
    filters.isEmpty() || filters.any { f ->
        if ('*' in f) {
            Regex(f.split('*').joinToString(".*") { Regex.escape(it) }).matches(name)
        } else {
            name == f || name.contains(f)
        }
    }

/**
 * Runs [tests] one at a time, each on its own thread with a fresh temp dir and a time limit, and
 * prints `PASS`/`FAIL` per test. Returns the number of failures.
 */
fun runTests(tests: List<TestCase>, timeoutSeconds: Long): Pair<Int, Int> {
    var passed = 0
    var failed = 0
    val keep = System.getenv("RLSJOURNAL_KEEP_TMP") == "1"
    for (test in tests) {
        val dir = Files.createTempDirectory("rlsjournal-kt-")
        val context = TestContext(dir)
        val executor = Executors.newSingleThreadExecutor { r ->
            Thread(r, "test ${test.name}").apply { isDaemon = true }
        }
        val started = System.nanoTime()
        var failure: Throwable? = null
        var timedOut = false
        try {
            executor.submit { test.body(context) }.get(timeoutSeconds, TimeUnit.SECONDS)
        } catch (e: ExecutionException) {
            failure = e.cause ?: e
        } catch (e: TimeoutException) {
            timedOut = true
            failure = AssertionError("timed out after $timeoutSeconds s")
        } finally {
            executor.shutdownNow()
        }
        if (!timedOut) context.closeAll()
        val millis = (System.nanoTime() - started) / 1_000_000
        if (failure == null) {
            passed++
            println("PASS  ${test.name} ($millis ms)")
        } else {
            failed++
            println("FAIL  ${test.name} ($millis ms)")
            println("      ${describe(failure)}")
            where(failure)?.let { println("      at $it") }
            if (keep || timedOut) println("      temp dir kept: $dir")
        }
        System.out.flush()
        if (!keep && !timedOut) dir.toFile().deleteRecursively()
    }
    return passed to failed
}

private fun describe(failure: Throwable): String {
    val message = failure.message?.replace("\n", "\n      ") ?: ""
    return when (failure) {
        is AssertionError -> message.ifEmpty { "assertion failed" }
        else -> "${failure.javaClass.name}: $message"
    }
}

/** The first stack frame in a test file (not the harness), e.g. `BedsideTests.kt:42`. */
private fun where(failure: Throwable): String? =
    failure.stackTrace.firstOrNull {
        it.className.startsWith("org.rlsjournal.tests.") && it.fileName != "Harness.kt" &&
            it.fileName != "Fixtures.kt"
    }?.let { "${it.fileName}:${it.lineNumber}" }
