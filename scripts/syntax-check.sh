#!/usr/bin/env bash
# Parses every Swift and Kotlin file that cannot be compiled on this machine — the freshly
# generated bindings, the hand-written Swift and Kotlin layers and both apps — with tree-sitter,
# and fails on any syntax error (tests/syntax-check). Every folder is required and must hold at
# least the number of files given below (a little under today's counts; raise them as the apps
# grow), so a moved folder or a walk that skips files fails instead of checking nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/syntax-check-bindings
rm -rf "$out"
mkdir -p "$out"
cargo build -q -p rlsjournal-core
lib="${CARGO_TARGET_DIR:-target}/debug/librlsjournal_core.so"
for language in swift kotlin; do
  cargo run -q -p uniffi-bindgen -- generate "$lib" --language "$language" \
    --config bindings/uniffi.toml --no-format --out-dir "$out/$language" >/dev/null
done

# One Swift and one Kotlin file generated; the layers; the apps.
cargo run -q -p syntax-check -- \
  --min-files 2 "$out" \
  --min-files 5 bindings/swift \
  --min-files 4 bindings/kotlin \
  --min-files 28 android \
  --min-files 14 ios
