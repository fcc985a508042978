//! The casing cases of two peer tools, run through copyedit's casing rules.
//!
//! Fixtures (tests/fixtures/peer_casing.jsonl) are extracted test data:
//! LanguageTool (LGPL-2.1-or-later; grammar.xml examples of CAPITALIZATION and
//! I_LOWERCASE, JUnit sentences of UPPERCASE_SENTENCE_START and
//! SpecificCaseRule) and Harper 3.0.0 (Apache-2.0; sentence_capitalization,
//! proper_noun_capitalization_linters, months, capitalize_personal_pronouns).
//! A row with `incorrect: null` must come out unchanged; a row with
//! `correct: null` must be changed somehow; any other row must become
//! `correct`.
//!
//! Every case passes except those in [`DISAGREE`], each with the reason we
//! do otherwise. The test also fails when a listed case starts passing, so
//! the list stays true.

use copyedit::{Config, Lang, Pipeline};

const RULES: &[&str] = &[
    "sentence-start-case",
    "pronoun-i-case",
    "proper-noun-case",
    "consensus-case",
];

/// (input, why we do not produce the peer's answer).
const DISAGREE: &[(&str, &str)] = &[];

#[derive(serde::Deserialize)]
struct Row {
    rule: String,
    incorrect: Option<String>,
    correct: Option<String>,
}

fn fix(text: &str) -> String {
    let cfg = Config {
        select: Some(RULES.iter().map(|s| s.to_string()).collect()),
        lang: Lang::En,
        ..Config::default()
    };
    Pipeline::new(cfg).unwrap().run(text).unwrap().fixed
}

#[test]
fn peer_casing_cases() {
    let data = include_str!("fixtures/peer_casing.jsonl");
    let (mut pass, mut total) = (0, 0);
    let mut unexpected = Vec::new();
    for line in data.lines() {
        let row: Row = serde_json::from_str(line).unwrap();
        let (input, ok) = match (&row.incorrect, &row.correct) {
            (Some(i), Some(c)) => (i.as_str(), fix(i) == *c),
            (None, Some(c)) => (c.as_str(), fix(c) == *c),
            (Some(i), None) => (i.as_str(), fix(i) != *i),
            (None, None) => continue,
        };
        total += 1;
        pass += usize::from(ok);
        let listed = DISAGREE.iter().any(|(d, _)| *d == input);
        if ok == listed {
            unexpected.push(format!(
                "{} {:?} -> {:?} (expected {:?}){}",
                row.rule,
                input,
                fix(input),
                row.correct,
                if listed {
                    " [listed as disagreement but passes]"
                } else {
                    ""
                }
            ));
        }
    }
    eprintln!("peer casing cases: {pass}/{total} pass");
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}
