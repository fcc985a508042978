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

/// Function words of other Latin-script languages that are not English
/// words (German, French, Spanish, Italian, Portuguese, Dutch; ASCII, at most
/// 5 letters). A text with more of these than English ones is not English,
/// however many `in`, `was` and `has` it shares with English.
const FOREIGN: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "des", "dem", "den", "auf", "ein",
    "eine", "zu", "von", "wird", "auch", "sie", "es", "im", "aus", "bei", "nach", "wie", "le",
    "la", "les", "et", "est", "du", "une", "un", "dans", "pour", "qui", "que", "sur", "pas", "au",
    "aux", "avec", "sont", "il", "elle", "nous", "ses", "ce", "cette", "mais", "el", "los", "las",
    "y", "en", "por", "con", "para", "una", "del", "se", "lo", "al", "como", "pero", "sus", "fue",
    "os", "uma", "em", "di", "che", "della", "per", "sono", "gli", "nel", "alla", "non", "het",
    "een", "van", "niet", "zijn", "op", "voor", "met", "ook", "aan", "wordt", "bij",
];

/// A word of at most 5 ASCII letters packed into an integer, lower-cased,
/// with its length in the top byte: stop-word lookup without string compares.
const fn key(w: &[u8]) -> u64 {
    let mut k = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    k
}

/// Which list a key is on.
const NONE: u8 = 0;
const ENGLISH: u8 = 1;
const OTHER_LANGUAGE: u8 = 2;

/// Slots of [`KEYS`]: a power of two, under a third full.
const SLOTS: usize = 512;

/// The slot a key's probe starts at.
const fn slot(k: u64) -> usize {
    (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The stop words and the foreign function words as an open-addressing
/// table built at compile time: the first list a word is on decides, as
/// English is asked first. One probe or two per short word, where two
/// binary searches cost a dozen compares.
static KEYS: [(u64, u8); SLOTS] = {
    let mut table = [(0u64, NONE); SLOTS];
    let lists: [(&[&str], u8); 2] = [(STOP, ENGLISH), (FOREIGN, OTHER_LANGUAGE)];
    let mut l = 0;
    while l < lists.len() {
        let (words, class) = lists[l];
        let mut i = 0;
        while i < words.len() {
            let k = key(words[i].as_bytes());
            let mut s = slot(k);
            while table[s].1 != NONE && table[s].0 != k {
                s = (s + 1) % SLOTS;
            }
            if table[s].1 == NONE {
                table[s] = (k, class);
            }
            i += 1;
        }
        l += 1;
    }
    table
};

/// The list the word with key `k` is on.
#[inline]
fn class_of(k: u64) -> u8 {
    let mut s = slot(k);
    loop {
        let (key, class) = KEYS[s];
        if class == NONE || key == k {
            return class;
        }
        s = (s + 1) % SLOTS;
    }
}

/// An ASCII letter or an apostrophe: the bytes ASCII words are made of.
fn is_word_byte(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26 || b == b'\''
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Bit j set when byte j of `w` (eight ASCII bytes, little-endian) is a word
/// byte: the byte tests run on all eight lanes at once. No lane can carry
/// into the next because every byte is below 0x80.
fn word_mask8(w: u64) -> u64 {
    let lower = w | (0x20 * ONES);
    let at_least_a = lower + (0x80 - u64::from(b'a')) * ONES;
    let past_z = lower + (0x80 - u64::from(b'z') - 1) * ONES;
    let letter = at_least_a & !past_z & HIGH;
    let v = w ^ (u64::from(b'\'') * ONES);
    let apostrophe = !((v + 0x7f * ONES) | v) & HIGH;
    // Gather the eight high bits into the low byte.
    ((letter | apostrophe) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Word counts of the scan so far, and the word being read.
struct Scan<'a> {
    bytes: &'a [u8],
    words: usize,
    hits: usize,
    foreign: usize,
    non_ascii_letters: usize,
    in_word: bool,
    start: usize,
    ascii: bool,
}

/// Words sampled before deciding.
const SAMPLE: usize = 2000;

impl Scan<'_> {
    fn begin(&mut self, at: usize, ascii: bool) {
        self.in_word = true;
        self.start = at;
        self.ascii = ascii;
    }

    /// Close the word ending at `end`; true once the sample is full.
    fn end(&mut self, end: usize) -> bool {
        self.in_word = false;
        self.words += 1;
        if !self.ascii {
            self.non_ascii_letters += 1;
        } else {
            let w = &self.bytes[self.start..end];
            // Most words are longer than any stop word and cannot shrink.
            if w.len() > 5 && w[0] != b'\'' && w[w.len() - 1] != b'\'' {
                return self.words >= SAMPLE;
            }
            let t = trim_apostrophes(w);
            if t.len() <= 5 {
                match class_of(key(t)) {
                    ENGLISH => self.hits += 1,
                    OTHER_LANGUAGE => self.foreign += 1,
                    _ => {}
                }
            }
        }
        self.words >= SAMPLE
    }

    /// `width` ASCII bytes at `at` whose word bytes are the bits of `m`:
    /// word boundaries come from the mask, so the cost is per word rather
    /// than a branch per byte.
    fn masked(&mut self, at: usize, m: u64, width: u32) -> bool {
        let mut pos = 0u32;
        if self.in_word {
            let run = (!m).trailing_zeros().min(width);
            if run == width {
                return false;
            }
            if self.end(at + run as usize) {
                return true;
            }
            pos = run;
        }
        while pos < width {
            let rest = m & (!0u64 << pos);
            if rest == 0 {
                break;
            }
            let s = rest.trailing_zeros();
            let run = (!(m >> s)).trailing_zeros();
            self.begin(at + s as usize, true);
            if s + run >= width {
                break;
            }
            if self.end(at + (s + run) as usize) {
                return true;
            }
            pos = s + run;
        }
        false
    }

    /// ASCII bytes `i..end`: eight at a time through the mask, the last few
    /// one by one.
    fn ascii_run(&mut self, text: &str, mut i: usize, end: usize) -> (usize, bool) {
        while i + 8 <= end {
            let w = u64::from_le_bytes(self.bytes[i..i + 8].try_into().expect("8 bytes"));
            if self.masked(i, word_mask8(w), 8) {
                return (i + 8, true);
            }
            i += 8;
        }
        self.chars(text, i, end)
    }

    /// Bytes `i..end` one character at a time (decoding non-ASCII ones);
    /// returns where it stopped (past `end` when a character straddles it)
    /// and whether the sample is full.
    fn chars(&mut self, text: &str, mut i: usize, end: usize) -> (usize, bool) {
        let bytes = self.bytes;
        while i < end {
            let b = bytes[i];
            let (letter, len) = if b < 0x80 {
                (is_word_byte(b), 1)
            } else {
                let c = text[i..].chars().next().expect("char boundary");
                (c.is_alphabetic(), c.len_utf8())
            };
            if letter {
                if !self.in_word {
                    self.begin(i, true);
                }
                self.ascii &= len == 1;
            } else if self.in_word && self.end(i) {
                return (i, true);
            }
            i += len;
        }
        (i, false)
    }
}

/// True when `text` reads as English: at least 12% of its first 2,000 words
/// are English function words, and they are at least as many as the
/// function words of German, French, Spanish, Italian, Portuguese and Dutch.
/// Very short texts (under 6 words) of ASCII letters count as English when
/// they hold one English function word and fewer foreign ones.
///
/// Words are runs of letters and apostrophes. This runs on every document,
/// so it must cost a small fraction of the rules: blocks of ASCII are read
/// through bit masks, and only blocks holding other characters are decoded.
pub fn looks_english(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut scan = Scan {
        bytes,
        words: 0,
        hits: 0,
        foreign: 0,
        non_ascii_letters: 0,
        in_word: false,
        start: 0,
        ascii: true,
    };
    let mut i = 0;
    let mut full = false;
    while !full && i < bytes.len() {
        let end = (i + 64).min(bytes.len());
        let block = &bytes[i..end];
        if block.iter().fold(0u8, |a, &b| a | b) < 0x80 {
            if block.len() == 64 {
                let mut m = 0u64;
                for (k, eight) in block.chunks_exact(8).enumerate() {
                    let w = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
                    m |= word_mask8(w) << (8 * k);
                }
                full = scan.masked(i, m, 64);
                i = end;
            } else {
                (i, full) = scan.ascii_run(text, i, end);
            }
            continue;
        }
        // Plain ASCII up to the first other byte, then that one character.
        let k = i + block
            .iter()
            .position(|&b| b >= 0x80)
            .expect("a non-ASCII byte");
        (i, full) = scan.ascii_run(text, i, k);
        if !full {
            (i, full) = scan.chars(text, i, i + 1);
        }
    }
    if !full && scan.in_word {
        scan.end(bytes.len());
    }
    let (words, hits) = (scan.words, scan.hits);
    if words == 0 {
        return false;
    }
    if scan.non_ascii_letters * 4 > words || scan.foreign > hits {
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
    use super::{ENGLISH, FOREIGN, NONE, OTHER_LANGUAGE, STOP, class_of, key, looks_english};
    use proptest::prelude::*;

    #[test]
    fn key_table_answers_like_the_lists() {
        for w in STOP
            .iter()
            .chain(FOREIGN)
            .chain(&["", "x", "xyz", "thee", "Der", "'"])
        {
            let lower = w.to_ascii_lowercase();
            let want = if STOP.contains(&lower.as_str()) {
                ENGLISH
            } else if FOREIGN.contains(&lower.as_str()) {
                OTHER_LANGUAGE
            } else {
                NONE
            };
            assert_eq!(class_of(key(w.as_bytes())), want, "{w:?}");
        }
    }

    /// The plain definition the byte scan must agree with.
    fn reference(text: &str) -> bool {
        let (mut words, mut hits, mut foreign, mut non_ascii) = (0usize, 0usize, 0usize, 0usize);
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
            } else if w.len() <= 5 && FOREIGN.iter().any(|s| s.eq_ignore_ascii_case(w)) {
                foreign += 1;
            }
        }
        words > 0
            && non_ascii * 4 <= words
            && foreign <= hits
            && if words < 6 {
                hits >= 1
            } else {
                hits * 100 >= words * 12
            }
    }

    #[test]
    fn eight_lane_mask_matches_the_byte_test() {
        for b in 0u8..0x80 {
            for lane in 0..8 {
                let mut bytes = [b'.'; 8];
                bytes[lane] = b;
                let m = super::word_mask8(u64::from_le_bytes(bytes));
                let want = u64::from(super::is_word_byte(b)) << lane;
                assert_eq!(m, want, "byte {b:#x} in lane {lane}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn byte_scan_matches_the_definition(
            words in proptest::collection::vec(
                "(the|The|AND|of|'it'|was|die|Les|café|été|東京|x|''|[a-z]{1,7}|[A-Za-z]{20,70}|[,.!? \n'’-]{1,2})", 0..300),
            repeat in 1usize..12,
            sep in "[ '\n,]",
        ) {
            let text = words.join(&sep).repeat(repeat);
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
            // These share `in`, `was`, `will`, `an` and `has` with English.
            "Was ist in der Stadt los? Ich will an die Uni, und sie hat es auch gesagt, aber nicht heute.",
            "La BCE maintient ses taux. Les marchés attendent une baisse en juin ; les analystes de paris sont partagés.",
            "Ha sido un año difícil para los trabajadores, y el gobierno no ha dicho nada sobre las pensiones.",
            "De minister heeft het plan van de regering voor de zomer niet gesteund, zegt een woordvoerder.",
        ] {
            assert!(!looks_english(t), "{t}");
        }
    }

    #[test]
    fn english_with_foreign_names() {
        assert!(looks_english(
            "Mr Van der Veer told Le Monde that the deal with El Corte Ingles was done, and \
             that the firm would not sell its stake in Der Spiegel."
        ));
        assert!(looks_english("I think so."));
        assert!(!looks_english("Der Hund und die Katze."));
    }
}
