//! Tests for `check_source`: valid code parses cleanly, broken code is caught
//! at the right place.

use syntax_check::{
    check_source, prepare_kotlin, prepare_swift, top_level_chunks, ErrorKind, Lang, SyntaxError,
};

const VALID_SWIFT: &str = include_str!("fixtures/Valid.swift");
const VALID_KOTLIN: &str = include_str!("fixtures/Valid.kt");

fn assert_clean(lang: Lang, source: &str) {
    let errors = check_source(lang, source);
    assert!(
        errors.is_empty(),
        "expected no {lang} syntax errors, got:\n{}",
        render(&errors)
    );
}

fn render(errors: &[SyntaxError]) -> String {
    errors
        .iter()
        .map(|e| format!("{e}\n    {}\n", e.source_line))
        .collect()
}

/// Asserts that `source` has errors and that the first one is on `line`.
fn first_error(lang: Lang, source: &str, line: usize) -> SyntaxError {
    let errors = check_source(lang, source);
    let Some(first) = errors.first() else {
        panic!("expected a {lang} syntax error on line {line}, got none in:\n{source}");
    };
    assert_eq!(
        first.line,
        line,
        "first {lang} error on the wrong line:\n{}",
        render(&errors)
    );
    first.clone()
}

// ---------------------------------------------------------------- Swift ---

#[test]
fn valid_swift_parses_clean() {
    // Struct, actor, async/await, SwiftUI view, result builder, generics,
    // `@_documentation(visibility: private)` (also in uniffi's `#if` form).
    assert_clean(Lang::Swift, VALID_SWIFT);
}

#[test]
fn swift_fixture_covers_the_required_constructs() {
    for needle in [
        "struct ",
        "actor Counter",
        "async throws",
        "try await",
        "@resultBuilder",
        "var body: some View",
        "<T: Numeric",
        "@_documentation(visibility: private)",
    ] {
        assert!(VALID_SWIFT.contains(needle), "fixture lost `{needle}`");
    }
}

#[test]
fn documentation_attribute_is_blanked_preserving_layout() {
    let source = "struct S {\n    @_documentation(visibility: private)\n    var x: Int\n}\n";
    let prepared = prepare_swift(source);
    assert_eq!(prepared.len(), source.len());
    assert_eq!(prepared.lines().count(), source.lines().count());
    assert!(!prepared.contains("_documentation"));
    assert!(prepared.contains("    var x: Int"));
    // Other attributes are left alone.
    let untouched = "@available(iOS 15, *)\nfunc f() {}\n";
    assert_eq!(prepare_swift(untouched), untouched);
}

#[test]
fn documentation_attribute_needs_the_blanking() {
    // The shape uniffi generates. The grammar alone rejects it, which is why
    // `check_source` blanks the attribute first.
    let source =
        "#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\npublic func f() {}\n";
    let mut parser = tree_sitter::Parser::new();
    let language: tree_sitter::Language = tree_sitter_swift::LANGUAGE.into();
    assert!(parser.set_language(&language).is_ok());
    let tree = parser.parse(source, None);
    assert!(
        tree.is_some_and(|tree| tree.root_node().has_error()),
        "tree-sitter-swift now accepts @_documentation; the blanking can go"
    );
    assert_clean(Lang::Swift, source);
}

#[test]
fn error_after_blanked_attribute_keeps_its_column() {
    let source = "@_documentation(visibility: private) public func f( {}\n";
    let error = first_error(Lang::Swift, source, 1);
    // The source line shown is the original, not the blanked one.
    assert_eq!(error.source_line, source.trim_end());
    assert!(error.column > "@_documentation(visibility: private)".len());
}

#[test]
fn swift_extra_closing_brace_is_caught() {
    let source = "struct A {\n    func f() {}\n}\n}\nstruct B {}\n";
    let error = first_error(Lang::Swift, source, 4);
    assert_eq!(error.kind, ErrorKind::Error);
    assert_eq!((error.column, error.source_line.as_str()), (1, "}"));
}

#[test]
fn swift_missing_closing_brace_is_caught() {
    let source = "struct A {\n    func f() {\n        let x = 1\n    }\n\n";
    let error = first_error(Lang::Swift, source, 4);
    assert_eq!(error.kind, ErrorKind::Missing("\"}\"".to_string()));
}

#[test]
fn swift_missing_paren_is_caught() {
    let source = "func f() {\n    let x = 1\n    if (x > 1 {\n        print(x)\n    }\n}\n";
    first_error(Lang::Swift, source, 3);

    let source = "func f() {\n    print(max(1, 2)\n}\n";
    let error = first_error(Lang::Swift, source, 2);
    assert_eq!(error.kind, ErrorKind::Missing("\")\"".to_string()));
}

#[test]
fn swift_garbage_token_is_caught() {
    let source = "func f() {\n    let x = 1\n    let y = x $$$ 2\n}\n\nfunc g() {}\n";
    let error = first_error(Lang::Swift, source, 3);
    assert_eq!(error.column, 15);
    assert_eq!(error.source_line, "    let y = x $$$ 2");
}

// --------------------------------------------------------------- Kotlin ---

#[test]
fn valid_kotlin_parses_clean() {
    // Data class, sealed class, coroutines/Flow, @Composable lambdas,
    // extension functions.
    assert_clean(Lang::Kotlin, VALID_KOTLIN);
}

#[test]
fn kotlin_fixture_covers_the_required_constructs() {
    for needle in [
        "data class",
        "sealed class",
        "Flow<List<User>> = flow {",
        "coroutineScope {",
        "@Composable",
        "body: @Composable ColumnScope.() -> Unit",
        "fun String.shout()",
    ] {
        assert!(VALID_KOTLIN.contains(needle), "fixture lost `{needle}`");
    }
}

#[test]
fn kotlin_script_parses_clean() {
    let source = "plugins {\n    id(\"com.android.application\")\n    kotlin(\"android\")\n}\n\nandroid {\n    namespace = \"org.example\"\n    compileSdk = 34\n}\n\ndependencies {\n    implementation(\"net.java.dev.jna:jna:5.14.0@aar\")\n}\n";
    assert_clean(Lang::Kotlin, source);
}

#[test]
fn kotlin_grammar_context_glitch_is_not_reported() {
    // Valid code on which tree-sitter-kotlin-ng 1.1 reports an ERROR when it
    // parses the file as a whole (its GLR parser drops the right version);
    // the per-declaration re-check clears it.
    let source = "val obj = object : Runnable { override fun run() {} }
@Composable
fun Screen() {
    Scaffold(
        floatingActionButton = {
            FloatingActionButton(onClick = { scope.launch { vm.load() } }) {
                Icon(Icons.Default.Add, contentDescription = null)
            }
        },
    ) { padding ->
        Column(Modifier.padding(padding).fillMaxWidth()) {
        }
    }
}
";
    let mut parser = tree_sitter::Parser::new();
    let language: tree_sitter::Language = tree_sitter_kotlin_ng::LANGUAGE.into();
    assert!(parser.set_language(&language).is_ok());
    assert!(
        parser
            .parse(source, None)
            .is_some_and(|tree| tree.root_node().has_error()),
        "the grammar now parses this file whole; pick another example"
    );
    assert_clean(Lang::Kotlin, source);
}

#[test]
fn per_declaration_recheck_still_reports_real_errors() {
    let source = format!(
        "{}\nfun broken() {{\n    val x = listOf(1, 2\n}}\n",
        VALID_KOTLIN
    );
    let line = VALID_KOTLIN.lines().count() + 3;
    let errors = check_source(Lang::Kotlin, &source);
    assert!(
        errors.iter().any(|e| e.line == line || e.line == line + 1),
        "expected an error near line {line}, got:\n{}",
        render(&errors)
    );
}

#[test]
fn kotlin_extra_closing_brace_is_caught() {
    let source = "class A {\n    fun f() {}\n}\n}\nclass B\n";
    let error = first_error(Lang::Kotlin, source, 4);
    assert_eq!((error.column, error.source_line.as_str()), (1, "}"));
}

#[test]
fn kotlin_missing_closing_brace_is_caught() {
    let source = "class A {\n    fun f() {\n        val x = 1\n    }\n\n";
    let error = first_error(Lang::Kotlin, source, 4);
    assert_eq!(error.kind, ErrorKind::Missing("\"}\"".to_string()));
}

#[test]
fn kotlin_missing_paren_is_caught() {
    let source = "fun f() {\n    val x = 1\n    if (x > 1 {\n        println(x)\n    }\n}\n";
    first_error(Lang::Kotlin, source, 3);

    let source = "fun f() {\n    println(maxOf(1, 2)\n}\n";
    let error = first_error(Lang::Kotlin, source, 2);
    assert_eq!(error.kind, ErrorKind::Missing("\")\"".to_string()));
}

#[test]
fn kotlin_garbage_token_is_caught() {
    let source = "class A {\n    fun g() = 1\n    fun f() {\n        val x = 1\n        val y = x $$$ 2\n    }\n}\n";
    first_error(Lang::Kotlin, source, 5);
}

#[test]
fn kotlin_garbage_swallowed_by_the_scanner_is_caught() {
    // tree-sitter-kotlin-ng's external scanner silently skips this text (no
    // ERROR node at all); the uncovered-text check reports it.
    let source = "fun f() = 1 $$ ##\n\nfun g() = 2\n";
    let error = first_error(Lang::Kotlin, source, 1);
    assert_eq!(error.column, 13);

    let source =
        "fun String.shout(): String = uppercase() + \"!\" $$ ##\n\ndata class User(val id: Long)\n";
    first_error(Lang::Kotlin, source, 1);
}

#[test]
fn kotlin_character_literals_and_semicolons_are_not_skipped_text() {
    assert_clean(
        Lang::Kotlin,
        "fun f() {\n    val c = 'c'; val n = '\\n'\n    val u = '\\u0041'\n}\n",
    );
}

// ---------------------------------------------------------------- Both ---

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    assert_clean(Lang::Swift, "\u{feff}struct A {\r\n    let x: Int\r\n}\r\n");
    assert_clean(Lang::Kotlin, "\u{feff}class A {\r\n    val x = 1\r\n}\r\n");
}

#[test]
fn crlf_source_line_has_no_carriage_return() {
    let error = first_error(Lang::Kotlin, "class A {\r\n}\r\n}\r\n", 3);
    assert_eq!(error.source_line, "}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let source = "func f() {\n    let s = \"héllo\"; let y = s $$$ 2\n}\n";
    let error = first_error(Lang::Swift, source, 2);
    let line = "    let s = \"héllo\"; let y = s ";
    // `é` is two bytes but one character.
    assert_eq!(error.column, line.chars().count() + 1);
    assert_eq!(error.column, line.len());
}

#[test]
fn empty_sources_are_clean() {
    assert_clean(Lang::Swift, "");
    assert_clean(Lang::Kotlin, "\n\n");
}

#[test]
fn chunks_split_at_top_level_declarations() {
    let source = "package x\n\n@Composable\nfun a() {\n    b()\n}\n// note\nclass C\n";
    let starts: Vec<usize> = top_level_chunks(source)
        .iter()
        .map(|c| c.first_line)
        .collect();
    // `package`, then `@Composable fun a` kept together, then `class C`.
    assert_eq!(starts, vec![0, 2, 7]);

    let chunks = top_level_chunks(source);
    let rebuilt: String = chunks.iter().map(|c| &source[c.bytes.clone()]).collect();
    assert_eq!(rebuilt, source);
}

#[test]
fn chunks_do_not_split_inside_swift_conditional_compilation() {
    let source = "#if os(iOS)\nimport UIKit\n#else\nimport AppKit\n#endif\nstruct S {}\n";
    let starts: Vec<usize> = top_level_chunks(source)
        .iter()
        .map(|c| c.first_line)
        .collect();
    assert_eq!(starts, vec![0]);
}

#[test]
fn lang_is_picked_by_extension() {
    use std::path::Path;
    assert_eq!(Lang::from_path(Path::new("a/B.swift")), Some(Lang::Swift));
    assert_eq!(Lang::from_path(Path::new("B.kt")), Some(Lang::Kotlin));
    assert_eq!(
        Lang::from_path(Path::new("build.gradle.kts")),
        Some(Lang::Kotlin)
    );
    assert_eq!(Lang::from_path(Path::new("B.java")), None);
    assert_eq!(Lang::from_path(Path::new("swift")), None);
}

// ------------------------------------------------- Kotlin block comments ---

/// An enum as uniffi 0.32 generates it when the enum has exported methods: a
/// KDoc on every entry, then methods whose KDoc ends on the `fun` line.
const UNIFFI_ENUM_WITH_METHODS: &str = include_str!("fixtures/UniffiEnumWithMethods.kt");

#[test]
fn uniffi_enum_with_documented_methods_needs_the_comment_blanking() {
    let mut parser = tree_sitter::Parser::new();
    let language: tree_sitter::Language = tree_sitter_kotlin_ng::LANGUAGE.into();
    assert!(parser.set_language(&language).is_ok());
    let tree = parser.parse(UNIFFI_ENUM_WITH_METHODS, None);
    assert!(
        tree.is_some_and(|tree| tree.root_node().has_error()),
        "tree-sitter-kotlin now parses the generated enum; the comment blanking can go"
    );
    assert_clean(Lang::Kotlin, UNIFFI_ENUM_WITH_METHODS);
}

#[test]
fn kotlin_block_comments_are_blanked_preserving_layout() {
    let source = "/** Doc — with ü. */ fun f() {}\n/* outer /* nested */ still */\nval s = \"/* not a comment */\" // /* nor this\nval c = '*'\n";
    let prepared = prepare_kotlin(source);
    assert_eq!(prepared.len(), source.len());
    assert_eq!(prepared.lines().count(), source.lines().count());
    assert!(
        !prepared.contains("Doc") && !prepared.contains("nested") && !prepared.contains("still")
    );
    assert!(prepared.contains("fun f() {}"));
    assert!(
        prepared.contains("\"/* not a comment */\""),
        "strings are kept: {prepared}"
    );
    assert!(
        prepared.contains("// /* nor this"),
        "line comments are kept: {prepared}"
    );
    // No comment: the text is borrowed as it is.
    let plain = "fun g() = 1\n";
    assert_eq!(prepare_kotlin(plain), plain);
}

#[test]
fn kotlin_unclosed_comment_is_still_caught_and_errors_keep_their_place() {
    // An unclosed comment is left for the parser, which reports it.
    assert!(!check_source(Lang::Kotlin, "fun f() {}\n/* never closed\nfun g() {}\n").is_empty());
    // An error after a blanked comment is reported on its own line, with the original text.
    let source = "/**\n * Doc.\n */ fun f( {}\n";
    let error = first_error(Lang::Kotlin, source, 3);
    assert_eq!(error.source_line, " */ fun f( {}");
}
