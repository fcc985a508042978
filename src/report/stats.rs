//! Counts over a run: files checked and changed, errors, and fixes per rule,
//! shown by `--statistics` and carried by the JSON summary and the HTML page.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::Outcome;

/// Totals over any number of documents. Rules are kept in id order so every
/// report lists them the same way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statistics {
    pub files_checked: usize,
    pub files_changed: usize,
    pub errors: usize,
    pub by_rule: BTreeMap<&'static str, usize>,
}

impl Statistics {
    /// Count one checked document.
    pub fn add(&mut self, outcome: &Outcome) {
        self.files_checked += 1;
        self.files_changed += usize::from(outcome.changed());
        for f in &outcome.fixes {
            *self.by_rule.entry(f.rule).or_default() += 1;
        }
    }

    pub fn add_error(&mut self) {
        self.errors += 1;
    }

    pub fn fixes(&self) -> usize {
        self.by_rule.values().sum()
    }

    /// Rules by falling count (ties by id), as the text table and the HTML
    /// chart show them.
    pub fn ranked(&self) -> Vec<(&'static str, usize)> {
        let mut v: Vec<_> = self.by_rule.iter().map(|(r, n)| (*r, *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }

    /// The table `--statistics` prints: one line per rule that fired, then
    /// the totals.
    pub fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        self.write_text_of(out, "file")
    }

    /// [`write_text`](Self::write_text) for documents that are not files:
    /// `unit` names one of them in the totals line (`record`).
    pub fn write_text_of(&self, out: &mut impl Write, unit: &str) -> io::Result<()> {
        let ranked = self.ranked();
        let digits = self.fixes().to_string().len();
        for (rule, n) in &ranked {
            writeln!(out, "{n:>digits$}  {rule}")?;
        }
        writeln!(
            out,
            "{} fix{} in {} of {} {unit}{}, {} error{}",
            self.fixes(),
            if self.fixes() == 1 { "" } else { "es" },
            self.files_changed,
            self.files_checked,
            if self.files_checked == 1 { "" } else { "s" },
            self.errors,
            if self.errors == 1 { "" } else { "s" },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AppliedFix, Outcome};

    fn outcome(rules: &[&'static str]) -> Outcome {
        Outcome {
            fixed: String::new(),
            fixes: rules
                .iter()
                .map(|r| AppliedFix {
                    rule: r,
                    message: "".into(),
                    range: 0..0,
                    replacement: "".into(),
                    pass: 0,
                })
                .collect(),
        }
    }

    #[test]
    fn counts_and_table() {
        let mut s = Statistics::default();
        s.add(&outcome(&["b-rule", "a-rule", "b-rule"]));
        s.add(&outcome(&[]));
        s.add(&outcome(&["a-rule", "c"]));
        s.add_error();
        assert_eq!(s.files_checked, 3);
        assert_eq!(s.files_changed, 2);
        assert_eq!(s.fixes(), 5);
        let mut out = Vec::new();
        s.write_text(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "2  a-rule\n2  b-rule\n1  c\n5 fixes in 2 of 3 files, 1 error\n"
        );
        let mut out = Vec::new();
        s.write_text_of(&mut out, "record").unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .ends_with("5 fixes in 2 of 3 records, 1 error\n")
        );
    }
}
