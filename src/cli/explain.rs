//! `copyedit explain RULE`: what a rule fixes and why, with the examples of
//! fixes and of text it leaves alone that the rule's tests also run.

use std::io::Write;

use anyhow::{Result, bail};
use clap::Args;
use copyedit::report::quoted;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule id, as `copyedit rules` lists it.
    #[arg(value_name = "RULE")]
    pub rule: String,
}

/// Width the details paragraph is wrapped to.
const WIDTH: usize = 78;

pub fn run(args: &ExplainArgs) -> Result<()> {
    let all = copyedit::rules::all();
    let Some(rule) = all.iter().find(|r| r.id() == args.rule) else {
        let near: Vec<&str> = all
            .iter()
            .map(|r| r.id())
            .filter(|id| id.contains(args.rule.as_str()) || args.rule.contains(id))
            .collect();
        let hint = if near.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", near.join(", "))
        };
        bail!(
            "unknown rule {:?}{hint}; `copyedit rules` lists them",
            args.rule
        );
    };
    let doc = rule.doc();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}: {}", rule.id(), doc.summary)?;
    writeln!(
        out,
        "{}; {}.\n",
        if rule.default_enabled() {
            "On by default"
        } else {
            "Off by default (enable with --select)"
        },
        if rule.english_only() {
            "English documents only"
        } else {
            "all languages"
        }
    )?;
    for line in wrap(doc.details, WIDTH) {
        writeln!(out, "{line}")?;
    }
    if !doc.fixes.is_empty() {
        writeln!(out, "\nFixes (before, then after):")?;
        for (before, after) in doc.fixes {
            writeln!(out, "  {}\n  {}\n", quoted(before), quoted(after))?;
        }
    }
    if !doc.keeps.is_empty() {
        writeln!(
            out,
            "{}Leaves alone:",
            if doc.fixes.is_empty() { "\n" } else { "" }
        )?;
        for keep in doc.keeps {
            writeln!(out, "  {}", quoted(keep))?;
        }
    }
    Ok(())
}

/// Greedy word wrap; words longer than `width` get a line of their own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_width() {
        assert_eq!(wrap("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
        assert_eq!(wrap("  a\n b ", 10), vec!["a b"]);
        assert_eq!(wrap("abcdefgh x", 4), vec!["abcdefgh", "x"]);
    }
}
