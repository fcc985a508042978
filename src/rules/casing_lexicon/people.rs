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

use crate::edit::{Edit, Fix};
use crate::lexicon::{self, Class};
use crate::rules::casing::{Word, capitalize_first, is_titlecase, split_possessive};
use crate::sentence::Position;

use super::evidence::{Evidence, is_honorific};
use super::{ID, PARTICLES};

/// `Gordon brown` in a document that writes `Mr Brown`.
pub(super) fn surname(prev: Option<&Word>, w: &Word, ev: &mut Evidence) -> Option<Fix> {
    // Cheap filters first: this is asked of most lowercase words.
    let p = prev
        .filter(|p| p.seq + 1 == w.seq && p.plain && p.text.as_bytes()[0].is_ascii_uppercase())?;
    let (base, _) = split_possessive(w.text);
    if base.len() < 3
        || base.len() > lexicon::MAX_WORD_LEN
        || !base.bytes().all(|c| c.is_ascii_lowercase())
        || !given_or_honorific(p)
        || !ev.is_surname(base)
        || PARTICLES.contains(&base)
        || lexicon::is_common_lowercase(base)
    {
        return None;
    }
    Some(Fix::new(
        ID,
        "capitalise the name as the document writes it",
        Edit::replace(w.start..w.start + base.len(), capitalize_first(base)),
    ))
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
        // Words common in lowercase stay.
        assert_keep(ID, "Mrs May spoke. Theresa may go.\n");
    }
}
