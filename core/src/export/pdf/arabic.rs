//! Arabic joining without a shaping engine: each letter takes its isolated, final, initial or
//! medial form from the Arabic Presentation Forms blocks, and lam followed by alef becomes the
//! lam-alef ligature (Unicode's joining algorithm over the letters below; marks are
//! transparent). This is how Arabic text was shaped before OpenType, and system Arabic fonts
//! still map the presentation forms. Letters not listed here (rarer letters of other languages
//! written in Arabic script) cannot be shaped this way: the caller reports them as not drawn.

/// A letter and its presentation forms: isolated, final, initial, medial (0: none, so the
/// letter joins only to the letter before it).
const FORMS: &[(u32, [u32; 4])] = &[
    (0x0622, [0xfe81, 0xfe82, 0x0000, 0x0000]), // alef with madda above
    (0x0623, [0xfe83, 0xfe84, 0x0000, 0x0000]), // alef with hamza above
    (0x0624, [0xfe85, 0xfe86, 0x0000, 0x0000]), // waw with hamza above
    (0x0625, [0xfe87, 0xfe88, 0x0000, 0x0000]), // alef with hamza below
    (0x0626, [0xfe89, 0xfe8a, 0xfe8b, 0xfe8c]), // yeh with hamza above
    (0x0627, [0xfe8d, 0xfe8e, 0x0000, 0x0000]), // alef
    (0x0628, [0xfe8f, 0xfe90, 0xfe91, 0xfe92]), // beh
    (0x0629, [0xfe93, 0xfe94, 0x0000, 0x0000]), // teh marbuta
    (0x062a, [0xfe95, 0xfe96, 0xfe97, 0xfe98]), // teh
    (0x062b, [0xfe99, 0xfe9a, 0xfe9b, 0xfe9c]), // theh
    (0x062c, [0xfe9d, 0xfe9e, 0xfe9f, 0xfea0]), // jeem
    (0x062d, [0xfea1, 0xfea2, 0xfea3, 0xfea4]), // hah
    (0x062e, [0xfea5, 0xfea6, 0xfea7, 0xfea8]), // khah
    (0x062f, [0xfea9, 0xfeaa, 0x0000, 0x0000]), // dal
    (0x0630, [0xfeab, 0xfeac, 0x0000, 0x0000]), // thal
    (0x0631, [0xfead, 0xfeae, 0x0000, 0x0000]), // reh
    (0x0632, [0xfeaf, 0xfeb0, 0x0000, 0x0000]), // zain
    (0x0633, [0xfeb1, 0xfeb2, 0xfeb3, 0xfeb4]), // seen
    (0x0634, [0xfeb5, 0xfeb6, 0xfeb7, 0xfeb8]), // sheen
    (0x0635, [0xfeb9, 0xfeba, 0xfebb, 0xfebc]), // sad
    (0x0636, [0xfebd, 0xfebe, 0xfebf, 0xfec0]), // dad
    (0x0637, [0xfec1, 0xfec2, 0xfec3, 0xfec4]), // tah
    (0x0638, [0xfec5, 0xfec6, 0xfec7, 0xfec8]), // zah
    (0x0639, [0xfec9, 0xfeca, 0xfecb, 0xfecc]), // ain
    (0x063a, [0xfecd, 0xfece, 0xfecf, 0xfed0]), // ghain
    (0x0641, [0xfed1, 0xfed2, 0xfed3, 0xfed4]), // feh
    (0x0642, [0xfed5, 0xfed6, 0xfed7, 0xfed8]), // qaf
    (0x0643, [0xfed9, 0xfeda, 0xfedb, 0xfedc]), // kaf
    (0x0644, [0xfedd, 0xfede, 0xfedf, 0xfee0]), // lam
    (0x0645, [0xfee1, 0xfee2, 0xfee3, 0xfee4]), // meem
    (0x0646, [0xfee5, 0xfee6, 0xfee7, 0xfee8]), // noon
    (0x0647, [0xfee9, 0xfeea, 0xfeeb, 0xfeec]), // heh
    (0x0648, [0xfeed, 0xfeee, 0x0000, 0x0000]), // waw
    (0x0649, [0xfeef, 0xfef0, 0xfbe8, 0xfbe9]), // alef maksura
    (0x064a, [0xfef1, 0xfef2, 0xfef3, 0xfef4]), // yeh
    (0x0671, [0xfb50, 0xfb51, 0x0000, 0x0000]), // alef wasla
    (0x0679, [0xfb66, 0xfb67, 0xfb68, 0xfb69]), // tteh
    (0x067a, [0xfb5e, 0xfb5f, 0xfb60, 0xfb61]), // tteheh
    (0x067b, [0xfb52, 0xfb53, 0xfb54, 0xfb55]), // beeh
    (0x067e, [0xfb56, 0xfb57, 0xfb58, 0xfb59]), // peh
    (0x067f, [0xfb62, 0xfb63, 0xfb64, 0xfb65]), // teheh
    (0x0680, [0xfb5a, 0xfb5b, 0xfb5c, 0xfb5d]), // beheh
    (0x0683, [0xfb76, 0xfb77, 0xfb78, 0xfb79]), // nyeh
    (0x0684, [0xfb72, 0xfb73, 0xfb74, 0xfb75]), // dyeh
    (0x0686, [0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d]), // tcheh
    (0x0687, [0xfb7e, 0xfb7f, 0xfb80, 0xfb81]), // tcheheh
    (0x0688, [0xfb88, 0xfb89, 0x0000, 0x0000]), // ddal
    (0x068c, [0xfb84, 0xfb85, 0x0000, 0x0000]), // dahal
    (0x068d, [0xfb82, 0xfb83, 0x0000, 0x0000]), // ddahal
    (0x068e, [0xfb86, 0xfb87, 0x0000, 0x0000]), // dul
    (0x0691, [0xfb8c, 0xfb8d, 0x0000, 0x0000]), // rreh
    (0x0698, [0xfb8a, 0xfb8b, 0x0000, 0x0000]), // jeh
    (0x06a4, [0xfb6a, 0xfb6b, 0xfb6c, 0xfb6d]), // veh
    (0x06a6, [0xfb6e, 0xfb6f, 0xfb70, 0xfb71]), // peheh
    (0x06a9, [0xfb8e, 0xfb8f, 0xfb90, 0xfb91]), // keheh
    (0x06ad, [0xfbd3, 0xfbd4, 0xfbd5, 0xfbd6]), // ng
    (0x06af, [0xfb92, 0xfb93, 0xfb94, 0xfb95]), // gaf
    (0x06b1, [0xfb9a, 0xfb9b, 0xfb9c, 0xfb9d]), // ngoeh
    (0x06b3, [0xfb96, 0xfb97, 0xfb98, 0xfb99]), // gueh
    (0x06ba, [0xfb9e, 0xfb9f, 0x0000, 0x0000]), // noon ghunna
    (0x06bb, [0xfba0, 0xfba1, 0xfba2, 0xfba3]), // rnoon
    (0x06be, [0xfbaa, 0xfbab, 0xfbac, 0xfbad]), // heh doachashmee
    (0x06c0, [0xfba4, 0xfba5, 0x0000, 0x0000]), // heh with yeh above
    (0x06c1, [0xfba6, 0xfba7, 0xfba8, 0xfba9]), // heh goal
    (0x06c5, [0xfbe0, 0xfbe1, 0x0000, 0x0000]), // kirghiz oe
    (0x06c6, [0xfbd9, 0xfbda, 0x0000, 0x0000]), // oe
    (0x06c7, [0xfbd7, 0xfbd8, 0x0000, 0x0000]), // u
    (0x06c8, [0xfbdb, 0xfbdc, 0x0000, 0x0000]), // yu
    (0x06c9, [0xfbe2, 0xfbe3, 0x0000, 0x0000]), // kirghiz yu
    (0x06cb, [0xfbde, 0xfbdf, 0x0000, 0x0000]), // ve
    (0x06cc, [0xfbfc, 0xfbfd, 0xfbfe, 0xfbff]), // farsi yeh
    (0x06d0, [0xfbe4, 0xfbe5, 0xfbe6, 0xfbe7]), // e
    (0x06d2, [0xfbae, 0xfbaf, 0x0000, 0x0000]), // yeh barree
    (0x06d3, [0xfbb0, 0xfbb1, 0x0000, 0x0000]), // yeh barree with hamza above
];

/// Lam.
const LAM: char = '\u{0644}';
/// The lam-alef ligatures, isolated and final, by the alef that follows lam.
const LAM_ALEF: [(char, [char; 2]); 4] = [
    ('\u{0622}', ['\u{FEF5}', '\u{FEF6}']),
    ('\u{0623}', ['\u{FEF7}', '\u{FEF8}']),
    ('\u{0625}', ['\u{FEF9}', '\u{FEFA}']),
    ('\u{0627}', ['\u{FEFB}', '\u{FEFC}']),
];
/// Tatweel, which joins on both sides and has no forms of its own.
const TATWEEL: char = '\u{0640}';
/// The zero-width joiner, which makes its neighbours join.
const ZWJ: char = '\u{200D}';

/// How a character takes part in joining.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joining {
    /// Joins on both sides (has initial and medial forms), or causes joins (tatweel, ZWJ).
    Dual,
    /// Joins only to the letter before it.
    Right,
    /// A mark: skipped when looking for neighbours.
    Transparent,
    /// Joins nothing (spaces, digits, Latin…).
    None,
}

fn forms(c: char) -> Option<[u32; 4]> {
    let code = u32::from(c);
    FORMS
        .binary_search_by_key(&code, |&(base, _)| base)
        .ok()
        .and_then(|i| FORMS.get(i))
        .map(|&(_, forms)| forms)
}

fn joining(c: char) -> Joining {
    if c == TATWEEL || c == ZWJ {
        return Joining::Dual;
    }
    if is_arabic_mark(c) {
        return Joining::Transparent;
    }
    match forms(c) {
        Some([_, _, 0, _]) => Joining::Right,
        Some(_) => Joining::Dual,
        None => Joining::None,
    }
}

/// Whether `c` is an Arabic combining mark (harakat, superscript alef, Quranic marks).
fn is_arabic_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED)
}

/// Whether `c` is an Arabic letter that joins (and so must be shaped before it is drawn).
pub(crate) fn is_joining_letter(c: char) -> bool {
    matches!(u32::from(c), 0x0620..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9)
        && c != TATWEEL
        // Hamza joins nothing.
        && c != '\u{0621}'
}

/// Whether [`shape`] knows the forms of `c` (or it needs none).
pub(crate) fn can_shape(c: char) -> bool {
    !is_joining_letter(c) || forms(c).is_some()
}

/// One shaped character: what to draw and the text it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shaped {
    /// The character to draw (a presentation form, or the character itself).
    pub draw: char,
    /// The characters it stands for, in logical order (two for lam-alef).
    pub text: String,
}

/// Shapes `text` (logical order): every joining letter in its contextual form, lam-alef
/// ligated; other characters unchanged.
pub(crate) fn shape(text: &[char]) -> Vec<Shaped> {
    let kinds: Vec<Joining> = text.iter().map(|&c| joining(c)).collect();
    // The joining type of the nearest non-transparent neighbour before / after `i`.
    let before = |i: usize| {
        kinds
            .get(..i)
            .and_then(|k| {
                k.iter()
                    .rev()
                    .find(|&&j| j != Joining::Transparent)
                    .copied()
            })
            .unwrap_or(Joining::None)
    };
    let after = |i: usize| {
        kinds
            .get(i + 1..)
            .and_then(|k| k.iter().find(|&&j| j != Joining::Transparent).copied())
            .unwrap_or(Joining::None)
    };
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = text.get(i) {
        let kind = kinds.get(i).copied().unwrap_or(Joining::None);
        let joins_before =
            matches!(kind, Joining::Dual | Joining::Right) && before(i) == Joining::Dual;
        if c == LAM {
            let alef = text.get(i + 1).and_then(|&next| {
                LAM_ALEF
                    .iter()
                    .find(|(a, _)| *a == next)
                    .map(|&(a, lig)| (a, lig))
            });
            if let Some((a, [isolated, final_])) = alef {
                out.push(Shaped {
                    draw: if joins_before { final_ } else { isolated },
                    text: [c, a].iter().collect(),
                });
                i += 2;
                continue;
            }
        }
        let joins_after =
            kind == Joining::Dual && matches!(after(i), Joining::Dual | Joining::Right);
        let draw = match forms(c) {
            Some([isolated, final_, initial, medial]) => {
                let form = match (joins_before, joins_after) {
                    (true, true) if medial != 0 => medial,
                    (true, _) => final_,
                    (false, true) if initial != 0 => initial,
                    _ => isolated,
                };
                char::from_u32(form).unwrap_or(c)
            }
            None => c,
        };
        out.push(Shaped {
            draw,
            text: c.to_string(),
        });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        shape(&chars).iter().map(|s| s.draw).collect()
    }

    #[test]
    fn letters_take_their_joining_forms() {
        // محمد: meem initial, hah medial, meem medial, dal final.
        assert_eq!(drawn("محمد"), "\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}");
        // Dal joins only backwards, so the alef after it is isolated too: دار.
        assert_eq!(drawn("دار"), "\u{FEA9}\u{FE8D}\u{FEAD}");
        // One letter alone is isolated; spaces break words.
        assert_eq!(drawn("ب ب"), "\u{FE8F} \u{FE8F}");
    }

    #[test]
    fn lam_alef_is_one_ligature_that_stands_for_both() {
        let chars: Vec<char> = "سلام".chars().collect();
        let shaped = shape(&chars);
        // seen initial, lam-alef final, meem isolated.
        assert_eq!(
            shaped.iter().map(|s| s.draw).collect::<String>(),
            "\u{FEB3}\u{FEFC}\u{FEE1}"
        );
        assert_eq!(shaped.get(1).map(|s| s.text.as_str()), Some("لا"));
        let text: String = shaped.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "سلام");
    }

    #[test]
    fn marks_do_not_break_joins() {
        // بَب: beh + fatha + beh: the first beh stays initial.
        assert_eq!(drawn("بَب"), "\u{FE91}\u{064E}\u{FE90}");
        assert!(can_shape('ب') && can_shape('a') && !can_shape('\u{0620}'));
    }
}
