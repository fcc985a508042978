//! Abbreviations, initials and other tokens whose period does not end a
//! sentence. Shared by the spacing rules (no space is inserted after such a
//! period) and the casing rules (the next word does not start a sentence).

use crate::lexicon::WordList;

/// Lowercase abbreviations, without their final period, after which a
/// capitalised word usually does not start a sentence: titles and honorifics,
/// common Latin and English shortenings, months, days and address words.
const ABBREVIATIONS: &[&str] = &[
    // titles and honorifics
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "rev", "hon", "gen", "lt", "col",
    "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep", "pres", "supt", "insp",
    "det", "fr", "msgr", "sra", "srta", "mme", "mlle", "messrs", "esq",
    // Latin and general
    "e.g", "i.e", "etc", "vs", "v", "cf", "al", "approx", "ca", "viz", "ibid", "op", "no", "nos",
    "vol", "vols", "fig", "figs", "p", "pp", "para", "ch", "sec", "ed", "eds", "est", "dept",
    "div", "inc", "ltd", "co", "corp", "plc", "bros", "llc", "assn", "univ", "mt", "ft", "ave",
    "blvd", "rd", "hwy", "apt", "tel", "ext", "min", "max", "avg", "misc", "ref", "esp",
    // months and days
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    // time and degrees
    "a.m", "p.m", "b.a", "m.a", "ph.d", "m.d", "b.sc", "m.sc", "ll.b", "d.c", "u.s", "u.k", "u.n",
    "e.u", "u.s.a",
];

/// True when `token` (the text before a period, without that period) is a
/// known abbreviation, a single letter (an initial: `J.`), or a run of
/// letters separated by periods (`U.S`, `e.g`, `J.R.R`).
pub fn is_abbreviation(token: &str) -> bool {
    let t = token.trim_start_matches(['(', '[', '"', '\'', '\u{201C}', '\u{2018}']);
    if t.is_empty() {
        return false;
    }
    let mut chars = t.chars();
    let first = chars.next().expect("non-empty");
    if first.is_alphabetic() && chars.next().is_none() {
        return true; // an initial
    }
    if t.contains('.')
        && t.split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
    {
        return true; // U.S, e.g, Ph.D, J.R.R
    }
    if t.len() > 6 || !t.is_ascii() {
        return false;
    }
    // Asked for every word before a period: lowercased on the stack and
    // looked up in a set, not allocated and compared with each entry.
    static LIST: WordList = WordList::new(ABBREVIATIONS);
    let mut buf = [0u8; 6];
    let lower = &mut buf[..t.len()];
    lower.copy_from_slice(t.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| LIST.contains(l))
}

#[cfg(test)]
mod tests {
    use super::is_abbreviation;

    #[test]
    fn abbreviations() {
        for t in [
            "Mr", "Dr", "U.S", "e.g", "i.e", "J", "J.R.R", "Ph.D", "No", "St", "a.m", "(e.g", "Jan",
        ] {
            assert!(is_abbreviation(t), "{t}");
        }
    }

    #[test]
    fn ordinary_words() {
        for t in ["ended", "quickly", "Paris", "2022", "", "U.S.-led"] {
            assert!(!is_abbreviation(t), "{t}");
        }
    }
}
