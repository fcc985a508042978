//! Names the lexicon cannot list: a lowercase word next to a capitalised
//! name (`Nicolas claquin`, `minister sontaya Kunplome`) is a name too,
//! when it cannot be an English word.
//!
//! Rare surnames and foreign given names are most of the names a lexicon
//! misses, and they nearly always stand next to another part of the name.
//! What makes this safe is the test that the word is no English word: not
//! in the ordinary-word list, nor an inflection (`trojans`), a compound
//! (`frontman`, `hardcourt`), a prefixed form (`reoffending`) or a one-slip
//! misspelling (`finsihed`, `daugher`) of one, nor a name particle or a
//! short abbreviation (`della`, `capt`, `aka`).

use crate::edit::{Edit, Fix};
use crate::lexicon::{self, Class, Folded, WordList};
use crate::rules::casing::{Word, capitalize_first, is_titlecase, split_possessive};

use super::{ID, PARTICLE_LIST};

/// A word the lexicon does not know, neither as a name nor as an ordinary
/// word ([`lexicon::classify`]), that may be a name if its neighbours prove
/// it: the cheap tests, before [`between_names`].
pub(super) fn may_be_name(base: &str) -> bool {
    base.len() >= 4
        && base.len() <= lexicon::MAX_WORD_LEN
        && base.bytes().all(|b| b.is_ascii_lowercase())
        && base.bytes().any(is_vowel)
}

/// A word the lexicon does not know, next to a name; [`may_be_name`] holds.
/// `prev_new`: the text `prev` gets from a fix of the same pass; `next`:
/// the chunk after `w`, with its text of this pass.
pub(super) fn between_names<'t>(
    prev: Option<&Word>,
    prev_new: Option<&str>,
    w: &Word,
    next: impl Fn() -> Option<&'t str>,
    base: &str,
) -> Option<Fix> {
    let after_name = prev.is_some_and(|p| {
        title_before(p, w)
            || name_before(p, w)
            || prev_new.is_some_and(|t| next_to(p, w) && p.plain && name_chunk(t))
    });
    let before_name = !w.punct_after && next().is_some_and(name_chunk);
    let after_role =
        prev.is_some_and(|p| p.seq + 1 == w.seq && !p.punct_after && ROLE_LIST.contains(p.text));
    if !(after_name || before_name || after_role || in_list(prev, w, &next)) || english_like(base) {
        return None;
    }
    Some(Fix::new(
        ID,
        "capitalise the name next to a name",
        Edit::replace(w.start..w.start + base.len(), capitalize_first(base)),
    ))
}

/// Nouns that introduce a name in apposition: `Italian bank mediobanca`,
/// `anti-virus firm sophos`, `actress negar Khan`.
const ROLES: &[&str] = &[
    "firm",
    "company",
    "group",
    "bank",
    "maker",
    "operator",
    "carrier",
    "airline",
    "retailer",
    "brewer",
    "insurer",
    "lender",
    "giant",
    "rival",
    "website",
    "band",
    "singer",
    "actress",
    "actor",
    "director",
    "producer",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "coach",
    "manager",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "chief",
    "minister",
    "president",
    "leader",
    "analyst",
    "economist",
    "author",
    "novelist",
    "writer",
    "rapper",
    "player",
    "captain",
    "champion",
    "brand",
    "label",
    "studio",
    "publisher",
    "newspaper",
    "magazine",
    "agency",
    "subsidiary",
    "developer",
    "chain",
    "supermarket",
    "club",
    "bourse",
    "conglomerate",
    "unit",
    "winger",
    "forward",
    "skipper",
    "prop",
    "hooker",
    "seed",
];
static ROLE_LIST: WordList = WordList::new(ROLES);

/// `Samsung, sendo and Siemens`, `Google, copernic, Enfish`: an item of a
/// list whose previous item is a name.
fn in_list<'t>(prev: Option<&Word>, w: &Word, next: impl Fn() -> Option<&'t str>) -> bool {
    let Some(p) = prev else { return false };
    if p.seq + 1 != w.seq || !p.plain || !p.chunk.ends_with(',') || !name_chunk(p.chunk) {
        return false;
    }
    let ends_item = w.chunk.ends_with([',', '.']) && w.chunk.len() == w.text.len() + 1;
    ends_item || (!w.punct_after && next().is_some_and(|n| n == "and" || n == "or"))
}

/// `p` is a capitalised name right before `w`: `Nicolas claquin`.
pub(super) fn name_before(p: &Word, w: &Word) -> bool {
    next_to(p, w) && p.plain && name_chunk(p.text)
}

/// `p` comes right before `w`, one space and no punctuation between them.
fn next_to(p: &Word, w: &Word) -> bool {
    p.seq + 1 == w.seq && !p.punct_after
}

/// `p` is a capitalised personal name right before `w` (`Estelle
/// morris`), not a place or nationality (`Japanese yen`).
pub(super) fn person_before(p: &Word, w: &Word) -> bool {
    name_before(p, w)
        && !lexicon::lookup(&p.text.to_ascii_lowercase())
            .is_some_and(|e| matches!(e.class, Class::Place | Class::Country))
}

/// `p` is a capitalised title right before `w`: `Lord goldsmith`.
pub(super) fn title_before(p: &Word, w: &Word) -> bool {
    p.seq + 1 == w.seq && !p.punct_after && p.plain && NAME_TITLE_LIST.contains(p.text)
}

/// Capitalised titles that stand before a name (`Lord Rennard`, `Foreign
/// Secretary Jack Straw`); written in lowercase they are ordinary words.
const NAME_TITLES: &[&str] = &[
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "President",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Senator",
    "Sen",
    "Rep",
    "Governor",
    "General",
    "Gen",
    "Captain",
    "Capt",
    "Colonel",
    "Col",
    "Lieutenant",
    "Lt",
    "Sergeant",
    "Sgt",
    "Admiral",
    "Judge",
    "Justice",
    "Professor",
    "Reverend",
    "Rev",
    "Father",
    "Sister",
    "Brother",
    "Saint",
    "Uncle",
    "Aunt",
    "Chancellor",
    "Minister",
    "Secretary",
    "Commissioner",
    "Inspector",
    "Detective",
    "Constable",
    "Mayor",
    "Ambassador",
    "Chairman",
    "Coach",
    "Director",
];
static NAME_TITLE_LIST: WordList = WordList::new(NAME_TITLES);

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Lowercase words that are no names though no dictionary lists them.
const NOT_NAMES: &[&str] = &[
    "capt", "prof", "sgt", "insp", "supt", "cllr", "govt", "dept", "corp", "bros", "assn", "natl",
    "intl", "mgmt", "approx", "feat", "vers", "pres", "gonna", "wanna", "gotta", "kinda", "sorta",
    "dunno", "lemme", "gimme", "innit",
    // programming words that follow capitalised identifiers (`the Config
    // struct`)
    "struct", "structs", "enum", "enums", "impl", "impls", "expr", "async", "await", "stdin",
    "stdout", "stderr", "config", "codegen", "misc", "syscall", "syscalls", "distro", "distros",
    "repo", "repos", "args", "bool", "init", "func", "param", "params", "regex", "json", "yaml",
    "rustc", "rustup", "sudo", "cmake",
];
static NOT_NAME_LIST: WordList = WordList::new(NOT_NAMES);

/// True when `word` is, or is made of, English words: ordinary, inflected,
/// compound, prefixed or one slip away from one.
pub(super) fn english_like(word: &str) -> bool {
    if PARTICLE_LIST.contains(word)
        || NOT_NAME_LIST.contains(word)
        || lexicon::is_ordinary(word)
        || lexicon::is_rare_word(word)
    {
        return true;
    }
    inflected(word) || compound(word) || misspelt(word) || extra_letter(word)
}

/// `olds`, `trojans`, `implementors`: an ordinary word with an ending.
fn inflected(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "s", "es", "ed", "d", "ing", "er", "ers", "or", "ors", "ly", "ness", "ism", "ist", "ists",
    ];
    ENDINGS.iter().any(|e| {
        word.strip_suffix(e).is_some_and(|stem| {
            // `shared` is `share` + `d`, `sheard` no `shear` + `d`; a
            // three-letter stem (`ben` + `ing`) is too easy a match.
            stem.len() >= 4 && (*e != "d" || stem.ends_with('e')) && lexicon::is_ordinary(stem)
        })
    })
}

/// `frontman`, `hardcourt`, `reoffending`: two ordinary words (eight
/// letters or more), or a prefix and an ordinary word.
fn compound(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "re", "un", "non", "pre", "post", "anti", "pro", "co", "de", "dis", "mis", "out", "over",
        "under", "sub", "super", "inter", "multi", "semi", "mega", "micro", "cyber", "e",
    ];
    if PREFIXES.iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|r| r.len() >= 3 && known(r))
    }) {
        return true;
    }
    // Short words split too easily (`wins` + `let`).
    word.len() >= 8
        && (3..word.len().saturating_sub(2)).any(|i| {
            word.is_char_boundary(i) && lexicon::is_ordinary(&word[..i]) && known(&word[i..])
            // `frontman`, but not `Sheerman`, `Emmerson`: a three-letter
            // tail only after a common head.
            && (word.len() - i >= 4 || COMMON_HEADS.contains(&&word[..i]))
        })
}

/// Heads of English compounds with a short tail (`frontman`, `popstars`).
const COMMON_HEADS: &[&str] = &[
    "front", "band", "pop", "web", "home", "work", "post", "team", "hard", "back", "over", "down",
];

/// An ordinary or rare word, or one with a plural or verb ending.
fn known(word: &str) -> bool {
    lexicon::is_ordinary(word) || lexicon::is_rare_word(word) || inflected(word)
}

/// `finsihed` (two letters swapped) or `daugher` (one letter left out):
/// a misspelt ordinary word. Only from seven letters: shorter names are
/// too often one slip from a word (`bening`, `dimon`, `presse`).
fn misspelt(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 7 || b.len() >= lexicon::MAX_WORD_LEN {
        return false;
    }
    let mut buf = [0u8; lexicon::MAX_WORD_LEN];
    // Swapped neighbours.
    for i in 0..b.len() - 1 {
        if b[i] == b[i + 1] {
            continue;
        }
        let t = &mut buf[..b.len()];
        t.copy_from_slice(b);
        t.swap(i, i + 1);
        if std::str::from_utf8(t).is_ok_and(lexicon::is_ordinary) {
            return true;
        }
    }
    // One letter missing.
    for i in 1..=b.len() {
        for c in b'a'..=b'z' {
            let t = &mut buf[..b.len() + 1];
            t[..i].copy_from_slice(&b[..i]);
            t[i] = c;
            t[i + 1..].copy_from_slice(&b[i..]);
            if std::str::from_utf8(t).is_ok_and(lexicon::is_ordinary) {
                return true;
            }
        }
    }
    false
}

/// `ledgendary`: an ordinary word with one letter too many. Only from
/// eight letters: shorter names are too often a word with a letter added.
fn extra_letter(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 8 || b.len() > lexicon::MAX_WORD_LEN || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; lexicon::MAX_WORD_LEN];
    (0..b.len()).any(|i| {
        // Deleting either letter of a double gives the same word.
        if i > 0 && b[i] == b[i - 1] {
            return false;
        }
        let t = &mut buf[..b.len() - 1];
        t[..i].copy_from_slice(&b[..i]);
        t[i..].copy_from_slice(&b[i + 1..]);
        std::str::from_utf8(t).is_ok_and(lexicon::is_ordinary)
    })
}

/// A chunk that reads as a capitalised name (`Nicolas`, `France`,
/// `Kunplome,`): ASCII letters, three or more, no quote or bracket before
/// it, and a name in the lexicon (even a familiar one that is also a word:
/// `Mark`, not `The`) or no ordinary word.
fn name_chunk(chunk: &str) -> bool {
    let word = chunk.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    let (word, _) = split_possessive(word);
    if word.len() < 3 || word.len() > lexicon::MAX_WORD_LEN || !is_titlecase(word) {
        return false;
    }
    if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    match lexicon::lookup_folded(word) {
        Some(Folded::Entry(e)) => !matches!(e.class, Class::Acronym | Class::Ambiguous),
        Some(Folded::Unknown) => true,
        Some(Folded::Ordinary) | None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::english_like;
    use crate::rules::testing::{assert_fix, assert_fix_in_one_pass, assert_keep};

    const ID: &str = super::ID;

    /// A run of unknown names after a name is fixed in one pass: each name
    /// fixed is evidence for the next (fuzzing found such a run fixed one
    /// word per pass until the passes ran out).
    #[test]
    fn run_of_names_in_one_pass() {
        assert_fix_in_one_pass(
            ID,
            "They met Nicolas claquin fridida fjida in Lyon on Monday.\n",
            "They met Nicolas Claquin Fridida Fjida in Lyon on Monday.\n",
        );
    }

    /// The mirror: a run of unknown names before a name, each fixed only
    /// once the word after it was (fuzzing found this one per pass too).
    #[test]
    fn run_of_names_before_a_name_in_one_pass() {
        assert_fix_in_one_pass(
            ID,
            "They met fjida fridida claquin Nicolas in Lyon.\n",
            "They met Fjida Fridida Claquin Nicolas in Lyon.\n",
        );
        // The sweep stops at the first word that stays.
        assert_fix_in_one_pass(
            ID,
            "We saw the fridida claquin Nicolas there.\n",
            "We saw the Fridida Claquin Nicolas there.\n",
        );
        assert_keep(ID, "They met fjida, fridida claquin.\n");
    }

    #[test]
    fn names_next_to_names() {
        assert_fix(
            ID,
            "It rose, said Nicolas claquin, an analyst.\n",
            "It rose, said Nicolas Claquin, an analyst.\n",
        );
        assert_fix(
            ID,
            "The tourism minister sontaya Kunplome spoke.\n",
            "The tourism minister Sontaya Kunplome spoke.\n",
        );
    }

    #[test]
    fn english_words_next_to_names_stay() {
        assert_keep(ID, "The Nirvana frontman and his Beatles bandmates sang.\n");
        assert_keep(ID, "Sir Alex said Rooney finsihed well.\n");
        assert_keep(ID, "Ask Capt Smith, aka Smudge, or Juan della Rovere.\n");
        assert_keep(
            ID,
            "Berlin reoffending rates fell as Merkel outsprinted rivals.\n",
        );
        assert_keep(ID, "Microsoft said Windows may change.\n");
        assert_keep(ID, "Ferrari does well on hardcourt Sundays.\n");
    }

    #[test]
    fn names_after_roles() {
        assert_fix(
            ID,
            "It sold a stake to Italian bank mediobanca for cash.\n",
            "It sold a stake to Italian bank Mediobanca for cash.\n",
        );
        assert_keep(ID, "The firm annouced that the band rehearsed.\n");
    }

    #[test]
    fn lists_of_names() {
        assert_fix(
            ID,
            "Phones from Samsung, sendo and Siemens.\n",
            "Phones from Samsung, Sendo and Siemens.\n",
        );
        assert_keep(ID, "In Paris, cafes and bistros close.\n");
        assert_keep(ID, "Ask Google, duh.\n");
    }

    #[test]
    fn no_context_no_fix() {
        assert_keep(ID, "The claquin was small.\n");
        assert_keep(ID, "She said, Nicolas. claquin is later.\n");
    }

    #[test]
    fn english_like_words() {
        for w in [
            "frontman",
            "bandmates",
            "reoffending",
            "finsihed",
            "daugher",
            "ledgendary",
            "trojans",
        ] {
            assert!(english_like(w), "{w}");
        }
        for w in ["claquin", "sontaya", "kunplome", "winslet", "zellweger"] {
            assert!(!english_like(w), "{w}");
        }
    }
}
