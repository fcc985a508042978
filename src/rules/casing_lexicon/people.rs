//! Surnames that are also English words (`brown`, `straw`, `falconer`),
//! fixed where the document proves them: it writes the word after an
//! honorific elsewhere (`Mr Brown`), and here the word follows a given name
//! (`Gordon brown`) or a title (`Lord falconer`).
//!
//! Neither half is enough alone: `Mr Brown` does not make every `brown` a
//! name, and `Gordon brown` could be a colour in a document about someone
//! else. Together they leave no doubt. The mirror case, a lowercase given
//! name before a known surname (`jack Straw`), is left alone: most familiar
//! given names are also nouns and verbs (`a key Blair ally`, `I hope Clive
//! plays`), and a document's honorifics cannot tell them apart.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::edit::{Edit, Fix};
use crate::lexicon::{self, Class, WordHasher};
use crate::rules::casing::{Word, capitalize_first, is_titlecase, split_possessive};
use crate::sentence::Position;

use super::evidence::is_honorific;
use super::{ID, PARTICLE_LIST};

/// ('b', "rown"): a word's lowercase first letter and the rest as written,
/// so `Brown` and `brown` share a key without allocating.
type Key<'a> = (u8, &'a str);

/// Surnames and candidates of one document, gathered in the lexicon rule's
/// single walk over the words: the evidence may come after the slip
/// (`Gordon brown … Mr Brown`), so candidates are judged at the end.
#[derive(Default)]
pub(super) struct People<'a> {
    surnames: HashSet<Key<'a>, BuildHasherDefault<WordHasher>>,
    /// Lowercase words right after a capitalised word: the word before,
    /// the word's start and its base.
    candidates: Vec<(Word<'a>, usize, &'a str)>,
}

impl<'a> People<'a> {
    /// Every word, in order: a capitalised word right after an honorific
    /// outside headings is a surname (`Mr Brown`, `Lord Falconer`).
    pub(super) fn observe(&mut self, prev: Option<&Word<'a>>, w: &Word<'a>) {
        let Some(p) = prev else { return };
        // A word without capitals ends here, before the honorific test.
        if w.lower || p.seq + 1 != w.seq || w.heading || !w.plain || !is_honorific(p.chunk) {
            return;
        }
        let base = split_possessive(w.text).0;
        if base.len() < 3 || !base.is_ascii() || !is_titlecase(base) {
            return;
        }
        let mut buf = [0u8; lexicon::MAX_WORD_LEN];
        if base.len() <= buf.len() {
            let b = &mut buf[..base.len()];
            b.copy_from_slice(base.as_bytes());
            b.make_ascii_lowercase();
            // A title after a title (`Lord Chancellor`) is no surname.
            if std::str::from_utf8(b).is_ok_and(lexicon::is_common_lowercase) {
                return;
            }
        }
        self.surnames
            .insert((base.as_bytes()[0].to_ascii_lowercase(), &base[1..]));
    }

    /// A lowercase word no other test fixed: `Gordon brown`, if the
    /// document turns out to write `Mr Brown`.
    pub(super) fn candidate(&mut self, prev: Option<&Word<'a>>, w: &Word<'a>) {
        // Cheap filters first: this is asked of most lowercase words.
        let Some(p) = prev else { return };
        // `p.lower` first: it turns away most words without reading text.
        if p.lower || p.seq + 1 != w.seq || !p.plain || !p.text.as_bytes()[0].is_ascii_uppercase() {
            return;
        }
        let (base, _) = split_possessive(w.text);
        if base.len() < 3
            || base.len() > lexicon::MAX_WORD_LEN
            || !base.bytes().all(|c| c.is_ascii_lowercase())
        {
            return;
        }
        self.candidates.push((*p, w.start, base));
    }

    /// The word at `start` was fixed after all: no longer a candidate.
    pub(super) fn forget(&mut self, start: usize) {
        if let Some(i) = self.candidates.iter().rposition(|c| c.1 == start) {
            self.candidates.remove(i);
        }
    }

    /// Fix the candidates whose word the document writes as a surname.
    pub(super) fn finish(self, out: &mut Vec<Fix>) {
        if self.surnames.is_empty() {
            return;
        }
        for (p, start, base) in self.candidates {
            if !self.surnames.contains(&(base.as_bytes()[0], &base[1..]))
                || !given_or_honorific(&p)
                || PARTICLE_LIST.contains(base)
                || lexicon::is_common_lowercase(base)
            {
                continue;
            }
            out.push(Fix::new(
                ID,
                "capitalise the name as the document writes it",
                Edit::replace(start..start + base.len(), capitalize_first(base)),
            ));
        }
    }
}

/// `Gordon`, `Alex`, `Lord`: a given name or an honorific, right before.
/// A name that is also an ordinary word (`Jack`, `Rose`) counts only in
/// the middle of a sentence, where its capital is its own.
fn given_or_honorific(p: &Word) -> bool {
    if is_honorific(p.chunk) {
        return true;
    }
    if p.punct_after || !is_titlecase(p.text) || p.text.len() > lexicon::MAX_WORD_LEN {
        return false;
    }
    let mut buf = [0u8; lexicon::MAX_WORD_LEN];
    let b = &mut buf[..p.text.len()];
    b.copy_from_slice(p.text.as_bytes());
    b.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(b) else {
        return false;
    };
    let mid = p.pos == Position::Mid && !p.line_start;
    match lexicon::lookup(lower) {
        Some(e) => match e.class {
            Class::Given => true,
            Class::Name => !lexicon::is_ordinary(lower),
            Class::Familiar => mid && !lexicon::is_common_lowercase(lower),
            _ => false,
        },
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_keep};

    const ID: &str = super::ID;

    #[test]
    fn given_name_before_a_known_surname() {
        assert_fix(
            ID,
            "Mr Brown spoke. Labour MPs criticised Tony Blair and Gordon brown on Monday.\n",
            "Mr Brown spoke. Labour MPs criticised Tony Blair and Gordon Brown on Monday.\n",
        );
        assert_fix(
            ID,
            "Mr Straw left. He said Jack straw's remark was right.\n",
            "Mr Straw left. He said Jack Straw's remark was right.\n",
        );
        // The proof may come after the slip.
        assert_fix(
            ID,
            "Labour backed Gordon brown. Later Mr. Brown's aides met.\n",
            "Labour backed Gordon Brown. Later Mr. Brown's aides met.\n",
        );
        assert_fix(
            ID,
            "Lord Falconer spoke. Later Lord falconer said there were 22 members.\n",
            "Lord Falconer spoke. Later Lord Falconer said there were 22 members.\n",
        );
    }

    #[test]
    fn no_proof_no_change() {
        // No honorific in the document: `brown` may be a colour.
        assert_keep(
            ID,
            "Gordon Brown spoke. Then Gordon brown rice was served.\n",
        );
        // An honorific, but no given name next to the word.
        assert_keep(ID, "Mr Brown wore a brown suit and a straw hat.\n");
        // A lowercase given name before a known surname: often a noun.
        assert_keep(
            ID,
            "Sir Clive left. I hope Clive and a key Blair ally stay.\n",
        );
        // `Will` at a sentence start is no name.
        assert_keep(ID, "Mr Green won. Will green energy pay?\n");
        // Words common in lowercase stay, and titles are no surnames.
        assert_keep(ID, "Mrs May spoke. Theresa may go.\n");
        assert_keep(ID, "The Lord Chancellor spoke. Gordon chancellor?\n");
        // A heading is no proof.
        assert_keep(ID, "Mr Brown Returns\nGordon brown rice was served.\n");
    }
}
