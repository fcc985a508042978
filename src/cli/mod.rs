//! The command line: `fix`, `check` and `rules` over stdin, files and trees.
//!
//! Inputs are processed in chunks: each chunk is fixed in parallel (rayon)
//! and its results are written in input order before the next chunk is read,
//! so output never interleaves and memory stays bounded by the chunk.

mod args;
mod compress;
mod config;
mod explain;
mod input;
mod jsonl;
mod output;
mod progress;
mod review;
mod stream;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;
use copyedit::{Outcome, Pipeline};
use rayon::prelude::*;

use args::{Cli, Command, Common};
use input::{Decoded, Input};
use progress::{Progress, Tally};

/// Context for a failed write to stdout (a full disk, a closed pipe).
const STDOUT: &str = "cannot write to stdout";

/// Inputs fixed in parallel before their results are written out.
const CHUNK: usize = 256;

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules => rules(),
        Command::Fix(a) => {
            let mode = match (&a.out, a.in_place) {
                (Some(dir), _) => output::Mode::OutDir(dir.clone()),
                (None, true) => output::Mode::InPlace,
                (None, false) => output::Mode::Stdout,
            };
            process(&a.common, Task::Fix(mode))
        }
        Command::Check(a) => process(&a.common, Task::Check(review::Review::new(&a.review)?)),
        Command::Explain(a) => explain::run(&a).map(|_| ExitCode::SUCCESS),
    }
}

/// True when the error chain ends in a closed pipe (`copyedit fix | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn rules() -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for r in copyedit::rules::all() {
        let on = if r.default_enabled() { "on " } else { "off" };
        let en = if r.english_only() {
            " (English only)"
        } else {
            ""
        };
        writeln!(out, "{:<34} {on}  {}{en}", r.id(), r.doc().summary).context(STDOUT)?;
    }
    Ok(ExitCode::SUCCESS)
}

enum Task {
    Fix(output::Mode),
    Check(review::Review),
}

/// What one input produced, rendered by the worker.
enum Done {
    Fixed {
        input: Input,
        original: String,
        outcome: Outcome,
    },
    Skipped(input::Skipped),
    Failed(String, anyhow::Error),
}

/// The worker pool: `--threads`, else RAYON_NUM_THREADS, else all cores.
fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .thread_name(|i| format!("copyedit-{i}"))
        .build()
        .context("cannot start worker threads")
}

fn process(common: &Common, mut task: Task) -> Result<ExitCode> {
    let settings = config::load(common)?;
    let pipeline = Pipeline::new(settings.pipeline)?;
    let pool = pool(common.bulk.threads)?;
    let b = &common.bulk;
    let walk = input::WalkOptions {
        extensions: match (&common.extensions, b.jsonl) {
            (None, true) => vec!["jsonl".into(), "ndjson".into()],
            _ => settings.extensions.clone(),
        },
        include: b.include.clone(),
        exclude: b.exclude.clone(),
        hidden: b.hidden,
        no_ignore: b.no_ignore,
        compressed: b.jsonl,
    };
    if b.jsonl {
        return stream::run(common, &walk, &pipeline, &pool, &task);
    }
    let inputs = input::expand(&common.paths, &walk);

    let n_real = inputs.iter().filter(|i| i.is_ok()).count();
    if let Task::Fix(output::Mode::Stdout) = &task {
        let files = inputs
            .iter()
            .filter(|i| matches!(i, Ok(Input::File { .. })))
            .count();
        let dirs = common.paths.iter().any(|p| p.is_dir());
        if n_real > 1 || dirs && files > 0 {
            bail!(
                "several inputs: give --out DIR to write them under DIR, or --in-place to rewrite them"
            );
        }
    }
    if let Task::Fix(output::Mode::InPlace) = &task
        && inputs.iter().any(|i| matches!(i, Ok(Input::Stdin)))
    {
        bail!("--in-place needs file paths, not stdin");
    }
    // A single document fixed to stdout is a filter: it says nothing unless asked.
    let filter = matches!(task, Task::Fix(output::Mode::Stdout));
    let progress = Progress::new(common.quiet || filter, None, "files");

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut totals = Tally::default();
    for chunk in inputs.chunks(CHUNK) {
        let done: Vec<Done> = pool.install(|| {
            chunk
                .par_iter()
                .map(|i| match i {
                    Err(e) => Done::Failed(e.path().to_string(), anyhow::anyhow!("{e}")),
                    Ok(input) => work(&pipeline, input, &task),
                })
                .collect()
        });
        for d in done {
            match d {
                Done::Failed(path, e) => {
                    totals.errors += 1;
                    if let Task::Check(review) = &mut task {
                        review.error(&mut out, &path, &format!("{e:#}"))?;
                    }
                    out.flush().context(STDOUT)?;
                    progress.println(&format!("copyedit: error: {e:#}"));
                }
                Done::Skipped(s) => {
                    progress.println(&format!("copyedit: warning: {}: {}", s.path, s.reason))
                }
                Done::Fixed {
                    input,
                    original,
                    outcome,
                } => {
                    totals.docs += 1;
                    totals.bytes += original.len() as u64;
                    totals.add_fixes(outcome.fixes.iter().map(|f| &f.rule));
                    match &mut task {
                        Task::Fix(output::Mode::Stdout) => {
                            out.write_all(outcome.fixed.as_bytes()).context(STDOUT)?
                        }
                        Task::Fix(_) => {}
                        Task::Check(review) => {
                            review.file(&mut out, &input.label(), &original, &outcome)?
                        }
                    }
                }
            }
        }
        progress.update(totals.bytes, totals.docs);
    }
    let checking = matches!(task, Task::Check(_));
    if let Task::Check(review) = task {
        review.finish(&mut out)?;
    }
    out.flush().context(STDOUT)?;
    progress.finish();
    if !common.quiet && !filter {
        eprintln!(
            "{}",
            progress::summary(&totals, "files", progress.elapsed())
        );
    }
    Ok(if totals.errors > 0 {
        ExitCode::from(2)
    } else if checking && totals.changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Read, fix and (for files) write one input.
fn work(pipeline: &Pipeline, input: &Input, task: &Task) -> Done {
    let original = match input::read(input) {
        Ok(Decoded::Text(t)) => t,
        Ok(Decoded::Skip(s)) => return Done::Skipped(s),
        Err(e) => return Done::Failed(e.path().to_string(), e.into()),
    };
    let outcome = match pipeline.run(&original) {
        Ok(o) => o,
        Err(e) => return Done::Failed(input.label(), anyhow::anyhow!("{}: {e}", input.label())),
    };
    if let (Task::Fix(mode), Input::File { path, rel }) = (task, input)
        && let Err(e) = output::write(mode, path, rel, &outcome)
    {
        return Done::Failed(input.label(), e);
    }
    Done::Fixed {
        input: input.clone(),
        original,
        outcome,
    }
}
