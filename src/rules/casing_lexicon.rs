//! Proper nouns from the lexicon: `friday`, `ukraine’s`, `paris`, `nato`,
//! `u.s.`, `new york`, `south America` get their capitals back.
//!
//! English only. A word is fixed when the lexicon knows it only as a name or
//! an acronym. Words that are also ordinary (`may`, `march`, `china`,
//! `bill`) are fixed only with proof: a month next to a day or a year
//! (`may 5`, `30 march`, `in march 2022`) or closing a phrase such as
//! `in august.`. Multiword names are fixed as a whole when the sequence
//! matches (`new york`, `harry potter`). In a hyphenated word only a name
//! at its head is fixed, with proof (`anglo-American`, `paris-based`: see
//! `compound`). Headings, words next to digits, URLs and code are never
//! touched.

use crate::document::Document;
use crate::edit::{Edit, Fix};
use crate::lexicon::{self, Class, Folded, Phrase, WordList};
use crate::rule::{Rule, RuleDoc};
use crate::sentence::Position;

use super::casing::{Word, capitalize_first, is_titlecase, split_possessive};
use crate::words::scan_with_prev;

mod compound;
mod context;
mod evidence;
mod names;
mod people;
mod sweep;

use context::{country_context, is_determiner, month_context};
use sweep::Run;

pub struct LexiconCase;

pub(super) const ID: &str = "proper-noun-case";

static DOC: RuleDoc = RuleDoc {
    summary: "Capitalise names, places, days, months and acronyms written in lowercase",
    details: "Words the embedded lexicon (SCOWL, WordNet, CLDR, GeoNames and a short \
              hand-written list) knows only as names are capitalised (`friday`, `paris`, \
              `ukraine’s`), acronyms are upper-cased (`nato`, `u.s.`), and multiword names are \
              fixed as a whole (`new york`, `south America`). Words that are also ordinary \
              words (`may`, `march`, `china`, `bill`) are fixed only when the context proves a \
              date (`may 5`, `30 march`, `in march 2022`). A name heading a hyphenated word \
              is fixed before a capitalised part or a participle (`anglo-American`, \
              `paris-based`). Heading lines, words next to digits, URLs and code are left \
              alone.",
    fixes: &[
        (
            "Putin issued a stark warning friday, after the paris summit.\n",
            "Putin issued a stark warning Friday, after the Paris summit.\n",
        ),
        (
            "He said ukraine’s ties with nato grew.\n",
            "He said Ukraine’s ties with NATO grew.\n",
        ),
        (
            "Talks began in march 2022 in new york.\n",
            "Talks began in March 2022 in New York.\n",
        ),
        (
            "Shares in anglo-American and a paris-based bank rose.\n",
            "Shares in Anglo-American and a Paris-based bank rose.\n",
        ),
    ],
    keeps: &[
        "You may march on, said Bill about the china.\n",
        "Talks in Paris\n",
        "See china-blue cups at www.paris.fr and @paris.\n",
        "The separatists in eastern Ukraine, the US and the Senior Fellow.\n",
    ],
};

const MONTHS: &[&str] = &["May", "March", "August"];

impl Rule for LexiconCase {
    fn id(&self) -> &'static str {
        ID
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn english_only(&self) -> bool {
        true
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let text = doc.text();
        // Words already fixed as part of a phrase end before this offset.
        let mut covered = 0usize;
        let mut ev = evidence::Evidence::new(doc);
        let mut people = people::People::default();
        // The word this pass fixed last, and its new text: a name it turns
        // into is evidence for the word after it, as it will be on the next
        // pass (`Nicolas claquin dupont`), so a run of names is fixed in one
        // pass instead of one name per pass.
        let mut fixed: Option<(usize, String)> = None;
        // The mirror of `fixed`: the unfixed words right before this one, so
        // a name fixed now is evidence for the word before it, and that one
        // for the word before it (`friiafrida fridaa Frida`), in this pass.
        let mut run = Run::default();
        scan_with_prev(doc, |p, w| {
            let just_fixed = fixed.take();
            let p_new = just_fixed
                .as_ref()
                .filter(|(start, _)| p.is_some_and(|p| p.start == *start))
                .map(|(_, t)| t.as_str());
            people.observe(p, w);
            if w.heading || w.start < covered || !w.plain {
                run.words.clear();
                if !w.heading && w.start >= covered {
                    out.extend(compound::hyphen_head(w, &mut ev));
                }
                return;
            }
            let before = out.len();
            if let Some(end) = fix_phrase(text, w, out) {
                covered = end;
                if let Some(i) =
                    (before..out.len()).find(|&i| out[i].edits[0].range.start == w.start)
                {
                    let e = out[i].edits[0].clone();
                    run.sweep(text, e.range, &e.replacement, out, &mut people);
                }
                run.words.clear();
                return;
            }
            let mut hopeful = false;
            match fix_word(text, p, p_new, w, None, &mut hopeful) {
                Some(fix) => {
                    let e = &fix.edits[0];
                    fixed = Some((w.start, e.replacement.to_string()));
                    let e = e.clone();
                    out.push(fix);
                    run.sweep(text, e.range, &e.replacement, out, &mut people);
                }
                None => {
                    people.candidate(p, w);
                    if hopeful {
                        run.push(p.copied(), p_new, w);
                    } else {
                        run.words.clear();
                    }
                }
            }
        });
        people.finish(out);
    }
}

/// proper-noun-case's reading of `w` with the texts its neighbours get in
/// this pass (consensus-case asks it of the words beside a name it
/// capitalises): a fix only when those texts make it, not one this rule
/// makes anyway.
pub(super) fn fix_beside(
    text: &str,
    prev: Option<&Word>,
    prev_new: Option<&str>,
    w: &Word,
    next_new: Option<&str>,
) -> Option<Fix> {
    if w.heading || !w.plain {
        return None;
    }
    let mut hopeful = false;
    let with = fix_word(text, prev, prev_new, w, next_new, &mut hopeful)?;
    fix_word(text, prev, None, w, None, &mut hopeful)
        .is_none()
        .then_some(with)
}

/// Quick filter before any hashing: a lowercase word of plausible length.
#[inline]
fn candidate(w: &Word) -> bool {
    let b = w.text.as_bytes();
    w.lower
        && b.len() >= 2
        && b.len() <= lexicon::MAX_WORD_LEN + 3
        && (b[0].is_ascii_lowercase() || b[0] >= 0x80)
}

/// `prev_new`: the text `prev` gets from a fix of this pass, if any;
/// `next_new`: the same for the chunk after `w`. `hopeful` is set when a
/// word left alone might be fixed if the chunk after it became a name.
#[inline(always)]
fn fix_word(
    text: &str,
    prev: Option<&Word>,
    prev_new: Option<&str>,
    w: &Word,
    next_new: Option<&str>,
    hopeful: &mut bool,
) -> Option<Fix> {
    if !candidate(w) {
        return None;
    }
    let (base, suffix) = split_possessive(w.text);
    if let Some(fix) = after_title(prev, w, base) {
        return Some(fix);
    }
    let folded = lexicon::classify(base);
    // Most words end here, before anything else is set up.
    if matches!(folded, Folded::Ordinary) {
        return None;
    }
    let next = || next_new.or_else(|| next_chunk(text, w.end()));
    let entry = match folded {
        Folded::Entry(e) => e,
        Folded::Ordinary => return None,
        Folded::Unknown => {
            if !names::may_be_name(base) {
                return None;
            }
            *hopeful = !w.punct_after;
            return names::between_names(prev, prev_new, w, next, base);
        }
    };
    let ok = match entry.class {
        Class::Name | Class::Place | Class::Acronym => true,
        Class::Ambiguous | Class::Familiar | Class::Given if MONTHS.contains(&entry.form) => {
            month_context(text, prev, w)
        }
        Class::Country => country_context(text, prev, w, suffix),
        // `sir Phil Watts`, `tony Blair`, `peter Hain`: a title or given
        // name before a name; `Lord goldsmith`: a familiar name after a
        // title.
        Class::Ambiguous | Class::Familiar | Class::Given => {
            *hopeful =
                !w.punct_after && (entry.class == Class::Given || matches!(base, "sir" | "dame"));
            ((entry.class == Class::Given || matches!(base, "sir" | "dame"))
                && !w.punct_after
                && next().is_some_and(|n| {
                    surname_like(n, entry.class == Class::Given)
                        // `jack Straw`, `robin Cook`: any capitalised word
                        // after a given name that is no everyday word.
                        || (entry.class == Class::Given
                            && capitalised_word(n)
                            && !prev.is_some_and(|p| {
                                p.seq + 1 == w.seq && is_determiner(&p.chunk.to_ascii_lowercase())
                            }))
                }))
                || (matches!(entry.class, Class::Given | Class::Familiar)
                    && !lexicon::is_common_lowercase(base)
                    && prev.is_some_and(|p| names::title_before(p, w)))
                // `Estelle morris`: a given name used as a surname.
                || (entry.class == Class::Given && prev.is_some_and(|p| names::person_before(p, w)))
        }
    };
    if !ok {
        return None;
    }
    let message = match entry.class {
        Class::Acronym => "write the acronym in capitals",
        _ => "capitalise the name",
    };
    Some(Fix::new(
        ID,
        message,
        Edit::replace(w.start..w.end(), format!("{}{suffix}", entry.form)),
    ))
}

/// Titles that always precede a name: the word after them is a name, even
/// when its lowercase form is an ordinary word (`Mr brown`, `Ms lynch`).
const TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Sir", "Dame", "Messrs",
    "Messrs.",
];
static TITLE_LIST: WordList = WordList::new(TITLES);

/// Lowercase particles of surnames.
pub(crate) const PARTICLES: &[&str] = &[
    "da", "de", "del", "della", "der", "den", "des", "di", "do", "dos", "das", "du", "la", "le",
    "van", "von", "ter", "ten", "af", "al", "el", "bin", "ibn", "bint", "ben", "y", "zu",
];
pub(crate) static PARTICLE_LIST: WordList = WordList::new(PARTICLES);

/// `Mr brown` → `Mr Brown`.
fn after_title(prev: Option<&Word>, w: &Word, base: &str) -> Option<Fix> {
    let p = prev?;
    // Every title is capitalised: a lowercase word before is none, and
    // most words are lowercase, so this turns them away before the list.
    if p.seq + 1 != w.seq
        || p.lower
        || !TITLE_LIST.contains(p.chunk)
        || base.len() < 2
        || base.contains('.')
    {
        return None;
    }
    if PARTICLE_LIST.contains(base) {
        return None; // `Mr da Silva`, `Mr de Vabres`
    }
    if let Some(e) = lexicon::lookup(base)
        && e.class == Class::Acronym
    {
        return None;
    }
    Some(Fix::new(
        ID,
        "capitalise the name after a title",
        Edit::replace(w.start..w.start + base.len(), capitalize_first(base)),
    ))
}

/// The next chunk reads as a surname: capitalised, and a name (a place
/// only after a given name: `peter Jackson`, but `eastern Ukraine` stays),
/// a word the lexicon does not know as ordinary, or a Gaelic surname
/// (`McCormick`, `O'Sullivan`).
fn surname_like(chunk: &str, place_ok: bool) -> bool {
    let word = chunk.trim_end_matches(|c: char| !c.is_alphabetic());
    let (word, _) = split_possessive(word);
    if !word.is_ascii() || word.len() > lexicon::MAX_WORD_LEN {
        return false;
    }
    if !is_titlecase(word) {
        return ["Mc", "Mac", "O'", "O’"].iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.len() >= 3 && is_titlecase(rest))
        });
    }
    match lexicon::lookup_folded(word) {
        Some(Folded::Entry(e)) => e.class == Class::Name || (place_ok && e.class == Class::Place),
        Some(Folded::Unknown) => true,
        Some(Folded::Ordinary) | None => false,
    }
}

/// A capitalised word of three letters or more, ending the chunk or
/// followed by light punctuation: `Straw`, `Cook,`.
fn capitalised_word(chunk: &str) -> bool {
    let word = chunk.trim_end_matches([',', '.', ';', ':']);
    let (word, _) = split_possessive(word);
    if word.len() < 3 || word.len() > 16 || !is_titlecase(word) {
        return false;
    }
    let mut buf = [0u8; 16];
    let b = &mut buf[..word.len()];
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    // `stormy Lords exchanges`: a house-style capital is no surname.
    std::str::from_utf8(b).is_ok_and(|l| {
        l.bytes().all(|c| c.is_ascii_lowercase()) && !lexicon::is_common_lowercase(l)
    })
}

/// The chunk after one space at `at`, if the text continues that way.
pub(super) fn next_chunk(text: &str, at: usize) -> Option<&str> {
    let rest = text[at..].strip_prefix(' ')?;
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Match a multiword name starting at `w`; push one fix per word whose case
/// differs and return the end of the match.
fn fix_phrase(text: &str, w: &Word, out: &mut Vec<Fix>) -> Option<usize> {
    // A lowercase first word starts a phrase fix, and so does a capitalised
    // ordinary word mid-sentence (`the United states`); after a capitalised
    // name (`Indian ocean`, `Palestinian territories`) the lowercase rest is
    // a style, not damage.
    let mut buf = [0u8; lexicon::MAX_WORD_LEN];
    let key = if candidate(w) {
        w.text
    } else if w.pos == Position::Mid && is_titlecase(w.text) && w.text.len() <= buf.len() {
        let b = &mut buf[..w.text.len()];
        b.copy_from_slice(w.text.as_bytes());
        b.make_ascii_lowercase();
        // The fingerprint first: most capitalised words start no phrase,
        // and those need no UTF-8 check of the lowered bytes.
        if !lexicon::may_start_phrase(b) {
            return None;
        }
        match std::str::from_utf8(b) {
            Ok(k)
                if !lexicon::phrases(k).is_empty()
                    && lexicon::lookup(k)
                        .is_none_or(|e| matches!(e.class, Class::Ambiguous | Class::Familiar))
                    && lexicon::is_ordinary(k) =>
            {
                k
            }
            _ => return None,
        }
    } else {
        return None;
    };
    let phrases = lexicon::phrases(key);
    if phrases.is_empty() {
        return None;
    }
    for ph in phrases {
        if let Some(end) = apply_phrase(text, w, ph, out) {
            return Some(end);
        }
    }
    None
}

fn apply_phrase(text: &str, w: &Word, ph: &Phrase, out: &mut Vec<Fix>) -> Option<usize> {
    // Collect the words of the text that line up with the phrase: the
    // ones after `w` first, so the many texts that differ at the next
    // word allocate nothing.
    let mut spans = Vec::new();
    let mut at = w.end();
    for want in ph.rest.split(' ') {
        let rest = text[at..].strip_prefix(' ')?;
        let start = at + 1;
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '.'))
            .unwrap_or(rest.len());
        let (got, _) = split_possessive(rest[..len].trim_end_matches('.'));
        if !got.eq_ignore_ascii_case(want) {
            return None;
        }
        // The next character must end the word (no `new yorker`, no hyphen).
        let after = &rest[got.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
            return None;
        }
        spans.push((start, start + got.len()));
        at = start + got.len();
    }
    spans.insert(0, (w.start, w.end()));
    let forms: Vec<&str> = ph.form.split(' ').collect();
    if forms.len() != spans.len() {
        return None;
    }
    let written: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    // Only fix a phrase someone wrote in lowercase or half capitalised; a
    // phrase in another deliberate style (`NEW YORK`) is kept.
    let deliberate = written
        .iter()
        .zip(&forms)
        .any(|(x, f)| x != f && x.chars().any(char::is_uppercase) && !is_titlecase(x));
    if deliberate {
        return Some(at);
    }
    for ((s, e), form) in spans.iter().zip(&forms) {
        let (base, _) = split_possessive(&text[*s..*e]);
        if base != *form {
            out.push(Fix::new(
                ID,
                "capitalise the name",
                Edit::replace(*s..*s + base.len(), *form),
            ));
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::context::is_day_or_year;
    use crate::rules::testing::{assert_fix, assert_keep};

    const ID: &str = super::ID;

    /// `after_title` turns lowercase words away before the title list.
    #[test]
    fn titles_are_capitalised() {
        for t in super::TITLES {
            assert!(t.as_bytes()[0].is_ascii_uppercase(), "{t}");
        }
        assert_fix(ID, "Mr. smith spoke.\n", "Mr. Smith spoke.\n");
        assert_fix(ID, "Dr jones spoke.\n", "Dr Jones spoke.\n");
    }

    #[test]
    fn names_and_acronyms() {
        assert_fix(
            ID,
            "They met in vladivostok.\n",
            "They met in Vladivostok.\n",
        );
        assert_fix(
            ID,
            "Officials in berlin and warsaw met in january.\n",
            "Officials in Berlin and Warsaw met in January.\n",
        );
        assert_fix(
            ID,
            "He said the u.s. would respond.\n",
            "He said the U.S. would respond.\n",
        );
        assert_fix(
            ID,
            "She lived in south America.\n",
            "She lived in South America.\n",
        );
        assert_fix(
            ID,
            "West and east Germany merged.\n",
            "West and East Germany merged.\n",
        );
        assert_fix(ID, "I like harry potter.\n", "I like Harry Potter.\n");
        assert_keep(
            ID,
            "Islands in the Indian ocean and the Palestinian territories.\n",
        );
        assert_fix(
            ID,
            "How many died in world war II?\n",
            "How many died in World War II?\n",
        );
    }

    #[test]
    fn names_in_context() {
        assert_fix(
            ID,
            "He met Mr brown and ms lynch.\n",
            "He met Mr Brown and Ms Lynch.\n",
        );
        assert_fix(
            ID,
            "It was chaired by sir Phil Watts.\n",
            "It was chaired by Sir Phil Watts.\n",
        );
        assert_keep(ID, "Bank of England governor Mervyn King spoke.\n");
        assert_fix(ID, "Then tony Blair spoke.\n", "Then Tony Blair spoke.\n");
        assert_keep(ID, "A robin Sang.\n");
        assert_keep(ID, "Mr da Silva met Mr van der Veer.\n");
        assert_keep(ID, "Yes, sir. Brown rice is fine.\n");
        assert_fix(
            ID,
            "A claim by peter Hain and Lord goldsmith.\n",
            "A claim by Peter Hain and Lord Goldsmith.\n",
        );
        // Names that are verbs with an object stay verbs.
        assert_keep(ID, "They tried to rob Dallaglio and sue Microsoft.\n");
        assert_keep(ID, "Smith will Google it and may Skype Jones.\n");
    }

    #[test]
    fn countries_need_a_place() {
        assert_fix(
            ID,
            "Exports to japan were up and china's grew.\n",
            "Exports to Japan were up and China's grew.\n",
        );
        assert_fix(ID, "He lives in chile.\n", "He lives in Chile.\n");
        assert_keep(ID, "The china's broken and the turkey is in the oven.\n");
        assert_keep(ID, "Tea served in china cups.\n");
        assert_fix(
            ID,
            "Consumers - china, India, Japan - and growth in japan evaporated.\n",
            "Consumers - China, India, Japan - and growth in Japan evaporated.\n",
        );
        assert_keep(ID, "The plates, china, glass and turkey, cooked.\n");
    }

    #[test]
    fn months_need_proof() {
        assert_fix(
            ID,
            "Between march 15 and august 27.\n",
            "Between March 15 and August 27.\n",
        );
        assert_fix(
            ID,
            "That ends from 30 may 2022.\n",
            "That ends from 30 May 2022.\n",
        );
        assert_fix(ID, "It was bought last may.\n", "It was bought last May.\n");
        assert_keep(ID, "Prices may rise and troops march in.\n");
        assert_keep(ID, "It was an august gathering.\n");
    }

    #[test]
    fn guards() {
        assert_keep(ID, "He works at paris-themes.com and china-made firms.\n");
        assert_keep(ID, "Visit www.paris.fr or email paris@example.com.\n");
        assert_keep(ID, "Putin warns troops in ukraine\n");
        assert_keep(ID, "Go south three blocks and turn left.\n");
        assert_keep(ID, "The west coast of Scotland is rainy.\n");
        assert_keep(ID, "Use python and linux tools.\n");
        assert_keep(ID, "NEW YORK is loud.\n");
    }

    #[test]
    fn days_and_years() {
        for t in ["5", "31,", "5th", "2022", "2022."] {
            assert!(is_day_or_year(t), "{t}");
        }
        for t in ["0", "32", "12345", "5pm", "two"] {
            assert!(!is_day_or_year(t), "{t}");
        }
    }

    #[test]
    fn real_article() {
        assert_fix(
            ID,
            "Putin issued a stark warning friday, declaring that ukraine’s ties matter.\n",
            "Putin issued a stark warning Friday, declaring that Ukraine’s ties matter.\n",
        );
    }
}
