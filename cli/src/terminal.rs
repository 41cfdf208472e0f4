//! Text on its way to a terminal: nothing a journal holds may drive the terminal.
//!
//! The core refuses control characters in labels and notes (only line breaks and tabs in
//! notes), but a journal written by an older version or edited by hand may still hold them, and
//! an escape sequence printed as is can set the window title, clear the screen or hide text.
//! Everything printed goes through [`for_terminal`]: control characters become visible symbols,
//! and the only escape sequences left are this program's own colours, when colour is on.

/// `text` made safe to print: line breaks and tabs stay; with `color`, SGR colour sequences
/// (`ESC [ digits;… m`, the only ones the renderers write) stay; every other control character
/// is shown as a visible symbol (`␛` for ESC, `␇` for BEL, `<U+009B>` for C1 controls).
pub fn for_terminal(text: &str, color: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if color && c == '\u{1b}' {
            if let Some(len) = sgr_length(rest) {
                out.push_str(rest.get(..len).unwrap_or_default());
                rest = rest.get(len..).unwrap_or_default();
                continue;
            }
        }
        push_visible(&mut out, c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// The byte length of an SGR sequence (`ESC [ [0-9;]* m`) at the start of `text`, if one is.
fn sgr_length(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (params <= 16 && body.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' | '\t' => out.push(c),
        // C0 controls have their own symbols in the Control Pictures block (U+2400 + code).
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('?')),
        '\u{7f}' => out.push('\u{2421}'),
        c if c.is_control() => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_from_a_journal_are_shown_not_run() {
        // Set the window title, clear the screen, ring the bell, a C1 CSI.
        let hostile = "a\u{1b}]0;owned\u{7}b\u{1b}[2Jc\u{9b}31md\u{7f}";
        let shown = for_terminal(hostile, false);
        assert_eq!(shown, "a␛]0;owned␇b␛[2Jc<U+009B>31md␡");
        assert!(!shown.chars().any(|c| c.is_control()));
        // With colour on, only SGR survives: the title and clear-screen sequences do not.
        let coloured = for_terminal(hostile, true);
        assert!(!coloured.contains('\u{7}'));
        assert!(coloured.contains("␛]0;owned"));
        assert!(!coloured.contains("\u{1b}[2J"));
    }

    #[test]
    fn line_breaks_tabs_and_our_colours_stay() {
        assert_eq!(for_terminal("one\n\ttwo", false), "one\n\ttwo");
        let ours = "\u{1b}[1;31m9/10\u{1b}[0m";
        assert_eq!(for_terminal(ours, true), ours);
        assert_eq!(for_terminal(ours, false), "␛[1;31m9/10␛[0m");
        assert_eq!(for_terminal("Σοφία 李小龙 محمد", true), "Σοφία 李小龙 محمد");
    }
}
