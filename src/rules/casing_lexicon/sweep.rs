//! The right-to-left half of proper-noun-case's walk: a name fixed in a
//! pass is evidence for the words before it in the same pass.

use crate::edit::Fix;
use crate::rules::casing::Word;

use super::{fix_word, next_chunk, people};

/// Words no test fixed, each right after the one before it with nothing
/// between but a space, and the word before each with its text of this
/// pass if it was fixed.
#[derive(Default)]
pub(super) struct Run<'a> {
    pub(super) words: Vec<(Option<Word<'a>>, Option<String>, Word<'a>)>,
}

impl<'a> Run<'a> {
    /// A run long enough for any name; older words are dropped.
    const MAX: usize = 32;

    pub(super) fn push(&mut self, prev: Option<Word<'a>>, prev_new: Option<&str>, w: &Word<'a>) {
        if !self
            .words
            .last()
            .is_some_and(|(_, _, l)| l.seq + 1 == w.seq && !l.punct_after)
        {
            self.words.clear();
        }
        if self.words.len() == Self::MAX {
            self.words.remove(0);
        }
        self.words.push((prev, prev_new.map(str::to_owned), *w));
    }

    /// The word at `range` became `new`: judge the words before it again,
    /// right to left, with each new text as the next word, until one stays.
    pub(super) fn sweep(
        &mut self,
        text: &str,
        mut range: std::ops::Range<usize>,
        new: &str,
        out: &mut Vec<Fix>,
        people: &mut people::People<'a>,
    ) {
        let mut new = new.to_owned();
        while let Some((p, p_new, w)) = self.words.pop() {
            if w.punct_after || w.end() + 1 != range.start || text.as_bytes()[w.end()] != b' ' {
                break;
            }
            let Some(rest) = next_chunk(text, w.end()).and_then(|c| c.get(range.len()..)) else {
                break;
            };
            let next = format!("{new}{rest}");
            let mut hopeful = false;
            let fixed = fix_word(
                text,
                p.as_ref(),
                p_new.as_deref(),
                &w,
                Some(&next),
                &mut hopeful,
            );
            let Some(fix) = fixed else {
                break;
            };
            people.forget(w.start);
            range = fix.edits[0].range.clone();
            new = fix.edits[0].replacement.to_string();
            out.push(fix);
        }
        self.words.clear();
    }
}
