#!/usr/bin/env python3
"""The app API drift check: every core call the apps make must exist in the fresh bindings.

Usage: check.py --kotlin-bindings FILE --kotlin-layer DIR --android DIR
                --swift-bindings FILE --swift-layer DIR --ios DIR --sdk-names FILE

What it extracts from app code (comments and string literals removed first; the code inside
string templates `${...}` and interpolations `\\(...)` is kept), and what each must match:

Kotlin (android/**/*.kt, against the generated Kotlin and the hand-written Kotlin layer):
  K1  `import org.rlsjournal.core.X` and qualified `org.rlsjournal.core.X`: X is a public
      top-level declaration (type or function) of the generated bindings. A wildcard import of
      the package is an error (every core type the app names must be listed, so it can be checked).
  K2  `import org.rlsjournal.journal.X`: X is declared by the Kotlin layer.
  K3  `journal.m`: m is a method of the generated `Journal` (JournalInterface, its companion,
      close/destroy); for a call, its named arguments are parameters of m, there are no more
      positional arguments than parameters, and every parameter without a default is given.
  K4  `store.m`: m is a public member of the layer's `JournalStore` (same argument checks for a
      call; a trailing lambda counts as the last argument).
  K5  `T.m` for an imported core type T: m is an enum entry, a sealed-class case, a nested
      declaration or a companion member of T (`values`, `valueOf`, `entries` for enums).
  K6  `T(...)` / `T.Case(...)` constructing an imported core record or sealed case: named
      arguments are its fields; all fields without a default are given.
  K7  conventions that keep K3/K4 complete: a lambda passed to `store.read`/`store.write` names
      its parameter `journal` (`store.write { journal -> journal.addDose(d) }`), and the store is
      never used through a call chain (`context.journalStore().x`): bind it to `store` first.

Swift (ios/**/*.swift, against the generated Swift and the hand-written Swift layer):
  S1  `journal.m(...)`: m is a method of the generated `Journal`; the argument labels are the
      method's labels, in order; every parameter without a default is given (a trailing closure
      stands for the last parameter).
  S2  `store.m`: m is a public member of the layer's `JournalStore` (same label checks).
  S3  every capitalized identifier is declared by the generated bindings, the Swift layer or the
      app itself, or is a platform name listed in sdk-names.txt (fail-closed: a core type that
      was renamed or removed is not silently taken for an SDK type). `RLSJournal.X` must be
      a declaration of the package.
  S4  `T.m` for a core type T: m is an enum case or a static member of T (layer extensions
      included); `T.case(label: ...)` labels are the case's associated-value labels.
  S5  `T(label: ...)` constructing a core record: labels are the init's labels, in order, and
      every field without a default is given.
  S6  a closure passed to `store.read`/`store.write` names its parameter `journal`.

Not checked (needs type inference; the compilers in Android Studio and Xcode catch these):
field reads on values (`item.title`), `copy(...)` on records, implicit members (`.walking`,
which the apps avoid for core types by writing `ReliefMethod.walking`).

Minimums: each app must hold at least MINIMUMS[app]["files"] source files and make at least
MINIMUMS[app]["calls"] calls on journal/store, or the check fails: an app folder that moved, a
walk that skips everything or a pattern that stops matching would otherwise check nothing and
still print "all found".

Exit status: 0 if everything was found, 1 if anything is missing or an app is below its minimum,
2 for usage errors.
"""

import argparse
import os
import re
import sys
from collections import defaultdict

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"

# The least each app must hold (a little under today's counts; raise them as the apps grow).
# Issue 16 lowered the calls: one `saveEntry` replaced the add/edit pair of every form's kind.
MINIMUMS = {
    "android": {"files": 25, "calls": 50},
    "ios": {"files": 14, "calls": 60},
}


# ---------------------------------------------------------------------------------------------
# Source cleaning: comments out, string contents blanked, template/interpolation code kept.
# Offsets and newlines are preserved so positions map to the original lines.
# ---------------------------------------------------------------------------------------------


def clean(text, lang):
    """Returns `text` with comments and string contents replaced by spaces."""
    out = list(text)
    n = len(text)
    i = 0
    # Stack of contexts: ("code", depth_of_braces_or_parens) inside a template, or None at top.
    stack = []  # entries: ("str", quote, raw_hashes) or ("tpl", closer, depth)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    mode = "code"
    quote = None
    hashes = 0
    while i < n:
        c = text[i]
        if mode == "code":
            if text.startswith("//", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                blank(i, j)
                i = j
                continue
            if text.startswith("/*", i):
                depth = 1
                j = i + 2
                while j < n and depth:
                    if text.startswith("/*", j):
                        depth += 1
                        j += 2
                    elif text.startswith("*/", j):
                        depth -= 1
                        j += 2
                    else:
                        j += 1
                blank(i, j)
                i = j
                continue
            # Swift raw strings: #"..."#
            if lang == "swift" and c == "#":
                m = re.match(r'(#+)("""|")', text[i:])
                if m:
                    hashes = len(m.group(1))
                    quote = m.group(2)
                    mode = "str"
                    i += len(m.group(0))
                    continue
            if c == '"':
                quote = '"""' if text.startswith('"""', i) else '"'
                hashes = 0
                mode = "str"
                i += len(quote)
                continue
            if lang == "kotlin" and c == "'":
                m = re.match(r"'(\\.[^']*|[^'\\])'", text[i:])
                if m:
                    blank(i + 1, i + len(m.group(0)) - 1)
                    i += len(m.group(0))
                    continue
            if stack and stack[-1][0] == "tpl":
                kind, closer, depth = stack[-1]
                opener = "{" if closer == "}" else "("
                if c == opener:
                    stack[-1] = (kind, closer, depth + 1)
                elif c == closer:
                    if depth == 0:
                        # End of the template: back into the string.
                        stack.pop()
                        mode, quote, hashes = "str", stack[-1][1], stack[-1][2]
                        stack.pop()
                        blank(i, i + 1)
                        i += 1
                        continue
                    stack[-1] = (kind, closer, depth - 1)
            i += 1
            continue
        # Inside a string literal.
        end = quote + "#" * hashes
        if text.startswith(end, i):
            mode = "code"
            i += len(end)
            continue
        if lang == "kotlin" and text.startswith("${", i) and hashes == 0:
            blank(i, i + 2)
            stack.append(("str", quote, hashes))
            stack.append(("tpl", "}", 0))
            mode = "code"
            i += 2
            continue
        if lang == "swift" and text.startswith("\\" + "#" * hashes + "(", i):
            width = 2 + hashes
            blank(i, i + width)
            stack.append(("str", quote, hashes))
            stack.append(("tpl", ")", 0))
            mode = "code"
            i += width
            continue
        if c == "\\" and i + 1 < n:
            blank(i, i + 2)
            i += 2
            continue
        if c != "\n" or quote != '"':
            blank(i, i + 1)
        i += 1
    return "".join(out)


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def matching(text, pos):
    """Index of the bracket closing the one at `pos` (text already cleaned), or -1."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    closers = {")", "]", "}"}
    stack = []
    for k in range(pos, len(text)):
        ch = text[k]
        if ch in pairs:
            stack.append(pairs[ch])
        elif ch in closers:
            if not stack or stack[-1] != ch:
                return -1
            stack.pop()
            if not stack:
                return k
    return -1


def split_args(inner):
    """Splits an argument list at top-level commas."""
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(inner):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(inner[start:k])
            start = k + 1
    last = inner[start:]
    if last.strip():
        parts.append(last)
    return [p for p in parts if p.strip()]


def skip_space(text, pos):
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


# ---------------------------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------------------------


class Param:
    def __init__(self, name, has_default, closure=False):
        self.name = name  # Kotlin: the name; Swift: the label ("_" for none)
        self.has_default = has_default
        self.closure = closure


def top_level_split(text, sep):
    depth = 0
    for k, ch in enumerate(text):
        if ch in "([{<":
            depth += 1
        elif ch in ")]}>":
            depth -= 1
        elif ch == sep and depth == 0:
            return text[:k], text[k + 1 :]
    return text, None


def parse_params(inner, lang):
    params = []
    for raw in split_args(inner):
        p = raw.strip().replace("`", "")
        p = re.sub(r"^(@\w+(\([^)]*\))?\s+)+", "", p)
        p = re.sub(r"^(vararg|noinline|crossinline|val|var|override|private|public|internal)\s+", "", p)
        p = re.sub(r"^(val|var)\s+", "", p)
        m = re.match(r"(" + IDENT + r")(\s+" + IDENT + r")?\s*:", p)
        if not m:
            continue
        label = m.group(1)
        decl, default = top_level_split(p[m.end():], "=")
        closure = "->" in decl
        params.append(Param(label, default is not None, closure))
    return params


class Sig:
    def __init__(self, name, params):
        self.name = name
        self.params = params


# ---------------------------------------------------------------------------------------------
# The generated Kotlin bindings and the Kotlin layer
# ---------------------------------------------------------------------------------------------


class KotlinApi:
    def __init__(self):
        self.types = {}  # name -> {"kind", "members": set, "ctor": [Param] or None, "nested": {name: [Param] or None}}
        self.journal_methods = defaultdict(list)  # name -> [Sig]
        self.store_members = defaultdict(list)  # name -> [Sig] (None params for properties)
        self.layer_names = set()


DECL = re.compile(
    r"^(?P<mods>(?:(?:public|open|data|sealed|enum|abstract|internal|private|inline|value|annotation|fun)\s+)*)"
    r"(?P<kw>class|interface|object|typealias)\s+(?P<name>" + IDENT + r")",
    re.M,
)


TOP_FUN = re.compile(
    # A function that returns a typed error carries `@Throws(JournalException::class)` before `fun`.
    r"^[ \t]*(?:@Throws\([^)]*\)\s*)?(?P<mods>(?:(?:public|internal|private|inline)\s+)*)fun\s+(?P<name>" + IDENT + r")\s*\(",
    re.M,
)


def parse_kotlin_bindings(path, api):
    text = clean(open(path, encoding="utf-8").read(), "kotlin")
    text = text.replace("`", " ")
    depth_at = depths(text)
    for m in DECL.finditer(text):
        if depth_at[m.start()] != 0:
            continue
        mods = m.group("mods")
        if "private" in mods or "internal" in mods:
            continue
        name = m.group("name")
        kind = "enum" if "enum" in mods else m.group("kw")
        info = {"kind": kind, "members": set(), "ctor": None, "nested": {}}
        pos = skip_space(text, m.end())
        if text.startswith("(", pos):
            close = matching(text, pos)
            info["ctor"] = parse_params(text[pos + 1 : close], "kotlin")
            pos = close + 1
        brace = text.find("{", pos)
        nxt = DECL.search(text, m.end())
        if brace >= 0 and (nxt is None or brace < nxt.start()) and kind != "typealias":
            body_end = matching(text, brace)
            body = text[brace + 1 : body_end]
            parse_kotlin_body(body, info, kind)
        api.types[name] = info
    # Top-level functions (uniffi free functions such as `vocabularies()`), imported by name.
    for m in TOP_FUN.finditer(text):
        if depth_at[m.start()] == 0 and not re.search(r"\b(private|internal)\b", m.group("mods")):
            api.types.setdefault(m.group("name"), {"kind": "fun", "members": set(), "ctor": None, "nested": {}})
    # The Journal object's methods: its interface and its companion.
    iface = api.types.get("JournalInterface")
    journal = api.types.get("Journal")
    for holder in (iface, journal):
        if holder:
            for sig in holder.get("funs", []):
                api.journal_methods[sig.name].append(sig)
    for base in ("close", "destroy"):
        api.journal_methods[base].append(Sig(base, []))


def depths(text):
    """Brace depth at every offset."""
    out = [0] * (len(text) + 1)
    d = 0
    for k, ch in enumerate(text):
        out[k] = d
        if ch == "{":
            d += 1
        elif ch == "}":
            d -= 1
    out[len(text)] = d
    return out


NESTED = re.compile(
    r"(?:^|\n)\s*(?P<mods>(?:(?:data|sealed|open|abstract|enum)\s+)*)(?P<kw>object|class)\s+(?P<name>" + IDENT + r")"
)
FUN = re.compile(r"\bfun\s+(?:<[^>]*>\s*)?(?:" + IDENT + r"\.)?(?P<name>" + IDENT + r")\s*\(")


def parse_kotlin_body(body, info, kind):
    d = depths(body)
    info["funs"] = []
    if kind == "enum":
        head = body.split(";", 1)[0]
        for e in re.finditer(r"^\s*(" + IDENT + r")\s*(?:\([^)]*\))?\s*,?\s*$", head, re.M):
            info["members"].add(e.group(1))
    for m in NESTED.finditer(body):
        if d[m.start("kw")] != 0:
            continue
        nm = m.group("name")
        params = None
        pos = skip_space(body, m.end())
        if body.startswith("(", pos):
            params = parse_params(body[pos + 1 : matching(body, pos)], "kotlin")
        info["nested"][nm] = params
        info["members"].add(nm)
    # Functions at depth 0 of the body (interface and class methods) and in a companion object.
    comp_range = None
    companion = re.search(r"companion\s+object\s*\{", body)
    if companion and d[companion.start()] == 0:
        b = companion.end() - 1
        comp_range = (b, matching(body, b))
    for m in FUN.finditer(body):
        in_comp = comp_range and comp_range[0] < m.start() < comp_range[1]
        if d[m.start()] != 0 and not (in_comp and d[m.start()] == 1):
            continue
        line_start = body.rfind("\n", 0, m.start()) + 1
        prefix = body[line_start : m.start()]
        if "private" in prefix or "internal" in prefix or "protected" in prefix:
            continue
        pos = body.find("(", m.end() - 1)
        params = parse_params(body[pos + 1 : matching(body, pos)], "kotlin")
        sig = Sig(m.group("name"), params)
        info["funs"].append(sig)
        info["members"].add(sig.name)


LAYER_MEMBER = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mods>(?:(?:public|private|internal|protected|override|suspend|inline|operator|const|open)\s+)*)"
    r"(?P<kw>fun|val|var)\s+(?:<[^>]*>\s*)?(?:(?P<recv>" + IDENT + r")\.)?(?P<name>" + IDENT + r")",
    re.M,
)


def parse_kotlin_layer(folder, api):
    for root, _, files in os.walk(folder):
        for f in sorted(files):
            if not f.endswith(".kt"):
                continue
            text = clean(open(os.path.join(root, f), encoding="utf-8").read(), "kotlin")
            d = depths(text)
            for m in re.finditer(r"^(?:public\s+)?(?:data\s+|open\s+)?(?:class|object|interface)\s+(" + IDENT + ")", text, re.M):
                if d[m.start()] == 0:
                    api.layer_names.add(m.group(1))
            store = re.search(r"^class\s+JournalStore\b", text, re.M)
            for m in LAYER_MEMBER.finditer(text):
                mods = m.group("mods")
                if "private" in mods or "internal" in mods or "protected" in mods:
                    continue
                depth = d[m.start("kw")]
                if depth == 0:
                    api.layer_names.add(m.group("name"))
                    continue
                if not store or m.start() < store.start():
                    continue
                params = None
                if m.group("kw") == "fun":
                    pos = text.find("(", m.end())
                    params = parse_params(text[pos + 1 : matching(text, pos)], "kotlin")
                api.store_members[m.group("name")].append(Sig(m.group("name"), params))


# ---------------------------------------------------------------------------------------------
# The generated Swift bindings and the Swift layer
# ---------------------------------------------------------------------------------------------


class SwiftApi:
    def __init__(self):
        self.types = {}  # name -> {"kind", "cases": {name: [Param]}, "inits": [[Param]], "statics": {name: [Sig]}}
        self.journal_methods = defaultdict(list)
        self.store_members = defaultdict(list)
        self.layer_types = set()


SWIFT_DECL = re.compile(
    r"^(?P<mods>(?:(?:public|open|final|fileprivate|private|internal|indirect)\s+)*)(?P<kw>struct|enum|class|protocol|typealias|actor)\s+(?P<name>"
    + IDENT
    + r")",
    re.M,
)
SWIFT_FUNC = re.compile(
    r"(?P<mods>(?:(?:public|open|static|class|final|override|@discardableResult|mutating|nonisolated|private|fileprivate|internal|convenience|required)\s+)*)"
    r"(?P<kw>func|init)\s*(?P<name>`?" + IDENT + r"`?)?\s*(?:<[^>]*>)?\s*\("
)


def swift_type(api, name):
    return api.types.setdefault(name, {"kind": "extension", "cases": {}, "inits": [], "statics": defaultdict(list)})


def parse_swift_decls(text, api, public_only, layer):
    d = depths(text)
    for m in SWIFT_DECL.finditer(text):
        if d[m.start()] != 0:
            continue
        mods = m.group("mods")
        if public_only and not ("public" in mods or "open" in mods):
            continue
        if "private" in mods:
            continue
        name = m.group("name")
        info = swift_type(api, name)
        info["kind"] = m.group("kw")
        if layer:
            api.layer_types.add(name)
        brace = text.find("{", m.end())
        if m.group("kw") == "typealias" or brace < 0:
            continue
        body = text[brace + 1 : matching(text, brace)]
        parse_swift_body(body, info, name, api, public_only)
    for m in re.finditer(r"^(?:public\s+)?extension\s+(" + IDENT + r")\b[^{]*\{", text, re.M):
        if d[m.start()] != 0:
            continue
        brace = m.end() - 1
        body = text[brace + 1 : matching(text, brace)]
        parse_swift_body(body, swift_type(api, m.group(1)), m.group(1), api, public_only)


def parse_swift_body(body, info, type_name, api, public_only):
    d = depths(body)
    if info["kind"] == "enum":
        for m in re.finditer(r"\bcase\s+(" + IDENT + r")\s*(\()?", body):
            if d[m.start()] != 0:
                continue
            params = []
            if m.group(2):
                pos = m.end() - 1
                params = parse_params(body[pos + 1 : matching(body, pos)], "swift")
            info["cases"][m.group(1)] = params
    for m in SWIFT_FUNC.finditer(body):
        if d[m.start()] != 0:
            continue
        mods = m.group("mods")
        if public_only and not ("public" in mods or "open" in mods):
            continue
        if "private" in mods:
            continue
        pos = m.end() - 1
        params = parse_params(body[pos + 1 : matching(body, pos)], "swift")
        if m.group("kw") == "init":
            info["inits"].append(params)
            continue
        name = (m.group("name") or "").strip("`")
        sig = Sig(name, params)
        if "static" in mods or "class " in mods:
            info["statics"][name].append(sig)
        elif type_name == "Journal":
            api.journal_methods[name].append(sig)
        elif type_name == "JournalStore":
            api.store_members[name].append(sig)
    if type_name == "JournalStore":
        for m in re.finditer(r"\b(?:public)\s+(?:private\(set\)\s+)?(?:var|let)\s+(" + IDENT + ")", body):
            if d[m.start()] == 0:
                api.store_members[m.group(1)].append(Sig(m.group(1), None))
    if type_name == "Journal":
        for m in re.finditer(r"\bpublic\s+static\s+func\s+`?(" + IDENT + r")`?", body):
            info["statics"][m.group(1)]  # touch


def parse_swift(path, api, public_only, layer):
    text = clean(open(path, encoding="utf-8").read(), "swift")
    parse_swift_decls(text, api, public_only, layer)


# ---------------------------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------------------------


class Report:
    def __init__(self, label, minimums):
        self.label = label
        self.minimums = minimums  # {"files": n, "calls": n}
        self.files = 0
        self.errors = []
        self.checked = defaultdict(set)  # category -> names
        self.count = defaultdict(int)

    def calls(self):
        return self.count["journal calls"] + self.count["store calls"]

    def below_minimums(self):
        """One message per count (files, calls) below this app's stated minimum."""
        return [
            "%s: %d %s checked, expected at least %d" % (self.label, found, what, self.minimums[what])
            for what, found in (("files", self.files), ("calls", self.calls()))
            if found < self.minimums[what]
        ]

    def ok(self, category, name):
        self.checked[category].add(name)
        self.count[category] += 1

    def fail(self, path, text, pos, message):
        self.errors.append("%s:%d: %s" % (path, line_of(text, pos), message))


def check_args(report, path, text, call_pos, args, trailing, sigs, what, lang):
    """Checks a call's arguments against any of the overloads in `sigs`; reports the first error."""
    problems = []
    for sig in sigs:
        if sig.params is None:
            continue
        problem = args_problem(args, trailing, sig.params, lang)
        if problem is None:
            return
        problems.append(problem)
    if problems:
        report.fail(path, text, call_pos, "%s: %s" % (what, problems[0]))


def args_problem(args, trailing, params, lang):
    names = [p.name for p in params]
    if lang == "kotlin":
        positional = 0
        named = []
        for a in args:
            m = re.match(r"\s*(" + IDENT + r")\s*=(?!=)", a)
            if m:
                named.append(m.group(1))
            else:
                positional += 1
        if trailing:
            positional += 1
        for nm in named:
            if nm not in names:
                return "no parameter named `%s` (has: %s)" % (nm, ", ".join(names) or "none")
        if positional > len(params):
            return "%d positional arguments, but it takes %d" % (positional, len(params))
        given = set(names[:positional]) | set(named)
        missing = [p.name for p in params if not p.has_default and p.name not in given]
        if missing:
            return "missing argument for `%s`" % "`, `".join(missing)
        return None
    # Swift: labels in order; parameters skipped only if they have a default; a trailing
    # closure fills the last closure parameter.
    labels = []
    for a in args:
        m = re.match(r"\s*(" + IDENT + r")\s*:(?!:)", a)
        labels.append(m.group(1) if m else "_")
    k = 0
    for i, label in enumerate(labels):
        while k < len(params) and params[k].name != label:
            if not params[k].has_default:
                return "argument `%s:` where `%s:` is expected" % (label, params[k].name)
            k += 1
        if k == len(params):
            return "no parameter labelled `%s:` (has: %s)" % (label, ", ".join(p.name + ":" for p in params) or "none")
        k += 1
    rest = params[k:]
    if trailing:
        closures = [i for i, p in enumerate(rest) if p.closure]
        if not closures:
            return "a trailing closure, but no closure parameter is left"
        rest = rest[: closures[-1]] + rest[closures[-1] + 1 :]
    missing = [p.name for p in rest if not p.has_default]
    if missing:
        return "missing argument `%s:`" % ":`, `".join(missing)
    return None


def call_at(text, pos):
    """After a member name ending at `pos`: (args, trailing_closure, is_call)."""
    p = skip_space(text, pos)
    if p < len(text) and text[p] == "(":
        close = matching(text, p)
        args = split_args(text[p + 1 : close])
        q = skip_space(text, close + 1)
        trailing = q < len(text) and text[q] == "{"
        return args, trailing, True
    if p < len(text) and text[p] == "{":
        return [], True, True
    return [], False, False


def source_files(folder, ext):
    for root, dirs, files in os.walk(folder):
        dirs[:] = [x for x in dirs if x not in ("build", ".gradle", ".build", "DerivedData")]
        for f in sorted(files):
            if f.endswith(ext):
                yield os.path.join(root, f)


# ---------------------------------------------------------------------------------------------
# Kotlin app code
# ---------------------------------------------------------------------------------------------

ENUM_BUILTINS = {"values", "valueOf", "entries"}


def check_kotlin_app(folder, api, report):
    files = list(source_files(folder, ".kt"))
    report.files = len(files)
    for path in files:
        raw = open(path, encoding="utf-8").read()
        text = clean(raw, "kotlin")
        imported = {}
        for m in re.finditer(r"^\s*import\s+org\.rlsjournal\.core\.(\*|" + IDENT + r")(\s+as\s+(" + IDENT + "))?", text, re.M):
            name = m.group(1)
            if name == "*":
                report.fail(path, text, m.start(), "wildcard import of org.rlsjournal.core: import each core type by name")
                continue
            if name in api.types:
                report.ok("core types", name)
                imported[m.group(3) or name] = name
            else:
                report.fail(path, text, m.start(), "core type `%s` is not in the generated Kotlin bindings" % name)
        for m in re.finditer(r"^\s*import\s+org\.rlsjournal\.journal\.(\*|" + IDENT + ")", text, re.M):
            name = m.group(1)
            if name in api.layer_names:
                report.ok("layer names", name)
            else:
                report.fail(path, text, m.start(), "`%s` is not declared by the Kotlin layer (org.rlsjournal.journal)" % name)
        for m in re.finditer(r"(?<!import )\borg\.rlsjournal\.core\.(" + IDENT + ")", text):
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if line.strip().startswith("import"):
                continue
            if m.group(1) in api.types:
                report.ok("core types", m.group(1))
            else:
                report.fail(path, text, m.start(), "core type `%s` is not in the generated Kotlin bindings" % m.group(1))

        # K3: journal.m
        for m in re.finditer(r"(?<![\w.])journal\s*\.\s*(" + IDENT + ")", text):
            name = m.group(1)
            sigs = api.journal_methods.get(name)
            if not sigs:
                report.fail(path, text, m.start(1), "`journal.%s`: the generated Journal has no method `%s`" % (name, name))
                continue
            args, trailing, is_call = call_at(text, m.end())
            report.ok("journal calls", name)
            if is_call:
                check_args(report, path, text, m.start(1), args, trailing, sigs, "`journal.%s(...)`" % name, "kotlin")
        # K4: store.m
        for m in re.finditer(r"(?<![\w.])store\s*\.\s*(" + IDENT + ")", text):
            name = m.group(1)
            sigs = api.store_members.get(name)
            if not sigs:
                report.fail(path, text, m.start(1), "`store.%s`: JournalStore (Kotlin layer) has no member `%s`" % (name, name))
                continue
            args, trailing, is_call = call_at(text, m.end())
            report.ok("store calls", name)
            if is_call:
                check_args(report, path, text, m.start(1), args, trailing, sigs, "`store.%s(...)`" % name, "kotlin")
                if name in ("read", "write") and trailing:
                    brace = text.find("{", m.end())
                    if not re.match(r"\{\s*journal\s*->", text[brace:]):
                        report.fail(path, text, m.start(1), "`store.%s { ... }`: name the lambda parameter `journal` (`{ journal -> journal.x(...) }`) so its core calls are checked" % name)
        # K7: no call chains on the store
        for m in re.finditer(r"journalStore\(\)\s*\.", text):
            report.fail(path, text, m.start(), "bind the store to `store` before using it (`val store = ...journalStore()`), so its calls are checked")
        # K5/K6: imported core types, and qualified ones
        for alias, real in imported.items():
            for m in re.finditer(r"(?<![\w.])" + re.escape(alias) + r"\b", text):
                check_kotlin_type_use(report, path, text, m.start(), m.end(), real, api)
        for m in re.finditer(r"\borg\.rlsjournal\.core\.(" + IDENT + r")\b", text):
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if not line.strip().startswith("import") and m.group(1) in api.types:
                check_kotlin_type_use(report, path, text, m.start(), m.end(), m.group(1), api)


def check_kotlin_type_use(report, path, text, start, after, real, api):
    """Checks `T.member`, `T.Case(named = ...)` and `T(named = ...)` for a core type T at start..after."""
    info = api.types[real]
    q = re.match(r"\s*\.\s*(" + IDENT + r")", text[after:])
    if q:
        member = q.group(1)
        if re.search(r"\bfun\s+(<[^>]*>\s*)?$", text[max(0, start - 40) : start]):
            return  # an extension function declared on the type, not a member of it
        if member in info["members"] or (info["kind"] == "enum" and member in ENUM_BUILTINS):
            report.ok("core members", real + "." + member)
            nested = info["nested"].get(member)
            if nested is not None:
                args, trailing, is_call = call_at(text, after + q.end())
                if is_call:
                    check_args(report, path, text, after, args, trailing, [Sig(member, nested)], "`%s.%s(...)`" % (real, member), "kotlin")
            return
        report.fail(path, text, after, "`%s.%s`: the generated `%s` has no member `%s`" % (real, member, real, member))
        return
    p = skip_space(text, after)
    if info["ctor"] is not None and p < len(text) and text[p] == "(":
        args, trailing, _ = call_at(text, after)
        report.ok("core records", real)
        check_args(report, path, text, start, args, trailing, [Sig(real, info["ctor"])], "`%s(...)`" % real, "kotlin")


# ---------------------------------------------------------------------------------------------
# Swift app code
# ---------------------------------------------------------------------------------------------

SWIFT_KEYWORDS = {"Self", "Type", "Protocol", "Any", "AnyObject"}


def check_swift_app(folder, api, sdk_names, report):
    files = list(source_files(folder, ".swift"))
    report.files = len(files)
    texts = {p: clean(open(p, encoding="utf-8").read(), "swift") for p in files}
    app_types = set()
    for text in texts.values():
        for m in re.finditer(r"\b(?:struct|class|enum|protocol|typealias|actor|extension)\s+(" + IDENT + ")", text):
            app_types.add(m.group(1))
        # Generic parameters the app declares (`struct ChoiceChips<T: Hashable>`).
        for m in re.finditer(r"\b(?:struct|class|enum|func|init)\s*" + IDENT + r"?\s*<([^>]*)>", text):
            for part in m.group(1).split(","):
                g = re.match(r"\s*(" + IDENT + ")", part)
                if g:
                    app_types.add(g.group(1))
    core_types = set(api.types) | api.layer_types
    for path, text in texts.items():
        # S1: journal.m(...)
        for m in re.finditer(r"(?<![\w.])journal\s*\.\s*(" + IDENT + ")", text):
            name = m.group(1)
            sigs = api.journal_methods.get(name)
            if not sigs:
                report.fail(path, text, m.start(1), "`journal.%s`: the generated Journal has no method `%s`" % (name, name))
                continue
            args, trailing, is_call = call_at(text, m.end())
            report.ok("journal calls", name)
            if is_call:
                check_args(report, path, text, m.start(1), args, trailing, sigs, "`journal.%s(...)`" % name, "swift")
        # S2: store.m
        for m in re.finditer(r"(?<![\w.])store\s*\.\s*(" + IDENT + ")", text):
            name = m.group(1)
            sigs = api.store_members.get(name)
            if not sigs:
                report.fail(path, text, m.start(1), "`store.%s`: JournalStore (Swift layer) has no member `%s`" % (name, name))
                continue
            args, trailing, is_call = call_at(text, m.end())
            report.ok("store calls", name)
            if is_call:
                check_args(report, path, text, m.start(1), args, trailing, sigs, "`store.%s(...)`" % name, "swift")
                if name in ("read", "write"):
                    p = skip_space(text, m.end())
                    if text[p] == "(":
                        p = skip_space(text, p + 1)
                    if text[p] == "{" and not re.match(r"\{\s*journal\s+in\b", text[p:]):
                        report.fail(path, text, m.start(1), "`store.%s { ... }`: name the closure parameter `journal` (`{ journal in try journal.x(...) }`) so its core calls are checked" % name)
        # S3: capitalized names
        for m in re.finditer(r"(?<![\w.])(@?)(" + r"[A-Z][A-Za-z0-9_]*" + r")\b", text):
            name = m.group(2)
            if name in SWIFT_KEYWORDS:
                continue
            if name == "RLSJournal":
                q = re.match(r"\s*\.\s*(" + IDENT + ")", text[m.end():])
                if q and q.group(1) not in core_types:
                    report.fail(path, text, m.start(), "`RLSJournal.%s` is not declared by the package" % q.group(1))
                elif q:
                    report.ok("core types", q.group(1))
                    check_swift_type_use(report, path, text, m.start(), m.end() + q.end(), q.group(1), api)
                continue
            if name in core_types:
                report.ok("core types", name)
                check_swift_type_use(report, path, text, m.start(2), m.end(), name, api)
            elif name in app_types or name in sdk_names:
                continue
            else:
                report.fail(path, text, m.start(2), "`%s` is not in the generated Swift bindings, the Swift layer, the app, or tests/app-api-check/swift-sdk-names.txt" % name)


def check_swift_type_use(report, path, text, start, after, name, api):
    """Checks `T.member`, `T.case(labels)` and `T(labels)` for a core type T spanning start..after."""
    info = api.types.get(name)
    if info is None:
        return
    q = re.match(r"\s*\.\s*(" + IDENT + r")", text[after:])
    if q:
        member = q.group(1)
        if member in ("self", "Type", "init"):
            return
        end = after + q.end()
        if member in info["cases"]:
            report.ok("core members", name + "." + member)
            args, trailing, is_call = call_at(text, end)
            if is_call and info["cases"][member]:
                check_args(report, path, text, after, args, trailing, [Sig(member, info["cases"][member])], "`%s.%s(...)`" % (name, member), "swift")
            return
        if member in info["statics"]:
            report.ok("core members", name + "." + member)
            args, trailing, is_call = call_at(text, end)
            if is_call:
                check_args(report, path, text, after, args, trailing, info["statics"][member], "`%s.%s(...)`" % (name, member), "swift")
            return
        report.fail(path, text, after, "`%s.%s`: the generated `%s` has no case or static member `%s`" % (name, member, name, member))
        return
    p = skip_space(text, after)
    if p < len(text) and text[p] == "(" and info["inits"]:
        args, trailing, _ = call_at(text, after)
        report.ok("core records", name)
        check_args(report, path, text, start, args, trailing, [Sig("init", i) for i in info["inits"]], "`%s(...)`" % name, "swift")


# ---------------------------------------------------------------------------------------------


def summary_line(report):
    calls = report.calls()
    distinct = len(report.checked["journal calls"]) + len(report.checked["store calls"])
    return (
        "%s: %d files (at least %d); %d calls on journal/store (at least %d; %d distinct: %d Journal "
        "methods, %d JournalStore members), %d core type names, %d core enum cases/static members, "
        "%d record constructions checked"
        % (
            report.label,
            report.files,
            report.minimums["files"],
            calls,
            report.minimums["calls"],
            distinct,
            len(report.checked["journal calls"]),
            len(report.checked["store calls"]),
            len(report.checked["core types"]),
            len(report.checked["core members"]),
            report.count["core records"],
        )
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kotlin-bindings", required=True)
    ap.add_argument("--kotlin-layer", required=True)
    ap.add_argument("--android", required=True)
    ap.add_argument("--swift-bindings", required=True)
    ap.add_argument("--swift-layer", required=True)
    ap.add_argument("--ios", required=True)
    ap.add_argument("--sdk-names", required=True)
    ap.add_argument("--verbose", action="store_true", help="list every checked name")
    a = ap.parse_args()

    kapi = KotlinApi()
    parse_kotlin_bindings(a.kotlin_bindings, kapi)
    parse_kotlin_layer(a.kotlin_layer, kapi)
    sapi = SwiftApi()
    parse_swift(a.swift_bindings, sapi, public_only=True, layer=False)
    for path in source_files(a.swift_layer, ".swift"):
        if os.sep + "Generated" + os.sep in path:
            continue
        parse_swift(path, sapi, public_only=True, layer=True)
    sdk = set()
    for line in open(a.sdk_names, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            sdk.add(line)

    if len(kapi.journal_methods) < 10 or len(sapi.journal_methods) < 10 or "JournalStore" not in sapi.types:
        print("app-api-check: could not read the bindings (found %d Kotlin and %d Swift Journal methods)"
              % (len(kapi.journal_methods), len(sapi.journal_methods)), file=sys.stderr)
        return 2

    kreport = Report("android (Kotlin)", MINIMUMS["android"])
    check_kotlin_app(a.android, kapi, kreport)
    sreport = Report("ios (Swift)", MINIMUMS["ios"])
    check_swift_app(a.ios, sapi, sdk, sreport)

    failed = 0
    too_few = 0
    for report in (kreport, sreport):
        print(summary_line(report))
        if a.verbose:
            for category in sorted(report.checked):
                print("  %s: %s" % (category, ", ".join(sorted(report.checked[category]))))
        for e in report.errors:
            print("  MISSING " + e)
        failed += len(report.errors)
        for e in report.below_minimums():
            print("  TOO FEW " + e)
            too_few += 1
    if failed:
        print("app-api-check: %d problem(s): the apps call core API that the fresh bindings do not have" % failed)
    if too_few:
        print("app-api-check: %d app count(s) below the minimum: the check did not see the apps it is meant to check" % too_few)
    if failed or too_few:
        return 1
    print("app-api-check: all found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
