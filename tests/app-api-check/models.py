#!/usr/bin/env python3
"""Fails when the iOS models and the Kotlin presenters drift apart (issue 16 §2).

The screens' logic is written twice in the same shape: a plain Kotlin presenter per screen
(android/presenters, run on the JVM by tests/kotlin) and a plain Swift model per screen
(ios/RLSJournalApp/Models, which nothing here compiles). For every Kotlin class named
`<Name>Presenter` (or `<Name>Action`) this checks that `Models/<Name>Model.swift` (or
`<Name>ActionModel.swift`) exists and declares that class, that both have the same public action
names (Swift argument labels may differ), and that the Kotlin `<Name>State` and the Swift
`struct State` hold the same field names. No file under Models/ may import anything but
Foundation, Combine and RLSJournal (no SwiftUI, no UIKit), and every `*Model.swift` there must
mirror a presenter.

Usage: models.py PRESENTERS_DIR MODELS_DIR   (exit 1 on any drift, 2 on a setup error)
       models.py --self-test                 (proves each kind of drift is caught)
"""
import re
import shutil
import sys
import tempfile
from pathlib import Path

ALLOWED_IMPORTS = {"Foundation", "Combine", "RLSJournal"}
KOTLIN_CLASS = re.compile(r"^class (\w+(?:Presenter|Action))\b", re.M)
KOTLIN_ACTION = re.compile(r"^    (?:suspend )?fun (\w+)", re.M)
KOTLIN_FIELD = re.compile(r"^    val (\w+)", re.M)
TOP_LEVEL = re.compile(r"^(?:/\*\*|class |data class |fun |val |const |enum |object |interface |typealias )", re.M)
SWIFT_ACTION = re.compile(r"^    (?:@\w+\s+)*func (\w+)", re.M)
SWIFT_FIELD = re.compile(r"^        (?:var|let) (\w+)", re.M)
SWIFT_IMPORT = re.compile(r"^[ \t]*(?:@\w+[ \t]+)?import[ \t]+(?:(?:struct|class|enum|protocol|func|var|let|typealias)[ \t]+)?(\w+)", re.M)


def segment(text, start):
    """The text of a top-level Kotlin declaration starting at `start`, up to the next one."""
    following = TOP_LEVEL.search(text, start + 1)
    return text[start:following.start() if following else len(text)]


def kotlin_presenters(folder):
    """{model name: (presenter name, actions, state fields or None)} from the Kotlin files."""
    found = {}
    for path in sorted(Path(folder).rglob("*.kt")):
        text = path.read_text(encoding="utf-8")
        for match in KOTLIN_CLASS.finditer(text):
            name = match.group(1)
            base = name[: -len("Presenter")] if name.endswith("Presenter") else name
            actions = set(KOTLIN_ACTION.findall(segment(text, match.start())))
            state = re.search(rf"^data class {re.escape(base)}State\(", text, re.M)
            fields = set(KOTLIN_FIELD.findall(segment(text, state.start()))) if state else None
            found[base + "Model"] = (name, actions, fields)
    return found


def swift_state_fields(text):
    """The field names of the model's nested `struct State` (None without one)."""
    start = re.search(r"^    struct State \{\n", text, re.M)
    if not start:
        return None
    end = re.search(r"^    \}", text[start.end():], re.M)
    body = text[start.end(): start.end() + (end.start() if end else len(text))]
    return set(SWIFT_FIELD.findall(body))


def check(presenters_dir, models_dir):
    problems = []
    presenters = kotlin_presenters(presenters_dir)
    models = Path(models_dir)
    if not presenters:
        print(f"models.py: no Kotlin presenter found under {presenters_dir}", file=sys.stderr)
        return 2
    if not models.is_dir():
        print(f"models.py: no folder {models_dir}", file=sys.stderr)
        return 2
    for path in sorted(models.rglob("*.swift")):
        text = path.read_text(encoding="utf-8")
        for module in SWIFT_IMPORT.findall(text):
            if module not in ALLOWED_IMPORTS:
                problems.append(f"{path}: imports {module} (models use only {', '.join(sorted(ALLOWED_IMPORTS))})")
        if path.stem.endswith("Model") and path.stem not in presenters:
            problems.append(f"{path}: no Kotlin presenter for {path.stem} (a model mirrors a presenter)")
    for model, (presenter, actions, fields) in sorted(presenters.items()):
        path = models / f"{model}.swift"
        if not path.is_file():
            problems.append(f"MISSING {path}: the Swift model of {presenter}")
            continue
        text = path.read_text(encoding="utf-8")
        declared = re.search(rf"\bclass {model}\b", text)
        if not declared:
            problems.append(f"{path}: declares no class {model}")
            continue
        # The class's own methods (a form struct before it has methods that are not actions).
        swift_actions = set(SWIFT_ACTION.findall(text[declared.start():]))
        for name in sorted(actions - swift_actions):
            problems.append(f"MISSING {model}.{name}: the action {presenter}.{name} has no Swift twin")
        for name in sorted(swift_actions - actions):
            problems.append(f"MISSING {presenter}.{name}: the action {model}.{name} has no Kotlin twin")
        swift_fields = swift_state_fields(text)
        if fields is None and swift_fields is None:
            continue
        if fields is None or swift_fields is None:
            problems.append(f"{model}: a state in one language only ({presenter} state: {fields is not None})")
            continue
        for name in sorted(fields - swift_fields):
            problems.append(f"MISSING {model}.State.{name}: the state field of {presenter} has no Swift twin")
        for name in sorted(swift_fields - fields):
            problems.append(f"MISSING {presenter} state field {name}: {model}.State.{name} has no Kotlin twin")
        print(f"models: {presenter} = {model}: {len(actions)} actions, {len(fields)} state fields")
    for problem in problems:
        print(problem)
    print(f"models: {len(presenters)} presenters, {len(problems)} drift(s)")
    return 1 if problems else 0


def self_test(presenters_dir, models_dir):
    """Injects one drift at a time into a copy and expects each to fail, naming the drift."""
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        def fresh():
            for name in ("presenters", "models"):
                shutil.rmtree(Path(tmp) / name, ignore_errors=True)
            shutil.copytree(presenters_dir, Path(tmp) / "presenters")
            shutil.copytree(models_dir, Path(tmp) / "models")
            return Path(tmp) / "presenters", Path(tmp) / "models"

        def edit(path, old, new):
            text = path.read_text(encoding="utf-8")
            if old not in text:
                raise SystemExit(f"models.py self-test: {path.name} no longer holds {old!r}; update the self-test")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")

        def expect(description, needle):
            nonlocal failures
            import contextlib
            import io
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = check(Path(tmp) / "presenters", Path(tmp) / "models")
            if status == 1 and needle in out.getvalue():
                print(f"self-test: caught: {description}")
            else:
                failures += 1
                print(f"self-test: NOT caught ({needle!r} not reported): {description}")
                print(out.getvalue())

        kotlin, swift = fresh()
        import contextlib
        import io
        with contextlib.redirect_stdout(io.StringIO()):
            untouched = check(kotlin, swift)
        print("self-test: the untouched copy passes" if untouched == 0 else "self-test: the untouched copy FAILS")
        failures += untouched != 0

        kotlin, swift = fresh()
        edit(swift / "NightModel.swift", "func undoOffered(", "func undoOfferedRenamed(")
        expect("a Swift model misses an action of its presenter", "NightModel.undoOffered")

        kotlin, swift = fresh()
        edit(kotlin / "org/rlsjournal/presenters/TonightPresenter.kt", "    fun dismissMessage(",
             "    fun dismissAll() = Unit\n\n    fun dismissMessage(")
        expect("a presenter gains an action the Swift model lacks", "TonightModel.dismissAll")

        kotlin, swift = fresh()
        edit(swift / "HistoryModel.swift", "        var loadingMore = false\n", "")
        expect("a Swift state misses a field of the Kotlin state", "HistoryModel.State.loadingMore")

        kotlin, swift = fresh()
        edit(swift / "SummaryModel.swift", "import Foundation\n", "import Foundation\nimport SwiftUI\n")
        expect("a model imports SwiftUI", "imports SwiftUI")

        kotlin, swift = fresh()
        (swift / "ShareModel.swift").unlink()
        expect("a presenter has no Swift model", "MISSING")

        kotlin, swift = fresh()
        (swift / "StrayModel.swift").write_text("import Foundation\nfinal class StrayModel {}\n", encoding="utf-8")
        expect("a Swift model mirrors no presenter", "no Kotlin presenter for StrayModel")
    print(f"models self-test: {failures} not caught")
    return 1 if failures else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    root = Path(__file__).resolve().parents[2]
    presenters = root / "android/presenters/src/main/kotlin"
    models = root / "ios/RLSJournalApp/Models"
    if args == ["--self-test"]:
        sys.exit(self_test(presenters, models))
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(check(args[0], args[1]))
