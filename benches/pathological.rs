//! Pathological inputs — long punctuation runs, a huge word, deep nesting of
//! quotes and brackets, megabytes of one character, and inputs where every
//! few bytes need a fix — at 1x, 2x and 4x the base size. The time per byte
//! must stay flat as the size grows: a rule or the pipeline going quadratic
//! shows up here as time that quadruples when the input doubles.
//!
//! `cargo bench --bench pathological`; `-- --quick` for a fast look.

use std::hint::black_box;
use std::time::Duration;

use copyedit::{Config, Lang, Pipeline};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const BASE: usize = 1 << 20;

/// `unit` repeated to `len` bytes, cut at a char boundary, inside a line.
fn fill(unit: &str, len: usize) -> String {
    let mut s = String::with_capacity(len + unit.len() + 16);
    s.push_str("Start ");
    while s.len() < len {
        s.push_str(unit);
    }
    s.push_str(" end\n");
    s
}

fn nested(len: usize) -> String {
    let open = "\u{201c}([{\u{2018}\"'";
    let close = "'\"\u{2019}}])\u{201d}";
    let k = len / (open.len() + close.len());
    let mut s = String::with_capacity(len + 16);
    s.push_str("He said ");
    for _ in 0..k {
        s.push_str(open);
    }
    s.push_str("word");
    for _ in 0..k {
        s.push_str(close);
    }
    s.push('\n');
    s
}

/// (name, generator) of every pathological input.
#[allow(clippy::type_complexity)]
fn inputs() -> Vec<(&'static str, Box<dyn Fn(usize) -> String>)> {
    vec![
        ("punctuation-run", Box::new(|n| fill(",.;:!?\u{2026}-", n))),
        ("one-word", Box::new(|n| fill("a", n))),
        ("nested-quotes-brackets", Box::new(nested)),
        ("dots", Box::new(|n| fill(".", n))),
        ("commas", Box::new(|n| fill(",", n))),
        ("spaces", Box::new(|n| fill(" ", n))),
        ("newlines", Box::new(|n| fill("\n", n))),
        ("glued-sentences", Box::new(|n| fill("word.Next,word;", n))),
        ("comma-list", Box::new(|n| fill("tag,", n))),
        ("glued-capitals", Box::new(|n| fill("word.AB ", n))),
        ("quoted-commas", Box::new(|n| fill("\"a,\"b ", n))),
        (
            "glued-runs-of-122",
            Box::new(|n| fill(&("ab,".repeat(40) + "ab "), n)),
        ),
        ("fix-every-3-bytes", Box::new(|n| fill("a \u{a0}", n))),
        (
            "invisible-run",
            Box::new(|n| fill("\u{200b}\u{ad}\u{feff}", n)),
        ),
        ("combining-marks", Box::new(|n| fill("e\u{301}\u{308}", n))),
    ]
}

fn pathological(c: &mut Criterion) {
    let every = copyedit::rules::all()
        .iter()
        .map(|r| r.id().to_string())
        .collect();
    let pipeline = Pipeline::new(Config {
        select: Some(every),
        lang: Lang::En,
        ..Config::default()
    })
    .unwrap();
    for (name, make) in inputs() {
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for scale in [1, 2, 4] {
            let text = make(BASE * scale);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{scale}x")),
                &text,
                |b, t| b.iter(|| pipeline.run(black_box(t)).unwrap()),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);
