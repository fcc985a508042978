//! Names at the head of hyphenated compounds: `anglo-American`,
//! `henin-Hardenne`, `paris-based`, `blair-era` get their capital back.
//!
//! Only the first part is judged, and only when the compound itself or the
//! document proves the name, because hyphenated words are where code and
//! crate names live (`const-generic`, `tokio-util`):
//! - before a capitalised part (`anglo-American`, `kilroy-Silk`) a head the
//!   lexicon knows only as a name or place, or one that is no English word
//!   (`henin`, not `anti`, `un`, `mid`);
//! - before a participle or another word that makes an adjective of a name
//!   (`-based`, `-born`, `-era`, `-style`): a place the lexicon knows only
//!   as a place (`paris`), or a name the document capitalises elsewhere in
//!   the middle of a sentence (`nokia-sponsored` after `Nokia`).

use crate::edit::{Edit, Fix};
use crate::lexicon::{self, Class};
use crate::rules::casing::{Word, capitalize_first, is_titlecase, split_possessive};

use super::evidence::Evidence;
use super::names::english_like;
use super::{ID, PARTICLE_LIST};

/// The head of a hyphenated chunk, when it is a name written in lowercase.
pub(super) fn hyphen_head(w: &Word, ev: &mut Evidence) -> Option<Fix> {
    let b = w.text.as_bytes();
    if b.len() < 6 || !b[0].is_ascii_lowercase() || !w.text.contains('-') {
        return None;
    }
    // Numbers, URLs, paths, handles and code mark the whole chunk.
    if w.chunk.bytes().any(|c| {
        c.is_ascii_digit() || matches!(c, b'@' | b'#' | b'/' | b'\\' | b'_' | b'=' | b'`' | b'<')
    }) {
        return None;
    }
    let (body, _) = split_possessive(w.text);
    let mut parts = body.split('-');
    let head = parts.next()?;
    let tail = parts.next()?;
    let last = parts.next();
    if parts.next().is_some()
        || head.len() < 3
        || head.len() > lexicon::MAX_WORD_LEN
        || !head.bytes().all(|c| c.is_ascii_lowercase())
        || PARTICLE_LIST.contains(head)
        || lexicon::is_common_lowercase(head)
    {
        return None;
    }
    let letters = |s: &str| s.len() >= 2 && s.bytes().all(|c| c.is_ascii_alphabetic());
    if !letters(tail) || !last.is_none_or(letters) {
        return None;
    }
    let entry = lexicon::lookup(head);
    let ok = if is_titlecase(tail) {
        match entry {
            Some(e) => matches!(e.class, Class::Name | Class::Place),
            None => !english_like(head),
        }
    } else if last.is_none() && adjective_tail(tail) {
        match entry {
            Some(e) if e.class == Class::Place => {
                !lexicon::is_ordinary(head) || ev.is_capitalised(head)
            }
            Some(e) if e.class == Class::Name => ev.is_capitalised(head),
            None => !english_like(head) && ev.is_capitalised(head),
            Some(_) => false,
        }
    } else {
        false
    };
    ok.then(|| {
        Fix::new(
            ID,
            "capitalise the name in the compound",
            Edit::replace(w.start..w.start + head.len(), capitalize_first(head)),
        )
    })
}

/// Second parts that make an adjective of a name before them: participles
/// (`-based`, `-led`, `-nominated`, `-winning`) and a few words that do the
/// same (`-born`, `-era`, `-style`).
fn adjective_tail(tail: &str) -> bool {
    if !tail.bytes().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    (tail.len() >= 3 && tail.ends_with("ed"))
        || (tail.len() >= 6 && tail.ends_with("ing"))
        || matches!(
            tail,
            "born" | "bred" | "made" | "bound" | "era" | "style" | "like" | "wide" | "centric"
        )
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_keep};

    const ID: &str = super::ID;

    #[test]
    fn heads_before_capitalised_parts() {
        assert_fix(
            ID,
            "Shares in anglo-Swedish firm AstraZeneca and anglo-American fell.\n",
            "Shares in Anglo-Swedish firm AstraZeneca and Anglo-American fell.\n",
        );
        assert_fix(
            ID,
            "The champion, Justine henin-Hardenne, is out.\n",
            "The champion, Justine Henin-Hardenne, is out.\n",
        );
        assert_fix(
            ID,
            "A dutch-Moroccan man was held.\n",
            "A Dutch-Moroccan man was held.\n",
        );
    }

    #[test]
    fn prefixes_and_words_stay() {
        assert_keep(
            ID,
            "It was un-American, anti-Western and mid-March, not pre-Christmas.\n",
        );
        assert_keep(ID, "The pro-Russian and non-EU ex-Beatle came.\n");
        assert_keep(ID, "A post-Soviet, all-American, well-Known van-Persie.\n");
    }

    #[test]
    fn places_before_participles() {
        assert_fix(
            ID,
            "The paris-based firm hired a swansea-born actor.\n",
            "The Paris-based firm hired a Swansea-born actor.\n",
        );
        // Ordinary words, numbers, code and URLs stay.
        assert_keep(
            ID,
            "A turkey-based stuffing, a china-made cup and a paris-2024 plan.\n",
        );
        assert_keep(
            ID,
            "Read paris-based/faq.md, @paris-based and `paris-based`.\n",
        );
        // A place before an ordinary word is no adjective of it.
        assert_keep(ID, "We use the paris-theme package.\n");
    }

    #[test]
    fn names_need_the_document() {
        assert_fix(
            ID,
            "Shares in Nokia rose. The nokia-sponsored study said so.\n",
            "Shares in Nokia rose. The Nokia-sponsored study said so.\n",
        );
        assert_keep(ID, "The nokia-sponsored study said so.\n");
        // Code words the lexicon lists as names.
        assert_keep(ID, "It uses const-generic, len-prefixed buffers.\n");
        assert_keep(ID, "Nokia rose. The nokia-sponsored study said so.\n");
    }
}
