//! A document as the rules see it: the text, its lines, its line-ending and
//! paragraph conventions, and whether the English rules apply.
//!
//! Everything here is computed once per pass in one scan, so rules do not
//! each rediscover line structure. Whole-document evidence beyond this (word
//! counts for casing consensus, say) is gathered by the rule from the text,
//! never from global state, so documents stay independent.

use std::cell::OnceCell;
use std::ops::Range;

/// How paragraphs are separated in the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphStyle {
    /// Keep the document's dominant style.
    #[default]
    Auto,
    /// One line break between paragraphs; blank lines are removed.
    Single,
    /// One blank line between paragraphs.
    Blank,
}

impl std::str::FromStr for ParagraphStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(ParagraphStyle::Auto),
            "single" => Ok(ParagraphStyle::Single),
            "blank" => Ok(ParagraphStyle::Blank),
            _ => Err(format!(
                "unknown paragraph style {s:?} (expected auto, single or blank)"
            )),
        }
    }
}

/// One line: its content (without the line terminator) and the terminator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the content, without `\n`, `\r\n` or `\r`.
    pub content: Range<usize>,
    /// Byte range of the terminator (empty on a last line without one).
    pub terminator: Range<usize>,
}

#[derive(Debug)]
pub struct Document<'a> {
    text: &'a str,
    lines: Vec<Line>,
    crlf: bool,
    blank_paragraphs: bool,
    english: bool,
    /// Per line: inside a fenced or indented code block. Empty when the
    /// document has none.
    code: Vec<bool>,
    /// Characters other than printable ASCII, tab and line breaks, found on
    /// first use: several Unicode rules share one scan.
    specials: OnceCell<Vec<(usize, char)>>,
    /// The words with their sentence positions, found on first use: every
    /// word rule walks the same list.
    words: OnceCell<Vec<crate::words::Word<'a>>>,
    /// The text lowercased with the same byte offsets, found on first use
    /// (see [`Document::lowercase`]).
    lowered: OnceCell<Option<String>>,
}

impl<'a> Document<'a> {
    /// Scan `text`. `style` forces the paragraph style; `english` is the
    /// language decision (see [`crate::lang`]).
    pub fn new(text: &'a str, style: ParagraphStyle, english: bool) -> Self {
        let bytes = text.as_bytes();
        let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
        let (mut crlf_count, mut lf_count) = (0usize, 0usize);
        let mut start = 0;
        let mut i = 0;
        while let Some(off) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let j = i + off;
            let term_end = if bytes[j] == b'\r' && bytes.get(j + 1) == Some(&b'\n') {
                crlf_count += 1;
                j + 2
            } else {
                if bytes[j] == b'\n' {
                    lf_count += 1;
                }
                j + 1
            };
            lines.push(Line {
                content: start..j,
                terminator: j..term_end,
            });
            start = term_end;
            i = term_end;
        }
        if start < bytes.len() {
            lines.push(Line {
                content: start..bytes.len(),
                terminator: bytes.len()..bytes.len(),
            });
        }
        let blank_paragraphs = match style {
            ParagraphStyle::Single => false,
            ParagraphStyle::Blank => true,
            ParagraphStyle::Auto => {
                // Count separators between non-blank lines: a single break, or
                // one with blank lines between. Ties go to blank lines, which
                // keeps hard-wrapped paragraphs intact.
                let (mut single, mut blank) = (0usize, 0usize);
                let mut seen_text = false;
                let mut blanks_since = 0usize;
                for l in &lines {
                    if is_blank(&text[l.content.clone()]) {
                        blanks_since += 1;
                    } else {
                        if seen_text {
                            if blanks_since == 0 {
                                single += 1;
                            } else {
                                blank += 1;
                            }
                        }
                        seen_text = true;
                        blanks_since = 0;
                    }
                }
                blank > 0 && blank >= single
            }
        };
        let code = code_lines(text, &lines);
        Document {
            text,
            lines,
            crlf: crlf_count > lf_count,
            blank_paragraphs,
            english,
            code,
            specials: OnceCell::new(),
            words: OnceCell::new(),
            lowered: OnceCell::new(),
        }
    }

    /// Every character that is not printable ASCII, tab or a line break
    /// (non-ASCII letters, exotic spaces, invisibles, controls), with its
    /// byte offset, in text order.
    pub fn specials(&self) -> &[(usize, char)] {
        self.specials.get_or_init(|| scan_specials(self.text))
    }

    /// The words outside code blocks, in order (see [`crate::words`]).
    pub(crate) fn words(&self) -> &[crate::words::Word<'a>] {
        self.words.get_or_init(|| crate::words::collect(self))
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The text as `str::to_lowercase` gives it, when that keeps every byte
    /// offset: each character lowercases to as many bytes, and none by its
    /// context (the capital sigma, final or not). Then a slice of it at a
    /// range of the text is that slice of the text lowercased, and rules
    /// that compare case-insensitively over a wide window lowercase the
    /// document once instead of the window each time. `None` otherwise.
    pub(crate) fn lowercase(&self) -> Option<&str> {
        self.lowered
            .get_or_init(|| {
                let t = self.text;
                // ASCII runs are copied and lowercased in place at the end;
                // other characters one by one (none lowercases to ASCII at
                // the same length, so the final pass leaves them be).
                let bytes = t.as_bytes();
                let mut out = String::with_capacity(t.len());
                let mut i = 0;
                while i < t.len() {
                    let run = bytes[i..].iter().position(|&b| !b.is_ascii());
                    let end = run.map_or(t.len(), |n| i + n);
                    out.push_str(&t[i..end]);
                    let Some(c) = t[end..].chars().next() else {
                        break;
                    };
                    if c == '\u{3A3}' {
                        return None;
                    }
                    let before = out.len();
                    out.extend(c.to_lowercase());
                    if out.len() - before != c.len_utf8() {
                        return None;
                    }
                    i = end + c.len_utf8();
                }
                out.make_ascii_lowercase();
                Some(out)
            })
            .as_deref()
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The content of line `i`.
    pub fn line_text(&self, i: usize) -> &'a str {
        &self.text[self.lines[i].content.clone()]
    }

    /// The line terminator the output uses: the document's dominant one.
    pub fn newline(&self) -> &'static str {
        if self.crlf { "\r\n" } else { "\n" }
    }

    /// The separator between two paragraphs in the output.
    pub fn paragraph_break(&self) -> &'static str {
        match (self.blank_paragraphs, self.crlf) {
            (false, false) => "\n",
            (false, true) => "\r\n",
            (true, false) => "\n\n",
            (true, true) => "\r\n\r\n",
        }
    }

    /// True when paragraphs are separated by blank lines (so a single line
    /// break inside a paragraph is a hard wrap, not a paragraph break).
    pub fn blank_line_paragraphs(&self) -> bool {
        self.blank_paragraphs
    }

    /// Whether the English-only rules run on this document.
    pub fn is_english(&self) -> bool {
        self.english
    }

    /// True for lines inside a fenced code block (including the fences) or an
    /// indented block of two or more lines: rules leave them alone.
    pub fn is_code(&self, line: usize) -> bool {
        self.code.get(line).copied().unwrap_or(false)
    }

    /// Index of the line holding byte `pos`.
    pub fn line_index(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.terminator.end <= pos)
            .min(self.lines.len().saturating_sub(1))
    }
}

fn is_special(b: u8) -> bool {
    b >= 0x7f || (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r')
}

fn scan_specials(text: &str) -> Vec<(usize, char)> {
    const BLOCK: usize = 32;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Skip whole blocks of plain text; the fold has no early exit so the
        // compiler can test a block with vector instructions.
        while i + BLOCK <= bytes.len()
            && !bytes[i..i + BLOCK]
                .iter()
                .fold(false, |any, &b| any | is_special(b))
        {
            i += BLOCK;
        }
        let end = (i + BLOCK).min(bytes.len());
        while i < end {
            if !is_special(bytes[i]) {
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("char boundary");
            out.push((i, c));
            i += c.len_utf8();
        }
    }
    out
}

fn indent_width(line: &str) -> usize {
    let mut w = 0;
    for b in line.bytes() {
        match b {
            b' ' => w += 1,
            b'\t' => w += 4,
            _ => break,
        }
    }
    w
}

/// Mark fenced blocks (``` or ~~~) and runs of two or more lines indented by
/// four columns or more. Single indented lines are paragraph indentation,
/// which the whitespace rules remove.
fn code_lines(text: &str, lines: &[Line]) -> Vec<bool> {
    let fences = memchr::memmem::find(text.as_bytes(), b"```").is_some()
        || memchr::memmem::find(text.as_bytes(), b"~~~").is_some();
    let indented = lines
        .iter()
        .any(|l| indent_width(&text[l.content.clone()]) >= 4);
    if !fences && !indented {
        return Vec::new();
    }
    let mut code = vec![false; lines.len()];
    let mut open: Option<&str> = None;
    for (i, l) in lines.iter().enumerate() {
        let t = text[l.content.clone()].trim_start();
        let fence = ["```", "~~~"].into_iter().find(|f| t.starts_with(f));
        match (open, fence) {
            (None, Some(f)) => {
                open = Some(f);
                code[i] = true;
            }
            (Some(o), Some(f)) if o == f => {
                open = None;
                code[i] = true;
            }
            (Some(_), _) => code[i] = true,
            (None, None) => {}
        }
    }
    let deep: Vec<bool> = lines
        .iter()
        .map(|l| {
            let t = &text[l.content.clone()];
            indent_width(t) >= 4 && !is_blank(t)
        })
        .collect();
    // As in Markdown, an indented block starts after a blank line (or at the
    // top); an indented line straight after prose is junk indentation that
    // extraction left on a paragraph, not code.
    let blank: Vec<bool> = lines
        .iter()
        .map(|l| is_blank(&text[l.content.clone()]))
        .collect();
    let mut i = 0;
    while i < lines.len() {
        if deep[i] && (i == 0 || blank[i - 1]) {
            let mut j = i;
            while j < lines.len() && (deep[j] || blank[j]) {
                j += 1;
            }
            let block = (i..j).filter(|&k| deep[k]).count();
            if block >= 2 {
                for (k, flag) in code.iter_mut().enumerate().take(j).skip(i) {
                    *flag |= deep[k];
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    code
}

/// A line that holds nothing but whitespace and invisible characters.
pub fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || crate::rules::unicode::is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_terminators() {
        let d = Document::new("a\r\nb\nc\rd", ParagraphStyle::Auto, true);
        let t: Vec<_> = (0..d.lines().len()).map(|i| d.line_text(i)).collect();
        assert_eq!(t, ["a", "b", "c", "d"]);
        assert_eq!(d.newline(), "\n");
    }

    #[test]
    fn lowercase_keeps_offsets_or_declines() {
        for text in [
            "Bagle.AT and BAGLE.au",
            "Straße ÉTÉ “Quoted” Ωmega",
            "ascii ONLY",
        ] {
            let d = Document::new(text, ParagraphStyle::Auto, true);
            let lower = d.lowercase().expect("same lengths");
            assert_eq!(lower, text.to_lowercase());
            for (i, _) in text.char_indices() {
                assert_eq!(lower[i..], text[i..].to_lowercase());
            }
        }
        // `İ` lowercases to two characters, `Σ` by its context.
        for text in ["İstanbul.AT", "ΟΔΟΣ.AB"] {
            assert_eq!(
                Document::new(text, ParagraphStyle::Auto, true).lowercase(),
                None
            );
        }
    }

    proptest::proptest! {
        /// Any text: the copy is the text lowercased, offset for offset, or
        /// there is none.
        #[test]
        fn lowercase_is_str_lowercase(text in "[a-zA-Z .ÉéİΣσßK\u{1C5}“]{0,40}") {
            let d = Document::new(&text, ParagraphStyle::Auto, true);
            if let Some(lower) = d.lowercase() {
                proptest::prop_assert_eq!(lower, text.to_lowercase());
                for (i, _) in text.char_indices() {
                    proptest::prop_assert_eq!(&lower[i..], text[i..].to_lowercase());
                }
            }
        }
    }

    #[test]
    fn specials_are_found_across_blocks() {
        let text = format!(
            "{}\u{a0}{}é\u{7}\t\n{}\u{200b}",
            "a".repeat(31),
            "b".repeat(40),
            "c".repeat(64)
        );
        let d = Document::new(&text, ParagraphStyle::Auto, true);
        let want: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| !(c.is_ascii_graphic() || matches!(c, ' ' | '\t' | '\n' | '\r')))
            .collect();
        assert_eq!(d.specials(), &want[..]);
        assert_eq!(want.len(), 4);
    }

    #[test]
    fn code_blocks() {
        let d = Document::new(
            "a\n```\nx  y\n```\n    one\nb\n\n    c\n    d\n",
            ParagraphStyle::Auto,
            true,
        );
        let code: Vec<bool> = (0..d.lines().len()).map(|i| d.is_code(i)).collect();
        assert_eq!(
            code,
            [false, true, true, true, false, false, false, true, true]
        );
    }

    #[test]
    fn indented_prose_after_prose_is_not_code() {
        let d = Document::new(
            "Title\n\tFirst paragraph.\n\tSecond one.\n",
            ParagraphStyle::Auto,
            true,
        );
        assert!((0..3).all(|i| !d.is_code(i)));
    }

    #[test]
    fn dominant_paragraph_style() {
        assert_eq!(
            Document::new("a\nb\nc\n\nd\n", ParagraphStyle::Auto, true).paragraph_break(),
            "\n"
        );
        assert_eq!(
            Document::new("a\n\nb\n\nc\nd\n", ParagraphStyle::Auto, true).paragraph_break(),
            "\n\n"
        );
        assert_eq!(
            Document::new("a\r\n\r\nb\r\n", ParagraphStyle::Auto, true).paragraph_break(),
            "\r\n\r\n"
        );
        assert_eq!(
            Document::new("a\n\nb\n", ParagraphStyle::Single, true).paragraph_break(),
            "\n"
        );
    }
}
