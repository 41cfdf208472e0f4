//! The public API of Swift and Kotlin sources from their tree-sitter parse: the Swift API
//! snapshot (`docs/swift-api.txt`, `tests/swift-api/api-snapshot.sh`) and the comparison of the
//! Kotlin and Swift `JournalStore` operation names.
//!
//! A declaration is kept when it is `public` or `open` (Swift) or not `private`/`internal`/
//! `protected` (Kotlin, where public is the default); enum cases and protocol requirements are
//! kept when their type is. Each is written as its header — the text before its body or
//! initial value, comments dropped, whitespace collapsed — indented under its type. Top-level
//! declarations are sorted by header, members keep their source order, so the snapshot changes
//! only when a signature does.

use tree_sitter::{Node, Parser};

use crate::{prepare_swift, Lang};

/// Swift node kinds that declare something.
const SWIFT_DECLARATIONS: &[&str] = &[
    "class_declaration",
    "protocol_declaration",
    "function_declaration",
    "init_declaration",
    "property_declaration",
    "typealias_declaration",
    "subscript_declaration",
    "protocol_function_declaration",
    "protocol_property_declaration",
    "enum_entry",
];

/// Swift node kinds whose children are members.
const SWIFT_BODIES: &[&str] = &["class_body", "enum_class_body", "protocol_body"];

/// One declaration: its header and its public members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    /// The declaration without its body, on one line.
    pub header: String,
    /// Its kept members, in source order.
    pub members: Vec<Declaration>,
}

/// Parses `source` and returns its public declarations (top level sorted by header).
pub fn public_api(lang: Lang, source: &str) -> Vec<Declaration> {
    let prepared = match lang {
        Lang::Swift => prepare_swift(source).into_owned(),
        Lang::Kotlin => source.to_string(),
    };
    let mut parser = Parser::new();
    if parser.set_language(&lang.grammar()).is_err() {
        return Vec::new();
    }
    let Some(tree) = parser.parse(&prepared, None) else {
        return Vec::new();
    };
    let mut top = match lang {
        Lang::Swift => swift_members(tree.root_node(), &prepared, true),
        Lang::Kotlin => kotlin_members(tree.root_node(), &prepared),
    };
    top.sort_by(|a, b| a.header.cmp(&b.header));
    top
}

/// Writes declarations as indented lines (two spaces per level).
pub fn render(declarations: &[Declaration], depth: usize, out: &mut String) {
    for d in declarations {
        out.push_str(&"  ".repeat(depth));
        out.push_str(&d.header);
        out.push('\n');
        render(&d.members, depth + 1, out);
    }
}

/// The names of the functions a class named `type_name` declares publicly (members only).
pub fn function_names(lang: Lang, source: &str, type_name: &str) -> Vec<String> {
    let mut names = Vec::new();
    for d in public_api(lang, source) {
        if type_header_name(&d.header).as_deref() != Some(type_name) {
            continue;
        }
        for m in members_with_companions(&d) {
            if let Some(name) = function_name(&m.header) {
                names.push(name);
            }
        }
    }
    names
}

/// Members of a type, with those of a Kotlin `companion object` inlined.
fn members_with_companions(d: &Declaration) -> Vec<Declaration> {
    let mut all = Vec::new();
    for m in &d.members {
        if m.header.contains("companion object") {
            all.extend(m.members.iter().cloned());
        } else {
            all.push(m.clone());
        }
    }
    all
}

/// `class JournalStore` / `public final class JournalStore: …` → `JournalStore`.
fn type_header_name(header: &str) -> Option<String> {
    let words: Vec<&str> = header.split_whitespace().collect();
    let at = words.iter().position(|w| {
        matches!(
            *w,
            "class" | "struct" | "enum" | "actor" | "protocol" | "interface" | "object"
        )
    })?;
    let name = words.get(at + 1)?;
    Some(
        name.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect(),
    )
}

/// `public func deleteEntry(id: String)` / `suspend fun <T> read(…)` → the function's name.
fn function_name(header: &str) -> Option<String> {
    let words: Vec<&str> = header.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "func" || *w == "fun")?;
    let mut rest = words.get(at + 1..)?.iter();
    let mut word = *rest.next()?;
    if word.starts_with('<') {
        // A Kotlin type parameter list before the name (`fun <T> read`), maybe over several words.
        while !word.ends_with('>') {
            word = rest.next()?;
        }
        word = rest.next()?;
    }
    let name: String = word
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

fn text<'a>(node: Node<'_>, source: &'a str) -> &'a str {
    source.get(node.byte_range()).unwrap_or("")
}

/// The header: the node's text before its body (or, for properties, before `=` or `{`), with
/// comments removed and whitespace collapsed.
fn header(node: Node<'_>, source: &str, body_kinds: &[&str]) -> String {
    let mut end = node.end_byte();
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        let kind = child.kind();
        if body_kinds.contains(&kind) {
            end = child.start_byte();
            break;
        }
    }
    let raw = without_block_comments(source.get(node.start_byte()..end).unwrap_or(""));
    let without_comments: String = raw
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => line.get(..at).unwrap_or(""),
            None => line,
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // Tidy the spacing the join leaves inside brackets.
    for (from, to) in [
        ("( ", "("),
        (" )", ")"),
        ("[ ", "["),
        (" ]", "]"),
        (" ,", ","),
        (",)", ")"),
        (")throws", ") throws"),
        (")async", ") async"),
    ] {
        collapsed = collapsed.replace(from, to);
    }
    collapsed
}

/// `text` without its `/* … */` comments (doc comments inside parameter lists).
fn without_block_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(rest.get(..start).unwrap_or(""));
        match rest
            .get(start + 2..)
            .and_then(|after| after.find("*/").map(|end| start + 2 + end + 2))
        {
            Some(next) => rest = rest.get(next..).unwrap_or(""),
            None => {
                rest = "";
            }
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// Whether a Swift declaration says `public` or `open`.
fn swift_is_public(node: Node<'_>, source: &str) -> bool {
    let mut cursor = node.walk();
    let found = node.children(&mut cursor).any(|child| {
        child.kind() == "modifiers" && {
            let t = text(child, source);
            t.split_whitespace().any(|w| w == "public" || w == "open")
        }
    });
    found
}

/// The kept Swift members of a node (the source file, or a type's body).
fn swift_members(node: Node<'_>, source: &str, top: bool) -> Vec<Declaration> {
    let mut out = Vec::new();
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        let kind = child.kind();
        if !SWIFT_DECLARATIONS.contains(&kind) {
            continue;
        }
        let is_extension = kind == "class_declaration"
            && header(child, source, SWIFT_BODIES)
                .split_whitespace()
                .any(|w| w == "extension");
        let implicitly_public = !top
            && matches!(
                kind,
                "enum_entry" | "protocol_function_declaration" | "protocol_property_declaration"
            );
        if !(swift_is_public(child, source) || implicitly_public || is_extension) {
            continue;
        }
        let members = swift_body(child)
            .map(|body| swift_members(body, source, false))
            .unwrap_or_default();
        if is_extension && !swift_is_public(child, source) && members.is_empty() {
            continue;
        }
        let header = match kind {
            "property_declaration" => {
                property_header(&header(child, source, &["computed_property"]))
            }
            _ => header(
                child,
                source,
                &[
                    "class_body",
                    "enum_class_body",
                    "protocol_body",
                    "function_body",
                ],
            ),
        };
        out.push(Declaration { header, members });
    }
    out
}

/// A property up to its initial value.
fn property_header(header: &str) -> String {
    match header.find(" = ") {
        Some(at) => header.get(..at).unwrap_or(header).to_string(),
        None => header.to_string(),
    }
}

fn swift_body(node: Node<'_>) -> Option<Node<'_>> {
    let mut cursor = node.walk();
    let body = node
        .children(&mut cursor)
        .find(|child| SWIFT_BODIES.contains(&child.kind()));
    body
}

/// Kotlin node kinds that declare something.
const KOTLIN_DECLARATIONS: &[&str] = &[
    "class_declaration",
    "object_declaration",
    "companion_object",
    "function_declaration",
    "property_declaration",
    "type_alias",
];

/// Kotlin node kinds whose children are members.
const KOTLIN_BODIES: &[&str] = &["class_body", "enum_class_body"];

/// Whether a Kotlin declaration is visible to other modules (public is the default).
fn kotlin_is_public(node: Node<'_>, source: &str) -> bool {
    let mut cursor = node.walk();
    let hidden = node.children(&mut cursor).any(|child| {
        child.kind() == "modifiers"
            && text(child, source)
                .split_whitespace()
                .any(|w| matches!(w, "private" | "internal" | "protected"))
    });
    !hidden
}

fn kotlin_members(node: Node<'_>, source: &str) -> Vec<Declaration> {
    let mut out = Vec::new();
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        let kind = child.kind();
        if !KOTLIN_DECLARATIONS.contains(&kind) || !kotlin_is_public(child, source) {
            continue;
        }
        let members = {
            let mut c = child.walk();
            let body = child
                .children(&mut c)
                .find(|n| KOTLIN_BODIES.contains(&n.kind()));
            body.map(|b| kotlin_members(b, source)).unwrap_or_default()
        };
        let header = match kind {
            "property_declaration" => {
                property_header(&header(child, source, &["getter", "setter"]))
            }
            _ => header(
                child,
                source,
                &["class_body", "enum_class_body", "function_body"],
            ),
        };
        out.push(Declaration { header, members });
    }
    out
}
