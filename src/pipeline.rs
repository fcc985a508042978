//! The fix pipeline: run the enabled rules, apply their fixes, repeat until
//! nothing changes, and return the fixed text with every applied fix placed
//! in the original input.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::document::{Document, ParagraphStyle};
use crate::edit::{self, Fix, OffsetMap};
use crate::lang::{self, Lang};
use crate::rule::Rule;

/// Passes before the pipeline gives up. Rules are written so that one pass
/// usually fixes everything and a second confirms it, but one rule's fix can
/// be another's evidence: junk removed, then a space, then a name beside it,
/// then that name elsewhere by consensus, then its neighbour. Fuzzing built
/// such chains of eight passes from a handful of made-up names; real text
/// needs two or three. A document still firing after this many passes is
/// reported as not converging and left as it was.
pub const MAX_PASSES: usize = 16;

/// Which rules run and how documents are read.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Only these rules (ids); `None` means every rule that is on by default.
    pub select: Option<Vec<String>>,
    /// Rules to leave out.
    pub ignore: Vec<String>,
    pub paragraphs: ParagraphStyle,
    pub lang: Lang,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown rule {0:?} (see `copyedit rules`)")]
    UnknownRule(String),
    #[error("fixes did not converge after {MAX_PASSES} passes (rules still firing: {0})")]
    NotConverged(String),
}

/// One applied fix, placed in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedFix {
    pub rule: &'static str,
    pub message: Cow<'static, str>,
    /// Byte range in the original input that the fix replaced.
    pub range: Range<usize>,
    /// The replacement text the fix wrote.
    pub replacement: Cow<'static, str>,
    /// Which pass applied it (0 = first).
    pub pass: usize,
}

/// The result of fixing one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub fixed: String,
    /// Every applied fix, ordered by position in the original.
    pub fixes: Vec<AppliedFix>,
}

impl Outcome {
    pub fn changed(&self) -> bool {
        !self.fixes.is_empty()
    }
}

/// A configured rule set. Cheap to clone and shared across threads.
#[derive(Clone)]
pub struct Pipeline {
    rules: Arc<[Arc<dyn Rule>]>,
    config: Config,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("rules", &self.rule_ids())
            .field("config", &self.config)
            .finish()
    }
}

impl Pipeline {
    /// Build the rule set `config` asks for. Unknown rule ids are an error.
    pub fn new(config: Config) -> Result<Self, Error> {
        Self::from_rules(crate::rules::all(), config)
    }

    /// Build from a given set of rules instead of the registry.
    pub(crate) fn from_rules(all: Vec<Arc<dyn Rule>>, config: Config) -> Result<Self, Error> {
        for id in config.select.iter().flatten().chain(&config.ignore) {
            if !all.iter().any(|r| r.id() == id) {
                return Err(Error::UnknownRule(id.clone()));
            }
        }
        let rules: Vec<Arc<dyn Rule>> = all
            .into_iter()
            .filter(|r| match &config.select {
                Some(sel) => sel.iter().any(|s| s == r.id()),
                None => r.default_enabled(),
            })
            .filter(|r| !config.ignore.iter().any(|s| s == r.id()))
            .collect();
        Ok(Pipeline {
            rules: rules.into(),
            config,
        })
    }

    pub fn rule_ids(&self) -> Vec<&'static str> {
        self.rules.iter().map(|r| r.id()).collect()
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Fix one document.
    pub fn run(&self, input: &str) -> Result<Outcome, Error> {
        let mut text: Option<String> = None;
        // Applied fixes per pass, in that pass's coordinates, with its map.
        let mut passes: Vec<(Vec<Fix>, OffsetMap)> = Vec::new();
        let mut found = Vec::new();
        // The language guard's counts for this pass's text, when the last
        // pass could update them around its fixes.
        let mut known: Option<lang::Tally> = None;
        for _ in 0..MAX_PASSES {
            let current = text.as_deref().unwrap_or(input);
            // Decided for each pass's text: a pass can change the answer (an
            // invisible character between two words removed), and the output
            // must be a fixed point under the answer its own text gets, or
            // fixing it again would change it.
            let (tally, english) = match self.config.lang {
                Lang::En => (None, true),
                Lang::Other => (None, false),
                Lang::Auto => {
                    let t = known.take().unwrap_or_else(|| lang::tally(current));
                    (Some(t), t.english())
                }
            };
            let doc = Document::new(current, self.config.paragraphs, english);
            found.clear();
            for rule in self.rules.iter() {
                if english || !rule.english_only() {
                    rule.check(&doc, &mut found);
                }
            }
            if found.is_empty() {
                return Ok(self.outcome(input, text, passes));
            }
            let applied = edit::apply(current, std::mem::take(&mut found));
            if applied.fixes.is_empty() {
                return Ok(self.outcome(input, text, passes));
            }
            // The counts for the next pass's text, from the words around
            // the fixes only: the confirming pass need not read the whole
            // text again for them.
            let edits = applied.fixes.iter().flat_map(|f| &f.edits);
            known =
                tally.and_then(|t| t.after(current, edits.map(|e| (&e.range, &*e.replacement))));
            let map = OffsetMap::new(&applied.fixes);
            passes.push((applied.fixes, map));
            text = Some(applied.text);
        }
        let mut ids: Vec<&str> = passes
            .last()
            .map(|(f, _)| f.iter().map(|f| f.rule).collect())
            .unwrap_or_default();
        ids.sort_unstable();
        ids.dedup();
        Err(Error::NotConverged(ids.join(", ")))
    }

    fn outcome(
        &self,
        input: &str,
        text: Option<String>,
        passes: Vec<(Vec<Fix>, OffsetMap)>,
    ) -> Outcome {
        let mut fixes = Vec::with_capacity(passes.iter().map(|(f, _)| f.len()).sum());
        let (all_fixes, maps): (Vec<Vec<Fix>>, Vec<OffsetMap>) = passes.into_iter().unzip();
        // Messages and replacements move from the pass's fixes: no copy per fix.
        for (k, pass_fixes) in all_fixes.into_iter().enumerate() {
            for f in pass_fixes {
                for e in f.edits {
                    let (mut start, mut end) = (e.range.start, e.range.end);
                    for map in maps[..k].iter().rev() {
                        start = map.back(start, false);
                        end = map.back(end, true);
                    }
                    fixes.push(AppliedFix {
                        rule: f.rule,
                        message: f.message.clone(),
                        range: start..end.max(start),
                        replacement: e.replacement,
                        pass: k,
                    });
                }
            }
        }
        fixes.sort_by_key(|f| (f.range.start, f.range.end, f.pass));
        Outcome {
            fixed: text.unwrap_or_else(|| input.to_owned()),
            fixes,
        }
    }
}

/// Line and column lookup for byte offsets of one text.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and 1-based column in characters of byte offset `pos`.
    pub fn position(&self, pos: usize) -> (usize, usize) {
        let pos = pos.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= pos) - 1;
        let mut from = self.starts[line];
        let mut col = 1;
        let mut p = pos;
        while !self.text.is_char_boundary(p) {
            p -= 1;
        }
        if from > p {
            from = p;
        }
        col += self.text[from..p].chars().count();
        (line + 1, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_rule_is_an_error() {
        let cfg = Config {
            select: Some(vec!["no-such-rule".into()]),
            ..Config::default()
        };
        assert!(matches!(Pipeline::new(cfg), Err(Error::UnknownRule(_))));
    }

    /// An English-only rule that capitalises the first letter of the text.
    struct CapitaliseStart;

    static CAPITALISE_DOC: crate::RuleDoc = crate::RuleDoc {
        summary: "test rule",
        details: "",
        fixes: &[],
        keeps: &[],
    };

    impl Rule for CapitaliseStart {
        fn id(&self) -> &'static str {
            "capitalise-start"
        }
        fn doc(&self) -> &'static crate::RuleDoc {
            &CAPITALISE_DOC
        }
        fn english_only(&self) -> bool {
            true
        }
        fn check(&self, doc: &Document, out: &mut Vec<Fix>) {
            if let Some(c) = doc.text().chars().next().filter(char::is_ascii_lowercase) {
                let up = c.to_ascii_uppercase().to_string();
                out.push(Fix::new(
                    self.id(),
                    "capitalised",
                    crate::Edit::replace(0..1, up),
                ));
            }
        }
    }

    /// Removing the word joiner merges two non-Latin words into one, which
    /// tips the language guess to English: the English-only rule must then
    /// run in the same call, not only when the output is fixed again.
    #[test]
    fn language_is_decided_on_the_text_being_fixed() {
        let rules: Vec<Arc<dyn Rule>> = vec![
            Arc::new(crate::rules::unicode::InvisibleChars),
            Arc::new(CapitaliseStart),
        ];
        let p = Pipeline::from_rules(rules, Config::default()).unwrap();
        let input =
            "the the the \u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}\u{2060}\u{4e2d}\u{6587}\n";
        assert!(!lang::looks_english(input));
        let once = p.run(input).unwrap().fixed;
        assert_eq!(p.run(&once).unwrap().fixed, once, "not idempotent");
        assert!(once.starts_with("The "), "{once:?}");
    }

    #[test]
    fn line_index_counts_characters() {
        let li = LineIndex::new("ab\ncé d\n");
        assert_eq!(li.position(0), (1, 1));
        assert_eq!(li.position(3), (2, 1));
        assert_eq!(li.position(6), (2, 3));
    }
}
