//! Whitespace junk: mixed line endings, runs of spaces, trailing and leading
//! whitespace, and blank lines (leading, trailing, whitespace-only, repeated).
//!
//! Lines inside code blocks keep their spacing. A single tab inside a line,
//! and lines holding two or more tabs, are kept: they are table columns.

use crate::document::{Document, is_blank};
use crate::edit::{Edit, Fix};
use crate::rule::{Rule, RuleDoc};

fn is_hspace(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

pub struct LineEndings;

static LINE_ENDINGS_DOC: RuleDoc = RuleDoc {
    summary: "Use one line ending throughout: the document's dominant one",
    details: "Mixed CRLF and LF endings, and lone CR (old Mac files), confuse line-based tools and \
make diffs noisy. Every line break is rewritten to the document's dominant ending (CRLF when most \
breaks are CRLF, LF otherwise); lone CRs become that ending too.",
    fixes: &[
        ("a\r\nb\nc\n", "a\nb\nc\n"),
        ("a\r\nb\r\nc\n", "a\r\nb\r\nc\r\n"),
    ],
    keeps: &["a\r\nb\r\n", "a\nb\n"],
};

impl Rule for LineEndings {
    fn id(&self) -> &'static str {
        "line-endings"
    }
    fn doc(&self) -> &'static RuleDoc {
        &LINE_ENDINGS_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let text = doc.text();
        if memchr::memchr(b'\r', text.as_bytes()).is_none() {
            return;
        }
        let nl = doc.newline();
        for l in doc.lines() {
            let t = &text[l.terminator.clone()];
            if !t.is_empty() && t != nl {
                out.push(Fix::new(
                    self.id(),
                    "line ending made consistent",
                    Edit::replace(l.terminator.clone(), nl),
                ));
            }
        }
    }
}

pub struct TrailingWhitespace;

static TRAILING_DOC: RuleDoc = RuleDoc {
    summary: "Remove spaces and tabs at the end of a line",
    details: "Trailing whitespace is invisible, varies between copies of the same text and makes \
diffs and deduplication noisy. It is removed from every line that has text; whitespace-only lines \
are the blank-lines rule's job.",
    fixes: &[("The end. \t\nNext\n", "The end.\nNext\n")],
    keeps: &["The end.\nNext\n"],
};

impl Rule for TrailingWhitespace {
    fn id(&self) -> &'static str {
        "trailing-whitespace"
    }
    fn doc(&self) -> &'static RuleDoc {
        &TRAILING_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let bytes = doc.text().as_bytes();
        for (i, l) in doc.lines().iter().enumerate() {
            let c = &bytes[l.content.clone()];
            if c.last().is_none_or(|&b| !is_hspace(b)) || doc.is_code(i) {
                continue;
            }
            let keep = c.iter().rposition(|&b| !is_hspace(b));
            let Some(k) = keep else { continue };
            if is_blank(&doc.text()[l.content.clone()]) {
                continue;
            }
            out.push(Fix::new(
                self.id(),
                "trailing whitespace removed",
                Edit::delete(l.content.start + k + 1..l.content.end),
            ));
        }
    }
}

pub struct LeadingWhitespace;

static LEADING_DOC: RuleDoc = RuleDoc {
    summary: "Remove spaces and tabs at the start of a line",
    details: "Extracted paragraphs often start with stray indentation. It is removed, except in \
code blocks: fenced blocks, and two or more consecutive lines indented by four columns or more.",
    fixes: &[("  Indented\n\tparagraph\n", "Indented\nparagraph\n")],
    keeps: &["Text\n\n    code line one\n    code line two\n"],
};

impl Rule for LeadingWhitespace {
    fn id(&self) -> &'static str {
        "leading-whitespace"
    }
    fn doc(&self) -> &'static RuleDoc {
        &LEADING_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let text = doc.text();
        let bytes = text.as_bytes();
        for (i, l) in doc.lines().iter().enumerate() {
            let c = &bytes[l.content.clone()];
            if c.first().is_none_or(|&b| !is_hspace(b)) || doc.is_code(i) {
                continue;
            }
            let n = c.iter().take_while(|&&b| is_hspace(b)).count();
            if is_blank(&text[l.content.clone()]) {
                continue;
            }
            out.push(Fix::new(
                self.id(),
                "leading whitespace removed",
                Edit::delete(l.content.start..l.content.start + n),
            ));
        }
    }
}

pub struct MultipleSpaces;

static MULTIPLE_DOC: RuleDoc = RuleDoc {
    summary: "Collapse a run of spaces or tabs inside a line to one space",
    details: "Double spaces between words come from removed markup and justified layouts. A run of \
two or more spaces or tabs between two non-space characters becomes one space. Single tabs and \
lines with two or more tabs are left alone (they separate table columns), and so are code blocks.",
    fixes: &[("Two  spaces and \t a tab\n", "Two spaces and a tab\n")],
    keeps: &["name\tvalue\n", "a\tb\t\tc\n"],
};

impl Rule for MultipleSpaces {
    fn id(&self) -> &'static str {
        "multiple-spaces"
    }
    fn doc(&self) -> &'static RuleDoc {
        &MULTIPLE_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let bytes = doc.text().as_bytes();
        // Only lines holding two spaces or a tab can have a run: find them in
        // one pass over the text instead of searching every line.
        let mut candidates: Vec<usize> = memchr::memmem::find_iter(bytes, b"  ")
            .chain(memchr::memchr_iter(b'\t', bytes))
            .map(|p| doc.line_index(p))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for li in candidates {
            let l = &doc.lines()[li];
            let c = &bytes[l.content.clone()];
            if doc.is_code(li) {
                continue;
            }
            if memchr::memchr_iter(b'\t', c).count() >= 2 {
                continue;
            }
            let first = c.iter().position(|&b| !is_hspace(b));
            let last = c.iter().rposition(|&b| !is_hspace(b));
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let mut i = first;
            while i < last {
                if is_hspace(c[i]) {
                    let s = i;
                    while is_hspace(c[i]) {
                        i += 1;
                    }
                    let run = &c[s..i];
                    if run.len() >= 2 {
                        out.push(Fix::new(
                            self.id(),
                            "run of spaces collapsed",
                            Edit::replace(l.content.start + s..l.content.start + i, " "),
                        ));
                    }
                } else {
                    i += 1;
                }
            }
        }
    }
}

pub struct BlankLines;

static BLANK_DOC: RuleDoc = RuleDoc {
    summary: "Remove leading, trailing and whitespace-only blank lines; one paragraph break between paragraphs",
    details: "Extraction leaves blank lines at the start and end, lines holding only spaces, NBSPs or \
zero-width characters, and runs of empty lines. Leading blank lines go, the text ends with exactly \
one line break, and every run of blank lines between two paragraphs becomes the document's \
paragraph break: one blank line when most paragraphs are separated by blank lines, a single line \
break when most are not (`--paragraphs` forces either). Single line breaks inside a blank-line \
document are hard wraps and stay.",
    fixes: &[
        (
            "\n\nTitle\nLead\n \nBody\nMore\n\n\n",
            "Title\nLead\nBody\nMore\n",
        ),
        ("A\n\n\n\nB\n\nC\n", "A\n\nB\n\nC\n"),
        ("No final newline", "No final newline\n"),
    ],
    keeps: &["A\nB\n", "A\n\nB\nwrapped\n\nC\n", ""],
};

impl Rule for BlankLines {
    fn id(&self) -> &'static str {
        "blank-lines"
    }
    fn doc(&self) -> &'static RuleDoc {
        &BLANK_DOC
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        let text = doc.text();
        let lines = doc.lines();
        let mut prev_end: Option<usize> = None; // end of the last non-blank content
        let mut push = |range: std::ops::Range<usize>, want: &'static str, msg: &'static str| {
            if &text[range.clone()] != want {
                out.push(Fix::new(self.id(), msg, Edit::replace(range, want)));
            }
        };
        for (i, l) in lines.iter().enumerate() {
            let c = &text[l.content.clone()];
            if is_blank(c) && !doc.is_code(i) {
                continue;
            }
            match prev_end {
                None => push(0..l.content.start, "", "leading blank lines removed"),
                Some(p) => {
                    let gap = &text[p..l.content.start];
                    let breaks = gap.bytes().filter(|&b| b == b'\n' || b == b'\r').count()
                        - gap.matches("\r\n").count();
                    if breaks >= 2 {
                        push(
                            p..l.content.start,
                            doc.paragraph_break(),
                            "blank lines between paragraphs normalized",
                        );
                    }
                }
            }
            prev_end = Some(l.content.end);
        }
        match prev_end {
            None => push(0..text.len(), "", "blank text emptied"),
            Some(p) => push(
                p..text.len(),
                doc.newline(),
                "text ends with one line break",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_keep};

    #[test]
    fn line_endings_follow_the_majority() {
        assert_fix("line-endings", "a\rb\nc\n", "a\nb\nc\n");
        assert_fix("line-endings", "a\r\nb\r\nc\nd\r\n", "a\r\nb\r\nc\r\nd\r\n");
        assert_keep("line-endings", "no line ending at all");
    }

    #[test]
    fn trailing_and_leading() {
        assert_fix("trailing-whitespace", "a \nb\t\t\nc\n", "a\nb\nc\n");
        assert_fix("trailing-whitespace", "crlf \r\nx\r\n", "crlf\r\nx\r\n");
        assert_keep("trailing-whitespace", "```\ncode  \n```\n");
        assert_fix("leading-whitespace", " a\n\tb\n", "a\nb\n");
        assert_keep(
            "leading-whitespace",
            "Example:\n\n    let x = 1;\n    let y = 2;\n",
        );
    }

    #[test]
    fn multiple_spaces() {
        assert_fix("multiple-spaces", "a  b   c\n", "a b c\n");
        assert_fix("multiple-spaces", "a \t b\n", "a b\n");
        assert_keep(
            "multiple-spaces",
            "  indented keeps its indent for the other rule\n",
        );
        assert_keep("multiple-spaces", "```\nx  =  1\n```\n");
        assert_keep("multiple-spaces", "Name\tAge\tCity\nAnn\t31\tRome\n");
    }

    #[test]
    fn blank_lines() {
        assert_fix(
            "blank-lines",
            "\n \n\u{200b}\nA\nB\nC\n\t\nD\n\n\n\n",
            "A\nB\nC\nD\n",
        );
        assert_fix(
            "blank-lines",
            "A\n\n\n\nB\n\nC\n\nD\n",
            "A\n\nB\n\nC\n\nD\n",
        );
        assert_fix(
            "blank-lines",
            "A\r\n\r\n\r\nB\r\n\r\nC",
            "A\r\n\r\nB\r\n\r\nC\r\n",
        );
        assert_fix("blank-lines", " \n\t\n", "");
        assert_keep("blank-lines", "A\nB\n");
        assert_keep("blank-lines", "");
    }

    #[test]
    fn a_real_scraped_tail() {
        let dirty = "  The situation remains highly volatile.  \n\n\n\n\n \n\n\n";
        assert_eq!(
            crate::fix(dirty).unwrap(),
            "The situation remains highly volatile.\n"
        );
    }
}
