//! SwiftUI view-builder blocks with too many children.
//!
//! Before iOS 17, `ViewBuilder.buildBlock` takes at most ten views, so a block such as
//! `VStack { … }` with eleven direct children does not compile for an iOS 16 target (the error
//! is "extra argument in call", far from the cause). This walks the tree-sitter parse of a Swift
//! file and reports every view-builder block with more than [`MAX_BUILDER_CHILDREN`] children.
//!
//! A block is a view builder when it is:
//! - a closure passed to a SwiftUI container or builder modifier named in [`BUILDER_CALLS`]
//!   (`VStack { … }`, `ForEach(…) { … }`, `.toolbar { … }`…);
//! - the getter of a property whose type is `some View` (`var body: some View { … }`);
//! - the body of a function or property marked `@ViewBuilder`;
//! - a branch of an `if`/`else` or `switch` inside one of those.
//!
//! A child is a statement of the block other than a `let`/`var` declaration (those are not views).

use tree_sitter::{Node, Parser};

/// The most views one `ViewBuilder` block may hold on iOS 16 (`buildBlock` has ten parameters).
pub const MAX_BUILDER_CHILDREN: usize = 10;

/// SwiftUI calls whose closures are view builders: containers (called by type name) and view
/// modifiers that take a builder. `Button` and `Task` are left out on purpose: their first
/// closure is an action, not a view.
pub const BUILDER_CALLS: &[&str] = &[
    "VStack",
    "HStack",
    "ZStack",
    "LazyVStack",
    "LazyHStack",
    "LazyVGrid",
    "LazyHGrid",
    "Grid",
    "GridRow",
    "Group",
    "Section",
    "Form",
    "List",
    "ScrollView",
    "ScrollViewReader",
    "NavigationStack",
    "NavigationView",
    "NavigationSplitView",
    "NavigationLink",
    "ForEach",
    "Menu",
    "TabView",
    "GeometryReader",
    "ViewThatFits",
    "DisclosureGroup",
    "GroupBox",
    "ControlGroup",
    "ToolbarItem",
    "ToolbarItemGroup",
    "Picker",
    "Label",
    "toolbar",
    "overlay",
    "background",
    "safeAreaInset",
    "sheet",
    "fullScreenCover",
    "popover",
    "contextMenu",
    "swipeActions",
    "alert",
    "confirmationDialog",
    "navigationDestination",
];

/// One view-builder block with too many children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrowdedBlock {
    /// 1-based line of the block's first statement.
    pub line: usize,
    /// What holds the block (`VStack`, `body`, `if`…).
    pub owner: String,
    /// How many children it has.
    pub children: usize,
}

/// Every view-builder block in `source` (Swift) with more than [`MAX_BUILDER_CHILDREN`]
/// children, in source order. A file that does not parse yields what could be walked.
pub fn crowded_builder_blocks(source: &str) -> Vec<CrowdedBlock> {
    let mut parser = Parser::new();
    if parser
        .set_language(&tree_sitter_swift::LANGUAGE.into())
        .is_err()
    {
        return Vec::new();
    }
    let Some(tree) = parser.parse(source, None) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk(tree.root_node(), source.as_bytes(), &mut found);
    found.sort_by_key(|block| block.line);
    found
}

fn walk(node: Node<'_>, source: &[u8], found: &mut Vec<CrowdedBlock>) {
    match node.kind() {
        "call_expression" => {
            if let Some(name) = callee_name(node, source) {
                if BUILDER_CALLS.contains(&name.as_str()) {
                    for lambda in call_lambdas(node) {
                        if let Some(statements) = child_of_kind(lambda, "statements") {
                            builder_block(statements, &name, source, found);
                        }
                    }
                }
            }
        }
        "property_declaration"
            if has_view_builder_attribute(node, source) || is_some_view(node, source) =>
        {
            if let Some(statements) = child_of_kind(node, "computed_property")
                .and_then(|getter| child_of_kind(getter, "statements"))
            {
                let name = property_name(node, source);
                builder_block(statements, &name, source, found);
            }
        }
        "function_declaration" if has_view_builder_attribute(node, source) => {
            if let Some(statements) = child_of_kind(node, "function_body")
                .and_then(|body| child_of_kind(body, "statements"))
            {
                builder_block(statements, "@ViewBuilder func", source, found);
            }
        }
        _ => {}
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        walk(child, source, found);
    }
}

/// Counts the children of one builder block, then treats the branches of its `if` and `switch`
/// statements as builder blocks too (nested closures are found by the main walk).
fn builder_block(statements: Node<'_>, owner: &str, source: &[u8], found: &mut Vec<CrowdedBlock>) {
    let mut cursor = statements.walk();
    let children: Vec<Node<'_>> = statements
        .named_children(&mut cursor)
        .filter(|child| {
            !matches!(
                child.kind(),
                "property_declaration" | "comment" | "multiline_comment"
            )
        })
        .collect();
    if children.len() > MAX_BUILDER_CHILDREN {
        found.push(CrowdedBlock {
            line: statements.start_position().row + 1,
            owner: owner.to_string(),
            children: children.len(),
        });
    }
    for child in children {
        if matches!(child.kind(), "if_statement" | "switch_statement") {
            branch_blocks(child, source, found);
        }
    }
}

/// The `statements` of every branch of an `if`/`else if`/`else` chain or a `switch`.
fn branch_blocks(node: Node<'_>, source: &[u8], found: &mut Vec<CrowdedBlock>) {
    let owner = if node.kind() == "switch_statement" {
        "switch"
    } else {
        "if"
    };
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "statements" => builder_block(child, owner, source, found),
            "if_statement" | "switch_entry" | "else" => branch_blocks(child, source, found),
            _ => {}
        }
    }
}

/// The name a call is made by: `VStack` in `VStack { }`, `toolbar` in `x.toolbar { }`.
fn callee_name(call: Node<'_>, source: &[u8]) -> Option<String> {
    let callee = call.named_child(0)?;
    let name_node = match callee.kind() {
        "simple_identifier" => callee,
        "navigation_expression" => {
            let suffix = callee.child_by_field_name("suffix")?;
            suffix.child_by_field_name("suffix")?
        }
        _ => return None,
    };
    name_node.utf8_text(source).ok().map(str::to_string)
}

/// The closures of a call: trailing ones and those passed as arguments.
fn call_lambdas(call: Node<'_>) -> Vec<Node<'_>> {
    let mut lambdas = Vec::new();
    let mut cursor = call.walk();
    for child in call.named_children(&mut cursor) {
        if child.kind() == "call_suffix" {
            collect_lambdas(child, &mut lambdas);
        }
    }
    lambdas
}

fn collect_lambdas<'tree>(node: Node<'tree>, lambdas: &mut Vec<Node<'tree>>) {
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "lambda_literal" => lambdas.push(child),
            // Closures passed as arguments (`label: { … }`), and the labelled trailing closures.
            "value_arguments" | "value_argument" | "annotated_lambda" => {
                collect_lambdas(child, lambdas)
            }
            _ => {}
        }
    }
}

fn child_of_kind<'tree>(node: Node<'tree>, kind: &str) -> Option<Node<'tree>> {
    let mut cursor = node.walk();
    let found = node
        .named_children(&mut cursor)
        .find(|child| child.kind() == kind);
    found
}

fn has_view_builder_attribute(node: Node<'_>, source: &[u8]) -> bool {
    child_of_kind(node, "modifiers").is_some_and(|modifiers| {
        modifiers
            .utf8_text(source)
            .is_ok_and(|text| text.contains("@ViewBuilder"))
    })
}

fn is_some_view(node: Node<'_>, source: &[u8]) -> bool {
    child_of_kind(node, "type_annotation").is_some_and(|annotation| {
        annotation.utf8_text(source).is_ok_and(|text| {
            let words: Vec<&str> = text.trim_start_matches(':').split_whitespace().collect();
            words == ["some", "View"]
        })
    })
}

fn property_name(node: Node<'_>, source: &[u8]) -> String {
    child_of_kind(node, "pattern")
        .and_then(|pattern| pattern.utf8_text(source).ok())
        .unwrap_or("property")
        .to_string()
}
