//! The words of a document with their place in the sentence, found once per
//! pass and shared by every rule that reads words (the casing rules).
//!
//! A word is the letters of a whitespace-separated chunk once the quotes and
//! brackets around it are stripped: `“ukraine’s` gives `ukraine’s`. Chunks
//! with digits, hyphens, slashes, `@`, `#`, `_`, URLs or internal capitals
//! (`iPhone`, `eBay`) give no word a rule may change. Heading lines (short,
//! without final punctuation) and code blocks are marked so rules can leave
//! them alone.
//!
//! The scan runs once per document and pass ([`Document::words`]); rules
//! walk the cached list, so adding a word rule costs a loop, not a scan.

use crate::document::{Document, is_blank};
use crate::sentence::{self, Position};

/// One word and its context.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'a> {
    /// Byte offset of the word in the document text.
    pub start: usize,
    /// The word: letters, with apostrophes inside (`i'm`, `ukraine’s`), or a
    /// dotted abbreviation with its final period (`u.s.`).
    pub text: &'a str,
    pub pos: Position,
    /// The word may be changed: it is a plain word of letters, not part of a
    /// hyphenated compound, URL, handle or code, and has no internal capital.
    pub plain: bool,
    /// On a heading line.
    pub heading: bool,
    /// First word on its line, after any opening quotes.
    pub line_start: bool,
    /// Index of the chunk this word came from, counted over the document;
    /// consecutive words have consecutive indices only when nothing but one
    /// space separates them.
    pub seq: usize,
    /// The chunk ended with punctuation after the word (`friday,`).
    pub punct_after: bool,
    /// The whole chunk the word came from (`(i)`, `“paris,”`).
    pub chunk: &'a str,
    /// No letter of the word is uppercase: [`is_lower`] of `text`, found
    /// during the scan so the rules need not walk the word again.
    pub lower: bool,
}

impl Word<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// A line that reads as a heading: at most 15 words and no final punctuation.
pub(crate) fn is_heading(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let body = t.trim_end_matches(sentence::is_closer);
    if body.ends_with(['.', '!', '?', ':', ';', ',', '…']) {
        return false;
    }
    t.split_whitespace().count() <= 15
}

/// Documents up to this size keep their word list between rules (about ten
/// bytes of list per byte of text); larger ones are walked afresh by each
/// rule, so memory stays flat however large one document is.
const CACHE_LIMIT: usize = 4 << 20;

/// Visit every word of `doc` outside code blocks, in order.
pub(crate) fn scan<'a>(doc: &Document<'a>, mut visit: impl FnMut(&Word<'a>)) {
    if doc.text().len() <= CACHE_LIMIT {
        doc.words().iter().for_each(visit);
    } else {
        walk(doc, &mut visit);
    }
}

/// [`scan`], with the word before each (any word, next to it or not): a
/// reference into the cached list, so rules that look back copy nothing.
pub(crate) fn scan_with_prev<'a>(
    doc: &Document<'a>,
    mut visit: impl FnMut(Option<&Word<'a>>, &Word<'a>),
) {
    if doc.text().len() <= CACHE_LIMIT {
        let words = doc.words();
        if let Some(first) = words.first() {
            visit(None, first);
        }
        for pair in words.windows(2) {
            visit(Some(&pair[0]), &pair[1]);
        }
    } else {
        walk_with_prev(doc, visit);
    }
}

/// [`scan_with_prev`] for a document too large to cache.
fn walk_with_prev<'a>(doc: &Document<'a>, mut visit: impl FnMut(Option<&Word<'a>>, &Word<'a>)) {
    let mut prev: Option<Word<'a>> = None;
    walk(doc, &mut |w: &Word<'a>| {
        visit(prev.as_ref(), w);
        prev = Some(*w);
    });
}

/// Every word of `doc` outside code blocks, in order, for rules that look
/// back and forth: the cached list, or for a document too large to cache, a
/// list of its own.
pub(crate) fn all<'d, 'a>(doc: &'d Document<'a>) -> std::borrow::Cow<'d, [Word<'a>]> {
    if doc.text().len() <= CACHE_LIMIT {
        std::borrow::Cow::Borrowed(doc.words())
    } else {
        std::borrow::Cow::Owned(collect(doc))
    }
}

/// Every word of `doc` outside code blocks, in order: what
/// [`Document::words`] caches.
pub(crate) fn collect<'a>(doc: &Document<'a>) -> Vec<Word<'a>> {
    // News averages a chunk per six bytes; a fifth leaves room for the
    // documents with shorter words, so the list is rarely regrown.
    let mut words = Vec::with_capacity(doc.text().len() / 5 + 8);
    walk(doc, &mut |w: &Word<'a>| words.push(*w));
    words
}

fn walk<'a>(doc: &Document<'a>, visit: &mut impl FnMut(&Word<'a>)) {
    let n = doc.lines().len();
    let mut seq = 0usize;
    // Position of the next word; carried across hard-wrapped lines.
    let mut next = Position::Start;
    let wrapped = doc.blank_line_paragraphs();
    for i in 0..n {
        let line = doc.line_text(i);
        if doc.is_code(i) || is_blank(line) {
            next = Position::Start;
            seq += 2;
            continue;
        }
        let continuation =
            wrapped && i > 0 && !is_blank(doc.line_text(i - 1)) && !doc.is_code(i - 1);
        if !continuation {
            next = Position::Start;
        }
        let paragraph_line = !wrapped
            || ((i == 0 || is_blank(doc.line_text(i - 1)))
                && (i + 1 == n || is_blank(doc.line_text(i + 1))));
        let heading = paragraph_line && is_heading(line);
        let base = doc.lines()[i].content.start;
        let mut first = true;
        let mut last_end = usize::MAX;
        let mut prev_quote = false;
        for (off, chunk, letters, ascii) in chunks(line) {
            // A gap wider than one space breaks a phrase.
            seq += if last_end == off.wrapping_sub(1) {
                1
            } else {
                2
            };
            last_end = off + chunk.len();
            if let Some(letters) = letters {
                // Letters only, as most chunks: no list marker, no quote or
                // sentence end after it, and the whole chunk is the word
                // (what the general path below finds for such a chunk).
                let mut pos = std::mem::replace(&mut next, Position::Mid);
                let line_start = std::mem::take(&mut first);
                let after_quote = std::mem::take(&mut prev_quote);
                if pos == Position::Start && after_quote && sentence::is_speech_tag(chunk) {
                    pos = Position::Unknown;
                }
                visit(&Word {
                    start: base + off,
                    text: chunk,
                    pos,
                    plain: !letters.mixed(),
                    heading,
                    line_start,
                    seq,
                    punct_after: false,
                    chunk,
                    lower: letters.lower(),
                });
                continue;
            }
            if first && sentence::is_list_marker(chunk.trim_start_matches(sentence::is_opener)) {
                first = false;
                next = Position::Unknown;
                continue;
            }
            let mut pos = next;
            next = sentence::after(chunk);
            let line_start = first;
            first = false;
            let after_quote = prev_quote;
            prev_quote = sentence::closes_quote_after_period(chunk);
            let found = if ascii {
                word_of_ascii(chunk)
            } else {
                word_of_any(chunk)
            };
            let Some(found) = found else {
                continue;
            };
            if pos == Position::Start && after_quote && sentence::is_speech_tag(found.text) {
                pos = Position::Unknown;
            }
            visit(&Word {
                start: base + off + found.offset,
                text: found.text,
                pos,
                plain: found.plain,
                heading,
                line_start,
                seq,
                punct_after: found.punct_after,
                chunk,
                lower: found.lower,
            });
        }
        // A line break inside a paragraph without punctuation is a wrap.
        if !wrapped {
            next = Position::Start;
        }
    }
}

/// The byte classes of a chunk of ASCII letters: of its first byte and of
/// the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Letters {
    first: u8,
    rest: u8,
}

impl Letters {
    /// A capital after the first letter and a lowercase letter: `iPhone`.
    fn mixed(self) -> bool {
        self.rest & UPPER != 0 && (self.first | self.rest) & LOWER != 0
    }

    fn lower(self) -> bool {
        (self.first | self.rest) & UPPER == 0
    }

    /// A capital after the first letter (`profitQuarterly`).
    pub(crate) fn capital_after_first(self) -> bool {
        self.rest & UPPER != 0
    }
}

/// Whitespace-separated chunks of a line with their byte offsets, and for a
/// chunk of ASCII letters only, their classes.
pub(crate) fn chunks(line: &str) -> Chunks<'_> {
    Chunks { line, pos: 0 }
}

/// The iterator of [`chunks`]: its `next` is inlined into the word scan,
/// which calls it once per chunk.
pub(crate) struct Chunks<'a> {
    line: &'a str,
    pos: usize,
}

impl<'a> Iterator for Chunks<'a> {
    /// The chunk's offset, the chunk, its letter classes when it is ASCII
    /// letters only, and whether it is ASCII.
    type Item = (usize, &'a str, Option<Letters>, bool);

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let line = self.line;
        let start = skip_space(line, self.pos);
        if start >= line.len() {
            self.pos = start;
            return None;
        }
        let (end, first, rest) = chunk_end(line, start);
        self.pos = end;
        let letters = ((first | rest) & (OTHER | SPACE) == 0).then_some(Letters { first, rest });
        let ascii = (first | rest) & NON_ASCII == 0;
        Some((start, &line[start..end], letters, ascii))
    }
}

/// The end of the chunk starting at `pos` (not whitespace), with the
/// classes of its first byte and of the rest OR-ed together; a non-ASCII
/// character counts as [`OTHER`] and [`NON_ASCII`].
#[inline(always)]
fn chunk_end(line: &str, pos: usize) -> (usize, u8, u8) {
    let bytes = line.as_bytes();
    let Some(&b) = bytes.get(pos) else {
        return (pos, SPACE, 0);
    };
    let (first, mut pos) = match BYTE_CLASS[usize::from(b)] {
        NON_ASCII => match non_ascii_class(line, pos) {
            (SPACE, _) => return (pos, SPACE, 0),
            (class, len) => (class, pos + len),
        },
        SPACE => return (pos, SPACE, 0),
        class => (class, pos + 1),
    };
    let mut rest = 0u8;
    // One table lookup and one test per byte: the test lets letters and
    // punctuation through and stops at whitespace and non-ASCII bytes.
    while let Some(&b) = bytes.get(pos) {
        let class = BYTE_CLASS[usize::from(b)];
        if class & (SPACE | NON_ASCII) == 0 {
            rest |= class;
            pos += 1;
            continue;
        }
        if class == SPACE {
            break;
        }
        let (class, len) = non_ascii_class(line, pos);
        if class == SPACE {
            break;
        }
        rest |= class;
        pos += len;
    }
    (pos, first, rest)
}

/// The class of the non-ASCII character at `pos` and its length.
#[cold]
fn non_ascii_class(line: &str, pos: usize) -> (u8, usize) {
    let c = line[pos..].chars().next().unwrap_or(' ');
    let class = if c.is_whitespace() {
        SPACE
    } else {
        OTHER | NON_ASCII
    };
    (class, c.len_utf8())
}

/// The first offset from `pos` that is not whitespace. ASCII bytes are
/// classified by the table; only non-ASCII characters are decoded
/// (`char::is_whitespace`: NBSP, ideographic space…).
#[inline(always)]
fn skip_space(line: &str, mut pos: usize) -> usize {
    let bytes = line.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        match BYTE_CLASS[usize::from(b)] {
            SPACE => pos += 1,
            NON_ASCII => match non_ascii_class(line, pos) {
                (SPACE, len) => pos += len,
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// Bytes that mark a chunk as a URL, handle, code or number: no word in it
/// may be changed.
fn is_marker(b: u8) -> bool {
    matches!(
        b,
        b'@' | b'#'
            | b'/'
            | b'\\'
            | b'_'
            | b'='
            | b'<'
            | b'>'
            | b'&'
            | b'~'
            | b'|'
            | b'$'
            | b'%'
            | b'+'
            | b'0'..=b'9'
    )
}

/// The word found in a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found<'a> {
    /// Byte offset of the word in the chunk.
    offset: usize,
    text: &'a str,
    plain: bool,
    /// Punctuation follows the word in the chunk.
    punct_after: bool,
    /// [`is_lower`] of `text`.
    lower: bool,
}

/// True when every letter of `word` is lowercase (apostrophes and periods
/// allowed).
pub(crate) fn is_lower(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes()
            .all(|c| c.is_ascii_lowercase() || c == b'\'' || c == b'.')
    } else {
        word.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
    }
}

/// Bytes that may open an ASCII chunk before its word.
fn is_ascii_lead(c: u8) -> bool {
    matches!(c, b'"' | b'\'' | b'(' | b'[' | b'{' | b'*' | b'_')
}

/// Bytes that may close an ASCII chunk after its word.
fn is_ascii_trail(c: u8) -> bool {
    matches!(
        c,
        b'"' | b'\'' | b')' | b']' | b'}' | b'*' | b'_' | b'.' | b',' | b';' | b':' | b'!' | b'?'
    )
}

/// Byte classes of [`BYTE_CLASS`].
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const OTHER: u8 = 4;
const SPACE: u8 = 8;
/// A byte of a non-ASCII character: the character decides.
const NON_ASCII: u8 = 16;

/// The class of each byte: an ASCII uppercase or lowercase letter, the
/// whitespace `char::is_whitespace` knows in ASCII, any other ASCII byte,
/// or a byte of a non-ASCII character.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut c = 0;
    while c < 26 {
        t[b'A' as usize + c] = UPPER;
        t[b'a' as usize + c] = LOWER;
        c += 1;
    }
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0b] = SPACE;
    t[0x0c] = SPACE;
    let mut b = 0x80;
    while b < 0x100 {
        t[b] = NON_ASCII;
        b += 1;
    }
    t
};

/// [`word_of`] for an ASCII chunk, byte by byte and in one pass over the
/// word for the common case of letters only: most chunks of English text,
/// and the same answers as the general version.
#[inline(always)]
fn word_of_ascii(chunk: &str) -> Option<Found<'_>> {
    let b = chunk.as_bytes();
    let lead = b.iter().take_while(|&&c| is_ascii_lead(c)).count();
    let core = &b[lead..];
    let trail = core
        .iter()
        .rev()
        .take_while(|&&c| is_ascii_trail(c))
        .count();
    let body = &core[..core.len() - trail];
    if body.is_empty() {
        return None;
    }
    let punct_after = trail > 0;
    let body_str = &chunk[lead..lead + body.len()];
    // Where the word is letters and apostrophes (the only case the marker
    // test decides), the one URL, handle, code or number marker that can be
    // in the chunk is a `_` around the word.
    // (A byte loop: the slices are a few bytes, too short for `memchr`.)
    let marked = b[..lead]
        .iter()
        .chain(&core[body.len()..])
        .any(|&c| c == b'_');
    // Nearly every word is letters only: decided by OR-ing byte classes,
    // without a branch per byte.
    let first = BYTE_CLASS[usize::from(body[0])];
    let rest = body[1..]
        .iter()
        .fold(0, |acc, &c| acc | BYTE_CLASS[usize::from(c)]);
    let all = first | rest;
    if all & OTHER == 0 {
        let mixed = rest & UPPER != 0 && all & LOWER != 0;
        return Some(Found {
            offset: lead,
            text: body_str,
            plain: !marked && !mixed,
            punct_after,
            lower: all & UPPER == 0,
        });
    }
    let mut plain = true;
    let mut prev_apostrophe = true;
    let (mut upper_after_first, mut upper, mut lower) = (false, false, false);
    for (k, &c) in body.iter().enumerate() {
        if c == b'\'' {
            if prev_apostrophe {
                plain = false;
            }
            prev_apostrophe = true;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            return ascii_not_a_word(chunk, lead, body.len(), punct_after);
        }
        if c.is_ascii_uppercase() {
            upper = true;
            upper_after_first |= k > 0;
        } else {
            lower = true;
        }
        prev_apostrophe = false;
    }
    if prev_apostrophe {
        plain = false;
    }
    Some(Found {
        offset: lead,
        text: body_str,
        plain: plain && !marked && !(upper_after_first && lower),
        punct_after,
        lower: !upper,
    })
}

/// [`word_of_ascii`] for a body with a byte other than a letter or an
/// apostrophe: a dotted abbreviation (`u.s.`) or no plain word.
#[cold]
fn ascii_not_a_word(
    chunk: &str,
    lead: usize,
    body_len: usize,
    punct_after: bool,
) -> Option<Found<'_>> {
    let core = &chunk.as_bytes()[lead..];
    let body = &core[..body_len];
    if body.contains(&b'.') {
        if core.get(body_len) != Some(&b'.') {
            return None;
        }
        let with_dot_len = body_len + 1;
        let with_dot = &chunk[lead..lead + with_dot_len];
        let dotted = with_dot
            .split_terminator('.')
            .all(|p| p.len() == 1 && p.as_bytes()[0].is_ascii_alphabetic());
        return dotted.then(|| Found {
            offset: lead,
            text: with_dot,
            plain: true,
            punct_after: core.len() > with_dot_len,
            lower: is_lower(with_dot),
        });
    }
    let text = &chunk[lead..lead + body_len];
    Some(Found {
        offset: lead,
        text,
        plain: false,
        punct_after,
        lower: is_lower(text),
    })
}

/// [`word_of`] for any chunk.
fn word_of_any(chunk: &str) -> Option<Found<'_>> {
    let found = |offset, text, plain, punct_after| Found {
        offset,
        text,
        plain,
        punct_after,
        lower: is_lower(text),
    };
    let core = chunk.trim_start_matches(sentence::is_opener);
    let lead = chunk.len() - core.len();
    let body = core.trim_end_matches(|c: char| {
        sentence::is_closer(c) || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…')
    });
    if body.is_empty() {
        return None;
    }
    let punct_after = body.len() < core.len();
    // Dotted abbreviations keep their final period: `u.s.`.
    if body.contains('.') {
        // The period after the body, if any (a closing quote may follow
        // instead: `end.Registrars’`).
        if !core[body.len()..].starts_with('.') {
            return None;
        }
        let with_dot = &core[..body.len() + 1];
        let dotted = with_dot
            .split_terminator('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
        return dotted.then(|| found(lead, with_dot, true, core.len() > with_dot.len()));
    }
    // URL, handle, code and number markers.
    let mut plain = !chunk.bytes().any(is_marker);
    let mut prev_apostrophe = true; // no apostrophe first
    let mut saw_upper_after_first = false;
    for (k, c) in body.char_indices() {
        if c == '\'' || c == '’' {
            if prev_apostrophe {
                plain = false;
            }
            prev_apostrophe = true;
            continue;
        }
        if !c.is_alphabetic() {
            // Hyphens, digits or symbols inside: not one word.
            return Some(found(lead, body, false, punct_after));
        }
        if k > 0 && c.is_uppercase() {
            saw_upper_after_first = true;
        }
        prev_apostrophe = false;
    }
    if prev_apostrophe {
        plain = false;
    }
    // `iPhone`, `eBay`, `McDonald`: someone chose those capitals.
    let mixed = saw_upper_after_first && body.chars().any(char::is_lowercase);
    Some(found(lead, body, plain && !mixed, punct_after))
}

#[cfg(test)]
mod tests;
