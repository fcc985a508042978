//! The pronoun `i`: `i`, `i'm`, `i've`, `i'll`, `i'd` become `I`, `I'm`, …
//!
//! A lone `i` is also a list numeral (`(i)`, `i)`), a page number (`page i`)
//! or a variable; those are kept. Unlike the other casing rules this one also
//! works on heading lines: a lowercase pronoun is never a title style.

use crate::document::Document;
use crate::edit::{Edit, Fix};
use crate::rule::{Rule, RuleDoc};

use super::casing::{Word, scan_with_prev};

pub struct PronounI;

static DOC: RuleDoc = RuleDoc {
    summary: "Capitalise the pronoun I and its contractions",
    details: "A lowercase `i` standing alone, or in `i'm`, `i've`, `i'll`, `i'd` (straight or \
              curly apostrophe), is the pronoun and is capitalised. Roman numerals in lists \
              (`(i)`, `i)`), page and section numbers (`page i`) and code are kept.",
    fixes: &[
        (
            "Way back then, I had no tonality when i talked.\n",
            "Way back then, I had no tonality when I talked.\n",
        ),
        (
            "No, i’m not letting you in.\n",
            "No, I’m not letting you in.\n",
        ),
    ],
    keeps: &[
        "The table of contents is on page i.\n",
        "Items i) and j) support this point of view.\n",
        "These are: (i) examples; (ii) case studies.\n",
    ],
};

/// Words before a numeral `i` that make it a number, not the pronoun.
const NUMBERED: &[&str] = &[
    "page", "pages", "p.", "pp.", "part", "chapter", "section", "appendix", "volume", "vol.",
    "book", "act", "article", "item", "items", "step", "phase", "table", "figure", "fig.", "annex",
    "schedule", "clause", "type", "class", "stage",
];

impl Rule for PronounI {
    fn id(&self) -> &'static str {
        "pronoun-i-case"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn english_only(&self) -> bool {
        true
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
        // The word before is a reference into the document's word list: a
        // copy of every word cost more than the rest of this rule.
        // Words not starting with `i` are turned away before the call, so
        // the walk's loop stays small enough to take this closure inline.
        scan_with_prev(doc, |prev, w| {
            if w.text.starts_with('i')
                && let Some(fix) = fix_pronoun(prev, w)
            {
                out.push(fix);
            }
        });
    }
}

#[inline(never)]
fn fix_pronoun(prev: Option<&Word>, w: &Word) -> Option<Fix> {
    let t = w.text;
    if !t.starts_with('i') || !w.plain {
        return None;
    }
    let rest = &t[1..];
    let contraction = match rest {
        "" => true,
        _ => {
            let tail = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('’'))?;
            matches!(tail, "m" | "ve" | "ll" | "d" | "d've" | "d’ve")
        }
    };
    if !contraction {
        return None;
    }
    if rest.is_empty() {
        // `(i)`, `i)`, `[i]`: a numeral in a list.
        let c = w.chunk;
        if c.contains(['(', ')', '[', ']']) {
            return None;
        }
        if let Some(p) = prev {
            let before = p.chunk.trim_end_matches([',', ';']).to_ascii_lowercase();
            if NUMBERED.contains(&before.as_str()) || p.text == "ii" || p.text == "iii" {
                return None;
            }
        }
    }
    Some(Fix::new(
        "pronoun-i-case",
        "capitalise the pronoun I",
        Edit::replace(w.start..w.start + 1, "I"),
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_keep};

    const ID: &str = "pronoun-i-case";

    #[test]
    fn fixes_pronoun() {
        assert_fix(ID, "i am hungry\n", "I am hungry\n");
        assert_fix(
            ID,
            "There is no one stronger than i\n",
            "There is no one stronger than I\n",
        );
        assert_fix(ID, "i'd've loved it\n", "I'd've loved it\n");
        assert_fix(
            ID,
            "tools i'd like, i'll try, i've seen\n",
            "tools I'd like, I'll try, I've seen\n",
        );
        assert_fix(ID, "“i think so,” she said.\n", "“I think so,” she said.\n");
    }

    #[test]
    fn keeps_numerals_and_code() {
        assert_keep(ID, "access will succeed, unlike with UDEREF/i386.\n");
        assert_keep(ID, "See section i, then section ii.\n");
        assert_keep(ID, "It is in i.e. form.\n");
        assert_keep(ID, "The imf and its iou.\n");
    }

    #[test]
    fn real_article() {
        assert_fix(
            ID,
            "“If decisions are reached, then i simply do not see any sense in it,” Putin stated.\n",
            "“If decisions are reached, then I simply do not see any sense in it,” Putin stated.\n",
        );
    }
}
