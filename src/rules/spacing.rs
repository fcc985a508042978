//! Spacing around punctuation: the space lost after `, ; : . ! ?` when
//! scraped text is flattened (`peace,reiterating`), and the stray space
//! before them (`on Tuesday .`).
//!
//! Punctuation is only sentence punctuation inside prose tokens: numbers,
//! abbreviations, addresses, file names, code, identifiers, emoticons and
//! ellipses keep their spacing (see [`crate::text`]). A closing quote or
//! bracket right after the punctuation stays attached to it (`peace,” Putin`).
//! Where a glued sentence end might instead be a lost paragraph break, the
//! paragraph rules decide (`super::paragraph::sentence_glue`); this module
//! only inserts spaces where they say "space".

use crate::abbrev::is_abbreviation;
use crate::document::Document;
use crate::edit::{Edit, Fix};
use crate::rule::{Rule, RuleDoc};
use crate::text::{
    CLOSERS, OPENERS, PROSE_TOKEN_LIMIT, char_at, char_before, find_bytes, is_address, is_cjk,
    is_code_like, is_domain_or_file, is_emoticon_at, is_scheme, is_tld_or_extension,
    straight_quote_closes, straight_quote_reading, token_bounds, token_end, token_longer_than,
    token_start, word_at,
};

use super::paragraph::{Glue, sentence_glue};

/// Where the next word starts after punctuation at `p` (byte offset of the
/// punctuation in `line`): the insertion point for the space (after a
/// closing quote, before an opening one) and the first letter of the next
/// word. `None` when no word follows directly, or when a straight quote
/// between them cannot be read (see [`straight_quote_reading`]);
/// `next_quoted` tells whether the next paragraph opens with a quote.
fn next_word(line: &str, p: usize, next_quoted: bool) -> Option<(usize, usize)> {
    let mut k = p + 1;
    let c = char_at(line, k)?;
    // Only , . ! ? end inside a quotation; after : and ; a quote opens.
    let may_close = matches!(line.as_bytes()[p], b',' | b'.' | b'!' | b'?');
    if may_close && CLOSERS.contains(&c) {
        let closes = match c {
            '"' => straight_quote_reading(line, k, next_quoted)?,
            '\'' => opened_single_quote(&line[crate::text::scan_floor(line, k)..k]),
            _ => true,
        };
        if closes {
            k += c.len_utf8();
        }
    }
    let c = char_at(line, k)?;
    if c.is_alphabetic() {
        return Some((k, k));
    }
    if OPENERS.contains(&c) {
        if c == '"' && straight_quote_reading(line, k, next_quoted) != Some(false) {
            return None;
        }
        let l = k + c.len_utf8();
        if char_at(line, l).is_some_and(char::is_alphabetic) {
            return Some((k, l));
        }
    }
    None
}

/// Whether the paragraph after line `li` opens with a straight quote, where a
/// quotation left open at the end of this one continues. Looks past a few
/// blank lines only, so each line costs a bounded look-up.
fn next_paragraph_quoted(doc: &Document, li: usize) -> bool {
    (li + 1..doc.lines().len())
        .take(4)
        .map(|i| doc.line_text(i).trim_start())
        .find(|t| !t.is_empty())
        .is_some_and(|t| t.starts_with('"'))
}

/// True when `before` holds a single quote that opens a quotation (at the
/// start of a word) and has not been closed.
fn opened_single_quote(before: &str) -> bool {
    let b = before.as_bytes();
    let mut open = false;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\'' {
            let prev_space = i == 0 || b[i - 1].is_ascii_whitespace() || b[i - 1] == b'(';
            if prev_space {
                open = true;
            } else if open && !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                open = false;
            }
        }
    }
    open
}

/// The prose checks every punctuation site shares: the character before is
/// part of a word (letter, digit, `%`, closing quote or bracket), the token is
/// not an address or code, and no CJK character touches the site. Callers
/// pass only sites whose whitespace-free run is within [`PROSE_TOKEN_LIMIT`].
/// `bounds`: where spaces the same pass inserts around the site go (see
/// [`clipped_token`]).
fn prose_site(line: &str, p: usize, letter: usize, bounds: Bounds) -> bool {
    let Some(prev) = char_before(line, p) else {
        return false;
    };
    if !(prev.is_alphanumeric() || prev == '%' || CLOSERS.contains(&prev)) || is_cjk(prev) {
        return false;
    }
    if char_at(line, letter).is_some_and(is_cjk) {
        return false;
    }
    debug_assert!(
        !token_longer_than(line, p, PROSE_TOKEN_LIMIT),
        "callers judge only sites in runs within the prose limit"
    );
    let tok = clipped_token(line, p, bounds);
    if is_address(tok) || is_code_like(tok) {
        // `…/news/?id=k3p2,which were`: an address ends at a comma followed
        // by a common English word that ends the token.
        return line.as_bytes()[p] == b',' && clause_word_ends_token(line, letter);
    }
    true
}

/// Where spaces inserted by the same pass end the token around a site: one
/// goes in at `floor` (before the site) and one at `ceil` (after it), so the
/// next pass sees the token between them. `Bounds::NONE` for a site judged
/// on the text as it is.
#[derive(Clone, Copy)]
struct Bounds {
    floor: usize,
    ceil: usize,
}

impl Bounds {
    const NONE: Bounds = Bounds {
        floor: 0,
        ceil: usize::MAX,
    };
}

/// The whitespace-delimited token around `p`, cut at `bounds`.
fn clipped_token(line: &str, p: usize, bounds: Bounds) -> &str {
    let start = token_start(line, p).max(bounds.floor);
    let end = token_end(line, p).min(bounds.ceil).max(start);
    &line[start..end]
}

/// The sites of one line, judged the way the passes to come would judge them
/// after this one: `judge(p, bounds)` gives the insertion point for the
/// punctuation at byte `p` (one of `marks`), or `None`.
///
/// Judging a site looks at its whole token, and a space inserted next to it
/// splits that token. Left to right, each site sees the spaces accepted
/// before it (`ended.Then.He` in one pass). A site whose token reaches a
/// space accepted after it is then judged again, right to left, with that
/// space in place (`%!]I%!]I;i`): without that second sweep such a chain
/// took one pass per site and ran out of passes. Both sweeps are linear in
/// the line, and the second runs only on lines with a fix.
fn line_sites(
    line: &str,
    marks: &[u8],
    mut judge: impl FnMut(usize, Bounds) -> Option<usize>,
) -> Vec<usize> {
    let mut accepted = Vec::new();
    let mut floor = 0;
    // The whitespace-free run of the last site, measured once for all its
    // marks: those of a run longer than the prose limit get no judge.
    let mut run = 0..0;
    let mut prose = true;
    let bytes = line.as_bytes();
    for p in find_bytes(bytes, marks) {
        // A mark before whitespace or at the end of the line has its space
        // (no judge finds a word right after it): most marks end here.
        if bytes.get(p + 1).is_none_or(|n| n.is_ascii_whitespace()) {
            continue;
        }
        if p >= run.end {
            run = token_bounds(line, p);
            prose = run.len() <= PROSE_TOKEN_LIMIT;
        }
        if !prose {
            continue;
        }
        if let Some(at) = judge(
            p,
            Bounds {
                floor,
                ceil: usize::MAX,
            },
        ) {
            accepted.push(at);
            floor = at;
        }
    }
    if accepted.is_empty() {
        return accepted;
    }
    let mut set: std::collections::BTreeSet<usize> = accepted.into_iter().collect();
    // Right to left: where the next whitespace is, and the accepted spaces.
    let mut next_ws = line.len();
    for (p, c) in line.char_indices().rev() {
        if c.is_whitespace() {
            next_ws = p;
            continue;
        }
        if !c.is_ascii() || !marks.contains(&(c as u8)) {
            continue;
        }
        let Some(&ceil) = set.range(p + 1..).next() else {
            continue;
        };
        // Already fixed, or a token the later space does not reach.
        if ceil >= next_ws
            || line.as_bytes()[p + 1..ceil]
                .iter()
                .all(|b| !marks.contains(b))
        {
            continue;
        }
        let floor = set.range(..=p).next_back().copied().unwrap_or(0);
        if let Some(at) = judge(p, Bounds { floor, ceil }) {
            set.insert(at);
        }
    }
    set.into_iter().collect()
}

/// Words that start a clause after a comma and never end an address.
const CLAUSE_WORDS: &[&str] = &[
    "which",
    "where",
    "who",
    "whose",
    "when",
    "while",
    "and",
    "but",
    "or",
    "the",
    "then",
    "although",
    "though",
    "because",
    "since",
    "including",
    "according",
    "said",
    "says",
    "as",
];

fn clause_word_ends_token(line: &str, letter: usize) -> bool {
    let w = word_at(line, letter);
    CLAUSE_WORDS.contains(&w) && char_at(line, letter + w.len()).is_none_or(char::is_whitespace)
}

pub struct SpaceAfterComma;

static COMMA_DOC: RuleDoc = RuleDoc {
    summary: "Insert the missing space after a comma followed by a word",
    details: "A comma glued to the next word (`peace,reiterating`) is the commonest trace of \
flattened HTML. A space is inserted after the comma, or after the closing quote or bracket that \
follows it (`peace,”Putin` → `peace,” Putin`). Numbers (`3,000`), addresses, code, text \
between CJK characters, and runs of more than 128 bytes without a space (data, not prose) are \
left alone. Language-neutral: every Latin-script language spaces after a comma.",
    fixes: &[
        (
            "He urged lasting peace,reiterating his position.\n",
            "He urged lasting peace, reiterating his position.\n",
        ),
        (
            "“I do not see any sense in it,full stop,”Putin stated.\n",
            "“I do not see any sense in it, full stop,” Putin stated.\n",
        ),
    ],
    keeps: &[
        "It cost 3,000 euros, or 1,000,000 yen.\n",
        "Call foo(a,b) or see https://example.com/a,b today.\n",
        "严禁采摘花、果、叶，挖掘树根,草药。\n",
    ],
};

impl Rule for SpaceAfterComma {
    fn id(&self) -> &'static str {
        "space-after-comma"
    }
    fn doc(&self) -> &'static RuleDoc {
        &COMMA_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        for (li, l) in doc.lines().iter().enumerate() {
            let line = doc.line_text(li);
            if !line.contains(',') || doc.is_code(li) {
                continue;
            }
            let next_quoted = line.contains('"') && next_paragraph_quoted(doc, li);
            let judge = |p: usize, bounds: Bounds| {
                let (at, letter) = next_word(line, p, next_quoted)?;
                (prose_site(line, p, letter, bounds) && !single_letters_around(line, p, letter))
                    .then_some(at)
            };
            for at in line_sites(line, b",", judge) {
                out.push(Fix::new(
                    self.id(),
                    "space inserted after comma",
                    Edit::insert(l.content.start + at, " "),
                ));
            }
        }
    }
}

/// `x,y` and `i,j`: single letters on both sides are variables or
/// coordinates, not words.
fn single_letters_around(line: &str, p: usize, letter: usize) -> bool {
    let left = &line[token_start(line, p)..p];
    let right = word_at(line, letter);
    left.chars().count() == 1 && right.chars().count() == 1
}

pub struct SpaceAfterPunctuation;

static AFTER_DOC: RuleDoc = RuleDoc {
    summary: "Insert the missing space after ; : . ! ? followed by a word",
    details: "Restores the space after a semicolon or colon glued to a word, and after a \
sentence end glued to the next sentence (`ended.Negotiators`). Abbreviations and initials \
(`U.S.`, `e.g.`, `J.R.R.`), numbers (`2.5`, `10:30`), ellipses, addresses, file names, code, \
identifiers (`doi:10.1000/182`), emoticons and runs of more than 128 bytes without a space are \
left alone. After a period, a lowercase word gets a space only when it is a common sentence \
opener and not a domain ending or file extension (`sunday.the`). Where the glued text is a heading or a new paragraph, the \
paragraph rules insert a line break instead. English conventions: runs on English text only.",
    fixes: &[
        (
            "The talks ended.Negotiators will return.\n",
            "The talks ended. Negotiators will return.\n",
        ),
        (
            "Note:this matters;that too.\n",
            "Note: this matters; that too.\n",
        ),
        (
            "It closed on sunday.the result stood.\n",
            "It closed on sunday. the result stood.\n",
        ),
    ],
    keeps: &[
        "The U.S. President met Dr. Smith at 10:30 on e.g. Friday.\n",
        "See www.example.com, config.yaml and doi:10.1000/182 now.\n",
        "Wait...What? It works :D\n",
    ],
};

impl Rule for SpaceAfterPunctuation {
    fn id(&self) -> &'static str {
        "space-after-punctuation"
    }
    fn doc(&self) -> &'static RuleDoc {
        &AFTER_DOC
    }
    fn english_only(&self) -> bool {
        true
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        for (li, l) in doc.lines().iter().enumerate() {
            let line = doc.line_text(li);
            if doc.is_code(li) {
                continue;
            }
            let next_quoted = line.contains('"') && next_paragraph_quoted(doc, li);
            let judge = |p: usize, bounds: Bounds| {
                let (at, letter) = next_word(line, p, next_quoted)?;
                if !prose_site(line, p, letter, bounds) {
                    return None;
                }
                let ok = match line.as_bytes()[p] {
                    b';' => true,
                    b':' => colon_takes_space(line, p),
                    _ => match sentence_end(doc, line, p, letter, bounds) {
                        // The word after is glued to more punctuation that
                        // takes a space in this pass: the heading test would
                        // read a token the next pass no longer sees, and
                        // leaving the site cascades one pass per site
                        // (found by fuzzing). Such a site takes a space.
                        Some(true) if bounds.ceil < token_end(line, letter) => true,
                        Some(true) => {
                            let start = l.content.start;
                            sentence_glue(doc, li, start + p, start + at) == Glue::Space
                        }
                        Some(false) => lowercase_sentence_start(line, p, letter),
                        None => false,
                    },
                };
                ok.then_some(at)
            };
            // The marks are ASCII: a byte search finds them without decoding.
            for at in line_sites(line, b";:.!?", judge) {
                out.push(Fix::new(
                    self.id(),
                    "space inserted after punctuation",
                    Edit::insert(l.content.start + at, " "),
                ));
            }
        }
    }
}

/// True when the `.`, `!` or `?` at byte `p` of line `li` is a sentence end
/// glued to a capitalised word: the sites [`sentence_glue`] decides.
pub(crate) fn is_sentence_glue(doc: &Document, li: usize, p: usize) -> bool {
    let line = doc.line_text(li);
    let next_quoted = line[p + 1..].starts_with('"') && next_paragraph_quoted(doc, li);
    let Some((_, letter)) = next_word(line, p, next_quoted) else {
        return false;
    };
    !token_longer_than(line, p, PROSE_TOKEN_LIMIT)
        && prose_site(line, p, letter, Bounds::NONE)
        && sentence_end(doc, line, p, letter, Bounds::NONE) == Some(true)
}

/// A colon glued to a word takes a space unless it is a scheme or identifier
/// (`doi:`, `arXiv:`), a drive letter (`C:`), part of an emoticon, or between
/// digits (`10:30`, `3:1`; a letter after a digit is a unit or label).
fn colon_takes_space(line: &str, p: usize) -> bool {
    let start = token_start(line, p);
    let left = line[start..p].trim_start_matches(OPENERS);
    if left.chars().count() < 2 || left.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    !(is_scheme(left) || is_emoticon_at(line, p) || line[p..].starts_with("::"))
}

/// Classifies `.` `!` `?` at `p` followed by a word at `letter`: `Some(true)`
/// for a sentence end before a capital, `Some(false)` for a period before a
/// lowercase word (decided by [`lowercase_sentence_start`]), `None` where the
/// period belongs to the token (abbreviation, ellipsis, name, file).
/// `bounds`: spaces the same pass inserts around the site.
fn sentence_end(
    doc: &Document,
    line: &str,
    p: usize,
    letter: usize,
    bounds: Bounds,
) -> Option<bool> {
    let punct = line[p..].chars().next()?;
    let start = token_start(line, p).max(bounds.floor);
    let left = line[start..p].trim_start_matches(OPENERS);
    if punct == '.' {
        if left.is_empty() || left.ends_with('.') || is_abbreviation(left) {
            return None;
        }
        // A period between letters earlier in the token: `java.lang.String`.
        let b = left.as_bytes();
        if b.windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic())
        {
            return None;
        }
    }
    if is_domain_or_file(clipped_token(line, p, bounds)) {
        return None;
    }
    let first = char_at(line, letter)?;
    if !first.is_uppercase() {
        return (punct == '.').then_some(false);
    }
    let right = word_at(line, letter);
    let n = right.chars().count();
    let caps = right.chars().all(char::is_uppercase);
    // `zafi.D`: a lone capital other than A or I names a variant, unless a
    // hyphen joins it to a word (`festival.U-Carmen`).
    let hyphenated = line[letter + first.len_utf8()..]
        .strip_prefix('-')
        .is_some_and(|r| r.starts_with(char::is_alphabetic));
    if n == 1 && !matches!(first, 'A' | 'I') && !hyphenated {
        return None;
    }
    // `ASP.NET`; `Bagle.AT ... Bagle.BB`: capitals glued to capitals, or the
    // same stem glued to capitals twice, is a naming scheme.
    if caps && n >= 2 {
        let left_caps = left
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if left_caps
            || (punct == '.'
                && stem_glued_elsewhere(doc, crate::text::evidence_window(doc.text(), left), left))
        {
            return None;
        }
    }
    Some(true)
}

/// `stem.` glued to a word at least twice in `window` (a slice of `doc`'s
/// text), case-insensitively.
fn stem_glued_elsewhere(doc: &Document, window: &str, stem: &str) -> bool {
    let stem = stem.trim_matches(|c: char| !c.is_alphanumeric());
    if stem.is_empty() {
        return false;
    }
    // Case-insensitive: `Bagle.AT` and `bagle.AT` share a stem. The window
    // is 64 KiB of a long document: its lowercase is cut from the
    // document's, made once, where offsets allow.
    let owned;
    let text = match doc.lowercase() {
        Some(lower) => {
            let at = window.as_ptr() as usize - doc.text().as_ptr() as usize;
            &lower[at..at + window.len()]
        }
        None => {
            owned = window.to_lowercase();
            &owned
        }
    };
    let pat = format!("{}.", stem.to_lowercase());
    let mut n = 0;
    // Non-overlapping, left to right, as `str::match_indices`.
    for i in memchr::memmem::find_iter(text.as_bytes(), pat.as_bytes()) {
        let before_ok = char_before(text, i).is_none_or(|c| !c.is_alphanumeric());
        let after_ok = char_at(text, i + pat.len()).is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            n += 1;
            if n >= 2 {
                return true;
            }
        }
    }
    false
}

/// Words that often open a sentence and are never a domain ending or a file
/// extension: the only lowercase words after a glued period that get a space.
const LOWER_OPENERS: &[&str] = &[
    "the",
    "this",
    "these",
    "those",
    "there",
    "they",
    "their",
    "then",
    "but",
    "however",
    "when",
    "while",
    "after",
    "although",
    "she",
    "his",
    "her",
    "our",
    "what",
    "which",
    "who",
    "why",
    "how",
    "yet",
    "also",
    "some",
    "many",
    "most",
    "we",
    "you",
    "and",
    "meanwhile",
    "still",
    "instead",
    "today",
    "now",
];

/// `sunday.the result`: a lowercase word after a period gets a space only when
/// both sides are ordinary words and the right one opens sentences.
fn lowercase_sentence_start(line: &str, p: usize, letter: usize) -> bool {
    let start = token_start(line, p);
    let left = line[start..p].trim_start_matches(OPENERS);
    if left.chars().count() < 2
        || !left.chars().all(char::is_alphabetic)
        || !left.chars().all(char::is_lowercase)
    {
        return false;
    }
    let right = word_at(line, letter);
    if is_tld_or_extension(right) || !LOWER_OPENERS.contains(&right) {
        return false;
    }
    char_at(line, letter + right.len()).is_none_or(|c| c.is_whitespace() || c == ',')
}

pub struct SpaceBeforePunctuation;

static BEFORE_DOC: RuleDoc = RuleDoc {
    summary: "Remove the stray space before , ; : . ! ?",
    details: "English puts no space before punctuation: `on Tuesday .` becomes `on Tuesday.`. \
Only a space between a word, a percent sign or a closing quote and punctuation that ends the \
token (perhaps with a closing quote after it: `thrilled .”`) is removed, so `.NET`, ellipses \
written ` ...` and emoticons stay. English convention (French spaces before `: ; ! ?`): runs \
on English text only.",
    fixes: &[
        ("It ended on Tuesday .\n", "It ended on Tuesday.\n"),
        ("Yes , he said ; really ?\n", "Yes, he said; really?\n"),
        ("This ,is a test.\n", "This,is a test.\n"),
        (
            "He said: “We are thrilled .” Sales rose 2.5% .\n",
            "He said: “We are thrilled.” Sales rose 2.5%.\n",
        ),
    ],
    keeps: &[
        "I'd use .NET here.\n",
        "This is a sentence with ellipsis ...\n",
        "Smile :) please.\n",
        "Type \" .\" to end, or \" .env\" for the file.\n",
    ],
};

/// `thrilled .”`: a closing quote or bracket at `at` ends the token the
/// punctuation before it ends.
fn closer_ends_token(line: &str, at: usize) -> bool {
    let Some(q) = char_at(line, at).filter(|q| CLOSERS.contains(q)) else {
        return false;
    };
    let end = at + q.len_utf8();
    matches!(line.as_bytes().get(end), None | Some(b' ' | b'\t'))
        && (q != '"' || straight_quote_closes(line, at))
}

impl Rule for SpaceBeforePunctuation {
    fn id(&self) -> &'static str {
        "space-before-punctuation"
    }
    fn doc(&self) -> &'static RuleDoc {
        &BEFORE_DOC
    }
    fn english_only(&self) -> bool {
        true
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        for (li, l) in doc.lines().iter().enumerate() {
            let line = doc.line_text(li);
            if doc.is_code(li) {
                continue;
            }
            let b = line.as_bytes();
            for p in find_bytes(b, b",;:.!?") {
                let c = b[p];
                if p == 0 {
                    continue;
                }
                if b[p - 1] != b' ' && b[p - 1] != b'\t' {
                    continue;
                }
                // The punctuation must end its token, and not be a face or
                // an ellipsis.
                // (`word ,next`: a comma or semicolon moved off its word is
                // put back; the space after is the comma rule's.)
                let next = b.get(p + 1).copied();
                let moved =
                    matches!(c, b',' | b';') && next.is_some_and(|n| n.is_ascii_alphabetic());
                if next.is_some_and(|n| n != b' ' && n != b'\t')
                    && !moved
                    && !closer_ends_token(line, p + 1)
                {
                    continue;
                }
                if is_emoticon_at(line, p) {
                    continue;
                }
                let ws_start = line[..p].trim_end_matches([' ', '\t']).len();
                let Some(prev) = char_before(line, ws_start) else {
                    continue;
                };
                if !(prev.is_alphanumeric() || prev == '%' || CLOSERS.contains(&prev)) {
                    continue;
                }
                // `word " .`: a straight quote that opens is not a closer.
                if prev == '"' && !straight_quote_closes(line, ws_start - 1) {
                    continue;
                }
                out.push(Fix::new(
                    self.id(),
                    "space before punctuation removed",
                    Edit::delete(l.content.start + ws_start..l.content.start + p),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests;
