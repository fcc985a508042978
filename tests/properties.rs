//! Property tests: generated article-like text — words, punctuation, numbers,
//! URLs, quotes, abbreviations, several scripts, emoji, and the junk scraped
//! text carries — through the pipeline under many settings. Every run must
//! converge, be idempotent, and change only what copyedit declares it may
//! change (`copyedit::invariant`). Rules added later are held to the same
//! properties without touching this file.
//!
//! Case counts add up to 12,000 per `cargo test` (set per test through
//! `cases()`); `PROPTEST_SCALE=N` multiplies them all for a longer run.

use copyedit::{Config, Lang, ParagraphStyle, Pipeline, invariant};
use proptest::prelude::*;
use proptest::sample::select;

/// Cases for one test: `base`, or `base * PROPTEST_SCALE` when that is set
/// (e.g. `PROPTEST_SCALE=10` for a long local run).
fn cases(base: u32) -> ProptestConfig {
    let scale = std::env::var("PROPTEST_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1);
    ProptestConfig {
        cases: base * scale,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const WORDS: &[&str] = &[
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "for",
    "it",
    "on",
    "with",
    "as",
    "was",
    "peace",
    "talks",
    "warning",
    "summit",
    "president",
    "Putin",
    "Trump",
    "Ukraine",
    "ukraine",
    "Paris",
    "paris",
    "friday",
    "Friday",
    "monday",
    "may",
    "May",
    "march",
    "bill",
    "china",
    "turkey",
    "iPhone",
    "eBay",
    "NATO",
    "COVID-19",
    "reiterating",
    "declaring",
    "Forward",
    "Delicate",
    "Balance",
    "don't",
    "it's",
    "ukraine\u{2019}s",
    "O'Brien",
    "well-known",
];
const PUNCT: &[&str] = &[
    ",", ".", ";", ":", "!", "?", "\u{2014}", "\u{2013}", "-", "\u{2026}", "...", "(", ")", "[",
    "]", "/", "&", "%", "#", "*", "\u{b7}",
];
const QUOTES: &[&str] = &[
    "\"", "'", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{ab}", "\u{bb}", "\u{201e}",
];
const NUMBERS: &[&str] = &[
    "3,000",
    "2.5",
    "10:30",
    "1990s",
    "42",
    "0.001",
    "1,234,567",
    "5%",
    "$12.50",
    "\u{20ac}3",
    "2024-01-31",
    "12/31/2024",
    "No.",
    "4pm",
];
const URLS: &[&str] = &[
    "www.example.com",
    "https://example.org/a/b?c=d&e=f#g",
    "example.co.uk",
    "mailto:someone@example.com",
    "someone@example.com",
    "http://x.y/z.html",
];
const ABBREVS: &[&str] = &[
    "U.S.", "U.K.", "e.g.", "i.e.", "Dr.", "Mr.", "Mrs.", "St.", "Jan.", "etc.", "vs.", "a.m.",
    "J. R. R.", "Ph.D.",
];
const SCRIPTS: &[&str] = &[
    "\u{4e2d}\u{6587}",                                          // Chinese
    "\u{6771}\u{4eac}\u{3002}",                                  // Japanese with full stop
    "\u{d55c}\u{ad6d}\u{c5b4}",                                  // Korean
    "\u{633}\u{644}\u{627}\u{645}",                              // Arabic
    "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}", // Persian with ZWNJ
    "\u{915}\u{94d}\u{200d}\u{937}",                             // Devanagari with ZWJ
    "\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}",                // Russian
    "\u{3a3}\u{3af}\u{3c3}\u{3c5}\u{3c6}\u{3bf}\u{3c2}",         // Greek, final sigma
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",                              // Hebrew
    "\u{e2a}\u{e27}\u{e31}\u{e2a}\u{e14}\u{e35}",                // Thai
    "stra\u{df}e",                                               // German sharp s
    "\u{130}stanbul",                                            // Turkish dotted I
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",               // emoji ZWJ family
    "\u{1f44d}\u{1f3fd}",                                        // emoji with skin tone
    "\u{1f1fa}\u{1f1e6}",                                        // flag
    "\u{fb01}ne",                                                // ligature
    "x\u{b2}",                                                   // superscript
    "\u{ff21}\u{ff22}",                                          // full-width letters
];
const JUNK: &[&str] = &[
    "\u{a0}",   // no-break space
    "\u{200b}", // zero-width space
    "\u{200c}", // ZWNJ
    "\u{200d}", // ZWJ
    "\u{2060}", // word joiner
    "\u{feff}", // BOM
    "\u{ad}",   // soft hyphen
    "\u{3000}", // ideographic space
    "\u{2009}", // thin space
    "\u{202f}", // narrow no-break space
    "\u{7}",    // bell
    "\u{1b}",   // escape
    "\u{85}",   // next line (C1)
    "\u{7f}",   // delete
    "\u{301}",  // combining acute (NFD)
    "e\u{301}", // decomposed é
    "\u{fffd}", // replacement character
    "\u{2028}", // line separator
];
const SEPARATORS: &[&str] = &[
    " ",
    " ",
    " ",
    " ",
    "",
    "",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\n\n\n",
    " \n",
    "\n ",
    "\n    ",
    "\n```\n",
    "\n\n\n\n\n",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(WORDS).prop_map(str::to_string),
        3 => select(PUNCT).prop_map(str::to_string),
        2 => select(QUOTES).prop_map(str::to_string),
        2 => select(NUMBERS).prop_map(str::to_string),
        1 => select(URLS).prop_map(str::to_string),
        2 => select(ABBREVS).prop_map(str::to_string),
        2 => select(SCRIPTS).prop_map(str::to_string),
        2 => select(JUNK).prop_map(str::to_string),
        1 => "[A-Za-z]{1,12}",
        1 => "[0-9]{1,6}",
    ]
}

/// An article-like document: tokens with separators, which are often missing
/// (glued words) or doubled, so the rules have plenty to do.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), select(SEPARATORS)), 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (t, sep) in parts {
            s.push_str(&t);
            s.push_str(sep);
        }
        s
    })
}

fn every_rule() -> Vec<String> {
    copyedit::rules::all()
        .iter()
        .map(|r| r.id().to_string())
        .collect()
}

/// Settings: default rules, every rule, or a random subset, with every
/// language and paragraph setting.
fn settings() -> impl Strategy<Value = Config> {
    let ids = every_rule();
    let n = ids.len();
    let select = prop_oneof![
        Just(None),
        Just(Some(ids.clone())),
        prop::sample::subsequence(ids, 1..=n).prop_map(Some),
    ];
    let lang = select_of(vec![Lang::Auto, Lang::En, Lang::Other]);
    let paragraphs = select_of(vec![
        ParagraphStyle::Auto,
        ParagraphStyle::Single,
        ParagraphStyle::Blank,
    ]);
    (select, lang, paragraphs).prop_map(|(select, lang, paragraphs)| Config {
        select,
        lang,
        paragraphs,
        ..Config::default()
    })
}

fn select_of<T: Clone + std::fmt::Debug + 'static>(v: Vec<T>) -> impl Strategy<Value = T> {
    prop::sample::select(v)
}

fn holds(config: Config, text: &str) -> Result<(), TestCaseError> {
    let pipeline = Pipeline::new(config).expect("valid settings");
    invariant::check_fix(&pipeline, text)
        .map(|_| ())
        .map_err(|e| TestCaseError::fail(format!("{e}\ninput: {text:?}")))
}

proptest! {
    #![proptest_config(cases(5000))]
    #[test]
    fn articles_with_default_rules(text in article()) {
        holds(Config::default(), &text)?;
    }
}

proptest! {
    #![proptest_config(cases(2000))]
    #[test]
    fn articles_with_every_rule(text in article()) {
        let config = Config { select: Some(every_rule()), lang: Lang::En, ..Config::default() };
        holds(config, &text)?;
    }
}

proptest! {
    #![proptest_config(cases(2000))]
    #[test]
    fn articles_under_any_settings(config in settings(), text in article()) {
        holds(config, &text)?;
    }
}

proptest! {
    #![proptest_config(cases(2000))]
    #[test]
    fn any_unicode_string(text in any::<String>()) {
        holds(Config::default(), &text)?;
        let config = Config { select: Some(every_rule()), lang: Lang::En, ..Config::default() };
        holds(config, &text)?;
    }
}

proptest! {
    #![proptest_config(cases(1000))]
    // Bytes, not text: the lossy decoding a lenient caller would do must not
    // trip the rules either (U+FFFD next to anything).
    #[test]
    fn lossy_decoded_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        holds(Config::default(), &text)?;
    }
}

/// Mostly glued tokens: whitespace-free runs of every length around the
/// 128-byte limit past which the spacing and glued-heading rules read a run
/// as data. Spaces inserted in a run shorten it, other fixes (invisible
/// characters removed) too, so a run may cross the limit between passes.
fn glued_runs() -> impl Strategy<Value = String> {
    let sep = prop_oneof![12 => Just(""), 1 => Just(" "), 1 => Just("\n")];
    prop::collection::vec((token(), sep), 20..160).prop_map(|parts| {
        let mut s = String::new();
        for (t, sep) in parts {
            s.push_str(&t);
            s.push_str(sep);
        }
        s
    })
}

proptest! {
    #![proptest_config(cases(1000))]
    #[test]
    fn glued_runs_around_the_prose_limit(text in glued_runs()) {
        holds(Config::default(), &text)?;
        let config = Config { select: Some(every_rule()), lang: Lang::En, ..Config::default() };
        holds(config, &text)?;
    }
}

/// The generator must produce what it claims: glued and junk-laden text, so
/// a passing run means the rules were exercised, not skipped.
#[test]
fn generated_articles_give_the_rules_work() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let pipeline = Pipeline::new(Config::default()).unwrap();
    let mut changed = 0;
    for _ in 0..200 {
        let text = article().new_tree(&mut runner).unwrap().current();
        if pipeline.run(&text).unwrap().changed() {
            changed += 1;
        }
    }
    assert!(changed > 150, "only {changed} of 200 articles needed a fix");
}
