//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use copyedit::{Lang, ParagraphStyle};

#[derive(Debug, Parser)]
#[command(name = "copyedit", version, about = "Clean scraped article text and show every fix", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fix files (or stdin) and write the clean text.
    Fix(FixArgs),
    /// Report the fixes that `fix` would make; exit 0 clean, 1 fixes needed, 2 error.
    Check(CheckArgs),
    /// List every rule: id, on by default or not, description.
    Rules,
    /// Explain a rule: what it fixes, why, and examples.
    Explain(super::explain::ExplainArgs),
}

/// Options shared by `fix` and `check`.
#[derive(Debug, Args)]
pub struct Common {
    /// Files or directories (walked recursively); none or `-` reads stdin.
    pub paths: Vec<PathBuf>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub select: Option<Vec<String>>,
    /// Leave these rules out (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub ignore: Option<Vec<String>>,
    /// Configuration file (default: copyedit.toml in the current folder or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any copyedit.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Paragraph separator in the output: auto (the document's dominant one), single, blank.
    #[arg(long, value_name = "STYLE")]
    pub paragraphs: Option<ParagraphStyle>,
    /// Language of the input: auto (detect per document), en, other (only language-neutral rules).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// File extensions taken from directories (comma-separated; default txt,md).
    #[arg(long, value_delimiter = ',', value_name = "EXT,...")]
    pub extensions: Option<Vec<String>>,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// Bulk runs: JSON Lines, threads, which files a directory walk takes.
#[derive(Debug, Args)]
pub struct BulkArgs {
    /// Read JSON Lines: fix string fields of each record, keep every other byte.
    #[arg(long)]
    pub jsonl: bool,
    /// The field to fix in each JSONL record; dots reach nested objects
    /// (doc.body). Several: repeat the option or separate with commas (title,text).
    #[arg(
        long,
        value_name = "PATH",
        default_value = "text",
        value_delimiter = ',',
        requires = "jsonl"
    )]
    pub field: Vec<String>,
    /// A malformed record, a missing or non-string field: fail (exit 2), pass it through unchanged, or skip it.
    #[arg(long, value_name = "MODE", default_value = "fail", requires = "jsonl")]
    pub on_error: OnError,
    /// Worker threads (default: all cores, or RAYON_NUM_THREADS).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// In directories, take only files matching these globs (relative to the directory; replaces --extensions).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// In directories, leave out files and folders matching these globs.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// In directories, also take hidden files and folders (names starting with a dot).
    #[arg(long)]
    pub hidden: bool,
    /// In directories, ignore .gitignore and .ignore files (by default, inside a git repository, they are honoured).
    #[arg(long)]
    pub no_ignore: bool,
}

/// What to do with a JSONL record that cannot be processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnError {
    /// Stop with the line number on stderr, exit 2.
    Fail,
    /// Write the line unchanged, count it, go on.
    Pass,
    /// Leave the line out of the output, count it, go on.
    Skip,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    #[command(flatten)]
    pub common: Common,
    /// Write each fixed file under DIR, mirroring the input tree.
    #[arg(long, value_name = "DIR", conflicts_with = "in_place")]
    pub out: Option<PathBuf>,
    /// Rewrite the input files (atomically: temp file in the same folder, then rename).
    #[arg(long)]
    pub in_place: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub review: super::review::ReviewArgs,
}
