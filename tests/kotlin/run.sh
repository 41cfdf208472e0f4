#!/usr/bin/env bash
# The Kotlin-on-JVM tests: the core through the real generated bindings, on real journal files.
#
# Usage: tests/kotlin/run.sh [test] [FILTER...]   run all tests, or those whose name contains a
#                                                  FILTER (or matches a glob such as 'errors.*')
#        tests/kotlin/run.sh list                 list the test names
#        tests/kotlin/run.sh bench [DATA_FILE] [FILTER...]   run the benchmarks
#        tests/kotlin/run.sh known-gaps           run the tests of known core gaps (expected to fail)
#
# Steps: installs what is missing (JDK 17 and JNA with apt-get, the Kotlin compiler with npm into
# ${RLSJOURNAL_CACHE:-~/.cache/rlsjournal}); builds the debug cdylib; generates the Kotlin bindings
# into the cargo target dir; compiles bindings + bindings/kotlin/src/main/kotlin + tests/kotlin/src
# + android/presenters/src/main/kotlin
# with kotlinc (cached by a hash of the inputs); runs them on the JVM with JNA against the cdylib.
# In test mode the last line printed is `N passed, M failed`; the exit status is non-zero on any
# failure. Bench mode builds and loads the RELEASE cdylib instead, and also needs SQLite JDBC
# (apt-get install libxerial-sqlite-jdbc-java) on the classpath. Environment: RLSJOURNAL_CACHE,
# RLSJOURNAL_JNA_JAR, RLSJOURNAL_SQLITE_JDBC_JAR (bench), RLSJOURNAL_KEEP_TMP=1,
# RLSJOURNAL_TEST_TIMEOUT (seconds per test, default 120).
set -euo pipefail

KOTLIN_VERSION="2.4.20"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${RLSJOURNAL_CACHE:-${HOME:-/root}/.cache/rlsjournal}"
jna_jar="${RLSJOURNAL_JNA_JAR:-/usr/share/java/jna.jar}"
sqlite_jdbc_jar="${RLSJOURNAL_SQLITE_JDBC_JAR:-/usr/share/java/sqlite-jdbc.jar}"
kotlin_home="$cache/package"

log() { printf '[kotlin-tests] %s\n' "$*" >&2; }
die() {
    printf '[kotlin-tests] error: %s\n' "$*" >&2
    exit 1
}

case "${1:-}" in
    -h | --help | help)
        awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
        exit 0
        ;;
esac

# Runs a command as root (directly, or with password-less sudo).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo "$@"
    else
        return 1
    fi
}

# Installs Debian packages; runs `apt-get update` and retries once if the install fails.
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    log "installing $* with apt-get"
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2; then
        return 0
    fi
    log "apt-get install failed; running apt-get update and retrying"
    as_root apt-get update >&2 &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2
}

java_major() {
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

ensure_java() {
    local found=""
    if command -v java >/dev/null 2>&1; then
        found="$(java_major)"
    fi
    if [ -z "$found" ] || [ "$found" -lt 17 ]; then
        apt_install openjdk-17-jre-headless ||
            die "a Java 17 runtime is needed: install openjdk-17-jre-headless (apt-get) or put java 17+ on PATH"
    fi
    local major
    major="$(java_major)"
    if [ -z "$major" ] || [ "$major" -lt 17 ]; then
        die "java on PATH is version '${major:-unknown}'; 17 or newer is needed"
    fi
}

ensure_jna() {
    if [ ! -f "$jna_jar" ]; then
        if [ "$jna_jar" = /usr/share/java/jna.jar ]; then
            apt_install libjna-java || true
        fi
        [ -f "$jna_jar" ] ||
            die "JNA is missing ($jna_jar): install it with 'apt-get install libjna-java' (as root), or set RLSJOURNAL_JNA_JAR to a JNA 5 jar"
    fi
}

# Bench mode only: SQLite JDBC, the hand-written peer of the benchmarks. Debian's jar has no
# dependencies of its own (no slf4j); its JNI library (libxerial-sqlite-jdbc-jni, pulled in by the
# package) is in the JVM's default java.library.path and links the system libsqlite3.
ensure_sqlite_jdbc() {
    if [ ! -f "$sqlite_jdbc_jar" ]; then
        if [ "$sqlite_jdbc_jar" = /usr/share/java/sqlite-jdbc.jar ]; then
            apt_install libxerial-sqlite-jdbc-java || true
        fi
        [ -f "$sqlite_jdbc_jar" ] ||
            die "SQLite JDBC is missing ($sqlite_jdbc_jar): install it with 'apt-get install libxerial-sqlite-jdbc-java' (as root), or set RLSJOURNAL_SQLITE_JDBC_JAR to a sqlite-jdbc jar"
    fi
}

ensure_kotlin() {
    if [ -x "$kotlin_home/bin/kotlinc" ] && [ "$(cat "$kotlin_home/build.txt" 2>/dev/null)" = "$KOTLIN_VERSION" ]; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        apt_install npm || die "npm is needed to fetch the Kotlin compiler (npm package kotlin-compiler@$KOTLIN_VERSION): install npm (apt-get install npm)"
    fi
    mkdir -p "$cache"
    local tgz="$cache/kotlin-compiler-$KOTLIN_VERSION.tgz"
    local tmp
    tmp="$(mktemp -d "$cache/fetch.XXXXXX")"
    if [ ! -s "$tgz" ]; then
        log "fetching the Kotlin compiler $KOTLIN_VERSION with npm (about 90 MB, once; cached in $cache)"
        (cd "$tmp" && npm pack "kotlin-compiler@$KOTLIN_VERSION" --silent >/dev/null) ||
            { rm -rf "$tmp"; die "npm pack kotlin-compiler@$KOTLIN_VERSION failed (is the npm registry reachable?)"; }
        mv "$tmp/kotlin-compiler-$KOTLIN_VERSION.tgz" "$tgz"
    fi
    log "unpacking the Kotlin compiler into $kotlin_home"
    if ! tar -xzf "$tgz" -C "$tmp"; then
        rm -rf "$tmp" "$tgz"
        die "could not unpack $tgz (removed it; run again to download it afresh)"
    fi
    rm -rf "$kotlin_home"
    mv "$tmp/package" "$kotlin_home"
    rm -rf "$tmp"
    [ -x "$kotlin_home/bin/kotlinc" ] || die "the npm package has no bin/kotlinc"
}

# A short hash of file names and contents, plus extra words. Names are relative to the repository
# (generated files: to their temporary directory), so the hash is the same from run to run.
hash_inputs() {
    local extra="$1"
    shift
    {
        printf '%s\n' "$extra"
        local f name
        for f in "$@"; do
            name="${f#"${gen:-}"/}"
            printf '%s\n' "${name#"$root"/}"
            sha256sum <"$f"
        done
    } | sha256sum | cut -c1-16
}

# kotlinc into a jar, atomically (a concurrent run never sees a half-written jar).
compile() {
    local jar="$1" classpath="$2"
    shift 2
    # kotlinc writes a jar only when the -d path ends in .jar.
    local partial
    partial="$(dirname "$jar")/partial-$$-$(basename "$jar")"
    if ! "$kotlin_home/bin/kotlinc" -jvm-target 17 -cp "$classpath" -d "$partial" "$@"; then
        rm -f "$partial"
        die "kotlinc failed"
    fi
    mv -f "$partial" "$jar"
}

mkdir -p "$cache"
if command -v flock >/dev/null 2>&1; then
    exec 9>"$cache/.install.lock"
    flock 9
fi
# Benchmarks run on the release cdylib (and need SQLite JDBC); tests stay on the debug build.
mode=test
build_profile=debug
if [ "${1:-}" = bench ]; then
    mode=bench
    build_profile=release
fi

ensure_java
ensure_jna
ensure_kotlin
if [ "$mode" = bench ]; then
    ensure_sqlite_jdbc
fi
if command -v flock >/dev/null 2>&1; then
    flock -u 9
fi

cd "$root"
log "building the core ($build_profile cdylib)"
if [ "$build_profile" = release ]; then
    cargo build --release -p rlsjournal-core >&2
else
    cargo build -p rlsjournal-core >&2
fi
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
[ -n "$target_dir" ] || die "cannot find the cargo target directory"
lib_dir="$target_dir/$build_profile"
work="$target_dir/kotlin-tests"
mkdir -p "$work"
gen="$(mktemp -d "$work/generated.XXXXXX")"
trap 'rm -rf "$gen"' EXIT

log "generating the Kotlin bindings"
# --jvm: the bindings for a plain JVM (no android.* imports; uniffi.toml sets android = true).
generated="$("$root/bindings/generate-kotlin.sh" --jvm --lib "$lib_dir/librlsjournal_core.so" "$gen")"

klib="$kotlin_home/lib"
deps="$jna_jar:$klib/kotlinx-coroutines-core-jvm.jar:$klib/kotlin-test.jar"
layer_sources=()
while IFS= read -r f; do layer_sources+=("$f"); done < <(find "$root/bindings/kotlin/src/main/kotlin" -name '*.kt' | LC_ALL=C sort)
# The apps' screen presenters (plain Kotlin, no Android imports), compiled with the layer.
while IFS= read -r f; do layer_sources+=("$f"); done < <(find "$root/android/presenters/src/main/kotlin" -name '*.kt' | LC_ALL=C sort)
test_sources=()
while IFS= read -r f; do test_sources+=("$f"); done < <(find "$here/src" -name '*.kt' | LC_ALL=C sort)
[ "${#test_sources[@]}" -gt 0 ] || die "no test sources in $here/src"

# Stage 1: the generated bindings and the hand-written layer (changes rarely; ~15 s to compile).
core_key="$(hash_inputs "kotlin $KOTLIN_VERSION; jna $(basename "$(readlink -f "$jna_jar")")" "$generated" "${layer_sources[@]}")"
core_jar="$work/core-$core_key.jar"
if [ ! -f "$core_jar" ]; then
    log "compiling the bindings and the Kotlin layer (kotlinc $KOTLIN_VERSION)"
    compile "$core_jar" "$deps" "$generated" "${layer_sources[@]}"
    find "$work" -maxdepth 1 -name 'core-*.jar' ! -name "core-$core_key.jar" -exec rm -rf {} +
fi

# Stage 2: the tests.
tests_key="$(hash_inputs "core $core_key" "${test_sources[@]}")"
tests_jar="$work/tests-$tests_key.jar"
if [ ! -f "$tests_jar" ]; then
    log "compiling the tests"
    compile "$tests_jar" "$core_jar:$deps" "${test_sources[@]}"
    find "$work" -maxdepth 1 -name 'tests-*.jar' ! -name "tests-$tests_key.jar" -exec rm -rf {} +
fi

log "running on $(java -version 2>&1 | head -n 1)"
classpath="$tests_jar:$core_jar:$klib/kotlin-stdlib.jar:$deps"
if [ "$mode" = bench ]; then
    # Only at run time: the benchmarks reach the driver through java.sql.DriverManager.
    classpath="$classpath:$sqlite_jdbc_jar"
fi
status=0
java -Djna.library.path="$lib_dir" \
    -Drlsjournal.root="$root" \
    -Drlsjournal.generated="$generated" \
    -cp "$classpath" org.rlsjournal.tests.MainKt "$@" || status=$?
exit "$status"
