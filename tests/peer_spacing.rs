//! Peer test cases for punctuation spacing, run through the default rule set.
//!
//! The cases come from two other proofreaders, kept as data beside the
//! project (`../shared/peer-cases`, or `COPYEDIT_PEER_CASES`): LanguageTool's
//! COMMA_PARENTHESIS_WHITESPACE and SENTENCE_WHITESPACE tests (LGPL, so they
//! stay in their files and are not copied here) and Harper's `comma_fixes` and
//! `missing_space` tests. Every case must pass except the ones listed in
//! [`DISAGREE`], each with the reason copyedit deliberately behaves
//! differently; a listed case that starts passing fails the test too, so the
//! list stays exact.

use std::path::PathBuf;

use copyedit::{Config, Lang, Pipeline};

/// (file, 0-based line, why copyedit does not do what the peer expects).
const DISAGREE: &[(&str, usize, &str)] = &[
    (
        "lt-java-rule-tests.jsonl",
        11,
        "NBSP after a comma becomes a plain space: the unicode-spaces rule normalises NBSP by design",
    ),
    (
        "lt-java-rule-tests.jsonl",
        21,
        "space inside parentheses `( foo bar)`: not punctuation spacing; copyedit has no bracket rule",
    ),
    (
        "lt-java-rule-tests.jsonl",
        22,
        "space inside parentheses `(foo bar )`: not punctuation spacing; copyedit has no bracket rule",
    ),
    (
        "lt-java-rule-tests.jsonl",
        24,
        "`.Los Angeles`: a period glued to the start of a word may be a name (`.NET`); left alone",
    ),
    (
        "lt-java-rule-tests.jsonl",
        25,
        "space inside quotes `' with'`: which side a straight quote belongs to is a guess; left alone",
    ),
    (
        "lt-java-rule-tests.jsonl",
        26,
        "space inside quotes `'with '`: which side a straight quote belongs to is a guess; left alone",
    ),
    (
        "lt-java-rule-tests.jsonl",
        27,
        "space inside quotes `\" fixed\"`: which side a straight quote belongs to is a guess; left alone",
    ),
    (
        "lt-java-rule-tests.jsonl",
        28,
        "space inside quotes `\"fixed \"`: which side a straight quote belongs to is a guess; left alone",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        1,
        "a lone full-width comma is correct CJK punctuation; copyedit never rewrites CJK punctuation",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        2,
        "a lone ideographic comma is correct CJK punctuation",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        3,
        "full-width comma in English text: a character change, not spacing; left to the author",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        4,
        "ideographic commas between code names: a character change, not spacing",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        6,
        "full-width comma: a character change, not spacing",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        7,
        "ideographic comma: a character change, not spacing",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        10,
        "full-width comma: a character change, not spacing",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        12,
        "full-width comma: a character change, not spacing",
    ),
    (
        "harper-core-3.0.0-tests.jsonl",
        14,
        "ideographic comma: a character change, not spacing",
    ),
];

/// Peer rule names whose cases this file runs.
const RULES: &[&str] = &[
    "COMMA_PARENTHESIS_WHITESPACE",
    "SENTENCE_WHITESPACE",
    "comma_fixes",
    "missing_space",
];

fn peer_dir() -> PathBuf {
    std::env::var_os("COPYEDIT_PEER_CASES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // ../shared beside the checkout (or beside the folder of worktrees).
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let near = root.join("../shared/peer-cases");
            if near.exists() {
                near
            } else {
                root.join("../../shared/peer-cases")
            }
        })
}

#[test]
fn peer_spacing_cases() {
    // The spacing fixtures judge spacing: the casing rules stay out of them
    // (tests/peer_casing.rs holds the casing cases).
    let casing = [
        "sentence-start-case",
        "pronoun-i-case",
        "proper-noun-case",
        "consensus-case",
    ];
    let pipeline = Pipeline::new(Config {
        lang: Lang::En,
        ignore: casing.iter().map(|s| s.to_string()).collect(),
        ..Config::default()
    })
    .unwrap();
    let dir = peer_dir();
    let (mut passed, mut total) = (0, 0);
    let mut failures = Vec::new();
    for file in ["lt-java-rule-tests.jsonl", "harper-core-3.0.0-tests.jsonl"] {
        let path = dir.join(file);
        let data = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("peer cases not found at {}: {e}", path.display()));
        for (i, line) in data.lines().enumerate() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let rule = row["rule"].as_str().unwrap_or("");
            if !RULES.iter().any(|r| rule.starts_with(r)) {
                continue;
            }
            total += 1;
            // The cases are fragments; as documents they end with a newline.
            let doc = |k: &str| row[k].as_str().map(|s| format!("{s}\n"));
            let fix = |s: &str| pipeline.run(s).unwrap().fixed;
            let ok = match (doc("incorrect"), doc("correct")) {
                (None, Some(clean)) => fix(&clean) == clean,
                (Some(bad), Some(good)) => fix(&bad) == good,
                (Some(bad), None) => fix(&bad) != bad,
                (None, None) => continue,
            };
            let disagreed = DISAGREE.iter().any(|&(f, l, _)| f == file && l == i);
            if ok {
                passed += 1;
            }
            if ok == disagreed {
                failures.push(format!(
                    "{file}:{i} {} ({rule})",
                    if ok {
                        "passes but is listed as a disagreement"
                    } else {
                        "fails"
                    }
                ));
            }
        }
    }
    println!(
        "peer spacing cases: {passed}/{total} pass, {} disagreements",
        DISAGREE.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(passed + DISAGREE.len(), total);
}
