//! What a document says about its own names, gathered once per document and
//! only when a rule first asks: the words it capitalises in the middle of a
//! sentence (`Blair`, `Nokia`), and which chunks are honorifics (`Mr`,
//! `Lord`) whose next word is a surname.
//!
//! The lexicon cannot tell `nokia-sponsored` from a code word with a
//! hyphen, but a document that writes `Nokia` mid-sentence has told us. The
//! set holds lowercase-first keys that borrow from the text, so building it
//! allocates only the table, and a lowercase word looks up without
//! allocating.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::document::Document;
use crate::lexicon::WordHasher;
use crate::rules::casing::{is_titlecase, scan, split_possessive};
use crate::sentence::Position;

type Key<'a> = (u8, &'a str);
type KeySet<'a> = HashSet<Key<'a>, BuildHasherDefault<WordHasher>>;

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
    capitals: Option<KeySet<'a>>,
}

impl<'d, 'a> Evidence<'d, 'a> {
    pub(super) fn new(doc: &'d Document<'a>) -> Self {
        Evidence {
            doc,
            capitals: None,
        }
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
