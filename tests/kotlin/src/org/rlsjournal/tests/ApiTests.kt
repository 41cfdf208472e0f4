package org.rlsjournal.tests

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import kotlin.test.assertTrue
import kotlin.test.fail

/** The committed API snapshot (docs/kotlin-api.txt) matches the freshly generated bindings. */
fun apiTests() = suite("api") {
    test("snapshotMatchesGeneratedBindings") {
        val root = System.getProperty("rlsjournal.root") ?: fail("run through tests/kotlin/run.sh (-Drlsjournal.root is not set)")
        val generated = System.getProperty("rlsjournal.generated") ?: fail("-Drlsjournal.generated is not set")
        assertTrue(Files.isRegularFile(Path.of(generated)), "no generated bindings at $generated")
        val process = ProcessBuilder("bash", "$root/tests/kotlin/api-snapshot.sh", "--generated", generated)
            .directory(Path.of(root).toFile())
            .redirectErrorStream(true)
            .start()
        val output = process.inputStream.bufferedReader().readText()
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "api-snapshot.sh did not finish")
        if (process.exitValue() != 0) fail(output.trimEnd())
    }
}
