//! Sentence starts: the first word of a sentence or paragraph gets a capital.
//!
//! English only. The sentence splitter knows English abbreviations; in German
//! `3. oktober` and `bzw. die`, or French `p. ex. le`, a period does not end
//! the sentence, and capitalising the next word would be a wrong fix. Words
//! whose case was chosen (`iPhone`, `eBay`), URLs, handles, numbers and words
//! after list markers (`1. an item`, `a) item`) are left alone, and so is
//! anything after `...`, a colon, a dash or `?"`, where a sentence may go on.

use crate::document::Document;
use crate::edit::{Edit, Fix};
use crate::lexicon::{self, Class};
use crate::rule::{Rule, RuleDoc};
use crate::sentence::Position;

use super::casing::{Word, capitalize_first, scan, split_possessive};

pub struct SentenceStart;

static DOC: RuleDoc = RuleDoc {
    summary: "Capitalise the first word of each sentence and paragraph",
    details: "Scraped text often loses the capital at the start of a sentence or paragraph. \
              A word is capitalised when it follows a period, question mark or exclamation \
              mark that ends a sentence (not an abbreviation such as `U.S.` or `Mr.`, not an \
              ellipsis, not `?\"` which may be followed by `he asked`), or starts a paragraph. \
              Opening quotes and brackets before the word are skipped. Words with chosen \
              capitals (`iPhone`, `eBay`), numbers, URLs, handles and list items are kept.",
    fixes: &[
        (
            "The talks ended. the next round starts soon.\n",
            "The talks ended. The next round starts soon.\n",
        ),
        (
            "they met.\n“this is final,” he said.\n",
            "They met.\n“This is final,” he said.\n",
        ),
        ("Is it over? no.\n", "Is it over? No.\n"),
        (
            "The alliance met. nato leaders agreed.\n",
            "The alliance met. NATO leaders agreed.\n",
        ),
    ],
    keeps: &[
        "He lives in the U.S. since 2010.\n",
        "“Why?” he asked.\n",
        "eBay can be at sentence start in lowercase.\n",
        "1. an item in a list\n2. another item.\n",
        "www.example.com is a website.\n",
        "It was... well, fine.\n",
        "Dr. Smith said so.\n",
    ],
};

impl Rule for SentenceStart {
    fn id(&self) -> &'static str {
        "sentence-start-case"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn english_only(&self) -> bool {
        true
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        // Words inside a sentence are turned away before the call, so the
        // walk's loop stays small enough to take this closure inline.
        scan(doc, |w| {
            if w.pos == Position::Start
                && let Some(fix) = fix_start(w)
            {
                out.push(fix);
            }
        });
    }
}

#[inline(never)]
fn fix_start(w: &Word) -> Option<Fix> {
    if w.pos != Position::Start || !w.plain {
        return None;
    }
    let first = w.text.chars().next()?;
    if !first.is_lowercase() || !w.lower {
        return None;
    }
    let (base, suffix) = split_possessive(w.text);
    let replacement = match lexicon::lookup(base) {
        Some(e) if e.class == Class::Acronym => format!("{}{suffix}", e.form),
        _ => capitalize_first(w.text),
    };
    Some(Fix::new(
        "sentence-start-case",
        "capitalise the first word of a sentence",
        Edit::replace(w.start..w.end(), replacement),
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_keep};

    const ID: &str = "sentence-start-case";

    #[test]
    fn capitalises_starts() {
        assert_fix(
            ID,
            "this is a test sentence.\n",
            "This is a test sentence.\n",
        );
        assert_fix(ID, "this!\n", "This!\n");
        assert_fix(ID, "'this is a sentence'.\n", "'This is a sentence'.\n");
        assert_fix(ID, "„this is a sentence.\n", "„This is a sentence.\n");
        assert_fix(
            ID,
            "It rained. ukraine’s army waited.\n",
            "It rained. Ukraine’s army waited.\n",
        );
        assert_fix(ID, "the Path Forward\n", "The Path Forward\n");
    }

    #[test]
    fn keeps_non_starts() {
        assert_keep(ID, "In Nov. next year.\n");
        assert_keep(ID, "a) This is a test sentence.\n");
        assert_keep(ID, "iv. This is a test sentence...\n");
        assert_keep(ID, "Prices rose: in March they fell.\n");
        assert_keep(ID, "She paid $5. 2022 was worse.\n");
        assert_keep(ID, "See e.g. the report.\n");
        assert_keep(ID, "Call @bob. #tags stay.\n");
    }

    #[test]
    fn hard_wrapped_paragraphs() {
        // Blank lines separate paragraphs, so a single break is a wrap.
        assert_keep(ID, "The talks went on\nand on.\n\nThen they ended.\n");
        assert_fix(
            ID,
            "The talks ended.\nthen they left.\n\nnext came lunch.\n",
            "The talks ended.\nThen they left.\n\nNext came lunch.\n",
        );
    }

    #[test]
    fn real_article() {
        assert_fix(
            ID,
            "Ms Boynton had to share responsibility. in all, Shell restated its reserves.\n",
            "Ms Boynton had to share responsibility. In all, Shell restated its reserves.\n",
        );
    }
}
