//! Names and notes in every script in the clinician report (issue 12, item 11), read back
//! from real PDFs with poppler's `pdftotext`/`pdffonts` and checked with `qpdf --check`.
//!
//! Latin (Vietnamese included), Greek and Cyrillic must come out exactly with the embedded
//! font alone; Chinese with a Debian CJK font passed as a fallback (WenQuanYi Zen Hei, a `.ttc`
//! collection); Arabic with a Debian Arabic font (Amiri), joined and in logical order; a CFF
//! font (EB Garamond) embedded as an OpenType CID font; and
//! without a fallback font the report must show "□" and say that a font was missing — never a
//! silent "?". The tools and fonts come from `scripts/install-deps.sh`; where one is missing
//! the test skips with a message, except under `CI=true`, where it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use rlsjournal_core::export::pdf::{ReportFont, ReportOptions};
use rlsjournal_core::*;

use common::*;

/// "Now" for every report: the morning after the fixture's last night.
const NOW: &str = "2025-10-31T08:00:00+01:00";
/// Debian `fonts-wqy-zenhei`: a TrueType collection with two faces.
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
/// Debian `fonts-hosny-amiri`.
const ARABIC_FONT: &str = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf";
/// Debian `fonts-ebgaramond`: CFF (PostScript) outlines, as Android's Noto CJK has.
const CFF_FONT: &str = "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf";
/// The sentence the report adds when it could not draw some character.
const MISSING_NOTE: &str = "need a font this device did not provide";

/// Whether `needs` (tools on the PATH, or files) are all there. Under `CI=true` a missing one
/// fails the test; elsewhere the test says what is missing and skips.
fn have(test: &str, tools: &[&str], files: &[&str]) -> bool {
    let mut missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|tool| Command::new(tool).arg("-v").output().is_err())
        .collect();
    missing.extend(files.iter().copied().filter(|f| !Path::new(f).is_file()));
    if missing.is_empty() {
        return true;
    }
    let message = format!(
        "{test}: {} missing (scripts/install-deps.sh installs poppler-utils, qpdf, \
         fonts-wqy-zenhei, fonts-hosny-amiri and fonts-ebgaramond)",
        missing.join(", ")
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
    eprintln!("SKIPPED {message}");
    false
}

/// A journal with one month of nights and an episode carrying `note`.
fn journal_with_note(note: &str) -> (tempfile::TempDir, Arc<Journal>) {
    let (dir, _, journal) = file_journal();
    for i in 0..10 {
        let night = (date("2025-10-20") + chrono::Duration::days(i)).to_string();
        journal.add_sleep_diary(diary(&night)).expect("diary");
    }
    let mut e = full_episode("2025-10-25T23:30:00+01:00", "2025-10-26T00:30:00+01:00", 6);
    e.note = Some(note.to_string());
    journal.add_episode(e).expect("episode");
    (dir, journal)
}

fn options(name: &str, fonts: Vec<ReportFont>) -> ReportOptions {
    ReportOptions {
        patient_name: Some(name.to_string()),
        include_notes: true,
        fallback_fonts: fonts,
        ..ReportOptions::default()
    }
}

fn font(path: &str, face_index: u32) -> ReportFont {
    ReportFont {
        data: std::fs::read(path).expect("read font"),
        face_index,
    }
}

/// Writes `pdf` into `dir`, checks it with `qpdf --check`, and returns its path.
fn write_checked(dir: &Path, name: &str, pdf: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "qpdf --check failed: {text}");
    assert!(
        text.contains("No syntax or stream encoding errors"),
        "{text}"
    );
    path
}

fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect(tool);
    assert!(out.status.success(), "{tool} failed");
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// The page's text as `pdftotext` extracts it, one line per line, without the directional
/// embedding marks poppler puts around right-to-left runs.
fn text_lines(pdf: &Path) -> Vec<String> {
    extracted(pdf, false)
}

/// The page's text as `pdftotext` (reading order; `raw`: content-stream order, each word
/// written right to left still turned back into logical order) extracts it, one line per
/// line, without the directional embedding marks poppler puts around right-to-left runs.
fn extracted(pdf: &Path, raw: bool) -> Vec<String> {
    run("pdftotext", if raw { &["-raw"] } else { &[] }, pdf)
        .replace(['\u{202A}', '\u{202B}', '\u{202C}'], "")
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// The text after "Patient: " on the header line.
fn patient(lines: &[String]) -> String {
    let line = lines
        .iter()
        .find(|l| l.contains("Patient: "))
        .expect("a patient line");
    line.split("Patient: ").nth(1).unwrap_or("").to_string()
}

fn fonts_of(pdf: &Path) -> String {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn greek_cyrillic_and_vietnamese_extract_exactly_with_the_embedded_font_alone() {
    if !have("embedded font", &["pdftotext", "pdffonts", "qpdf"], &[]) {
        return;
    }
    let name = "Σοφία Иван Nguyễn Thị Ánh";
    let note = "Ночью ноги горят; πόνος στα πόδια; chân tôi đau nhức";
    let (dir, journal) = journal_with_note(note);
    let pdf = journal
        .report_pdf_at(options(name, Vec::new()), at(NOW))
        .expect("report");
    let path = write_checked(dir.path(), "european.pdf", &pdf);
    let lines = text_lines(&path);
    assert_eq!(patient(&lines), name);
    let all = lines.join(" ");
    assert!(all.contains(note), "{all}");
    assert!(!all.contains(MISSING_NOTE), "{all}");
    assert!(!all.contains('□') && !all.contains('?'), "{all}");
    // One font: the embedded one, as a subset.
    let fonts = fonts_of(&path);
    assert_eq!(fonts.matches("CID TrueType").count(), 1, "{fonts}");
    assert!(fonts.contains("DejaVuSansCondensed"), "{fonts}");
}

#[test]
fn without_a_fallback_font_the_report_says_characters_are_missing_and_prints_no_question_mark() {
    if !have("missing font", &["pdftotext", "qpdf"], &[]) {
        return;
    }
    let (dir, journal) = journal_with_note("夜里腿很难受");
    let pdf = journal
        .report_pdf_at(
            options("Σοφία Иван 李小龙 محمد Nguyễn", Vec::new()),
            at(NOW),
        )
        .expect("report");
    let path = write_checked(dir.path(), "missing.pdf", &pdf);
    let lines = text_lines(&path);
    // Every character that cannot be drawn is one "□", in its place; the rest is exact.
    assert_eq!(patient(&lines), "Σοφία Иван □□□ □□□□ Nguyễn");
    let all = lines.join(" ");
    assert!(all.contains("□□□□□□"), "the note's six characters: {all}");
    assert!(all.contains(MISSING_NOTE), "{all}");
    assert!(!all.contains('?'), "{all}");
}

#[test]
fn with_a_cjk_font_the_chinese_name_and_note_extract_exactly() {
    if !have("CJK font", &["pdftotext", "pdffonts", "qpdf"], &[CJK_FONT]) {
        return;
    }
    let name = "李小龙 Σοφία Иван";
    let note = "夜里腿很难受，走路后好一些";
    let (dir, journal) = journal_with_note(note);
    let pdf = journal
        .report_pdf_at(options(name, vec![font(CJK_FONT, 0)]), at(NOW))
        .expect("report");
    let path = write_checked(dir.path(), "cjk.pdf", &pdf);
    let lines = text_lines(&path);
    assert_eq!(patient(&lines), name);
    let all = lines.join(" ");
    assert!(all.contains(note), "{all}");
    assert!(!all.contains(MISSING_NOTE) && !all.contains('□'), "{all}");
    // The 17 MB collection is cut down to the glyphs used.
    assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
    let fonts = fonts_of(&path);
    assert_eq!(fonts.matches("CID TrueType").count(), 2, "{fonts}");
    // The second face of the collection (WenQuanYi Zen Hei Mono) works too.
    let pdf = journal
        .report_pdf_at(options(name, vec![font(CJK_FONT, 1)]), at(NOW))
        .expect("second face");
    let path = write_checked(dir.path(), "cjk-mono.pdf", &pdf);
    assert_eq!(patient(&text_lines(&path)), name);
}

#[test]
fn arabic_is_joined_and_extracts_in_logical_order() {
    if !have(
        "Arabic font",
        &["pdftotext", "qpdf"],
        &[CJK_FONT, ARABIC_FONT],
    ) {
        return;
    }
    // The CJK font comes first: the Arabic letters must still find the second font.
    let (dir, journal) = journal_with_note("الألم في الساقين ليلا");
    let pdf = journal
        .report_pdf_at(
            options("محمد Nguyễn", vec![font(CJK_FONT, 0), font(ARABIC_FONT, 0)]),
            at(NOW),
        )
        .expect("report");
    let path = write_checked(dir.path(), "arabic.pdf", &pdf);
    // Drawn right to left (visual order), poppler reads the word back in logical order: drawn
    // left to right as typed, it would read "دمحم". (In reading order poppler moves the space
    // after a right-to-left word into it, so the name line is read in content order.)
    assert_eq!(patient(&extracted(&path, true)), "محمد Nguyễn");
    // A line of Arabic words, in reading order: the words right to left, each joined.
    let lines = text_lines(&path);
    let all = lines.join(" ");
    // The lam-alef ligatures stand for both letters.
    assert!(all.contains("الألم في الساقين ليلا"), "{all}");
    assert!(!all.contains(MISSING_NOTE) && !all.contains('□'), "{all}");
}

#[test]
fn a_font_with_cff_outlines_is_embedded_as_an_opentype_cid_font() {
    if !have("CFF font", &["pdftotext", "pdffonts", "qpdf"], &[CFF_FONT]) {
        return;
    }
    // "™" is not in the embedded font; EB Garamond (CFF) has it.
    let name = "Acme™ Иван";
    let (dir, journal) = journal_with_note("note");
    let pdf = journal
        .report_pdf_at(options(name, vec![font(CFF_FONT, 0)]), at(NOW))
        .expect("report");
    let path = write_checked(dir.path(), "cff.pdf", &pdf);
    assert_eq!(patient(&text_lines(&path)), name);
    let fonts = fonts_of(&path);
    assert!(fonts.contains("CID Type 0"), "{fonts}");
    assert!(!text_lines(&path).join(" ").contains(MISSING_NOTE));
}

#[test]
fn fonts_that_cannot_be_used_are_invalid_input_naming_the_font() {
    let (_dir, journal) = journal_with_note("note");
    let junk = ReportFont {
        data: b"this is not a font".to_vec(),
        face_index: 0,
    };
    let err = journal
        .report_pdf_at(options("x", vec![junk]), at(NOW))
        .err();
    match err {
        Some(JournalError::InvalidInput { field, reason }) => {
            assert_eq!(field, "fallback_fonts");
            assert!(
                reason.starts_with("font 1 of the report's fallback fonts is not"),
                "{reason}"
            );
        }
        other => panic!("not invalid input: {other:?}"),
    }
    if !have("face index", &[], &[CJK_FONT]) {
        return;
    }
    // WenQuanYi Zen Hei has three faces: 0, 1 and 2.
    let err = journal
        .report_pdf_at(options("x", vec![font(CJK_FONT, 3)]), at(NOW))
        .err();
    assert!(
        matches!(&err, Some(JournalError::InvalidInput { reason, .. })
            if reason.contains("has 3 faces; face 3 does not exist")),
        "{err:?}"
    );
}
