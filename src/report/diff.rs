//! Unified diffs of original against fixed text that `patch -p1` and
//! `git apply` apply to reproduce the fixed text byte for byte.
//!
//! Lines are split on `\n` only, as `diff` and `patch` do, so a CRLF line
//! keeps its `\r` in the diff and a lone-CR file is one long line; a last line
//! without a newline is followed by `\ No newline at end of file`. The file
//! names in the headers are the paths as given, prefixed with `a/` and `b/`
//! (a leading `/` or `./` dropped): apply the diff with `patch -p1` from the
//! folder the paths are relative to. Names with spaces, quotes, backslashes
//! or control characters are quoted the way git quotes them, which both
//! `patch` and `git apply` read.
//!
//! On a terminal the diff is coloured, and inside a changed block the
//! characters that actually changed are shown in reverse video: most fixes
//! change one space or one letter in a long paragraph line.

use std::io::{self, Write};
use std::ops::Range;
use std::time::Duration;

use similar::{Algorithm, ChangeTag, DiffOp, DiffTag, TextDiff};

/// Lines of unchanged context around each change, as `diff -u` gives.
const CONTEXT: usize = 3;
/// Blocks larger than this (bytes) are not highlighted character by character:
/// the highlight would take long and say little.
const HIGHLIGHT_MAX: usize = 64 * 1024;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const REVERSE: &str = "\x1b[7m";
const NO_REVERSE: &str = "\x1b[27m";
const RESET: &str = "\x1b[0m";

/// Write the unified diff of `original` against `fixed` for the file `path`;
/// nothing when they are equal. With `color`, ANSI colours and highlights of
/// the changed characters are added (for terminals only: such a diff no longer
/// applies).
pub fn write_unified(
    out: &mut impl Write,
    path: &str,
    original: &str,
    fixed: &str,
    color: bool,
) -> io::Result<()> {
    if original == fixed {
        return Ok(());
    }
    let old = split_lines(original);
    let new = split_lines(fixed);
    let ops = similar::capture_diff_slices(Algorithm::Myers, &old, &new);
    let style = Style::new(color);
    let name = header_path(path);
    writeln!(
        out,
        "{}--- {}{}",
        style.bold,
        quote_path(&format!("a/{name}")),
        style.reset
    )?;
    writeln!(
        out,
        "{}+++ {}{}",
        style.bold,
        quote_path(&format!("b/{name}")),
        style.reset
    )?;
    for group in similar::group_diff_ops(ops, CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let o = first.old_range().start..last.old_range().end;
        let n = first.new_range().start..last.new_range().end;
        writeln!(
            out,
            "{}@@ -{} +{} @@{}",
            style.cyan,
            hunk_range(&o),
            hunk_range(&n),
            style.reset
        )?;
        for op in &group {
            write_op(out, op, &old, &new, &style)?;
        }
    }
    Ok(())
}

/// The lines of `text`, each with its `\n`; the last may lack one.
fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// `start,len` with 1-based start; an empty range names the line before it.
fn hunk_range(r: &Range<usize>) -> String {
    match r.len() {
        1 => format!("{}", r.start + 1),
        0 => format!("{},0", r.start),
        n => format!("{},{n}", r.start + 1),
    }
}

fn header_path(path: &str) -> &str {
    let mut p = path;
    loop {
        if let Some(rest) = p.strip_prefix("./") {
            p = rest;
        } else if let Some(rest) = p.strip_prefix('/') {
            p = rest;
        } else {
            return p;
        }
    }
}

/// Git's quoting of unusual file names: in double quotes with C escapes.
fn quote_path(name: &str) -> String {
    let needs = name
        .chars()
        .any(|c| c == ' ' || c == '"' || c == '\\' || c.is_control());
    if !needs {
        return name.to_string();
    }
    let mut q = String::from("\"");
    for c in name.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            '\r' => q.push_str("\\r"),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    q.push_str(&format!("\\{b:03o}"));
                }
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

struct Style {
    color: bool,
    bold: &'static str,
    cyan: &'static str,
    reset: &'static str,
}

impl Style {
    fn new(color: bool) -> Self {
        let pick = |s: &'static str| if color { s } else { "" };
        Style {
            color,
            bold: pick(BOLD),
            cyan: pick(CYAN),
            reset: pick(RESET),
        }
    }
}

fn write_op(
    out: &mut impl Write,
    op: &DiffOp,
    old: &[&str],
    new: &[&str],
    style: &Style,
) -> io::Result<()> {
    let olds = &old[op.old_range()];
    let news = &new[op.new_range()];
    match op.tag() {
        DiffTag::Equal => {
            for l in olds {
                write_line(out, ' ', l, &[], "", style)?;
            }
        }
        DiffTag::Delete => write_block(out, '-', olds, &[], RED, style)?,
        DiffTag::Insert => write_block(out, '+', news, &[], GREEN, style)?,
        DiffTag::Replace => {
            let (del, ins) = if style.color {
                changed_chars(&olds.concat(), &news.concat())
            } else {
                (Vec::new(), Vec::new())
            };
            write_block(out, '-', olds, &del, RED, style)?;
            write_block(out, '+', news, &ins, GREEN, style)?;
        }
    }
    Ok(())
}

/// Write consecutive lines of a block whose highlights are byte ranges of
/// the lines joined together.
fn write_block(
    out: &mut impl Write,
    sign: char,
    lines: &[&str],
    marks: &[Range<usize>],
    color: &str,
    style: &Style,
) -> io::Result<()> {
    let mut at = 0;
    let mut local = Vec::new();
    for l in lines {
        local.clear();
        let end = at + l.len();
        for m in marks {
            if m.start < end && m.end > at {
                local.push(m.start.max(at) - at..m.end.min(end) - at);
            }
        }
        write_line(out, sign, l, &local, color, style)?;
        at = end;
    }
    Ok(())
}

fn write_line(
    out: &mut impl Write,
    sign: char,
    line: &str,
    marks: &[Range<usize>],
    color: &str,
    style: &Style,
) -> io::Result<()> {
    let has_newline = line.ends_with('\n');
    if !style.color {
        write!(out, "{sign}{line}")?;
    } else {
        // Colour codes go before the line terminator, so `less -R` and
        // terminals do not carry the colour onto the next line.
        let body = line.trim_end_matches('\n');
        let body = body.strip_suffix('\r').unwrap_or(body);
        let term = &line[body.len()..];
        write!(out, "{color}{sign}")?;
        let mut pos = 0;
        for m in marks {
            let (s, e) = (m.start.min(body.len()), m.end.min(body.len()));
            if s > pos {
                out.write_all(&body.as_bytes()[pos..s])?;
            }
            if e > s.max(pos) {
                write!(out, "{REVERSE}{}{NO_REVERSE}", &body[s.max(pos)..e])?;
            } else if m.start >= body.len() && m.start < line.len() {
                // A changed line terminator: mark it with a visible cell.
                write!(out, "{REVERSE} {NO_REVERSE}")?;
            }
            pos = pos.max(e);
        }
        out.write_all(&body.as_bytes()[pos..])?;
        write!(out, "{RESET}")?;
        out.write_all(term.as_bytes())?;
    }
    if !has_newline {
        write!(out, "\n\\ No newline at end of file\n")?;
    }
    Ok(())
}

/// Byte ranges of `old` and of `new` that a character diff marks as changed,
/// adjacent ranges merged. Empty when the texts are too large or too unlike
/// for the highlight to help.
fn changed_chars(old: &str, new: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut del: Vec<Range<usize>> = Vec::new();
    let mut ins: Vec<Range<usize>> = Vec::new();
    if old.len() + new.len() > HIGHLIGHT_MAX {
        return (del, ins);
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(100))
        .diff_chars(old, new);
    if diff.ratio() < 0.5 {
        return (del, ins);
    }
    let (mut o, mut n) = (0, 0);
    let push = |v: &mut Vec<Range<usize>>, r: Range<usize>| match v.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ => v.push(r),
    };
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        match change.tag() {
            ChangeTag::Equal => {
                o += len;
                n += len;
            }
            ChangeTag::Delete => {
                push(&mut del, o..o + len);
                o += len;
            }
            ChangeTag::Insert => {
                push(&mut ins, n..n + len);
                n += len;
            }
        }
    }
    (del, ins)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(path: &str, a: &str, b: &str) -> String {
        let mut out = Vec::new();
        write_unified(&mut out, path, a, b, false).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn equal_texts_give_no_diff() {
        assert_eq!(diff("x.txt", "same\n", "same\n"), "");
    }

    #[test]
    fn headers_and_hunk() {
        let d = diff("dir/x.txt", "a\nb  c\nd\n", "a\nb c\nd\n");
        assert_eq!(
            d,
            "--- a/dir/x.txt\n+++ b/dir/x.txt\n@@ -1,3 +1,3 @@\n a\n-b  c\n+b c\n d\n"
        );
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let d = diff("x", "a \nb", "a\nb");
        assert_eq!(
            d,
            "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a \n+a\n b\n\\ No newline at end of file\n"
        );
        let d = diff("x", "a\n\n\n", "a\n");
        assert_eq!(d, "--- a/x\n+++ b/x\n@@ -1,3 +1 @@\n a\n-\n-\n");
    }

    #[test]
    fn crlf_stays_in_the_lines() {
        let d = diff("x", "a \r\nb\r\n", "a\r\nb\r\n");
        assert!(d.contains("-a \r\n+a\r\n b\r\n"), "{d:?}");
    }

    #[test]
    fn paths_are_normalised_and_quoted() {
        assert!(diff("./x.txt", "a\n", "b\n").starts_with("--- a/x.txt\n"));
        assert!(diff("/tmp/x.txt", "a\n", "b\n").starts_with("--- a/tmp/x.txt\n"));
        assert!(diff("my file.txt", "a\n", "b\n").starts_with("--- \"a/my file.txt\"\n"));
        assert_eq!(quote_path("a/x\"y\\z\t"), r#""a/x\"y\\z\t""#);
    }

    #[test]
    fn colour_highlights_changed_characters() {
        let mut out = Vec::new();
        write_unified(
            &mut out,
            "x",
            "peace,reiterating\n",
            "peace, reiterating\n",
            true,
        )
        .unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains(&format!(
            "{GREEN}+peace,{REVERSE} {NO_REVERSE}reiterating{RESET}\n"
        )));
        assert!(s.contains(&format!("{RED}-peace,reiterating{RESET}\n")));
    }

    #[test]
    fn changed_chars_merges_runs() {
        let (d, i) = changed_chars("a  b friday\n", "a b Friday\n");
        assert_eq!(d, vec![2..3, 5..6]);
        assert_eq!(i, vec![4..5]);
    }
}
