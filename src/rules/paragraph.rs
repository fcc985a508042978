//! Paragraph structure: headings and paragraphs glued together when HTML
//! block boundaries were flattened.
//!
//! Two shapes are repaired. A heading glued after a sentence end
//! (`quickly.The Path Forward: A Delicate Balance`), and a heading glued
//! before the paragraph it introduces (`A Delicate BalancePutin emphasized`,
//! `Ad sales boost Time Warner profitQuarterly profits`). [`sentence_glue`]
//! is the one place that decides, at a glued sentence end, between a space
//! (the spacing rules insert it) and a line break (this rule inserts it).
//!
//! Every split needs document evidence: the heading side is short, has no
//! sentence end, and is title-cased or stands where the document's title
//! stands; the other side reads as a paragraph. Camel-case names (`iPhone`,
//! `YouTube`, `McDonald`) are kept by requiring that the glued word occur
//! nowhere else whole, and, for a capitalised left half, that the right half
//! be a word the document uses on its own.

use crate::document::{Document, is_blank};
use crate::edit::{Edit, Fix};
use crate::rule::{Rule, RuleDoc};
use crate::text::{CLOSERS, OPENERS, char_at, char_before, prefix, straight_quote_closes, word_at};

/// What goes at a glued sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Glue {
    Space,
    Break,
}

/// Longest heading, in words (headings are short; the harness of the project
/// and most style guides agree on about a dozen).
const MAX_HEADING_WORDS: usize = 15;

/// Longest heading in bytes: fifteen long words. Checked before counting
/// words, so a sentence end in a huge line costs no scan of the whole line.
const MAX_HEADING_BYTES: usize = 400;

/// Decide what belongs at a glued sentence end in line `li`: `punct` is the
/// byte offset of the `.`, `!` or `?`, `at` the insertion point (after any
/// closing quote). A break when the text from `at` to the end of the line (or
/// to a glued paragraph start) is a title-case heading, or when the text
/// before is a heading ending in `?`/`!` standing where the title stands (or
/// title-cased) and a paragraph follows. A space otherwise.
pub(crate) fn sentence_glue(doc: &Document, li: usize, punct: usize, at: usize) -> Glue {
    let text = doc.text();
    let line = &doc.lines()[li].content;
    // Heading after the sentence end.
    let tail_end = glued_heading_end(doc, li, at).unwrap_or(line.end);
    let tail = &text[at..tail_end];
    if tail.len() <= MAX_HEADING_BYTES
        && words(tail) >= 2
        && is_heading_like(tail)
        && is_title_case(tail)
    {
        return Glue::Break;
    }
    // Heading before it, ending in ? or !.
    let head = &text[line.start..punct];
    let rest = &text[at..line.end];
    if matches!(char_at(text, punct), Some('?' | '!'))
        && head.len() <= MAX_HEADING_BYTES
        && (2..=MAX_HEADING_WORDS).contains(&words(head))
        && is_heading_like(head)
        && (is_title_line(doc, li) || is_title_case(head))
        && is_paragraph_like(rest)
    {
        return Glue::Break;
    }
    Glue::Space
}

/// The document's title line: its first non-blank line.
fn is_title_line(doc: &Document, li: usize) -> bool {
    (0..doc.lines().len()).find(|&i| !is_blank(doc.line_text(i))) == Some(li)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Short, without a sentence end inside or final punctuation.
fn is_heading_like(s: &str) -> bool {
    let s = s.trim();
    let n = words(s);
    if n == 0 || n > MAX_HEADING_WORDS {
        return false;
    }
    let core = s.trim_end_matches(CLOSERS);
    if core.ends_with(['.', ',', ';', ':', '!', '?']) {
        return false;
    }
    !has_sentence_end(s)
}

/// A `.`, `!` or `?` followed by a space inside `s`, or one glued to a
/// capital (another glued sentence end).
fn has_sentence_end(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| matches!(w[0], b'.' | b'!' | b'?') && (w[1] == b' ' || w[1].is_ascii_uppercase()))
}

/// Most words of four letters or more start with a capital, and so does the
/// first word.
fn is_title_case(s: &str) -> bool {
    let ws: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = ws.first() else {
        return false;
    };
    if first.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let long: Vec<&&str> = ws.iter().filter(|w| w.chars().count() >= 4).collect();
    if long.is_empty() {
        return ws.iter().all(|w| !w.starts_with(char::is_lowercase));
    }
    let caps = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    caps * 4 >= long.len() * 3
}

/// A paragraph: at least six words ending in sentence punctuation, or a long
/// run of words.
fn is_paragraph_like(s: &str) -> bool {
    let s = s.trim();
    // Twenty words fit in a few kilobytes; counting in a prefix keeps the
    // cost bounded when the text is one huge token.
    let n = prefix(s, 4096).split_whitespace().take(20).count();
    let ends = s.trim_end_matches(CLOSERS).ends_with(['.', '!', '?']);
    (n >= 6 && ends) || n >= 20
}

/// Common sentence openers: as the right half of a glued word they are a
/// sentence start, never the second half of a camel-case name.
const OPENER_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "For",
    "After",
    "As",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "When",
    "While",
    "If",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Now",
    "Some",
    "More",
    "One",
    "Two",
    "Three",
    "Last",
    "Since",
    "With",
    "However",
    "According",
];

/// Surname and brand prefixes that form camel-case names (`McDonald`,
/// `MacBook`, `DeVito`).
const NAME_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "Al", "El", "Ben", "Bin",
];

/// Where the text a heading is looked for in starts.
#[derive(Clone, Copy)]
enum Place<'a> {
    /// After a sentence end inside a line: the heading must be title-cased.
    Mid,
    /// At the start of line `li` as the document has it.
    Line,
    /// At a line break this pass inserts: the next pass sees a line that
    /// starts here, after the line `prev` (never the title line).
    Split { prev: &'a str },
}

/// Find a heading glued before a paragraph in line `li`, looking at the text
/// from byte `from` (the line start, or a sentence end): the byte offset
/// where the paragraph starts. See the module docs for the evidence needed.
pub(crate) fn glued_heading_end(doc: &Document, li: usize, from: usize) -> Option<usize> {
    let place = if from == doc.lines()[li].content.start {
        Place::Line
    } else {
        Place::Mid
    };
    heading_end(doc, li, from, place)
}

fn heading_end(doc: &Document, li: usize, from: usize, place: Place) -> Option<usize> {
    let text = doc.text();
    let end = doc.lines()[li].content.end;
    // Headings are short: only their reach (and the word that may end it)
    // is tokenised, not the rest of a long line.
    let seg = prefix(&text[from..end], MAX_HEADING_BYTES + 128);
    let mut word_count = 0;
    // The word scan's byte-level chunks: whitespace as `char::is_whitespace`
    // knows it, and for a chunk of ASCII letters, whether a capital follows
    // its first letter.
    for (ts, tok, letters, _) in crate::words::chunks(seg) {
        word_count += 1;
        if word_count > MAX_HEADING_WORDS || ts > MAX_HEADING_BYTES {
            break;
        }
        if letters.is_some_and(|l| !l.capital_after_first()) {
            continue;
        }
        // A heading is at most MAX_HEADING_BYTES long: glue points further
        // into a long token are never looked at, so a line that is one huge
        // token costs a bounded scan per sentence end, not one of the line.
        let reach = MAX_HEADING_BYTES - ts;
        // Most tokens have no capital after their first letter: skip them
        // before collecting glue points.
        if !tok
            .bytes()
            .take(reach + 1)
            .skip(1)
            .any(|b| b.is_ascii_uppercase() || b >= 0x80)
        {
            continue;
        }
        for g in glue_points(tok, reach) {
            let g_abs = from + ts + g;
            let head = &text[from..g_abs];
            let rest = &text[g_abs..end];
            if !(2..=MAX_HEADING_WORDS).contains(&words(head))
                || has_sentence_end(head)
                || !is_paragraph_like(rest)
            {
                continue;
            }
            let title_pos = matches!(place, Place::Line) && is_title_line(doc, li);
            let placed = match place {
                Place::Mid => is_title_case(head),
                Place::Line => {
                    title_pos || (is_title_case(head) && previous_line_ends_paragraph(doc, li))
                }
                Place::Split { prev } => is_title_case(head) && ends_paragraph(prev),
            };
            if placed && glue_is_a_break(doc, head, tok, g, title_pos) {
                return Some(g_abs);
            }
        }
    }
    None
}

/// Candidate glue points inside a token: an uppercase letter starting a word
/// right after a lowercase letter (`profitQuarterly`), a digit (`1981UK`), a
/// closing quote or bracket (`web’New`), or a run of capitals (`LSEBosses`).
/// Only points up to byte `reach` are returned.
fn glue_points(tok: &str, reach: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // Up to the first character past `reach`, which tells whether a word
    // starts at the last point.
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (i, c) in tok.char_indices() {
        chars.push((i, c));
        if i > reach {
            break;
        }
    }
    for w in 1..chars.len() {
        let (g, c) = chars[w];
        if g > reach {
            break;
        }
        let prev = chars[w - 1].1;
        if !c.is_uppercase() {
            continue;
        }
        let next = chars.get(w + 1).map(|x| x.1);
        let capitalised = next.is_some_and(char::is_lowercase);
        let caps_word = next.is_some_and(char::is_uppercase);
        // `reformA major`: a lone `A` starting the paragraph.
        let lone_a = c == 'A' && next.is_none();
        let ok = if prev.is_lowercase() || prev.is_ascii_digit() || CLOSERS.contains(&prev) {
            capitalised || caps_word || (lone_a && prev.is_lowercase())
        } else if prev.is_uppercase() {
            // End of a capital run: `LSE|Bosses` (at least two capitals before).
            capitalised && w >= 2 && chars[w - 2].1.is_uppercase()
        } else {
            false
        };
        if ok {
            out.push(g);
        }
    }
    out
}

/// The per-glue evidence: not a camel-case name, a quote that really closes.
fn glue_is_a_break(doc: &Document, head: &str, tok: &str, g: usize, title: bool) -> bool {
    let text = crate::text::evidence_window(doc.text(), tok);
    let before = &tok[..g];
    let prev = char_before(tok, g).expect("glue inside a token");
    let right = word_at(tok, g);
    if CLOSERS.contains(&prev) {
        let hb = head.len() - prev.len_utf8();
        // The quoted heading ends in a word: `'face tough future'UK`.
        if !char_before(head, hb).is_some_and(|c| c.is_alphanumeric() || matches!(c, '?' | '!')) {
            return false;
        }
        return match prev {
            '"' => straight_quote_closes(head, hb),
            '\'' | '\u{2019}' => {
                let open = if prev == '\'' { '\'' } else { '\u{2018}' };
                head[..hb].char_indices().any(|(i, c)| {
                    c == open && char_before(head, i).is_none_or(|p| p.is_whitespace())
                })
            }
            ')' => head.contains('('),
            ']' => head.contains('['),
            _ => true,
        };
    }
    // The letters (or digits) of the left half within the token.
    let left_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let left = &before[left_start..];
    let digits = left.chars().all(|c| c.is_ascii_digit());
    if left.chars().count() < 2 && !digits {
        return false; // iPhone, eBay, O'Neill
    }
    // `AsiaBMW`: a word in capitals after a glue must be one the document
    // uses on its own.
    if right.chars().count() >= 2
        && right.chars().all(char::is_uppercase)
        && !used_alone(text, right)
    {
        return false;
    }
    let glued = format!("{left}{right}");
    if text.matches(glued.as_str()).count() >= 2 {
        return false; // the document spells it so elsewhere: a name
    }
    if left.starts_with(char::is_uppercase) {
        let acronym = left.chars().all(char::is_uppercase);
        if !acronym && (NAME_PREFIXES.contains(&left) || left.chars().count() < 3) {
            return false;
        }
        // The right half must be a word of the document; in the title line
        // (`Ad sales hit EurotunnelChannel Tunnel operator...`) the title's
        // last word used alone in the body is evidence too.
        return OPENER_WORDS.contains(&right)
            || used_alone(text, right)
            || (title && used_alone(text, left));
    }
    true
}

/// True when `word` occurs in `text` as a whole word (not glued to letters).
fn used_alone(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        char_before(text, i).is_none_or(|c| c.is_whitespace() || OPENERS.contains(&c))
            && char_at(text, i + word.len()).is_none_or(|c| !c.is_alphabetic())
    })
}

/// The line before `li` (skipping blank lines) ends a paragraph, or there is none.
fn previous_line_ends_paragraph(doc: &Document, li: usize) -> bool {
    match (0..li).rev().find(|&i| !is_blank(doc.line_text(i))) {
        None => true,
        Some(p) => ends_paragraph(doc.line_text(p)),
    }
}

/// A line that ends a paragraph: sentence punctuation at its end, or a
/// heading.
fn ends_paragraph(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(CLOSERS);
    t.ends_with(['.', '!', '?', ':']) || is_heading_like(line)
}

pub struct GluedHeading;

static GLUED_HEADING_DOC: RuleDoc = RuleDoc {
    summary: "Split a heading glued to the paragraph before or after it",
    details: "When HTML is flattened, a sub-heading can lose its line break: \
`quickly.The Path Forward: A Delicate Balance` (after a sentence end) or \
`A Delicate BalancePutin emphasized…` (before a paragraph). A line break in the document's \
paragraph style is inserted when the heading side is short, has no sentence end and is \
title-cased or stands where the title stands, and the other side reads as a paragraph. \
Camel-case names (iPhone, YouTube, McDonald, PlayStation) are kept: the glued word must not \
occur elsewhere, and a capitalised left half needs a right half the document uses on its own. \
Nothing is split inside a run of more than 128 bytes without a space: that is data, not prose.",
    fixes: &[
        (
            "Peskov said it could be arranged quickly.The Path Forward: A Delicate Balance\nPutin spoke.\n",
            "Peskov said it could be arranged quickly.\nThe Path Forward: A Delicate Balance\nPutin spoke.\n",
        ),
        (
            "Ad sales boost Time Warner profitQuarterly profits at the media giant jumped 76% in the last quarter.\nThe firm said so.\n",
            "Ad sales boost Time Warner profit\nQuarterly profits at the media giant jumped 76% in the last quarter.\nThe firm said so.\n",
        ),
    ],
    keeps: &[
        "Apple Unveils the New iPhone and MacBook Models\nThe company sold many devices this year, analysts said.\n",
        "He bought a PlayStation at the store on Monday and played it all week long.\n",
    ],
};

impl Rule for GluedHeading {
    fn id(&self) -> &'static str {
        "glued-heading"
    }
    fn doc(&self) -> &'static RuleDoc {
        &GLUED_HEADING_DOC
    }
    fn english_only(&self) -> bool {
        true
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let text = doc.text();
        let brk = doc.paragraph_break();
        let mut breaks: Vec<(usize, &'static str)> = Vec::new();
        for (li, l) in doc.lines().iter().enumerate() {
            if doc.is_code(li) || is_blank(doc.line_text(li)) {
                continue;
            }
            breaks.clear();
            if let Some(g) = glued_heading_end(doc, li, l.content.start) {
                breaks.push((g, "heading split from the paragraph after it"));
            }
            // The marks are ASCII, so a byte search finds them.
            for p in memchr::memchr3_iter(b'.', b'!', b'?', doc.line_text(li).as_bytes()) {
                let punct = l.content.start + p;
                let mut at = punct + 1;
                if let Some(q) = char_at(text, at).filter(|q| CLOSERS.contains(q))
                    && (q != '"' || straight_quote_closes(doc.line_text(li), p + 1))
                {
                    at += q.len_utf8();
                }
                let starts_word = char_at(text, at).is_some_and(char::is_uppercase)
                    && char_before(text, punct)
                        .is_some_and(|c| c.is_alphanumeric() || CLOSERS.contains(&c));
                if starts_word
                    && super::spacing::is_sentence_glue(doc, li, p)
                    && sentence_glue(doc, li, punct, at) == Glue::Break
                {
                    breaks.push((at, "heading split from the sentence before it"));
                }
            }
            if breaks.is_empty() {
                continue;
            }
            // Each break starts a line the next pass would look at again,
            // after a line that is now a heading: follow the chain here, or
            // a run of glued headings is split one per pass.
            let found = breaks.len();
            for k in 0..found {
                let (mut prev, mut b) = (l.content.start, breaks[k].0);
                if k > 0 {
                    prev = breaks[k - 1].0.min(b);
                }
                while let Some(g) = heading_end(
                    doc,
                    li,
                    b,
                    Place::Split {
                        prev: &text[prev..b],
                    },
                ) {
                    breaks.push((g, "heading split from the paragraph after it"));
                    (prev, b) = (b, g);
                }
            }
            breaks.sort_unstable_by_key(|&(at, _)| at);
            breaks.dedup_by_key(|&mut (at, _)| at);
            for &(at, message) in &breaks {
                out.push(Fix::new(self.id(), message, Edit::insert(at, brk)));
            }
        }
    }
}

#[cfg(test)]
mod tests;
