#!/bin/sh
# The app API drift check: proves every core call made from the Android and iOS app code exists,
# with that name (and those argument names/labels), in freshly generated bindings.
#
# usage: tests/app-api-check/run.sh [--verbose]     check android/ and ios/ (and, models.py, that
#                                                   every Kotlin presenter has its Swift model)
#        tests/app-api-check/run.sh --self-test     prove the check catches drift
#
# It builds the core (debug), generates the Kotlin and Swift bindings with the workspace's own
# uniffi-bindgen and bindings/uniffi.toml into <target>/app-api-check/, and runs check.py over
# android/ (against the generated Kotlin and the Kotlin layer in bindings/kotlin) and ios/
# (against the generated Swift and the Swift layer in bindings/swift). What counts as a core call
# is defined at the top of check.py. Exit status: 0 all found, 1 something missing, 2 usage or
# setup error.
#
# --self-test copies the apps (and the bindings) into a temporary folder, injects one drift at a
# time (a call to a method that does not exist, a wrong argument name or label, a missing enum
# case, an unknown core type, an API renamed in the bindings…) and expects the check to fail on
# each and to pass on the untouched copy.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

mode=check
verbose=""
for arg in "$@"; do
    case "$arg" in
        --self-test) mode=self-test ;;
        --verbose) verbose="--verbose" ;;
        -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done

command -v python3 >/dev/null 2>&1 || { echo "app-api-check: python3 is required" >&2; exit 2; }

target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
case "$(uname -s)" in
    Darwin) lib="$target/debug/librlsjournal_core.dylib" ;;
    *) lib="$target/debug/librlsjournal_core.so" ;;
esac
out="$target/app-api-check"

# Fresh bindings, every run.
cargo build -q -p rlsjournal-core
rm -rf "$out/kotlin" "$out/swift"
mkdir -p "$out"
cargo run -q -p uniffi-bindgen -- generate "$lib" --language kotlin \
    --config bindings/uniffi.toml --no-format --out-dir "$out/kotlin" >/dev/null
cargo run -q -p uniffi-bindgen -- generate "$lib" --language swift \
    --config bindings/uniffi.toml --no-format --out-dir "$out/swift" >/dev/null
kotlin_bindings="$out/kotlin/org/rlsjournal/core/rlsjournal_core.kt"
swift_bindings="$out/swift/RLSJournal.swift"
[ -f "$kotlin_bindings" ] || { echo "app-api-check: no generated Kotlin at $kotlin_bindings" >&2; exit 2; }
[ -f "$swift_bindings" ] || { echo "app-api-check: no generated Swift at $swift_bindings" >&2; exit 2; }

# check ANDROID_DIR IOS_DIR KOTLIN_BINDINGS SWIFT_BINDINGS [extra args]
check() {
    a=$1 i=$2 kb=$3 sb=$4
    shift 4
    python3 "$here/check.py" \
        --kotlin-bindings "$kb" --kotlin-layer bindings/kotlin/src/main/kotlin --android "$a" \
        --swift-bindings "$sb" --swift-layer bindings/swift/Sources/RLSJournal --ios "$i" \
        --sdk-names "$here/swift-sdk-names.txt" "$@"
}

if [ "$mode" = check ]; then
    for dir in android ios; do
        [ -d "$dir" ] || { echo "app-api-check: no $dir/ folder" >&2; exit 2; }
    done
    status=0
    check android ios "$kotlin_bindings" "$swift_bindings" $verbose || status=$?
    # The forms' ranges come from the core's formRules(): no numeric range literal in app code.
    python3 "$here/ranges.py" android ios || status=1
    # Each Kotlin presenter has its Swift model: same actions, same state fields, no SwiftUI.
    python3 "$here/models.py" android/presenters/src/main/kotlin ios/RLSJournalApp/Models || status=1
    exit $status
fi

# ---- self-test ----
# The presenter/model mirror check fails on a missing action, field or model, or a SwiftUI import.
python3 "$here/models.py" --self-test || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/app-api-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
kt_file=android/app/src/main/kotlin/org/rlsjournal/app/RlsJournalApplication.kt
sw_file=ios/RLSJournalApp/AppModel.swift

fresh_copy() {
    rm -rf "$tmp/case"
    mkdir -p "$tmp/case"
    cp -R android ios "$tmp/case/"
    cp "$kotlin_bindings" "$tmp/case/bindings.kt"
    cp "$swift_bindings" "$tmp/case/bindings.swift"
}

run_case() {
    check "$tmp/case/android" "$tmp/case/ios" "$tmp/case/bindings.kt" "$tmp/case/bindings.swift" >"$tmp/out" 2>&1
}

cases=0
caught=0
# expect_caught DESCRIPTION EXPECTED_TEXT (after the drift was injected into $tmp/case)
expect_caught() {
    cases=$((cases + 1))
    if run_case; then
        echo "self-test: NOT caught: $1"
        sed 's/^/    /' "$tmp/out"
    elif grep -q -- "$2" "$tmp/out"; then
        caught=$((caught + 1))
        echo "self-test: caught: $1"
        grep -- "MISSING" "$tmp/out" | head -n 2 | sed 's/^/    /'
    else
        echo "self-test: failed, but without naming $2: $1"
        sed 's/^/    /' "$tmp/out"
    fi
}

inject_kt() {
    printf '\n%s\n' "$1" >>"$tmp/case/$kt_file"
}

inject_sw() {
    printf '\n%s\n' "$1" >>"$tmp/case/$sw_file"
}

fresh_copy
if run_case; then
    echo "self-test: the untouched copy passes"
else
    echo "self-test: the untouched copy fails:"
    cat "$tmp/out"
    exit 1
fi

fresh_copy
inject_kt 'fun selfTestDrift(journal: org.rlsjournal.core.Journal) { journal.noSuchMethodForSelfTest() }'
expect_caught "Kotlin: a call to a Journal method that does not exist" "noSuchMethodForSelfTest"

fresh_copy
inject_kt 'suspend fun selfTestDrift(store: org.rlsjournal.journal.JournalStore) { store.quickLog(intensityLevel = 3u) }'
expect_caught "Kotlin: a store call with a wrong argument name" "intensityLevel"

fresh_copy
inject_kt 'fun selfTestDrift() = org.rlsjournal.core.Side.UPSIDE_DOWN'
expect_caught "Kotlin: a qualified enum entry that does not exist" "UPSIDE_DOWN"

fresh_copy
awk '{ print } /^import org\.rlsjournal\.journal\.JournalStore$/ { print "import org.rlsjournal.core.NoSuchCoreType" }' \
    "$tmp/case/$kt_file" >"$tmp/edit" && mv "$tmp/edit" "$tmp/case/$kt_file"
expect_caught "Kotlin: an import of a core type that does not exist" "NoSuchCoreType"

fresh_copy
inject_kt 'fun selfTestDrift() = org.rlsjournal.core.NightRange(first = java.time.LocalDate.MIN, lastNight = java.time.LocalDate.MAX)'
expect_caught "Kotlin: a record constructed with a field that does not exist" "lastNight"

fresh_copy
inject_kt 'suspend fun selfTestDrift(store: org.rlsjournal.journal.JournalStore) = store.read { it.settings() }'
expect_caught "Kotlin: a store lambda whose core calls cannot be checked" "name the lambda parameter"

fresh_copy
inject_sw 'func selfTestDrift(journal: Journal) { _ = try? journal.noSuchMethodForSelfTest() }'
expect_caught "Swift: a call to a Journal method that does not exist" "noSuchMethodForSelfTest"

fresh_copy
inject_sw 'func selfTestDrift(journal: Journal) { _ = try? journal.history(querry: HistoryQuery(kinds: [], cursor: nil, limit: 5)) }'
expect_caught "Swift: a Journal call with a wrong argument label" "querry"

fresh_copy
inject_sw 'func selfTestDrift() -> ReliefMethod { return ReliefMethod.levitation }'
expect_caught "Swift: an enum case that does not exist" "levitation"

fresh_copy
inject_sw 'func selfTestDrift() -> Int { return NoSuchCoreType.count }'
expect_caught "Swift: a type name that is in neither the bindings, the app nor the SDK list" "NoSuchCoreType"

fresh_copy
inject_sw 'func selfTestDrift() -> HistoryQuery { return HistoryQuery(cursor: nil, kinds: [], limit: 5) }'
expect_caught "Swift: a record init with its labels out of order" "HistoryQuery"

fresh_copy
# The core renames a method both Share screens call: the bindings change, the apps do not.
sed 's/`csvZip`/`csvArchive`/g' "$tmp/case/bindings.kt" >"$tmp/edit" && mv "$tmp/edit" "$tmp/case/bindings.kt"
sed 's/func csvZip(/func csvArchive(/g' "$tmp/case/bindings.swift" >"$tmp/edit" && mv "$tmp/edit" "$tmp/case/bindings.swift"
expect_caught "the core renames Journal.csvZip (bindings changed, apps not)" "csvZip"

fresh_copy
# The core renames a field of a record both Morning screens construct.
sed 's/`sleepOnsetMinutes`/`minutesToFallAsleep`/g' "$tmp/case/bindings.kt" >"$tmp/edit" && mv "$tmp/edit" "$tmp/case/bindings.kt"
sed 's/sleepOnsetMinutes: Int32/minutesToFallAsleep: Int32/g' "$tmp/case/bindings.swift" >"$tmp/edit" && mv "$tmp/edit" "$tmp/case/bindings.swift"
expect_caught "the core renames SleepDiaryData.sleepOnsetMinutes (bindings changed, apps not)" "sleepOnsetMinutes"

fresh_copy
sed 's/fun `errorMessage`(/fun `errorSentence`(/; s/fun errorMessage(/fun errorSentence(/' \
    "$tmp/case/bindings.kt" >"$tmp/edit" && mv "$tmp/edit" "$tmp/case/bindings.kt"
sed 's/func errorMessage(/func errorSentence(/' "$tmp/case/bindings.swift" >"$tmp/edit" && mv "$tmp/edit" "$tmp/case/bindings.swift"
expect_caught "the core renames errorMessage (both apps show its sentence for every error)" "errorMessage"

# Checks that pass on nothing: an app folder without sources, or sources without core calls.
fresh_copy
find "$tmp/case/android" -name '*.kt' -delete
expect_caught "android/ holds no Kotlin files" "android (Kotlin): 0 files checked, expected at least"

fresh_copy
find "$tmp/case/ios" -name '*.swift' -exec sh -c 'printf "import SwiftUI\n" >"$1"' _ {} \;
expect_caught "ios/ has its files but no calls on journal or store" "ios (Swift): 0 calls checked, expected at least"

# A form range written into app code again (issue 16): ranges.py must refuse it.
cases=$((cases + 1))
fresh_copy
printf 'val intensities = (1..10).toList()\n' >>"$(find "$tmp/case/android" -name '*.kt' | head -n 1)"
if python3 "$here/ranges.py" "$tmp/case/android" "$tmp/case/ios" 2>&1 | grep -q "numeric range literal \`1..1"; then
    caught=$((caught + 1))
    echo "self-test: caught: a numeric range literal (1..10) in app code"
else
    echo "self-test: NOT caught: a numeric range literal (1..10) in app code"
fi

echo "self-test: $caught of $cases injected drifts caught"
[ "$caught" -eq "$cases" ]
