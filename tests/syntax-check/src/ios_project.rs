//! Checks of the iOS project that Xcode would only report on a Mac.
//!
//! - The app's Swift module must not have the name of a module of the Swift package it imports:
//!   with `PRODUCT_NAME: RLSJournal` and no `PRODUCT_MODULE_NAME`, Xcode names the app module
//!   `RLSJournal`, and every `import RLSJournal` in the app is then ignored.
//! - The asset catalog must hold the app icon set the project names (`AppIcon` unless
//!   `ASSETCATALOG_COMPILER_APPICON_NAME` says otherwise), with every image it lists present, a
//!   PNG of the declared size, and opaque (the App Store refuses icons with an alpha channel).
//!
//! `project.yml` is read line by line (XcodeGen's spec is plain block YAML here): the settings
//! looked for are `key: value` lines under `targets:`.

use std::fs;
use std::path::{Path, PathBuf};

/// The icon set name XcodeGen's iOS application preset uses when the project names none.
pub const DEFAULT_APP_ICON: &str = "AppIcon";

/// The value of `key: value` lines under the `targets:` section of an XcodeGen spec.
fn target_setting(spec: &str, key: &str) -> Option<String> {
    let mut in_targets = false;
    for line in spec.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            in_targets = trimmed == "targets:";
            continue;
        }
        if !in_targets {
            continue;
        }
        if let Some(value) = trimmed
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(':'))
        {
            let value = value.split(" #").next().unwrap_or("").trim();
            return Some(value.trim_matches('"').trim_matches('\'').to_string());
        }
    }
    None
}

/// The first application target's name in an XcodeGen spec (the key above `type: application`).
fn application_target(spec: &str) -> Option<String> {
    let mut in_targets = false;
    let mut last_target: Option<String> = None;
    for line in spec.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            in_targets = trimmed == "targets:";
            continue;
        }
        if !in_targets {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if indent == 2 && trimmed.ends_with(':') {
            last_target = Some(trimmed.trim_end_matches(':').to_string());
        } else if trimmed == "type: application" {
            return last_target;
        }
    }
    None
}

/// Xcode's module name for a product name: characters that cannot be in an identifier become
/// `_`, and a leading digit gets a `_` before it.
fn module_name_of(product: &str) -> String {
    let mut name: String = product
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// The module name Xcode gives the app target: `PRODUCT_MODULE_NAME`, else derived from
/// `PRODUCT_NAME`, else from the target's name.
pub fn app_module_name(spec: &str) -> Option<String> {
    if let Some(module) = target_setting(spec, "PRODUCT_MODULE_NAME") {
        return Some(module);
    }
    let product = target_setting(spec, "PRODUCT_NAME").or_else(|| application_target(spec))?;
    Some(module_name_of(&product))
}

/// The module names a Swift package declares: the `name:` of each `.target(` and
/// `.binaryTarget(` in `Package.swift` (each target is a module).
pub fn package_modules(manifest: &str) -> Vec<String> {
    let mut modules = Vec::new();
    for marker in [".target(", ".binaryTarget("] {
        let mut rest = manifest;
        while let Some(found) = rest.find(marker) {
            rest = &rest[found + marker.len()..];
            if let Some(name) = quoted_after(rest, "name:") {
                modules.push(name);
            }
        }
    }
    modules
}

/// The first `"…"` after `key` in `text`.
fn quoted_after(text: &str, key: &str) -> Option<String> {
    let after = &text[text.find(key)? + key.len()..];
    let start = after.find('"')? + 1;
    let end = start + after[start..].find('"')?;
    Some(after[start..end].to_string())
}

/// Problems with the app's module name: it must be set and differ from every module of the
/// Swift package (`package_manifest` is its `Package.swift`).
pub fn check_module_name(spec: &str, package_manifest: &str) -> Vec<String> {
    let Some(app_module) = app_module_name(spec) else {
        return vec!["project.yml: no application target found under targets:".to_string()];
    };
    package_modules(package_manifest)
        .into_iter()
        .filter(|module| *module == app_module)
        .map(|module| {
            format!(
                "project.yml: the app's module is named `{app_module}`, the same as the Swift \
                 package's module `{module}`: `import {module}` would be ignored in the app; set \
                 PRODUCT_MODULE_NAME to another name"
            )
        })
        .collect()
}

/// The icon set the project names.
pub fn app_icon_name(spec: &str) -> String {
    target_setting(spec, "ASSETCATALOG_COMPILER_APPICON_NAME")
        .unwrap_or_else(|| DEFAULT_APP_ICON.to_string())
}

/// Width, height, colour type of a PNG (from its IHDR chunk), or `None` if it is not a PNG.
pub fn png_header(bytes: &[u8]) -> Option<(u32, u32, u8)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.get(..8)? != SIGNATURE || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
    let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
    let colour_type = *bytes.get(25)?;
    Some((width, height, colour_type))
}

/// Problems with the icon set `name` in the asset catalog `catalog`: it must exist, list at
/// least one image, and each image must be an opaque PNG of its declared size (for a
/// `"size": "60x60"` at `"scale": "3x"`, 180×180 pixels).
pub fn check_app_icon(catalog: &Path, name: &str) -> Vec<String> {
    let set = catalog.join(format!("{name}.appiconset"));
    let contents_path = set.join("Contents.json");
    let Ok(text) = fs::read_to_string(&contents_path) else {
        return vec![format!(
            "{}: the project names the app icon `{name}`, but there is no {name}.appiconset \
             with a Contents.json",
            catalog.display()
        )];
    };
    let json: serde_json::Value = match serde_json::from_str(&text) {
        Ok(json) => json,
        Err(error) => return vec![format!("{}: not JSON: {error}", contents_path.display())],
    };
    let images: Vec<&serde_json::Value> = json
        .get("images")
        .and_then(|images| images.as_array())
        .map(|images| images.iter().collect())
        .unwrap_or_default();
    let mut problems = Vec::new();
    let mut files = 0;
    for image in images {
        let Some(filename) = image.get("filename").and_then(|f| f.as_str()) else {
            continue;
        };
        files += 1;
        let path: PathBuf = set.join(filename);
        problems.extend(check_icon_image(&path, image));
    }
    if files == 0 {
        problems.push(format!("{}: lists no image", contents_path.display()));
    }
    problems
}

fn check_icon_image(path: &Path, image: &serde_json::Value) -> Vec<String> {
    let Ok(bytes) = fs::read(path) else {
        return vec![format!(
            "{}: listed in Contents.json but missing",
            path.display()
        )];
    };
    let Some((width, height, colour_type)) = png_header(&bytes) else {
        return vec![format!("{}: not a PNG", path.display())];
    };
    let mut problems = Vec::new();
    let points = image
        .get("size")
        .and_then(|s| s.as_str())
        .and_then(|size| size.split('x').next())
        .and_then(|side| side.parse::<f64>().ok());
    let scale = image
        .get("scale")
        .and_then(|s| s.as_str())
        .and_then(|scale| scale.trim_end_matches('x').parse::<f64>().ok())
        .unwrap_or(1.0);
    match points {
        Some(points) => {
            let expected = (points * scale).round();
            if f64::from(width) != expected || f64::from(height) != expected {
                problems.push(format!(
                    "{}: {width}x{height} pixels, Contents.json asks for {expected}x{expected}",
                    path.display()
                ));
            }
        }
        None => problems.push(format!("{}: no size in Contents.json", path.display())),
    }
    // PNG colour types 4 and 6 carry alpha; the App Store rejects an icon with an alpha channel.
    if colour_type == 4 || colour_type == 6 {
        problems.push(format!(
            "{}: has an alpha channel (app icons must be opaque)",
            path.display()
        ));
    }
    problems
}
