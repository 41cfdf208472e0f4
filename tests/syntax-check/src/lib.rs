//! Syntax checking for Swift and Kotlin sources using tree-sitter.
//!
//! We cannot compile the Swift (iOS/macOS) or Android Kotlin sources on the
//! Linux CI machine, so this crate is the safety net for them: every source
//! file is parsed with a tree-sitter grammar (`tree-sitter-swift`,
//! `tree-sitter-kotlin-ng`) and any `ERROR` or `MISSING` node in the
//! resulting tree, or any text the parser skipped without saying so, is
//! reported as a syntax error.
//!
//! The library exposes [`check_source`] for checking a string, [`check_file`]
//! for checking one file on disk and [`collect_files`] for walking a directory
//! tree. The `syntax-check` binary ties these together:
//!
//! ```text
//! cargo run -p syntax-check -- [--allow-missing] [--allow-empty] [PATH...]
//! ```
//!
//! It is a syntax check only: the grammars are more permissive than the
//! compilers in places, and they lag behind the newest language features.

pub mod android_build;
// The public API of Swift and Kotlin sources (Swift API snapshot, store names; issue 20).
pub mod api_surface;
pub mod elf;
pub mod ios_project;
pub mod view_builder;

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use tree_sitter::{Node, Parser, Point};

/// Directory names that are never descended into while walking a directory.
///
/// These hold generated or downloaded sources (Gradle and SwiftPM build
/// output, Gradle caches) that are not ours to check.
pub const SKIPPED_DIRS: &[&str] = &["build", ".gradle", ".build"];

/// Swift attribute arguments that the tree-sitter Swift grammar does not
/// understand are blanked out for any attribute in this list (see
/// [`prepare_swift`]).
const BLANKED_SWIFT_ATTRIBUTES: &[&str] = &["@_documentation"];

/// A source language that `syntax-check` knows how to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Swift, parsed with the `tree-sitter-swift` grammar (`.swift` files).
    Swift,
    /// Kotlin, parsed with the `tree-sitter-kotlin-ng` grammar (`.kt` and
    /// `.kts` files).
    Kotlin,
}

impl Lang {
    /// Picks the language for a path from its extension, or `None` if the
    /// file is not a Swift or Kotlin source.
    pub fn from_path(path: &Path) -> Option<Lang> {
        match path.extension()?.to_str()? {
            "swift" => Some(Lang::Swift),
            "kt" | "kts" => Some(Lang::Kotlin),
            _ => None,
        }
    }

    /// A short lowercase name for the language (`"swift"` or `"kotlin"`).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Swift => "swift",
            Lang::Kotlin => "kotlin",
        }
    }

    pub(crate) fn grammar(self) -> tree_sitter::Language {
        match self {
            Lang::Swift => tree_sitter_swift::LANGUAGE.into(),
            Lang::Kotlin => tree_sitter_kotlin_ng::LANGUAGE.into(),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What kind of problem the parser found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The parser could not make sense of some source text (an `ERROR` node).
    Error,
    /// The parser had to invent a token or node that is not in the source to
    /// recover (a `MISSING` node). The string is tree-sitter's description of
    /// what is missing: a quoted token such as `"}"` or a node kind such as
    /// `identifier`.
    Missing(String),
    /// The parser gave up without producing a tree at all (should not happen
    /// in practice; reported rather than ignored).
    NoTree,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Error => f.write_str("ERROR"),
            ErrorKind::Missing(what) => write!(f, "MISSING {what}"),
            ErrorKind::NoTree => f.write_str("NO TREE"),
        }
    }
}

/// One syntax error found in a source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters (not bytes).
    pub column: usize,
    /// What went wrong.
    pub kind: ErrorKind,
    /// The full text of the offending source line, without its line ending.
    pub source_line: String,
}

impl fmt::Display for SyntaxError {
    /// Formats as `line:col: syntax error (KIND)`; callers prefix the path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: syntax error ({})",
            self.line, self.column, self.kind
        )
    }
}

/// Parses `source` as `lang` and returns every syntax error in it, in source
/// order. An empty vector means the source parsed cleanly.
///
/// For Swift, attributes the grammar does not know (currently
/// `@_documentation(...)`) are blanked out first; see [`prepare_swift`]. For
/// Kotlin, closed block comments are blanked; see [`prepare_kotlin`].
/// A leading UTF-8 byte order mark is ignored.
///
/// If the whole file has errors, each top-level declaration (see
/// [`top_level_chunks`]) is parsed again on its own and only the errors that
/// remain are reported. tree-sitter is a GLR parser with a small cap on the
/// number of parse versions it keeps alive; on the highly ambiguous Kotlin
/// grammar it sometimes drops the right version in a long file and reports an
/// `ERROR` in valid code that parses cleanly in isolation (for example an
/// annotated `@Composable fun` after certain one-line declarations). A real
/// mistake still fails the declaration it is in, so it is still reported.
pub fn check_source(lang: Lang, source: &str) -> Vec<SyntaxError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let prepared = match lang {
        Lang::Swift => prepare_swift(source),
        Lang::Kotlin => prepare_kotlin(source),
    };

    let mut parser = Parser::new();
    if parser.set_language(&lang.grammar()).is_err() {
        // Only possible if the grammar was generated for an ABI this
        // tree-sitter does not support; the dependency versions rule that
        // out, but report it as an error rather than passing silently.
        return vec![no_tree_error(source)];
    }

    let errors = parse_errors(&mut parser, source, &prepared);
    if errors.is_empty() {
        return errors;
    }
    let chunks = top_level_chunks(&prepared);
    if chunks.len() <= 1 {
        return errors;
    }
    let mut remaining = Vec::new();
    for chunk in chunks {
        let (Some(original), Some(prepared)) = (
            source.get(chunk.bytes.clone()),
            prepared.get(chunk.bytes.clone()),
        ) else {
            // Chunks split at line starts, which are char boundaries in both
            // texts; if that ever fails, keep the whole-file result.
            return errors;
        };
        remaining.extend(
            parse_errors(&mut parser, original, prepared)
                .into_iter()
                .map(|error| SyntaxError {
                    line: error.line + chunk.first_line,
                    ..error
                }),
        );
    }
    remaining
}

/// Parses `prepared` (the text handed to the grammar) and returns its errors,
/// with source lines and columns taken from `original` (same byte layout).
fn parse_errors(parser: &mut Parser, original: &str, prepared: &str) -> Vec<SyntaxError> {
    let Some(tree) = parser.parse(prepared.as_bytes(), None) else {
        return vec![no_tree_error(original)];
    };
    let mut errors = Vec::new();
    collect_errors(tree.root_node(), original, prepared.as_bytes(), &mut errors);
    collect_skipped_text(tree.root_node(), original, prepared.as_bytes(), &mut errors);
    errors.sort_by_key(|error| (error.line, error.column));
    errors
}

/// A run of whole lines of a source file holding (roughly) one top-level
/// declaration; see [`top_level_chunks`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// Number of lines before the chunk (its first line is `first_line + 1`).
    pub first_line: usize,
    /// Byte range of the chunk in the source.
    pub bytes: std::ops::Range<usize>,
}

/// Splits a source file into top-level declarations, by layout.
///
/// A chunk starts at each line that begins in column 0 with a letter, `_` or
/// `@` (a declaration, statement or annotation), unless the previous
/// non-blank line is an annotation or compiler directive in column 0 (the
/// annotation belongs to what follows) or the line is inside a Swift
/// `#if`…`#endif` block. Used only to re-check files that already failed;
/// a split in a bad place (say, inside a multi-line string) makes a piece
/// fail to parse, so it leaves an error reported rather than hiding one.
pub fn top_level_chunks(source: &str) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut start = Chunk {
        first_line: 0,
        bytes: 0..0,
    };
    let mut offset = 0;
    let mut previous: Option<&str> = None;
    let mut directive_depth = 0usize;
    for (index, line) in source.split_inclusive('\n').enumerate() {
        let starts_declaration = line
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '@');
        let attached = previous.is_some_and(|p| p.starts_with('@') || p.starts_with('#'));
        if starts_declaration && previous.is_some() && !attached && directive_depth == 0 {
            start.bytes.end = offset;
            chunks.push(start);
            start = Chunk {
                first_line: index,
                bytes: offset..offset,
            };
        }
        let trimmed = line.trim();
        if trimmed.starts_with("#if") {
            directive_depth += 1;
        } else if trimmed.starts_with("#endif") {
            directive_depth = directive_depth.saturating_sub(1);
        }
        if !trimmed.is_empty() {
            previous = Some(line);
        }
        offset += line.len();
    }
    start.bytes.end = offset;
    chunks.push(start);
    chunks
}

fn no_tree_error(source: &str) -> SyntaxError {
    SyntaxError {
        line: 1,
        column: 1,
        kind: ErrorKind::NoTree,
        source_line: source.lines().next().unwrap_or("").to_string(),
    }
}

/// Walks the tree depth-first and records every `ERROR` and `MISSING` node.
/// Subtrees without errors are skipped, and the inside of an `ERROR` node is
/// not searched further (it would only repeat the same problem).
fn collect_errors(root: Node<'_>, source: &str, parsed: &[u8], errors: &mut Vec<SyntaxError>) {
    if !root.has_error() {
        return;
    }
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        let kind = if node.is_error() {
            Some(ErrorKind::Error)
        } else if node.is_missing() {
            Some(ErrorKind::Missing(missing_description(node)))
        } else {
            None
        };

        let descend = match kind {
            Some(kind) => {
                errors.push(make_error(node, kind, source, parsed));
                false
            }
            None => node.has_error(),
        };

        if descend && cursor.goto_first_child() {
            continue;
        }
        // Move to the next sibling, climbing up as long as there is none.
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

/// Reports source text that is not part of any token in the tree.
///
/// Between two consecutive leaf tokens there should only be whitespace (and
/// `;`, which both grammars turn into an invisible statement separator). The
/// Kotlin grammar's external scanner can, during error recovery, silently
/// skip over text it cannot parse as if it were whitespace, leaving no
/// `ERROR` node behind (for example `fun f() = 1 $$ ##` parses "cleanly",
/// and so can everything after such garbage up to the end of the file). Any
/// other non-blank text in such a gap is reported as an `ERROR`, except
/// where it is the invisible content of a Kotlin character literal or lies
/// inside an `ERROR` node that is already reported.
fn collect_skipped_text(
    root: Node<'_>,
    source: &str,
    parsed: &[u8],
    errors: &mut Vec<SyntaxError>,
) {
    let mut gap_start = 0;
    let mut cursor = root.walk();
    'walk: loop {
        let node = cursor.node();
        if node.child_count() == 0 {
            check_gap(root, gap_start, node.start_byte(), source, parsed, errors);
            gap_start = gap_start.max(node.end_byte());
        } else if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    check_gap(root, gap_start, parsed.len(), source, parsed, errors);
}

fn check_gap(
    root: Node<'_>,
    start: usize,
    end: usize,
    source: &str,
    parsed: &[u8],
    errors: &mut Vec<SyntaxError>,
) {
    let Some(gap) = parsed.get(start..end) else {
        return;
    };
    let Some(offset) = gap
        .iter()
        .position(|&byte| !byte.is_ascii_whitespace() && byte != b';')
    else {
        return;
    };
    let position = start + offset;
    if let Some(owner) = root.descendant_for_byte_range(position, position + 1) {
        if owner.kind() == "character_literal" || inside_error(owner) {
            return;
        }
    }
    errors.push(error_at(
        point_at(parsed, position),
        ErrorKind::Error,
        source,
    ));
}

fn inside_error(node: Node<'_>) -> bool {
    let mut current = Some(node);
    while let Some(node) = current {
        if node.is_error() {
            return true;
        }
        current = node.parent();
    }
    false
}

fn missing_description(node: Node<'_>) -> String {
    if node.is_named() {
        node.kind().to_string()
    } else {
        format!("{:?}", node.kind())
    }
}

/// Picks the position to report for an `ERROR` node.
///
/// tree-sitter's error recovery often wraps a valid-but-unfinished prefix of
/// code into the `ERROR` node together with the tokens it had to skip, so the
/// node's start can be far before the actual mistake (with the Kotlin grammar
/// an `ERROR` frequently starts at the top of the file). The heuristic:
///
/// 1. If the node contains a nested `ERROR`, report the first one (that is
///    where unparseable tokens were skipped).
/// 2. If the node sits inside a construct that did parse (its parent is not
///    the root), fits on one line, or holds a single token (such as a stray
///    `}`), its start is accurate.
/// 3. Otherwise (a root-level `ERROR` spanning several lines) the mistake is
///    where the recovery stopped making sense of the source: the first
///    non-blank text after the node's last child that no child covers (text
///    the lexer could not even tokenize), or else the start of the last child.
fn error_position(node: Node<'_>, source: &[u8]) -> Point {
    if let Some(nested) = first_nested_error(node) {
        return error_position(nested, source);
    }
    let start = node.start_position();
    let root_level = node.parent().is_none_or(|parent| parent.parent().is_none());
    if !root_level || start.row == node.end_position().row || node.child_count() <= 1 {
        return start;
    }
    let Some(last) = node
        .child_count()
        .checked_sub(1)
        .and_then(|index| node.child(index))
    else {
        return start;
    };
    let uncovered = source
        .get(last.end_byte()..node.end_byte())
        .and_then(|gap| gap.iter().position(|byte| !byte.is_ascii_whitespace()));
    match uncovered {
        Some(offset) => point_at(source, last.end_byte() + offset),
        None => last.start_position(),
    }
}

/// The first `ERROR` node strictly inside `node`, in source order.
fn first_nested_error(node: Node<'_>) -> Option<Node<'_>> {
    let mut cursor = node.walk();
    let found = node.children(&mut cursor).find_map(|child| {
        if child.is_error() {
            Some(child)
        } else if child.has_error() {
            first_nested_error(child)
        } else {
            None
        }
    });
    found
}

/// The row and byte column of byte offset `offset` in `source`.
fn point_at(source: &[u8], offset: usize) -> Point {
    let before = &source[..offset.min(source.len())];
    let row = before.iter().filter(|&&byte| byte == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    Point::new(row, before.len() - line_start)
}

fn make_error(node: Node<'_>, kind: ErrorKind, source: &str, parsed: &[u8]) -> SyntaxError {
    let point = match kind {
        ErrorKind::Error => error_position(node, parsed),
        _ => {
            // A token missing at the very end (typically an unclosed `}`) is
            // reported right after the last code, not on a blank last line.
            let content_end = parsed
                .iter()
                .rposition(|byte| !byte.is_ascii_whitespace())
                .map_or(0, |last| last + 1);
            if node.start_byte() > content_end {
                point_at(parsed, content_end)
            } else {
                node.start_position()
            }
        }
    };
    error_at(point, kind, source)
}

fn error_at(point: Point, kind: ErrorKind, source: &str) -> SyntaxError {
    let line_text = source_line(source, point.row);
    // tree-sitter columns are byte offsets; report characters instead. The
    // prepared Swift text has the same byte layout as the original, so the
    // offset is valid in the original line too.
    let column = line_text
        .get(..point.column)
        .map(|prefix| prefix.chars().count())
        .unwrap_or(point.column);
    SyntaxError {
        line: point.row + 1,
        column: column + 1,
        kind,
        source_line: line_text.trim_end_matches('\r').to_string(),
    }
}

/// Returns line `row` (0-based) of `source`, or `""` past the end.
fn source_line(source: &str, row: usize) -> &str {
    source.split('\n').nth(row).unwrap_or("")
}

/// Prepares Swift source for the tree-sitter grammar.
///
/// `@_documentation(visibility: private)` (and any other
/// `@_documentation(...)` argument list) is valid Swift that the grammar
/// does not know. Each such attribute is replaced by spaces of the same byte
/// length so that every line and column reported afterwards still matches
/// the original file. An attribute whose argument list is not closed on the
/// same line is left alone (and will be reported by the parser).
pub fn prepare_swift(source: &str) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut ranges = Vec::new();
    for attribute in BLANKED_SWIFT_ATTRIBUTES {
        let mut search_from = 0;
        while let Some(found) = source[search_from..].find(attribute) {
            let start = search_from + found;
            let after_name = start + attribute.len();
            search_from = after_name;
            // The attribute name must end here (not `@_documentationFoo`).
            if bytes
                .get(after_name)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
            {
                continue;
            }
            if let Some(end) = attribute_arguments_end(bytes, after_name) {
                ranges.push(start..end);
                search_from = end;
            }
        }
    }
    if ranges.is_empty() {
        return Cow::Borrowed(source);
    }

    let mut blanked = bytes.to_vec();
    for range in ranges {
        for byte in &mut blanked[range] {
            *byte = b' ';
        }
    }
    // Only whole attribute spans made of ASCII delimiters were replaced with
    // ASCII spaces, so the result is still valid UTF-8; fall back to the
    // original text if that ever stops being true.
    match String::from_utf8(blanked) {
        Ok(text) => Cow::Owned(text),
        Err(_) => Cow::Borrowed(source),
    }
}

/// Prepares Kotlin source for the tree-sitter grammar.
///
/// Block comments (`/* … */`, KDoc included, nested ones too) carry no syntax,
/// but tree-sitter-kotlin loses its way on some of them: uniffi 0.32 writes
/// enum entries each with a KDoc and then methods whose KDoc ends on the
/// line of the `fun` (`*/ fun label()`, the name in backticks), and the grammar reports an
/// `ERROR` in that valid code (kotlinc compiles it in the JVM suite). Each
/// closed block comment is replaced by spaces of the same byte length, line
/// breaks kept, so every reported line and column still matches the file.
/// Strings and line comments are skipped, so a `/*` inside them stays; an
/// unclosed block comment is left alone, for the parser to report.
pub fn prepare_kotlin(source: &str) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut ranges = Vec::new();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'"' => index = kotlin_string_end(bytes, index),
            b'\'' => index = kotlin_char_end(bytes, index),
            b'/' if bytes.get(index + 1) == Some(&b'/') => {
                index = bytes[index..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |offset| index + offset);
            }
            b'/' if bytes.get(index + 1) == Some(&b'*') => match kotlin_comment_end(bytes, index) {
                Some(end) => {
                    ranges.push(index..end);
                    index = end;
                }
                None => break,
            },
            _ => index += 1,
        }
    }
    if ranges.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut blanked = bytes.to_vec();
    for range in ranges {
        for byte in &mut blanked[range] {
            if !matches!(*byte, b'\n' | b'\r') {
                *byte = b' ';
            }
        }
    }
    // A comment may hold multi-byte characters: all of its bytes become ASCII
    // spaces, so the text stays valid UTF-8 (and the same length in bytes).
    match String::from_utf8(blanked) {
        Ok(text) => Cow::Owned(text),
        Err(_) => Cow::Borrowed(source),
    }
}

/// The byte index just past the block comment starting at `start` (comments
/// nest in Kotlin), or `None` if it is not closed.
fn kotlin_comment_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut index = start;
    while index + 1 < bytes.len() {
        match (bytes[index], bytes[index + 1]) {
            (b'/', b'*') => {
                depth += 1;
                index += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                index += 2;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => index += 1,
        }
    }
    None
}

/// The byte index just past the string literal starting at `start` (a raw
/// `"""…"""` or a plain `"…"` with backslash escapes; a plain one also ends at
/// the end of its line), or the end of the text.
fn kotlin_string_end(bytes: &[u8], start: usize) -> usize {
    if bytes.get(start..start + 3) == Some(b"\"\"\"".as_slice()) {
        let mut index = start + 3;
        while index < bytes.len() {
            if bytes.get(index..index + 3) == Some(b"\"\"\"".as_slice()) {
                // A raw string may end in more quotes: `""""` closes after the last.
                let mut end = index + 3;
                while bytes.get(end) == Some(&b'"') {
                    end += 1;
                }
                return end;
            }
            index += 1;
        }
        return bytes.len();
    }
    let mut index = start + 1;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\\' => index += 2,
            b'"' => return index + 1,
            b'\n' => return index,
            _ => index += 1,
        }
    }
    bytes.len()
}

/// The byte index just past the character literal starting at `start`
/// (`'a'`, `'\''`, `'\u0041'`), or just past the quote if it is not one.
fn kotlin_char_end(bytes: &[u8], start: usize) -> usize {
    let mut index = start + 1;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\\' => index += 2,
            b'\'' => return index + 1,
            b'\n' => return start + 1,
            _ => index += 1,
        }
        if index > start + 8 {
            return start + 1;
        }
    }
    start + 1
}

/// Given the byte index just after an attribute name, returns the byte index
/// just past its closing `)`, or `None` if there is no argument list that
/// closes on the same line.
fn attribute_arguments_end(bytes: &[u8], mut index: usize) -> Option<usize> {
    while matches!(bytes.get(index), Some(b' ' | b'\t')) {
        index += 1;
    }
    if bytes.get(index) != Some(&b'(') {
        return None;
    }
    let mut depth = 0usize;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(index + 1);
                }
            }
            b'\n' | b'\r' => return None,
            _ => {}
        }
        index += 1;
    }
    None
}

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file that was checked.
    pub path: PathBuf,
    /// The language it was parsed as.
    pub lang: Lang,
    /// The syntax errors found, in source order (empty if the file is clean).
    pub errors: Vec<SyntaxError>,
}

/// Reads `path` and checks it as `lang`.
///
/// Fails if the file cannot be read or is not valid UTF-8.
pub fn check_file(path: &Path, lang: Lang) -> io::Result<FileReport> {
    let source = fs::read_to_string(path)?;
    Ok(FileReport {
        path: path.to_path_buf(),
        lang,
        errors: check_source(lang, &source),
    })
}

/// Finds the Swift and Kotlin sources under `path`.
///
/// If `path` is a file, it is returned on its own when its extension is a
/// known one (and nothing is returned otherwise). If it is a directory, it is
/// walked recursively in sorted order, skipping directories named in
/// [`SKIPPED_DIRS`] and not following symbolic links to directories. The
/// skip list applies only below `path`: a `build` directory passed
/// explicitly is still walked.
pub fn collect_files(path: &Path) -> io::Result<Vec<(PathBuf, Lang)>> {
    let mut found = Vec::new();
    if fs::metadata(path)?.is_dir() {
        walk_dir(path, &mut found)?;
    } else if let Some(lang) = Lang::from_path(path) {
        found.push((path.to_path_buf(), lang));
    }
    Ok(found)
}

fn walk_dir(dir: &Path, found: &mut Vec<(PathBuf, Lang)>) -> io::Result<()> {
    let mut entries = fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            let skipped = entry
                .file_name()
                .to_str()
                .is_some_and(|name| SKIPPED_DIRS.contains(&name));
            if !skipped {
                walk_dir(&path, found)?;
            }
            continue;
        }
        let Some(lang) = Lang::from_path(&path) else {
            continue;
        };
        // Regular files, and symbolic links that point at regular files.
        let is_file = file_type.is_file()
            || (file_type.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()));
        if is_file {
            found.push((path, lang));
        }
    }
    Ok(())
}
