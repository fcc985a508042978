//! Document consensus: a name the document itself capitalises mid-sentence
//! (`Yukos`) is capitalised where it slipped to lowercase.
//!
//! English only, and guarded, because unguarded consensus is dangerous: one
//! heading with a capitalised `The` would rewrite every `the`. So evidence
//! counts only words in the middle of a sentence (never a sentence start, a
//! word after a colon, dash or quote, nor a heading line), a lowercase form
//! that is an ordinary word is never changed (`brown`, `south`, `dam`: on
//! the evaluation corpus, fixing names that are also words by consensus
//! changed more correct words than it repaired), and the lowercase spelling
//! must not outnumber the capitalised one.

use crate::document::Document;
use crate::edit::{Edit, Fix};
use crate::lexicon::{self, FnvMap};
use crate::rule::{Rule, RuleDoc};
use crate::sentence::Position;

use super::casing::{Word, capitalize_first, is_lower, is_titlecase, scan, split_possessive};

pub struct ConsensusCase;

const ID: &str = "consensus-case";

static DOC: RuleDoc = RuleDoc {
    summary: "Capitalise a name the same document capitalises elsewhere",
    details: "When a word is written capitalised in the middle of a sentence in a document \
              and lowercase no more often than that, the lowercase occurrences are capitalised \
              — only when the lowercase form is not an ordinary English word, so `bill`, \
              `brown` and `china` are never changed. Sentence starts, words after a colon, \
              dash or quote, and heading lines are never counted as evidence.",
    fixes: &[(
        "Shares in Yukos fell. Investors said Yukos would sell assets, and yukos staff left. The \
         court backed Yukos.\n",
        "Shares in Yukos fell. Investors said Yukos would sell assets, and Yukos staff left. The \
         court backed Yukos.\n",
    )],
    keeps: &[
        "The Bill passed. Critics of the Bill said the bill was rushed. The Bill stands.\n",
        "Gordon Brown and Mr Brown got a brown envelope.\n",
        "Yukos fell.\nYukos rose. Then yukos sold.\n",
    ],
};

impl Rule for ConsensusCase {
    fn id(&self) -> &'static str {
        ID
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn english_only(&self) -> bool {
        true
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        // Capitalised mid-sentence uses, keyed by the lowercase first letter
        // and the rest as written, so lowercase words look up without
        // allocating: `Yukos` and `yukos` are both ('y', "ukos").
        let mut capital: FnvMap<Key, usize> = FnvMap::default();
        scan(doc, |w| {
            if evidence(w) {
                if let Some(k) = key(split_possessive(w.text).0) {
                    *capital.entry(k).or_default() += 1;
                }
            }
        });
        if capital.is_empty() {
            return;
        }
        // Lowercase uses of those words.
        let mut lower: Vec<(Key, Word)> = Vec::new();
        scan(doc, |w| {
            if w.heading || !w.plain || w.pos == Position::Start || !is_lower(w.text) {
                return;
            }
            let (base, _) = split_possessive(w.text);
            // `don't` is no name; a possessive was split off above.
            if base.len() < 3 || base.contains(['.', '\'', '’']) {
                return;
            }
            if let Some(k) = key(base) {
                if capital.contains_key(&k) {
                    lower.push((k, *w));
                }
            }
        });
        let mut lower_counts: FnvMap<Key, usize> = FnvMap::default();
        for (k, _) in &lower {
            *lower_counts.entry(*k).or_default() += 1;
        }
        for (k, w) in &lower {
            let (base, _) = split_possessive(w.text);
            // The capitalised spelling must dominate (one use against one
            // slip is enough), the word must be unknown as an ordinary word,
            // and names the lexicon knows are the lexicon rule's business.
            if lower_counts[k] * 2 > capital[k] + 1
                || lexicon::is_ordinary(base)
                || lexicon::lookup(base).is_some()
            {
                continue;
            }
            out.push(Fix::new(
                ID,
                "capitalise as elsewhere in the document",
                Edit::replace(w.start..w.start + base.len(), capitalize_first(base)),
            ));
        }
    }
}

type Key<'a> = (char, &'a str);

fn key(word: &str) -> Option<Key<'_>> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let mut lower = first.to_lowercase();
    let l = lower.next()?;
    if lower.next().is_some() {
        return None;
    }
    Some((l, chars.as_str()))
}

/// A capitalised word outside headings; mid-sentence unless
/// START_EVIDENCE.
const START_EVIDENCE: bool = false;

fn evidence(w: &Word) -> bool {
    !w.heading
        && w.plain
        && w.text.len() >= 3
        && is_titlecase(split_possessive(w.text).0)
        && (START_EVIDENCE || (w.pos == Position::Mid && !w.line_start))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_keep};

    const ID: &str = super::ID;

    #[test]
    fn fixes_with_evidence() {
        assert_fix(
            ID,
            "They met Gazprom and Gazprom's rivals; gazprom's boss left.\n",
            "They met Gazprom and Gazprom's rivals; Gazprom's boss left.\n",
        );
    }

    #[test]
    fn needs_mid_sentence_evidence() {
        assert_fix(
            ID,
            "They met Gazprom. The gazprom boss left.\n",
            "They met Gazprom. The Gazprom boss left.\n",
        );
        assert_keep(ID, "Gazprom fell. Gazprom rose. Then gazprom sold.\n");
        assert_keep(
            ID,
            "Gazprom fell. Cyber Gazprom. The gazprom and gazprom.\n",
        );
    }

    #[test]
    fn headings_are_no_evidence() {
        assert_keep(
            ID,
            "Why The Zorblat Matters\nA Zorblat Story\nThe zorblat is small.\n",
        );
    }

    #[test]
    fn names_that_are_words_stay() {
        assert_keep(ID, "Gordon Brown and Mr Brown got a brown envelope.\n");
        assert_keep(
            ID,
            "Mr Brown spoke. Gordon Brown's aides said brown was right.\n",
        );
    }

    #[test]
    fn ordinary_words_stay() {
        assert_keep(ID, "He met Bill and Bill's wife about the bill.\n");
        assert_keep(ID, "In The Hague and The Netherlands the talks went on.\n");
    }

    #[test]
    fn majority_lowercase_stays() {
        assert_keep(ID, "A Zorblat, a Zorblat, a zorblat, a zorblat.\n");
    }

    #[test]
    fn real_article() {
        assert_fix(
            ID,
            "The state sold Yuganskneftegas, the main unit of Yukos, at auction. Critics said \
             the sale of yuganskneftegas was a renationalisation.\n",
            "The state sold Yuganskneftegas, the main unit of Yukos, at auction. Critics said \
             the sale of Yuganskneftegas was a renationalisation.\n",
        );
    }
}
