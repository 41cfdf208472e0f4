#!/usr/bin/env bash
# The Kotlin API snapshot: docs/kotlin-api.txt holds the public API (signatures) of the generated
# Kotlin bindings, so any change to the FFI surface shows up in review.
#
# Usage: tests/kotlin/api-snapshot.sh [--update] [--generated FILE]
#   Compares the API of the bindings with docs/kotlin-api.txt; exits 1 with a diff if they differ.
#   --update          rewrite docs/kotlin-api.txt from the bindings instead (then commit it)
#   --generated FILE  use this generated rlsjournal_core.kt (default: generate it now)
#
# The extraction (api-extract.awk) keeps declarations only, without comments, bodies or line
# numbers, grouped by type in name order: the snapshot changes only when a signature does.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
snapshot="$root/docs/kotlin-api.txt"
update=0
generated=""

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

while [ "$#" -gt 0 ]; do
    case "$1" in
        --update)
            update=1
            shift
            ;;
        --generated)
            [ "$#" -ge 2 ] || { usage >&2; exit 2; }
            generated="$2"
            shift 2
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "api-snapshot.sh: unknown argument $1" >&2
            usage >&2
            exit 2
            ;;
    esac
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$generated" ]; then
    generated="$("$root/bindings/generate-kotlin.sh" "$tmp/generated")"
fi
[ -f "$generated" ] || { echo "api-snapshot.sh: no generated bindings at $generated" >&2; exit 1; }

tab="$(printf '\t')"
# The extractor of the hand-written layer (issue 20).
(cd "$root" && cargo build -q -p syntax-check --bin swift-api)
layer_extract="${CARGO_TARGET_DIR:-$root/target}/debug/swift-api"
{
    echo "# The public Kotlin API of org.rlsjournal.core (uniffi bindings generated from core/src)."
    echo "# Written by tests/kotlin/api-snapshot.sh --update; checked by tests/kotlin/run.sh. Do not edit."
    echo "# Then the hand-written layer (bindings/kotlin/src/main/kotlin/org/rlsjournal/journal/*.kt)."
    awk -f "$here/api-extract.awk" "$generated" | LC_ALL=C sort -t "$tab" -k1,1 -k2,2n | cut -f3-
    # --- the hand-written layer (issue 20, engineer K): JournalStore and the moment helpers,
    # public declarations from the tree-sitter parse (the syntax-check crate's `swift-api`,
    # which reads Kotlin too), one section per file.
    for file in "$root"/bindings/kotlin/src/main/kotlin/org/rlsjournal/journal/*.kt; do
        echo
        echo "## hand-written: $(basename "$file")"
        "$layer_extract" "$file"
    done
    # --- end hand-written layer
} >"$tmp/api.txt"

if ! grep -q '^interface JournalInterface$' "$tmp/api.txt" || ! grep -q '^data class Moment($' "$tmp/api.txt" ||
    ! grep -q '^class JournalStore(' "$tmp/api.txt"; then
    echo "api-snapshot.sh: the extraction from $generated looks wrong (no JournalInterface, Moment or JournalStore):" >&2
    head -20 "$tmp/api.txt" >&2
    exit 1
fi

if [ "$update" -eq 1 ]; then
    mkdir -p "$(dirname "$snapshot")"
    cp "$tmp/api.txt" "$snapshot"
    echo "api-snapshot.sh: wrote docs/kotlin-api.txt ($(wc -l <"$snapshot") lines)"
    exit 0
fi

if [ ! -f "$snapshot" ]; then
    echo "api-snapshot.sh: docs/kotlin-api.txt is missing. Create it with: tests/kotlin/api-snapshot.sh --update" >&2
    exit 1
fi
if ! diff -u --label docs/kotlin-api.txt --label "generated bindings" "$snapshot" "$tmp/api.txt"; then
    echo
    echo "The Kotlin API of the generated bindings differs from docs/kotlin-api.txt"
    echo "(- lines are in the snapshot, + lines in the bindings). If the change is intended, run"
    echo "    tests/kotlin/api-snapshot.sh --update"
    echo "and commit docs/kotlin-api.txt with the change to the core."
    exit 1
fi
echo "api-snapshot.sh: docs/kotlin-api.txt matches the generated bindings"
