//! Reports for reviewing fixes: unified diffs that `patch` applies, JSON
//! Lines records, per-rule statistics and a self-contained HTML page.
//!
//! Everything here is built from what [`Pipeline::run`](crate::Pipeline::run)
//! returns: the original text and its [`Outcome`](crate::Outcome), whose fixes
//! carry byte ranges in the original. The command line uses these modules for
//! `copyedit check --diff`, `--format json`, `--statistics` and `--html`; other
//! tools can use them (or the same data) to build their own reports.
//!
//! ```
//! use copyedit::report::{diff, json, stats::Statistics};
//! use copyedit::{Config, Pipeline};
//!
//! let pipeline = Pipeline::new(Config::default())?;
//! let original = "Talks  ended today. \n";
//! let outcome = pipeline.run(original)?;
//!
//! // A unified diff with `a/` and `b/` prefixes, for `patch -p1` or `git apply`.
//! let mut patch = Vec::new();
//! diff::write_unified(&mut patch, "notes.txt", original, &outcome.fixed, false)?;
//! let patch = String::from_utf8(patch).unwrap();
//! assert!(patch.starts_with("--- a/notes.txt\n+++ b/notes.txt\n@@ -1 +1 @@\n"));
//!
//! // One JSON object per fix, with 1-based lines and columns in characters.
//! let mut lines = Vec::new();
//! for record in json::fix_records("notes.txt", original, &outcome) {
//!     json::write_record(&mut lines, &record)?;
//! }
//! let first = String::from_utf8(lines).unwrap();
//! assert!(first.starts_with(r#"{"type":"fix","path":"notes.txt","line":1,"column":6,"#));
//!
//! // Counts per rule over any number of documents.
//! let mut stats = Statistics::default();
//! stats.add(&outcome);
//! assert_eq!(stats.by_rule["multiple-spaces"], 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod diff;
pub mod html;
pub mod json;
pub mod stats;

/// True for characters a reader cannot see or tell from a space: controls,
/// format characters, exotic spaces and combining marks (an NFD accent looks
/// the same as its NFC form).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c,
            '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{180e}'
            | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}'
            | '\u{fe00}'..='\u{fe0f}' | '\u{300}'..='\u{36f}')
}

/// `text` with every hidden character written as an escape (`\n`, `\u{a0}`),
/// quoted: for terminals and plain-text output.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_shows_junk() {
        assert_eq!(quoted("a\u{a0}b\n"), r#""a\u{a0}b\n""#);
        assert_eq!(quoted("e\u{301}"), r#""e\u{301}""#);
        assert_eq!(quoted("“ok” \"x\""), r#""“ok” \"x\"""#);
    }

    #[test]
    fn hidden_characters() {
        assert!(is_hidden('\u{200b}'));
        assert!(is_hidden('\u{2009}'));
        assert!(!is_hidden(' '));
        assert!(!is_hidden('é'));
    }
}
