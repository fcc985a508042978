//! Document consensus: a name the document itself capitalises mid-sentence
//! (`Yukos`) is capitalised where it slipped to lowercase.
//!
//! English only, and guarded, because unguarded consensus is dangerous: one
//! heading with a capitalised `The` would rewrite every `the`. So evidence
//! counts only words in the middle of a sentence (never a sentence start, a
//! word after a colon, dash or quote, nor a heading line), a lowercase form
//! that is an ordinary word is never changed (`brown`, `south`, `dam`: on
//! the evaluation corpus, fixing names that are also words by consensus
//! changed more correct words than it repaired), and the lowercase spelling
//! must not outnumber the capitalised one.

use crate::document::Document;
use crate::edit::{Edit, Fix};
use crate::lexicon::{self, Class, WordList, WordMap};
use crate::rule::{Rule, RuleDoc};
use crate::sentence::Position;

use super::casing::{Word, capitalize_first, is_titlecase, split_possessive};
use super::casing_lexicon::PARTICLE_LIST;

pub struct ConsensusCase;

const ID: &str = "consensus-case";

static DOC: RuleDoc = RuleDoc {
    summary: "Capitalise a name the same document capitalises elsewhere",
    details: "When a word is written capitalised in the middle of a sentence in a document \
              and lowercase no more often than that, the lowercase occurrences are capitalised \
              — only when the lowercase form is not an ordinary English word, so `bill`, \
              `brown` and `china` are never changed. A capitalised use counts only where it \
              ends a run of capitalised words (`Gordon Lishman`, `Lishman said`), not as the \
              first word of a longer name (`the Motorsport Endeavour Club`). Sentence starts, \
              words after a colon, dash or quote, and heading lines are never counted as \
              evidence.",
    fixes: &[(
        "Shares in Yukos fell. Investors said Yukos would sell assets, and yukos staff left. The \
         court backed Yukos.\n",
        "Shares in Yukos fell. Investors said Yukos would sell assets, and Yukos staff left. The \
         court backed Yukos.\n",
    )],
    keeps: &[
        "The Bill passed. Critics of the Bill said the bill was rushed. The Bill stands.\n",
        "Gordon Brown and Mr Brown got a brown envelope.\n",
        "Yukos fell.\nYukos rose. Then yukos sold.\n",
    ],
};

impl Rule for ConsensusCase {
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
        let words = crate::words::all(doc);
        let mut found = Vec::new();
        judge(&words, &mut found);
        if found.is_empty() {
            return;
        }
        // A name capitalised here is evidence for the unknown words beside
        // it (proper-noun-case's reading), and their new capitals are
        // evidence here for their other uses: decided together, to a fixed
        // point, or the two rules would take turns, one link per pass.
        let text = doc.text();
        // The new text of each word this pass capitalises, by index.
        let mut now: WordMap<usize, String> = WordMap::default();
        for _ in 0..MAX_ROUNDS {
            let mut queue = Vec::new();
            for (i, fix) in found.drain(..) {
                if let std::collections::hash_map::Entry::Vacant(e) = now.entry(i) {
                    e.insert(new_text(&words[i], &fix));
                    queue.push(i);
                    out.push(fix);
                }
            }
            if queue.is_empty() {
                break;
            }
            while let Some(i) = queue.pop() {
                for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
                    let (Some(a), Some(b)) = (words.get(i.min(j)), words.get(i.max(j))) else {
                        continue;
                    };
                    if now.contains_key(&j) || a.seq + 1 != b.seq || a.punct_after {
                        continue;
                    }
                    if let Some(fix) = beside(text, &words, &now, j) {
                        now.insert(j, new_text(&words[j], &fix));
                        queue.push(j);
                        out.push(fix);
                    }
                }
            }
            let seen: Vec<Word> = words
                .iter()
                .enumerate()
                .map(|(i, w)| match now.get(&i) {
                    Some(t) => Word {
                        text: t,
                        lower: false,
                        ..*w
                    },
                    None => *w,
                })
                .collect();
            judge(&seen, &mut found);
        }
    }
}

/// Rounds of consensus and names beside names within one pass; each round
/// that fixes nothing new ends the search, so this bounds only inputs built
/// to chain names without end.
const MAX_ROUNDS: usize = 32;

/// `w`'s text once `fix` is applied.
fn new_text(w: &Word, fix: &Fix) -> String {
    let e = &fix.edits[0];
    let from = e.range.start.saturating_sub(w.start).min(w.text.len());
    let to = e.range.end.saturating_sub(w.start).min(w.text.len());
    format!("{}{}{}", &w.text[..from], e.replacement, &w.text[to..])
}

/// The word at `j`, next to a word this pass capitalises, read as
/// proper-noun-case reads a word next to a name, with its neighbours' new
/// texts; only a fix that this new evidence makes.
fn beside(text: &str, words: &[Word], now: &WordMap<usize, String>, j: usize) -> Option<Fix> {
    let w = &words[j];
    let prev = j.checked_sub(1).map(|k| &words[k]);
    let prev_new = j
        .checked_sub(1)
        .and_then(|k| now.get(&k))
        .map(String::as_str);
    let next_new = words
        .get(j + 1)
        .filter(|n| n.start == w.end() + 1 && n.chunk.starts_with(n.text))
        .and_then(|n| {
            Some(format!(
                "{}{}",
                now.get(&(j + 1))?,
                &n.chunk[n.text.len()..]
            ))
        });
    let fix = super::casing_lexicon::fix_beside(text, prev, prev_new, w, next_new.as_deref())?;
    Some(Fix::new(
        ID,
        "capitalise the name next to a name capitalised as elsewhere in the document",
        fix.edits.into_iter().next()?,
    ))
}

/// One reading of the document: the lowercase words whose capitalised
/// spelling the document vouches for, with their indices.
fn judge(words: &[Word], out: &mut Vec<(usize, Fix)>) {
    // Capitalised mid-sentence uses, keyed by the lowercase first letter
    // and the rest as written, so lowercase words look up without
    // allocating: `Yukos` and `yukos` are both ('y', "ukos"). Counted are
    // the uses that end their run of capitalised words: a surname
    // (`Gordon Lishman`, `Lishman said`), not the first words of a longer
    // name (`Motorsport Endeavour Club`); every capitalised use has a key.
    // Sized for a news article's share of capitalised words, so the
    // maps rarely grow (each growth rehashes every key).
    let expect = words.len() / 16;
    // Per key: the capitalised uses, those alone, and later the lowercase
    // uses, in one list; the map gives a key's place in it, so each
    // lowercase use is looked up once.
    let mut index: WordMap<Key, usize> = map_with_capacity(expect);
    let mut stats: Vec<Stats> = Vec::with_capacity(expect);
    // Two capitalised words in a row (`Gordon Brown`); `true` when the
    // first is mid-sentence too, so it may vouch for its own capital.
    let mut pairs: WordMap<(Key, Key), Pair> = map_with_capacity(expect / 2);
    // Every key of `stats`, for a cheap first test of lowercase words.
    let mut capital_keys = KeyFilter::default();
    for (i, w) in words.iter().enumerate() {
        // A word without capitals is neither evidence nor the second of
        // a capitalised pair: most words end here.
        if w.lower {
            continue;
        }
        if evidence(w)
            && let Some(k) = key(split_possessive(w.text).0)
        {
            capital_keys.insert(k);
            let id = intern(&mut index, &mut stats, k);
            let seen = &mut stats[id];
            let titled =
                |x: Option<&Word>| x.is_some_and(|x| is_titlecase(split_possessive(x.text).0));
            let before = i.checked_sub(1).map(|j| &words[j]);
            let after = words.get(i + 1);
            let titled_after = !w.punct_after && titled(after.filter(|n| w.seq + 1 == n.seq));
            if !titled_after {
                seen.capital += 1;
                if !titled(before.filter(|p| p.seq + 1 == w.seq)) {
                    seen.alone += 1;
                }
            }
        }
        if let Some(p) = i.checked_sub(1).map(|j| &words[j])
            && let Some((pair, first_mid)) = capital_pair(p, w)
        {
            let seen = pairs.entry(pair).or_default();
            seen.count += 1;
            seen.first_mid |= first_mid;
            // The first word may have its capital only from the
            // sentence start; still worth a look.
            capital_keys.insert(pair.0);
            intern(&mut index, &mut stats, pair.0);
        }
    }
    if stats.is_empty() {
        return;
    }
    // Lowercase uses of those words, with their key's place in `stats`.
    let mut lower: Vec<(Key, usize, usize)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.heading || !w.plain || w.pos == Position::Start || !w.lower {
            continue;
        }
        let (base, _) = split_possessive(w.text);
        if base.len() < 3 {
            continue;
        }
        // The filter first: it turns away most words without reading them.
        let Some(k) = key(base).filter(|&k| capital_keys.may_contain(k)) else {
            continue;
        };
        // `don't` is no name; a possessive was split off above.
        if !has_period_or_apostrophe(base)
            && let Some(&id) = index.get(&k)
        {
            stats[id].lower += 1;
            lower.push((k, i, id));
        }
    }
    for &(k, i, id) in &lower {
        let w = &words[i];
        let (base, _) = split_possessive(w.text);
        let seen = &mut stats[id];
        // What depends on the word alone is read once per word.
        let reading = match &seen.reading {
            Some(r) if r.base == base => r,
            _ => seen.reading.insert(Reading::new(base, seen)),
        };
        let message = if reading
            .pair_need
            .is_some_and(|need| in_pair(words, i, k, &pairs, need))
        {
            "capitalise as in the same name elsewhere in the document"
        } else if let Some(message) = reading.alone {
            message
        } else {
            continue;
        };
        out.push((
            i,
            Fix::new(
                ID,
                message,
                Edit::replace(w.start..w.start + base.len(), capitalize_first(base)),
            ),
        ));
    }
}

/// The place of `k`'s counts in `stats`, made on first sight.
fn intern<'a>(
    index: &mut WordMap<Key<'a>, usize>,
    stats: &mut Vec<Stats<'a>>,
    k: Key<'a>,
) -> usize {
    *index.entry(k).or_insert_with(|| {
        stats.push(Stats::default());
        stats.len() - 1
    })
}

/// consensus-case's counts for one key.
#[derive(Default)]
struct Stats<'a> {
    /// Capitalised mid-sentence uses that end their run of capitalised
    /// words.
    capital: usize,
    /// Of those, the ones with no capitalised neighbour (`said Fiat was`,
    /// `Fiat, Ferrari`, not `Burren Energy`): the only evidence for a word
    /// that is also ordinary.
    alone: usize,
    /// Lowercase uses that may be fixed.
    lower: usize,
    /// The reading of the last lowercase word with this key.
    reading: Option<Reading<'a>>,
}

/// What the judgement of a lowercase word takes from the word and its key's
/// counts alone, not from its neighbours.
struct Reading<'a> {
    base: &'a str,
    /// The capitalised pair count that makes it follow a neighbour
    /// ([`in_pair`]); `None` for words that never do.
    pair_need: Option<usize>,
    /// The fix's message when its own counts make it a name.
    alone: Option<&'static str>,
}

impl<'a> Reading<'a> {
    fn new(base: &'a str, seen: &Stats) -> Self {
        let alone = if single(base, seen.capital, seen.lower) {
            Some("capitalise as elsewhere in the document")
        } else if single_ordinary(base, seen.alone, seen.lower) {
            Some("capitalise the name as elsewhere in the document")
        } else {
            None
        };
        Reading {
            base,
            pair_need: pair_need(base),
            alone,
        }
    }
}

/// Single-word evidence: the capitalised uses that end a run of capitalised
/// words (`capital`) must dominate (one use against one slip is enough),
/// the word must be unknown as an ordinary word, and names the lexicon
/// knows are the lexicon rule's business.
fn single(base: &str, capital: usize, lower: usize) -> bool {
    lower * 2 <= capital + 1 && !lexicon::is_ordinary(base) && lexicon::lookup(base).is_none()
}

/// A word that is also ordinary must be a name in the lexicon (`Fiat`,
/// `Rover`, not `Energy`), capitalised on its own at least twice (not only
/// inside longer names such as `Burren Energy`) and three times as often
/// as in lowercase, and never a word common in lowercase (`may`, `bill`).
/// A given name (`Sheila`) needs one capitalised use against one slip.
fn single_ordinary(base: &str, alone: usize, lower: usize) -> bool {
    let given = lexicon::lookup(base).is_some_and(|e| e.class == Class::Given);
    (lower == 1 || lower * 3 <= alone)
        && known_name(base)
        && alone >= if given && lower == 1 { 1 } else { 2 }
        && !lexicon::is_common_lowercase(base)
}

/// The lexicon knows the word as a name that is also an ordinary word.
fn known_name(base: &str) -> bool {
    lexicon::lookup(base)
        .is_some_and(|e| matches!(e.class, Class::Familiar | Class::Given | Class::Country))
}

/// Function words never take a capital from a neighbour (`the Aviator`,
/// `Bank of England`).
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "onto", "upon", "than", "that", "this", "these",
    "those", "their", "its", "his", "her", "our", "your", "are", "was", "were", "has", "have",
    "had", "not", "but", "nor", "yet", "who", "whom", "which", "what", "when", "where", "why",
    "how", "all", "any", "some", "per", "via", "over", "under", "after", "before", "about",
];
static FUNCTION_WORD_LIST: WordList = WordList::new(FUNCTION_WORDS);

/// How often the document writes a pair of words capitalised, and whether
/// the first was ever mid-sentence (so it may vouch for its own capital).
#[derive(Default)]
struct Pair {
    count: usize,
    first_mid: bool,
}

/// Two consecutive capitalised words outside headings, the second
/// mid-sentence: the pair's key and whether the first is mid-sentence too.
fn capital_pair<'a>(p: &Word<'a>, w: &Word<'a>) -> Option<((Key<'a>, Key<'a>), bool)> {
    // A lowercase first word is no title case: most pairs end here.
    if p.lower
        || p.seq + 1 != w.seq
        || p.punct_after
        || p.heading
        || w.heading
        || !p.plain
        || !w.plain
    {
        return None;
    }
    let (a, b) = (p.text, split_possessive(w.text).0);
    if !is_titlecase(a) || !is_titlecase(b) || w.pos != Position::Mid || w.line_start {
        return None;
    }
    let first_mid = p.pos == Position::Mid && !p.line_start;
    Some(((key(a)?, key(b)?), first_mid))
}

/// How many times the document must write a pair capitalised for `base`
/// to follow its neighbour's capital there; `None` for words that never do.
fn pair_need(base: &str) -> Option<usize> {
    // Name particles keep their own case (`Robin van Persie`, `Van Persie`).
    if FUNCTION_WORD_LIST.contains(base)
        || PARTICLE_LIST.contains(base)
        || lexicon::is_common_lowercase(base)
    {
        return None;
    }
    // Generic words inside names (`Xiluodu Dam`, `Labour Party`) are
    // written both ways in careful text: words that are no names themselves
    // (unlike `Gordon Brown`) follow their neighbour only when the document
    // writes the pair capitalised three times (`Internet Explorer`).
    Some(if lexicon::is_ordinary(base) && !known_name(base) {
        3
    } else {
        1
    })
}

/// The lowercase word at `i` (key `k`) sits next to a capitalised word, and
/// the document writes the two together capitalised elsewhere, at least
/// `need` times (see [`pair_need`]): `Gordon brown` after `Gordon Brown`,
/// `lib Dems` after `Lib Dems`.
fn in_pair(
    words: &[Word],
    i: usize,
    k: Key,
    pairs: &WordMap<(Key, Key), Pair>,
    need: usize,
) -> bool {
    let w = &words[i];
    let base = split_possessive(w.text).0;
    let adjacent = |p: &Word, n: &Word| {
        p.seq + 1 == n.seq && !p.punct_after && p.plain && n.plain && is_titlecase_base(p, n, w)
    };
    if let Some(p) = i.checked_sub(1).map(|j| &words[j])
        && adjacent(p, w)
        && let Some(pk) = key(p.text)
        && pairs.get(&(pk, k)).is_some_and(|s| s.count >= need)
    {
        return true;
    }
    if let Some(n) = words.get(i + 1)
        && w.text == base
        && adjacent(w, n)
        && let Some(nk) = key(split_possessive(n.text).0)
        && pairs
            .get(&(k, nk))
            .is_some_and(|s| s.first_mid && s.count >= need)
    {
        return true;
    }
    false
}

/// Of the pair (p, n), the word that is not `w` is capitalised and no
/// function word (`The commission` at a sentence start proves nothing).
fn is_titlecase_base(p: &Word, n: &Word, w: &Word) -> bool {
    let other = split_possessive(if p.start == w.start { n } else { p }.text).0;
    if !is_titlecase(other) || other.len() < 3 || other.len() > 8 {
        return is_titlecase(other) && other.len() > 8;
    }
    let mut buf = [0u8; 8];
    let b = &mut buf[..other.len()];
    b.copy_from_slice(other.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).is_ok_and(|l| !FUNCTION_WORD_LIST.contains(l))
}

type Key<'a> = (char, &'a str);

/// A bit per key fingerprint: most lowercase words of a document are no
/// capitalised word's key, and this tells so without hashing the word.
/// No false negatives: every inserted key tests positive.
struct KeyFilter([u64; 64]);

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter([0; 64])
    }
}

impl KeyFilter {
    /// From the first letter, the length and the last two bytes: words
    /// that share all four are rare enough that few lowercase words pass.
    fn bit((first, rest): Key) -> (usize, u64) {
        let b = rest.as_bytes();
        let tail = match b {
            [.., x, y] => u32::from(*x) << 8 | u32::from(*y),
            [y] => u32::from(*y),
            [] => 0,
        };
        let h = (u32::from(first) ^ (b.len() as u32) << 8 ^ tail << 13).wrapping_mul(0x9e37_79b1);
        let f = (h >> 20) as usize;
        (f / 64, 1 << (f % 64))
    }

    fn insert(&mut self, k: Key) {
        let (i, m) = Self::bit(k);
        self.0[i] |= m;
    }

    fn may_contain(&self, k: Key) -> bool {
        let (i, m) = Self::bit(k);
        self.0[i] & m != 0
    }
}

/// `base` holds a period or an apostrophe (`'` or `’`).
fn has_period_or_apostrophe(base: &str) -> bool {
    base.bytes().any(|b| b == b'.' || b == b'\'') || (!base.is_ascii() && base.contains('’'))
}

fn map_with_capacity<K, V>(n: usize) -> WordMap<K, V> {
    WordMap::with_capacity_and_hasher(n, Default::default())
}

/// Inlined: asked of every lowercase word in the document, and nearly
/// every word starts with an ASCII letter.
#[inline]
fn key(word: &str) -> Option<Key<'_>> {
    match word.as_bytes().first() {
        Some(&b) if b.is_ascii() => Some((char::from(b.to_ascii_lowercase()), &word[1..])),
        _ => key_by_chars(word),
    }
}

/// [`key`] of a word that starts with a non-ASCII letter.
#[cold]
fn key_by_chars(word: &str) -> Option<Key<'_>> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let mut lower = first.to_lowercase();
    let l = lower.next()?;
    if lower.next().is_some() {
        return None;
    }
    Some((l, chars.as_str()))
}

/// A capitalised word outside headings; mid-sentence unless
/// START_EVIDENCE.
const START_EVIDENCE: bool = false;

fn evidence(w: &Word) -> bool {
    !w.heading
        && w.plain
        && w.text.len() >= 3
        && is_titlecase(split_possessive(w.text).0)
        && (START_EVIDENCE || (w.pos == Position::Mid && !w.line_start))
}

#[cfg(test)]
mod tests;
