//! Criterion benches: each rule on its own, the shared document scans, and
//! the whole pipeline, on synthetic news-like articles with scraped-text junk.
//!
//! The text is generated here (deterministic), so the benches need no corpus;
//! `bench/compare.sh` measures real dirty articles against other tools.

use std::hint::black_box;

use copyedit::{Config, Document, Lang, ParagraphStyle, Pipeline};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const WORDS: &[&str] = &[
    "the",
    "government",
    "said",
    "on",
    "Monday",
    "that",
    "it",
    "would",
    "increase",
    "spending",
    "and",
    "of",
    "to",
    "in",
    "a",
    "for",
    "was",
    "with",
    "talks",
    "between",
    "Moscow",
    "Kyiv",
    "officials",
    "have",
    "been",
    "expected",
    "after",
    "the",
    "summit",
    "in",
    "Paris",
    "where",
    "leaders",
    "agreed",
    "new",
    "measures",
    "3,000",
    "troops",
    "U.S.",
    "President",
    "warned",
    "market",
    "shares",
    "rose",
    "2.5%",
    "by",
    "10:30",
    "analysts",
    "say",
    "growth",
    "is",
    "likely",
    "to",
    "slow",
    "this",
    "year",
    "company",
    "profits",
    "“record”",
    "it’s",
    "Ukraine’s",
];

/// A deterministic generator of article-like text with junk a scraper leaves:
/// double spaces, no-break and zero-width spaces, trailing spaces, blank lines
/// holding spaces.
fn articles(total_bytes: usize) -> Vec<String> {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut docs = Vec::new();
    let mut size = 0;
    while size < total_bytes {
        let mut doc = String::new();
        for _ in 0..6 + next(6) {
            for s in 0..3 + next(4) {
                if s > 0 {
                    doc.push(' ');
                }
                for w in 0..8 + next(16) {
                    if w > 0 {
                        doc.push_str(match next(100) {
                            0..=1 => "  ",
                            2 => "\u{a0}",
                            _ => " ",
                        });
                    }
                    let word = WORDS[next(WORDS.len() as u64) as usize];
                    if next(400) == 0 && word.is_ascii() && word.len() > 3 {
                        doc.push_str(&word[..2]);
                        doc.push('\u{200b}');
                        doc.push_str(&word[2..]);
                    } else {
                        doc.push_str(word);
                    }
                }
                doc.push('.');
            }
            if next(10) == 0 {
                doc.push_str("  ");
            }
            doc.push_str(if next(8) == 0 { "\n \n" } else { "\n\n" });
        }
        size += doc.len();
        docs.push(doc);
    }
    docs
}

fn bytes(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn rules(c: &mut Criterion) {
    let docs = articles(1 << 20);
    let mut g = c.benchmark_group("rule");
    g.throughput(Throughput::Bytes(bytes(&docs)));
    let scanned: Vec<Document> = docs
        .iter()
        .map(|d| Document::new(d, ParagraphStyle::Auto, true))
        .collect();
    for rule in copyedit::rules::all() {
        g.bench_function(rule.id(), |b| {
            let mut out = Vec::new();
            b.iter(|| {
                for d in &scanned {
                    out.clear();
                    rule.check(d, &mut out);
                    black_box(&out);
                }
            })
        });
    }
    g.finish();
}

fn scans(c: &mut Criterion) {
    let docs = articles(1 << 20);
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(bytes(&docs)));
    g.bench_function("document", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(Document::new(d, ParagraphStyle::Auto, true));
            }
        })
    });
    g.bench_function("looks-english", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(copyedit::lang::looks_english(d));
            }
        })
    });
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let docs = articles(1 << 20);
    let clean: Vec<String> = {
        let p = Pipeline::new(Config::default()).unwrap();
        docs.iter().map(|d| p.run(d).unwrap().fixed).collect()
    };
    let mut g = c.benchmark_group("pipeline");
    for (name, lang) in [("auto", Lang::Auto), ("en", Lang::En)] {
        let p = Pipeline::new(Config {
            lang,
            ..Config::default()
        })
        .unwrap();
        for (kind, set) in [("dirty", &docs), ("clean", &clean)] {
            g.throughput(Throughput::Bytes(bytes(set)));
            g.bench_function(format!("{kind}/{name}"), |b| {
                b.iter(|| {
                    for d in set.iter() {
                        black_box(p.run(d).unwrap());
                    }
                })
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = rules, scans, pipeline
}
criterion_main!(benches);
