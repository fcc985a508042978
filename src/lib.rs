//! copyedit cleans scraped article text: it restores missing spaces after
//! punctuation, fixes casing, splits glued paragraphs and headings, and
//! removes whitespace and Unicode junk — and reports every fix it made.
//!
//! A [`Pipeline`] is built once from a [`Config`] and run on each document;
//! it is `Send + Sync` and cheap to clone, so documents can be fixed in
//! parallel. Each run returns an [`Outcome`]: the fixed text and every
//! [`AppliedFix`] with its rule id and byte range in the original input
//! ([`LineIndex`] turns byte offsets into lines and columns).
//!
//! ```
//! use copyedit::{Config, LineIndex, Pipeline};
//!
//! let pipeline = Pipeline::new(Config::default())?;
//! let input = "The talks  ended\u{a0}today. \n\n\n";
//! let outcome = pipeline.run(input)?;
//! assert_eq!(outcome.fixed, "The talks ended today.\n");
//!
//! let lines = LineIndex::new(input);
//! for fix in &outcome.fixes {
//!     let (line, col) = lines.position(fix.range.start);
//!     println!("{line}:{col}: {}: {} ({:?} -> {:?})",
//!              fix.rule, fix.message, &input[fix.range.clone()], fix.replacement);
//! }
//! assert!(outcome.fixes.iter().any(|f| f.rule == "multiple-spaces"));
//! # Ok::<(), copyedit::Error>(())
//! ```
//!
//! Fixing is idempotent: running the pipeline on its own output changes
//! nothing. Apart from the Unicode rules (NFC, exotic spaces, invisible and
//! control characters), fixes change only whitespace and letter case.

// Module docs link to the crate-private helpers they build on; rustdoc shows
// those links as plain text in the public docs.
#![allow(rustdoc::private_intra_doc_links)]

pub mod abbrev;
pub mod document;
pub mod edit;
pub mod invariant;
pub mod lang;
pub mod lexicon;
mod pipeline;
pub mod report;
pub mod rule;
pub mod rules;
mod sentence;
pub(crate) mod text;
pub(crate) mod words;

pub use document::{Document, ParagraphStyle};
pub use edit::{Edit, Fix};
pub use lang::Lang;
pub use pipeline::{AppliedFix, Config, Error, LineIndex, MAX_PASSES, Outcome, Pipeline};
pub use rule::{Rule, RuleDoc};

/// Fix `text` with the default rules: a shortcut for one-off calls. Build a
/// [`Pipeline`] once instead when fixing many documents.
pub fn fix(text: &str) -> Result<String, Error> {
    Ok(Pipeline::new(Config::default())?.run(text)?.fixed)
}
