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

# The apps' build checks that need no Xcode, Android SDK or Gradle (issue 18): module names,
# SwiftUI builder blocks, the app icon, JNA, targetSdk, the 16 KB link flags, the wrapper scripts.
# Then the core is linked for this host with the RUSTFLAGS the Gradle build gives the Android
# targets (its own target dir: other flags would rebuild the main one), and its ELF program
# headers must show every LOAD segment aligned to 16 KB.
cargo build -q -p syntax-check --bin app-build-check
checker="${CARGO_TARGET_DIR:-target}/debug/app-build-check"
flags=$("$checker" --print-rustflags)
aligned_target="${CARGO_TARGET_DIR:-target}/page-align"
host=$(rustc -vV | sed -n 's/^host: //p')
host_var="CARGO_TARGET_$(echo "$host" | tr 'a-z-' 'A-Z_')_RUSTFLAGS"
env "$host_var=$flags" cargo build -q -p rlsjournal-core --lib --target-dir "$aligned_target"
"$checker" --elf "$aligned_target/debug/librlsjournal_core.so"
