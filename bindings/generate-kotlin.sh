#!/usr/bin/env bash
# Generates the Kotlin bindings of the core (package org.rlsjournal.core) with the workspace's own
# uniffi-bindgen and bindings/uniffi.toml, in library mode from the host debug cdylib.
#
# Usage: bindings/generate-kotlin.sh [--lib PATH_TO_CDYLIB] [--jvm] OUT_DIR
#   Without --lib, builds `rlsjournal-core` (debug) first. Replaces OUT_DIR/org/rlsjournal/core and
#   prints the path of the generated file. Generated bindings are build outputs: never commit them.
#   By default the bindings are for Android (uniffi.toml's `android = true`: a cleaner that works
#   from API 26, importing android.os.Build). --jvm generates them for a plain JVM (the JVM test
#   suite, consumers' host unit tests): the same configuration with `android = false`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib=""
out=""
jvm=0

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

while [ "$#" -gt 0 ]; do
    case "$1" in
        --lib)
            [ "$#" -ge 2 ] || { usage >&2; exit 2; }
            lib="$2"
            shift 2
            ;;
        --jvm)
            jvm=1
            shift
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        -*)
            echo "generate-kotlin.sh: unknown option $1" >&2
            usage >&2
            exit 2
            ;;
        *)
            out="$1"
            shift
            ;;
    esac
done
if [ -z "$out" ]; then
    usage >&2
    exit 2
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"

cd "$root"
if [ -z "$lib" ]; then
    cargo build -p rlsjournal-core >&2
    target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
    case "$(uname -s)" in
        Darwin) ext=dylib ;;
        *) ext=so ;;
    esac
    lib="$target_dir/debug/librlsjournal_core.$ext"
fi
[ -f "$lib" ] || { echo "generate-kotlin.sh: no library at $lib" >&2; exit 1; }

config="bindings/uniffi.toml"
if [ "$jvm" -eq 1 ]; then
    # The one configuration, with the Android cleaner turned off (exactly one line changes).
    config="$out/uniffi-jvm.toml"
    sed 's/^android = true$/android = false/' bindings/uniffi.toml >"$config"
    grep -q '^android = false$' "$config" ||
        { echo "generate-kotlin.sh: bindings/uniffi.toml has no 'android = true' line to turn off" >&2; exit 1; }
fi

rm -rf "$out/org/rlsjournal/core"
cargo run --quiet -p uniffi-bindgen -- generate "$lib" \
    --language kotlin --config "$config" --no-format --out-dir "$out" >&2
generated="$out/org/rlsjournal/core/rlsjournal_core.kt"
[ -f "$generated" ] || { echo "generate-kotlin.sh: uniffi-bindgen wrote no $generated" >&2; exit 1; }
# The cleaner each target needs (mozilla/uniffi-rs#2226): Android bindings must not reach
# java.lang.ref.Cleaner on their own (API 33, minSdk is 26); JVM bindings must not import android.*.
if [ "$jvm" -eq 1 ]; then
    if grep -q '^import android\.' "$generated"; then
        echo "generate-kotlin.sh: the JVM bindings import android.* classes" >&2
        exit 1
    fi
elif ! grep -q 'AndroidSystemCleaner' "$generated"; then
    echo "generate-kotlin.sh: the Android bindings lack the API-level-aware cleaner (android = true)" >&2
    exit 1
fi
echo "$generated"
