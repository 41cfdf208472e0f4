package org.rlsjournal.tests

import java.nio.file.Files
import java.nio.file.Path

/**
 * A registered benchmark: [setup] prepares the test's journal once, then [body] runs [iterations]
 * times after [warmup] untimed runs. Benchmarks get a [TestContext] like tests do.
 */
class Benchmark(
    val name: String,
    val iterations: Int = 200,
    val warmup: Int = 20,
    val setup: TestContext.() -> Unit = {},
    val body: TestContext.() -> Unit,
)

/** Every benchmark, by name. Issue 7 (FFI call costs) registers its benchmarks here. */
fun allBenchmarks(): List<Benchmark> = emptyList()

/**
 * Runs the selected benchmarks and prints one line each; returns the exit code. Arguments that name
 * an existing file are the data file (e.g. a large journal) handed to every benchmark as
 * [TestContext.dataFile]; the others are name filters.
 */
fun runBenchmarks(args: List<String>): Int {
    val (files, filters) = args.partition { Files.isRegularFile(Path.of(it)) }
    val dataFile = files.lastOrNull()?.let { Path.of(it).toAbsolutePath() }
    val selected = allBenchmarks().filter { selected(it.name, filters) }
    for (bench in selected) {
        val dir = Files.createTempDirectory("rlsjournal-bench-")
        val context = TestContext(dir, dataFile)
        try {
            bench.setup(context)
            repeat(bench.warmup) { bench.body(context) }
            val nanos = LongArray(bench.iterations) {
                val start = System.nanoTime()
                bench.body(context)
                System.nanoTime() - start
            }
            nanos.sort()
            val median = nanos[nanos.size / 2] / 1_000.0
            val p95 = nanos[(nanos.size * 95 / 100).coerceAtMost(nanos.size - 1)] / 1_000.0
            println("BENCH ${bench.name}: median %.1f µs, p95 %.1f µs (%d runs)".format(median, p95, bench.iterations))
        } finally {
            context.closeAll()
            dir.toFile().deleteRecursively()
        }
    }
    println("${selected.size} benchmarks")
    return 0
}
