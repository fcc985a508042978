//! What `check` writes: the list of fixes (text or JSON Lines), a unified
//! diff, or per-rule statistics on stdout, and optionally an HTML page.
//!
//! The run loop hands every checked document and every failed input to a
//! [`Review`] in input order; the renderers themselves live in
//! [`copyedit::report`] so library users get the same output.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use copyedit::report::{diff, html, html::HtmlReport, json, stats::Statistics};
use copyedit::{LineIndex, Outcome};

#[derive(Debug, Clone, Args)]
pub struct ReviewArgs {
    /// Print a unified diff per changed file instead of the list of fixes
    /// (paths as given, with a/ and b/ prefixes: apply with `patch -p1` or `git apply`).
    /// With --jsonl, a diff of the field's text per changed record, named
    /// PATH:LINE:FIELD (for reading: apply fixes with `fix --jsonl`).
    #[arg(long, conflicts_with_all = ["format", "statistics"])]
    pub diff: bool,
    /// Format of the list of fixes: text (PATH:LINE:COL: RULE: MESSAGE) or
    /// json (JSON Lines: fix, error and summary records).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Print the number of fixes per rule instead of the list of fixes.
    #[arg(long)]
    pub statistics: bool,
    /// Also write a self-contained HTML review page to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Changed files or records (and errors) the HTML page lists; the rest
    /// are counted in its summary only. 0 lists all.
    #[arg(long, value_name = "N", default_value_t = html::DEFAULT_LIMIT, requires = "html")]
    pub html_limit: usize,
    /// Colour the diff: auto (when stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What `check` writes on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Text,
    Json,
    Diff { color: bool },
    Statistics,
}

/// The outputs of one `check` run.
pub struct Review {
    mode: Mode,
    stats: Statistics,
    html: Option<(PathBuf, HtmlReport)>,
}

impl Review {
    pub fn new(args: &ReviewArgs) -> Result<Self> {
        let mode = match (args.diff, args.statistics, args.format) {
            (true, ..) => Mode::Diff {
                color: use_color(args.color),
            },
            (false, true, Some(Format::Json)) => bail!(
                "--statistics prints a text table; with --format json the summary record \
                 already holds the counts per rule (fixes_by_rule)"
            ),
            (false, true, _) => Mode::Statistics,
            (false, false, Some(Format::Json)) => Mode::Json,
            (false, false, _) => Mode::Text,
        };
        Ok(Review {
            mode,
            stats: Statistics::default(),
            html: args
                .html
                .clone()
                .map(|p| (p, HtmlReport::new().with_limit(args.html_limit))),
        })
    }

    /// What this review writes on stdout.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Where the HTML page goes and how many documents it may list, if one
    /// was asked for.
    pub fn html_target(&self) -> Option<(&Path, usize)> {
        self.html
            .as_ref()
            .map(|(p, page)| (p.as_path(), page.limit()))
    }

    /// Report one checked document.
    pub fn file(
        &mut self,
        out: &mut impl Write,
        path: &str,
        original: &str,
        outcome: &Outcome,
    ) -> Result<()> {
        self.stats.add(outcome);
        if let Some((_, page)) = &mut self.html {
            page.add(path, original, outcome);
        }
        match self.mode {
            Mode::Text => {
                let lines = LineIndex::new(original);
                for f in &outcome.fixes {
                    let (line, col) = lines.position(f.range.start);
                    writeln!(out, "{path}:{line}:{col}: {}: {}", f.rule, f.message)?;
                }
            }
            Mode::Json => {
                for r in json::fix_records(path, original, outcome) {
                    json::write_record(out, &r)?;
                }
            }
            Mode::Diff { color } => {
                diff::write_unified(out, path, original, &outcome.fixed, color)?;
            }
            Mode::Statistics => {}
        }
        Ok(())
    }

    /// Report an input that could not be checked; `message` may start with
    /// the path, which is dropped since the record names the path itself.
    pub fn error(&mut self, out: &mut impl Write, path: &str, message: &str) -> Result<()> {
        self.stats.add_error();
        let message = without_path(message, path);
        if let Some((_, page)) = &mut self.html {
            page.add_error(path, message);
        }
        if let Mode::Json = self.mode {
            json::write_record(
                out,
                &json::Record::Error {
                    path,
                    record: None,
                    message,
                },
            )?;
        }
        Ok(())
    }

    /// Write what comes after the last document: the JSON summary, the
    /// statistics table, the HTML page.
    pub fn finish(self, out: &mut impl Write) -> Result<()> {
        match self.mode {
            Mode::Json => json::write_record(out, &json::summary(&self.stats))?,
            Mode::Statistics => self.stats.write_text(out)?,
            Mode::Text | Mode::Diff { .. } => {}
        }
        if let Some((path, page)) = &self.html {
            write_page(path, page, &self.stats)?;
        }
        Ok(())
    }
}

/// Write an HTML review page to `path`.
pub fn write_page(path: &Path, page: &HtmlReport, stats: &Statistics) -> Result<()> {
    let file = std::fs::File::create(path)
        .with_context(|| format!("{}: cannot create the HTML report", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    page.write(&mut w, stats)
        .and_then(|_| w.flush())
        .with_context(|| format!("{}: cannot write the HTML report", path.display()))
}

/// `message` without a leading `path: `: an error record names the path
/// itself.
pub fn without_path<'a>(message: &'a str, path: &str) -> &'a str {
    message
        .strip_prefix(path)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message)
}

/// `auto` colours a terminal unless NO_COLOR is set to anything non-empty
/// (no-color.org); `always` overrides NO_COLOR, as that convention allows.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}
