#!/usr/bin/env bash
# The Swift API snapshot: docs/swift-api.txt holds the public declarations of the Swift package
# (the uniffi-generated bindings and the hand-written layer in bindings/swift/Sources/RLSJournal),
# so any change to the Swift surface shows up in review, as docs/kotlin-api.txt does for Kotlin.
# It also checks that the Kotlin and Swift JournalStore operations have the same names (Kotlin's
# are canonical; the few differences by design are listed in tests/syntax-check/src/bin/swift-api.rs).
#
# Usage: tests/swift-api/api-snapshot.sh [--update]
#   Compares with docs/swift-api.txt; exits 1 with a diff if they differ.
#   --update   rewrite docs/swift-api.txt instead (then commit it)
#
# The extraction is the tree-sitter-swift parse of the syntax-check crate (bin `swift-api`):
# public/open declarations without bodies or comments, top level in name order.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
snapshot="$root/docs/swift-api.txt"
update=0
case "${1:-}" in
    --update) update=1 ;;
    "") ;;
    *)
        echo "usage: tests/swift-api/api-snapshot.sh [--update]" >&2
        exit 2
        ;;
esac

cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build -q -p syntax-check --bin swift-api
extract="$target/debug/swift-api"

# The generated bindings (needs only cargo: the host library and the workspace's uniffi-bindgen).
bindings/swift/build-xcframework.sh --generate-only >/dev/null
generated="bindings/swift/Sources/RLSJournal/Generated/RLSJournal.swift"
[ -f "$generated" ] || { echo "api-snapshot.sh: no generated bindings at $generated" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
{
    echo "# The public Swift API of the RLSJournal package: the uniffi bindings generated from core/src,"
    echo "# then the hand-written layer (bindings/swift/Sources/RLSJournal/*.swift)."
    echo "# Written by tests/swift-api/api-snapshot.sh --update; checked by scripts/test.sh. Do not edit."
    echo
    echo "## generated: RLSJournal.swift"
    "$extract" "$generated"
    for file in bindings/swift/Sources/RLSJournal/*.swift; do
        echo
        echo "## $(basename "$file")"
        "$extract" "$file"
    done
} >"$tmp/api.txt"

if ! grep -q '^public protocol JournalProtocol' "$tmp/api.txt" || ! grep -q 'class JournalStore' "$tmp/api.txt"; then
    echo "api-snapshot.sh: the extraction looks wrong (no JournalProtocol or JournalStore):" >&2
    head -20 "$tmp/api.txt" >&2
    exit 1
fi

"$extract" --store-names bindings/kotlin/src/main/kotlin/org/rlsjournal/journal/JournalStore.kt \
    bindings/swift/Sources/RLSJournal/JournalStore.swift

if [ "$update" -eq 1 ]; then
    cp "$tmp/api.txt" "$snapshot"
    echo "api-snapshot.sh: wrote docs/swift-api.txt ($(wc -l <"$snapshot") lines)"
    exit 0
fi
if [ ! -f "$snapshot" ]; then
    echo "api-snapshot.sh: docs/swift-api.txt is missing. Create it with: tests/swift-api/api-snapshot.sh --update" >&2
    exit 1
fi
if ! diff -u --label docs/swift-api.txt --label "current Swift API" "$snapshot" "$tmp/api.txt"; then
    echo
    echo "The Swift API differs from docs/swift-api.txt (- lines are in the snapshot, + lines in the"
    echo "sources). If the change is intended, run"
    echo "    tests/swift-api/api-snapshot.sh --update"
    echo "and commit docs/swift-api.txt with the change."
    exit 1
fi
echo "api-snapshot.sh: docs/swift-api.txt matches the Swift sources"
