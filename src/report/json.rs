//! JSON Lines records: one object per fix, one per input that failed, and a
//! final summary. `docs/report-schema.json` is their JSON Schema.
//!
//! Positions are 1-based lines and 1-based columns counted in characters
//! (Unicode scalar values) of the original text, as [`LineIndex`] gives them;
//! `end_line`/`end_column` is the position just after the replaced text, equal
//! to `line`/`column` for an insertion. `before` is the original text the fix
//! replaced and `after` what it wrote, so an editor can apply the records in
//! reverse order of position.
//!
//! For JSON Lines input (`check --jsonl`) a fix or error record also names
//! the `record` (the 1-based line of the input file) and the `field` it
//! read; positions then count within that field's text. The summary adds
//! `records_checked` and `records_changed`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::stats::Statistics;
use crate::{LineIndex, Outcome};

/// One line of a JSON Lines report, tagged by `"type"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record<'a> {
    Fix {
        path: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        record: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<&'a str>,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
        rule: &'static str,
        message: &'a str,
        before: &'a str,
        after: &'a str,
    },
    Error {
        path: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        record: Option<u64>,
        message: &'a str,
    },
    Summary {
        files_checked: usize,
        files_changed: usize,
        fixes: usize,
        fixes_by_rule: BTreeMap<&'static str, usize>,
        errors: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        records_checked: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        records_changed: Option<u64>,
    },
}

/// The fix records of one document, in order of position.
pub fn fix_records<'a>(
    path: &'a str,
    original: &'a str,
    outcome: &'a Outcome,
) -> impl Iterator<Item = Record<'a>> + 'a {
    records(path, None, original, outcome)
}

/// The fix records of one JSON Lines record: `record` is its 1-based line in
/// the input, `field` the field whose text was checked (`original`).
pub fn field_fix_records<'a>(
    path: &'a str,
    record: u64,
    field: &'a str,
    original: &'a str,
    outcome: &'a Outcome,
) -> impl Iterator<Item = Record<'a>> + 'a {
    records(path, Some((record, field)), original, outcome)
}

fn records<'a>(
    path: &'a str,
    within: Option<(u64, &'a str)>,
    original: &'a str,
    outcome: &'a Outcome,
) -> impl Iterator<Item = Record<'a>> + 'a {
    let lines = LineIndex::new(original);
    outcome.fixes.iter().map(move |f| {
        let (line, column) = lines.position(f.range.start);
        let (end_line, end_column) = lines.position(f.range.end);
        Record::Fix {
            path,
            record: within.map(|w| w.0),
            field: within.map(|w| w.1),
            line,
            column,
            end_line,
            end_column,
            rule: f.rule,
            message: &f.message,
            before: original.get(f.range.clone()).unwrap_or(""),
            after: &f.replacement,
        }
    })
}

/// The closing record of a report.
pub fn summary(stats: &Statistics) -> Record<'static> {
    Record::Summary {
        files_checked: stats.files_checked,
        files_changed: stats.files_changed,
        fixes: stats.fixes(),
        fixes_by_rule: stats.by_rule.clone(),
        errors: stats.errors,
        records_checked: None,
        records_changed: None,
    }
}

/// Write `record` as one line of JSON.
pub fn write_record(out: &mut impl Write, record: &Record<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Pipeline};

    #[test]
    fn positions_count_characters() {
        let original = "Café  au lait\n\u{a0}x\n";
        let outcome = Pipeline::new(Config::default())
            .unwrap()
            .run(original)
            .unwrap();
        let recs: Vec<_> = fix_records("f.txt", original, &outcome).collect();
        let Record::Fix {
            line,
            column,
            end_line,
            end_column,
            before,
            after,
            ..
        } = &recs[0]
        else {
            panic!("{recs:?}")
        };
        assert_eq!((*line, *column, *end_line, *end_column), (1, 5, 1, 7));
        assert_eq!((*before, *after), ("  ", " "));
    }

    #[test]
    fn records_are_tagged_lines() {
        let mut out = Vec::new();
        write_record(
            &mut out,
            &Record::Error {
                path: "a\"b",
                record: None,
                message: "bad",
            },
        )
        .unwrap();
        let mut stats = Statistics::default();
        stats.add_error();
        write_record(&mut out, &summary(&stats)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"type\":\"error\",\"path\":\"a\\\"b\",\"message\":\"bad\"}\n\
             {\"type\":\"summary\",\"files_checked\":0,\"files_changed\":0,\"fixes\":0,\
             \"fixes_by_rule\":{},\"errors\":1}\n"
        );
    }
}
