#!/usr/bin/env python3
"""Writes docs/performance.md from one run's results (scripts/bench.sh)."""
import json
import os
import platform
import re
import subprocess
import sys
from datetime import date

RESULTS = sys.argv[1] if len(sys.argv) > 1 else "target/bench-results"
CRITERION = "target/criterion"

# (what, our benchmark, its limit, budget in ms or a ratio, how the budget reads)
ROWS = [
    ("open an existing journal", "open/journal", "open/bare_sqlite", ("ms", 20)),
    ("quick log (durable commit)", "quick_log/journal", "quick_log/hand_written_insert", ("ratio", 1.5)),
    ("history, first page (50)", "history/first_page", "history/first_page_bare_select", ("ms", 1)),
    ("history, page five years back", "history/five_years_back", "history/five_years_back_bare_select", ("ms", 1)),
    ("night view", "night/view", "night/bare_select", ("ms", 1)),
    ("calendar month", "calendar/month", "calendar/bare_group_by", ("ms", 2)),
    ("summary of 14 nights", "summary/fourteen_nights", "summary/fourteen_nights_bare_scan", ("ms", 5)),
    ("summary of ten years", "summary/ten_years", "summary/ten_years_bare_scan", ("ms", 100)),
    ("PDF report of 30 nights", "report/thirty_nights", "report/sixty_nights_bare_scan", ("ms", 50)),
    ("backup export, ten years", "backup/export_ten_years", "backup/bare_scan_all_rows", None),
    ("backup import, ten years, empty file", "backup/import_ten_years_into_empty_file", None, None),
]


def median_ms(bench):
    path = os.path.join(CRITERION, bench, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"] / 1e6
    except (OSError, KeyError, ValueError):
        return None


def fmt(ms):
    if ms is None:
        return "—"
    if ms < 0.01:
        return f"{ms * 1000:.2f} µs"
    if ms < 1:
        return f"{ms * 1000:.0f} µs"
    if ms < 100:
        return f"{ms:.2f} ms"
    return f"{ms:.0f} ms"


def read(name):
    try:
        with open(os.path.join(RESULTS, name)) as f:
            return f.read().strip()
    except OSError:
        return None


BENCH_LINE = re.compile(r"^BENCH (\S+): p50 ([\d.]+) us, p99 ([\d.]+) us \((\d+) runs\)")
RATIO_LINE = re.compile(r"^RATIO (\S+) / (\S+): p50 ([\d.]+)x, p99 ([\d.]+)x")


def jvm_table(text):
    """The JVM section: each call through the bindings next to its SQLite JDBC peer (2x budget)."""
    benches = {}
    ratios = []
    for line in text.splitlines():
        if m := BENCH_LINE.match(line.strip()):
            benches[m.group(1)] = (float(m.group(2)), float(m.group(3)), int(m.group(4)))
        elif m := RATIO_LINE.match(line.strip()):
            ratios.append((m.group(1), m.group(2), float(m.group(3)), float(m.group(4))))
    out = ["## JVM, through the generated bindings, against SQLite JDBC\n"]
    out.append(
        "`tests/kotlin/run.sh bench` on the same ten-year file (release cdylib, JDK 17, JNA). "
        "Each call is paired with what an Android developer would otherwise write by hand: the same "
        "SQL through SQLite JDBC (xerial) from Kotlin. Budget: within 2× of the peer.\n"
    )
    out.append("| call | p50 | p99 | SQLite JDBC peer | peer p50 | peer p99 | ratio p50 | ratio p99 | met |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for ours, peer, r50, r99 in ratios:
        a = benches.get(ours, (None, None, 0))
        b = benches.get(peer, (None, None, 0))
        met = "yes" if r50 <= 2 else "**no**"
        out.append(
            f"| `{ours}` | {fmt_us(a[0])} | {fmt_us(a[1])} | `{peer}` | {fmt_us(b[0])} | "
            f"{fmt_us(b[1])} | {r50:.2f}× | {r99:.2f}× | {met} |"
        )
    paired = {name for r in ratios for name in r[:2]}
    for name, (p50, p99, runs) in benches.items():
        if name not in paired:
            out.append(f"| `{name}` | {fmt_us(p50)} | {fmt_us(p99)} | — | — | — | — | — | — |")
    out.append("")
    out.append("<details><summary>Raw output of the JVM run</summary>\n\n```")
    out.extend(line for line in text.splitlines() if line.strip() and not line.startswith("["))
    out.append("```\n</details>\n")
    return out


def fmt_us(us):
    return "—" if us is None else fmt(us / 1000)


def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    out = []
    out.append("# Performance\n")
    out.append(
        "Every figure below comes from one run of `bash scripts/bench.sh` (release build, fat LTO) "
        "on a synthetic ten-year journal (3,650 nights from `rlsjournal_core::demo`, seed 1). "
        "Each call is paired, in the same run, with its limit: the same work written by hand "
        "with rusqlite on the same file. Times are criterion medians.\n"
    )
    out.append(
        f"Machine: {os.cpu_count()} cores ({cpu()}), "
        f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
        f"{platform.system()} {platform.release()}; run on {date.today().isoformat()}.\n"
    )
    load = read("load.txt")
    if load:
        out.append(f"Load right after the criterion run (`uptime`): `{load}`.\n")
    out.append("| call | RLS Journal | hand-written limit | ratio | budget | met |")
    out.append("| --- | --- | --- | --- | --- | --- |")
    for what, ours, limit, budget in ROWS:
        a = median_ms(ours)
        b = median_ms(limit) if limit else None
        ratio = f"{a / b:.2f}×" if a is not None and b else "—"
        met = "—"
        btext = "—"
        if budget and a is not None:
            kind, value = budget
            if kind == "ms":
                btext = f"≤ {value} ms"
                met = "yes" if a <= value else "**no**"
            elif b:
                btext = f"≤ {value}× limit"
                met = "yes" if a / b <= value else "**no**"
        elif budget:
            kind, value = budget
            btext = f"≤ {value} ms" if kind == "ms" else f"≤ {value}× limit"
            met = "not measured"
        out.append(f"| {what} | {fmt(a)} | {fmt(b)} | {ratio} | {btext} | {met} |")
    out.append("")

    size = read("cdylib-size.txt")
    if size:
        mb = int(size) / 2**20
        out.append(
            f"Stripped release cdylib (`librlsjournal_core.so`, x86_64): {mb:.2f} MiB "
            f"(budget ≤ 4 MB: {'met' if int(size) <= 4_000_000 else '**missed**'}).\n"
        )
    for what in ("summary", "report"):
        rss = read(f"rss-{what}.txt")
        if rss:
            out.append(f"Peak RSS, {what} (`core/examples/peak_rss.rs`): `{rss}`\n")
    jvm = read("jvm.txt")
    if jvm:
        out.extend(jvm_table(jvm))
    out.append("Rerun: `bash scripts/bench.sh` (10–20 minutes on 2 cores).\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
