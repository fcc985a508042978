//! Every rule copyedit has, one module per kind of damage.

use std::sync::Arc;

use crate::rule::Rule;

mod casing;
mod casing_consensus;
mod casing_lexicon;
mod casing_pronoun;
mod casing_sentence;
pub mod paragraph;
pub mod spacing;
pub mod unicode;
pub mod whitespace;

/// All rules, in the order `copyedit rules` lists them.
pub fn all() -> Vec<Arc<dyn Rule>> {
    vec![
        Arc::new(unicode::Nfc),
        Arc::new(unicode::UnicodeSpaces),
        Arc::new(unicode::InvisibleChars),
        Arc::new(unicode::ControlChars),
        Arc::new(whitespace::LineEndings),
        Arc::new(whitespace::TrailingWhitespace),
        Arc::new(whitespace::LeadingWhitespace),
        Arc::new(whitespace::MultipleSpaces),
        Arc::new(whitespace::BlankLines),
        Arc::new(spacing::SpaceAfterComma),
        Arc::new(spacing::SpaceAfterPunctuation),
        Arc::new(spacing::SpaceBeforePunctuation),
        Arc::new(paragraph::GluedHeading),
        Arc::new(casing_sentence::SentenceStart),
        Arc::new(casing_pronoun::PronounI),
        Arc::new(casing_lexicon::LexiconCase),
        Arc::new(casing_consensus::ConsensusCase),
    ]
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the tests next to each rule: run one rule alone, the way the
    //! pipeline would, to a fixed point.
    use crate::{Config, Lang, Pipeline};

    pub fn run_rule(id: &str, input: &str) -> String {
        let cfg = Config {
            select: Some(vec![id.to_string()]),
            lang: Lang::En,
            ..Config::default()
        };
        Pipeline::new(cfg).unwrap().run(input).unwrap().fixed
    }

    #[track_caller]
    pub fn assert_fix(id: &str, input: &str, expected: &str) {
        assert_eq!(run_rule(id, input), expected, "rule {id} on {input:?}");
    }

    /// The rule reaches `expected` with every fix made in the first pass.
    #[track_caller]
    pub fn assert_fix_in_one_pass(id: &str, input: &str, expected: &str) {
        let cfg = Config {
            select: Some(vec![id.to_string()]),
            lang: Lang::En,
            ..Config::default()
        };
        let out = Pipeline::new(cfg).unwrap().run(input).unwrap();
        assert_eq!(out.fixed, expected, "rule {id} on {input:?}");
        assert!(out.fixes.iter().all(|f| f.pass == 0), "{:?}", out.fixes);
    }

    #[track_caller]
    pub fn assert_keep(id: &str, input: &str) {
        assert_eq!(
            run_rule(id, input),
            input,
            "rule {id} must leave {input:?} alone"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{assert_fix, assert_keep};

    /// The examples each rule documents are its first tests.
    #[test]
    fn documented_examples_hold() {
        for rule in super::all() {
            let doc = rule.doc();
            for (input, expected) in doc.fixes {
                assert_fix(rule.id(), input, expected);
            }
            for keep in doc.keeps {
                assert_keep(rule.id(), keep);
            }
            assert!(!doc.fixes.is_empty(), "{} documents no fix", rule.id());
        }
    }

    #[test]
    fn ids_are_unique_kebab_case() {
        let all = super::all();
        let mut ids: Vec<_> = all.iter().map(|r| r.id()).collect();
        for id in &ids {
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{id}"
            );
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }
}
