package org.rlsjournal.tests

import kotlin.system.exitProcess

/** Every test, in the order they run. A new test file registers its suite here. */
fun allTests(): List<TestCase> =
    bedsideTests() + roundTripTests() + errorTests() + viewTests() + lifecycleTests() +
        concurrencyTests() + storeTests() + summaryTests() + exportTests() + vocabularyTests() +
        apiTests() + reportFontTests() + editFormTests() + observedTests() +
        augmentationTests() + ironTests() + doseTests() + backupTests() +
        presenterTests() + addFormTests() + backupPresenterTests() + ffiInputTests() + ffiSurfaceTests() +
        versionTests() + labelTests() + visitTests() + glueTests()

private const val USAGE = """usage: run.sh [test] [FILTER...]   run the tests (all, or those whose name contains a FILTER or matches a glob such as 'errors.*')
       run.sh list                 list the test names
       run.sh bench [DATA_FILE] [FILTER...]   run the benchmarks (DATA_FILE: e.g. a large journal)
       run.sh known-gaps           run the tests of known core gaps (expected to fail; not in the suite)"""

/**
 * The JVM test program. Modes: `test` (default; any other first argument is a filter), `list`,
 * `bench`. In `test` mode the very last
 * line printed is `N passed, M failed`, and the exit code is 1 when any test failed.
 */
fun main(args: Array<String>) {
    val modes = setOf("test", "list", "bench", "known-gaps", "help", "-h", "--help")
    val mode = args.firstOrNull()?.takeIf { it in modes } ?: "test"
    val rest = if (args.firstOrNull() == mode) args.drop(1) else args.toList()
    val code = when (mode) {
        "test" -> test(rest)
        "list" -> {
            allTests().forEach { println(it.name) }
            0
        }
        "bench" -> runBenchmarks(rest)
        "known-gaps" -> test(rest, knownGapTests())
        "help", "-h", "--help" -> {
            println(USAGE)
            0
        }
        else -> error("unreachable mode $mode")
    }
    System.out.flush()
    exitProcess(code)
}

private fun test(filters: List<String>, all: List<TestCase> = allTests()): Int {
    val duplicates = all.groupBy { it.name }.filterValues { it.size > 1 }.keys
    check(duplicates.isEmpty()) { "duplicate test names: $duplicates" }
    val chosen = all.filter { selected(it.name, filters) }
    if (chosen.isEmpty()) {
        println("no test matches ${filters.joinToString(" ")} (try: run.sh list)")
        println("0 passed, 0 failed")
        return 2
    }
    val timeout = System.getenv("RLSJOURNAL_TEST_TIMEOUT")?.toLongOrNull() ?: 120
    val (passed, failed) = runTests(chosen, timeout)
    println("$passed passed, $failed failed")
    return if (failed == 0) 0 else 1
}
