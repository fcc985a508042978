//! Where a mark is a prose site and where its space goes: the word after
//! the mark (past a closing quote), the token the mark sits in, the prose
//! checks every site shares, and the sweep of a line's sites that judges
//! each the way the passes to come would. Shared by the three spacing rules
//! and, through [`super::is_sentence_glue`], the paragraph rules.

use crate::document::Document;
use crate::text::{
    CLOSERS, OPENERS, PROSE_TOKEN_LIMIT, char_at, char_before, find_bytes, is_address, is_cjk,
    is_code_like, straight_quote_reading, token_bounds, token_end, token_longer_than, token_start,
    word_at,
};

/// Where the next word starts after punctuation at `p` (byte offset of the
/// punctuation in `line`): the insertion point for the space (after a
/// closing quote, before an opening one) and the first letter of the next
/// word. `None` when no word follows directly, or when a straight quote
/// between them cannot be read (see [`straight_quote_reading`]);
/// `next_quoted` tells whether the next paragraph opens with a quote.
pub(super) fn next_word(line: &str, p: usize, next_quoted: bool) -> Option<(usize, usize)> {
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
pub(super) fn next_paragraph_quoted(doc: &Document, li: usize) -> bool {
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
pub(super) fn prose_site(line: &str, p: usize, letter: usize, bounds: Bounds) -> bool {
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
pub(super) struct Bounds {
    pub(super) floor: usize,
    pub(super) ceil: usize,
}

impl Bounds {
    pub(super) const NONE: Bounds = Bounds {
        floor: 0,
        ceil: usize::MAX,
    };
}

/// The whitespace-delimited token around `p`, cut at `bounds`.
pub(super) fn clipped_token(line: &str, p: usize, bounds: Bounds) -> &str {
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
pub(super) fn line_sites(
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
