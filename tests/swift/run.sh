#!/usr/bin/env bash
# The Swift tests, run here on Linux: the RLSJournal package (generated bindings + JournalStore)
# and the iOS app's screen models (ios/RLSJournalApp/Models), compiled by a real Swift compiler
# and run against the real core on real journal files.
#
# Usage: tests/swift/run.sh                 build and run every Swift test
#        tests/swift/run.sh build           only compile (the package, the models, the tests)
#        tests/swift/run.sh MODULE.CLASS[/testX]   run one XCTestCase class (or test): MODULE is
#                                  RLSJournalTests (the package) or RLSJournalApp (the models)
#
# Apple's toolchain is not on this machine and swift.org is not reachable, but Debian trixie
# packages Swift 6.0 (`swiftlang`). Debian 12 cannot install it, so this script makes a minimal
# trixie root with debootstrap under ${RLSJOURNAL_CACHE:-~/.cache/rlsjournal}/swift-trixie once
# (about a minute; 3.2 GB) and compiles and runs inside it with chroot (needs root). The host
# builds the core's cdylib and generates the Swift bindings; the chroot gets a copy in /build-<checkout>.
#
# What differs from an iPhone, and how: Apple's Combine does not exist on Linux, so
# tests/swift/combine/Combine.swift stands in for the part the store and models use
# (ObservableObject, @Published and its `$` publisher, dropFirst, sink, AnyCancellable); SwiftPM's
# `Bundle.module` accessor comes from tests/swift/linux/ResourceBundle.swift; the module map drops
# its Darwin `use` lines. SwiftUI views and the app's glue are not compiled (no SwiftUI here).
# The package is compiled in Swift 6 language mode (its manifest's tools version), the app's
# models in Swift 5 mode (ios/project.yml SWIFT_VERSION).
#
# Output: each suite's XCTest log, then one line `N passed, M failed`; exit status non-zero on
# any failure or compile error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${RLSJOURNAL_CACHE:-${HOME:-/root}/.cache/rlsjournal}"
sysroot="$cache/swift-trixie"
mirror="${RLSJOURNAL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
target="${CARGO_TARGET_DIR:-$root/target}"
mode="${1:-test}"
filter=()
case "$mode" in
    test | build) ;;
    *) filter=("$mode") ;;
esac

log() { printf '[swift-tests] %s\n' "$*" >&2; }
die() {
    printf '[swift-tests] error: %s\n' "$*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap and chroot)"

# The trixie root with Swift, made once. A half-made root (interrupted) is made again.
ensure_toolchain() {
    if [ -x "$sysroot/usr/bin/swiftc" ] && [ -f "$sysroot/.rlsjournal-ready" ]; then
        return
    fi
    command -v debootstrap >/dev/null 2>&1 || {
        log "installing debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
    }
    log "making a Debian trixie root with Swift in $sysroot (once)"
    umount "$sysroot/proc" 2>/dev/null || true
    rm -rf "$sysroot"
    mkdir -p "$cache"
    debootstrap --variant=minbase trixie "$sysroot" "$mirror" >"$cache/swift-debootstrap.log" 2>&1 ||
        die "debootstrap failed (see $cache/swift-debootstrap.log)"
    mount_proc
    chroot "$sysroot" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        swiftlang libc6-dev libstdc++-14-dev >"$cache/swift-apt.log" 2>&1 ||
        die "installing swiftlang failed (see $cache/swift-apt.log)"
    touch "$sysroot/.rlsjournal-ready"
}

# swiftc finds its own files through /proc/self/exe.
mount_proc() {
    mountpoint -q "$sysroot/proc" || mount -t proc proc "$sysroot/proc"
}

in_root() { chroot "$sysroot" "$@"; }

ensure_toolchain
# /proc stays mounted: another checkout's run may be compiling in the same root.
mount_proc
log "$(in_root swiftc --version 2>&1 | head -1)"

log "building the core (cdylib) and generating the Swift bindings"
(cd "$root" && cargo build -q -p rlsjournal-core --lib)
(cd "$root" && bindings/swift/build-xcframework.sh --generate-only >/dev/null)
generated="$root/bindings/swift/Sources/RLSJournal/Generated/RLSJournal.swift"
headers="$root/bindings/swift/build/headers/RLSJournalFFI"
[ -f "$generated" ] && [ -f "$headers/rlsjournal_coreFFI.h" ] || die "no generated bindings"

# /build-<checkout> in the root (one per checkout, so two checkouts can run at once): the core,
# the sources, the tests; out/ gets the modules and executables.
inroot_build="/build-$(printf '%s' "$root" | sha256sum | cut -c1-12)"
build="$sysroot$inroot_build"
rm -rf "$build"
mkdir -p "$build/lib" "$build/ffi" "$build/package" "$build/app" "$build/package-tests" \
    "$build/model-tests" "$build/out" "$build/tmp"
cp "$target/debug/librlsjournal_core.so" "$build/lib/"
cp "$headers/rlsjournal_coreFFI.h" "$build/ffi/"
printf 'module RLSJournalFFI {\n    header "rlsjournal_coreFFI.h"\n    export *\n}\n' >"$build/ffi/module.modulemap"
cp "$generated" "$root"/bindings/swift/Sources/RLSJournal/*.swift "$here/linux/ResourceBundle.swift" "$build/package/"
mkdir -p "$build/src/RLSJournal" && cp -r "$root/bindings/swift/Sources/RLSJournal/Resources" "$build/src/RLSJournal/"
cp "$root"/bindings/swift/Tests/RLSJournalTests/*.swift "$build/package-tests/"
awk -f "$here/linux/xctest-main.awk" "$root"/bindings/swift/Tests/RLSJournalTests/*Tests.swift >"$build/package-tests/main.swift"
# The screen models and the app files they use (no SwiftUI in any of them; the drift check
# tests/app-api-check keeps Models/ free of SwiftUI)
# (tests/swift/app-files.txt lists them; scripts/app-untested-lines.sh counts the same list.)
while IFS= read -r pattern; do
    case "$pattern" in "" | "#"*) continue ;; esac
    # shellcheck disable=SC2086 # the pattern is a glob to expand
    cp "$root"/$pattern "$build/app/"
done <"$here/app-files.txt"
cp "$here"/models/*.swift "$build/model-tests/"
awk -f "$here/linux/xctest-main.awk" "$here"/models/*Tests.swift >"$build/model-tests/main.swift"
cp "$here/combine/Combine.swift" "$build/"

# The chroot's paths of the files matching a host glob under $build (globs expand here).
inside() {
    local f
    for f in "$@"; do printf '%s\n' "${f#"$sysroot"}"; done
}
mapfile -t package_sources < <(inside "$build"/package/*.swift)
mapfile -t package_tests < <(inside "$build"/package-tests/*.swift)
mapfile -t app_sources < <(inside "$build"/app/*.swift "$build"/model-tests/*.swift)

b="$inroot_build"
flags=(-I "$b/out" -I "$b/ffi" -L "$b/out" -L "$b/lib")
compile() {
    local what="$1"
    shift
    log "compiling $what"
    in_root sh -c 'cd "$0" && exec swiftc "$@"' "$b/out" "$@" || die "$what did not compile"
}
compile "Combine (Linux stand-in)" -parse-as-library -emit-library -emit-module -module-name Combine \
    -swift-version 6 "$b/Combine.swift" -o libCombine.so
compile "the RLSJournal package" -parse-as-library -emit-library -emit-module -module-name RLSJournal \
    -swift-version 6 "${flags[@]}" -lCombine -lrlsjournal_core "${package_sources[@]}" -o libRLSJournal.so
# Swift 5 mode for the test executables: Linux XCTest needs the test methods listed by
# reference in main.swift (xctest-main.awk), which Swift 6's Sendable checks refuse for
# XCTestCase classes; on a Mac `swift test` finds them at run time instead.
compile "the package's tests" -swift-version 5 "${flags[@]}" -lCombine -lRLSJournal -lrlsjournal_core \
    -module-name RLSJournalTests "${package_tests[@]}" -o package-tests
compile "the app's models and their tests" -swift-version 5 "${flags[@]}" -lCombine -lRLSJournal \
    -lrlsjournal_core -module-name RLSJournalApp "${app_sources[@]}" -o model-tests

[ "$mode" = build ] && exit 0

passed=0
failed=0
status=0
for suite in package-tests model-tests; do
    log "running $suite"
    out="$build/$suite.log"
    set +e
    in_root env LD_LIBRARY_PATH="$b/out:$b/lib" TMPDIR="$b/tmp" HOME="$b/tmp" \
        "$b/out/$suite" ${filter[@]+"${filter[@]}"} >"$out" 2>&1
    code=$?
    set -e
    cat "$out"
    # XCTMain's last summary line: "Executed N tests, with M failures (U unexpected) in …".
    summary="$(grep -E '^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?' "$out" | tail -1 || true)"
    [ -n "$summary" ] || {
        log "$suite: no XCTest summary (exit $code)"
        failed=$((failed + 1))
        status=1
        continue
    }
    n="$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")"
    f="$(sed -E 's/.*with ([0-9]+) failures?.*/\1/' <<<"$summary")"
    # A test with several failed assertions counts once; a crash after the summary fails the run.
    failing="$(grep -cE "^Test Case '.*' failed" "$out" || true)"
    passed=$((passed + n - failing))
    failed=$((failed + failing))
    if [ "$code" -ne 0 ] || [ "$f" -ne 0 ]; then status=1; fi
done
echo "$passed passed, $failed failed"
exit "$status"
