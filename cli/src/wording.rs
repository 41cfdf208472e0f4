//! Errors in the words the person typed: the core names API fields (`started_at`, `first`,
//! `end_night`), the terminal names the flag or argument that carried the value (`--at`,
//! `--from`, `--last-night`).
//!
//! The core's rules and reasons stay the core's; this table only renames. A field the table
//! does not know is shown as the core names it.

/// The command a person ran, as named in the renaming table (`quick`, `add sleep`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommandName(pub &'static str);

/// `(command, API field, what the person typed)`; the command `*` applies to every command
/// that has no row of its own for the field.
const TYPED_AS: &[(&str, &str, &str)] = &[
    ("quick", "peak_intensity", "<INTENSITY>"),
    ("quick", "started_at", "--at"),
    ("end", "ended_at", "--at"),
    ("relief", "method", "<METHOD>"),
    ("relief", "minutes_to_relief", "--minutes"),
    ("add episode", "peak_intensity", "--intensity"),
    ("add episode", "started_at", "--start"),
    ("add episode", "ended_at", "--end"),
    ("add episode", "latency_minutes", "--latency"),
    ("add episode", "body_areas", "--areas"),
    ("add relief", "minutes_to_relief", "--minutes"),
    ("add relief", "episode_id", "<EPISODE>"),
    ("add sleep", "night_of", "--night"),
    ("add sleep", "got_into_bed_at", "--got-into-bed"),
    ("add sleep", "tried_to_sleep_at", "--tried-to-sleep"),
    ("add sleep", "sleep_onset_minutes", "--sleep-onset-minutes"),
    (
        "add sleep",
        "wake_after_sleep_onset_minutes",
        "--wake-after-sleep-onset-minutes",
    ),
    ("add sleep", "final_awakening_at", "--final-awakening"),
    ("add sleep", "out_of_bed_at", "--out-of-bed"),
    ("add exposure", "kind", "<KIND>"),
    ("add treatment", "name", "<NAME>"),
    ("add treatment", "category", "<CATEGORY>"),
    ("add treatment", "started_on", "--started"),
    ("add treatment", "stopped_on", "--stopped"),
    ("add dose", "treatment_id", "<TREATMENT>"),
    ("add lab", "analyte", "<ANALYTE>"),
    ("add lab", "value", "<VALUE>"),
    ("add lab", "unit", "--unit"),
    ("add lab", "taken_on", "--on"),
    ("add rating", "irls_total", "<IRLS_TOTAL>"),
    ("add rating", "rated_on", "--on"),
    ("history", "limit", "--limit"),
    ("history", "kind", "--kind"),
    ("history", "cursor", "--cursor"),
    ("night", "night", "<DATE>"),
    ("calendar", "month", "[MONTH]"),
    ("calendar", "year", "[MONTH]"),
    ("delete", "id", "<ID>"),
    ("undo", "id", "[ID]"),
    ("settings", "night_cutover_hour", "--cutover"),
    ("settings", "morning_hour", "--morning-hour"),
    ("settings", "evening_reminder_hour", "--evening-hour"),
    ("demo", "path", "--report"),
    ("demo", "end_night", "--last-night"),
    ("*", "path", "--out"),
    ("export", "font", "--font"),
    ("export", "out", "--out"),
    ("*", "from", "--from"),
    ("*", "to", "--to"),
    ("export", "notes", "--notes"),
    ("export", "name", "--name"),
    ("export", "paper", "--paper"),
    ("*", "first", "--from"),
    ("*", "last", "--to"),
    ("*", "patient_name", "--name"),
    ("*", "paper_size", "--paper"),
    ("*", "helped", "--helped"),
    ("*", "at", "--at"),
    ("*", "side", "--side"),
    ("*", "setting", "--setting"),
    ("*", "sensations", "--sensations"),
    ("*", "quality", "--quality"),
    ("*", "awakenings", "--awakenings"),
    ("*", "note", "--note"),
    ("*", "amount", "--amount"),
    ("*", "dose", "--dose"),
    ("*", "nights", "--nights"),
];

/// What the person typed for `field` in `command`, if the table knows it.
pub fn typed_as(command: CommandName, field: &str) -> Option<&'static str> {
    let row = |cmd: &str| {
        TYPED_AS
            .iter()
            .find(|(c, f, _)| *c == cmd && *f == field)
            .map(|(_, _, typed)| *typed)
    };
    row(command.0).or_else(|| row("*"))
}

/// `text` with every snake_case API field name the table knows for `command` (as a whole word)
/// replaced by what the person typed: "is before started_at" becomes "is before --start".
/// Plain words ("first", "at", "note") stay: in a sentence they are English, not field names.
pub fn in_typed_words(command: CommandName, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let typed = word
            .contains('_')
            .then(|| typed_as(command, word))
            .flatten();
        out.push_str(typed.unwrap_or(word));
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_lowercase() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_the_flags_people_typed() {
        let quick = CommandName("quick");
        assert_eq!(typed_as(quick, "started_at"), Some("--at"));
        assert_eq!(typed_as(quick, "peak_intensity"), Some("<INTENSITY>"));
        assert_eq!(
            typed_as(CommandName("add episode"), "started_at"),
            Some("--start")
        );
        assert_eq!(typed_as(CommandName("summary"), "first"), Some("--from"));
        assert_eq!(
            typed_as(CommandName("demo"), "end_night"),
            Some("--last-night")
        );
        assert_eq!(typed_as(CommandName("demo"), "path"), Some("--report"));
        assert_eq!(typed_as(CommandName("export"), "path"), Some("--out"));
        assert_eq!(typed_as(quick, "unknown_field"), None);
        assert_eq!(
            in_typed_words(CommandName("add episode"), "is before started_at"),
            "is before --start"
        );
        // Only whole snake_case words: `started_at_x` and ordinary words stay.
        assert_eq!(
            in_typed_words(CommandName("summary"), "the first night is after the last"),
            "the first night is after the last"
        );
        assert_eq!(
            in_typed_words(CommandName("quick"), "started_at_x at"),
            "started_at_x at"
        );
    }
}
