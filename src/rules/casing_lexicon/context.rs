//! The context that proves a word which is also ordinary is a name: a
//! country where a place fits (`in china,`, `trade with japan.`), a month
//! next to a day or a year (`may 5`, `in march 2022`).

use crate::lexicon::{self, Class};
use crate::rules::casing::{Word, is_titlecase};

use super::next_chunk;

/// Words before a month that, with punctuation after it, prove the month.
const MONTH_LEAD: &[&str] = &[
    "in", "since", "until", "till", "during", "early", "late", "mid", "last", "next", "from",
];

/// Words before a country that ask for a place.
const PLACE_LEAD: &[&str] = &[
    "in",
    "to",
    "from",
    "across",
    "throughout",
    "between",
    "against",
    "into",
    "visit",
    "visits",
    "visited",
    "visiting",
    "including",
    "via",
    "within",
    "outside",
    "towards",
    "toward",
    "beyond",
    "and",
];

/// Words after a country that end its noun phrase (`in china and`, `to
/// japan last`), unlike a noun it would modify (`in china cups`).
const PLACE_TAIL: &[&str] = &[
    "and", "or", "but", "is", "was", "has", "had", "will", "would", "said", "says", "to", "in",
    "on", "for", "with", "as", "at", "by", "from", "which", "where", "since", "after", "last",
    "this", "over", "are", "were", "have", "could", "should", "may", "might", "must", "can",
];

/// `in china,`, `trade with japan.`, `turkey's army`: a country, not a
/// teacup or a bird. Never after an article or possessive (`the china`).
pub(super) fn country_context(text: &str, prev: Option<&Word>, w: &Word, suffix: &str) -> bool {
    let Some(p) = prev.filter(|p| p.seq + 1 == w.seq) else {
        return false;
    };
    let before = p.chunk.to_ascii_lowercase();
    if !suffix.is_empty() {
        return !is_determiner(&before) && !p.punct_after;
    }
    // `China, India, Japan`: an item in a list of places.
    let place = |c: &str| {
        let c = c.trim_end_matches([',', '.', ';', ':']);
        is_titlecase(c)
            && c.len() <= lexicon::MAX_WORD_LEN
            && lexicon::lookup(&c.to_ascii_lowercase())
                .is_some_and(|e| matches!(e.class, Class::Place | Class::Country))
    };
    if (w.chunk.ends_with(',') && next_chunk(text, w.end() + 1).is_some_and(place))
        || (p.chunk.ends_with(',') && place(p.chunk))
    {
        return true;
    }
    if !PLACE_LEAD.contains(&before.as_str()) {
        return false;
    }
    if w.punct_after {
        return true;
    }
    match next_chunk(text, w.end()) {
        None => true,
        // `in japan evaporated`, `in japan yet`: a verb or adverb ends the
        // noun phrase; `in china cups` does not.
        Some(n) => {
            let n = n.trim_end_matches([',', '.', ';', ':']);
            PLACE_TAIL.contains(&n) || n.ends_with("ed") || matches!(n, "yet" | "too" | "now")
        }
    }
}

pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "some"
            | "fine"
            | "bone"
    )
}

/// A day or year next to the month, or `in march.`-style phrase ends.
pub(super) fn month_context(text: &str, prev: Option<&Word>, w: &Word) -> bool {
    let next = next_chunk(text, w.end());
    if !w.punct_after && next.is_some_and(is_day_or_year) {
        return true;
    }
    let Some(p) = prev else { return false };
    if p.seq + 1 != w.seq {
        return false;
    }
    // `30 may`, but not `in 2005 may also slide`.
    if is_day_or_year(p.chunk) && p.chunk.len() <= 4 && !p.chunk.ends_with(['.', ',', ';', ':']) {
        let digits = p.chunk.trim_end_matches(|c: char| c.is_ascii_lowercase());
        if digits.len() <= 2 {
            return true;
        }
    }
    (w.punct_after || next.is_none()) && MONTH_LEAD.contains(&p.chunk)
}

/// `5`, `31,`, `5th`, `2022`, `2022.`: a day of the month or a year.
pub(super) fn is_day_or_year(chunk: &str) -> bool {
    let t = chunk.trim_end_matches(['.', ',', ';', ':', ')']);
    let digits = t.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = &t[digits.len()..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    match digits.len() {
        1 | 2 => {
            matches!(suffix, "" | "st" | "nd" | "rd" | "th")
                && (1..=31).contains(&digits.parse::<u32>().unwrap_or(0))
        }
        4 => suffix.is_empty() && (digits.starts_with('1') || digits.starts_with('2')),
        _ => false,
    }
}
