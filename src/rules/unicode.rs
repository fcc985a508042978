//! Unicode junk left by HTML extraction: non-NFC text, exotic spaces,
//! invisible format characters and control characters.
//!
//! Each rule is a separate id so users can turn one off, but they share one
//! cheap pre-check: a document of plain printable ASCII has nothing for them.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::document::Document;
use crate::edit::{Edit, Fix};
use crate::rule::{Rule, RuleDoc};

/// Invisible characters that HTML extraction leaves inside or between words.
/// ZWJ and ZWNJ are in the list but are removed only where they carry no
/// meaning (see [`InvisibleChars`]).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

pub struct Nfc;

static NFC_DOC: RuleDoc = RuleDoc {
    summary: "Compose decomposed accents (Unicode NFC)",
    details: "Text copied from some systems stores an accented letter as a base letter plus a combining \
accent (NFD). It looks the same but breaks search, counting and comparison. The rule rewrites such \
sequences in their composed form (NFC), which is lossless. Compatibility forms (NFKC: ligatures, \
full-width letters, superscripts) are left alone because folding them damages CJK and mathematical text.",
    fixes: &[("Cafe\u{301} au lait\n", "Caf\u{e9} au lait\n")],
    keeps: &["Caf\u{e9} au lait, \u{fb01}ne, \u{ff21}, x\u{b2}\n"],
};

impl Rule for Nfc {
    fn id(&self) -> &'static str {
        "unicode-nfc"
    }
    fn doc(&self) -> &'static RuleDoc {
        &NFC_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let text = doc.text();
        // Normalization only reaches across runs of non-ASCII characters and
        // the character before each (a base letter can take a combining
        // mark), so each run is normalized on its own.
        let specials = doc.specials();
        let mut k = 0;
        while k < specials.len() {
            let (i, c) = specials[k];
            if c.is_ascii() {
                k += 1;
                continue;
            }
            let mut end = i + c.len_utf8();
            k += 1;
            while let Some(&(j, d)) = specials.get(k) {
                if j != end || d.is_ascii() {
                    break;
                }
                end += d.len_utf8();
                k += 1;
            }
            let start = if i > 0 { i - 1 } else { 0 };
            let seg = &text[start..end];
            if is_nfc_quick(seg.chars()) != IsNormalized::Yes {
                let n: String = seg.nfc().collect();
                if n != seg {
                    out.push(Fix::new(
                        self.id(),
                        "decomposed characters composed (NFC)",
                        Edit::replace(start..end, n),
                    ));
                }
            }
        }
    }
}

pub struct UnicodeSpaces;

static SPACES_DOC: RuleDoc = RuleDoc {
    summary: "Replace no-break and other Unicode spaces with a plain space",
    details: "Web pages use no-break spaces (U+00A0) and typographic spaces (U+2000–U+200A, U+202F, \
U+205F, U+1680) for layout; in extracted text they break tokenizers and word counts. They become a \
plain space. The ideographic space U+3000 is kept: in CJK text it is a full-width character with a \
width of its own.",
    fixes: &[("10\u{a0}km from\u{2009}here\n", "10 km from here\n")],
    keeps: &["\u{3000}\u{6771}\u{4eac}\n"],
};

fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

impl Rule for UnicodeSpaces {
    fn id(&self) -> &'static str {
        "unicode-spaces"
    }
    fn doc(&self) -> &'static RuleDoc {
        &SPACES_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        for &(i, c) in doc.specials() {
            if is_odd_space(c) {
                out.push(Fix::new(
                    self.id(),
                    format!("U+{:04X} replaced by a plain space", c as u32),
                    Edit::replace(i..i + c.len_utf8(), " "),
                ));
            }
        }
    }
}

pub struct InvisibleChars;

static INVISIBLE_DOC: RuleDoc = RuleDoc {
    summary: "Remove zero-width spaces, word joiners, stray BOMs and soft hyphens",
    details: "Zero-width space (U+200B), word joiner (U+2060), byte-order marks (U+FEFF) and soft \
hyphens (U+00AD) are invisible but split words for search and tokenizers. They are removed. \
Zero-width joiner and non-joiner (U+200D, U+200C) are removed only between Latin letters, \
digits, spaces or punctuation; next to emoji or letters of other scripts (Indic, Persian, Arabic) \
they shape the text and stay.",
    fixes: &[
        ("\u{feff}Head\u{200b}line\n", "Headline\n"),
        (
            "inter\u{ad}national co\u{200d}operation\n",
            "international cooperation\n",
        ),
    ],
    keeps: &[
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} family\n",
        "\u{645}\u{06cc}\u{200C}\u{62e}\u{648}\u{627}\u{647}\u{645}\n",
        "\u{915}\u{94d}\u{200d}\u{937}\n",
    ],
};

/// Letters, digits and punctuation of Latin script (below U+0250), general
/// punctuation, whitespace, or nothing: neighbours that a joiner cannot shape.
fn joiner_is_noise(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            (c as u32) < 0x250 || c.is_whitespace() || ('\u{2010}'..='\u{2027}').contains(&c)
        }
    }
}

impl Rule for InvisibleChars {
    fn id(&self) -> &'static str {
        "invisible-characters"
    }
    fn doc(&self) -> &'static RuleDoc {
        &INVISIBLE_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let text = doc.text();
        for &(i, c) in doc.specials() {
            if !is_invisible(c) {
                continue;
            }
            let end = i + c.len_utf8();
            if matches!(c, '\u{200C}' | '\u{200D}') {
                // Look past neighbouring invisibles to the visible characters.
                let prev = text[..i].chars().rev().find(|&p| !is_invisible(p));
                let next = text[end..].chars().find(|&n| !is_invisible(n));
                if !(joiner_is_noise(prev) && joiner_is_noise(next)) {
                    continue;
                }
            }
            out.push(Fix::new(
                self.id(),
                Cow::Owned(format!("invisible U+{:04X} removed", c as u32)),
                Edit::delete(i..end),
            ));
        }
    }
}

pub struct ControlChars;

static CONTROL_DOC: RuleDoc = RuleDoc {
    summary: "Remove control characters other than tab and line breaks",
    details: "C0 controls (U+0000–U+001F except tab, line feed and carriage return), DEL and the C1 \
controls (U+0080–U+009F) have no place in prose; they come from broken encodings and terminal \
escapes and trip up downstream tools. They are removed.",
    fixes: &[("Bell\u{7} and\u{1b} escape\u{85}\n", "Bell and escape\n")],
    keeps: &["Tab\tseparated\n"],
};

impl Rule for ControlChars {
    fn id(&self) -> &'static str {
        "control-characters"
    }
    fn doc(&self) -> &'static RuleDoc {
        &CONTROL_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        for &(i, c) in doc.specials() {
            if c.is_control() {
                out.push(Fix::new(
                    self.id(),
                    format!("control character U+{:04X} removed", c as u32),
                    Edit::delete(i..i + c.len_utf8()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_keep};

    #[test]
    fn nfc_composes_only_what_is_decomposed() {
        assert_fix(
            "unicode-nfc",
            "Jose\u{301} and Zo\u{308}e\n",
            "Jos\u{e9} and Z\u{f6}e\n",
        );
        assert_fix("unicode-nfc", "e\u{301}\n", "\u{e9}\n");
        assert_keep("unicode-nfc", "Jos\u{e9} \u{2163} \u{3300} \u{1d400}\n");
        assert_keep("unicode-nfc", "\u{d55c}\u{ad6d}\u{c5b4} \u{65e5}\u{672c}\n");
    }

    #[test]
    fn spaces() {
        assert_fix(
            "unicode-spaces",
            "a\u{202f}b\u{2007}c\u{a0}d\n",
            "a b c d\n",
        );
        assert_keep("unicode-spaces", "\u{4e2d}\u{3000}\u{6587}\n");
    }

    #[test]
    fn invisible_characters_in_words_and_lines() {
        assert_fix(
            "invisible-characters",
            "\u{feff}\u{feff}Paris\u{2060}ian\n",
            "Parisian\n",
        );
        assert_fix("invisible-characters", "co\u{200c}operate\n", "cooperate\n");
        assert_fix("invisible-characters", "end.\u{200d} Next\n", "end. Next\n");
    }

    #[test]
    fn meaningful_joiners_stay() {
        // emoji: woman technologist, rainbow flag
        assert_keep(
            "invisible-characters",
            "\u{1f469}\u{200d}\u{1f4bb} and \u{1f3f3}\u{fe0f}\u{200d}\u{1f308}\n",
        );
        // Persian "mi-khaham" with ZWNJ, Devanagari conjunct with ZWJ
        assert_keep(
            "invisible-characters",
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}\n",
        );
        assert_keep("invisible-characters", "\u{915}\u{94d}\u{200d}\u{937}\n");
    }

    #[test]
    fn controls() {
        assert_fix(
            "control-characters",
            "a\u{0}b\u{c}c\u{9f}d\u{7f}\n",
            "abcd\n",
        );
        assert_keep("control-characters", "a\tb\r\nc\n");
    }

    #[test]
    fn a_real_scraped_line() {
        let dirty = "Moscow,\u{a0}Russia \u{2013} Russian President Vladimir Putin issued a stark warn\u{ad}ing\u{200b}.\n";
        let out = crate::fix(dirty).unwrap();
        assert_eq!(
            out,
            "Moscow, Russia \u{2013} Russian President Vladimir Putin issued a stark warning.\n"
        );
    }
}
