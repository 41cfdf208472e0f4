package org.rlsjournal.tests

import com.sun.jna.Native
import com.sun.jna.Structure
import java.nio.ByteBuffer
import java.nio.ByteOrder
import org.rlsjournal.core.FfiConverterOptionalTypeNightRange
import org.rlsjournal.core.FfiConverterRustBuffer
import org.rlsjournal.core.FfiConverterTypeHistoryPage
import org.rlsjournal.core.FfiConverterTypeHistoryQuery
import org.rlsjournal.core.FfiConverterTypeLocalDate
import org.rlsjournal.core.FfiConverterTypeNightView
import org.rlsjournal.core.FfiConverterTypeSummary
import org.rlsjournal.core.HistoryQuery
import org.rlsjournal.core.Journal
import org.rlsjournal.core.RustBuffer

/** uniffi's `RustCallStatus` (the generated one is internal to the bindings' module). */
@Structure.FieldOrder("code", "error_buf")
open class BenchCallStatus : Structure() {
    @JvmField var code: Byte = 0

    @JvmField var error_buf: RustBuffer.ByValue = RustBuffer.ByValue()
}

/** The same scaffolding functions the generated bindings call, registered a second time (JNA direct mapping). */
object BenchFfi {
    init {
        Native.register(BenchFfi::class.java, "rlsjournal_core")
    }

    external fun uniffi_rlsjournal_core_fn_method_journal_night(ptr: Long, night: RustBuffer.ByValue, status: BenchCallStatus): RustBuffer.ByValue

    external fun uniffi_rlsjournal_core_fn_method_journal_history(ptr: Long, query: RustBuffer.ByValue, status: BenchCallStatus): RustBuffer.ByValue

    external fun uniffi_rlsjournal_core_fn_method_journal_summary(ptr: Long, range: RustBuffer.ByValue, status: BenchCallStatus): RustBuffer.ByValue

    external fun uniffi_rlsjournal_core_fn_method_journal_settings(ptr: Long, status: BenchCallStatus): RustBuffer.ByValue

    external fun ffi_rlsjournal_core_rustbuffer_free(buf: RustBuffer.ByValue, status: BenchCallStatus)

    external fun uniffi_rlsjournal_core_fn_free_journal(handle: Long, status: BenchCallStatus)
}

/**
 * Where the time of a `jvm.*` call goes (opt-in: `run.sh bench DATA_FILE profile`). For night
 * view, history page and 14-night summary:
 *
 * - `profile.<call>.raw`: everything but decoding the result: the handle clone, lowering the
 *   argument, the Rust call (SQL, JSON decode, building and serialising the record into a
 *   RustBuffer) and freeing the buffer, i.e. what the generated method does minus `read`;
 * - `profile.<call>.read`: only the Kotlin side decoding the result (`FfiConverter….read` of a
 *   heap copy of the same bytes into records, strings, enums, java.time values);
 *
 * plus the fixed cost of any call: `profile.ffiFloor` (`settings()`, a small record, no SQL),
 * `profile.settings.raw` (the same without decoding), `profile.handleCloneFree` (the handle clone
 * every generated method makes, and its release: two JNA calls) and `profile.callStatus` (one
 * allocation of the JNA `RustCallStatus` structure each JNA call needs).
 */
fun profileBenchmarks(): List<Benchmark> = listOf(
    Benchmark("profile.ffiFloor", optIn = true) {
        val journal = test.openJournal(journalCopy())
        val call = { journal.settings().let {} }
        call
    },
    Benchmark("profile.handleCloneFree", optIn = true) {
        val journal = test.openJournal(journalCopy())
        val call = {
            val status = BenchCallStatus()
            BenchFfi.uniffi_rlsjournal_core_fn_free_journal(journal.uniffiCloneHandle(), status)
            checked(status)
        }
        call
    },
    Benchmark("profile.callStatus", optIn = true) {
        val call = { BenchCallStatus().let {} }
        call
    },
    rawBenchmark("profile.settings.raw") { _ ->
        val raw = { handle: Long, status: BenchCallStatus ->
            BenchFfi.uniffi_rlsjournal_core_fn_method_journal_settings(handle, status)
        }
        raw
    },
    rawBenchmark("profile.nightView.raw") { journal ->
        val night = data.facts.episodeNight
        val raw = { handle: Long, status: BenchCallStatus ->
            BenchFfi.uniffi_rlsjournal_core_fn_method_journal_night(handle, FfiConverterTypeLocalDate.lower(night), status)
        }
        raw
    },
    readBenchmark("profile.nightView.read", FfiConverterTypeNightView) { journal ->
        val night = data.facts.episodeNight
        val raw = { handle: Long, status: BenchCallStatus ->
            BenchFfi.uniffi_rlsjournal_core_fn_method_journal_night(handle, FfiConverterTypeLocalDate.lower(night), status)
        }
        raw
    },
    rawBenchmark("profile.historyPage.raw") { _ -> historyRaw() },
    readBenchmark("profile.historyPage.read", FfiConverterTypeHistoryPage) { _ -> historyRaw() },
    rawBenchmark("profile.summary14.raw", iterations = 1_000, warmup = 100) { _ -> summaryRaw() },
    readBenchmark("profile.summary14.read", FfiConverterTypeSummary) { _ -> summaryRaw() },
)

private fun historyRaw(): (Long, BenchCallStatus) -> RustBuffer.ByValue {
    val query = HistoryQuery(kinds = emptyList(), cursor = null, limit = 50)
    return { handle, status ->
        BenchFfi.uniffi_rlsjournal_core_fn_method_journal_history(handle, FfiConverterTypeHistoryQuery.lower(query), status)
    }
}

private fun BenchContext.summaryRaw(): (Long, BenchCallStatus) -> RustBuffer.ByValue {
    val range = data.facts.range14
    return { handle, status ->
        BenchFfi.uniffi_rlsjournal_core_fn_method_journal_summary(handle, FfiConverterOptionalTypeNightRange.lower(range), status)
    }
}

private fun checked(status: BenchCallStatus) = check(status.code == 0.toByte()) { "the call failed (status ${status.code})" }

/** The raw call of [method], then freeing its buffer: the generated method without `read`. */
private fun rawBenchmark(
    name: String,
    iterations: Int = 2_000,
    warmup: Int = 200,
    method: BenchContext.(Journal) -> (Long, BenchCallStatus) -> RustBuffer.ByValue,
) = Benchmark(name, iterations, warmup, optIn = true) {
    val journal = test.openJournal(journalCopy())
    val raw = method(journal)
    val call = {
        val status = BenchCallStatus()
        val buffer = raw(journal.uniffiCloneHandle(), status)
        checked(status)
        val freeStatus = BenchCallStatus()
        BenchFfi.ffi_rlsjournal_core_rustbuffer_free(buffer, freeStatus)
        checked(freeStatus)
    }
    call
}

/** Decoding the bytes of one result of [method] into Kotlin records, from a heap copy. */
private fun <T> readBenchmark(
    name: String,
    converter: FfiConverterRustBuffer<T>,
    method: BenchContext.(Journal) -> (Long, BenchCallStatus) -> RustBuffer.ByValue,
) = Benchmark(name, optIn = true, iterations = if ("summary" in name) 1_000 else 2_000) {
    val journal = test.openJournal(journalCopy())
    val status = BenchCallStatus()
    val buffer = method(journal)(journal.uniffiCloneHandle(), status)
    checked(status)
    val bytes = ByteArray(buffer.len.toInt())
    buffer.data!!.read(0, bytes, 0, bytes.size)
    BenchFfi.ffi_rlsjournal_core_rustbuffer_free(buffer, BenchCallStatus())
    println("data: $name: the result is ${bytes.size} bytes in its RustBuffer")
    val call = {
        val view = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN)
        converter.read(view)
        check(!view.hasRemaining())
    }
    call
}
