//! Tests of the phone apps' build checks (issue 18): each check on a sample with the defect and
//! without it, the ELF reader on libraries linked here, and the whole check on this repository.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use syntax_check::{android_build, elf, ios_project, view_builder};
use tempfile::TempDir;

fn texts(n: usize) -> String {
    (0..n)
        .map(|i| format!("            Text(\"{i}\")\n"))
        .collect()
}

#[test]
fn a_stack_with_eleven_views_is_reported_and_ten_are_not() {
    let eleven = format!("struct V: View {{\n    var body: some View {{\n        VStack {{\n{}        }}\n    }}\n}}\n", texts(11));
    let found = view_builder::crowded_builder_blocks(&eleven);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].owner, "VStack");
    assert_eq!(found[0].children, 11);
    assert_eq!(found[0].line, 4);

    let ten = format!("struct V: View {{\n    var body: some View {{\n        VStack {{\n{}        }}\n    }}\n}}\n", texts(10));
    assert!(view_builder::crowded_builder_blocks(&ten).is_empty());
}

#[test]
fn declarations_do_not_count_as_views() {
    let source = format!(
        "struct V: View {{\n    var body: some View {{\n        HStack {{\n            let a = 1\n            let b = 2\n{}        }}\n    }}\n}}\n",
        texts(10)
    );
    assert!(view_builder::crowded_builder_blocks(&source).is_empty());
}

#[test]
fn body_view_builder_functions_modifiers_and_if_branches_are_builders() {
    let body = format!(
        "struct V: View {{\n    var body: some View {{\n{}    }}\n}}\n",
        texts(11)
    );
    assert_eq!(view_builder::crowded_builder_blocks(&body)[0].owner, "body");

    let function = format!(
        "struct V {{\n    @ViewBuilder\n    func rows() -> some View {{\n{}    }}\n}}\n",
        texts(11)
    );
    assert_eq!(
        view_builder::crowded_builder_blocks(&function)[0].owner,
        "@ViewBuilder func"
    );

    let modifier = format!("let v = Text(\"x\").toolbar {{\n{}}}\n", texts(11));
    assert_eq!(
        view_builder::crowded_builder_blocks(&modifier)[0].owner,
        "toolbar"
    );

    let branch = format!(
        "let v = VStack {{\n    if flag {{\n{}    }} else {{\n        Text(\"no\")\n    }}\n}}\n",
        texts(11)
    );
    let found = view_builder::crowded_builder_blocks(&branch);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].owner, "if");

    let nested = format!(
        "let v = List {{\n    ForEach(items, id: \\.self) {{ item in\n{}    }}\n}}\n",
        texts(12)
    );
    assert_eq!(
        view_builder::crowded_builder_blocks(&nested)[0].owner,
        "ForEach"
    );
}

#[test]
fn ordinary_closures_are_not_builders() {
    let statements: String = (0..14).map(|i| format!("    x += {i}\n")).collect();
    let task = format!("func f() {{\n    Task {{\n{statements}    }}\n}}\n");
    assert!(view_builder::crowded_builder_blocks(&task).is_empty());
    let function = format!("func g() {{\n{statements}}}\n");
    assert!(view_builder::crowded_builder_blocks(&function).is_empty());
}

const PACKAGE: &str = r#"let package = Package(
    name: "RLSJournal",
    products: [.library(name: "RLSJournal", targets: ["RLSJournal"])],
    targets: [
        .binaryTarget(name: "RLSJournalFFI", path: "RLSJournalFFI.xcframework"),
        .target(name: "RLSJournal", dependencies: ["RLSJournalFFI"]),
        .testTarget(name: "RLSJournalTests", dependencies: ["RLSJournal"]),
    ]
)"#;

fn spec(settings: &str) -> String {
    format!(
        "name: RLSJournal\npackages:\n  RLSJournal:\n    path: ../bindings/swift\ntargets:\n  RLSJournalApp:\n    type: application\n    settings:\n      base:\n{settings}schemes:\n  RLSJournalApp:\n    build: {{}}\n"
    )
}

#[test]
fn the_app_module_must_not_share_the_package_module_name() {
    assert_eq!(
        ios_project::package_modules(PACKAGE),
        vec!["RLSJournal".to_string(), "RLSJournalFFI".to_string()]
    );
    // PRODUCT_NAME alone: Xcode derives the module name from it (the issue's build error).
    let clash = spec("        PRODUCT_NAME: RLSJournal\n");
    assert_eq!(
        ios_project::app_module_name(&clash).as_deref(),
        Some("RLSJournal")
    );
    let problems = ios_project::check_module_name(&clash, PACKAGE);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("PRODUCT_MODULE_NAME"));

    let fixed =
        spec("        PRODUCT_NAME: RLSJournal\n        PRODUCT_MODULE_NAME: RLSJournalApp\n");
    assert!(ios_project::check_module_name(&fixed, PACKAGE).is_empty());

    // Neither set: the target's name is the product name.
    let unnamed = spec("        TARGETED_DEVICE_FAMILY: \"1\"\n");
    assert_eq!(
        ios_project::app_module_name(&unnamed).as_deref(),
        Some("RLSJournalApp")
    );
    // A name with spaces becomes an identifier.
    let spaced = spec("        PRODUCT_NAME: \"RLS Journal\"\n");
    assert_eq!(
        ios_project::app_module_name(&spaced).as_deref(),
        Some("RLS_Journal")
    );
}

/// The first bytes of a PNG: signature and IHDR (all the check reads).
fn png(width: u32, height: u32, colour_type: u8) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&13u32.to_be_bytes());
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, colour_type, 0, 0, 0]);
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    bytes
}

fn icon_set(catalog: &Path, name: &str, image: &[u8]) {
    let set = catalog.join(format!("{name}.appiconset"));
    fs::create_dir_all(&set).expect("create icon set");
    fs::write(
        set.join("Contents.json"),
        r#"{"images":[{"filename":"icon.png","idiom":"universal","platform":"ios","size":"1024x1024"}],"info":{"author":"xcode","version":1}}"#,
    )
    .expect("write Contents.json");
    fs::write(set.join("icon.png"), image).expect("write icon");
}

#[test]
fn the_asset_catalog_must_hold_the_named_opaque_icon_of_its_size() {
    let dir = TempDir::new().expect("temp dir");
    let catalog = dir.path().join("Assets.xcassets");
    fs::create_dir_all(&catalog).expect("catalog");
    assert_eq!(ios_project::app_icon_name(&spec("")), "AppIcon");
    let missing = ios_project::check_app_icon(&catalog, "AppIcon");
    assert!(missing[0].contains("no AppIcon.appiconset"), "{missing:?}");

    icon_set(&catalog, "AppIcon", &png(1024, 1024, 2));
    assert!(ios_project::check_app_icon(&catalog, "AppIcon").is_empty());

    icon_set(&catalog, "AppIcon", &png(512, 512, 2));
    assert!(ios_project::check_app_icon(&catalog, "AppIcon")[0].contains("512x512"));
    icon_set(&catalog, "AppIcon", &png(1024, 1024, 6));
    assert!(ios_project::check_app_icon(&catalog, "AppIcon")[0].contains("alpha"));
    icon_set(&catalog, "AppIcon", b"GIF89a not a png");
    assert!(ios_project::check_app_icon(&catalog, "AppIcon")[0].contains("not a PNG"));

    // A project that names another set is checked against that name.
    let named = spec("        ASSETCATALOG_COMPILER_APPICON_NAME: JournalIcon\n");
    assert_eq!(ios_project::app_icon_name(&named), "JournalIcon");
    assert!(!ios_project::check_app_icon(&catalog, "JournalIcon").is_empty());
}

#[test]
fn jna_must_be_a_release_that_loads_on_16_kb_pages() {
    let old = r#"api("net.java.dev.jna:jna:5.13.0@aar")"#;
    assert_eq!(android_build::declared_jna(old), Some((5, 13, 0)));
    assert!(android_build::check_jna(old)[0].contains("5.13.0"));
    assert!(!android_build::check_jna(r#"api("net.java.dev.jna:jna:5.16.0@aar")"#).is_empty());
    assert!(android_build::check_jna(r#"api("net.java.dev.jna:jna:5.17.0@aar")"#).is_empty());
    assert!(android_build::check_jna(r#"api("net.java.dev.jna:jna:6.0@aar")"#).is_empty());
    assert!(!android_build::check_jna("dependencies {}").is_empty());
}

#[test]
fn every_android_target_must_get_the_page_alignment_flag() {
    let all = "val pageAlignmentRustflags = \"-C link-arg=-Wl,-z,max-page-size=16384\"\n\
               CARGO_TARGET_AARCH64_LINUX_ANDROID_RUSTFLAGS CARGO_TARGET_ARMV7_LINUX_ANDROIDEABI_RUSTFLAGS \
               CARGO_TARGET_X86_64_LINUX_ANDROID_RUSTFLAGS";
    assert!(android_build::check_page_alignment(all).is_empty());
    assert_eq!(
        android_build::page_alignment_rustflags(all).as_deref(),
        Some("-C link-arg=-Wl,-z,max-page-size=16384")
    );
    let one_missing = all.replace("CARGO_TARGET_X86_64_LINUX_ANDROID_RUSTFLAGS", "");
    assert_eq!(android_build::check_page_alignment(&one_missing).len(), 1);
    assert_eq!(android_build::check_page_alignment("").len(), 4);
}

#[test]
fn target_sdk_must_meet_play_requirement() {
    assert!(android_build::check_target_sdk("        targetSdk = 34\n")[0].contains("34"));
    assert!(android_build::check_target_sdk("        targetSdk = 36\n").is_empty());
    assert!(!android_build::check_target_sdk("minSdk = 26\n").is_empty());
}

/// Links a tiny cdylib with rustc, with the given extra arguments, and returns its bytes.
fn link_cdylib(dir: &Path, name: &str, extra: &[&str]) -> Vec<u8> {
    let source = dir.join("tiny.rs");
    fs::write(
        &source,
        "#[no_mangle]\npub extern \"C\" fn tiny() -> u32 { 7 }\n",
    )
    .expect("write source");
    let out = dir.join(format!("lib{name}.so"));
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let status = Command::new(rustc)
        .args(["--crate-type", "cdylib", "--edition", "2021", "-o"])
        .arg(&out)
        .arg(&source)
        .args(extra)
        .status()
        .expect("run rustc");
    assert!(status.success(), "rustc failed");
    fs::read(&out).expect("read library")
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn elf_load_alignment_of_libraries_linked_here() {
    let dir = TempDir::new().expect("temp dir");
    // The host linker's default on x86_64 is 4 KB pages: reported.
    let plain = link_cdylib(dir.path(), "plain", &[]);
    let plain_alignments = elf::load_alignments(&plain).expect("plain is ELF");
    assert!(!plain_alignments.is_empty());
    assert!(
        !elf::check_sixteen_kb(&plain).expect("ELF").is_empty(),
        "{plain_alignments:?}"
    );
    // The flag the Android build uses: every LOAD segment 16 KB aligned.
    let flag = format!("link-arg={}", android_build::PAGE_ALIGN_LINK_ARG);
    let aligned = link_cdylib(dir.path(), "aligned", &["-C", &flag]);
    let alignments = elf::load_alignments(&aligned).expect("aligned is ELF");
    assert!(
        alignments.iter().all(|align| *align >= elf::SIXTEEN_KB),
        "{alignments:?}"
    );
    assert!(elf::check_sixteen_kb(&aligned).expect("ELF").is_empty());
    // What readelf says agrees, where readelf is installed.
    if let Ok(output) = Command::new("readelf")
        .arg("-lW")
        .arg(dir.path().join("libaligned.so"))
        .output()
    {
        let text = String::from_utf8_lossy(&output.stdout);
        let readelf: Vec<u64> = text
            .lines()
            .filter(|line| line.trim_start().starts_with("LOAD"))
            .filter_map(|line| line.split_whitespace().last())
            .filter_map(|align| u64::from_str_radix(align.trim_start_matches("0x"), 16).ok())
            .collect();
        assert_eq!(readelf, alignments);
    }
}

#[test]
fn elf_reader_refuses_what_is_not_a_whole_elf_file() {
    assert_eq!(
        elf::load_alignments(b"MZ\x90\x00"),
        Err(elf::ElfError::NotElf)
    );
    assert_eq!(
        elf::load_alignments(b"\x7fELF\x09\x01"),
        Err(elf::ElfError::UnknownFormat)
    );
    assert_eq!(
        elf::load_alignments(b"\x7fELF\x02\x01\x01"),
        Err(elf::ElfError::Truncated)
    );
}

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn this_repository_passes_the_app_build_check() {
    let output = Command::new(env!("CARGO_BIN_EXE_app-build-check"))
        .arg("--root")
        .arg(repository_root())
        .output()
        .expect("run app-build-check");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("0 problems"), "{text}");
}
