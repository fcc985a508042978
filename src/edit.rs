//! Edits and fixes: what a rule proposes, and how a batch of them is applied.
//!
//! An [`Edit`] replaces a byte range of the text the rule saw; a [`Fix`] groups
//! the edits of one finding under a rule id and a message. `apply` takes the
//! fixes of one pass, keeps those that do not overlap an earlier one, and
//! splices them into a new string in a single left-to-right copy.

use std::borrow::Cow;
use std::ops::Range;

/// Replace `range` (byte offsets) with `replacement`. An empty range inserts,
/// an empty replacement deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: Cow<'static, str>,
}

impl Edit {
    pub fn replace(range: Range<usize>, replacement: impl Into<Cow<'static, str>>) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }
    pub fn insert(at: usize, text: impl Into<Cow<'static, str>>) -> Self {
        Edit::replace(at..at, text)
    }
    pub fn delete(range: Range<usize>) -> Self {
        Edit::replace(range, "")
    }

    /// Two edits conflict when they share a byte, or when an insertion point
    /// touches the other edit (the order of the two would be ambiguous).
    fn conflicts(&self, other: &Edit) -> bool {
        let (a, b) = (&self.range, &other.range);
        if a.is_empty() || b.is_empty() {
            a.start <= b.end && b.start <= a.end
        } else {
            a.start < b.end && b.start < a.end
        }
    }
}

/// One finding of one rule: the edits that repair it, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub rule: &'static str,
    pub message: Cow<'static, str>,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(rule: &'static str, message: impl Into<Cow<'static, str>>, edit: Edit) -> Self {
        Fix {
            rule,
            message: message.into(),
            edits: vec![edit],
        }
    }

    fn start(&self) -> usize {
        self.edits.iter().map(|e| e.range.start).min().unwrap_or(0)
    }
}

/// The fixes that [`apply`] kept, each with its edits sorted, and the new text.
pub(crate) struct Applied {
    pub text: String,
    pub fixes: Vec<Fix>,
}

/// Apply the non-overlapping fixes to `text`. Fixes are taken in order of their
/// first edit (ties: the order the rules produced them); a fix that conflicts
/// with one already taken is dropped whole, to be proposed again on the next
/// pass if it still applies. Edits that are no-ops are dropped.
pub(crate) fn apply(text: &str, mut fixes: Vec<Fix>) -> Applied {
    for f in &mut fixes {
        f.edits
            .retain(|e| text.get(e.range.clone()) != Some(&*e.replacement));
        f.edits.sort_by_key(|e| (e.range.start, e.range.end));
    }
    fixes.retain(|f| !f.edits.is_empty());
    fixes.sort_by_key(Fix::start);

    let mut taken: Vec<Fix> = Vec::with_capacity(fixes.len());
    // Accepted edits, sorted by start; fixes usually hold one edit each.
    let mut accepted: Vec<Edit> = Vec::new();
    'fixes: for fix in fixes {
        for e in &fix.edits {
            debug_assert!(e.range.start <= e.range.end && e.range.end <= text.len());
            if !text.is_char_boundary(e.range.start) || !text.is_char_boundary(e.range.end) {
                continue 'fixes;
            }
            // Only neighbours near e's position can conflict.
            let i = accepted.partition_point(|a| a.range.end < e.range.start);
            if accepted[i..]
                .iter()
                .take_while(|a| a.range.start <= e.range.end)
                .any(|a| a.conflicts(e))
            {
                continue 'fixes;
            }
            if fix
                .edits
                .iter()
                .filter(|o| !std::ptr::eq(*o, e))
                .any(|o| o.conflicts(e))
            {
                continue 'fixes;
            }
        }
        for e in &fix.edits {
            let i = accepted.partition_point(|a| {
                a.range.start < e.range.start
                    || (a.range.start == e.range.start && a.range.end <= e.range.end)
            });
            accepted.insert(i, e.clone());
        }
        taken.push(fix);
    }

    let mut out = String::with_capacity(text.len() + 16);
    let mut pos = 0;
    for e in &accepted {
        out.push_str(&text[pos..e.range.start]);
        out.push_str(&e.replacement);
        pos = e.range.end;
    }
    out.push_str(&text[pos..]);
    Applied {
        text: out,
        fixes: taken,
    }
}

/// Maps byte offsets in the output of one pass back to its input.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    /// (input range, output start, output len), sorted.
    spans: Vec<(Range<usize>, usize, usize)>,
}

impl OffsetMap {
    pub fn new(fixes: &[Fix]) -> Self {
        let mut edits: Vec<&Edit> = fixes.iter().flat_map(|f| &f.edits).collect();
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        let mut delta: isize = 0;
        let spans = edits
            .into_iter()
            .map(|e| {
                let out_start = (e.range.start as isize + delta) as usize;
                delta += e.replacement.len() as isize - e.range.len() as isize;
                (e.range.clone(), out_start, e.replacement.len())
            })
            .collect();
        OffsetMap { spans }
    }

    /// The input offset of output offset `p`. Inside a replacement, `end_side`
    /// picks the end of the replaced range instead of its start.
    pub fn back(&self, p: usize, end_side: bool) -> usize {
        let i = self.spans.partition_point(|(_, os, ol)| os + ol <= p);
        let mut delta: isize = 0;
        if i > 0 {
            let (r, os, ol) = &self.spans[i - 1];
            delta = (os + ol) as isize - r.end as isize;
        }
        match self.spans.get(i) {
            Some((r, os, _)) if p >= *os => {
                if end_side {
                    r.end
                } else {
                    r.start
                }
            }
            _ => (p as isize - delta) as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(r: Range<usize>, s: &'static str) -> Fix {
        Fix::new("t", "m", Edit::replace(r, s))
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let a = apply(
            "abcdef",
            vec![fix(4..5, "E"), fix(0..2, "xy"), fix(1..3, "zz")],
        );
        assert_eq!(a.text, "xycdEf");
        assert_eq!(a.fixes.len(), 2);
    }

    #[test]
    fn insertions_touching_an_edit_conflict() {
        let a = apply("ab", vec![fix(1..1, " "), fix(1..2, "B")]);
        assert_eq!(a.text, "a b");
        assert_eq!(a.fixes.len(), 1);
    }

    #[test]
    fn noop_edits_are_dropped() {
        let a = apply("ab", vec![fix(0..1, "a")]);
        assert!(a.fixes.is_empty());
    }

    #[test]
    fn offset_map_goes_back() {
        // "ab  c" -> "ab c" (delete 3..4), "x" inserted at 0
        let fixes = vec![fix(3..4, ""), fix(0..0, "x")];
        let a = apply("ab  c", fixes);
        assert_eq!(a.text, "xab c");
        let m = OffsetMap::new(&a.fixes);
        assert_eq!(m.back(0, false), 0); // inserted x maps to 0
        assert_eq!(m.back(1, false), 0); // 'a'
        assert_eq!(m.back(4, false), 4); // 'c'
        assert_eq!(m.back(5, false), 5); // end
    }
}
