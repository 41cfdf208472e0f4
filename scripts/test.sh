#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, the Rust tests, the syntax checks of the
# Swift and Kotlin sources that cannot be compiled here, and the Kotlin tests through the real
# FFI on the JVM. Installs what it needs (Debian packages, the Kotlin compiler from npm) when
# missing. The Kotlin suite runs last, so its `N passed, M failed` line closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "system packages"
scripts/install-deps.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (Rust core, CLI and tools)"
cargo test --workspace --locked

if [[ -x scripts/syntax-check.sh ]]; then
  step "syntax checks of Swift and Kotlin sources"
  scripts/syntax-check.sh
fi

step "app API drift check (every core call in android/ and ios/ exists in fresh bindings)"
tests/app-api-check/run.sh
tests/app-api-check/run.sh --self-test

if [[ -x tests/kotlin/run.sh ]]; then
  step "Kotlin tests through the generated bindings on the JVM"
  tests/kotlin/run.sh
fi
