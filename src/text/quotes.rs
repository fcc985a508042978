//! Which way a straight double quote faces. A `"` after a space opens and one
//! before a space closes, but a quote glued on both sides (`me."They`) could
//! do either: `me." They` or `me. "They`. News text makes this harder by
//! leaving a quotation open at the end of a paragraph and reopening it with a
//! fresh `"` at the start of the next (`ready. "We will…`), so quote parity
//! alone misleads. The reading here weighs the quotes around the site and the
//! voice of the text after it (first-person speech against reported
//! narration), and says "unknown" rather than guess when they disagree.

use super::{OPENERS, char_at, char_before, scan_ceiling, scan_floor};

/// How the straight double quote at `pos` in `line` reads: `Some(true)` when
/// it closes a quotation, `Some(false)` when it opens one, `None` when a
/// quote glued on both sides cannot be placed. `next_quoted` tells whether
/// the next paragraph opens with a straight quote, the only place a
/// quotation left open at the end of this one can continue.
pub(crate) fn straight_quote_reading(line: &str, pos: usize, next_quoted: bool) -> Option<bool> {
    match quote_role(line, pos) {
        Some(r) => Some(r),
        None => glued_reading(line, pos, open_before(line, pos), next_quoted),
    }
}

/// Best guess at whether the straight quote at `pos` closes, for callers that
/// must choose: the reading when there is one, else the role the quotes
/// before it leave open.
pub(crate) fn straight_quote_closes(line: &str, pos: usize) -> bool {
    match quote_role(line, pos) {
        Some(r) => r,
        None => {
            let open = open_before(line, pos);
            glued_reading(line, pos, open, false).unwrap_or(open)
        }
    }
}

/// Whether a quotation is open just before `pos`, following the quotes
/// before it (the last [`MAX_QUOTES`], within [`super::SCAN_LIMIT`] bytes):
/// each by its neighbours, or a glued one by its own reading
/// (`me."They … lawyer."Bipin`: the first opens, so the second closes). Only
/// the last few glued quotes are read, which bounds the work per site;
/// earlier ones, and unreadable ones, toggle.
fn open_before(line: &str, pos: usize) -> bool {
    // Prose has a few quotes per kilobyte; a line of them (`"a,"b "a,"b`)
    // would cost each site a reading of hundreds.
    open_after_quotes(line, pos, MAX_QUOTES)
}

/// [`open_before`] reading the last `max` quotes (at least one).
fn open_after_quotes(line: &str, pos: usize, max: usize) -> bool {
    const READ_GLUED: usize = 4;
    let floor = scan_floor(line, pos);
    let bytes = line.as_bytes();
    let start = memchr::memrchr_iter(b'"', &bytes[floor..pos])
        .nth(max - 1)
        .map_or(floor, |i| floor + i);
    let quotes = memchr::memchr_iter(b'"', &bytes[start..pos]).map(|i| start + i);
    let glued = quotes
        .clone()
        .filter(|&i| quote_role(line, i).is_none())
        .count();
    let mut skip = glued.saturating_sub(READ_GLUED);
    let mut open = false;
    for i in quotes {
        let closes = match quote_role(line, i) {
            Some(r) => r,
            None if skip > 0 => {
                skip -= 1;
                open
            }
            None => glued_reading(line, i, open, false).unwrap_or(open),
        };
        open = !closes;
    }
    open
}

/// How many of the straight quotes before a site decide whether a quotation
/// is open there.
const MAX_QUOTES: usize = 64;

/// The role of the straight quote at `i` from its neighbours alone: opening
/// after a space, a bracket, a dash, or a colon or semicolon (`says:"Ah`),
/// closing before a space or punctuation, `None` when glued on both sides.
fn quote_role(line: &str, i: usize) -> Option<bool> {
    let before = char_before(line, i);
    let after = char_at(line, i + 1);
    if before.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '"' | '\u{2014}' | '\u{2013}' | '/')
    }) {
        Some(false)
    } else if after.is_none_or(|c| c == '"' || (!c.is_alphanumeric() && !OPENERS.contains(&c))) {
        Some(true)
    } else if matches!(before, Some(':' | ';')) {
        Some(false)
    } else {
        None
    }
}

/// The reading of a quote glued on both sides, given whether a quotation is
/// open before it.
fn glued_reading(line: &str, pos: usize, open: bool, next_quoted: bool) -> Option<bool> {
    let ceiling = scan_ceiling(line, pos + 1);
    let rest = &line[pos + 1..ceiling];
    // The next quote whose neighbours show its role, and where it is.
    let next = rest
        .match_indices('"')
        .find_map(|(j, _)| quote_role(line, pos + 1 + j).map(|r| (r, pos + 1 + j)));
    // The text the quote leads into, up to the next quote of any kind.
    let segment = &rest[..rest.find('"').unwrap_or(rest.len())];
    let lower = char_at(line, pos + 1).is_some_and(char::is_lowercase);
    match char_before(line, pos) {
        // A comma inside an open quotation ends it (`them,"said`); outside
        // one, a quote opens unless narration follows in lower case.
        Some(',') => Some(open || (lower && voice(segment).1 > 0)),
        Some('.' | '!' | '?') => {
            // A quote that plainly closes later needs this one to open it.
            if next.is_some_and(|(r, _)| r) {
                return Some(false);
            }
            let (speech, narration) = voice(segment);
            if !open {
                // Nothing to close: it opens, unless nothing shows a
                // quotation (no quote after, no speech).
                return (next.is_some() || speech > 0).then_some(false);
            }
            match next {
                // Another quotation opens later: the text between is either
                // narration (it closes here) or, when that quote reopens
                // after a sentence end, the same speech running on.
                Some((_, at)) => {
                    let reopens = line[..at].trim_end().ends_with(['.', '!', '?']);
                    if !reopens {
                        (speech == 0).then_some(true)
                    } else if speech >= narration + 2 {
                        Some(false)
                    } else if narration > speech {
                        Some(true)
                    } else {
                        None
                    }
                }
                // No quote after on the line: opening here would leave the
                // quotation open, which only a quoted next paragraph allows.
                None if !next_quoted => (speech <= narration + 1).then_some(true),
                None if speech > narration => Some(false),
                None if narration > speech => Some(true),
                None => None,
            }
        }
        // Glued to a word or other mark: a quote that plainly closes later
        // makes this one open; inside a quotation, narration in lower case
        // or a first-person word decides; else it takes the role left open.
        _ => {
            if open && lower {
                Some(true)
            } else if next.is_some_and(|(r, _)| r) || (open && voice(segment).0 > 0) {
                Some(false)
            } else {
                Some(open)
            }
        }
    }
}

/// First-person words: speech, almost never news narration.
const FIRST_PERSON: &[&str] = &[
    "I",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "We",
    "us",
    "our",
    "Our",
    "ours",
    "ourselves",
];

/// Second-person words: speech, though technical prose uses a generic `you`.
const SECOND_PERSON: &[&str] = &["you", "You", "your", "Your", "yours", "yourself"];

/// Reporting verbs: narration around quotations (`…," said Mr Davis`).
const REPORTING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "tells",
    "described",
    "announced",
    "revealed",
    "believes",
    "believed",
    "claimed",
    "claims",
    "insisted",
    "warned",
    "explained",
    "according",
    "stated",
    "argued",
    "admitted",
    "agreed",
    "urged",
    "noted",
    "reported",
    "confirmed",
];

/// Words whose `'s` is `is` or `has` (`it's`), not a possessive.
const S_CONTRACTS: &[&str] = &[
    "it", "It", "that", "That", "there", "There", "what", "What", "here", "Here", "he", "He",
    "she", "She", "who", "Who", "let", "Let",
];

/// Weighs how much `text` sounds like speech against reported narration:
/// first person and contractions for speech; reporting verbs and a
/// third-person `she`/`her` for narration. Returns (speech, narration).
fn voice(text: &str) -> (u32, u32) {
    let (mut speech, mut narration) = (0, 0);
    let words = text
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(['\'', '\u{2019}']))
        .filter(|w| !w.is_empty());
    for w in words {
        if let Some((head, tail)) = w.split_once(['\'', '\u{2019}']) {
            if head == "I" {
                speech += 2;
            } else if matches!(tail, "t" | "re" | "ve" | "ll" | "m" | "d")
                || (tail == "s" && S_CONTRACTS.contains(&head))
            {
                speech += 1;
            }
        } else if FIRST_PERSON.contains(&w) {
            speech += 2;
        } else if SECOND_PERSON.contains(&w) {
            speech += 1;
        } else if REPORTING.contains(&w) {
            narration += 2;
        } else if matches!(w, "she" | "She" | "her" | "Her") {
            narration += 1;
        }
    }
    (speech, narration)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last(l: &str) -> usize {
        l.rfind('"').unwrap()
    }

    #[test]
    fn by_neighbours() {
        // The quote before opened and narration follows: it closes.
        let l = r#"He said: "It is bad. "It will worsen."CBI chief said"#;
        assert!(straight_quote_closes(l, last(l)));
        // The next quote closes, so the glued one opens.
        let l = r#""I am sure. "It is fine."And I am sure, like us, it is." He left"#;
        assert!(!straight_quote_closes(l, l.find("\"And").unwrap()));
        let l = r#"He said: "It is bad."He left"#;
        assert!(straight_quote_closes(l, last(l)));
        // A quote after a colon opens.
        let l = r#"He said: "No, I am offended."The mayor then says:"Ah right""#;
        assert_eq!(
            straight_quote_reading(l, l.find("\"Ah").unwrap(), false),
            Some(false)
        );
        assert_eq!(
            straight_quote_reading(l, l.find("\"The").unwrap(), false),
            Some(true)
        );
    }

    #[test]
    fn by_parity() {
        let l = r#"He said "peace,"Putin"#;
        assert!(straight_quote_closes(l, last(l)));
        let l = r#"He said,"We"#;
        assert!(!straight_quote_closes(l, l.find('"').unwrap()));
        // Outside a quotation, a reporting verb in lower case is narration.
        let l = r#"They were "buried" and there was little to reassure them,"said Mr Davis."#;
        assert_eq!(straight_quote_reading(l, last(l), false), Some(true));
    }

    #[test]
    fn by_voice() {
        // Speech runs on into a quotation reopened after a sentence end.
        let l = r#"She said: "It was decided he could not play."But we did not need to change. "Depor are good."#;
        assert_eq!(
            straight_quote_reading(l, l.find("\"But").unwrap(), false),
            Some(false)
        );
        // Narration between two quotations.
        let l = r#"He said: "We will win."The minister added that talks went on. "It is fine," he said."#;
        assert_eq!(
            straight_quote_reading(l, l.find("\"The").unwrap(), false),
            Some(true)
        );
        // Nothing tells speech from narration: no reading.
        let l = r#"He said: "It was a good match."The players trained on Monday. "It is fine."#;
        assert_eq!(
            straight_quote_reading(l, l.find("\"The").unwrap(), false),
            None
        );
    }

    #[test]
    fn at_paragraph_end() {
        // Opening here would leave the quotation open: it closes.
        let l = r#"He said: "It was a good match."The players trained on Monday."#;
        assert_eq!(straight_quote_reading(l, last(l), false), Some(true));
        // A quoted next paragraph lets speech run on.
        let l = r#"He said: "It was a good match."I have never seen a better one."#;
        assert_eq!(straight_quote_reading(l, last(l), true), Some(false));
        assert_eq!(
            straight_quote_reading(r#"He said: "Good."Then it rained."#, 15, true),
            None
        );
    }

    /// `open_before` reading every quote of the window.
    fn open_before_all(line: &str, pos: usize) -> bool {
        open_after_quotes(line, pos, usize::MAX)
    }

    proptest::proptest! {
        /// With at most `MAX_QUOTES` quotes before a site, the bound changes
        /// nothing.
        #[test]
        fn few_quotes_read_as_before(
            parts in proptest::collection::vec(
                proptest::sample::select(&["\"", "a", "He", ",", ".", " ", "said", ": "][..]),
                0..150,
            ),
            at in 0usize..150,
        ) {
            let line: String = parts.concat();
            let pos = at.min(line.len());
            proptest::prop_assume!(line[..pos].matches('"').count() <= MAX_QUOTES);
            proptest::prop_assert_eq!(open_before(&line, pos), open_before_all(&line, pos));
        }
    }

    #[test]
    fn many_quotes_read_the_last_ones() {
        // 100 quoted words glued to commas: only the last 64 quotes decide,
        // which here agree with reading them all (an even number of them
        // before the site, each pair closed).
        let line = "He said \"a,\"".repeat(50) + "b";
        let pos = line.len() - 1;
        assert_eq!(open_before(&line, pos), open_before_all(&line, pos));
    }

    #[test]
    fn voices() {
        assert_eq!(voice("I don't know what we want"), (2 + 1 + 2, 0));
        assert_eq!(voice("O'Leary's side, she said"), (0, 3));
        assert_eq!(voice("It's my team"), (3, 0));
    }
}
