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
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
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
