//! Streaming JSON Lines: read in bounded chunks of whole lines, fix the
//! records of a chunk in parallel, write them in input order.
//!
//! A reader thread fills the next chunk and a writer thread drains the last
//! one while the pool works on the current one, so I/O overlaps the work and
//! memory stays at a few chunks whatever the input size (a single line longer
//! than a chunk grows that chunk to hold it). Exactly one line goes out per
//! line in, except for records dropped by `--on-error skip`.

use std::io::{Read, Write};
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use anyhow::{Context, Result, bail};
use copyedit::report::diff;
use copyedit::report::html::{self, HtmlReport};
use copyedit::report::json::{self, Record};
use copyedit::report::stats::Statistics;
use copyedit::{LineIndex, Pipeline};
use rayon::prelude::*;

use super::Task;
use super::args::{Common, OnError};
use super::compress::{self, Codec, Compressor};
use super::input::{self, Input, WalkOptions};
use super::jsonl::{self, FieldPath, RecordError};
use super::output::{self, Mode};
use super::progress::{self, Progress, Tally};
use super::review::{Mode as ReviewMode, without_path, write_page};

/// Bytes of input per chunk: large enough to keep every core busy, small
/// enough that a few chunks in flight stay far below 100 MB.
pub const CHUNK_BYTES: usize = 4 << 20;
/// Bytes of records one task takes within a chunk: small pieces keep the
/// cores evenly loaded up to the end of each chunk.
const PIECE_BYTES: usize = 64 << 10;
/// Record errors printed before the rest are only counted.
const MAX_WARNINGS: u64 = 20;

/// What a run writes for each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The records, fixed (`fix`).
    Fixed,
    /// One line per fix: `PATH:RECORD: FIELD LINE:COL: RULE: MESSAGE`.
    Text,
    /// JSON Lines report records (docs/report-schema.json), then a summary.
    Json,
    /// Nothing per record; a table of fixes per rule at the end.
    Statistics,
    /// A unified diff of the field's text per changed record.
    Diff { color: bool },
}

/// What to do with each record.
pub struct Job<'a> {
    pub pipeline: &'a Pipeline,
    /// The fields to fix, with their paths as given (`doc.body`) for reports.
    pub fields: &'a [(FieldPath, String)],
    pub on_error: OnError,
    pub output: Output,
    /// Set when an HTML page is written: true once the page lists all the
    /// records it may, so workers stop building entries for it.
    pub html_full: Option<&'a AtomicBool>,
}

/// A record that failed, by line number (1-based).
pub struct RecordFailure {
    pub line: u64,
    pub error: RecordError,
}

/// What one task produced for a run of consecutive lines.
#[derive(Default)]
struct Piece {
    out: Vec<u8>,
    tally: Tally,
    /// Errors in line order; under `fail` the piece stops at the first.
    failures: Vec<RecordFailure>,
    /// HTML page entries of changed records, in line order.
    entries: Vec<html::Entry>,
    /// Changed records whose entries were not built: the page was full.
    left_out: u64,
}

/// Where a stream stands between chunks; carried across files so the
/// warning cap and the totals cover the whole run.
pub struct Run<'a> {
    pub job: Job<'a>,
    pub pool: &'a rayon::ThreadPool,
    pub progress: &'a Progress,
    pub tally: Tally,
    pub warned: u64,
    /// The HTML page, when one is written.
    pub page: Option<HtmlReport>,
}

impl Run<'_> {
    /// Stream `reader` to `writer`. Returns the failure that stopped the run
    /// under `--on-error fail` (the lines before it have been written).
    pub fn stream(
        &mut self,
        label: &str,
        reader: Box<dyn Read + Send>,
        writer: &mut (dyn Write + Send),
    ) -> Result<Option<RecordFailure>> {
        let (chunk_tx, chunk_rx) = sync_channel::<std::io::Result<Vec<u8>>>(1);
        std::thread::Builder::new()
            .name("copyedit-reader".into())
            .spawn(move || read_chunks(reader, chunk_tx))
            .context("cannot start the reader thread")?;
        let (out_tx, out_rx) = sync_channel::<Vec<Piece>>(1);
        std::thread::scope(|s| {
            let w = s.spawn(move || write_pieces(writer, out_rx));
            let r = self.produce(label, &chunk_rx, &out_tx);
            drop(out_tx);
            let written = w.join().expect("writer thread panicked");
            // A writer error (a closed pipe) explains a failed send: report it first.
            written.context("writing the output")?;
            r
        })
    }

    fn produce(
        &mut self,
        label: &str,
        chunks: &Receiver<std::io::Result<Vec<u8>>>,
        out: &SyncSender<Vec<Piece>>,
    ) -> Result<Option<RecordFailure>> {
        let mut first_line = 1u64;
        for chunk in chunks {
            // The records before the failure went through: say where it was.
            let chunk = chunk.with_context(|| match first_line {
                1 => format!("{label}: cannot read"),
                n => format!("{label}: cannot read after line {}", n - 1),
            })?;
            let pieces = split(&chunk);
            let job = &self.job;
            let mut done: Vec<Piece> = self.pool.install(|| {
                pieces
                    .par_iter()
                    .map(|(lines, first)| process(job, label, &chunk, lines, first_line + first))
                    .collect()
            });
            let mut fatal = None;
            for (k, p) in done.iter_mut().enumerate() {
                self.tally.merge(&p.tally);
                if let Some(page) = &mut self.page {
                    p.entries.drain(..).for_each(|e| page.push(e));
                    (0..p.left_out).for_each(|_| page.left_out());
                    for f in &p.failures {
                        page.add_error(&format!("{label}:{}", f.line), &f.error.to_string());
                    }
                    if page.is_full()
                        && let Some(full) = self.job.html_full
                    {
                        full.store(true, Ordering::Relaxed);
                    }
                }
                for f in p.failures.drain(..) {
                    if self.job.on_error == OnError::Fail {
                        fatal = Some(f);
                        break;
                    }
                    self.warned += 1;
                    if self.warned <= MAX_WARNINGS {
                        self.progress.println(&format!(
                            "copyedit: warning: {label}:{}: {}{}",
                            f.line,
                            f.error,
                            if self.warned == MAX_WARNINGS {
                                " (further record errors are only counted)"
                            } else {
                                ""
                            }
                        ));
                    }
                }
                if fatal.is_some() {
                    done.truncate(k + 1);
                    break;
                }
            }
            first_line += memchr::memchr_iter(b'\n', &chunk).count() as u64;
            self.progress.update(self.tally.bytes, self.tally.docs);
            if out.send(done).is_err() || fatal.is_some() {
                return Ok(fatal);
            }
        }
        Ok(None)
    }
}

/// A UTF-8 byte-order mark: some Windows tools start JSON Lines files with
/// one. It belongs to no record and JSON parsers reject it, so a stream's
/// first chunk drops it; line numbers do not change.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Fill chunks of whole lines from `reader` and send them on. The thread is
/// detached: if the consumer stops early it exits at its next send.
fn read_chunks(mut reader: Box<dyn Read + Send>, tx: SyncSender<std::io::Result<Vec<u8>>>) {
    let mut carry: Vec<u8> = Vec::new();
    let mut first = true;
    loop {
        let mut buf = Vec::with_capacity(CHUNK_BYTES.max(carry.len() * 2));
        buf.append(&mut carry);
        let mut eof = false;
        let cut = loop {
            let want = (buf.capacity() - buf.len()).max(64 << 10);
            match (&mut reader).take(want as u64).read_to_end(&mut buf) {
                Ok(0) => {
                    eof = true;
                    break buf.len();
                }
                Ok(_) if buf.len() < CHUNK_BYTES => continue,
                Ok(_) => {
                    if let Some(nl) = memchr::memrchr(b'\n', &buf) {
                        break nl + 1;
                    }
                    // One line longer than a chunk: keep reading until it ends.
                    buf.reserve(buf.len());
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        };
        carry.extend_from_slice(&buf[cut..]);
        buf.truncate(cut);
        if std::mem::take(&mut first) && buf.starts_with(BOM) {
            buf.drain(..BOM.len());
        }
        if !buf.is_empty() && tx.send(Ok(buf)).is_err() {
            return;
        }
        if eof {
            return;
        }
    }
}

fn write_pieces(writer: &mut (dyn Write + Send), rx: Receiver<Vec<Piece>>) -> std::io::Result<()> {
    for pieces in rx {
        for p in pieces {
            writer.write_all(&p.out)?;
        }
    }
    writer.flush()
}

/// Cut a chunk into runs of whole lines of about `PIECE_BYTES`: each run is
/// (byte range, index of its first line in the chunk).
fn split(chunk: &[u8]) -> Vec<(Range<usize>, u64)> {
    let mut pieces = Vec::with_capacity(chunk.len() / PIECE_BYTES + 1);
    let (mut start, mut line) = (0usize, 0u64);
    while start < chunk.len() {
        let target = (start + PIECE_BYTES).min(chunk.len());
        let end = match memchr::memchr(b'\n', &chunk[target.saturating_sub(1)..]) {
            Some(i) => target.saturating_sub(1) + i + 1,
            None => chunk.len(),
        };
        pieces.push((start..end, line));
        line += memchr::memchr_iter(b'\n', &chunk[start..end]).count() as u64;
        start = end;
    }
    pieces
}

fn process(job: &Job, label: &str, chunk: &[u8], range: &Range<usize>, first: u64) -> Piece {
    let bytes = &chunk[range.clone()];
    let mut piece = Piece {
        out: Vec::with_capacity(bytes.len() + bytes.len() / 32),
        ..Piece::default()
    };
    let mut start = 0;
    let mut line_no = first;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
        let line = &bytes[start..end];
        piece.tally.bytes += line.len() as u64;
        if let Err(error) = record(job, label, line, line_no, &mut piece) {
            piece.tally.errors += 1;
            if job.output == Output::Json {
                let message = error.to_string();
                let r = Record::Error {
                    path: label,
                    record: Some(line_no),
                    message: &message,
                };
                // Infallible: writing into a Vec.
                let _ = json::write_record(&mut piece.out, &r);
            }
            match job.on_error {
                OnError::Pass if job.output == Output::Fixed => piece.out.extend_from_slice(line),
                OnError::Skip => piece.tally.skipped += 1,
                _ => {}
            }
            piece.failures.push(RecordFailure {
                line: line_no,
                error,
            });
            if job.on_error == OnError::Fail {
                break;
            }
        }
        start = end;
        line_no += 1;
    }
    piece
}

/// Fix (or check) one line and write its output into the piece.
fn record(
    job: &Job,
    label: &str,
    line: &[u8],
    line_no: u64,
    piece: &mut Piece,
) -> Result<(), RecordError> {
    // The terminator stays outside the JSON text (a "\r" before "\n" is
    // JSON whitespace, kept with the record).
    let body = line.strip_suffix(b"\n").unwrap_or(line);
    // Every field is found and fixed before anything is written, so a bad
    // field leaves the record to --on-error whole.
    let mut fixed = Vec::with_capacity(job.fields.len());
    for (path, name) in job.fields {
        let found = jsonl::locate(body, path)?;
        let outcome = jsonl::fix_text(job.pipeline, &found.text).map_err(RecordError::Fix)?;
        fixed.push((name.as_str(), found, outcome));
    }
    piece.tally.docs += 1;
    piece
        .tally
        .add_fixes(fixed.iter().flat_map(|(_, _, o)| &o.fixes).map(|f| &f.rule));
    // A record's name in reports; with several fields, each field's.
    let several = job.fields.len() > 1;
    let name_of = |field: &str| match several {
        false => format!("{label}:{line_no}"),
        true => format!("{label}:{line_no}:{field}"),
    };
    if let Some(full) = job.html_full {
        for (field, found, outcome) in fixed.iter().filter(|(_, _, o)| o.changed()) {
            if full.load(Ordering::Relaxed) {
                piece.left_out += 1;
            } else {
                let name = name_of(field);
                piece
                    .entries
                    .extend(html::Entry::new(&name, &found.text, outcome));
            }
        }
    }
    // Writes below go into a Vec and cannot fail.
    if job.output == Output::Fixed {
        let mut changed: Vec<_> = fixed
            .iter()
            .filter(|(_, _, o)| o.changed())
            .map(|(_, found, o)| (&found.range, o.fixed.as_str()))
            .collect();
        changed.sort_unstable_by_key(|(r, _)| r.start);
        jsonl::splice(body, &changed, &mut piece.out);
        piece.out.extend_from_slice(&line[body.len()..]);
        return Ok(());
    }
    for (field, found, outcome) in &fixed {
        match job.output {
            Output::Text if outcome.changed() => {
                let lines = LineIndex::new(&found.text);
                for f in &outcome.fixes {
                    let (l, c) = lines.position(f.range.start);
                    let _ = writeln!(
                        piece.out,
                        "{label}:{line_no}: {field} {l}:{c}: {}: {}",
                        f.rule, f.message
                    );
                }
            }
            Output::Json => {
                let records = json::field_fix_records(label, line_no, field, &found.text, outcome);
                for r in records {
                    let _ = json::write_record(&mut piece.out, &r);
                }
            }
            Output::Diff { color } => {
                let name = format!("{label}:{line_no}:{field}");
                let _ =
                    diff::write_unified(&mut piece.out, &name, &found.text, &outcome.fixed, color);
            }
            Output::Fixed | Output::Text | Output::Statistics => {}
        }
    }
    Ok(())
}

/// Run `fix --jsonl` or `check --jsonl` over stdin, files and trees. Files
/// are streamed one after the other (their records in parallel); to stdout
/// they are concatenated, under --out each gets its mirror file, and with
/// --in-place each is replaced atomically once all of it has gone through.
pub(super) fn run(
    common: &Common,
    walk: &WalkOptions,
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    task: &Task,
) -> Result<ExitCode> {
    let mut fields: Vec<(FieldPath, String)> = Vec::with_capacity(common.bulk.field.len());
    for name in &common.bulk.field {
        let path = FieldPath::parse(name).map_err(anyhow::Error::msg)?;
        if let Some((other, _)) = fields.iter().find(|(p, _)| p.overlaps(&path)) {
            bail!("--field {other} and {path}: a field given twice or inside another");
        }
        fields.push((path, name.clone()));
    }
    let inputs = input::expand(&common.paths, walk);
    if matches!(task, Task::Fix(Mode::InPlace))
        && inputs.iter().any(|i| matches!(i, Ok(Input::Stdin)))
    {
        bail!("--in-place needs file paths, not stdin");
    }
    let total = inputs
        .iter()
        .map(|i| match i {
            // A compressed file's text is larger than the file: no total.
            Ok(Input::File { path, .. }) if Codec::of_name(path) != Codec::Plain => None,
            Ok(Input::File { path, .. }) => std::fs::metadata(path).ok().map(|m| m.len()),
            Ok(Input::Stdin) => None,
            Err(_) => Some(0),
        })
        .sum::<Option<u64>>();
    let progress = Progress::new(common.quiet, total, "records");
    let output = match task {
        Task::Fix(_) => Output::Fixed,
        Task::Check(review) => match review.mode() {
            ReviewMode::Text => Output::Text,
            ReviewMode::Json => Output::Json,
            ReviewMode::Statistics => Output::Statistics,
            ReviewMode::Diff { color } => Output::Diff { color },
        },
    };
    let html_target = match task {
        Task::Check(review) => review.html_target(),
        Task::Fix(_) => None,
    };
    let html_full = AtomicBool::new(false);
    let mut run = Run {
        job: Job {
            pipeline,
            fields: &fields,
            on_error: common.bulk.on_error,
            output,
            html_full: html_target.map(|_| &html_full),
        },
        pool,
        progress: &progress,
        tally: Tally::default(),
        warned: 0,
        page: html_target.map(|(_, limit)| {
            match fields.len() {
                1 => HtmlReport::for_records(),
                _ => HtmlReport::for_record_fields(),
            }
            .with_limit(limit)
        }),
    };
    let mut stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout());
    let mut failed_inputs = 0u64;
    // Files read through (to the end, or to a record that stopped the run),
    // and those with a record that needed a fix.
    let (mut files_checked, mut files_changed) = (0usize, 0usize);
    let mut fatal = None;
    // A JSON report names each input that failed in an error record.
    let report_error =
        |out: &mut std::io::BufWriter<std::io::Stdout>, path: &str, message: &str| {
            if output != Output::Json {
                return Ok(());
            }
            let r = Record::Error {
                path,
                record: None,
                message: without_path(message, path),
            };
            json::write_record(out, &r).context("writing the output")
        };
    for i in &inputs {
        let input = match i {
            Ok(input) => input,
            Err(e) => {
                failed_inputs += 1;
                report_error(&mut stdout, e.path(), &e.to_string())?;
                if let Some(page) = &mut run.page {
                    page.add_error(e.path(), without_path(&e.to_string(), e.path()));
                }
                progress.println(&format!("copyedit: error: {e}"));
                continue;
            }
        };
        let label = input.label();
        let changed_before = run.tally.changed;
        let result = match (input, task) {
            (Input::Stdin, _) => compress::decompress(Box::new(std::io::stdin()))
                .with_context(|| format!("{label}: cannot read"))
                .and_then(|(r, _)| run.stream(&label, r, &mut stdout)),
            (Input::File { path, .. }, Task::Check(_) | Task::Fix(Mode::Stdout)) => {
                open(path, &label).and_then(|(r, _)| run.stream(&label, r, &mut stdout))
            }
            (Input::File { path, rel }, Task::Fix(mode)) => to_file(&mut run, mode, path, rel),
        };
        if result.is_ok() {
            files_checked += 1;
            files_changed += usize::from(run.tally.changed > changed_before);
        }
        match result {
            Ok(None) => {}
            Ok(Some(f)) => {
                fatal = Some(format!("{label}:{}: {}", f.line, f.error));
                break;
            }
            Err(e) if super::is_broken_pipe(&e) => return Err(e),
            Err(e) => {
                failed_inputs += 1;
                report_error(&mut stdout, &label, &format!("{e:#}"))?;
                if let Some(page) = &mut run.page {
                    page.add_error(&label, without_path(&format!("{e:#}"), &label));
                }
                progress.println(&format!("copyedit: error: {e:#}"));
            }
        }
    }
    let mut tally = run.tally;
    tally.errors += failed_inputs;
    let page = run.page;
    let stats = || Statistics {
        files_checked,
        files_changed,
        errors: tally.errors as usize,
        by_rule: tally
            .by_rule
            .iter()
            .map(|&(r, n)| (r, n as usize))
            .collect(),
    };
    // The statistics table and the HTML page count records.
    let per_record = Statistics {
        files_checked: tally.docs as usize,
        files_changed: tally.changed as usize,
        ..stats()
    };
    match output {
        Output::Json => {
            let s = stats();
            let summary = Record::Summary {
                files_checked,
                files_changed,
                fixes: s.fixes(),
                fixes_by_rule: s.by_rule,
                errors: s.errors,
                records_checked: Some(tally.docs),
                records_changed: Some(tally.changed),
            };
            json::write_record(&mut stdout, &summary).context("writing the output")?;
        }
        Output::Statistics => {
            per_record
                .write_text_of(&mut stdout, "record")
                .context("writing the output")?;
        }
        Output::Fixed | Output::Text | Output::Diff { .. } => {}
    }
    if let (Some((path, _)), Some(page)) = (html_target, &page) {
        write_page(path, page, &per_record)?;
    }
    stdout.flush().context("writing the output")?;
    progress.finish();
    if let Some(f) = &fatal {
        eprintln!("copyedit: error: {f} (--on-error pass or skip to go on)");
    }
    if !common.quiet {
        eprintln!(
            "{}",
            progress::summary(&tally, "records", progress.elapsed())
        );
    }
    Ok(if fatal.is_some() || failed_inputs > 0 {
        ExitCode::from(2)
    } else if matches!(task, Task::Check(_)) && tally.changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Open a file and decompress it if its first bytes say it is compressed.
fn open(path: &Path, label: &str) -> Result<(Box<dyn Read + Send>, Codec)> {
    let f = std::fs::File::open(path).with_context(|| format!("{label}: cannot open"))?;
    compress::decompress(Box::new(f)).with_context(|| format!("{label}: cannot read"))
}

/// Stream one file into a temp file beside its destination, then move it
/// into place: under --out the mirror file, with --in-place the input itself
/// (only when a record changed). A failed run leaves no partial file.
fn to_file(run: &mut Run, mode: &Mode, path: &Path, rel: &Path) -> Result<Option<RecordFailure>> {
    let label = path.display().to_string();
    let target = match mode {
        Mode::OutDir(dir) => {
            let t = dir.join(rel);
            if output::same_file(&t, path) {
                bail!("{label}: --out would overwrite the input; use --in-place to rewrite files");
            }
            t
        }
        _ => path.to_path_buf(),
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("{}: cannot create folder", dir.display()))?;
    let (reader, codec) = open(path, &label)?;
    let tmp = output::temp_file_in(&dir, &target)?;
    let changed_before = run.tally.changed;
    // Written as the input was compressed, so a mirrored corpus keeps its format.
    let mut w = Compressor::new(codec, std::io::BufWriter::with_capacity(1 << 20, tmp))
        .with_context(|| format!("{label}: cannot start compressing"))?;
    if let Some(f) = run.stream(&label, reader, &mut w)? {
        return Ok(Some(f));
    }
    let tmp = w
        .finish()
        .and_then(|b| b.into_inner().map_err(|e| e.into_error()))
        .with_context(|| format!("{label}: cannot write"))?;
    if matches!(mode, Mode::InPlace) && run.tally.changed == changed_before {
        return Ok(None);
    }
    output::persist_like(tmp, path, &target)?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_hold_whole_lines() {
        let mut chunk = Vec::new();
        for i in 0..20_000 {
            chunk.extend_from_slice(format!("{{\"n\":{i}}}\n").as_bytes());
        }
        let pieces = split(&chunk);
        assert!(pieces.len() > 2);
        let mut pos = 0;
        let mut line = 0;
        for (r, first) in &pieces {
            assert_eq!(r.start, pos);
            assert_eq!(*first, line);
            assert_eq!(chunk[r.end - 1], b'\n');
            line += chunk[r.clone()].iter().filter(|&&b| b == b'\n').count() as u64;
            pos = r.end;
        }
        assert_eq!(pos, chunk.len());
    }

    #[test]
    fn chunks_end_on_line_breaks_and_lose_nothing() {
        let mut input = Vec::new();
        for i in 0..400_000u32 {
            input.extend_from_slice(format!("{{\"n\":{i},\"pad\":\"........\"}}\n").as_bytes());
        }
        input.extend_from_slice(b"{\"last\":true}");
        let (tx, rx) = sync_channel(1);
        let data = input.clone();
        std::thread::spawn(move || read_chunks(Box::new(std::io::Cursor::new(data)), tx));
        let chunks: Vec<Vec<u8>> = rx.into_iter().map(Result::unwrap).collect();
        assert!(chunks.len() > 1);
        for c in &chunks[..chunks.len() - 1] {
            assert_eq!(c.last(), Some(&b'\n'));
        }
        assert_eq!(chunks.concat(), input);
    }
}
