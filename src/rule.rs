//! The rule interface and the documentation every rule carries.
//!
//! A rule looks at a [`Document`] and pushes [`Fix`]es; it keeps no state
//! between documents, so one rule set is shared by all worker threads.

use crate::document::Document;
use crate::edit::Fix;

/// What a rule fixes, why, and examples: shown by `copyedit explain` and
/// `copyedit rules`, and run as tests (every `fixes` pair must be produced by
/// the rule alone, every `keeps` text must come out unchanged).
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// One line, shown by `copyedit rules`.
    pub summary: &'static str,
    /// Why the rule exists and how it decides; a paragraph.
    pub details: &'static str,
    /// (input, expected output) pairs, each a whole document.
    pub fixes: &'static [(&'static str, &'static str)],
    /// Documents the rule must leave untouched.
    pub keeps: &'static [&'static str],
}

/// A fixing rule. `check` must be deterministic and depend only on the document.
pub trait Rule: Send + Sync {
    /// Kebab-case id used by the CLI, config files and reports.
    fn id(&self) -> &'static str;
    fn doc(&self) -> &'static RuleDoc;
    /// Rules off by default are enabled with `--select`.
    fn default_enabled(&self) -> bool {
        true
    }
    /// Rules that encode English conventions run only on English documents.
    fn english_only(&self) -> bool {
        false
    }
    fn check(&self, doc: &Document, out: &mut Vec<Fix>);
}
