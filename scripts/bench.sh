#!/usr/bin/env bash
# Reruns every performance figure and rewrites docs/performance.md:
#   1. criterion benchmarks on a ten-year journal, each with its hand-written rusqlite limit;
#   2. peak RSS of the ten-year summary and of the report;
#   3. the size of the stripped release cdylib;
#   4. the JVM benchmark through the real bindings against SQLite JDBC (tests/kotlin, bench mode).
# Takes 10–20 minutes on 2 cores (the release build uses fat LTO).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench-results

cargo bench -p rlsjournal-core --bench journal -- --noplot 2>&1 | tee target/bench-results/criterion.txt
uptime >target/bench-results/load.txt

db=target/bench-data/ten-years-3650.db
for what in summary report; do
  cargo run -q --release -p rlsjournal-core --example peak_rss -- "$db" "$what" \
    | tee "target/bench-results/rss-$what.txt" || echo "$what: not measured" >"target/bench-results/rss-$what.txt"
done

cargo build -q --release -p rlsjournal-core
cp target/release/librlsjournal_core.so target/bench-results/librlsjournal_core.stripped.so
strip target/bench-results/librlsjournal_core.stripped.so
stat -c %s target/bench-results/librlsjournal_core.stripped.so >target/bench-results/cdylib-size.txt

# The JVM figures on stdout; the build and install log on stderr goes to its own file.
bash tests/kotlin/run.sh bench "$db" 2>target/bench-results/jvm.log | tee target/bench-results/jvm.txt ||
  echo "the JVM benchmark failed: see target/bench-results/jvm.log" >&2

python3 scripts/performance_table.py target/bench-results >docs/performance.md
echo "wrote docs/performance.md"
