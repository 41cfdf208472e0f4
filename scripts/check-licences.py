#!/usr/bin/env python3
"""The licence policy check: no tool to compile, only `cargo tree` and the committed files.

Fails (exit 1) when:
  - a crate in the core's dependency graph (normal dependencies of rlsjournal-core for the
    targets in about.toml, per `cargo tree`, as cargo-about walks it) is missing from
    THIRD_PARTY_NOTICES.txt, or the notices list a crate the graph no longer has (regenerate with
    scripts/notices.sh);
  - a crate's licence expression cannot be satisfied with about.toml's `accepted` licences;
  - SQLite's public-domain notice is missing;
  - LICENSE is not the MPL-2.0 text (SHA-256 of mozilla.org's text);
  - the copies shipped in the Swift package differ from LICENSE / THIRD_PARTY_NOTICES.txt.

usage: scripts/check-licences.py [--self-test]
  --self-test  also proves the check fails on a crate without a notice and on a licence
               outside the list (the real files, with one change each, in memory)
"""
import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOT_PACKAGE = "rlsjournal-core"
NOTICES = ROOT / "THIRD_PARTY_NOTICES.txt"
SWIFT_RESOURCES = ROOT / "bindings/swift/Sources/RLSJournal/Resources"
# https://www.mozilla.org/media/MPL/2.0/index.txt: 16726 bytes.
MPL_SHA256 = "fab3dd6bdab226f1c08630b1dd917e11fcb4ec5e1e020e2c16f83a0a13863e85"
SQLITE_NOTICE = "May you do good and not evil."


def shipped_crates(targets):
    """(name, version, licence) of every crate the core is built from for the shipped targets.

    `cargo tree -p rlsjournal-core -e normal` resolves features for the core alone (as building it
    does, unlike `cargo metadata`'s workspace-wide resolve) and, with about.toml's targets, leaves
    out dependencies no shipped platform compiles, as cargo-about does. The core itself is in the
    list (the notices name it under MPL-2.0).
    """
    command = ["cargo", "tree", "-p", ROOT_PACKAGE, "-e", "normal", "--prefix", "none",
               "--format", "{p}|{l}", "--locked"]
    for target in targets:
        command += ["--target", target]
    for extra in (["--offline"], []):
        result = subprocess.run(command + extra, cwd=ROOT, capture_output=True, text=True)
        if result.returncode == 0:
            break
    else:
        sys.exit(f"check-licences: cargo tree failed:\n{result.stderr}")
    crates = set()
    for line in result.stdout.splitlines():
        if "|" not in line:
            continue
        package, licence = line.removesuffix(" (*)").split("|", 1)
        match = re.match(r"(\S+) v(\S+)", package)
        if match:
            crates.add((match.group(1), match.group(2), licence.removesuffix(" (*)") or None))
    if len(crates) < 50:
        sys.exit(f"check-licences: cargo tree listed only {len(crates)} crates; the output looks wrong")
    return sorted(crates)


def satisfiable(expression, accepted):
    """Whether an SPDX expression (OR, AND, WITH, parentheses; old `/` for OR) can be met."""
    if not expression:
        return False
    tokens = re.findall(r"\(|\)|[^\s()]+", expression.replace("/", " OR "))
    position = 0

    def peek():
        return tokens[position] if position < len(tokens) else None

    def take():
        nonlocal position
        position += 1
        return tokens[position - 1]

    def primary():
        if peek() == "(":
            take()
            value = disjunction()
            if take() != ")":
                raise ValueError(expression)
            return value
        licence = take()
        if peek() == "WITH":
            take()
            licence = f"{licence} WITH {take()}"
        return licence in accepted

    def conjunction():
        value = primary()
        while peek() == "AND":
            take()
            value = primary() and value
        return value

    def disjunction():
        value = conjunction()
        while peek() == "OR":
            take()
            value = conjunction() or value
        return value

    try:
        value = disjunction()
    except (IndexError, ValueError):
        return False
    return value and position == len(tokens)


def listed_crates(notices):
    """`- name version` lines of the notices' "Used by" lists."""
    return set(re.findall(r"^- ([A-Za-z0-9_.-]+) (\d+\.\d+\.\d+\S*)$", notices, re.MULTILINE))


def problems(crates, notices, accepted, licence_text, swift_copies):
    found = []
    listed = listed_crates(notices)
    graph = {(name, version) for name, version, _ in crates}
    for name, version, licence in crates:
        if (name, version) not in listed:
            found.append(f"{name} {version} is not in THIRD_PARTY_NOTICES.txt (run scripts/notices.sh)")
        if not satisfiable(licence, accepted):
            found.append(f"{name} {version}: licence {licence!r} is not allowed by about.toml")
    for name, version in sorted(listed - graph):
        found.append(f"THIRD_PARTY_NOTICES.txt lists {name} {version}, no longer a dependency (run scripts/notices.sh)")
    if SQLITE_NOTICE not in notices:
        found.append("THIRD_PARTY_NOTICES.txt lacks SQLite's public-domain notice")
    if hashlib.sha256(licence_text).hexdigest() != MPL_SHA256:
        found.append("LICENSE is not the MPL-2.0 text")
    for name, (copy, original) in swift_copies.items():
        if copy != original:
            found.append(f"{name} in the Swift package's resources differs from the repository's (run scripts/notices.sh)")
    return found


def inputs():
    config = tomllib.loads((ROOT / "about.toml").read_text())
    accepted = set(config["accepted"])
    notices = NOTICES.read_text() if NOTICES.exists() else ""
    licence_text = (ROOT / "LICENSE").read_bytes()

    def read(path):
        return path.read_bytes() if path.exists() else None

    swift_copies = {
        "LICENSE.txt": (read(SWIFT_RESOURCES / "LICENSE.txt"), licence_text),
        "THIRD_PARTY_NOTICES.txt": (read(SWIFT_RESOURCES / "THIRD_PARTY_NOTICES.txt"), read(NOTICES)),
    }
    return shipped_crates(config.get("targets", [])), notices, accepted, licence_text, swift_copies


def self_test(crates, notices, accepted, licence_text, swift_copies):
    """Each rule fails on a real input with one change."""
    assert satisfiable("MIT OR Apache-2.0", accepted)
    assert satisfiable("(MIT OR Apache-2.0) AND Unicode-3.0", accepted)
    assert satisfiable("Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT", accepted)
    assert satisfiable("Unlicense/MIT", accepted)
    assert not satisfiable("GPL-3.0-only", accepted)
    assert not satisfiable("MIT AND GPL-3.0-only", accepted)
    assert not satisfiable(None, accepted)
    new_crate = crates + [("brand-new-crate", "1.0.0", "MIT")]
    assert any("brand-new-crate" in p for p in problems(new_crate, notices, accepted, licence_text, swift_copies))
    name, version, _ = crates[0]
    copyleft = [(name, version, "GPL-3.0-only")] + crates[1:]
    assert any("not allowed" in p for p in problems(copyleft, notices, accepted, licence_text, swift_copies))
    no_sqlite = notices.replace(SQLITE_NOTICE, "")
    assert any("SQLite" in p for p in problems(crates, no_sqlite, accepted, licence_text, swift_copies))
    assert any("MPL-2.0" in p for p in problems(crates, notices, accepted, licence_text + b" ", swift_copies))
    print("check-licences: self-test passed (a new crate, a GPL crate, no SQLite notice, an edited LICENSE all fail)")


def main():
    crates, notices, accepted, licence_text, swift_copies = inputs()
    found = problems(crates, notices, accepted, licence_text, swift_copies)
    if found:
        print("check-licences: " + "\ncheck-licences: ".join(found), file=sys.stderr)
        return 1
    print(f"check-licences: {len(crates)} crates in the core's graph, each in THIRD_PARTY_NOTICES.txt "
          f"with an allowed licence; SQLite's notice, LICENSE and the Swift copies in place")
    if "--self-test" in sys.argv[1:]:
        self_test(crates, notices, accepted, licence_text, swift_copies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
