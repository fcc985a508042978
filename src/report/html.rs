//! A self-contained HTML review page: a summary with fixes per rule as a bar
//! chart, the errors, and every changed file's fixes before and after with
//! the changed characters highlighted.
//!
//! The page fetches nothing: its CSS and script are inline and the fixes are
//! embedded as JSON. The summary is plain HTML; the file list is drawn by the
//! script a page of files at a time, each file collapsed until opened, so a
//! report on tens of thousands of files opens as fast as one on ten. Each fix
//! carries a little context from its line rather than the whole document,
//! which keeps the page to a few hundred bytes per fix.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::stats::Statistics;
use crate::{LineIndex, Outcome};

/// Characters of context shown on each side of a fix.
const CONTEXT_CHARS: usize = 40;

const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// Collects the changed files of a run and writes the page.
#[derive(Debug, Default)]
pub struct HtmlReport {
    files: Vec<FileEntry>,
    errors: Vec<(String, String)>,
    rule_ids: BTreeMap<&'static str, usize>,
}

#[derive(Debug, Serialize)]
struct FileEntry {
    /// Path.
    p: String,
    /// Fixes as `[rule index, line, column, left context, before, after, right context]`.
    f: Vec<(usize, usize, usize, String, String, String, String)>,
}

#[derive(Serialize)]
struct Data<'a> {
    rules: Vec<&'static str>,
    files: &'a [FileEntry],
}

impl HtmlReport {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one checked document; unchanged ones only count in the summary.
    pub fn add(&mut self, path: &str, original: &str, outcome: &Outcome) {
        if !outcome.changed() {
            return;
        }
        let lines = LineIndex::new(original);
        let mut f = Vec::with_capacity(outcome.fixes.len());
        for fix in &outcome.fixes {
            let next = self.rule_ids.len();
            let rule = *self.rule_ids.entry(fix.rule).or_insert(next);
            let (line, column) = lines.position(fix.range.start);
            let (left, right) = context(original, fix.range.start, fix.range.end);
            f.push((
                rule,
                line,
                column,
                left,
                original
                    .get(fix.range.clone())
                    .unwrap_or_default()
                    .to_string(),
                fix.replacement.to_string(),
                right,
            ));
        }
        self.files.push(FileEntry {
            p: path.to_string(),
            f,
        });
    }

    pub fn add_error(&mut self, path: &str, message: &str) {
        self.errors.push((path.to_string(), message.to_string()));
    }

    /// Write the page. `stats` gives the totals and the counts per rule.
    pub fn write(&self, out: &mut impl Write, stats: &Statistics) -> io::Result<()> {
        let mut rules = vec![""; self.rule_ids.len()];
        for (r, i) in &self.rule_ids {
            rules[*i] = r;
        }
        let data = serde_json::to_string(&Data {
            rules,
            files: &self.files,
        })?;
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>copyedit review</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
        )?;
        self.write_summary(out, stats)?;
        self.write_errors(out)?;
        write!(
            out,
            "<section id=\"files\">\n<h2>Changed files</h2>\n\
             <div class=\"controls\">\
             <label>Rule <select id=\"rule\"><option value=\"\">all rules</option>"
        )?;
        for (rule, _) in stats.ranked() {
            let r = escape(rule);
            write!(out, "<option value=\"{r}\">{r}</option>")?;
        }
        write!(
            out,
            "</select></label>\n<label>Path <input id=\"search\" type=\"search\" \
             placeholder=\"part of a path\"></label>\n\
             <button id=\"expand\" type=\"button\">Open all on page</button>\n\
             <button id=\"collapse\" type=\"button\">Close all</button>\n\
             <span id=\"count\"></span></div>\n\
             <nav class=\"pager\"></nav>\n<div id=\"list\"></div>\n<nav class=\"pager\"></nav>\n\
             <noscript><p>The list of files needs JavaScript; the summary above is complete.</p>\
             </noscript>\n</section>\n\
             <script type=\"application/json\" id=\"data\">{}</script>\n<script>\n{SCRIPT}</script>\n\
             </body>\n</html>\n",
            script_safe(&data)
        )
    }

    fn write_summary(&self, out: &mut impl Write, stats: &Statistics) -> io::Result<()> {
        let fixes = stats.fixes();
        write!(
            out,
            "<header>\n<h1>copyedit review</h1>\n<p class=\"totals\">\
             <span><b>{}</b> files checked</span> <span><b>{}</b> changed</span> \
             <span><b>{fixes}</b> fixes</span> <span class=\"{}\"><b>{}</b> errors</span></p>\n\
             </header>\n<section id=\"summary\">\n<h2>Fixes per rule</h2>\n",
            stats.files_checked,
            stats.files_changed,
            if stats.errors > 0 { "bad" } else { "" },
            stats.errors,
        )?;
        let ranked = stats.ranked();
        if ranked.is_empty() {
            writeln!(out, "<p>Nothing to fix.</p>")?;
        } else {
            let max = ranked[0].1.max(1);
            writeln!(out, "<table class=\"rules\">")?;
            for (rule, n) in ranked {
                let r = escape(rule);
                let pct = (n as f64 * 100.0 / max as f64).max(0.5);
                writeln!(
                    out,
                    "<tr><td><a href=\"#rule={r}\" class=\"rule-link\" data-rule=\"{r}\">{r}</a></td>\
                     <td class=\"n\">{n}</td><td class=\"bar\"><span style=\"width:{pct:.1}%\"></span></td></tr>"
                )?;
            }
            writeln!(out, "</table>")?;
        }
        writeln!(out, "</section>")
    }

    fn write_errors(&self, out: &mut impl Write) -> io::Result<()> {
        if self.errors.is_empty() {
            return Ok(());
        }
        writeln!(out, "<section id=\"errors\">\n<h2>Errors</h2>\n<ul>")?;
        for (path, message) in &self.errors {
            writeln!(
                out,
                "<li><code>{}</code>: {}</li>",
                escape(path),
                escape(message)
            )?;
        }
        writeln!(out, "</ul>\n</section>")
    }
}

/// The text before and after `start..end` on the same line(s), at most
/// [`CONTEXT_CHARS`] characters each, with `…` where it was cut short.
fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    let mut left: String = before.chars().rev().take(CONTEXT_CHARS).collect();
    left = left.chars().rev().collect();
    if left.len() < before.len() {
        left.insert(0, '…');
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let after = &text[end..line_end];
    let mut right: String = after.chars().take(CONTEXT_CHARS).collect();
    if right.len() < after.len() {
        right.push('…');
    }
    (left, right)
}

/// Escape text for HTML element content and quoted attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON made safe inside a `<script>` element: `<`, `>` and `&` occur only
/// inside JSON strings, where their `\u` escapes mean the same, and without
/// them no `</script>` or `<!--` can end the element early.
fn script_safe(json: &str) -> String {
    json.replace('&', "\\u0026")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Pipeline};

    #[test]
    fn context_stays_on_the_line() {
        let t = "first line\nsecond  line here\nthird\n";
        let at = t.find("  ").unwrap();
        assert_eq!(
            context(t, at, at + 2),
            ("second".to_string(), "line here".to_string())
        );
        let long = format!("{}X{}\n", "a".repeat(50), "b".repeat(50));
        let (l, r) = context(&long, 50, 51);
        assert_eq!(l, format!("…{}", "a".repeat(40)));
        assert_eq!(r, format!("{}…", "b".repeat(40)));
    }

    #[test]
    fn page_escapes_paths_and_text() {
        let input = "x  </script><b>\n";
        let outcome = Pipeline::new(Config::default())
            .unwrap()
            .run(input)
            .unwrap();
        let mut r = HtmlReport::new();
        let mut stats = Statistics::default();
        r.add("<img src=x onerror=alert(1)>.txt", input, &outcome);
        stats.add(&outcome);
        r.add_error("<b>bad</b>", "a & b");
        stats.add_error();
        let mut out = Vec::new();
        r.write(&mut out, &stats).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(!page.contains("<img"));
        assert!(!page.contains("<b>bad"));
        assert!(page.contains("<code>&lt;b&gt;bad&lt;/b&gt;</code>: a &amp; b"));
        assert_eq!(page.matches("</script>").count(), 2, "only the page's own");
        assert!(page.contains("\\u003cimg src=x onerror=alert(1)\\u003e.txt"));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }

    #[test]
    fn summary_lists_rules_with_bars() {
        let input = "a  b \n";
        let outcome = Pipeline::new(Config::default())
            .unwrap()
            .run(input)
            .unwrap();
        let mut r = HtmlReport::new();
        let mut stats = Statistics::default();
        r.add("f.txt", input, &outcome);
        stats.add(&outcome);
        let mut out = Vec::new();
        r.write(&mut out, &stats).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(page.contains("data-rule=\"multiple-spaces\""));
        assert!(page.contains("data-rule=\"trailing-whitespace\""));
        assert!(page.contains("style=\"width:100.0%\""));
        assert!(page.contains("\"p\":\"f.txt\""));
    }
}
