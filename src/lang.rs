//! Language guard: is a document English enough for the English rules?
//!
//! A stop-word ratio is enough for whole articles and cheap: English prose has
//! 25–45% of its words among a few dozen function words that are rare as
//! words in other Latin-script languages, and scripts without ASCII letters
//! never reach the threshold.

/// Which rules to run, as chosen by `--lang`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Detect per document.
    #[default]
    Auto,
    /// Treat every document as English.
    En,
    /// Treat no document as English: only language-neutral rules run.
    Other,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Lang::Auto),
            "en" | "english" => Ok(Lang::En),
            "other" | "none" => Ok(Lang::Other),
            _ => Err(format!(
                "unknown language {s:?} (expected auto, en or other)"
            )),
        }
    }
}

const STOP: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "for", "with", "was", "this", "are", "be", "by",
    "from", "have", "has", "it", "he", "she", "they", "we", "you", "not", "but", "which", "his",
    "her", "their", "been", "were", "said", "will", "would", "an", "at", "or", "its", "who", "had",
    "after", "about", "there", "than", "into", "what", "when", "i", "my", "our", "can",
];

/// True when `w` (ASCII, at most 5 bytes) is one of [`STOP`], in any case.
fn is_stop(w: &[u8]) -> bool {
    let mut buf = [0u8; 5];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    let w = &buf[..w.len()];
    STOP.iter().any(|s| s.as_bytes() == w)
}

/// True when `text` reads as English: at least 12% of its first 2,000 words
/// are English function words. Very short texts (under 6 words) of ASCII
/// letters count as English when they hold one such word.
///
/// Words are runs of letters and apostrophes. The scan works on bytes and
/// decodes only non-ASCII characters: it runs on every document, so it must
/// cost a small fraction of the rules.
pub fn looks_english(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Letter or apostrophe at `i`, and the length of that character.
    let word_char = |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b.is_ascii_alphabetic() || b == b'\'', 1)
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            (c.is_alphabetic(), c.len_utf8())
        }
    };
    let mut words = 0usize;
    let mut hits = 0usize;
    let mut non_ascii_letters = 0usize;
    let mut i = 0;
    while i < bytes.len() && words < 2000 {
        let (is_word, n) = word_char(i);
        if !is_word {
            i += n;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let (is_word, n) = word_char(i);
            if !is_word {
                break;
            }
            ascii &= n == 1;
            i += n;
        }
        let w = &bytes[start..i];
        words += 1;
        if !ascii {
            non_ascii_letters += 1;
            continue;
        }
        let t = trim_apostrophes(w);
        if t.len() <= 5 && is_stop(t) {
            hits += 1;
        }
    }
    if words == 0 {
        return false;
    }
    if non_ascii_letters * 4 > words {
        return false;
    }
    if words < 6 {
        return hits >= 1;
    }
    hits * 100 >= words * 12
}

fn trim_apostrophes(mut w: &[u8]) -> &[u8] {
    while let [b'\'', rest @ ..] = w {
        w = rest;
    }
    while let [rest @ .., b'\''] = w {
        w = rest;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::{STOP, looks_english};
    use proptest::prelude::*;

    /// The plain definition the byte scan must agree with.
    fn reference(text: &str) -> bool {
        let (mut words, mut hits, mut non_ascii) = (0usize, 0usize, 0usize);
        for w in text
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .take(2000)
        {
            words += 1;
            if !w.is_ascii() {
                non_ascii += 1;
                continue;
            }
            let w = w.trim_matches('\'');
            if w.len() <= 5 && STOP.iter().any(|s| s.eq_ignore_ascii_case(w)) {
                hits += 1;
            }
        }
        words > 0
            && non_ascii * 4 <= words
            && if words < 6 {
                hits >= 1
            } else {
                hits * 100 >= words * 12
            }
    }

    proptest! {
        #[test]
        fn byte_scan_matches_the_definition(
            words in proptest::collection::vec(
                "(the|The|AND|of|'it'|was|café|été|東京|x|''|[a-z]{1,7}|[,.!? \n'’-]{1,2})", 0..60),
            sep in "[ '\n,]",
        ) {
            let text = words.join(&sep);
            prop_assert_eq!(looks_english(&text), reference(&text), "{:?}", text);
        }
    }

    #[test]
    fn english_prose() {
        assert!(looks_english(
            "Putin's warning directly addresses this potential deployment. He argued that the presence of foreign troops would be counterproductive."
        ));
    }

    #[test]
    fn other_languages() {
        for t in [
            "Der Bundeskanzler traf sich am Montag mit den Ministerpräsidenten der Länder, um über die Energiepreise zu sprechen.",
            "Le président a rencontré lundi les représentants des syndicats pour discuter de la réforme des retraites.",
            "El presidente se reunió el lunes con los representantes de los sindicatos para hablar de la reforma.",
            "国家主席周一会见了工会代表，讨论养老金改革问题。",
        ] {
            assert!(!looks_english(t), "{t}");
        }
    }
}
