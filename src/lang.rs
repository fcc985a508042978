//! Language guard: is a document English enough for the English rules?
//!
//! A stop-word ratio is enough for whole articles and cheap: English prose has
//! 25–45% of its words among a few dozen function words that are rare as
//! words in other Latin-script languages, and scripts without ASCII letters
//! never reach the threshold.

use std::ops::Range;

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

/// The counts [`looks_english`] decides on: the words among the first
/// [`SAMPLE`] of a text, English and other function words among them, and
/// words with a non-ASCII letter. Words are runs of letters and ASCII
/// apostrophes, so the counts of a text are the sums of its words' counts,
/// which lets [`Tally::after`] update them around a pass's fixes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    words: usize,
    hits: usize,
    foreign: usize,
    non_ascii_letters: usize,
    /// The sample filled up: words past it were not read.
    full: bool,
}

/// True when `text` reads as English: at least 12% of its first 2,000 words
/// are English function words, and they are at least as many as the
/// function words of German, French, Spanish, Italian, Portuguese and Dutch.
/// Very short texts (under 6 words) of ASCII letters count as English when
/// they hold one English function word and fewer foreign ones.
///
/// Words are runs of letters and apostrophes.
pub fn looks_english(text: &str) -> bool {
    tally(text).english()
}

/// The counts of `text` (its first [`SAMPLE`] words). This runs on every
/// document, so it must cost a small fraction of the rules: blocks of ASCII
/// are read through bit masks, and only blocks holding other characters are
/// decoded.
pub(crate) fn tally(text: &str) -> Tally {
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
        full = scan.end(bytes.len());
    }
    Tally {
        words: scan.words,
        hits: scan.hits,
        foreign: scan.foreign,
        non_ascii_letters: scan.non_ascii_letters,
        full,
    }
}

impl Tally {
    /// The decision [`looks_english`] documents.
    pub(crate) fn english(&self) -> bool {
        let (words, hits) = (self.words, self.hits);
        if words == 0 {
            return false;
        }
        if self.non_ascii_letters * 4 > words || self.foreign > hits {
            return false;
        }
        if words < 6 {
            return hits >= 1;
        }
        hits * 100 >= words * 12
    }

    /// The tally of `text` with `edits` applied (ranges of `text`, not
    /// overlapping), where `self` is the tally of `text`: the words around
    /// the edits are counted before and after them, and the rest of the text
    /// is not read. `None` when the sample was or would be full (which words
    /// are sampled then depends on the whole text) or the edits overlap; the
    /// caller counts the new text afresh.
    pub(crate) fn after<'e>(
        &self,
        text: &str,
        edits: impl IntoIterator<Item = (&'e Range<usize>, &'e str)>,
    ) -> Option<Tally> {
        if self.full {
            return None;
        }
        let mut edits: Vec<(&Range<usize>, &str)> = edits.into_iter().collect();
        edits.sort_unstable_by_key(|(r, _)| (r.start, r.end));
        for pair in edits.windows(2) {
            if pair[1].0.start < pair[0].0.end {
                return None;
            }
        }
        if edits.iter().any(|(r, _)| text.get((*r).clone()).is_none()) {
            return None;
        }
        let mut t = *self;
        let mut k = 0;
        while k < edits.len() {
            // A window from the start of the word the group's first edit
            // touches to the end of the word its last edit touches: outside
            // each end lies a separator (or the text's edge) that no edit
            // changes, so the words outside the window stay as they were.
            // Edits whose windows meet are one group.
            let from = word_start(text, edits[k].0.start);
            let mut to = word_end(text, edits[k].0.end);
            let mut group = k + 1;
            while let Some((r, _)) = edits.get(group) {
                if word_start(text, r.start) > to {
                    break;
                }
                to = to.max(word_end(text, r.end));
                group += 1;
            }
            let mut new = String::with_capacity(to - from + 16);
            let mut at = from;
            for (r, s) in &edits[k..group] {
                new.push_str(&text[at..r.start]);
                new.push_str(s);
                at = r.end;
            }
            new.push_str(&text[at..to]);
            let (old, now) = (tally(&text[from..to]), tally(&new));
            if old.full || now.full {
                return None;
            }
            t.words = t.words - old.words + now.words;
            t.hits = t.hits - old.hits + now.hits;
            t.foreign = t.foreign - old.foreign + now.foreign;
            t.non_ascii_letters =
                t.non_ascii_letters - old.non_ascii_letters + now.non_ascii_letters;
            k = group;
        }
        (t.words < SAMPLE).then_some(t)
    }
}

/// A character of a word: a letter or an ASCII apostrophe.
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\''
}

/// The start of the word `at` is inside or right after (`at` itself when a
/// separator or the text's start comes before it).
fn word_start(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(at, |(i, _)| i)
}

/// The end of the word `at` is inside or right before.
fn word_end(text: &str, at: usize) -> usize {
    at + text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len() - at, |(i, _)| i)
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
mod tests;
