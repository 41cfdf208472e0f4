#!/usr/bin/env bash
# Regenerates THIRD_PARTY_NOTICES.txt from Cargo.lock with cargo-about (about.toml, about.hbs)
# and copies it and LICENSE into the Swift package's resources. Run after any change to the
# core's dependencies, and commit the result; scripts/check-licences.py (in scripts/test.sh)
# fails until then. The Android library copies both files into its assets at build time.
#
# Needs cargo-about 0.9 (`cargo install cargo-about --locked --features cli --version ^0.9`); the
# check does not.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-about >/dev/null 2>&1 ||
  { echo "notices.sh: cargo-about is missing: cargo install cargo-about --locked --features cli" >&2; exit 1; }
cargo about generate --frozen --fail --config about.toml --manifest-path core/Cargo.toml \
  --output-file THIRD_PARTY_NOTICES.txt about.hbs
resources=bindings/swift/Sources/RLSJournal/Resources
cp THIRD_PARTY_NOTICES.txt "$resources/THIRD_PARTY_NOTICES.txt"
cp LICENSE "$resources/LICENSE.txt"
python3 scripts/check-licences.py
