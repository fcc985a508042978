//! Sentence boundaries in English prose, decided one whitespace-separated
//! chunk at a time: does the word after this chunk start a sentence?
//!
//! The casing rules need three answers, not two. A period after `ended`
//! starts a sentence; a comma does not; but after `U.S.`, `...`, a colon, a
//! dash or `?"` (`"Why?" he asked`) either is possible, and a rule that must
//! never make a wrong fix treats those as unknown: it neither capitalises the
//! next word nor counts it as mid-sentence evidence.

use crate::abbrev::is_abbreviation;

/// Where a word stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// First word of a sentence or paragraph.
    Start,
    /// Inside a sentence: a capital here is a name.
    Mid,
    /// Could be either.
    Unknown,
}

/// Characters that open a quotation or bracket before a word.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '¿'
            | '¡'
            | '*'
            | '_'
    )
}

/// Characters that close a quotation or bracket after a word.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '*' | '_'
    )
}

/// The position of the word that follows `chunk` (a whitespace-free run of
/// text) in the same paragraph.
pub(crate) fn after(chunk: &str) -> Position {
    // Most chunks end in a letter, digit or comma, which is no closer and
    // leaves the next word mid-sentence.
    if matches!(
        chunk.as_bytes().last(),
        Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b',' | b';')
    ) {
        return Position::Mid;
    }
    let body = chunk.trim_end_matches(is_closer);
    let closed = body.len() < chunk.len();
    let Some(last) = body.chars().next_back() else {
        // Only quotes or brackets: keep no opinion.
        return Position::Unknown;
    };
    match last {
        '?' | '!' => {
            // `"Why?" he asked`: the quote may end inside the sentence; and
            // after a capitalised word the mark may belong to a title
            // (`Mamma Mia! has`, `Which? magazine`).
            let word = body
                .trim_end_matches(['?', '!'])
                .trim_start_matches(is_opener);
            if closed || word.starts_with(char::is_uppercase) {
                Position::Unknown
            } else {
                Position::Start
            }
        }
        '.' => {
            let before = &body[..body.len() - 1];
            if before.ends_with('.') {
                return Position::Unknown; // an ellipsis
            }
            let token = before.trim_start_matches(is_opener);
            if token.is_empty()
                || is_abbreviation(token)
                || crate::text::contains_seq(token, "://")
                || token.contains('@')
                || token
                    .as_bytes()
                    .get(..3)
                    .is_some_and(|p| p.eq_ignore_ascii_case(b"www"))
            {
                Position::Unknown
            } else {
                Position::Start
            }
        }
        '…' | ':' | '–' | '—' | '-' | '/' | '&' | '+' | '=' | '|' => Position::Unknown,
        _ => Position::Mid,
    }
}

/// Words that continue a sentence after a quotation closed with a period:
/// `"I don't know." he said` is sloppy but common, and `He` would be wrong.
pub(crate) fn is_speech_tag(word: &str) -> bool {
    matches!(
        word,
        "he" | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "said"
            | "says"
            | "added"
            | "asked"
            | "replied"
            | "according"
            | "explained"
            | "told"
            | "wrote"
            | "continued"
            | "insisted"
    )
}

/// True when `chunk` ends a quotation with a period inside it (`end."`).
pub(crate) fn closes_quote_after_period(chunk: &str) -> bool {
    if chunk
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let body = chunk.trim_end_matches(is_closer);
    body.len() < chunk.len() && body.ends_with('.')
}

/// True when `chunk`, the first on its line, is a list marker such as `1.`,
/// `a)`, `(iv)`, `iv.`, `-`, `*` or `•`: the word after it may be lowercase.
pub(crate) fn is_list_marker(chunk: &str) -> bool {
    if matches!(chunk, "-" | "*" | "•" | "–" | "—" | "·" | "+" | ">") {
        return true;
    }
    let inner = chunk.trim_start_matches('(');
    let Some(inner) = inner
        .strip_suffix(')')
        .or_else(|| inner.strip_suffix('.'))
        .or_else(|| inner.strip_suffix(':'))
    else {
        return false;
    };
    if inner.is_empty() || inner.len() > 5 {
        return false;
    }
    inner.bytes().all(|b| b.is_ascii_digit())
        || (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_alphabetic()))
        || inner
            .bytes()
            .all(|b| matches!(b, b'i' | b'v' | b'x' | b'I' | b'V' | b'X'))
}

#[cfg(test)]
mod tests {
    use super::{Position::*, after, is_list_marker};

    #[test]
    fn boundaries() {
        for (chunk, want) in [
            ("ended.", Start),
            ("ended.”", Start),
            ("why?", Start),
            ("now!", Start),
            ("why?”", Unknown),
            ("Wham!", Unknown),
            ("U.S.", Unknown),
            ("Mr.", Unknown),
            ("e.g.", Unknown),
            ("J.", Unknown),
            ("wait...", Unknown),
            ("wait…", Unknown),
            ("follows:", Unknown),
            ("–", Unknown),
            ("peace,", Mid),
            ("said", Mid),
            ("2022.", Start),
            ("www.example.com.", Unknown),
        ] {
            assert_eq!(after(chunk), want, "{chunk}");
        }
    }

    #[test]
    fn list_markers() {
        for m in ["1.", "12)", "a)", "(b)", "iv.", "(iii)", "-", "•"] {
            assert!(is_list_marker(m), "{m}");
        }
        for m in ["the", "ended.", "Mr.", "(note"] {
            assert!(!is_list_marker(m), "{m}");
        }
    }
}
