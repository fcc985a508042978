//! The promise copyedit makes about every fix, as code: fixing only changes
//! whitespace, letter case, and the Unicode junk the Unicode rules declare
//! (decomposed accents, exotic spaces, invisible and control characters).
//! Fuzzing and the property tests hold every rule — present and future — to
//! it, so a rule that rewrites, reorders or loses a visible character fails
//! them.
//!
//! Two texts are compared after reducing each to its *skeleton*: the
//! whitespace, the declared invisible characters and the control characters
//! are dropped, and what is left is case-folded and put in canonical
//! decomposed form (canonical caseless matching, as in Unicode section 3.13).
//! The fix is acceptable when both skeletons are equal.

use unicode_normalization::UnicodeNormalization;

use crate::rules::unicode::is_invisible;

/// Characters a fix may insert or remove freely: whitespace (including the
/// Unicode spaces and line breaks), the invisible characters of
/// `invisible-characters` and the controls of `control-characters`.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_invisible(c)
}

/// Simple case folding from the standard library's case mappings: the lower
/// case of the upper case, so that `ς`, `σ` and `Σ` fold together. Characters
/// whose upper case is several characters (`ß` to `SS`, `ﬁ` to `FI`) fold to
/// their lower case only, so that folding never turns a ligature into
/// letters. Done per character so that the result does not depend on context
/// (`str::to_lowercase` picks a final sigma by position).
fn fold_into(c: char, out: &mut String) {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => out.extend(u.to_lowercase()),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The part of `text` that no fix may change, as a string (see the module doc).
pub fn skeleton(text: &str) -> String {
    let kept: String = text.chars().filter(|&c| !is_ignorable(c)).nfd().collect();
    let mut folded = String::with_capacity(kept.len());
    for c in kept.chars() {
        fold_into(c, &mut folded);
    }
    folded.nfd().collect()
}

/// `Ok` when `after` differs from `before` only in changes a fix may make;
/// otherwise an error that shows where the skeletons part, with context.
pub fn only_declared_changes(before: &str, after: &str) -> Result<(), String> {
    let (a, b) = (skeleton(before), skeleton(after));
    if a == b {
        return Ok(());
    }
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map(|((i, _), _)| i)
        .unwrap_or_else(|| a.len().min(b.len()));
    let around = |s: &str| -> String {
        let mut start = common.saturating_sub(24).min(s.len());
        while !s.is_char_boundary(start) {
            start -= 1;
        }
        s[start..].chars().take(60).collect()
    };
    Err(format!(
        "a fix changed more than whitespace, case and declared Unicode junk: \
         skeletons part at skeleton byte {common}: before {:?}, after {:?}",
        around(&a),
        around(&b)
    ))
}

/// Everything fuzzing and the property tests demand of one run of `pipeline`
/// on `input`: it converges, its output is a fixed point (fixing it again
/// changes nothing), and it made only declared changes.
pub fn check_fix(pipeline: &crate::Pipeline, input: &str) -> Result<String, String> {
    let once = pipeline
        .run(input)
        .map_err(|e| format!("first run failed: {e}"))?;
    let twice = pipeline
        .run(&once.fixed)
        .map_err(|e| format!("second run failed: {e}"))?;
    if twice.fixed != once.fixed {
        return Err(format!(
            "not idempotent: fix(x) = {:?}, fix(fix(x)) = {:?} (fixes of the second run: {:?})",
            once.fixed,
            twice.fixed,
            twice
                .fixes
                .iter()
                .map(|f| (f.rule, &f.message))
                .collect::<Vec<_>>()
        ));
    }
    if once.fixes.is_empty() && once.fixed != input {
        return Err("text changed but no fix was reported".to_string());
    }
    only_declared_changes(input, &once.fixed)?;
    Ok(once.fixed)
}

/// One pipeline per combination of settings that changes what the rules
/// see: the default rules or every rule, each language choice, each
/// paragraph style (18 in all). Fuzzing and the regression tests hold every
/// one of them to [`check_fix`].
pub fn every_setting() -> Vec<crate::Pipeline> {
    use crate::{Config, Lang, ParagraphStyle, Pipeline};
    let every: Vec<String> = crate::rules::all()
        .iter()
        .map(|r| r.id().to_string())
        .collect();
    let mut out = Vec::new();
    for select in [None, Some(every)] {
        for lang in [Lang::Auto, Lang::En, Lang::Other] {
            for paragraphs in [
                ParagraphStyle::Auto,
                ParagraphStyle::Single,
                ParagraphStyle::Blank,
            ] {
                let config = Config {
                    select: select.clone(),
                    lang,
                    paragraphs,
                    ..Config::default()
                };
                out.push(Pipeline::new(config).expect("these settings are valid"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_case_and_junk_are_free() {
        let before = "a stark  warning friday,\u{a0}Cafe\u{301}\u{200b} x\u{7}\r\n\n\n";
        let after = "A stark warning Friday, Caf\u{e9} x\n";
        assert_eq!(only_declared_changes(before, after), Ok(()));
        assert_eq!(
            only_declared_changes("\u{3a3}\u{3c2}", "\u{3c3}\u{3a3}"),
            Ok(())
        );
        assert_eq!(only_declared_changes("\u{1c5}x", "\u{1c4}X"), Ok(()));
    }

    #[test]
    fn visible_changes_are_caught() {
        for (before, after) in [
            ("peace,reiterating", "peace.reiterating"),
            ("3,000", "3000"),
            ("\u{201c}quoted\u{201d}", "\"quoted\""),
            ("ab", "ba"),
            ("text", "tex"),
            ("\u{fb01}ne", "fine"),
            ("e\u{301}", "e"),
        ] {
            let err = only_declared_changes(before, after);
            assert!(err.is_err(), "{before:?} -> {after:?} passed");
        }
    }

    #[test]
    fn the_error_shows_where() {
        let err = only_declared_changes("one two three", "one too three").unwrap_err();
        assert!(err.contains("skeleton byte 4"), "{err}");
        assert!(err.contains("\"onetwothree\""), "{err}");
    }

    #[test]
    fn check_fix_accepts_the_default_pipeline() {
        let p = crate::Pipeline::new(crate::Config::default()).unwrap();
        let fixed = check_fix(&p, "Hello  world\u{a0}!\n\n\n").unwrap();
        assert_eq!(fixed, "Hello world !\n");
    }
}
