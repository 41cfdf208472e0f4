#!/usr/bin/env python3
"""Fails if a numeric range literal appears in app code (issue 16).

The forms' ranges and defaults come from the core (`formRules()`): a `1..10`, `0f..40f`,
`1...5` or `0..<24` written in the Android or iOS app is a second copy of a rule that can drift
from the core's. Comments are not checked. Usage: ranges.py DIR... ; exit 1 on any finding.
"""
import re
import sys
from pathlib import Path

# A number, a range operator (Kotlin `..`/`..<`, Swift `...`/`..<`), a number.
RANGE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[fFL]?\s*(?:\.\.\.|\.\.<|\.\.)\s*\d")


def code_lines(path):
    """(line number, text) of each line outside comments (// and /* */ blocks)."""
    in_block = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line
        if in_block:
            end = text.find("*/")
            if end < 0:
                continue
            text = text[end + 2:]
            in_block = False
        start = text.find("/*")
        if start >= 0:
            end = text.find("*/", start + 2)
            if end < 0:
                in_block = True
                text = text[:start]
            else:
                text = text[:start] + text[end + 2:]
        text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)  # string contents are not code
        text = text.split("//", 1)[0]
        yield number, text


def main(dirs):
    findings = []
    files = 0
    for root in dirs:
        for path in sorted(Path(root).rglob("*")):
            if path.suffix not in (".kt", ".swift") or not path.is_file():
                continue
            files += 1
            for number, text in code_lines(path):
                match = RANGE.search(text)
                if match:
                    findings.append(f"{path}:{number}: numeric range literal `{match.group(0)}`")
    for finding in findings:
        print(finding)
    if not files:
        print("ranges.py: no Kotlin or Swift files found", file=sys.stderr)
        return 2
    if findings:
        print(f"ranges: {len(findings)} numeric range literal(s) in app code; take the range from"
              " the core's formRules() instead")
        return 1
    print(f"ranges: {files} files, no numeric range literal")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["android", "ios"]))
