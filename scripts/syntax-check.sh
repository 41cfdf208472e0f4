#!/usr/bin/env bash
# Parses every Swift and Kotlin file that cannot be compiled on this machine — the freshly
# generated bindings, the hand-written Swift and Kotlin layers and both apps — with tree-sitter,
# and fails on any syntax error (tests/syntax-check).
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

paths=("$out")
for dir in bindings/swift bindings/kotlin android ios; do
  [[ -d $dir ]] && paths+=("$dir")
done
cargo run -q -p syntax-check -- "${paths[@]}"
