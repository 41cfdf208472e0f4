#!/usr/bin/env bash
# Builds the Swift package's binary part: RLSJournalFFI.xcframework (the Rust core as static
# libraries for iOS device, iOS simulator and macOS, with the uniffi C header and module map),
# and generates the Swift bindings into Sources/RLSJournal/Generated/.
#
# NOT RUN in the project's Linux environment: building the XCFramework needs macOS with Xcode
# (xcodebuild, lipo, the iOS SDKs). Only `--generate-only` was run there; it needs nothing but
# cargo, so the generated Swift can be produced and syntax-checked on Linux too.
#
# usage: bindings/swift/build-xcframework.sh [--generate-only] [--no-macos] [--debug]
#
#   --generate-only  only generate the Swift bindings, header and module map (any OS)
#   --no-macos       skip the macOS slice (then `swift test` on the Mac cannot link)
#   --debug          build the static libraries without --release (faster, larger)
#
# Outputs (all git-ignored build outputs, see .gitignore):
#   Sources/RLSJournal/Generated/RLSJournal.swift   generated bindings, compiled into `RLSJournal`
#   build/generated/                                 raw uniffi output (.swift, .h, .modulemap)
#   build/headers/RLSJournalFFI/                     rlsjournal_coreFFI.h + module.modulemap
#   RLSJournalFFI.xcframework                        ios-arm64, ios-arm64_x86_64-simulator,
#                                                    macos-arm64_x86_64
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

CRATE_PACKAGE="rlsjournal-core"
LIB_NAME="librlsjournal_core"
# Must match bindings/uniffi.toml ([crates.rlsjournal_core.bindings.swift]) and Package.swift.
FFI_MODULE="RLSJournalFFI"
FFI_FILE="rlsjournal_coreFFI"
UNIFFI_CONFIG="$ROOT/bindings/uniffi.toml"

BUILD="$HERE/build"
GEN_DIR="$BUILD/generated"
HEADERS_ROOT="$BUILD/headers"
# The header and module map sit in a subdirectory named after the module, so an app that links
# several XCFrameworks does not get two `include/module.modulemap` files; clang finds
# `<include>/RLSJournalFFI/module.modulemap` for `import RLSJournalFFI`.
HEADERS_DIR="$HEADERS_ROOT/$FFI_MODULE"
SOURCES_GEN="$HERE/Sources/RLSJournal/Generated"
XCFRAMEWORK="$HERE/$FFI_MODULE.xcframework"

# Deployment targets of the package (Package.swift: iOS 16, macOS 13); rustc and the C compiler
# (bundled SQLite) read these, so the objects match what the app links against.
export IPHONEOS_DEPLOYMENT_TARGET="16.0"
export MACOSX_DEPLOYMENT_TARGET="13.0"

IOS_DEVICE_TARGET="aarch64-apple-ios"
IOS_SIM_TARGETS=("aarch64-apple-ios-sim" "x86_64-apple-ios")
MACOS_TARGETS=("aarch64-apple-darwin" "x86_64-apple-darwin")

generate_only=0
with_macos=1
profile="release"

fail() {
    echo "build-xcframework: error: $*" >&2
    exit 1
}

step() {
    echo "==> $*"
}

usage() {
    sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case "$1" in
        --generate-only) generate_only=1 ;;
        --no-macos) with_macos=0 ;;
        --debug) profile="debug" ;;
        -h | --help)
            usage
            exit 0
            ;;
        *) fail "unknown option '$1' (see --help)" ;;
    esac
    shift
done

# ---- generate: Swift bindings, C header, module map (any OS) ----

generate() {
    command -v cargo > /dev/null || fail "cargo not found; install Rust with rustup (https://rustup.rs)"

    # Library mode reads the exported API from a built library of the host; the API (and its
    # checksums) do not depend on the target, so the host's debug cdylib serves every slice.
    local host_lib
    case "$(uname -s)" in
        Darwin) host_lib="$TARGET_DIR/debug/$LIB_NAME.dylib" ;;
        *) host_lib="$TARGET_DIR/debug/$LIB_NAME.so" ;;
    esac

    step "building the host library for generation ($CRATE_PACKAGE, debug)"
    (cd "$ROOT" && cargo build -p "$CRATE_PACKAGE")
    [ -f "$host_lib" ] || fail "expected $host_lib after the build"

    step "generating Swift bindings with the workspace uniffi-bindgen"
    rm -rf "$GEN_DIR"
    mkdir -p "$GEN_DIR"
    (cd "$ROOT" && cargo run -q -p uniffi-bindgen -- generate "$host_lib" \
        --language swift --config "$UNIFFI_CONFIG" --no-format --out-dir "$GEN_DIR")

    local swift_files=("$GEN_DIR"/*.swift)
    if [ "${#swift_files[@]}" -ne 1 ] || [ ! -f "${swift_files[0]}" ]; then
        fail "expected exactly one generated .swift file in $GEN_DIR"
    fi
    [ -f "$GEN_DIR/$FFI_FILE.h" ] || fail "uniffi did not write $FFI_FILE.h (check ffi_module_filename in $UNIFFI_CONFIG)"
    [ -f "$GEN_DIR/$FFI_FILE.modulemap" ] || fail "uniffi did not write $FFI_FILE.modulemap"
    grep -q "^module $FFI_MODULE " "$GEN_DIR/$FFI_FILE.modulemap" \
        || fail "the module map does not declare module $FFI_MODULE (the binary target's name)"
    grep -q "import $FFI_MODULE" "${swift_files[0]}" \
        || fail "the generated Swift does not import $FFI_MODULE"

    rm -rf "$HEADERS_ROOT"
    mkdir -p "$HEADERS_DIR"
    cp "$GEN_DIR/$FFI_FILE.h" "$HEADERS_DIR/$FFI_FILE.h"
    # Inside an XCFramework's headers the module map must be called module.modulemap.
    cp "$GEN_DIR/$FFI_FILE.modulemap" "$HEADERS_DIR/module.modulemap"

    rm -rf "$SOURCES_GEN"
    mkdir -p "$SOURCES_GEN"
    cp "${swift_files[0]}" "$SOURCES_GEN/"

    echo "    Swift:   ${SOURCES_GEN#"$ROOT"/}/$(basename "${swift_files[0]}")"
    echo "    headers: ${HEADERS_DIR#"$ROOT"/}/ ($FFI_FILE.h, module.modulemap)"
}

# ---- build: static libraries and the XCFramework (macOS with Xcode only) ----

check_mac() {
    if [ "$(uname -s)" != "Darwin" ]; then
        fail "building the XCFramework needs macOS with Xcode (this is $(uname -s)).
On other systems only the generation step runs: $0 --generate-only"
    fi
    command -v xcodebuild > /dev/null \
        || fail "xcodebuild not found: install Xcode from the App Store, then run
    sudo xcode-select --switch /Applications/Xcode.app/Contents/Developer"
    xcodebuild -version > /dev/null 2>&1 \
        || fail "xcodebuild does not work (only the Command Line Tools are selected?). Install Xcode, then run
    sudo xcode-select --switch /Applications/Xcode.app/Contents/Developer"
    xcrun --sdk iphoneos --show-sdk-path > /dev/null 2>&1 \
        || fail "the iOS SDK is missing: open Xcode once (Settings > Components) to install the iOS platform"
    command -v lipo > /dev/null || fail "lipo not found (it comes with Xcode)"
    command -v rustup > /dev/null \
        || fail "rustup not found; the Apple targets are installed with rustup (https://rustup.rs)"

    local needed=("$IOS_DEVICE_TARGET" "${IOS_SIM_TARGETS[@]}")
    if [ "$with_macos" -eq 1 ]; then
        needed+=("${MACOS_TARGETS[@]}")
    fi
    local installed missing=()
    installed="$(rustup target list --installed)"
    for t in "${needed[@]}"; do
        grep -qx "$t" <<< "$installed" || missing+=("$t")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        fail "missing Rust targets; install them with
    rustup target add ${missing[*]}"
    fi
}

# Builds the core as a static library for one target; prints nothing on stdout but the path.
build_static() {
    local target="$1"
    local flags=()
    if [ "$profile" = "release" ]; then
        flags+=("--release")
    fi
    step "building $LIB_NAME.a for $target ($profile)" >&2
    # ${flags[@]+...}: macOS's bash 3.2 treats an empty array as unbound under `set -u`.
    (cd "$ROOT" && cargo rustc -p "$CRATE_PACKAGE" --lib ${flags[@]+"${flags[@]}"} \
        --crate-type staticlib --target "$target") >&2
    local lib="$TARGET_DIR/$target/$profile/$LIB_NAME.a"
    [ -f "$lib" ] || fail "expected $lib after the build"
    echo "$lib"
}

# Merges the libraries of several architectures of one platform into one fat library.
fat_library() {
    local out_dir="$1"
    shift
    mkdir -p "$out_dir"
    lipo -create "$@" -output "$out_dir/$LIB_NAME.a"
    echo "$out_dir/$LIB_NAME.a"
}

build_xcframework() {
    local device_lib sim_libs=() mac_libs=()
    device_lib="$(build_static "$IOS_DEVICE_TARGET")"
    for t in "${IOS_SIM_TARGETS[@]}"; do
        sim_libs+=("$(build_static "$t")")
    done
    if [ "$with_macos" -eq 1 ]; then
        for t in "${MACOS_TARGETS[@]}"; do
            mac_libs+=("$(build_static "$t")")
        done
    fi

    step "merging architectures with lipo"
    local device_dir="$BUILD/libs/ios"
    mkdir -p "$device_dir"
    cp "$device_lib" "$device_dir/$LIB_NAME.a"
    local sim_fat mac_fat=""
    sim_fat="$(fat_library "$BUILD/libs/ios-simulator" "${sim_libs[@]}")"
    if [ "$with_macos" -eq 1 ]; then
        mac_fat="$(fat_library "$BUILD/libs/macos" "${mac_libs[@]}")"
    fi

    step "creating $(basename "$XCFRAMEWORK")"
    local args=(
        -library "$device_dir/$LIB_NAME.a" -headers "$HEADERS_ROOT"
        -library "$sim_fat" -headers "$HEADERS_ROOT"
    )
    if [ -n "$mac_fat" ]; then
        args+=(-library "$mac_fat" -headers "$HEADERS_ROOT")
    fi
    rm -rf "$XCFRAMEWORK"
    xcodebuild -create-xcframework "${args[@]}" -output "$XCFRAMEWORK"
    [ -f "$XCFRAMEWORK/Info.plist" ] || fail "xcodebuild did not create $XCFRAMEWORK"

    echo "    $(basename "$XCFRAMEWORK"):"
    (cd "$XCFRAMEWORK" && find . -name "$LIB_NAME.a" | sort | sed 's/^/      /')
}

if [ "$generate_only" -eq 1 ]; then
    generate
    step "done (generate only; the XCFramework was not built)"
    exit 0
fi
# Check the Mac tooling first, so a missing piece fails before minutes of building.
check_mac
generate
build_xcframework
step "done; next: cd bindings/swift && swift test"
