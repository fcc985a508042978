//! What a bulk run tells the person watching it: a progress bar on a terminal
//! (bytes and documents per second) and a closing summary on stderr.
//!
//! The bar appears only when stderr is a terminal, `--quiet` is off and the
//! run has lasted a moment, so pipelines, CI logs and quick runs stay clean.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar shows up.
const SHOW_AFTER: Duration = Duration::from_millis(400);

/// Counts gathered by workers and merged in input order.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Documents (files or records) processed.
    pub docs: u64,
    /// Input bytes consumed.
    pub bytes: u64,
    /// Documents that needed at least one fix.
    pub changed: u64,
    /// Applied fixes per rule id, in first-seen order.
    pub by_rule: Vec<(&'static str, u64)>,
    /// Inputs or records that failed.
    pub errors: u64,
    /// Records dropped by `--on-error skip`.
    pub skipped: u64,
}

impl Tally {
    pub fn add_fixes<'a>(&mut self, rules: impl IntoIterator<Item = &'a &'static str>) {
        let mut any = false;
        for &r in rules {
            any = true;
            match self.by_rule.iter_mut().find(|(id, _)| *id == r) {
                Some((_, n)) => *n += 1,
                None => self.by_rule.push((r, 1)),
            }
        }
        self.changed += u64::from(any);
    }

    pub fn merge(&mut self, o: &Tally) {
        self.docs += o.docs;
        self.bytes += o.bytes;
        self.changed += o.changed;
        self.errors += o.errors;
        self.skipped += o.skipped;
        for &(r, k) in &o.by_rule {
            match self.by_rule.iter_mut().find(|(id, _)| *id == r) {
                Some((_, n)) => *n += k,
                None => self.by_rule.push((r, k)),
            }
        }
    }

    pub fn fixes(&self) -> u64 {
        self.by_rule.iter().map(|(_, n)| n).sum()
    }
}

/// The progress bar, hidden until the run has lasted a moment.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    unit: &'static str,
}

impl Progress {
    /// `total_bytes` gives a bar with an ETA; without it a spinner counts up.
    pub fn new(quiet: bool, total_bytes: Option<u64>, unit: &'static str) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let (bar, template) = match total_bytes {
                Some(n) => (
                    ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden()),
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {msg} eta {eta}",
                ),
                None => (
                    ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
                    "{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec} {msg}",
                ),
            };
            bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            unit,
        }
    }

    /// Record progress: cumulative bytes and documents so far.
    pub fn update(&self, bytes: u64, docs: u64) {
        let Some(bar) = &self.bar else { return };
        let secs = self.start.elapsed().as_secs_f64();
        if bar.is_hidden() && self.start.elapsed() >= SHOW_AFTER {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
        }
        bar.set_position(bytes);
        bar.set_message(format!(
            "{} {} ({:.0}/s)",
            thousands(docs),
            self.unit,
            docs as f64 / secs.max(1e-9)
        ));
    }

    /// Print a line on stderr without tearing the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) if !bar.is_hidden() => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The closing summary: documents, size, speed, fixes per rule, errors.
pub fn summary(t: &Tally, unit: &'static str, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let mb = t.bytes as f64 / 1e6;
    let mut s = format!(
        "copyedit: {} {unit}, {mb:.1} MB in {secs:.2} s ({:.1} MB/s); {} fix{} in {} {unit}",
        thousands(t.docs),
        mb / secs.max(1e-9),
        thousands(t.fixes()),
        if t.fixes() == 1 { "" } else { "es" },
        thousands(t.changed),
    );
    s.push_str(&format!("; {} error{}", t.errors, plural(t.errors)));
    if t.skipped > 0 {
        s.push_str(&format!(", {} skipped", thousands(t.skipped)));
    }
    if !t.by_rule.is_empty() {
        let mut rules = t.by_rule.clone();
        rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = rules
            .iter()
            .map(|(r, n)| format!("{r} {}", thousands(*n)))
            .collect();
        s.push_str(&format!("\ncopyedit: fixes by rule: {}", list.join(", ")));
    }
    s
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn tallies_merge_per_rule() {
        let mut a = Tally::default();
        a.add_fixes(&["x", "y", "x"]);
        let mut b = Tally::default();
        b.add_fixes(&["y"]);
        b.add_fixes(&[]);
        a.merge(&b);
        assert_eq!(a.by_rule, [("x", 2), ("y", 2)]);
        assert_eq!(a.changed, 2);
        assert_eq!(a.fixes(), 4);
        let s = summary(&a, "records", Duration::from_secs(1));
        assert!(s.contains("4 fixes in 2 records; 0 errors"), "{s}");
        assert!(s.contains("fixes by rule: x 2, y 2"), "{s}");
    }
}
