//! What a document says about its own names, gathered once per document and
//! only when a rule first asks: the words it writes after an honorific
//! (`Mr Brown`, `Lord Falconer`: surnames) and the words it capitalises in
//! the middle of a sentence (`Blair`, `Nokia`).
//!
//! The lexicon cannot tell `brown` the colour from `Brown` the chancellor,
//! but a document that writes `Mr Brown` has told us which one it means
//! when `Gordon brown` appears in it. Both sets hold lowercase-first keys
//! that borrow from the text, so building them allocates only the table,
//! and a lowercase word looks up without allocating.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::document::Document;
use crate::lexicon::{self, Fnv};
use crate::rules::casing::{Word, is_titlecase, scan, split_possessive};
use crate::sentence::Position;

type Key<'a> = (u8, &'a str);
type KeySet<'a> = HashSet<Key<'a>, BuildHasherDefault<Fnv>>;

/// Honorifics that stand only before a person's name: the capitalised word
/// after one is a name in this document.
const HONORIFICS: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Dr",
    "Dr.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Prof",
    "Prof.",
    "Professor",
];

pub(super) fn is_honorific(chunk: &str) -> bool {
    // Asked of every word while the surnames are gathered.
    chunk.len() <= 9
        && matches!(chunk.as_bytes()[0], b'M' | b'D' | b'S' | b'L' | b'B' | b'P')
        && HONORIFICS.contains(&chunk)
}

/// Document evidence, built on first use.
pub(super) struct Evidence<'d, 'a> {
    doc: &'d Document<'a>,
    surnames: Option<KeySet<'a>>,
    capitals: Option<KeySet<'a>>,
}

impl<'d, 'a> Evidence<'d, 'a> {
    pub(super) fn new(doc: &'d Document<'a>) -> Self {
        Evidence {
            doc,
            surnames: None,
            capitals: None,
        }
    }

    /// The document writes `lower` capitalised right after an honorific
    /// (`Mr Brown` for `brown`).
    pub(super) fn is_surname(&mut self, lower: &str) -> bool {
        let Some(k) = lower_key(lower) else {
            return false;
        };
        let doc = self.doc;
        self.surnames
            .get_or_insert_with(|| surnames(doc))
            .contains(&k)
    }

    /// The document writes `lower` capitalised in the middle of a sentence,
    /// outside headings (`Blair` for `blair-era`).
    pub(super) fn is_capitalised(&mut self, lower: &str) -> bool {
        let Some(k) = lower_key(lower) else {
            return false;
        };
        let doc = self.doc;
        self.capitals
            .get_or_insert_with(|| capitals(doc))
            .contains(&k)
    }
}

/// ('b', "rown") for `brown`; only ASCII words are keyed.
fn lower_key(lower: &str) -> Option<Key<'_>> {
    let b = lower.as_bytes();
    (b.len() >= 2 && lower.is_ascii()).then(|| (b[0], &lower[1..]))
}

/// ('b', "rown") for `Brown`.
fn title_key(word: &str) -> Option<Key<'_>> {
    let b = word.as_bytes();
    (b.len() >= 2 && word.is_ascii() && is_titlecase(word))
        .then(|| (b[0].to_ascii_lowercase(), &word[1..]))
}

fn surnames<'a>(doc: &Document<'a>) -> KeySet<'a> {
    let mut set = KeySet::default();
    let mut prev: Option<Word<'a>> = None;
    scan(doc, |w| {
        let p = prev.replace(*w);
        let Some(p) = p else { return };
        if p.seq + 1 != w.seq || w.heading || !w.plain || !is_honorific(p.chunk) {
            return;
        }
        let base = split_possessive(w.text).0;
        // A title after a title (`Lord Chancellor`) is no surname.
        if lexicon::is_common_lowercase(&base.to_ascii_lowercase()) {
            return;
        }
        if let Some(k) = title_key(base) {
            set.insert(k);
        }
    });
    set
}

fn capitals<'a>(doc: &Document<'a>) -> KeySet<'a> {
    let mut set = KeySet::default();
    scan(doc, |w| {
        if w.heading || !w.plain || w.pos != Position::Mid || w.line_start {
            return;
        }
        if let Some(k) = title_key(split_possessive(w.text).0) {
            set.insert(k);
        }
    });
    set
}

#[cfg(test)]
mod tests {
    use super::Evidence;
    use crate::document::{Document, ParagraphStyle};

    #[test]
    fn surnames_after_honorifics() {
        let doc = Document::new(
            "Mr Brown spoke. Then Lord Falconer and Mr. Straw's aide left.\nMr Heading\n",
            ParagraphStyle::Auto,
            true,
        );
        let mut ev = Evidence::new(&doc);
        for w in ["brown", "falconer", "straw"] {
            assert!(ev.is_surname(w), "{w}");
        }
        for w in ["spoke", "then", "aide", "heading", "b"] {
            assert!(!ev.is_surname(w), "{w}");
        }
    }

    #[test]
    fn capitals_mid_sentence() {
        let doc = Document::new(
            "Nokia rose. Shares in Blair's firm fell.\nA Heading Line\n",
            ParagraphStyle::Auto,
            true,
        );
        let mut ev = Evidence::new(&doc);
        assert!(ev.is_capitalised("blair"));
        assert!(!ev.is_capitalised("nokia"));
        assert!(!ev.is_capitalised("heading"));
        assert!(!ev.is_capitalised("shares"));
    }
}
