//! A self-contained HTML review page: a summary with fixes per rule as a bar
//! chart, the errors, and every changed document's fixes before and after with
//! the changed characters highlighted.
//!
//! The page fetches nothing: its CSS and script are inline and the fixes are
//! embedded as JSON. The summary is plain HTML; the list of documents is drawn
//! by the script a page at a time, each document collapsed until opened, so a
//! report on tens of thousands of documents opens as fast as one on ten. Each
//! fix carries a little context from its line rather than the whole document,
//! which keeps the page to a few hundred bytes per fix.
//!
//! A run over a corpus can change millions of documents, more than a browser
//! can hold: the page lists the first [`HtmlReport::limit`] changed documents
//! (and as many errors) and says how many more there were, while its summary
//! counts them all. Documents are files or, for JSON Lines, records
//! ([`HtmlReport::for_records`]).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::stats::Statistics;
use crate::{LineIndex, Outcome};

/// Characters of context shown on each side of a fix.
const CONTEXT_CHARS: usize = 40;

/// Changed documents (and errors) a page lists unless told otherwise: at a
/// few hundred bytes per fix, some tens of megabytes of page.
pub const DEFAULT_LIMIT: usize = 10_000;

const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// Collects the changed documents of a run and writes the page.
#[derive(Debug)]
pub struct HtmlReport {
    files: Vec<FileEntry>,
    errors: Vec<(String, String)>,
    rule_ids: BTreeMap<&'static str, usize>,
    /// What one document is called in the totals: `file` or `record`.
    unit: &'static str,
    /// What one listed entry is: a document, or `record field` when each
    /// field of a record is listed apart.
    entry: &'static str,
    limit: usize,
    /// Changed documents and errors past the limit, counted only.
    files_left_out: usize,
    errors_left_out: usize,
}

impl Default for HtmlReport {
    fn default() -> Self {
        HtmlReport {
            files: Vec::new(),
            errors: Vec::new(),
            rule_ids: BTreeMap::new(),
            unit: "file",
            entry: "file",
            limit: DEFAULT_LIMIT,
            files_left_out: 0,
            errors_left_out: 0,
        }
    }
}

#[derive(Debug, Serialize)]
struct FileEntry {
    /// Path.
    p: String,
    /// Fixes as `[rule index, line, column, left context, before, after, right context]`.
    f: Vec<(usize, usize, usize, String, String, String, String)>,
}

/// One changed document's fixes as the page shows them, built apart from
/// the page (on a worker thread) and added with [`HtmlReport::push`].
#[derive(Debug)]
pub struct Entry {
    path: String,
    /// `(rule, line, column, left context, before, after, right context)`.
    fixes: Vec<(&'static str, usize, usize, String, String, String, String)>,
}

impl Entry {
    /// The entry of one checked document named `path`; `None` when it
    /// needed no fix.
    pub fn new(path: &str, original: &str, outcome: &Outcome) -> Option<Entry> {
        if !outcome.changed() {
            return None;
        }
        let lines = LineIndex::new(original);
        let fixes = outcome
            .fixes
            .iter()
            .map(|fix| {
                let (line, column) = lines.position(fix.range.start);
                let (left, right) = context(original, fix.range.start, fix.range.end);
                let before = original.get(fix.range.clone()).unwrap_or_default();
                (
                    fix.rule,
                    line,
                    column,
                    left,
                    before.to_string(),
                    fix.replacement.to_string(),
                    right,
                )
            })
            .collect();
        Some(Entry {
            path: path.to_string(),
            fixes,
        })
    }
}

#[derive(Serialize)]
struct Data<'a> {
    rules: Vec<&'static str>,
    files: &'a [FileEntry],
    /// What a listed entry is (`file`, `record`, `record field`), for the
    /// script's wording.
    unit: &'static str,
}

impl HtmlReport {
    pub fn new() -> Self {
        Self::default()
    }

    /// A page whose documents are JSON Lines records, named `PATH:LINE`.
    pub fn for_records() -> Self {
        HtmlReport {
            unit: "record",
            entry: "record",
            ..Self::default()
        }
    }

    /// A page of JSON Lines records with several fields fixed: the totals
    /// count records, the list has one entry per changed field, named
    /// `PATH:LINE:FIELD`.
    pub fn for_record_fields() -> Self {
        HtmlReport {
            unit: "record",
            entry: "record field",
            ..Self::default()
        }
    }

    /// List at most `limit` changed documents and as many errors (0: no
    /// limit); the rest are counted in the summary and the notice only.
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = if limit == 0 { usize::MAX } else { limit };
        self
    }

    /// How many changed documents (and errors) the page lists.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// True when the page lists as many changed documents as it may: later
    /// ones are only counted, so there is no need to build their entries.
    pub fn is_full(&self) -> bool {
        self.files.len() >= self.limit
    }

    /// Add one checked document; unchanged ones only count in the summary.
    pub fn add(&mut self, path: &str, original: &str, outcome: &Outcome) {
        if !outcome.changed() {
            return;
        }
        if self.is_full() {
            self.files_left_out += 1;
        } else if let Some(e) = Entry::new(path, original, outcome) {
            self.push(e);
        }
    }

    /// Add an entry built with [`Entry::new`]; past the limit it is only
    /// counted.
    pub fn push(&mut self, entry: Entry) {
        if self.is_full() {
            self.files_left_out += 1;
            return;
        }
        let f = entry
            .fixes
            .into_iter()
            .map(|(rule, line, column, left, before, after, right)| {
                let next = self.rule_ids.len();
                let rule = *self.rule_ids.entry(rule).or_insert(next);
                (rule, line, column, left, before, after, right)
            })
            .collect();
        self.files.push(FileEntry { p: entry.path, f });
    }

    /// Count a changed document whose entry was not built because the page
    /// was full.
    pub fn left_out(&mut self) {
        self.files_left_out += 1;
    }

    pub fn add_error(&mut self, path: &str, message: &str) {
        if self.errors.len() >= self.limit {
            self.errors_left_out += 1;
            return;
        }
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
            unit: self.entry,
        })?;
        let unit = self.entry;
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>copyedit review</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
        )?;
        self.write_summary(out, stats)?;
        self.write_errors(out)?;
        write!(out, "<section id=\"files\">\n<h2>Changed {unit}s</h2>\n")?;
        if self.files_left_out > 0 {
            writeln!(
                out,
                "<p class=\"notice\">Listed here: the first {} of {}; the summary above counts \
                 them all.</p>",
                count(self.files.len(), &format!("changed {unit}")),
                self.files.len() + self.files_left_out
            )?;
        }
        write!(
            out,
            "<div class=\"controls\">\
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
             <noscript><p>The list of {unit}s needs JavaScript; the summary above is complete.</p>\
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
             <span><b>{}</b> {}s checked</span> <span><b>{}</b> changed</span> \
             <span><b>{fixes}</b> fixes</span> <span class=\"{}\"><b>{}</b> errors</span></p>\n\
             </header>\n<section id=\"summary\">\n<h2>Fixes per rule</h2>\n",
            stats.files_checked,
            self.unit,
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
        writeln!(out, "</ul>")?;
        if self.errors_left_out > 0 {
            writeln!(
                out,
                "<p class=\"notice\">Listed here: the first {} of {}.</p>",
                count(self.errors.len(), "error"),
                self.errors.len() + self.errors_left_out
            )?;
        }
        writeln!(out, "</section>")
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

/// `n` and the noun, in the plural unless `n` is 1.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
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
        let outcome = outcome_of(input);
        let mut r = HtmlReport::new();
        let mut stats = Statistics::default();
        r.add("<img src=x onerror=alert(1)>.txt", input, &outcome);
        stats.add(&outcome);
        r.add_error("<b>bad</b>", "a & b");
        stats.add_error();
        let page = page_of(&r, &stats);
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
        let outcome = outcome_of(input);
        let mut r = HtmlReport::new();
        let mut stats = Statistics::default();
        r.add("f.txt", input, &outcome);
        stats.add(&outcome);
        let page = page_of(&r, &stats);
        assert!(page.contains("data-rule=\"multiple-spaces\""));
        assert!(page.contains("data-rule=\"trailing-whitespace\""));
        assert!(page.contains("style=\"width:100.0%\""));
        assert!(page.contains("\"p\":\"f.txt\""));
    }

    fn outcome_of(input: &str) -> Outcome {
        Pipeline::new(Config::default())
            .unwrap()
            .run(input)
            .unwrap()
    }

    fn page_of(r: &HtmlReport, stats: &Statistics) -> String {
        let mut out = Vec::new();
        r.write(&mut out, stats).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn limit_lists_the_first_documents_and_counts_the_rest() {
        let input = "a  b\n";
        let outcome = outcome_of(input);
        let fill = |mut r: HtmlReport| {
            let mut stats = Statistics::default();
            for i in 0..5 {
                r.add(&format!("f{i}.txt"), input, &outcome);
                stats.add(&outcome);
            }
            r.add("clean.txt", "ok\n", &Outcome::default());
            for i in 0..3 {
                r.add_error(&format!("e{i}.txt"), "unreadable");
                stats.add_error();
            }
            (r, stats)
        };
        let (r, stats) = fill(HtmlReport::new().with_limit(2));
        assert!(r.is_full());
        let page = page_of(&r, &stats);
        assert!(page.contains("\"p\":\"f1.txt\"") && !page.contains("f2.txt"));
        assert!(page.contains("Listed here: the first 2 changed files of 5;"));
        assert!(page.contains("<code>e1.txt</code>") && !page.contains("e2.txt"));
        assert!(page.contains("Listed here: the first 2 errors of 3."));
        assert!(page.contains("<b>5</b> files checked"));

        let (r, stats) = fill(HtmlReport::for_records().with_limit(0));
        assert!(!r.is_full());
        let page = page_of(&r, &stats);
        assert_eq!(page.matches("\"p\":").count(), 5);
        assert!(!page.contains("Listed here"));
        assert!(page.contains("<b>5</b> records checked") && page.contains("\"unit\":\"record\""));

        // Entries built apart and pushed give the same page as `add`.
        let mut pushed = HtmlReport::new().with_limit(2);
        for i in 0..5 {
            match Entry::new(&format!("f{i}.txt"), input, &outcome) {
                Some(e) if !pushed.is_full() => pushed.push(e),
                _ => pushed.left_out(),
            }
        }
        for i in 0..3 {
            pushed.add_error(&format!("e{i}.txt"), "unreadable");
        }
        let (added, stats) = fill(HtmlReport::new().with_limit(2));
        assert_eq!(page_of(&pushed, &stats), page_of(&added, &stats));
        assert!(Entry::new("clean.txt", "ok\n", &Outcome::default()).is_none());
    }
}
