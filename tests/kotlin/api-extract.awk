# Extracts the public API of a uniffi-generated Kotlin file as normalized signature lines.
#
# Used by api-snapshot.sh (see there). Plain POSIX awk (mawk and gawk both work).
#
# What counts as public API: every declaration (class, interface, object, enum entry, fun,
# val/var, constructor, typealias) that is reachable through public class bodies and is not
# private, internal, protected or an override, whose KDoc does not say `@suppress` (uniffi marks
# its runtime helpers that way) and whose name does not start with `uniffi`/`Uniffi`.
#
# Output: one record per line, `KEY<TAB>SEQ<TAB>TEXT`, where KEY is the top-level declaration's
# name and SEQ the order inside it; the caller sorts by KEY then SEQ and drops both, so the
# snapshot is grouped by type in name order, members in source (= declaration) order. There are
# no line numbers, comments or bodies in TEXT, and whitespace is normalized, so reformatting the
# generated file does not change the snapshot; a changed signature does.

BEGIN {
    in_comment = 0      # inside /* ... */
    comment_suppress = 0 # the comment being read mentions @suppress
    doc_suppress = 0    # the last finished comment mentions @suppress
    depth = 0           # open braces
    hidden = 0          # open braces that are not emitted class bodies
    acc = ""            # a declaration header spread over several lines
    accumulating = 0
    pending_body = ""   # "C" or "X": the next line's leading `{` is this declaration's body
    seq = 0
    top = ""
}

# Removes comments, string and char literal contents from one line (block comments may span
# lines); sets doc_suppress from KDoc.
function clean(line,    out, i, n, c, d, in_str) {
    out = ""
    n = length(line)
    in_str = 0
    i = 1
    while (i <= n) {
        c = substr(line, i, 1)
        d = substr(line, i, 2)
        if (in_comment) {
            if (d == "*/") {
                in_comment = 0
                doc_suppress = comment_suppress
                i += 2
                continue
            }
            if (substr(line, i, 9) == "@suppress") comment_suppress = 1
            i++
            continue
        }
        if (in_str) {
            if (c == "\\") { i += 2; continue }
            if (c == "\"") { in_str = 0; out = out "\"" }
            i++
            continue
        }
        if (d == "/*") { in_comment = 1; comment_suppress = 0; i += 2; continue }
        if (d == "//") break
        if (c == "\"") { in_str = 1; out = out "\""; i++; continue }
        if (c == "'") {
            if (substr(line, i + 1, 1) == "\\") {
                i += 2
                while (i <= n && substr(line, i, 1) != "'") i++
                i++
            } else {
                i += 3
            }
            out = out "'c'"
            continue
        }
        out = out c
        i++
    }
    return out
}

function trim(s) {
    sub(/^[ \t]+/, "", s)
    sub(/[ \t]+$/, "", s)
    return s
}

function count(s, ch,    n, i) {
    n = 0
    for (i = 1; i <= length(s); i++) if (substr(s, i, 1) == ch) n++
    return n
}

function strip_annotations(s) {
    s = trim(s)
    while (s ~ /^@/) {
        if (match(s, /^@[A-Za-z0-9_.:]+\([^)]*\)/)) {
            s = substr(s, RLENGTH + 1)
        } else if (match(s, /^@[A-Za-z0-9_.:]+/)) {
            s = substr(s, RLENGTH + 1)
        } else {
            break
        }
        s = trim(s)
    }
    return s
}

# The declaration keyword of a (trimmed, annotation-free) line, or "" if it declares nothing.
function decl_kind(s,    t) {
    t = s
    while (match(t, /^(public|private|internal|protected|open|abstract|final|sealed|data|enum|inline|override|operator|infix|suspend|const|lateinit|external|value|annotation|inner|tailrec|actual|expect|fun interface) /)) {
        t = substr(t, RLENGTH + 1)
    }
    if (t ~ /^companion object/) return "companion"
    if (t ~ /^(class|interface|object)[ (:{<]/ || t ~ /^(class|interface|object) *$/) return "type"
    if (t ~ /^fun[ <]/) return "fun"
    if (t ~ /^(val|var)[ ]/) return "prop"
    if (t ~ /^constructor[ (]/) return "ctor"
    if (t ~ /^typealias /) return "alias"
    return ""
}

function decl_name(s,    t) {
    t = s
    gsub(/<[^>]*>/, "", t)
    if (match(t, /(class|interface|object|fun|val|var|typealias) +([A-Za-z0-9_]+\.)*[A-Za-z_][A-Za-z0-9_]*/)) {
        t = substr(t, RSTART, RLENGTH)
        sub(/^(class|interface|object|fun|val|var|typealias) +/, "", t)
        sub(/^.*\./, "", t)
        return t
    }
    return ""
}

# Normalizes whitespace and punctuation spacing.
function tidy(s) {
    gsub(/`/, "", s)
    gsub(/[ \t]+/, " ", s)
    s = trim(s)
    gsub(/ *\( */, "(", s)
    gsub(/ *\)/, ")", s)
    gsub(/ *, */, ", ", s)
    gsub(/, \)/, ")", s)
    gsub(/ *: */, ": ", s)
    gsub(/: : /, "::", s)
    gsub(/ +\?/, "?", s)
    gsub(/ *= */, " = ", s)
    sub(/^public /, "", s)
    return trim(s)
}

# Cuts a declaration at its body: the first `{`, or a top-level `=` / `get()` outside parentheses.
function signature(s,    i, c, p, out) {
    p = 0
    out = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "(" || c == "<") p++
        else if (c == ")" || (c == ">" && substr(s, i - 1, 1) != "-")) p--
        else if (p == 0 && c == "{") break
        else if (p == 0 && c == "=" && substr(s, i + 1, 1) != ">") break
        else if (p == 0 && substr(s, i, 6) == " get()") break
        out = out c
    }
    return out
}

function emit(indent, text,    pad, k) {
    # A companion object is shown only when it has public members.
    if (comp_set) {
        comp_set = 0
        if (indent > comp_indent) emit(comp_indent, "companion object")
    }
    pad = ""
    for (k = 0; k < indent; k++) pad = pad "    "
    seq++
    printf "%s\t%09d\t%s%s\n", top, seq, pad, text
}

# Emits a class header, its primary-constructor parameters one per line.
function emit_type(indent, text,    opos, cpos, head, params, tail, n, parts, i, p, cur, c, depth_p) {
    opos = index(text, "(")
    if (opos == 0 || text ~ /^[^(]*: /) {
        # No primary constructor (the first `(` is a supertype call): one line.
        emit(indent, text)
        return
    }
    # Find the matching `)`.
    depth_p = 0
    for (i = opos; i <= length(text); i++) {
        c = substr(text, i, 1)
        if (c == "(" || c == "<") depth_p++
        if (c == ")" || c == ">") { depth_p--; if (depth_p == 0) { cpos = i; break } }
    }
    head = substr(text, 1, opos)
    params = substr(text, opos + 1, cpos - opos - 1)
    tail = substr(text, cpos)
    if (trim(params) == "") { emit(indent, text); return }
    emit(indent, head)
    n = 0
    cur = ""
    depth_p = 0
    for (i = 1; i <= length(params); i++) {
        c = substr(params, i, 1)
        if (c == "(" || c == "<") depth_p++
        if (c == ")" || c == ">") depth_p--
        if (c == "," && depth_p == 0) { parts[++n] = cur; cur = ""; continue }
        cur = cur c
    }
    parts[++n] = cur
    for (p = 1; p <= n; p++) emit(indent + 1, trim(parts[p]) ",")
    emit(indent, tail)
}

# Handles one complete declaration header `s` (annotation-free). Returns the body kind the
# declaration's `{` opens: "C" for an emitted class body, "X" otherwise.
function declare(s, kind,    mods, name, text, indent, skip) {
    mods = s
    sub(/(class|interface|object|fun|val|var|constructor|typealias).*$/, "", mods)
    name = decl_name(s)
    skip = 0
    if (mods ~ /(^| )(private|internal|protected|override) /) skip = 1
    if (doc_suppress) skip = 1
    if (name ~ /^[uU]niffi/) skip = 1
    doc_suppress = 0
    if (depth == 0) top = (name == "" ? "~" : name)
    indent = depth
    if (kind == "companion") {
        if (skip) return "X"
        comp_set = 1
        comp_indent = indent
        return "C"
    }
    if (skip) return "X"
    text = (kind == "alias") ? tidy(s) : tidy(signature(s))
    if (kind == "type") {
        emit_type(indent, text)
        return "C"
    }
    emit(indent, text)
    return "X"
}

# Counts the braces of a cleaned line, pushing `first_kind` for the first `{` opened.
function braces(s, first_kind,    i, c, used) {
    used = 0
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "{") {
            depth++
            if (!used && first_kind != "") { kind_at[depth] = first_kind; used = 1 }
            else kind_at[depth] = "X"
            if (kind_at[depth] != "C") hidden++
            enum_at[depth] = (kind_at[depth] == "C" && pending_enum) ? 1 : 0
            if (kind_at[depth] == "C") pending_enum = 0
        } else if (c == "}") {
            if (depth > 0) {
                if (kind_at[depth] != "C") hidden--
                depth--
            }
        }
    }
}

{
    line = clean($0)
    s = trim(line)
    if (accumulating) {
        acc = acc " " s
        if (count(acc, "(") > count(acc, ")")) next
        accumulating = 0
        s = acc
        acc = ""
        body = declare(s, acc_kind)
        if (index(signature_cut_marker(s), "{") > 0) braces(s, body)
        else { pending_body = body; braces(s, "") }
        next
    }
    if (s == "") next
    if (pending_body != "" && substr(s, 1, 1) == "{") {
        body = pending_body
        pending_body = ""
        braces(s, body)
        next
    }
    pending_body = ""
    if (hidden > 0) { braces(s, ""); next }
    # Enum entries: identifiers in an emitted enum body, before the `;`.
    if (depth > 0 && enum_at[depth] == 1) {
        if (s ~ /^[A-Za-z_][A-Za-z0-9_]*[,;]?$/) {
            entry = s
            sub(/[,;]$/, "", entry)
            doc_suppress = 0
            emit(depth, entry)
            if (s ~ /;$/) enum_at[depth] = 2
            next
        }
        if (s ~ /^;/) { enum_at[depth] = 2 }
    }
    t = strip_annotations(s)
    kind = decl_kind(t)
    if (kind == "") { braces(s, ""); next }
    pending_enum = (kind == "type" && t ~ /(^| )enum class /) ? 1 : 0
    if (count(t, "(") > count(t, ")")) {
        accumulating = 1
        acc = t
        acc_kind = kind
        next
    }
    body = declare(t, kind)
    if (index(signature_cut_marker(t), "{") > 0) braces(t, body)
    else {
        if (kind == "type" || kind == "companion") pending_body = body
        braces(t, "")
    }
}

# The part of a declaration up to its body: contains `{` only if the body opens on this line.
function signature_cut_marker(s,    i, c, p) {
    p = 0
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "(") p++
        else if (c == ")") p--
        else if (p == 0 && c == "{") return substr(s, 1, i)
    }
    return s
}
