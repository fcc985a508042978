use super::*;

/// The word in `chunk` as the scan reads it: the ASCII reading for an
/// ASCII chunk (the scan knows which from the byte classes), else the
/// general one.
fn word_of(chunk: &str) -> Option<Found<'_>> {
    if chunk.is_ascii() {
        word_of_ascii(chunk)
    } else {
        word_of_any(chunk)
    }
}

/// Both paths of `scan_with_prev` give each word with the word before.
#[test]
fn words_with_the_word_before() {
    use crate::document::ParagraphStyle;
    let doc = Document::new(
        "Mr Brown said: “fine.” Then\n\nA Heading\nit's done, e.g. now.\n",
        ParagraphStyle::Auto,
        true,
    );
    let expected: Vec<(Option<usize>, usize)> = std::iter::once(None)
        .chain(doc.words().iter().map(|w| Some(w.start)))
        .zip(doc.words().iter().map(|w| w.start))
        .collect();
    assert!(expected.len() > 5);
    let mut cached = Vec::new();
    scan_with_prev(&doc, |p, w| cached.push((p.map(|p| p.start), w.start)));
    let mut walked = Vec::new();
    walk_with_prev(&doc, |p, w| walked.push((p.map(|p| p.start), w.start)));
    assert_eq!(cached, expected);
    assert_eq!(walked, expected);
}

/// The reference for [`chunks`]: split on `char::is_whitespace`.
fn chunks_by_char(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

#[test]
fn ascii_and_general_word_scans_agree_on_examples() {
    for chunk in [
        "a.b",
        "u.s.",
        "U.S.,",
        "(i)",
        "“paris,”",
        "i'm",
        "'tis",
        "don'",
        "iPhone",
        "eBay.",
        "x_y",
        "3rd",
        "end.",
        "...",
        "\"",
        "a'b'c",
        "McDonald's",
        "ABC",
        "(e.g.",
        "www.x.com",
    ] {
        assert_eq!(word_of(chunk), word_of_any(chunk), "{chunk:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// The ASCII fast path gives exactly the general answer.
    #[test]
    fn ascii_fast_path_matches(chunk in "[a-zA-Z.,;:!?'\"()\\[\\]{}*_@#/0-9-]{1,12}") {
        proptest::prop_assert_eq!(word_of_ascii(&chunk), word_of_any(&chunk));
    }

    /// A chunk of letters is read from its classes as the word scan
    /// reads it: the whole chunk is the word, and the next word is
    /// mid-sentence.
    #[test]
    fn letter_chunks_match_the_general_path(line in "[a-zA-Z .é,]{0,16}") {
        for (_, chunk, letters, ascii) in chunks(&line) {
            proptest::prop_assert_eq!(ascii, chunk.is_ascii(), "{:?}", chunk);
            let Some(letters) = letters else { continue };
            let want = Found {
                offset: 0,
                text: chunk,
                plain: !letters.mixed(),
                punct_after: false,
                lower: letters.lower(),
            };
            proptest::prop_assert_eq!(word_of(chunk), Some(want));
            proptest::prop_assert_eq!(sentence::after(chunk), Position::Mid);
            proptest::prop_assert!(!sentence::closes_quote_after_period(chunk));
            proptest::prop_assert!(!sentence::is_list_marker(chunk));
        }
    }

    /// The byte scan classes a chunk as its characters are, and ends it
    /// at the whitespace `char::is_whitespace` knows.
    #[test]
    fn chunk_classes_match_bytewise(line in "[a-zA-Z0-9 \t\n\r\u{b}\u{c}\u{1f}.,'@\u{7f}é\u{a0}\u{2009}]{0,40}") {
        let mut pos = skip_space(&line, 0);
        proptest::prop_assert!(line[..pos].chars().all(char::is_whitespace));
        while pos < line.len() {
            let (end, first, rest) = chunk_end(&line, pos);
            let chunk = &line[pos..end];
            let mut chars = chunk.chars();
            let class = |c: char| match c {
                'A'..='Z' => UPPER,
                'a'..='z' => LOWER,
                _ if c.is_ascii() => OTHER,
                _ => OTHER | NON_ASCII,
            };
            proptest::prop_assert_eq!(first, chars.next().map_or(SPACE, class), "{:?}", chunk);
            proptest::prop_assert_eq!(rest, chars.fold(0, |r, c| r | class(c)), "{:?}", chunk);
            proptest::prop_assert!(!chunk.contains(char::is_whitespace));
            proptest::prop_assert!(line[end..].chars().next().is_none_or(char::is_whitespace));
            pos = skip_space(&line, end);
            proptest::prop_assert!(line[end..pos].chars().all(char::is_whitespace));
        }
    }

    /// Byte-level chunking splits where `char::is_whitespace` does.
    #[test]
    fn chunks_match_char_whitespace(line in "[a b\t\u{a0}\u{3000}\u{2009}é,.]{0,24}") {
        let got: Vec<_> = chunks(&line).map(|(off, chunk, _, _)| (off, chunk)).collect();
        proptest::prop_assert_eq!(got, chunks_by_char(&line));
    }
}
