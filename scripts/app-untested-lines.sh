#!/usr/bin/env bash
# How much of the phone apps' code nothing here executes (issue 16 item 3).
#
# Usage: scripts/app-untested-lines.sh [--files]
#
# Counts the lines of every Kotlin and Swift source under android/ and ios/ (*.kt, *.swift; the
# Gradle scripts are left out, as in the issue's baseline of 6,713 lines). The presenters
# (android/presenters/src/main/kotlin) are compiled and run by the JVM suite
# (tests/kotlin/run.sh, PresenterTests.kt) and the iOS screen models with the files in
# tests/swift/app-files.txt are compiled and run by the Swift suite (tests/swift/run.sh, a
# Debian trixie Swift in a chroot), so they count as tested; everything else is only parsed
# (syntax-check) and drift-checked (tests/app-api-check). With --files, prints each
# untested file with its line count, largest first. The last lines give the totals and the share
# of untested lines against the issue's baseline (6.2k lines; target: under 40 %).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
baseline=6200
tested_dir="android/presenters/src/main/kotlin"
# The Swift files tests/swift/run.sh compiles and runs with its model tests.
swift_tested=" "
while IFS= read -r pattern; do
    case "$pattern" in "" | "#"*) continue ;; esac
    # shellcheck disable=SC2086 # the pattern is a glob to expand
    for f in $pattern; do [ -f "$f" ] && swift_tested+="$f "; done
done <tests/swift/app-files.txt

all="$(find android ios \( -name '*.kt' -o -name '*.swift' \) -type f | LC_ALL=C sort)"
tested=0
untested=0
listing=""
while IFS= read -r f; do
    [ -n "$f" ] || continue
    n="$(wc -l <"$f")"
    if [[ $f == "$tested_dir"/* || $swift_tested == *" $f "* ]]; then
        tested=$((tested + n))
    else
        untested=$((untested + n))
        listing+="$n $f"$'\n'
    fi
done <<<"$all"
if [ "${1:-}" = --files ]; then
    printf '%s' "$listing" | sort -rn | awk '{ printf "%6d  %s\n", $1, $2 }'
fi
android_untested="$(printf '%s' "$listing" | awk '$2 ~ /^android\// { s += $1 } END { print s + 0 }')"
ios_untested="$(printf '%s' "$listing" | awk '$2 ~ /^ios\// { s += $1 } END { print s + 0 }')"
echo "run by the JVM suite (presenters) and the Swift suite (models): $tested lines"
echo "untested (parse- and drift-checked only): $untested lines (android $android_untested, ios $ios_untested)"
echo "untested share of the ${baseline}-line baseline: $((untested * 100 / baseline)) % (target: under 40 %)"
