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
    CLOSERS, OPENERS, PROSE_TOKEN_LIMIT, char_at, char_before, find_bytes, is_domain_or_file,
    is_emoticon_at, is_scheme, is_tld_or_extension, straight_quote_closes, token_end,
    token_longer_than, token_start, word_at,
};

use super::paragraph::{Glue, sentence_glue};

mod sites;
use sites::{Bounds, clipped_token, line_sites, next_paragraph_quoted, next_word, prose_site};

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
